#include "render/graticule.hpp"

#include <algorithm>
#include <cmath>

namespace muster {
namespace {

// Parallels stop short of the poles, and meridians there too away from
// Mercator: lines at 85+ degrees only add clutter where they all converge.
constexpr double polar_limit = 85.0;
// Screen distance between samples along curved lines: their chords stray
// from the true curve by far less than a pixel at this length.
constexpr double sample_spacing_px = 10.0;

void add_segment(std::vector<float>& out, MapPoint a, MapPoint b) {
    out.insert(out.end(), {static_cast<float>(a.x), static_cast<float>(a.y), static_cast<float>(b.x),
                           static_cast<float>(b.y)});
}

// Curved lines, each sampled every `sample` degrees from one end to the
// other, projected in one batch.
class CurvedLines {
public:
    void add(LatLon from, LatLon to, double sample) {
        const double length = std::max(std::abs(to.lat - from.lat), std::abs(to.lon - from.lon));
        const int pieces = std::max(1, static_cast<int>(std::ceil(length / sample)));
        starts_.push_back(points_.size() / 2);
        for (int i = 0; i <= pieces; ++i) {
            const double t = static_cast<double>(i) / pieces;
            points_.insert(points_.end(), {from.lon + (to.lon - from.lon) * t, from.lat + (to.lat - from.lat) * t});
        }
    }

    // Segments between neighbouring samples that are both on the map.
    void project_into(const Projection& projection, std::vector<float>& out) {
        projection.forward_in_place(points_);
        starts_.push_back(points_.size() / 2);
        for (std::size_t line = 0; line + 1 < starts_.size(); ++line)
            for (std::size_t i = starts_[line] + 1; i < starts_[line + 1]; ++i) {
                const MapPoint a{points_[2 * i - 2], points_[2 * i - 1]}, b{points_[2 * i], points_[2 * i + 1]};
                if (std::isfinite(a.x) && std::isfinite(b.x)) add_segment(out, a, b);
            }
    }

private:
    std::vector<double> points_;      // lon, lat; then x, y
    std::vector<std::size_t> starts_;  // first sample of each line
};

}  // namespace

double graticule_step(double pixels_per_degree, double min_spacing_px) {
    constexpr double steps[] = {0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 15.0, 30.0};
    for (double step : steps)
        if (step * pixels_per_degree >= min_spacing_px) return step;
    return steps[std::size(steps) - 1];
}

std::vector<float> graticule_lines(const Extent& visible, double step, double max_lat) {
    std::vector<float> lines;
    auto add = [&lines](double lon0, double lat0, double lon1, double lat1) {
        lines.insert(lines.end(), {static_cast<float>(lon0), static_cast<float>(lat0), static_cast<float>(lon1),
                                   static_cast<float>(lat1)});
    };
    const double south = std::max(visible.min_lat, -max_lat);
    const double north = std::min(visible.max_lat, max_lat);
    for (double lon = std::ceil(visible.min_lon / step) * step; lon <= visible.max_lon; lon += step)
        add(lon, south, lon, north);
    for (double lat = std::ceil(south / step) * step; lat <= north; lat += step)
        if (std::abs(lat) < polar_limit) add(visible.min_lon, lat, visible.max_lon, lat);
    return lines;
}

std::vector<float> projected_graticule(const Extent& visible, double step, const Projection& projection,
                                       double pixels_per_degree) {
    std::vector<float> out;
    if (projection.wraps()) {
        // Straight lines: project the two ends of each.
        const std::vector<float> lines = graticule_lines(visible, step, projection.domain().max_lat);
        for (std::size_t i = 0; i + 3 < lines.size(); i += 4) {
            const auto a = projection.forward({lines[i + 1], lines[i]});
            const auto b = projection.forward({lines[i + 3], lines[i + 2]});
            if (a && b) add_segment(out, *a, *b);
        }
        return out;
    }
    const double sample = std::clamp(sample_spacing_px / std::max(pixels_per_degree, 1e-9), step / 16.0, step / 4.0);
    const double south = std::max(visible.min_lat, -polar_limit);
    const double north = std::min(visible.max_lat, polar_limit);
    CurvedLines curves;
    for (double lon = std::ceil(visible.min_lon / step) * step; lon <= visible.max_lon; lon += step)
        curves.add({south, lon}, {north, lon}, sample);
    for (double lat = std::ceil(south / step) * step; lat <= north; lat += step)
        curves.add({lat, visible.min_lon}, {lat, visible.max_lon}, sample);
    curves.project_into(projection, out);
    return out;
}

}  // namespace muster
