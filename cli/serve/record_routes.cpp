#include "record_routes.hpp"

#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "../context.hpp"
#include "http_kit.hpp"
#include "pages.hpp"
#include "response_body.hpp"
#include "orgplan/access/secrets.hpp"
#include "orgplan/model/org_records.hpp"
#include "orgplan/output/html_escape.hpp"
#include "orgplan/storage/change_log.hpp"
#include "orgplan/storage/org_store.hpp"
#include "orgplan/storage/read_transaction.hpp"
#include "orgplan/storage/record_fields.hpp"

namespace orgplan::cli::serve {
namespace {

using nlohmann::json;

// A kind of record hr edits: its table, its page, and its columns as the import names them (column in the table ->
// field of an import file).
struct RecordKind {
    std::string plural, table;
    RecordColumns fields;
};

const RecordKind& person_kind() {
    static const RecordKind k{"people", "person",
                              {{"name", "name"}, {"email", "email"}, {"title", "title"}, {"family", "family"},
                               {"level", "level"}, {"pm_years", "pm_years"}, {"origin", "origin"},
                               {"manager_id", "manager"}, {"location", "location"}, {"fte", "fte"},
                               {"cost", "cost"}, {"coaching_hours", "coaching_hours"}, {"unit", "unit"},
                               {"cost_center", "cost_center"}, {"function", "function"}}};
    return k;
}
const RecordKind& team_kind() {
    static const RecordKind k{"teams", "team",
                              {{"name", "name"}, {"type", "type"}, {"product_id", "product"},
                               {"segment_id", "segment"}, {"parent_unit", "parent_unit"}}};
    return k;
}

// The stored record as an object of import fields, or null.
json stored_record(Database& db, const RecordKind& kind, const std::string& id) {
    return load_record_fields(db, kind.table, kind.fields, id);
}

// The version of a record: a digest of everything stored of it, so any change (an import, another edit) changes it.
std::string etag_of(const json& record) { return sha256_hex(record.dump()).substr(0, 20); }

void check_in_scope(ServedOrg& org, const Caller& caller, const std::string& id) {
    if (org.tree(caller, org.version())->kind_of(id).empty())
        throw HttpError(404, "nothing with id '" + id + "' in the org " + caller.name + " can see");
}

json problems_json(const InputErrors& e, const std::string& dir, const std::string& named) {
    auto out = json::array();
    for (auto p : e.problems()) {
        if (!named.empty()) p.file = named;
        else if (p.file.rfind(dir + "/", 0) == 0) p.file = p.file.substr(dir.size() + 1);
        out.push_back({{"file", p.file}, {"line", p.line}, {"field", p.field}, {"message", p.message},
                       {"text", p.to_string()}});
    }
    return out;
}

// A directory removed when the request is done.
struct Scratch {
    explicit Scratch(ServedOrg& org) : path(org.scratch_dir()) {}
    ~Scratch() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
    std::string path;
};

class RecordDesk {
public:
    explicit RecordDesk(ServedOrg& org) : org_(org) {}

    void show(const RecordKind& kind, const httplib::Request& request, httplib::Response& response) {
        const auto& caller = require(Action::read_answers, "read the org");
        const auto id = httplib::detail::decode_url(request.matches[1].str(), false);
        check_in_scope(org_, caller, id);
        response.set_header("Cache-Control", "no-store");
        send_json(response, record_json(kind, id, caller));
    }

    // The record as the caller's view has it; with its version (ETag) for those who may change it.
    json record_json(const RecordKind& kind, const std::string& id, const Caller& caller) {
        Database view(org_.answer_db(caller, org_.version()), Database::Open::read);
        const ReadTransaction snapshot(view);
        const auto record = stored_record(view, kind, id);
        if (record.is_null()) throw HttpError(404, "no " + kind.table + " '" + id + "'");
        json out{{"kind", kind.table}, {"id", id}, {"record", record}};
        if (role_may(caller.role, Action::edit_org)) {
            Database db(org_.path(), Database::Open::read);
            const ReadTransaction live(db);
            out["version"] = etag_of(stored_record(db, kind, id));
            out["log"] = log_of(db, kind, id);
        }
        return out;
    }

