// Layers: a dropped vector file becoming a user layer and showing on the
// map, visibility and opacity of the base map and the scenario's marks
// (checked on pixels of headless renders at known places), the Layers
// panel's remove button, and --layer on the command line.
#include "render/headless_render.hpp"
#include "render/layers.hpp"
#include "render/user_layer.hpp"
#include "ui/layers_panel.hpp"
#include "ui/view_state.hpp"

#include "cli_scratch.hpp"
#include "headless_imgui.hpp"

#include <doctest/doctest.h>
#include <gdal_priv.h>
#include <imgui.h>
#include <imgui_internal.h>  // FindWindowByName: where the panel is

#include <array>
#include <cmath>
#include <filesystem>
#include <cstdlib>
#include <memory>
#include <string>
#include <sys/wait.h>

using namespace muster;
namespace fs = std::filesystem;
namespace sc = muster::scenario;

namespace {

const fs::path fixtures = fs::path(MUSTER_TEST_FIXTURES) / "layers";

constexpr LatLon inside_suwalki{53.95, 22.85};   // Polish land inside the fixture's polygon
constexpr LatLon outside_suwalki{53.45, 22.85};  // Polish land south of it
constexpr LatLon kaliningrad{54.7, 20.5};        // web-mercator.geojson's point
constexpr LatLon kyiv{50.4501, 30.5234};
constexpr LatLon minsk{53.9, 27.5667};
constexpr Extent suwalki_view{21.0, 53.0, 25.5, 55.2};
constexpr Extent belarus_view{22.0, 50.0, 33.0, 57.0};

std::array<int, 3> rgb_at(const HeadlessRender& render, LatLon place) {
    const ScreenPoint p = render.camera.to_screen(place);
    const int x = static_cast<int>(p.x), y = static_cast<int>(p.y);
    REQUIRE(x >= 0);
    REQUIRE(y >= 0);
    REQUIRE(x < render.image.size.width);
    REQUIRE(y < render.image.size.height);
    const std::uint8_t* pixel = render.image.at(x, y);
    return {pixel[0], pixel[1], pixel[2]};
}

// `over` drawn with alpha on `under`, as 8-bit channels.
std::array<int, 3> blend(const Rgba& over, float alpha, const Rgba& under) {
    auto mix = [alpha](float a, float b) { return static_cast<int>(std::lround((a * alpha + b * (1 - alpha)) * 255)); };
    return {mix(over.r, under.r), mix(over.g, under.g), mix(over.b, under.b)};
}

std::array<int, 3> rgb(const Rgba& colour) { return {colour.red8(), colour.green8(), colour.blue8()}; }

// Within `tolerance` per channel (8-bit rounding of blending).
bool near(const std::array<int, 3>& a, const std::array<int, 3>& b, int tolerance = 2) {
    for (int i = 0; i < 3; ++i)
        if (std::abs(a[i] - b[i]) > tolerance) return false;
    return true;
}

std::string describe(const std::array<int, 3>& c) {
    return "rgb(" + std::to_string(c[0]) + "," + std::to_string(c[1]) + "," + std::to_string(c[2]) + ")";
}

HeadlessRender render_with(const LayerSettings& layers, const Extent& bbox, const sc::Scenario* scenario = nullptr) {
    HeadlessRenderRequest request;
    request.size = {640, 480};
    request.bbox = bbox;
    request.layers = layers;
    request.scenario = scenario;
    request.attribution = false;
    return render_map_headless(request);
}

// 2,000 Russian troops in Minsk: a hostile symbol (salmon diamond) with a
// halo, and Minsk's name.
sc::Scenario minsk_scenario() {
    sc::Scenario s;
    sc::Place place;
    place.id = "p1", place.name = "Minsk", place.country = "BY", place.feature = "city", place.point = minsk;
    s.places.push_back(place);
    sc::Figure figure;
    figure.id = "f1", figure.text = "2,000 troops", figure.amount.value = 2000, figure.unit = "troops";
    figure.category = "personnel", figure.actor = "RU", figure.place = "p1";
    s.figures.push_back(figure);
    return s;
}

// Pixels of the hostile fill inside the symbol's frame.
int hostile_fill_pixels(const HeadlessRender& render, const OverlayLayout::Symbol& symbol) {
    const Rgba fill = MapStyle{}.overlay.symbols.hostile_fill;
    int count = 0;
    const int half = static_cast<int>(symbol.height / 2);
    for (int y = int(symbol.centre.y) - half; y <= int(symbol.centre.y) + half; ++y)
        for (int x = int(symbol.centre.x) - half; x <= int(symbol.centre.x) + half; ++x) {
            const std::uint8_t* p = render.image.at(x, y);
            if (near({p[0], p[1], p[2]}, rgb(fill), 1)) ++count;
        }
    return count;
}

bool has_label(const OverlayLayout& layout, const std::string& text) {
    return std::any_of(layout.labels.begin(), layout.labels.end(), [&](const auto& l) { return l.text == text; });
}

// The Layers panel alone in a headless ImGui frame, the pointer at (x, y).
class LayersPanelFrames : public test::HeadlessImGuiContext {
public:
    void frame(ui::ViewState& state, float x, float y, bool down) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(x, y);
        io.MouseDown[0] = down;
        ImGui::NewFrame();
        ui::draw_layers_panel(state);
        ImGui::EndFrame();
    }
    void click(ui::ViewState& state, float x, float y) {
        frame(state, x, y, false);
        frame(state, x, y, true);
        frame(state, x, y, false);
    }
};

}  // namespace

