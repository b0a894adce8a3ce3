#include "render/annotations.hpp"

#include "core/error.hpp"
#include "render/screen_path.hpp"
#include "render/symbols.hpp"
#include "scenario/timeline.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace muster {
namespace {

// Lines shorter than this on screen are not drawn.
constexpr double min_line_px = 8.0;
// Hatch stripes in an annotation's colour are this opaque, as deployment
// areas' ochre is.
constexpr float area_hatch_alpha = 0.65f;

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    const char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower >= 'a' && lower <= 'f') return lower - 'a' + 10;
    return -1;
}

// The whole path through the points: great circles between consecutive ones.
ScreenPath screen_polyline(const std::vector<LatLon>& points, const Camera& camera) {
    ScreenPath path;
    for (std::size_t i = 1; i < points.size(); ++i) {
        for (auto& piece : screen_path(points[i - 1], points[i], camera)) {
            // Join pieces that continue where the last one ended.
            if (!path.empty() && std::hypot(path.back().back().x - piece.front().x,
                                            path.back().back().y - piece.front().y) < 0.5)
                path.back().insert(path.back().end(), piece.begin() + 1, piece.end());
            else
                path.push_back(std::move(piece));
        }
    }
    return path;
}

}  // namespace

Rgba arrow_colour(Affiliation affiliation, const OverlayStyle& style) {
    switch (affiliation) {
        case Affiliation::hostile: return style.arrow_hostile;
        case Affiliation::friend_: return style.arrow_friend;
        case Affiliation::neutral: return style.arrow_neutral;
        case Affiliation::unknown: break;
    }
    return style.arrow_unknown;
}

std::optional<Rgba> parse_hex_colour(std::string_view text) {
    if (text.size() != 7 || text[0] != '#') return std::nullopt;
    std::uint32_t rgb = 0;
    for (std::size_t i = 1; i < 7; ++i) {
        const int digit = hex_digit(text[i]);
        if (digit < 0) return std::nullopt;
        rgb = rgb * 16 + static_cast<std::uint32_t>(digit);
    }
    return Rgba::hex(rgb);
}

bool annotation_shown(const scenario::Annotation& annotation, const scenario::Scenario& scenario) {
    if (annotation.when.always() || scenario.time.current.empty()) return true;
    const auto now = scenario::parse_time(scenario.time.current);
    return !now || scenario::holds(annotation.when, *now);
}

Rgba annotation_colour(const scenario::Annotation& annotation, const OverlayStyle& style) {
    if (const auto colour = parse_hex_colour(annotation.colour)) return *colour;
    return arrow_colour(affiliation_of(annotation.actor), style);
}

std::vector<LatLon> annotation_points(const scenario::Annotation& annotation, const scenario::Scenario& scenario) {
    std::vector<LatLon> points;
    for (const std::string& id : annotation.places)
        if (const scenario::Place* place = scenario.place(id)) points.push_back(place->point);
    if (!points.empty()) return points;
    for (const auto& part : annotation.geometry.parts)
        for (const auto& line : part) points.insert(points.end(), line.begin(), line.end());
    return points;
}

std::optional<LatLon> annotation_anchor(const scenario::Annotation& annotation, const scenario::Scenario& scenario) {
    std::vector<LatLon> points = annotation_points(annotation, scenario);
    if (points.empty()) return std::nullopt;
    if (annotation.kind != "area") return points.front();
    // An area's middle: of its first polygon's outer ring when it has its own
    // geometry (holes and further parts would pull the mean aside).
    if (annotation.places.empty() && !annotation.geometry.parts.empty() && !annotation.geometry.parts[0].empty())
        points = annotation.geometry.parts[0][0];
    LatLon sum{0.0, 0.0};
    for (const LatLon& p : points) sum.lat += p.lat, sum.lon += p.lon;
    return LatLon{sum.lat / static_cast<double>(points.size()), sum.lon / static_cast<double>(points.size())};
}

