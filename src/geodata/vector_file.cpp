#include "geodata/vector_file.hpp"

#include "core/error.hpp"
#include "core/local_path.hpp"
#include "geodata/gdal_offline.hpp"
#include "geodata/quiet_gdal.hpp"

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <memory>
#include <string_view>

namespace muster {
namespace {

// The drivers muster opens user files with, and nothing else (see the header).
constexpr const char* allowed_drivers[] = {"GeoJSON", "GPKG",       "ESRI Shapefile", "KML",
                                           "LIBKML",  "FlatGeobuf", "CSV",            nullptr};

// GDAL's CSV driver finds points in columns with these names (any case).
constexpr const char* csv_open_options[] = {"X_POSSIBLE_NAMES=lon,long,longitude,lng,x",
                                            "Y_POSSIBLE_NAMES=lat,latitude,y", "KEEP_GEOM_COLUMNS=NO", nullptr};

std::string with_thousands(std::size_t value) {
    std::string digits = std::to_string(value);
    for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) digits.insert(static_cast<std::size_t>(at), ",");
    return digits;
}

// Names of formats as users know them (GDAL's driver names are terse).
std::string format_label(const std::string& driver) {
    if (driver == "GPKG") return "GeoPackage";
    if (driver == "ESRI Shapefile") return "Shapefile";
    if (driver == "LIBKML") return "KML";
    return driver;
}


// The first bytes of a file the CSV driver claimed (it goes by the
// extension): XML, JSON or binary data is something else named .csv.
std::string_view csv_impostor_kind(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string head(4096, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (head.find('\0') != std::string::npos) return "binary data";
    const std::size_t first = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (first == std::string::npos) return "";
    if (head[first] == '<') return "XML";
    if (head[first] == '{' || head[first] == '[') return "JSON";
    return "";
}

// What GDAL would take the file for among all its vector drivers but
// `except` ("" when none).
std::string other_vector_driver(const std::filesystem::path& path, const std::string& except) {
    std::vector<std::string> names;
    for (int i = 0; i < GDALGetDriverCount(); ++i) {
        GDALDriverH driver = GDALGetDriver(i);
        if (GDALGetMetadataItem(driver, GDAL_DCAP_VECTOR, nullptr) && except != GDALGetDriverShortName(driver))
            names.emplace_back(GDALGetDriverShortName(driver));
    }
    std::vector<const char*> list;
    for (const std::string& name : names) list.push_back(name.c_str());
    list.push_back(nullptr);
    GDALDriverH found = GDALIdentifyDriverEx(path.c_str(), GDAL_OF_VECTOR, list.data(), nullptr);
    return found ? GDALGetDriverShortName(found) : "";
}

// The allowed driver that will open the file; a clear refusal otherwise.
std::string choose_driver(const std::filesystem::path& path, const std::string& shown) {
    const std::string formats = std::string(" (muster reads ") + supported_vector_formats() + ")";
    GDALDriverH driver = GDALIdentifyDriverEx(path.c_str(), GDAL_OF_VECTOR, allowed_drivers, nullptr);
    if (!driver) {
        GDALDriverH other = GDALIdentifyDriverEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr);
        if (other) throw Error(shown + ": " + GDALGetDriverShortName(other) + " files are not read" + formats);
        throw Error(shown + ": not a vector file" + formats);
    }
    const std::string name = GDALGetDriverShortName(driver);
    if (name == "CSV") {
        const std::string_view impostor = csv_impostor_kind(path);
        if (!impostor.empty()) {
            const std::string other = other_vector_driver(path, name);
            const bool allowed = std::any_of(std::begin(allowed_drivers), std::end(allowed_drivers) - 1,
                                             [&](const char* allowed_name) { return other == allowed_name; });
            if (allowed) return other;  // e.g. GeoJSON saved as .csv: read it for what it is
            throw Error(shown + ": not a CSV file but " + (other.empty() ? std::string(impostor) : other) + formats);
        }
    }
    return name;
}

GDALDatasetUniquePtr open_with(const std::filesystem::path& path, const std::string& shown, const std::string& driver) {
    const char* const only[] = {driver.c_str(), nullptr};
    GDALDatasetUniquePtr dataset(GDALDataset::FromHandle(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                                                    only,
                                                                    driver == "CSV" ? csv_open_options : nullptr,
                                                                    nullptr)));
    if (!dataset) throw Error(shown + ": cannot read as " + format_label(driver) + QuietGdal::reason());
    return dataset;
}

// ------------------------------------------------------------------ geometry

// Everything a layer's features add up to, and whether any coordinate lies
// outside longitude/latitude degrees.
struct Collector {
    VectorGeometry& out;
    bool out_of_range = false;

    std::vector<LatLon> points_of(const OGRSimpleCurve& curve) {
        std::vector<LatLon> points;
        points.reserve(static_cast<std::size_t>(curve.getNumPoints()));
        for (int i = 0; i < curve.getNumPoints(); ++i) {
            const LatLon p{curve.getY(i), curve.getX(i)};
            if (!std::isfinite(p.lat) || !std::isfinite(p.lon)) continue;
            if (std::abs(p.lat) > 90.0 || std::abs(p.lon) > 360.0) out_of_range = true;
            if (!points.empty() && points.back() == p) continue;  // repeated vertices draw nothing
            points.push_back(p);
        }
        return points;
    }

