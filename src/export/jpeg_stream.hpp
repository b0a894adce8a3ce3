// JPEG encoding row by row with libjpeg-turbo (Debian's libjpeg62-turbo),
// for photos-of-maps that go into slides and web pages where PNGs are too
// large. Same contract as PngRowWriter.
#pragma once

#include "export/row_sink.hpp"

#include <cstdio>
#include <memory>

namespace muster {

struct JpegStreamOptions {
    int quality = 90;  // 1..100; 90 keeps thin borders and small text clean
};

class JpegRowWriter final : public RowSink {
public:
    JpegRowWriter(std::FILE* file, JpegStreamOptions options = {});
    ~JpegRowWriter() override;
    JpegRowWriter(const JpegRowWriter&) = delete;
    JpegRowWriter& operator=(const JpegRowWriter&) = delete;

    void start(PixelSize size) override;
    void write_rows(const std::uint8_t* rgba, std::size_t stride, int count) override;
    void finish() override;

    struct State;  // libjpeg's structures and the last error (jpeg_stream.cpp)

private:
    std::unique_ptr<State> state_;
};

}  // namespace muster