TEST_CASE("a dropped GeoJSON becomes a user layer whose polygon shows on the map") {
    ui::ViewState state;
    state.camera = Camera::fit(suwalki_view, {640, 480});
    state.dropped_vector_files.push_back(fixtures / "suwalki.geojson");
    ui::add_dropped_vector_files(state);
    CHECK(state.dropped_vector_files.empty());
    CHECK(state.notice.empty());
    REQUIRE(state.layers.user_layers.size() == 1);
    const UserLayer& layer = state.layers.user_layers[0];
    CHECK(layer.file->name == "suwalki.geojson");
    CHECK(layer.colour == user_layer_colour(0));
    CHECK_FALSE(state.camera_target);  // already in view: the map stays

    const HeadlessRender render = render_with(state.layers, suwalki_view);
    const MapStyle style;
    const auto inside = rgb_at(render, inside_suwalki);
    INFO("inside: " << describe(inside));
    CHECK(near(inside, blend(layer.colour, UserLayerStyle{}.fill_alpha, style.land)));
    CHECK(near(rgb_at(render, outside_suwalki), rgb(style.land), 1));
}

TEST_CASE("a dropped file that cannot be read leaves a notice naming it and no layer") {
    ui::ViewState state;
    const fs::path text = fixtures / "notes.txt";
    state.dropped_vector_files.push_back(text);
    ui::add_dropped_vector_files(state);
    CHECK(state.layers.user_layers.empty());
    CHECK(state.notice == text.string() +
                              ": not a vector or raster file (muster reads vector files: GeoJSON, GeoPackage, "
                              "Shapefile, KML, FlatGeobuf, CSV with lon/lat columns; rasters: GeoTIFF, PNG or JPEG "
                              "with a world file)");
}

TEST_CASE("a layer dropped far from the view flies the map there") {
    ui::ViewState state;
    state.camera = Camera::fit({-10.0, 35.0, 5.0, 45.0}, {800, 600});  // Spain
    state.dropped_vector_files.push_back(fixtures / "suwalki.geojson");
    ui::add_dropped_vector_files(state);
    REQUIRE(state.camera_target);
    CHECK(state.camera_target->lon == doctest::Approx(23.2));
    REQUIRE(state.zoom_target);
    CHECK(state.zoom_target->zoom > state.camera.zoom());
}

TEST_CASE("points and lines of a user layer are drawn in its colour, reprojected") {
    LayerSettings layers;
    layers.add_user_layer(std::make_shared<const VectorFile>(read_vector_file(fixtures / "web-mercator.geojson")));
    const HeadlessRender render = render_with(layers, {19.5, 53.0, 25.5, 55.5});
    const auto point = rgb_at(render, kaliningrad);
    INFO("point: " << describe(point));
    CHECK(near(point, rgb(user_layer_colour(0)), 1));
    const auto line = rgb_at(render, {54.1, 23.2});  // halfway along the corridor line
    INFO("line: " << describe(line));
    CHECK(near(line, rgb(user_layer_colour(0)), 1));
}

TEST_CASE("a hidden or transparent user layer draws nothing, half opacity halves its fill") {
    LayerSettings layers;
    UserLayer& layer =
        layers.add_user_layer(std::make_shared<const VectorFile>(read_vector_file(fixtures / "suwalki.geojson")));
    const MapStyle style;
    layer.look.visible = false;
    CHECK(near(rgb_at(render_with(layers, suwalki_view), inside_suwalki), rgb(style.land), 1));
    layers.user_layers[0].look = {true, 0.0f};
    CHECK(near(rgb_at(render_with(layers, suwalki_view), inside_suwalki), rgb(style.land), 1));
    layers.user_layers[0].look = {true, 0.5f};
    const auto half = rgb_at(render_with(layers, suwalki_view), inside_suwalki);
    INFO("half: " << describe(half));
    CHECK(near(half, blend(user_layer_colour(0), UserLayerStyle{}.fill_alpha * 0.5f, style.land)));
}