    void add(const OGRGeometry& geometry) {
        switch (wkbFlatten(geometry.getGeometryType())) {
            case wkbPoint: {
                const auto& point = *geometry.toPoint();
                const LatLon p{point.getY(), point.getX()};
                if (!std::isfinite(p.lat) || !std::isfinite(p.lon)) return;
                if (std::abs(p.lat) > 90.0 || std::abs(p.lon) > 360.0) out_of_range = true;
                out.points.push_back(p);
                return;
            }
            case wkbLineString:
            case wkbLinearRing: {
                std::vector<LatLon> line = points_of(*geometry.toSimpleCurve());
                if (line.size() >= 2) out.lines.push_back(std::move(line));
                return;
            }
            case wkbPolygon: {
                std::vector<std::vector<LatLon>> rings;
                for (const OGRLinearRing* ring : *geometry.toPolygon()) {
                    std::vector<LatLon> points = points_of(*ring);
                    if (points.size() >= 2 && points.front() == points.back()) points.pop_back();
                    if (points.size() >= 3) rings.push_back(std::move(points));
                    else if (rings.empty()) return;  // no outer ring: nothing to fill
                }
                if (!rings.empty()) out.polygons.push_back(std::move(rings));
                return;
            }
            case wkbMultiPoint:
            case wkbMultiLineString:
            case wkbMultiPolygon:
            case wkbGeometryCollection:
                for (const OGRGeometry* part : *geometry.toGeometryCollection())
                    if (part) add(*part);
                return;
            default:
                // Curves (arcs, compound curves, curve polygons...) and
                // surfaces: their straight-line approximation.
                if (geometry.hasCurveGeometry()) {
                    std::unique_ptr<OGRGeometry> linear(geometry.getLinearGeometry());
                    if (linear && !linear->hasCurveGeometry()) add(*linear);
                }
                return;
        }
    }
};

const OGRSpatialReference& wgs84_gis_order() {
    static const OGRSpatialReference wgs84 = [] {
        OGRSpatialReference srs;
        srs.SetWellKnownGeogCS("WGS84");
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        return srs;
    }();
    return wgs84;
}

// The transformation from the layer's coordinates to WGS 84 lon/lat; none
// when the layer says nothing (taken as WGS 84) or already is WGS 84.
std::unique_ptr<OGRCoordinateTransformation> to_wgs84(OGRLayer& layer, const std::string& shown) {
    const OGRSpatialReference* source = layer.GetSpatialRef();
    if (!source) return nullptr;
    OGRSpatialReference from(*source);
    from.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (from.IsSame(&wgs84_gis_order())) return nullptr;
    std::unique_ptr<OGRCoordinateTransformation> transform(
        OGRCreateCoordinateTransformation(&from, &wgs84_gis_order()));
    if (!transform)
        throw Error(shown + ": layer '" + layer.GetName() + "': its coordinate system cannot be converted to WGS 84" +
                    QuietGdal::reason());
    return transform;
}

std::optional<Extent> extent_of(const VectorGeometry& geometry) {
    std::optional<Extent> box;
    auto include = [&box](LatLon p) {
        if (!box) box = Extent{p.lon, p.lat, p.lon, p.lat};
        box = Extent{std::min(box->min_lon, p.lon), std::min(box->min_lat, p.lat), std::max(box->max_lon, p.lon),
                     std::max(box->max_lat, p.lat)};
    };
    for (const LatLon& p : geometry.points) include(p);
    for (const auto& line : geometry.lines)
        for (const LatLon& p : line) include(p);
    for (const auto& polygon : geometry.polygons)
        for (const LatLon& p : polygon.front()) include(p);
    return box;
}

}  // namespace

const char* supported_vector_formats() {
    return "GeoJSON, GeoPackage, Shapefile, KML, FlatGeobuf, CSV with lon/lat columns";
}

bool looks_like_vector_file(const std::filesystem::path& path) {
    if (is_remote_or_virtual(path.string())) return false;
    GDALAllRegister();
    keep_gdal_offline();
    const QuietGdal quiet;
    return GDALIdentifyDriverEx(path.c_str(), GDAL_OF_VECTOR, allowed_drivers, nullptr) != nullptr;
}

VectorFile read_vector_file(const std::filesystem::path& path, std::size_t max_features) {
    const std::string shown = path.string();
    require_readable_local_file(path, shown, "vector files");
    GDALAllRegister();
    keep_gdal_offline();
    const QuietGdal quiet;
    const std::string driver = choose_driver(path, shown);
    GDALDatasetUniquePtr dataset = open_with(path, shown, driver);

    VectorFile file;
    file.path = path;
    file.name = path.filename().string();
    file.format = format_label(driver);
    Collector collector{file.geometry};
    bool any_feature = false;
    for (OGRLayer* layer : dataset->GetLayers()) {
        const std::unique_ptr<OGRCoordinateTransformation> transform = to_wgs84(*layer, shown);
        layer->ResetReading();
        for (auto& feature : *layer) {
            any_feature = true;
            OGRGeometry* geometry = feature->GetGeometryRef();
            if (!geometry || geometry->IsEmpty()) continue;
            if (++file.features > max_features)
                throw Error(shown + ": too many features (over " + with_thousands(max_features) + ")");
            // Points outside the coordinate system's area cannot be placed: left out.
            if (transform && geometry->transform(transform.get()) != OGRERR_NONE) {
                --file.features;
                continue;
            }
            collector.add(*geometry);
        }
        // Metres in a file that says nothing (GeoJSON and CSV then mean WGS 84).
        if (collector.out_of_range)
            throw Error(shown + ": coordinates are not longitude/latitude degrees (a file in another coordinate "
                                "system must name it: save it as WGS 84, or add a .prj)");
    }
    if (!any_feature) throw Error(shown + ": no features");
    if (file.features == 0)
        throw Error(shown + ": no features with a geometry" +
                    (driver == "CSV" ? " (a CSV needs lon and lat columns, or a WKT column)" : ""));
    file.extent = extent_of(file.geometry);
    return file;
}

}  // namespace muster
