// Drawing the user's rasters (render/layers.hpp UserLayer::raster): each
// image, already warped to WGS 84 longitude/latitude at load
// (geodata/raster_file.hpp), is a texture draped over a grid of
// raster_grid_cells x raster_grid_cells cells across its extent. The grid's
// corners are projected on the CPU like every map vertex, so the image
// follows whichever projection the camera draws (Web Mercator, LAEA Europe,
// plate carree, ...); in projections that draw only part of the globe the
// grid is clipped to the domain first (render/domain_clip.hpp), texture
// coordinates following each cut.
//
// The texture (premultiplied, mipmapped) is uploaded the first time a layer
// is drawn and kept by layer id; the grid is made anew when the camera
// changes projection. Opacity is a uniform: a single image has no overlaps
// of its own to hide, so it needs no OpacityGroup.
//
// Needs the GL context it was created in to be current.
#pragma once

#include "render/camera.hpp"
#include "render/gl_objects.hpp"
#include "render/layers.hpp"
#include "render/shader_program.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace muster {

// Cells of the grid along each side: fine enough that the image bends with
// Mercator's latitudes and LAEA's curves to well under a pixel at the
// sizes users put on a map.
inline constexpr int raster_grid_cells = 64;

// The GPU copy of one image.
class RasterLayerMesh {
public:
    explicit RasterLayerMesh(const RasterFile& file);

    // Draws the image at this opacity with program (raster.vert +
    // raster.frag, its view uniforms set). x_shifts: the world copies the
    // view shows (see UserLayerMesh::draw).
    void draw(const Camera& camera, const ShaderProgram& program, const std::vector<double>& x_shifts,
              float opacity) const;

    // The texture's size (the image's, or halved to fit GL_MAX_TEXTURE_SIZE).
    [[nodiscard]] PixelSize texture_size() const { return texture_size_; }
    // Triangles of the grid in the projection last drawn in (0 before).
    [[nodiscard]] std::size_t triangles() const { return grid_.indices_count / 3; }

private:
    struct Grid {
        gl::VertexArray vao;
        gl::Buffer vertices, indices;
        std::size_t indices_count = 0;
        ProjectionPtr projected_for;
    };
    void project_grid(const ProjectionPtr& projection) const;

    Extent extent_;
    gl::Texture texture_;
    PixelSize texture_size_{0, 0};
    mutable Grid grid_;
};

class RasterLayerRenderer {
public:
    // Draws the visible raster layers in order; uploads new ones, frees gone
    // ones. Vector layers in the list are left to UserLayerRenderer. Returns
    // whether any image was drawn.
    bool draw(const Camera& camera, const std::vector<UserLayer>& layers, const std::vector<double>& x_shifts);

    // The GPU copy of a layer, if it has been drawn (tests, statistics).
    [[nodiscard]] const RasterLayerMesh* mesh(std::uint64_t id) const;

private:
    std::optional<ShaderProgram> program_;  // compiled for the first raster
    std::map<std::uint64_t, std::unique_ptr<RasterLayerMesh>> meshes_;
};

}  // namespace muster
