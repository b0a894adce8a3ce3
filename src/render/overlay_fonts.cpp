#include "render/overlay_fonts.hpp"

#include "render/font_files.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <string>
#include <system_error>
#include <tuple>
#include <vector>

namespace muster {
namespace {

// Zero-terminated pairs of first,last code points; the atlas keeps the pointers.
// Names of places come in any Latin or Cyrillic spelling; amplifiers and
// country names are English; echelon marks are I and X.
const ImWchar names_ranges[] = {
    0x0020, 0x00FF,  // Basic Latin, Latin-1 (middle dot, degree sign)
    0x0100, 0x024F,  // Latin Extended-A and -B (Polish ł, Romanian ș, ț)
    0x0400, 0x04FF,  // Cyrillic
    0x2000, 0x206F,  // General Punctuation (en dash, thin spaces)
    0,
};
const ImWchar english_ranges[] = {0x0020, 0x017F, 0x2000, 0x206F, 0x2248, 0x2248, 0};
const ImWchar ascii_ranges[] = {0x0020, 0x007E, 0};

struct RoleFace {
    const char* file;
    float points;
    const ImWchar* ranges;
};

// One entry per MapFont, in enum order. Roles with equal faces share a font.
constexpr RoleFace role_faces[] = {
    {"DejaVuSans.ttf", 12.0f, names_ranges},                  // city
    {"DejaVuSans-Bold.ttf", 13.0f, names_ranges},             // place
    {"DejaVuSans.ttf", 12.0f, names_ranges},                  // detail
    {"DejaVuSans-Bold.ttf", 14.0f, english_ranges},           // strength
    {"DejaVuSans-Oblique.ttf", 13.0f, names_ranges},          // region
    {"DejaVuSans-Bold.ttf", 11.0f, ascii_ranges},             // echelon
    {"DejaVuSansCondensed.ttf", 11.0f, english_ranges},       // country_small
    {"DejaVuSansCondensed.ttf", 13.0f, english_ranges},       // country_medium
    {"DejaVuSansCondensed-Bold.ttf", 16.0f, english_ranges},  // country_large
};
static_assert(std::size(role_faces) == OverlayFonts::roles);

ImFont* add_face(ImFontAtlas& atlas, const RoleFace& face, float raster_scale, bool halo) {
    const std::filesystem::path path = font_file(face.file);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        warn_font_missing(path);
        return nullptr;
    }
    ImFontConfig config;
    // Text: horizontal oversampling, crisper under bilinear sampling. Halos
    // are blurred anyway: no oversampling, half the atlas space.
    config.OversampleH = halo ? 1 : 2;
    config.OversampleV = 1;
    config.PixelSnapH = false;
    return atlas.AddFontFromFileTTF(path.c_str(), face.points * raster_scale, &config, face.ranges);
}

// Grows every glyph of font by radius_px (screen pixels) in the atlas, into
// the padding around it, and widens the glyph's quad and texture
// coordinates to match. Each texel takes the maximum of its neighbours'
// coverage weighted by a disc of that radius with a one-pixel soft edge, so
// the halo follows the letter shapes as offset copies would.
void dilate_glyphs(ImFontAtlas& atlas, ImFont& font, float radius_px) {
    unsigned char* pixels = atlas.TexPixelsAlpha8;
    const int width = atlas.TexWidth, height = atlas.TexHeight;
    std::vector<unsigned char> source;
    for (ImFontGlyph& glyph : font.Glyphs) {
        if (!glyph.Visible || glyph.X1 <= glyph.X0 || glyph.Y1 <= glyph.Y0) continue;
        const int x0 = static_cast<int>(std::lround(glyph.U0 * width)), x1 = static_cast<int>(std::lround(glyph.U1 * width));
        const int y0 = static_cast<int>(std::lround(glyph.V0 * height)), y1 = static_cast<int>(std::lround(glyph.V1 * height));
        if (x1 <= x0 || y1 <= y0) continue;
        const float texels_x = static_cast<float>(x1 - x0) / (glyph.X1 - glyph.X0);
        const float texels_y = static_cast<float>(y1 - y0) / (glyph.Y1 - glyph.Y0);
        const int rx = static_cast<int>(std::ceil((radius_px + 0.5f) * texels_x));
        const int ry = static_cast<int>(std::ceil((radius_px + 0.5f) * texels_y));
        // Weights of the disc, per texel offset.
        std::vector<float> weight(static_cast<std::size_t>((2 * rx + 1) * (2 * ry + 1)));
        for (int dy = -ry; dy <= ry; ++dy)
            for (int dx = -rx; dx <= rx; ++dx) {
                const float d = std::hypot(static_cast<float>(dx) / texels_x, static_cast<float>(dy) / texels_y);
                weight[(dy + ry) * (2 * rx + 1) + (dx + rx)] = std::clamp(radius_px + 0.5f - d, 0.0f, 1.0f);
            }
        const int ex0 = std::max(x0 - rx, 0), ex1 = std::min(x1 + rx, width);
        const int ey0 = std::max(y0 - ry, 0), ey1 = std::min(y1 + ry, height);
        const int w = x1 - x0;
        source.resize(static_cast<std::size_t>(w * (y1 - y0)));
        for (int y = y0; y < y1; ++y)
            std::copy_n(pixels + y * width + x0, w, source.begin() + (y - y0) * w);
        for (int y = ey0; y < ey1; ++y)
            for (int x = ex0; x < ex1; ++x) {
                float best = 0.0f;
                for (int sy = std::max(y - ry, y0); sy <= std::min(y + ry, y1 - 1); ++sy)
                    for (int sx = std::max(x - rx, x0); sx <= std::min(x + rx, x1 - 1); ++sx) {
                        const unsigned char a = source[(sy - y0) * w + (sx - x0)];
                        if (a == 0) continue;
                        best = std::max(best, a * weight[(sy - y + ry) * (2 * rx + 1) + (sx - x + rx)]);
                    }
                pixels[y * width + x] = static_cast<unsigned char>(std::lround(best));
            }
        glyph.X0 -= static_cast<float>(x0 - ex0) / texels_x;
        glyph.X1 += static_cast<float>(ex1 - x1) / texels_x;
        glyph.Y0 -= static_cast<float>(y0 - ey0) / texels_y;
        glyph.Y1 += static_cast<float>(ey1 - y1) / texels_y;
        glyph.U0 = static_cast<float>(ex0) / static_cast<float>(width);
        glyph.U1 = static_cast<float>(ex1) / static_cast<float>(width);
        glyph.V0 = static_cast<float>(ey0) / static_cast<float>(height);
        glyph.V1 = static_cast<float>(ey1) / static_cast<float>(height);
    }
}

}  // namespace

