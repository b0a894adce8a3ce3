// Annotations on the map (render/annotations.hpp) checked pixel by pixel in
// headless renders, the scenario's camera, layers and style applied
// (render/scenario_look.hpp), figures' function icons set by hand, and
// annotations in the vector exports.
#include "core/error.hpp"
#include "export/geojson.hpp"
#include "export/vector_export.hpp"
#include "render/annotations.hpp"
#include "render/headless_render.hpp"
#include "render/map_furniture.hpp"
#include "render/scenario_look.hpp"
#include "render/symbols.hpp"
#include "scenario/timeline.hpp"

#include <doctest/doctest.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>
#include <unistd.h>

using namespace muster;
namespace sc = muster::scenario;

namespace {

constexpr Extent kBox{18.0, 46.0, 36.0, 57.0};
constexpr PixelSize kSize{900, 700};
constexpr LatLon kMinsk{53.9, 27.5667}, kKyiv{50.45, 30.52}, kWarsaw{52.23, 21.01};

sc::Place place(std::string id, std::string name, std::string country, std::string feature, LatLon point) {
    sc::Place p;
    p.id = std::move(id);
    p.name = std::move(name);
    p.country = std::move(country);
    p.feature = std::move(feature);
    p.point = point;
    return p;
}

sc::Annotation annotation(std::string id, std::string kind, std::string text) {
    sc::Annotation a;
    a.id = std::move(id);
    a.kind = std::move(kind);
    a.text = std::move(text);
    return a;
}

sc::Geometry line_geometry(std::vector<LatLon> points) { return {"LineString", {{std::move(points)}}}; }

// Minsk and Kyiv, and a square north-west of Warsaw, in Poland.
const std::vector<LatLon> kSquare{{53.0, 17.6}, {53.0, 19.6}, {54.0, 19.6}, {54.0, 17.6}, {53.0, 17.6}};

HeadlessRender render(const sc::Scenario& scenario, bool apply_look = false) {
    HeadlessRenderRequest request;
    request.size = kSize;
    request.bbox = kBox;
    request.attribution = false;
    request.scenario = &scenario;
    if (apply_look) apply_scenario_look(scenario, request, false, false);
    return render_map_headless(request);
}

bool has_colour(const std::uint8_t* p, const Rgba& colour, int tolerance = 1) {
    auto close = [&](int a, int b) { return std::abs(a - b) <= tolerance; };
    return close(p[0], colour.red8()) && close(p[1], colour.green8()) && close(p[2], colour.blue8());
}

std::string describe(const std::uint8_t* p) {
    return "rgb(" + std::to_string(p[0]) + "," + std::to_string(p[1]) + "," + std::to_string(p[2]) + ")";
}

const std::uint8_t* pixel(const HeadlessRender& r, ScreenPoint p) {
    const int x = static_cast<int>(p.x), y = static_cast<int>(p.y);
    REQUIRE(x >= 0);
    REQUIRE(y >= 0);
    REQUIRE(x < r.image.size.width);
    REQUIRE(y < r.image.size.height);
    return r.image.at(x, y);
}

// Pixels of a colour within a box.
int count_in(const HeadlessRender& r, const ScreenBox& box, const Rgba& colour, int tolerance = 1) {
    int count = 0;
    for (int y = std::max(0, int(box.min_y)); y < std::min(r.image.size.height, int(box.max_y)); ++y)
        for (int x = std::max(0, int(box.min_x)); x < std::min(r.image.size.width, int(box.max_x)); ++x)
            if (has_colour(r.image.at(x, y), colour, tolerance)) ++count;
    return count;
}

// Pixels that differ between two renders within a box.
int changed_in(const HeadlessRender& a, const HeadlessRender& b, const ScreenBox& box) {
    int count = 0;
    for (int y = int(box.min_y); y < int(box.max_y); ++y)
        for (int x = int(box.min_x); x < int(box.max_x); ++x)
            if (!std::equal(a.image.at(x, y), a.image.at(x, y) + 3, b.image.at(x, y))) ++count;
    return count;
}

const OverlayLayout::AnnotationLine& line_of(const HeadlessRender& r, std::size_t annotation) {
    for (const auto& line : r.overlay.annotation_lines)
        if (line.annotation == annotation) return line;
    FAIL("annotation " << annotation << " has no line on the map");
    return r.overlay.annotation_lines.front();
}

const OverlayLayout::Label* label_of(const HeadlessRender& r, const std::string& text) {
    for (const auto& label : r.overlay.labels)
        if (label.text == text) return &label;
    return nullptr;
}

constexpr Rgba kBlue = Rgba::hex(0x0047FF), kGreen = Rgba::hex(0x00A040), kMagenta = Rgba::hex(0xD000D0);

// One annotation of each kind.
sc::Scenario annotated() {
    sc::Scenario s;
    s.places.push_back(place("p1", "Minsk", "BY", "city", kMinsk));
    s.places.push_back(place("p2", "Kyiv", "UA", "city", kKyiv));
    sc::Annotation arrow = annotation("a1", "arrow", "");
    arrow.places = {"p1", "p2"};
    arrow.colour = "#0047FF";
    s.annotations.push_back(arrow);
    sc::Annotation line = annotation("a2", "line", "");
    line.geometry = line_geometry({{49.0, 22.5}, {49.0, 26.0}});
    line.actor = "RU";
    s.annotations.push_back(line);
    sc::Annotation label = annotation("a3", "label", "STAGING AREA");
    label.geometry.type = "Point";
    label.geometry.parts = {{{LatLon{55.6, 23.0}}}};
    label.colour = "#00A040";
    s.annotations.push_back(label);
    sc::Annotation area = annotation("a4", "area", "");
    area.geometry = {"Polygon", {{kSquare}}};
    area.colour = "#D000D0";
    s.annotations.push_back(area);
    return s;
}

}  // namespace

