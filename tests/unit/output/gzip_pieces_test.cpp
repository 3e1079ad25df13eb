#include <catch2/catch.hpp>

#include <zlib.h>

#include "orgplan/output/gzip_pieces.hpp"

using namespace orgplan;

namespace {

// What a browser does with the body: zlib's gzip decoder (15 + 16: gzip wrapper only), to the end of the member.
std::string gunzip(const std::string& gz) {
    z_stream z{};
    REQUIRE(inflateInit2(&z, 15 + 16) == Z_OK);
    std::string out;
    char buffer[16384];
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
    z.avail_in = static_cast<uInt>(gz.size());
    int result = Z_OK;
    while (result == Z_OK) {
        z.next_out = reinterpret_cast<Bytef*>(buffer);
        z.avail_out = sizeof buffer;
        result = inflate(&z, Z_NO_FLUSH);
        out.append(buffer, sizeof buffer - z.avail_out);
    }
    const auto left = z.avail_in;
    inflateEnd(&z);
    REQUIRE(result == Z_STREAM_END); // the trailer's CRC-32 and length were checked and matched
    REQUIRE(left == 0);              // nothing after the member
    return out;
}

} // namespace

TEST_CASE("gzip pieces joined decode to their texts in order, the trailer checked", "[output][gzip]") {
    std::string big;
    for (int i = 0; i < 20000; ++i) big += "{\"team\": \"t" + std::to_string(i) + "\", \"ratio\": 7.5},\n";
    const auto head = deflate_piece("<header>Ava (viewer)</header>", 1);
    const auto middle = deflate_piece(big);
    const auto tail = deflate_piece("</main></html>\n", 1);
    const auto gz = gzip_join({&head, &middle, &tail});
    CHECK(gunzip(gz) == "<header>Ava (viewer)</header>" + big + "</main></html>\n");
    CHECK(gz.size() * 10 < big.size()); // the shared piece is really compressed

    // The same shared piece in another response with other pieces around it.
    const auto other = deflate_piece("<header>Ben (hr)</header>");
    CHECK(gunzip(gzip_join({&other, &middle})) == "<header>Ben (hr)</header>" + big);
}

TEST_CASE("gzip pieces: empty texts and no pieces at all are valid bodies", "[output][gzip]") {
    const auto empty = deflate_piece("");
    CHECK(empty.length == 0);
    CHECK(gunzip(gzip_join({})).empty());
    CHECK(gunzip(gzip_join({&empty, &empty})).empty());
    const auto x = deflate_piece("x");
    CHECK(gunzip(gzip_join({&empty, &x, &empty})) == "x");
}

TEST_CASE("gzip pieces: text that does not compress still round-trips", "[output][gzip]") {
    std::string noise;
    std::uint32_t state = 12345;
    for (int i = 0; i < 100000; ++i) noise += static_cast<char>((state = state * 1103515245u + 12345u) >> 24);
    const auto piece = deflate_piece(noise, 9);
    CHECK(gunzip(gzip_join({&piece})) == noise);
}