std::vector<std::vector<LatLon>> annotation_polylines(const scenario::Annotation& annotation,
                                                      const scenario::Scenario& scenario) {
    std::vector<std::vector<LatLon>> lines;
    if (!annotation.places.empty()) {
        lines.push_back(annotation_points(annotation, scenario));
    } else if (annotation.geometry.type == "LineString" || annotation.geometry.type == "MultiLineString") {
        for (const auto& part : annotation.geometry.parts)
            for (const auto& line : part) lines.push_back(line);
    }
    std::erase_if(lines, [](const std::vector<LatLon>& line) { return line.size() < 2; });
    return lines;
}

std::vector<OverlayLayout::AnnotationLine> layout_annotation_lines(const scenario::Scenario& scenario,
                                                                  const Camera& camera, const OverlayStyle& style,
                                                                  float size_scale, const std::vector<ScreenBox>& stops) {
    std::vector<OverlayLayout::AnnotationLine> out;
    for (std::size_t i = 0; i < scenario.annotations.size(); ++i) {
        const scenario::Annotation& annotation = scenario.annotations[i];
        if ((annotation.kind != "arrow" && annotation.kind != "line") || !annotation_shown(annotation, scenario))
            continue;
        const auto lines = annotation_polylines(annotation, scenario);
        for (std::size_t l = 0; l < lines.size(); ++l) {
            const ScreenPath path = screen_polyline(lines[l], camera);
            const double total = path_length(path);
            if (path.empty() || total < min_line_px) continue;
            OverlayLayout::AnnotationLine line;
            line.annotation = i;
            line.colour = annotation_colour(annotation, style);
            line.middle = point_along(path, total / 2.0);
            // The head on the last line of an arrow (a MultiLineString's last part).
            line.head = annotation.kind == "arrow" && l + 1 == lines.size();
            // Between places the line stops short of their dots and the
            // symbol stacks standing there (stops), as movement arrows do.
            ArrowCut cut = cut_arrow(path, total, stops, !annotation.places.empty(),
                                     line.head ? style.arrow_head_pt * size_scale : 0.0, size_scale);
            line.tip = cut.tip, line.base = cut.base, line.head_half_width = cut.head_half_width;
            line.shaft = std::move(cut.shaft);
            out.push_back(std::move(line));
        }
    }
    return out;
}

