#include "render/map_presence.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <tuple>
#include <utility>

namespace muster {

CountryFootprints country_footprints(const std::vector<float>& positions, const std::vector<std::uint32_t>& indices,
                                     const std::vector<std::uint16_t>& country, std::size_t countries, double cell) {
    CountryFootprints footprints(countries);
    if (!(cell > 0)) return footprints;
    // (country, cell column, cell row) -> index into that country's boxes
    std::map<std::tuple<std::size_t, long long, long long>, std::size_t> slots;
    for (std::size_t t = 0; t + 2 < indices.size(); t += 3) {
        const std::uint32_t first = indices[t];
        if (2 * std::size_t{first} + 1 >= positions.size()) continue;
        const std::size_t c = first < country.size() ? country[first] : 0;
        if (c >= countries) continue;
        MapBox box = MapBox::empty_box();
        bool finite = true;
        for (int k = 0; k < 3; ++k) {
            const std::size_t v = indices[t + static_cast<std::size_t>(k)];
            if (2 * v + 1 >= positions.size()) { finite = false; break; }
            const double x = positions[2 * v], y = positions[2 * v + 1];
            if (!std::isfinite(x) || !std::isfinite(y)) { finite = false; break; }
            box.add({x, y});
        }
        if (!finite) continue;
        const auto key = std::make_tuple(c, static_cast<long long>(std::floor(positions[2 * first] / cell)),
                                         static_cast<long long>(std::floor(positions[2 * first + 1] / cell)));
        const auto [slot, fresh] = slots.try_emplace(key, footprints[c].size());
        if (fresh) {
            footprints[c].push_back(box);
        } else {
            MapBox& grown = footprints[c][slot->second];
            grown.add({box.min_x, box.min_y});
            grown.add({box.max_x, box.max_y});
        }
    }
    return footprints;
}

MapBox frame_in_plane(const Camera& camera, const ScreenBox& frame) {
    const MapPoint top_left = camera.to_plane({frame.min_x, frame.min_y});
    const MapPoint bottom_right = camera.to_plane({frame.max_x, frame.max_y});
    return {std::min(top_left.x, bottom_right.x), std::min(top_left.y, bottom_right.y),
            std::max(top_left.x, bottom_right.x), std::max(top_left.y, bottom_right.y)};
}

bool footprint_in_frame(const std::vector<MapBox>& boxes, const MapBox& frame, const Projection& projection) {
    std::vector<double> shifts{0.0};
    if (projection.wraps()) {
        // The copies of the world the frame reaches into, as the fills are drawn.
        const double period = projection.period();
        const int first = static_cast<int>(std::floor((frame.min_x + period / 2) / period));
        const int last = static_cast<int>(std::floor((frame.max_x + period / 2) / period));
        shifts.clear();
        for (int k = first; k <= last; ++k) shifts.push_back(period * k);
    }
    return std::any_of(boxes.begin(), boxes.end(), [&](const MapBox& box) {
        return std::any_of(shifts.begin(), shifts.end(), [&](double shift) {
            return box.min_x + shift < frame.max_x && frame.min_x < box.max_x + shift && box.min_y < frame.max_y &&
                   frame.min_y < box.max_y;
        });
    });
}

bool segment_meets_box(ScreenPoint p, ScreenPoint q, const ScreenBox& box) {
    return segment_touches_box({float(p.x), float(p.y)}, {float(q.x), float(q.y)}, box);
}

bool polyline_in_frame(const std::vector<ScreenPoint>& line, const ScreenBox& frame) {
    if (line.size() == 1) return frame.contains(float(line[0].x), float(line[0].y));
    for (std::size_t i = 1; i < line.size(); ++i)
        if (segment_meets_box(line[i - 1], line[i], frame)) return true;
    return false;
}

namespace {

// Even-odd rule over every ring, in lon/lat.
bool inside_rings(const std::vector<std::vector<LatLon>>& rings, LatLon p) {
    bool inside = false;
    for (const auto& ring : rings)
        for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            const LatLon& a = ring[i];
            const LatLon& b = ring[j];
            if ((a.lat > p.lat) != (b.lat > p.lat) &&
                p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon)
                inside = !inside;
        }
    return inside;
}

}  // namespace

bool rings_in_frame(const std::vector<std::vector<LatLon>>& rings, const Camera& camera, const ScreenBox& frame) {
    // An edge longer than half the world on screen is one that crosses the
    // antimeridian: it is drawn as two pieces at the map's edges, not across.
    const double jump = camera.projection().wraps() ? camera.wrap_pixels() / 2 : 1e300;
    for (const auto& ring : rings) {
        std::optional<ScreenPoint> last;
        for (std::size_t i = 0; i <= ring.size() && !ring.empty(); ++i) {
            const std::optional<ScreenPoint> here = camera.screen_position(ring[i % ring.size()]);
            if (here && frame.contains(float(here->x), float(here->y))) return true;
            if (here && last && std::abs(here->x - last->x) < jump && segment_meets_box(*last, *here, frame))
                return true;
            last = here;
        }
    }
    // No outline in the frame: the frame is inside the area, or clear of it.
    const auto centre = camera.lonlat_at({(frame.min_x + frame.max_x) / 2.0, (frame.min_y + frame.max_y) / 2.0});
    return centre && inside_rings(rings, *centre);
}

}  // namespace muster
