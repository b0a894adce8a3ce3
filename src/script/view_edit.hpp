// What a script changes besides places and figures, in plain C++: the
// analyst's annotations, the scenario's camera and projection, its current
// time and its layer looks (scenario.hpp; render/scenario_look.hpp applies
// them when drawing). As in scenario_edit.hpp, the Lua bindings only turn
// Lua values into these, and every problem is a muster::Error naming the
// field ("kind must be one of label, arrow, line, area, got 'circle'").
#pragma once

#include "scenario/scenario.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace muster::script {

// A span's bounds must be times scenario/timeline.hpp reads. Throws
// "when.start must be a time such as '2022-01-15' or '2022-02-24T03:40', got 'x'"
// and "when.start must not be after when.end".
void check_time_span(const scenario::TimeSpan& span, const std::string& field);

// A time parse_time reads; `field` names it in the message.
void check_time(const std::string& time, const std::string& field);

struct AnnotationSpec {
    std::string id;    // "" : the next free "aN"
    std::string kind;  // label | arrow | line | area
    std::string text;
    std::vector<std::string> places;  // place ids, already resolved
    scenario::Geometry geometry;      // GeoJSON order already turned into LatLon
    std::string actor;                // ISO alpha-2, "NATO" or ""
    std::string colour;               // "#RRGGBB" or ""
    scenario::TimeSpan when;
};

// Checks that the annotation stands on something that fits its kind (a label
// on a place or a Point; an arrow or line on two places or more, or a
// (Multi)LineString; an area on places or a (Multi)Polygon) and adds it.
const scenario::Annotation& add_annotation(scenario::Scenario& scenario, const AnnotationSpec& spec);

// Throws "no annotation with id 'a9'".
void remove_annotation(scenario::Scenario& scenario, const std::string& id);

// The geometry's shape for its type: points in range, two points or more
// per line, four or more per ring, closed (first point again at the end).
void check_geometry(const scenario::Geometry& geometry);

// The camera's projection, checked with PROJ ("" : Web Mercator).
void set_projection(scenario::Scenario& scenario, const std::string& crs);

struct CameraSpec {
    std::optional<LatLon> center;
    std::optional<double> zoom;
    std::optional<std::array<double, 4>> bbox;  // west, south, east, north
    bool fit = false;                           // frame the scenario: no centre, zoom or bbox
};
// Sets the camera's view (its projection stays). Centre and zoom go
// together; a bbox or fit replaces them.
void set_camera(scenario::Scenario& scenario, const CameraSpec& spec);

// time.current; "" : the end (everything shown).
void set_time(scenario::Scenario& scenario, const std::string& time);

// A layer's look by its file name (render/scenario_look.hpp layer_names());
// what is not given keeps its value.
void set_layer(scenario::Scenario& scenario, const std::string& name, std::optional<bool> visible,
               std::optional<double> opacity);

}  // namespace muster::script
