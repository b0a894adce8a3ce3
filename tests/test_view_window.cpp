// `muster view` in a real (virtual) X display: runs only where xvfb-run is
// installed, since the test machine itself has no screen.
#include "render/style.hpp"

#include <doctest/doctest.h>
#include <gdal_priv.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
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
    // Settings go to the scratch folder, not the user's ~/.config.
    const std::string command = "XDG_CONFIG_HOME='" + folder.string() + "' xvfb-run -a -s '-screen 0 1024x768x24' '" +
                                std::string(MUSTER_BINARY) +
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

TEST_CASE("the window remembers opened files in settings.json and shrugs off a broken one") {
    if (!have_xvfb()) {
        MESSAGE("xvfb-run not installed: window test skipped");
        return;
    }
    const fs::path folder = fs::temp_directory_path() / ("muster-test-view-settings-" + std::to_string(getpid()));
    const fs::path config = folder / "config" / "muster";
    fs::create_directories(config);
    const fs::path scenario_file = folder / "empty.muster.json";
    {
        std::ofstream out(scenario_file);
        out << "{\"muster\": 1, \"title\": \"Empty\"}\n";
    }
    {
        std::ofstream out(config / "settings.json");
        out << "{\"recent_files\": [";  // cut short
    }
    const fs::path err = folder / "stderr.txt";
    const std::string command = "XDG_CONFIG_HOME='" + (folder / "config").string() +
                                "' xvfb-run -a -s '-screen 0 1024x768x24' '" + std::string(MUSTER_BINARY) +
                                "' view '" + scenario_file.string() + "' --window 640x400 --frames 2 >/dev/null 2>'" +
                                err.string() + "'";
    const int status = std::system(command.c_str());
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    std::ifstream err_in(err);
    const std::string warning((std::istreambuf_iterator<char>(err_in)), std::istreambuf_iterator<char>());
    CHECK(warning.find("muster view: warning: " + (config / "settings.json").string() + ": not valid JSON (") == 0);
    std::ifstream settings_in(config / "settings.json");
    const std::string settings((std::istreambuf_iterator<char>(settings_in)), std::istreambuf_iterator<char>());
    CHECK(settings.find("\"recent_files\": [\n    \"" + scenario_file.string() + "\"\n  ]") != std::string::npos);
    CHECK(fs::exists(config / "imgui.ini"));
    fs::remove_all(folder);
}