std::vector<AreaRef> annotation_area_refs(const scenario::Annotation& annotation, const scenario::Scenario& scenario,
                                          const AreaSource& source) {
    std::vector<AreaRef> out;
    for (const std::string& id : annotation.places) {
        const scenario::Place* place = scenario.place(id);
        if (!place) continue;
        for (AreaRef& area : areas_of_place(
                 *place, [&source](const std::string& region) { return source.members(region); },
                 [&source](const std::string& region) { return source.has_region_polygon(region); }))
            out.push_back(std::move(area));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

AreaPolygons annotation_polygons(const scenario::Annotation& annotation, const scenario::Scenario& scenario,
                                 const AreaSource& source) {
    AreaPolygons out;
    if (annotation.places.empty()) {
        if (annotation.geometry.type == "Polygon" || annotation.geometry.type == "MultiPolygon") out = annotation.geometry.parts;
        // GeoJSON closes rings with the first point again; areas' rings are open.
        for (auto& polygon : out)
            for (auto& ring : polygon)
                if (ring.size() > 1 && ring.front() == ring.back()) ring.pop_back();
        return out;
    }
    for (const AreaRef& area : annotation_area_refs(annotation, scenario, source)) {
        AreaPolygons polygons = source.polygons(area);
        out.insert(out.end(), std::make_move_iterator(polygons.begin()), std::make_move_iterator(polygons.end()));
    }
    return out;
}

// ------------------------------------------------------------------ AnnotationAreaRenderer

// An annotation's colour as a rule: "#RRGGBB" set by hand, or its actor's
// side ("hostile"), resolved against the style when drawn, so a change of
// style needs no reload.
static std::string colour_rule(const scenario::Annotation& annotation) {
    if (parse_hex_colour(annotation.colour)) return annotation.colour;
    return to_string(affiliation_of(annotation.actor));
}

static Rgba colour_of_rule(const std::string& rule, const OverlayStyle& style) {
    if (const auto colour = parse_hex_colour(rule)) return *colour;
    return arrow_colour(affiliation_named(rule).value_or(Affiliation::unknown), style);
}

struct AnnotationAreaRenderer::Group {
    Group(std::string rule, std::function<const AreaSource&()> source) : colour(std::move(rule)), areas(std::move(source)) {}
    std::string colour;  // colour_rule
    std::vector<AreaPolygons> polygons;
    AreaRenderer areas;
};

// What the areas drawn depend on: the area annotations shown, the places
// they stand on (points, members) and their colours.
struct AnnotationAreaRenderer::Key {
    std::vector<scenario::Annotation> areas;
    std::vector<scenario::Place> places;
    std::vector<std::string> colours;  // colour_rule
    friend bool operator==(const Key&, const Key&) = default;
};

AnnotationAreaRenderer::AnnotationAreaRenderer(std::function<const AreaSource&()> source) : source_(std::move(source)) {
    if (!source_) source_ = installed_area_source;
}

AnnotationAreaRenderer::~AnnotationAreaRenderer() = default;

void AnnotationAreaRenderer::set_scenario(const scenario::Scenario* scenario) {
    Key key;
    if (scenario) {
        for (const scenario::Annotation& annotation : scenario->annotations) {
            if (annotation.kind != "area" || !annotation_shown(annotation, *scenario)) continue;
            key.areas.push_back(annotation);
            key.colours.push_back(colour_rule(annotation));
            for (const std::string& id : annotation.places)
                if (const scenario::Place* place = scenario->place(id)) key.places.push_back(*place);
        }
    }
    if (drawn_ && *drawn_ == key) return;
    groups_.clear();
    failure_.clear();
    for (std::size_t i = 0; i < key.areas.size(); ++i) {
        AreaPolygons polygons;
        try {
            polygons = annotation_polygons(key.areas[i], *scenario, source_());
        } catch (const Error& e) {
            failure_ = std::string("annotation areas unavailable: ") + e.what();
            continue;
        }
        if (polygons.empty()) continue;
        const std::string& colour = key.colours[i];
        auto group = std::find_if(groups_.begin(), groups_.end(), [&](const auto& g) { return g->colour == colour; });
        if (group == groups_.end()) {
            groups_.push_back(std::make_unique<Group>(colour, source_));
            group = groups_.end() - 1;
        }
        (*group)->polygons.push_back(std::move(polygons));
    }
    for (const auto& group : groups_) group->areas.set_polygons(group->polygons);
    drawn_ = std::make_unique<Key>(std::move(key));
}

std::vector<Rgba> AnnotationAreaRenderer::colours_in(const Camera& camera, const ScreenBox& frame,
                                                     const OverlayStyle& style) const {
    std::vector<Rgba> colours;
    for (const auto& group : groups_)
        if (group->areas.shows_in(camera, frame)) colours.push_back(colour_of_rule(group->colour, style));
    return colours;
}

void AnnotationAreaRenderer::draw(const Camera& camera, const OverlayStyle& style, float size_scale,
                                  const std::vector<double>& x_shifts, float opacity, double fragcoord_shift) {
    for (const auto& group : groups_) {
        const Rgba colour = colour_of_rule(group->colour, style);
        OverlayStyle coloured = style;
        coloured.area_hatch = colour.with_alpha(area_hatch_alpha);
        coloured.area_outline = colour;
        group->areas.draw_hatch(camera, coloured, size_scale, x_shifts, opacity, fragcoord_shift);
        group->areas.draw_outlines(camera, coloured, size_scale, opacity);
    }
}

}  // namespace muster
