// The fonts the scenario overlay writes with: DejaVu Sans in a few faces
// and sizes (Latin, Cyrillic, the dashes and middle dots of amplifiers),
// added to the current Dear ImGui font atlas. Each role gets its own
// rasterised size, because ImGui scales glyph bitmaps and a 13 px glyph
// blown up to 17 px blurs.
//
// Legibility halos. Map text needs a light outline to read over fills,
// lines and symbols. Drawing each label eight times, offset, does that but
// costs eight times the glyphs: on Mesa's software rasteriser that was
// 5 ms of a 1080p frame. Instead every role has a twin "halo" font whose
// glyph bitmaps are dilated by label_halo_pt in the atlas (and whose glyph
// quads grow to match, advances unchanged): a label is its halo glyphs in
// the halo colour, then its glyphs, two draws in all.
//
// Call load_overlay_fonts() after the ImGuiLayer exists and before its first
// frame: it builds the atlas (the backend uploads it on the first frame).
// Adding fonts to the atlas afterwards rebuilds it and loses the dilation
// (labels then get a hairline halo, nothing worse).
#pragma once

#include <imgui.h>

#include <array>
#include <cstddef>

namespace muster {

enum class MapFont : std::size_t {
    city,          // base-map places: regular 12
    place,         // scenario places: bold 13
    detail,        // second amplifier line, border measures: regular 12
    strength,      // strength amplifier: bold 14
    region,        // regions and seas (Crimea, Donbas): oblique 13
    echelon,       // echelon marks above a frame: bold 11
    country_small, // country names in capitals: condensed 11, 13, bold 16
    country_medium,
    country_large,
    count
};

struct OverlayFonts {
    static constexpr std::size_t roles = static_cast<std::size_t>(MapFont::count);
    std::array<ImFont*, roles> fonts{};
    std::array<ImFont*, roles> halo_fonts{};  // dilated twins (see above); the plain font when not dilated
    std::array<float, roles> points{};        // nominal size of each role
    bool dilated_halos = false;  // false: draw halos by offset copies instead
    bool fallback = false;       // DejaVu missing: ImGui's built-in font for every role (no Cyrillic)

    [[nodiscard]] ImFont* font(MapFont role) const { return fonts[static_cast<std::size_t>(role)]; }
    [[nodiscard]] ImFont* halo(MapFont role) const { return halo_fonts[static_cast<std::size_t>(role)]; }
    [[nodiscard]] float size_pt(MapFont role) const { return points[static_cast<std::size_t>(role)]; }
};

// Halo width around map text, in points.
inline constexpr float label_halo_pt = 1.3f;

// raster_scale: physical pixels per point (window: the display's pixel
// ratio; headless: the image's size scale), so text is rasterised sharp.
OverlayFonts load_overlay_fonts(float raster_scale = 1.0f);

}  // namespace muster
