// The question at start when the previous run left unsaved changes behind
// (autosave.hpp): Restore (Enter) or Discard.
#include "ui/autosave.hpp"

#include "ui/document.hpp"
#include "ui/view_state.hpp"

#include <SDL_scancode.h>
#include <imgui.h>

#include <string>

namespace muster::ui {
namespace {

constexpr const char* prompt_title = "Unsaved changes found###autosave_prompt";

}  // namespace

void draw_restore_prompt(ViewState& state) {
    AutosaveState& autosave = state.autosave;
    if (autosave.offered.empty()) return;
    if (autosave.ask) {
        ImGui::OpenPopup(prompt_title);
        autosave.ask = false;
    }
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(prompt_title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::Text("Restore unsaved changes from %s?", autosave.offered_time.c_str());
    const std::string name = document_name(state);
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 34.0f);
    ImGui::TextDisabled("muster ended without saving the edits to %s; a copy was kept:",
                        name.empty() ? "an untitled scenario" : name.c_str());
    ImGui::TextDisabled("%s", autosave.offered.string().c_str());
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    const bool restore = ImGui::Button("Restore") || ImGui::IsKeyPressed(SDL_SCANCODE_RETURN, false);
    ImGui::SameLine();
    const bool discard = ImGui::Button("Discard");
    if (restore || discard) {
        ImGui::CloseCurrentPopup();
        if (restore)
            restore_autosave(state);
        else
            discard_autosave(state);
    }
    ImGui::EndPopup();
}

}  // namespace muster::ui
