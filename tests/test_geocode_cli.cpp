// `muster geocode` and `muster bench` as a user runs them: the built binary,
// its stdout, stderr and exit status.
#include "cli_scratch.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

using Run = muster::test::PipedRun;
using muster::test::slurp;

// Runs `muster ARGS` (ARGS already shell-quoted) and captures everything.
Run run_muster(const std::string& args) { return muster::test::run_piped(args, "geocode-test"); }

}  // namespace

TEST_CASE("geocode Kyiv --json: Kyiv, Ukraine first") {
    const Run run = run_muster("geocode Kyiv --json");
    CHECK(run.status == 0);
    CHECK(run.err == "");
    const auto json = nlohmann::json::parse(run.out);
    REQUIRE(json.is_array());
    REQUIRE(json.size() == 2);
    const auto& kyiv = json[0];
    CHECK(kyiv["id"] == "703448");
    CHECK(kyiv["name"] == "Kyiv");
    CHECK(kyiv["kind"] == "city");
    CHECK(kyiv["feature"] == "city");
    CHECK(kyiv["feature_code"] == "PPLC");
    CHECK(kyiv["country"] == "UA");
    CHECK(kyiv["admin1"] == "12");
    CHECK(kyiv["population"] == 2797553);
    CHECK(std::fabs(kyiv["lat"].get<double>() - 50.45) < 0.1);
    CHECK(std::fabs(kyiv["lon"].get<double>() - 30.52) < 0.1);
    CHECK(json[1]["id"] == "UA.13");  // Kyiv Oblast
    CHECK(json[1]["kind"] == "admin1");
    CHECK(json[1]["feature"] == "admin1");
    // admin2 and members only where there are any.
    CHECK_FALSE(kyiv.contains("admin2"));
    CHECK_FALSE(kyiv.contains("members"));
}

TEST_CASE("geocode 'Kuzminsky range' --json: the site in Russia") {
    const Run run = run_muster("geocode Kuzminsky range --json");
    CHECK(run.status == 0);
    CHECK(run.err == "");
    const auto json = nlohmann::json::parse(run.out);
    REQUIRE(json.size() == 1);
    const auto& site = json[0];
    CHECK(site["id"] == "kuzminsky-range");
    CHECK(site["name"] == "Kuzminsky range");
    CHECK(site["kind"] == "region");
    CHECK(site["feature"] == "site");
    CHECK(site["feature_code"] == "SITE");
    CHECK(site["country"] == "RU");
    CHECK(site["members"] == nlohmann::json::array({"RU.61"}));
    CHECK(site["population"] == 0);
    CHECK(std::fabs(site["lat"].get<double>() - 47.6) < 1e-9);
    CHECK(std::fabs(site["lon"].get<double>() - 39.4) < 1e-9);
    CHECK_FALSE(site.contains("admin2"));
}

TEST_CASE("geocode of admin2 areas, regions and abbreviations --json") {
    const Run rapides = run_muster("geocode 'Rapides Parish' --json --limit 1");
    CHECK(rapides.status == 0);
    const auto parish = nlohmann::json::parse(rapides.out).at(0);
    CHECK(parish["id"] == "US.LA.079");
    CHECK(parish["kind"] == "admin2");
    CHECK(parish["feature"] == "region");
    CHECK(parish["feature_code"] == "ADM2");
    CHECK(parish["admin1"] == "LA");
    CHECK(parish["admin2"] == "079");

    const Run baltics = run_muster("geocode Baltic states --json --limit 1");
    const auto region = nlohmann::json::parse(baltics.out).at(0);
    CHECK(region["id"] == "baltic-states");
    CHECK(region["kind"] == "region");
    CHECK(region["feature"] == "region");
    CHECK(region["country"] == "");
    CHECK(region["members"] == nlohmann::json::array({"EE", "LV", "LT"}));

    const Run sea = run_muster("geocode 'Black Sea' --json --limit 1");
    CHECK(nlohmann::json::parse(sea.out).at(0)["feature"] == "water");

    const Run calif = run_muster("geocode Calif. --json");
    const auto california = nlohmann::json::parse(calif.out);
    REQUIRE(california.size() == 1);
    CHECK(california[0]["id"] == "US.CA");

    const Run mass = run_muster("geocode mass");
    CHECK(mass.status == 1);
    CHECK(mass.err == "muster geocode: no match for 'mass'\n");
}

