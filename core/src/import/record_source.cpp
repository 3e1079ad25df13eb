#include "orgplan/import/record_source.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <sstream>

#include <nlohmann/json.hpp>

#include "orgplan/import/csv.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/base/text.hpp"

namespace orgplan {
namespace {

// Turns the file's header names into canonical names: a mapped header becomes its canonical name,
// any other header is kept lower-cased so "Title" and "title" both work.
std::vector<std::string> canonical_columns(const std::vector<std::string>& header, const ColumnMap& mapping) {
    std::map<std::string, std::string> by_header;
    for (const auto& [ours, theirs] : mapping) by_header[text::lower(text::trim(theirs))] = ours;
    std::vector<std::string> out;
    out.reserve(header.size());
    for (const auto& h : header) {
        const auto key = text::lower(text::trim(h));
        auto it = by_header.find(key);
        out.push_back(it != by_header.end() ? it->second : text::normalise_key(h));
    }
    return out;
}

// Line breaks in text[from, to): memchr finds them several times faster than a count byte by byte.
std::size_t line_breaks(std::string_view text, std::size_t from, std::size_t to) {
    std::size_t n = 0;
    const char* const end = text.data() + to;
    for (const char* at = text.data() + from;
         (at = static_cast<const char*>(std::memchr(at, '\n', static_cast<std::size_t>(end - at)))); ++at)
        ++n;
    return n;
}

class CsvSource final : public RecordSource {
public:
    CsvSource(std::string path, const ColumnMap& mapping, std::uint64_t max_file_size)
        : path_(std::move(path)), text_(read_file(path_, max_file_size)), view_(text_), reader_(view_, path_) {
        std::vector<std::string> header;
        if (!reader_.next(header)) throw Error(path_ + ": the file is empty; the first line must name the columns");
        columns_ = canonical_columns(header, mapping);
        end_ = view_.size();
    }
    const std::vector<std::string>& columns() const override { return columns_; }
    std::size_t size_hint() const override { return 1 + line_breaks(view_, reader_.record_end(), end_); }
    std::unique_ptr<RecordSource> split_half() override {
        const auto from = reader_.record_end();
        const auto middle = view_.find('\n', from + (end_ - from) / 2);
        if (middle == std::string_view::npos || middle + 1 >= end_) return nullptr;
        const auto start = middle + 1;
        // Lines as the reader counts them: every line break, inside quotes or not.
        const long line = 1 + static_cast<long>(line_breaks(view_, 0, start));
        std::unique_ptr<RecordSource> other(new CsvSource(*this, start, line));
        reader_.stop_at(start);
        split_ = end_ = start;
        return other;
    }
    bool rejoin() override {
        if (split_ == std::string_view::npos) return true;
        // Records end at line breaks: when the last one ended at or before the split (blank lines between), the
        // other half's reader starts where this one would go on.
        if (reader_.record_end() <= split_) return true;
        reader_.stop_at(std::string_view::npos);
        split_ = std::string_view::npos;
        end_ = view_.size(); // the other half always runs to the end
        return false;
    }
    bool next(Record& record) override {
        if (!reader_.next(record.values)) return false;
        record.position = reader_.record_line();
        record.absent.clear();
        return true;
    }
    bool positions_are_records() const override { return false; }
    const std::string& source() const override { return path_; }

private:
    // The other half of `whole` from byte `start` (line `line`): its text stays with `whole`.
    CsvSource(const CsvSource& whole, std::size_t start, long line)
        : path_(whole.path_), view_(whole.view_), reader_(view_, path_, start, line), columns_(whole.columns_),
          end_(whole.end_) {}

