#include "render/spatial_chunks.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace muster {

ChunkedIndices chunk_primitives(const std::vector<float>& lonlat, const std::vector<std::uint32_t>& indices,
                                int corners, double cell_degrees) {
    const int columns = std::max(1, static_cast<int>(std::ceil(360.0 / cell_degrees)));
    const int rows = std::max(1, static_cast<int>(std::ceil(180.0 / cell_degrees)));
    const std::size_t primitives = indices.size() / static_cast<std::size_t>(corners);

    auto cell_of = [&](std::size_t primitive) {
        double lon = 0.0, lat = 0.0;
        for (int c = 0; c < corners; ++c) {
            const std::size_t vertex = indices[primitive * corners + c];
            lon += lonlat[vertex * 2];
            lat += lonlat[vertex * 2 + 1];
        }
        const int column = std::clamp(static_cast<int>((lon / corners + 180.0) / cell_degrees), 0, columns - 1);
        const int row = std::clamp(static_cast<int>((lat / corners + 90.0) / cell_degrees), 0, rows - 1);
        return static_cast<std::size_t>(row) * columns + column;
    };

    // Counting sort by cell: linear in the number of primitives.
    std::vector<std::size_t> cell(primitives);
    std::vector<std::uint32_t> start(static_cast<std::size_t>(columns) * rows + 1, 0);
    for (std::size_t p = 0; p < primitives; ++p) {
        cell[p] = cell_of(p);
        ++start[cell[p] + 1];
    }
    for (std::size_t c = 1; c < start.size(); ++c) start[c] += start[c - 1];

    ChunkedIndices out;
    out.indices.resize(primitives * corners);
    std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
    for (std::size_t p = 0; p < primitives; ++p) {
        const std::size_t slot = next[cell[p]]++;
        std::copy_n(indices.begin() + static_cast<std::ptrdiff_t>(p * corners), corners,
                    out.indices.begin() + static_cast<std::ptrdiff_t>(slot * corners));
    }

    constexpr double inf = std::numeric_limits<double>::infinity();
    for (std::size_t c = 0; c + 1 < start.size(); ++c) {
        if (start[c] == start[c + 1]) continue;
        MeshChunk chunk{{inf, inf, -inf, -inf}, start[c] * static_cast<std::uint32_t>(corners),
                        (start[c + 1] - start[c]) * static_cast<std::uint32_t>(corners)};
        for (std::uint32_t i = chunk.first; i < chunk.first + chunk.count; ++i) {
            const std::size_t vertex = out.indices[i];
            const double lon = lonlat[vertex * 2], lat = lonlat[vertex * 2 + 1];
            chunk.bounds.min_lon = std::min(chunk.bounds.min_lon, lon);
            chunk.bounds.max_lon = std::max(chunk.bounds.max_lon, lon);
            chunk.bounds.min_lat = std::min(chunk.bounds.min_lat, lat);
            chunk.bounds.max_lat = std::max(chunk.bounds.max_lat, lat);
        }
        out.chunks.push_back(chunk);
    }
    return out;
}

}  // namespace muster
