// Scenarios as Lua values: a userdata that holds a Scenario, with methods
// for what scripts do to it (docs/scripting.md, "Scenarios"):
//
//   s.title, s.date                       read and set
//   s:add_place(NAME | {name=, lat=, lon=, country=, feature=, id=})
//   s:add_figure{actor=, value=, min=, max=, qualifier=, unit=, category=,
//                place=, text=, id=, function=, when=, history=}
//   s:add_annotation{kind=, text=, places=|geometry=, actor=, colour=, when=, id=}
//   s:annotations(), s:remove_annotation(ID)
//   s:places(), s:figures()               lists of plain tables (copies)
//   s:place(ID), s:figure(ID)             one table, or nil
//   s:edit_place(ID, {...}), s:edit_figure(ID, {...})   false clears a value
//   s:remove_place(ID), s:remove_figure(ID)
//   s:save(PATH), s:export_geojson(PATH)  into the output folder, atomically
//   s:copy()                              an independent copy
//
// The edits themselves are in scenario_edit.hpp.
#pragma once

#include "scenario/scenario.hpp"

#include <lua.hpp>

namespace muster::script {

// Registers the scenario type in the state (once, before any push).
void register_scenario_type(lua_State* lua);

// Pushes a new scenario value holding `scenario`.
void push_scenario(lua_State* lua, scenario::Scenario scenario);

// The scenario held by the value at `index`, or nullptr when it is none.
scenario::Scenario* to_scenario(lua_State* lua, int index);

}  // namespace muster::script
