// The table format: aligned columns for a terminal, with the answer's prose around them.
#include "orgplan/output/output.hpp"

#include <algorithm>
#include <vector>

#include "orgplan/base/error.hpp"
#include "orgplan/base/text.hpp"

namespace orgplan {
namespace {

// Each row's cells on one line, two spaces apart.
void print_lines(const Table& table, std::ostream& out) {
    for (const auto& row : table.rows()) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (std::holds_alternative<std::monostate>(row[i])) continue;
            line += (line.empty() ? "" : "  ") + Table::terminal_text(row[i], table.columns()[i]);
        }
        out << line << "\n";
    }
}

// Each row as a block: the head cells on its first line, each other cell on a line of its own under the second.
void print_cards(const Table& table, std::size_t head, std::ostream& out) {
    const auto& columns = table.columns();
    head = std::min(head, columns.size());
    const std::size_t indent = head > 1 ? columns[0].least_width + 2 : 0;
    bool first = true;
    for (const auto& row : table.rows()) {
        if (!first) out << "\n";
        first = false;
        std::string line;
        for (std::size_t i = 0; i < head; ++i) {
            auto cell = Table::terminal_text(row[i], columns[i]);
            const auto width = text::display_width(cell);
            if (i + 1 < head && width < columns[i].least_width) cell.append(columns[i].least_width - width, ' ');
            line += (i ? "  " : "") + cell;
        }
        out << line << "\n";
        for (std::size_t i = head; i < row.size(); ++i)
            out << std::string(indent, ' ') << columns[i].lead << Table::terminal_text(row[i], columns[i]) << "\n";
    }
}

// Each row's cell of one column alone on a line, as data (a script reads it).
void print_values(const Table& table, const std::string& key, std::ostream& out) {
    const auto& columns = table.columns();
    const auto column = std::find_if(columns.begin(), columns.end(), [&](const Column& c) { return c.key == key; });
    if (column == columns.end()) throw Error("no column '" + key + "' to write values of");
    for (const auto& row : table.rows()) out << data_text(row[column - columns.begin()]) << "\n";
}

void print_section(const Section& s, std::ostream& out) {
    std::optional<Table> copy;
    const Table& table = table_for_people(s, copy);
    if (table.size() == 0 && !s.if_empty.empty()) {
        out << s.if_empty << "\n";
        return;
    }
    switch (s.layout) {
    case Layout::aligned: table.print_table(out); break;
    case Layout::lines: print_lines(table, out); break;
    case Layout::cards: print_cards(table, s.card_head, out); break;
    case Layout::value: print_values(table, s.value_key, out); break;
    }
}

bool hidden(const Section& s) {
    switch (s.hidden_in_table) {
    case HiddenInTable::never: return false;
    case HiddenInTable::when_empty: return s.table.size() == 0;
    case HiddenInTable::always: return true;
    }
    return false;
}

class TextWriter final : public OutputWriter {
public:
    void write(const Output& output, std::ostream& out) const override {
        std::vector<const Section*> shown;
        for (const auto& s : output.sections)
            if (!hidden(s)) shown.push_back(&s);
        for (const auto& line : output.intro) out << line << "\n";
        if (!output.intro.empty() && !shown.empty()) out << "\n";
        for (std::size_t i = 0; i < shown.size(); ++i) {
            if (i > 0) out << "\n";
            if (!shown[i]->title.empty() && i > 0) out << shown[i]->title << ":\n";
            print_section(*shown[i], out);
        }
        if (!output.notes.empty() && !shown.empty()) out << "\n";
        for (const auto& line : output.notes) out << line << "\n";
    }
};

} // namespace

std::unique_ptr<OutputWriter> text_writer() { return std::make_unique<TextWriter>(); }

} // namespace orgplan
