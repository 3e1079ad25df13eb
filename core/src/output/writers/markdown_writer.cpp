// Markdown for wikis: a heading per table, pipe tables with numbers right-aligned, the prose as paragraphs.
#include "orgplan/output/output.hpp"

#include <variant>

#include "orgplan/output/html_escape.hpp"

namespace orgplan {
namespace {

// Cell text that cannot break the table or inject markup: HTML's special characters as entities (the one escaper),
// then pipes and backslashes escaped and line breaks as <br>.
std::string escape(const std::string& text) {
    std::string out;
    for (const char c : html_escape(text)) {
        switch (c) {
        case '|': out += "\\|"; break;
        case '\\': out += "\\\\"; break;
        case '\r': break;
        case '\n': out += "<br>"; break;
        default: out += c;
        }
    }
    return out;
}

void write_table(const Table& table, std::ostream& out) {
    const auto& columns = table.columns();
    std::vector<bool> numeric(columns.size(), false);
    for (const auto& row : table.rows())
        for (std::size_t i = 0; i < row.size(); ++i)
            if (is_number(row[i])) numeric[i] = true;
    out << "|";
    for (const auto& c : columns) out << " " << escape(c.header) << " |";
    out << "\n|";
    for (std::size_t i = 0; i < columns.size(); ++i) out << (numeric[i] ? " ---: |" : " --- |");
    out << "\n";
    for (const auto& row : table.rows()) {
        out << "|";
        for (std::size_t i = 0; i < row.size(); ++i)
            out << " " << escape(std::holds_alternative<std::monostate>(row[i]) ? "" : Table::cell_text(row[i], columns[i]))
                << " |";
        out << "\n";
    }
}

class MarkdownWriter final : public OutputWriter {
public:
    void write(const Output& output, std::ostream& out) const override {
        if (!output.title.empty()) out << "## " << escape(output.title) << "\n\n";
        for (const auto& line : output.intro) out << escape(line) << "\n\n";
        for (std::size_t i = 0; i < output.sections.size(); ++i) {
            const auto& s = output.sections[i];
            if (!s.title.empty() && i > 0) out << "### " << escape(s.title) << "\n\n";
            std::optional<Table> copy;
            write_table(table_for_people(s, copy), out);
            out << "\n";
        }
        for (const auto& line : output.notes) out << escape(line) << "\n\n";
    }
};

} // namespace

std::unique_ptr<OutputWriter> markdown_writer() { return std::make_unique<MarkdownWriter>(); }

} // namespace orgplan
