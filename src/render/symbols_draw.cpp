#include "render/symbols_draw.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace muster {
namespace {

constexpr float pi = std::numbers::pi_v<float>;

// Proportions of the frames to their nominal height (see the header).
constexpr float friend_aspect = 1.5f;
constexpr float hostile_half_diagonal = 0.7f;
constexpr float neutral_side = 1.1f;
constexpr float unknown_lobe = 0.32f;  // lobe radius; lobe centres are this far from the middle

ImVec2 at(ImVec2 c, float dx, float dy) { return {c.x + dx, c.y + dy}; }

// Half sizes of the box icons are drawn in.
ImVec2 icon_half_box(Affiliation affiliation, float h) {
    switch (affiliation) {
        case Affiliation::friend_: return {friend_aspect * h / 2, h / 2};
        case Affiliation::hostile: return {hostile_half_diagonal * h / 2, hostile_half_diagonal * h / 2};
        case Affiliation::neutral: return {neutral_side * h / 2, neutral_side * h / 2};
        case Affiliation::unknown: break;
    }
    return {unknown_lobe * h, unknown_lobe * h};
}

void fill_frame(ImDrawList* list, ImVec2 c, float h, Affiliation affiliation, ImU32 fill) {
    const ImVec2 size = symbol_frame_size(affiliation, h);
    switch (affiliation) {
        case Affiliation::friend_:
        case Affiliation::neutral:
            list->AddRectFilled(at(c, -size.x / 2, -size.y / 2), at(c, size.x / 2, size.y / 2), fill);
            return;
        case Affiliation::hostile: {
            const float r = size.x / 2;
            list->AddQuadFilled(at(c, 0, -r), at(c, r, 0), at(c, 0, r), at(c, -r, 0), fill);
            return;
        }
        case Affiliation::unknown: {
            const float lobe = unknown_lobe * h;
            for (const ImVec2 d : {ImVec2(lobe, 0), ImVec2(-lobe, 0), ImVec2(0, lobe), ImVec2(0, -lobe)})
                list->AddCircleFilled(at(c, d.x, d.y), lobe, fill, 24);
            list->AddRectFilled(at(c, -lobe, -lobe), at(c, lobe, lobe), fill);
            return;
        }
    }
}

void outline_frame(ImDrawList* list, ImVec2 c, float h, Affiliation affiliation, ImU32 colour, float line) {
    const ImVec2 size = symbol_frame_size(affiliation, h);
    switch (affiliation) {
        case Affiliation::friend_:
        case Affiliation::neutral:
            list->AddRect(at(c, -size.x / 2, -size.y / 2), at(c, size.x / 2, size.y / 2), colour, 0.0f, 0, line);
            return;
        case Affiliation::hostile: {
            const float r = size.x / 2;
            list->AddQuad(at(c, 0, -r), at(c, r, 0), at(c, 0, r), at(c, -r, 0), colour, line);
            return;
        }
        case Affiliation::unknown: {
            // Four half-circles meeting at the corners of the inner square
            // (angles grow clockwise on screen: y points down).
            const float lobe = unknown_lobe * h;
            list->PathArcTo(at(c, 0, -lobe), lobe, pi, 2 * pi, 16);
            list->PathArcTo(at(c, lobe, 0), lobe, 1.5f * pi, 2.5f * pi, 16);
            list->PathArcTo(at(c, 0, lobe), lobe, 0, pi, 16);
            list->PathArcTo(at(c, -lobe, 0), lobe, 0.5f * pi, 1.5f * pi, 16);
            list->PathStroke(colour, ImDrawFlags_Closed, line);
            return;
        }
    }
}

void stroke_ellipse(ImDrawList* list, ImVec2 c, float rx, float ry, ImU32 colour, float line) {
    constexpr int steps = 32;
    for (int i = 0; i < steps; ++i) {
        const float a = 2 * pi * static_cast<float>(i) / steps;
        list->PathLineTo(at(c, rx * std::cos(a), ry * std::sin(a)));
    }
    list->PathStroke(colour, ImDrawFlags_Closed, line);
}

void draw_infantry(ImDrawList* list, ImVec2 c, ImVec2 half, ImU32 colour, float line) {
    list->AddLine(at(c, -half.x, -half.y), at(c, half.x, half.y), colour, line);
    list->AddLine(at(c, -half.x, half.y), at(c, half.x, -half.y), colour, line);
}

// An arc rising from the bottom edge of the inner box: the dome of air
// defence (wide, at the base) or the parachute of airborne (narrow, low).
void draw_base_arc(ImDrawList* list, ImVec2 c, float half_chord, float rise, float base_y, ImU32 colour, float line) {
    const float radius = (half_chord * half_chord + rise * rise) / (2 * rise);
    const ImVec2 centre = at(c, 0, base_y - rise + radius);
    const float spread = std::asin(std::clamp(half_chord / radius, 0.0f, 1.0f));
    list->PathArcTo(centre, radius, -pi / 2 - spread, -pi / 2 + spread, 20);
    list->PathStroke(colour, 0, line);
}

void draw_icon(ImDrawList* list, ImVec2 c, ImVec2 half, UnitFunction function, ImU32 ink, float line) {
    const float small = std::min(half.x, half.y);
    switch (function) {
        case UnitFunction::infantry: draw_infantry(list, c, half, ink, line); return;
        case UnitFunction::airborne:
            draw_infantry(list, c, half, ink, line);
            draw_base_arc(list, c, 0.45f * small, 0.28f * small, 0.85f * half.y, ink, line);
            return;
        case UnitFunction::armour: stroke_ellipse(list, c, 0.62f * half.x, 0.42f * half.y, ink, line); return;
        case UnitFunction::artillery: list->AddCircleFilled(c, 0.36f * small, ink, 20); return;
        case UnitFunction::air_defence:
            draw_base_arc(list, c, 0.92f * half.x, 0.55f * half.y, half.y - line / 2, ink, line);
            return;
        case UnitFunction::fixed_wing: {
            // Two lobes meeting in the middle: the standards' "infinity" wing.
            const float rx = 0.36f * half.x, ry = 0.3f * half.y;
            stroke_ellipse(list, at(c, -rx, 0), rx, ry, ink, line);
            stroke_ellipse(list, at(c, rx, 0), rx, ry, ink, line);
            return;
        }
        case UnitFunction::rotary_wing: {
            // The bow tie: two triangles pointing at the middle.
            const float w = 0.7f * half.x, t = 0.36f * half.y;
            list->AddTriangleFilled(at(c, -w, -t), at(c, -w, t), c, ink);
            list->AddTriangleFilled(at(c, w, -t), at(c, w, t), c, ink);
            return;
        }
        case UnitFunction::missile: {
            const float w = 0.14f * half.x + line / 2, top = 0.75f * half.y, body = 0.4f * half.y;
            const ImVec2 shape[] = {at(c, 0, -top), at(c, w, -body), at(c, w, top), at(c, -w, top), at(c, -w, -body)};
            list->AddConvexPolyFilled(shape, 5, ink);
            return;
        }
        case UnitFunction::none: return;
    }
}

}  // namespace

