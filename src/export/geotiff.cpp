#include "export/geotiff.hpp"

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "export/png_writer.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
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

struct GdalCloser {
    void operator()(GDALDataset* dataset) const { GDALClose(GDALDataset::ToHandle(dataset)); }
};

std::string gdal_reason(const char* fallback) {
    const char* message = CPLGetLastErrorMsg();
    return message && *message ? message : fallback;
}

}  // namespace

// ------------------------------------------------------------------ streaming

struct GeoTiffRowWriter::Dataset {
    std::unique_ptr<GDALDataset, GdalCloser> handle;
};

GeoTiffRowWriter::GeoTiffRowWriter(std::filesystem::path file, const GeoTransform& transform, ProjectionPtr projection)
    : file_(std::move(file)),
      transform_(transform),
      projection_(projection ? std::move(projection) : muster::web_mercator()),
      dataset_(std::make_unique<Dataset>()) {
    // GDAL's "ERROR 1: ..." stays off stderr; its reason comes out in our one line.
    CPLPushErrorHandler(CPLQuietErrorHandler);
}

GeoTiffRowWriter::~GeoTiffRowWriter() {
    dataset_->handle.reset();
    CPLPopErrorHandler();
    std::error_code ignored;
    std::filesystem::remove(file_.string() + ".aux.xml", ignored);
}

void GeoTiffRowWriter::start(PixelSize size) {
    GDALAllRegister();
    CPLErrorReset();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    if (!driver) throw std::runtime_error("GDAL has no GTiff driver");
    // Tiled + DEFLATE: QGIS reads tiles on demand, and maps' flat colours
    // compress well; PREDICTOR=2 (horizontal differencing) helps further.
    // BIGTIFF=IF_SAFER: a 16384x16384 poster may pass 4 GB uncompressed.
    const char* options[] = {"TILED=YES",     "COMPRESS=DEFLATE", "PREDICTOR=2", "PHOTOMETRIC=RGB",
                             "BIGTIFF=IF_SAFER", "BLOCKXSIZE=256", "BLOCKYSIZE=256", nullptr};
    dataset_->handle.reset(driver->Create(file_.c_str(), size.width, size.height, 3, GDT_Byte,
                                          const_cast<char**>(options)));
    if (!dataset_->handle) throw std::runtime_error(gdal_reason("cannot create the GeoTIFF"));
    GDALDataset& dataset = *dataset_->handle;
    if (dataset.SetGeoTransform(transform_.data()) != CE_None) throw std::runtime_error("cannot set the geotransform");
    const OGRSpatialReference srs = spatial_reference(*projection_);
    if (dataset.SetSpatialRef(&srs) != CE_None) throw std::runtime_error("cannot set the CRS");
    next_row_ = 0;
}

void GeoTiffRowWriter::write_rows(const std::uint8_t* rgba, std::size_t stride, int count) {
    GDALDataset& dataset = *dataset_->handle;
    int bands[] = {1, 2, 3};
    const CPLErr status = dataset.RasterIO(GF_Write, 0, next_row_, dataset.GetRasterXSize(), count,
                                           const_cast<std::uint8_t*>(rgba), dataset.GetRasterXSize(), count, GDT_Byte,
                                           3, bands, 4, static_cast<GSpacing>(stride), 1, nullptr);
    if (status != CE_None) throw std::runtime_error(gdal_reason("cannot write GeoTIFF rows"));
    next_row_ += count;
    // Completed tiles go to disk now, so the block cache does not grow to
    // hold the whole image.
    dataset.FlushCache();
    if (CPLGetLastErrorType() >= CE_Failure)
        throw std::runtime_error(gdal_reason("cannot write GeoTIFF tiles"));
}

void GeoTiffRowWriter::finish() {
    GDALDataset* dataset = dataset_->handle.release();
    GDALClose(GDALDataset::ToHandle(dataset));  // writes the last tiles and the directory
    if (CPLGetLastErrorType() >= CE_Failure)
        throw std::runtime_error(gdal_reason("cannot finish the GeoTIFF"));
}

// ------------------------------------------------------------------ georeference

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
