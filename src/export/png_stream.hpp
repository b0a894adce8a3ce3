// PNG encoding row by row with libpng, so an image of any height is written
// with a band of rows in memory. Used by every PNG muster writes.
//
// Speed: maps are large areas of flat colour with anti-aliased edges. The
// defaults (SUB filter, zlib level 2 with the run-length strategy) measured
// on `muster bench export` at 3840x2160 encode several times faster than
// zlib's default effort, with files within a few percent of its size; see
// README (Benchmarks, export).
#pragma once

#include "export/row_sink.hpp"

#include <cstdio>
#include <memory>
#include <string>

namespace muster {

struct PngStreamOptions {
    bool keep_alpha = false;  // false: RGB (maps are opaque; smaller and faster)
    int zlevel = 2;           // zlib effort 0..9
    bool rle = true;          // zlib's Z_RLE strategy: runs of equal bytes, which is what SUB rows of a map are
    bool adaptive_filter = false;  // libpng's per-row filter choice (slower); false: SUB on every row
};

// Writes into an open file (not closed here). Errors, including the file
// system's ("No space left on device"), come out of write_rows/finish as
// std::runtime_error carrying libpng's or the system's reason.
class PngRowWriter final : public RowSink {
public:
    PngRowWriter(std::FILE* file, PngStreamOptions options = {});
    ~PngRowWriter() override;
    PngRowWriter(const PngRowWriter&) = delete;
    PngRowWriter& operator=(const PngRowWriter&) = delete;

    void start(PixelSize size) override;
    void write_rows(const std::uint8_t* rgba, std::size_t stride, int count) override;
    void finish() override;

    struct State;  // libpng's structures and the last error (png_stream.cpp)

private:
    std::unique_ptr<State> state_;
};

}  // namespace muster
