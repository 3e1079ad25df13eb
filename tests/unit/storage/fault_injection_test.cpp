// I/O faults under a write: a test VFS that fails the Nth write (disk full, I/O error) under an import. Whatever the
// N, the import fails with a message naming the cause and the org stays exactly as it was.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include "../fixture.hpp"
#include "orgplan/storage/database.hpp"
#include "orgplan/storage/org_store.hpp"
#include "orgplan/analysis/ratios.hpp"

using namespace orgplan;
using namespace orgplan::test;

namespace {

// Wraps the default VFS; once armed, the Nth write (counting from arming) and every later one fail with `error`.
struct FaultyVfs {
    static inline sqlite3_vfs vfs{};
    static inline sqlite3_vfs* real = nullptr;
    static inline const sqlite3_io_methods* real_methods = nullptr;
    static inline sqlite3_io_methods methods{};
    static inline int countdown = -1; // writes left before failing; -1: never
    static inline int error = SQLITE_FULL;

    struct File {
        sqlite3_file base;
        sqlite3_file* real; // the default VFS's file, allocated after this struct
    };

    static int write(sqlite3_file* f, const void* data, int amount, sqlite3_int64 offset) {
        if (countdown == 0) return error;
        if (countdown > 0) --countdown;
        auto* file = reinterpret_cast<File*>(f);
        return file->real->pMethods->xWrite(file->real, data, amount, offset);
    }
    static int open(sqlite3_vfs*, const char* name, sqlite3_file* f, int flags, int* out_flags) {
        auto* file = reinterpret_cast<File*>(f);
        file->real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(f) + sizeof(File));
        const int rc = real->xOpen(real, name, file->real, flags, out_flags);
        if (rc != SQLITE_OK || !file->real->pMethods) {
            f->pMethods = nullptr;
            return rc;
        }
        if (!real_methods || methods.iVersion != file->real->pMethods->iVersion) {
            real_methods = file->real->pMethods;
            methods = *real_methods;
            // Every method but xWrite forwards to the real file.
            methods.xClose = [](sqlite3_file* g) {
                auto* inner = reinterpret_cast<File*>(g)->real;
                return inner->pMethods->xClose(inner);
            };
            methods.xRead = [](sqlite3_file* g, void* p, int n, sqlite3_int64 o) {
                auto* inner = reinterpret_cast<File*>(g)->real;
                return inner->pMethods->xRead(inner, p, n, o);
            };
            methods.xWrite = &write;
            methods.xTruncate = [](sqlite3_file* g, sqlite3_int64 n) {
                auto* inner = reinterpret_cast<File*>(g)->real;
                return inner->pMethods->xTruncate(inner, n);
            };
            methods.xSync = [](sqlite3_file* g, int flags) {
                auto* inner = reinterpret_cast<File*>(g)->real;
                return inner->pMethods->xSync(inner, flags);
            };
            methods.xFileSize = [](sqlite3_file* g, sqlite3_int64* n) {
                auto* inner = reinterpret_cast<File*>(g)->real;
                return inner->pMethods->xFileSize(inner, n);
            };
            methods.xLock = [](sqlite3_file* g, int l) {
                auto* inner = reinterpret_cast<File*>(g)->real;
                return inner->pMethods->xLock(inner, l);
            };
            methods.xUnlock = [](sqlite3_file* g, int l) {
                auto* inner = reinterpret_cast<File*>(g)->real;
                return inner->pMethods->xUnlock(inner, l);
            };
            methods.xCheckReservedLock = [](sqlite3_file* g, int* r) {
                auto* inner = reinterpret_cast<File*>(g)->real;
                return inner->pMethods->xCheckReservedLock(inner, r);
            };
            methods.xFileControl = [](sqlite3_file* g, int op, void* arg) {
                auto* inner = reinterpret_cast<File*>(g)->real;
                return inner->pMethods->xFileControl(inner, op, arg);
            };
            methods.xSectorSize = [](sqlite3_file* g) {
                auto* inner = reinterpret_cast<File*>(g)->real;
                return inner->pMethods->xSectorSize(inner);
            };
            methods.xDeviceCharacteristics = [](sqlite3_file* g) {
                auto* inner = reinterpret_cast<File*>(g)->real;
                return inner->pMethods->xDeviceCharacteristics(inner);
            };
            methods.xShmMap = [](sqlite3_file* g, int a, int b, int c, void volatile** p) {
                auto* inner = reinterpret_cast<File*>(g)->real;
                return inner->pMethods->xShmMap(inner, a, b, c, p);
            };
            methods.xShmLock = [](sqlite3_file* g, int a, int b, int c) {
                auto* inner = reinterpret_cast<File*>(g)->real;
                return inner->pMethods->xShmLock(inner, a, b, c);
            };
            methods.xShmBarrier = [](sqlite3_file* g) {
                auto* inner = reinterpret_cast<File*>(g)->real;
                inner->pMethods->xShmBarrier(inner);
            };
            methods.xShmUnmap = [](sqlite3_file* g, int d) {
                auto* inner = reinterpret_cast<File*>(g)->real;
                return inner->pMethods->xShmUnmap(inner, d);
            };
            methods.xFetch = [](sqlite3_file* g, sqlite3_int64 o, int n, void** p) {
                auto* inner = reinterpret_cast<File*>(g)->real;
                return inner->pMethods->xFetch(inner, o, n, p);
            };
            methods.xUnfetch = [](sqlite3_file* g, sqlite3_int64 o, void* p) {
                auto* inner = reinterpret_cast<File*>(g)->real;
                return inner->pMethods->xUnfetch(inner, o, p);
            };
        }
        f->pMethods = &methods;
        return rc;
    }

