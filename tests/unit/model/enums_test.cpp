#include <catch2/catch.hpp>

#include "orgplan/model/enums.hpp"

using namespace orgplan;

namespace {

// Every value's name parses back to the value: what orgplan writes, it reads.
template <typename Enum, typename Parse>
void round_trip(std::initializer_list<Enum> values, Parse parse) {
    for (const auto v : values) {
        INFO(to_string(v));
        CHECK(parse(to_string(v)) == v);
    }
}

} // namespace

TEST_CASE("enums: every name written parses back to its value") {
    round_trip({Family::maker, Family::pm, Family::product_leader, Family::eng_manager, Family::other}, parse_family);
    round_trip({Origin::unknown, Origin::external_senior, Origin::internal_transfer, Origin::newcomer}, parse_origin);
    round_trip({TargetKind::team, TargetKind::product, TargetKind::segment, TargetKind::initiative, TargetKind::account},
               parse_target_kind);
    round_trip({ProductStatus::active, ProductStatus::maintenance, ProductStatus::unsupported, ProductStatus::retired},
               parse_product_status);
    round_trip({MetricKind::activity, MetricKind::output, MetricKind::outcome, MetricKind::revenue}, parse_metric_kind);
    round_trip({InterruptKind::executive_request, InterruptKind::sales_escalation, InterruptKind::customer_call,
                InterruptKind::support_escalation, InterruptKind::other},
               parse_interrupt_kind);
    round_trip({PositionKind::open_role, PositionKind::departure}, parse_position_kind);
    round_trip({PositionStatus::open, PositionStatus::filled, PositionStatus::cancelled}, parse_position_status);
}

TEST_CASE("enums: names are read case-insensitively, with the documented synonyms") {
    CHECK(parse_family("PM") == Family::pm);
    CHECK(parse_family("Product Manager") == Family::pm);
    CHECK(parse_family("engineering manager") == Family::eng_manager);
    CHECK(parse_origin("Graduate") == Origin::newcomer);
    CHECK(parse_origin("internal") == Origin::internal_transfer);
    CHECK(parse_product_status("EOL") == ProductStatus::retired);
    CHECK(parse_interrupt_kind("Deal escalation") == InterruptKind::sales_escalation);
    CHECK(parse_interrupt_kind("incident") == InterruptKind::support_escalation);
    CHECK(parse_position_kind("vacancy") == PositionKind::open_role);
    CHECK(parse_position_kind("leaver") == PositionKind::departure);
}

TEST_CASE("enums: anything else is no value, never a guess") {
    CHECK_FALSE(parse_family("designer"));
    CHECK_FALSE(parse_family(""));
    CHECK_FALSE(parse_origin("alien"));
    CHECK_FALSE(parse_target_kind("person"));
    CHECK_FALSE(parse_product_status("sunset-ish"));
    CHECK_FALSE(parse_metric_kind("vanity"));
    CHECK_FALSE(parse_interrupt_kind("lunch"));
    CHECK_FALSE(parse_position_kind("promotion"));
    CHECK_FALSE(parse_position_status("maybe"));
}
