// The Lua side of annotations, dates and the scenario's view
// (docs/scripting.md): reading `when`, `history` and `geometry` fields,
// annotation tables, and the muster functions
//
//   muster.set_projection(S, CRS)
//   muster.set_camera(S, {center = {lat, lon}, zoom = Z} | {bbox = {w, s, e, n}} | {fit = true})
//   muster.set_time(S, TIME)
//   muster.set_layer(S, NAME, {visible =, opacity =})
//
// and render's projection, time and layers options. The edits themselves
// are in view_edit.hpp.
#pragma once

#include "render/headless_render.hpp"
#include "scenario/scenario.hpp"
#include "script/lua_fields.hpp"

#include <lua.hpp>

#include <vector>

namespace muster::script {

// `when = {start = "2022-01-15", ["end"] = "2022-02-24"}` (either may be
// left out); absent: always. Checked with check_time_span.
scenario::TimeSpan when_field(lua_State* lua, const LuaFields& fields, const char* name);

// `history = {{date = "2021-11-10", value = 90000}, ...}`; dates checked,
// values 0 or more, in date order (sorted).
std::vector<scenario::StrengthAt> history_field(lua_State* lua, const LuaFields& fields, const char* name);

// `geometry = {type = "LineString", coordinates = {{lon, lat}, ...}}` as
// GeoJSON writes it (longitude first); absent: none. Checked with check_geometry.
scenario::Geometry geometry_field(lua_State* lua, const LuaFields& fields, const char* name);

// {id, kind, text, places = {ids}, geometry = {type, coordinates}, actor,
// colour, when = {start, end}}
void push_annotation(lua_State* lua, const scenario::Annotation& annotation);

// Sets the functions above in the table on top of the stack.
void add_view_functions(lua_State* lua);

// The scenario's own look (render/scenario_look.hpp apply_scenario_look)
// with render's options over it: projection (instead of the camera's),
// time (sets `drawn`'s current time: the render's copy of the scenario),
// layers = {NAME = {visible =, opacity =}}; fit = true or a bbox win over
// the camera.
void apply_render_view_options(lua_State* lua, const LuaFields& options, scenario::Scenario& drawn,
                               HeadlessRenderRequest& request);

}  // namespace muster::script
