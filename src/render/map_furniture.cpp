#include "render/map_furniture.hpp"

#include "render/annotations.hpp"

#include "render/attribution.hpp"
#include "render/font_files.hpp"
#include "render/symbols_draw.hpp"

#include <GeographicLib/Geodesic.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <system_error>

namespace muster {
namespace {

// ------------------------------------------------------------------ sizes

// Points to draw-list units, as overlay_draw.cpp's Canvas does.
struct Units {
    OverlayScale scale;
    [[nodiscard]] float pt(float points) const { return points * scale.size / scale.coords; }
    [[nodiscard]] float len(double pixels) const { return static_cast<float>(pixels) / scale.coords; }
};

constexpr float margin_pt = 12.0f;    // from the frame's edges
constexpr float padding_pt = 8.0f;    // inside plates
constexpr float row_pt = 17.0f;       // legend rows
constexpr float swatch_w_pt = 22.0f;  // legend swatches
constexpr float swatch_h_pt = 12.0f;
constexpr float plate_rounding_pt = 3.0f;
constexpr float attribution_pt = 12.0f;
constexpr float legend_halo_max_pt = 45.0f;  // radius of the halo scale's largest circle

const ImU32 plate_fill = IM_COL32(255, 255, 255, 245);
const ImU32 plate_edge = IM_COL32(120, 120, 120, 255);
const ImU32 ink = IM_COL32(43, 43, 43, 255);

ImFont* add_face(const char* file, float points, float raster_scale) {
    std::error_code ec;
    const std::filesystem::path path = font_file(file);
    if (!std::filesystem::is_regular_file(path, ec)) {
        warn_font_missing(path);
        return nullptr;
    }
    static const ImWchar ranges[] = {0x0020, 0x024F, 0x0400, 0x04FF, 0x2000, 0x206F, 0x2190, 0x2193, 0};
    ImFontConfig config;
    config.OversampleH = 2;
    config.OversampleV = 1;
    return ImGui::GetIO().Fonts->AddFontFromFileTTF(path.c_str(), points * raster_scale, &config, ranges);
}

// ------------------------------------------------------------------ legend rows

float text_width(ImFont* font, float size, const std::string& text) {
    return font->CalcTextSizeA(size, 1e9f, 0.0f, text.c_str()).x;
}

std::string thousands(double value) { return format_thousands(value); }

// Round numbers for the halo scale: 1, 2 or 5 x 10^n at most value.
double round_down_nice(double value) {
    if (value <= 0) return 0;
    const double power = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : {5.0, 2.0, 1.0})
        if (step * power <= value) return step * power;
    return power;
}

const std::string deployment_area_label = "Deployment area";

// "Grouped units (147 in 23 symbols)": what a pile of frames stands for.
std::string group_label(const LegendContent::GroupRow& row) {
    return "Grouped units (" + thousands(static_cast<double>(row.units)) + " in " +
           thousands(static_cast<double>(row.symbols)) + (row.symbols == 1 ? " symbol)" : " symbols)");
}

struct LegendDrawer {
    ImDrawList* list;
    const FurnitureFonts& fonts;
    const MapStyle& style;
    Units u;

    [[nodiscard]] float body() const { return u.pt(FurnitureFonts::body_pt); }
    [[nodiscard]] float heading() const { return u.pt(FurnitureFonts::heading_pt); }

    // Halo circle radii in draw-list units.
    [[nodiscard]] float halo_radius(double persons) const {
        return u.pt(style.overlay.halo_pt_per_sqrt * static_cast<float>(std::sqrt(persons)));
    }

    [[nodiscard]] ImVec2 size(const LegendContent& legend) const {
        float width = text_width(fonts.heading, heading(), "Legend");
        float height = u.pt(row_pt);
        auto row = [&](const std::string& label) {
            width = std::max(width, u.pt(swatch_w_pt + 6.0f) + text_width(fonts.body, body(), label));
            height += u.pt(row_pt);
        };
        for (const auto& r : legend.roles) row(r.label);
        if (legend.deployment_areas) row(deployment_area_label);
        for (const Affiliation a : legend.affiliations) row(affiliation_label(a));
        if (legend.groups) row(group_label(*legend.groups));
        for (const auto& m : legend.movements) row(m.label);
        if (legend.border) row("Border named in the text");
        for (const auto& a : legend.annotations) row(a.label);
        if (!legend.halo_strengths.empty()) {
            const float big = halo_radius(legend.halo_strengths.front());
            height += u.pt(4.0f) + 2 * big + u.pt(4.0f);
            width = std::max(width, 2 * big + u.pt(8.0f) + text_width(fonts.body, body(), thousands(legend.halo_strengths.front()) + " troops"));
            height += u.pt(row_pt) * 0.2f;
        }
        return {width + 2 * u.pt(padding_pt), height + 2 * u.pt(padding_pt) - u.pt(row_pt) * 0.2f};
    }

