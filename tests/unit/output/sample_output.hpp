// One answer with every kind of cell and prose, written by each writer's test.
#pragma once

#include <sstream>
#include <string>

#include "orgplan/output/output.hpp"

namespace orgplan::test {

/// Two tables (ratios and, titled, their PMs), an intro line, a note and a field. Its cells hold text that each
/// format must escape: a formula, a pipe, markup, a line break.
inline Output sample_output() {
    Table teams({{"team", "team"}, {"makers", "makers", 1}, {"cost", "cost", 0, true}, {"pms", "PMs"}});
    teams.add({std::string("ana|lytics"), 12.26, 1234567.0, 2LL});
    teams.add({std::string("=cmd()"), 3.0, Cell{}, 0LL});
    teams.add({std::string("<b>bold</b>\nnext"), Cell{}, 10.0, 1LL});
    auto output = Output::of(std::move(teams), {{"threshold", 10}});
    output.title = "ratios";
    output.intro.push_back("3 teams");
    Table pms(std::vector<Column>{{"pm", "PM"}});
    pms.add({std::string("E1")});
    output.sections.push_back({"PMs", std::move(pms), "pms"});
    output.notes.push_back("one team has no PM");
    return output;
}

/// What `writer` writes for `output`.
inline std::string written(const OutputWriter& writer, const Output& output) {
    std::ostringstream out;
    writer.write(output, out);
    return out.str();
}

} // namespace orgplan::test
