// The gazetteer against the real, pinned geodata (GeoNames cities1000 of
// March 2020, world-countries 5.1.0): exact ids, ranks and coordinates.
#include "core/error.hpp"
#include "core/paths.hpp"
#include "geodata/gazetteer.hpp"
#include "geodata/normalize.hpp"

#include <doctest/doctest.h>

#include <algorithm>
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

// Sets an environment variable for the scope, restoring the previous value.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const std::string& value) : name_(name) {
        if (const char* previous = std::getenv(name)) saved_ = previous;
        ::setenv(name, value.c_str(), 1);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;
    ~ScopedEnv() {
        if (saved_) ::setenv(name_, saved_->c_str(), 1);
        else ::unsetenv(name_);
    }

private:
    const char* name_;
    std::optional<std::string> saved_;
};

// Gazetteer::load() with stderr captured into `err`; nullopt when it threw.
std::optional<Gazetteer> load_capturing_stderr(const fs::path& capture_file, std::string& err) {
    std::fflush(stderr);
    const int saved_stderr = ::dup(2);
    std::FILE* sink = std::fopen(capture_file.c_str(), "w");
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
    err = read_file(capture_file);
    return loaded;
}

// A folder holding a link to the real GeoPackage and the given regions.json
// (none when `regions` is nullopt), as a data root would.
struct GeodataCopy {
    TempDir dir;
    fs::path gpkg;
    fs::path regions;
    explicit GeodataCopy(const std::optional<std::string>& regions_text) {
        fs::create_directories(dir.path / "geodata");
        gpkg = dir.path / "geodata" / "muster.gpkg";
        regions = dir.path / "geodata" / "regions.json";
        fs::create_symlink(fs::absolute(muster::default_geopackage()), gpkg);
        if (regions_text) write_file(regions, *regions_text);
    }
};

