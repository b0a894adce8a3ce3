#include "export/vector_export.hpp"

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "export/geojson.hpp"
#include "geodata/quiet_gdal.hpp"
#include "scenario/scenario_json.hpp"

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

namespace muster {
namespace {

using nlohmann::json;

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

struct DatasetCloser {
    void operator()(GDALDataset* dataset) const { GDALClose(GDALDataset::ToHandle(dataset)); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

std::string gdal_reason(const char* fallback) {
    const char* message = CPLGetLastErrorMsg();
    return message && *message ? message : fallback;
}

// The layers, in file order, and the contract's `kind` each holds
// (annotations: any of label, arrow, line, area, in one layer of mixed
// geometries).
struct LayerSpec {
    const char* name;
    const char* kind;
    OGRwkbGeometryType geometry;
};
constexpr LayerSpec layer_specs[] = {
    {"places", "place", wkbPoint},
    {"figures", "figure", wkbPoint},
    {"borders", "border", wkbMultiLineString},
    {"annotations", "annotation", wkbUnknown},
};

bool is_annotation_kind(const std::string& kind) {
    return kind == "label" || kind == "arrow" || kind == "line" || kind == "area";
}

// Whether a feature goes into the layer: its kind, or any annotation kind.
bool belongs(const LayerSpec& spec, const std::string& kind) {
    return std::string(spec.kind) == "annotation" ? is_annotation_kind(kind) : kind == spec.kind;
}

// A property's name in the file: KML keeps `begin`/`end` for time spans.
std::string field_name(const std::string& property, VectorFormat format) {
    if (format == VectorFormat::kml && (property == "start" || property == "end")) return "text_" + property;
    return property;
}

// One column per property (nlohmann::json keeps keys sorted, so columns
// come in alphabetical order); Real where any feature has a fraction,
// Integer where all are whole (Integer64 past 32 bits), else String.
struct Column {
    std::string property;
    OGRFieldType type = OFTString;
};

std::vector<Column> columns_of(const std::vector<const json*>& features) {
    std::vector<Column> columns;
    std::map<std::string, std::size_t> index;
    for (const json* feature : features) {
        for (const auto& [key, value] : (*feature)["properties"].items()) {
            const bool whole = value.is_number_integer();
            const bool wide = whole && (value.get<std::int64_t>() > INT32_MAX || value.get<std::int64_t>() < INT32_MIN);
            const OGRFieldType type = whole ? (wide ? OFTInteger64 : OFTInteger) : value.is_number() ? OFTReal : OFTString;
            auto [it, added] = index.emplace(key, columns.size());
            if (added) {
                columns.push_back({key, type});
            } else {
                Column& column = columns[it->second];
                const auto is_number = [](OGRFieldType t) { return t == OFTInteger || t == OFTInteger64 || t == OFTReal; };
                if (column.type == type) continue;
                if (!is_number(column.type) || !is_number(type)) column.type = OFTString;
                else if (column.type == OFTReal || type == OFTReal) column.type = OFTReal;
                else column.type = OFTInteger64;
            }
        }
    }
    return columns;
}

// The label a KML viewer shows for a feature.
std::string kml_label(const json& properties) {
    const std::string kind = properties.value("kind", "");
    if (kind == "place") return properties.value("name", "");
    if (kind == "figure") return properties.value("text", "");
    if (is_annotation_kind(kind)) return properties.value("text", kind);
    return properties.value("a", "") + "\u2013" + properties.value("b", "") + " border";
}

std::unique_ptr<OGRGeometry> geometry_of(const json& geometry) {
    if (geometry.is_null()) return nullptr;
    const std::string type = geometry.value("type", "");
    // Annotations' shapes, whatever they are, as OGR reads GeoJSON.
    if (type != "Point" && type != "MultiLineString")
        return std::unique_ptr<OGRGeometry>(
            OGRGeometry::FromHandle(OGR_G_CreateGeometryFromJson(geometry.dump().c_str())));
    const json& coordinates = geometry["coordinates"];
    if (type == "Point") return std::make_unique<OGRPoint>(coordinates[0].get<double>(), coordinates[1].get<double>());
    auto lines = std::make_unique<OGRMultiLineString>();
    for (const json& line : coordinates) {
        OGRLineString part;
        for (const json& p : line) part.addPoint(p[0].get<double>(), p[1].get<double>());
        lines->addGeometry(&part);
    }
    return lines;
}

void set_field(OGRFeature& feature, int index, const json& value) {
    if (value.is_number_integer()) feature.SetField(index, static_cast<GIntBig>(value.get<std::int64_t>()));
    else if (value.is_number()) feature.SetField(index, value.get<double>());
    else if (value.is_string()) feature.SetField(index, value.get<std::string>().c_str());
    else feature.SetField(index, value.dump().c_str());
}

void write_layer(GDALDataset& dataset, const LayerSpec& spec, const std::vector<const json*>& features,
                 VectorFormat format, OGRSpatialReference& wgs84) {
    OGRLayer* layer = dataset.CreateLayer(spec.name, &wgs84, spec.geometry, nullptr);
    if (!layer) throw std::runtime_error(gdal_reason("cannot create a layer"));
    std::vector<Column> columns = columns_of(features);
    // KML shows a Placemark by its <name>, which OGR fills from a `name`
    // field: places have one; figures and borders get their label there.
    if (format == VectorFormat::kml && std::string(spec.kind) != "place")
        columns.insert(columns.begin(), {"name", OFTString});
    // Drivers may keep fields in their own order (KML turns `name` into the
    // Placemark's <name>): each column's index is looked up by name.
    std::vector<int> indexes;
    for (const Column& column : columns) {
        const std::string name = field_name(column.property, format);
        OGRFieldDefn definition(name.c_str(), column.type);
        if (layer->CreateField(&definition) != OGRERR_NONE)
            throw std::runtime_error(gdal_reason("cannot create a field"));
        indexes.push_back(layer->GetLayerDefn()->GetFieldIndex(name.c_str()));
    }
    for (const json* source : features) {
        const json& properties = (*source)["properties"];
        OGRFeature feature(layer->GetLayerDefn());
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const int index = indexes[i];
            if (index < 0) continue;
            if (columns[i].property == "name" && format == VectorFormat::kml) {
                feature.SetField(index, kml_label(properties).c_str());
                continue;
            }
            const auto found = properties.find(columns[i].property);
            if (found == properties.end()) continue;  // absent stays absent (unset, not "")
            if (columns[i].type == OFTString && !found->is_string()) feature.SetField(index, found->dump().c_str());
            else set_field(feature, index, *found);
        }
        if (auto geometry = geometry_of((*source)["geometry"])) {
            geometry->assignSpatialReference(&wgs84);
            feature.SetGeometry(geometry.get());
        }
        if (layer->CreateFeature(&feature) != OGRERR_NONE)
            throw std::runtime_error(gdal_reason("cannot write a feature"));
    }
}

void write_with_ogr(const json& collection, const std::filesystem::path& file, VectorFormat format) {
    GDALAllRegister();
    CPLErrorReset();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(format == VectorFormat::kml ? "KML" : "GPKG");
    if (!driver) throw std::runtime_error("GDAL has no driver for this format");
    DatasetPtr dataset(driver->Create(file.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!dataset) throw std::runtime_error(gdal_reason("cannot create the file"));
    OGRSpatialReference wgs84;
    if (wgs84.importFromEPSG(4326) != OGRERR_NONE) throw std::runtime_error("PROJ does not know EPSG:4326");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    for (const LayerSpec& spec : layer_specs) {
        std::vector<const json*> features;
        for (const json& feature : collection["features"])
            if (belongs(spec, feature["properties"].value("kind", ""))) features.push_back(&feature);
        // Only scenarios with annotations get their layer: extraction's files stay as they were.
        if (features.empty() && std::string(spec.kind) == "annotation") continue;
        write_layer(*dataset, spec, features, format, wgs84);
    }
    GDALDataset* closing = dataset.release();
    GDALClose(GDALDataset::ToHandle(closing));  // writes what is buffered
    if (CPLGetLastErrorType() >= CE_Failure) throw std::runtime_error(gdal_reason("cannot finish the file"));
}

}  // namespace

std::optional<VectorFormat> vector_format_for(const std::filesystem::path& file) {
    const std::string extension = lower(file.extension().string());
    if (extension == ".geojson") return VectorFormat::geojson;
    if (extension == ".gpkg") return VectorFormat::geopackage;
    if (extension == ".kml") return VectorFormat::kml;
    return std::nullopt;
}

const char* to_string(VectorFormat format) {
    switch (format) {
        case VectorFormat::geojson: return "GeoJSON";
        case VectorFormat::geopackage: return "GeoPackage";
        case VectorFormat::kml: return "KML";
    }
    return "?";
}

void write_vector_file(const scenario::Scenario& scenario, const std::filesystem::path& target, VectorFormat format) {
    const json collection = to_geojson(scenario);
    if (format == VectorFormat::geojson) {
        write_bytes_atomically(target, scenario::dump_json(collection));
        return;
    }
    QuietGdal quiet;
    write_file_atomically(target, [&](const std::filesystem::path& temp) {
        try {
            write_with_ogr(collection, temp, format);
        } catch (...) {
            // SQLite's journal beside a failed GeoPackage.
            std::error_code ignored;
            std::filesystem::remove(temp.string() + "-journal", ignored);
            std::filesystem::remove(temp.string() + "-wal", ignored);
            std::filesystem::remove(temp.string() + "-shm", ignored);
            throw;
        }
    });
}

}  // namespace muster
