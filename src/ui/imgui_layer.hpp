// Dear ImGui's context, UI font and OpenGL 3 renderer backend, shared by the
// window (with the SDL2 platform backend on top) and headless renders (which
// draw text such as the attribution into an offscreen surface).
//
// libepoxy loads muster's GL functions; the OpenGL 3 backend in Debian's
// libimgui uses its own embedded loader. Both resolve against the same
// current context, so they coexist; include <epoxy/gl.h> before any imgui
// backend header.
#pragma once

#include "core/geo.hpp"
#include "ui/fonts.hpp"

#include <imgui.h>

namespace muster::ui {

class ImGuiLayer {
public:
    // Needs a current OpenGL 3.3 context. font_size_px is in logical points;
    // pixel_ratio (physical pixels per point) rasterises the font sharply on
    // high-DPI screens. Never writes imgui.ini.
    ImGuiLayer(float font_size_px, float pixel_ratio = 1.0f);
    ~ImGuiLayer();
    ImGuiLayer(const ImGuiLayer&) = delete;
    ImGuiLayer& operator=(const ImGuiLayer&) = delete;

    // Headless frames: no platform backend, so the display size is set here.
    void begin_headless_frame(PixelSize size);
    // Window frames: call after ImGui_ImplSDL2_NewFrame().
    void begin_frame();
    // Finishes the frame and draws it into the bound framebuffer.
    void render();

    [[nodiscard]] const LoadedFont& font() const { return font_; }

private:
    LoadedFont font_;
};

}  // namespace muster::ui
