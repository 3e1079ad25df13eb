#include "orgplan/output/table.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "orgplan/base/error.hpp"
#include "orgplan/base/number.hpp"
#include "orgplan/base/text.hpp"

namespace orgplan {

Format parse_format(const std::string& text) {
    if (text == "table") return Format::table;
    if (text == "json") return Format::json;
    if (text == "csv") return Format::csv;
    if (text == "md" || text == "markdown") return Format::md;
    if (text == "xlsx") return Format::xlsx;
    if (text == "html") return Format::html;
    throw Error("--format '" + text + "': use table, json, csv, md, xlsx or html");
}

double stable(double v) {
    const double r = std::round(v * 10000.0) / 10000.0;
    return r == 0.0 ? 0.0 : r; // no "-0"
}

bool Table::has_json_only() const {
    return std::any_of(columns_.begin(), columns_.end(), [](const Column& c) { return c.shown == Shown::json_only; });
}

void Table::add(std::vector<Cell> row) {
    row.resize(columns_.size());
    rows_.push_back(std::move(row));
}

namespace {
// A name with the unit of its values, as people read it: "yearly cost (EUR)"; the name alone without a unit.
std::string with_unit(const std::string& name, const std::string& unit) {
    return unit.empty() ? name : name + " (" + unit + ")";
}
} // namespace

Column money_column(std::string key, std::string header, const std::string& currency) {
    return {std::move(key), with_unit(header, currency), 0, true};
}

Worded named(std::string name, const std::string& unit) {
    auto words = with_unit(name, unit);
    return {std::move(name), std::move(words)};
}

namespace {
// An id list as every format but JSON writes it: one field, ids joined with ';'.
std::string id_list_text(const IdList& ids) { return text::join(ids, ";"); }

// Named values as every format but JSON writes them: "people 335, teams 30".
std::string fields_text(const Fields& fields) {
    std::string out;
    for (const auto& [key, value] : fields.values.items()) {
        const auto shown = value.is_string() ? value.get<std::string>() : value.dump();
        out += (out.empty() ? "" : ", ") + key + " " + shown;
    }
    return out;
}

const char* flag_text(const Flag& flag) { return flag.value ? "yes" : "no"; }
} // namespace

std::string data_text(const Cell& cell) {
    struct Visitor {
        std::string operator()(std::monostate) const { return {}; }
        std::string operator()(const std::string& s) const { return s; }
        std::string operator()(long long v) const { return std::to_string(v); }
        std::string operator()(double v) const { return fmt::format("{}", stable(v)); }
        std::string operator()(const IdList& ids) const { return id_list_text(ids); }
        std::string operator()(const Fields& fields) const { return fields_text(fields); }
        std::string operator()(const Flag& flag) const { return flag_text(flag); }
        std::string operator()(const Omitted& omitted) const { return omitted.text; }
        std::string operator()(const Money& money) const { return (*this)(money.value); }
        std::string operator()(const Worded& worded) const { return std::visit(*this, worded.data()); }
    };
    return std::visit(Visitor{}, cell);
}

std::optional<double> number_in(const Cell& cell) {
    if (const auto* d = std::get_if<double>(&cell)) return *d;
    if (const auto* n = std::get_if<long long>(&cell)) return static_cast<double>(*n);
    if (const auto* m = std::get_if<Money>(&cell)) return m->value;
    return std::nullopt;
}

std::string Table::cell_text(const Cell& cell, const Column& column) {
    struct Visitor {
        const Column& column;
        std::string operator()(std::monostate) const { return "-"; }
        std::string operator()(const std::string& s) const { return s; }
        std::string operator()(const IdList& ids) const { return id_list_text(ids); }
        std::string operator()(const Fields& fields) const { return fields_text(fields); }
        std::string operator()(const Flag& flag) const { return flag_text(flag); }
        std::string operator()(const Omitted& omitted) const { return omitted.text.empty() ? "-" : omitted.text; }
        std::string operator()(const Money& money) const { return group_thousands(money.value, 0); }
        std::string operator()(const Worded& worded) const { return worded.words(); }
        std::string operator()(long long v) const {
            return column.money ? group_thousands(static_cast<double>(v), 0) : std::to_string(v);
        }
        std::string operator()(double v) const {
            return column.money ? group_thousands(stable(v), column.decimals)
                                : fmt::format("{:.{}f}", stable(v), column.decimals);
        }
    };
    return std::visit(Visitor{column}, cell);
}

namespace {

using text::display_width;

// A cell as a terminal shows it on one line: line breaks and tabs as spaces, and other control characters (an
// escape sequence in a name could move the cursor or clear the screen) as '?'. CSV, JSON and the files keep them.
std::string on_one_line(std::string text) {
    for (auto& c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '\n' || c == '\r' || c == '\t')
            c = ' ';
        else if (byte < 0x20 || byte == 0x7f)
            c = '?';
    }
    return text;
}

} // namespace

std::string Table::terminal_text(const Cell& cell, const Column& column) { return on_one_line(cell_text(cell, column)); }