    // The change log's edits of the record, newest first.
    json log_of(Database& db, const RecordKind& kind, const std::string& id) {
        auto out = json::array();
        for (const auto& e : load_change_log(db, 50, "serve edit " + kind.table + " " + id))
            out.push_back({{"at", e.at}, {"user", e.user}, {"command", e.command},
                           {"fields", e.records.value("fields", json::object())}});
        return out;
    }

    void patch(const RecordKind& kind, const httplib::Request& request, httplib::Response& response) {
        const auto& caller = require(Action::edit_org, "change people and teams");
        const auto id = httplib::detail::decode_url(request.matches[1].str(), false);
        check_in_scope(org_, caller, id);
        const auto wanted = if_match(request);
        if (wanted.empty())
            throw HttpError(428, "a change of " + id + " needs If-Match with the version it is based on (GET "
                                 "/api/v1/" + kind.plural + "/" + id + " gives it)");
        const auto body = json_body(request, "{\"fte\": 0.8}");
        json record{{"id", id}};
        for (const auto& [field, value] : body.items()) {
            if (std::none_of(kind.fields.begin(), kind.fields.end(), [&, f = field](const auto& x) { return x.second == f; }))
                throw HttpError(400, fmt::format("'{}' is not a field of a {} that can be changed here; the fields are "
                                                 "{}", field, kind.table, fields_list(kind)));
            if (!value.is_string() && !value.is_number() && !value.is_null())
                throw HttpError(400, "field '" + field + "': give a string or a number");
            record[field] = value.is_null() ? json("") : value.is_string() ? value : json(value.dump());
        }
        if (record.size() == 1) throw HttpError(400, "nothing to change; give fields, e.g. {\"fte\": 0.8}");
        Scratch scratch(org_);
        const auto file = scratch.path + "/" + kind.plural + ".json";
        std::ofstream(file) << json::array({record}).dump();
        json changed = json::object();
        ImportOptions options;
        const auto rules = title_rules("");
        options.rules = &rules;
        options.log_command = "serve edit " + kind.table + " " + id;
        options.log_user = caller.name;
        options.precondition = [&](Database& db) {
            const auto now = stored_record(db, kind, id);
            if (now.is_null()) throw HttpError(404, "no " + kind.table + " '" + id + "'");
            if (etag_of(now) != wanted)
                throw HttpError(409, fmt::format("{} {} was changed since the version this edit is based on (an "
                                                 "import or another edit): nothing was written",
                                                 kind.table, id),
                                {{"version", etag_of(now)}, {"current", now}});
            for (const auto& [field, value] : body.items()) changed[field] = {{"old", now.value(field, json())}, {"new", value}};
            options.log_facts = {{"id", id}, {"fields", changed}};
        };
        Database db(org_.path(), Database::Open::write);
        try {
            import_org(db, {file}, options);
        } catch (const InputErrors& e) {
            throw HttpError(422, fmt::format("the change of {} was refused; nothing was written", id),
                            {{"problems", problems_json(e, scratch.path, "edit of " + id)}});
        } catch (const HttpError&) {
            throw;
        } catch (const Error& e) {
            throw HttpError(422, e.what());
        }
        send_json(response, record_json(kind, id, caller));
    }

    static std::string fields_list(const RecordKind& kind) {
        std::string out;
        for (const auto& [column, field] : kind.fields) out += (out.empty() ? "" : ", ") + field;
        return out;
    }

    // Files of the upload, saved under their own names in `dir`: only .csv and .json, named plainly.
    static std::vector<std::string> save_upload(const httplib::Request& request, const std::string& dir) {
        std::vector<std::string> paths;
        for (const auto& [field, file] : request.files) {
            if (file.filename.empty()) continue;
            auto name = std::filesystem::path(file.filename).filename().string();
            const auto ext = std::filesystem::path(name).extension().string();
            if (ext != ".csv" && ext != ".json")
                throw HttpError(400, "'" + name + "' is not a .csv or .json file of the org (docs/formats.md)");
            if (name.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._- ") !=
                    std::string::npos || name[0] == '.')
                throw HttpError(400, "'" + name + "': name the file with letters, digits, spaces, . _ and - only");
            const auto path = dir + "/" + name;
            if (std::filesystem::exists(path)) throw HttpError(400, "two files are named '" + name + "'");
            std::ofstream(path, std::ios::binary) << file.content;
            paths.push_back(path);
        }
        if (paths.empty()) throw HttpError(400, "no file was uploaded: send the files as multipart/form-data");
        return paths;
    }

