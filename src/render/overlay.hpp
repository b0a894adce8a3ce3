// The scenario drawn over the base map: what the article says, as a briefing
// map shows it.
//
//   country fills  by role (CountryRole): the actors whose forces the
//                  figures count, the hosts where forces are placed, the
//                  rest plain (MapRenderer draws the fills, OverlayRenderer
//                  decides the roles)
//   borders        the real shared boundary as a thick anti-aliased line
//                  (ThickLines) with a plate "2,000 km claimed · 1,671 km
//                  measured (Natural Earth 1:10m)" near its visible midpoint,
//                  or further along the border where that is taken, on a
//                  leader that crosses no label where it can
//   deployments    APP-6 unit symbols at their place (symbols.hpp), stacked
//                  when several share a place, moved aside with a leader line
//                  when stacks would collide, with strength amplifiers and an
//                  area-proportional halo under them. A place with more than
//                  five shows its four strongest and "+N more"; a stack that
//                  finds no room anywhere near its place is left as a
//                  deployment dot (zoom in to see it), so a dense scenario
//                  neither buries the map nor costs a frame per symbol.
//                  A view of more symbols than can be read groups the units
//                  by side per screen cell into aggregated symbols with
//                  their count and summed strength (render/unit_groups.hpp),
//                  and a note at the top says so
//   areas          the countries and regions that host deployments, hatched
//                  (render/areas.hpp, drawn by MapRenderer over the fills)
//   movements      an arrow along the geodesic (great circle) from where
//                  forces come from to where they go, coloured by their side,
//                  under the halos, symbols and labels
//   places         a dot and a name (cities, sites), a name alone (regions,
//                  seas); countries named in the scenario get their country
//                  label whatever their size
//   base labels    country names (ranked by role and area) and populated
//                  places (ranked by population) of the base map
//
// Labels are placed greedily without overlaps (labels.hpp), once per change
// of camera, scenario, level of detail or style, and cached; drawing a frame
// with an unchanged view only replays the cached layout into an ImDrawList.
// The overlay is drawn only when the scenario has something to show
// (has_overlay_content): with no scenario, or an empty one, the map is
// exactly the plain base map.
//
// Time: a dated scenario is drawn as of one moment (scenario/timeline.hpp):
// figures, movements and annotations off the map then are not drawn, a
// figure on the move stands where its movement has brought it, strengths
// follow their history (as of the day: strengths step at midnight), and
// countries take the roles the figures on the map give them. The layout is redone only when what is drawn changes (a figure
// appears, sets out or arrives, or its rounded strength changes), not for
// every tick of the clock; a figure under way is drawn each frame where it
// is, over the cached layout (add_en_route_symbols).
#pragma once

#include "core/geo.hpp"
#include "render/camera.hpp"
#include "render/labels.hpp"
#include "render/layers.hpp"
#include "render/labels_places.hpp"
#include "render/opacity_group.hpp"
#include "render/overlay_fonts.hpp"
#include "render/overlay_lines.hpp"
#include "render/style.hpp"
#include "render/symbols.hpp"
#include "scenario/scenario.hpp"
#include "scenario/timeline.hpp"

#include <imgui.h>

#include <functional>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace muster {

// Ordered by precedence: a country that is both host and actor is an actor.
enum class CountryRole { other, host, actor_other, actor_friend, actor_hostile };

const char* to_string(CountryRole role);  // "other", "host", "actor (other)", ...

// Roles of the countries a scenario involves (ISO alpha-2 -> role; absent
// means other). Actors are the ISO codes of deployment figures' actors
// ("NATO" colours nothing); hosts are the countries of the places where
// deployment figures are. With a frame: of the figures on the map then,
// where they stand then (one under way hosts nowhere).
std::map<std::string, CountryRole> country_roles(const scenario::Scenario& scenario,
                                                 const scenario::TimelineFrame* frame = nullptr);

// Where a figure stands: its place, or with a frame the place a movement has
// brought it to by then; nullptr while under way or without a place.
const scenario::Place* standing_place(const scenario::Scenario& scenario, std::size_t figure,
                                      const scenario::TimelineFrame* frame);

// The places and the deployments on the map at the frame's moment, each
// figure at the place it stands then (what the hatched areas are made of).
scenario::Scenario deployments_at(const scenario::Scenario& scenario, const scenario::TimelineFrame& frame);

// Whether a figure's forces stand on a border rather than in its place:
// one country's forces placed at a neighbour it shares a border feature
// with ("127,000 Russian troops along Ukraine's border"). They are drawn on
// that border, and the neighbour is no host of theirs.
bool stands_on_border(const scenario::Scenario& scenario, const scenario::Figure& figure, const scenario::Place& place);
// The border feature such forces stand on; nullptr when they stand in their place.
const scenario::Border* faced_border(const scenario::Scenario& scenario, const scenario::Figure& figure,
                                     const scenario::Place& place);

