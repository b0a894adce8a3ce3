#include "ui/imgui_layer.hpp"

#include "core/error.hpp"

#include <epoxy/gl.h>
// (epoxy first: the imgui backends must not pull in another GL header before it)
#include <backends/imgui_impl_opengl3.h>

namespace muster::ui {
namespace {

// Dear ImGui's light theme, flattened: panels read like the margins of a
// printed briefing map rather than a game overlay.
void apply_briefing_theme() {
    ImGui::StyleColorsLight();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 4.0f;
    style.FrameRounding = 3.0f;
    style.WindowBorderSize = 1.0f;
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.96f, 0.97f);
    style.Colors[ImGuiCol_MenuBarBg] = ImVec4(0.93f, 0.93f, 0.92f, 1.0f);
    style.Colors[ImGuiCol_TitleBgActive] = ImVec4(0.84f, 0.86f, 0.89f, 1.0f);
}

}  // namespace

ImGuiLayer::ImGuiLayer(float font_size_px, float pixel_ratio) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the UI is a function of state; no layout file in the working folder
    io.LogFilename = nullptr;
    apply_briefing_theme();
    font_ = load_ui_font(font_size_px * pixel_ratio);
    io.FontGlobalScale = 1.0f / pixel_ratio;
    if (!ImGui_ImplOpenGL3_Init("#version 330 core")) {
        ImGui::DestroyContext();
        throw Error("Dear ImGui: cannot initialise its OpenGL 3 renderer");
    }
}

ImGuiLayer::~ImGuiLayer() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui::DestroyContext();
}

void ImGuiLayer::begin_headless_frame(PixelSize size) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(size.width), static_cast<float>(size.height));
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    io.DeltaTime = 1.0f / 60.0f;
    begin_frame();
}

void ImGuiLayer::begin_frame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
}

void ImGuiLayer::render() {
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace muster::ui
