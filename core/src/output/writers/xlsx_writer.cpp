// XLSX through libxlsxwriter: a sheet per table, numbers as numeric cells, a frozen bold header row with an
// autofilter, column widths that fit, and the prose on a sheet of its own.
#include "orgplan/output/output.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <unistd.h>
#include <variant>

#include <xlsxwriter.h>

#include "orgplan/base/error.hpp"
#include "orgplan/base/text.hpp"

namespace orgplan {
namespace {

// Excel's rules for sheet names: at most 31 characters, none of []:*?/\, unique in the workbook.
std::string sheet_name(const std::string& wanted, std::set<std::string>& used) {
    std::string name;
    for (const char c : wanted)
        if (std::string("[]:*?/\\").find(c) == std::string::npos) name += c;
    if (name.empty()) name = "sheet";
    name = name.substr(0, 31);
    for (int n = 2; used.count(name); ++n) {
        const auto suffix = " " + std::to_string(n);
        name = name.substr(0, 31 - suffix.size()) + suffix;
    }
    used.insert(name);
    return name;
}

void check(lxw_error error, const std::string& what) {
    if (error != LXW_NO_ERROR) throw Error("cannot write the spreadsheet (" + what + ": " + lxw_strerror(error) + ")");
}

void write_sheet(lxw_workbook* book, lxw_worksheet* sheet, const Table& table) {
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    lxw_format* money = workbook_add_format(book); // a number still, shown with its thousands grouped
    format_set_num_format(money, "#,##0");
    const auto& columns = table.columns();
    std::vector<std::size_t> widths;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        check(worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), columns[c].key.c_str(), bold), "header");
        widths.push_back(text::display_width(columns[c].key));
    }
    lxw_row_t r = 1;
    for (const auto& row : table.rows()) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            const auto col = static_cast<lxw_col_t>(c);
            const auto& cell = row[c];
            lxw_format* shown = columns[c].money ? money : nullptr;
            if (std::holds_alternative<double>(cell) || std::holds_alternative<Money>(cell)) {
                // Money among other numbers is shown as money whatever its column.
                lxw_format* format = std::holds_alternative<Money>(cell) ? money : shown;
                check(worksheet_write_number(sheet, r, col, stable(*number_in(cell)), format), "number");
                widths[c] = std::max(widths[c], Table::cell_text(cell, columns[c]).size());
            } else if (const auto* n = std::get_if<long long>(&cell)) {
                check(worksheet_write_number(sheet, r, col, static_cast<double>(*n), shown), "number");
                widths[c] = std::max(widths[c], Table::cell_text(cell, columns[c]).size());
            } else if (!std::holds_alternative<std::monostate>(cell)) {
                // A string cell is never run as a formula, but the apostrophe keeps it equal to the CSV export, which
                // also keeps a Worded cell's data.
                const auto text =
                    std::holds_alternative<Worded>(cell) ? data_text(cell) : Table::cell_text(cell, columns[c]);
                const auto value = runs_as_formula(text) ? "'" + text : text;
                check(worksheet_write_string(sheet, r, col, value.c_str(), nullptr), "text");
                widths[c] = std::max(widths[c], text::display_width(value));
            }
        }
        ++r;
    }
    for (std::size_t c = 0; c < columns.size(); ++c)
        worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                             static_cast<double>(std::min<std::size_t>(widths[c] + 2, 80)), nullptr);
    worksheet_freeze_panes(sheet, 1, 0);
    if (!columns.empty())
        worksheet_autofilter(sheet, 0, 0, r > 1 ? r - 1 : 0, static_cast<lxw_col_t>(columns.size() - 1));
}

// A temporary file, private (mkstemp: 0600) and removed when done.
class TempFile {
public:
    TempFile() {
        const char* dir = std::getenv("TMPDIR");
        path_ = std::string(dir && *dir ? dir : "/tmp") + "/orgplan-xlsx-XXXXXX";
        const int fd = ::mkstemp(path_.data());
        if (fd < 0) throw Error("cannot write the spreadsheet: no temporary file in " + path_);
        ::close(fd);
    }
    ~TempFile() { std::remove(path_.c_str()); }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

class XlsxWriter final : public OutputWriter {
public:
    void write(const Output& output, std::ostream& out) const override {
        const TempFile file;
        lxw_workbook* book = workbook_new(file.path().c_str());
        if (!book) throw Error("cannot write the spreadsheet (libxlsxwriter could not start a workbook)");
        std::set<std::string> used;
        for (std::size_t i = 0; i < output.sections.size(); ++i) {
            const auto& s = output.sections[i];
            const auto wanted = !s.title.empty() ? s.title : !output.title.empty() ? output.title : "orgplan";
            lxw_worksheet* sheet = workbook_add_worksheet(book, sheet_name(wanted, used).c_str());
            std::optional<Table> copy;
            write_sheet(book, sheet, table_for_people(s, copy));
        }
        if (!output.intro.empty() || !output.notes.empty()) {
            lxw_worksheet* sheet = workbook_add_worksheet(book, sheet_name("notes", used).c_str());
            lxw_row_t r = 0;
            for (const auto* lines : {&output.intro, &output.notes})
                for (const auto& line : *lines) worksheet_write_string(sheet, r++, 0, line.c_str(), nullptr);
            worksheet_set_column(sheet, 0, 0, 120, nullptr);
        }
        check(workbook_close(book), "closing the workbook");
        std::ifstream in(file.path(), std::ios::binary);
        out << in.rdbuf();
    }
};

} // namespace

std::unique_ptr<OutputWriter> xlsx_writer() { return std::make_unique<XlsxWriter>(); }

} // namespace orgplan