// The fill colour of a role; other is the style's plain land.
Rgba role_colour(CountryRole role, const MapStyle& style);

// Whether the overlay draws anything for this scenario: a place, or a border.
bool has_overlay_content(const scenario::Scenario& scenario);

// The box around the places that carry figures (every place when none does),
// the points of the annotations,
// every border point and both ends of every movement; nothing when there is
// none. Across the antimeridian when that box is narrower: max_lon may then
// pass 180 (Khabarovsk and Anchorage give about 135..210).
std::optional<Extent> scenario_extent(const scenario::Scenario& scenario);

// A camera that shows every place and border of the scenario with margin_px
// of room on each side (for symbols and labels), and at least 3 degrees of
// latitude so a single place is shown with its surroundings. The world view
// when the scenario has nothing to frame. projection: nullptr, Web Mercator.
Camera fit_scenario(const scenario::Scenario& scenario, PixelSize viewport, double margin_px = 110.0,
                    ProjectionPtr projection = nullptr);

// A camera showing extent with margin_px of room on each side, and at least
// min_span_degrees of latitude and longitude. projection: nullptr, Web Mercator.
Camera fit_extent(const Extent& extent, PixelSize viewport, double margin_px, double min_span_degrees,
                  ProjectionPtr projection = nullptr);

// Overlay sizes: style sizes are in points; `size` is pixels per point (the
// display's pixel ratio, or a poster's scale); the ImDrawList works in
// camera pixels divided by `coords` (ImGui's points in a high-DPI window).
struct OverlayScale {
    float size = 1.0f;
    float coords = 1.0f;
};

// Which classes of marks the layout makes room for: the visibility of their
// layers (render/layers.hpp). Opacity does not change the layout.
struct OverlayVisibility {
    bool deployments = true;      // symbol stacks, halos, their leader lines
    bool place_labels = true;     // scenario places' dots and names
    bool border_features = true;  // border plates
    bool country_names = true;
    bool city_labels = true;
    bool annotations = true;      // annotations' lines, labels and captions

    static OverlayVisibility of(const LayerSettings& layers);
    friend bool operator==(const OverlayVisibility&, const OverlayVisibility&) = default;
};

// Everything placed for one view, in camera pixels. Kept for drawing, tests
// and, later, hover and picking.
struct OverlayLayout {
    // more: "+26 more" under a stack that shows only its strongest units.
    enum class LabelKind { country, place, region, city, border, annotation, more };
    struct Label {
        LabelKind kind = LabelKind::city;
        std::string text;     // as drawn (country names in capitals)
        std::string detail;   // second line (border plates), or ""
        MapFont font = MapFont::city;
        ScreenBox box;        // the text (and plate) on screen
        ScreenPoint anchor;   // what it names
        float tracking = 0.0f;  // extra pixels between letters (country names)
        Rgba colour;            // annotations' labels and captions: the annotation's colour
    };
    struct Symbol {
        std::size_t figure = 0;  // index into Scenario::figures
        SymbolSpec spec;
        ScreenPoint centre;      // of the frame
        float height = 0.0f;     // frame height in pixels (symbol_pt * scale)
        ScreenBox box;           // frame, echelon and amplifier together
        float text_x = 0.0f;     // left edge of the amplifier text
        std::size_t units = 1;   // more than one: an aggregated group (render/unit_groups.hpp), figure its first
    };
    struct Halo {
        ScreenPoint centre;
        float fill = 0.0f, ring = 0.0f;  // radii in pixels
        Affiliation affiliation = Affiliation::unknown;
        std::size_t figure = 0;  // index into Scenario::figures
    };
    struct Dot {
        ScreenPoint centre;
        bool scenario = false;  // a scenario place (bigger, darker) or a base-map city
        bool capital = false;
        bool stack_place = false;  // where a stack of symbols moved aside stands (a deployment mark)
    };
    struct Leader {
        ScreenPoint from, to;
        bool border = false;  // in the border line's colour
    };
    // A movement's arrow: the shaft (one piece per side of the antimeridian
    // or of a jump across the map) from just off the origin to the base of
    // the head, and the head, whose tip is just off the destination.
    struct Arrow {
        std::size_t movement = 0;  // index into Scenario::movements
        std::vector<std::vector<ScreenPoint>> shaft;
        ScreenPoint tip, base;     // the head: its tip and the middle of its base
        float head_half_width = 0.0f;  // pixels
        Affiliation affiliation = Affiliation::unknown;  // of the figure that moves; unknown without one
    };