    std::string path_;
    std::string text_;      // empty in the other half of a split
    std::string_view view_; // text_, or the text of the source this one was split from
    CsvReader reader_;
    std::vector<std::string> columns_;
    std::size_t end_ = 0;   // where this source's records stop
    std::size_t split_ = std::string_view::npos;
};

std::string json_value_text(const nlohmann::json& v) {
    if (v.is_null()) return "";
    if (v.is_string()) return v.get<std::string>();
    if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
    if (v.is_array()) {
        std::string out;
        for (const auto& item : v) {
            if (!out.empty()) out += ";";
            out += json_value_text(item);
        }
        return out;
    }
    return v.dump();
}

// JSON records are flattened into rows over the union of their keys so both formats share one importer.
class JsonArraySource final : public RecordSource {
public:
    JsonArraySource(std::string source, const nlohmann::json& array, const ColumnMap& mapping)
        : source_(std::move(source)) {
        std::vector<std::string> header;
        std::map<std::string, std::size_t> index;
        for (const auto& item : array) {
            if (!item.is_object()) continue;
            for (const auto& [key, value] : item.items())
                if (index.emplace(key, header.size()).second) header.push_back(key);
        }
        columns_ = canonical_columns(header, mapping);
        for (std::size_t n = 0; n < array.size(); ++n) {
            const auto& item = array[n];
            if (!item.is_object())
                throw Error(source_ + ": record " + std::to_string(n + 1) +
                            ": expected an object with named fields, found " + item.type_name());
            auto& values = rows_.emplace_back(header.size());
            auto& absent = absent_.emplace_back(header.size(), true);
            for (const auto& [key, value] : item.items()) {
                check_plain(value, n, key);
                values[index[key]] = json_value_text(value);
                absent[index[key]] = false;
            }
        }
    }
    const std::vector<std::string>& columns() const override { return columns_; }
    std::size_t size_hint() const override { return rows_.size() - at_; }
    bool next(Record& record) override {
        if (at_ >= rows_.size()) return false;
        record.position = static_cast<long>(at_ + 1);
        record.absent = absent_[at_];
        const auto& values = rows_[at_++];
        record.values.assign(values.begin(), values.end());
        return true;
    }
    bool positions_are_records() const override { return true; }
    const std::string& source() const override { return source_; }

private:
    // A field holds text, a number, true/false, null or a list of those: an object would be stored as its JSON text.
    void check_plain(const nlohmann::json& value, std::size_t record, const std::string& key) const {
        const auto nested = [](const nlohmann::json& v) { return v.is_object() || v.is_array(); };
        const bool bad = value.is_object() ||
                         (value.is_array() && std::any_of(value.begin(), value.end(), nested));
        if (bad)
            throw Error(source_ + ": record " + std::to_string(record + 1) + ": field '" + key + "' holds " +
                        (value.is_object() ? "an object" : "a list of objects or lists") +
                        "; give text, a number, true/false or a list of plain values (flatten it, e.g. "
                        "\"first_name\" and \"last_name\" instead of \"name\": {...})");
    }

    std::string source_;
    std::vector<std::string> columns_;
    std::vector<std::vector<std::string>> rows_; // kept: records are views into it
    std::vector<std::vector<bool>> absent_;       // keys each record lacks
    std::size_t at_ = 0;
};

// Records are flat: a value nested deeper than this is a mistake or an attack, and nesting costs the JSON library
// stack and heap per level.
constexpr int kMaxJsonDepth = 32;

// Offset of the first bracket that nests deeper than kMaxJsonDepth, outside strings; npos when none does.
std::size_t too_deep(const std::string& text) {
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxJsonDepth) return i;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return std::string::npos;
}

long line_of_offset(const std::string& text, std::size_t offset) {
    long line = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i)
        if (text[i] == '\n') ++line;
    return line;
}

long column_of_offset(const std::string& text, std::size_t offset) {
    offset = std::min(offset, text.size());
    const auto newline = offset == 0 ? std::string::npos : text.rfind('\n', offset - 1);
    return static_cast<long>(offset - (newline == std::string::npos ? 0 : newline + 1)) + 1;
}

