// The analyst's annotations on the map (Scenario::annotations): labels,
// arrows, lines and areas that no text stated.
//
//   label  its text with a halo at places[0] or its Point, placed by the
//          label placer (labels.hpp) centred on the point, nudged up or down
//          when something is there already; never over a symbol
//   arrow  along great circles through its places' points (first to last),
//          or through the vertices of its LineString / MultiLineString; a
//          head at the end; drawn as movement arrows are, on a white casing
//   line   as an arrow without a head (a front line, a route)
//   area   hatched as deployment areas are (render/areas.hpp) in its
//          colour, with an outline: the areas of its places (a country; a
//          region's own polygon, else its member countries) or its
//          (Multi)Polygon geometry. Admin-1 places have no polygon in the
//          geodata: they give no area
//
// Colour: `colour` ("#RRGGBB") when set, else the side of its actor as
// movement arrows are coloured (affiliation_of), else the dark ink of
// arrows whose side nobody knows. Text on arrows, lines and areas is a
// caption beside the line's middle or on the area.
//
// Time: an annotation with a `when` is on the map only while it holds at the
// scenario's current time (time.current; an empty current shows every
// annotation).
//
// Everything belongs to the Layers panel's "Annotations" layer
// (LayerSettings::annotations): hidden, nothing of them is drawn or laid out.
#pragma once

#include "render/areas.hpp"
#include "render/camera.hpp"
#include "render/overlay.hpp"
#include "render/style.hpp"
#include "scenario/scenario.hpp"

#include <functional>
#include <memory>
#include <string>
#include <optional>
#include <string_view>
#include <vector>

namespace muster {

// "#RRGGBB" (either case) as an opaque colour; nothing for other text.
std::optional<Rgba> parse_hex_colour(std::string_view text);

// Whether the annotation is on the map at the scenario's current time.
bool annotation_shown(const scenario::Annotation& annotation, const scenario::Scenario& scenario);

// Its colour, by the rule above.
Rgba annotation_colour(const scenario::Annotation& annotation, const OverlayStyle& style);

// The colour of an arrow by its side, for movements and annotations alike.
Rgba arrow_colour(Affiliation affiliation, const OverlayStyle& style);

// The points it stands on: its places' points (places that are missing are
// skipped), else every vertex of its geometry. For framing and anchors.
std::vector<LatLon> annotation_points(const scenario::Annotation& annotation, const scenario::Scenario& scenario);

// Where its label or caption is anchored: a label's first point; the middle
// (mean) of an area's points. Nothing when it stands on nothing.
std::optional<LatLon> annotation_anchor(const scenario::Annotation& annotation, const scenario::Scenario& scenario);

// The polylines of an arrow or line, in lat/lon: its places' points as one
// line, else its LineString's line or MultiLineString's lines. Consecutive
// vertices are joined along great circles when drawn.
std::vector<std::vector<LatLon>> annotation_polylines(const scenario::Annotation& annotation,
                                                      const scenario::Scenario& scenario);

// The arrows and lines of the annotations shown, on screen (part of
// layout_overlay). Annotations whose line is shorter than a few pixels on
// screen get none. Between places a line stops short of the places' dots and
// of the boxes in `stops` (the symbol stacks) that hold its ends.
std::vector<OverlayLayout::AnnotationLine> layout_annotation_lines(const scenario::Scenario& scenario,
                                                                  const Camera& camera, const OverlayStyle& style,
                                                                  float size_scale,
                                                                  const std::vector<ScreenBox>& stops = {});

// The geodata areas (countries, regions) an area annotation's places cover.
std::vector<AreaRef> annotation_area_refs(const scenario::Annotation& annotation, const scenario::Scenario& scenario,
                                          const AreaSource& source);

// The polygons of an area annotation: its places' areas from the source, or
// its (Multi)Polygon geometry.
AreaPolygons annotation_polygons(const scenario::Annotation& annotation, const scenario::Scenario& scenario,
                                 const AreaSource& source);

// Draws the area annotations: one AreaRenderer per colour, hatched and
// outlined in that colour. Needs the GL context for draw().
class AnnotationAreaRenderer {
public:
    // By default areas come from default_geopackage(), loaded on first use.
    explicit AnnotationAreaRenderer(std::function<const AreaSource&()> source = {});
    ~AnnotationAreaRenderer();
    AnnotationAreaRenderer(const AnnotationAreaRenderer&) = delete;
    AnnotationAreaRenderer& operator=(const AnnotationAreaRenderer&) = delete;

    // Takes the area annotations shown (nullptr: none); the polygons are
    // loaded again only when they changed. A GeoPackage that cannot be read
    // leaves the place-based areas out (failure() says why).
    void set_scenario(const scenario::Scenario* scenario);
    [[nodiscard]] bool empty() const { return groups_.empty(); }
    // The colours of the areas any part of which shows in frame (camera
    // pixels; render/map_presence.hpp), in the groups' order.
    [[nodiscard]] std::vector<Rgba> colours_in(const Camera& camera, const ScreenBox& frame,
                                               const OverlayStyle& style) const;
    [[nodiscard]] const std::string& failure() const { return failure_; }

    // The hatch and outlines of every area; x_shifts: world copies, as
    // AreaRenderer::draw_hatch takes them.
    void draw(const Camera& camera, const OverlayStyle& style, float size_scale, const std::vector<double>& x_shifts,
              float opacity, double fragcoord_shift);

private:
    struct Group;
    struct Key;
    std::function<const AreaSource&()> source_;
    std::unique_ptr<Key> drawn_;  // what the groups were made from
    std::vector<std::unique_ptr<Group>> groups_;
    std::string failure_;
};

}  // namespace muster