    void label(ImVec2 at, const std::string& text) const {
        list->AddText(fonts.body, body(), ImVec2(at.x, at.y + (u.pt(row_pt) - body()) * 0.5f - u.pt(1.0f)), ink,
                      text.c_str());
    }

    void role_row(ImVec2 at, const LegendContent::RoleRow& row) const {
        const ImVec2 a(at.x, at.y + (u.pt(row_pt) - u.pt(swatch_h_pt)) * 0.5f);
        const ImVec2 b(a.x + u.pt(swatch_w_pt), a.y + u.pt(swatch_h_pt));
        list->AddRectFilled(a, b, to_imgui(role_colour(row.role, style)));
        list->AddRect(a, b, to_imgui(style.outline), 0.0f, 0, u.pt(1.0f));
        label(ImVec2(b.x + u.pt(6.0f), at.y), row.label);
    }

    void affiliation_row(ImVec2 at, Affiliation affiliation) const {
        SymbolSpec spec;
        spec.affiliation = affiliation;
        const float h = u.pt(11.0f);
        const ImVec2 centre(at.x + u.pt(swatch_w_pt) * 0.5f, at.y + u.pt(row_pt) * 0.5f);
        draw_unit_symbol(list, centre, h, spec, style.overlay.symbols, std::max(u.pt(1.0f), h * 0.08f));
        label(ImVec2(at.x + u.pt(swatch_w_pt + 6.0f), at.y), affiliation_label(affiliation));
    }

    void border_row(ImVec2 at) const {
        const float y = at.y + u.pt(row_pt) * 0.5f;
        const ImVec2 a(at.x, y), b(at.x + u.pt(swatch_w_pt), y);
        const OverlayStyle& o = style.overlay;
        list->AddLine(a, b, to_imgui(o.border_casing), u.pt(o.border_width_pt * 0.7f + 2 * o.border_casing_pt * 0.7f));
        list->AddLine(a, b, to_imgui(o.border_line), u.pt(o.border_width_pt * 0.7f));
        label(ImVec2(b.x + u.pt(6.0f), at.y), "Border named in the text");
    }

    // A hatched swatch with an outline, as areas are drawn.
    void hatch_row(ImVec2 at, Rgba hatch, Rgba outline, const std::string& text) const {
        const OverlayStyle& o = style.overlay;
        const ImVec2 a(at.x, at.y + (u.pt(row_pt) - u.pt(swatch_h_pt)) * 0.5f);
        const ImVec2 b(a.x + u.pt(swatch_w_pt), a.y + u.pt(swatch_h_pt));
        list->PushClipRect(a, b, true);
        const float step = u.pt(o.area_hatch_spacing_pt) * 1.41421f;
        for (float x = a.x - (b.y - a.y); x < b.x; x += step)
            list->AddLine(ImVec2(x, b.y), ImVec2(x + (b.y - a.y), a.y), to_imgui(hatch), u.pt(o.area_hatch_width_pt));
        list->PopClipRect();
        list->AddRect(a, b, to_imgui(outline), 0.0f, 0, u.pt(o.area_outline_pt));
        label(ImVec2(at.x + u.pt(swatch_w_pt + 6.0f), at.y), text);
    }

    // A line on a white casing, with a head for arrows, as the map draws them.
    void line_row(ImVec2 at, Rgba line_colour, bool arrow, const std::string& text) const {
        const OverlayStyle& o = style.overlay;
        const ImU32 colour = to_imgui(line_colour);
        const float y = at.y + u.pt(row_pt) * 0.5f;
        const float head = arrow ? u.pt(7.0f) : 0.0f;
        const ImVec2 a(at.x, y), b(at.x + u.pt(swatch_w_pt) - head, y);
        list->AddLine(a, b, IM_COL32(255, 255, 255, 235), u.pt(o.arrow_width_pt + 2 * o.arrow_casing_pt));
        list->AddLine(a, b, colour, u.pt(o.arrow_width_pt));
        if (head > 0)
            list->AddTriangleFilled(ImVec2(b.x + head, y), ImVec2(b.x, y - head * 0.45f), ImVec2(b.x, y + head * 0.45f),
                                    colour);
        label(ImVec2(at.x + u.pt(swatch_w_pt + 6.0f), at.y), text);
    }