    // An annotation's arrow or line (render/annotations.hpp): pieces along
    // great circles through its points, a head at the end of arrows.
    struct AnnotationLine {
        std::size_t annotation = 0;  // index into Scenario::annotations
        std::vector<std::vector<ScreenPoint>> shaft;
        bool head = false;
        ScreenPoint tip, base;  // the head, as Arrow's
        float head_half_width = 0.0f;
        ScreenPoint middle;     // halfway along: where its caption goes
        Rgba colour;
    };

    // An aggregated symbol (render/unit_groups.hpp): which symbol, for which figures.
    struct Group {
        std::size_t symbol = 0;  // index into symbols
        std::vector<std::size_t> figures;
    };
    // Says that units are grouped at this zoom (top centre of the view).
    struct Note {
        std::string text;
        ScreenBox box;
    };

    std::vector<Arrow> arrows;
    std::vector<AnnotationLine> annotation_lines;
    std::vector<Halo> halos;  // largest first
    std::vector<Leader> leaders;
    std::vector<Dot> dots;
    std::vector<Symbol> symbols;
    std::vector<Label> labels;
    std::vector<ScreenBox> symbol_groups;  // one box per stack of symbols
    std::vector<Group> groups;             // empty: every unit is drawn itself
    std::optional<Note> note;              // with groups
};

class OverlayRenderer {
public:
    using CityLoader = std::function<std::vector<MapCity>()>;

    // cities: the base map's populated places; read on a worker thread when
    // background is true (the window), else on first use. By default
    // load_map_cities(default_geopackage()).
    explicit OverlayRenderer(bool background = false, CityLoader cities = {});
    ~OverlayRenderer();
    OverlayRenderer(const OverlayRenderer&) = delete;
    OverlayRenderer& operator=(const OverlayRenderer&) = delete;

    // Takes what it draws from the scenario (a copy: the caller may change or
    // free it afterwards; call again after edits). nullptr clears. Returns
    // whether anything drawn changed (figures under way aside: they move with
    // every moment); cheap when nothing did, so the window may call it every
    // frame. revision() changes only when the layout must be made again (not
    // for new strengths alone). time: the moment to draw; none: the
    // scenario's own (current_time(): time.current, else the end of its
    // dates; undated scenarios are drawn whole).
    bool set_scenario(const scenario::Scenario* scenario, std::optional<scenario::Days> time = std::nullopt);
    // What the map shows at the moment drawn; none for an undated scenario.
    [[nodiscard]] const std::optional<scenario::TimelineFrame>& frame() const { return frame_; }
    // What is drawn: the scenario's places, figures, borders, movements and
    // annotations, its time.current the moment drawn; nullptr when inactive.
    [[nodiscard]] const scenario::Scenario* drawn_scenario() const { return active_ ? &scenario_ : nullptr; }
    [[nodiscard]] bool active() const { return active_; }
    // Changes whenever set_scenario changes what is laid out.
    [[nodiscard]] std::uint64_t revision() const { return revision_; }
    [[nodiscard]] const std::map<std::string, CountryRole>& roles() const { return roles_; }

    // GL pass, after the country fills: border features, as their layer
    // shows them. Needs the GL context.
    void draw_lines(const Camera& camera, const OverlayStyle& style, float size_scale, const LayerLook& look = {});

    // 2D pass: halos, symbols, dots and labels into list (any ImDrawList of
    // the current ImGui frame). countries: of the level of detail drawn.
    // layers: what is visible (the layout makes room for that only) and how
    // opaque each class of marks is.
    void draw_marks(ImDrawList* list, const OverlayFonts& fonts, const Camera& camera, const OverlayStyle& style,
                    const std::vector<CountryLabelInfo>& countries, OverlayScale scale,
                    const LayerSettings& layers = LayerSettings{});

    // draw_marks() in parts, for a caller that keeps the laid-out marks as
    // an image (render/map_cache.hpp): prepare_marks() lays out (or writes
    // new strengths into the layout) when needed and returns a revision
    // that changes whenever the laid-out marks do; draw_laid_out_marks()
    // draws those (not the figures under way); draw_moving_marks() adds the
    // figures under way to layout() and draws them alone, over the rest.
    std::uint64_t prepare_marks(const OverlayFonts& fonts, const Camera& camera, const OverlayStyle& style,
                                const std::vector<CountryLabelInfo>& countries, OverlayScale scale,
                                const LayerSettings& layers = LayerSettings{});
    void draw_laid_out_marks(ImDrawList* list, const OverlayFonts& fonts, const OverlayStyle& style,
                             OverlayScale scale, const LayerSettings& layers = LayerSettings{}) const;
    void draw_moving_marks(ImDrawList* list, const OverlayFonts& fonts, const Camera& camera,
                           const OverlayStyle& style, OverlayScale scale, const LayerSettings& layers = LayerSettings{});

