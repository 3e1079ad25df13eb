// libFuzzer target: the whole import (header mapping, parsing, checks, the write) of one file into an in-memory
// database. The first byte picks the kind and the format; the rest is the file. Bad input must end in
// orgplan::Error (InputErrors included), never a crash, a hang or a sanitizer report.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <unistd.h>

#include "orgplan/storage/database.hpp"
#include "orgplan/base/error.hpp"
#include "orgplan/import/importer.hpp"

namespace {

const char* const kKinds[] = {"people", "teams",     "memberships", "assignments",
                               "products", "goals", "interrupts", "taskforces"};

std::string temp_path(const char* extension) {
    return "/tmp/orgplan-fuzz-" + std::to_string(::getpid()) + extension;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    static const auto rules = orgplan::TitleRules::builtin();
    const bool json = data[0] & 0x80;
    const std::string path = temp_path(json ? ".json" : ".csv");
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
    }
    try {
        orgplan::Database db(":memory:");
        orgplan::ImportOptions options;
        options.rules = &rules;
        options.kind = kKinds[(data[0] & 0x7f) % 8];
        options.mapping = {{"title", "Job Title"}, {"manager", "Reports To"}};
        orgplan::import_org(db, {path}, options);
        // A second import of the same file is an update of what the first wrote.
        orgplan::import_org(db, {path}, options);
    } catch (const orgplan::Error&) {
    }
    std::remove(path.c_str());
    return 0;
}
