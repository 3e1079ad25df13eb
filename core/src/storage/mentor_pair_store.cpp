#include "orgplan/storage/mentor_pair_store.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace orgplan {

std::vector<std::pair<std::string, std::string>> load_mentor_pairs(Database& db) {
    std::vector<std::pair<std::string, std::string>> out;
    SQLite::Statement q(db.sql(), "SELECT mentor_id, novice_id FROM mentor_pair ORDER BY mentor_id, novice_id");
    while (q.executeStep()) out.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString());
    return out;
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
