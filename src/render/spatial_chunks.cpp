#include "render/spatial_chunks.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <unordered_set>

namespace muster {

ChunkedIndices chunk_primitives(const std::vector<float>& points, const std::vector<std::uint32_t>& indices,
                                int corners, double cell_size, const MapBox& grid) {
    const int columns = std::max(1, static_cast<int>(std::ceil(grid.width() / cell_size)));
    const int rows = std::max(1, static_cast<int>(std::ceil(grid.height() / cell_size)));
    const std::size_t primitives = indices.size() / static_cast<std::size_t>(corners);

    auto cell_of = [&](std::size_t primitive) {
        double x = 0.0, y = 0.0;
        for (int c = 0; c < corners; ++c) {
            const std::size_t vertex = indices[primitive * corners + c];
            x += points[vertex * 2];
            y += points[vertex * 2 + 1];
        }
        const int column = std::clamp(static_cast<int>((x / corners - grid.min_x) / cell_size), 0, columns - 1);
        const int row = std::clamp(static_cast<int>((y / corners - grid.min_y) / cell_size), 0, rows - 1);
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

    for (std::size_t c = 0; c + 1 < start.size(); ++c) {
        if (start[c] == start[c + 1]) continue;
        MeshChunk chunk{MapBox::empty_box(), start[c] * static_cast<std::uint32_t>(corners),
                        (start[c + 1] - start[c]) * static_cast<std::uint32_t>(corners)};
        for (std::uint32_t i = chunk.first; i < chunk.first + chunk.count; ++i) {
            const std::size_t vertex = out.indices[i];
            chunk.bounds.add({points[vertex * 2], points[vertex * 2 + 1]});
        }
        out.chunks.push_back(chunk);
    }
    return out;
}

}  // namespace muster

namespace muster {

std::vector<std::uint32_t> unique_segments(const std::vector<float>& lonlat, const std::vector<std::uint32_t>& indices) {
    auto point_key = [&](std::uint32_t vertex) {
        std::uint32_t x = 0, y = 0;
        const float lon = lonlat[vertex * 2] + 0.0f, lat = lonlat[vertex * 2 + 1] + 0.0f;  // -0 -> +0
        std::memcpy(&x, &lon, sizeof x);
        std::memcpy(&y, &lat, sizeof y);
        return (static_cast<std::uint64_t>(x) << 32) | y;
    };
    struct Key {
        std::uint64_t a, b;
        bool operator==(const Key&) const = default;
    };
    struct Hash {
        std::size_t operator()(const Key& k) const noexcept {
            std::uint64_t h = k.a * 0x9E3779B97F4A7C15ull;
            h ^= (k.b + 0x632BE59BD9B4E019ull) * 0xC2B2AE3D27D4EB4Full;
            return static_cast<std::size_t>(h ^ (h >> 29));
        }
    };
    std::unordered_set<Key, Hash> seen;
    seen.reserve(indices.size() / 2);
    std::vector<std::uint32_t> out;
    out.reserve(indices.size());
    for (std::size_t i = 0; i + 1 < indices.size(); i += 2) {
        std::uint64_t a = point_key(indices[i]), b = point_key(indices[i + 1]);
        if (a == b) continue;
        if (b < a) std::swap(a, b);
        if (!seen.insert({a, b}).second) continue;
        out.push_back(indices[i]);
        out.push_back(indices[i + 1]);
    }
    return out;
}

std::vector<std::uint32_t> simplify_segment_chains(const std::vector<float>& lonlat,
                                                   const std::vector<std::uint32_t>& indices, double tolerance,
                                                   double y_scale) {
    const double tolerance2 = tolerance * tolerance;
    auto far_enough = [&](std::uint32_t from, std::uint32_t to) {
        const double dx = static_cast<double>(lonlat[to * 2]) - lonlat[from * 2];
        const double dy = (static_cast<double>(lonlat[to * 2 + 1]) - lonlat[from * 2 + 1]) * y_scale;
        return dx * dx + dy * dy >= tolerance2;
    };
    std::vector<std::uint32_t> out;
    out.reserve(indices.size() / 2);
    std::size_t i = 0;
    const std::size_t n = indices.size() / 2 * 2;
    while (i < n) {
        // One chain: segments i, i+2, ... while each starts where the last ended.
        std::uint32_t kept = indices[i];
        std::uint32_t current = indices[i + 1];
        i += 2;
        for (;;) {
            const bool continues = i < n && indices[i] == current;
            if (!continues) {  // end of chain: always keep its last vertex
                out.push_back(kept);
                out.push_back(current);
                break;
            }
            if (far_enough(kept, current)) {
                out.push_back(kept);
                out.push_back(current);
                kept = current;
            }
            current = indices[i + 1];
            i += 2;
        }
    }
    return out;
}

}  // namespace muster
