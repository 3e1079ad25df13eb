// How every page and answer leaves the server: the parts of its body joined, gzip-compressed when the client takes
// gzip. A cached part (a rendered answer) carries its compressed twin, made once; only the small parts of one response
// (who is signed in, the options form) are compressed per request. The body is handed to cpp-httplib as a content
// provider of known length, which it sends as it is: its own per-request compression (Brotli at the highest quality for
// browsers, seconds on a large page) never runs on these bodies.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <httplib.h>

#include "orgplan/output/gzip_pieces.hpp"

namespace orgplan::cli::serve {

/// Parts under this many bytes in all go out uncompressed: gzip would not save a packet.
constexpr std::size_t kCompressFrom = 1024;

/// A text kept for many responses with its deflated twin (empty when the text is under kCompressFrom).
struct SharedText {
    std::string text;
    DeflatePiece deflated;
};
/// `text` with its twin.
SharedText shared_text(std::string text);

/// True when the request's Accept-Encoding takes gzip (and not with q=0).
bool accepts_gzip(const httplib::Request& request);

class ResponseBody {
public:
    /// This response's own text.
    ResponseBody& add(std::string text);
    /// A cached text; `owner` keeps it alive until the body is sent.
    ResponseBody& add(const SharedText& shared, std::shared_ptr<const void> owner);
    /// The body, with Content-Type `type` and Vary: Accept-Encoding.
    void send(const httplib::Request& request, httplib::Response& response, const std::string& type);

private:
    struct Part {
        std::string own;
        const SharedText* shared = nullptr;
    };
    std::vector<Part> parts_;
    std::vector<std::shared_ptr<const void>> owners_;
};

} // namespace orgplan::cli::serve
