// A command's answer as data, and one writer per output format (table, JSON, CSV, Markdown, XLSX).
#pragma once

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "orgplan/output/table.hpp"

namespace orgplan {

/// How the table format (a terminal) lays a section's rows out. Every other format writes the table.
enum class Layout {
    aligned, ///< columns aligned under a header rule
    lines,   ///< each row's cells on one line, no header (messages)
    /// each row as a block, blocks apart by a blank line: the first `card_head` cells on one line (each padded to its
    /// column's least_width), then each other cell on a line of its own, under the second, after its column's lead.
    /// For rows of long text a table would make wider than the terminal (diagnose's findings).
    cards,
    /// each row's cell of the column `value_key` names, alone on a line as data writes it ("0.25", text as it is),
    /// nothing else: a value a script reads from the terminal (`config get KEY`)
    value,
};

/// When the table format (a terminal) leaves a section out. Every other format keeps it.
enum class HiddenInTable {
    never,
    when_empty, ///< a section with no rows, which would only say so
    always,     ///< what stderr says in full already (a failed import's problems)
};

/// One table of an answer.
struct Section {
    std::string title;    ///< heading (table, Markdown), sheet name (XLSX); empty for the main table
    Table table;
    std::string json_key; ///< where JSON puts the rows ("rows" for the main table); empty: left out of JSON
    Layout layout = Layout::aligned;
    std::size_t card_head = 0; ///< Layout::cards: how many cells the first line of a row holds
    std::string value_key = {}; ///< Layout::value: the key of the column written
    std::string if_empty = {}; ///< what the table format says instead of an empty table ("no findings"); empty: the table
    HiddenInTable hidden_in_table = HiddenInTable::never; ///< when the table format leaves the section out
};

/// The section's table as every format but JSON writes it: without its JSON-only columns. The table itself when it
/// has none; else a copy made in `copy`.
const Table& table_for_people(const Section& section, std::optional<Table>& copy);

/// What a command answers. Commands build one and never format it themselves: a writer per format does.
struct Output {
    std::string title;                   ///< what the answer is ("maker:PM ratios by team"); headings, sheet names
    std::vector<std::string> intro;      ///< lines for people before the tables (table, Markdown)
    std::vector<Section> sections;       ///< the first is the main table, the one CSV writes
    std::vector<std::string> notes;      ///< lines for people after the tables (table, Markdown, an XLSX sheet)
    nlohmann::json fields = nlohmann::json::object(); ///< JSON's fields besides the rows, stable and documented

    /// An answer of one table, its rows under "rows" in JSON.
    static Output of(Table table, nlohmann::json fields = nlohmann::json::object());
};

/// Writes an Output in one format. Escaping lives in the writer: formula cells in CSV and XLSX, table syntax and
/// HTML in Markdown.
class OutputWriter {
public:
    virtual ~OutputWriter() = default;
    /// Throws orgplan::Error when the output cannot be made (XLSX: no temporary file).
    virtual void write(const Output& output, std::ostream& out) const = 0;
};

std::unique_ptr<OutputWriter> output_writer(Format format);

// The writers, one per format (core/src/writers/).
std::unique_ptr<OutputWriter> text_writer();
std::unique_ptr<OutputWriter> json_writer();
std::unique_ptr<OutputWriter> csv_writer();
std::unique_ptr<OutputWriter> markdown_writer();
std::unique_ptr<OutputWriter> xlsx_writer();
std::unique_ptr<OutputWriter> html_writer();

/// An answer as an HTML fragment: sentences, tables (sortable by a click where scripts run), notes.
std::string html_answer(const Output& output);
/// A whole self-contained page: style and script inline, a content security policy that forbids loading anything.
std::string html_page(const std::string& title, const std::string& body);

/// The style sheet and the table-sorting script of html_page, for pages served as files (orgplan serve).
const char* html_style();
const char* html_script();

/// The JSON document an Output stands for (what json_writer prints).
nlohmann::json to_json(const Output& output);

} // namespace orgplan