    // Base-map cities are still being read on the worker thread.
    [[nodiscard]] bool loading() const { return pending_cities_.valid() && !cities_; }

    // The layout the last draw_marks used.
    [[nodiscard]] const OverlayLayout& layout() const { return layout_; }

private:
    struct LayoutKey;
    const std::vector<MapCity>& cities();
    // Strengths from histories as of the day of `now` (midnight): a
    // build-up gives daily figures, and strengths that changed with every
    // frame of a playing timeline would have the marks drawn anew each time.
    void use_daily_strengths(scenario::TimelineFrame& frame, scenario::Days now);
    // Appends the figures under way to layout_; whether there are any.
    bool add_moving_marks(const OverlayFonts& fonts, const Camera& camera, const OverlayStyle& style,
                          OverlayScale scale, const LayerSettings& layers);

    bool active_ = false;
    std::uint64_t revision_ = 0;
    scenario::Scenario scenario_;  // places, figures, borders, movements, annotations and the current time only
    std::vector<scenario::TimeSpan> annotation_spans_;  // for the frame's annotations
    scenario::TimeRange time_;
    std::unique_ptr<scenario::Timeline> timeline_;  // the scenario's dates, parsed
    std::optional<scenario::TimelineFrame> frame_;
    std::map<std::string, CountryRole> roles_;
    bool background_;
    CityLoader city_loader_;
    std::future<std::vector<MapCity>> pending_cities_;
    std::optional<std::vector<MapCity>> cities_;
    std::unique_ptr<ThickLines> lines_;
    std::unique_ptr<OpacityGroup> fade_;  // for border features drawn translucent
    bool lines_dirty_ = true;
    std::unique_ptr<LayoutKey> last_key_;
    OverlayLayout layout_;
    // How much of layout_ is the cached layout; figures under way follow.
    std::size_t laid_out_symbols_ = 0, laid_out_halos_ = 0;
    // Strengths that changed while nothing else did are written into the
    // cached layout (same boxes, new text and halo), not laid out again.
    std::uint64_t strength_revision_ = 0, strengths_drawn_ = 0;
    std::uint64_t marks_revision_ = 0;  // see prepare_marks
    std::optional<scenario::Days> strength_day_;  // of day_strengths_
    std::vector<std::optional<double>> day_strengths_;  // by figure
};

// The layout itself, without caching: what draw_marks computes when the
// view changes. Exposed for tests.
OverlayLayout layout_overlay(const scenario::Scenario& scenario, const std::map<std::string, CountryRole>& roles,
                             const std::vector<CountryLabelInfo>& countries, const std::vector<MapCity>& cities,
                             const Camera& camera, const OverlayFonts& fonts, const OverlayStyle& style,
                             float size_scale, const OverlayVisibility& visible = {},
                             const scenario::TimelineFrame* frame = nullptr);

// Figures under way at the frame's moment (FigureAt::en_route) are not part
// of layout_overlay(): they move every frame, so they are added after it,
// each exactly where it is, over the rest (they take no part in placing
// symbols and labels, which would otherwise shuffle while they pass).
void add_en_route_symbols(OverlayLayout& layout, const scenario::Scenario& scenario,
                          const scenario::TimelineFrame& frame, const Camera& camera, const OverlayFonts& fonts,
                          const OverlayStyle& style, float size_scale);

// The arrows of the scenario's movements for a view (part of layout_overlay).
// An arrow stops short of the boxes in `stops` (the symbol stacks) that hold
// its ends, so its head shows beside the destination's symbols. Movements
// whose places are missing, or whose ends nearly touch on screen, get none;
// nor do those off the map at the frame's moment.
std::vector<OverlayLayout::Arrow> layout_arrows(const scenario::Scenario& scenario, const Camera& camera,
                                                const OverlayStyle& style, float size_scale,
                                                const std::vector<ScreenBox>& stops = {},
                                                const scenario::TimelineFrame* frame = nullptr);

// Distance in pixels from a point to an arrow (its shaft or head); for picking.
double distance_to_arrow(const OverlayLayout::Arrow& arrow, ScreenPoint point);

// Replays a layout into list, each class of marks at its layer's opacity
// (hidden layers draw nothing).
void draw_overlay_layout(ImDrawList* list, const OverlayLayout& layout, const OverlayFonts& fonts,
                         const OverlayStyle& style, OverlayScale scale, const LayerSettings& layers = LayerSettings{});

}  // namespace muster
