// The map camera: what part of the Web Mercator (EPSG:3857) world a viewport
// shows, and conversions between screen pixels and longitude/latitude.
//
// Conventions
//   * Screen coordinates are pixels of the drawable, origin at the top-left
//     corner, y growing downwards; pixel (i, j) covers [i, i+1) x [j, j+1).
//   * zoom follows the web-map tile convention: at zoom z the whole world
//     (360 degrees of longitude) is 256 * 2^z pixels wide.
//   * Longitudes wrap: the centre is kept in [-180, 180) and to_screen() places
//     a point at its copy nearest the centre, so a Pacific view is continuous.
//   * Latitudes are limited to Web Mercator's +-85.0511 degrees.
//
// Limits that keep the map sensible (applied after every change):
//   * zoom >= min_zoom(): the world is at least as wide as the viewport, so
//     no place is ever shown twice side by side;
//   * zoom <= max_zoom (street level is beyond our data);
//   * the centre latitude is clamped so the view does not run past the
//     Mercator square's top or bottom when the world is taller than the view.
#pragma once

#include "core/geo.hpp"

namespace muster {

struct ScreenPoint {
    double x = 0.0;
    double y = 0.0;
};

// Web Mercator's latitude limit: the world is a square in this projection.
inline constexpr double mercator_max_lat = 85.05112877980659;

// Mercator ordinate in radians: ln(tan(pi/4 + lat/2)), lat clamped to the limit.
double mercator_y(double lat_degrees);
double lat_from_mercator_y(double y);
// Longitude brought into [-180, 180).
double wrap_longitude(double lon);

class Camera {
public:
    static constexpr double max_zoom = 14.0;

    explicit Camera(PixelSize viewport = {1, 1});

    // The whole world's width across the viewport, framed from about 78 N to
    // 58 S on a 16:9 viewport (Antarctica and the high Arctic are Mercator's
    // least useful parts); taller viewports show more latitude.
    static Camera world_view(PixelSize viewport);
    // The largest view that contains extent, keeping the viewport's aspect
    // (the extent is centred; the other direction shows more than asked).
    static Camera fit(const Extent& extent, PixelSize viewport);

    [[nodiscard]] LatLon centre() const { return centre_; }
    [[nodiscard]] double zoom() const { return zoom_; }
    [[nodiscard]] PixelSize viewport() const { return viewport_; }
    [[nodiscard]] double min_zoom() const;

    void set_centre(LatLon centre);
    void set_zoom(double zoom);
    // Keeps centre and zoom (re-applying the limits): for window resizes.
    void set_viewport(PixelSize viewport);

    // Pixels spanned by 360 degrees of longitude, and by one degree.
    [[nodiscard]] double world_pixels() const;
    [[nodiscard]] double pixels_per_degree() const { return world_pixels() / 360.0; }

    [[nodiscard]] ScreenPoint to_screen(LatLon position) const;
    // Longitude in [-180, 180); latitude clamped to the Mercator limit.
    [[nodiscard]] LatLon to_lonlat(ScreenPoint point) const;

    // Changes zoom so that the place under anchor stays under anchor.
    void zoom_about(ScreenPoint anchor, double new_zoom);
    // Moves the map content by (dx, dy) pixels, as a mouse drag does: the
    // centre moves the opposite way.
    void pan_by_pixels(double dx, double dy);

    // What the viewport shows: longitudes unwrapped around the centre (may
    // pass +-180 when the view crosses the antimeridian), latitudes clamped.
    [[nodiscard]] Extent visible_extent() const;

private:
    void apply_limits();

    PixelSize viewport_;
    LatLon centre_;
    double zoom_ = 0.0;
};

}  // namespace muster
