// Text the map window shows, and `muster view` without a display.
#include "ui/status_bar.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <sys/wait.h>

TEST_CASE("cursor positions read as degrees with hemisphere letters") {
    CHECK(muster::ui::format_lat_lon({50.4501, 30.5234}) == "50.4501\u00b0 N, 30.5234\u00b0 E");
    CHECK(muster::ui::format_lat_lon({-33.86882, -70.6693}) == "33.8688\u00b0 S, 70.6693\u00b0 W");
    CHECK(muster::ui::format_lat_lon({0.0, 0.0}) == "0.0000\u00b0 N, 0.0000\u00b0 E");
}

TEST_CASE("muster view without a display says so and fails") {
    const std::string command = std::string("env -u DISPLAY -u WAYLAND_DISPLAY '") + MUSTER_BINARY + "' view 2>&1";
    std::FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    std::string output;
    char buffer[512];
    while (std::fgets(buffer, sizeof buffer, pipe)) output += buffer;
    const int status = pclose(pipe);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 1);
    CHECK(output ==
          "muster view: no display (DISPLAY/WAYLAND_DISPLAY unset); use 'muster render -o map.png' for a headless "
          "image\n");
}
