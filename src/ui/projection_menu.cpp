#include "ui/projection_menu.hpp"

#include "core/error.hpp"
#include "render/projection.hpp"

#include <imgui.h>

namespace muster::ui {

void draw_projection_items(ViewState& state) {
    const std::string& current = state.camera.projection().id();
    bool listed = false;
    for (const ProjectionChoice& choice : projection_menu) {
        const bool selected = current == choice.id;
        listed = listed || selected;
        if (ImGui::MenuItem(choice.label, nullptr, selected) && !selected) switch_projection(state, choice.id);
    }
    if (!listed) {
        ImGui::Separator();
        ImGui::MenuItem(current.c_str(), nullptr, true, false);
    }
}

void switch_projection(ViewState& state, const std::string& crs) {
    try {
        state.camera.set_projection(make_projection(crs));
    } catch (const Error& error) {
        state.notice = "projection " + crs + ": " + error.what();
    }
}

}  // namespace muster::ui
