// muster uses no network at run time, and a file from a stranger must not
// make it reach one: a KML's NetworkLink or external style, a GeoPackage or
// GeoJSON that names a URL, a CRS that asks PROJ for a grid online. Paths
// to GDAL's network file systems are refused before GDAL sees them
// (core/local_path.hpp); this closes what is left inside GDAL and PROJ.
#pragma once

namespace muster {

// Once per process (later calls do nothing); `muster` calls it at start-up
// and every reader of user files before opening one:
//   - every CPLHTTPFetch() (what drivers use for URLs they find in files)
//     fails at once with "network access is off in muster";
//   - /vsicurl/ and its kin, should a path reach them, go through a proxy
//     at 127.0.0.1:9 that refuses the connection, with no retries, a
//     one-second timeout and no file extension they may fetch;
//   - LIBKML neither fetches nor resolves external styles;
//   - PROJ's network (grids from cdn.proj.org) is off.
void keep_gdal_offline();

// The message a refused fetch gives.
inline constexpr const char* gdal_offline_message = "network access is off in muster";

}  // namespace muster
