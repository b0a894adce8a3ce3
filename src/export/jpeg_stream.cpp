#include "export/jpeg_stream.hpp"

#include <cerrno>
#include <csetjmp>
#include <cstring>
#include <stdexcept>
// jpeglib.h needs FILE and size_t declared first.
#include <jpeglib.h>
#include <jerror.h>

namespace muster {

// libjpeg reports errors through error_exit, which must not return: it
// longjmps back into the guarded function that made the call. Those frames
// hold no C++ object with a destructor.
struct JpegRowWriter::State {
    jpeg_compress_struct cinfo{};
    jpeg_error_mgr errors{};
    std::jmp_buf jump{};
    bool created = false;
    char error[JMSG_LENGTH_MAX + 64] = {};
    std::FILE* file = nullptr;
    JpegStreamOptions options;
};

namespace {

using State = JpegRowWriter::State;

void on_error(j_common_ptr cinfo) {
    auto* state = reinterpret_cast<State*>(cinfo->client_data);
    // libjpeg's stdio destination fails with "Output file write error";
    // the system's reason says more ("No space left on device").
    if (errno != 0 && cinfo->err->msg_code == JERR_FILE_WRITE)
        std::snprintf(state->error, sizeof state->error, "%s", std::strerror(errno));
    else
        (*cinfo->err->format_message)(cinfo, state->error);
    std::longjmp(state->jump, 1);
}

bool start_jpeg(State* s, PixelSize size) {
    if (setjmp(s->jump)) return false;
    jpeg_create_compress(&s->cinfo);
    s->created = true;
    jpeg_stdio_dest(&s->cinfo, s->file);
    s->cinfo.image_width = static_cast<JDIMENSION>(size.width);
    s->cinfo.image_height = static_cast<JDIMENSION>(size.height);
    s->cinfo.input_components = 4;
    s->cinfo.in_color_space = JCS_EXT_RGBX;  // libjpeg-turbo reads our RGBA rows as they are
    jpeg_set_defaults(&s->cinfo);
    jpeg_set_quality(&s->cinfo, s->options.quality, TRUE);
    s->cinfo.dct_method = JDCT_ISLOW;
    jpeg_start_compress(&s->cinfo, TRUE);
    return true;
}

bool write_jpeg_rows(State* s, const std::uint8_t* rgba, std::size_t stride, int count) {
    if (setjmp(s->jump)) return false;
    for (int y = 0; y < count; ++y) {
        JSAMPROW row = const_cast<JSAMPROW>(rgba + static_cast<std::size_t>(y) * stride);
        jpeg_write_scanlines(&s->cinfo, &row, 1);
    }
    return true;
}

bool end_jpeg(State* s) {
    if (setjmp(s->jump)) return false;
    jpeg_finish_compress(&s->cinfo);
    return true;
}

[[noreturn]] void fail(const State& state) {
    throw std::runtime_error(state.error[0] ? state.error : "JPEG encoding failed");
}

}  // namespace

JpegRowWriter::JpegRowWriter(std::FILE* file, JpegStreamOptions options) : state_(std::make_unique<State>()) {
    state_->file = file;
    state_->options = options;
    state_->cinfo.err = jpeg_std_error(&state_->errors);
    state_->errors.error_exit = on_error;
    state_->cinfo.client_data = state_.get();
}

JpegRowWriter::~JpegRowWriter() {
    if (state_->created) jpeg_destroy_compress(&state_->cinfo);
}

void JpegRowWriter::start(PixelSize size) {
    errno = 0;
    if (!start_jpeg(state_.get(), size)) fail(*state_);
}

void JpegRowWriter::write_rows(const std::uint8_t* rgba, std::size_t stride, int count) {
    errno = 0;
    if (!write_jpeg_rows(state_.get(), rgba, stride, count)) fail(*state_);
}

void JpegRowWriter::finish() {
    errno = 0;
    if (!end_jpeg(state_.get())) fail(*state_);
}

}  // namespace muster
