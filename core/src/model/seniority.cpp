#include "orgplan/model/seniority.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "builtin_seniority_words.hpp" // generated from data/seniority_words.csv
#include "orgplan/import/csv.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/base/number.hpp"
#include "orgplan/base/text.hpp"

namespace orgplan {
namespace {

// Words joined by '_' in lower case, every other character a separator: "Vice President, Sales" ->
// "vice_president_sales", "Sr. Engineer" -> "sr_engineer".
std::string words_key(std::string_view text) {
    std::string key;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u))
            key += static_cast<char>(std::tolower(u));
        else if (!key.empty() && key.back() != '_')
            key += '_';
    }
    while (!key.empty() && key.back() == '_') key.pop_back();
    return key;
}

} // namespace

SeniorityWords SeniorityWords::builtin() {
    static const SeniorityWords words = parse(builtin_seniority_words_csv, "built-in seniority_words.csv");
    return words;
}

SeniorityWords SeniorityWords::parse(std::string_view csv_text, const std::string& source) {
    SeniorityWords out;
    CsvReader reader(csv_text, source);
    std::vector<std::string> fields;
    const auto at = reader.next(fields) ? header_columns(fields, {"word", "rank"}) : std::vector<int>{-1, -1};
    const int word_col = at[0], rank_col = at[1];
    if (word_col < 0 || rank_col < 0)
        throw InputErrors({{source, 1, "", "the header must name the columns 'word' and 'rank'"}}, 1);
    std::vector<InputProblem> problems;
    while (reader.next(fields)) {
        const long line = reader.record_line();
        const auto get = [&](int col) {
            return col < static_cast<int>(fields.size()) ? std::string(text::trim(fields[col])) : std::string();
        };
        const auto word = get(word_col);
        if (word.empty() || word[0] == '#') continue;
        const auto rank = parse_number_in(get(rank_col), {0, 9});
        if (!rank || *rank != static_cast<int>(*rank)) {
            problems.push_back({source, line, "rank", "is not a whole number from 0 (least senior) to 9 (most)"});
            continue;
        }
        out.words_.emplace_back(words_key(word), static_cast<int>(*rank));
    }
    if (!problems.empty()) {
        const auto total = problems.size();
        throw InputErrors(std::move(problems), total);
    }
    return out;
}

int SeniorityWords::rank_in(std::string_view text) const {
    const auto key = "_" + words_key(text) + "_";
    int best = -1;
    for (const auto& [word, rank] : words_)
        if (key.find("_" + word + "_") != std::string::npos) best = std::max(best, rank);
    return best;
}

Seniority SeniorityWords::of(std::string_view level, std::string_view title) const {
    Seniority s;
    if (const int r = rank_in(level); r >= 0)
        s.rank = r;
    else if (const int t = rank_in(title); t >= 0)
        s.rank = t;
    for (std::size_t i = 0; i < level.size(); ++i)
        if (std::isdigit(static_cast<unsigned char>(level[i]))) {
            s.number = std::atoi(std::string(level.substr(i)).c_str());
            break;
        }
    return s;
}

} // namespace orgplan
