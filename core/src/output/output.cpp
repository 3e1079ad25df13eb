#include "orgplan/output/output.hpp"

namespace orgplan {

Output Output::of(Table table, nlohmann::json fields) {
    Output out;
    out.sections.push_back({"", std::move(table), "rows", std::nullopt});
    out.fields = std::move(fields);
    return out;
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
        if (!s.json_key.empty()) doc[s.json_key] = s.json_rows ? *s.json_rows : s.table.to_json();
    return doc;
}

} // namespace orgplan
