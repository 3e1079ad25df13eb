#include "orgplan/analysis/task_force.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "orgplan/base/error.hpp"
#include "orgplan/model/functions.hpp"
#include "orgplan/analysis/spans.hpp"
#include "orgplan/base/text.hpp"
#include "orgplan/analysis/shared_work.hpp"

namespace orgplan {
namespace {

std::string joined(const std::vector<std::string>& items, std::size_t limit = 3) {
    return text::join(items, ", ", limit);
}

// One proposal, phase by phase; each phase reads what the earlier ones found.
struct Proposer {
    const Org& org;
    const TaskForceRequest& request;
    TaskForceProposal out;
    FunctionOf function_of;
    sdk::ReportingTree tree;
    std::unordered_map<std::string, std::uint32_t> index;
    std::vector<Seniority> seniority; // per person, read once: sorting and director checks ask again and again
    std::vector<bool> manages_managers;
    std::vector<std::string> functions; // normalised, as asked
    std::set<std::string> products;
    std::map<std::uint32_t, std::vector<std::string>> ties; // person -> why they are tied to the products
    std::set<std::uint32_t> direct; // tied through a team or an assignment, not only through a goal of their function
    std::unordered_map<std::string, std::size_t> seats;    // task forces each person is on already
    std::set<std::uint32_t> in_review;

    Proposer(const Org& o, const TaskForceRequest& r)
        : org(o), request(r), function_of(o), tree(reporting_tree(o)) {}

    void validate() {
        if (request.min_size < 1 || request.max_size < request.min_size)
            throw Error(fmt::format("--size {}-{}: give the smallest and largest working group, like 4-6",
                                    request.min_size, request.max_size));
        std::set<std::string> known_products;
        for (const auto& p : org.products) known_products.insert(p.id);
        for (const auto& id : request.products) {
            if (!known_products.count(id))
                throw Error("--products: unknown product '" + id + "'; products are " +
                            joined({known_products.begin(), known_products.end()}, SIZE_MAX));
            products.insert(id);
        }
        for (const auto& f : request.functions) {
            const auto key = text::normalise_key(f);
            if (!function_of.known().count(key))
                throw Error("--functions: no one works in function '" + f + "'; functions are " +
                            joined({function_of.known().begin(), function_of.known().end()}, SIZE_MAX) +
                            " (from the people's function or unit column, their role family and the goals)");
            functions.push_back(key);
        }
        for (std::uint32_t i = 0; i < org.people.size(); ++i) {
            index.emplace(org.people[i].id, i);
            seniority.push_back(request.seniority.of(org.people[i].level, org.people[i].title));
        }
        manages_managers.assign(org.people.size(), false);
        for (std::uint32_t i = 0; i < org.people.size(); ++i)
            if (tree.directs[i] > 0 && tree.manager[i] != sdk::ReportingTree::kTop) manages_managers[tree.manager[i]] = true;
        for (const auto& t : org.task_forces)
            if (t.name != request.name)
                for (const auto& s : t.seats) ++seats[s.person_id];
    }

    // Who is tied to the products: their teams' members, the PMs assigned to them or their teams, and the people
    // of the functions whose goals are about them. Without products, everyone is.
    void find_ties() {
        if (products.empty()) {
            for (std::uint32_t i = 0; i < org.people.size(); ++i) {
                ties[i];
                direct.insert(i);
            }
            return;
        }
        std::unordered_map<std::string, const Team*> teams;
        for (const auto& t : org.teams) teams.emplace(t.id, &t);
        auto tie = [&](const std::string& person, std::string why) {
            if (auto it = index.find(person); it != index.end()) {
                direct.insert(it->second);
                auto& list = ties[it->second];
                if (std::find(list.begin(), list.end(), why) == list.end()) list.push_back(std::move(why));
            }
        };
        for (const auto& m : org.memberships)
            if (auto t = teams.find(m.team_id); t != teams.end() && products.count(t->second->product_id))
                tie(m.person_id, "works in " + t->second->name + " (" + t->second->product_id + ")");
        for (const auto& a : org.assignments) {
            if (a.kind == TargetKind::product && products.count(a.target_id)) tie(a.pm_id, "PM of " + a.target_id);
            if (a.kind == TargetKind::team)
                if (auto t = teams.find(a.target_id); t != teams.end() && products.count(t->second->product_id))
                    tie(a.pm_id, "PM of " + t->second->name + " (" + t->second->product_id + ")");
        }
        std::map<std::string, std::string> goal_functions; // function -> a goal of it on the products
        for (const auto& g : org.goals)
            for (const auto& p : g.product_ids)
                if (products.count(p)) goal_functions.emplace(text::normalise_key(g.function), g.name);
        for (std::uint32_t i = 0; i < org.people.size(); ++i)
            if (auto it = goal_functions.find(function_of(org.people[i])); it != goal_functions.end() && !direct.count(i))
                ties[i].push_back(it->first + " goal '" + it->second + "'");
    }

