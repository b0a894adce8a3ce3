// `muster view` in a real (virtual) X display: runs only where xvfb-run is
// installed, since the test machine itself has no screen.
#include "render/style.hpp"

#include <doctest/doctest.h>
#include <gdal_priv.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

bool have_xvfb() { return std::system("command -v xvfb-run >/dev/null 2>&1") == 0; }

}  // namespace

TEST_CASE("the window draws frames and saves a screenshot under Xvfb") {
    if (!have_xvfb()) {
        MESSAGE("xvfb-run not installed: window test skipped");
        return;
    }
    const fs::path folder = fs::temp_directory_path() / ("muster-test-view-" + std::to_string(getpid()));
    fs::create_directories(folder);
    const fs::path shot = folder / "window.png";
    const std::string command = "xvfb-run -a -s '-screen 0 1024x768x24' '" + std::string(MUSTER_BINARY) +
                                "' view --window 640x400 --frames 3 --screenshot '" + shot.string() +
                                "' >/dev/null 2>&1";
    const int status = std::system(command.c_str());
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    GDALAllRegister();
    GDALDataset* dataset = GDALDataset::Open(shot.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY);
    REQUIRE(dataset);
    CHECK(dataset->GetRasterXSize() == 640);
    CHECK(dataset->GetRasterYSize() == 400);
    // Row 5 is the menu bar (light theme: 237,237,235); row 200 crosses the
    // map through the Atlantic and Africa, so both sea and land show.
    std::uint8_t menu[3] = {}, map_red[640] = {};
    for (int band = 1; band <= 3; ++band)
        CHECK(dataset->GetRasterBand(band)->RasterIO(GF_Read, 320, 5, 1, 1, &menu[band - 1], 1, 1, GDT_Byte, 0, 0) ==
              CE_None);
    CHECK(dataset->GetRasterBand(1)->RasterIO(GF_Read, 0, 200, 640, 1, map_red, 640, 1, GDT_Byte, 0, 0) == CE_None);
    GDALClose(dataset);
    CHECK(int(menu[0]) == 237);
    CHECK(int(menu[1]) == 237);
    CHECK(int(menu[2]) == 235);
    const muster::MapStyle style;
    int sea = 0, land = 0;
    for (std::uint8_t red : map_red) {
        sea += red == style.ocean.red8() ? 1 : 0;
        land += red == style.land.red8() ? 1 : 0;
    }
    CHECK(sea > 100);
    CHECK(land > 100);
    fs::remove_all(folder);
}
