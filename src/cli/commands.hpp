// The subcommands of the muster binary. Each lives in its own cmd_NAME.cpp,
// takes the words after its name and returns the process exit status.
// Errors a user can act on are thrown as muster::Error and printed by main().
#pragma once

#include <string>
#include <vector>

namespace muster::cli {

using Words = std::vector<std::string>;

int cmd_geocode(const Words& words);  // muster geocode NAME [--limit N] [--json]
int cmd_render(const Words& words);   // muster render [INPUT] -o OUT [--size WxH] [--scale N] [--bbox ...]
int cmd_view(const Words& words);     // muster view [FILE]
int cmd_bench(const Words& words);     // muster bench gazetteer|extract|...
int bench_extract(const Words& words);  // muster bench extract [CORPUS] (bench_extract.cpp)
int bench_render(const Words& words);   // muster bench render [SCENARIO] (bench_render.cpp)
int bench_export(const Words& words);   // muster bench export (bench_export.cpp)
int bench_timeline(const Words& words); // muster bench timeline (bench_timeline.cpp)
int bench_scenario(const Words& words); // muster bench scenario (bench_scenario.cpp)
int cmd_geoparse(const Words& words); // muster geoparse --jsonl | FILE
int cmd_extract(const Words& words);  // muster extract FILE|- [--format geojson|scenario] [-o OUT]
int cmd_script(const Words& words);   // muster script FILE.lua [ARGS...] [--out DIR] (cmd_script.cpp)
int cmd_derive(const Words& words);   // muster derive --geodata GPKG --out DIR (build step)

// Entry point used by main() and by tests that run the CLI in-process.
int run_cli(const Words& argv_after_program);

}  // namespace muster::cli