// ------------------------------------------------------------------ drawing

TEST_CASE("annotations: an arrow, a line, a label and an area at their places, in their colours") {
    const sc::Scenario scenario = annotated();
    const HeadlessRender r = render(scenario);
    REQUIRE(r.overlay.annotation_lines.size() == 2);

    // The arrow along the great circle Minsk-Kyiv, in its colour, with a head at Kyiv.
    const auto& arrow = line_of(r, 0);
    CHECK(arrow.head);
    INFO("arrow middle " << describe(pixel(r, arrow.middle)));
    CHECK(has_colour(pixel(r, arrow.middle), kBlue));
    const ScreenPoint kyiv = r.camera.to_screen(kKyiv);
    // Its tip just off Kyiv's dot (8 pt), as movement arrows stop.
    CHECK(std::hypot(arrow.tip.x - kyiv.x, arrow.tip.y - kyiv.y) == doctest::Approx(8.0).epsilon(0.05));
    CHECK(has_colour(pixel(r, {(arrow.tip.x + arrow.base.x) / 2, (arrow.tip.y + arrow.base.y) / 2}), kBlue));

    // The line along its LineString, headless, in the RU side's arrow colour.
    const auto& line = line_of(r, 1);
    CHECK_FALSE(line.head);
    const ScreenPoint middle = r.camera.to_screen({49.0, 24.25});
    CHECK(std::abs(line.middle.x - middle.x) < 2.0);
    INFO("line middle " << describe(pixel(r, line.middle)));
    CHECK(has_colour(pixel(r, line.middle), MapStyle{}.overlay.arrow_hostile));

    // The label, placed and written in its colour.
    const auto* label = label_of(r, "STAGING AREA");
    REQUIRE(label);
    CHECK(label->kind == OverlayLayout::LabelKind::annotation);
    const ScreenPoint at = r.camera.to_screen({55.6, 23.0});
    CHECK(label->box.contains(float(at.x), float(at.y)));
    CHECK(count_in(r, label->box, kGreen) > 40);

    // The area: its outline on the square's edge, stripes inside.
    const ScreenPoint south_west = r.camera.to_screen(kSquare[0]), south_east = r.camera.to_screen(kSquare[1]);
    const ScreenPoint edge{(south_west.x + south_east.x) / 2, south_west.y};
    INFO("outline " << describe(pixel(r, edge)));
    CHECK(count_in(r, ScreenBox::centred(float(edge.x), float(edge.y), 4, 4), kMagenta) > 0);
    const ScreenPoint north_east = r.camera.to_screen(kSquare[2]);
    const ScreenBox inside{float(south_west.x) + 6, float(north_east.y) + 6, float(north_east.x) - 6, float(south_west.y) - 6};
    sc::Scenario without_area = scenario;
    without_area.annotations.pop_back();
    const HeadlessRender plain = render(without_area);
    const int changed = changed_in(r, plain, inside);
    const float area_px = inside.width() * inside.height();
    // Stripes 2 pt wide every 9 pt: about a quarter of the area, none of it anywhere else.
    CHECK(changed > area_px * 0.12f);
    CHECK(changed < area_px * 0.5f);
}

