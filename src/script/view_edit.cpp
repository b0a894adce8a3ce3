#include "script/view_edit.hpp"

#include "core/error.hpp"
#include "render/annotations.hpp"
#include "render/projection.hpp"
#include "render/scenario_look.hpp"
#include "scenario/timeline.hpp"
#include "script/scenario_edit.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace muster::script {
namespace sc = muster::scenario;

namespace {

constexpr const char* kKinds[] = {"label", "arrow", "line", "area"};
constexpr const char* kGeometryTypes[] = {"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon",
                                          "MultiPolygon"};

template <std::size_t N>
void check_one_of(const std::string& field, const std::string& value, const char* const (&names)[N]) {
    if (std::find(std::begin(names), std::end(names), value) != std::end(names)) return;
    std::string list;
    for (const char* name : names) list += (list.empty() ? "" : ", ") + std::string(name);
    throw Error(field + " must be one of " + list + ", got '" + value + "'");
}

std::string number_text(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

void check_position(const LatLon& p) {
    if (!std::isfinite(p.lon) || p.lon < -180.0 || p.lon > 180.0)
        throw Error("geometry: longitude must be from -180 to 180, got " + number_text(p.lon));
    if (!std::isfinite(p.lat) || p.lat < -90.0 || p.lat > 90.0)
        throw Error("geometry: latitude must be from -90 to 90, got " + number_text(p.lat));
}

bool is_line(const sc::Geometry& g) { return g.type == "LineString" || g.type == "MultiLineString"; }
bool is_polygon(const sc::Geometry& g) { return g.type == "Polygon" || g.type == "MultiPolygon"; }

}  // namespace

void check_time(const std::string& time, const std::string& field) {
    if (!sc::parse_time(time))
        throw Error(field + " must be a time such as '2022-01-15' or '2022-02-24T03:40', got '" + time + "'");
}

void check_time_span(const sc::TimeSpan& span, const std::string& field) {
    if (!span.start.empty()) check_time(span.start, field + ".start");
    if (!span.end.empty()) check_time(span.end, field + ".end");
    if (!span.start.empty() && !span.end.empty() && *sc::parse_time(span.start) > *sc::parse_time(span.end))
        throw Error(field + ".start must not be after " + field + ".end");
}

void check_geometry(const sc::Geometry& g) {
    check_one_of("geometry type", g.type, kGeometryTypes);
    const bool multi = g.type.rfind("Multi", 0) == 0;
    if (g.parts.empty()) throw Error("geometry: a " + g.type + " needs coordinates");
    if (!multi && g.parts.size() != 1) throw Error("geometry: a " + g.type + " has one part");
    for (const auto& part : g.parts) {
        if (part.empty()) throw Error("geometry: an empty part of a " + g.type);
        for (const auto& line : part) {
            for (const LatLon& p : line) check_position(p);
            if ((g.type == "Point" || g.type == "MultiPoint") && (part.size() != 1 || line.size() != 1))
                throw Error("geometry: a point is one position {lon, lat}");
            if (is_line(g) && (part.size() != 1 || line.size() < 2))
                throw Error("geometry: a line needs two positions or more");
            if (is_polygon(g)) {
                if (line.size() < 4) throw Error("geometry: a polygon's ring needs four positions or more");
                if (!(line.front() == line.back()))
                    throw Error("geometry: a polygon's ring must end where it starts (GeoJSON closes rings)");
            }
        }
    }
}

const sc::Annotation& add_annotation(sc::Scenario& scenario, const AnnotationSpec& spec) {
    check_one_of("kind", spec.kind, kKinds);
    if (!spec.id.empty()) {
        const bool taken = std::any_of(scenario.annotations.begin(), scenario.annotations.end(),
                                       [&](const sc::Annotation& a) { return a.id == spec.id; });
        if (taken) throw Error("id '" + spec.id + "' is taken");
    }
    if (scenario.annotations.size() >= kMaxItems)
        throw Error("the scenario already has " + std::to_string(kMaxItems) + " annotations, the most a script may add");
    check_actor(spec.actor);
    if (!spec.colour.empty() && !parse_hex_colour(spec.colour))
        throw Error("colour must be '#RRGGBB' (such as '#1F5AA6'), got '" + spec.colour + "'");
    check_time_span(spec.when, "when");
    for (const std::string& id : spec.places)
        if (!scenario.place(id)) throw Error("no place with id '" + id + "'");
    const bool places = !spec.places.empty(), geometry = !spec.geometry.empty();
    if (places && geometry) throw Error("give places or geometry, not both");
    if (geometry) check_geometry(spec.geometry);
    const sc::Geometry& g = spec.geometry;
    if (spec.kind == "label") {
        if (spec.text.empty()) throw Error("a label needs text");
        if (!places && g.type != "Point") throw Error("a label stands on places = {...} or a Point geometry");
    } else if (spec.kind == "area") {
        if (!places && !is_polygon(g)) throw Error("an area covers places = {...} or a Polygon or MultiPolygon geometry");
    } else {
        if (places && spec.places.size() < 2)
            throw Error("an " + std::string(spec.kind == "arrow" ? "arrow" : "line") + " needs two places or more");
        if (!places && !is_line(g))
            throw Error("an " + std::string(spec.kind == "arrow" ? "arrow" : "line") +
                        " runs through places = {...} or a LineString or MultiLineString geometry");
    }
    sc::Annotation annotation;
    annotation.kind = spec.kind;
    annotation.text = spec.text;
    annotation.places = spec.places;
    annotation.geometry = spec.geometry;
    annotation.actor = spec.actor;
    annotation.colour = spec.colour;
    annotation.when = spec.when;
    annotation.id = spec.id;
    for (std::size_t n = scenario.annotations.size() + 1; annotation.id.empty(); ++n) {
        const std::string id = "a" + std::to_string(n);
        if (std::none_of(scenario.annotations.begin(), scenario.annotations.end(),
                         [&](const sc::Annotation& a) { return a.id == id; }))
            annotation.id = id;
    }
    scenario.annotations.push_back(std::move(annotation));
    return scenario.annotations.back();
}

void remove_annotation(sc::Scenario& scenario, const std::string& id) {
    const auto removed = std::erase_if(scenario.annotations, [&](const sc::Annotation& a) { return a.id == id; });
    if (removed == 0) throw Error("no annotation with id '" + id + "'");
}

void set_projection(sc::Scenario& scenario, const std::string& crs) {
    if (!crs.empty()) {
        try {
            make_projection(crs);
        } catch (const Error& error) {
            throw Error("projection '" + crs + "': " + error.what());
        }
    }
    if (!scenario.camera) scenario.camera.emplace();
    // Web Mercator is the default: stored as "" so files stay as plain as they were.
    scenario.camera->projection = crs == "EPSG:3857" ? "" : crs;
}

void set_camera(sc::Scenario& scenario, const CameraSpec& spec) {
    const int ways = (spec.center || spec.zoom ? 1 : 0) + (spec.bbox ? 1 : 0) + (spec.fit ? 1 : 0);
    if (ways != 1) throw Error("give center and zoom, or bbox, or fit = true (one of them)");
    if (spec.center.has_value() != spec.zoom.has_value()) throw Error("center and zoom go together");
    if (spec.center && (spec.center->lat < -90 || spec.center->lat > 90 || spec.center->lon < -180 ||
                        spec.center->lon > 180))
        throw Error("center must be {lat, lon} with lat from -90 to 90 and lon from -180 to 180");
    if (spec.zoom && (*spec.zoom < 0 || *spec.zoom > 14))
        throw Error("zoom must be from 0 (the world) to 14, got " + number_text(*spec.zoom));
    if (spec.bbox) {
        const auto& b = *spec.bbox;
        if (b[0] < -180 || b[0] > 180 || b[2] < -180 || b[2] > 180 || b[1] < -90 || b[3] > 90 || b[1] >= b[3] ||
            b[0] == b[2])
            throw Error("bbox must be {west, south, east, north} in degrees with south < north, latitudes within "
                        "-90..90 and longitudes within -180..180");
    }
    if (!scenario.camera) scenario.camera.emplace();
    sc::MapView& view = *scenario.camera;
    view.center = spec.center;
    view.zoom = spec.zoom;
    view.bbox = spec.bbox;
}

void set_time(sc::Scenario& scenario, const std::string& time) {
    if (!time.empty()) check_time(time, "time");
    scenario.time.current = time;
}

void set_layer(sc::Scenario& scenario, const std::string& name, std::optional<bool> visible,
               std::optional<double> opacity) {
    const auto& names = layer_names();
    if (std::find(names.begin(), names.end(), name) == names.end()) {
        std::string list;
        for (const std::string& known : names) list += (list.empty() ? "" : ", ") + known;
        throw Error("no layer named '" + name + "' (layers: " + list + ")");
    }
    if (opacity && (*opacity < 0.0 || *opacity > 1.0))
        throw Error("opacity must be from 0 to 1, got " + number_text(*opacity));
    sc::LayerState& state = scenario.layers[name];
    if (visible) state.visible = *visible;
    if (opacity) state.opacity = *opacity;
}

}  // namespace muster::script
