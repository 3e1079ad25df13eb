#include "orgplan/planning/positions.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include "orgplan/analysis/shared_work.hpp"

namespace orgplan {

std::optional<Quarter> parse_quarter(std::string_view text) {
    std::string s;
    for (char c : text)
        if (!std::isspace(static_cast<unsigned char>(c)) && c != '-' && c != '/') s += static_cast<char>(std::toupper(c));
    // YYYYQn or QnYYYY
    auto digits = [](std::string_view v) { return !v.empty() && std::all_of(v.begin(), v.end(), ::isdigit); };
    Quarter q;
    if (s.size() == 6 && digits(s.substr(0, 4)) && s[4] == 'Q' && digits(s.substr(5))) {
        q.year = std::stoi(s.substr(0, 4));
        q.number = s[5] - '0';
    } else if (s.size() == 6 && s[0] == 'Q' && digits(s.substr(1, 1)) && digits(s.substr(2))) {
        q.number = s[1] - '0';
        q.year = std::stoi(s.substr(2));
    } else {
        return std::nullopt;
    }
    if (q.number < 1 || q.number > 4 || q.year < 1900 || q.year > 2999) return std::nullopt;
    return q;
}

Quarter quarter_of_date(const std::string& date) {
    Quarter q;
    q.year = std::stoi(date.substr(0, 4));
    q.number = (std::stoi(date.substr(5, 2)) - 1) / 3 + 1;
    return q;
}

MakerTotals maker_totals(const Org& org) {
    const auto people = people_by_id(org);
    std::map<std::string, double> per_team;
    std::unordered_map<std::string_view, double> allocated;
    for (const auto& m : org.memberships) {
        const auto* person = people->find(m.person_id);
        if (!person || person->family != Family::maker) continue;
        per_team[m.team_id] += person->fte * m.allocation;
        allocated[m.person_id] += m.allocation;
    }
    MakerTotals out;
    for (auto& [team, fte] : per_team) out.team_fte.emplace_back(team, fte);
    for (const auto& p : org.people)
        if (p.family == Family::maker) {
            const auto it = allocated.find(p.id);
            const double given = it == allocated.end() ? 0.0 : it->second;
            if (given < 1) out.unallocated += p.fte * (1 - given);
        }
    return out;
}

MakerTotals planned_maker_totals(const Org& org, MakerTotals totals) {
    std::map<std::string, double> per_team(totals.team_fte.begin(), totals.team_fte.end());
    for (const auto& p : org.positions) {
        if (p.status != PositionStatus::open || p.family != Family::maker) continue;
        const double change = p.kind == PositionKind::open_role ? p.fte : -p.fte;
        if (p.team_id.empty())
            totals.unallocated = std::max(0.0, totals.unallocated + change);
        else
            per_team[p.team_id] = std::max(0.0, per_team[p.team_id] + change);
    }
    totals.team_fte.assign(per_team.begin(), per_team.end());
    return totals;
}

std::vector<PlannedMakerChange> planned_maker_changes(const Org& org, const std::string& today) {
    const int now = quarter_of_date(today).index();
    std::vector<PlannedMakerChange> out;
    for (const auto& p : org.positions) {
        if (p.status != PositionStatus::open || p.family != Family::maker) continue;
        const auto q = parse_quarter(p.quarter);
        const int from = q ? std::max(1, q->index() - now + 1) : 1;
        out.push_back({p.team_id, p.kind == PositionKind::open_role ? p.fte : -p.fte, from});
    }
    return out;
}

} // namespace orgplan
