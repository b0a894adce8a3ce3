#include "ui/menu_bar.hpp"

#include "ui/document_menu.hpp"
#include "ui/projection_menu.hpp"
#include "ui/script_menu.hpp"
#include "ui/timeline_panel.hpp"

#include <imgui.h>

namespace muster::ui {

void draw_menu_bar(ViewState& state) {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        draw_file_menu_items(state);
        ImGui::Separator();
        if (ImGui::MenuItem("Export image\u2026")) open_image_export(state);
        if (ImGui::MenuItem("Export data\u2026", nullptr, false, !state.scenario.places.empty()))
            open_data_export(state);
        if (ImGui::MenuItem("Screenshot", "F12")) state.screenshot_requested = true;
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) state.quit_requested = true;
        ImGui::EndMenu();
    }
    draw_edit_menu(state);
    if (ImGui::BeginMenu("View")) {
        if (ImGui::MenuItem("Home view", "Home")) state.reset_view_requested = true;
        ImGui::MenuItem("Layers", nullptr, &state.show_layers);
        ImGui::MenuItem("Graticule", nullptr, &state.layers.graticule.visible);
        ImGui::MenuItem("Legend", nullptr, &state.show_legend);
        ImGui::MenuItem("Scale bar", nullptr, &state.show_scale_bar);
        if (bool shown = timeline_panel_visible(state); ImGui::MenuItem("Timeline", nullptr, &shown))
            state.timeline.show = shown;
        if (ImGui::BeginMenu("Projection")) {
            draw_projection_items(state);
            ImGui::EndMenu();
        }
        ImGui::MenuItem("Article and entities", nullptr, &state.show_side_panels);
        ImGui::MenuItem("Inspector", nullptr, &state.show_inspector);
        ImGui::MenuItem("Measure", "M", &state.measure.active);
        if (ImGui::MenuItem("Clear selection", nullptr, false, !state.selected.empty())) state.selected = {};
        ImGui::EndMenu();
    }
    draw_script_menu(state);
    if (ImGui::BeginMenu("Help")) {
        if (ImGui::MenuItem("About muster")) state.show_about = true;
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
}

}  // namespace muster::ui