TEST_CASE("annotations: an area on a country's place hatches that country") {
    sc::Scenario s;
    s.places.push_back(place("p1", "Lithuania", "LT", "country", {55.3, 23.9}));
    s.places.push_back(place("p2", "Minsk", "BY", "city", kMinsk));
    const HeadlessRender plain = render(s);
    sc::Annotation area = annotation("a1", "area", "");
    area.places = {"p1"};
    s.annotations.push_back(area);
    const HeadlessRender hatched = render(s);
    // Inside Lithuania (clear of its name): the dark ink of an area without actor or colour.
    const ScreenPoint inside = hatched.camera.to_screen({55.0, 22.6});
    const ScreenBox box = ScreenBox::centred(float(inside.x), float(inside.y), 24, 24);
    CHECK(changed_in(hatched, plain, box) > 60);
    // Belarus, next door, is not hatched.
    const ScreenPoint belarus = hatched.camera.to_screen({52.6, 28.5});
    CHECK(changed_in(hatched, plain, ScreenBox::centred(float(belarus.x), float(belarus.y), 24, 24)) == 0);
}

TEST_CASE("annotations: a caption goes beside its arrow, outside their time they are not drawn") {
    sc::Scenario s = annotated();
    s.annotations[0].text = "Main axis";
    s.annotations[0].when = {"2022-02-24", ""};
    s.time.current = "2022-02-24";
    const HeadlessRender shown = render(s);
    const auto* caption = label_of(shown, "Main axis");
    REQUIRE(caption);
    const auto& arrow = line_of(shown, 0);
    CHECK(std::hypot(caption->anchor.x - arrow.middle.x, caption->anchor.y - arrow.middle.y) < 1.0);

    s.time.current = "2022-02-01";
    const HeadlessRender before = render(s);
    CHECK(label_of(before, "Main axis") == nullptr);
    for (const auto& line : before.overlay.annotation_lines) CHECK(line.annotation != 0);
    CHECK_FALSE(has_colour(pixel(before, arrow.middle), kBlue));
}

TEST_CASE("annotations: the legend lists the kinds shown, in their colours") {
    const sc::Scenario s = annotated();
    const LegendContent legend = legend_content(s, OverlayStyle{});
    REQUIRE(legend.annotations.size() == 3);
    CHECK(legend.annotations[0].label == "Marked movement");
    CHECK(legend.annotations[0].colour == kBlue);
    CHECK(legend.annotations[1].label == "Marked line");
    CHECK(legend.annotations[1].colour == OverlayStyle{}.arrow_hostile);
    CHECK(legend.annotations[2].label == "Marked area");
}

TEST_CASE("annotations: the legend follows the timeline's moment, not only the file's time") {
    sc::Scenario s = annotated();
    for (sc::Annotation& annotation : s.annotations)
        if (annotation.kind == "arrow") annotation.when = {"2022-02-01", "2022-02-10"};
    const auto day = [](const char* date) { return *sc::parse_time(date); };
    const sc::TimelineFrame during = sc::frame_at(s, day("2022-02-05"));
    const sc::TimelineFrame after = sc::frame_at(s, day("2022-02-20"));
    CHECK(legend_content(s, OverlayStyle{}, &during).annotations.size() == 3);
    const LegendContent later = legend_content(s, OverlayStyle{}, &after);
    REQUIRE(later.annotations.size() == 2);
    CHECK(later.annotations[0].label == "Marked line");
}

TEST_CASE("parse_hex_colour reads #RRGGBB only") {
    CHECK(parse_hex_colour("#1f5aA6") == Rgba::hex(0x1F5AA6));
    CHECK_FALSE(parse_hex_colour("1F5AA6"));
    CHECK_FALSE(parse_hex_colour("#1F5AA"));
    CHECK_FALSE(parse_hex_colour("#1F5AAG"));
}

// ------------------------------------------------------------------ the scenario's look

