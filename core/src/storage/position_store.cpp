#include "orgplan/storage/position_store.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "orgplan/model/enums.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/planning/positions.hpp"

namespace orgplan {

std::vector<Position> load_positions(Database& db) {
    std::vector<Position> out;
    SQLite::Statement q(db.sql(), "SELECT id, kind, team_id, family, fte, quarter, person_id, status, source FROM position "
                                  "ORDER BY id");
    while (q.executeStep()) {
        Position p;
        p.id = q.getColumn(0).getString();
        p.kind = parse_position_kind(q.getColumn(1).getString()).value_or(PositionKind::open_role);
        p.team_id = q.getColumn(2).getString();
        p.family = parse_family(q.getColumn(3).getString()).value_or(Family::other);
        p.fte = q.getColumn(4).getDouble();
        p.quarter = q.getColumn(5).getString();
        p.person_id = q.getColumn(6).getString();
        p.status = parse_position_status(q.getColumn(7).getString()).value_or(PositionStatus::open);
        p.source = q.getColumn(8).getString();
        out.push_back(std::move(p));
    }
    return out;
}

void put_position(Database& db, const Position& p) {
    if (p.id.empty()) throw Error("a position needs an id");
    if (!(p.fte > 0 && p.fte <= 1)) throw Error("position " + p.id + ": fte must be greater than 0 and at most 1");
    if (!p.quarter.empty() && !parse_quarter(p.quarter))
        throw Error("position " + p.id + ": quarter '" + p.quarter.substr(0, 24) + "' is not YYYY-Qn, e.g. 2027-Q1");
    // An upsert, not INSERT OR REPLACE: a replaced row is deleted without its delete triggers, and scenario bases
    // keep rows as they were through those (storage/scenario_base.hpp).
    SQLite::Statement q(db.sql(), "INSERT INTO position(id, kind, team_id, family, fte, quarter, person_id, status, source) "
                                  "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, "
                                  "team_id = excluded.team_id, family = excluded.family, fte = excluded.fte, quarter = "
                                  "excluded.quarter, person_id = excluded.person_id, status = excluded.status, source = "
                                  "excluded.source");
    q.bind(1, p.id);
    q.bind(2, std::string(to_string(p.kind)));
    q.bind(3, p.team_id);
    q.bind(4, std::string(to_string(p.family)));
    q.bind(5, p.fte);
    q.bind(6, p.quarter);
    q.bind(7, p.person_id);
    q.bind(8, std::string(to_string(p.status)));
    q.bind(9, p.source);
    q.exec();
}

void remove_position(Database& db, const std::string& id) {
    SQLite::Statement q(db.sql(), "DELETE FROM position WHERE id = ?1");
    q.bind(1, id);
    q.exec();
}

void set_position_status(Database& db, const std::string& id, PositionStatus status) {
    SQLite::Statement q(db.sql(), "UPDATE position SET status = ?2 WHERE id = ?1");
    q.bind(1, id);
    q.bind(2, std::string(to_string(status)));
    if (q.exec() == 1) return;
    std::string known;
    for (const auto& p : load_positions(db)) known += (known.empty() ? "" : ", ") + p.id;
    throw Error("no position '" + id + "'" + (known.empty() ? "; there are none" : " (known: " + known + ")"));
}

} // namespace orgplan
