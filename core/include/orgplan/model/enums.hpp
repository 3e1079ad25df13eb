// Text names of the model's enums, as they appear in files, the database and JSON output.
#pragma once

#include <optional>
#include <string_view>

#include "orgplan/model/scenario.hpp"
#include "orgplan/org.hpp"

namespace orgplan {

std::string_view to_string(Family f);
std::string_view to_string(Origin o);
std::string_view to_string(TargetKind k);
std::string_view to_string(ProductStatus s);
std::string_view to_string(MetricKind k);
std::string_view to_string(InterruptKind k);
std::string_view to_string(PositionKind k);
std::string_view to_string(PositionStatus s);
std::string_view to_string(ScenarioStatus s);

/// Parsers accept the names above case-insensitively, plus a few documented synonyms; nullopt otherwise.
std::optional<Family> parse_family(std::string_view text);
std::optional<Origin> parse_origin(std::string_view text);
std::optional<TargetKind> parse_target_kind(std::string_view text);
std::optional<ProductStatus> parse_product_status(std::string_view text);
std::optional<MetricKind> parse_metric_kind(std::string_view text);
std::optional<InterruptKind> parse_interrupt_kind(std::string_view text);
std::optional<PositionKind> parse_position_kind(std::string_view text);
std::optional<PositionStatus> parse_position_status(std::string_view text);
std::optional<ScenarioStatus> parse_scenario_status(std::string_view text);

} // namespace orgplan