TEST_CASE("a translucent line is faded as one picture: its joints are no darker than its middle") {
    LayerSettings layers;
    layers.add_user_layer(std::make_shared<const VectorFile>(read_vector_file(fixtures / "zigzag.geojson")));
    layers.user_layers[0].look.opacity = 0.5f;
    const HeadlessRender render = render_with(layers, suwalki_view);
    const auto expected = blend(user_layer_colour(0), 0.5f, MapStyle{}.land);
    for (const LatLon at : {LatLon{54.2, 23.5}, LatLon{54.0, 24.0}, LatLon{54.1, 23.75}, LatLon{54.1, 24.25}}) {
        const auto pixel = rgb_at(render, at);
        INFO("at " << at.lat << "," << at.lon << ": " << describe(pixel) << ", expected " << describe(expected));
        CHECK(near(pixel, expected));
    }
}

TEST_CASE("hiding the countries layer turns land into sea, half opacity mixes them") {
    const MapStyle style;
    LayerSettings layers;
    CHECK(near(rgb_at(render_with(layers, belarus_view), kyiv), rgb(style.land), 1));
    layers.countries.visible = false;
    CHECK(near(rgb_at(render_with(layers, belarus_view), kyiv), rgb(style.ocean), 1));
    layers.countries = {true, 0.5f};
    const auto half = rgb_at(render_with(layers, belarus_view), kyiv);
    INFO("half: " << describe(half));
    CHECK(near(half, blend(style.land, 0.5f, style.ocean)));
}

TEST_CASE("deployments at opacity 0 leave no symbol pixels but keep the layout, hidden, they give way") {
    const sc::Scenario scenario = minsk_scenario();
    LayerSettings layers;
    const HeadlessRender shown = render_with(layers, belarus_view, &scenario);
    REQUIRE(shown.overlay.symbols.size() == 1);
    CHECK(hostile_fill_pixels(shown, shown.overlay.symbols[0]) > 100);

    layers.deployments.opacity = 0.0f;
    const HeadlessRender transparent = render_with(layers, belarus_view, &scenario);
    REQUIRE(transparent.overlay.symbols.size() == 1);  // sliding opacity never moves labels
    CHECK(transparent.overlay.symbols[0].centre.x == shown.overlay.symbols[0].centre.x);
    CHECK(hostile_fill_pixels(transparent, shown.overlay.symbols[0]) == 0);

    layers.deployments = {false, 1.0f};
    const HeadlessRender hidden = render_with(layers, belarus_view, &scenario);
    CHECK(hidden.overlay.symbols.empty());
    CHECK(hidden.overlay.halos.empty());
    CHECK(has_label(hidden.overlay, "Minsk"));
    CHECK(hostile_fill_pixels(hidden, shown.overlay.symbols[0]) == 0);
}

TEST_CASE("hidden label layers are left out of the layout") {
    const sc::Scenario scenario = minsk_scenario();
    LayerSettings layers;
    const HeadlessRender all = render_with(layers, belarus_view, &scenario);
    CHECK(has_label(all.overlay, "Minsk"));
    CHECK(has_label(all.overlay, "UKRAINE"));
    layers.place_labels.visible = false;
    layers.country_names.visible = false;
    const HeadlessRender without = render_with(layers, belarus_view, &scenario);
    CHECK_FALSE(has_label(without.overlay, "Minsk"));
    CHECK_FALSE(has_label(without.overlay, "UKRAINE"));
    CHECK(without.overlay.symbols.size() == 1);
}

TEST_CASE("the Layers panel's remove button takes the layer off the map") {
    LayersPanelFrames imgui;
    ui::ViewState state;
    state.show_layers = true;
    state.layers.add_user_layer(std::make_shared<const VectorFile>(read_vector_file(fixtures / "suwalki.geojson")));
    state.layers.add_user_layer(std::make_shared<const VectorFile>(read_vector_file(fixtures / "airfields.csv")));
    imgui.frame(state, 0, 0, false);
    const ImGuiWindow* window = ImGui::FindWindowByName("Layers");
    REQUIRE(window);
    const LayerSettings before = state.layers;
    // Down the right-hand column, where only the user layers' remove buttons are.
    const float x = window->Pos.x + window->Size.x - ImGui::GetStyle().WindowPadding.x - 10.0f;
    for (float y = window->Pos.y + 20.0f; y < window->Pos.y + window->Size.y && state.layers.user_layers.size() == 2;
         y += 3.0f)
        imgui.click(state, x, y);
    REQUIRE(state.layers.user_layers.size() == 1);
    // The newest is listed first, so its button is the first one down.
    CHECK(state.layers.user_layers[0].file->name == "suwalki.geojson");
    CHECK(state.layers.deployments == before.deployments);
    CHECK(state.layers.countries == before.countries);
}

