// The org snapshot every answer starts from, timed alone: opens DB, reads it whole (load_org) ROUNDS times and
// prints the fastest and slowest read and what it held. The scale benchmark's "load the snapshot" row.
//   orgplan-load DB [ROUNDS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

#include "orgplan/storage/database.hpp"
#include "orgplan/storage/org_store.hpp"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: orgplan-load DB [ROUNDS]\n");
        return 2;
    }
    const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 1;
    try {
        orgplan::Database db(argv[1], orgplan::Database::Open::read);
        double fastest = 1e9, slowest = 0;
        std::size_t people = 0, memberships = 0;
        for (int r = 0; r < rounds; ++r) {
            const auto start = std::chrono::steady_clock::now();
            const auto org = orgplan::load_org(db);
            const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
            fastest = std::min(fastest, took.count());
            slowest = std::max(slowest, took.count());
            people = org.people.size();
            memberships = org.memberships.size();
        }
        std::printf("%zu people, %zu memberships: %.3f s (slowest of %d: %.3f s)\n", people, memberships, fastest, rounds,
                    slowest);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "orgplan-load: %s\n", e.what());
        return 1;
    }
}