void Table::print_table(std::ostream& out) const {
    std::vector<std::size_t> widths;
    std::vector<bool> numeric(columns_.size(), false);
    for (const auto& c : columns_) widths.push_back(display_width(c.header));
    for (const auto& row : rows_)
        for (std::size_t i = 0; i < row.size(); ++i) {
            widths[i] = std::max(widths[i], display_width(terminal_text(row[i], columns_[i])));
            if (is_number(row[i])) numeric[i] = true;
        }
    auto line = [&](const std::vector<std::string>& cells) {
        std::string text;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const auto pad = std::string(widths[i] - display_width(cells[i]), ' ');
            if (i) text += "  ";
            text += numeric[i] ? pad + cells[i] : cells[i] + (i + 1 < cells.size() ? pad : "");
        }
        while (!text.empty() && text.back() == ' ') text.pop_back(); // an empty last cell leaves no trailing blanks
        out << text << "\n";
    };
    std::vector<std::string> header;
    for (const auto& c : columns_) header.push_back(c.header);
    line(header);
    std::vector<std::string> rule;
    for (auto w : widths) rule.push_back(std::string(w, '-'));
    line(rule);
    for (const auto& row : rows_) {
        std::vector<std::string> cells;
        for (std::size_t i = 0; i < row.size(); ++i) cells.push_back(terminal_text(row[i], columns_[i]));
        line(cells);
    }
}


CsvWriter::CsvWriter(std::ostream& out, const std::vector<Column>& columns) : out_(out) {
    buffer_.reserve(1 << 17);
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (i) buffer_ += ',';
        field(columns[i].key);
    }
    end_line();
}

CsvWriter::~CsvWriter() { out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size())); }

bool runs_as_formula(std::string_view text) {
    return !text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' ||
                             text[0] == '\r');
}

void CsvWriter::field(std::string_view text) {
    // A spreadsheet runs a cell that starts like a formula (OWASP CSV injection, CWE-1236): such text from the data
    // is written with a leading apostrophe, which spreadsheets show as text. Numbers are not text cells.
    const bool formula = runs_as_formula(text);
    // One pass over the text (find_first_of looks each character up in the set: a tenth of a large report's time).
    const bool plain = std::none_of(text.begin(), text.end(),
                                    [](char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; });
    if (!formula && plain) {
        buffer_ += text;
        return;
    }
    buffer_ += '"';
    if (formula) buffer_ += '\'';
    for (char c : text) {
        if (c == '"') buffer_ += '"';
        buffer_ += c;
    }
    buffer_ += '"';
}

void CsvWriter::integer(long long v) {
    const fmt::format_int text(v);
    buffer_.append(text.data(), text.size());
}

void CsvWriter::number(double v) {
    // Whole numbers (most counts and FTE) as integers: what "{}" writes for them below 1e15, in a fraction of the time.
    if (v == std::trunc(v) && std::fabs(v) < 1e15)
        integer(static_cast<long long>(v));
    else
        fmt::format_to(std::back_inserter(buffer_), "{}", v);
}

void CsvWriter::end_line() {
    buffer_ += "\r\n";
    if (buffer_.size() >= (1u << 16)) {
        out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
        buffer_.clear();
    }
}

void CsvWriter::row(const std::vector<Cell>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i) buffer_ += ',';
        // A number, negative ones included, is never a formula: it is not quoted.
        if (const auto* n = std::get_if<long long>(&cells[i]))
            integer(*n);
        else if (const auto number = number_in(cells[i]))
            this->number(stable(*number));
        else if (const auto* text = std::get_if<std::string>(&cells[i]))
            field(*text);
        else
            field(data_text(cells[i]));
    }
    end_line();
}

void Table::print_csv(std::ostream& out) const {
    CsvWriter csv(out, columns_);
    for (const auto& row : rows_) csv.row(row);
}

nlohmann::json Table::to_json() const {
    auto rows = nlohmann::json::array();
    for (const auto& row : rows_) {
        nlohmann::json obj = nlohmann::json::object();
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (columns_[i].shown == Shown::not_in_json) continue;
            const auto& key = columns_[i].key;
            std::visit(
                [&](const auto& v) {
                    using T = std::decay_t<decltype(v)>;
                    if constexpr (std::is_same_v<T, std::monostate>)
                        obj[key] = nullptr;
                    else if constexpr (std::is_same_v<T, double>)
                        obj[key] = stable(v);
                    else if constexpr (std::is_same_v<T, Fields>)
                        obj[key] = v.values;
                    else if constexpr (std::is_same_v<T, Flag>)
                        obj[key] = v.value;
                    else if constexpr (std::is_same_v<T, Omitted>)
                        return;
                    else if constexpr (std::is_same_v<T, Money>)
                        obj[key] = stable(v.value);
                    else if constexpr (std::is_same_v<T, Worded>)
                        std::visit([&](const auto& data) { obj[key] = data; }, v.data());
                    else
                        obj[key] = v;
                },
                row[i]);
        }
        rows.push_back(std::move(obj));
    }
    return rows;
}

} // namespace orgplan
