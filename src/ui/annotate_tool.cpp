#include "ui/annotate_tool.hpp"

#include "render/camera.hpp"

#include <SDL_scancode.h>
#include <imgui.h>

#include <algorithm>

namespace muster::ui {
namespace {

// A press and release within 3 points is a click; further is a drag (pan).
constexpr float click_slop_sq = 9.0f;

std::string next_annotation_id(const scenario::Scenario& scenario) {
    for (std::size_t n = scenario.annotations.size() + 1;; ++n) {
        std::string id = "a" + std::to_string(n);
        if (std::none_of(scenario.annotations.begin(), scenario.annotations.end(),
                         [&](const scenario::Annotation& a) { return a.id == id; }))
            return id;
    }
}

std::size_t points_needed(const std::string& kind) { return kind == "arrow" ? 2 : 1; }

}  // namespace

void start_annotating(ViewState& state, const std::string& kind) {
    state.annotate = {kind, {}};
    if (kind.empty()) return;
    state.measure.active = false;  // one clicking tool at a time
    state.document.status = kind == "arrow" ? "Add arrow: click where it starts, then where it points (Esc cancels)"
                                            : "Add label: click where the label goes (Esc cancels)";
}

std::string add_annotation_point(ViewState& state, LatLon point) {
    AnnotateState& tool = state.annotate;
    if (tool.kind.empty()) return {};
    tool.points.push_back(point);
    if (tool.points.size() < points_needed(tool.kind)) return {};
    scenario::Annotation annotation;
    annotation.id = next_annotation_id(state.scenario);
    annotation.kind = tool.kind;
    if (tool.kind == "label") {
        annotation.text = "Label";
        annotation.geometry = {"Point", {{{point}}}};
    } else {
        annotation.geometry = {"LineString", {{tool.points}}};
    }
    state.scenario.annotations.push_back(annotation);
    // Its text and colour are edited in the Inspector's list.
    state.selected = {};
    state.show_inspector = true;
    state.document.status = "Added " + annotation.kind + " " + annotation.id + ": edit it in the Inspector";
    tool = {};
    return annotation.id;
}

void handle_annotate_input(ViewState& state, float pixel_ratio) {
    if (state.annotate.kind.empty()) return;
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.WantCaptureKeyboard && ImGui::IsKeyPressed(SDL_SCANCODE_ESCAPE)) {
        state.annotate = {};
        state.document.status = "Annotation cancelled";
        return;
    }
    if (io.WantCaptureMouse || !ImGui::IsMousePosValid()) return;
    const bool dragged = io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] > click_slop_sq;
    if (!ImGui::IsMouseReleased(ImGuiMouseButton_Left) || dragged) return;
    const ScreenPoint pointer{io.MousePos.x * static_cast<double>(pixel_ratio),
                              io.MousePos.y * static_cast<double>(pixel_ratio)};
    if (const auto place = state.camera.lonlat_at(pointer)) add_annotation_point(state, *place);
}

void draw_annotate_marks(ImDrawList* list, const ViewState& state, float pixel_ratio) {
    for (const LatLon& point : state.annotate.points) {
        const auto at = state.camera.screen_position(point);
        if (!at) continue;
        const ImVec2 centre(static_cast<float>(at->x) / pixel_ratio, static_cast<float>(at->y) / pixel_ratio);
        list->AddCircleFilled(centre, 6.0f, IM_COL32(255, 255, 255, 220));
        list->AddCircleFilled(centre, 4.0f, IM_COL32(60, 58, 54, 255));
    }
}

}  // namespace muster::ui
