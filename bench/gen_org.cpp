// Deterministic synthetic orgs for benchmarks; the same arguments give the same files on every machine.
//   orgplan-gen PEOPLE OUTDIR
//     segments.csv, products.csv, teams.csv and people.csv: one team per 10 people, one PM per about 9
//     makers, a product leader per 20 PMs.
//   orgplan-gen --hierarchy PEOPLE OUTDIR
//     people.csv only: everyone but the top has a manager; managers take 1 to 14 direct reports (some managers of
//     one, most in the usual bands), filled layer by layer, so the tree is about seven layers deep at a million;
//     units are the subtrees under the top's direct reports.
//   orgplan-gen --mentoring NOVICES SENIORS OUTDIR
//     a PM-only org for the mentor matcher: NOVICES novice PMs and SENIORS senior PMs under leaders, spread
//     over products and locations.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace {

// A fixed LCG: std:: distributions differ between library versions, this does not.
struct Lcg {
    std::uint64_t state;
    std::uint32_t next() {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>(state >> 33);
    }
    std::uint32_t below(std::uint32_t n) { return next() % n; }
};

const char* maker_titles[] = {"Backend Engineer",  "Senior Frontend Engineer", "Product Designer",
                              "QA Engineer",       "Site Reliability Engineer", "Data Engineer",
                              "UX Researcher",     "Staff Software Engineer",   "Mobile Developer"};
const char* first_names[] = {"Ava", "Ben", "Chloe", "Dan", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas"};
const char* last_names[] = {"Adler", "Becker", "Castro", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad"};

FILE* open(const std::filesystem::path& p) {
    FILE* f = std::fopen(p.c_str(), "w");
    if (!f) {
        std::perror(p.c_str());
        std::exit(1);
    }
    return f;
}

} // namespace

int mentoring_org(long novices, long seniors, const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir);
    Lcg rng{7};
    const long teams = std::max(1L, (novices + seniors) / 3), products = std::max(1L, teams / 20);
    const char* locations[] = {"Berlin", "Lisbon", "London", "New York", "Austin", "Bangalore", "Toronto", "Tokyo"};
    FILE* f = open(dir / "products.csv");
    std::fputs("id,name\n", f);
    for (long p = 0; p < products; ++p) std::fprintf(f, "p%ld,Product %ld\n", p, p);
    std::fclose(f);
    f = open(dir / "teams.csv");
    std::fputs("id,name,product\n", f);
    for (long t = 0; t < teams; ++t) std::fprintf(f, "t%ld,Team %ld,p%ld\n", t, t, t % products);
    std::fclose(f);
    f = open(dir / "people.csv");
    std::fputs("id,name,title,pm_years,origin,manager,location,team\n", f);
    const long leaders = std::max(1L, (novices + seniors) / 40);
    for (long l = 0; l < leaders; ++l)
        std::fprintf(f, "L%ld,Leader %ld,Director of Product,12,external_senior,,%s,\n", l, l, locations[l % 8]);
    for (long i = 0; i < novices + seniors; ++i) {
        const bool novice = i < novices;
        std::fprintf(f, "M%ld,PM %ld,Product Manager,%u,%s,L%ld,%s,t%ld\n", i, i,
                     novice ? rng.below(2) : 5 + rng.below(10), novice ? "newcomer" : "external_senior",
                     static_cast<long>(rng.below(static_cast<std::uint32_t>(leaders))), locations[rng.below(8)],
                     static_cast<long>(rng.below(static_cast<std::uint32_t>(teams))));
    }
    std::fclose(f);
    return 0;
}

