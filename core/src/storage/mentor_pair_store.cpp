#include "orgplan/storage/mentor_pair_store.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "statements.hpp"

namespace orgplan {

std::vector<std::pair<std::string, std::string>> load_mentor_pairs(Database& db) {
    return select_rows(db, "SELECT mentor_id, novice_id FROM mentor_pair ORDER BY mentor_id, novice_id",
                       [](const Row& r) { return std::make_pair(r.text(0), r.text(1)); });
}

void save_mentor_pairs(Database& db, const std::vector<MentorPair>& pairs) {
    db.sql().exec("DELETE FROM mentor_pair");
    SQLite::Statement q(db.sql(), "INSERT INTO mentor_pair(mentor_id, novice_id, hours) VALUES(?1, ?2, ?3)");
    for (const auto& p : pairs) {
        q.bind(1, p.mentor_id);
        q.bind(2, p.novice_id);
        q.bind(3, p.hours);
        q.exec();
        q.reset();
    }
}

} // namespace orgplan