    void annotation_row(ImVec2 at, const LegendContent::AnnotationRow& row) const {
        if (row.kind == "area")
            hatch_row(at, row.colour.with_alpha(0.65f), row.colour, row.label);
        else
            line_row(at, row.colour, row.kind == "arrow", row.label);
    }

    // A frame over two more, up and left, as grouped units are drawn.
    void group_row(ImVec2 at, const LegendContent::GroupRow& row) const {
        SymbolSpec spec;
        spec.affiliation = row.side;
        const float h = u.pt(10.0f);
        const ImVec2 centre(at.x + u.pt(swatch_w_pt) * 0.5f + u.pt(1.5f), at.y + u.pt(row_pt) * 0.5f + u.pt(1.0f));
        const float step = h * 0.1f;
        for (const float k : {2.0f, 1.0f, 0.0f})
            draw_unit_symbol(list, ImVec2(centre.x - k * step, centre.y - k * step), h, spec, style.overlay.symbols,
                             std::max(u.pt(1.0f), h * 0.06f));
        label(ImVec2(at.x + u.pt(swatch_w_pt + 6.0f), at.y), group_label(row));
    }

    // Nested circles standing on one baseline, each labelled at its top:
    // the proportional-symbol legend of thematic cartography.
    void halo_scale(ImVec2 at, const std::vector<double>& strengths) const {
        const float big = halo_radius(strengths.front());
        const float base = at.y + u.pt(4.0f) + 2 * big;
        const float cx = at.x + big;
        // Grey: on the map each halo takes its symbol's colour; here only the size speaks.
        const ImU32 fill = IM_COL32(150, 150, 150, 60);
        const ImU32 edge = IM_COL32(110, 110, 110, 255);
        for (const double persons : strengths) {
            const float r = halo_radius(persons);
            list->AddCircleFilled(ImVec2(cx, base - r), r, fill, 48);
            list->AddCircle(ImVec2(cx, base - r), r, edge, 48, u.pt(1.0f));
        }
        for (const double persons : strengths) {
            const float r = halo_radius(persons);
            const float top = base - 2 * r;
            const float text_x = cx + big + u.pt(8.0f);
            list->AddLine(ImVec2(cx, top), ImVec2(text_x - u.pt(2.0f), top), edge, u.pt(0.8f));
            const std::string text = thousands(persons) + " troops";
            list->AddText(fonts.body, body(), ImVec2(text_x, top - body() * 0.55f), ink, text.c_str());
        }
    }

