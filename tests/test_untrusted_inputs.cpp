// Files from strangers: nothing is fetched over a network, and every size
// limit is one line naming the file. The big files are sparse (a few bytes
// on disk), so the limits are tested at their real values.
#include "cli_scratch.hpp"

#include "core/error.hpp"
#include "extract/open_document.hpp"
#include "geodata/gdal_offline.hpp"
#include "geodata/vector_file.hpp"
#include "scenario/scenario_json.hpp"
#include "script/run_script.hpp"

#include <cpl_conv.h>
#include <cpl_http.h>
#include <doctest/doctest.h>
#include <ogr_srs_api.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;
using namespace muster;

namespace {

// A file that starts with `head` and is `size` bytes long, the rest a hole.
fs::path sparse_file(const muster::test::Scratch& scratch, const std::string& name, const std::string& head,
                     std::uintmax_t size) {
    const fs::path file = scratch.folder() / name;
    std::ofstream(file, std::ios::binary) << head;
    fs::resize_file(file, size);
    return file;
}

template <typename Call>
std::string refusal(Call call) {
    try {
        call();
    } catch (const Error& error) {
        return error.what();
    }
    return "(no error)";
}

std::string open_refusal(const std::string& path) {
    return refusal([&] { extract::open_document(path, nullptr); });
}

}  // namespace

TEST_CASE("GDAL fetches nothing once muster has started") {
    keep_gdal_offline();
    // What a driver calls for a URL it finds in a file (a KML NetworkLink):
    // refused at once, without a connection.
    CPLHTTPResult* result = CPLHTTPFetch("http://127.0.0.1:9/styles.kml", nullptr);
    REQUIRE(result != nullptr);
    CHECK(result->nStatus != 0);
    CHECK(result->nDataLen == 0);
    CHECK(std::string(result->pszErrBuf ? result->pszErrBuf : "") == "network access is off in muster");
    CPLHTTPDestroyResult(result);
    CHECK(std::string(CPLGetConfigOption("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", "")) == ".muster-no-network");
    CHECK(std::string(CPLGetConfigOption("GDAL_HTTP_PROXY", "")) == "127.0.0.1:9");
    CHECK(std::string(CPLGetConfigOption("LIBKML_EXTERNAL_STYLE", "")) == "NO");
    CHECK(OSRGetPROJEnableNetwork() == FALSE);
}

TEST_CASE("a KML with a NetworkLink shows its own placemark and fetches nothing") {
    const muster::test::Scratch scratch("untrusted-kml");
    const fs::path kml = scratch.folder() / "linked.kml";
    std::ofstream(kml) << R"(<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>Brest</name><Point><coordinates>23.69,52.09</coordinates></Point></Placemark>
<NetworkLink><name>more</name><Link><href>http://127.0.0.1:9/more.kml</href></Link></NetworkLink>
</Document></kml>
)";
    const VectorFile file = read_vector_file(kml);
    REQUIRE(file.geometry.points.size() == 1);
    CHECK(file.geometry.points[0].lat == doctest::Approx(52.09));
    CHECK(file.geometry.points[0].lon == doctest::Approx(23.69));
}

TEST_CASE("vector files behind GDAL's virtual file systems or URLs are refused") {
    const std::string tail = ": not a local file (muster reads vector files on this machine, never over a network)";
    for (const std::string path : {"/vsizip//vsicurl/http://127.0.0.1:9/layers.zip/front.shp",
                                   "/vsis3/bucket/front.geojson", "file:///tmp/front.geojson"})
        CHECK(refusal([&] { read_vector_file(path); }) == path + tail);
}

TEST_CASE("articles and scenario files behind URLs or /vsi paths are refused") {
    const std::string tail =
        ": not a local file (muster reads articles and scenario files on this machine, never over a network)";
    CHECK(open_refusal("http://127.0.0.1:9/article.txt") == "http://127.0.0.1:9/article.txt" + tail);
    CHECK(open_refusal("/vsicurl/https://example.invalid/a.json") == "/vsicurl/https://example.invalid/a.json" + tail);
}

TEST_CASE("an article past 50 MB is refused before it is read") {
    const muster::test::Scratch scratch("untrusted-article");
    const fs::path big = sparse_file(scratch, "big.txt", "Troops massed.", 50'000'001);
    CHECK(open_refusal(big.string()) == big.string() + ": too large (50000001 bytes; muster extracts texts up to 50 MB)");
}

TEST_CASE("a scenario file may pass 50 MB but not 200 MB") {
    const muster::test::Scratch scratch("untrusted-scenario");
    const fs::path huge = sparse_file(scratch, "huge.json", R"({"muster": 1, "title": ")", 200'000'001);
    const std::string too_large = ": too large (200000001 bytes; muster opens scenario files up to 200 MB)";
    CHECK(open_refusal(huge.string()) == huge.string() + too_large);
    CHECK(refusal([&] { scenario::load_scenario(huge); }) == huge.string() + too_large);

    // 60 MB is read and parsed as a scenario (its hole is a NUL inside the title).
    const fs::path big = sparse_file(scratch, "big.json", R"({"muster": 1, "title": ")", 60'000'000);
    CHECK(open_refusal(big.string()) ==
          big.string() + ":1:25: syntax error while parsing value - invalid string: control character U+0000 "
                         "(NUL) must be escaped to \\u0000; last read: '\"<U+0000>'");
}

TEST_CASE("a script past 16 MB, or behind a URL, is refused before it runs") {
    const muster::test::Scratch scratch("untrusted-script");
    const fs::path big = sparse_file(scratch, "big.lua", "print('x')\n--", 16'777'217);
    script::ScriptRequest request;
    request.file = big;
    request.display = "big.lua";
    CHECK(refusal([&] { script::run_script(request); }) ==
          "big.lua: too large for a script (16777217 bytes; muster runs scripts up to 16 MB)");

    request.file = "/vsicurl/http://127.0.0.1:9/x.lua";
    request.display = "";
    CHECK(refusal([&] { script::run_script(request); }) ==
          "/vsicurl/http://127.0.0.1:9/x.lua: not a local file (muster reads scripts on this machine, never over a "
          "network)");
}

TEST_CASE("muster render refuses a URL with one line and no output file") {
    const muster::test::Scratch scratch("untrusted-cli");
    const fs::path out = scratch.folder() / "map.png";
    const muster::test::Run run = scratch.muster("render http://127.0.0.1:9/article.txt -o '" + out.string() + "'");
    CHECK(run.exit_code != 0);
    CHECK(run.err ==
          "http://127.0.0.1:9/article.txt: not a local file (muster reads articles and scenario files on this machine, "
          "never over a network)\n");
    CHECK_FALSE(fs::exists(out));
}

TEST_CASE("a number past a double's range in a scenario file is one line with its position") {
    // Found by fuzzing the scenario loader: nlohmann throws out_of_range, not
    // parse_error, and it escaped as an internal error.
    CHECK(refusal([] { scenario::parse_scenario("{\"muster\": 1,\n \"places\": [{\"id\": \"p1\", \"lat\": 1e999}]}", "x.json"); }) ==
          "x.json:2:33: number out of range: 1e999");
    CHECK(refusal([] { scenario::parse_scenario("[-44444444444444444444e4444444444444444444444444444444444444]", "-"); }) ==
          "-:1:2: number out of range: -44444444444444444444e444444444444444444...");  // 40 characters
}
