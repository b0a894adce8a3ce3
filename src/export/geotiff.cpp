#include "export/geotiff.hpp"

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "export/png_writer.hpp"

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <cmath>
#include <cstdio>
#include <numbers>
#include <stdexcept>
#include <system_error>

namespace muster {
namespace {

double radians(double degrees) { return degrees * std::numbers::pi / 180.0; }

OGRSpatialReference web_mercator() {
    OGRSpatialReference srs;
    if (srs.importFromEPSG(3857) != OGRERR_NONE) throw std::runtime_error("PROJ does not know EPSG:3857");
    // Keep x = easting, y = northing whatever the authority's axis order says.
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

// Sets the geotransform and CRS on the in-memory copy; GTiff's CreateCopy
// writes them as GeoTIFF tags.
void georeference(GDALDataset& dataset, const Camera& camera) {
    GeoTransform transform = web_mercator_geotransform(camera);
    if (dataset.SetGeoTransform(transform.data()) != CE_None)
        throw std::runtime_error("cannot set the geotransform");
    const OGRSpatialReference srs = web_mercator();
    if (dataset.SetSpatialRef(&srs) != CE_None) throw std::runtime_error("cannot set the CRS");
}

// A number with enough digits to round-trip a double exactly.
std::string exact(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.17g", value);
    return text;
}

}  // namespace

GeoTransform web_mercator_geotransform(const Camera& camera) {
    // Camera::to_screen: x = W/2 + dlon * world_pixels/360 and
    // y = H/2 + (mercator_y(centre) - mercator_y(lat)) * world_pixels/(2 pi),
    // with mercator_y in radians. EPSG:3857 metres are those radians times R,
    // so one pixel is 2 pi R / world_pixels metres in both directions.
    const double metres_per_pixel = 2.0 * std::numbers::pi * web_mercator_radius / camera.world_pixels();
    const double centre_x = web_mercator_radius * radians(camera.centre().lon);
    const double centre_y = web_mercator_radius * mercator_y(camera.centre().lat);
    const PixelSize size = camera.viewport();
    return {centre_x - size.width / 2.0 * metres_per_pixel, metres_per_pixel, 0.0,
            centre_y + size.height / 2.0 * metres_per_pixel, 0.0, -metres_per_pixel};
}

std::string web_mercator_esri_wkt() {
    OGRSpatialReference srs = web_mercator();
    char* wkt = nullptr;
    const char* options[] = {"FORMAT=WKT1_ESRI", nullptr};
    if (srs.exportToWkt(&wkt, options) != OGRERR_NONE || !wkt) {
        CPLFree(wkt);
        throw std::runtime_error("cannot express EPSG:3857 as ESRI WKT");
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
        throw std::runtime_error("cannot express EPSG:3857 as WKT");
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
        wkt = web_mercator_esri_wkt();
        pam = pam_text(web_mercator());
    } catch (const std::exception& e) {
        throw Error(projection_file_path(image).string() + ": cannot write (" + e.what() + ")");
    }
    write_bytes_atomically(world, world_file_text(web_mercator_geotransform(camera)));
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
