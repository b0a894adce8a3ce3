#include "ui/paste_article.hpp"

#include "ui/document.hpp"

#include <SDL_scancode.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace muster::ui {
namespace {

constexpr const char* title = "Paste article###paste_article";

void extract(ViewState& state) {
    state.paste.open = false;
    request_extract_text(state, state.paste.text);
}

}  // namespace

void open_paste_article(ViewState& state) {
    state.paste.open = true;
    state.paste.appearing = true;
}

bool has_article_text(const std::string& text) {
    return std::any_of(text.begin(), text.end(), [](char c) { return c != ' ' && c != '\t' && c != '\r' && c != '\n'; });
}

void draw_paste_article(ViewState& state) {
    PasteArticleState& paste = state.paste;
    if (paste.appearing) {
        ImGui::OpenPopup(title);
        paste.appearing = false;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(640.0f, 460.0f), ImGuiCond_FirstUseEver);
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_NoCollapse)) return;
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);  // the text box's edge on the white dialog
    ImGui::TextWrapped("Paste the article (Ctrl+V). Its first line becomes the source's title.");
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const float footer = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    ImGui::InputTextMultiline("##article", &paste.text, ImVec2(-1.0f, -footer));
    const bool ctrl_enter = ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(SDL_SCANCODE_RETURN);

    const bool ready = has_article_text(paste.text);
    ImGui::BeginDisabled(!ready);
    const bool extract_clicked = ImGui::Button("Extract");
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("Find places, figures and borders (Ctrl+Enter)");
    ImGui::SameLine();
    if (ImGui::Button("Clear")) paste.text.clear();
    ImGui::SameLine();
    const bool cancel = ImGui::Button("Cancel") || ImGui::IsKeyPressed(SDL_SCANCODE_ESCAPE);

    if (cancel)
        paste.open = false;
    else if (ready && (extract_clicked || ctrl_enter))
        extract(state);
    ImGui::PopStyleVar();
    if (!paste.open) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace muster::ui
