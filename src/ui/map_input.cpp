#include "ui/map_input.hpp"

#include <SDL_scancode.h>
#include <imgui.h>

namespace muster::ui {
namespace {

ScreenPoint to_pixels(ImVec2 points, float pixel_ratio) {
    return {static_cast<double>(points.x) * pixel_ratio, static_cast<double>(points.y) * pixel_ratio};
}

void handle_mouse(ViewState& state, float pixel_ratio) {
    const ImGuiIO& io = ImGui::GetIO();
    const bool over_map = !io.WantCaptureMouse && ImGui::IsMousePosValid();
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && over_map) state.dragging_map = true;
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) state.dragging_map = false;

    if (state.dragging_map && (io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f))
        state.camera.pan_by_pixels(io.MouseDelta.x * pixel_ratio, io.MouseDelta.y * pixel_ratio);

    const ScreenPoint pointer = to_pixels(io.MousePos, pixel_ratio);
    if (over_map && io.MouseWheel != 0.0f)
        state.camera.zoom_about(pointer, state.camera.zoom() + io.MouseWheel * wheel_zoom_step);
    // Double-click zooms in about the pointer, Shift+double-click out (as web
    // maps do); not while a click means "grab this place" (Inspector's Move on map).
    if (over_map && !state.inspector.move_on_map && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left))
        state.camera.zoom_about(pointer, state.camera.zoom() + (io.KeyShift ? -1.0 : 1.0));
    // Two-finger pinch on a touch screen or touchpad (SDL_MULTIGESTURE, gathered by the viewer).
    if (state.pinch_zoom != 0.0) {
        const ScreenPoint centre = state.pinch_centre.value_or(pointer);
        state.camera.zoom_about(centre, state.camera.zoom() + state.pinch_zoom);
        state.pinch_zoom = 0.0;
        state.pinch_centre.reset();
    }

    state.cursor.reset();
    if (over_map || state.dragging_map) state.cursor = state.camera.lonlat_at(pointer);  // none off the map
}

void handle_keys(ViewState& state) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.KeyCtrl && ImGui::IsKeyPressed(SDL_SCANCODE_Q)) state.quit_requested = true;
    if (io.WantCaptureKeyboard) return;
    const PixelSize view = state.camera.viewport();
    const ScreenPoint middle{view.width / 2.0, view.height / 2.0};
    if (ImGui::IsKeyPressed(SDL_SCANCODE_HOME)) state.reset_view_requested = true;
    if (ImGui::IsKeyPressed(SDL_SCANCODE_EQUALS) || ImGui::IsKeyPressed(SDL_SCANCODE_KP_PLUS))
        state.camera.zoom_about(middle, state.camera.zoom() + 1.0);
    if (ImGui::IsKeyPressed(SDL_SCANCODE_MINUS) || ImGui::IsKeyPressed(SDL_SCANCODE_KP_MINUS))
        state.camera.zoom_about(middle, state.camera.zoom() - 1.0);
    const double step_x = view.width / 8.0, step_y = view.height / 8.0;
    if (ImGui::IsKeyPressed(SDL_SCANCODE_LEFT)) state.camera.pan_by_pixels(step_x, 0.0);
    if (ImGui::IsKeyPressed(SDL_SCANCODE_RIGHT)) state.camera.pan_by_pixels(-step_x, 0.0);
    if (ImGui::IsKeyPressed(SDL_SCANCODE_UP)) state.camera.pan_by_pixels(0.0, step_y);
    if (ImGui::IsKeyPressed(SDL_SCANCODE_DOWN)) state.camera.pan_by_pixels(0.0, -step_y);
}

}  // namespace

void handle_map_input(ViewState& state, float pixel_ratio) {
    handle_mouse(state, pixel_ratio);
    handle_keys(state);
}

}  // namespace muster::ui
