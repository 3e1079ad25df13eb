#include "columns.hpp"

#include "orgplan/base/error.hpp"
#include "orgplan/base/text.hpp"
#include "orgplan/import/importer.hpp"

#include <set>

namespace orgplan {
namespace importing {

namespace {
constexpr Need kKey = Need::key;
constexpr Need kNew = Need::new_record;
constexpr Need kOpt = Need::optional;
} // namespace

const std::map<std::string, std::vector<ColumnSpec>>& column_specs() {
    static const std::map<std::string, std::vector<ColumnSpec>> specs = {
        {"segments", {{"id", kKey, {"segment_id"}}, {"name", kNew, {}}}},
        {"initiatives", {{"id", kKey, {"initiative_id"}}, {"name", kNew, {}}}},
        {"products",
         {{"id", kKey, {"product_id"}}, {"name", kNew, {}}, {"status", kOpt, {"lifecycle"}},
          {"segment", kOpt, {"segment_id"}}}},
        {"accounts", {{"id", kKey, {"account_id"}}, {"name", kNew, {}}, {"segment", kOpt, {"segment_id"}}}},
        {"teams",
         {{"id", kKey, {"team_id", "squad_id", "squad"}}, {"name", kNew, {"team_name", "squad_name"}},
          {"type", kOpt, {"team_type"}},
          {"product", kOpt, {"product_id"}}, {"segment", kOpt, {"segment_id"}},
          {"parent_unit", kOpt, {"parent", "unit", "department"}}}},
        // Synonyms cover the headers of the usual HR-system exports (Workday, BambooHR, Personio, HiBob style),
        // compared after normalising ("Employee ID" -> employee_id, "FTE %" -> fte_%); docs/formats.md lists them.
        {"people",
         {{"id", kKey, {"person_id", "employee_id", "employee_number", "worker_id", "staff_id"}},
          {"name", kNew, {"full_name", "employee_name", "preferred_name", "display_name", "legal_name", "worker"}},
          {"email", kOpt, {"work_email", "email_address", "business_email", "company_email"}},
          {"title", kOpt, {"job_title", "business_title", "position_title", "position"}},
          {"family", kOpt, {"role_family"}},
          {"level", kOpt, {"grade", "job_level", "career_level", "management_level", "pay_grade"}},
          {"pm_years", kOpt, {"years_pm", "pm_experience"}},
          {"origin", kOpt, {"hire_origin"}},
          {"manager", kOpt,
           {"manager_id", "manager_email", "supervisor_id", "supervisor_email", "manager_employee_id",
            "manager_employee_number", "supervisor_employee_id", "supervisor_employee_number", "reports_to_id",
            "line_manager_id"}},
          {"location", kOpt, {"timezone", "work_location", "office", "site", "country", "work_country"}},
          {"fte", kOpt, {}},
          {"fte_percent", kOpt, {"fte_%", "fte_(%)", "fte_pct", "fte_percentage", "percent_fte"}},
          {"cost", kOpt, {"salary", "annual_salary", "base_salary", "annual_cost"}},
          {"currency", kOpt, {"cost_currency", "salary_currency", "currency_code", "pay_currency"}},
          {"coaching_hours", kOpt, {}},
          {"team", kOpt, {"team_id", "squad"}},
          {"allocation", kOpt, {}},
          {"unit", kOpt, {"department", "org_unit", "division", "business_unit", "supervisory_organization"}},
          {"cost_center", kOpt, {"cost_centre", "cost_center_id"}},
          // An HR system's job family ("Software Engineering", "Product Management") names a department of work,
          // not one of orgplan's role families: it is the function, and the title rules still decide makers and PMs.
          {"function", kOpt, {"job_function", "job_family_group", "job_family"}}}},
        {"memberships",
         {{"person", kKey, {"person_id", "employee_id"}}, {"team", kKey, {"team_id"}}, {"allocation", kOpt, {}}}},
        {"assignments",
         {{"pm", kKey, {"pm_id", "person", "person_id", "pm_employee_id", "product_manager_id"}},
          {"kind", kKey, {"target_kind"}},
          {"target", kKey, {"target_id", "team", "team_id", "squad", "squad_id"}},
          {"share", kOpt, {"pm_share"}}}},
        {"goals",
         {{"id", kKey, {"goal_id"}}, {"function", kNew, {}}, {"objective", kOpt, {"okr"}},
          {"name", kNew, {"goal"}}, {"metric", kOpt, {}}, {"metric_kind", kNew, {"kind"}},
          {"incentive", kOpt, {"bonus", "quota"}}, {"north_star", kOpt, {}},
          {"products", kOpt, {"product", "product_ids"}}, {"counter_metric", kOpt, {}}, {"theme", kOpt, {}}}},
        // An interrupt names its requester by person id, or by name and function for someone outside the people
        // data; and whom it hit: a PM, a team or a product (docs/interrupts.md).
        {"interrupts",
         {{"id", kOpt, {"interrupt_id", "ticket", "ticket_id"}}, {"date", kKey, {"day", "occurred_on"}},
          {"requester", kOpt, {"requester_id", "requested_by", "requested_by_id"}},
          {"requester_name", kOpt, {"requested_by_name"}},
          {"requester_function", kOpt, {"requester_department", "requester_unit"}},
          {"pm", kOpt, {"pm_id", "affected_pm"}}, {"team", kOpt, {"team_id", "affected_team"}},
          {"product", kOpt, {"product_id", "affected_product"}},
          {"hours", kKey, {"duration_hours", "time_spent_hours", "time_hours"}},
          {"kind", kOpt, {"type", "interrupt_kind", "category"}}, {"planned", kOpt, {"scheduled"}}}},
        // One row per seat: a task force given in a file gets exactly its rows' seats.
        {"taskforces",
         {{"taskforce", kKey, {"task_force", "committee", "working_group"}},
          {"person", kKey, {"person_id", "employee_id", "member"}}, {"role", kOpt, {"seat"}},
          {"topic", kOpt, {}}, {"reason", kOpt, {}}}},
    };
    return specs;
}

std::vector<const std::string*> names_of(const ColumnSpec& spec) {
    std::vector<const std::string*> names{&spec.name};
    for (const auto& s : spec.synonyms) names.push_back(&s);
    return names;
}

} // namespace importing

const std::vector<std::string>& record_kinds() {
    static const std::vector<std::string> kinds = {"segments", "products", "initiatives", "accounts", "teams",
                                                   "people",   "goals",    "memberships", "assignments",
                                                   "interrupts", "taskforces"};
    return kinds;
}

const std::vector<std::string>& creatable_kinds() {
    static const std::vector<std::string> kinds = {"segments", "products", "initiatives", "accounts", "teams"};
    return kinds;
}

std::string kind_of_name(const std::string& name) {
    static const std::vector<std::pair<std::string, std::string>> words = {
        {"people", "people"},          {"person", "people"},          {"employee", "people"},
        {"staff", "people"},           {"team", "teams"},             {"membership", "memberships"},
        {"allocation", "memberships"}, {"assignment", "assignments"}, {"product", "products"},
        {"segment", "segments"},       {"initiative", "initiatives"}, {"account", "accounts"},
        {"goal", "goals"},             {"okr", "goals"},              {"squad", "teams"},
        {"coverage", "assignments"},   {"interrupt", "interrupts"},   {"escalation", "interrupts"},
        {"taskforce", "taskforces"},   {"task", "taskforces"},        {"committee", "taskforces"}};
    // The last word that names a kind decides: "hr_export_people" and "pm_assignments" both work. A word names a
    // kind whole, singular or plural: "peoplez" or "teamwork" name nothing.
    const auto key = text::normalise_key(name);
    std::string found;
    std::size_t start = 0;
    while (start <= key.size()) {
        auto end = key.find('_', start);
        if (end == std::string::npos) end = key.size();
        const auto word = key.substr(start, end - start);
        for (const auto& [prefix, kind] : words)
            if (word == prefix || word == prefix + "s" || word == prefix + "es") found = kind;
        start = end + 1;
    }
    return found;
}

void check_constant_column(const std::string& column) {
    std::set<std::string> all;
    for (const auto& [kind, specs] : importing::column_specs())
        for (const auto& spec : specs) {
            if (spec.name == column) return;
            all.insert(spec.name);
        }
    std::string list;
    for (const auto& name : all) list += (list.empty() ? "" : ", ") + name;
    throw Error("--set " + column + ": no kind of record has a column '" + column + "'; columns are " + list);
}

} // namespace orgplan
