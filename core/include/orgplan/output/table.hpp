// Tables of typed cells, written aligned, as CSV (RFC 4180, also streamed) or as JSON rows; shared by every answer.
#pragma once

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

/// A value in a table: nothing (shown as "-" / null), text, a whole number, a decimal or a list of ids.
using Cell = std::variant<std::monostate, std::string, long long, double, IdList>;

struct Column {
    std::string key;        ///< JSON and CSV name (snake_case, stable)
    std::string header;     ///< table heading
    int decimals = 1;       ///< for decimal cells in table output; JSON keeps full precision
    bool money = false;     ///< a sum of money: tables and Markdown group thousands ("1,234,567"); data keeps numbers
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

    /// Aligned columns (numbers right-aligned) with a header rule.
    void print_table(std::ostream& out) const;
    /// Header line of keys, then one line per row.
    void print_csv(std::ostream& out) const;
    /// Array of objects keyed by column key; decimals rounded to 4 places for stable output.
    nlohmann::json to_json() const;

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
