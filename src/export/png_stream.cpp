#include "export/png_stream.hpp"

#include <png.h>
#include <zlib.h>

#include <cerrno>
#include <csetjmp>
#include <cstring>
#include <stdexcept>

namespace muster {

// libpng reports errors by longjmp to the last setjmp. Every libpng call is
// made inside guarded() below, whose frames hold no C++ object with a
// destructor, so the jump skips nothing that needed to run.
struct PngRowWriter::State {
    std::FILE* file = nullptr;
    PngStreamOptions options;
    png_structp png = nullptr;
    png_infop info = nullptr;
    PixelSize size;
    char error[256] = {};
};

namespace {

using State = PngRowWriter::State;

void on_error(png_structp png, png_const_charp message) {
    auto* state = static_cast<State*>(png_get_error_ptr(png));
    if (state->error[0] == '\0') std::snprintf(state->error, sizeof state->error, "%s", message);
    png_longjmp(png, 1);
}

void on_warning(png_structp, png_const_charp) {}

// fwrite with the system's reason on failure (a full disk says so).
void write_data(png_structp png, png_bytep data, png_size_t length) {
    auto* state = static_cast<State*>(png_get_io_ptr(png));
    if (std::fwrite(data, 1, length, state->file) != length) {
        std::snprintf(state->error, sizeof state->error, "%s", errno ? std::strerror(errno) : "write failed");
        png_longjmp(png, 1);
    }
}

void flush_data(png_structp png) {
    auto* state = static_cast<State*>(png_get_io_ptr(png));
    std::fflush(state->file);
}

bool start_png(State* s) {
    if (setjmp(png_jmpbuf(s->png))) return false;
    png_set_write_fn(s->png, s, write_data, flush_data);
    const int colour = s->options.keep_alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB;
    png_set_IHDR(s->png, s->info, static_cast<png_uint_32>(s->size.width), static_cast<png_uint_32>(s->size.height), 8,
                 colour, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_compression_level(s->png, s->options.zlevel);
    if (s->options.rle) png_set_compression_strategy(s->png, Z_RLE);
    png_set_filter(s->png, PNG_FILTER_TYPE_BASE, s->options.adaptive_filter ? PNG_ALL_FILTERS : PNG_FILTER_SUB);
    png_write_info(s->png, s->info);
    // Rows arrive as RGBA; for an RGB file libpng drops the fourth byte.
    if (!s->options.keep_alpha) png_set_filler(s->png, 0, PNG_FILLER_AFTER);
    return true;
}

bool write_png_rows(State* s, const std::uint8_t* rgba, std::size_t stride, int count) {
    if (setjmp(png_jmpbuf(s->png))) return false;
    for (int y = 0; y < count; ++y) png_write_row(s->png, rgba + static_cast<std::size_t>(y) * stride);
    return true;
}

bool end_png(State* s) {
    if (setjmp(png_jmpbuf(s->png))) return false;
    png_write_end(s->png, s->info);
    return true;
}

[[noreturn]] void fail(const State& state, const char* step) {
    throw std::runtime_error(state.error[0] ? state.error : step);
}

}  // namespace

PngRowWriter::PngRowWriter(std::FILE* file, PngStreamOptions options) : state_(std::make_unique<State>()) {
    state_->file = file;
    state_->options = options;
}

PngRowWriter::~PngRowWriter() {
    if (state_->png) png_destroy_write_struct(&state_->png, state_->info ? &state_->info : nullptr);
}

void PngRowWriter::start(PixelSize size) {
    state_->size = size;
    state_->png = png_create_write_struct(PNG_LIBPNG_VER_STRING, state_.get(), on_error, on_warning);
    if (!state_->png) throw std::runtime_error("libpng: out of memory");
    state_->info = png_create_info_struct(state_->png);
    if (!state_->info) throw std::runtime_error("libpng: out of memory");
    if (!start_png(state_.get())) fail(*state_, "PNG encoding failed");
}

void PngRowWriter::write_rows(const std::uint8_t* rgba, std::size_t stride, int count) {
    if (!write_png_rows(state_.get(), rgba, stride, count)) fail(*state_, "PNG encoding failed");
}

void PngRowWriter::finish() {
    if (!end_png(state_.get())) fail(*state_, "PNG encoding failed");
}

}  // namespace muster
