// The `muster` table scripts call (docs/scripting.md):
//
//   muster.open(PATH)                   an article (extracted) or a scenario file
//   muster.new_scenario{title=, date=}  an empty scenario
//   muster.geocode(NAME [, {country=, limit=}])  gazetteer candidates, best first
//   muster.render(S, {output=, size={w,h}, bbox={w,s,e,n} | fit=true})
//                                       a PNG or GeoTIFF, as `muster render` draws it
//   muster.scenario                     the viewer's open scenario (nil from the CLI);
//                                       what it holds when the script ends is shown
//   muster.script_dir, muster.output_dir, muster.version
//   muster.set_projection, muster.set_time, muster.set_layer
//                                       not yet supported: raise an error saying so
#pragma once

#include "scenario/scenario.hpp"
#include "script/lua_state.hpp"
#include "script/script_services.hpp"

#include <optional>

namespace muster::script {

// Installs `muster` (and the scenario type) in the sandbox; `scenario`
// becomes muster.scenario. `services` must outlive the sandbox.
void install_muster_api(LuaSandbox& sandbox, ScriptServices& services, std::optional<scenario::Scenario> scenario);

// muster.scenario as the script left it, when it is a scenario.
std::optional<scenario::Scenario> final_scenario(LuaSandbox& sandbox);

}  // namespace muster::script
