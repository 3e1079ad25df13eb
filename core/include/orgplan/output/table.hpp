// Tables of typed cells, written aligned, as CSV (RFC 4180, also streamed) or as JSON rows; shared by every answer.
#pragma once

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

namespace orgplan {

enum class Format { table, json, csv, md, xlsx, html };
/// Throws orgplan::Error naming the accepted formats.
Format parse_format(const std::string& text);

/// Ids in one cell (a row's PMs): an array in JSON, joined with ';' in every other format.
using IdList = std::vector<std::string>;

/// Named values in one cell (what a change wrote: {"people": 335, "teams": 30}): an object in JSON, "people 335,
/// teams 30" in every other format. Holds a JSON object; its values are numbers, text or lists.
struct Fields {
    nlohmann::json values = nlohmann::json::object();
    bool operator==(const Fields& other) const { return values == other.values; }
};

/// A yes or no (a principle that applies): true or false in JSON, "yes" or "no" in every other format. A type of its
/// own, not bool, so that a string literal never becomes a flag.
struct Flag {
    bool value = false;
    bool operator==(const Flag& other) const { return value == other.value; }
};

/// A cell of a row the column does not apply to (a principle with no data to score has no score, not a null one):
/// JSON leaves the key out of that row; every other format shows `text` ("-" when empty, as for nothing; CSV: empty).
struct Omitted {
    std::string text;
    bool operator==(const Omitted& other) const { return text == other.text; }
};

/// A sum of money in a column that holds other numbers too (a comparison's rows: counts, ratios and costs): tables,
/// Markdown and HTML show it in whole units with thousands grouped ("1,382,400"); CSV and JSON keep the number, XLSX a
/// number in the money format. (A column of money only is a money column instead.)
struct Money {
    double value = 0;
    bool operator==(const Money& other) const { return value == other.value; }
};

/// A value people read in words and programs as data: tables, Markdown and HTML show `words` (a status in words, PMs'
/// names, the words of a title a rule matched, a row's name with its unit); CSV, JSON and XLSX keep `data` (the
/// status code, the ids, the rule's pattern, the bare name), which does not change with how it is worded.
/// Both are kept behind a shared pointer, so that a cell is no larger than a string (40 bytes instead of 80: a table
/// of a million cells) and a value repeated on many rows (a status) is made once.
class Worded {
public:
    using Data = std::variant<std::string, IdList>; ///< text, or ids (an array in JSON, joined with ';' in CSV, XLSX)
    Worded() : Worded(std::string(), std::string()) {}
    Worded(Data data, std::string words)
        : parts_(std::make_shared<const Parts>(Parts{std::move(data), std::move(words)})) {}
    const Data& data() const { return parts_->data; }
    const std::string& words() const { return parts_->words; }
    bool operator==(const Worded& other) const { return data() == other.data() && words() == other.words(); }

private:
    struct Parts {
        Data data;
        std::string words;
    };
    std::shared_ptr<const Parts> parts_;
};
/// A row's name with the unit its values are in: "yearly cost (EUR)" for people, the bare name (a key that does not
/// change with the currency) for data. Without a unit, the name alone everywhere.
Worded named(std::string name, const std::string& unit);
/// A value in a table: nothing (shown as "-" / null), text, a whole number, a decimal, a list of ids, named values,
/// a yes or no, a cell JSON leaves out, a sum of money or a value worded for people and kept as data for programs.
using Cell = std::variant<std::monostate, std::string, long long, double, IdList, Fields, Flag, Omitted, Money, Worded>;
static_assert(sizeof(Cell) <= sizeof(std::string) + 8, "a cell holds its larger values elsewhere");

/// The number a cell holds (a whole number, a decimal or money); nothing for any other cell.
std::optional<double> number_in(const Cell& cell);
/// A cell as data, the text CSV writes before quoting: numbers in full (rounded by stable(), "0.25", "1382400.4"),
/// ids joined with ';', a worded cell's data, nothing as empty text.
std::string data_text(const Cell& cell);
/// Whether a cell holds a number (a whole number, a decimal or money): a column of them is right-aligned.
inline bool is_number(const Cell& cell) { return number_in(cell).has_value(); }

/// Which formats write a column. JSON keeps types and detail a reader parses (the covered and total counts apart);
/// tables for people may show them together ("3/5") in a column JSON leaves out.
enum class Shown { everywhere, json_only, not_in_json };

struct Column {
    std::string key;        ///< JSON and CSV name (snake_case, stable)
    std::string header;     ///< table heading
    int decimals = 1;       ///< for decimal cells in table output; JSON keeps full precision
    bool money = false;     ///< a sum of money: tables and Markdown group thousands ("1,234,567"); data keeps numbers
    Shown shown = Shown::everywhere;
    /// Layout::cards only (see output.hpp): the least width of this cell on a row's first line, or the text written
    /// before it on a line of its own.
    std::size_t least_width = 0;
    std::string lead = {};
};

/// A money column: whole units, thousands grouped, the currency (setting cost.currency) in the header when set.
Column money_column(std::string key, std::string header, const std::string& currency);

/// Writes CSV as rows come, for reports too long to hold as a Table first: a header line of column keys, then one
/// line per row (CRLF, RFC 4180 quoting, decimals rounded by stable()), the same output as Table::print_csv. Text
/// that a spreadsheet would run as a formula is written quoted with a leading apostrophe.
/// Output is buffered and written in blocks; the destructor writes the rest.
class CsvWriter {
public:
    CsvWriter(std::ostream& out, const std::vector<Column>& columns);
    ~CsvWriter();
    CsvWriter(const CsvWriter&) = delete;
    CsvWriter& operator=(const CsvWriter&) = delete;
    void row(const std::vector<Cell>& cells);

private:
    void field(std::string_view text);
    void integer(long long v);
    void number(double v);
    void end_line();
    std::ostream& out_;
    std::string buffer_;
};

class Table {
public:
    explicit Table(std::vector<Column> columns) : columns_(std::move(columns)) {}
    void add(std::vector<Cell> row);
    std::size_t size() const noexcept { return rows_.size(); }
    const std::vector<Column>& columns() const noexcept { return columns_; }
    const std::vector<std::vector<Cell>>& rows() const noexcept { return rows_; }
    /// A cell as the aligned table shows it: "-" for nothing, decimals rounded to the column's places, money grouped.
    static std::string cell_text(const Cell& cell, const Column& column);
    /// cell_text as a terminal may print it: on one line, other control characters (an escape sequence in a name
    /// could move the cursor) as '?'. CSV, JSON and the files keep them.
    static std::string terminal_text(const Cell& cell, const Column& column);

