// --projection CRS, shared by `muster render` and `muster view`.
#pragma once

#include "cli/args.hpp"
#include "render/projection.hpp"

namespace muster::cli {

// The projection --projection names, or nullptr (Web Mercator) without the
// option. Throws muster::Error "muster COMMAND: --projection EPSG:9999:
// unknown CRS" (or the reason PROJ gives) when it cannot be used.
ProjectionPtr projection_option(const Args& args);

}  // namespace muster::cli
