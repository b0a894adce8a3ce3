#include "ui/document_menu.hpp"

#include "ui/annotate_tool.hpp"
#include "ui/document.hpp"
#include "ui/file_browser.hpp"
#include "ui/paste_article.hpp"

#include <SDL_scancode.h>
#include <imgui.h>

namespace muster::ui {
namespace {

constexpr const char* save_prompt_title = "Unsaved changes###save_prompt";
constexpr const char* error_title = "muster###document_error";

bool any_dialog_open(const ViewState& state) {
    return state.file_browser.open || state.paste.open || !state.document.error.empty() ||
           ImGui::IsPopupOpen(save_prompt_title);
}

// "opening kyiv.txt", "quitting": what waits on the answer.
std::string pending_words(const PendingAction& pending) {
    switch (pending.kind) {
        case PendingAction::Kind::open_file: return "opening " + pending.path.filename().string();
        case PendingAction::Kind::extract_text: return "extracting the pasted article";
        case PendingAction::Kind::quit: return "quitting";
        case PendingAction::Kind::none: break;
    }
    return "going on";
}

void draw_save_prompt(ViewState& state) {
    if (state.document.ask_to_save) {
        ImGui::OpenPopup(save_prompt_title);
        state.document.ask_to_save = false;
    }
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(save_prompt_title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    const std::string name = document_name(state);
    ImGui::Text("Save the changes to %s before %s?", name.empty() ? "this scenario" : name.c_str(),
                pending_words(state.document.pending).c_str());
    ImGui::TextDisabled("Without saving, the edits are lost.");
    ImGui::Spacing();
    // Enter answers Save, but not the Enter still held from the dialog before.
    const bool enter = !ImGui::IsWindowAppearing() && ImGui::IsKeyPressed(SDL_SCANCODE_RETURN, false);
    const bool save = ImGui::Button("Save") || enter;
    ImGui::SameLine();
    const bool discard = ImGui::Button("Don't save");
    ImGui::SameLine();
    const bool cancel = ImGui::Button("Cancel") || ImGui::IsKeyPressed(SDL_SCANCODE_ESCAPE);
    if (save || discard || cancel) {
        ImGui::CloseCurrentPopup();
        answer_save_prompt(state, cancel ? SaveAnswer::cancel : save ? SaveAnswer::save : SaveAnswer::discard);
    }
    ImGui::EndPopup();
}

void draw_error(ViewState& state) {
    if (state.document.error.empty()) return;
    if (!ImGui::IsPopupOpen(error_title)) ImGui::OpenPopup(error_title);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(error_title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 40.0f);
    ImGui::TextColored(ImVec4(0.70f, 0.20f, 0.12f, 1.0f), "%s", state.document.error.c_str());
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    const bool key = !ImGui::IsWindowAppearing() &&
                     (ImGui::IsKeyPressed(SDL_SCANCODE_RETURN, false) || ImGui::IsKeyPressed(SDL_SCANCODE_ESCAPE, false));
    if (ImGui::Button("OK") || key) {
        state.document.error.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void draw_recent_menu(ViewState& state) {
    if (!ImGui::BeginMenu("Open recent", !state.document.recent_files.empty())) return;
    // A copy: opening reorders the list.
    const std::vector<std::filesystem::path> recent = state.document.recent_files;
    for (std::size_t i = 0; i < recent.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::MenuItem(recent[i].filename().string().c_str())) request_open(state, recent[i]);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", recent[i].string().c_str());
        ImGui::PopID();
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Clear list")) {
        state.document.recent_files.clear();
        state.document.settings_changed = true;
    }
    ImGui::EndMenu();
}

}  // namespace

void draw_file_menu_items(ViewState& state) {
    if (ImGui::MenuItem("Open\u2026", "Ctrl+O")) open_file_browser(state, BrowserMode::open);
    draw_recent_menu(state);
    if (ImGui::MenuItem("Paste article\u2026", "Ctrl+Shift+V")) open_paste_article(state);
    if (ImGui::MenuItem("Merge article or scenario\u2026", nullptr, false, !state.scenario.places.empty()))
        open_file_browser(state, BrowserMode::merge);
    ImGui::Separator();
    if (ImGui::MenuItem("Save scenario", "Ctrl+S")) save_document(state);
    if (ImGui::MenuItem("Save as\u2026", "Ctrl+Shift+S")) open_file_browser(state, BrowserMode::save_as);
    // Loads the scenario file again (file_watch.hpp); unsaved edits are dropped.
    if (ImGui::MenuItem("Reload", nullptr, false, !state.document.path.empty())) reload_document(state);
}

void draw_edit_menu(ViewState& state) {
    if (!ImGui::BeginMenu("Edit")) return;
    if (ImGui::MenuItem("Undo", "Ctrl+Z", false, can_undo(state))) undo(state);
    if (ImGui::MenuItem("Redo", "Ctrl+Shift+Z", false, can_redo(state))) redo(state);
    ImGui::Separator();
    // Drawn by clicking on the map (annotate_tool.hpp); again to stop.
    if (ImGui::MenuItem("Add label", nullptr, state.annotate.kind == "label"))
        start_annotating(state, state.annotate.kind == "label" ? "" : "label");
    if (ImGui::MenuItem("Add arrow", nullptr, state.annotate.kind == "arrow"))
        start_annotating(state, state.annotate.kind == "arrow" ? "" : "arrow");
    ImGui::EndMenu();
}

void handle_document_shortcuts(ViewState& state) {
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.KeyCtrl || io.KeyAlt || any_dialog_open(state)) return;
    const bool shift = io.KeyShift;
    if (ImGui::IsKeyPressed(SDL_SCANCODE_O, false) && !shift) open_file_browser(state, BrowserMode::open);
    if (ImGui::IsKeyPressed(SDL_SCANCODE_S, false)) {
        if (shift)
            open_file_browser(state, BrowserMode::save_as);
        else
            save_document(state);
    }
    if (ImGui::IsKeyPressed(SDL_SCANCODE_V, false) && shift) open_paste_article(state);
    if (io.WantTextInput) return;  // a text field's own undo
    if (ImGui::IsKeyPressed(SDL_SCANCODE_Z) && !shift) undo(state);
    if ((ImGui::IsKeyPressed(SDL_SCANCODE_Z) && shift) || ImGui::IsKeyPressed(SDL_SCANCODE_Y)) redo(state);
}

void draw_document_dialogs(ViewState& state) {
    draw_file_browser(state);
    draw_paste_article(state);
    draw_save_prompt(state);
    draw_error(state);
}

}  // namespace muster::ui
