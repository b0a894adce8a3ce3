// Map furniture: what turns a map into a briefing map. A title plate, a
// legend that lists only what the map in view shows (country roles whose
// fill is in the frame, hatched deployment areas, the symbol affiliations
// drawn, grouped units, movement arrows by side, the border-feature line,
// the annotations' marks, the strength-halo scale; what counts as in view:
// render/map_presence.hpp), a scale bar (geodesic, WGS 84, at the
// map's centre: Web Mercator's scale changes with latitude, so the bar says
// where it holds), a north arrow and the data attribution.
//
// Drawn through a Dear ImGui draw list like the overlay (overlay_draw.cpp),
// so the same code serves image exports and the window (View -> Legend,
// Scale bar). Layout, inside the map's frame:
//   title        top left
//   north arrow  top right
//   scale bar    bottom left
//   legend       the corner where it hides the fewest of the overlay's
//                symbols and labels: bottom left (above the scale bar),
//                bottom right (above the attribution), top right, top left
//   attribution  bottom right (render/attribution.hpp)
#pragma once

#include "render/camera.hpp"
#include "render/map_presence.hpp"
#include "render/overlay.hpp"
#include "render/style.hpp"
#include "render/symbols.hpp"
#include "scenario/scenario.hpp"
#include "scenario/timeline.hpp"

#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

namespace muster {

struct FurnitureOptions {
    std::string title;  // "": no title plate
    bool legend = false;
    bool scale_bar = false;
    bool north_arrow = false;
    bool attribution = true;  // required on exports (CC-BY); only tests turn it off
};

// The faces the furniture writes with, added to the current ImGui font atlas.
struct FurnitureFonts {
    ImFont* title = nullptr;    // DejaVu Sans Bold 20 pt
    ImFont* heading = nullptr;  // DejaVu Sans Bold 11 pt
    ImFont* body = nullptr;     // DejaVu Sans 11 pt
    static constexpr float title_pt = 20.0f, heading_pt = 11.0f, body_pt = 11.0f;
};

// Adds the faces at raster_scale pixels per point. Call before the atlas is
// built (before load_overlay_fonts() and before the first frame). Without
// DejaVu, ImGui's built-in font serves every role.
FurnitureFonts add_furniture_fonts(float raster_scale = 1.0f);

// What the legend lists, in its order; empty lists and false are left out.
struct LegendContent {
    struct RoleRow {
        CountryRole role;
        std::string label;  // "Hostile actor", "Allied actor", "Other actor", "Host country"
    };
    std::vector<RoleRow> roles;               // hostile, allied, other actor, host
    bool deployment_areas = false;            // a hatched deployment area: "Deployment area"
    std::vector<Affiliation> affiliations;    // of the symbols drawn: hostile, friend, neutral, unknown
    // Aggregated symbols drawn (render/unit_groups.hpp): "Grouped units (147 in 23 symbols)".
    struct GroupRow {
        std::size_t units = 0, symbols = 0;
        Affiliation side = Affiliation::hostile;  // of the first group: the swatch's frame
    };
    std::optional<GroupRow> groups;
    // Movement arrows drawn, one row per side: "Hostile movement", ...
    struct MovementRow {
        Affiliation side;
        Rgba colour;
        std::string label;
    };
    std::vector<MovementRow> movements;
    bool border = false;                      // a border feature is drawn
    std::vector<double> halo_strengths;       // persons, largest first: the halo scale's circles
    // The annotations' arrows, lines and areas shown, one row per kind and
    // colour: "Marked movement", "Marked line", "Marked area" (labels speak
    // for themselves).
    struct AnnotationRow {
        std::string kind;  // arrow | line | area
        Rgba colour;
        std::string label;
    };
    std::vector<AnnotationRow> annotations;

    [[nodiscard]] bool empty() const {
        return roles.empty() && !deployment_areas && affiliations.empty() && !groups && movements.empty() &&
               !border && halo_strengths.empty() && annotations.empty();
    }
};

// The map in view, for a legend of what it shows.
struct LegendView {
    const Camera* camera = nullptr;
    ScreenBox frame;                        // camera pixels: the image, or the window's map less its panels
    const OverlayLayout* layout = nullptr;  // the marks drawn (symbols, halos, arrows, annotation lines)
    const MapPresence* presence = nullptr;  // fills, hatched areas, borders in the frame (MapRenderer::presence)
};

// frame: the moment of the timeline drawn (OverlayRenderer::frame()); the
// legend then lists what is on the map at that moment. view: the map in
// view, whose rows only are listed (roles whose countries show, the symbols,
// halos, arrows and areas in the frame); without one, what the whole
// scenario would show (no hatched areas, movements or groups: those need
// the renderer).
LegendContent legend_content(const scenario::Scenario& scenario, const OverlayStyle& style,
                             const scenario::TimelineFrame* frame = nullptr, const LegendView* view = nullptr);

// "Hostile forces", "Friendly forces", "Neutral forces", "Unknown forces".
const char* affiliation_label(Affiliation affiliation);

// The scale bar for a view: the longest round length (1, 2 or 5 x 10^n km)
// that fits in max_px, measured geodesically along the parallel through the
// view's centre.
struct ScaleBar {
    double km = 0.0;
    double pixels = 0.0;     // the bar's length on the image
    double latitude = 0.0;   // where it holds (the centre's latitude)
};
ScaleBar scale_bar_for(const Camera& camera, double max_px);

// "500 km", "2 km", "0.5 km"
std::string format_km(double km);

// Where the furniture goes: the map's frame in draw-list units (a window
// leaves out its panels), and sizes as the overlay takes them.
struct FurnitureFrame {
    ImVec2 min, max;
    OverlayScale scale;
    // What the legend should not hide (symbols, labels), in camera pixels;
    // null: nothing to avoid, the legend goes bottom left.
    const OverlayLayout* avoid = nullptr;
    // Height at the top right that something else covers (the window's
    // search box), in draw-list units: the legend stays below it.
    float top_right_reserved = 0.0f;
};

// Where the title plate of options.title ends, from the frame's top left
// corner (its margin included), in draw-list units; (0, 0) without a
// title. The overlay keeps its labels and symbols out of it
// (OverlayStyle::covered_corner_*).
ImVec2 title_plate_extent(const FurnitureOptions& options, const FurnitureFonts& fonts, const FurnitureFrame& frame);

// Draws what options ask for into list. camera: the view drawn (scale bar);
// legend: legend_content() of the scenario drawn; attribution_font: the
// font for the credit (the UI font) at attribution_px pixels.
void draw_map_furniture(ImDrawList* list, const FurnitureOptions& options, const LegendContent& legend,
                        const Camera& camera, const FurnitureFonts& fonts, const MapStyle& style,
                        const FurnitureFrame& frame);

}  // namespace muster
