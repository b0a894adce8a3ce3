// How the base map looks: named colours and widths, as data (MapLibre's idea:
// the style says what, the renderer says how). The defaults aim at an analyst
// briefing: a quiet light blue-grey sea, warm light land, mid-grey borders,
// close to Natural Earth / QGIS reference maps, so red and blue symbols drawn
// on top stand out.
#pragma once

#include <cstdint>

namespace muster {

// An sRGB colour with alpha, components 0..1.
struct Rgba {
    float r = 0.0f, g = 0.0f, b = 0.0f, a = 1.0f;

    // 0xRRGGBB, opaque; constexpr so styles can be written as hex literals.
    static constexpr Rgba hex(std::uint32_t rgb, float alpha = 1.0f) {
        return {static_cast<float>((rgb >> 16) & 0xFFu) / 255.0f, static_cast<float>((rgb >> 8) & 0xFFu) / 255.0f,
                static_cast<float>(rgb & 0xFFu) / 255.0f, alpha};
    }
    // The colour as 8-bit channels, as it lands in an image.
    [[nodiscard]] constexpr std::uint8_t red8() const { return to8(r); }
    [[nodiscard]] constexpr std::uint8_t green8() const { return to8(g); }
    [[nodiscard]] constexpr std::uint8_t blue8() const { return to8(b); }
    [[nodiscard]] constexpr Rgba with_alpha(float alpha) const { return {r, g, b, alpha}; }

    friend constexpr bool operator==(const Rgba&, const Rgba&) = default;

private:
    static constexpr std::uint8_t to8(float v) {
        return static_cast<std::uint8_t>(v <= 0.0f ? 0 : v >= 1.0f ? 255 : static_cast<int>(v * 255.0f + 0.5f));
    }
};

// How countries are coloured by their role in the scenario. Colour-blind safe
// (hues along the blue-yellow axis, which deuteranopes and protanopes keep;
// no red/green pair) and apart in grey-scale print, where each role is one
// step darker (CIE L* / Rec. 601 grey level):
//   other land 93.5/236 > host 88.8/221 > (sea 84.8/211) > other actor
//   80.3/199 > friend actor 72.8/179 > hostile actor 62.2/152.
// The host sand stays lighter than the sea so a host's coast reads in grey;
// the friend blue leans to violet (periwinkle) so allied land never reads as
// sea in colour.
struct RolePalette {
    Rgba host = Rgba::hex(0xF6DD9C);           // sand: forces deployed here by others
    Rgba actor_other = Rgba::hex(0xCFC6BA);    // warm grey: an actor on neither side (neutral, unknown)
    Rgba actor_friend = Rgba::hex(0xA9B0E0);   // periwinkle: NATO/allied actor
    Rgba actor_hostile = Rgba::hex(0xCD8470);  // terracotta: the aggressor side's actors

    friend constexpr bool operator==(const RolePalette&, const RolePalette&) = default;
};

// APP-6 / MIL-STD-2525 symbol fills ("light" set of the standards) and what
// surrounds symbols on the map.
struct SymbolPalette {
    Rgba friend_fill = Rgba::hex(0x80E0FF);   // crystal blue
    Rgba hostile_fill = Rgba::hex(0xFF8080);  // salmon
    Rgba neutral_fill = Rgba::hex(0xAAFFAA);  // bamboo green
    Rgba unknown_fill = Rgba::hex(0xFFFF80);  // light yellow
    Rgba frame = Rgba::hex(0x000000);         // frame and icon lines, as the standards draw them
    float halo_alpha = 0.22f;                 // strength halo: the fill colour this opaque

    friend constexpr bool operator==(const SymbolPalette&, const SymbolPalette&) = default;
};

// The scenario drawn over the base map: role fills, border features,
// symbols and labels. Sizes are in points (pixels at 1:1 scale).
struct OverlayStyle {
    RolePalette roles;
    SymbolPalette symbols;
    // Border features: a strong reddish purple (no role fill or symbol uses
    // purple; L* 30, so it stays dark in grey-scale) on a white casing.
    Rgba border_line = Rgba::hex(0x6A1B9A);
    Rgba border_casing = Rgba::hex(0xFFFFFF);  // opaque: joints of translucent lines would show
    float border_width_pt = 5.0f;
    float border_casing_pt = 2.0f;  // casing beyond the line on each side

