#include "ui/status_bar.hpp"

#include "ui/grid_reference.hpp"

#include <imgui.h>

#include <cmath>
#include <cstdio>

namespace muster::ui {

std::string format_lat_lon(LatLon position) {
    char text[64];
    std::snprintf(text, sizeof text, "%.4f\u00b0 %c, %.4f\u00b0 %c", std::abs(position.lat), position.lat < 0 ? 'S' : 'N',
                  std::abs(position.lon), position.lon < 0 ? 'W' : 'E');
    return text;
}

float status_bar_height() { return ImGui::GetFrameHeight(); }

void draw_status_bar(const ViewState& state) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float height = status_bar_height();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x, viewport->WorkPos.y + viewport->WorkSize.y - height));
    ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x, height));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8.0f, 3.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    if (ImGui::Begin("##status", nullptr, flags)) {
        const std::string where = state.cursor ? format_lat_lon(*state.cursor) : std::string("\u2014");
        ImGui::TextUnformatted(where.c_str());
        ImGui::SameLine(230.0f);
        const std::string grid = state.cursor ? format_mgrs(*state.cursor) : std::string("\u2014");
        ImGui::Text("MGRS %s", grid.c_str());
        ImGui::SameLine(420.0f);
        // The scale at the cursor (a projection's scale changes across the
        // map: Mercator's with latitude), else at the centre of the view.
        const PixelSize view = state.camera.viewport();
        const ScreenPoint at = state.cursor ? state.camera.to_screen(*state.cursor)
                                            : ScreenPoint{view.width / 2.0, view.height / 2.0};
        ImGui::Text("%s", format_scale(state.camera.metres_per_pixel_at(at)).c_str());
        ImGui::SameLine(0.0f, 24.0f);
        ImGui::Text("zoom %.2f", state.camera.zoom());
        ImGui::SameLine(0.0f, 24.0f);
        ImGui::TextUnformatted(state.camera.projection().id().c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", state.camera.projection().name().c_str());
        ImGui::SameLine(0.0f, 24.0f);
        if (state.detail_drawn == state.detail_wanted)
            ImGui::Text("detail 1:%s", lod_suffix(state.detail_drawn));
        else
            ImGui::Text("detail 1:%s (1:%s %s)", lod_suffix(state.detail_drawn), lod_suffix(state.detail_wanted),
                        state.detail_loading ? "loading\u2026" : "unavailable");
        ImGui::SameLine(0.0f, 24.0f);
        ImGui::Text("%.1f ms", state.frame_ms);
        if (!state.status_message.empty()) {
            ImGui::SameLine(0.0f, 24.0f);
            ImGui::TextColored(ImVec4(0.15f, 0.40f, 0.20f, 1.0f), "%s", state.status_message.c_str());
        }
        if (!state.notice.empty()) {
            ImGui::SameLine(0.0f, 24.0f);
            ImGui::TextColored(ImVec4(0.75f, 0.25f, 0.15f, 1.0f), "%s", state.notice.c_str());
        }
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
}

}  // namespace muster::ui
