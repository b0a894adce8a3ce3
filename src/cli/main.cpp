// muster: news text about military deployments, turned into maps.
#include "cli/commands.hpp"
#include "geodata/gdal_offline.hpp"

int main(int argc, char** argv) {
    muster::keep_gdal_offline();  // no file may make muster fetch anything
    return muster::cli::run_cli(muster::cli::Words(argv + 1, argv + argc));
}