OverlayFonts load_overlay_fonts(float raster_scale) {
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    OverlayFonts out;
    // Shared by roles with the same face: (file, size, ranges, halo).
    std::map<std::tuple<std::string, float, const ImWchar*, bool>, ImFont*> added;
    std::vector<ImFont*> halos;
    for (std::size_t i = 0; i < OverlayFonts::roles; ++i) {
        const RoleFace& face = role_faces[i];
        out.points[i] = face.points;
        for (const bool halo : {false, true}) {
            ImFont*& font = added[{face.file, face.points, face.ranges, halo}];
            if (!font) {
                font = add_face(atlas, face, raster_scale, halo);
                if (font && halo) halos.push_back(font);
            }
            (halo ? out.halo_fonts : out.fonts)[i] = font;
        }
    }
    const bool all_found = std::all_of(out.fonts.begin(), out.fonts.end(), [](ImFont* f) { return f; }) &&
                           std::all_of(out.halo_fonts.begin(), out.halo_fonts.end(), [](ImFont* f) { return f; });
    if (!all_found) {
        ImFontConfig config;
        config.SizePixels = 13.0f * raster_scale;
        ImFont* fallback = atlas.AddFontDefault(&config);
        for (std::size_t i = 0; i < OverlayFonts::roles; ++i) {
            if (!out.fonts[i]) out.fonts[i] = fallback;
            out.halo_fonts[i] = out.fonts[i];
        }
        out.fallback = true;
        return out;
    }
    // Room around every glyph for two neighbouring halos.
    const float radius = label_halo_pt * raster_scale;
    const int reach = static_cast<int>(std::ceil(radius + 0.5f));
    atlas.TexGlyphPadding = std::max(atlas.TexGlyphPadding, 2 * reach + 2);
    if (!atlas.Build() || !atlas.TexPixelsAlpha8) {
        out.halo_fonts = out.fonts;
        return out;
    }
    for (ImFont* halo : halos) dilate_glyphs(atlas, *halo, radius);
    out.dilated_halos = true;
    return out;
}

}  // namespace muster
