// The one error type muster throws for problems a user can act on.
// Its message is a single line that names the file or input and what is wrong,
// e.g. "geodata/muster.gpkg: not a GeoPackage (run tools/build-geodata.sh)".
#pragma once

#include <stdexcept>
#include <string>

namespace muster {

class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace muster
