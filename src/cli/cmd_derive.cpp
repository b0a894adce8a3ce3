// Build step: derive fast-loading files from the committed GeoPackage.
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/help.hpp"

#include "core/error.hpp"
#include "core/paths.hpp"
#include "geodata/gazetteer_index.hpp"
#include "render/country_mesh.hpp"

#include <cstdio>
#include <filesystem>

namespace muster::cli {

int cmd_derive(const Words& words) {
    if (print_help_if_asked(words,
                            "usage: muster derive [--geodata GPKG] --out DIR\n"
                            "Derives the gazetteer index and tessellated country meshes from the\n"
                            "GeoPackage (default: geodata/muster.gpkg). Run by the build.\n"))
        return 0;
    Args args("derive", words);
    args.option("--geodata").option("--out").positionals(0, 0);
    args.parse();
    const auto out = args.value("--out");
    if (!out) throw Error(args.message("--out DIR is required"));
    const std::filesystem::path gpkg = args.value("--geodata") ? std::filesystem::path(*args.value("--geodata"))
                                                              : default_geopackage();
    std::error_code ec;
    std::filesystem::create_directories(*out, ec);
    if (ec) throw Error(*out + ": cannot create folder (" + ec.message() + ")");
    write_gazetteer_index(gpkg, std::filesystem::path(*out) / "gazetteer.idx");
    write_country_meshes(gpkg, std::filesystem::path(*out));
    return 0;
}

}  // namespace muster::cli