    void draw(ImVec2 min, const LegendContent& legend) const {
        const ImVec2 box = size(legend);
        list->AddRectFilled(min, ImVec2(min.x + box.x, min.y + box.y), plate_fill, u.pt(plate_rounding_pt));
        list->AddRect(min, ImVec2(min.x + box.x, min.y + box.y), plate_edge, u.pt(plate_rounding_pt), 0, u.pt(1.0f));
        ImVec2 at(min.x + u.pt(padding_pt), min.y + u.pt(padding_pt));
        list->AddText(fonts.heading, heading(), ImVec2(at.x, at.y + (u.pt(row_pt) - heading()) * 0.5f - u.pt(1.0f)),
                      ink, "Legend");
        at.y += u.pt(row_pt);
        for (const auto& row : legend.roles) role_row(at, row), at.y += u.pt(row_pt);
        if (legend.deployment_areas) {
            hatch_row(at, style.overlay.area_hatch, style.overlay.area_outline, deployment_area_label);
            at.y += u.pt(row_pt);
        }
        for (const Affiliation a : legend.affiliations) affiliation_row(at, a), at.y += u.pt(row_pt);
        if (legend.groups) group_row(at, *legend.groups), at.y += u.pt(row_pt);
        for (const auto& row : legend.movements) line_row(at, row.colour, true, row.label), at.y += u.pt(row_pt);
        if (legend.border) border_row(at), at.y += u.pt(row_pt);
        for (const auto& row : legend.annotations) annotation_row(at, row), at.y += u.pt(row_pt);
        if (!legend.halo_strengths.empty()) halo_scale(at, legend.halo_strengths);
    }
};

// ------------------------------------------------------------------ other pieces

// The title plate's box (draw-list units) and the width its text wraps at.
struct TitlePlate {
    ImVec2 min, max;
    float pad = 0.0f, max_text = 0.0f;
};

TitlePlate title_plate(const std::string& title, const FurnitureFonts& fonts, const FurnitureFrame& frame, Units u) {
    const float size = u.pt(FurnitureFonts::title_pt);
    TitlePlate plate;
    plate.pad = u.pt(padding_pt + 2.0f);
    plate.max_text = std::max(frame.max.x - frame.min.x - 2 * u.pt(margin_pt) - 2 * plate.pad, size);
    const ImVec2 text = fonts.title->CalcTextSizeA(size, 1e9f, plate.max_text, title.c_str());
    plate.min = ImVec2(frame.min.x + u.pt(margin_pt), frame.min.y + u.pt(margin_pt));
    plate.max = ImVec2(plate.min.x + text.x + 2 * plate.pad, plate.min.y + text.y + 2 * plate.pad * 0.75f);
    return plate;
}

void draw_title(ImDrawList* list, const std::string& title, const FurnitureFonts& fonts, const FurnitureFrame& frame,
                Units u) {
    const float size = u.pt(FurnitureFonts::title_pt);
    const TitlePlate plate = title_plate(title, fonts, frame, u);
    const float pad = plate.pad, max_text = plate.max_text;
    const ImVec2 min = plate.min, max = plate.max;
    list->AddRectFilled(min, max, plate_fill, u.pt(plate_rounding_pt));
    list->AddRect(min, max, plate_edge, u.pt(plate_rounding_pt), 0, u.pt(1.0f));
    list->AddText(fonts.title, size, ImVec2(min.x + pad, min.y + pad * 0.75f), ink, title.c_str(), nullptr, max_text);
}

// Returns the height used, so the legend can stand on top of it.
float draw_scale_bar(ImDrawList* list, const Camera& camera, const FurnitureFonts& fonts, const FurnitureFrame& frame,
                     Units u) {
    const double max_px = std::min<double>((frame.max.x - frame.min.x) * frame.scale.coords * 0.25,
                                           u.pt(160.0f) * frame.scale.coords);
    const ScaleBar bar = scale_bar_for(camera, max_px);
    if (bar.km <= 0) return 0.0f;
    const float body = u.pt(FurnitureFonts::body_pt);
    const float length = u.len(bar.pixels);
    const float thickness = u.pt(5.0f);
    const float pad = u.pt(padding_pt);
    char where[48];
    std::snprintf(where, sizeof where, "at %.0f\u00b0%c", std::abs(bar.latitude), bar.latitude < 0 ? 'S' : 'N');
    const std::string end_label = format_km(bar.km) + " km";
    const float end_w = text_width(fonts.body, body, end_label);
    const float where_w = text_width(fonts.body, body, where);
    const float width = length + end_w * 0.5f + std::max(where_w + u.pt(8.0f) - end_w * 0.5f, 0.0f) + 2 * pad +
                        u.pt(4.0f);
    const float height = body + thickness + 2 * pad + u.pt(3.0f);
    const ImVec2 max(frame.min.x + u.pt(margin_pt) + width, frame.max.y - u.pt(margin_pt));
    const ImVec2 min(frame.min.x + u.pt(margin_pt), max.y - height);
    list->AddRectFilled(min, max, plate_fill, u.pt(plate_rounding_pt));
    list->AddRect(min, max, plate_edge, u.pt(plate_rounding_pt), 0, u.pt(1.0f));
    // Two halves, black then white, outlined: the classic alternating bar.
    const float x0 = min.x + pad + u.pt(4.0f);
    const float y1 = max.y - pad;
    const float y0 = y1 - thickness;
    list->AddRectFilled(ImVec2(x0, y0), ImVec2(x0 + length / 2, y1), ink);
    list->AddRectFilled(ImVec2(x0 + length / 2, y0), ImVec2(x0 + length, y1), IM_COL32(255, 255, 255, 255));
    list->AddRect(ImVec2(x0, y0), ImVec2(x0 + length, y1), ink, 0.0f, 0, u.pt(1.0f));
    const float label_y = y0 - body - u.pt(2.0f);
    auto centred = [&](float x, const std::string& text) {
        list->AddText(fonts.body, body, ImVec2(x - text_width(fonts.body, body, text) / 2, label_y), ink, text.c_str());
    };
    centred(x0, "0");
    // The middle label only where it clears both ends ("1,0002,000 km" on a short bar).
    const std::string middle = format_km(bar.km / 2);
    const float middle_half = text_width(fonts.body, body, middle) / 2, gap = u.pt(4.0f);
    if (length / 2 - middle_half - gap > text_width(fonts.body, body, "0") / 2 &&
        length / 2 - middle_half - gap > end_w / 2)
        centred(x0 + length / 2, middle);
    centred(x0 + length, end_label);
    // Mercator's scale holds at one latitude: say which, past the end label.
    const float where_x = std::max(x0 + length + end_w / 2 + u.pt(8.0f), x0 + length / 2 + u.pt(24.0f));
    list->AddText(fonts.body, body, ImVec2(where_x, y0 - u.pt(1.5f)), IM_COL32(90, 90, 90, 255), where);
    return height;
}

void draw_north_arrow(ImDrawList* list, const FurnitureFonts& fonts, const FurnitureFrame& frame, Units u) {
    // Web Mercator keeps north straight up everywhere on the map.
    const float h = u.pt(34.0f), w = u.pt(14.0f);
    const float letter = u.pt(FurnitureFonts::heading_pt + 2.0f);
    const float cx = frame.max.x - u.pt(margin_pt) - w;
    const float top = frame.min.y + u.pt(margin_pt) + letter + u.pt(2.0f);
    const ImVec2 tip(cx, top), base(cx, top + h * 0.78f), left(cx - w / 2, top + h), right(cx + w / 2, top + h);
    const ImVec2 plate_min(cx - w, frame.min.y + u.pt(margin_pt) - u.pt(2.0f));
    const ImVec2 plate_max(cx + w, top + h + u.pt(4.0f));
    list->AddRectFilled(plate_min, plate_max, plate_fill, u.pt(plate_rounding_pt));
    list->AddTriangleFilled(tip, left, base, ink);
    list->AddTriangleFilled(tip, base, right, IM_COL32(255, 255, 255, 255));
    list->AddTriangle(tip, left, base, ink, u.pt(1.0f));
    list->AddTriangle(tip, base, right, ink, u.pt(1.0f));
    const float letter_w = fonts.heading->CalcTextSizeA(letter, 1e9f, 0.0f, "N").x;
    list->AddText(fonts.heading, letter, ImVec2(cx - letter_w / 2, frame.min.y + u.pt(margin_pt) - u.pt(1.0f)), ink, "N");
}

// How much of the overlay a box (draw-list units) would hide: symbols count
// ten times a label.
float hidden_weight(const ImVec2& min, const ImVec2& max, const FurnitureFrame& frame) {
    if (!frame.avoid) return 0.0f;
    const float k = frame.scale.coords;
    const ScreenBox box{min.x * k, min.y * k, max.x * k, max.y * k};
    float weight = 0.0f;
    for (const ScreenBox& group : frame.avoid->symbol_groups) weight += box.overlaps(group) ? 10.0f : 0.0f;
    for (const OverlayLayout::Label& label : frame.avoid->labels) weight += box.overlaps(label.box) ? 1.0f : 0.0f;
    for (const OverlayLayout::Halo& halo : frame.avoid->halos)
        weight += box.contains(static_cast<float>(halo.centre.x), static_cast<float>(halo.centre.y)) ? 10.0f : 0.0f;
    // The note that units are grouped must stay readable.
    if (frame.avoid->note && box.overlaps(frame.avoid->note->box)) weight += 100.0f;
    return weight;
}

// The legend's top-left corner: the first corner, in order of preference,
// that hides the least.
ImVec2 legend_position(ImVec2 size, const FurnitureOptions& options, const FurnitureFrame& frame, float bottom_left,
                       Units u) {
    const float m = u.pt(margin_pt);
    const float title_bottom = options.title.empty() ? frame.min.y + m : frame.min.y + m + u.pt(FurnitureFonts::title_pt * 1.6f) + m;
    const float arrow_bottom = std::max(options.north_arrow ? frame.min.y + m + u.pt(56.0f) : frame.min.y + m,
                                        frame.min.y + frame.top_right_reserved + m);
    const float attribution_top = frame.max.y - m - u.pt(attribution_pt * 1.6f);
    const ImVec2 candidates[] = {
        {frame.min.x + m, bottom_left - size.y},                   // bottom left
        {frame.max.x - m - size.x, attribution_top - m - size.y},  // bottom right
        {frame.max.x - m - size.x, arrow_bottom},                  // top right
        {frame.min.x + m, title_bottom},                           // top left
    };
    ImVec2 best = candidates[0];
    float least = hidden_weight(best, ImVec2(best.x + size.x, best.y + size.y), frame);
    for (const ImVec2& at : candidates) {
        const float weight = hidden_weight(at, ImVec2(at.x + size.x, at.y + size.y), frame);
        if (weight < least) least = weight, best = at;
    }
    return best;
}

}  // namespace

