// The window's legend (View -> Legend) lists what its map shows: run under
// Xvfb where xvfb-run is installed, since the test machine has no screen.
#include "render/style.hpp"

#include <doctest/doctest.h>
#include <gdal_priv.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

bool have_xvfb() { return std::system("command -v xvfb-run >/dev/null 2>&1") == 0; }

// The pixels of a window screenshot of the sample briefing framed to bbox
// in exactly the allied actor's fill colour (its countries, or the legend's
// swatch: nothing else of the window is that colour).
int allied_pixels(const fs::path& folder, const std::string& bbox) {
    const fs::path shot = folder / ("legend-" + std::to_string(std::hash<std::string>{}(bbox)) + ".png");
    const fs::path sample = fs::path(MUSTER_TEST_FIXTURES).parent_path().parent_path() / "assets" / "sample-briefing.txt";
    const std::string command = "XDG_CONFIG_HOME='" + folder.string() + "' xvfb-run -a -s '-screen 0 1280x800x24' '" +
                                std::string(MUSTER_BINARY) + "' view '" + sample.string() + "' --bbox " + bbox +
                                " --window 1200x700 --frames 4 --screenshot '" + shot.string() + "' >/dev/null 2>&1";
    const int status = std::system(command.c_str());
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    GDALAllRegister();
    GDALDataset* dataset = GDALDataset::Open(shot.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY);
    REQUIRE(dataset);
    const int width = dataset->GetRasterXSize(), height = dataset->GetRasterYSize();
    std::vector<std::uint8_t> rgb(static_cast<std::size_t>(width) * height * 3);
    int bands[] = {1, 2, 3};
    REQUIRE(dataset->RasterIO(GF_Read, 0, 0, width, height, rgb.data(), width, height, GDT_Byte, 3, bands, 3,
                              width * 3, 1, nullptr) == CE_None);
    GDALClose(dataset);
    const muster::Rgba allied = muster::RolePalette{}.actor_friend;
    int count = 0;
    for (std::size_t i = 0; i < rgb.size(); i += 3)
        count += rgb[i] == allied.red8() && rgb[i + 1] == allied.green8() && rgb[i + 2] == allied.blue8();
    return count;
}

}  // namespace

TEST_CASE("the window's legend has no Allied actor row while the ally is off the map, and one when it is on") {
    if (!have_xvfb()) {
        MESSAGE("xvfb-run not installed: window test skipped");
        return;
    }
    const fs::path folder = fs::temp_directory_path() / ("muster-test-view-legend-" + std::to_string(getpid()));
    fs::create_directories(folder);
    // The sample's ally is the United States: off a map of Europe, so no
    // blue fill and no swatch of it in the legend.
    CHECK(allied_pixels(folder, "14,43,42,57") == 0);
    // The United States, beside the side panels: its fill, and a legend of
    // it alone (nothing else of the scenario is there).
    CHECK(allied_pixels(folder, "-125,25,-65,50") > 2000);
    fs::remove_all(folder);
}