    // POST /api/v1/import[?dry_run=1][&replace=1]: the files checked and written like `orgplan import`; a dry run
    // writes them inside a transaction it rolls back, to say what would be created, changed and removed.
    void upload(const httplib::Request& request, httplib::Response& response) {
        const auto& caller = require(Action::edit_org, "import files");
        if (!caller.scope.empty())
            throw HttpError(403, caller.name + " may change only the org under " + caller.scope +
                                     "; whole files are imported by users of the whole org");
        const auto flag = [&](const char* name) {
            const auto v = request.get_param_value(name);
            return v == "1" || v == "true";
        };
        const bool dry_run = flag("dry_run"), replace = flag("replace");
        Scratch scratch(org_);
        const auto files = save_upload(request, scratch.path);
        std::vector<std::string> names;
        for (const auto& f : files) names.push_back(std::filesystem::path(f).filename().string());
        const auto rules = title_rules("");
        ImportOptions options;
        options.rules = &rules;
        options.replace = replace;
        options.log_user = caller.name;
        options.log_command = std::string("serve import") + (replace ? " --replace" : "");
        Org before;
        std::vector<GroupDifference> difference;
        options.precondition = [&](Database& db) { before = load_org(db); };
        options.before_commit = [&](Database& db) {
            difference = org_difference(before, load_org(db));
            return !dry_run;
        };
        ImportSummary summary;
        try {
            Database db(org_.path(), Database::Open::write);
            summary = import_org(db, files, options);
        } catch (const InputErrors& e) {
            throw HttpError(422,
                            fmt::format("{} problem{} in the files; nothing was written", e.total(),
                                        e.total() == 1 ? "" : "s"),
                            {{"problems", problems_json(e, scratch.path, "")}, {"files", names}});
        } catch (const HttpError&) {
            throw;
        } catch (const Error& e) {
            std::string message = e.what();
            for (std::size_t at; (at = message.find(scratch.path + "/")) != std::string::npos;)
                message.erase(at, scratch.path.size() + 1);
            throw HttpError(422, message + "; nothing was written");
        }
        auto groups = json::array();
        for (const auto& d : difference) {
            const auto listed = [](const std::vector<std::string>& ids) {
                return json(std::vector<std::string>(ids.begin(), ids.begin() + static_cast<long>(std::min<std::size_t>(ids.size(), 50))));
            };
            groups.push_back({{"kind", d.group},
                              {"created", d.created.size()},
                              {"changed", d.changed.size()},
                              {"removed", d.removed.size()},
                              {"created_ids", listed(d.created)},
                              {"changed_ids", listed(d.changed)},
                              {"removed_ids", listed(d.removed)}});
        }
        send_json(response, {{"dry_run", dry_run},
                             {"written", summary.written},
                             {"replace", replace},
                             {"files", names},
                             {"records", summary.records},
                             {"changes", groups},
                             {"notes", summary.notes},
                             {"ignored_columns", summary.ignored_columns}});
    }