// ------------------------------------------------------------------ public

FurnitureFonts add_furniture_fonts(float raster_scale) {
    FurnitureFonts fonts;
    fonts.title = add_face("DejaVuSans-Bold.ttf", FurnitureFonts::title_pt, raster_scale);
    fonts.heading = add_face("DejaVuSans-Bold.ttf", FurnitureFonts::heading_pt, raster_scale);
    fonts.body = add_face("DejaVuSans.ttf", FurnitureFonts::body_pt, raster_scale);
    if (!fonts.title || !fonts.heading || !fonts.body) {
        ImFontConfig config;
        config.SizePixels = 13.0f * raster_scale;
        ImFont* fallback = ImGui::GetIO().Fonts->AddFontDefault(&config);
        if (!fonts.title) fonts.title = fallback;
        if (!fonts.heading) fonts.heading = fallback;
        if (!fonts.body) fonts.body = fallback;
    }
    return fonts;
}

const char* affiliation_label(Affiliation affiliation) {
    switch (affiliation) {
        case Affiliation::hostile: return "Hostile forces";
        case Affiliation::friend_: return "Friendly forces";
        case Affiliation::neutral: return "Neutral forces";
        case Affiliation::unknown: break;
    }
    return "Unknown forces";
}

namespace {

// The rows of marks the whole scenario would show (a legend without a view).
void add_scenario_marks(LegendContent& legend, const scenario::Scenario& scenario, const OverlayStyle& style,
                        const scenario::TimelineFrame* frame, double& largest) {
    // Symbols are drawn for deployments at a place (overlay_layout.cpp).
    bool affiliation_present[4] = {};
    for (std::size_t i = 0; i < scenario.figures.size(); ++i) {
        const scenario::Figure& figure = scenario.figures[i];
        const scenario::FigureAt* at = frame && i < frame->figures.size() ? &frame->figures[i] : nullptr;
        const bool placed = at ? at->shown && (at->place >= 0 || at->en_route) : !figure.place.empty();
        if (!placed || !is_deployment(figure)) continue;
        affiliation_present[static_cast<int>(affiliation_of(figure.actor))] = true;
        const SymbolSpec spec = symbol_spec(figure, style.halo_pt_per_sqrt);
        if (spec.halo_fill_pt > 0 || spec.halo_ring_pt > 0) {
            const auto strength = at && at->strength ? at->strength : strength_value(figure.amount);
            const double persons = std::max({strength.value_or(0.0), figure.amount.max.value_or(0.0)});
            largest = std::max(largest, persons);
        }
    }
    for (const Affiliation a : {Affiliation::hostile, Affiliation::friend_, Affiliation::neutral, Affiliation::unknown})
        if (affiliation_present[static_cast<int>(a)]) legend.affiliations.push_back(a);
    legend.border = !scenario.borders.empty();
}

bool box_in_frame(const ScreenBox& box, const ScreenBox& frame) { return box.overlaps(frame); }

bool pieces_in_frame(const std::vector<std::vector<ScreenPoint>>& pieces, const ScreenBox& frame) {
    return std::any_of(pieces.begin(), pieces.end(),
                       [&](const std::vector<ScreenPoint>& piece) { return polyline_in_frame(piece, frame); });
}

const char* movement_label(Affiliation side) {
    switch (side) {
        case Affiliation::hostile: return "Hostile movement";
        case Affiliation::friend_: return "Friendly movement";
        case Affiliation::neutral: return "Neutral movement";
        case Affiliation::unknown: break;
    }
    return "Movement";
}

// The persons a symbol's halo stands for, from its radius in points.
double persons_of_halo(const SymbolSpec& spec, const OverlayStyle& style) {
    if (!(style.halo_pt_per_sqrt > 0)) return 0.0;
    const double root = std::max(spec.halo_fill_pt, spec.halo_ring_pt) / style.halo_pt_per_sqrt;
    return std::round(root * root);
}

// The rows of the marks drawn in the view's frame.
void add_view_marks(LegendContent& legend, const OverlayStyle& style, const LegendView& view, double& largest) {
    const ScreenBox& frame = view.frame;
    if (view.presence) {
        legend.deployment_areas = view.presence->deployment_areas;
        legend.border = view.presence->border_features;
    }
    if (!view.layout) return;
    const OverlayLayout& layout = *view.layout;
    bool affiliation_present[4] = {};
    for (const OverlayLayout::Symbol& symbol : layout.symbols) {
        if (!box_in_frame(symbol.box, frame)) continue;
        affiliation_present[static_cast<int>(symbol.spec.affiliation)] = true;
        largest = std::max(largest, persons_of_halo(symbol.spec, style));
    }
    for (const Affiliation a : {Affiliation::hostile, Affiliation::friend_, Affiliation::neutral, Affiliation::unknown})
        if (affiliation_present[static_cast<int>(a)]) legend.affiliations.push_back(a);
    for (const OverlayLayout::Group& group : layout.groups) {
        if (group.symbol >= layout.symbols.size() || !box_in_frame(layout.symbols[group.symbol].box, frame)) continue;
        if (!legend.groups) legend.groups = LegendContent::GroupRow{0, 0, layout.symbols[group.symbol].spec.affiliation};
        legend.groups->units += group.figures.size();
        legend.groups->symbols += 1;
    }
    bool moving[4] = {};
    for (const OverlayLayout::Arrow& arrow : layout.arrows)
        if (pieces_in_frame(arrow.shaft, frame) || polyline_in_frame({arrow.base, arrow.tip}, frame))
            moving[static_cast<int>(arrow.affiliation)] = true;
    for (const Affiliation a : {Affiliation::hostile, Affiliation::friend_, Affiliation::neutral, Affiliation::unknown})
        if (moving[static_cast<int>(a)]) legend.movements.push_back({a, arrow_colour(a, style), movement_label(a)});
}

// Whether the view shows annotation i: its line, or its area's colour.
bool annotation_in_view(const LegendView& view, std::size_t i, const Rgba& colour, const std::string& kind) {
    if (kind == "area")
        return view.presence && std::find(view.presence->annotation_areas.begin(), view.presence->annotation_areas.end(),
                                           colour) != view.presence->annotation_areas.end();
    if (!view.layout) return false;
    return std::any_of(view.layout->annotation_lines.begin(), view.layout->annotation_lines.end(), [&](const auto& line) {
        return line.annotation == i &&
               (pieces_in_frame(line.shaft, view.frame) || polyline_in_frame({line.base, line.tip}, view.frame));
    });
}

}  // namespace

