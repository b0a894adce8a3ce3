// The viewer's exports: the dialog's sizes and checks, F12's file names and
// folder, and File -> Export image run in a real (virtual) window.
#include "ui/export_dialog.hpp"

#include <doctest/doctest.h>
#include <gdal_priv.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

using namespace muster;
using namespace muster::ui;
namespace fs = std::filesystem;

namespace {

template <std::size_t N>
void set_text(std::array<char, N>& buffer, const std::string& text) {
    buffer.fill('\0');
    std::copy(text.begin(), text.end(), buffer.begin());
}

// Sets an environment variable for one scope.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const std::string& value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old, had_ = true;
        setenv(name, value.c_str(), 1);
    }
    ~ScopedEnv() {
        if (had_) setenv(name_, old_.c_str(), 1);
        else unsetenv(name_);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* name_;
    std::string old_;
    bool had_ = false;
};

}  // namespace

TEST_CASE("export sizes: a scale of the map on screen, exact pixels, or the window as it is") {
    ExportDialogState dialog;
    const PixelSize map{1200, 800};
    dialog.scale = 3;
    CHECK(export_image_size(dialog, map).width == 3600);
    CHECK(export_image_size(dialog, map).height == 2400);
    dialog.sizing = ExportSizing::pixels;
    dialog.width = 5000;
    dialog.height = 4000;
    CHECK(export_image_size(dialog, map).width == 5000);
    dialog.content = ExportContent::window;
    CHECK(export_image_size(dialog, map).width == 1200);
}

TEST_CASE("the export dialog says what is wrong before drawing anything") {
    ExportDialogState dialog;
    const PixelSize map{1200, 800};
    CHECK(export_request_problem(dialog, map) == "Name a file to write.");
    set_text(dialog.path, "/tmp/map.bmp");
    CHECK(export_request_problem(dialog, map) == "Unknown image type; use one of .png, .jpg, .jpeg, .tif, .tiff.");
    set_text(dialog.path, "/tmp/map.png");
    CHECK(export_request_problem(dialog, map).empty());
    dialog.scale = 4;
    CHECK(export_request_problem(dialog, {5000, 800}) ==
          "The image would be 20000 \u00d7 3200 pixels; each side must be 1 to 16384.");
    dialog.sizing = ExportSizing::pixels;
    dialog.width = 16384;
    dialog.height = 16384;
    CHECK(export_request_problem(dialog, map).empty());
    dialog.height = 0;
    CHECK_FALSE(export_request_problem(dialog, map).empty());
    set_text(dialog.path, "/tmp/map.tif");
    dialog.content = ExportContent::window;
    CHECK(export_request_problem(dialog, map) == "A GeoTIFF holds the map alone: choose Map only, or PNG or JPEG.");
}

TEST_CASE("screenshots are named by the local time and go to Pictures when there is one") {
    std::tm when{};
    when.tm_year = 2026 - 1900;
    when.tm_mon = 10;
    when.tm_mday = 26;
    when.tm_hour = 17;
    when.tm_min = 15;
    when.tm_sec = 0;
    when.tm_isdst = -1;
    const auto time = std::chrono::system_clock::from_time_t(std::mktime(&when));
    CHECK(timestamped_name(time, ".png") == "muster-20261126-171500.png");

    const fs::path home = fs::temp_directory_path() / ("muster-test-home-" + std::to_string(getpid()));
    fs::create_directories(home);
    {
        const ScopedEnv no_xdg("XDG_PICTURES_DIR", "");
        const ScopedEnv fake_home("HOME", home.string());
        CHECK(pictures_folder() == fs::path("."));
        fs::create_directories(home / "Pictures");
        CHECK(pictures_folder() == home / "Pictures");
        const ScopedEnv xdg("XDG_PICTURES_DIR", home.string());
        CHECK(pictures_folder() == home);
    }
    fs::remove_all(home);
}

TEST_CASE("File -> Export image from the window: the map alone at 2x with its furniture") {
    if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) {
        MESSAGE("xvfb-run not installed: window export test skipped");
        return;
    }
    const fs::path folder = fs::temp_directory_path() / ("muster-test-view-export-" + std::to_string(getpid()));
    fs::create_directories(folder);
    const fs::path out = folder / "map.png";
    const std::string article = std::string(MUSTER_TEST_FIXTURES) + "/extract/buildup.txt";
    // A scratch config folder: the user's saved side-column width must not change the map's size.
    const std::string command = "XDG_CONFIG_HOME='" + folder.string() + "' xvfb-run -a -s '-screen 0 1024x768x24' '" +
                                std::string(MUSTER_BINARY) +
                                "' view '" + article + "' --window 800x500 --frames 4 --export-map '" + out.string() +
                                "' >/dev/null 2>&1";
    const int status = std::system(command.c_str());
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    GDALAllRegister();
    GDALDataset* dataset = GDALDataset::Open(out.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY);
    REQUIRE(dataset);
    // The map's part of an 800x500 window: right of the side column (45% of
    // the width at most: 360 points), between the menu and status bars;
    // twice that.
    CHECK(dataset->GetRasterXSize() == 2 * (800 - 360));
    CHECK(dataset->GetRasterYSize() > 2 * 440);
    CHECK(dataset->GetRasterYSize() < 2 * 500);
    GDALClose(dataset);
    fs::remove_all(folder);
}