TEST_CASE("geocode joins several words into one name") {
    const Run run = run_muster("geocode Rostov oblast --json --limit 1");
    CHECK(run.status == 0);
    const auto json = nlohmann::json::parse(run.out);
    REQUIRE(json.size() == 1);
    CHECK(json[0]["id"] == "RU.61");
    CHECK(json[0]["name"] == "Rostov");
    CHECK(json[0]["country"] == "RU");
    CHECK(json[0]["admin1"] == "61");

    const Run quoted = run_muster("geocode 'Rostov oblast' --json --limit 1");
    CHECK(quoted.out == run.out);
}

TEST_CASE("geocode prints an aligned table") {
    const Run run = run_muster("geocode Paris --limit 2");
    CHECK(run.status == 0);
    CHECK(run.err == "");
    CHECK(run.out ==
          "rank  id        name   kind     feature  country        lat         lon   population\n"
          "   1  2988507   Paris  city     PPLC     FR        48.85341     2.34880      2138551\n"
          "   2  FR.11.75  Paris  admin2   ADM2     FR        48.85341     2.34880      2138551\n");
}

TEST_CASE("geocode of an unknown name fails with one line on stderr") {
    const Run run = run_muster("geocode Xyzzyplace");
    CHECK(run.status == 1);
    CHECK(run.out == "");
    CHECK(run.err == "muster geocode: no match for 'Xyzzyplace'\n");
}

TEST_CASE("geocode without a name is a usage error") {
    const Run run = run_muster("geocode");
    CHECK(run.status == 2);
    CHECK(run.out == "");
    CHECK(run.err == "muster geocode: missing place name (see 'muster geocode --help')\n");
}

TEST_CASE("geocode checks --limit") {
    const Run run = run_muster("geocode Kyiv --limit 0");
    CHECK(run.status == 1);
    CHECK(run.err == "muster geocode: option '--limit' expects a whole number from 1 to 1000, got '0'\n");
}

TEST_CASE("bench names its benchmarks when asked for an unknown one") {
    const Run unknown = run_muster("bench frobnicate");
    CHECK(unknown.status == 1);
    CHECK(unknown.err == "muster bench: unknown benchmark 'frobnicate' (known: gazetteer, extract, render, export, timeline, scenario)\n");
    const Run none = run_muster("bench");
    CHECK(none.status == 1);
    CHECK(none.err == "muster bench: which benchmark? (known: gazetteer, extract, render, export, timeline, scenario)\n");
}

TEST_CASE("bench gazetteer --json reports every measure and its target") {
    const Run run = run_muster("bench gazetteer --json");
    CHECK(run.err == "");
    const auto report = nlohmann::json::parse(run.out);
    CHECK(report["benchmark"] == "gazetteer");
    CHECK(report["entries"] == 162119);
    CHECK(report["targets"]["load_ms"] == 300.0);
    CHECK(report["targets"]["rss_mb"] == 300.0);
    CHECK(report["targets"]["lookups_per_second"] == 1000000.0);
    CHECK(report["seconds"].get<double>() >= 1.0);
    CHECK(report["lookups"].get<double>() ==
          doctest::Approx(report["lookups_per_second"].get<double>() * report["seconds"].get<double>()));
    // Speed depends on the machine; the exit status says whether targets were met.
    CHECK(run.status == (report["passed"].get<bool>() ? 0 : 1));
}
