#include "server.hpp"

#include <cstdlib>
#include <thread>

#include <fmt/format.h>
#include <httplib.h>

#include "answers.hpp"
#include "http_kit.hpp"
#include "identity.hpp"
#include "pages.hpp"
#include "record_routes.hpp"
#include "response_body.hpp"
#include "scenario_routes.hpp"
#include "served_org.hpp"
#include "sessions.hpp"
#include "static_assets.hpp"
#include "warm_up.hpp"
#include "orgplan/access/secrets.hpp"
#include "orgplan/base/text.hpp"
#include "orgplan/output/html_escape.hpp"
#include "orgplan/storage/change_log.hpp"
#include "orgplan/storage/settings_store.hpp"
#include "orgplan/storage/write_transaction.hpp"

namespace orgplan::cli::serve {
namespace {

Query params_of(const httplib::Request& request) {
    Query out;
    for (const auto& [k, v] : request.params) out.emplace(k, v);
    return out;
}

std::vector<std::string> words_after(const httplib::Request& request, std::size_t from) {
    std::vector<std::string> words;
    for (std::size_t i = from; i < request.matches.size(); ++i)
        if (request.matches[i].matched && request.matches[i].length() > 0)
            words.push_back(httplib::detail::decode_url(request.matches[i].str(), false));
    return words;
}

Format download_format(const httplib::Request& request) {
    const auto f = request.get_param_value("format");
    if (f.empty() || f == "json") return Format::json;
    if (f == "csv") return Format::csv;
    if (f == "xlsx") return Format::xlsx;
    throw HttpError(400, "format '" + f + "': use json, csv or xlsx");
}

} // namespace

struct Server::State {
    explicit State(ServeOptions o)
        : options(std::move(o)), org(options.db), sessions(std::chrono::seconds(static_cast<long>(
                                                           org.setting("serve.session_hours") * 3600))),
          answers(std::max(1u, std::thread::hardware_concurrency()),
                  static_cast<std::size_t>(org.setting("serve.cache_mb") * (1 << 20))),
          owner(current_user()) {
        if (!options.tls_cert.empty())
            http = std::make_unique<httplib::SSLServer>(options.tls_cert.c_str(), options.tls_key.c_str());
        else
            http = std::make_unique<httplib::Server>();
        if (!http->is_valid())
            throw Error("cannot use the TLS certificate " + options.tls_cert + " and key " + options.tls_key +
                        ": check both are PEM files this user can read and that they belong together");
        secure = !options.tls_cert.empty() || options.behind_proxy;
    }

    ServeOptions options;
    ServedOrg org;
    Sessions sessions;
    SignInBrake brake;
    Answers answers;
    std::string owner;
    std::unique_ptr<httplib::Server> http;
    bool secure = false;
    int port = 0;
    std::unique_ptr<ScenarioRoutes> scenarios;
    std::unique_ptr<WarmUp> warm; // last: stopped before anything it computes with goes

    void setup();
    void routes();
    void browse_routes();
    void answer_routes();
    void session_routes();
    bool authenticate(const httplib::Request& request, httplib::Response& response);
    void change(const std::string& pattern, httplib::Server::Handler handler);
    std::string session_cookie(const Session& s);
    void sign_in(const httplib::Request& request, httplib::Response& response);
    void change_settings(const httplib::Request& request, httplib::Response& response);
    std::shared_ptr<const Answer> answer(const AnswerRoute& route, const std::vector<std::string>& words,
                                         const Query& params, Format format);
    std::shared_ptr<const Answer> answer_as(const Caller& caller, const AnswerRoute& route,
                                            const std::vector<std::string>& words, const Query& params, Format format);
    nlohmann::json answer_json(const Caller& caller, const std::string& command, const Query& params);
    std::shared_ptr<const Answer> overview(const Caller& caller);
    void read_again(const std::string& what, const Caller& caller, std::function<void(const Caller&)> again);
    std::string view_db(const Caller& caller, long long version);
};

std::string Server::State::session_cookie(const Session& s) {
    return fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{}", kSessionCookie, s.id,
                       static_cast<long>(org.setting("serve.session_hours") * 3600), secure ? "; Secure" : "");
}

