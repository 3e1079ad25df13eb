#include <iostream>

#include "context.hpp"

namespace orgplan::cli {

int cmd_plugins(const Args& args) {
    Common common;
    PluginOptions plugin_options;
    std::vector<std::string> words;
    po::options_description desc("plugins options");
    desc.add_options()("words", po::value(&words), "list | info NAME");
    add_plugin_options(desc, plugin_options, false);
    add_common(desc, common);
    po::positional_options_description pos;
    pos.add("words", -1);
    if (!parse(args, desc, pos, common, "orgplan plugins [list | info NAME]")) return 0;
    const std::string action = words.empty() ? "list" : words[0];
    const auto host = load_plugins(plugin_options);

    if (action == "list" && words.size() <= 1) {
        Table table({{"name", "name"}, {"kind", "kind"}, {"version", "version"}, {"description", "description"},
                     {"file", "file"}});
        for (const auto* p : host->all())
            table.add({p->name, std::string(to_string(p->kind)), p->version, p->description, p->file});
        nlohmann::json doc{{"abi_version", sdk::abi_version}, {"sdk_version", ORGPLAN_SDK_VERSION},
                           {"skipped", host->warnings()}};
        print_rows(table, common, doc);
        return 0;
    }
    if (action == "info" && words.size() == 2) {
        const auto* p = host->find(words[1]);
        if (!p) throw Error("no plugin named '" + words[1] + "'; orgplan plugins list shows the loaded ones");
        // JSON gives the fields; every other format a table of them, which JSON leaves out (no key).
        Output info;
        info.fields = {{"name", p->name}, {"kind", to_string(p->kind)}, {"version", p->version},
                       {"description", p->description}, {"file", p->file}, {"abi_version", sdk::abi_version}};
        Table table({{"field", "field"}, {"value", "value"}});
        table.add({std::string("name"), p->name});
        table.add({std::string("kind"), std::string(to_string(p->kind))});
        table.add({std::string("version"), p->version});
        table.add({std::string("description"), p->description});
        table.add({std::string("file"), p->file});
        table.add({std::string("abi"), static_cast<long long>(sdk::abi_version)});
        info.sections.push_back({"", std::move(table), ""});
        emit(info, common);
        return 0;
    }
    throw UsageError("usage: orgplan plugins [list | info NAME]");
}

} // namespace orgplan::cli
