#include "orgplan/storage/interrupt_store.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "orgplan/model/enums.hpp"
#include "statements.hpp"

namespace orgplan {

std::vector<Interrupt> load_interrupts(Database& db) {
    return select_rows(db,
                       "SELECT date, requester_id, requester_name, requester_function, pm_id, team_id, product_id, "
                       "hours, kind, planned FROM interrupt ORDER BY date, key",
                       [](const Row& r) {
                           Interrupt x;
                           x.date = r.text(0);
                           x.requester_id = r.text(1);
                           x.requester_name = r.text(2);
                           x.requester_function = r.text(3);
                           x.pm_id = r.text(4);
                           x.team_id = r.text(5);
                           x.product_id = r.text(6);
                           x.hours = r.real(7);
                           x.kind = parse_interrupt_kind(r.text(8)).value_or(InterruptKind::other);
                           x.planned = r.flag(9);
                           return x;
                       });
}

std::string interrupt_key(const std::string& id, const Interrupt& x, int occurrence) {
    if (!id.empty()) return "id:" + id;
    // Text fields are length-prefixed: whatever they hold, two different rows never share a key.
    std::string key = "row:";
    for (const Text* field : {&x.date, &x.requester_id, &x.requester_name, &x.requester_function, &x.pm_id,
                                     &x.team_id, &x.product_id})
        key += std::to_string(field->size()) + ":" + *field + ";";
    key += fmt::format("{};{};{};#{}", x.hours, to_string(x.kind), x.planned ? 1 : 0, occurrence); // hours exactly
    return key;
}

InterruptWriter::InterruptWriter(Database& db)
    : db_(db),
      upsert_(std::make_unique<SQLite::Statement>(
          db.sql(),
          "INSERT INTO interrupt(key, date, requester_id, requester_name, requester_function, pm_id, team_id, "
          "product_id, hours, kind, planned) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
          "ON CONFLICT(key) DO UPDATE SET date = excluded.date, requester_id = excluded.requester_id, "
          "requester_name = excluded.requester_name, requester_function = excluded.requester_function, "
          "pm_id = excluded.pm_id, team_id = excluded.team_id, product_id = excluded.product_id, "
          "hours = excluded.hours, kind = excluded.kind, planned = excluded.planned")) {}

InterruptWriter::~InterruptWriter() = default;

void InterruptWriter::clear() { db_.sql().exec("DELETE FROM interrupt"); }

void InterruptWriter::put(const std::string& key, const Interrupt& x) {
    upsert_->bind(1, key);
    upsert_->bind(2, x.date);
    upsert_->bind(3, x.requester_id);
    upsert_->bind(4, x.requester_name);
    upsert_->bind(5, x.requester_function);
    upsert_->bind(6, x.pm_id);
    upsert_->bind(7, x.team_id);
    upsert_->bind(8, x.product_id);
    upsert_->bind(9, x.hours);
    upsert_->bind(10, std::string(to_string(x.kind)));
    upsert_->bind(11, x.planned ? 1 : 0);
    upsert_->exec();
    upsert_->reset();
}

} // namespace orgplan
