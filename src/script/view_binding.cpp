#include "script/view_binding.hpp"

#include "core/error.hpp"
#include "render/projection.hpp"
#include "render/scenario_look.hpp"
#include "scenario/timeline.hpp"
#include "script/lua_util.hpp"
#include "script/scenario_binding.hpp"
#include "script/view_edit.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace muster::script {
namespace sc = muster::scenario;

namespace {

// ------------------------------------------------------------------ reading GeoJSON coordinates

// The stack top is a list; calls read(i) with element i pushed, then pops it.
template <typename Read>
void each_element(lua_State* lua, const char* what, Read&& read) {
    if (!lua_istable(lua, -1)) throw Error(std::string("geometry: ") + what + " must be a list, got " + lua_type_name(lua, -1));
    const lua_Integer count = static_cast<lua_Integer>(lua_rawlen(lua, -1));
    for (lua_Integer i = 1; i <= count; ++i) {
        lua_rawgeti(lua, -1, i);
        read();
        lua_pop(lua, 1);
    }
}

LatLon position(lua_State* lua) {
    if (!lua_istable(lua, -1) || lua_rawlen(lua, -1) != 2)
        throw Error("geometry: a position is {lon, lat} (GeoJSON order), got " +
                    (lua_istable(lua, -1) ? std::string("a list of ") + std::to_string(lua_rawlen(lua, -1))
                                          : lua_type_name(lua, -1)));
    double values[2];
    for (int i = 0; i < 2; ++i) {
        if (lua_rawgeti(lua, -1, i + 1) != LUA_TNUMBER) {
            lua_pop(lua, 1);
            throw Error("geometry: a position is {lon, lat} in numbers");
        }
        values[i] = lua_tonumber(lua, -1);
        lua_pop(lua, 1);
    }
    return {values[1], values[0]};
}

std::vector<LatLon> positions(lua_State* lua) {
    std::vector<LatLon> out;
    each_element(lua, "a line or ring", [&] { out.push_back(position(lua)); });
    return out;
}

std::vector<std::vector<LatLon>> rings(lua_State* lua) {
    std::vector<std::vector<LatLon>> out;
    each_element(lua, "a polygon", [&] { out.push_back(positions(lua)); });
    return out;
}

// The coordinates (stack top) of a geometry of this type, into parts.
void read_coordinates(lua_State* lua, const std::string& type, sc::Geometry& g) {
    if (type == "Point") g.parts.push_back({{position(lua)}});
    else if (type == "MultiPoint") each_element(lua, "coordinates", [&] { g.parts.push_back({{position(lua)}}); });
    else if (type == "LineString") g.parts.push_back({positions(lua)});
    else if (type == "MultiLineString") each_element(lua, "coordinates", [&] { g.parts.push_back({positions(lua)}); });
    else if (type == "Polygon") g.parts.push_back(rings(lua));
    else if (type == "MultiPolygon") each_element(lua, "coordinates", [&] { g.parts.push_back(rings(lua)); });
}

// ------------------------------------------------------------------ pushing

void set_text(lua_State* lua, const char* key, const std::string& value) {
    if (value.empty()) return;
    lua_pushlstring(lua, value.data(), value.size());
    lua_setfield(lua, -2, key);
}

void push_position(lua_State* lua, const LatLon& p) {
    lua_createtable(lua, 2, 0);
    lua_pushnumber(lua, p.lon);
    lua_rawseti(lua, -2, 1);
    lua_pushnumber(lua, p.lat);
    lua_rawseti(lua, -2, 2);
}

template <typename Item, typename Push>
void push_array(lua_State* lua, const std::vector<Item>& items, Push&& push) {
    lua_createtable(lua, static_cast<int>(items.size()), 0);
    for (std::size_t i = 0; i < items.size(); ++i) {
        push(items[i]);
        lua_rawseti(lua, -2, static_cast<lua_Integer>(i + 1));
    }
}

void push_geometry(lua_State* lua, const sc::Geometry& g) {
    lua_createtable(lua, 0, 2);
    set_text(lua, "type", g.type);
    auto line = [&](const std::vector<LatLon>& points) { push_array(lua, points, [&](const LatLon& p) { push_position(lua, p); }); };
    auto polygon = [&](const std::vector<std::vector<LatLon>>& rs) { push_array(lua, rs, line); };
    if (g.type == "Point" && !g.parts.empty()) push_position(lua, g.parts[0][0][0]);
    else if (g.type == "MultiPoint") push_array(lua, g.parts, [&](const auto& part) { push_position(lua, part[0][0]); });
    else if (g.type == "LineString" && !g.parts.empty()) line(g.parts[0][0]);
    else if (g.type == "MultiLineString") push_array(lua, g.parts, [&](const auto& part) { line(part[0]); });
    else if (g.type == "Polygon" && !g.parts.empty()) polygon(g.parts[0]);
    else push_array(lua, g.parts, polygon);
    lua_setfield(lua, -2, "coordinates");
}

// ------------------------------------------------------------------ muster functions

sc::Scenario& scenario_argument(lua_State* lua) {
    if (sc::Scenario* scenario = to_scenario(lua, 1)) return *scenario;
    throw Error("expects a scenario first, got " + lua_type_name(lua, 1));
}

std::string string_argument(lua_State* lua, int index, const char* what) {
    if (lua_type(lua, index) != LUA_TSTRING)
        throw Error(std::string("expects ") + what + ", got " + lua_type_name(lua, index));
    return lua_tostring(lua, index);
}

int set_projection_function(lua_State* lua) {
    return guarded(lua, "muster.set_projection", [&] {
        sc::Scenario& scenario = scenario_argument(lua);
        set_projection(scenario, string_argument(lua, 2, "a CRS such as \"EPSG:3035\""));
        return 0;
    });
}

int set_camera_function(lua_State* lua) {
    return guarded(lua, "muster.set_camera", [&] {
        sc::Scenario& scenario = scenario_argument(lua);
        const LuaFields fields(lua, 2, {"center", "zoom", "bbox", "fit"});
        CameraSpec spec;
        if (const auto center = fields.numbers("center", 2)) spec.center = LatLon{(*center)[0], (*center)[1]};
        spec.zoom = fields.number("zoom");
        if (const auto bbox = fields.numbers("bbox", 4)) spec.bbox = std::array{(*bbox)[0], (*bbox)[1], (*bbox)[2], (*bbox)[3]};
        const std::optional<bool> fit = fields.boolean("fit");
        if (fit == false) throw Error("fit = false: give center and zoom, or a bbox, instead");
        spec.fit = fit.value_or(false);
        set_camera(scenario, spec);
        return 0;
    });
}

int set_time_function(lua_State* lua) {
    return guarded(lua, "muster.set_time", [&] {
        sc::Scenario& scenario = scenario_argument(lua);
        // nil: back to the end of the timeline (everything shown).
        set_time(scenario, lua_isnoneornil(lua, 2) ? std::string() : string_argument(lua, 2, "a time such as \"2022-01-15\""));
        return 0;
    });
}

int set_layer_function(lua_State* lua) {
    return guarded(lua, "muster.set_layer", [&] {
        sc::Scenario& scenario = scenario_argument(lua);
        const std::string name = string_argument(lua, 2, "a layer name such as \"city_labels\"");
        const LuaFields fields(lua, 3, {"visible", "opacity"});
        set_layer(scenario, name, fields.boolean("visible"), fields.number("opacity"));
        return 0;
    });
}

}  // namespace

