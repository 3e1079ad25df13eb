// CSV: the main table only, RFC 4180, formula cells neutralised (CsvWriter in report.cpp does the escaping).
#include "orgplan/output/output.hpp"

namespace orgplan {
namespace {

class CsvOutputWriter final : public OutputWriter {
public:
    void write(const Output& output, std::ostream& out) const override {
        if (output.sections.empty()) return;
        std::optional<Table> copy;
        table_for_people(output.sections.front(), copy).print_csv(out);
    }
};

} // namespace

std::unique_ptr<OutputWriter> csv_writer() { return std::make_unique<CsvOutputWriter>(); }

} // namespace orgplan
