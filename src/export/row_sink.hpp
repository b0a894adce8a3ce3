// Where a rendered image goes, a band of rows at a time: an encoder writing
// a file (PNG, JPEG, GeoTIFF) or memory. Large exports hand their rows over
// as they are drawn, so memory stays bounded by a band, not the image.
#pragma once

#include "core/geo.hpp"
#include "render/rgba_image.hpp"

#include <cstddef>
#include <cstdint>

namespace muster {

class RowSink {
public:
    virtual ~RowSink() = default;
    // Once, before any row.
    virtual void start(PixelSize size) = 0;
    // `count` rows of RGBA pixels (4 bytes each, image width wide), the next
    // ones from the top, each `stride` bytes after the previous.
    virtual void write_rows(const std::uint8_t* rgba, std::size_t stride, int count) = 0;
    // Once, after the last row.
    virtual void finish() = 0;
};

// Collects the rows into an RgbaImage (tests, the viewer's screenshots).
class ImageSink final : public RowSink {
public:
    void start(PixelSize size) override;
    void write_rows(const std::uint8_t* rgba, std::size_t stride, int count) override;
    void finish() override {}

    [[nodiscard]] RgbaImage& image() { return image_; }

private:
    RgbaImage image_;
    std::size_t filled_ = 0;  // bytes
};

// Hands a whole image to a sink in one band.
void write_image_rows(const RgbaImage& image, RowSink& sink);

}  // namespace muster
