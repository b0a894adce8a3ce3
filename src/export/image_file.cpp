#include "export/image_file.hpp"

#include "core/atomic_file.hpp"
#include "core/error.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>

namespace muster {
namespace {

struct FileCloser {
    void operator()(std::FILE* file) const {
        if (file) std::fclose(file);
    }
};

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// PNG and JPEG: our encoders into a stdio file; closing it is checked too
// (a full disk may only show at the last flush).
void encode_to_stdio(const std::filesystem::path& temp, ImageFormat format, const ImageFileOptions& options,
                     const std::function<void(RowSink&)>& produce) {
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(temp.c_str(), "wb"));
    if (!file) throw std::runtime_error(std::strerror(errno));
    // Big writes: fewer system calls for a 100 MB poster.
    std::setvbuf(file.get(), nullptr, _IOFBF, 1 << 20);
    if (format == ImageFormat::png) {
        PngRowWriter writer(file.get(), options.png);
        produce(writer);
    } else {
        JpegRowWriter writer(file.get(), options.jpeg);
        produce(writer);
    }
    errno = 0;
    const bool flushed = std::fflush(file.get()) == 0;
    const int flush_errno = errno;
    if (std::fclose(file.release()) != 0 || !flushed)
        throw std::runtime_error(std::strerror(flush_errno ? flush_errno : errno));
}

}  // namespace

std::optional<ImageFormat> image_format_for(const std::filesystem::path& file) {
    const std::string extension = lower(file.extension().string());
    if (extension == ".png") return ImageFormat::png;
    if (extension == ".jpg" || extension == ".jpeg") return ImageFormat::jpeg;
    if (extension == ".tif" || extension == ".tiff") return ImageFormat::geotiff;
    return std::nullopt;
}

const char* to_string(ImageFormat format) {
    switch (format) {
        case ImageFormat::png: return "PNG";
        case ImageFormat::jpeg: return "JPEG";
        case ImageFormat::geotiff: return "GeoTIFF";
    }
    return "?";
}

void write_image_file(const std::filesystem::path& target, ImageFormat format, const ImageFileOptions& options,
                      const std::function<void(RowSink&)>& produce) {
    if (format == ImageFormat::geotiff && !options.georeference)
        throw Error(target.string() + ": cannot write (a GeoTIFF needs the view's georeference)");
    write_file_atomically(target, [&](const std::filesystem::path& temp) {
        if (format == ImageFormat::geotiff) {
            GeoTiffRowWriter writer(temp, *options.georeference, options.crs);
            produce(writer);
        } else {
            encode_to_stdio(temp, format, options, produce);
        }
    });
}

}  // namespace muster
