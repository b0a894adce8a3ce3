// `muster script`: Lua scripts through the built binary, as users run them.
// A script builds a scenario from scratch and renders it (checked pixel by
// pixel), saves it (read back), and every way out of the sandbox is refused
// with its exact one-line error "muster script: FILE.lua:LINE: ...".
#include "cli_scratch.hpp"

#include "core/geo.hpp"
#include "render/camera.hpp"
#include "render/style.hpp"
#include "scenario/scenario_json.hpp"

#include <doctest/doctest.h>
#include <gdal_priv.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace muster;
using muster::test::Run;
using muster::test::slurp;

namespace {

class ScriptScratch : public muster::test::Scratch {
public:
    ScriptScratch() : muster::test::Scratch("script-cli") {}

    void write(const std::string& name, const std::string& text) const {
        fs::create_directories((folder() / name).parent_path());
        std::ofstream(folder() / name) << text;
    }

    // `cd FOLDER && muster ARGS`: scripts are named as given ("escape.lua"),
    // as a user in that folder sees them.
    [[nodiscard]] Run run(const std::string& args) const {
        const fs::path out = folder() / ".stdout", err = folder() / ".stderr";
        const std::string command = "cd '" + folder().string() + "' && '" + std::string(MUSTER_BINARY) + "' " + args +
                                    " >'" + out.string() + "' 2>'" + err.string() + "'";
        const int status = std::system(command.c_str());
        Run result;
        result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        result.out = slurp(out);
        result.err = slurp(err);
        fs::remove(out);
        fs::remove(err);
        return result;
    }

    // Writes escape.lua and runs it; the one line it fails with.
    [[nodiscard]] std::string error_of(const std::string& script, const std::string& options = "") const {
        write("escape.lua", script);
        const Run result = run("script escape.lua " + options);
        INFO("stdout: " << result.out);
        CHECK(result.exit_code == 1);
        return result.err;
    }
};

struct Image {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba;
    [[nodiscard]] const std::uint8_t* at(int x, int y) const { return &rgba[4 * (std::size_t(y) * width + x)]; }
};

Image read_png(const fs::path& png) {
    GDALAllRegister();
    GDALDataset* dataset = GDALDataset::Open(png.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY);
    REQUIRE(dataset);
    Image image{dataset->GetRasterXSize(), dataset->GetRasterYSize(), {}};
    image.rgba.assign(4 * std::size_t(image.width) * image.height, 255);
    int bands[] = {1, 2, 3};  // red, green, blue (alpha, when there, is opaque)
    REQUIRE(dataset->GetRasterCount() >= 3);
    const CPLErr read = dataset->RasterIO(GF_Read, 0, 0, image.width, image.height, image.rgba.data(), image.width,
                                          image.height, GDT_Byte, 3, bands, 4, 4 * image.width, 1, nullptr);
    GDALClose(dataset);
    REQUIRE(read == CE_None);
    return image;
}

bool has_colour(const std::uint8_t* pixel, const Rgba& colour) {
    auto close = [](int a, int b) { return std::abs(a - b) <= 1; };
    return close(pixel[0], colour.red8()) && close(pixel[1], colour.green8()) && close(pixel[2], colour.blue8());
}

std::string describe(const std::uint8_t* p) {
    return "rgb(" + std::to_string(p[0]) + "," + std::to_string(p[1]) + "," + std::to_string(p[2]) + ")";
}

// Pixels of `colour` within `radius` of where `place` is drawn.
int count_near(const Image& image, const Camera& camera, LatLon place, int radius, const Rgba& colour) {
    const ScreenPoint centre = camera.to_screen(place);
    int count = 0;
    for (int y = int(centre.y) - radius; y <= int(centre.y) + radius; ++y)
        for (int x = int(centre.x) - radius; x <= int(centre.x) + radius; ++x)
            if (x >= 0 && y >= 0 && x < image.width && y < image.height && has_colour(image.at(x, y), colour)) ++count;
    return count;
}

const std::uint8_t* pixel_at(const Image& image, const Camera& camera, LatLon place) {
    const ScreenPoint p = camera.to_screen(place);
    REQUIRE(p.x >= 0);
    REQUIRE(p.y >= 0);
    REQUIRE(p.x < image.width);
    REQUIRE(p.y < image.height);
    return image.at(int(p.x), int(p.y));
}

constexpr Extent kBox{20.0, 48.0, 36.0, 58.0};
constexpr PixelSize kSize{800, 600};
constexpr LatLon kMinsk{53.9, 27.56667};

}  // namespace

