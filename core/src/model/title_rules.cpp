#include "orgplan/model/title_rules.hpp"

#include <re2/re2.h>

#include "builtin_title_rules.hpp" // generated from data/title_rules.csv
#include "orgplan/import/csv.hpp"
#include "orgplan/model/enums.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/base/text.hpp"

namespace orgplan {

TitleRules TitleRules::parse(std::string_view csv_text, const std::string& source) {
    TitleRules rules;
    CsvReader reader(csv_text, source);
    std::vector<std::string> fields;
    std::vector<InputProblem> problems;
    const auto at = reader.next(fields) ? header_columns(fields, {"pattern", "family"}) : std::vector<int>{-1, -1};
    const int pattern_col = at[0], family_col = at[1];
    if (pattern_col < 0 || family_col < 0)
        throw InputErrors({{source, 1, "", "the header must name the columns 'pattern' and 'family'"}}, 1);
    while (reader.next(fields)) {
        const long line = reader.record_line();
        const auto get = [&](int col) {
            return col < static_cast<int>(fields.size()) ? std::string(text::trim(fields[col])) : std::string();
        };
        const auto pattern = get(pattern_col);
        const auto family_text = get(family_col);
        if (pattern.empty() || pattern[0] == '#') continue;
        const auto family = parse_family(family_text);
        if (!family) {
            problems.push_back({source, line, "family",
                                "'" + family_text + "' is not a role family; use maker, pm, product_leader, "
                                                    "eng_manager or other"});
            continue;
        }
        RE2::Options options;
        options.set_case_sensitive(false);
        options.set_log_errors(false);
        auto regex = std::make_shared<const RE2>(pattern, options);
        if (!regex->ok()) {
            problems.push_back({source, line, "pattern",
                                "'" + pattern + "' is not a valid regular expression (" + regex->error() +
                                    "); RE2 syntax, without backreferences or lookaround"});
            continue;
        }
        rules.rules_.push_back({pattern, std::move(regex), *family});
    }
    if (!problems.empty()) {
        const auto total = problems.size();
        throw InputErrors(std::move(problems), total);
    }
    return rules;
}

TitleRules TitleRules::builtin() { return parse(builtin_title_rules_csv, "built-in title_rules.csv"); }

std::string TitleRules::matched_words(std::string_view title, const std::string& pattern) {
    RE2::Options options;
    options.set_case_sensitive(false);
    options.set_log_errors(false);
    const RE2 regex("(" + pattern + ")", options);
    re2::StringPiece found;
    if (!regex.ok() || !RE2::PartialMatch(re2::StringPiece(title.data(), title.size()), regex, &found)) return "";
    return std::string(found.data(), found.size());
}

const TitleMatch& TitleRules::classify(std::string_view title) const {
    if (auto it = cache_.find(title); it != cache_.end()) return it->second;
    TitleMatch match;
    for (const auto& rule : rules_) {
        if (RE2::PartialMatch(re2::StringPiece(title.data(), title.size()), *rule.regex)) {
            match = {rule.family, true, rule.pattern};
            break;
        }
    }
    return cache_.emplace(std::string(title), std::move(match)).first->second;
}

} // namespace orgplan