int hierarchy_org(long people, const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir);
    Lcg rng{11};
    FILE* f = open(dir / "people.csv");
    std::fputs("id,name,title,manager,unit\n", f);
    std::vector<long> unit(static_cast<std::size_t>(people), 0);
    // Breadth first: person `next_manager` takes the next block of ids as reports until everyone has a manager.
    long next_id = 1, next_manager = 0;
    std::vector<long> manager(static_cast<std::size_t>(people), -1);
    while (next_id < people) {
        const long span = 1 + static_cast<long>(rng.below(14));
        for (long k = 0; k < span && next_id < people; ++k, ++next_id) {
            manager[next_id] = next_manager;
            unit[next_id] = next_manager == 0 ? next_id : unit[next_manager];
        }
        ++next_manager;
    }
    for (long i = 0; i < people; ++i) {
        const bool manages = i < next_manager;
        const char* title = i == 0 ? "Chief Executive Officer" : manages ? "Engineering Manager"
                                                                          : maker_titles[rng.below(9)];
        if (manager[i] < 0)
            std::fprintf(f, "H%ld,Person %ld,%s,,Top\n", i, i, title);
        else
            std::fprintf(f, "H%ld,Person %ld,%s,H%ld,Unit %ld\n", i, i, title, manager[i], unit[i]);
    }
    std::fclose(f);
    return 0;
}

int main(int argc, char** argv) {
    if (argc == 4 && std::string(argv[1]) == "--hierarchy") return hierarchy_org(std::atol(argv[2]), argv[3]);
    if (argc == 5 && std::string(argv[1]) == "--mentoring")
        return mentoring_org(std::atol(argv[2]), std::atol(argv[3]), argv[4]);
    if (argc != 3) {
        std::fprintf(stderr, "usage: orgplan-gen PEOPLE OUTDIR | orgplan-gen --hierarchy PEOPLE OUTDIR | "
                             "orgplan-gen --mentoring NOVICES SENIORS OUTDIR\n");
        return 2;
    }
    const long people = std::atol(argv[1]);
    const std::filesystem::path dir = argv[2];
    std::filesystem::create_directories(dir);
    const long teams = std::max(1L, people / 10);
    const long products = std::max(1L, teams / 25);
    const long segments = 5;
    Lcg rng{42};

    FILE* f = open(dir / "segments.csv");
    std::fputs("id,name\n", f);
    for (long s = 0; s < segments; ++s) std::fprintf(f, "s%ld,Segment %ld\n", s, s);
    std::fclose(f);

    f = open(dir / "products.csv");
    std::fputs("id,name,status,segment\n", f);
    for (long p = 0; p < products; ++p) std::fprintf(f, "p%ld,Product %ld,active,s%ld\n", p, p, p % segments);
    std::fclose(f);

    f = open(dir / "teams.csv");
    std::fputs("id,name,type,product,segment,parent_unit\n", f);
    for (long t = 0; t < teams; ++t)
        std::fprintf(f, "t%ld,Team %ld,stream-aligned,p%ld,,Unit %ld\n", t, t, t % products, t / 100);
    std::fclose(f);

    // Leaders first so managers always precede reports; every 10th person is a PM, the rest makers.
    f = open(dir / "people.csv");
    std::fputs("id,name,email,title,pm_years,origin,manager,location,fte,team\n", f);
    const long pms = people / 10;
    const long leaders = std::max(1L, pms / 20);
    for (long l = 0; l < leaders; ++l)
        std::fprintf(f, "L%ld,Leader %ld,leader%ld@example.com,Group Product Manager,10,external_senior,,Berlin,1,\n", l,
                     l, l);
    for (long i = leaders; i < people; ++i) {
        const long team = i % teams;
        const char* first = first_names[rng.below(10)];
        const char* last = last_names[rng.below(8)];
        const double fte = rng.below(10) == 0 ? 0.5 : 1.0;
        if (i % 10 == 0) {
            std::fprintf(f, "P%ld,%s %s,p%ld@example.com,Product Manager,%u,%s,L%ld,Lisbon,%g,t%ld\n", i, first, last,
                         i, rng.below(12), rng.below(3) == 0 ? "newcomer" : "external_senior", (i / 10) % leaders, fte,
                         team);
        } else {
            std::fprintf(f, "P%ld,%s %s,p%ld@example.com,%s,,,,London,%g,t%ld\n", i, first, last, i,
                         maker_titles[rng.below(9)], fte, team);
        }
    }
    std::fclose(f);
    return 0;
}
