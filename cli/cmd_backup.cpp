// orgplan backup FILE / orgplan restore FILE: a consistent copy of the org database, and putting one back.
#include <iostream>


#include <fmt/format.h>

#include "context.hpp"
#include "orgplan/storage/write_transaction.hpp"
#include "orgplan//storage/change_log.hpp"
#include "orgplan/storage/backup.hpp"
#include "orgplan/storage/database.hpp"

namespace orgplan::cli {
namespace {

std::string summary(const BackupInfo& info) {
    std::string out;
    for (const auto& [what, n] : info.records)
        if (n) out += fmt::format("{}{} {}", out.empty() ? "" : ", ", n, what);
    return out.empty() ? "no records" : out;
}

} // namespace

int cmd_backup(const Args& args) {
    Common common;
    std::string file;
    bool force = false;
    po::options_description desc("backup options");
    desc.add_options()("file", po::value(&file)->value_name("FILE"), "where to write the copy (a new file)")(
        "force", po::bool_switch(&force), "replace FILE when it exists");
    add_common(desc, common, false);
    po::positional_options_description pos;
    pos.add("file", 1);
    if (!parse(args, desc, pos, common, "orgplan backup FILE [--force]")) return 0;
    if (file.empty()) throw UsageError("backup needs a file to write\nusage: orgplan backup FILE");
    Database db(db_path(common), Database::Open::read);
    const auto info = backup_database(db, file, force);
    std::cout << fmt::format("backed up {} to {} ({}); orgplan restore {} puts it back\n", db.path(), file,
                             summary(info), file);
    return 0;
}

int cmd_restore(const Args& args) {
    Common common;
    std::string file;
    bool check_only = false;
    po::options_description desc("restore options");
    desc.add_options()("file", po::value(&file)->value_name("FILE"), "a backup written by orgplan backup")(
        "check", po::bool_switch(&check_only), "only check the backup and say what it holds");
    add_common(desc, common, false);
    po::positional_options_description pos;
    pos.add("file", 1);
    if (!parse(args, desc, pos, common, "orgplan restore FILE [--check]")) return 0;
    if (file.empty()) throw UsageError("restore needs a backup file\nusage: orgplan restore FILE");
    if (check_only) {
        const auto info = check_backup(file);
        std::cout << fmt::format("{}: a sound backup of schema version {} ({})\n", file, info.schema_version,
                                 summary(info));
        return 0;
    }
    const auto path = db_path(common);
    check_backup(file); // before the database is created or touched
    Database db(path, Database::Open::create);
    const auto info = restore_database(db, path, file);
    {
        WriteTransaction tx(db);
        record_change(db, "restore " + file, info.records);
        tx.commit();
    }
    std::cout << fmt::format("restored {} from {} ({})\n", path, file, summary(info));
    return 0;
}

} // namespace orgplan::cli
