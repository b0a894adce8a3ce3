// The Layers panel (View -> Layers): a movable window listing what the map
// draws, top to bottom as it is stacked, each with a visibility box and an
// opacity slider (render/layers.hpp):
//
//   Scenario     deployments, place labels, border features, areas
//   Your layers  each vector or raster file put on the map, as stacked:
//                vector files, then rasters, newest first; visibility, colour swatch (vector files; click to change),
//                name (hover: path, format and counts or size), opacity,
//                remove (x); below, a path field that
//                adds a file (Enter or Add), as dropping it on the window does
//   Base map     city labels, country names, borders and coastlines,
//                countries, graticule
//
// Like every panel it only edits ViewState; the renderer reads it next frame.
#pragma once

#include "ui/view_state.hpp"

#include <string>

namespace muster::ui {

void draw_layers_panel(ViewState& state);

// Reads every file in state.dropped_vector_files (vector or raster,
// geodata/layer_file.hpp) into a new user layer and
// empties the list. A file that cannot be read leaves its one-line error in
// state.notice (the status bar). When the new layer lies wholly outside the
// view, the map flies there.
void add_dropped_vector_files(ViewState& state);

// "2 polygons, 1 line, 12 points (15 features)": what a file holds.
std::string describe_contents(const VectorFile& file);
// "GeoTIFF: 2400 × 1800 px, 1 band of Int16 (112 to 345 drawn black to
// white)\nWGS 84 / UTM zone 35N\ndrawn as 2210 × 1230 px in WGS 84".
std::string describe_raster(const RasterFile& file);

}  // namespace muster::ui
