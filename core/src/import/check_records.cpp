#include "check_records.hpp"

namespace orgplan::importing {

const IdIndex& RecordIndexes::of(TargetKind kind) const {
    switch (kind) {
    case TargetKind::team: return teams;
    case TargetKind::product: return products;
    case TargetKind::segment: return segments;
    case TargetKind::initiative: return initiatives;
    case TargetKind::account: return accounts;
    }
    return teams;
}

namespace {

// Incoming, stored and broken ids of one kind.
template <typename T, typename Stored>
void index_ids(IdIndex& index, const Incoming<T>& incoming, const std::vector<Stored>& stored,
               const std::vector<std::string>* broken) {
    for (const auto& x : incoming.items) index.add(x.id);
    for (const auto& x : stored) index.add(x.id);
    if (broken)
        for (const auto& id : *broken) index.add(id);
}

const std::vector<std::string>* broken(const IncomingRecords& in, const std::string& kind) {
    const auto it = in.broken_ids.find(kind);
    return it == in.broken_ids.end() ? nullptr : &it->second;
}

void check_references(const IncomingRecords& in, const RecordIndexes& ids, Problems& problems) {
    for (std::size_t i = 0; i < in.products.items.size(); ++i)
        check_ref(ids.segments, in.products.items[i].segment_id, in.products.locs[i], "segment", "segment", problems);
    for (std::size_t i = 0; i < in.accounts.items.size(); ++i)
        check_ref(ids.segments, in.accounts.items[i].segment_id, in.accounts.locs[i], "segment", "segment", problems);
    for (std::size_t i = 0; i < in.teams.items.size(); ++i) {
        check_ref(ids.products, in.teams.items[i].product_id, in.teams.locs[i], "product", "product", problems);
        check_ref(ids.segments, in.teams.items[i].segment_id, in.teams.locs[i], "segment", "segment", problems);
    }
    for (std::size_t i = 0; i < in.goals.items.size(); ++i)
        for (const auto& product : in.goals.items[i].product_ids)
            check_ref(ids.products, product, in.goals.locs[i], "products", "product", problems);
}

} // namespace

RecordIndexes check_records(const IncomingRecords& in, const Org& stored, Problems& problems) {
    check_duplicates(in.segments, [](const Segment& x) { return x.id; }, "segment", problems);
    check_duplicates(in.products, [](const Product& x) { return x.id; }, "product", problems);
    check_duplicates(in.initiatives, [](const Initiative& x) { return x.id; }, "initiative", problems);
    check_duplicates(in.accounts, [](const Account& x) { return x.id; }, "account", problems);
    check_duplicates(in.teams, [](const Team& x) { return x.id; }, "team", problems);
    check_duplicates(in.goals, [](const Goal& x) { return x.id; }, "goal", problems);

    RecordIndexes ids;
    index_ids(ids.segments, in.segments, stored.segments, broken(in, "segments"));
    index_ids(ids.products, in.products, stored.products, broken(in, "products"));
    index_ids(ids.initiatives, in.initiatives, stored.initiatives, broken(in, "initiatives"));
    index_ids(ids.accounts, in.accounts, stored.accounts, broken(in, "accounts"));
    index_ids(ids.teams, in.teams, stored.teams, broken(in, "teams"));
    check_references(in, ids, problems);

    check_new_records("segments", in.segments, stored.segments, "segment", problems);
    check_new_records("initiatives", in.initiatives, stored.initiatives, "initiative", problems);
    check_new_records("products", in.products, stored.products, "product", problems);
    check_new_records("accounts", in.accounts, stored.accounts, "account", problems);
    check_new_records("teams", in.teams, stored.teams, "team", problems);
    check_new_records("goals", in.goals, stored.goals, "goal", problems);
    return ids;
}

void check_currency(const IncomingRecords& in, const std::string& org_currency, Problems& problems) {
    if (in.currency.empty() || org_currency.empty() || org_currency == in.currency) return;
    problems.add(in.currency_loc, "currency",
                 fmt::format("'{}' differs from the org's currency, {} (setting cost.currency): convert the "
                             "costs, or run orgplan config set cost.currency {} if every cost is in it",
                             in.currency, org_currency, in.currency));
}

} // namespace orgplan::importing
