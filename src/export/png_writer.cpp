#include "export/png_writer.hpp"

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "export/image_file.hpp"
#include "geodata/quiet_gdal.hpp"

#include <cpl_error.h>
#include <gdal_priv.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

namespace muster {
namespace {

struct DatasetCloser {
    void operator()(GDALDataset* dataset) const { GDALClose(GDALDataset::ToHandle(dataset)); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

GDALDriver* driver(const char* name) {
    GDALAllRegister();  // cheap after the first call
    GDALDriver* found = GetGDALDriverManager()->GetDriverByName(name);
    if (!found) throw std::runtime_error(std::string("GDAL has no ") + name + " driver");
    return found;
}

// An in-memory copy of the image: its first `bands` channels as GDAL bands.
DatasetPtr memory_dataset(const RgbaImage& image, int bands) {
    DatasetPtr dataset(driver("MEM")->Create("", image.size.width, image.size.height, bands, GDT_Byte, nullptr));
    if (!dataset) throw std::runtime_error(QuietGdal::last_message("cannot create an in-memory image"));
    int band_map[] = {1, 2, 3, 4};
    const CPLErr status = dataset->RasterIO(
        GF_Write, 0, 0, image.size.width, image.size.height, const_cast<std::uint8_t*>(image.pixels.data()),
        image.size.width, image.size.height, GDT_Byte, bands, band_map, 4, static_cast<GSpacing>(image.size.width) * 4,
        1, nullptr);
    if (status != CE_None) throw std::runtime_error(QuietGdal::last_message("cannot fill the in-memory image"));
    return dataset;
}

}  // namespace

void write_image_with_gdal(const RgbaImage& image, const std::filesystem::path& target, const GdalEncoding& encoding) {
    if (image.size.width < 1 || image.size.height < 1 ||
        image.pixels.size() != static_cast<std::size_t>(image.size.width) * image.size.height * 4)
        throw Error(target.string() + ": cannot write (empty or inconsistent image)");
    write_file_atomically(target, [&](const std::filesystem::path& temp) {
        QuietGdal quiet;
        const DatasetPtr source = memory_dataset(image, encoding.bands);
        if (encoding.decorate) encoding.decorate(*source);
        std::vector<const char*> create_options;
        for (const std::string& option : encoding.creation_options) create_options.push_back(option.c_str());
        create_options.push_back(nullptr);
        GDALDataset* written = driver(encoding.driver.c_str())
                                   ->CreateCopy(temp.c_str(), source.get(), FALSE,
                                                const_cast<char**>(create_options.data()), nullptr, nullptr);
        if (written) GDALClose(GDALDataset::ToHandle(written));  // flushes the file
        const bool ok = written && CPLGetLastErrorType() < CE_Failure;
        // GDAL may leave a side-car of metadata beside the temporary file.
        std::error_code ignored;
        std::filesystem::remove(temp.string() + ".aux.xml", ignored);
        // write_file_atomically turns this into "TARGET: cannot write (REASON)".
        if (!ok) throw std::runtime_error(QuietGdal::last_message((encoding.what + " failed").c_str()));
    });
}

void write_png(const RgbaImage& image, const std::filesystem::path& target, const PngOptions& options) {
    if (image.size.width < 1 || image.size.height < 1 ||
        image.pixels.size() != static_cast<std::size_t>(image.size.width) * image.size.height * 4)
        throw Error(target.string() + ": cannot write (empty or inconsistent image)");
    ImageFileOptions file;
    file.png.keep_alpha = options.keep_alpha;
    file.png.zlevel = options.zlevel;
    write_image_file(target, ImageFormat::png, file, [&](RowSink& sink) { write_image_rows(image, sink); });
}

}  // namespace muster