std::string build_error(const fs::path& gpkg) {
    try {
        (void)Gazetteer::build(gpkg);
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

// The real regions.json with one substring replaced (which must occur).
std::string edited_regions(const std::string& from, const std::string& to) {
    std::string text = read_file(muster::default_geopackage().parent_path() / "regions.json");
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "regions.json no longer holds ", from);
    text.replace(at, from.size(), to);
    return text;
}

bool has_member(const muster::Place& place, const std::string& code) {
    return std::find(place.members.begin(), place.members.end(), code) != place.members.end();
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
    // The département of Paris (admin2 FR.11.75, the same 2.1 million people)
    // by its own name, just below the city of equal weight.
    CHECK(candidates[1].id() == "FR.11.75");
    CHECK(candidates[1].kind == PlaceKind::admin2);
    CHECK(candidates[1].match == NameMatch::name);
    CHECK(candidates[1].score < candidates[0].score);
    CHECK(candidates[2].geonameid == 4717560);  // Paris, Texas (PPLA2, 24,782)
    CHECK(candidates[2].country == "US");
    CHECK(candidates[2].admin2 == "277");  // Lamar County
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
    REQUIRE(all.size() == 20);
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

TEST_CASE("a country stands at its published point unless its mainland's centre is far and most of it") {
    const auto point_of = [](const char* name) { return gazetteer().lookup(name, 1).at(0).point; };
    // The Factbook's 38 N 97 W lies 235 km from the centre of the contiguous
    // states, which are most of the country: the centre is used.
    const muster::LatLon us = point_of("United States");
    CHECK(us.lat == doctest::Approx(39.8).epsilon(0.01));
    CHECK(us.lon == doctest::Approx(-98.6).epsilon(0.01));
    // Archipelagos keep the published point: the largest island is not the country.
    const muster::LatLon indonesia = point_of("Indonesia");
    CHECK(indonesia.lat == -5.0);
    CHECK(indonesia.lon == 120.0);
    const muster::LatLon philippines = point_of("Philippines");
    CHECK(philippines.lat == 13.0);
    CHECK(philippines.lon == 122.0);
}

TEST_CASE("provinces stand at the centre of their area, not of their towns") {
    // Ontario's towns crowd its southern edge (their mean is 44.8 N 80.3 W);
    // the Natural Earth polygon's centroid is near 50 N 86 W.
    const auto ontario = gazetteer().admin1("CA.08");
    REQUIRE(ontario);
    CHECK(ontario->point.lat == doctest::Approx(50.07).epsilon(0.002));
    CHECK(ontario->point.lon == doctest::Approx(-85.83).epsilon(0.002));
    const auto queensland = gazetteer().admin1("AU.04");
    REQUIRE(queensland);
    CHECK(queensland->point.lat == doctest::Approx(-22.57).epsilon(0.002));
    CHECK(queensland->point.lon == doctest::Approx(144.55).epsilon(0.002));
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

TEST_CASE("entries are countries, admin1, places, admin2, then regions.json entries") {
    CHECK(gazetteer().size() == 162119);
    // Kinds come in blocks, in PlaceKind order, with these sizes.
    const PlaceKind order[] = {PlaceKind::country, PlaceKind::admin1, PlaceKind::city, PlaceKind::admin2,
                               PlaceKind::region};
    std::size_t counts[5] = {};
    std::size_t block = 0;
    for (std::size_t i = 0; i < gazetteer().size(); ++i) {
        const PlaceKind kind = gazetteer().entry(i).kind;
        while (block < 5 && order[block] != kind) ++block;
        REQUIRE_MESSAGE(block < 5, "entry ", i, " is out of order");
        ++counts[block];
    }
    CHECK(counts[0] == 239);     // countries_10m rows with an ISO alpha-2 code
    CHECK(counts[1] == 3663);    // admin1 layer
    CHECK(counts[2] == 135233);  // places layer
    CHECK(counts[3] == 22916);   // admin2 layer
    CHECK(counts[4] == 68);      // regions.json "regions"
    CHECK_THROWS_AS((void)gazetteer().entry(gazetteer().size()), Error);
}

// ------------------------------------------------------------------ admin2 areas

TEST_CASE("admin2 areas by name: Rapides Parish, Laurel County, Lamar County") {
    const Candidate rapides = first("Rapides Parish");
    CHECK(rapides.kind == PlaceKind::admin2);
    CHECK(rapides.id() == "US.LA.079");
    CHECK(rapides.name == "Rapides Parish");
    CHECK(rapides.feature_code == "ADM2");
    CHECK(std::string(rapides.feature()) == "region");
    CHECK(rapides.country == "US");
    CHECK(rapides.admin1 == "LA");
    CHECK(rapides.admin2 == "079");
    CHECK(rapides.geonameid == 0);
    CHECK(rapides.match == NameMatch::name);
    // The centroid of its Census Bureau boundary (geodata/README.md), within
    // 5 km of GeoNames' own point for the parish (31.1669 N, 92.4835 W).
    CHECK(near(rapides.point.lat, 31.19783, 1e-5));
    CHECK(near(rapides.point.lon, -92.532875, 1e-5));
    CHECK(rapides.population == 71639);

    const Candidate laurel = first("Laurel County");
    CHECK(laurel.kind == PlaceKind::admin2);
    CHECK(laurel.id() == "US.KY.125");
    CHECK(laurel.country == "US");
    CHECK(laurel.admin1 == "KY");

    // Four Lamar Counties, heaviest first.
    const auto lamar = gazetteer().lookup("Lamar County");
    REQUIRE(lamar.size() == 4);
    CHECK(lamar[0].id() == "US.TX.277");
    CHECK(lamar[1].id() == "US.MS.073");
    CHECK(lamar[2].id() == "US.GA.171");
    CHECK(lamar[3].id() == "US.AL.075");
    for (const auto& c : lamar) CHECK(c.kind == PlaceKind::admin2);
}

TEST_CASE("admin2 by code") {
    const auto rapides = gazetteer().admin2("US.LA.079");
    REQUIRE(rapides);
    CHECK(rapides->name == "Rapides Parish");
    CHECK(rapides->id() == "US.LA.079");
    CHECK(gazetteer().admin2("FR.11.75")->name == "Paris");
    CHECK_FALSE(gazetteer().admin2("US.LA.999"));
    CHECK_FALSE(gazetteer().admin2("US.LA"));
    CHECK_FALSE(gazetteer().admin2(""));
    // Places carry their admin2 code; countries and admin1 regions none.
    CHECK(gazetteer().by_geonameid(4717560)->admin2 == "277");  // Paris, Texas in Lamar County
    CHECK(gazetteer().admin1("US.LA")->admin2.empty());
    CHECK(gazetteer().country("US")->admin2.empty());
}

TEST_CASE("the bare name of an admin2 area ranks below every city and region of that name") {
    const Candidate rapides = first("Rapides");  // no place is called Rapides
    CHECK(rapides.id() == "US.LA.079");
    CHECK(rapides.match == NameMatch::variant);

    for (const char* name : {"Laurel", "Paris", "Washington", "Jefferson", "Lake", "Union", "Moscow"}) {
        CAPTURE(name);
        const auto all = gazetteer().lookup(name, 1000);
        REQUIRE(!all.empty());
        CHECK(!(all[0].kind == PlaceKind::admin2 && all[0].match == NameMatch::variant));
        bool in_bare_tail = false;
        for (const auto& c : all) {
            const bool bare = c.kind == PlaceKind::admin2 && c.match == NameMatch::variant;
            if (bare) in_bare_tail = true;
            else CHECK_MESSAGE(!in_bare_tail, c.id(), " ranks below a bare admin2 name");
        }
    }
    const auto laurel = gazetteer().lookup("Laurel", 1000);
    REQUIRE(laurel.size() == 11);
    CHECK(laurel.back().id() == "US.KY.125");
    CHECK(laurel.back().match == NameMatch::variant);
    CHECK(laurel.front().kind == PlaceKind::city);
    CHECK(first("Paris").geonameid == 2988507);
    CHECK(first("Washington").geonameid == 4140963);
}

TEST_CASE("generic admin2 bases are no names") {
    // "Departamento de Capital", "North District": the base alone names nothing.
    for (const char* name : {"Capital", "North", "Central"})
        for (const auto& c : gazetteer().lookup(name, 1000)) {
            CAPTURE(name);
            CHECK(!(c.kind == PlaceKind::admin2 && c.match == NameMatch::variant));
        }
}

// ------------------------------------------------------------------ regions.json

TEST_CASE("Crimea is the region first, by every name") {
    for (const char* name : {"Crimea", "Crimean Peninsula", "Krym"}) {
        CAPTURE(name);
        const Candidate crimea = first(name);
        CHECK(crimea.kind == PlaceKind::region);
        CHECK(crimea.id() == "crimea");
        CHECK(crimea.name == "Crimea");
        CHECK(crimea.feature_code == "RGN");
        CHECK(std::string(crimea.feature()) == "region");
        CHECK(crimea.country == "UA");
        CHECK(crimea.geonameid == 0);
        CHECK(crimea.population == 0);
        CHECK(has_member(crimea, "UA.11"));
        CHECK(crimea.members == std::vector<std::string>{"UA.11", "UA.20"});
        CHECK(near(crimea.point.lat, 45.3, 1e-9));
        CHECK(near(crimea.point.lon, 34.4, 1e-9));
    }
    CHECK(first("Crimea").match == NameMatch::name);
    CHECK(first("Crimean Peninsula").match == NameMatch::alternate);
    // Then the admin1 region of that name (UA.11, 1.7 million: 7.23 < 7.5) ...
    const auto crimea = gazetteer().lookup("Crimea");
    REQUIRE(crimea.size() == 2);
    CHECK(crimea[1].id() == "UA.11");
    // ... and the Russian village Krym after the region.
    const auto krym = gazetteer().lookup("Krym");
    REQUIRE(krym.size() == 2);
    CHECK(krym[1].geonameid == 540259);
}

TEST_CASE("regions, seas and sites") {
    for (const char* name : {"Donbas", "Donbass", "Donets Basin"}) {
        CAPTURE(name);
        const Candidate donbas = first(name);
        CHECK(donbas.kind == PlaceKind::region);
        CHECK(donbas.id() == "donbas");
        CHECK(donbas.members == std::vector<std::string>{"UA.05", "UA.14"});
    }
    for (const char* name : {"Baltic states", "Baltics", "Baltic nations"}) {
        CAPTURE(name);
        const Candidate baltics = first(name);
        CHECK(baltics.kind == PlaceKind::region);
        CHECK(baltics.id() == "baltic-states");
        CHECK(baltics.country == "");
        CHECK(baltics.members == std::vector<std::string>{"EE", "LV", "LT"});
    }
    const Candidate black_sea = first("Black Sea");
    CHECK(black_sea.kind == PlaceKind::region);
    CHECK(black_sea.feature_code == "WTR");
    CHECK(std::string(black_sea.feature()) == "water");
    CHECK(black_sea.members.empty());

    const Candidate range = first("Kuzminsky training ground");
    CHECK(range.id() == "kuzminsky-range");
    CHECK(range.feature_code == "SITE");
    CHECK(std::string(range.feature()) == "site");
    CHECK(range.country == "RU");
    CHECK(range.members == std::vector<std::string>{"RU.61"});

    CHECK(first("Nagorno-Karabakh").id() == "nagorno-karabakh");
    // A region outranks the admin1 region of the same name (Sahel, BF.12).
    CHECK(first("Sahel").id() == "sahel");
    CHECK(first("Gaza Strip").id() == "gaza-strip");
    CHECK(gazetteer().lookup("Gaza Strip").at(1).id() == "PS.GZ");
}

TEST_CASE("a leading 'the' of a curated name is not part of its key") {
    CHECK(first("Baltic").id() == "baltic-sea");  // from "the Baltic"
    CHECK(first("Arctic").id() == "arctic");
    CHECK(first("Americas").id() == "americas");  // from "the Americas"
    CHECK(gazetteer().lookup("the Americas").empty());  // articles are the caller's business
    CHECK(gazetteer().lookup("the Kremlin").empty());
}

TEST_CASE("Gaza is Gaza City first, then the Gaza Strip") {
    // The region's "Gaza" is an alternate name at the fixed region weight
    // (6.5); Gaza City is a PPLA of 410,000 by its own name (8.61).
    const auto gaza = gazetteer().lookup("Gaza");
    REQUIRE(gaza.size() >= 2);
    CHECK(gaza[0].geonameid == 281133);
    CHECK(gaza[1].id() == "gaza-strip");
    CHECK(gaza[1].match == NameMatch::alternate);
}

TEST_CASE("metonyms name the seat of government") {
    struct Case {
        const char* name;
        std::int64_t geonameid;
    };
    for (const Case& c : {Case{"Kremlin", 524901}, Case{"Pentagon", 4140963}, Case{"White House", 4140963},
                          Case{"Capitol Hill", 4140963}, Case{"Downing Street", 2643743},
                          Case{"Whitehall", 2643743}, Case{"Elysee Palace", 2988507}, Case{"Élysée", 2988507},
                          Case{"Bankova", 703448}, Case{"Zhongnanhai", 1816670}}) {
        CAPTURE(c.name);
        const Candidate best = first(c.name);
        CHECK(best.geonameid == c.geonameid);
        CHECK(best.kind == PlaceKind::city);
        CHECK(best.match == NameMatch::metonym);
    }
    CHECK(first("Kremlin").name == "Moscow");
    CHECK(std::string(muster::to_string(NameMatch::metonym)) == "metonym");
}

TEST_CASE("abbreviations are keys only with their period") {
    struct Case {
        const char* name;
        const char* id;
    };
    for (const Case& c : {Case{"Calif.", "US.CA"}, Case{"Cal.", "US.CA"}, Case{"W.Va.", "US.WV"},
                          Case{"W. Va.", "US.WV"}, Case{"Ga.", "US.GA"}, Case{"Mass.", "US.MA"},
                          Case{"Miss.", "US.MS"}, Case{"La.", "US.LA"}, Case{"Pa.", "US.PA"},
                          Case{"Wash.", "US.WA"}, Case{"N.C.", "US.NC"}, Case{"N.Y.", "US.NY"},
                          Case{"Calif. ", "US.CA"}}) {
        CAPTURE(c.name);
        const auto candidates = gazetteer().lookup(c.name);
        REQUIRE(candidates.size() == 1);  // the dotted key answers alone
        CHECK(candidates[0].id() == c.id);
        CHECK(candidates[0].kind == PlaceKind::admin1);
        CHECK(candidates[0].match == NameMatch::code);
        CHECK(gazetteer().count(c.name) == 1);
    }
    CHECK(first("D.C.").geonameid == 4140963);
    CHECK(first("D.C.").match == NameMatch::code);
    // Without the period they are ordinary words or other places.
    for (const char* word : {"mass", "Mass", "MASS", "miss", "Miss", "wash", "Wash", "ga", "Ga", "calif", "Calif",
                             "ind", "pa", "la"}) {
        CAPTURE(word);
        for (const auto& c : gazetteer().lookup(word, 1000))
            CHECK((c.country != "US" || c.kind != PlaceKind::admin1));
    }
    CHECK(gazetteer().lookup("mass").empty());
    CHECK(gazetteer().count("Mass") == 0);
    CHECK(first("Ga").id() == "GA");  // Gabon, by its code
    // A name with a period that is no abbreviation falls back to the plain key.
    CHECK(first("U.S.").id() == "US");
    CHECK(first("Paris.").geonameid == 2988507);
    CHECK(gazetteer().lookup(".").empty());
}

TEST_CASE("to_string and feature() of every kind") {
    CHECK(std::string(muster::to_string(PlaceKind::admin2)) == "admin2");
    CHECK(std::string(muster::to_string(PlaceKind::region)) == "region");
    CHECK(std::string(gazetteer().country("UA")->feature()) == "country");
    CHECK(std::string(gazetteer().admin1("RU.61")->feature()) == "admin1");
    CHECK(std::string(gazetteer().by_geonameid(703448)->feature()) == "city");
}

// ------------------------------------------------------------------ regions.json errors

TEST_CASE("a broken regions.json is an error naming it, line and column") {
    GeodataCopy copy(std::string("{\n  \"regions\": [\n    {\"name\": \"Crimea\",,}\n  ]\n}\n"));
    CHECK(build_error(copy.gpkg) ==
          copy.regions.string() +
              ": parse error at line 3, column 23: syntax error while parsing object key - unexpected ','; expected "
              "string literal");
}

TEST_CASE("a missing regions.json is an error naming it") {
    GeodataCopy copy(std::nullopt);
    CHECK(build_error(copy.gpkg) == copy.regions.string() + ": not found (it lies beside the GeoPackage)");
}

TEST_CASE("a regions.json of the wrong shape is an error naming the item") {
    {
        GeodataCopy copy(edited_regions("\"lat\": 45.3", "\"lat\": 145.3"));
        CHECK(build_error(copy.gpkg) ==
              copy.regions.string() + ": regions[0] (Crimea): 'lat' must be a number from -90 to 90");
    }
    {
        GeodataCopy copy(edited_regions("\"feature\": \"site\"", "\"feature\": \"range\""));
        CHECK(build_error(copy.gpkg) == copy.regions.string() +
                                            ": regions[36] (Kuzminsky range): 'feature' must be \"region\", "
                                            "\"water\" or \"site\", not \"range\"");
    }
    {
        GeodataCopy copy(edited_regions("\"Calif.\"", "\"Calif\""));
        CHECK(build_error(copy.gpkg) ==
              copy.regions.string() + ": abbreviations[3] (Calif): abbreviation \"Calif\" must end with a period");
    }
    {
        GeodataCopy copy("[]");
        CHECK(build_error(copy.gpkg) == copy.regions.string() + ": top level: must be an object");
    }
}

TEST_CASE("a regions.json naming what the GeoPackage lacks is an error naming the item") {
    GeodataCopy copy(edited_regions("\"admin1\": \"US.WY\"", "\"admin1\": \"US.XX\""));
    CHECK(build_error(copy.gpkg) ==
          copy.regions.string() + ": abbreviations[42] (Wyo.): no admin1 region 'US.XX' in the GeoPackage");
}

TEST_CASE("load() rebuilds in memory when regions.json changed since the index was derived") {
    // Read before the environment points elsewhere: gazetteer() loads lazily.
    const std::uint64_t derived_from = gazetteer().regions_source_size();
    GeodataCopy copy(edited_regions("\"Bankova\"", "\"Bankova\", \"Bankova Street\""));
    TempDir derived;
    fs::copy_file(built_index(), derived.path / "gazetteer.idx");
    const ScopedEnv data("MUSTER_DATA_DIR", copy.dir.path.string());
    const ScopedEnv derived_env("MUSTER_DERIVED_DIR", derived.path.string());
    std::string err;
    const auto loaded = load_capturing_stderr(derived.path / "stderr.txt", err);
    REQUIRE(loaded.has_value());
    const std::string index = (derived.path / "gazetteer.idx").string();
    CHECK(err == "muster: warning: " + index + ": derived from a regions.json of " +
                     std::to_string(derived_from) + " bytes, " + copy.regions.string() +
                     " now has " + std::to_string(fs::file_size(copy.regions)) +
                     "; building the gazetteer in memory from " + copy.gpkg.string() + " (slow)\n");
    CHECK(loaded->lookup("Bankova Street").at(0).geonameid == 703448);
    CHECK(loaded->regions_source_size() == fs::file_size(copy.regions));
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
                                   ": gazetteer index format 99, this muster reads format 2; rebuild it with "
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
    CHECK(reopened.regions_source_size() ==
          fs::file_size(muster::default_geopackage().parent_path() / "regions.json"));
    CHECK(reopened.lookup("Kiev").at(0).geonameid == 703448);
}

TEST_CASE("load() falls back to building in memory, with one warning line, when the index is corrupt") {
    TempDir dir;
    write_file(dir.path / "gazetteer.idx", "garbage");
    const ScopedEnv derived("MUSTER_DERIVED_DIR", dir.path.string());
    std::string err;
    const auto loaded = load_capturing_stderr(dir.path / "stderr.txt", err);

    REQUIRE(loaded.has_value());
    const std::string index = (dir.path / "gazetteer.idx").string();
    const std::string gpkg = muster::default_geopackage().string();
    CHECK(err == "muster: warning: " + index +
                     ": not a gazetteer index (only 7 bytes); rebuild it with 'muster derive' (the "
                     "build runs it); building the gazetteer in memory from " +
                     gpkg + " (slow)\n");
    CHECK(loaded->origin() == "(built in memory from " + gpkg + ")");
    CHECK(loaded->size() == gazetteer().size());
    CHECK(first("Paris").geonameid == loaded->lookup("Paris").at(0).geonameid);
}
