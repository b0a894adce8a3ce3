// Extracted and edited features as vector data for GIS tools: GeoJSON (the
// output contract of docs/design-brief.md), GeoPackage and KML through OGR,
// chosen by the file's extension. Every format carries the same facts: the
// contract's properties, the source sentence for provenance, Points for
// places and figures (a figure without a place has no geometry) and
// MultiLineStrings for borders, in WGS 84 longitude/latitude.
//
//   .geojson  one FeatureCollection, exactly `muster extract`'s output
//   .gpkg     three layers, places, figures and borders (EPSG:4326), with
//             one column per contract property
//   .kml      three folders of the same names; each Placemark's <name> is a
//             label (the place's name, the figure's words, "RU–UA border")
//             and the properties are its ExtendedData. KML reserves `begin`
//             and `end` for time spans (OGR and Google Earth read an `end`
//             field as one), so there the text offsets are `text_start` and
//             `text_end`.
//
// Written to a temporary name in the target's folder and renamed into place;
// on failure nothing is left. Errors: muster::Error "TARGET: cannot write (REASON)".
#pragma once

#include "scenario/scenario.hpp"

#include <filesystem>
#include <optional>

namespace muster {

enum class VectorFormat { geojson, geopackage, kml };

inline constexpr const char* supported_vector_extensions = ".geojson, .gpkg, .kml";

// By extension, any case: .geojson, .gpkg, .kml; nullopt otherwise.
std::optional<VectorFormat> vector_format_for(const std::filesystem::path& file);

const char* to_string(VectorFormat format);  // "GeoJSON", "GeoPackage", "KML"

void write_vector_file(const scenario::Scenario& scenario, const std::filesystem::path& target, VectorFormat format);

}  // namespace muster
