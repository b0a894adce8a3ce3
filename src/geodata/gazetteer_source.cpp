#include "geodata/gazetteer_source.hpp"

#include "core/error.hpp"
#include "geodata/geopackage.hpp"

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <string_view>
#include <system_error>

namespace muster::gazetteer_source {
namespace fs = std::filesystem;

namespace {

const char* const kRebuildHint = "rebuild it with tools/build-geodata.sh";

// A layer and the indices of the fields we read from it, checked up front so
// a wrong GeoPackage gives one clear error instead of empty names.
class LayerReader {
public:
    LayerReader(GDALDataset& dataset, const fs::path& gpkg, const char* layer_name) : gpkg_(gpkg), name_(layer_name) {
        layer_ = dataset.GetLayerByName(layer_name);
        if (!layer_) throw Error(gpkg.string() + ": no layer '" + name_ + "' (" + kRebuildHint + ")");
    }

    [[nodiscard]] int field(const char* field_name) const {
        const int index = layer_->GetLayerDefn()->GetFieldIndex(field_name);
        if (index < 0)
            throw Error(gpkg_.string() + ": layer '" + name_ + "' has no field '" + field_name + "' (" +
                        kRebuildHint + ")");
        return index;
    }

    [[nodiscard]] OGRLayer& layer() const { return *layer_; }

private:
    const fs::path& gpkg_;
    std::string name_;
    OGRLayer* layer_ = nullptr;
};

std::string text(const OGRFeature& feature, int field) { return feature.GetFieldAsString(field); }

// lat/lon of a Point geometry; false when the feature has none.
bool point_of(const OGRFeature& feature, double& lat, double& lon) {
    const OGRGeometry* geometry = feature.GetGeometryRef();
    if (!geometry || wkbFlatten(geometry->getGeometryType()) != wkbPoint || geometry->IsEmpty()) return false;
    const OGRPoint* point = geometry->toPoint();
    lon = point->getX();
    lat = point->getY();
    return true;
}

std::vector<std::string> split_on(std::string_view joined, char separator) {
    std::vector<std::string> parts;
    while (!joined.empty()) {
        const auto cut = joined.find(separator);
        const std::string_view part = joined.substr(0, cut);
        if (!part.empty()) parts.emplace_back(part);
        if (cut == std::string_view::npos) break;
        joined.remove_prefix(cut + 1);
    }
    return parts;
}

constexpr double kDegToRad = 3.14159265358979323846 / 180.0;

// A polygon's area in squared degrees of latitude, with longitude shrunk by
// the cosine of its centroid's latitude: close enough to compare the parts
// of one country (Canada's Arctic islands are not inflated by high latitude).
double approximate_area(const OGRPolygon& polygon) {
    OGRPoint centroid;
    if (polygon.Centroid(&centroid) != OGRERR_NONE) return 0.0;
    return polygon.get_Area() * std::cos(centroid.getY() * kDegToRad);
}

// A country's mainland: its largest polygon, and the share of the country's
// area it holds.
struct Mainland {
    const OGRGeometry* polygon = nullptr;
    double share = 1.0;
};

Mainland find_mainland(const OGRGeometry& geometry) {
    if (!OGR_GT_IsSubClassOf(wkbFlatten(geometry.getGeometryType()), wkbGeometryCollection)) return {&geometry, 1.0};
    Mainland mainland;
    double largest = -1.0, total = 0.0;
    for (const OGRGeometry* part : *geometry.toGeometryCollection()) {
        const double area = approximate_area(*part->toPolygon());
        total += area;
        if (area > largest) {
            largest = area;
            mainland.polygon = part;
        }
    }
    mainland.share = total > 0.0 ? largest / total : 1.0;
    return mainland;
}

// The point that stands for a country: its published point (world-countries'
// latlng, from the CIA World Factbook, which encyclopaedias and gazetteers
// share), unless that point, given in whole degrees, lies more than
// kMaxPointOffsetKm from the centroid of the country's mainland (the United
// States' 38 N 97 W against 39.8 N 98.6 W): then that centroid. Only where
// the mainland is most of the country (kMinMainlandShare of its area): the
// centroid of Borneo's part of Indonesia, of Luzon or of New Zealand's South
// Island stands for an archipelago worse than the published point does.
// Skipped when the centroid falls outside the mainland (crescent shapes).
void use_mainland_centre_if_far(const OGRFeature& feature, Country& country) {
    constexpr double kMaxPointOffsetKm = 200.0;
    constexpr double kMinMainlandShare = 0.8;
    const OGRGeometry* geometry = feature.GetGeometryRef();
    if (!geometry || geometry->IsEmpty()) return;
    const Mainland mainland = find_mainland(*geometry);
    if (!mainland.polygon || mainland.share < kMinMainlandShare) return;
    OGRPoint centroid;
    if (mainland.polygon->Centroid(&centroid) != OGRERR_NONE || !mainland.polygon->Contains(&centroid)) return;
    const double lat = centroid.getY(), lon = centroid.getX();
    const double x = (lon - country.lon) * kDegToRad * std::cos((lat + country.lat) / 2 * kDegToRad);
    const double y = (lat - country.lat) * kDegToRad;
    if (6371.0 * std::sqrt(x * x + y * y) <= kMaxPointOffsetKm) return;
    country.lat = lat;
    country.lon = lon;
}

std::vector<Country> read_countries(GDALDataset& dataset, const fs::path& gpkg) {
    LayerReader reader(dataset, gpkg, "countries_10m");
    const int iso_a2 = reader.field("iso_a2"), iso_a3 = reader.field("iso_a3"), name = reader.field("name"),
              official = reader.field("name_official"), demonym = reader.field("demonym"),
              alt_names = reader.field("alt_names"), point_lat = reader.field("point_lat"),
              point_lon = reader.field("point_lon");
    std::vector<Country> countries;
    for (const auto& feature : reader.layer()) {
        Country country;
        country.iso_a2 = text(*feature, iso_a2);
        // Natural Earth features without an ISO code (Somaliland, Baikonur,
        // Dhekelia, reefs) have no identity a caller could ask for.
        if (country.iso_a2.size() != 2) continue;
        country.iso_a3 = text(*feature, iso_a3);
        country.name = text(*feature, name);
        country.name_official = text(*feature, official);
        country.demonym = text(*feature, demonym);
        country.alt_names = split_on(feature->GetFieldAsString(alt_names), '|');
        country.lat = feature->GetFieldAsDouble(point_lat);
        country.lon = feature->GetFieldAsDouble(point_lon);
        use_mainland_centre_if_far(*feature, country);
        countries.push_back(std::move(country));
    }
    return countries;
}

std::vector<Admin1> read_admin1(GDALDataset& dataset, const fs::path& gpkg) {
    LayerReader reader(dataset, gpkg, "admin1");
    const int country = reader.field("country"), admin1 = reader.field("admin1"), name = reader.field("name");
    std::vector<Admin1> regions;
    for (const auto& feature : reader.layer()) {
        Admin1 region;
        if (!point_of(*feature, region.lat, region.lon)) continue;
        region.country = text(*feature, country);
        region.admin1 = text(*feature, admin1);
        region.name = text(*feature, name);
        if (region.country.size() == 2 && !region.admin1.empty() && !region.name.empty())
            regions.push_back(std::move(region));
    }
    return regions;
}

std::vector<Admin2> read_admin2(GDALDataset& dataset, const fs::path& gpkg) {
    LayerReader reader(dataset, gpkg, "admin2");
    const int country = reader.field("country"), admin1 = reader.field("admin1"), admin2 = reader.field("admin2"),
              name = reader.field("name");
    std::vector<Admin2> areas;
    areas.reserve(static_cast<std::size_t>(std::max<GIntBig>(0, reader.layer().GetFeatureCount())));
    for (const auto& feature : reader.layer()) {
        Admin2 area;
        if (!point_of(*feature, area.lat, area.lon)) continue;
        area.country = text(*feature, country);
        area.admin1 = text(*feature, admin1);
        area.admin2 = text(*feature, admin2);
        area.name = text(*feature, name);
        if (area.country.size() == 2 && !area.admin1.empty() && !area.admin2.empty() && !area.name.empty())
            areas.push_back(std::move(area));
    }
    return areas;
}

std::vector<Place> read_places(GDALDataset& dataset, const fs::path& gpkg) {
    LayerReader reader(dataset, gpkg, "places");
    const int geonameid = reader.field("geonameid"), name = reader.field("name"),
              asciiname = reader.field("asciiname"), alt_names = reader.field("alt_names"),
              feature_code = reader.field("feature_code"), country = reader.field("country"),
              admin1 = reader.field("admin1"), admin2 = reader.field("admin2"),
              population = reader.field("population");
    std::vector<Place> places;
    places.reserve(static_cast<std::size_t>(std::max<GIntBig>(0, reader.layer().GetFeatureCount())));
    for (const auto& feature : reader.layer()) {
        Place place;
        if (!point_of(*feature, place.lat, place.lon)) continue;
        place.geonameid = feature->GetFieldAsInteger64(geonameid);
        place.name = text(*feature, name);
        if (place.geonameid <= 0 || place.name.empty()) continue;
        place.asciiname = text(*feature, asciiname);
        place.alt_names = text(*feature, alt_names);
        place.feature_code = text(*feature, feature_code);
        place.country = text(*feature, country);
        place.admin1 = text(*feature, admin1);
        place.admin2 = text(*feature, admin2);
        place.population = std::max<std::int64_t>(0, feature->GetFieldAsInteger64(population));
        places.push_back(std::move(place));
    }
    return places;
}

}  // namespace

Contents read_geopackage(const fs::path& gpkg) {
    GDALDatasetUniquePtr dataset = open_geopackage(gpkg);
    Contents contents;
    contents.countries = read_countries(*dataset, gpkg);
    contents.admin1 = read_admin1(*dataset, gpkg);
    contents.admin2 = read_admin2(*dataset, gpkg);
    contents.places = read_places(*dataset, gpkg);
    if (contents.places.empty()) throw Error(gpkg.string() + ": layer 'places' is empty (" + kRebuildHint + ")");
    return contents;
}

}  // namespace muster::gazetteer_source
