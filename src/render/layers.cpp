#include "render/layers.hpp"

#include <algorithm>
#include <array>

namespace muster {

Rgba user_layer_colour(std::size_t n) {
    // Dark enough to read as lines on the light land and sea, apart from the
    // role fills (sand, grey, periwinkle, terracotta), the APP-6 fills and
    // the border features' purple.
    static constexpr std::array<Rgba, 6> palette{
        Rgba::hex(0x00838F),  // teal
        Rgba::hex(0xE65100),  // deep orange
        Rgba::hex(0xC2185B),  // raspberry
        Rgba::hex(0x2E7D32),  // forest green
        Rgba::hex(0x1565C0),  // strong blue
        Rgba::hex(0x6D4C41),  // brown
    };
    return palette[n % palette.size()];
}

UserLayer& LayerSettings::add_user_layer(std::shared_ptr<const VectorFile> file) {
    UserLayer layer;
    layer.file = std::move(file);
    return push_user_layer(std::move(layer));
}

UserLayer& LayerSettings::add_user_layer(std::shared_ptr<const RasterFile> raster) {
    UserLayer layer;
    layer.raster = std::move(raster);
    return push_user_layer(std::move(layer));
}

UserLayer& LayerSettings::push_user_layer(UserLayer layer) {
    layer.id = next_user_layer_id++;
    layer.colour = user_layer_colour(static_cast<std::size_t>(layer.id - 1));
    user_layers.push_back(std::move(layer));
    return user_layers.back();
}

UserLayer& LayerSettings::add_user_layer(LayerFile file) {
    if (file.raster) return add_user_layer(std::move(file.raster));
    return add_user_layer(std::move(file.vector));
}

const std::string& UserLayer::name() const {
    static const std::string none;
    if (file) return file->name;
    if (raster) return raster->name;
    return none;
}

std::optional<Extent> UserLayer::extent() const {
    if (file) return file->extent;
    if (raster) return raster->extent;
    return std::nullopt;
}

void LayerSettings::remove_user_layer(std::uint64_t id) {
    std::erase_if(user_layers, [id](const UserLayer& layer) { return layer.id == id; });
}

std::optional<Extent> user_layers_extent(const LayerSettings& layers) {
    std::optional<Extent> box;
    for (const UserLayer& layer : layers.user_layers) {
        const std::optional<Extent> extent = layer.extent();
        if (!layer.look.visible || !extent) continue;
        const Extent& e = *extent;
        box = box ? Extent{std::min(box->min_lon, e.min_lon), std::min(box->min_lat, e.min_lat),
                           std::max(box->max_lon, e.max_lon), std::max(box->max_lat, e.max_lat)}
                  : e;
    }
    return box;
}

}  // namespace muster
