// The table format: aligned columns for a terminal, with the answer's prose around them.
#include "orgplan/output/output.hpp"

namespace orgplan {
namespace {

class TextWriter final : public OutputWriter {
public:
    void write(const Output& output, std::ostream& out) const override {
        for (const auto& line : output.intro) out << line << "\n";
        if (!output.intro.empty() && !output.sections.empty()) out << "\n";
        for (std::size_t i = 0; i < output.sections.size(); ++i) {
            const auto& s = output.sections[i];
            if (i > 0) out << "\n";
            if (!s.title.empty() && i > 0) out << s.title << ":\n";
            if (!s.text.empty())
                out << s.text;
            else
                s.table.print_table(out);
        }
        if (!output.notes.empty() && !output.sections.empty()) out << "\n";
        for (const auto& line : output.notes) out << line << "\n";
    }
};

} // namespace

std::unique_ptr<OutputWriter> text_writer() { return std::make_unique<TextWriter>(); }

} // namespace orgplan