    // Directors and VPs: the heads of the named functions first, then those above the people of the products' teams
    // and their PMs (nearest first); the top of the tree is left out, the review stops at review_max.
    void pick_review() {
        std::vector<std::pair<std::uint32_t, std::string>> picks;
        auto add = [&](std::uint32_t i, std::string why) {
            if (in_review.insert(i).second) picks.emplace_back(i, std::move(why));
        };
        for (const auto& f : functions)
            if (const auto head = head_of(f))
                add(*head, "head of " + f + fmt::format(" ({} people below)", tree.reports[*head]));
        std::map<std::uint32_t, std::size_t> under; // director -> tied people below them
        for (const auto i : direct) {
            if (products.empty()) break;
            for (auto m = tree.manager[i]; m != sdk::ReportingTree::kTop; m = tree.manager[m])
                if (tree.manager[m] != sdk::ReportingTree::kTop && is_director(m))
                    ++under[m];
        }
        std::vector<std::uint32_t> directors;
        for (const auto& [m, n] : under) directors.push_back(m);
        std::stable_sort(directors.begin(), directors.end(), [&](auto a, auto b) {
            return tree.layer[a] != tree.layer[b] ? tree.layer[a] > tree.layer[b] : under[a] > under[b];
        });
        for (auto m : directors)
            add(m, fmt::format("manages {} of the people working on {}", under[m],
                               joined({products.begin(), products.end()})));
        if (picks.size() > request.review_max) {
            out.warnings.push_back(fmt::format("the review audience is cut at {} of {} (--review)", request.review_max,
                                               picks.size()));
            picks.resize(request.review_max);
        }
        for (auto& [i, why] : picks) out.review.push_back(pick(i, true, std::move(why)));
    }

    // The highest manager in a function (nearest the top, then the most people below); none when nobody in it manages.
    std::optional<std::uint32_t> head_of(const std::string& f) const {
        std::optional<std::uint32_t> head;
        for (std::uint32_t i = 0; i < org.people.size(); ++i) {
            if (function_of(org.people[i]) != f || tree.directs[i] == 0) continue;
            if (!head || tree.layer[i] < tree.layer[*head] ||
                (tree.layer[i] == tree.layer[*head] && tree.reports[i] > tree.reports[*head]))
                head = i;
        }
        return head;
    }

    // A proposal with only a topic names neither products nor functions: its review audience is then the heads of
    // the functions its working group seats, in the order they were seated.
    void pick_heads_of_seated_functions() {
        if (!request.products.empty() || !request.functions.empty()) return;
        std::set<std::string> done;
        std::set<std::string> seated;
        for (const auto& w : out.working) seated.insert(w.person_id);
        for (const auto& w : out.working) {
            if (!done.insert(w.function).second || out.review.size() >= request.review_max) continue;
            const auto head = head_of(w.function);
            if (!head || seated.count(org.people[*head].id) || !in_review.insert(*head).second) continue;
            out.review.push_back(pick(*head, true,
                                      fmt::format("head of {} ({} people below), whose people sit in the working "
                                                  "group", w.function, tree.reports[*head])));
        }
    }

    // Directors and VPs: people with reports whose level or title says so, or who manage managers.
    bool is_director(std::uint32_t i) const {
        return tree.directs[i] > 0 && (seniority[i].rank >= 7 || manages_managers[i]);
    }

    TaskForcePick pick(std::uint32_t i, bool review, std::string reason) const {
        const auto& p = org.people[i];
        return {p.id, p.name, function_of(p), p.level, review, std::move(reason)};
    }

