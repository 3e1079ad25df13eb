// libFuzzer target: a user's title rules file, then titles against it. RE2 must neither hang nor recurse; bad rules
// are InputErrors.
#include <cstddef>
#include <cstdint>
#include <string>

#include "orgplan/base/error.hpp"
#include "orgplan/model/title_rules.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    // The first line of input is the rules; all of it is also tried as a title against the built-in rules.
    static const auto builtin = orgplan::TitleRules::builtin();
    builtin.classify(text);
    try {
        const auto rules = orgplan::TitleRules::parse("pattern,family\n" + text.substr(0, text.find('\n')) + ",pm\n", "fuzz");
        rules.classify(text);
        rules.classify(std::string(2000, 'a') + text);
    } catch (const orgplan::Error&) {
    }
    return 0;
}