TEST_CASE("scenario look: the camera's centre and zoom frame the render, --bbox wins") {
    sc::Scenario s = annotated();
    s.camera = sc::MapView{};
    s.camera->center = LatLon{50.0, 30.0};
    s.camera->zoom = 6.0;
    HeadlessRenderRequest request;
    request.size = {800, 600};
    request.scenario = &s;
    apply_scenario_look(s, request, false, false);
    const Camera camera = request_camera(request);
    CHECK(camera.zoom() == doctest::Approx(6.0));
    CHECK(camera.centre().lat == doctest::Approx(50.0).epsilon(1e-6));
    CHECK(camera.centre().lon == doctest::Approx(30.0).epsilon(1e-6));
    // A poster at twice the size scale shows the same area.
    HeadlessRenderRequest poster = request;
    poster.size = {1600, 1200};
    poster.scale = 2.0f;
    CHECK(request_camera(poster).zoom() == doctest::Approx(7.0));

    // A bbox instead: framed as --bbox frames it.
    s.camera->center.reset();
    s.camera->zoom.reset();
    s.camera->bbox = std::array<double, 4>{20.0, 45.0, 40.0, 56.0};
    HeadlessRenderRequest boxed;
    boxed.size = {800, 600};
    apply_scenario_look(s, boxed, false, false);
    REQUIRE(boxed.bbox);
    CHECK(boxed.bbox->min_lon == 20.0);
    CHECK(boxed.bbox->max_lat == 56.0);

    // --bbox given: it wins; --fit given: the scenario is framed.
    HeadlessRenderRequest given;
    given.bbox = Extent{0.0, 40.0, 10.0, 50.0};
    apply_scenario_look(s, given, false, false);
    CHECK(given.bbox->min_lon == 0.0);
    HeadlessRenderRequest fit;
    apply_scenario_look(s, fit, true, false);
    CHECK_FALSE(fit.bbox);
    CHECK_FALSE(fit.centre);
}

TEST_CASE("scenario look: the camera's projection is used unless --projection is given") {
    sc::Scenario s;
    s.camera = sc::MapView{};
    s.camera->projection = "EPSG:3035";
    HeadlessRenderRequest request;
    apply_scenario_look(s, request, false, false);
    REQUIRE(request.projection);
    CHECK(request.projection->id() == "EPSG:3035");
    HeadlessRenderRequest kept;
    apply_scenario_look(s, kept, false, true);
    CHECK_FALSE(kept.projection);
    s.camera->projection = "EPSG:999999";
    HeadlessRenderRequest bad;
    CHECK_THROWS_WITH_AS(apply_scenario_look(s, bad, false, false),
                         doctest::Contains("camera projection 'EPSG:999999'"), Error);
}

TEST_CASE("scenario look: a layer the scenario hides is not drawn") {
    sc::Scenario s = annotated();
    s.figures.push_back({});
    s.figures.back().id = "f1";
    s.figures.back().actor = "RU";
    s.figures.back().category = "personnel";
    s.figures.back().unit = "troops";
    s.figures.back().amount.value = 2000;
    s.figures.back().place = "p1";
    const HeadlessRender shown = render(s, true);
    const ScreenPoint middle = line_of(shown, 0).middle;
    REQUIRE(has_colour(pixel(shown, middle), kBlue));
    REQUIRE(shown.overlay.symbols.size() == 1);

    s.layers["annotations"] = sc::LayerState{false, 1.0};
    s.layers["deployments"] = sc::LayerState{true, 0.0};
    const HeadlessRender hidden = render(s, true);
    CHECK(hidden.overlay.annotation_lines.empty());
    CHECK(label_of(hidden, "STAGING AREA") == nullptr);
    CHECK_FALSE(has_colour(pixel(hidden, middle), kBlue));
    // Opacity 0: laid out, but no pixel of the symbol.
    const auto& symbol = hidden.overlay.symbols.at(0);
    CHECK_FALSE(has_colour(pixel(hidden, {symbol.centre.x + 0.36 * symbol.height, symbol.centre.y}),
                           MapStyle{}.overlay.symbols.hostile_fill));

    // And the looks go back into the file as they are.
    LayerSettings layers;
    apply_layer_states(s.layers, layers);
    CHECK_FALSE(layers.annotations.visible);
    CHECK(layer_states(layers) == s.layers);
}