TEST_CASE("describe_contents counts what a file holds") {
    CHECK(ui::describe_contents(read_vector_file(fixtures / "suwalki.geojson")) == "1 polygon (1 feature)");
    CHECK(ui::describe_contents(read_vector_file(fixtures / "web-mercator.geojson")) ==
          "1 line, 1 point (2 features)");
    CHECK(ui::describe_contents(read_vector_file(fixtures / "airfields.csv")) == "3 points (3 features)");
}

TEST_CASE("muster render --layer draws the file, a bad one fails in one line and writes nothing") {
    test::Scratch scratch("layers-cli");
    const fs::path png = scratch.folder() / "suwalki.png";
    const std::string bbox = "--bbox 21,53,25.5,55.2 --size 640x480";
    const test::Run run = scratch.muster("render --layer '" + (fixtures / "suwalki.geojson").string() + "' " + bbox +
                                         " -o '" + png.string() + "'");
    INFO("stderr: " << run.err);
    REQUIRE(run.exit_code == 0);
    GDALAllRegister();
    GDALDatasetUniquePtr image(GDALDataset::Open(png.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    REQUIRE(image);
    const Camera camera = Camera::fit(suwalki_view, {640, 480});
    const ScreenPoint at = camera.to_screen(inside_suwalki);
    std::array<int, 3> pixel{};
    for (int band = 1; band <= 3; ++band) {
        std::uint8_t value = 0;
        REQUIRE(image->GetRasterBand(band)->RasterIO(GF_Read, int(at.x), int(at.y), 1, 1, &value, 1, 1, GDT_Byte, 0,
                                                     0) == CE_None);
        pixel[band - 1] = value;
    }
    INFO("pixel: " << describe(pixel));
    CHECK(near(pixel, blend(user_layer_colour(0), UserLayerStyle{}.fill_alpha, MapStyle{}.land)));

    const fs::path bad_png = scratch.folder() / "bad.png";
    const fs::path gpx = fixtures / "track.gpx";
    const test::Run bad = scratch.muster("render --layer '" + gpx.string() + "' -o '" + bad_png.string() + "'");
    CHECK(bad.exit_code == 1);
    CHECK(bad.err == gpx.string() +
                         ": GPX files are not read (muster reads vector files: GeoJSON, GeoPackage, Shapefile, KML, "
                         "FlatGeobuf, CSV with lon/lat columns; rasters: GeoTIFF, PNG or JPEG with a world file)\n");
    CHECK_FALSE(fs::exists(bad_png));
}

TEST_CASE("muster view --layer shows the file in the window, framed on it") {
    if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) {
        MESSAGE("xvfb-run not installed: window test skipped");
        return;
    }
    test::Scratch scratch("layers-view");
    const fs::path shot = scratch.folder() / "view.png";
    // A scratch config folder: the window must not read or write the user's settings.
    const std::string command = "XDG_CONFIG_HOME='" + scratch.folder().string() + "' xvfb-run -a -s '-screen 0 1024x768x24' '" +
                                std::string(MUSTER_BINARY) + "' view --layer '" + (fixtures / "suwalki.geojson").string() +
                                "' --window 640x400 --frames 3 --screenshot '" + shot.string() + "' >/dev/null 2>&1";
    const int status = std::system(command.c_str());
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    GDALAllRegister();
    GDALDatasetUniquePtr image(GDALDataset::Open(shot.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    REQUIRE(image);
    // The view frames the polygon, so the middle of the window is inside it.
    std::array<int, 3> pixel{};
    for (int band = 1; band <= 3; ++band) {
        std::uint8_t value = 0;
        REQUIRE(image->GetRasterBand(band)->RasterIO(GF_Read, 320, 200, 1, 1, &value, 1, 1, GDT_Byte, 0, 0) == CE_None);
        pixel[band - 1] = value;
    }
    INFO("pixel: " << describe(pixel));
    CHECK(near(pixel, blend(user_layer_colour(0), UserLayerStyle{}.fill_alpha, MapStyle{}.land)));
}
