#include "response_body.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace orgplan::cli::serve {
namespace {

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

bool equals_lower(std::string_view a, std::string_view lower) {
    if (a.size() != lower.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != lower[i]) return false;
    return true;
}

// What the provider sends: the joined texts, held until cpp-httplib has written them.
struct Bytes {
    std::vector<std::string> own;
    std::vector<std::string_view> views;
    std::vector<std::shared_ptr<const void>> owners;
    std::size_t size = 0;
};

} // namespace

SharedText shared_text(std::string text) {
    SharedText out{std::move(text), {}};
    if (out.text.size() >= kCompressFrom) out.deflated = deflate_piece(out.text);
    return out;
}

bool accepts_gzip(const httplib::Request& request) {
    const auto value = request.get_header_value("Accept-Encoding"); // a copy: the view below must not outlive it
    std::string_view header = value;
    while (!header.empty()) {
        const auto comma = header.find(',');
        auto item = header.substr(0, comma);
        header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
        const auto semicolon = item.find(';');
        if (!equals_lower(trimmed(item.substr(0, semicolon)), "gzip")) continue;
        if (semicolon == std::string_view::npos) return true;
        auto q = trimmed(item.substr(semicolon + 1));
        if (q.size() < 2 || std::tolower(static_cast<unsigned char>(q[0])) != 'q' || q[1] != '=') return true;
        q.remove_prefix(2);
        return q.find_first_not_of("0.") != std::string_view::npos; // q=0, q=0.0, q=0.000: refused
    }
    return false;
}

ResponseBody& ResponseBody::add(std::string text) {
    if (!text.empty()) parts_.push_back({std::move(text), nullptr});
    return *this;
}

ResponseBody& ResponseBody::add(const SharedText& shared, std::shared_ptr<const void> owner) {
    parts_.push_back({{}, &shared});
    owners_.push_back(std::move(owner));
    return *this;
}

void ResponseBody::send(const httplib::Request& request, httplib::Response& response, const std::string& type) {
    auto bytes = std::make_shared<Bytes>();
    std::size_t size = 0;
    for (const auto& p : parts_) size += p.shared ? p.shared->text.size() : p.own.size();
    if (size >= kCompressFrom && accepts_gzip(request)) {
        std::vector<DeflatePiece> own;
        own.reserve(parts_.size());
        std::vector<const DeflatePiece*> pieces;
        for (const auto& p : parts_) {
            if (p.shared && !p.shared->deflated.data.empty()) {
                pieces.push_back(&p.shared->deflated);
            } else {
                own.push_back(deflate_piece(p.shared ? p.shared->text : p.own, 1));
                pieces.push_back(&own.back());
            }
        }
        bytes->own.push_back(gzip_join(pieces));
        bytes->views.emplace_back(bytes->own.back());
        response.set_header("Content-Encoding", "gzip");
    } else {
        bytes->own.reserve(parts_.size());
        for (auto& p : parts_) {
            if (p.shared) {
                bytes->views.emplace_back(p.shared->text);
            } else {
                bytes->own.push_back(std::move(p.own));
                bytes->views.emplace_back(bytes->own.back());
            }
        }
        bytes->owners = std::move(owners_);
    }
    for (const auto& v : bytes->views) bytes->size += v.size();
    response.set_header("Vary", "Accept-Encoding");
    if (bytes->size == 0) {
        response.set_content("", type); // a provider of length 0 would be taken for one of unknown length
        return;
    }
    // The provider is asked for `length` bytes from `offset` (all that is unsent, or a range); it writes them from the
    // views they fall in.
    const auto provide = [bytes](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
        for (const auto& v : bytes->views) {
            if (length == 0) break;
            if (offset >= v.size()) {
                offset -= v.size();
                continue;
            }
            const auto n = std::min(length, v.size() - offset);
            if (!sink.write(v.data() + offset, n)) return false;
            length -= n;
            offset = 0;
        }
        return true;
    };
    response.set_content_provider(bytes->size, type, provide);
}

} // namespace orgplan::cli::serve
