#include "orgplan/storage/position_store.hpp"

#include "orgplan/model/enums.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/planning/positions.hpp"
#include "statements.hpp"

namespace orgplan {

std::vector<Position> load_positions(Database& db) {
    return select_rows(db, "SELECT id, kind, team_id, family, fte, quarter, person_id, status, source FROM position ORDER BY id",
                       [](const Row& r) {
                           Position p;
                           p.id = r.text(0);
                           p.kind = parse_position_kind(r.text(1)).value_or(PositionKind::open_role);
                           p.team_id = r.text(2);
                           p.family = parse_family(r.text(3)).value_or(Family::other);
                           p.fte = r.real(4);
                           p.quarter = r.text(5);
                           p.person_id = r.text(6);
                           p.status = parse_position_status(r.text(7)).value_or(PositionStatus::open);
                           p.source = r.text(8);
                           return p;
                       });
}

void put_position(Database& db, const Position& p) {
    if (p.id.empty()) throw Error("a position needs an id");
    if (!(p.fte > 0 && p.fte <= 1)) throw Error("position " + p.id + ": fte must be greater than 0 and at most 1");
    if (!p.quarter.empty() && !parse_quarter(p.quarter))
        throw Error("position " + p.id + ": quarter '" + p.quarter.substr(0, 24) + "' is not YYYY-Qn, e.g. 2027-Q1");
    // An upsert, not INSERT OR REPLACE: a replaced row is deleted without its delete triggers, and scenario bases
    // keep rows as they were through those (storage/scenario_base.hpp).
    execute(db,
            "INSERT INTO position(id, kind, team_id, family, fte, quarter, person_id, status, source) VALUES(?1, ?2, ?3, "
            "?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, team_id = excluded.team_id, "
            "family = excluded.family, fte = excluded.fte, quarter = excluded.quarter, person_id = excluded.person_id, "
            "status = excluded.status, source = excluded.source",
            p.id, std::string(to_string(p.kind)), p.team_id, std::string(to_string(p.family)), p.fte, p.quarter,
            p.person_id, std::string(to_string(p.status)), p.source);
}

void remove_position(Database& db, const std::string& id) {
    execute(db, "DELETE FROM position WHERE id = ?1", id);
}

void set_position_status(Database& db, const std::string& id, PositionStatus status) {
    if (execute(db, "UPDATE position SET status = ?2 WHERE id = ?1", id, std::string(to_string(status))) == 1) return;
    std::string known;
    for (const auto& p : load_positions(db)) known += (known.empty() ? "" : ", ") + p.id;
    throw Error("no position '" + id + "'" + (known.empty() ? "; there are none" : " (known: " + known + ")"));
}

} // namespace orgplan
