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

private:
    static constexpr std::uint8_t to8(float v) {
        return static_cast<std::uint8_t>(v <= 0.0f ? 0 : v >= 1.0f ? 255 : static_cast<int>(v * 255.0f + 0.5f));
    }
};

struct MapStyle {
    Rgba ocean = Rgba::hex(0xC6D6E2);      // light blue-grey; also the clear colour
    Rgba land = Rgba::hex(0xF1ECE1);       // warm light beige
    Rgba outline = Rgba::hex(0x8E8A83);    // warm mid-grey country borders and coasts
    Rgba graticule = Rgba::hex(0xB3C6D4);  // a shade darker than the sea, drawn under land
    bool show_graticule = true;
    // Lines of the graticule are at least this far apart on screen.
    double graticule_min_spacing_px = 90.0;
};

}  // namespace muster
