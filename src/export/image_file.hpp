// Image files of any size, written as they are drawn: the format chosen by
// the file's extension, the encoder fed a band of rows at a time (RowSink),
// the file written under a temporary name beside the target and renamed into
// place when complete. What `muster render` and the viewer's exports use.
#pragma once

#include "export/geotiff.hpp"
#include "export/jpeg_stream.hpp"
#include "export/png_stream.hpp"
#include "export/row_sink.hpp"

#include <filesystem>
#include <functional>
#include <optional>

namespace muster {

enum class ImageFormat { png, jpeg, geotiff };

inline constexpr const char* supported_image_extensions = ".png, .jpg, .jpeg, .tif, .tiff";

// By extension, any case: .png, .jpg/.jpeg, .tif/.tiff; nullopt otherwise.
std::optional<ImageFormat> image_format_for(const std::filesystem::path& file);

const char* to_string(ImageFormat format);  // "PNG", "JPEG", "GeoTIFF"

struct ImageFileOptions {
    PngStreamOptions png;
    JpegStreamOptions jpeg;
    // GeoTIFF only (required there): pixel corner -> the map CRS's plane
    // (map_geotransform), and that CRS (nullptr: EPSG:3857 Web Mercator).
    std::optional<GeoTransform> georeference;
    ProjectionPtr crs;
};

// produce(sink) must call sink.start(), write every row, then sink.finish().
// On success target holds the whole image; on any failure (produce throws,
// the encoder or the disk fails) nothing is left at target or beside it.
// Throws muster::Error "TARGET: cannot write (REASON)" (or produce's own
// muster::Error unchanged).
void write_image_file(const std::filesystem::path& target, ImageFormat format, const ImageFileOptions& options,
                      const std::function<void(RowSink&)>& produce);

}  // namespace muster
