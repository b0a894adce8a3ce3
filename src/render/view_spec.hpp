// Text forms of what a view covers, shared by `muster render` and `muster view`:
// "1920x1080" image sizes and "minlon,minlat,maxlon,maxlat" boxes.
#pragma once

#include "core/geo.hpp"

#include <optional>
#include <string_view>

namespace muster {

// "WxH" (or "WXH") with whole numbers from 1 to max_side; nullopt otherwise.
std::optional<PixelSize> parse_pixel_size(std::string_view text, int max_side);

// "W,S,E,N" degrees (GIS order); nullopt unless four numbers forming a valid
// Extent (min < max, latitudes within -90..90, longitudes within -540..540).
std::optional<Extent> parse_extent(std::string_view text);

}  // namespace muster