// Who the caller is. False when the request was answered (refused) here.
bool Server::State::authenticate(const httplib::Request& request, httplib::Response& response) {
    current_caller().reset();
    const auto& path = request.path;
    // Before the body is read (this runs before routing reads it): only an upload may be larger than max_body.
    const auto length = std::strtoull(request.get_header_value("Content-Length").c_str(), nullptr, 10);
    if (length > (path == "/api/v1/import" ? options.max_upload : options.max_body)) {
        send_error(request, response, 413, "the request body is over the limit");
        return false;
    }
    if (path == "/login" || path == "/favicon.ico" || path.rfind("/static/", 0) == 0) return true;
    current_caller() = identify(request, sessions, org, owner);
    if (!current_caller()) {
        if (is_api(request) || request.method != "GET") {
            send_error(request, response, 401, "sign in first: POST /login, or send 'Authorization: Bearer TOKEN'");
        } else {
            response.status = 303;
            response.set_header("Location", "/login");
        }
        return false;
    }
    return true;
}

// Every state-changing route is registered through on_change (http_kit.hpp), so none can skip the CSRF check; the
// form body is read only once the route is chosen, which is why the check is there and not before routing.
void Server::State::change(const std::string& pattern, httplib::Server::Handler handler) {
    on_change(*http, "POST", pattern, std::move(handler));
}

std::shared_ptr<const Answer> Server::State::answer(const AnswerRoute& route, const std::vector<std::string>& words,
                                                    const Query& params, Format format) {
    const auto& caller = require(Action::read_answers, "read answers");
    auto a = answer_as(caller, route, words, params, format);
    if (a->output) // what answered is worth computing again; a refused option is not
        read_again(fmt::format("{}\n{}\n{}\n{}", route.command, text::join(words, "/"), query_string(params, ""),
                               static_cast<int>(format)),
                   caller,
                   [this, &route, words, params, format](const Caller& c) { answer_as(c, route, words, params, format); });
    return a;
}

std::shared_ptr<const Answer> Server::State::answer_as(const Caller& caller, const AnswerRoute& route,
                                                       const std::vector<std::string>& words, const Query& params,
                                                       Format format) {
    Args args;
    try {
        args = command_args(route, words, params);
    } catch (const UsageError& e) {
        throw HttpError(400, e.what());
    }
    const auto version = org.version();
    return answers.get(route, args, format, view_db(caller, version), role_may(caller.role, Action::see_group_costs),
                       version);
}

std::string Server::State::view_db(const Caller& caller, long long version) {
    try {
        return org.answer_db(caller, version);
    } catch (const Error& e) {
        throw HttpError(403, e.what()); // a scope whose person is gone
    }
}

nlohmann::json Server::State::answer_json(const Caller& caller, const std::string& command, const Query& params) {
    const auto a = answer_as(caller, *find_route(command), {}, params, Format::json);
    return a->output ? to_json(*a->output) : nlohmann::json();
}

// The overview is the same for everyone reading the same view: made once per version from four answers.
std::shared_ptr<const Answer> Server::State::overview(const Caller& caller) {
    const auto version = org.version();
    const auto costs = role_may(caller.role, Action::see_group_costs);
    return answers.made("overview\n" + view_db(caller, version) + (costs ? "\n$" : "\n-"), version, [&] {
        const auto trend = answer_as(caller, *find_route("trend"), {}, {}, Format::html);
        auto page = std::make_shared<Answer>();
        page->rendered =
            shared_text(overview_body(answer_json(caller, "ratios", {{"by", "org"}}), answer_json(caller, "diagnose", {}),
                                      answer_json(caller, "check", {}), *trend));
        return page;
    });
}

// Remembers what `caller`'s view was read for, so that the warm-up computes it again after the next write. The
// view is what matters, not who: one entry per role and scope.
void Server::State::read_again(const std::string& what, const Caller& caller,
                               std::function<void(const Caller&)> again) {
    if (!warm) return;
    Caller view{caller.name, caller.role, caller.scope, false, "", ""};
    warm->read(fmt::format("{}\n{}\n{}", to_string(caller.role), caller.scope, what),
               [view, again = std::move(again)] { again(view); });
}

