#include "orgplan/model/org_json.hpp"

#include "org_kinds.hpp"

#include "orgplan/model/enums.hpp"
#include "orgplan/base/error.hpp"

namespace orgplan {
namespace {

using nlohmann::json;

template <typename T, typename F>
json array_of(const std::vector<T>& items, F f) {
    json out = json::array();
    for (const auto& x : items) out.push_back(f(x));
    return out;
}

template <typename T, typename F>
std::vector<T> read_array(const json& doc, const char* key, F f) {
    std::vector<T> out;
    if (!doc.contains(key)) return out;
    for (const auto& x : doc.at(key)) out.push_back(f(x));
    return out;
}

template <typename E>
E parse_enum(const json& j, const char* field, std::optional<E> (*parse)(std::string_view)) {
    const auto text = j.at(field).get<std::string>();
    if (auto v = parse(text)) return *v;
    throw Error(std::string("scenario data: field '") + field + "' has unknown value '" + text + "'");
}

json optional_number(const std::optional<double>& v) {
    return v ? json(*v) : json(nullptr);
}
std::optional<double> read_optional(const json& j, const char* key) {
    if (!j.contains(key) || j.at(key).is_null()) return std::nullopt;
    return j.at(key).get<double>();
}

} // namespace

json record_json(const Segment& s) {
    return json{{"id", s.id}, {"name", s.name}};
}

json record_json(const Product& p) {
    return json{{"id", p.id}, {"name", p.name}, {"status", to_string(p.status)}, {"segment", p.segment_id}};
}

json record_json(const Initiative& i) {
    return json{{"id", i.id}, {"name", i.name}};
}

json record_json(const Account& a) {
    return json{{"id", a.id}, {"name", a.name}, {"segment", a.segment_id}};
}

json record_json(const Team& t) {
    return json{{"id", t.id},
                {"name", t.name},
                {"type", t.type},
                {"product", t.product_id},
                {"segment", t.segment_id},
                {"parent_unit", t.parent_unit}};
}

json record_json(const Person& p) {
    return json{{"id", p.id},
                {"name", p.name},
                {"email", p.email},
                {"title", p.title},
                {"family", to_string(p.family)},
                {"level", p.level},
                {"pm_years", optional_number(p.pm_years)},
                {"origin", to_string(p.origin)},
                {"manager", p.manager_id},
                {"location", p.location},
                {"fte", p.fte},
                {"cost", optional_number(p.cost)},
                {"coaching_hours", optional_number(p.coaching_hours)},
                {"unit", p.unit},
                {"cost_center", p.cost_center},
                {"function", p.function}};
}

json record_json(const Membership& m) {
    return json{{"person", m.person_id}, {"team", m.team_id}, {"allocation", m.allocation}};
}

json record_json(const Assignment& a) {
    return json{{"pm", a.pm_id}, {"kind", to_string(a.kind)}, {"target", a.target_id}, {"share", a.share}};
}

json record_json(const Goal& g) {
    return json{{"id", g.id},
                {"function", g.function},
                {"objective", g.objective},
                {"name", g.name},
                {"metric", g.metric},
                {"metric_kind", to_string(g.metric_kind)},
                {"incentive", g.incentive},
                {"north_star", g.north_star},
                {"products", g.product_ids},
                {"counter_metric", g.counter_metric},
                {"theme", g.theme}};
}

json record_json(const Interrupt& i) {
    return json{{"date", i.date},
                {"requester", i.requester_id},
                {"requester_name", i.requester_name},
                {"requester_function", i.requester_function},
                {"pm", i.pm_id},
                {"team", i.team_id},
                {"product", i.product_id},
                {"hours", i.hours},
                {"kind", to_string(i.kind)},
                {"planned", i.planned}};
}

json record_json(const TaskForce& t) {
    return json{{"name", t.name},
                {"topic", t.topic},
                {"seats", array_of(t.seats, [](const TaskForceSeat& s) {
                     return json{{"person", s.person_id}, {"review", s.review}, {"reason", s.reason}};
                 })}};
}

json record_json(const Position& p) {
    return json{
        {"id", p.id},        {"kind", to_string(p.kind)}, {"team", p.team_id},     {"family", to_string(p.family)},
        {"fte", p.fte},      {"quarter", p.quarter},      {"person", p.person_id}, {"status", to_string(p.status)},
        {"source", p.source}};
}

Segment record_from_json(const json& j, const Segment*) {
    return Segment{j.at("id").get<std::string>(), j.at("name").get<std::string>()};
}

Product record_from_json(const json& j, const Product*) {
    return Product{j.at("id").get<std::string>(), j.at("name").get<std::string>(),
                   parse_enum<ProductStatus>(j, "status", parse_product_status), j.at("segment").get<std::string>()};
}

Initiative record_from_json(const json& j, const Initiative*) {
    return Initiative{j.at("id").get<std::string>(), j.at("name").get<std::string>()};
}

Account record_from_json(const json& j, const Account*) {
    return Account{j.at("id").get<std::string>(), j.at("name").get<std::string>(), j.at("segment").get<std::string>()};
}

Team record_from_json(const json& j, const Team*) {
    return Team{j.at("id").get<std::string>(),      j.at("name").get<std::string>(),
                j.at("type").get<std::string>(),    j.at("product").get<std::string>(),
                j.at("segment").get<std::string>(), j.at("parent_unit").get<std::string>()};
}

Person record_from_json(const json& j, const Person*) {
    Person p;
    p.id = j.at("id").get<std::string>();
    p.name = j.at("name").get<std::string>();
    p.email = j.at("email").get<std::string>();
    p.title = j.at("title").get<std::string>();
    p.family = parse_enum<Family>(j, "family", parse_family);
    p.level = j.at("level").get<std::string>();
    p.pm_years = read_optional(j, "pm_years");
    p.origin = parse_enum<Origin>(j, "origin", parse_origin);
    p.manager_id = j.at("manager").get<std::string>();
    p.location = j.at("location").get<std::string>();
    p.fte = j.at("fte").get<double>();
    p.cost = read_optional(j, "cost");
    p.coaching_hours = read_optional(j, "coaching_hours");
    // Added in schema 5: snapshots saved before (scenarios) lack them.
    p.unit = j.value("unit", std::string());
    p.cost_center = j.value("cost_center", std::string());
    p.function = j.value("function", std::string());
    return p;
}

Membership record_from_json(const json& j, const Membership*) {
    return Membership{j.at("person").get<std::string>(), j.at("team").get<std::string>(),
                      j.at("allocation").get<double>()};
}

Assignment record_from_json(const json& j, const Assignment*) {
    return Assignment{j.at("pm").get<std::string>(), parse_enum<TargetKind>(j, "kind", parse_target_kind),
                      j.at("target").get<std::string>(), j.at("share").get<double>()};
}

Goal record_from_json(const json& j, const Goal*) {
    Goal g;
    g.id = j.at("id").get<std::string>();
    g.function = j.at("function").get<std::string>();
    g.objective = j.at("objective").get<std::string>();
    g.name = j.at("name").get<std::string>();
    g.metric = j.at("metric").get<std::string>();
    g.metric_kind = parse_enum<MetricKind>(j, "metric_kind", parse_metric_kind);
    g.incentive = j.at("incentive").get<bool>();
    g.north_star = j.at("north_star").get<bool>();
    g.product_ids = j.at("products").get<std::vector<Text>>();
    g.counter_metric = j.at("counter_metric").get<std::string>();
    g.theme = j.at("theme").get<std::string>();
    return g;
}

Interrupt record_from_json(const json& j, const Interrupt*) {
    Interrupt i;
    i.date = j.at("date").get<std::string>();
    i.requester_id = j.at("requester").get<std::string>();
    i.requester_name = j.at("requester_name").get<std::string>();
    i.requester_function = j.at("requester_function").get<std::string>();
    i.pm_id = j.at("pm").get<std::string>();
    i.team_id = j.at("team").get<std::string>();
    i.product_id = j.at("product").get<std::string>();
    i.hours = j.at("hours").get<double>();
    i.kind = parse_enum<InterruptKind>(j, "kind", parse_interrupt_kind);
    i.planned = j.at("planned").get<bool>();
    return i;
}

TaskForce record_from_json(const json& j, const TaskForce*) {
    TaskForce t{j.at("name").get<std::string>(), j.at("topic").get<std::string>(), {}};
    for (const auto& s : j.at("seats"))
        t.seats.push_back(
            {s.at("person").get<std::string>(), s.at("review").get<bool>(), s.at("reason").get<std::string>()});
    return t;
}

Position record_from_json(const json& j, const Position*) {
    Position p;
    p.id = j.at("id").get<std::string>();
    p.kind = parse_enum<PositionKind>(j, "kind", parse_position_kind);
    p.team_id = j.at("team").get<std::string>();
    p.family = parse_enum<Family>(j, "family", parse_family);
    p.fte = j.at("fte").get<double>();
    p.quarter = j.at("quarter").get<std::string>();
    p.person_id = j.at("person").get<std::string>();
    p.status = parse_enum<PositionStatus>(j, "status", parse_position_status);
    p.source = j.at("source").get<std::string>();
    return p;
}


json to_json(const Org& org) {
    json doc = json::object();
    detail::for_each_list([&](const char* key, auto member) {
        doc[key] = array_of(org.*member, [](const auto& x) { return record_json(x); });
    });
    return doc;
}

// Keys an older scenario may lack read as empty: interrupts and task forces came with schema 9, positions with 11.
Org org_from_json(const json& doc) {
    try {
        Org org;
        detail::for_each_list([&](const char* key, auto member) {
            using Record = typename std::remove_reference_t<decltype(org.*member)>::value_type;
            org.*member = read_array<Record>(
                doc, key, [](const json& j) { return record_from_json(j, static_cast<const Record*>(nullptr)); });
        });
        return org;
    } catch (const json::exception& e) {
        throw Error(std::string("scenario data is damaged: ") + e.what());
    }
}

} // namespace orgplan