LegendContent legend_content(const scenario::Scenario& scenario, const OverlayStyle& style,
                             const scenario::TimelineFrame* frame, const LegendView* view) {
    LegendContent legend;
    if (!has_overlay_content(scenario)) return legend;
    const auto roles = country_roles(scenario, frame);
    // With a view, a role counts only where one of its countries' fill shows.
    auto shows = [&](const std::string& iso) {
        return !view || !view->presence ||
               std::binary_search(view->presence->countries.begin(), view->presence->countries.end(), iso);
    };
    auto has_role = [&](CountryRole role) {
        return std::any_of(roles.begin(), roles.end(),
                           [&](const auto& entry) { return entry.second == role && shows(entry.first); });
    };
    const std::pair<CountryRole, const char*> role_rows[] = {{CountryRole::actor_hostile, "Hostile actor"},
                                                             {CountryRole::actor_friend, "Allied actor"},
                                                             {CountryRole::actor_other, "Other actor"},
                                                             {CountryRole::host, "Host country"}};
    for (const auto& [role, label] : role_rows)
        if (has_role(role)) legend.roles.push_back({role, label});

    double largest = 0.0;
    if (view)
        add_view_marks(legend, style, *view, largest);
    else
        add_scenario_marks(legend, scenario, style, frame, largest);
    for (const char* kind : {"arrow", "line", "area"}) {
        for (std::size_t i = 0; i < scenario.annotations.size(); ++i) {
            const scenario::Annotation& annotation = scenario.annotations[i];
            // The timeline's moment when there is one, else the file's time.
            const bool shown = frame ? frame->annotation_shown(i) : annotation_shown(annotation, scenario);
            if (annotation.kind != kind || !shown) continue;
            const Rgba colour = annotation_colour(annotation, style);
            if (view && !annotation_in_view(*view, i, colour, annotation.kind)) continue;
            const bool listed = std::any_of(legend.annotations.begin(), legend.annotations.end(),
                                            [&](const auto& row) { return row.kind == kind && row.colour == colour; });
            if (listed) continue;
            const std::string what = annotation.kind == "arrow" ? "movement" : annotation.kind;
            legend.annotations.push_back({annotation.kind, colour, "Marked " + what});
        }
    }
    if (largest > 0) {
        // True to the map's scale, but no circle larger than legend_halo_max_pt:
        // a reader extrapolates from 20,000 to 90,000 as easily.
        const double cap = std::pow(legend_halo_max_pt / style.halo_pt_per_sqrt, 2.0);
        const double big = round_down_nice(std::min(largest, cap));
        legend.halo_strengths.push_back(big);
        if (big >= 10.0) legend.halo_strengths.push_back(big / 10.0);
    }
    return legend;
}