sc::TimeSpan when_field(lua_State* lua, const LuaFields& fields, const char* name) {
    sc::TimeSpan span;
    const int type = fields.push(name);
    if (type == LUA_TNIL) {
        lua_pop(lua, 1);
        return span;
    }
    if (type != LUA_TTABLE) {
        const std::string got = lua_type_name(lua, -1);
        lua_pop(lua, 1);
        throw Error(std::string("field '") + name + "' expects {start = TIME, [\"end\"] = TIME}, got " + got);
    }
    const LuaFields bounds(lua, -1, {"start", "end"});
    span.start = bounds.text("start").value_or("");
    span.end = bounds.text("end").value_or("");
    lua_pop(lua, 1);
    check_time_span(span, name);
    return span;
}

std::vector<sc::StrengthAt> history_field(lua_State* lua, const LuaFields& fields, const char* name) {
    std::vector<sc::StrengthAt> history;
    const int type = fields.push(name);
    if (type == LUA_TNIL) {
        lua_pop(lua, 1);
        return history;
    }
    if (type != LUA_TTABLE) {
        const std::string got = lua_type_name(lua, -1);
        lua_pop(lua, 1);
        throw Error(std::string("field '") + name + "' expects a list of {date =, value =}, got " + got);
    }
    const lua_Integer count = static_cast<lua_Integer>(lua_rawlen(lua, -1));
    for (lua_Integer i = 1; i <= count; ++i) {
        lua_rawgeti(lua, -1, i);
        const LuaFields entry(lua, -1, {"date", "value"});
        sc::StrengthAt at;
        at.date = entry.text("date").value_or("");
        const std::optional<double> value = entry.number("value");
        lua_pop(lua, 1);
        const std::string where = std::string(name) + "[" + std::to_string(i) + "]";
        check_time(at.date, where + ".date");
        if (!value || *value < 0) throw Error(where + ".value must be a number of 0 or more");
        at.value = *value;
        history.push_back(std::move(at));
    }
    lua_pop(lua, 1);
    std::stable_sort(history.begin(), history.end(), [](const sc::StrengthAt& a, const sc::StrengthAt& b) {
        return *sc::parse_time(a.date) < *sc::parse_time(b.date);
    });
    return history;
}

