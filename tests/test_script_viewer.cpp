// Script -> Run script in the viewer (ui/script_menu.hpp): the run edits the
// open scenario, shows errors with file and line, and leaves the window's
// Dear ImGui context current even when the script renders images of its own.
#include "cli_scratch.hpp"
#include "headless_imgui.hpp"

#include "render/style.hpp"
#include "ui/script_menu.hpp"
#include "ui/view_state.hpp"

#include <doctest/doctest.h>
#include <gdal_priv.h>
#include <imgui.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace muster;

namespace {

class ScriptFolder : public test::Scratch {
public:
    ScriptFolder() : test::Scratch("script-viewer") {}
    [[nodiscard]] std::string write(const std::string& name, const std::string& text) const {
        std::ofstream(folder() / name) << text;
        return (folder() / name).string();
    }
};

// Pixels of exactly `colour` in a PNG (red, green, blue bands).
int count_colour(const fs::path& png, const Rgba& colour) {
    GDALAllRegister();
    GDALDataset* dataset = GDALDataset::Open(png.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY);
    REQUIRE(dataset);
    const int width = dataset->GetRasterXSize(), height = dataset->GetRasterYSize();
    std::vector<std::uint8_t> rgb(3 * std::size_t(width) * height);
    int bands[] = {1, 2, 3};
    REQUIRE(dataset->RasterIO(GF_Read, 0, 0, width, height, rgb.data(), width, height, GDT_Byte, 3, bands, 3,
                              3 * width, 1, nullptr) == CE_None);
    GDALClose(dataset);
    int count = 0;
    for (std::size_t i = 0; i < rgb.size(); i += 3)
        count += rgb[i] == colour.red8() && rgb[i + 1] == colour.green8() && rgb[i + 2] == colour.blue8();
    return count;
}

}  // namespace

TEST_CASE("a script run from the viewer edits the open scenario") {
    test::HeadlessImGuiContext imgui;
    ScriptFolder scripts;
    ui::ViewState state;
    state.scenario.title = "Open";
    const std::string script = scripts.write("add.lua", R"(local s = muster.scenario
print(s.title)
s:add_place{name = "Camp", lat = 51.9, lon = 29.1}
s:add_figure{actor = "RU", value = 2000, place = "Camp"}
)");
    ui::request_script_run(state, script, "");
    CHECK(state.script.window_open);
    CHECK(ui::run_requested_script(state));
    CHECK_FALSE(ui::run_requested_script(state));  // one request, one run
    CHECK(state.script.error.empty());
    CHECK(state.script.printed == std::vector<std::string>{"Open"});
    CHECK(state.script.finished == "add.lua ran: 1 places, 1 figures");
    REQUIRE(state.scenario.figures.size() == 1);
    CHECK(state.scenario.figures[0].text == "2,000 troops");
    CHECK(state.reset_view_requested);  // a new place: the view frames it
}

TEST_CASE("a failing script leaves the scenario as it was and says where it failed") {
    test::HeadlessImGuiContext imgui;
    ScriptFolder scripts;
    ui::ViewState state;
    const std::string script = scripts.write("bad.lua", "muster.scenario:add_place{name = 'Camp', lat = 51.9, lon = 29.1}\n"
                                                        "muster.scenario:add_figure{actor = 'Russia'}\n");
    ui::request_script_run(state, script, "");
    CHECK(ui::run_requested_script(state));
    CHECK(state.script.error == script + ":2: add_figure: actor must be an ISO 3166-1 alpha-2 code such as 'RU', or "
                                         "'NATO', got 'Russia'");
    CHECK(state.scenario.places.empty());
    CHECK(state.script.finished.empty());
}

TEST_CASE("a script that renders in the viewer leaves the window's ImGui context current") {
    test::HeadlessImGuiContext imgui;
    ImGuiContext* window_context = ImGui::GetCurrentContext();
    ScriptFolder scripts;
    ui::ViewState state;
    const std::string script = scripts.write("render.lua", R"(local s = muster.scenario
s:add_figure{actor = "RU", value = 30000, place = "Minsk"}
muster.render(s, {output = "map.png", size = {320, 240}, bbox = {20, 48, 36, 58}})
)");
    const fs::path out = scripts.folder() / "out";
    ui::request_script_run(state, script, out.string());
    CHECK(ui::run_requested_script(state));
    INFO(state.script.error);
    CHECK(state.script.error.empty());
    CHECK(ImGui::GetCurrentContext() == window_context);
    CHECK(count_colour(out / "map.png", MapStyle{}.overlay.symbols.hostile_fill) > 50);
    // The window's context still makes frames.
    ImGui::NewFrame();
    ImGui::Render();
}

TEST_CASE("the window runs a script at start and shows what it added, under Xvfb") {
    if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) {
        MESSAGE("xvfb-run not installed: window test skipped");
        return;
    }
    ScriptFolder scripts;
    const std::string script = scripts.write("add.lua", R"(local s = muster.scenario
s:add_figure{actor = "RU", value = 30000, place = "Minsk"}
muster.render(s, {output = "inside.png", size = {320, 240}, bbox = {20, 48, 36, 58}})
)");
    const fs::path shot = scripts.folder() / "window.png", out = scripts.folder() / "out";
    // A scratch config folder: the window must not read or write the user's settings.
    const std::string command = "XDG_CONFIG_HOME='" + scripts.folder().string() + "' xvfb-run -a -s '-screen 0 1024x768x24' '" +
                                std::string(MUSTER_BINARY) +
                                "' view --window 800x500 --frames 4 --screenshot '" + shot.string() + "' --script '" +
                                script + "' --script-out '" + out.string() + "' >/dev/null 2>&1";
    const int status = std::system(command.c_str());
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    const Rgba hostile = MapStyle{}.overlay.symbols.hostile_fill;
    CHECK(count_colour(shot, hostile) > 50);               // the window draws the script's figure
    CHECK(count_colour(out / "inside.png", hostile) > 50);  // and the script's own render worked
}
