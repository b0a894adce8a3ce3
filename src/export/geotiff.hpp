// Georeferenced raster output: the rendered map as a GeoTIFF, or a PNG's
// world file (.pgw) plus projection file (.prj), both in the CRS the camera
// drew in (EPSG:3857 Web Mercator by default, EPSG:3035 LAEA Europe, ...:
// render/projection.hpp), so the image opens in QGIS exactly on top of
// Natural Earth.
//
// The geotransform comes from the Camera that drew the image (render/camera.hpp):
// screen pixel corner (x, y) maps to the CRS's plane (metres, or degrees for
// a geographic CRS)
//     X = gt[0] + x * gt[1] + y * gt[2],   Y = gt[3] + x * gt[4] + y * gt[5]
// (GDAL's convention: gt[0], gt[3] are the top-left corner of the top-left
// pixel; no rotation; gt[5] is negative because rows go south).
#pragma once

#include "export/row_sink.hpp"
#include "render/camera.hpp"
#include "render/rgba_image.hpp"

#include <array>
#include <filesystem>
#include <memory>
#include <string>

namespace muster {

using GeoTransform = std::array<double, 6>;

// GDAL geotransform of an image drawn by camera, in its projection's units.
// Web Mercator views across the antimeridian get an origin west of
// -20037508 m, which GDAL and QGIS accept (the image is continuous there, as
// on screen).
GeoTransform map_geotransform(const Camera& camera);

// The projection's CRS as ESRI WKT (what .prj files hold), from OGRSpatialReference.
std::string esri_wkt(const Projection& projection);

struct GeoTiffOptions {
    bool keep_alpha = false;  // false: 3-band RGB; true: RGBA with an alpha band
};

// Writes image as a tiled, DEFLATE-compressed GeoTIFF in the camera's CRS
// with its geotransform. Atomic (temporary file + rename); throws
// muster::Error "TARGET: cannot write (REASON)" and leaves no file on failure.
void write_geotiff(const RgbaImage& image, const Camera& camera, const std::filesystem::path& target,
                   const GeoTiffOptions& options = {});

// A GeoTIFF written a band of rows at a time (tiled, DEFLATE, RGB, in
// projection's CRS (nullptr: EPSG:3857) with the given geotransform, which
// map_geotransform gives in that CRS's plane), so posters need a band of memory, not the
// whole image: each band is flushed to disk as it arrives. Writes `file`
// directly; callers make it a temporary name (see export/image_file.hpp).
// Errors come out as std::runtime_error with GDAL's reason.
class GeoTiffRowWriter final : public RowSink {
public:
    GeoTiffRowWriter(std::filesystem::path file, const GeoTransform& transform, ProjectionPtr projection = nullptr);
    ~GeoTiffRowWriter() override;
    GeoTiffRowWriter(const GeoTiffRowWriter&) = delete;
    GeoTiffRowWriter& operator=(const GeoTiffRowWriter&) = delete;

    void start(PixelSize size) override;
    void write_rows(const std::uint8_t* rgba, std::size_t stride, int count) override;
    void finish() override;

    // GeoTIFF tiles are this many rows tall: bands that are a multiple of it
    // fill whole tiles, which are then written once.
    static constexpr int tile_rows = 256;

private:
    struct Dataset;
    std::filesystem::path file_;
    GeoTransform transform_;
    ProjectionPtr projection_;
    std::unique_ptr<Dataset> dataset_;
    int next_row_ = 0;
};

// The world file beside image: the extension's first and last letters plus
// 'w' (map.png -> map.pgw), and the projection file (map.png -> map.prj).
std::filesystem::path world_file_path(const std::filesystem::path& image);
std::filesystem::path projection_file_path(const std::filesystem::path& image);
// GDAL's side file for a PNG's CRS (map.png -> map.png.aux.xml), which GDAL
// and QGIS read where they ignore a .prj.
std::filesystem::path aux_file_path(const std::filesystem::path& image);

// The six lines of a world file: pixel width, row rotation, column rotation,
// pixel height (negative), and X, Y of the *centre* of the top-left pixel
// (world files, unlike GDAL geotransforms, refer to pixel centres).
std::string world_file_text(const GeoTransform& transform);

// Writes world_file_path(image) and projection_file_path(image) (ESRI WKT of
// the camera's CRS) for an image drawn by camera. Each file is written atomically;
// if the second fails, the first is removed again so no half-set remains.
void write_world_files(const Camera& camera, const std::filesystem::path& image);

}  // namespace muster
