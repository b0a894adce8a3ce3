#include "ui/measure_tool.hpp"

#include "ui/grid_reference.hpp"

#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/GeodesicLine.hpp>
#include <SDL_scancode.h>
#include <imgui.h>

#include <cmath>
#include <cstdio>

namespace muster::ui {
namespace {

// Same as the map's click test: a press and release this close together
// (squared points) is a click, not a drag.
constexpr float click_slop_sq = 9.0f;
constexpr ImU32 line_colour = IM_COL32(200, 30, 120, 255);
constexpr ImU32 halo_colour = IM_COL32(255, 255, 255, 200);

ImVec2 to_points(ScreenPoint pixels, float pixel_ratio) {
    return ImVec2(static_cast<float>(pixels.x) / pixel_ratio, static_cast<float>(pixels.y) / pixel_ratio);
}

void end_mark(ImDrawList* list, ImVec2 at, const char* letter) {
    list->AddCircleFilled(at, 5.0f, halo_colour);
    list->AddCircleFilled(at, 3.5f, line_colour);
    // Up and to the left: map labels sit to the right of their places.
    const ImVec2 size = ImGui::CalcTextSize(letter);
    const ImVec2 corner(at.x - size.x - 6.0f, at.y - size.y - 4.0f);
    list->AddRectFilled(ImVec2(corner.x - 2.0f, corner.y), ImVec2(corner.x + size.x + 2.0f, corner.y + size.y),
                        halo_colour, 2.0f);
    list->AddText(corner, line_colour, letter);
}

void label(ImDrawList* list, ImVec2 at, const std::string& text) {
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    const ImVec2 min(at.x + 10.0f, at.y + 6.0f);
    list->AddRectFilled(ImVec2(min.x - 4.0f, min.y - 2.0f), ImVec2(min.x + size.x + 4.0f, min.y + size.y + 2.0f),
                        IM_COL32(255, 255, 255, 230), 3.0f);
    list->AddText(min, IM_COL32(30, 30, 30, 255), text.c_str());
}

}  // namespace

Measurement measure(LatLon a, LatLon b) {
    double distance = 0.0, azimuth_a = 0.0, azimuth_b = 0.0;
    GeographicLib::Geodesic::WGS84().Inverse(a.lat, a.lon, b.lat, b.lon, distance, azimuth_a, azimuth_b);
    // GeographicLib gives azimuths in [-180, 180]; a bearing reads 0..360.
    double bearing = std::fmod(azimuth_a + 360.0, 360.0);
    if (bearing >= 360.0) bearing -= 360.0;
    return {distance, bearing};
}

std::string format_measurement(const Measurement& measurement) {
    const std::string distance = measurement.distance_m >= 1000.0
                                     ? format_grouped(measurement.distance_m / 1000.0, 1) + " km"
                                     : format_grouped(measurement.distance_m, 0) + " m";
    char bearing[32];
    std::snprintf(bearing, sizeof bearing, "%03ld\u00b0", std::lround(measurement.bearing_deg) % 360);
    return distance + " \u00b7 bearing " + bearing;
}

std::vector<LatLon> geodesic_points(LatLon a, LatLon b, int segments) {
    const GeographicLib::Geodesic& wgs84 = GeographicLib::Geodesic::WGS84();
    const GeographicLib::GeodesicLine line = wgs84.InverseLine(a.lat, a.lon, b.lat, b.lon);
    std::vector<LatLon> points;
    points.reserve(static_cast<std::size_t>(segments) + 1);
    double previous_lon = a.lon;
    for (int i = 0; i <= segments; ++i) {
        double lat = 0.0, lon = 0.0;
        line.Position(line.Distance() * i / segments, lat, lon);
        lon = previous_lon + std::remainder(lon - previous_lon, 360.0);
        points.push_back({lat, lon});
        previous_lon = lon;
    }
    return points;
}

void add_measure_point(MeasureState& measure, LatLon point) {
    if (!measure.a || measure.b) {
        measure.a = point;
        measure.b.reset();
    } else {
        measure.b = point;
    }
}

void handle_measure_input(ViewState& state, float pixel_ratio) {
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.WantCaptureKeyboard && !io.KeyCtrl) {
        if (ImGui::IsKeyPressed(SDL_SCANCODE_M)) state.measure.active = !state.measure.active;
        if (ImGui::IsKeyPressed(SDL_SCANCODE_ESCAPE)) state.measure.a.reset(), state.measure.b.reset();
    }
    if (!state.measure.active || io.WantCaptureMouse || !ImGui::IsMousePosValid()) return;
    const bool dragged = io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] > click_slop_sq;
    if (!ImGui::IsMouseReleased(ImGuiMouseButton_Left) || dragged) return;
    const ScreenPoint pointer{io.MousePos.x * static_cast<double>(pixel_ratio),
                              io.MousePos.y * static_cast<double>(pixel_ratio)};
    if (const auto place = state.camera.lonlat_at(pointer)) add_measure_point(state.measure, *place);
}

void draw_measure(ImDrawList* list, const ViewState& state, float pixel_ratio) {
    const MeasureState& tool = state.measure;
    if (!tool.a) return;
    const auto a = state.camera.screen_position(*tool.a);
    if (tool.b) {
        // Each vertex is projected from an unwrapped longitude; to_screen
        // wraps it near the centre, so shift each one to its predecessor's
        // copy. Pieces beyond the projection's domain are left out.
        const std::vector<LatLon> path = geodesic_points(*tool.a, *tool.b);
        const float wrap_pt = static_cast<float>(state.camera.wrap_pixels()) / pixel_ratio;
        std::vector<std::vector<ImVec2>> pieces(1);
        for (const LatLon& point : path) {
            const auto at_px = state.camera.screen_position(point);
            if (!at_px) {
                if (!pieces.back().empty()) pieces.emplace_back();
                continue;
            }
            ImVec2 at = to_points(*at_px, pixel_ratio);
            std::vector<ImVec2>& line = pieces.back();
            if (!line.empty() && wrap_pt > 0.0f) at.x += wrap_pt * std::round((line.back().x - at.x) / wrap_pt);
            line.push_back(at);
        }
        for (const std::vector<ImVec2>& line : pieces) {
            list->AddPolyline(line.data(), static_cast<int>(line.size()), halo_colour, 0, 5.0f);
            list->AddPolyline(line.data(), static_cast<int>(line.size()), line_colour, 0, 2.5f);
        }
        if (const auto b = state.camera.screen_position(*tool.b)) {
            // The drawn copy of B: the end of the last piece when the line reaches it.
            const ImVec2 b_at = pieces.back().empty() ? to_points(*b, pixel_ratio) : pieces.back().back();
            end_mark(list, b_at, "B");
            label(list, b_at, format_measurement(measure(*tool.a, *tool.b)));
        }
        if (a && !pieces.front().empty()) {
            end_mark(list, pieces.front().front(), "A");
            return;
        }
    }
    if (a) end_mark(list, to_points(*a, pixel_ratio), "A");
}

}  // namespace muster::ui
