#include "export/row_sink.hpp"

#include <cstring>
#include <stdexcept>

namespace muster {

void ImageSink::start(PixelSize size) {
    image_.size = size;
    image_.pixels.assign(static_cast<std::size_t>(size.width) * static_cast<std::size_t>(size.height) * 4, 0);
    filled_ = 0;
}

void ImageSink::write_rows(const std::uint8_t* rgba, std::size_t stride, int count) {
    const std::size_t row = static_cast<std::size_t>(image_.size.width) * 4;
    if (filled_ + row * static_cast<std::size_t>(count) > image_.pixels.size())
        throw std::logic_error("ImageSink: more rows than the image has");
    for (int y = 0; y < count; ++y, filled_ += row)
        std::memcpy(image_.pixels.data() + filled_, rgba + static_cast<std::size_t>(y) * stride, row);
}

void write_image_rows(const RgbaImage& image, RowSink& sink) {
    sink.start(image.size);
    sink.write_rows(image.pixels.data(), static_cast<std::size_t>(image.size.width) * 4, image.size.height);
    sink.finish();
}

}  // namespace muster
