#include "orgplan/model/enums.hpp"

#include <array>
#include <utility>

#include "orgplan/base/text.hpp"

namespace orgplan {
namespace {

template <typename E, std::size_t N>
using Names = std::array<std::pair<E, std::string_view>, N>;

constexpr Names<Family, 5> family_names{{{Family::maker, "maker"},
                                         {Family::pm, "pm"},
                                         {Family::product_leader, "product_leader"},
                                         {Family::eng_manager, "eng_manager"},
                                         {Family::other, "other"}}};
constexpr Names<Origin, 4> origin_names{{{Origin::unknown, "unknown"},
                                         {Origin::external_senior, "external_senior"},
                                         {Origin::internal_transfer, "internal_transfer"},
                                         {Origin::newcomer, "newcomer"}}};
constexpr Names<TargetKind, 5> target_names{{{TargetKind::team, "team"},
                                             {TargetKind::product, "product"},
                                             {TargetKind::segment, "segment"},
                                             {TargetKind::initiative, "initiative"},
                                             {TargetKind::account, "account"}}};
constexpr Names<ProductStatus, 4> status_names{{{ProductStatus::active, "active"},
                                                {ProductStatus::maintenance, "maintenance"},
                                                {ProductStatus::unsupported, "unsupported"},
                                                {ProductStatus::retired, "retired"}}};
constexpr Names<MetricKind, 4> metric_names{{{MetricKind::activity, "activity"},
                                             {MetricKind::output, "output"},
                                             {MetricKind::outcome, "outcome"},
                                             {MetricKind::revenue, "revenue"}}};
constexpr Names<InterruptKind, 5> interrupt_names{{{InterruptKind::executive_request, "executive_request"},
                                                   {InterruptKind::sales_escalation, "sales_escalation"},
                                                   {InterruptKind::customer_call, "customer_call"},
                                                   {InterruptKind::support_escalation, "support_escalation"},
                                                   {InterruptKind::other, "other"}}};

constexpr Names<PositionKind, 2> position_kind_names{{{PositionKind::open_role, "open_role"},
                                                     {PositionKind::departure, "departure"}}};
constexpr Names<PositionStatus, 3> position_status_names{{{PositionStatus::open, "open"},
                                                         {PositionStatus::filled, "filled"},
                                                         {PositionStatus::cancelled, "cancelled"}}};
constexpr Names<ScenarioStatus, 5> scenario_status_names{{{ScenarioStatus::draft, "draft"},
                                                         {ScenarioStatus::in_review, "in_review"},
                                                         {ScenarioStatus::approved, "approved"},
                                                         {ScenarioStatus::rejected, "rejected"},
                                                         {ScenarioStatus::merged, "merged"}}};

template <typename E, std::size_t N>
std::string_view name_of(const Names<E, N>& names, E value) {
    for (const auto& [e, n] : names)
        if (e == value) return n;
    return "?";
}

template <typename E, std::size_t N>
std::optional<E> find(const Names<E, N>& names, const std::string& key) {
    for (const auto& [e, n] : names)
        if (n == key) return e;
    return std::nullopt;
}

} // namespace

std::string_view to_string(Family f) { return name_of(family_names, f); }
std::string_view to_string(Origin o) { return name_of(origin_names, o); }
std::string_view to_string(TargetKind k) { return name_of(target_names, k); }
std::string_view to_string(ProductStatus s) { return name_of(status_names, s); }
std::string_view to_string(MetricKind k) { return name_of(metric_names, k); }
std::string_view to_string(InterruptKind k) { return name_of(interrupt_names, k); }
std::string_view to_string(PositionKind k) { return name_of(position_kind_names, k); }
std::string_view to_string(PositionStatus s) { return name_of(position_status_names, s); }
std::string_view to_string(ScenarioStatus s) { return name_of(scenario_status_names, s); }

std::optional<PositionKind> parse_position_kind(std::string_view text) {
    const auto key = text::normalise_key(text);
    if (key == "open" || key == "opening" || key == "vacancy" || key == "hire") return PositionKind::open_role;
    if (key == "leaver" || key == "exit") return PositionKind::departure;
    return find(position_kind_names, key);
}

std::optional<PositionStatus> parse_position_status(std::string_view text) {
    return find(position_status_names, text::normalise_key(text));
}

std::optional<ScenarioStatus> parse_scenario_status(std::string_view text) {
    return find(scenario_status_names, text::normalise_key(text));
}

std::optional<Family> parse_family(std::string_view text) {
    // Stored families are already canonical: no copy for the million rows a report reads.
    for (const auto f : {Family::maker, Family::pm, Family::product_leader, Family::eng_manager, Family::other})
        if (text == to_string(f)) return f;
    const auto key = text::normalise_key(text);
    if (key == "product_manager" || key == "product") return Family::pm;
    if (key == "leader" || key == "product_lead") return Family::product_leader;
    if (key == "engineering_manager" || key == "manager") return Family::eng_manager;
    return find(family_names, key);
}

std::optional<Origin> parse_origin(std::string_view text) {
    // Stored origins are already canonical: no copy for the million rows a report reads.
    for (const auto o : {Origin::unknown, Origin::external_senior, Origin::internal_transfer, Origin::newcomer})
        if (text == to_string(o)) return o;
    const auto key = text::normalise_key(text);
    if (key.empty()) return Origin::unknown;
    if (key == "senior" || key == "external" || key == "seasoned") return Origin::external_senior;
    if (key == "transfer" || key == "internal") return Origin::internal_transfer;
    if (key == "new" || key == "graduate" || key == "junior") return Origin::newcomer;
    return find(origin_names, key);
}

std::optional<TargetKind> parse_target_kind(std::string_view text) {
    return find(target_names, text::normalise_key(text));
}

std::optional<ProductStatus> parse_product_status(std::string_view text) {
    const auto key = text::normalise_key(text);
    if (key.empty()) return ProductStatus::active;
    if (key == "deprecated" || key == "end_of_life" || key == "eol") return ProductStatus::retired;
    return find(status_names, key);
}

std::optional<MetricKind> parse_metric_kind(std::string_view text) {
    return find(metric_names, text::normalise_key(text));
}

std::optional<InterruptKind> parse_interrupt_kind(std::string_view text) {
    const auto key = text::normalise_key(text);
    if (key == "executive" || key == "exec" || key == "exec_request" || key == "leadership_request")
        return InterruptKind::executive_request;
    if (key == "sales" || key == "escalation_sales" || key == "deal_escalation") return InterruptKind::sales_escalation;
    if (key == "customer" || key == "call" || key == "customer_meeting") return InterruptKind::customer_call;
    if (key == "support" || key == "escalation_support" || key == "incident") return InterruptKind::support_escalation;
    return find(interrupt_names, key);
}

} // namespace orgplan