    // Installs the faulty VFS as the default for the scope; restores the real one after.
    struct Installed {
        Installed() {
            real = sqlite3_vfs_find(nullptr);
            vfs = *real;
            vfs.zName = "faulty";
            vfs.szOsFile = static_cast<int>(sizeof(File)) + real->szOsFile;
            vfs.xOpen = &open;
            sqlite3_vfs_register(&vfs, 1);
        }
        ~Installed() {
            countdown = -1;
            sqlite3_vfs_register(real, 1);
            sqlite3_vfs_unregister(&vfs);
        }
    };
};

std::string org_state(const std::string& path) {
    Database db(path, Database::Open::read);
    const auto org = load_org(db);
    const auto r = compute_ratios(org, "team", 10, 3);
    std::string state = std::to_string(org.people.size()) + "/" + std::to_string(org.memberships.size());
    for (const auto& row : r.rows) state += " " + row.id + "=" + std::to_string(row.makers) + ":" + std::to_string(row.pms);
    return state;
}

} // namespace

TEST_CASE("a disk that fills or fails at any write of an import leaves the org as it was") {
    for (const int error : {SQLITE_FULL, SQLITE_IOERR_WRITE}) {
        TempPath tmp("faults.db");
        { Database db(tmp.path); import_paths(db, {fixture("ratios")}); }
        const auto before = org_state(tmp.path);
        int failures = 0;
        for (int n = 0; n < 400; ++n) {
            {
                FaultyVfs::Installed faults;
                FaultyVfs::error = error;
                try {
                    Database db(tmp.path, Database::Open::write);
                    FaultyVfs::countdown = n;
                    ImportOptions replace;
                    replace.replace = true;
                    import_paths(db, {fixture("org.json")}, replace);
                    FaultyVfs::countdown = -1;
                    break; // this many writes were enough: no fault hit the import
                } catch (const std::exception& e) {
                    ++failures;
                    const std::string message = e.what();
                    INFO(message);
                    CHECK((message.find("full") != std::string::npos || message.find("I/O") != std::string::npos ||
                           message.find("disk") != std::string::npos));
                }
            }
            // Opened normally again (a hot journal is rolled back), the org is the one before the import.
            CHECK(org_state(tmp.path) == before);
        }
        CHECK(failures > 3);
    }
}
