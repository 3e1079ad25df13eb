#include "orgplan/output/gzip_pieces.hpp"

#include <zlib.h>

#include "orgplan/base/error.hpp"

namespace orgplan {

DeflatePiece deflate_piece(std::string_view text, int level) {
    DeflatePiece piece;
    piece.length = text.size();
    piece.crc = static_cast<std::uint32_t>(
        crc32_z(crc32_z(0, nullptr, 0), reinterpret_cast<const Bytef*>(text.data()), text.size()));
    z_stream z{};
    // -15: raw deflate, no zlib or gzip wrapper of its own; gzip_join writes the one wrapper around all pieces.
    if (deflateInit2(&z, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw Error("cannot start zlib's deflate (out of memory?)");
    piece.data.resize(deflateBound(&z, text.size()) + 16);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    z.avail_in = static_cast<uInt>(text.size());
    z.next_out = reinterpret_cast<Bytef*>(piece.data.data());
    z.avail_out = static_cast<uInt>(piece.data.size());
    // A sync flush ends on a byte boundary with an empty stored block that is not the last one: another piece's blocks
    // can follow, and none refers back into this one (each piece starts with an empty window).
    const auto result = deflate(&z, Z_SYNC_FLUSH);
    const auto written = piece.data.size() - z.avail_out;
    deflateEnd(&z);
    if (result != Z_OK || z.avail_in != 0)
        throw Error("zlib's deflate failed on a body of " + std::to_string(text.size()) + " bytes");
    piece.data.resize(written);
    return piece;
}

std::string gzip_join(const std::vector<const DeflatePiece*>& pieces) {
    std::size_t size = 10 + 2 + 8;
    for (const auto* p : pieces) size += p->data.size();
    std::string out;
    out.reserve(size);
    // Header: magic, deflate, no flags, no time, no extra flags, OS unknown.
    out.append("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", 10);
    uLong crc = crc32_z(0, nullptr, 0);
    std::uint64_t length = 0;
    for (const auto* p : pieces) {
        out += p->data;
        crc = crc32_combine(crc, p->crc, static_cast<z_off_t>(p->length));
        length += p->length;
    }
    out.append("\x03\x00", 2); // the last block: fixed Huffman codes, empty
    for (int i = 0; i < 4; ++i) out += static_cast<char>((crc >> (8 * i)) & 0xff);
    for (int i = 0; i < 4; ++i) out += static_cast<char>((length >> (8 * i)) & 0xff); // ISIZE: length mod 2^32
    return out;
}

} // namespace orgplan
