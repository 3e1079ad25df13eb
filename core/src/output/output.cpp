#include "orgplan/output/output.hpp"

namespace orgplan {

Output Output::of(Table table, nlohmann::json fields) {
    Output out;
    out.sections.push_back({"", std::move(table), "rows"});
    out.fields = std::move(fields);
    return out;
}

const Table& table_for_people(const Section& section, std::optional<Table>& copy) {
    if (!section.table.has_json_only()) return section.table;
    copy.emplace(section.table.select([](const Column& c) { return c.shown != Shown::json_only; }));
    return *copy;
}

std::unique_ptr<OutputWriter> output_writer(Format format) {
    switch (format) {
    case Format::table: return text_writer();
    case Format::json: return json_writer();
    case Format::csv: return csv_writer();
    case Format::md: return markdown_writer();
    case Format::xlsx: return xlsx_writer();
    case Format::html: return html_writer();
    }
    return text_writer();
}

nlohmann::json to_json(const Output& output) {
    auto doc = output.fields;
    for (const auto& s : output.sections)
        if (!s.json_key.empty()) doc[s.json_key] = s.table.to_json();
    return doc;
}

} // namespace orgplan
