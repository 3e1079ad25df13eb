// orgplan serve: the org in the browser. One process, many users, the same database and the same answers as the
// CLI. Every request is authenticated (identity.hpp), every route asks the authorizer (access/role.hpp), and every
// answer is computed on the caller's view of the org (served_org.hpp).
#pragma once

#include <functional>
#include <memory>
#include <string>

namespace orgplan::cli::serve {

struct ServeOptions {
    std::string db;
    std::string host = "127.0.0.1";
    int port = 8470; ///< 0: any free port (the link printed says which)
    std::string tls_cert, tls_key;
    bool behind_proxy = false; ///< TLS ends at a proxy in front: cookies are marked Secure all the same
    unsigned threads = 64;     ///< connections served at once (a slow client holds one)
    std::size_t max_body = 1 << 20;    ///< of a JSON or form body
    std::size_t max_upload = 64 << 20; ///< of the files of one upload (POST /api/v1/import)
};

class Server {
public:
    explicit Server(ServeOptions options);
    ~Server();
    /// Binds; throws orgplan::Error saying why it cannot. Returns the port bound.
    int bind();
    /// A link that signs the owner (the OS user who started the server) in once, valid for an hour.
    std::string start_link();
    /// Serves until stop().
    void run();
    /// Thread-safe; also from a signal watcher.
    void stop();

private:
    struct State;
    std::unique_ptr<State> state_;
};

} // namespace orgplan::cli::serve
