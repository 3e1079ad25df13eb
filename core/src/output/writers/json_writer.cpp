// JSON: the answer's fields and rows, pretty-printed with sorted keys.
#include "orgplan/output/output.hpp"

namespace orgplan {
namespace {

class JsonWriter final : public OutputWriter {
public:
    void write(const Output& output, std::ostream& out) const override { out << to_json(output).dump(2) << "\n"; }
};

} // namespace

std::unique_ptr<OutputWriter> json_writer() { return std::make_unique<JsonWriter>(); }

} // namespace orgplan