// What went wrong in a JSON syntax error, without the text the parser quotes ("last read: '...'" may be a name or
// an address): the lexer's or parser's own words, and what it expected when that is one of its fixed token names.
std::string json_syntax_problem(const std::string& message) {
    static const std::string marker = "syntax error ";
    auto at = message.find(marker);
    if (at == std::string::npos) return "syntax error";
    const auto dash = message.find(" - ", at);
    if (dash == std::string::npos) return "syntax error";
    std::string context = message.substr(at, dash - at); // "syntax error while parsing value"
    std::string detail = message.substr(dash + 3);
    std::string expected;
    static const std::vector<std::string> tokens = {
        "'['", "'{'", "']'", "'}'", "':'", "','", "string literal", "number literal", "true literal", "false literal",
        "null literal", "end of input", "'[', '{', or a literal", "<parse error>", "unknown token"};
    static const std::string expect_marker = "; expected ";
    if (const auto e = detail.rfind(expect_marker); e != std::string::npos) {
        const auto token = detail.substr(e + expect_marker.size());
        if (std::find(tokens.begin(), tokens.end(), token) != tokens.end()) expected = "; expected " + token;
        detail.resize(e);
    }
    if (const auto read = detail.find("; last read: "); read != std::string::npos) detail.resize(read);
    // Whatever is left is one of the library's fixed phrases unless it quotes the input: then drop it.
    if (detail.find('\'') != std::string::npos && detail.rfind("unexpected ", 0) != 0) detail = "invalid text";
    if (detail.rfind("unexpected ", 0) == 0 &&
        std::find(tokens.begin(), tokens.end(), detail.substr(11)) == tokens.end())
        detail = "unexpected text";
    return context + ": " + detail + expected;
}

// A key given twice in one object: JSON keeps the last silently, which would drop a value the file states.
// Throws naming the record (its position in its array, and the key of that array in an object of arrays).
nlohmann::json parse_rejecting_duplicate_keys(const std::string& text, const std::string& path) {
    struct Frame {
        bool object;
        std::size_t items = 0;        // elements seen, in an array
        std::string last_key;         // in an object
        std::vector<std::string> keys; // in an object (records are small: a vector beats a set)
    };
    std::vector<Frame> stack;
    using Event = nlohmann::json::parse_event_t;
    const auto callback = [&](int, Event event, nlohmann::json& parsed) {
        switch (event) {
        case Event::object_start:
        case Event::array_start:
            if (!stack.empty() && !stack.back().object) ++stack.back().items;
            stack.push_back(Frame{event == Event::object_start, 0, {}, {}});
            break;
        case Event::object_end:
        case Event::array_end:
            stack.pop_back();
            break;
        case Event::key: {
            auto& frame = stack.back();
            const auto key = parsed.get<std::string>();
            if (std::find(frame.keys.begin(), frame.keys.end(), key) != frame.keys.end()) {
                std::string where;
                if (stack.size() >= 2 && !stack[stack.size() - 2].object) {
                    if (stack.size() >= 3 && stack[stack.size() - 3].object)
                        where = " " + stack[stack.size() - 3].last_key;
                    where += ": record " + std::to_string(stack[stack.size() - 2].items);
                }
                throw Error(path + where + ": field '" + key + "' is given twice in one record; keep one");
            }
            frame.keys.push_back(key);
            frame.last_key = key;
            break;
        }
        case Event::value:
            if (!stack.empty() && !stack.back().object) ++stack.back().items;
            break;
        }
        return true;
    };
    return nlohmann::json::parse(text, callback);
}

} // namespace

int RecordSource::column(const std::string& name) const {
    const auto& cols = columns();
    for (std::size_t i = 0; i < cols.size(); ++i)
        if (cols[i] == name) return static_cast<int>(i);
    return -1;
}

std::pair<std::string, std::string> parse_column_map_arg(const std::string& arg) {
    const auto eq = arg.find('=');
    if (eq == std::string::npos || eq == 0)
        throw Error("--map '" + arg + "': expected NAME=HEADER, e.g. --map title=\"Job Title\"");
    return {text::normalise_key(arg.substr(0, eq)), std::string(text::trim(arg.substr(eq + 1)))};
}

