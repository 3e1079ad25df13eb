#include "answer_fragment.hpp"

#include <variant>

#include <fmt/format.h>

#include "orgplan/output/svg_chart.hpp"

namespace orgplan::cli::serve {
namespace {

// A table's column by its JSON key; none when the answer was asked without it (trend --metric).
std::optional<std::size_t> column(const Table& table, const std::string& key) {
    const auto& columns = table.columns();
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].key == key) return i;
    return std::nullopt;
}

std::string text(const Cell& cell) {
    if (const auto* s = std::get_if<std::string>(&cell)) return *s;
    if (const auto* n = std::get_if<long long>(&cell)) return std::to_string(*n);
    return "";
}

std::optional<double> threshold_of(const Output& output) {
    const auto it = output.fields.find("threshold");
    if (it == output.fields.end() || !it->is_number()) return std::nullopt;
    return it->get<double>();
}

std::string trend_chart(const Output& output) {
    if (output.sections.empty()) return "";
    const auto& table = output.sections.front().table;
    const auto as_of = column(table, "as_of"), ratio = column(table, "org_ratio");
    if (!as_of || !ratio || table.size() < 2) return ""; // one point is no trend; the note says so
    LineChart c;
    c.title = "org maker:PM ratio by snapshot";
    c.y_label = "makers per PM";
    if ((c.reference = threshold_of(output))) c.reference_label = fmt::format("threshold {:g}:1", *c.reference);
    for (std::size_t i = 0; i < table.size(); ++i) {
        const auto& row = table.rows()[i];
        c.x.push_back(static_cast<double>(i + 1));
        c.x_labels.push_back(text(row[*as_of]));
        c.line.push_back(number_in(row[*ratio]));
    }
    return line_chart(c);
}

std::string plan_chart(const Output& output) {
    if (output.sections.empty()) return "";
    const auto& table = output.sections.front().table;
    const auto quarter = column(table, "quarter"), ratio = column(table, "ratio");
    if (!quarter || !ratio || table.size() == 0) return "";
    const auto low = column(table, "ratio_p10"), high = column(table, "ratio_p90");
    LineChart c;
    c.title = "org maker:PM ratio by quarter";
    c.y_label = "makers per PM";
    if ((c.reference = threshold_of(output))) c.reference_label = fmt::format("target {:g}:1", *c.reference);
    for (const auto& row : table.rows()) {
        c.x.push_back(number_in(row[*quarter]).value_or(0));
        c.line.push_back(number_in(row[*ratio]));
        if (low && high) {
            c.low.push_back(number_in(row[*low]));
            c.high.push_back(number_in(row[*high]));
        }
    }
    return line_chart(c);
}

// Findings in one table per severity, worst first and each headed with its count, so errors are read before notes.
std::string by_severity(const Output& output) {
    if (output.sections.size() != 1) return html_answer(output);
    const auto& table = output.sections.front().table;
    const auto severity = column(table, "severity");
    if (!severity || table.size() == 0) return html_answer(output);
    Output before = output, after = output; // the intro above the tables, the notes below them
    before.sections.clear();
    before.notes.clear();
    after.sections.clear();
    after.intro.clear();
    std::string out = html_answer(before);
    for (const auto& [level, heading] : {std::pair{"error", "Errors"}, {"warning", "Warnings"}, {"info", "Notes"}}) {
        Table part(table.columns());
        for (const auto& row : table.rows())
            if (text(row[*severity]) == level) part.add(row);
        if (part.size() == 0) continue;
        out += fmt::format("<h2 class=\"severity {}\">{} ({})</h2>", level, heading, part.size());
        out += html_answer(Output::of(std::move(part)));
    }
    return out + html_answer(after);
}

} // namespace

std::string answer_fragment(const std::string& command, const Output& output) {
    if (command == "trend") return trend_chart(output) + html_answer(output);
    if (command == "plan") return plan_chart(output) + html_answer(output);
    if (command == "diagnose") return by_severity(output);
    return html_answer(output);
}

} // namespace orgplan::cli::serve