sc::Geometry geometry_field(lua_State* lua, const LuaFields& fields, const char* name) {
    sc::Geometry geometry;
    const int type = fields.push(name);
    if (type == LUA_TNIL) {
        lua_pop(lua, 1);
        return geometry;
    }
    if (type != LUA_TTABLE) {
        const std::string got = lua_type_name(lua, -1);
        lua_pop(lua, 1);
        throw Error(std::string("field '") + name + "' expects {type =, coordinates =} as in GeoJSON, got " + got);
    }
    const LuaFields shape(lua, -1, {"type", "coordinates"});
    geometry.type = shape.text("type").value_or("");
    shape.push("coordinates");
    read_coordinates(lua, geometry.type, geometry);
    lua_pop(lua, 2);
    check_geometry(geometry);
    return geometry;
}

void push_annotation(lua_State* lua, const sc::Annotation& annotation) {
    lua_createtable(lua, 0, 8);
    set_text(lua, "id", annotation.id);
    set_text(lua, "kind", annotation.kind);
    set_text(lua, "text", annotation.text);
    if (!annotation.places.empty()) {
        push_array(lua, annotation.places, [&](const std::string& id) { lua_pushstring(lua, id.c_str()); });
        lua_setfield(lua, -2, "places");
    }
    if (!annotation.geometry.empty()) {
        push_geometry(lua, annotation.geometry);
        lua_setfield(lua, -2, "geometry");
    }
    set_text(lua, "actor", annotation.actor);
    set_text(lua, "colour", annotation.colour);
    if (!annotation.when.always()) {
        lua_createtable(lua, 0, 2);
        set_text(lua, "start", annotation.when.start);
        set_text(lua, "end", annotation.when.end);
        lua_setfield(lua, -2, "when");
    }
}

void add_view_functions(lua_State* lua) {
    lua_pushcfunction(lua, set_projection_function);
    lua_setfield(lua, -2, "set_projection");
    lua_pushcfunction(lua, set_camera_function);
    lua_setfield(lua, -2, "set_camera");
    lua_pushcfunction(lua, set_time_function);
    lua_setfield(lua, -2, "set_time");
    lua_pushcfunction(lua, set_layer_function);
    lua_setfield(lua, -2, "set_layer");
}

void apply_render_view_options(lua_State* lua, const LuaFields& options, sc::Scenario& drawn,
                               HeadlessRenderRequest& request) {
    if (const auto time = options.text("time")) set_time(drawn, *time);
    const std::optional<std::string> crs = options.text("projection");
    if (crs) {
        try {
            request.projection = make_projection(*crs);
        } catch (const Error& error) {
            throw Error("projection '" + *crs + "': " + error.what());
        }
    }
    apply_scenario_look(drawn, request, options.boolean("fit").value_or(false), crs.has_value());
    // layers = {city_labels = {visible = false}, ...}: over the scenario's own.
    const int type = options.push("layers");
    if (type == LUA_TNIL) {
        lua_pop(lua, 1);
        return;
    }
    if (type != LUA_TTABLE) {
        const std::string got = lua_type_name(lua, -1);
        lua_pop(lua, 1);
        throw Error("option 'layers' expects {NAME = {visible =, opacity =}, ...}, got " + got);
    }
    sc::Scenario checked;  // set_layer's checks, on a scratch scenario
    std::vector<std::string_view> names(layer_names().begin(), layer_names().end());
    const LuaFields layers(lua, -1, names);
    for (const std::string& name : layer_names()) {
        if (layers.push(name.c_str()) == LUA_TNIL) {
            lua_pop(lua, 1);
            continue;
        }
        const LuaFields look(lua, -1, {"visible", "opacity"});
        const auto visible = look.boolean("visible");
        const auto opacity = look.number("opacity");
        lua_pop(lua, 1);
        set_layer(checked, name, visible, opacity);
        LayerLook& drawn_look = *layer_named(request.layers, name);
        if (visible) drawn_look.visible = *visible;
        if (opacity) drawn_look.opacity = static_cast<float>(*opacity);
    }
    lua_pop(lua, 1);
}

}  // namespace muster::script
