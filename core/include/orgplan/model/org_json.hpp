// The org snapshot as JSON: how scenarios are stored, and the shape a plugin would receive out of process.
#pragma once

#include <nlohmann/json.hpp>

#include "orgplan/org.hpp"

namespace orgplan {

nlohmann::json to_json(const Org& org);
/// Throws orgplan::Error naming the first field that is missing or of the wrong type.
Org org_from_json(const nlohmann::json& doc);

/// One record as to_json writes it, and back (the pointer only picks the type: record_from_json(j, (Team*)nullptr)).
/// Reading throws nlohmann::json::exception or orgplan::Error for a missing field or an unknown word.
nlohmann::json record_json(const Segment& s);
nlohmann::json record_json(const Product& p);
nlohmann::json record_json(const Initiative& i);
nlohmann::json record_json(const Account& a);
nlohmann::json record_json(const Team& t);
nlohmann::json record_json(const Person& p);
nlohmann::json record_json(const Membership& m);
nlohmann::json record_json(const Assignment& a);
nlohmann::json record_json(const Goal& g);
nlohmann::json record_json(const Interrupt& i);
nlohmann::json record_json(const TaskForce& t);
nlohmann::json record_json(const Position& p);
Segment record_from_json(const nlohmann::json& j, const Segment*);
Product record_from_json(const nlohmann::json& j, const Product*);
Initiative record_from_json(const nlohmann::json& j, const Initiative*);
Account record_from_json(const nlohmann::json& j, const Account*);
Team record_from_json(const nlohmann::json& j, const Team*);
Person record_from_json(const nlohmann::json& j, const Person*);
Membership record_from_json(const nlohmann::json& j, const Membership*);
Assignment record_from_json(const nlohmann::json& j, const Assignment*);
Goal record_from_json(const nlohmann::json& j, const Goal*);
Interrupt record_from_json(const nlohmann::json& j, const Interrupt*);
TaskForce record_from_json(const nlohmann::json& j, const TaskForce*);
Position record_from_json(const nlohmann::json& j, const Position*);

} // namespace orgplan
