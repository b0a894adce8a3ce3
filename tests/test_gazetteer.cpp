// The gazetteer against the real, pinned geodata (GeoNames cities1000 of
// March 2020, world-countries 5.1.0): exact ids, ranks and coordinates.
#include "core/error.hpp"
#include "core/paths.hpp"
#include "geodata/gazetteer.hpp"
#include "geodata/normalize.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;
using muster::Candidate;
using muster::Error;
using muster::Gazetteer;
using muster::NameMatch;
using muster::normalize_name;
using muster::PlaceKind;

namespace {

const Gazetteer& gazetteer() {
    static const Gazetteer instance = Gazetteer::load();
    return instance;
}

Candidate first(std::string_view name) {
    const auto candidates = gazetteer().lookup(name);
    REQUIRE_MESSAGE(!candidates.empty(), "no candidates for ", name);
    return candidates.front();
}

bool near(double a, double b, double tolerance) { return std::fabs(a - b) <= tolerance; }

// A fresh, empty folder under the system temp dir, removed on destruction.
struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() / ("muster-gazetteer-test-" + std::to_string(::getpid()) + "-" +
                                            std::to_string(counter()++));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
    static int& counter() {
        static int n = 0;
        return n;
    }
};

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_file(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

fs::path built_index() {
    const fs::path index = muster::derived_dir() / "gazetteer.idx";
    REQUIRE_MESSAGE(fs::exists(index), "the build derives ", index.string());
    return index;
}

std::string open_error(const fs::path& index) {
    try {
        (void)Gazetteer::open_index(index);
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

// ------------------------------------------------------------------ normalisation

TEST_CASE("normalisation folds case and strips diacritics") {
    CHECK(normalize_name("KYIV") == "kyiv");
    CHECK(normalize_name("Zürich") == "zurich");
    CHECK(normalize_name("São Paulo") == "sao paulo");
    CHECK(normalize_name("Île-de-France") == "ile de france");
    CHECK(normalize_name("Straße") == "strasse");
    CHECK(normalize_name("Łódź") == "łodz");  // ł is a letter of its own, not l + mark
    CHECK(normalize_name("ＫＹＩＶ") == "kyiv");   // full-width compatibility forms
}

TEST_CASE("normalisation keeps Cyrillic as Cyrillic, case-insensitively") {
    CHECK(normalize_name("Київ") == "\u043a\u0438\u0456\u0432");  // к и і в: the diaeresis goes
    CHECK(normalize_name("КИЇВ") == normalize_name("Київ"));
    CHECK(normalize_name("Москва") == "москва");
}

TEST_CASE("normalisation deletes apostrophes and turns other punctuation into spaces") {
    CHECK(normalize_name("Kharkiv\u2019s") == "kharkivs");
    CHECK(normalize_name("Dnipropetrovs'k") == "dnipropetrovsk");
    CHECK(normalize_name("Dnipropetrovs\u02BCk") == "dnipropetrovsk");
    CHECK(normalize_name("Ma`an") == "maan");
    CHECK(normalize_name("Rostov-on-Don") == "rostov on don");
    CHECK(normalize_name("U.S.") == "u s");
    CHECK(normalize_name("Washington, D.C.") == "washington d c");
    CHECK(normalize_name("snake_case") == "snake case");
    CHECK(normalize_name("  New \t  York  ") == "new york");
    CHECK(normalize_name("\u00ABKyiv\u00BB") == "kyiv");
    CHECK(normalize_name("---") == "");
    CHECK(normalize_name("") == "");
}

TEST_CASE("normalisation drops invalid UTF-8 instead of failing") {
    CHECK(normalize_name("Ky\xFFiv") == "kyiv");
    CHECK(normalize_name("Ky\x80iv") == "kyiv");
    CHECK(normalize_name("Kyiv\xC3") == "kyiv");               // truncated sequence at the end
    CHECK(normalize_name("\xED\xA0\x80Kyiv") == "kyiv");       // encoded surrogate
    CHECK(normalize_name("Z\xC3\xBCrich\xF0\x28") == "zurich");  // bad lead byte, then '(' -> space, trimmed
}

// ------------------------------------------------------------------ lookups

TEST_CASE("Paris is Paris, France first") {
    const auto candidates = gazetteer().lookup("Paris");
    REQUIRE(candidates.size() == 10);
    CHECK(candidates[0].geonameid == 2988507);
    CHECK(candidates[0].country == "FR");
    CHECK(candidates[0].kind == PlaceKind::city);
    CHECK(candidates[0].feature_code == "PPLC");
    CHECK(candidates[0].match == NameMatch::name);
    CHECK(candidates[1].geonameid == 4717560);  // Paris, Texas (PPLA2, 24,782)
    CHECK(candidates[1].country == "US");
}

TEST_CASE("Kyiv, Kiev, Київ and KYIV are the same place") {
    for (const char* name : {"Kyiv", "Kiev", "Київ", "KYIV", "kyiv", "КИЇВ", "Kyïv"}) {
        CAPTURE(name);
        const Candidate kyiv = first(name);
        CHECK(kyiv.geonameid == 703448);
        CHECK(kyiv.name == "Kyiv");
        CHECK(kyiv.country == "UA");
        CHECK(kyiv.admin1 == "12");
        CHECK(kyiv.population == 2797553);
        CHECK(near(kyiv.point.lat, 50.45466, 1e-5));
        CHECK(near(kyiv.point.lon, 30.52380, 1e-5));
    }
    CHECK(first("Kiev").match == NameMatch::alternate);
}

TEST_CASE("Moscow is the Russian capital first, then the regions, then Moscow, Idaho") {
    const auto candidates = gazetteer().lookup("Moscow", 4);
    REQUIRE(candidates.size() == 4);
    CHECK(candidates[0].geonameid == 524901);
    CHECK(candidates[0].feature_code == "PPLC");
    CHECK(candidates[1].id() == "RU.48");
    CHECK(candidates[2].id() == "RU.47");  // "Moscow Oblast" via its base name
    CHECK(candidates[2].match == NameMatch::variant);
    CHECK(candidates[3].geonameid == 5601538);
    CHECK(candidates[3].country == "US");
}

TEST_CASE("scores never increase down the list and the limit is honoured") {
    const auto all = gazetteer().lookup("Paris", 1000);
    CHECK(all.size() == gazetteer().count("Paris"));
    REQUIRE(all.size() == 19);
    for (std::size_t i = 1; i < all.size(); ++i) CHECK(all[i - 1].score >= all[i].score);
    CHECK(gazetteer().lookup("Paris", 3).size() == 3);
    CHECK(gazetteer().lookup("Paris", 0).empty());
}

TEST_CASE("demonyms name their country") {
    struct Case {
        const char* name;
        const char* country;
        const char* country_name;
    };
    for (const Case& c : {Case{"Russian", "RU", "Russia"}, Case{"Russians", "RU", "Russia"},
                          Case{"Belarusian", "BY", "Belarus"}, Case{"British", "GB", "United Kingdom"},
                          Case{"Briton", "GB", "United Kingdom"}, Case{"Brits", "GB", "United Kingdom"},
                          Case{"American", "US", "United States"}, Case{"Palestinians", "PS", "Palestine"}}) {
        CAPTURE(c.name);
        const Candidate best = first(c.name);
        CHECK(best.kind == PlaceKind::country);
        CHECK(best.country == c.country);
        CHECK(best.name == c.country_name);
        CHECK(best.match == NameMatch::demonym);
        CHECK(best.id() == c.country);
    }
}

TEST_CASE("the United Kingdom by name, code and abbreviation") {
    for (const char* name : {"UK", "U.K.", "Britain", "United Kingdom", "Great Britain", "GB", "GBR"}) {
        CAPTURE(name);
        const Candidate best = first(name);
        CHECK(best.kind == PlaceKind::country);
        CHECK(best.country == "GB");
        CHECK(near(best.point.lat, 54.0, 1e-9));
        CHECK(near(best.point.lon, -2.0, 1e-9));
    }
    CHECK(first("UK").match == NameMatch::code);
    CHECK(first("United Kingdom").match == NameMatch::name);
    CHECK(gazetteer().lookup("UK")[1].geonameid == 1488616);  // the village Uk, Russia, comes second
}

TEST_CASE("the United States by dotted abbreviation") {
    for (const char* name : {"U.S.", "US", "USA", "U.S.A.", "United States", "America"}) {
        CAPTURE(name);
        CHECK(first(name).id() == "US");
    }
}

TEST_CASE("admin1 regions by name and type word") {
    for (const char* name : {"Rostov oblast", "Rostov Oblast", "Rostov region", "Rostov Province"}) {
        CAPTURE(name);
        const Candidate rostov = first(name);
        CHECK(rostov.id() == "RU.61");
        CHECK(rostov.kind == PlaceKind::admin1);
        CHECK(rostov.name == "Rostov");
        CHECK(rostov.feature_code == "ADM1");
        CHECK(rostov.match == NameMatch::variant);
    }
    CHECK(first("Moscow region").id() == "RU.47");  // not the city of Moscow (RU.48)
    CHECK(first("Moscow Oblast").match == NameMatch::name);
    CHECK(first("Washington state").id() == "US.WA");
    CHECK(first("Texas").id() == "US.TX");
    // Generic names keep their type word: "Federal" is not Brazil's Federal District.
    CHECK(first("Eastern Province").id() == "SA.06");
    CHECK(first("Federal District").id() == "BR.07");
    for (const auto& c : gazetteer().lookup("Federal", 1000)) CHECK(c.kind != PlaceKind::admin1);
    // The bare name prefers the city, Rostov-on-Don, over its region.
    const auto rostov = gazetteer().lookup("Rostov", 3);
    REQUIRE(rostov.size() == 3);
    CHECK(rostov[0].geonameid == 501175);
    CHECK(rostov[1].id() == "RU.61");
    CHECK(rostov[2].geonameid == 501183);  // Rostov, Yaroslavl Oblast
}

TEST_CASE("a country outranks its namesakes, and a capital outranks its region") {
    const auto georgia = gazetteer().lookup("Georgia", 2);
    REQUIRE(georgia.size() == 2);
    CHECK(georgia[0].id() == "GE");
    CHECK(georgia[1].id() == "US.GA");
    CHECK(first("Washington").geonameid == 4140963);  // Washington, D.C.
    CHECK(first("Mexico").id() == "MX");
}

TEST_CASE("airport codes among GeoNames alternates are not keys") {
    for (const auto& c : gazetteer().lookup("IEV", 1000)) CHECK(c.geonameid != 703448);
    for (const auto& c : gazetteer().lookup("MOW", 1000)) CHECK(c.geonameid != 524901);
}

TEST_CASE("unknown names give no candidates") {
    CHECK(gazetteer().lookup("Xyzzyplace").empty());
    CHECK(gazetteer().count("Xyzzyplace") == 0);
    CHECK(gazetteer().lookup("").empty());
    CHECK(gazetteer().lookup("   ...  ").empty());
    CHECK(gazetteer().lookup("1000").empty());  // numbers alone are never keys
}

TEST_CASE("entries by id") {
    const auto kyiv = gazetteer().by_geonameid(703448);
    REQUIRE(kyiv);
    CHECK(kyiv->name == "Kyiv");
    CHECK(kyiv->feature_code == "PPLC");
    CHECK_FALSE(gazetteer().by_geonameid(1));
    CHECK_FALSE(gazetteer().by_geonameid(-5));

    const auto ukraine = gazetteer().country("UA");
    REQUIRE(ukraine);
    CHECK(ukraine->name == "Ukraine");
    CHECK(ukraine->kind == PlaceKind::country);
    CHECK(ukraine->geonameid == 0);
    CHECK(gazetteer().country("ua")->name == "Ukraine");
    CHECK_FALSE(gazetteer().country("XX"));
    CHECK_FALSE(gazetteer().country("UKR"));

    const auto rostov = gazetteer().admin1("RU.61");
    REQUIRE(rostov);
    CHECK(rostov->name == "Rostov");
    CHECK(rostov->country == "RU");
    CHECK(rostov->admin1 == "61");
    CHECK_FALSE(gazetteer().admin1("RU.999"));
}

TEST_CASE("entries are countries, then regions, then places") {
    CHECK(gazetteer().size() == 139135);
    CHECK(gazetteer().entry(0).kind == PlaceKind::country);
    CHECK(gazetteer().entry(gazetteer().size() - 1).kind == PlaceKind::city);
    CHECK_THROWS_AS((void)gazetteer().entry(gazetteer().size()), Error);
}

// ------------------------------------------------------------------ index files

TEST_CASE("a missing index file is an error naming it") {
    TempDir dir;
    const fs::path missing = dir.path / "gazetteer.idx";
    CHECK(open_error(missing) == missing.string() + ": cannot open gazetteer index (No such file or directory)");
}

TEST_CASE("a file that is not an index is an error naming it") {
    TempDir dir;
    const fs::path bogus = dir.path / "gazetteer.idx";
    write_file(bogus, std::string(200, 'x'));
    CHECK(open_error(bogus) ==
          bogus.string() + ": not a gazetteer index; rebuild it with 'muster derive' (the build runs it)");
    write_file(bogus, "MUST");
    CHECK(open_error(bogus) == bogus.string() +
                                   ": not a gazetteer index (only 4 bytes); rebuild it with 'muster derive' "
                                   "(the build runs it)");
}

TEST_CASE("a truncated index is an error naming it") {
    const std::string bytes = read_file(built_index());
    REQUIRE(bytes.size() > 4096);
    TempDir dir;
    const fs::path truncated = dir.path / "gazetteer.idx";
    write_file(truncated, bytes.substr(0, 4096));
    CHECK(open_error(truncated) == truncated.string() + ": truncated or corrupt gazetteer index (4096 bytes, header says " +
                                       std::to_string(bytes.size()) +
                                       "); rebuild it with 'muster derive' (the build runs it)");
}

TEST_CASE("an index of another format version is refused") {
    std::string bytes = read_file(built_index());
    bytes[8] = 99;  // version field, little-endian, after the 8-byte magic
    bytes[9] = bytes[10] = bytes[11] = 0;
    TempDir dir;
    const fs::path other = dir.path / "gazetteer.idx";
    write_file(other, bytes);
    CHECK(open_error(other) == other.string() +
                                   ": gazetteer index format 99, this muster reads format 1; rebuild it with "
                                   "'muster derive' (the build runs it)");
}

TEST_CASE("an intact copy of the index opens and answers like the original") {
    TempDir dir;
    const fs::path copy = dir.path / "gazetteer.idx";
    fs::copy_file(built_index(), copy);
    const Gazetteer reopened = Gazetteer::open_index(copy);
    CHECK(reopened.origin() == copy.string());
    CHECK(reopened.size() == gazetteer().size());
    CHECK(reopened.key_count() == gazetteer().key_count());
    CHECK(reopened.source_size() == fs::file_size(muster::default_geopackage()));
    CHECK(reopened.lookup("Kiev").at(0).geonameid == 703448);
}

TEST_CASE("load() falls back to building in memory, with one warning line, when the index is corrupt") {
    TempDir dir;
    write_file(dir.path / "gazetteer.idx", "garbage");
    const char* previous = std::getenv("MUSTER_DERIVED_DIR");
    const std::optional<std::string> saved = previous ? std::optional<std::string>(previous) : std::nullopt;
    ::setenv("MUSTER_DERIVED_DIR", dir.path.c_str(), 1);

    // Capture stderr while loading.
    const fs::path captured = dir.path / "stderr.txt";
    std::fflush(stderr);
    const int saved_stderr = ::dup(2);
    std::FILE* sink = std::fopen(captured.c_str(), "w");
    REQUIRE(sink);
    ::dup2(::fileno(sink), 2);
    std::optional<Gazetteer> loaded;
    try {
        loaded.emplace(Gazetteer::load());
    } catch (...) {
    }
    std::fflush(stderr);
    ::dup2(saved_stderr, 2);
    ::close(saved_stderr);
    std::fclose(sink);
    if (saved) ::setenv("MUSTER_DERIVED_DIR", saved->c_str(), 1);
    else ::unsetenv("MUSTER_DERIVED_DIR");

    REQUIRE(loaded.has_value());
    const std::string index = (dir.path / "gazetteer.idx").string();
    const std::string gpkg = muster::default_geopackage().string();
    CHECK(read_file(captured) == "muster: warning: " + index +
                                     ": not a gazetteer index (only 7 bytes); rebuild it with 'muster derive' (the "
                                     "build runs it); building the gazetteer in memory from " +
                                     gpkg + " (slow)\n");
    CHECK(loaded->origin() == "(built in memory from " + gpkg + ")");
    CHECK(loaded->size() == gazetteer().size());
    CHECK(first("Paris").geonameid == loaded->lookup("Paris").at(0).geonameid);
}
