// gzip bodies made of pieces compressed apart: a large piece shared by many responses (a cached answer) is compressed
// once, and each response compresses only its own small pieces (who is signed in) around it. The pieces are raw deflate
// streams ended on a byte boundary without a last block, so joined they form one valid gzip member.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace orgplan {

/// Text compressed as a raw deflate stream that another may follow, with what the gzip trailer needs of it.
struct DeflatePiece {
    std::string data;
    std::uint32_t crc = 0;
    std::uint64_t length = 0; ///< of the text before compression
};

/// `text` compressed at zlib's `level` (1 fastest .. 9 smallest), ending with a sync flush.
DeflatePiece deflate_piece(std::string_view text, int level = 6);

/// One gzip member (RFC 1952) whose content is the pieces' texts in order.
std::string gzip_join(const std::vector<const DeflatePiece*>& pieces);

} // namespace orgplan