// ------------------------------------------------------------------ building and rendering

TEST_CASE("a script builds a scenario from scratch, renders it and saves it") {
    ScriptScratch scratch;
    scratch.write("build.lua", R"(local s = muster.new_scenario{title = "Build-up", date = "2022-02-10"}
local minsk = s:add_place("Minsk")
s:add_figure{actor = "RU", value = 30000, qualifier = "approx", place = minsk}
muster.render(s, {output = "map.png", size = {800, 600}, bbox = {20, 48, 36, 58}})
muster.render(muster.new_scenario(), {output = "plain.png", size = {800, 600}, bbox = {20, 48, 36, 58}})
print(s:save("build-up.json"))
)");
    const Run run = scratch.run("script build.lua --out out");
    INFO("stderr: " << run.err);
    REQUIRE(run.exit_code == 0);
    const fs::path out = fs::canonical(scratch.folder() / "out");
    CHECK(run.out == (out / "build-up.json").string() + "\n");

    const Camera camera = Camera::fit(kBox, kSize);
    const Image map = read_png(out / "map.png");
    const Image plain = read_png(out / "plain.png");
    REQUIRE(map.width == 800);
    REQUIRE(map.height == 600);
    const MapStyle style;
    // The hostile (RU) unit symbol's salmon fill at Minsk, none on the plain map.
    CHECK(count_near(map, camera, kMinsk, 30, style.overlay.symbols.hostile_fill) > 100);
    CHECK(count_near(plain, camera, kMinsk, 30, style.overlay.symbols.hostile_fill) == 0);
    // Russia is the actor (terracotta), Belarus the host (sand); the plain
    // map has both in plain land.
    constexpr LatLon smolensk_region{55.3, 33.5}, polesia{52.1, 28.2};
    CHECK_MESSAGE(has_colour(pixel_at(map, camera, smolensk_region), style.overlay.roles.actor_hostile),
                  describe(pixel_at(map, camera, smolensk_region)));
    CHECK_MESSAGE(has_colour(pixel_at(map, camera, polesia), style.overlay.roles.host),
                  describe(pixel_at(map, camera, polesia)));
    CHECK(has_colour(pixel_at(plain, camera, smolensk_region), style.land));
    CHECK(has_colour(pixel_at(plain, camera, polesia), style.land));

    const scenario::Scenario saved = scenario::load_scenario(out / "build-up.json");
    CHECK(saved.title == "Build-up");
    CHECK(saved.date == "2022-02-10");
    REQUIRE(saved.places.size() == 1);
    CHECK(saved.places[0].id == "p1");
    CHECK(saved.places[0].name == "Minsk");
    CHECK(saved.places[0].country == "BY");
    CHECK(saved.places[0].geonameid == 625144);
    REQUIRE(saved.figures.size() == 1);
    CHECK(saved.figures[0].text == "about 30,000 troops");
    CHECK(saved.figures[0].amount.value == 30000.0);
    CHECK(saved.figures[0].actor == "RU");
    CHECK(saved.figures[0].category == "personnel");
    CHECK(saved.figures[0].place == "p1");
}