void Server::State::sign_in(const httplib::Request& request, httplib::Response& response) {
    const bool json = request.get_header_value("Content-Type").find("application/json") != std::string::npos;
    std::string name, password;
    if (json) {
        const auto body = nlohmann::json::parse(request.body, nullptr, false);
        if (body.is_discarded() || !body.is_object())
            throw HttpError(400, "the body is not a JSON object {\"name\": ..., \"password\": ...}");
        name = body.value("name", "");
        password = body.value("password", "");
    } else {
        name = request.get_param_value("name");
        password = request.get_param_value("password");
    }
    const auto address = request.remote_addr;
    if (const auto wait = brake.wait_seconds(name, address)) {
        response.set_header("Retry-After", std::to_string(wait));
        throw HttpError(429, fmt::format("too many failed sign-ins; try again in {} seconds", wait));
    }
    const auto user = org.user(name);
    // A missing user costs a hash too, so the time taken does not say which names exist.
    static const std::string decoy = hash_password("a password nobody has");
    const bool ok = verify_password(user ? user->password_hash : decoy, password) && user;
    org.log(name.empty() ? "(no name)" : name, ok ? "serve sign-in" : "serve sign-in failed", {{"address", address}});
    if (!ok) {
        brake.failed(name, address);
        if (json) throw HttpError(401, "wrong name or password");
        response.status = 401;
        response.set_content(sign_in_page("Wrong name or password."), "text/html; charset=utf-8");
        return;
    }
    const auto session = sessions.start(user->name, false);
    response.set_header("Set-Cookie", session_cookie(session));
    if (json) {
        send_json(response, {{"user", user->name}, {"role", to_string(user->role)}, {"csrf", session.csrf}});
    } else {
        response.status = 303;
        response.set_header("Location", "/");
    }
}

void Server::State::change_settings(const httplib::Request& request, httplib::Response& response) {
    const auto& caller = require(Action::edit_org, "change the org's settings");
    const auto body = nlohmann::json::parse(request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object() || body.empty())
        throw HttpError(400, "the body must be a JSON object of settings, e.g. {\"ratio.threshold\": 8}");
    std::vector<std::pair<std::string, std::string>> values;
    for (const auto& [key, value] : body.items())
        values.emplace_back(key, value.is_string() ? value.get<std::string>() : value.dump());
    try {
        Database db(org.path(), Database::Open::write);
        WriteTransaction tx(db);
        store_settings(db, values);
        record_change(db, "serve config set", body, caller.name);
        tx.commit();
    } catch (const Error& e) {
        throw HttpError(422, e.what());
    }
    send_json(response, {{"messages", {"settings changed"}}, {"settings", body}});
}

void Server::State::session_routes() {
    http->Get("/static/(app\\.css|app\\.js|plan\\.js)", [](const httplib::Request& request, httplib::Response& response) {
        const auto& asset = static_asset(request.matches[1].str());
        ResponseBody().add(asset.content, nullptr).send(request, response, asset.type);
    });
    http->Get("/favicon.ico", [](const httplib::Request&, httplib::Response& response) { response.status = 204; });
    http->Get("/login", [this](const httplib::Request& request, httplib::Response& response) {
        const auto token = request.get_param_value("token");
        if (token.empty()) {
            response.set_content(sign_in_page(""), "text/html; charset=utf-8");
            return;
        }
        if (!sessions.redeem(token)) {
            response.status = 401;
            response.set_content(sign_in_page("That sign-in link was used already or has expired."),
                                 "text/html; charset=utf-8");
            return;
        }
        org.log(owner, "serve sign-in", {{"address", request.remote_addr}, {"by", "start link"}});
        const auto session = sessions.start(owner, true);
        response.set_header("Set-Cookie", session_cookie(session));
        response.status = 303;
        response.set_header("Location", "/");
    });
    http->Post("/login", [this](const httplib::Request& request, httplib::Response& response) { sign_in(request, response); });
    change("/logout", [this](const httplib::Request& request, httplib::Response& response) {
        sessions.end(current_caller()->session_id);
        response.set_header("Set-Cookie", fmt::format("{}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{}",
                                                      kSessionCookie, secure ? "; Secure" : ""));
        if (request.get_header_value("Accept").find("application/json") != std::string::npos) {
            send_json(response, {{"signed_out", true}});
            return;
        }
        response.status = 303;
        response.set_header("Location", "/login");
    });
    http->Get("/api/v1/session", [](const httplib::Request&, httplib::Response& response) {
        const auto& c = *current_caller();
        send_json(response, {{"user", c.name}, {"role", to_string(c.role)}, {"scope", c.scope}, {"csrf", c.csrf}});
    });
    // For whoever runs the server: what it keeps and computes (admins only).
    http->Get("/api/v1/status", [this](const httplib::Request&, httplib::Response& response) {
        require(Action::manage_users, "read the server's status");
        const auto a = answers.stats();
        send_json(response, {{"version", org.version()},
                             {"answers_version", a.version},
                             {"answers_kept", a.kept},
                             {"answers_kept_mb", stable(static_cast<double>(a.kept_bytes) / (1 << 20))},
                             {"answers_computed", a.computed},
                             {"warm_up_runs", warm ? warm->runs() : 0},
                             {"warm_up_pending", warm ? warm->pending() : 0},
                             {"warm_up_version", warm ? warm->warmed_version() : -1},
                             {"cache_limit_mb", org.setting("serve.cache_mb")}});
    });
    change("/api/v1/config", [this](const httplib::Request& request, httplib::Response& response) {
        change_settings(request, response);
    });
}

