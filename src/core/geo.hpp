// Plain geographic value types shared by every module. Standard library only.
#pragma once

#include <algorithm>
#include <cmath>

namespace muster {

// A WGS 84 position in decimal degrees.
struct LatLon {
    double lat = 0.0;
    double lon = 0.0;
    friend bool operator==(const LatLon&, const LatLon&) = default;
};

// A lon/lat bounding box in WGS 84 degrees (GIS order: west, south, east, north).
struct Extent {
    double min_lon = -180.0;
    double min_lat = -90.0;
    double max_lon = 180.0;
    double max_lat = 90.0;

    [[nodiscard]] double width() const { return max_lon - min_lon; }
    [[nodiscard]] double height() const { return max_lat - min_lat; }
    [[nodiscard]] bool valid() const {
        return min_lon < max_lon && min_lat < max_lat && min_lat >= -90.0 && max_lat <= 90.0 &&
               min_lon >= -540.0 && max_lon <= 540.0;
    }
    [[nodiscard]] bool contains(LatLon p) const {
        return p.lon >= min_lon && p.lon <= max_lon && p.lat >= min_lat && p.lat <= max_lat;
    }
    [[nodiscard]] LatLon centre() const { return {(min_lat + max_lat) / 2.0, (min_lon + max_lon) / 2.0}; }
};

// Pixel dimensions of an image or a drawable.
struct PixelSize {
    int width = 0;
    int height = 0;
};

}  // namespace muster