    Rgba label_text = Rgba::hex(0x2B2B2B);
    Rgba country_label_text = Rgba::hex(0x5C5650);
    Rgba region_label_text = Rgba::hex(0x4A3F6B);
    Rgba base_city_text = Rgba::hex(0x55524D);
    Rgba label_halo = Rgba::hex(0xFFFFFF, 0.9f);
    float label_pt = 13.0f;          // place and city names
    float country_label_pt = 13.0f;  // smallest country names; large countries up to 1.35x
    float symbol_pt = 30.0f;         // height of a unit symbol's frame
    float label_scale = 1.0f;        // overlay text at this many times its fonts' sizes (a scenario's style)
    // Halo radius = halo_pt_per_sqrt * sqrt(strength): area proportional,
    // 127,000 troops about 107 pt, 8,500 about 28 pt.
    float halo_pt_per_sqrt = 0.3f;
    bool show_cities = true;  // populated places of the base map, ranked by population
    // Strips along the edges of the view that panels cover (the window's
    // menu bar, status bar and side panels): no label or symbol is placed there.
    float covered_top_pt = 0.0f;
    float covered_bottom_pt = 0.0f;
    float covered_left_pt = 0.0f;
    float covered_right_pt = 0.0f;
    // A box at the top left corner that furniture covers (an export's title
    // plate, render/map_furniture.hpp): no label or symbol is placed there.
    float covered_corner_width_pt = 0.0f;
    float covered_corner_height_pt = 0.0f;

    // Movements: arrows along the geodesic with a head at the destination,
    // coloured by the moving forces' side (darker than the symbol fills, so a
    // thin line reads on any land colour) over a white casing.
    Rgba arrow_hostile = Rgba::hex(0xB3261E);
    Rgba arrow_friend = Rgba::hex(0x1F5AA6);
    Rgba arrow_neutral = Rgba::hex(0x2E7D32);
    Rgba arrow_unknown = Rgba::hex(0x3C3A36);  // no figure moves, or nobody knows whose
    float arrow_width_pt = 3.0f;
    float arrow_casing_pt = 1.5f;  // white beyond the line on each side
    float arrow_head_pt = 15.0f;   // length of the head; its width is 0.8 of that

    // Deployment areas (the countries and regions where forces are placed):
    // diagonal stripes in a dark ochre, the host sand's own hue, so the area
    // reads as "host" in colour and as hatching in grey-scale print, with a
    // crisp outline. Spacing and width are on screen: the same at any zoom.
    Rgba area_hatch = Rgba::hex(0xA8790F, 0.65f);
    Rgba area_outline = Rgba::hex(0x94690A);
    float area_hatch_spacing_pt = 9.0f;  // from one stripe to the next, across them
    float area_hatch_width_pt = 2.0f;
    float area_outline_pt = 1.6f;

    friend constexpr bool operator==(const OverlayStyle&, const OverlayStyle&) = default;
};

struct MapStyle {
    Rgba ocean = Rgba::hex(0xC6D6E2);      // light blue-grey; also the clear colour
    Rgba land = Rgba::hex(0xF1ECE1);       // warm light beige
    Rgba outline = Rgba::hex(0x8E8A83);    // warm mid-grey country borders and coasts
    Rgba graticule = Rgba::hex(0xB3C6D4);  // a shade darker than the sea, drawn under land
    // Beyond the projection's domain (round the disc of LAEA Europe): paper.
    Rgba outside = Rgba::hex(0xF7F7F5);
    bool show_graticule = true;
    // Lines of the graticule are at least this far apart on screen.
    double graticule_min_spacing_px = 90.0;
    OverlayStyle overlay;

    friend constexpr bool operator==(const MapStyle&, const MapStyle&) = default;
};

}  // namespace muster
