// Degraded environments, as a user meets them: no fonts, no OpenGL 3.3, a
// missing or damaged GeoPackage. Each gives one line naming the file or what
// was found, and what to do; what can still work, works.
#include "cli_scratch.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using muster::test::Run;
using muster::test::Scratch;

namespace {

// The source tree: its shaders/ and assets/.
fs::path source_dir() { return fs::path(MUSTER_TEST_FIXTURES).parent_path().parent_path(); }

std::size_t lines(const std::string& text) { return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')); }

// A data folder (MUSTER_DATA_DIR) with muster's shaders and assets and a
// geodata/ folder holding the curated files and `gpkg_bytes` as muster.gpkg
// (nothing: no file).
fs::path data_folder(const Scratch& scratch, const std::string* gpkg_bytes) {
    const fs::path data = scratch.folder() / "data";
    fs::create_directories(data / "geodata");
    fs::create_directory_symlink(source_dir() / "shaders", data / "shaders");
    fs::create_directory_symlink(source_dir() / "assets", data / "assets");
    for (const char* curated : {"regions.json", "lexicon.tsv"})
        fs::copy_file(source_dir() / "geodata" / curated, data / "geodata" / curated);
    if (gpkg_bytes) std::ofstream(data / "geodata" / "muster.gpkg", std::ios::binary) << *gpkg_bytes;
    fs::create_directories(scratch.folder() / "derived");  // no derived files: everything from the GeoPackage
    return data;
}

std::string data_env(const Scratch& scratch, const fs::path& data) {
    return "MUSTER_DATA_DIR='" + data.string() + "' MUSTER_DERIVED_DIR='" + (scratch.folder() / "derived").string() + "'";
}

}  // namespace

TEST_CASE("without the DejaVu fonts a render still comes out, with one warning naming the file") {
    Scratch scratch("degraded-fonts");
    fs::create_directories(scratch.folder() / "no-fonts");
    const fs::path png = scratch.folder() / "map.png";
    const Run run = scratch.muster("render '" + (source_dir() / "assets" / "sample-briefing.txt").string() + "' -o '" + png.string() + "' --size 400x250",
                                   "MUSTER_FONT_DIR='" + (scratch.folder() / "no-fonts").string() + "'");
    CHECK(run.exit_code == 0);
    CHECK(fs::file_size(png) > 10000);
    CHECK(run.err == "muster: warning: " + (scratch.folder() / "no-fonts" / "DejaVuSans.ttf").string() +
                         " not found; text falls back to Dear ImGui's built-in font (ASCII only: accented and "
                         "Cyrillic letters show as '?'); install fonts-dejavu-core\n");
}

TEST_CASE("an OpenGL older than 3.3 is named in one line, and no file is written") {
    Scratch scratch("degraded-gl");
    const fs::path png = scratch.folder() / "map.png";
    // Mesa reports the version it is told to: llvmpipe posing as a 3.0 driver.
    const Run run = scratch.muster("render -o '" + png.string() + "' --size 100x100",
                                   "MUSTER_HEADLESS_GL=sdl MESA_GL_VERSION_OVERRIDE=3.0");
    CHECK(run.exit_code == 1);
    CHECK(run.err.starts_with("cannot create an OpenGL 3.3 context (this system offers OpenGL 3.0 Mesa "));
    CHECK(run.err.find(" on llvmpipe (LLVM ") != std::string::npos);
    CHECK(run.err.ends_with("); is MESA_GL_VERSION_OVERRIDE set?)\n"));
    CHECK(lines(run.err) == 1);
    CHECK_FALSE(fs::exists(png));
}

TEST_CASE("a MUSTER_DATA_DIR without the GeoPackage is refused, naming the file it looked for") {
    Scratch scratch("degraded-nogpkg");
    const fs::path data = data_folder(scratch, nullptr);
    const Run run = scratch.muster("geocode Kyiv", data_env(scratch, data));
    CHECK(run.exit_code == 1);
    // The derived index is missing too (the empty MUSTER_DERIVED_DIR): both in one line.
    CHECK(run.err == (scratch.folder() / "derived" / "gazetteer.idx").string() + ": gazetteer index not found; and " +
                         (data / "geodata" / "muster.gpkg").string() +
                         ": not found (MUSTER_DATA_DIR must name a folder holding geodata/, shaders/ and assets/)\n");
}

TEST_CASE("a damaged GeoPackage names the file and how to get it back, for search and for maps") {
    Scratch scratch("degraded-gpkg");
    const std::string garbage = "not a database\n";
    const fs::path data = data_folder(scratch, &garbage);
    const std::string gpkg = (data / "geodata" / "muster.gpkg").string();
    const std::string derived = (scratch.folder() / "derived").string();
    const std::string what = gpkg + ": cannot open as a GeoPackage; restore it with 'git checkout geodata/' or "
                                    "rebuild it with tools/build-geodata.sh\n";

    const Run geocode = scratch.muster("geocode Kyiv", data_env(scratch, data));
    CHECK(geocode.exit_code == 1);
    CHECK(geocode.err == "muster: warning: " + derived + "/gazetteer.idx: gazetteer index not found; building the "
                                                         "gazetteer in memory from " + gpkg + " (slow)\n" + what);

    const fs::path png = scratch.folder() / "map.png";
    const Run render = scratch.muster("render -o '" + png.string() + "' --size 100x100", data_env(scratch, data));
    CHECK(render.exit_code == 1);
    CHECK(render.err.ends_with(what));
    CHECK_FALSE(fs::exists(png));
}