ImVec2 symbol_frame_size(Affiliation affiliation, float h) {
    switch (affiliation) {
        case Affiliation::friend_: return {friend_aspect * h, h};
        case Affiliation::hostile: return {2 * hostile_half_diagonal * h, 2 * hostile_half_diagonal * h};
        case Affiliation::neutral: return {neutral_side * h, neutral_side * h};
        case Affiliation::unknown: break;
    }
    return {4 * unknown_lobe * h, 4 * unknown_lobe * h};
}

Rgba affiliation_fill(Affiliation affiliation, const SymbolPalette& palette) {
    switch (affiliation) {
        case Affiliation::friend_: return palette.friend_fill;
        case Affiliation::hostile: return palette.hostile_fill;
        case Affiliation::neutral: return palette.neutral_fill;
        case Affiliation::unknown: break;
    }
    return palette.unknown_fill;
}

ImU32 to_imgui(const Rgba& colour) {
    return IM_COL32(colour.red8(), colour.green8(), colour.blue8(),
                    static_cast<int>(std::clamp(colour.a, 0.0f, 1.0f) * 255.0f + 0.5f));
}

void draw_unit_symbol(ImDrawList* list, ImVec2 centre, float h, const SymbolSpec& spec, const SymbolPalette& palette,
                      float line) {
    const ImU32 ink = to_imgui(palette.frame);
    fill_frame(list, centre, h, spec.affiliation, to_imgui(affiliation_fill(spec.affiliation, palette)));
    draw_icon(list, centre, icon_half_box(spec.affiliation, h), spec.function, ink, line);
    outline_frame(list, centre, h, spec.affiliation, ink, line);
}

}  // namespace muster
