#include "orgplan/csv.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "orgplan/error.hpp"

namespace orgplan {

CsvReader::CsvReader(std::string_view text, std::string source) : text_(text), source_(std::move(source)) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3; // UTF-8 BOM written by spreadsheet exports
}

bool CsvReader::next(std::vector<std::string>& fields) {
    // Fields are assigned into the vector's existing strings so a million records reuse their buffers.
    std::size_t count = 0;
    auto emit = [&](const char* data, std::size_t size) {
        if (count < fields.size())
            fields[count].assign(data, size);
        else
            fields.emplace_back(data, size);
        ++count;
    };
    // Blank lines between records carry no data; skip them rather than report empty records.
    while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
        if (text_[pos_] == '\n') ++line_;
        ++pos_;
    }
    if (pos_ >= text_.size()) {
        fields.clear();
        return false;
    }
    record_line_ = line_;

    std::string field;
    const std::size_t n = text_.size();
    while (true) {
        field.clear();
        if (pos_ < n && text_[pos_] == '"') {
            const long quote_line = line_;
            ++pos_;
            while (true) {
                if (pos_ >= n)
                    throw Error(source_ + ":" + std::to_string(quote_line) +
                                ": a quoted field is never closed; add the missing '\"'");
                const char c = text_[pos_];
                if (c == '"') {
                    if (pos_ + 1 < n && text_[pos_ + 1] == '"') {
                        field += '"';
                        pos_ += 2;
                        continue;
                    }
                    ++pos_;
                    break;
                }
                if (c == '\n') ++line_;
                field += c;
                ++pos_;
            }
            if (pos_ < n && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r')
                throw Error(source_ + ":" + std::to_string(line_) +
                            ": unexpected text after a closing quote; quote the whole field and double "
                            "any quote inside it");
            emit(field.data(), field.size());
        } else {
            const std::size_t start = pos_;
            while (pos_ < n && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r') ++pos_;
            emit(text_.data() + start, pos_ - start);
        }
        if (pos_ >= n) {
            fields.resize(count);
            return true;
        }
        const char sep = text_[pos_];
        if (sep == ',') {
            ++pos_;
            continue;
        }
        if (sep == '\r') ++pos_;
        if (pos_ < n && text_[pos_] == '\n') {
            ++pos_;
            ++line_;
        }
        fields.resize(count);
        return true;
    }
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": cannot open (" + std::strerror(errno) + ")");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return std::move(buffer).str();
}

} // namespace orgplan
