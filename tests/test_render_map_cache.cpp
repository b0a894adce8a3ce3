// MapCache: a frame made from the kept map and marks has exactly the pixels
// of drawing it anew, the images are drawn again when what they show
// changes, and strengths step by day while a timeline plays.
#include "platform/offscreen_surface.hpp"
#include "render/map_cache.hpp"
#include "render/map_renderer.hpp"
#include "render/overlay_fonts.hpp"
#include "scenario/timeline.hpp"
#include "ui/imgui_layer.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace muster;
namespace sc = muster::scenario;

namespace {

constexpr PixelSize kSize{640, 400};

sc::Place city(std::string id, std::string name, LatLon point) {
    sc::Place p;
    p.id = std::move(id), p.name = std::move(name), p.feature = "city", p.point = point;
    return p;
}

// Russian troops in Minsk from 10 January 2022, 30,000 growing by 1,000 a
// day; 40 tanks setting out from Moscow for Minsk on 5 January, arriving on
// the 15th; troops in Kyiv from the 20th.
sc::Scenario dated() {
    sc::Scenario s;
    s.places = {city("p1", "Minsk", {53.9, 27.5667}), city("p2", "Moscow", {55.7558, 37.6173}),
                city("p3", "Kyiv", {50.45, 30.5234})};
    sc::Figure troops;
    troops.id = "f1", troops.text = "30,000 troops", troops.amount.value = 30000.0;
    troops.unit = "troops", troops.category = "personnel", troops.actor = "RU", troops.place = "p1";
    troops.when = {"2022-01-10", ""};
    troops.history = {{"2022-01-10", 30000}, {"2022-02-10", 61000}};
    sc::Figure tanks;
    tanks.id = "f2", tanks.text = "40 tanks", tanks.amount.value = 40.0;
    tanks.unit = "tanks", tanks.category = "equipment", tanks.actor = "RU", tanks.place = "p1";
    sc::Figure later = troops;
    later.id = "f3", later.place = "p3", later.history.clear(), later.when = {"2022-01-20", ""};
    s.figures = {troops, tanks, later};
    sc::Movement m;
    m.id = "m1", m.figure = "f2", m.from = "p2", m.to = "p1", m.when = {"2022-01-05", "2022-01-15"};
    s.movements = {m};
    return s;
}

struct Frames {
    OffscreenSurface surface{kSize, 1};
    std::optional<ui::ImGuiLayer> imgui;
    std::optional<OverlayFonts> fonts;
    std::optional<MapRenderer> renderer;
    MapCache cache;
    const Camera camera = Camera::fit(Extent{22.0, 47.0, 42.0, 58.0}, kSize);
    sc::Scenario scenario = dated();

    Frames() {
        surface.make_current();
        imgui.emplace(13.0f);
        fonts.emplace(load_overlay_fonts(1.0f));
        renderer.emplace();
    }
    ~Frames() {
        surface.make_current();
        renderer.reset();
    }

    // One frame at `when`, through the cache or drawn anew.
    RgbaImage at(const char* when, bool cached) {
        renderer->set_scenario(&scenario, sc::parse_time(when));
        imgui->begin_headless_frame(kSize);
        surface.bind_framebuffer();
        ImDrawList* list = ImGui::GetBackgroundDrawList();
        if (cached) {
            cache.draw_with_overlay(*renderer, camera, 1.0f, list, *fonts, OverlayScale{});
        } else {
            renderer->draw(camera);
            renderer->draw_overlay(list, *fonts, OverlayScale{});
        }
        imgui->render();
        return surface.read_pixels();
    }
};

}  // namespace

TEST_CASE("map cache: frames from the kept images have the pixels of drawing anew") {
    Frames frames;
    frames.at("2022-01-12", true);
    CHECK_FALSE(frames.cache.reused_map());
    // Later the same day: the tanks have moved on, nothing else changed.
    const RgbaImage kept = frames.at("2022-01-12T18:00", true);
    CHECK(frames.cache.reused_map());
    CHECK(frames.cache.reused_marks());
    const RgbaImage fresh = frames.at("2022-01-12T18:00", false);
    CHECK(kept.pixels == fresh.pixels);
    const RgbaImage earlier = frames.at("2022-01-12", false);
    CHECK(kept.pixels != earlier.pixels);  // the tanks under way are drawn where they are

    // Troops appear in Kyiv: the marks are drawn again, and the map (Ukraine hosts them).
    const RgbaImage appeared = frames.at("2022-01-20T06:00", true);
    CHECK_FALSE(frames.cache.reused_map());
    CHECK_FALSE(frames.cache.reused_marks());
    CHECK(appeared.pixels == frames.at("2022-01-20T06:00", false).pixels);
}

TEST_CASE("map cache: strengths step by day while the timeline plays") {
    Frames frames;
    auto strength = [&](const char* when) {
        frames.at(when, true);
        for (const auto& symbol : frames.renderer->overlay().layout().symbols)
            if (symbol.figure == 0) return symbol.spec.strength;
        return std::string("(not drawn)");
    };
    CHECK(strength("2022-01-25") == "~45,000");           // 30,000 + 15 days of 1,000, between reports
    CHECK(strength("2022-01-25T18:00") == "~45,000");     // 45,750 interpolated: shown as of the day
    CHECK(frames.cache.reused_marks());
    CHECK(strength("2022-01-26T00:30") == "~46,000");
    CHECK_FALSE(frames.cache.reused_marks());
}