TEST_CASE("scenario look: a style colour replaces a symbol's fill, symbol_scale makes it larger") {
    sc::Scenario s;
    s.places.push_back(place("p1", "Minsk", "BY", "city", kMinsk));
    sc::Figure troops;
    troops.id = "f1";
    troops.actor = "RU";
    troops.category = "personnel";
    troops.unit = "troops";
    troops.text = "2,000 troops";
    troops.amount.value = 2000;
    troops.place = "p1";
    s.figures.push_back(troops);
    const HeadlessRender plain = render(s, true);
    s.style.colours["hostile"] = "#00C8C8";
    s.style.symbol_scale = 1.5;
    const HeadlessRender styled_render = render(s, true);
    REQUIRE(styled_render.overlay.symbols.size() == 1);
    const auto& symbol = styled_render.overlay.symbols[0];
    CHECK(symbol.height == doctest::Approx(plain.overlay.symbols.at(0).height * 1.5));
    const auto* fill = pixel(styled_render, {symbol.centre.x + 0.36 * symbol.height, symbol.centre.y});
    INFO("symbol pixel " << describe(fill));
    CHECK(has_colour(fill, Rgba::hex(0x00C8C8)));
}

// ------------------------------------------------------------------ symbols

TEST_CASE("a figure's function set by hand overrides the one its words give") {
    sc::Figure figure;
    figure.unit = "tanks";
    figure.text = "1,200 tanks";
    CHECK(figure_function(figure) == UnitFunction::armour);
    figure.function = "air defence";
    CHECK(figure_function(figure) == UnitFunction::air_defence);
    CHECK(symbol_spec(figure, 0.3f).function == UnitFunction::air_defence);
    figure.function = "none";
    CHECK(figure_function(figure) == UnitFunction::none);
    CHECK(function_named("rotary wing") == UnitFunction::rotary_wing);
    CHECK_FALSE(function_named("cavalry"));
}

// ------------------------------------------------------------------ vector exports

TEST_CASE("annotations go out in GeoJSON and GeoPackage with kind, text, actor and colour") {
    sc::Scenario s = annotated();
    s.annotations[0].text = "Main axis";
    s.annotations[0].actor = "RU";
    const nlohmann::json collection = to_geojson(s);
    std::vector<nlohmann::json> annotations;
    for (const auto& feature : collection["features"])
        if (feature["properties"].contains("id")) annotations.push_back(feature);
    REQUIRE(annotations.size() == 4);
    CHECK(annotations[0]["properties"]["kind"] == "arrow");
    CHECK(annotations[0]["properties"]["text"] == "Main axis");
    CHECK(annotations[0]["properties"]["actor"] == "RU");
    CHECK(annotations[0]["properties"]["colour"] == "#0047FF");
    CHECK(annotations[0]["properties"]["places"] == nlohmann::json::array({"Minsk", "Kyiv"}));
    CHECK(annotations[0]["geometry"]["type"] == "LineString");
    CHECK(annotations[0]["geometry"]["coordinates"].front() == nlohmann::json::array({27.5667, 53.9}));
    CHECK(annotations[0]["geometry"]["coordinates"].back() == nlohmann::json::array({30.52, 50.45}));
    CHECK(annotations[2]["properties"]["kind"] == "label");
    CHECK(annotations[2]["geometry"] == nlohmann::json({{"type", "Point"}, {"coordinates", {23.0, 55.6}}}));
    CHECK(annotations[3]["geometry"]["type"] == "Polygon");
    CHECK(annotations[3]["geometry"]["coordinates"][0].size() == 5);

    const std::filesystem::path gpkg =
        std::filesystem::temp_directory_path() / ("muster-test-annotations-" + std::to_string(::getpid()) + ".gpkg");
    write_vector_file(s, gpkg, VectorFormat::geopackage);
    GDALAllRegister();
    GDALDataset* dataset = GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY);
    REQUIRE(dataset);
    OGRLayer* layer = dataset->GetLayerByName("annotations");
    REQUIRE(layer);
    CHECK(layer->GetFeatureCount() == 4);
    std::vector<std::string> kinds;
    for (const auto& feature : *layer) {
        kinds.push_back(feature->GetFieldAsString("kind"));
        if (kinds.back() == "area") {
            REQUIRE(feature->GetGeometryRef());
            CHECK(wkbFlatten(feature->GetGeometryRef()->getGeometryType()) == wkbPolygon);
            CHECK(std::string(feature->GetFieldAsString("colour")) == "#D000D0");
        }
    }
    CHECK(kinds == std::vector<std::string>{"arrow", "line", "label", "area"});
    GDALClose(dataset);
    std::filesystem::remove(gpkg);
}
