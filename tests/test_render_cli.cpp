// `muster render` through the built binary, as users and scripts run it.
#include "cli_scratch.hpp"

#include <doctest/doctest.h>
#include <gdal_priv.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

using muster::test::Run;
using muster::test::slurp;

class Scratch : public muster::test::Scratch {
public:
    Scratch() : muster::test::Scratch("render-cli") {}
};

}  // namespace

TEST_CASE("render writes a PNG of the requested size and prints its path") {
    Scratch scratch;
    const fs::path png = scratch.folder() / "x.png";
    const Run run = scratch.muster("render -o '" + png.string() + "' --size 320x200");
    INFO("stderr: " << run.err);
    CHECK(run.exit_code == 0);
    CHECK(run.out == png.string() + "\n");
    GDALAllRegister();
    GDALDataset* dataset = GDALDataset::Open(png.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY);
    REQUIRE(dataset);
    CHECK(std::string(dataset->GetDriver()->GetDescription()) == "PNG");
    CHECK(dataset->GetRasterXSize() == 320);
    CHECK(dataset->GetRasterYSize() == 200);
    GDALClose(dataset);
}

TEST_CASE("render into a missing folder fails before drawing and leaves no file") {
    Scratch scratch;
    const Run run = scratch.muster("render -o /nonexistent-dir/x.png");
    CHECK(run.exit_code == 1);
    CHECK(run.err == "/nonexistent-dir/x.png: cannot write (folder /nonexistent-dir does not exist)\n");
    CHECK(run.out.empty());
    CHECK_FALSE(fs::exists("/nonexistent-dir/x.png"));
}

TEST_CASE("render rejects bad sizes and boxes, naming the option") {
    Scratch scratch;
    const std::string out = "-o '" + (scratch.folder() / "x.png").string() + "'";

    Run run = scratch.muster("render " + out + " --size 0x10");
    CHECK(run.exit_code == 1);
    CHECK(run.err ==
          "muster render: option '--size' expects WIDTHxHEIGHT with each side from 1 to 16384, got '0x10'\n");

    run = scratch.muster("render " + out + " --size 20000x10");
    CHECK(run.exit_code == 1);
    CHECK(run.err.rfind("muster render: option '--size' expects", 0) == 0);

    run = scratch.muster("render " + out + " --bbox 1,2,3");
    CHECK(run.exit_code == 1);
    CHECK(run.err ==
          "muster render: option '--bbox' expects MINLON,MINLAT,MAXLON,MAXLAT in degrees with min < max, latitudes "
          "within -90..90, got '1,2,3'\n");

    run = scratch.muster("render " + out + " --bbox 42,43,20,57");
    CHECK(run.exit_code == 1);
    CHECK(run.err.rfind("muster render: option '--bbox' expects", 0) == 0);

    CHECK_FALSE(fs::exists(scratch.folder() / "x.png"));
}

TEST_CASE("render needs -o and an existing INPUT") {
    Scratch scratch;
    Run run = scratch.muster("render");
    CHECK(run.exit_code == 1);
    CHECK(run.err == "muster render: -o OUT.png is required (see 'muster render --help')\n");

    const fs::path missing = scratch.folder() / "no-such-article.txt";
    run = scratch.muster("render '" + missing.string() + "' -o '" + (scratch.folder() / "x.png").string() + "'");
    CHECK(run.exit_code == 1);
    CHECK(run.err == missing.string() + ": cannot read (No such file or directory)\n");
}

TEST_CASE("render accepts an existing INPUT (drawn once extraction exists)") {
    Scratch scratch;
    const fs::path article = scratch.folder() / "article.txt";
    std::ofstream(article) << "Russia has massed 100,000 troops near Ukraine's border.\n";
    const fs::path png = scratch.folder() / "a.png";
    const Run run = scratch.muster("render '" + article.string() + "' -o '" + png.string() + "' --size 64x64");
    CHECK(run.exit_code == 0);
    CHECK(fs::is_regular_file(png));
}

TEST_CASE("without an OpenGL 3.3 context render says so in one line") {
    Scratch scratch;
    // Pin the SDL path and point it at an EGL library that does not exist.
    const Run run = scratch.muster("render -o '" + (scratch.folder() / "x.png").string() + "'",
                                   "MUSTER_HEADLESS_GL=sdl SDL_VIDEO_EGL_DRIVER=/nonexistent/libEGL.so");
    CHECK(run.exit_code == 1);
    CHECK(run.err == "cannot create an OpenGL 3.3 context (Could not load EGL library)\n");
    CHECK_FALSE(fs::exists(scratch.folder() / "x.png"));
}

TEST_CASE("the EGL surfaceless fallback draws the same image as SDL's offscreen driver") {
    Scratch scratch;
    const fs::path via_sdl = scratch.folder() / "sdl.png", via_egl = scratch.folder() / "egl.png";
    CHECK(scratch.muster("render -o '" + via_sdl.string() + "' --size 160x90", "MUSTER_HEADLESS_GL=sdl").exit_code == 0);
    CHECK(scratch.muster("render -o '" + via_egl.string() + "' --size 160x90", "MUSTER_HEADLESS_GL=egl").exit_code == 0);
    CHECK(slurp(via_sdl) == slurp(via_egl));
    CHECK(slurp(via_sdl).size() > 1000);
}

TEST_CASE("render INPUT draws the article's scenario, framed on its places") {
    Scratch scratch;
    const fs::path article = fs::path(MUSTER_TEST_FIXTURES) / "extract" / "buildup.txt";
    const fs::path with = scratch.folder() / "article.png", without = scratch.folder() / "plain.png";
    const Run drawn = scratch.muster("render '" + article.string() + "' -o '" + with.string() + "' --size 400x300");
    REQUIRE(drawn.exit_code == 0);
    CHECK(drawn.out == with.string() + "\n");
    REQUIRE(scratch.muster("render -o '" + without.string() + "' --size 400x300").exit_code == 0);

    // The article's frame is not the world's: most pixels differ.
    GDALAllRegister();
    auto read = [](const fs::path& png) {
        GDALDatasetUniquePtr ds(GDALDataset::Open(png.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
        REQUIRE(ds);
        std::vector<unsigned char> rgb(400 * 300 * 3);
        REQUIRE(ds->RasterIO(GF_Read, 0, 0, 400, 300, rgb.data(), 400, 300, GDT_Byte, 3, nullptr, 3, 400 * 3, 1,
                             nullptr) == CE_None);
        return rgb;
    };
    const auto a = read(with), b = read(without);
    std::size_t differing = 0;
    for (std::size_t i = 0; i < a.size(); i += 3)
        differing += (a[i] != b[i] || a[i + 1] != b[i + 1] || a[i + 2] != b[i + 2]) ? 1 : 0;
    CHECK(differing > 400 * 300 / 2);
}