TEST_CASE("a script draws an annotation, sets the camera and a layer, and renders it") {
    ScriptScratch scratch;
    scratch.write("axes.lua", R"(local s = muster.new_scenario{title = "Axes"}
local camp = s:add_place{name = "Field camp", lat = 53.9, lon = 27.5667, country = "BY"}
local target = s:add_place{name = "Target", lat = 50.45, lon = 30.52, country = "UA"}
local axis = s:add_annotation{kind = "arrow", places = {camp, target}, colour = "#0047FF"}
s:add_annotation{kind = "area", colour = "#D000D0",
                 geometry = {type = "Polygon", coordinates = {{{25, 55}, {27, 55}, {27, 56}, {25, 56}, {25, 55}}}}}
s:add_annotation{kind = "label", text = "Later", places = {target}, when = {start = "2022-02-24"}}
muster.set_camera(s, {center = {52.5, 27.5}, zoom = 6})
muster.set_layer(s, "city_labels", {visible = false})
muster.set_time(s, "2022-01-15")
muster.render(s, {output = "axes.png", size = {800, 600}})
muster.render(s, {output = "hidden.png", size = {800, 600}, layers = {annotations = {visible = false}}})
print(axis.id, axis.kind, #s:annotations(), s:annotations()[2].geometry.type)
)");
    const Run run = scratch.run("script axes.lua --out out");
    INFO("stderr: " << run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.out == "a1\tarrow\t3\tPolygon\n");
    const fs::path out = fs::canonical(scratch.folder() / "out");
    const Image axes = read_png(out / "axes.png");
    const Image hidden = read_png(out / "hidden.png");

    // The scenario's camera frames the image: centre 52.5 N 27.5 E at zoom 6.
    Camera camera(kSize);
    camera.set_zoom(6.0);
    camera.set_centre({52.5, 27.5});
    constexpr Rgba blue = Rgba::hex(0x0047FF), magenta = Rgba::hex(0xD000D0);
    // The arrow halfway between the two places (the great circle is all but
    // straight on screen over 450 km), in its colour; none with the layer hidden.
    constexpr LatLon halfway{52.1842, 29.1006};
    CHECK(count_near(axes, camera, halfway, 3, blue) > 0);
    CHECK(count_near(hidden, camera, halfway, 3, blue) == 0);
    // The area's outline along its southern edge.
    constexpr LatLon south_edge{55.0, 26.0};
    CHECK(count_near(axes, camera, south_edge, 2, magenta) > 0);
    CHECK(count_near(hidden, camera, south_edge, 2, magenta) == 0);
}

TEST_CASE("script calls for annotations, camera, time and layers refuse bad arguments in one line") {
    ScriptScratch scratch;
    const std::string s = "local s = muster.new_scenario()\n";
    CHECK(scratch.error_of(s + "s:add_annotation{kind = 'circle'}\n") ==
          "muster script: escape.lua:2: add_annotation: kind must be one of label, arrow, line, area, got 'circle'\n");
    CHECK(scratch.error_of(s + "s:add_annotation{kind = 'arrow', text = 'x'}\n") ==
          "muster script: escape.lua:2: add_annotation: an arrow runs through places = {...} or a LineString or "
          "MultiLineString geometry\n");
    CHECK(scratch.error_of(s + "s:add_annotation{kind = 'label', text = 'x', geometry = {type = 'Point', coordinates = "
                               "{30, 95}}}\n") ==
          "muster script: escape.lua:2: add_annotation: geometry: latitude must be from -90 to 90, got 95\n");
    CHECK(scratch.error_of(s + "s:add_annotation{kind = 'line', colour = 'red', geometry = {type = 'LineString', "
                               "coordinates = {{30, 50}, {31, 51}}}}\n") ==
          "muster script: escape.lua:2: add_annotation: colour must be '#RRGGBB' (such as '#1F5AA6'), got 'red'\n");
    CHECK(scratch.error_of(s + "muster.set_time(s, '2022-02-30')\n") ==
          "muster script: escape.lua:2: muster.set_time: time must be a time such as '2022-01-15' or "
          "'2022-02-24T03:40', got '2022-02-30'\n");
    CHECK(scratch.error_of(s + "muster.set_layer(s, 'cities', {visible = false})\n") ==
          "muster script: escape.lua:2: muster.set_layer: no layer named 'cities' (layers: annotations, deployments, "
          "place_labels, border_features, areas, city_labels, country_names, country_borders, countries, "
          "graticule)\n");
    CHECK(scratch.error_of(s + "muster.set_layer(s, 'areas', {opacity = 2})\n") ==
          "muster script: escape.lua:2: muster.set_layer: opacity must be from 0 to 1, got 2\n");
    CHECK(scratch.error_of(s + "muster.set_camera(s, {center = {50, 30}, zoom = 20})\n") ==
          "muster script: escape.lua:2: muster.set_camera: zoom must be from 0 (the world) to 14, got 20\n");
    CHECK(scratch.error_of(s + "muster.set_camera(s, {center = {50, 30}})\n") ==
          "muster script: escape.lua:2: muster.set_camera: center and zoom go together\n");
    const std::string projection = scratch.error_of(s + "muster.set_projection(s, 'EPSG:999999')\n");
    CHECK(projection.rfind("muster script: escape.lua:2: muster.set_projection: projection 'EPSG:999999': ", 0) == 0);
    CHECK(scratch.error_of(s + "s:add_figure{value = 5, when = {start = '2022-03-01', ['end'] = '2022-02-01'}}\n") ==
          "muster script: escape.lua:2: add_figure: when.start must not be after when.end\n");
}

TEST_CASE("a script reads files and modules beside it and gets its arguments") {
    ScriptScratch scratch;
    scratch.write("lib/names.lua", "return {first = function(t) return t[1] end}\n");
    scratch.write("places.txt", "Gomel\nBrest\n");
    scratch.write("main.lua", R"(local names = require("lib.names")
local list = {}
for line in io.lines("places.txt") do list[#list + 1] = line end
print(names.first(list), #list, arg[0], arg[1], select("#", ...))
local s = muster.new_scenario()
local brest = s:add_place{name = "Brest", country = "BY"}
print(brest.name, brest.country, s:add_place("Brest").country)
local hits = muster.geocode("Brest", {country = "FR", limit = 1})
print(#hits, hits[1].name, hits[1].country, hits[1].kind)
)");
    const Run run = scratch.run("script main.lua -- --frames");
    INFO("stderr: " << run.err);
    CHECK(run.exit_code == 0);
    CHECK(run.out == "Gomel\t2\tmain.lua\t--frames\t1\nBrest\tBY\tBY\n1\tBrest\tFR\tcity\n");

    // An error inside a module names the module's own file and line.
    scratch.write("lib/broken.lua", "local x = 1\nerror('boom')\n");
    CHECK(scratch.error_of("require 'lib.broken'\n") == "muster script: lib/broken.lua:2: boom\n");
}

TEST_CASE("a script edits figures and places and exports GeoJSON") {
    ScriptScratch scratch;
    scratch.write("edit.lua", R"(local s = muster.new_scenario()
local f = s:add_figure{actor = "RU", value = 10000, place = "Gomel"}
print(f.text, f.place, s:place(f.place).name)
f = s:edit_figure(f.id, {value = 12000, actor = false})
print(f.text, f.actor, #s:figures())
local camp = s:add_place{name = "Field camp", lat = 51.9, lon = 29.1, country = "BY"}
s:edit_figure(f, {place = camp})
s:remove_place("p1")
print(#s:places(), s:places()[1].feature, s:figure("f1").place)
s:export_geojson("camp.geojson")
)");
    const Run run = scratch.run("script edit.lua --out out");
    INFO("stderr: " << run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.out == "10,000 troops\tp1\tHomyel'\n12,000 troops\tnil\t1\n1\tsite\tp2\n");
    const std::string geojson = slurp(scratch.folder() / "out" / "camp.geojson");
    CHECK(geojson.find("\"name\": \"Field camp\"") != std::string::npos);
    CHECK(geojson.find("\"coordinates\": [29.1,51.9]") != std::string::npos);
}

TEST_CASE("a script opens an article and a scenario file, and saves what it read") {
    ScriptScratch scratch;
    scratch.write("article.txt", "Russia has massed about 100,000 troops along its border with Ukraine.\n");
    scratch.write("open.lua", R"(local article = muster.open("article.txt")
local f = article:figures()[1]
print(f.value, f.actor, article:place(f.place).name, #article:places())
article.title = "Massed"
article:save("article.json")
local again = muster.open(muster.output_dir .. "/article.json")
print(again.title, #again:figures(), again:figures()[1].text)
)");
    const Run run = scratch.run("script open.lua --out out");
    INFO("stderr: " << run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.out == "100000\tRU\tUkraine\t2\nMassed\t1\tabout 100,000 troops\n");
    const scenario::Scenario saved = scenario::load_scenario(scratch.folder() / "out" / "article.json");
    REQUIRE(saved.sources.size() == 1);
    CHECK(saved.sources[0].text == "Russia has massed about 100,000 troops along its border with Ukraine.\n");
}

// ------------------------------------------------------------------ errors

TEST_CASE("script errors are one line with the script's file and line") {
    ScriptScratch scratch;
    CHECK(scratch.error_of("local s = muster.new_scenario()\ns:add_place('Qwertzuiopland')\n") ==
          "muster script: escape.lua:2: add_place: no place named 'Qwertzuiopland' in the gazetteer\n");
    CHECK(scratch.error_of("local s = muster.new_scenario()\n\ns:add_figure{actor = 'RU', value = 5, colour = 'red'}\n") ==
          "muster script: escape.lua:3: add_figure: unknown field 'colour' (known: actor, value, min, max, qualifier, "
          "unit, category, place, text, id, function, when, history)\n");
    CHECK(scratch.error_of("local s = muster.new_scenario()\ns:add_figure{category = 'tanks'}\n") ==
          "muster script: escape.lua:2: add_figure: category must be one of personnel, unit, equipment, distance, "
          "casualties, count, other, got 'tanks'\n");
    CHECK(scratch.error_of("x = 1 +\n") == "muster script: escape.lua:2: unexpected symbol near <eof>\n");
    CHECK(scratch.error_of("\nerror('no position', 0)\n") == "muster script: escape.lua:2: no position\n");
    CHECK(scratch.error_of("assert(false, 'checked')\n") == "muster script: escape.lua:1: checked\n");
    CHECK(scratch.error_of("error({})\n") == "muster script: escape.lua:1: error object is a table value\n");
    CHECK(scratch.error_of("muster.set_projection('EPSG:3035')\n") ==
          "muster script: escape.lua:1: muster.set_projection: expects a scenario first, got string\n");
    CHECK(scratch.error_of("muster.render(muster.new_scenario(), {output = 'x.png', time = 'soon'})\n", "--out out") ==
          "muster script: escape.lua:1: muster.render: time must be a time such as '2022-01-15' or "
          "'2022-02-24T03:40', got 'soon'\n");
    CHECK(scratch.error_of("muster.render(muster.new_scenario(), {output = 'x.jpg'})\n", "--out out") ==
          "muster script: escape.lua:1: muster.render: output 'x.jpg' must end in .png, .tif or .tiff\n");
    CHECK_FALSE(fs::exists(scratch.folder() / "out" / "x.png"));
}

TEST_CASE("a missing script or a bad limit is one line too") {
    ScriptScratch scratch;
    Run run = scratch.run("script nowhere.lua");
    CHECK(run.exit_code == 1);
    CHECK(run.err == "muster script: nowhere.lua: cannot read (no such file)\n");
    run = scratch.run("script nowhere.lua --time-limit 0");
    CHECK(run.exit_code == 1);
    CHECK(run.err == "muster script: option '--time-limit' expects a whole number from 1 to 86400, got '0'\n");
    run = scratch.run("script");
    CHECK(run.exit_code == 1);
    CHECK(run.err == "muster script: missing argument (see 'muster script --help')\n");
}

// ------------------------------------------------------------------ the sandbox

TEST_CASE("sandbox: no programs, no environment, no files outside its folders") {
    ScriptScratch scratch;
    CHECK(scratch.error_of("os.execute('touch pwned')\n") ==
          "muster script: escape.lua:1: os.execute is not allowed in muster scripts (sandbox)\n");
    CHECK_FALSE(fs::exists(scratch.folder() / "pwned"));
    CHECK(scratch.error_of("local p = io.popen('id')\n") ==
          "muster script: escape.lua:1: io.popen is not allowed in muster scripts (sandbox)\n");
    CHECK(scratch.error_of("print(os.getenv('HOME'))\n") ==
          "muster script: escape.lua:1: os.getenv is not allowed in muster scripts (sandbox)\n");
    CHECK(scratch.error_of("os.remove('escape.lua')\n") ==
          "muster script: escape.lua:1: os.remove is not allowed in muster scripts (sandbox)\n");
    CHECK(scratch.error_of("local f = io.open('/etc/passwd')\n") ==
          "muster script: escape.lua:1: io.open: cannot read '/etc/passwd': outside the script's folder and the "
          "output folder (sandbox)\n");
    CHECK(scratch.error_of("for l in io.lines('../../etc/passwd') do end\n") ==
          "muster script: escape.lua:1: io.lines: cannot read '../../etc/passwd': outside the script's folder and "
          "the output folder (sandbox)\n");
    CHECK(scratch.error_of("io.open('note.txt', 'w')\n") ==
          "muster script: escape.lua:1: io.open: cannot write 'note.txt': no output folder (run with --out DIR)\n");
    const std::string out = (fs::canonical(scratch.folder()) / "out").string();
    CHECK(scratch.error_of("io.open('../escape.lua', 'w')\n", "--out out") ==
          "muster script: escape.lua:1: io.open: cannot write '../escape.lua': outside the output folder " + out +
              " (sandbox)\n");
    CHECK(scratch.error_of("local s = muster.new_scenario()\ns:save('/tmp/elsewhere.json')\n", "--out out") ==
          "muster script: escape.lua:2: save: cannot write '/tmp/elsewhere.json': outside the output folder " + out +
              " (sandbox)\n");
    CHECK(scratch.error_of("muster.open('/etc/hostname')\n") ==
          "muster script: escape.lua:1: muster.open: cannot read '/etc/hostname': outside the script's folder and "
          "the output folder (sandbox)\n");
    // Nor through a scenario file's source paths.
    scratch.write("leak.json", R"({"muster": 1, "sources": [{"id": "s1", "path": "/etc/hostname"}]})");
    const std::string leak = scratch.error_of("muster.open('leak.json')\n");
    CHECK(leak.rfind("muster script: escape.lua:1: muster.open: ", 0) == 0);
    CHECK(leak.ends_with("leak.json:1: /sources/0/path: \"/etc/hostname\": cannot read '/etc/hostname': outside the "
                         "script's folder and the output folder (sandbox)\n"));
    // A link inside the output folder that leads out of it is outside.
    fs::create_directories(scratch.folder() / "out");
    fs::create_directory_symlink("/etc", scratch.folder() / "out" / "etc");
    CHECK(scratch.error_of("io.open('out/etc/passwd')\n", "--out out") ==
          "muster script: escape.lua:1: io.open: cannot read 'out/etc/passwd': outside the script's folder and the "
          "output folder (sandbox)\n");
}

TEST_CASE("sandbox: no C code, no debug library, no binary chunks") {
    ScriptScratch scratch;
    CHECK(scratch.error_of("local socket = require('socket')\n") ==
          "muster script: escape.lua:1: require: no module 'socket': no socket.lua in the script's folder (scripts "
          "require only Lua files beside them; C modules are not allowed)\n");
    CHECK(scratch.error_of("require('../x')\n") ==
          "muster script: escape.lua:1: require: '../x' is not a module name (words of letters, digits and '_' "
          "between dots)\n");
    CHECK(scratch.error_of("local f = package.loadlib('libc.so.6', 'system')\n") ==
          "muster script: escape.lua:1: package is not available in muster scripts (sandbox)\n");
    CHECK(scratch.error_of("debug.sethook()\n") ==
          "muster script: escape.lua:1: debug is not available in muster scripts (sandbox)\n");
    CHECK(scratch.error_of("dofile('/etc/passwd')\n") ==
          "muster script: escape.lua:1: dofile is not available in muster scripts (sandbox)\n");
    CHECK(scratch.error_of("local f = string.dump(print)\n") ==
          "muster script: escape.lua:1: string.dump is not allowed in muster scripts (sandbox)\n");
    CHECK(scratch.error_of("local f = load('\\27LuaT\\0\\25\\147\\r\\n\\26\\n')\n") ==
          "muster script: escape.lua:1: load: binary chunks are not allowed in muster scripts (sandbox)\n");
    CHECK(scratch.error_of("local f = load('return 1', 'chunk', 'b')\n") ==
          "muster script: escape.lua:1: load: binary chunks are not allowed in muster scripts (sandbox)\n");
    CHECK(scratch.error_of("local f = load(function() return nil end, 'chunk', 'bt')\n") ==
          "muster script: escape.lua:1: load: binary chunks are not allowed in muster scripts (sandbox)\n");
    CHECK(scratch.error_of("setmetatable(_G, nil)\n") ==
          "muster script: escape.lua:1: cannot change a protected metatable\n");
    // Finalizers run with the time limit's hook off.
    CHECK(scratch.error_of("setmetatable({}, {__gc = function() while true do end end})\n") ==
          "muster script: escape.lua:1: setmetatable: __gc metamethods are not allowed in muster scripts (sandbox)\n");
    // Text chunks still load, in the sandbox's globals.
    scratch.write("text.lua", "print(load('return os.execute')() ~= nil, load('return debug', 'c', 't', {})())\n");
    const Run run = scratch.run("script text.lua");
    CHECK(run.exit_code == 0);
    CHECK(run.out == "true\tnil\n");
}

TEST_CASE("sandbox: a runaway script is stopped at the time limit, pcall or not") {
    ScriptScratch scratch;
    CHECK(scratch.error_of("local n = 0\nwhile true do n = n + 1 end\n", "--time-limit 1") ==
          "muster script: escape.lua:2: time limit exceeded (1 s)\n");
    CHECK(scratch.error_of("while true do pcall(function() while true do end end) end\n", "--time-limit 1") ==
          "muster script: escape.lua:1: time limit exceeded (1 s)\n");
}

TEST_CASE("sandbox: a memory bomb is stopped at the memory limit") {
    ScriptScratch scratch;
    CHECK(scratch.error_of("local t = {}\nfor i = 1, 1e9 do t[i] = ('x'):rep(1000) .. i end\n", "--memory-limit 16") ==
          "muster script: escape.lua:2: memory limit exceeded (16 MB)\n");
    CHECK(scratch.error_of("local s = ('x'):rep(2^30)\n", "--memory-limit 16") ==
          "muster script: escape.lua:1: memory limit exceeded (16 MB)\n");
}

TEST_CASE("sandbox: a script stuck inside one library call is stopped by the watchdog") {
    ScriptScratch scratch;
    CHECK(scratch.error_of("print(('a'):rep(100000):find('.-.-.-.-.-b'))\n", "--time-limit 1") ==
          "muster script: escape.lua: time limit exceeded (1 s) inside a library call; stopped\n");
}

// ------------------------------------------------------------------ the bundled example

TEST_CASE("the bundled example script builds the early-2022 build-up") {
    ScriptScratch scratch;
    const fs::path example = fs::path(MUSTER_TEST_FIXTURES).parent_path().parent_path() / "assets" / "scripts" /
                             "belarus_buildup.lua";
    const Run run = scratch.run("script '" + example.string() + "' --out out");
    INFO("stderr: " << run.err);
    REQUIRE(run.exit_code == 0);
    const fs::path out = fs::canonical(scratch.folder() / "out");
    CHECK(run.out == (out / "buildup.png").string() + "\n" + (out / "buildup.json").string() + "\n" +
                         (out / "buildup.geojson").string() + "\n");
    const scenario::Scenario saved = scenario::load_scenario(out / "buildup.json");
    CHECK(saved.date == "2022-02-10");
    REQUIRE(saved.figures.size() == 6);
    REQUIRE(saved.places.size() == 6);
    for (const scenario::Place& place : saved.places) {
        INFO(place.name);
        CHECK((place.country == "RU" || place.country == "BY"));
    }
    const Image map = read_png(out / "buildup.png");
    CHECK(map.width == 1600);
    CHECK(map.height == 900);
}
