#include "render/camera.hpp"

#include <GeographicLib/Geodesic.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <vector>

namespace muster {
namespace {

constexpr double tile_size = 256.0;

// The world framing used by world_view() in wrapping projections: wide
// enough for every inhabited place.
constexpr Extent world_framing{-180.0, -58.0, 180.0, 78.0};

// Room left around a non-wrapping projection's domain at the lowest zoom,
// as a fraction of its size, so the disc of LAEA does not touch the edges.
constexpr double domain_margin = 0.04;

// Points sampled along each side of a box or of the viewport where straight
// lines in one space are curves in the other.
constexpr int samples_per_side = 16;

// The centre along one axis: clamped so the view [v - half, v + half] stays
// inside [low, high] when it fits, else the middle of [low, high].
double clamp_axis(double v, double low, double high, double half) {
    if (2.0 * half < high - low) return std::clamp(v, low + half, high - half);
    return (low + high) / 2.0;
}

// The zoom at which units_per_pixel plane units make one pixel.
double zoom_for(double units_per_pixel, const Projection& projection) {
    return std::log2(projection.world_units() / (tile_size * units_per_pixel));
}

// Where the extent lies in the plane: its corners for wrapping projections
// (straight meridians and parallels), else samples along its sides and
// inside, leaving out what is beyond the domain.
MapBox plane_box_of(const Extent& extent, const Projection& projection) {
    MapBox box = MapBox::empty_box();
    const int steps = projection.wraps() ? 1 : samples_per_side;
    for (int i = 0; i <= steps; ++i)
        for (int j = 0; j <= steps; ++j) {
            const LatLon p{extent.min_lat + extent.height() * i / steps, extent.min_lon + extent.width() * j / steps};
            if (const auto at = projection.forward(p)) box.add(*at);
        }
    return box;
}

}  // namespace

Camera::Camera(PixelSize viewport, ProjectionPtr projection)
    : viewport_(viewport), projection_(projection ? std::move(projection) : web_mercator()) {
    const LatLon start = projection_->wraps() ? LatLon{0.0, 0.0} : projection_->domain().centre;
    centre_ = projection_->forward(start).value_or(projection_->bounds().centre());
    apply_limits();
}

Camera Camera::world_view(PixelSize viewport, ProjectionPtr projection) {
    if (!projection) projection = web_mercator();
    if (projection->wraps()) return fit(world_framing, viewport, projection);
    Camera camera(viewport, projection);
    camera.zoom_ = -std::numeric_limits<double>::infinity();  // the limits give the whole domain
    camera.centre_ = camera.projection_->bounds().centre();
    camera.apply_limits();
    return camera;
}

Camera Camera::fit(const Extent& extent, PixelSize viewport, ProjectionPtr projection) {
    Camera camera(viewport, std::move(projection));
    const MapBox box = plane_box_of(extent, *camera.projection_);
    if (box.empty()) return world_view(viewport, camera.projection_);
    const double units_per_pixel = std::max({box.width() / camera.viewport_.width,
                                             box.height() / camera.viewport_.height, 1e-9});
    camera.zoom_ = zoom_for(units_per_pixel, *camera.projection_);
    camera.centre_ = box.centre();
    camera.apply_limits();
    return camera;
}

LatLon Camera::centre() const {
    if (const auto place = projection_->inverse(centre_)) return *place;
    return edge_place(centre_);
}

double Camera::min_zoom() const {
    const Projection& p = *projection_;
    const double width = std::max(viewport_.width, 1), height = std::max(viewport_.height, 1);
    if (p.wraps()) return zoom_for(p.period() / width, p);
    const MapBox& b = p.bounds();
    return zoom_for(std::max(b.width() / width, b.height() / height) * (1.0 + domain_margin), p);
}

double Camera::world_pixels() const { return tile_size * std::exp2(zoom_); }

double Camera::units_per_pixel() const { return projection_->world_units() / world_pixels(); }

double Camera::wrap_pixels() const { return projection_->wraps() ? projection_->period() / units_per_pixel() : 0.0; }

void Camera::set_centre(LatLon centre) {
    if (const auto at = projection_->forward(centre)) {
        centre_ = *at;
    } else {
        // Off the domain: step towards the domain's centre until on it.
        const LatLon middle = projection_->domain().centre;
        LatLon inside = middle, outside = centre;
        for (int i = 0; i < 50; ++i) {
            const LatLon half{(inside.lat + outside.lat) / 2.0,
                              inside.lon + wrap_longitude(outside.lon - inside.lon) / 2.0};
            (projection_->in_domain(half) ? inside : outside) = half;
        }
        centre_ = projection_->forward(inside).value_or(projection_->bounds().centre());
    }
    apply_limits();
}

void Camera::set_centre_point(MapPoint centre) {
    centre_ = centre;
    apply_limits();
}

void Camera::set_zoom(double zoom) {
    zoom_ = zoom;
    apply_limits();
}

void Camera::set_viewport(PixelSize viewport) {
    viewport_ = viewport;
    apply_limits();
}

void Camera::set_projection(ProjectionPtr projection) {
    if (!projection) projection = web_mercator();
    if (projection == projection_) return;
    const ScreenPoint middle{viewport_.width / 2.0, viewport_.height / 2.0};
    const LatLon here = centre();
    const double ground = metres_per_pixel_at(middle);
    projection_ = std::move(projection);
    set_centre(here);
    // Metres per pixel scale with units per pixel, so one step matches them.
    const double now = metres_per_pixel_at(middle);
    if (ground > 0.0 && now > 0.0) zoom_ += std::log2(now / ground);
    apply_limits();
}

void Camera::apply_limits() {
    viewport_.width = std::max(viewport_.width, 1);
    viewport_.height = std::max(viewport_.height, 1);
    zoom_ = std::clamp(zoom_, min_zoom(), max_zoom);
    const Projection& p = *projection_;
    const MapBox& b = p.bounds();
    const double half_x = viewport_.width / 2.0 * units_per_pixel();
    const double half_y = viewport_.height / 2.0 * units_per_pixel();
    if (p.wraps())
        centre_.x = b.min_x + (centre_.x - b.min_x) - std::floor((centre_.x - b.min_x) / p.period()) * p.period();
    else
        centre_.x = clamp_axis(centre_.x, b.min_x, b.max_x, half_x);
    centre_.y = clamp_axis(centre_.y, b.min_y, b.max_y, half_y);
}

// ------------------------------------------------------------------ conversions

ScreenPoint Camera::plane_to_screen(MapPoint point) const {
    const double scale = 1.0 / units_per_pixel();
    return {viewport_.width / 2.0 + (point.x - centre_.x) * scale,
            viewport_.height / 2.0 - (point.y - centre_.y) * scale};
}

MapPoint Camera::to_plane(ScreenPoint point) const {
    const double upp = units_per_pixel();
    return {centre_.x + (point.x - viewport_.width / 2.0) * upp, centre_.y - (point.y - viewport_.height / 2.0) * upp};
}

std::optional<ScreenPoint> Camera::screen_position(LatLon position) const {
    auto at = projection_->forward(position);
    if (!at) return std::nullopt;
    if (projection_->wraps()) {
        // The copy nearest the centre: dx in [-period/2, period/2).
        const double period = projection_->period();
        const double dx = at->x - centre_.x;
        at->x = centre_.x + dx - std::floor(dx / period + 0.5) * period;
    }
    return plane_to_screen(*at);
}

ScreenPoint Camera::to_screen(LatLon position) const { return screen_position(position).value_or(off_map); }

std::optional<LatLon> Camera::lonlat_at(ScreenPoint point) const { return projection_->inverse(to_plane(point)); }

LatLon Camera::to_lonlat(ScreenPoint point) const {
    const MapPoint at = to_plane(point);
    if (const auto place = projection_->inverse(at)) return *place;
    return edge_place(at);
}

LatLon Camera::edge_place(MapPoint point) const {
    const Projection& p = *projection_;
    if (p.wraps()) {
        point.y = std::clamp(point.y, p.bounds().min_y, p.bounds().max_y);
        return p.inverse(point).value_or(LatLon{});
    }
    // Bisect along the line from the domain's centre to the point.
    const MapPoint origin = p.forward(p.domain().centre).value_or(p.bounds().centre());
    double inside = 0.0, outside = 1.0;
    for (int i = 0; i < 50; ++i) {
        const double t = (inside + outside) / 2.0;
        (p.inverse({origin.x + (point.x - origin.x) * t, origin.y + (point.y - origin.y) * t}) ? inside : outside) = t;
    }
    const MapPoint edge{origin.x + (point.x - origin.x) * inside, origin.y + (point.y - origin.y) * inside};
    return p.inverse(edge).value_or(p.domain().centre);
}

double Camera::detail_zoom() const {
    if (projection_ == web_mercator()) return zoom_;
    const double ground = metres_per_pixel_at({viewport_.width / 2.0, viewport_.height / 2.0});
    if (!(ground > 0.0)) return zoom_;
    // Mercator's plane metres per pixel for that ground scale at this latitude.
    const double lat = std::clamp(centre().lat, -mercator_max_lat, mercator_max_lat);
    const double mercator_units = ground / std::cos(lat * std::numbers::pi / 180.0);
    return std::log2(web_mercator()->world_units() / (tile_size * mercator_units));
}

double Camera::metres_per_pixel_at(ScreenPoint point) const {
    constexpr double half_span_px = 2.0;
    std::optional<LatLon> west = lonlat_at({point.x - half_span_px, point.y});
    std::optional<LatLon> east = lonlat_at({point.x + half_span_px, point.y});
    double span_px = 2.0 * half_span_px;
    const std::optional<LatLon> here = lonlat_at(point);
    if (!here) return 0.0;
    if (!west) west = here, span_px -= half_span_px;
    if (!east) east = here, span_px -= half_span_px;
    if (span_px <= 0.0) return 0.0;
    double metres = 0.0;
    GeographicLib::Geodesic::WGS84().Inverse(west->lat, west->lon, east->lat, east->lon, metres);
    return metres / span_px;
}

// ------------------------------------------------------------------ movement

void Camera::zoom_about(ScreenPoint anchor, double new_zoom) {
    const MapPoint fixed = to_plane(anchor);
    zoom_ = std::clamp(new_zoom, min_zoom(), max_zoom);
    // Put the centre where it must be for `fixed` to land on `anchor` again.
    const double upp = units_per_pixel();
    centre_ = {fixed.x - (anchor.x - viewport_.width / 2.0) * upp, fixed.y + (anchor.y - viewport_.height / 2.0) * upp};
    apply_limits();
}

void Camera::pan_by_pixels(double dx, double dy) {
    const double upp = units_per_pixel();
    centre_.x -= dx * upp;
    centre_.y += dy * upp;
    apply_limits();
}

MapBox Camera::visible_box() const {
    const double half_x = viewport_.width / 2.0 * units_per_pixel();
    const double half_y = viewport_.height / 2.0 * units_per_pixel();
    return {centre_.x - half_x, centre_.y - half_y, centre_.x + half_x, centre_.y + half_y};
}

Extent Camera::visible_extent() const {
    const Projection& p = *projection_;
    const LatLon middle = centre();
    const double width = viewport_.width, height = viewport_.height;
    if (p.wraps()) {
        // Meridians are vertical lines, evenly spaced; parallels horizontal.
        const double half_width_deg = width / 2.0 * units_per_pixel() * 360.0 / p.period();
        const LatLon top = to_lonlat({width / 2.0, 0.0});
        const LatLon bottom = to_lonlat({width / 2.0, height});
        return {middle.lon - half_width_deg, bottom.lat, middle.lon + half_width_deg, top.lat};
    }
    Extent extent{middle.lon, middle.lat, middle.lon, middle.lat};
    auto add = [&](LatLon place) {
        const double lon = middle.lon + wrap_longitude(place.lon - middle.lon);
        extent.min_lon = std::min(extent.min_lon, lon);
        extent.max_lon = std::max(extent.max_lon, lon);
        extent.min_lat = std::min(extent.min_lat, place.lat);
        extent.max_lat = std::max(extent.max_lat, place.lat);
    };
    for (int i = 0; i <= samples_per_side; ++i) {
        const double fx = width * i / samples_per_side, fy = height * i / samples_per_side;
        for (const ScreenPoint s : {ScreenPoint{fx, 0.0}, ScreenPoint{fx, height}, ScreenPoint{0.0, fy},
                                    ScreenPoint{width, fy}})
            add(to_lonlat(s));
    }
    // A pole in view: every longitude meets there.
    for (const double pole : {90.0, -90.0}) {
        const auto at = screen_position({pole, 0.0});
        if (at && at->x >= 0.0 && at->x <= width && at->y >= 0.0 && at->y <= height) {
            extent.min_lat = std::min(extent.min_lat, pole);
            extent.max_lat = std::max(extent.max_lat, pole);
            extent.min_lon = middle.lon - 180.0;
            extent.max_lon = middle.lon + 180.0;
        }
    }
    return extent;
}

}  // namespace muster
