#include "geodata/borders.hpp"

#include "core/error.hpp"
#include "geodata/geopackage.hpp"

#include <GeographicLib/Geodesic.hpp>
#include <ogrsf_frmts.h>

#include <memory>

namespace muster {

namespace {

std::unique_ptr<OGRGeometry> country_geometry(GDALDataset& dataset, const std::filesystem::path& gpkg,
                                              std::string_view iso_a2) {
    OGRLayer* layer = dataset.GetLayerByName("countries_10m");
    if (!layer) throw Error(gpkg.string() + ": no layer countries_10m (run tools/build-geodata.sh)");
    std::string code;
    for (char c : iso_a2)  // the code goes into SQL: keep letters only
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) code += static_cast<char>(c & ~0x20);
    layer->SetAttributeFilter(("iso_a2 = '" + code + "'").c_str());
    layer->ResetReading();
    std::unique_ptr<OGRFeature> feature(layer->GetNextFeature());
    layer->SetAttributeFilter(nullptr);
    if (!feature || !feature->GetGeometryRef())
        throw Error(gpkg.string() + ": no country with ISO code '" + std::string(iso_a2) + "' in countries_10m");
    return std::unique_ptr<OGRGeometry>(feature->StealGeometry());
}

void append_line(const OGRLineString& line, std::vector<std::vector<LatLon>>& lines) {
    std::vector<LatLon> points;
    points.reserve(static_cast<std::size_t>(line.getNumPoints()));
    for (int i = 0; i < line.getNumPoints(); ++i) points.push_back({line.getY(i), line.getX(i)});
    if (points.size() >= 2) lines.push_back(std::move(points));
}

// Collects the linear parts of an intersection (which may also hold points
// where the countries only touch at a corner).
void collect_lines(const OGRGeometry& geometry, std::vector<std::vector<LatLon>>& lines) {
    switch (wkbFlatten(geometry.getGeometryType())) {
        case wkbLineString: append_line(*geometry.toLineString(), lines); break;
        case wkbMultiLineString:
        case wkbGeometryCollection:
            for (const OGRGeometry* part : *geometry.toGeometryCollection()) collect_lines(*part, lines);
            break;
        default: break;
    }
}

}  // namespace

double geodesic_length_km(const std::vector<LatLon>& line) {
    const GeographicLib::Geodesic& wgs84 = GeographicLib::Geodesic::WGS84();
    double metres = 0.0;
    for (std::size_t i = 1; i < line.size(); ++i) {
        double segment = 0.0;
        wgs84.Inverse(line[i - 1].lat, line[i - 1].lon, line[i].lat, line[i].lon, segment);
        metres += segment;
    }
    return metres / 1000.0;
}

std::optional<SharedBorder> shared_border(const std::filesystem::path& gpkg, std::string_view a, std::string_view b) {
    const GDALDatasetUniquePtr dataset = open_geopackage(gpkg);
    const auto first = country_geometry(*dataset, gpkg, a);
    const auto second = country_geometry(*dataset, gpkg, b);
    const std::unique_ptr<OGRGeometry> first_boundary(first->Boundary());
    const std::unique_ptr<OGRGeometry> second_boundary(second->Boundary());
    if (!first_boundary || !second_boundary) return std::nullopt;
    // Neighbours' boundaries coincide only to about a metre in the committed
    // GeoPackage, not vertex for vertex: an exact intersection of Russia's and
    // Ukraine's gives 182 km of points and scraps, not the 1,524 km border.
    // So the common border is the part of one boundary within kSnapDegrees of
    // the other. The boundary with fewer vertices is the one buffered (Ukraine's
    // takes 0.1 s, Russia's 2.4 s).
    constexpr double kSnapDegrees = 1e-5;  // about 1 m
    const bool first_smaller = first_boundary->WkbSize() <= second_boundary->WkbSize();
    const OGRGeometry& buffered = first_smaller ? *first_boundary : *second_boundary;
    const OGRGeometry& clipped = first_smaller ? *second_boundary : *first_boundary;
    const std::unique_ptr<OGRGeometry> zone(buffered.Buffer(kSnapDegrees));
    if (!zone) return std::nullopt;
    const std::unique_ptr<OGRGeometry> common(clipped.Intersection(zone.get()));
    if (!common) return std::nullopt;

    SharedBorder border{std::string(a), std::string(b), 0.0, {}};
    std::vector<std::vector<LatLon>> lines;
    collect_lines(*common, lines);
    // Countries that meet only at a corner leave a few metres of boundary in
    // the zone: no border.
    constexpr double kMinPartKm = 0.05;
    for (auto& line : lines) {
        const double km = geodesic_length_km(line);
        if (km < kMinPartKm) continue;
        border.length_km += km;
        border.lines.push_back(std::move(line));
    }
    if (border.lines.empty()) return std::nullopt;
    return border;
}

}  // namespace muster