ScaleBar scale_bar_for(const Camera& camera, double max_px) {
    const PixelSize viewport = camera.viewport();
    const double cx = viewport.width / 2.0, cy = viewport.height / 2.0;
    const double half = std::max(1.0, std::min(max_px, viewport.width / 2.0) / 2.0);
    // The ground distance (WGS 84 geodesic) along the bar's length at the
    // centre, in any projection; where an end is off the map (a small-scale
    // view of a projection that shows a disc), the scale at the centre.
    const auto west = camera.lonlat_at({cx - half, cy});
    const auto east = camera.lonlat_at({cx + half, cy});
    double km_per_px = camera.metres_per_pixel_at({cx, cy}) / 1000.0;
    if (west && east) {
        double metres = 0.0;
        GeographicLib::Geodesic::WGS84().Inverse(west->lat, west->lon, east->lat, east->lon, metres);
        km_per_px = metres / 1000.0 / (2 * half);
    }
    ScaleBar bar;
    bar.latitude = camera.to_lonlat({cx, cy}).lat;
    if (!(km_per_px > 0) || max_px <= 0) return bar;
    bar.km = round_down_nice(max_px * km_per_px);
    bar.pixels = bar.km / km_per_px;
    return bar;
}

std::string format_km(double km) {
    char text[32];
    if (km >= 1.0 && std::abs(km - std::round(km)) < 1e-9)
        return format_thousands(km);
    std::snprintf(text, sizeof text, "%g", km);
    return text;
}

