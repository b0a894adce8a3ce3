#include "export/png_stream.hpp"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <future>
#include <stdexcept>

namespace muster {
namespace {

constexpr std::uint8_t png_signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
constexpr std::uint8_t filter_sub = 1;
constexpr int rows_per_thread_min = 16;  // smaller bands are not worth a thread

void put_u32(std::uint8_t* at, std::uint32_t value) {
    at[0] = static_cast<std::uint8_t>(value >> 24);
    at[1] = static_cast<std::uint8_t>(value >> 16);
    at[2] = static_cast<std::uint8_t>(value >> 8);
    at[3] = static_cast<std::uint8_t>(value);
}

// One run of rows, filtered and deflated on its own.
struct Segment {
    std::vector<std::uint8_t> deflated;
    std::uint32_t adler = 1;  // of the filtered bytes
    std::size_t filtered_size = 0;
};

// SUB filter: each byte minus the same channel of the pixel to its left.
void filter_row(const std::uint8_t* rgba, int width, int channels, std::uint8_t* out) {
    out[0] = filter_sub;
    std::uint8_t* pixel = out + 1;
    std::uint8_t left[4] = {0, 0, 0, 0};
    for (int x = 0; x < width; ++x, rgba += 4, pixel += channels) {
        for (int c = 0; c < channels; ++c) {
            pixel[c] = static_cast<std::uint8_t>(rgba[c] - left[c]);
            left[c] = rgba[c];
        }
    }
}

Segment deflate_rows(const std::uint8_t* rgba, std::size_t stride, int count, int width, int channels,
                     const PngStreamOptions& options, bool last) {
    const std::size_t row_bytes = 1 + static_cast<std::size_t>(width) * channels;
    std::vector<std::uint8_t> filtered(row_bytes * static_cast<std::size_t>(count));
    for (int y = 0; y < count; ++y)
        filter_row(rgba + static_cast<std::size_t>(y) * stride, width, channels, filtered.data() + y * row_bytes);
    Segment segment;
    segment.filtered_size = filtered.size();
    segment.adler = static_cast<std::uint32_t>(adler32(1L, filtered.data(), static_cast<uInt>(filtered.size())));

    z_stream z{};
    // Raw deflate (negative window bits): the zlib header and trailer are
    // written once for the whole image by the caller.
    if (deflateInit2(&z, options.zlevel, Z_DEFLATED, -15, 8, options.rle ? Z_RLE : Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("zlib: cannot start deflating");
    segment.deflated.resize(deflateBound(&z, static_cast<uLong>(filtered.size())) + 64);
    z.next_in = filtered.data();
    z.avail_in = static_cast<uInt>(filtered.size());
    z.next_out = segment.deflated.data();
    z.avail_out = static_cast<uInt>(segment.deflated.size());
    // A sync flush ends the segment on a byte boundary with the stream still
    // open, so the next segment's blocks can follow it; the last one finishes.
    const int status = deflate(&z, last ? Z_FINISH : Z_SYNC_FLUSH);
    const bool ok = last ? status == Z_STREAM_END : status == Z_OK;
    segment.deflated.resize(segment.deflated.size() - z.avail_out);
    deflateEnd(&z);
    if (!ok) throw std::runtime_error("zlib: deflate failed");
    return segment;
}

}  // namespace

PngRowWriter::PngRowWriter(std::FILE* file, PngStreamOptions options) : file_(file), options_(options) {}

void PngRowWriter::write_bytes(const void* data, std::size_t size) {
    if (size > 0 && std::fwrite(data, 1, size, file_) != size)
        throw std::runtime_error(errno ? std::strerror(errno) : "write failed");
}

void PngRowWriter::write_chunk(const char type[4], const std::uint8_t* data, std::size_t size) {
    std::uint8_t header[8];
    put_u32(header, static_cast<std::uint32_t>(size));
    std::memcpy(header + 4, type, 4);
    uLong crc = crc32(0L, header + 4, 4);
    if (size > 0) crc = crc32(crc, data, static_cast<uInt>(size));
    std::uint8_t trailer[4];
    put_u32(trailer, static_cast<std::uint32_t>(crc));
    write_bytes(header, 8);
    write_bytes(data, size);
    write_bytes(trailer, 4);
}

void PngRowWriter::start(PixelSize size) {
    size_ = size;
    rows_written_ = 0;
    adler_ = 1;
    zlib_header_written_ = false;
    errno = 0;
    write_bytes(png_signature, sizeof png_signature);
    std::uint8_t ihdr[13];
    put_u32(ihdr, static_cast<std::uint32_t>(size.width));
    put_u32(ihdr + 4, static_cast<std::uint32_t>(size.height));
    ihdr[8] = 8;                                // bits per channel
    ihdr[9] = options_.keep_alpha ? 6 : 2;      // RGBA : RGB
    ihdr[10] = ihdr[11] = ihdr[12] = 0;         // deflate, adaptive filters, no interlace
    write_chunk("IHDR", ihdr, sizeof ihdr);
}

void PngRowWriter::write_rows(const std::uint8_t* rgba, std::size_t stride, int count) {
    if (count <= 0) return;
    const int channels = options_.keep_alpha ? 4 : 3;
    const bool last_band = rows_written_ + count >= size_.height;
    const int parts = std::clamp(count / rows_per_thread_min, 1, std::max(1, options_.threads));
    std::vector<std::future<Segment>> pending;
    for (int part = 0, first = 0; part < parts; ++part) {
        const int rows = count / parts + (part < count % parts ? 1 : 0);
        const std::uint8_t* from = rgba + static_cast<std::size_t>(first) * stride;
        const bool last = last_band && part == parts - 1;
        pending.push_back(std::async(part == parts - 1 ? std::launch::deferred : std::launch::async,
                                     [=, this] { return deflate_rows(from, stride, rows, size_.width, channels, options_, last); }));
        first += rows;
    }
    std::vector<std::uint8_t> idat;
    if (!zlib_header_written_) {
        idat = {0x78, 0x01};  // deflate, 32 KiB window, no dictionary (0x7801 % 31 == 0)
        zlib_header_written_ = true;
    }
    for (auto& future : pending) {
        const Segment segment = future.get();
        idat.insert(idat.end(), segment.deflated.begin(), segment.deflated.end());
        adler_ = static_cast<std::uint32_t>(
            adler32_combine(adler_, segment.adler, static_cast<z_off_t>(segment.filtered_size)));
    }
    errno = 0;
    write_chunk("IDAT", idat.data(), idat.size());
    rows_written_ += count;
}

void PngRowWriter::finish() {
    if (rows_written_ != size_.height) throw std::runtime_error("PNG: not every row was written");
    std::uint8_t trailer[4];
    put_u32(trailer, adler_);
    errno = 0;
    write_chunk("IDAT", trailer, sizeof trailer);
    write_chunk("IEND", nullptr, 0);
}

}  // namespace muster
