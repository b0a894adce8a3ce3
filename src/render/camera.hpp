// The map camera: what part of a projection's plane (projection.hpp) a
// viewport shows, and conversions between screen pixels and longitude/
// latitude. Web Mercator (EPSG:3857) unless a Camera is given another
// projection.
//
// Conventions
//   * Screen coordinates are pixels of the drawable, origin at the top-left
//     corner, y growing downwards; pixel (i, j) covers [i, i+1) x [j, j+1).
//   * zoom follows the web-map tile convention in every projection: at zoom
//     z the projection's reference equator (Projection::world_units, 2 pi x
//     6378137 m) spans 256 * 2^z pixels, so one pixel is 156543 / 2^z plane
//     metres. In Web Mercator that is the whole world's width; in LAEA
//     Europe, where plane metres are nearly ground metres, the same zoom
//     shows the same ground scale as Mercator at the equator.
//   * The centre is kept in the plane, so panning and zooming are plane
//     arithmetic and never lose precision through lat/lon round trips.
//   * Wrapping projections (Web Mercator, plate carree) repeat east and west:
//     the centre is kept in the first period and to_screen() places a point
//     at its copy nearest the centre, so a Pacific view is continuous.
//   * Places outside the projection's domain (the far side of the globe in
//     LAEA Europe) have no screen position: to_screen() puts them at
//     off_map, far outside any viewport, and screen_position() says none.
//
// Limits that keep the map sensible (applied after every change):
//   * zoom >= min_zoom(): for wrapping projections the world is at least as
//     wide as the viewport, so no place is ever shown twice side by side;
//     otherwise the whole domain fits in the viewport;
//   * zoom <= max_zoom (street level is beyond our data);
//   * the centre is clamped so the view does not run past the domain's
//     edges (Mercator's top and bottom) where the domain is larger than the
//     view; otherwise the domain is centred.
#pragma once

#include "core/geo.hpp"
#include "render/projection.hpp"

#include <optional>

namespace muster {

struct ScreenPoint {
    double x = 0.0;
    double y = 0.0;
};

// Where to_screen() puts places that have no screen position: far outside
// any viewport, yet finite, so that comparisons and sorting stay defined.
inline constexpr ScreenPoint off_map{-1.0e7, -1.0e7};

class Camera {
public:
    static constexpr double max_zoom = 14.0;

    // projection: nullptr means web_mercator().
    explicit Camera(PixelSize viewport = {1, 1}, ProjectionPtr projection = nullptr);

    // The world framed: in wrapping projections its whole width, from about
    // 78 N to 58 S on a 16:9 viewport (Antarctica and the high Arctic are
    // Mercator's least useful parts; taller viewports show more latitude);
    // otherwise the projection's whole domain (LAEA Europe: a disc).
    static Camera world_view(PixelSize viewport, ProjectionPtr projection = nullptr);
    // The largest view that contains extent, keeping the viewport's aspect
    // (the extent is centred; the other direction shows more than asked).
    // Parts of the extent outside the projection's domain are left out.
    static Camera fit(const Extent& extent, PixelSize viewport, ProjectionPtr projection = nullptr);

    // The place under the viewport's centre (the nearest place on the
    // domain's edge if the centre is off it).
    [[nodiscard]] LatLon centre() const;
    [[nodiscard]] MapPoint centre_point() const { return centre_; }
    [[nodiscard]] double zoom() const { return zoom_; }
    [[nodiscard]] PixelSize viewport() const { return viewport_; }
    [[nodiscard]] double min_zoom() const;
    [[nodiscard]] const Projection& projection() const { return *projection_; }
    [[nodiscard]] const ProjectionPtr& projection_ptr() const { return projection_; }

    // Places centre under the viewport's centre (places off the domain: its
    // nearest edge).
    void set_centre(LatLon centre);
    void set_centre_point(MapPoint centre);
    void set_zoom(double zoom);
    // Keeps centre and zoom (re-applying the limits): for window resizes.
    void set_viewport(PixelSize viewport);
    // Draws in another projection from now on, keeping the place under the
    // viewport's centre there and the ground scale at it (metres per pixel)
    // as it was. A centre outside the new projection's domain moves to the
    // domain's nearest edge.
    void set_projection(ProjectionPtr projection);

    // Pixels spanned by the reference equator (in Web Mercator: by 360
    // degrees of longitude), and by one of its degrees: the nominal scale.
    [[nodiscard]] double world_pixels() const;
    [[nodiscard]] double pixels_per_degree() const { return world_pixels() / 360.0; }
    // Plane units (CRS units) per pixel, the same in x and y.
    [[nodiscard]] double units_per_pixel() const;
    // Pixels of one period in wrapping projections (a point's copies are
    // this far apart on screen); 0 when the projection does not wrap.
    [[nodiscard]] double wrap_pixels() const;
    // The Web Mercator zoom that shows the ground at the scale this view
    // shows it at its centre (zoom() itself in Web Mercator): what level of
    // detail and label density go by, so that a view of Europe gets the same
    // Natural Earth scale and as many city names in LAEA as in Mercator,
    // whose plane stretches 52 N by 1 / cos 52.
    [[nodiscard]] double detail_zoom() const;
    // Metres on the ground per pixel at a screen point, measured along a
    // short horizontal screen line through it (WGS 84 geodesic), what a
    // scale bar there shows. 0 where the point is off the map.
    [[nodiscard]] double metres_per_pixel_at(ScreenPoint point) const;

    // Screen position of a place: its copy nearest the centre when the
    // projection wraps; off_map when outside the projection's domain.
    [[nodiscard]] ScreenPoint to_screen(LatLon position) const;
    [[nodiscard]] std::optional<ScreenPoint> screen_position(LatLon position) const;
    // Plane point <-> screen, no wrapping.
    [[nodiscard]] ScreenPoint plane_to_screen(MapPoint point) const;
    [[nodiscard]] MapPoint to_plane(ScreenPoint point) const;
    // The place under a screen point: longitude in [-180, 180), latitude
    // clamped to the domain (Mercator: +-85.0511); off the map (beyond the
    // domain's edge) the nearest place on the edge towards the centre.
    [[nodiscard]] LatLon to_lonlat(ScreenPoint point) const;
    // The place under a screen point, or nothing when the point is off the map.
    [[nodiscard]] std::optional<LatLon> lonlat_at(ScreenPoint point) const;

    // Changes zoom so that the place under anchor stays under anchor.
    void zoom_about(ScreenPoint anchor, double new_zoom);
    // Moves the map content by (dx, dy) pixels, as a mouse drag does: the
    // centre moves the opposite way.
    void pan_by_pixels(double dx, double dy);

    // What the viewport shows, in the plane (x not wrapped).
    [[nodiscard]] MapBox visible_box() const;
    // What the viewport shows in lon/lat: longitudes unwrapped around the
    // centre (may pass +-180 when the view crosses the antimeridian),
    // latitudes within the domain; the whole globe's longitudes and a pole
    // when the view holds one.
    [[nodiscard]] Extent visible_extent() const;

private:
    void apply_limits();
    // A plane point off the domain brought to the domain's nearest edge
    // towards the domain's centre.
    [[nodiscard]] LatLon edge_place(MapPoint point) const;

    PixelSize viewport_;
    ProjectionPtr projection_;
    MapPoint centre_;
    double zoom_ = 0.0;
};

}  // namespace muster
