#include "orgplan/storage/task_force_store.hpp"

#include <map>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "orgplan/base/text.hpp"
#include "statements.hpp"

namespace orgplan {
std::vector<StoredTaskForce> load_task_forces(Database& db) {
    std::vector<StoredTaskForce> out;
    std::map<std::string, std::size_t> index;
    for_each_row(db, "SELECT name, topic, products, functions, created FROM task_force ORDER BY name", [&](const Row& r) {
        StoredTaskForce t;
        t.task_force.name = r.text(0);
        t.task_force.topic = r.text(1);
        t.products = text::split_commas(r.text(2));
        t.functions = text::split_commas(r.text(3));
        t.created = r.text(4);
        index[t.task_force.name] = out.size();
        out.push_back(std::move(t));
    });
    for_each_row(db,
                 "SELECT task_force, person_id, role, reason FROM task_force_seat ORDER BY task_force, role = 'review', "
                 "person_id",
                 [&](const Row& r) {
                     if (auto it = index.find(r.text(0)); it != index.end())
                         out[it->second].task_force.seats.push_back({r.text(1), r.text(2) == "review", r.text(3)});
                 });
    return out;
}

void save_task_force(Database& db, const StoredTaskForce& t) {
    delete_task_force(db, t.task_force.name);
    execute(db, "INSERT INTO task_force(name, topic, products, functions, created) VALUES(?1, ?2, ?3, ?4, datetime('now'))",
            t.task_force.name, t.task_force.topic, text::join(t.products, ","), text::join(t.functions, ","));
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
    return execute(db, "DELETE FROM task_force WHERE name = ?1", name) > 0; // seats cascade
}

void delete_all_task_forces(Database& db) { db.sql().exec("DELETE FROM task_force"); } // seats cascade

} // namespace orgplan
