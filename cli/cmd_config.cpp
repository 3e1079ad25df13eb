#include <filesystem>
#include <iostream>


#include "context.hpp"
#include "orgplan/storage/settings_store.hpp"
#include "orgplan/storage/write_transaction.hpp"
#include "orgplan//storage/change_log.hpp"
#include "orgplan/storage/database.hpp"
#include "orgplan/model/settings.hpp"

namespace orgplan::cli {

int cmd_config(const Args& args) {
    Common common;
    std::vector<std::string> words;
    po::options_description desc("config options");
    desc.add_options()("words", po::value(&words), "list | get KEY | set KEY VALUE [KEY VALUE...] | unset KEY");
    add_common(desc, common);
    po::positional_options_description pos;
    pos.add("words", -1);
    const std::string usage = "orgplan config [list | get KEY | set KEY VALUE [KEY VALUE...] | unset KEY]";
    if (!parse(args, desc, pos, common, usage)) return 0;
    const std::string action = words.empty() ? "list" : words[0];
    const auto expect = [&](std::size_t n) {
        if (words.size() != n) throw UsageError("config " + action + ": wrong number of arguments\nusage: " + usage);
    };

    if (action == "set" || action == "unset") {
        if (action == "set" ? words.size() < 3 || words.size() % 2 == 0 : words.size() != 2)
            throw UsageError("config " + action + ": wrong number of arguments\nusage: " + usage);
        std::vector<std::pair<std::string, std::string>> values;
        for (std::size_t i = 1; action == "set" && i + 1 < words.size(); i += 2) values.emplace_back(words[i], words[i + 1]);
        Database db(db_path(common));
        WriteTransaction tx(db);
        if (action == "set")
            store_settings(db, values); // checked together once all are written
        else
            remove_setting(db, words[1]);
        nlohmann::json changed{{"settings", action == "set" ? values.size() : 1}};
        std::string keys;
        for (const auto& [key, value] : values) {
            changed[key] = value;
            keys += " " + key;
        }
        record_change(db, "config " + action + (action == "set" ? keys : " " + words[1]), changed);
        tx.commit();
        note_written("the settings were stored in " + db.path());
        std::vector<std::string> lines;
        if (action == "unset") lines.push_back(words[1] + " reset to its default");
        for (const auto& [key, value] : values) lines.push_back(key + " = " + value);
        emit_done(common, lines, {{"action", action}, {"changed", changed}});
        return 0;
    }
    if (action != "list" && action != "get") throw UsageError("config: unknown action '" + action + "'\nusage: " + usage);
    expect(action == "get" ? 2 : 1);
    // Reading settings never creates a database: without one, the defaults apply.
    const auto path = db_path(common);
    Settings settings;
    if (std::filesystem::exists(path)) {
        Database db(path, Database::Open::read);
        settings = load_settings(db); // one query: one snapshot
    }
    Table table({{"key", "key"}, {"value", "value", 2}, {"default", "default", 2}, {"range", "allowed"},
                 {"description", "description"}});
    for (const auto& spec : setting_specs()) {
        if (action == "get" && spec.key != words[1]) continue;
        table.add({spec.key, settings.get(spec.key), spec.default_value, spec.range.describe(), spec.description});
    }
    for (const auto& spec : text_setting_specs()) {
        if (action == "get" && spec.key != words[1]) continue;
        table.add({spec.key, settings.text(spec.key), spec.default_value, spec.allowed, spec.description});
    }
    if (action == "get" && table.size() == 0) settings.get(words[1]); // throws: unknown key
    auto output = Output::of(std::move(table));
    if (action == "get") { // the terminal gets the bare value, for scripts: x=$(orgplan config get ratio.threshold)
        output.sections[0].layout = Layout::value;
        output.sections[0].value_key = "value";
    }
    emit(output, common);
    return 0;
}

} // namespace orgplan::cli
