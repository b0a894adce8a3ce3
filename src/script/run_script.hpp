// Running one script file, start to end: what `muster script` and the
// viewer's Script menu do. The sandbox (lua_state.hpp), the muster API
// (script_api.hpp) and the folders it may use (sandbox_folders.hpp) are
// set up here, in one place.
#pragma once

#include "scenario/scenario.hpp"
#include "script/lua_state.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace muster::script {

struct ScriptRequest {
    std::filesystem::path file;  // the .lua file; its folder is the script's folder
    std::string display;         // how messages name it; "" : file as given
    std::vector<std::string> args;                  // arg[1..n]
    std::optional<std::filesystem::path> output;    // the output folder (must exist); none: no writes
    ScriptLimits limits;
    PrintSink print;
    std::optional<scenario::Scenario> scenario;     // muster.scenario at the start
};

struct ScriptResult {
    std::optional<scenario::Scenario> scenario;  // muster.scenario at the end, if one
};

// Throws muster::Error with one line "FILE:LINE: MESSAGE" when the script
// fails, or "FILE: ..." when it cannot be read or its folders are wrong.
ScriptResult run_script(const ScriptRequest& request);

}  // namespace muster::script
