#include "render/graticule.hpp"

#include "render/camera.hpp"

#include <algorithm>
#include <cmath>

namespace muster {

double graticule_step(double pixels_per_degree, double min_spacing_px) {
    constexpr double steps[] = {0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 15.0, 30.0};
    for (double step : steps)
        if (step * pixels_per_degree >= min_spacing_px) return step;
    return steps[std::size(steps) - 1];
}

std::vector<float> graticule_lines(const Extent& visible, double step) {
    std::vector<float> lines;
    auto add = [&lines](double lon0, double lat0, double lon1, double lat1) {
        lines.insert(lines.end(), {static_cast<float>(lon0), static_cast<float>(lat0), static_cast<float>(lon1),
                                   static_cast<float>(lat1)});
    };
    const double south = std::max(visible.min_lat, -mercator_max_lat);
    const double north = std::min(visible.max_lat, mercator_max_lat);
    for (double lon = std::ceil(visible.min_lon / step) * step; lon <= visible.max_lon; lon += step)
        add(lon, south, lon, north);
    // Parallels stop short of the poles: lines at 85+ degrees only add clutter.
    for (double lat = std::ceil(south / step) * step; lat <= north; lat += step)
        if (std::abs(lat) < 85.0) add(visible.min_lon, lat, visible.max_lon, lat);
    return lines;
}

}  // namespace muster
