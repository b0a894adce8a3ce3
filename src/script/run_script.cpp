#include "script/run_script.hpp"

#include "core/error.hpp"
#include "core/local_path.hpp"
#include "script/script_api.hpp"
#include "script/script_services.hpp"

#include <system_error>

namespace muster::script {
namespace fs = std::filesystem;

ScriptResult run_script(const ScriptRequest& request) {
    const std::string display = request.display.empty() ? request.file.string() : request.display;
    require_local_path(request.file.string(), display, "scripts");
    std::error_code ec;
    if (!fs::is_regular_file(request.file, ec))
        throw Error(display + ": cannot read (" + (fs::exists(request.file, ec) ? "not a file" : "no such file") + ")");
    const fs::path folder = fs::absolute(request.file, ec).parent_path();

    ScriptServices services;  // declared first: the sandbox's bindings use it until lua_close
    LuaSandbox sandbox(SandboxFolders(folder, request.output), request.limits, request.print);
    install_muster_api(sandbox, services, request.scenario);
    sandbox.run_file(request.file, display, request.args);
    return ScriptResult{final_scenario(sandbox)};
}

}  // namespace muster::script
