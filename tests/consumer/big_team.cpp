// Example diagnostic plugin: flags dev teams too big to work as one team.
#include <string>

#include <orgplan/diagnostic.hpp>

namespace {

class BigTeam final : public orgplan::sdk::Diagnostic {
public:
    std::vector<orgplan::sdk::Finding> run(const orgplan::sdk::DiagnosticRequest& request) const override {
        double limit = 10;
        if (auto it = request.params.find("max_makers"); it != request.params.end()) limit = std::stod(it->second);
        std::vector<orgplan::sdk::Finding> findings;
        for (std::size_t t = 0; t < request.org.teams.size(); ++t) {
            const double makers = request.coverage.team_maker_fte[t];
            if (makers <= limit) continue;
            findings.push_back({"big-team", orgplan::sdk::Severity::warning, request.org.teams[t].id,
                                std::to_string(static_cast<int>(makers)) + " maker FTE in one team",
                                "split the team; past about " + std::to_string(static_cast<int>(limit)) +
                                    " people coordination costs grow faster than output"});
        }
        return findings;
    }
};

} // namespace

ORGPLAN_PLUGIN_LIBRARY(orgplan::sdk::diagnostic<BigTeam>("big-team", "1.0.0", "teams with more makers than max_makers"))
