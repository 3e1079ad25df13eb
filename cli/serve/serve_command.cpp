// orgplan serve: checks that the way it is asked to listen is safe, then serves until stopped.
#include <atomic>
#include <iostream>
#include <thread>

#include <fmt/format.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "../context.hpp"
#include "orgplan/storage/change_log.hpp"
#include "orgplan/storage/database.hpp"
#include "orgplan/storage/user_store.hpp"
#include "server.hpp"

namespace orgplan::cli {
namespace {

bool is_loopback(const std::string& host) {
    return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

// HOST:PORT, [IPv6]:PORT or :PORT.
void read_listen(const std::string& text, serve::ServeOptions& options) {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos) throw UsageError("--listen " + text + ": give HOST:PORT, e.g. 127.0.0.1:8470");
    auto host = text.substr(0, colon);
    if (host.size() > 1 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    options.host = host.empty() ? "127.0.0.1" : host;
    options.port = static_cast<int>(whole_number(text.substr(colon + 1), "--listen's port", 0, 65535));
}

// Refuses to listen where others can reach the server without TLS or without anyone allowed in.
void check_exposure(const serve::ServeOptions& options, std::size_t users) {
    if (options.tls_cert.empty() != options.tls_key.empty())
        throw UsageError("--tls-cert and --tls-key go together");
    if (is_loopback(options.host)) return;
    if (options.tls_cert.empty() && !options.behind_proxy)
        throw UsageError(fmt::format("refusing to listen on {} without TLS: passwords and personal data would cross "
                                     "the network in clear. Give --tls-cert FILE --tls-key FILE, or --behind-proxy "
                                     "when a proxy in front ends TLS, or listen on 127.0.0.1",
                                     options.host));
    if (users == 0)
        throw UsageError(fmt::format("refusing to listen on {} with no users: nobody could sign in but the start link "
                                     "would be printed for anyone who sees this terminal. Add one first: orgplan user "
                                     "add NAME --role admin --password-stdin",
                                     options.host));
}

} // namespace

int cmd_serve(const Args& args) {
    Common common;
    serve::ServeOptions options;
    unsigned max_upload_mb = 64;
    std::string listen = "127.0.0.1:8470";
    po::options_description desc("serve options");
    desc.add_options()("listen", po::value(&listen)->value_name("HOST:PORT"),
                       "where to listen (default 127.0.0.1:8470; port 0 takes any free port)")(
        "tls-cert", po::value(&options.tls_cert)->value_name("FILE"), "serve HTTPS with this PEM certificate")(
        "tls-key", po::value(&options.tls_key)->value_name("FILE"), "...and this PEM private key")(
        "behind-proxy", po::bool_switch(&options.behind_proxy),
        "a proxy in front ends TLS: allow a non-loopback address without --tls-cert (cookies stay Secure)")(
        "threads", whole_option(options.threads, "--threads", 4, 1024)->value_name("N"),
        "connections served at once (default 64)")(
        "max-upload", whole_option(max_upload_mb, "--max-upload", 1, 4096)->value_name("MB"),
        "largest upload of HR export files in the browser, in MB (default 64)");
    add_common(desc, common, false);
    if (!parse(args, desc, {}, common,
               "orgplan serve [--db PATH] [--listen HOST:PORT] [--tls-cert FILE --tls-key FILE] [--behind-proxy]"))
        return 0;
    read_listen(listen, options);
    options.max_upload = static_cast<std::size_t>(max_upload_mb) << 20;
    options.db = db_path(common);
    {
        Database db(options.db, Database::Open::write); // exists, migrated (users need the newest schema)
        check_exposure(options, load_users(db).size());
    }
#ifdef __GLIBC__
    // A server lives long and answers in many threads: give memory back instead of keeping the CLI's large heap.
    mallopt(M_MMAP_THRESHOLD, 4 << 20);
    mallopt(M_TRIM_THRESHOLD, 32 << 20);
    mallopt(M_TOP_PAD, 1 << 20);
    mallopt(M_ARENA_MAX, 4);
#endif
    serve::Server server(options);
    const int port = server.bind();
    std::cout << fmt::format("orgplan serve: {} on {}:{}\n", options.db, options.host, port);
    if (is_loopback(options.host))
        std::cout << "sign in as " << current_user() << " (once, within an hour): " << server.start_link() << "\n";
    else
        std::cout << "users sign in with their name and password (orgplan user list)\n";
    std::cout << std::flush;
    std::atomic<bool> served{false};
    std::thread watcher([&server, &served] { // a termination signal stops serving; the answers in flight finish
        while (!termination_signal() && !served) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        server.stop();
    });
    server.run();
    served = true;
    watcher.join();
    std::cerr << "orgplan serve: stopped\n";
    return 0;
}

} // namespace orgplan::cli
