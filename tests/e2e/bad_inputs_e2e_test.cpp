// Every malformed input in tests/fixtures/bad-inputs (and a few made here): a message naming the file, a non-zero
// exit, no crash, no hang, and the database byte for byte as it was.
#include <catch2/catch.hpp>

#include <filesystem>
#include <algorithm>
#include <unistd.h>
#include <chrono>
#include <fstream>
#include <sys/stat.h>

#include "run.hpp"

using namespace orgplan::e2e;
namespace fs = std::filesystem;

namespace {

// The names of the files beside `path` that belong to it (its -wal, -shm, -journal, staging copies).
std::vector<std::string> files_next_to(const std::string& path) {
    std::vector<std::string> names;
    const auto base = fs::path(path).filename().string();
    for (const auto& e : fs::directory_iterator(fs::path(path).parent_path()))
        if (e.path().filename().string().rfind(base, 0) == 0) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

struct Case {
    std::string path;    // what is imported
    std::string name;    // what the message must name
    std::string options; // extra import options
};

// Imports `c` into a copy of `template_db` and checks the promises; returns stderr for further checks.
std::string check_refused(const Case& c, const std::string& template_db, const std::string& dir) {
    INFO(c.path);
    const auto db = dir + "/case.db";
    fs::copy_file(template_db, db, fs::copy_options::overwrite_existing);
    const auto before = read_text(db);
    const auto files_before = files_next_to(db);
    // timeout(1) bounds every run: a hang fails the test (exit 124) instead of stalling it.
    const auto r = run("--db '" + db + "' import '" + c.path + "' " + c.options, "", "timeout 60");
    CHECK(r.exit_code != 124);
    CHECK((r.exit_code == 3 || r.exit_code == 4));
    CHECK_THAT(r.err, Catch::Contains(c.name));
    CHECK(r.out.empty());
    CHECK(read_text(db) == before);
    CHECK(files_next_to(db) == files_before); // no journal, log or staging file left beside it
    // Messages say where, never what the file says there (the fixtures mark their personal values).
    CHECK_THAT(r.err, !Catch::Contains("Secret") && !Catch::Contains("@example.com"));
    return r.err;
}

} // namespace

TEST_CASE("each malformed input is refused by name, quickly, leaving the database as it was") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + data("demo")).exit_code == 0);
    std::size_t cases = 0;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(fixture("bad-inputs")))
        if (e.path().extension() != ".md") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        const auto err = check_refused({f.string(), f.filename().string(), ""}, db.path(), db.dir());
        // Problems inside records name the line (or record) and the field; the rest name the file.
        if (err.find("field '") != std::string::npos) CHECK_THAT(err, Catch::Matches("(.|\n)*(:[0-9]+|record [0-9]+): field '(.|\n)*"));
        ++cases;
    }
    CHECK(cases >= 54);
}

TEST_CASE("a file over the size limit is refused before it is read, a binary file at its first line") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + data("demo")).exit_code == 0);
    const auto dir = db.dir();
    {
        // 1 GB of nothing but a hole: refused by its size at once, whatever memory it would take.
        const auto sparse = dir + "/sparse_people.csv";
        { std::ofstream(sparse) << "id,name\n"; }
        REQUIRE(::truncate(sparse.c_str(), 1000000000) == 0);
        const auto started = std::chrono::steady_clock::now();
        const auto err = check_refused({sparse, "sparse_people.csv: 954 MB, more than the 512 MB a file may have", ""},
                                       db.path(), dir);
        CHECK_THAT(err, Catch::Contains("--max-file-size"));
        CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
        fs::remove(sparse);
    }
    {
        const auto binary = dir + "/picture_people.csv";
        { std::ofstream(binary) << "id"; }
        REQUIRE(::truncate(binary.c_str(), 4096) == 0); // "id" and zeros: no text line at all
        check_refused({binary, "picture_people.csv:1: NUL bytes in the first line", ""}, db.path(), dir);
    }
    CHECK(run(db.flag() + " import --max-file-size lots " + data("demo")).exit_code == 2);
    CHECK(run(db.flag() + " import --max-file-size 1k " + data("demo")).exit_code == 3);
}

TEST_CASE("inputs too large or too special to keep as files are refused the same way") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + data("demo")).exit_code == 0);
    const auto dir = db.dir();
    {
        std::ofstream(dir + "/big-field_people.csv") << "id,name\nx1," << std::string(5 << 20, 'n') << "\n";
        const auto err = check_refused({dir + "/big-field_people.csv", "big-field_people.csv:2: field 'name'", ""}, db.path(), dir);
        CHECK(err.size() < 2000); // the 5 MB value is not echoed
    }
    {
        std::ofstream out(dir + "/wide_people.csv");
        out << "name";
        for (int i = 0; i < 100000; ++i) out << ",c" << i;
        out << "\nAnn";
        for (int i = 0; i < 100000; ++i) out << ",x";
        out << "\n";
    }
    check_refused({dir + "/wide_people.csv", "required column 'id' is missing", ""}, db.path(), dir);
    REQUIRE(::mkfifo((dir + "/pipe_people.csv").c_str(), 0600) == 0);
    check_refused({dir + "/pipe_people.csv", "not a regular file", ""}, db.path(), dir);
    check_refused({"/dev/zero", "not a regular file", "--kind people"}, db.path(), dir);
    fs::create_directory(dir + "/many");
    for (int i = 0; i < 2000; ++i)
        std::ofstream(dir + "/many/people_" + std::to_string(i) + ".csv")
            << "id,name,fte\nm" << i << ",Person " << i << "," << (i == 1234 ? "lots" : "1") << "\n";
    check_refused({dir + "/many", "people_1234.csv:2: field 'fte'", ""}, db.path(), dir);
}

TEST_CASE("an option with choices refuses any other word where it is parsed, naming the choices") {
    TempDb db;
    REQUIRE(run(db.flag() + " import " + data("demo")).exit_code == 0);
    const struct {
        std::string args, message;
    } cases[] = {
        {" chart --colour pink", "--colour 'pink': use family, ratio or origin"},
        {" chart --format png", "--format 'png': use svg, dot or html"},
        {" diagnose --fail-on never", "--fail-on 'never': use warning or error"},
        {" trend --metric peple", "--metric 'peple': use one of people, makers,"},
        {" import --kind staff " + data("demo"), "--kind 'staff': use one of segments, products,"},
        {" report --simulate 1000000 --quarters 80", "--simulate 1000000 over 80 quarters would keep"},
    };
    for (const auto& c : cases) {
        INFO(c.args);
        const auto r = run(db.flag() + c.args);
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, Catch::Contains(c.message));
        CHECK(r.out.empty());
    }
}
