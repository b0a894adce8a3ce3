// Reading a user's own georeferenced image (a satellite scene, a scanned
// map, a hillshade) for a raster user layer under the deployments.
//
// Only three GDAL drivers are used, whatever else the GDAL build has: GTiff
// (GeoTIFF), PNG and JPEG. /vsi paths and URLs are refused before GDAL sees
// them, and GDAL's network is off (geodata/gdal_offline.hpp), so nothing a
// file names (an .aux.xml's CRS URL, a grid) makes muster reach out.
//
// The image must say where it lies: a geotransform (GeoTIFF tags, a world
// file beside a PNG/JPEG/TIFF: .pgw .jgw .tfw .wld ..., or an .aux.xml) or
// ground control points, and a coordinate system (GeoTIFF tags, .aux.xml, or
// an ESRI .prj beside it). A world file without any coordinate system is
// taken as WGS 84 longitude/latitude when its corners are degrees, and
// refused otherwise.
//
// Limits: at most max_raster_side pixels on a side and max_raster_pixels in
// all, checked before a pixel is read. Larger sources than
// max_raster_image_side are read decimated (GDAL uses the file's overviews
// when it has them), so memory stays bounded whatever the file.
//
// The image is warped once, at load, to WGS 84 longitude/latitude (bilinear)
// and kept as 8-bit RGBA with its extent; the renderer drapes it over the map
// in any projection (render/raster_layer.hpp). Latitudes beyond Web
// Mercator's limit (85.05 degrees) are cut off: no map muster draws shows
// them in full. Bands: 1 (grey, or a colour table), 1 + alpha, 3 (RGB),
// 3 + alpha (RGBA); 8-bit data is taken as it is, other types (an Int16
// DEM, Float32) are stretched from their minimum to their maximum. Nodata
// and what lies outside the source are transparent.
#pragma once

#include "core/geo.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace muster {

// Sources larger than this are refused before any pixel is read.
inline constexpr int max_raster_side = 65'536;
inline constexpr std::int64_t max_raster_pixels = std::int64_t{1} << 30;  // 1,073,741,824
// The longest side of the image kept for drawing (a texture this size is
// about 64 MiB); sources are decimated to it.
inline constexpr int max_raster_image_side = 4096;

struct RasterFile {
    std::filesystem::path path;
    std::string name;    // the file name without folders, as the Layers panel shows it
    std::string format;  // "GeoTIFF", "PNG", "JPEG"
    int source_width = 0, source_height = 0, source_bands = 0;
    std::string source_type;  // GDAL's data type: "Byte", "Int16", "Float32", ...
    std::string crs;          // the source's coordinate system, by name ("WGS 84 / Pseudo-Mercator")
    // Non-8-bit data: the values mapped to black and white.
    bool stretched = false;
    double stretch_min = 0.0, stretch_max = 0.0;

    // The image as drawn, in WGS 84 longitude/latitude: rows from north to
    // south, columns from west to east, evenly spaced in degrees across
    // extent (the outer edges of the outer pixels). RGBA, straight alpha.
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba;
    Extent extent;

    [[nodiscard]] const std::uint8_t* pixel(int x, int y) const {
        return rgba.data() + (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 4;
    }
};

// "GeoTIFF, PNG or JPEG with a world file": for help texts and error messages.
const char* supported_raster_formats();

// Whether one of the three allowed drivers recognises the file (by its
// contents): what decides between a raster and a vector layer.
bool looks_like_raster_file(const std::filesystem::path& path);

// Reads path as above. Throws muster::Error with one line naming the file
// and what is wrong: not local, cannot be read, not of a format muster
// reads, GDAL cannot parse it, no georeferencing, no usable coordinate
// system, too large, bands muster cannot draw, nothing within the map's
// latitudes.
RasterFile read_raster_file(const std::filesystem::path& path);

}  // namespace muster
