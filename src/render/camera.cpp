#include "render/camera.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace muster {
namespace {

constexpr double tile_size = 256.0;
constexpr double two_pi = 2.0 * std::numbers::pi;

double radians(double degrees) { return degrees * std::numbers::pi / 180.0; }
double degrees(double radians) { return radians * 180.0 / std::numbers::pi; }

// The world framing used by world_view(): wide enough for every inhabited place.
constexpr Extent world_framing{-180.0, -58.0, 180.0, 78.0};

}  // namespace

double mercator_y(double lat_degrees) {
    const double lat = std::clamp(lat_degrees, -mercator_max_lat, mercator_max_lat);
    return std::log(std::tan(std::numbers::pi / 4.0 + radians(lat) / 2.0));
}

double lat_from_mercator_y(double y) { return degrees(2.0 * std::atan(std::exp(y)) - std::numbers::pi / 2.0); }

double wrap_longitude(double lon) {
    double wrapped = std::fmod(lon + 180.0, 360.0);
    if (wrapped < 0.0) wrapped += 360.0;
    return wrapped - 180.0;
}

Camera::Camera(PixelSize viewport) : viewport_(viewport) { apply_limits(); }

Camera Camera::world_view(PixelSize viewport) { return fit(world_framing, viewport); }

Camera Camera::fit(const Extent& extent, PixelSize viewport) {
    Camera camera(viewport);
    const double y_top = mercator_y(extent.max_lat);
    const double y_bottom = mercator_y(extent.min_lat);
    const double world_fraction_x = extent.width() / 360.0;
    const double world_fraction_y = std::max(y_top - y_bottom, 1e-9) / two_pi;
    const double zoom_x = std::log2(viewport.width / (world_fraction_x * tile_size));
    const double zoom_y = std::log2(viewport.height / (world_fraction_y * tile_size));
    camera.zoom_ = std::min(zoom_x, zoom_y);
    camera.centre_ = {lat_from_mercator_y((y_top + y_bottom) / 2.0), (extent.min_lon + extent.max_lon) / 2.0};
    camera.apply_limits();
    return camera;
}

double Camera::min_zoom() const { return std::log2(std::max(viewport_.width, 1) / tile_size); }

double Camera::world_pixels() const { return tile_size * std::exp2(zoom_); }

void Camera::set_centre(LatLon centre) {
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

void Camera::apply_limits() {
    viewport_.width = std::max(viewport_.width, 1);
    viewport_.height = std::max(viewport_.height, 1);
    zoom_ = std::clamp(zoom_, min_zoom(), max_zoom);
    centre_.lon = wrap_longitude(centre_.lon);
    // Keep the top and bottom edges inside the Mercator square when the world
    // is taller than the view; otherwise centre the world vertically.
    const double half_view_y = viewport_.height / 2.0 * two_pi / world_pixels();
    const double y_limit = std::numbers::pi;  // mercator_y(mercator_max_lat)
    const double y = mercator_y(centre_.lat);
    const double clamped = half_view_y < y_limit ? std::clamp(y, -y_limit + half_view_y, y_limit - half_view_y) : 0.0;
    centre_.lat = lat_from_mercator_y(clamped);
}

ScreenPoint Camera::to_screen(LatLon position) const {
    const double dlon = wrap_longitude(position.lon - centre_.lon);
    const double dy = mercator_y(centre_.lat) - mercator_y(position.lat);
    return {viewport_.width / 2.0 + dlon * pixels_per_degree(), viewport_.height / 2.0 + dy * world_pixels() / two_pi};
}

LatLon Camera::to_lonlat(ScreenPoint point) const {
    const double lon = centre_.lon + (point.x - viewport_.width / 2.0) / pixels_per_degree();
    const double y = mercator_y(centre_.lat) - (point.y - viewport_.height / 2.0) * two_pi / world_pixels();
    return {std::clamp(lat_from_mercator_y(y), -mercator_max_lat, mercator_max_lat), wrap_longitude(lon)};
}

void Camera::zoom_about(ScreenPoint anchor, double new_zoom) {
    const LatLon fixed = to_lonlat(anchor);
    zoom_ = std::clamp(new_zoom, min_zoom(), max_zoom);
    // Put the centre where it must be for `fixed` to land on `anchor` again.
    const double lon = fixed.lon - (anchor.x - viewport_.width / 2.0) / pixels_per_degree();
    const double y = mercator_y(fixed.lat) + (anchor.y - viewport_.height / 2.0) * two_pi / world_pixels();
    centre_ = {lat_from_mercator_y(y), lon};
    apply_limits();
}

void Camera::pan_by_pixels(double dx, double dy) {
    const double lon = centre_.lon - dx / pixels_per_degree();
    const double y = mercator_y(centre_.lat) + dy * two_pi / world_pixels();
    centre_ = {lat_from_mercator_y(y), lon};
    apply_limits();
}

Extent Camera::visible_extent() const {
    const double half_width_deg = viewport_.width / 2.0 / pixels_per_degree();
    const LatLon top = to_lonlat({viewport_.width / 2.0, 0.0});
    const LatLon bottom = to_lonlat({viewport_.width / 2.0, static_cast<double>(viewport_.height)});
    return {centre_.lon - half_width_deg, bottom.lat, centre_.lon + half_width_deg, top.lat};
}

}  // namespace muster