    /// Aligned columns (numbers right-aligned) with a header rule.
    void print_table(std::ostream& out) const;
    /// Header line of keys, then one line per row.
    void print_csv(std::ostream& out) const;
    /// Array of objects keyed by column key; decimals rounded to 4 places for stable output. Columns shown
    /// not_in_json are left out.
    nlohmann::json to_json() const;

    /// The table with only the columns `keep` accepts, cells and order as they were.
    template <typename Keep> Table select(Keep keep) const {
        std::vector<std::size_t> kept;
        std::vector<Column> columns;
        for (std::size_t i = 0; i < columns_.size(); ++i)
            if (keep(columns_[i])) {
                kept.push_back(i);
                columns.push_back(columns_[i]);
            }
        Table out(std::move(columns));
        out.rows_.reserve(rows_.size());
        for (const auto& row : rows_) {
            std::vector<Cell> cells;
            cells.reserve(kept.size());
            for (auto i : kept) cells.push_back(row[i]);
            out.rows_.push_back(std::move(cells));
        }
        return out;
    }
    /// Whether any column is for JSON only (then every other format writes `select`ed columns).
    bool has_json_only() const;

private:
    std::vector<Column> columns_;
    std::vector<std::vector<Cell>> rows_;
};

/// Whether a spreadsheet would run `text` as a formula (it starts with =, +, -, @, tab or carriage return); CSV
/// and spreadsheet writers put a leading apostrophe before such text cells.
bool runs_as_formula(std::string_view text);

/// Rounds to 4 decimals so JSON output does not depend on summation order noise.
double stable(double v);

} // namespace orgplan