    // Those tied through teams and assignments before those tied only through their function's goals; then senior
    // before junior; at most per_function from one function, taken in turns across functions.
    void pick_working() {
        std::map<std::string, std::vector<std::uint32_t>> by_function;
        auto consider = [&](std::uint32_t i) {
            const auto& p = org.people[i];
            if (in_review.count(i) || is_director(i)) return;
            const auto f = function_of(p);
            if (!functions.empty() && std::find(functions.begin(), functions.end(), f) == functions.end()) return;
            if (const auto it = seats.find(p.id); it != seats.end() && it->second >= request.max_per_person) {
                out.passed_over.push_back(fmt::format("{} ({}): on {} task forces already", p.name, p.id, it->second));
                return;
            }
            by_function[f].push_back(i);
        };
        for (const auto& [i, why] : ties) consider(i);
        // A function asked for with nobody tied to the products still gets its seats: from anyone in it.
        for (const auto& f : functions) {
            if (!by_function[f].empty()) continue;
            for (std::uint32_t i = 0; i < org.people.size(); ++i)
                if (!ties.count(i) && function_of(org.people[i]) == f) {
                    ties[i].push_back("nobody in " + f + " works on the products");
                    consider(i);
                }
        }
        for (auto& [f, people] : by_function)
            std::stable_sort(people.begin(), people.end(), [&](auto a, auto b) {
                if (direct.count(a) != direct.count(b)) return direct.count(a) > direct.count(b);
                const auto& x = seniority[a];
                const auto& y = seniority[b];
                if (x.rank != y.rank) return x.rank > y.rank;
                if (x.number != y.number) return x.number > y.number;
                if (tree.layer[a] != tree.layer[b]) return tree.layer[a] < tree.layer[b];
                return ties[a].size() > ties[b].size();
            });
        // Named functions in the order given; otherwise the functions with most people tied first.
        std::vector<std::string> order = functions;
        if (order.empty()) {
            for (const auto& [f, people] : by_function) order.push_back(f);
            std::stable_sort(order.begin(), order.end(),
                             [&](const auto& a, const auto& b) { return by_function[a].size() > by_function[b].size(); });
        }
        for (const auto& f : order)
            if (by_function[f].empty())
                out.warnings.push_back("nobody in " + f + " is free to join (all on " +
                                       std::to_string(request.max_per_person) + " task forces or more, or directors)");
        for (std::size_t round = 0; round < request.per_function && out.working.size() < request.max_size; ++round)
            for (const auto& f : order) {
                const auto& people = by_function[f];
                if (round >= people.size() || out.working.size() >= request.max_size) continue;
                const auto i = people[round];
                const auto& p = org.people[i];
                out.working.push_back(pick(
                    i, false,
                    fmt::format("{}{} of {} in {} by seniority{}", ties[i].empty() ? "" : joined(ties[i], 2) + "; ",
                                round == 0 ? "first" : "second", people.size(), f,
                                p.level.empty() ? (p.title.empty() ? "" : " (" + p.title + ")") : " (" + p.level + ")")));
            }
        if (out.working.size() < request.min_size)
            out.warnings.push_back(fmt::format(
                "only {} people fit the working group, fewer than {}: name more products or functions, or raise "
                "taskforce.per_function or taskforce.max_per_person",
                out.working.size(), request.min_size));
    }
};

} // namespace

std::pair<std::size_t, std::size_t> parse_size_range(const std::string& text, const std::string& option) {
    const auto dash = text.find('-');
    const auto low = text::parse_number(text.substr(0, dash));
    const auto high = dash == std::string::npos ? low : text::parse_number(text.substr(dash + 1));
    if (!low || !high || *low < 1 || *high < *low || *high > 1000 || *low != static_cast<long>(*low) ||
        *high != static_cast<long>(*high))
        throw Error(option + " '" + text + "' is not a size; write the smallest and largest, like 4-6, or one number");
    return {static_cast<std::size_t>(*low), static_cast<std::size_t>(*high)};
}

TaskForceProposal propose_task_force(const Org& org, const TaskForceRequest& request) {
    Proposer p(org, request);
    p.validate();
    p.find_ties();
    p.pick_review();
    p.pick_working();
    p.pick_heads_of_seated_functions();
    return std::move(p.out);
}

std::vector<SeatLoad> task_force_load(const Org& org, std::size_t at_least) {
    if (org.task_forces.empty()) return {};
    const auto people = people_by_id(org);
    std::map<std::string, SeatLoad> loads;
    for (const auto& t : org.task_forces)
        for (const auto& s : t.seats) {
            auto& l = loads[s.person_id];
            l.person_id = s.person_id;
            if (const auto* person = people->find(s.person_id)) l.name = person->name;
            (s.review ? l.review : l.working).push_back(t.name);
        }
    std::vector<SeatLoad> out;
    for (auto& [id, l] : loads)
        if (l.seats() >= at_least) out.push_back(std::move(l));
    std::stable_sort(out.begin(), out.end(), [](const SeatLoad& a, const SeatLoad& b) { return a.seats() > b.seats(); });
    return out;
}

} // namespace orgplan
