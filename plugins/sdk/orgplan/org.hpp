// orgplan SDK: the plain-data org snapshot handed to plugins.
//
// Everything here is a value type (text as orgplan::Text, numbers, vectors): nothing carries code, so a snapshot can be
// copied, serialised, or sent to a plugin running in another process. The host builds one snapshot per
// command; plugins receive it by const reference and must not keep references past the call.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "orgplan/optional_number.hpp"
#include "orgplan/text.hpp"

namespace orgplan {

/// Role family of a person (see docs/formats.md). Only makers and PMs count in ratios.
enum class Family { maker, pm, product_leader, eng_manager, other };

/// How a person came to their current PM role; drives coaching needs and hiring-mix cost.
enum class Origin { unknown, external_senior, internal_transfer, newcomer };

/// What a PM assignment points at.
enum class TargetKind { team, product, segment, initiative, account };

/// Lifecycle status of a product.
enum class ProductStatus { active, maintenance, unsupported, retired };

/// Kind of a goal's metric: activity (calls, tickets), output (features shipped), outcome (retention,
/// resolution), revenue.
enum class MetricKind { activity, output, outcome, revenue };

/// What pulled a PM away from planned work (the interrupts file).
enum class InterruptKind { executive_request, sales_escalation, customer_call, support_escalation, other };

/// A person of the org: one row of the people file.
struct Person {
    Text id;
    Text name;
    Text email;
    Text title;
    Family family = Family::other;
    Origin origin = Origin::unknown; // beside the family: no padding after either
    Text level;
    OptionalNumber pm_years;              ///< years of product-management experience; empty when the data has none
    Text manager_id;                      ///< empty for the top of the tree
    Text location;
    double fte = 1.0;                     ///< 0 < fte <= 1
    OptionalNumber cost;                  ///< yearly cost, any currency, when known
    OptionalNumber coaching_hours;        ///< weekly coaching capacity, overrides the family default
    Text unit;                            ///< HR department or org unit, free text (spans by unit)
    Text cost_center;                     ///< free text
    Text function;                        ///< sales, marketing, engineering, product...; may be empty
};

/// A team makers work in, which PMs cover.
struct Team {
    Text id;
    Text name;
    Text type;        ///< free text: stream-aligned, platform, enabling...
    Text product_id;  ///< may be empty
    Text segment_id;  ///< may be empty
    Text parent_unit; ///< free text grouping (department, tribe)
};

/// A person's place in a team, with the share of their time it takes.
struct Membership {
    Text person_id;
    Text team_id;
    double allocation = 1.0; ///< share of the person's FTE given to the team; a person's total <= 1
};

/// A PM's coverage of a team, product, segment, initiative or account, with the share of their time it takes.
struct Assignment {
    Text pm_id;
    TargetKind kind = TargetKind::team;
    Text target_id;
    double share = 1.0; ///< share of the PM's FTE; a PM's total <= 1
};

/// A product of the portfolio, which teams build.
struct Product {
    Text id;
    Text name;
    ProductStatus status = ProductStatus::active;
    Text segment_id;
};

/// A market segment that products and accounts belong to.
struct Segment {
    Text id;
    Text name;
};

/// A corporate initiative PMs can be dedicated to.
struct Initiative {
    Text id;
    Text name;
};

/// A key customer account PMs can be dedicated to.
struct Account {
    Text id;
    Text name;
    Text segment_id;
};

/// A function's goal with the metric it is measured by.
struct Goal {
    Text id;
    Text function;   ///< sales, services, support, marketing, engineering, product...
    Text objective;  ///< groups key results of one OKR; empty for a standalone goal
    Text name;
    Text metric;
    MetricKind metric_kind = MetricKind::outcome;
    bool incentive = false; ///< a bonus, commission or quota is tied to the metric
    bool north_star = false;
    std::vector<Text> product_ids;
    Text counter_metric; ///< the metric that keeps this one honest; empty when none
    Text theme;          ///< optional tag from docs/formats.md (custom_work, quota_relief...)
};

/// One interrupt of a PM, team or product: who asked, whom it hit, how long it took.
struct Interrupt {
    Text date;               ///< YYYY-MM-DD
    Text requester_id;       ///< a person of the org; empty for someone outside the people data
    Text requester_name;     ///< for a requester outside the people data
    Text requester_function; ///< for a requester outside the people data
    Text pm_id;              ///< the PM it took time from; may be empty when a team or product is given
    Text team_id;            ///< may be empty
    Text product_id;         ///< may be empty
    double hours = 0;
    InterruptKind kind = InterruptKind::other;
    bool planned = false; ///< booked ahead (a planned review), as against an unplanned escalation
};

/// A seat on a task force: in its working group, or in its review audience.
struct TaskForceSeat {
    Text person_id;
    bool review = false;
    Text reason; ///< why this person was picked
};

/// A saved task force (orgplan taskforce). Person ids are kept as given: someone who left the org stays listed.
struct TaskForce {
    Text name;
    Text topic;
    std::vector<TaskForceSeat> seats;
};

/// A planned position: an open role to fill, or a planned departure. Not a person: answers count positions only
/// when asked for the planned org (ratios --planned, plan --planned, scenario comparisons).
enum class PositionKind { open_role, departure };
/// Where a planned position stands: only open ones count as planned.
enum class PositionStatus { open, filled, cancelled };

/// One planned position (see PositionKind).
struct Position {
    Text id;
    PositionKind kind = PositionKind::open_role;
    Text team_id;          ///< the team it adds to or leaves; may be empty
    Family family = Family::maker;
    double fte = 1.0;             ///< 0 < fte <= 1
    Text quarter;          ///< YYYY-Qn it takes effect; empty: as soon as possible
    Text person_id;        ///< a departure of someone named; empty for an unnamed one
    PositionStatus status = PositionStatus::open; ///< only open positions count as planned
    Text source;           ///< where it came from: a scenario's name, or empty
};

/// The whole org, as the host read it from storage.
struct Org {
    std::vector<Person> people;
    std::vector<Team> teams;
    std::vector<Membership> memberships;
    std::vector<Assignment> assignments;
    std::vector<Product> products;
    std::vector<Segment> segments;
    std::vector<Initiative> initiatives;
    std::vector<Account> accounts;
    std::vector<Goal> goals;
    std::vector<Interrupt> interrupts; ///< ordered by date
    std::vector<TaskForce> task_forces; ///< ordered by name
    std::vector<Position> positions;    ///< every status, ordered by id
};

} // namespace orgplan