ImVec2 title_plate_extent(const FurnitureOptions& options, const FurnitureFonts& fonts, const FurnitureFrame& frame) {
    if (options.title.empty() || !fonts.title) return {0.0f, 0.0f};
    const TitlePlate plate = title_plate(options.title, fonts, frame, Units{frame.scale});
    return {plate.max.x - frame.min.x, plate.max.y - frame.min.y};
}

void draw_map_furniture(ImDrawList* list, const FurnitureOptions& options, const LegendContent& legend,
                        const Camera& camera, const FurnitureFonts& fonts, const MapStyle& style,
                        const FurnitureFrame& frame) {
    const Units u{frame.scale};
    if (!options.title.empty()) draw_title(list, options.title, fonts, frame, u);
    if (options.north_arrow) draw_north_arrow(list, fonts, frame, u);
    float bottom = frame.max.y - u.pt(margin_pt);
    if (options.scale_bar) bottom -= draw_scale_bar(list, camera, fonts, frame, u) + u.pt(6.0f);
    if (options.legend && !legend.empty()) {
        const LegendDrawer drawer{list, fonts, style, u};
        const ImVec2 box = drawer.size(legend);
        drawer.draw(legend_position(box, options, frame, bottom, u), legend);
    }
    if (options.attribution)
        draw_attribution(list, fonts.body, u.pt(attribution_pt), frame.max);
}

}  // namespace muster