ColumnMap parse_column_map_file(const std::string& path) {
    std::istringstream in(read_file(path));
    ColumnMap map;
    std::vector<InputProblem> problems;
    std::string line;
    long n = 0;
    while (std::getline(in, line)) {
        ++n;
        const auto t = text::trim(line);
        if (t.empty() || t[0] == '#') continue;
        const auto eq = t.find('=');
        if (eq == std::string::npos || eq == 0) {
            problems.push_back({path, n, "", "expected NAME=HEADER, e.g. title=Job Title"});
            continue;
        }
        map[text::normalise_key(t.substr(0, eq))] = std::string(text::trim(t.substr(eq + 1)));
    }
    if (!problems.empty()) {
        const auto total = problems.size();
        throw InputErrors(std::move(problems), total);
    }
    return map;
}

std::vector<KindedSource> open_records(const std::string& path, const std::string& forced_kind,
                                       const ColumnMap& mapping,
                                       std::string (*kind_of_name)(const std::string&),
                                       std::uint64_t max_file_size) {
    const std::filesystem::path p(path);
    const auto ext = text::lower(p.extension().string());
    const auto stem_kind = kind_of_name(p.stem().string());
    const auto kind_for_file = [&]() {
        const auto kind = forced_kind.empty() ? stem_kind : forced_kind;
        if (kind.empty())
            throw Error(path + ": cannot tell what this file holds from its name; rename it after what it holds "
                               "(people, teams, memberships, assignments, products, segments, initiatives, "
                               "accounts, goals, interrupts or taskforces, e.g. people.csv), import it on its own "
                               "with --kind KIND, or move it out of the directory you import");
        return kind;
    };
    std::vector<KindedSource> out;
    if (ext == ".json") {
        const auto text = read_file(path, max_file_size);
        if (const auto at = too_deep(text); at != std::string::npos)
            throw Error(path + ":" + std::to_string(line_of_offset(text, at)) + ": values are nested more than " +
                        std::to_string(kMaxJsonDepth) + " levels deep; records are objects of plain values");
        nlohmann::json doc;
        try {
            doc = parse_rejecting_duplicate_keys(text, path);
        } catch (const nlohmann::json::parse_error& e) {
            // Where, and what kind of mistake; never the text around it (it may be a name or an address).
            const auto at = e.byte == 0 ? 0 : e.byte - 1;
            throw Error(path + ":" + std::to_string(line_of_offset(text, at)) + ":" +
                        std::to_string(column_of_offset(text, at)) + ": not valid JSON (" +
                        json_syntax_problem(e.what()) + ")");
        } catch (const nlohmann::json::exception& e) {
            // A number too large for a double ("1e400"): the library names the number but not where it is; the
            // number locates it, and only its line is said.
            const std::string message = e.what();
            const auto open = message.find('\''), close = message.rfind('\'');
            const auto number = open < close ? message.substr(open + 1, close - open - 1) : std::string();
            const auto at = number.empty() ? std::string::npos : text.find(number);
            throw Error(path + (at == std::string::npos ? "" : ":" + std::to_string(line_of_offset(text, at))) +
                        ": a number is out of range; write numbers as plain decimals");
        }
        if (doc.is_array()) {
            out.push_back({kind_for_file(), std::make_unique<JsonArraySource>(path, doc, mapping)});
        } else if (doc.is_object()) {
            for (const auto& [key, value] : doc.items()) {
                const auto kind = kind_of_name(key);
                if (kind.empty())
                    throw Error(path + ": key '" + key + "' is not a kind of record; use people, teams, "
                                "memberships, assignments, products, segments, initiatives, accounts, goals, "
                                "interrupts or taskforces");
                if (!value.is_array())
                    throw Error(path + ": key '" + key + "' must hold an array of records");
                out.push_back({kind, std::make_unique<JsonArraySource>(path + " " + key, value, mapping)});
            }
        } else {
            throw Error(path + ": expected a JSON array of records or an object of arrays keyed by kind");
        }
    } else {
        out.push_back({kind_for_file(), std::make_unique<CsvSource>(path, mapping, max_file_size)});
    }
    return out;
}

} // namespace orgplan
