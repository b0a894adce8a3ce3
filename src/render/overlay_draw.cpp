// draw_overlay_layout(): replays a computed layout into an ImDrawList. Back
// to front: annotations' arrows and lines, movement arrows, halos, leader lines, dots, labels, symbols with
// their amplifiers. Text gets a white halo (eight offset copies) so it reads
// over any fill, line or halo. Each mark is drawn at its layer's opacity: the
// alpha of the vertices it added to the list is scaled afterwards, so one
// code path draws every opacity and a hidden layer costs nothing.
#include "render/annotations.hpp"
#include "render/overlay.hpp"
#include "render/symbols_draw.hpp"

#include <imgui_internal.h>  // ImTextCharFromUtf8: UTF-8 decoding as ImGui itself does it

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace muster {
namespace {

constexpr float pi = std::numbers::pi_v<float>;

// Converts camera pixels to draw-list coordinates and points to pixels.
struct Canvas {
    ImDrawList* list;
    const OverlayFonts& fonts;
    const OverlayStyle& style;
    OverlayScale scale;
    const LayerSettings& layers;

    [[nodiscard]] ImVec2 at(double x, double y) const {
        return {static_cast<float>(x) / scale.coords, static_cast<float>(y) / scale.coords};
    }
    [[nodiscard]] ImVec2 at(ScreenPoint p) const { return at(p.x, p.y); }
    // A length in camera pixels, in draw-list units.
    [[nodiscard]] float len(float pixels) const { return pixels / scale.coords; }
    // A length in points, in draw-list units.
    [[nodiscard]] float pt(float points) const { return points * scale.size / scale.coords; }
    [[nodiscard]] float font_size(MapFont role) const { return pt(fonts.size_pt(role)); }
};

// Text over a light halo: the role's dilated halo font under the text (two
// draws), or eight offset copies when the atlas has no dilated fonts.
void text_with_halo(const Canvas& c, MapFont role, ImVec2 pos, const Rgba& colour, const std::string& text,
                    float tracking = 0.0f) {
    const float size = c.font_size(role);
    ImFont* text_font = c.fonts.font(role);
    auto draw = [&](ImFont* font, ImVec2 origin, ImU32 col) {
        if (tracking == 0.0f) {
            c.list->AddText(font, size, origin, col, text.c_str(), text.c_str() + text.size());
            return;
        }
        // Letter by letter, tracking apart (country names); advances of the text font.
        const char* s = text.c_str();
        const char* end = s + text.size();
        float x = origin.x;
        while (s < end) {
            unsigned int code = 0;
            const int bytes = ImTextCharFromUtf8(&code, s, end);
            if (bytes <= 0) break;
            c.list->AddText(font, size, ImVec2(x, origin.y), col, s, s + bytes);
            x += text_font->GetCharAdvance(static_cast<ImWchar>(code)) * size / text_font->FontSize + c.len(tracking);
            s += bytes;
        }
    };
    const ImU32 halo = to_imgui(c.style.label_halo);
    if (c.fonts.dilated_halos) {
        draw(c.fonts.halo(role), pos, halo);
    } else {
        const float r = c.pt(label_halo_pt);
        const float d = r * 0.7071f;
        for (const ImVec2 o : {ImVec2(r, 0), ImVec2(-r, 0), ImVec2(0, r), ImVec2(0, -r), ImVec2(d, d), ImVec2(d, -d),
                               ImVec2(-d, d), ImVec2(-d, -d)})
            draw(text_font, ImVec2(pos.x + o.x, pos.y + o.y), halo);
    }
    draw(text_font, pos, to_imgui(colour));
}

// Multiplies the alpha of the vertices added to list since first_vertex.
void fade_vertices(ImDrawList* list, int first_vertex, float opacity) {
    for (int i = first_vertex; i < list->VtxBuffer.Size; ++i) {
        ImU32& colour = list->VtxBuffer[i].col;
        const auto alpha = static_cast<float>((colour & IM_COL32_A_MASK) >> IM_COL32_A_SHIFT);
        const auto faded = static_cast<ImU32>(std::lround(alpha * std::clamp(opacity, 0.0f, 1.0f)));
        colour = (colour & ~IM_COL32_A_MASK) | (faded << IM_COL32_A_SHIFT);
    }
}

// Runs draw() for a mark of the layer `look` describes: not at all when the
// layer is hidden or fully transparent, faded when it is translucent.
template <typename Draw>
void in_layer(const Canvas& c, const LayerLook& look, Draw&& draw) {
    if (!look.drawn()) return;
    const int first = c.list->VtxBuffer.Size;
    draw();
    if (look.opacity < 1.0f) fade_vertices(c.list, first, look.opacity);
}

void dashed_circle(ImDrawList* list, ImVec2 centre, float radius, ImU32 colour, float dash, float line) {
    const float circumference = 2 * pi * radius;
    const int dashes = std::max(6, static_cast<int>(circumference / (2 * dash)));
    const float step = 2 * pi / static_cast<float>(dashes);
    for (int i = 0; i < dashes; ++i) {
        list->PathArcTo(centre, radius, step * static_cast<float>(i), step * (static_cast<float>(i) + 0.55f), 6);
        list->PathStroke(colour, 0, line);
    }
}

// A line on a white casing, with a head when head_half_width > 0: the
// shaft's casing, the head's, then the shaft and the head in colour.
void draw_arrow_shape(const Canvas& c, const std::vector<std::vector<ScreenPoint>>& shaft_pieces, ScreenPoint tip_at,
                      ScreenPoint base_at, float head_half_width, ImU32 colour) {
    const ImU32 casing = IM_COL32(255, 255, 255, 235);
    const float width = c.pt(c.style.arrow_width_pt);
    const float casing_width = width + 2 * c.pt(c.style.arrow_casing_pt);
    std::vector<std::vector<ImVec2>> shaft;
    for (const auto& line : shaft_pieces) {
        std::vector<ImVec2>& points = shaft.emplace_back();
        for (const ScreenPoint& p : line) points.push_back(c.at(p));
    }
    for (const auto& points : shaft)
        c.list->AddPolyline(points.data(), static_cast<int>(points.size()), casing, ImDrawFlags_None, casing_width);
    const bool head = head_half_width > 0.0f;
    // The head's corners: either side of its base, across the direction of travel.
    const double dx = tip_at.x - base_at.x, dy = tip_at.y - base_at.y;
    const double length = std::max(std::hypot(dx, dy), 1e-6);
    const double nx = -dy / length * head_half_width, ny = dx / length * head_half_width;
    const ImVec2 tip = c.at(tip_at);
    const ImVec2 left = c.at(base_at.x + nx, base_at.y + ny);
    const ImVec2 right = c.at(base_at.x - nx, base_at.y - ny);
    if (head) c.list->AddTriangle(tip, left, right, casing, 2 * c.pt(c.style.arrow_casing_pt));
    for (const auto& points : shaft)
        c.list->AddPolyline(points.data(), static_cast<int>(points.size()), colour, ImDrawFlags_None, width);
    if (head) c.list->AddTriangleFilled(tip, left, right, colour);
}

void draw_arrows(const Canvas& c, const OverlayLayout& layout) {
    // Arrows show where forces move: part of the deployments layer.
    for (const OverlayLayout::Arrow& arrow : layout.arrows) in_layer(c, c.layers.deployments, [&] {
        draw_arrow_shape(c, arrow.shaft, arrow.tip, arrow.base, arrow.head_half_width,
                         to_imgui(arrow_colour(arrow.affiliation, c.style)));
    });
}

void draw_annotation_lines(const Canvas& c, const OverlayLayout& layout) {
    for (const OverlayLayout::AnnotationLine& line : layout.annotation_lines) in_layer(c, c.layers.annotations, [&] {
        draw_arrow_shape(c, line.shaft, line.tip, line.base, line.head ? line.head_half_width : 0.0f,
                         to_imgui(line.colour));
    });
}

void draw_halos(const Canvas& c, const OverlayLayout& layout) {
    const SymbolPalette& palette = c.style.symbols;
    for (const OverlayLayout::Halo& halo : layout.halos) in_layer(c, c.layers.deployments, [&] {
        const Rgba fill = affiliation_fill(halo.affiliation, palette);
        const Rgba edge{fill.r * 0.55f, fill.g * 0.55f, fill.b * 0.55f, 0.7f};
        const ImVec2 centre = c.at(halo.centre);
        if (halo.fill > 0) {
            // Segments by radius (ImGui's own tessellation): a fixed 64 made
            // most of the overlay's vertices in dense scenarios. The fill
            // needs no anti-aliased fringe (twice its triangles, which a
            // software rasteriser pays for each): the edge is stroked over it.
            const ImDrawListFlags flags = c.list->Flags;
            c.list->Flags &= ~ImDrawListFlags_AntiAliasedFill;
            c.list->AddCircleFilled(centre, c.len(halo.fill), to_imgui(fill.with_alpha(palette.halo_alpha)), 0);
            c.list->Flags = flags;
            c.list->AddCircle(centre, c.len(halo.fill), to_imgui(edge), 0, c.pt(1.2f));
        }
        if (halo.ring > halo.fill)
            dashed_circle(c.list, centre, c.len(halo.ring), to_imgui(edge), c.pt(5.0f), c.pt(1.4f));
    });
}

void draw_leaders(const Canvas& c, const OverlayLayout& layout) {
    for (const OverlayLayout::Leader& leader : layout.leaders)
        in_layer(c, leader.border ? c.layers.border_features : c.layers.deployments, [&] {
            const Rgba colour = leader.border ? c.style.border_line : c.style.label_text;
            c.list->AddLine(c.at(leader.from), c.at(leader.to), to_imgui(c.style.label_halo), c.pt(3.2f));
            c.list->AddLine(c.at(leader.from), c.at(leader.to), to_imgui(colour), c.pt(1.4f));
            if (leader.border) c.list->AddCircleFilled(c.at(leader.from), c.pt(3.5f), to_imgui(colour), 16);
        });
}

const LayerLook& layer_of(const Canvas& c, const OverlayLayout::Dot& dot) {
    if (dot.stack_place) return c.layers.deployments;
    return dot.scenario ? c.layers.place_labels : c.layers.city_labels;
}

const LayerLook& layer_of(const Canvas& c, const OverlayLayout::Label& label) {
    switch (label.kind) {
        case OverlayLayout::LabelKind::border: return c.layers.border_features;
        case OverlayLayout::LabelKind::country: return c.layers.country_names;
        case OverlayLayout::LabelKind::city: return c.layers.city_labels;
        case OverlayLayout::LabelKind::annotation: return c.layers.annotations;
        case OverlayLayout::LabelKind::more: return c.layers.deployments;
        case OverlayLayout::LabelKind::place:
        case OverlayLayout::LabelKind::region: break;
    }
    return c.layers.place_labels;
}

void draw_dots(const Canvas& c, const OverlayLayout& layout) {
    const ImU32 white = IM_COL32(255, 255, 255, 255);
    for (const OverlayLayout::Dot& dot : layout.dots) in_layer(c, layer_of(c, dot), [&] {
        const ImVec2 centre = c.at(dot.centre);
        // Segments by radius (ImGui's own tessellation, within 0.3 px): a few
        // pixels across need no more, and dense scenarios have hundreds.
        if (dot.scenario) {
            c.list->AddCircleFilled(centre, c.pt(5.2f), white, 0);
            c.list->AddCircleFilled(centre, c.pt(3.8f), to_imgui(c.style.label_text), 0);
        } else if (dot.capital) {  // ring with a dot: the atlas convention for capitals
            c.list->AddCircleFilled(centre, c.pt(3.6f), white, 0);
            c.list->AddCircle(centre, c.pt(3.2f), to_imgui(c.style.base_city_text), 0, c.pt(1.1f));
            c.list->AddCircleFilled(centre, c.pt(1.4f), to_imgui(c.style.base_city_text), 0);
        } else {
            c.list->AddCircleFilled(centre, c.pt(2.6f), white, 0);
            c.list->AddCircleFilled(centre, c.pt(1.8f), to_imgui(c.style.base_city_text), 0);
        }
    });
}

void draw_border_plate(const Canvas& c, const OverlayLayout::Label& label) {
    const ImVec2 min = c.at(label.box.min_x, label.box.min_y), max = c.at(label.box.max_x, label.box.max_y);
    c.list->AddRectFilled(min, max, IM_COL32(255, 255, 255, 236), c.pt(3.0f));
    c.list->AddRect(min, max, to_imgui(c.style.border_line), c.pt(3.0f), 0, c.pt(1.5f));
    const float pad = c.pt(5.0f);
    const ImVec2 title(min.x + pad, min.y + pad);
    c.list->AddText(c.fonts.font(MapFont::place), c.font_size(MapFont::place), title, to_imgui(c.style.border_line),
                    label.text.c_str());
    c.list->AddText(c.fonts.font(MapFont::detail), c.font_size(MapFont::detail),
                    ImVec2(title.x, title.y + c.font_size(MapFont::place)), to_imgui(c.style.label_text),
                    label.detail.c_str());
}

void draw_labels(const Canvas& c, const OverlayLayout& layout) {
    for (const OverlayLayout::Label& label : layout.labels) in_layer(c, layer_of(c, label), [&] {
        const ImVec2 pos = c.at(label.box.min_x, label.box.min_y);
        switch (label.kind) {
            case OverlayLayout::LabelKind::border: draw_border_plate(c, label); break;
            case OverlayLayout::LabelKind::country:
                text_with_halo(c, label.font, pos, c.style.country_label_text, label.text, label.tracking);
                break;
            case OverlayLayout::LabelKind::region:
                text_with_halo(c, label.font, pos, c.style.region_label_text, label.text);
                break;
            case OverlayLayout::LabelKind::place:
            case OverlayLayout::LabelKind::more: text_with_halo(c, label.font, pos, c.style.label_text, label.text); break;
            case OverlayLayout::LabelKind::annotation: text_with_halo(c, label.font, pos, label.colour, label.text); break;
            case OverlayLayout::LabelKind::city:
                text_with_halo(c, label.font, pos, c.style.base_city_text, label.text);
                break;
        }
    });
}

// An aggregated symbol is its side's frame over two more, up and left: a
// pile of units (render/unit_groups.hpp).
void draw_group_backing(const Canvas& c, ImVec2 centre, float h, const SymbolSpec& spec) {
    SymbolSpec plain = spec;
    plain.function = UnitFunction::none;
    const float step = h * 0.1f;
    for (const float k : {2.0f, 1.0f})
        draw_unit_symbol(c.list, ImVec2(centre.x - k * step, centre.y - k * step), h, plain, c.style.symbols,
                         std::max(c.pt(1.2f), h * 0.05f));
}

// The note of a grouped view: a plate like the border's.
void draw_note(const Canvas& c, const OverlayLayout& layout) {
    if (!layout.note) return;
    in_layer(c, c.layers.deployments, [&] {
        const OverlayLayout::Note& note = *layout.note;
        const ImVec2 min = c.at(note.box.min_x, note.box.min_y), max = c.at(note.box.max_x, note.box.max_y);
        c.list->AddRectFilled(min, max, IM_COL32(255, 255, 255, 236), c.pt(3.0f));
        c.list->AddRect(min, max, to_imgui(c.style.label_text), c.pt(3.0f), 0, c.pt(1.0f));
        const float pad = c.pt(5.0f);
        c.list->AddText(c.fonts.font(MapFont::detail), c.font_size(MapFont::detail), ImVec2(min.x + pad, min.y + pad),
                        to_imgui(c.style.label_text), note.text.c_str());
    });
}

void draw_symbols(const Canvas& c, const OverlayLayout& layout) {
    for (const OverlayLayout::Symbol& symbol : layout.symbols) in_layer(c, c.layers.deployments, [&] {
        const float h = c.len(symbol.height);
        const ImVec2 centre = c.at(symbol.centre);
        if (symbol.units > 1) draw_group_backing(c, centre, h, symbol.spec);
        draw_unit_symbol(c.list, centre, h, symbol.spec, c.style.symbols, std::max(c.pt(1.5f), h * 0.06f));
        const float frame_top = centre.y - symbol_frame_size(symbol.spec.affiliation, h).y / 2;
        if (symbol.spec.echelon != Echelon::none) {
            const char* mark = echelon_mark(symbol.spec.echelon);
            ImFont* font = c.fonts.font(MapFont::echelon);
            const float size = c.font_size(MapFont::echelon);
            const ImVec2 extent = font->CalcTextSizeA(size, 1e9f, 0.0f, mark);
            text_with_halo(c, MapFont::echelon, ImVec2(centre.x - extent.x / 2, frame_top - extent.y), c.style.label_text,
                           mark);
        }
        // Amplifiers right of the frame: strength (bold) over actor and unit.
        const float strength_h = symbol.spec.strength.empty() ? 0.0f : c.font_size(MapFont::strength);
        const float what_h = c.font_size(MapFont::detail);
        float y = centre.y - (strength_h + what_h) / 2;
        const float x = c.len(symbol.text_x);
        if (!symbol.spec.strength.empty()) {
            text_with_halo(c, MapFont::strength, ImVec2(x, y), c.style.label_text, symbol.spec.strength);
            y += strength_h;
        }
        if (!symbol.spec.what.empty())
            text_with_halo(c, MapFont::detail, ImVec2(x, y), c.style.label_text, symbol.spec.what);
    });
}

}  // namespace

void draw_overlay_layout(ImDrawList* list, const OverlayLayout& layout, const OverlayFonts& fonts,
                         const OverlayStyle& style, OverlayScale scale, const LayerSettings& layers) {
    const Canvas canvas{list, fonts, style, scale, layers};
    draw_annotation_lines(canvas, layout);
    draw_arrows(canvas, layout);
    draw_halos(canvas, layout);
    draw_leaders(canvas, layout);
    draw_dots(canvas, layout);
    draw_labels(canvas, layout);
    draw_symbols(canvas, layout);
    draw_note(canvas, layout);
}

}  // namespace muster
