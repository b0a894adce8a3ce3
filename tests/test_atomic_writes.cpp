// No lost work on the command line: every output a command writes replaces
// the previous file only once it is whole. A write that fails (here: the
// temporary name beside a 250-byte file name is too long for the file
// system, which stops root too) leaves the previous file as it was, says
// why in one line naming the file, and leaves no temporary behind.
#include "cli_scratch.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using muster::test::Run;
using muster::test::Scratch;
using muster::test::slurp;

namespace {

const fs::path article = fs::path(MUSTER_TEST_FIXTURES) / "extract" / "buildup.txt";

// An existing output file with a name whose temporary sibling cannot exist.
fs::path previous_output(const Scratch& scratch, const std::string& extension) {
    const fs::path file = scratch.folder() / (std::string(250 - extension.size(), 'm') + extension);
    std::ofstream(file, std::ios::binary) << "the previous " << extension << " file\n";
    return file;
}

void check_left_intact(const Scratch& scratch, const Run& run, const fs::path& file, const std::string& extension) {
    CHECK(run.exit_code == 1);
    CHECK(run.err.starts_with(file.string() + ": cannot write ("));
    CHECK(run.err.find('\n') == run.err.size() - 1);  // one line
    CHECK(slurp(file) == "the previous " + extension + " file\n");
    for (const auto& entry : fs::directory_iterator(scratch.folder()))
        CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);
}

}  // namespace

TEST_CASE("a failed image export leaves the previous PNG, JPEG and GeoTIFF intact") {
    Scratch scratch("atomic-images");
    for (const std::string extension : {".png", ".jpg", ".tif"}) {
        CAPTURE(extension);
        const fs::path file = previous_output(scratch, extension);
        const Run run = scratch.muster("render '" + article.string() + "' -o '" + file.string() + "' --size 64x64");
        check_left_intact(scratch, run, file, extension);
    }
}

TEST_CASE("a failed data export leaves the previous scenario, GeoJSON, GeoPackage and KML intact") {
    Scratch scratch("atomic-data");
    for (const std::string extension : {".muster.json", ".geojson", ".gpkg", ".kml"}) {
        CAPTURE(extension);
        const fs::path file = previous_output(scratch, extension);
        const std::string format = extension == ".muster.json" ? " --format scenario" : "";
        const Run run = scratch.muster("extract '" + article.string() + "'" + format + " -o '" + file.string() + "'");
        check_left_intact(scratch, run, file, extension);
    }
}
