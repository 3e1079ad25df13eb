#include "orgplan/storage/task_force_store.hpp"

#include <map>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "orgplan/base/text.hpp"

namespace orgplan {
std::vector<StoredTaskForce> load_task_forces(Database& db) {
    std::vector<StoredTaskForce> out;
    std::map<std::string, std::size_t> index;
    SQLite::Statement q(db.sql(), "SELECT name, topic, products, functions, created FROM task_force ORDER BY name");
    while (q.executeStep()) {
        StoredTaskForce t;
        t.task_force.name = q.getColumn(0).getString();
        t.task_force.topic = q.getColumn(1).getString();
        t.products = text::split_commas(q.getColumn(2).getString());
        t.functions = text::split_commas(q.getColumn(3).getString());
        t.created = q.getColumn(4).getString();
        index[t.task_force.name] = out.size();
        out.push_back(std::move(t));
    }
    SQLite::Statement seats(db.sql(), "SELECT task_force, person_id, role, reason FROM task_force_seat "
                                      "ORDER BY task_force, role = 'review', person_id");
    while (seats.executeStep()) {
        auto it = index.find(seats.getColumn(0).getString());
        if (it == index.end()) continue;
        out[it->second].task_force.seats.push_back(
            {seats.getColumn(1).getString(), seats.getColumn(2).getString() == "review", seats.getColumn(3).getString()});
    }
    return out;
}

void save_task_force(Database& db, const StoredTaskForce& t) {
    delete_task_force(db, t.task_force.name);
    SQLite::Statement q(db.sql(), "INSERT INTO task_force(name, topic, products, functions, created) "
                                  "VALUES(?1, ?2, ?3, ?4, datetime('now'))");
    q.bind(1, t.task_force.name);
    q.bind(2, t.task_force.topic);
    q.bind(3, text::join(t.products, ","));
    q.bind(4, text::join(t.functions, ","));
    q.exec();
    SQLite::Statement seat(db.sql(), "INSERT INTO task_force_seat(task_force, person_id, role, reason) VALUES(?1, ?2, ?3, ?4)");
    for (const auto& s : t.task_force.seats) {
        seat.bind(1, t.task_force.name);
        seat.bind(2, s.person_id);
        seat.bind(3, s.review ? "review" : "working");
        seat.bind(4, s.reason);
        seat.exec();
        seat.reset();
    }
}

bool delete_task_force(Database& db, const std::string& name) {
    SQLite::Statement q(db.sql(), "DELETE FROM task_force WHERE name = ?1"); // seats cascade
    q.bind(1, name);
    return q.exec() > 0;
}

void delete_all_task_forces(Database& db) { db.sql().exec("DELETE FROM task_force"); } // seats cascade

} // namespace orgplan