// The org chart's data, people search, and the page of whatever an id names.
void Server::State::browse_routes() {
    http->Get("/api/v1/chart", [this](const httplib::Request& request, httplib::Response& response) {
        const auto& caller = require(Action::read_answers, "read the org chart");
        const auto depth = request.has_param("depth") ? request.get_param_value("depth") : "1";
        if (depth.empty() || depth.size() > 1 || depth[0] < '0' || depth[0] > '5')
            throw HttpError(400, "depth '" + depth + "': give 0 to 5");
        const auto tree = org.tree(caller, org.version());
        const auto root = request.get_param_value("root");
        try {
            send_json(response, {{"node", tree->node_json(root, depth[0] - '0')}, {"path", tree->path_json(root)}});
        } catch (const Error& e) {
            throw HttpError(404, e.what());
        }
    });
    http->Get("/api/v1/people", [this](const httplib::Request& request, httplib::Response& response) {
        const auto& caller = require(Action::read_answers, "read the org");
        const auto tree = org.tree(caller, org.version());
        send_json(response, {{"people", tree->search_json(request.get_param_value("q"), 20)}});
    });
    // The page of whatever an id names, for links from answers whose subjects are of several kinds (findings).
    http->Get("/find", [this](const httplib::Request& request, httplib::Response& response) {
        const auto& caller = require(Action::read_answers, "read the org");
        const auto id = request.get_param_value("id");
        const auto kind = org.tree(caller, org.version())->kind_of(id);
        const auto to = kind == "person"    ? "/chart?focus="
                        : kind == "team"    ? "/roster?team="
                        : kind == "product" ? "/ratios?by=team&product="
                        : kind == "segment" ? "/ratios?by=product&segment="
                                            : "";
        if (!*to)
            throw HttpError(404, kind == "goal" ? "'" + id + "' is a goal: goals have no page of their own; their "
                                                  "findings are on the Diagnostics page"
                                                : "nothing with id '" + id + "' in the org you can see");
        response.status = 303;
        response.set_header("Location", to + url_encode(id));
    });
}

