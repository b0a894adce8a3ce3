#include "geodata/raster_file.hpp"

#include "core/error.hpp"
#include "core/local_path.hpp"
#include "geodata/gdal_offline.hpp"
#include "geodata/quiet_gdal.hpp"

#include <cpl_string.h>
#include <gdal_priv.h>
#include <gdal_utils.h>
#include <gdalwarper.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <cstdio>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <memory>
#include <optional>
#include <sstream>

namespace muster {
namespace {

// The drivers muster opens user rasters with, and nothing else (see the header).
constexpr const char* allowed_drivers[] = {"GTiff", "PNG", "JPEG", nullptr};

// Web Mercator's latitude limit (render/projection.hpp's mercator_max_lat,
// not included here to keep geodata free of the renderer).
constexpr double map_max_lat = 85.05112877980659;

struct DatasetCloser {
    void operator()(GDALDatasetH dataset) const { GDALClose(dataset); }
};
using Dataset = std::unique_ptr<void, DatasetCloser>;

std::string with_thousands(std::int64_t value) {
    std::string digits = std::to_string(value);
    for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) digits.insert(static_cast<std::size_t>(at), ",");
    return digits;
}

std::string format_label(const std::string& driver) { return driver == "GTiff" ? "GeoTIFF" : driver; }

std::string formats_note() { return std::string(" (muster reads rasters: ") + supported_raster_formats() + ")"; }

// GDAL's last message on one line, as " (...)", or "".
std::string gdal_reason() {
    std::string reason = QuietGdal::reason();
    std::replace(reason.begin(), reason.end(), '\n', ' ');
    return reason;
}


std::string choose_driver(const std::filesystem::path& path, const std::string& shown) {
    GDALDriverH driver = GDALIdentifyDriverEx(path.c_str(), GDAL_OF_RASTER, allowed_drivers, nullptr);
    if (driver) return GDALGetDriverShortName(driver);
    GDALDriverH other = GDALIdentifyDriverEx(path.c_str(), GDAL_OF_RASTER, nullptr, nullptr);
    if (other) throw Error(shown + ": " + GDALGetDriverShortName(other) + " files are not read" + formats_note());
    throw Error(shown + ": not a raster file" + formats_note());
}

Dataset open_with(const std::filesystem::path& path, const std::string& shown, const std::string& driver) {
    const char* const only[] = {driver.c_str(), nullptr};
    Dataset dataset(GDALOpenEx(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, only, nullptr, nullptr));
    if (!dataset) throw Error(shown + ": cannot read as " + format_label(driver) + gdal_reason());
    return dataset;
}

void check_size(GDALDatasetH dataset, const std::string& shown) {
    const int width = GDALGetRasterXSize(dataset), height = GDALGetRasterYSize(dataset);
    if (width <= 0 || height <= 0) throw Error(shown + ": the image has no pixels");
    if (width > max_raster_side || height > max_raster_side ||
        std::int64_t{width} * height > max_raster_pixels)
        throw Error(shown + ": " + with_thousands(width) + " x " + with_thousands(height) +
                    " pixels is more than muster reads (at most " + with_thousands(max_raster_side) + " on a side and " +
                    with_thousands(max_raster_pixels) +
                    " in all; make a smaller copy, e.g. gdal_translate -outsize 25% 25%)");
}

// How the bands are to be read.
struct BandLayout {
    int colour_bands = 0;  // 1 (grey) or 3 (RGB)
    bool alpha = false;    // a last band of transparency
    bool palette = false;  // one band through a colour table
    GDALDataType type = GDT_Byte;
};

BandLayout band_layout(GDALDatasetH dataset, const std::string& shown) {
    const int count = GDALGetRasterCount(dataset);
    const std::string drawable = "; muster draws 1 band (grey or a colour table), 3 (RGB), or either with an alpha band";
    if (count < 1) throw Error(shown + ": no bands" + drawable);
    BandLayout layout;
    GDALRasterBandH last = GDALGetRasterBand(dataset, count);
    layout.alpha = count > 1 && GDALGetRasterColorInterpretation(last) == GCI_AlphaBand;
    layout.colour_bands = count - (layout.alpha ? 1 : 0);
    if (layout.colour_bands != 1 && layout.colour_bands != 3)
        throw Error(shown + ": " + std::to_string(count) + " bands" + (count == 4 ? ", the fourth not alpha" : "") +
                    drawable);
    GDALRasterBandH first = GDALGetRasterBand(dataset, 1);
    layout.type = GDALGetRasterDataType(first);
    if (GDALDataTypeIsComplex(layout.type))
        throw Error(shown + ": complex (" + GDALGetDataTypeName(layout.type) + ") values cannot be drawn as an image");
    for (int band = 2; band <= layout.colour_bands; ++band)
        if (GDALGetRasterDataType(GDALGetRasterBand(dataset, band)) != layout.type)
            throw Error(shown + ": its bands have different data types; muster draws bands of one type");
    layout.palette = layout.colour_bands == 1 && !layout.alpha && GDALGetRasterColorTable(first) != nullptr;
    return layout;
}

// An ESRI .prj beside the file (what GIS tools write next to a world file),
// read without any file or network look-up; none when absent or unreadable.
std::optional<std::string> prj_beside(const std::filesystem::path& path) {
    std::filesystem::path prj = path;
    prj.replace_extension(".prj");
    std::error_code ec;
    if (!std::filesystem::is_regular_file(prj, ec) || std::filesystem::file_size(prj, ec) > 65'536) return std::nullopt;
    std::ifstream in(prj, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    OGRSpatialReference srs;
    if (srs.SetFromUserInput(text.str().c_str(), OGRSpatialReference::SET_FROM_USER_INPUT_LIMITATIONS) != OGRERR_NONE)
        return std::nullopt;
    char* wkt = nullptr;
    if (srs.exportToWkt(&wkt) != OGRERR_NONE) {
        CPLFree(wkt);
        return std::nullopt;
    }
    std::string out = wkt;
    CPLFree(wkt);
    return out;
}

std::string wgs84_wkt() {
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    char* wkt = nullptr;
    wgs84.exportToWkt(&wkt);
    std::string out = wkt;
    CPLFree(wkt);
    return out;
}

// The corners of the georeferenced area in the source's coordinates.
std::vector<std::pair<double, double>> georeferenced_corners(GDALDatasetH dataset, bool geotransform) {
    std::vector<std::pair<double, double>> corners;
    if (geotransform) {
        double gt[6];
        GDALGetGeoTransform(dataset, gt);
        const double w = GDALGetRasterXSize(dataset), h = GDALGetRasterYSize(dataset);
        for (const auto& [px, py] : {std::pair{0.0, 0.0}, {w, 0.0}, {0.0, h}, {w, h}})
            corners.emplace_back(gt[0] + px * gt[1] + py * gt[2], gt[3] + px * gt[4] + py * gt[5]);
        return corners;
    }
    const GDAL_GCP* gcps = GDALGetGCPs(dataset);
    for (int i = 0; i < GDALGetGCPCount(dataset); ++i) corners.emplace_back(gcps[i].dfGCPX, gcps[i].dfGCPY);
    return corners;
}

// Where the image lies and in which coordinate system. Returns the WKT of a
// coordinate system to assign (from a .prj, or WGS 84 for degrees), or ""
// when the file's own is used.
std::string georeferencing(GDALDatasetH dataset, const std::filesystem::path& path, const std::string& shown,
                           std::string& crs_name) {
    double gt[6];
    const bool geotransform = GDALGetGeoTransform(dataset, gt) == CE_None;
    const bool gcps = !geotransform && GDALGetGCPCount(dataset) >= 3;
    if (!geotransform && !gcps)
        throw Error(shown + ": no georeferencing (no GeoTIFF tags or world file beside it); muster cannot place it "
                            "on the map");
    if (geotransform && (!std::isfinite(gt[1] * gt[5] - gt[2] * gt[4]) || gt[1] * gt[5] - gt[2] * gt[4] == 0.0))
        throw Error(shown + ": its georeferencing gives pixels no size; muster cannot place it on the map");
    OGRSpatialReferenceH own = geotransform ? GDALGetSpatialRef(dataset) : GDALGetGCPSpatialRef(dataset);
    // An .aux.xml's SRS that could not be read (a URL, which is never
    // fetched) leaves an empty one: as good as none.
    if (own && !OGRSpatialReference::FromHandle(own)->IsEmpty()) {
        crs_name = OSRGetName(own) ? OSRGetName(own) : "";
        return "";
    }
    if (std::optional<std::string> prj = prj_beside(path)) {
        OGRSpatialReference srs(prj->c_str());
        crs_name = srs.GetName() ? srs.GetName() : "";
        return *prj;
    }
    for (const auto& [x, y] : georeferenced_corners(dataset, geotransform))
        if (!(x >= -180.0 && x <= 360.0 && y >= -90.0 && y <= 90.0))
            throw Error(shown + ": georeferenced without a coordinate system, and its coordinates are not "
                                "longitude/latitude degrees (put the CRS in a .prj beside it, or save it as a GeoTIFF)");
    crs_name = "WGS 84 (assumed: no coordinate system given)";
    return wgs84_wkt();
}

// Runs gdal_translate or gdalwarp (as their library calls) with these
// arguments; the MEM dataset made, or a refusal naming the file.
template <typename Options, typename NewOptions, typename FreeOptions, typename Run>
Dataset run_utility(const std::vector<std::string>& arguments, NewOptions make, FreeOptions free, Run run,
                    const std::string& failure) {
    CPLStringList argv;
    for (const std::string& argument : arguments) argv.AddString(argument.c_str());
    Options* options = make(argv.List(), nullptr);
    if (!options) throw Error(failure + gdal_reason());
    int usage_error = FALSE;
    Dataset out(run(options, &usage_error));
    free(options);
    if (!out || usage_error) throw Error(failure + gdal_reason());
    return out;
}

// The source in memory: colour table expanded, decimated to at most
// max_raster_image_side (averaging; the file's overviews when it has them),
// the coordinate system assigned where the file gives none. Reading every
// pixel here is where a damaged file shows.
Dataset read_source(GDALDatasetH source, const BandLayout& layout, const std::string& assigned_crs,
                    const std::string& failure) {
    std::vector<std::string> arguments{"-of", "MEM"};
    if (layout.palette) arguments.insert(arguments.end(), {"-expand", "rgba"});
    const int width = GDALGetRasterXSize(source), height = GDALGetRasterYSize(source);
    const int longest = std::max(width, height);
    if (longest > max_raster_image_side) {
        const double factor = static_cast<double>(max_raster_image_side) / longest;
        const int w = std::max(1, static_cast<int>(std::lround(width * factor)));
        const int h = std::max(1, static_cast<int>(std::lround(height * factor)));
        arguments.insert(arguments.end(), {"-outsize", std::to_string(w), std::to_string(h), "-r", "average"});
    }
    if (!assigned_crs.empty()) arguments.insert(arguments.end(), {"-a_srs", assigned_crs});
    return run_utility<GDALTranslateOptions>(
        arguments, GDALTranslateOptionsNew, GDALTranslateOptionsFree,
        [source](GDALTranslateOptions* options, int* usage_error) {
            return GDALTranslate("", source, options, usage_error);
        },
        failure);
}

std::string number(double value) {
    char text[64];
    std::snprintf(text, sizeof text, "%.17g", value);
    return text;
}

// The image's box and size in WGS 84 degrees, as GDAL suggests for the
// source's resolution, cut to the map's latitudes and at most
// max_raster_image_side on a side.
struct WarpTarget {
    Extent extent;
    int width = 0, height = 0;
};

WarpTarget warp_target(GDALDatasetH source, const std::string& shown) {
    Dataset suggested(GDALAutoCreateWarpedVRT(source, nullptr, wgs84_wkt().c_str(), GRA_Bilinear, 0.125, nullptr));
    if (!suggested)
        throw Error(shown + ": its coordinate system cannot be converted to WGS 84 longitude/latitude" + gdal_reason());
    double gt[6];
    GDALGetGeoTransform(suggested.get(), gt);
    const int w = GDALGetRasterXSize(suggested.get()), h = GDALGetRasterYSize(suggested.get());
    const double res_x = gt[1], res_y = -gt[5];
    WarpTarget target;
    target.extent = Extent{gt[0], gt[3] - res_y * h, gt[0] + res_x * w, gt[3]};
    if (!(res_x > 0 && res_y > 0) || !std::isfinite(target.extent.min_lon) || !std::isfinite(target.extent.max_lat))
        throw Error(shown + ": its georeferencing cannot be placed on the map");
    if (target.extent.min_lon < -540.0 || target.extent.max_lon > 540.0 || target.extent.min_lat > 90.0 ||
        target.extent.max_lat < -90.0)
        throw Error(shown + ": its georeferencing puts it off the world (longitudes " +
                    std::to_string(std::lround(target.extent.min_lon)) + " to " +
                    std::to_string(std::lround(target.extent.max_lon)) + ")");
    target.extent.min_lat = std::max(target.extent.min_lat, -map_max_lat);
    target.extent.max_lat = std::min(target.extent.max_lat, map_max_lat);
    if (target.extent.min_lat >= target.extent.max_lat)
        throw Error(shown + ": lies beyond 85 degrees of latitude, where the map ends");
    double columns = std::max(1.0, std::round(target.extent.width() / res_x));
    double rows = std::max(1.0, std::round(target.extent.height() / res_y));
    const double longest = std::max(columns, rows);
    if (longest > max_raster_image_side) {
        columns = std::max(1.0, std::round(columns * max_raster_image_side / longest));
        rows = std::max(1.0, std::round(rows * max_raster_image_side / longest));
    }
    target.width = static_cast<int>(columns);
    target.height = static_cast<int>(rows);
    return target;
}

Dataset warp_to_wgs84(GDALDatasetH source, const WarpTarget& target, const std::string& failure) {
    const std::vector<std::string> arguments{
        "-of", "MEM", "-t_srs", "EPSG:4326", "-r", "bilinear", "-dstalpha",
        "-te", number(target.extent.min_lon), number(target.extent.min_lat), number(target.extent.max_lon),
        number(target.extent.max_lat), "-ts", std::to_string(target.width), std::to_string(target.height)};
    return run_utility<GDALWarpAppOptions>(
        arguments, GDALWarpAppOptionsNew, GDALWarpAppOptionsFree,
        [source](GDALWarpAppOptions* options, int* usage_error) {
            GDALDatasetH sources[] = {source};
            return GDALWarp("", nullptr, 1, sources, options, usage_error);
        },
        failure);
}

// The warped bands (colours, then alpha) as RGBA8; values of other types
// than Byte stretched from their minimum to their maximum where opaque,
// reading one band at a time (as Float32) so memory stays near the image's.
void fill_rgba(GDALDatasetH warped, int colour_bands, RasterFile& file, const std::string& failure) {
    const int w = file.width, h = file.height;
    const std::size_t pixels = static_cast<std::size_t>(w) * static_cast<std::size_t>(h);
    if (GDALGetRasterCount(warped) != colour_bands + 1) throw Error(failure + " (unexpected bands after warping)");
    file.rgba.assign(pixels * 4, 0);
    auto read = [&](int band, GDALDataType type, void* into, int pixel_space) {
        if (GDALRasterIO(GDALGetRasterBand(warped, band), GF_Read, 0, 0, w, h, into, w, h, type, pixel_space,
                         pixel_space * w) != CE_None)
            throw Error(failure + gdal_reason());
    };
    auto opaque = [&file](std::size_t i) { return file.rgba[i * 4 + 3] != 0; };
    read(colour_bands + 1, GDT_Byte, file.rgba.data() + 3, 4);
    if (GDALGetRasterDataType(GDALGetRasterBand(warped, 1)) == GDT_Byte) {
        for (int band = 0; band < colour_bands; ++band) read(band + 1, GDT_Byte, file.rgba.data() + band, 4);
    } else {
        std::vector<float> values(pixels);
        float low = std::numeric_limits<float>::infinity(), high = -low;
        for (int band = 0; band < colour_bands; ++band) {
            read(band + 1, GDT_Float32, values.data(), sizeof(float));
            for (std::size_t i = 0; i < pixels; ++i)
                if (opaque(i) && std::isfinite(values[i])) low = std::min(low, values[i]), high = std::max(high, values[i]);
        }
        file.stretched = true;
        file.stretch_min = std::isfinite(low) ? low : 0.0;
        file.stretch_max = std::isfinite(high) ? high : 0.0;
        const double span = file.stretch_max - file.stretch_min;
        for (int band = 0; band < colour_bands; ++band) {
            read(band + 1, GDT_Float32, values.data(), sizeof(float));
            for (std::size_t i = 0; i < pixels; ++i) {
                if (!std::isfinite(values[i])) {
                    file.rgba[i * 4 + 3] = 0;
                    continue;
                }
                const double t = span > 0 ? (values[i] - file.stretch_min) / span : 0.5;
                file.rgba[i * 4 + static_cast<std::size_t>(band)] =
                    static_cast<std::uint8_t>(std::lround(std::clamp(t, 0.0, 1.0) * 255.0));
            }
        }
    }
    if (colour_bands == 1)
        for (std::size_t i = 0; i < pixels; ++i) file.rgba[i * 4 + 1] = file.rgba[i * 4 + 2] = file.rgba[i * 4];
    // Transparent pixels carry no colour (they blend to nothing either way).
    for (std::size_t i = 0; i < pixels; ++i)
        if (!opaque(i)) file.rgba[i * 4] = file.rgba[i * 4 + 1] = file.rgba[i * 4 + 2] = 0;
}

}  // namespace

const char* supported_raster_formats() { return "GeoTIFF, PNG or JPEG with a world file"; }

bool looks_like_raster_file(const std::filesystem::path& path) {
    if (is_remote_or_virtual(path.string())) return false;
    GDALAllRegister();
    keep_gdal_offline();
    const QuietGdal quiet;
    return GDALIdentifyDriverEx(path.c_str(), GDAL_OF_RASTER, allowed_drivers, nullptr) != nullptr;
}

RasterFile read_raster_file(const std::filesystem::path& path) {
    const std::string shown = path.string();
    require_readable_local_file(path, shown, "raster files");
    GDALAllRegister();
    keep_gdal_offline();
    const QuietGdal quiet;
    const std::string driver = choose_driver(path, shown);
    const Dataset dataset = open_with(path, shown, driver);
    const std::string failure = shown + ": cannot read as " + format_label(driver);

    RasterFile file;
    file.path = path;
    file.name = path.filename().string();
    file.format = format_label(driver);
    check_size(dataset.get(), shown);
    file.source_width = GDALGetRasterXSize(dataset.get());
    file.source_height = GDALGetRasterYSize(dataset.get());
    file.source_bands = GDALGetRasterCount(dataset.get());
    const BandLayout layout = band_layout(dataset.get(), shown);
    file.source_type = GDALGetDataTypeName(layout.type);
    const std::string assigned_crs = georeferencing(dataset.get(), path, shown, file.crs);

    const Dataset source = read_source(dataset.get(), layout, assigned_crs, failure);
    const WarpTarget target = warp_target(source.get(), shown);
    const Dataset warped = warp_to_wgs84(source.get(), target, failure);
    file.width = target.width;
    file.height = target.height;
    file.extent = target.extent;
    fill_rgba(warped.get(), layout.palette ? 3 : layout.colour_bands, file, failure);
    return file;
}

}  // namespace muster