    void record_page(const RecordKind& kind, const httplib::Request& request, httplib::Response& response) {
        const auto& caller = require(Action::read_answers, "read the org");
        const auto id = httplib::detail::decode_url(request.matches[1].str(), false);
        check_in_scope(org_, caller, id);
        const auto data = record_json(kind, id, caller);
        const bool editable = role_may(caller.role, Action::edit_org);
        std::string rows;
        for (const auto& [column, field] : kind.fields) {
            const auto& v = data["record"].value(field, json());
            const auto text = v.is_null() ? std::string() : v.is_string() ? v.get<std::string>() : v.dump();
            rows += editable ? fmt::format("<label>{0} <input name=\"{0}\" value=\"{1}\" data-was=\"{1}\"></label>",
                                           html_escape(field), html_escape(text))
                             : fmt::format("<tr><th>{}</th><td>{}</td></tr>", html_escape(field), html_escape(text));
        }
        std::string body = fmt::format("<h1>{} {}</h1><p class=\"twins\">This record as <a href=\"/api/v1/{}/{}\">"
                                       "JSON</a></p>",
                                       kind.table == "person" ? "Person" : "Team", html_escape(id), kind.plural,
                                       url_encode(id));
        if (editable) {
            body += fmt::format("<form id=\"record-edit\" class=\"record\" data-api=\"/api/v1/{}/{}\" data-version=\"{}\">"
                                "{}<button type=\"submit\">Save</button></form><p class=\"error\" role=\"alert\" "
                                "id=\"record-error\" hidden></p><p class=\"saved\" role=\"status\" id=\"record-saved\" "
                                "hidden></p><h2>Edits</h2><table class=\"data\" id=\"record-log\"><thead><tr><th>at</th>"
                                "<th>user</th><th>field</th><th>old</th><th>new</th></tr></thead><tbody>",
                                kind.plural, url_encode(id), html_escape(data.value("version", "")), rows);
            for (const auto& entry : data["log"])
                for (const auto& [field, change] : entry["fields"].items())
                    body += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                                        html_escape(entry.value("at", "")), html_escape(entry.value("user", "")),
                                        html_escape(field), html_escape(scalar(change.value("old", json()))),
                                        html_escape(scalar(change.value("new", json()))));
            body += "</tbody></table>";
        } else {
            body += "<table class=\"data\"><tbody>" + rows + "</tbody></table>";
        }
        ResponseBody().add(layout(id, "", body, caller)).send(request, response, "text/html; charset=utf-8");
    }

    static std::string scalar(const json& v) {
        return v.is_null() ? "" : v.is_string() ? v.get<std::string>() : v.dump();
    }

    void import_page(const httplib::Request& request, httplib::Response& response) {
        const auto& caller = require(Action::edit_org, "import files");
        const std::string body =
            "<h1>Import</h1><p>HR export files (CSV or JSON, as <code>orgplan import</code> reads them). A dry run "
            "shows what would be created, changed and removed; nothing is written until you apply it, and then all "
            "of it or nothing.</p><form id=\"import-form\" class=\"options\"><label>Files <input type=\"file\" "
            "name=\"files\" multiple accept=\".csv,.json\" required></label><label><input type=\"checkbox\" "
            "name=\"replace\" value=\"1\"> replace the whole org</label><button type=\"submit\">Dry run</button>"
            "</form><p class=\"error\" role=\"alert\" id=\"import-error\" hidden></p><div id=\"import-result\"></div>";
        ResponseBody().add(layout("Import", "import", body, caller)).send(request, response, "text/html; charset=utf-8");
    }

private:
    ServedOrg& org_;
};

} // namespace

void add_record_routes(httplib::Server& http, ServedOrg& org) {
    auto desk = std::make_shared<RecordDesk>(org); // held by the routes, as long as the server
    for (const auto* kind : {&person_kind(), &team_kind()}) {
        const auto api = "/api/v1/" + kind->plural + "/([^/]+)";
        http.Get(api, [desk, kind](const httplib::Request& q, httplib::Response& r) { desk->show(*kind, q, r); });
        on_change(http, "PATCH", api, [desk, kind](const httplib::Request& q, httplib::Response& r) { desk->patch(*kind, q, r); });
        http.Get("/" + kind->plural + "/([^/]+)",
                 [desk, kind](const httplib::Request& q, httplib::Response& r) { desk->record_page(*kind, q, r); });
    }
    on_change(http, "POST", "/api/v1/import", [desk](const httplib::Request& q, httplib::Response& r) { desk->upload(q, r); });
    http.Get("/import", [desk](const httplib::Request& q, httplib::Response& r) { desk->import_page(q, r); });
}

} // namespace orgplan::cli::serve
