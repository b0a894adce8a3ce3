#include "render/projection.hpp"

#include "core/error.hpp"

#include <proj.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <map>
#include <mutex>
#include <numbers>

namespace muster {
namespace {

constexpr double pi = std::numbers::pi;
constexpr double nan = std::numeric_limits<double>::quiet_NaN();

double radians(double degrees) { return degrees * pi / 180.0; }
double degrees(double radians) { return radians * 180.0 / pi; }

// Points along the domain's edge: enough for a smooth circle at any zoom
// the edge is seen whole at.
constexpr int outline_points = 720;
// Forward batches go to PROJ in slices of this many points, taking the lock
// once per slice, so the window's own calls wait at most a slice.
constexpr std::size_t batch_slice = 4096;

// The point at angular distance `distance_deg` from `from` along initial
// bearing `bearing_deg`, on the sphere.
LatLon spherical_destination(LatLon from, double bearing_deg, double distance_deg) {
    const double lat1 = radians(from.lat), lon1 = radians(from.lon);
    const double d = radians(distance_deg), bearing = radians(bearing_deg);
    const double lat2 = std::asin(std::clamp(
        std::sin(lat1) * std::cos(d) + std::cos(lat1) * std::sin(d) * std::cos(bearing), -1.0, 1.0));
    const double lon2 = lon1 + std::atan2(std::sin(bearing) * std::sin(d) * std::cos(lat1),
                                          std::cos(d) - std::sin(lat1) * std::sin(lat2));
    return {degrees(lat2), wrap_longitude(degrees(lon2))};
}

bool finite(MapPoint p) { return std::isfinite(p.x) && std::isfinite(p.y); }

// ------------------------------------------------------------------ Web Mercator

class WebMercator final : public Projection {
public:
    WebMercator() {
        id_ = "EPSG:3857";
        name_ = "WGS 84 / Pseudo-Mercator";
        domain_.wraps = true;
        domain_.max_lat = mercator_max_lat;
        world_units_ = 2.0 * pi * web_mercator_radius;
        period_ = world_units_;
        finish_setup();
    }

private:
    void forward_raw(double* lonlat, std::size_t n) const override {
        for (std::size_t i = 0; i < n; ++i) {
            double* p = lonlat + 2 * i;
            const double lat = p[1];
            p[0] = web_mercator_radius * radians(p[0]);
            p[1] = web_mercator_radius * mercator_y(lat);
        }
    }
    std::optional<LatLon> inverse_raw(MapPoint p) const override {
        return LatLon{lat_from_mercator_y(p.y / web_mercator_radius), degrees(p.x / web_mercator_radius)};
    }
};

// ------------------------------------------------------------------ PROJ

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// The value of "+key=" in a PROJ string, if present.
std::optional<double> proj_parameter(const std::string& proj_string, const std::string& key) {
    const std::string needle = "+" + key + "=";
    const auto at = proj_string.find(needle);
    if (at == std::string::npos) return std::nullopt;
    try {
        return std::stod(proj_string.substr(at + needle.size()));
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::string proj_method(const std::string& proj_string) {
    const auto at = proj_string.find("+proj=");
    if (at == std::string::npos) return {};
    const auto start = at + 6;
    return proj_string.substr(start, proj_string.find(' ', start) - start);
}

class ProjProjection final : public Projection {
public:
    // Throws muster::Error.
    explicit ProjProjection(const std::string& crs) {
        id_ = crs;
        context_ = proj_context_create();
        // A constructor that throws runs no destructor: free what PROJ gave
        // here (every unknown CRS typed leaked a PROJ context; found by fuzzing).
        try {
            open(crs);
        } catch (...) {
            release();
            throw;
        }
    }
    ~ProjProjection() override { release(); }

private:
    void open(const std::string& crs) {
        proj_log_level(context_, PJ_LOG_NONE);  // errors become our one-line messages
        PJ* target = proj_create(context_, crs.c_str());
        if (!target) throw Error("unknown CRS");
        try {
            setup(target);
        } catch (...) {
            proj_destroy(target);
            throw;  // the constructor releases the rest
        }
        proj_destroy(target);
    }

    void release() {
        if (transform_) proj_destroy(transform_);
        transform_ = nullptr;
        if (context_) proj_context_destroy(context_);  // null would be PROJ's default context
        context_ = nullptr;
    }

    void setup(PJ* target) {
        const PJ_TYPE type = proj_get_type(target);
        const bool geographic = type == PJ_TYPE_GEOGRAPHIC_2D_CRS;
        if (type != PJ_TYPE_PROJECTED_CRS && !geographic)
            throw Error("not a map projection (a projected or 2D geographic CRS is needed)");
        if (const char* name = proj_get_name(target)) name_ = name;
        world_units_ = reference_equator(target, geographic);

        PJ* raw = proj_create_crs_to_crs(context_, "EPSG:4326", id_.c_str(), nullptr);
        if (!raw) throw Error("no conversion from WGS 84 known");
        transform_ = proj_normalize_for_visualization(context_, raw);
        proj_destroy(raw);
        if (!transform_) throw Error("no conversion from WGS 84 known");

        if (const auto period = cylindrical_period()) {
            domain_.wraps = true;
            period_ = *period;
            double pole[2] = {0.0, 90.0};
            forward_raw(pole, 1);
            domain_.max_lat = std::isfinite(pole[1]) && std::abs(pole[1]) < 10.0 * period_ ? 90.0 : mercator_max_lat;
        } else {
            domain_ = cap_domain(target);
        }
        finish_setup();
        if (bounds_.empty()) throw Error("PROJ cannot project any of the world into it");
    }

    // The reference equator's length in the CRS's units, from the first
    // axis's unit (metres, feet, degrees).
    double reference_equator(PJ* target, bool geographic) const {
        double factor = geographic ? pi / 180.0 : 1.0;
        if (PJ* cs = proj_crs_get_coordinate_system(context_, target)) {
            double conversion = 0.0;
            if (proj_cs_get_axis_info(context_, cs, 0, nullptr, nullptr, nullptr, &conversion, nullptr, nullptr,
                                      nullptr) &&
                conversion > 0.0)
                factor = conversion;
            proj_destroy(cs);
        }
        // Angular units convert to radians, linear ones to metres.
        return geographic ? 2.0 * pi / factor : 2.0 * pi * web_mercator_radius / factor;
    }

    // When x is a linear function of longitude alone with the seam at +-180
    // and y one of latitude alone, the map can repeat east and west: the
    // period (x of 360 degrees). Checked on a small grid of points.
    std::optional<double> cylindrical_period() const {
        const double lons[] = {-179.5, -90.0, 0.0, 90.0, 179.5};
        const double lats[] = {-60.0, 0.0, 60.0};
        std::vector<double> grid;
        for (const double lat : lats)
            for (const double lon : lons) grid.insert(grid.end(), {lon, lat});
        forward_raw(grid.data(), grid.size() / 2);
        const double slope = grid[2 * 3] / 90.0;  // x at (90 E, -60): per degree
        if (!std::isfinite(slope) || slope <= 0.0) return std::nullopt;
        for (std::size_t row = 0; row < 3; ++row)
            for (std::size_t column = 0; column < 5; ++column) {
                const double x = grid[2 * (row * 5 + column)], y = grid[2 * (row * 5 + column) + 1];
                const double y_first = grid[2 * (row * 5) + 1];
                if (!std::isfinite(x) || !std::isfinite(y)) return std::nullopt;
                if (std::abs(x - slope * lons[column]) > 1e-6 * slope * 180.0) return std::nullopt;
                if (std::abs(y - y_first) > 1e-6 * slope * 180.0) return std::nullopt;
            }
        return slope * 360.0;
    }

    // A spherical cap around the projection's centre: a hemisphere for
    // azimuthal projections, else the area of use and a margin around it.
    ProjectionDomain cap_domain(PJ* target) const {
        const char* text = proj_as_proj_string(context_, target, PJ_PROJ_5, nullptr);
        const std::string proj_string = text ? text : "";
        double west = -180, south = -90, east = 180, north = 90;
        const bool has_area = proj_get_area_of_use(context_, target, &west, &south, &east, &north, nullptr) &&
                              west > -1000.0;
        if (east < west) east += 360.0;  // an area across the antimeridian
        const LatLon area_centre{(south + north) / 2.0, wrap_longitude((west + east) / 2.0)};

        ProjectionDomain domain;
        domain.wraps = false;
        domain.centre = {proj_parameter(proj_string, "lat_0").value_or(area_centre.lat),
                         proj_parameter(proj_string, "lon_0").value_or(area_centre.lon)};
        const std::string method = proj_method(proj_string);
        const bool azimuthal = method == "laea" || method == "aeqd" || method == "stere" || method == "sterea" ||
                               method == "ortho";
        if (azimuthal || !has_area) {
            domain.radius_deg = 90.0;
        } else {
            double reach = 0.0;
            for (const double lat : {south, (south + north) / 2.0, north})
                for (const double lon : {west, (west + east) / 2.0, east})
                    reach = std::max(reach, angular_distance(domain.centre, {lat, lon}));
            domain.radius_deg = std::clamp(reach + 15.0, 30.0, 90.0);
        }
        // Shrink until PROJ answers everywhere along the edge (a projection
        // with a singularity inside the cap would tear the map).
        for (; domain.radius_deg > 10.0; domain.radius_deg -= 10.0) {
            bool all_finite = true;
            std::vector<double> ring;
            for (int i = 0; i < 72; ++i) {
                const LatLon p = spherical_destination(domain.centre, i * 5.0, domain.radius_deg);
                ring.insert(ring.end(), {p.lon, p.lat});
            }
            forward_raw(ring.data(), ring.size() / 2);
            for (const double v : ring) all_finite = all_finite && std::isfinite(v) && std::abs(v) < 1e9;
            if (all_finite) break;
        }
        return domain;
    }

    void forward_raw(double* lonlat, std::size_t n) const override {
        std::lock_guard lock(mutex_);
        constexpr std::size_t stride = 2 * sizeof(double);
        proj_trans_generic(transform_, PJ_FWD, lonlat, stride, n, lonlat + 1, stride, n, nullptr, 0, 0, nullptr, 0, 0);
        proj_errno_reset(transform_);
    }

    std::optional<LatLon> inverse_raw(MapPoint p) const override {
        std::lock_guard lock(mutex_);
        PJ_COORD coordinate = proj_coord(p.x, p.y, 0.0, 0.0);
        const PJ_COORD back = proj_trans(transform_, PJ_INV, coordinate);
        proj_errno_reset(transform_);
        if (!std::isfinite(back.xy.x) || !std::isfinite(back.xy.y)) return std::nullopt;
        return LatLon{back.xy.y, back.xy.x};
    }

    PJ_CONTEXT* context_ = nullptr;
    PJ* transform_ = nullptr;
    mutable std::mutex mutex_;
};

std::string cache_key(const std::string& crs) {
    std::string key = crs;
    std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::toupper(c); });
    return key;
}

}  // namespace

// ------------------------------------------------------------------ helpers

MapBox MapBox::empty_box() {
    constexpr double inf = std::numeric_limits<double>::infinity();
    return {inf, inf, -inf, -inf};
}

double mercator_y(double lat_degrees) {
    const double lat = std::clamp(lat_degrees, -mercator_max_lat, mercator_max_lat);
    return std::log(std::tan(pi / 4.0 + radians(lat) / 2.0));
}

double lat_from_mercator_y(double y) { return degrees(2.0 * std::atan(std::exp(y)) - pi / 2.0); }

double wrap_longitude(double lon) {
    double wrapped = std::fmod(lon + 180.0, 360.0);
    if (wrapped < 0.0) wrapped += 360.0;
    return wrapped - 180.0;
}

double angular_distance(LatLon a, LatLon b) {
    // Haversine: accurate for small and large angles alike.
    const double dlat = radians(b.lat - a.lat), dlon = radians(b.lon - a.lon);
    const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                     std::cos(radians(a.lat)) * std::cos(radians(b.lat)) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return degrees(2.0 * std::asin(std::sqrt(std::clamp(h, 0.0, 1.0))));
}

bool in_cap(const ProjectionDomain& domain, LatLon p) {
    // cos(angle) from the dot product of the unit vectors: cheaper than the
    // haversine, and the comparison needs no inverse trigonometry.
    const double lat0 = radians(domain.centre.lat), lat = radians(p.lat);
    const double cos_angle = std::sin(lat0) * std::sin(lat) +
                             std::cos(lat0) * std::cos(lat) * std::cos(radians(p.lon - domain.centre.lon));
    return cos_angle >= std::cos(radians(domain.radius_deg)) - 1e-12;
}

// ------------------------------------------------------------------ Projection

double Projection::metres_per_unit() const { return 2.0 * pi * web_mercator_radius / world_units_; }

bool Projection::in_domain(LatLon p) const {
    if (!std::isfinite(p.lat) || !std::isfinite(p.lon) || std::abs(p.lat) > 90.0) return false;
    if (domain_.wraps) return std::abs(p.lat) <= domain_.max_lat + 1e-9;
    return in_cap(domain_, p);
}

std::optional<MapPoint> Projection::forward(LatLon p) const {
    double point[2] = {p.lon, p.lat};
    forward_slice(point, 1);
    const MapPoint result{point[0], point[1]};
    if (!finite(result)) return std::nullopt;
    return result;
}

void Projection::forward_in_place(std::vector<double>& lonlat) const {
    const std::size_t n = lonlat.size() / 2;
    for (std::size_t first = 0; first < n; first += batch_slice)
        forward_slice(lonlat.data() + 2 * first, std::min(batch_slice, n - first));
}

void Projection::forward_slice(double* lonlat, std::size_t n) const {
    // Wrapping: project the longitude's copy in [-180, 180) and shift by
    // whole periods afterwards; latitudes clamped to the domain. Otherwise
    // points off the domain are not projected at all.
    double shifts[batch_slice];
    for (std::size_t i = 0; i < n; ++i) {
        double& lon = lonlat[2 * i];
        double& lat = lonlat[2 * i + 1];
        if (domain_.wraps) {
            const double wrapped = wrap_longitude(lon);
            shifts[i] = std::round((lon - wrapped) / 360.0) * period_;
            lon = wrapped;
            lat = std::clamp(lat, -domain_.max_lat, domain_.max_lat);
        } else if (!in_domain({lat, lon})) {
            lon = lat = nan;
        }
    }
    forward_raw(lonlat, n);
    for (std::size_t i = 0; i < n; ++i) {
        double& x = lonlat[2 * i];
        double& y = lonlat[2 * i + 1];
        if (!std::isfinite(x) || !std::isfinite(y))
            x = y = nan;
        else if (domain_.wraps)
            x += shifts[i];
    }
}

std::optional<LatLon> Projection::inverse(MapPoint p) const {
    if (!finite(p)) return std::nullopt;
    if (domain_.wraps) {
        if (p.y < bounds_.min_y - 1e-9 * period_ || p.y > bounds_.max_y + 1e-9 * period_) return std::nullopt;
        p.x -= std::floor((p.x - bounds_.min_x) / period_) * period_;  // into the first period
    }
    std::optional<LatLon> place = inverse_raw(p);
    if (!place) return std::nullopt;
    place->lon = wrap_longitude(place->lon);
    if (domain_.wraps) {
        place->lat = std::clamp(place->lat, -domain_.max_lat, domain_.max_lat);
        return place;
    }
    if (!in_domain(*place)) return std::nullopt;
    return place;
}

void Projection::finish_setup() {
    bounds_ = MapBox::empty_box();
    outline_.clear();
    if (domain_.wraps) {
        std::vector<double> edges{0.0, domain_.max_lat, 0.0, -domain_.max_lat};
        forward_raw(edges.data(), 2);
        bounds_ = {-period_ / 2.0, std::min(edges[1], edges[3]), period_ / 2.0, std::max(edges[1], edges[3])};
        return;
    }
    std::vector<double> ring;
    ring.reserve(2 * outline_points + 2);
    for (int i = 0; i < outline_points; ++i) {
        const LatLon p = spherical_destination(domain_.centre, 360.0 * i / outline_points, domain_.radius_deg);
        ring.insert(ring.end(), {p.lon, p.lat});
    }
    ring.insert(ring.end(), {domain_.centre.lon, domain_.centre.lat});
    forward_raw(ring.data(), ring.size() / 2);
    for (std::size_t i = 0; i < ring.size(); i += 2) {
        const MapPoint p{ring[i], ring[i + 1]};
        if (!finite(p)) continue;
        bounds_.add(p);
        if (i + 2 < ring.size()) outline_.push_back(p);  // the last is the centre
    }
}

// ------------------------------------------------------------------ factory

const ProjectionPtr& web_mercator() {
    static const ProjectionPtr instance = std::make_shared<WebMercator>();
    return instance;
}

ProjectionPtr make_projection(const std::string& crs) {
    const std::string text = trimmed(crs);
    const std::string key = cache_key(text);
    if (key == "EPSG:3857") return web_mercator();
    static std::mutex mutex;
    static std::map<std::string, ProjectionPtr> made;
    std::lock_guard lock(mutex);
    if (const auto found = made.find(key); found != made.end()) return found->second;
    if (text.empty()) throw Error("unknown CRS");
    // A bare PROJ string is a conversion to PROJ; "+type=crs" makes it the CRS a user means.
    const bool bare_proj_string = text.rfind("+proj=", 0) == 0 && text.find("+type=crs") == std::string::npos;
    ProjectionPtr projection = std::make_shared<ProjProjection>(bare_proj_string ? text + " +type=crs" : text);
    made.emplace(key, projection);
    return projection;
}

}  // namespace muster
