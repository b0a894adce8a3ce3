// `muster extract` as a user runs it: the built binary, its stdout, stderr,
// exit status and the files it leaves (or does not).
#include "cli_scratch.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <array>
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

struct TempDir {
    fs::path path;
    TempDir() {
        static int serial = 0;
        path = fs::temp_directory_path() /
               ("muster-extract-cli-" + std::to_string(::getpid()) + "-" + std::to_string(serial++));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
};

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

// Runs `muster ARGS` (ARGS already shell-quoted; may end in a redirection).
Run run_muster(const std::string& args) { return muster::test::run_piped(args, "extract-cli"); }

const fs::path kArticle = fs::path(MUSTER_TEST_FIXTURES) / "extract" / "buildup.txt";

}  // namespace

TEST_CASE("muster extract FILE: GeoJSON on stdout") {
    const Run run = run_muster("extract " + quoted(kArticle));
    CHECK(run.status == 0);
    CHECK(run.err == "");
    const auto g = nlohmann::json::parse(run.out);
    CHECK(g["type"] == "FeatureCollection");
    int borders = 0;
    for (const auto& f : g["features"]) borders += f["properties"]["kind"] == "border";
    CHECK(borders == 2);
}

TEST_CASE("muster extract -: standard input, and --format scenario") {
    TempDir dir;
    std::ofstream(dir.path / "in.txt") << "Russia moved 300 tanks into Belarus.\n";
    const Run run = run_muster("extract - --format scenario < " + quoted(dir.path / "in.txt"));
    CHECK(run.status == 0);
    CHECK(run.err == "");
    const auto s = nlohmann::json::parse(run.out);
    CHECK(s["muster"] == 1);
    CHECK(s["title"] == "Russia moved 300 tanks into Belarus.");
    CHECK_FALSE(s["sources"][0].contains("path"));  // stdin has none
    REQUIRE(s["figures"].size() == 1);
    CHECK(s["figures"][0]["actor"] == "RU");
}

TEST_CASE("muster extract -o: written atomically, format from the name or --format") {
    TempDir dir;
    Run run = run_muster("extract " + quoted(kArticle) + " -o " + quoted(dir.path / "out.geojson"));
    CHECK(run.status == 0);
    CHECK(run.out == "");
    CHECK(run.err == "");
    CHECK(nlohmann::json::parse(slurp(dir.path / "out.geojson"))["type"] == "FeatureCollection");

    run = run_muster("extract " + quoted(kArticle) + " --format scenario -o " + quoted(dir.path / "out.json"));
    CHECK(run.status == 0);
    CHECK(nlohmann::json::parse(slurp(dir.path / "out.json"))["muster"] == 1);
    // Only the two outputs: no temporary files left behind.
    CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 2);

    run = run_muster("extract " + quoted(kArticle) + " --format scenario -o " + quoted(dir.path / "x.geojson"));
    CHECK(run.status == 1);
    CHECK(run.err == "muster extract: --format scenario does not suit " + (dir.path / "x.geojson").string() +
                         " (a GeoJSON name; use .json)\n");
    CHECK_FALSE(fs::exists(dir.path / "x.geojson"));
}

TEST_CASE("muster extract: errors name the file and leave nothing behind") {
    TempDir dir;
    Run run = run_muster("extract " + quoted(dir.path / "nope.txt"));
    CHECK(run.status == 1);
    CHECK(run.out == "");
    CHECK(run.err == (dir.path / "nope.txt").string() + ": cannot read (No such file or directory)\n");

    const fs::path out = dir.path / "no-such-folder" / "out.geojson";
    run = run_muster("extract " + quoted(kArticle) + " -o " + quoted(out));
    CHECK(run.status == 1);
    CHECK(run.err == out.string() + ": cannot write (folder " + out.parent_path().string() + " does not exist)\n");
    CHECK_FALSE(fs::exists(out));
    CHECK_FALSE(fs::exists(out.parent_path()));

    run = run_muster("extract " + quoted(kArticle) + " -o " + quoted(dir.path));
    CHECK(run.status == 1);
    CHECK(run.err == dir.path.string() + ": cannot write (it is a folder)\n");

    run = run_muster("extract " + quoted(kArticle) + " --format kml");
    CHECK(run.status == 1);
    CHECK(run.err == "muster extract: option '--format' expects geojson or scenario, got 'kml'\n");

    run = run_muster("extract " + quoted(kArticle) + " --format scenario -o " + quoted(dir.path / "out.gpkg"));
    CHECK(run.status == 1);
    CHECK(run.err == "muster extract: --format scenario does not suit " + (dir.path / "out.gpkg").string() +
                         " (a GeoPackage name; use .json)\n");

    run = run_muster("extract");
    CHECK(run.status == 1);
    CHECK(run.out == "");
    CHECK(run.err == "muster extract: missing argument (see 'muster extract --help')\n");
    CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 0);
}

TEST_CASE("muster extract: invalid UTF-8 is repaired with one warning line") {
    TempDir dir;
    const fs::path bad = dir.path / "bad.txt";
    std::ofstream(bad, std::ios::binary) << "Russia moved 300 tanks into Belarus.\xff\xfe\n";
    const Run run = run_muster("extract " + quoted(bad));
    CHECK(run.status == 0);
    CHECK(run.err == "muster extract: warning: " + bad.string() + ": replaced 2 invalid UTF-8 sequences with U+FFFD\n");
    const auto g = nlohmann::json::parse(run.out);
    bool tanks = false;
    for (const auto& f : g["features"]) tanks = tanks || f["properties"]["text"] == "300 tanks";
    CHECK(tanks);
}

TEST_CASE("muster extract --help") {
    const Run run = run_muster("extract --help");
    CHECK(run.status == 0);
    CHECK(run.out.rfind("usage: muster extract FILE|- [--format geojson|scenario] [-o OUT]\n", 0) == 0);
}

TEST_CASE("muster extract SCENARIO.json: a saved scenario gives the article's GeoJSON again") {
    TempDir dir;
    const Run direct = run_muster("extract " + quoted(kArticle));
    REQUIRE(direct.status == 0);
    REQUIRE(run_muster("extract " + quoted(kArticle) + " --format scenario -o " + quoted(dir.path / "s.json")).status == 0);
    const Run again = run_muster("extract " + quoted(dir.path / "s.json"));
    CHECK(again.status == 0);
    CHECK(again.err == "");
    CHECK(again.out == direct.out);
    // A broken scenario is named with line and column, not extracted as text.
    std::ofstream(dir.path / "broken.json") << "{\n  \"muster\": 1,\n  \"places\": [\n}\n";
    const Run broken = run_muster("extract " + quoted(dir.path / "broken.json"));
    CHECK(broken.status == 1);
    CHECK(broken.err.rfind((dir.path / "broken.json").string() + ":4:1: ", 0) == 0);
}
