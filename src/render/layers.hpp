// What the map shows, layer by layer: one plain struct that the window keeps
// in its ViewState (the Layers panel edits it), `muster render` fills from
// its options, and the renderer reads each frame.
//
// Visibility and opacity mean the same for every layer:
//   * a hidden layer is not drawn, and the label placement gives it no room
//     (hide the deployments and place names may sit where symbols were);
//   * opacity multiplies the alpha of everything the layer draws (a shader
//     uniform or the draw list's vertex colours; nothing is tessellated or
//     laid out again), so sliding it never moves a label.
//
// Drawing order, bottom to top: graticule, countries, raster user layers (in
// list order: the last added on top), hatched deployment areas, country
// borders and coastlines, vector user layers (in list order), border
// features, deployment area outlines, then the 2D overlay: halos, leader
// lines, dots, labels (place labels, country names, city labels, border
// plates) and unit symbols. A raster lies on the land like paint, so an
// opaque image hides the country fills but the borders, coastlines and
// hatching stay on top of it and the map still reads; vector files are the
// analyst's marks and sit over the borders.
#pragma once

#include "core/geo.hpp"
#include "geodata/layer_file.hpp"
#include "render/style.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace muster {

struct LayerLook {
    bool visible = true;
    float opacity = 1.0f;  // 0..1

    // Whether the layer puts any pixel on the map.
    [[nodiscard]] bool drawn() const { return visible && opacity > 0.0f; }
    friend bool operator==(const LayerLook&, const LayerLook&) = default;
};

// One file the user put on the map (dropped on the window, or `--layer
// FILE`): a vector file or a raster, exactly one of `file` and `raster`.
struct UserLayer {
    std::uint64_t id = 0;  // unique in a session: ties the renderer's GPU copy to the layer
    // The features or the image, read once; copies of the settings share them.
    std::shared_ptr<const VectorFile> file;
    std::shared_ptr<const RasterFile> raster;
    LayerLook look;
    Rgba colour;  // a vector file's outlines, lines and points; polygons are filled with it, translucent

    // The file name, as the Layers panel shows it.
    [[nodiscard]] const std::string& name() const;
    // Around the features or the image; none for a file without any.
    [[nodiscard]] std::optional<Extent> extent() const;
};

struct LayerSettings {
    // Base map.
    LayerLook graticule;
    LayerLook countries;        // land fills: plain, or coloured by the country's role in the scenario
    LayerLook country_borders;  // borders and coastlines
    LayerLook country_names;
    LayerLook city_labels;      // populated places of the base map: dot and name
    // Scenario.
    LayerLook border_features;  // thick highlighted borders and their plates
    LayerLook areas;            // hatched deployment areas
    LayerLook deployments;      // unit symbols with amplifiers, strength halos, leader lines
    LayerLook place_labels;     // the scenario's places: dot and name
    LayerLook annotations;      // the analyst's labels, arrows, lines and areas (render/annotations.hpp)
    // Files, drawn in order (the last on top).
    std::vector<UserLayer> user_layers;
    std::uint64_t next_user_layer_id = 1;

    // Appends a visible layer for file in the next colour of the palette
    // (colours are not reused right after a removal); returns it.
    UserLayer& add_user_layer(std::shared_ptr<const VectorFile> file);
    // Appends a visible layer for the image (its colour is unused).
    UserLayer& add_user_layer(std::shared_ptr<const RasterFile> raster);
    // Either, as read_layer_file() found the file to be.
    UserLayer& add_user_layer(LayerFile file);
    // Removes the layer with this id (no-op when there is none).
    void remove_user_layer(std::uint64_t id);

private:
    // Gives the layer the next id and palette colour, and appends it.
    UserLayer& push_user_layer(UserLayer layer);
};

// The colour of the n-th user layer: distinct hues that are none of the
// overlay's (role fills, APP-6 fills, the purple of border features).
Rgba user_layer_colour(std::size_t n);

// Around every visible user layer's features and images; none without any.
std::optional<Extent> user_layers_extent(const LayerSettings& layers);

}  // namespace muster