// Every answer as JSON, CSV or XLSX under /api/v1, and as its HTML page.
void Server::State::answer_routes() {
    // /api/v1/COMMAND[/WORD[/WORD]]: the body of `orgplan COMMAND ... --format json`, or its CSV or XLSX.
    http->Get("/api/v1/([a-z]+)(?:/([^/]+))?(?:/([^/]+))?",
              [this](const httplib::Request& request, httplib::Response& response) {
                  const auto* route = find_route(request.matches[1].str());
                  if (!route) throw HttpError(404, "no answer named '" + request.matches[1].str() + "'");
                  const auto format = download_format(request);
                  const auto a = answer(*route, words_after(request, 2), params_of(request), format);
                  if (!a->output) throw HttpError(a->status, a->error);
                  if (format != Format::json)
                      response.set_header("Content-Disposition",
                                          fmt::format("attachment; filename=\"{}.{}\"", route->command,
                                                      format == Format::csv ? "csv" : "xlsx"));
                  ResponseBody().add(a->rendered, a).send(
                      request, response,
                      format == Format::json  ? "application/json; charset=utf-8"
                      : format == Format::csv ? "text/csv; charset=utf-8"
                                              : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
              });
    // Pages: each the HTML twin of one answer.
    http->Get("/", [this](const httplib::Request& request, httplib::Response& response) {
        const auto& caller = require(Action::read_answers, "read answers");
        read_again("overview", caller, [this](const Caller& c) { overview(c); });
        const auto body = overview(caller);
        ResponseBody()
            .add(page_top("Overview", "overview", caller))
            .add(body->rendered, body)
            .add(page_bottom())
            .send(request, response, "text/html; charset=utf-8");
    });
    http->Get("/chart", [this](const httplib::Request& request, httplib::Response& response) {
        const auto& caller = require(Action::read_answers, "read the org chart");
        ResponseBody()
            .add(chart_page(caller, org.setting("ratio.threshold")))
            .send(request, response, "text/html; charset=utf-8");
    });
    http->Get("/([a-z]+)(?:/([^/]+))?(?:/([^/]+))?", [this](const httplib::Request& request, httplib::Response& response) {
        const auto* route = find_route(request.matches[1].str());
        if (!route) throw HttpError(404, "no page named '" + request.matches[1].str() + "'");
        const auto words = words_after(request, 2);
        const auto params = params_of(request);
        const auto a = answer(*route, words, params, Format::html);
        // A page asked with options it cannot answer is still the page: its form and what to change.
        response.status = a->status == 400 ? 200 : a->status;
        ResponseBody body;
        body.add(page_top(route->title, route->command, *current_caller()));
        body.add(answer_page_top(*route, words, params, *a));
        if (a->output) body.add(a->rendered, a);
        body.add(answer_page_bottom(*a)).add(page_bottom()).send(request, response, "text/html; charset=utf-8");
    });
}

void Server::State::setup() {
    auto threads = options.threads;
    http->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    // Uploads of HR exports are larger than any other body; json_body() holds the others to max_body.
    http->set_payload_max_length(std::max(options.max_body, options.max_upload));
    set_json_body_limit(options.max_body);
    http->set_read_timeout(10, 0);
    http->set_write_timeout(30, 0);
    http->set_keep_alive_timeout(5);
    http->set_default_headers({
        {"Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"},
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "no-referrer"},
        {"X-Frame-Options", "DENY"},
        {"Cache-Control", "no-store"},
    });
    http->set_pre_routing_handler([this](const httplib::Request& request, httplib::Response& response) {
        return authenticate(request, response) ? httplib::Server::HandlerResponse::Unhandled
                                               : httplib::Server::HandlerResponse::Handled;
    });
    http->set_exception_handler([](const httplib::Request& request, httplib::Response& response, std::exception_ptr e) {
        try {
            std::rethrow_exception(e);
        } catch (const HttpError& h) {
            send_error(request, response, h.status, h.what(), h.details);
        } catch (const std::exception& x) {
            send_error(request, response, 500, x.what());
        }
    });
    http->set_error_handler([](const httplib::Request& request, httplib::Response& response) {
        if (!response.body.empty()) return; // a handler's own error answer
        const auto status = response.status;
        send_error(request, response, status,
                   status == 413   ? "the request body is over the limit"
                   : status == 404 ? "nothing at " + request.path
                   : status == 400 ? "the request could not be read"
                                   : "the request failed");
    });
    session_routes();
    scenarios = std::make_unique<ScenarioRoutes>(org, answers);
    scenarios->add(*http);
    add_record_routes(*http, org);
    browse_routes();
    answer_routes();
    // What the server computes before anyone asks: at start the overview of the whole org (what its owner opens
    // first), after every write what was read in the last hour.
    warm = std::make_unique<WarmUp>([this] { return org.version(); }, std::chrono::seconds(2), std::chrono::minutes(60),
                                    24);
    read_again("overview", Caller{owner, Role::admin, "", false, "", ""}, [this](const Caller& c) { overview(c); });
}

Server::Server(ServeOptions options) : state_(std::make_unique<State>(std::move(options))) { state_->setup(); }
Server::~Server() = default;

int Server::bind() {
    auto& s = *state_;
    if (s.options.port == 0) {
        s.port = s.http->bind_to_any_port(s.options.host);
        if (s.port < 0) s.port = 0;
    } else if (s.http->bind_to_port(s.options.host, s.options.port)) {
        s.port = s.options.port;
    }
    if (s.port == 0)
        throw Error(fmt::format("cannot listen on {}:{}: the port is taken or the address is not this machine's "
                                "(--listen HOST:PORT)",
                                s.options.host, s.options.port));
    return s.port;
}

std::string Server::start_link() {
    const auto& s = *state_;
    const auto host = s.options.host.find(':') != std::string::npos ? "[" + s.options.host + "]" : s.options.host;
    return fmt::format("{}://{}:{}/login?token={}", s.secure && !s.options.behind_proxy ? "https" : "http", host,
                       s.port, state_->sessions.one_time_token(std::chrono::hours(1)));
}

void Server::run() { state_->http->listen_after_bind(); }
void Server::stop() { state_->http->stop(); }

} // namespace orgplan::cli::serve
