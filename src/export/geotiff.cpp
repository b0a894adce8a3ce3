#include "export/geotiff.hpp"

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "export/png_writer.hpp"

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <system_error>

namespace muster {
namespace {

OGRSpatialReference spatial_reference(const Projection& projection) {
    OGRSpatialReference srs;
    if (srs.SetFromUserInput(projection.id().c_str()) != OGRERR_NONE)
        throw std::runtime_error("GDAL does not know " + projection.id());
    // Keep x = easting (longitude), y = northing (latitude) whatever the
    // authority's axis order says: the camera's plane is x east, y north.
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

// Sets the geotransform and CRS on the in-memory copy; GTiff's CreateCopy
// writes them as GeoTIFF tags.
void georeference(GDALDataset& dataset, const Camera& camera) {
    GeoTransform transform = map_geotransform(camera);
    if (dataset.SetGeoTransform(transform.data()) != CE_None)
        throw std::runtime_error("cannot set the geotransform");
    const OGRSpatialReference srs = spatial_reference(camera.projection());
    if (dataset.SetSpatialRef(&srs) != CE_None) throw std::runtime_error("cannot set the CRS");
}

// A number with enough digits to round-trip a double exactly.
std::string exact(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.17g", value);
    return text;
}

}  // namespace

GeoTransform map_geotransform(const Camera& camera) {
    // Camera::to_screen: x = W/2 + (X - centre X) / units_per_pixel and
    // y = H/2 - (Y - centre Y) / units_per_pixel, in the CRS's own plane.
    const double size_of_pixel = camera.units_per_pixel();
    const MapPoint centre = camera.centre_point();
    const PixelSize size = camera.viewport();
    return {centre.x - size.width / 2.0 * size_of_pixel, size_of_pixel, 0.0,
            centre.y + size.height / 2.0 * size_of_pixel, 0.0, -size_of_pixel};
}

std::string esri_wkt(const Projection& projection) {
    OGRSpatialReference srs = spatial_reference(projection);
    char* wkt = nullptr;
    const char* options[] = {"FORMAT=WKT1_ESRI", nullptr};
    if (srs.exportToWkt(&wkt, options) != OGRERR_NONE || !wkt) {
        CPLFree(wkt);
        throw std::runtime_error("cannot express " + projection.id() + " as ESRI WKT");
    }
    std::string text(wkt);
    CPLFree(wkt);
    return text;
}

void write_geotiff(const RgbaImage& image, const Camera& camera, const std::filesystem::path& target,
                   const GeoTiffOptions& options) {
    GdalEncoding encoding;
    encoding.driver = "GTiff";
    encoding.bands = options.keep_alpha ? 4 : 3;
    // Tiled + DEFLATE: QGIS reads tiles on demand, and maps' flat colours
    // compress well; PREDICTOR=2 (horizontal differencing) helps further.
    encoding.creation_options = {"TILED=YES", "COMPRESS=DEFLATE", "PREDICTOR=2", "PHOTOMETRIC=RGB"};
    if (options.keep_alpha) encoding.creation_options.emplace_back("ALPHA=UNASSOCIATED");
    encoding.decorate = [&camera](GDALDataset& dataset) { georeference(dataset, camera); };
    encoding.what = "GeoTIFF encoding";
    write_image_with_gdal(image, target, encoding);
}

std::filesystem::path world_file_path(const std::filesystem::path& image) {
    const std::string extension = image.extension().string();  // ".png"
    std::filesystem::path world = image;
    if (extension.size() < 3) return world.replace_extension(".wld");  // GDAL's generic name
    return world.replace_extension(std::string(".") + extension[1] + extension.back() + "w");
}

std::filesystem::path projection_file_path(const std::filesystem::path& image) {
    std::filesystem::path projection = image;
    return projection.replace_extension(".prj");
}

std::string world_file_text(const GeoTransform& gt) {
    // Shift the origin half a pixel right and down: world files name the
    // centre of the top-left pixel, GDAL's geotransform its outer corner.
    const double centre_x = gt[0] + 0.5 * gt[1] + 0.5 * gt[2];
    const double centre_y = gt[3] + 0.5 * gt[4] + 0.5 * gt[5];
    std::string text;
    for (const double value : {gt[1], gt[4], gt[2], gt[5], centre_x, centre_y}) text += exact(value) + "\n";
    return text;
}

std::filesystem::path aux_file_path(const std::filesystem::path& image) {
    std::filesystem::path aux = image;
    aux += ".aux.xml";
    return aux;
}

// GDAL's PNG driver, and so QGIS, does not read a .prj; it reads the CRS
// from a PAM side file (map.png.aux.xml).
std::string pam_text(const OGRSpatialReference& srs) {
    char* wkt = nullptr;
    if (srs.exportToWkt(&wkt) != OGRERR_NONE || !wkt) {
        CPLFree(wkt);
        throw std::runtime_error("cannot express the CRS as WKT");
    }
    std::string text = "<PAMDataset>\n  <SRS dataAxisToSRSAxisMapping=\"1,2\">";
    for (const char* c = wkt; *c; ++c) text += *c == '"' ? std::string("&quot;") : std::string(1, *c);
    text += "</SRS>\n</PAMDataset>\n";
    CPLFree(wkt);
    return text;
}

void write_world_files(const Camera& camera, const std::filesystem::path& image) {
    const std::filesystem::path world = world_file_path(image);
    std::string wkt, pam;
    try {
        wkt = esri_wkt(camera.projection());
        pam = pam_text(spatial_reference(camera.projection()));
    } catch (const std::exception& e) {
        throw Error(projection_file_path(image).string() + ": cannot write (" + e.what() + ")");
    }
    write_bytes_atomically(world, world_file_text(map_geotransform(camera)));
    try {
        write_bytes_atomically(projection_file_path(image), wkt + "\n");
        write_bytes_atomically(aux_file_path(image), pam);
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(world, ignored);
        std::filesystem::remove(projection_file_path(image), ignored);
        throw;
    }
}

}  // namespace muster
