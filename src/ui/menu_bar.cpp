#include "ui/menu_bar.hpp"

#include "ui/projection_menu.hpp"

#include <imgui.h>

namespace muster::ui {

void draw_menu_bar(ViewState& state) {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) state.quit_requested = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        if (ImGui::MenuItem("Home view", "Home")) state.reset_view_requested = true;
        ImGui::MenuItem("Graticule", nullptr, &state.style.show_graticule);
        if (ImGui::BeginMenu("Projection")) {
            draw_projection_items(state);
            ImGui::EndMenu();
        }
        ImGui::MenuItem("Article and entities", nullptr, &state.show_side_panels);
        ImGui::MenuItem("Measure", "M", &state.measure.active);
        if (ImGui::MenuItem("Clear selection", nullptr, false, !state.selected.empty())) state.selected = {};
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        if (ImGui::MenuItem("About muster")) state.show_about = true;
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
}

}  // namespace muster::ui
