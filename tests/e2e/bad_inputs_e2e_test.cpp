// Every malformed input in tests/fixtures/bad-inputs (and a few made here): a message naming the file, a non-zero
// exit, no crash, no hang, and the database byte for byte as it was.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sys/stat.h>

#include "run.hpp"

using namespace orgplan::e2e;
namespace fs = std::filesystem;

namespace {

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
    // timeout(1) bounds every run: a hang fails the test (exit 124) instead of stalling it.
    const auto r = run("--db '" + db + "' import '" + c.path + "' " + c.options, "", "timeout 60");
    CHECK(r.exit_code != 124);
    CHECK((r.exit_code == 3 || r.exit_code == 4));
    CHECK_THAT(r.err, Catch::Contains(c.name));
    CHECK(r.out.empty());
    CHECK(read_text(db) == before);
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
    CHECK(cases >= 40);
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
