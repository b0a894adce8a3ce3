#include "ui/search_box.hpp"

#include <SDL_scancode.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace muster::ui {
namespace {

constexpr float box_width = 260.0f;  // points: room for "Dnipropetrovsk Oblast · admin1 · UA"
constexpr float margin = 10.0f;      // from the viewport's right edge and the menu bar

std::string_view trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

SearchHit hit_of(const Candidate& candidate) {
    return {candidate.id(), candidate.name,  to_string(candidate.kind), candidate.country,
            candidate.point, zoom_for_kind(candidate.kind)};
}

void run_search(SearchState& search, const PlaceLookup& lookup) {
    search.searched = search.text.data();
    search.hits = search_places(lookup, search.searched);
    search.highlighted = 0;
    search.open = true;
}

void pick(ViewState& state, int index) {
    fly_to_hit(state, state.search.hits[static_cast<std::size_t>(index)]);
    state.search.open = false;
}

// Up/Down move the highlight while the box has the keyboard.
void move_highlight(SearchState& search) {
    const int count = static_cast<int>(search.hits.size());
    if (count == 0) return;
    if (ImGui::IsKeyPressed(SDL_SCANCODE_DOWN)) search.highlighted = std::min(search.highlighted + 1, count - 1);
    if (ImGui::IsKeyPressed(SDL_SCANCODE_UP)) search.highlighted = std::max(search.highlighted - 1, 0);
}

void draw_hits(ViewState& state) {
    SearchState& search = state.search;
    if (search.hits.empty()) {
        ImGui::TextDisabled("no match for \u201c%s\u201d", search.searched.c_str());
        return;
    }
    for (std::size_t i = 0; i < search.hits.size(); ++i) {
        const SearchHit& hit = search.hits[i];
        ImGui::PushID(static_cast<int>(i));
        const std::string label = hit.name + " \u00b7 " + hit.kind + (hit.country.empty() ? "" : " \u00b7 " + hit.country);
        if (ImGui::Selectable(label.c_str(), static_cast<int>(i) == search.highlighted)) {
            ImGui::PopID();
            pick(state, static_cast<int>(i));
            return;
        }
        ImGui::PopID();
    }
}

}  // namespace

double zoom_for_kind(PlaceKind kind) {
    switch (kind) {
        case PlaceKind::country: return 4.5;
        case PlaceKind::admin1:
        case PlaceKind::region: return 6.5;
        case PlaceKind::admin2: return 8.0;
        case PlaceKind::city: return 10.0;
    }
    return 6.0;
}

std::vector<SearchHit> search_places(const PlaceLookup& lookup, std::string_view text) {
    const std::string_view name = trimmed(text);
    std::vector<SearchHit> hits;
    if (name.empty()) return hits;
    for (const Candidate& candidate : lookup(name, max_search_hits)) hits.push_back(hit_of(candidate));
    return hits;
}

void fly_to_hit(ViewState& state, const SearchHit& hit) {
    state.camera_target = hit.point;
    state.zoom_target = ZoomTarget{hit.point, hit.zoom};
}

void step_zoom_to(ViewState& state, double fraction) {
    if (!state.zoom_target || state.camera_target) return;
    const ZoomTarget target = *state.zoom_target;
    const double remaining = target.zoom - state.camera.zoom();
    const bool arrived = std::abs(remaining) < 0.01 || fraction >= 1.0;
    // About the place itself, so it stays where the pan left it (the centre
    // of the free part of the map).
    state.camera.zoom_about(state.camera.to_screen(target.at),
                            arrived ? target.zoom : state.camera.zoom() + remaining * fraction);
    if (arrived) state.zoom_target.reset();
}

void draw_search_box(ViewState& state, const PlaceLookup& lookup) {
    SearchState& search = state.search;
    const ImGuiIO& io = ImGui::GetIO();
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - margin, viewport->WorkPos.y + margin),
                            ImGuiCond_Always, ImVec2(1.0f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(box_width, 0.0f));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize;
    if (!ImGui::Begin("##search", nullptr, flags)) {
        ImGui::End();
        return;
    }
    if (io.KeyCtrl && ImGui::IsKeyPressed(SDL_SCANCODE_F)) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(-1.0f);
    const bool entered = ImGui::InputTextWithHint("##place", "Search place (Ctrl+F)", search.text.data(),
                                                  search.text.size(), ImGuiInputTextFlags_EnterReturnsTrue);
    const bool typing = ImGui::IsItemActive();
    if (entered) {
        // The first Enter searches; Enter on the same text picks the highlight.
        if (search.open && search.searched == search.text.data() && !search.hits.empty())
            pick(state, search.highlighted);
        else
            run_search(search, lookup);
        if (search.open) ImGui::SetKeyboardFocusHere(-1);  // Enter deactivates the box: keep typing there
    }
    if (typing) move_highlight(search);
    if (search.open && ImGui::IsKeyPressed(SDL_SCANCODE_ESCAPE)) search.open = false;
    if (search.open) draw_hits(state);
    ImGui::End();
}

}  // namespace muster::ui
