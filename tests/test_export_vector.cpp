// Vector exports: `muster extract -o x.gpkg / x.kml / x.geojson` and
// write_vector_file, re-read with OGR: every feature and every property of
// the output contract, with the source sentence; failures leave no file.
#include "core/error.hpp"
#include "export/geojson.hpp"
#include "export/vector_export.hpp"
#include "extract/open_document.hpp"

#include "cli_scratch.hpp"

#include <doctest/doctest.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

using namespace muster;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

class Scratch : public muster::test::Scratch {
public:
    Scratch() : muster::test::Scratch("export-vector") {}
};

const fs::path article = fs::path(MUSTER_TEST_FIXTURES) / "extract" / "buildup.txt";

const scenario::Scenario& buildup() {
    static const scenario::Scenario scenario = [] {
        std::vector<std::string> warnings;
        return extract::open_document(article.string(), &warnings);
    }();
    return scenario;
}

struct DatasetCloser {
    void operator()(GDALDataset* dataset) const { GDALClose(GDALDataset::ToHandle(dataset)); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

DatasetPtr open_vector(const fs::path& file) {
    GDALAllRegister();
    return DatasetPtr(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
}

// The contract's features of one kind, in order.
std::vector<json> contract_features(const char* kind) {
    std::vector<json> features;
    const json collection = to_geojson(buildup());
    for (const json& feature : collection["features"])
        if (feature["properties"]["kind"] == kind) features.push_back(feature);
    return features;
}

// Every property of every feature of `kind` is in `layer`, in order, with
// its value; geometries match to 1e-6 degrees.
void check_layer(GDALDataset& dataset, const char* layer_name, const char* kind, bool kml) {
    OGRLayer* layer = dataset.GetLayerByName(layer_name);
    REQUIRE(layer);
    const std::vector<json> expected = contract_features(kind);
    CHECK(layer->GetFeatureCount() == static_cast<GIntBig>(expected.size()));
    layer->ResetReading();
    for (const json& want : expected) {
        std::unique_ptr<OGRFeature> got(layer->GetNextFeature());
        REQUIRE(got);
        for (const auto& [key, value] : want["properties"].items()) {
            const std::string field = kml && (key == "start" || key == "end") ? "text_" + key : key;
            const int index = got->GetFieldIndex(field.c_str());
            INFO(layer_name << "." << field);
            REQUIRE(index >= 0);
            REQUIRE(got->IsFieldSetAndNotNull(index));
            if (value.is_number_integer())
                CHECK(got->GetFieldAsInteger64(index) == value.get<std::int64_t>());
            else if (value.is_number())
                CHECK(got->GetFieldAsDouble(index) == doctest::Approx(value.get<double>()));
            else if (!(kml && key == "name"))  // KML: <name> may be a label; checked below
                CHECK(std::string(got->GetFieldAsString(index)) == value.get<std::string>());
        }
        const OGRGeometry* geometry = got->GetGeometryRef();
        if (want["geometry"].is_null()) {
            CHECK(geometry == nullptr);
        } else if (want["geometry"]["type"] == "Point") {
            REQUIRE(geometry);
            const auto* point = geometry->toPoint();
            CHECK(point->getX() == doctest::Approx(want["geometry"]["coordinates"][0].get<double>()).epsilon(1e-9));
            CHECK(point->getY() == doctest::Approx(want["geometry"]["coordinates"][1].get<double>()).epsilon(1e-9));
        } else {
            REQUIRE(geometry);
            const auto* lines = geometry->toMultiLineString();
            REQUIRE(lines);
            CHECK(lines->getNumGeometries() == static_cast<int>(want["geometry"]["coordinates"].size()));
        }
    }
}

}  // namespace

TEST_CASE("extract -o x.gpkg: three layers holding every feature and property of the contract") {
    Scratch scratch;
    const fs::path gpkg = scratch.folder() / "buildup.gpkg";
    const muster::test::Run run = scratch.muster("extract '" + article.string() + "' -o '" + gpkg.string() + "'");
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.empty());
    const DatasetPtr dataset = open_vector(gpkg);
    REQUIRE(dataset);
    CHECK(std::string(dataset->GetDriver()->GetDescription()) == "GPKG");
    CHECK(dataset->GetLayerCount() == 3);
    check_layer(*dataset, "places", "place", false);
    check_layer(*dataset, "figures", "figure", false);
    check_layer(*dataset, "borders", "border", false);
    // WGS 84, so QGIS places it with no questions.
    const OGRSpatialReference* srs = dataset->GetLayerByName("places")->GetSpatialRef();
    REQUIRE(srs);
    CHECK(std::string(srs->GetAuthorityCode(nullptr)) == "4326");
    // Provenance: the sentence of the 90,000 soldiers.
    OGRLayer* figures = dataset->GetLayerByName("figures");
    figures->ResetReading();
    std::unique_ptr<OGRFeature> first(figures->GetNextFeature());
    CHECK(std::string(first->GetFieldAsString("sentence")).find("90,000 soldiers") != std::string::npos);
    CHECK(std::vector<std::string>{"buildup.gpkg"} ==
          std::vector<std::string>{fs::directory_iterator(scratch.folder())->path().filename().string()});
}

TEST_CASE("extract -o x.kml: folders of placemarks with the same facts, labelled for Google Earth") {
    Scratch scratch;
    const fs::path kml = scratch.folder() / "buildup.kml";
    REQUIRE(scratch.muster("extract '" + article.string() + "' -o '" + kml.string() + "'").exit_code == 0);
    const DatasetPtr dataset = open_vector(kml);
    REQUIRE(dataset);
    check_layer(*dataset, "places", "place", true);
    check_layer(*dataset, "figures", "figure", true);
    check_layer(*dataset, "borders", "border", true);
    OGRLayer* borders = dataset->GetLayerByName("borders");
    borders->ResetReading();
    std::unique_ptr<OGRFeature> border(borders->GetNextFeature());
    CHECK(std::string(border->GetFieldAsString("Name")) == "RU\u2013UA border");
    OGRLayer* places = dataset->GetLayerByName("places");
    places->ResetReading();
    std::unique_ptr<OGRFeature> place(places->GetNextFeature());
    CHECK(std::string(place->GetFieldAsString("Name")) == "Moscow");
}

TEST_CASE("write_vector_file .geojson is extract's GeoJSON, byte for byte") {
    Scratch scratch;
    const fs::path mine = scratch.folder() / "a.geojson", cli = scratch.folder() / "b.geojson";
    write_vector_file(buildup(), mine, VectorFormat::geojson);
    REQUIRE(scratch.muster("extract '" + article.string() + "' -o '" + cli.string() + "'").exit_code == 0);
    CHECK(muster::test::slurp(mine) == muster::test::slurp(cli));
}

TEST_CASE("vector exports that cannot be written say why in one line and leave nothing") {
    Scratch scratch;
    for (const char* name : {"x.gpkg", "x.kml"}) {
        const fs::path missing = scratch.folder() / "no-such-folder" / name;
        try {
            write_vector_file(buildup(), missing, *vector_format_for(missing));
            FAIL("no error");
        } catch (const Error& e) {
            CHECK(std::string(e.what()) == missing.string() + ": cannot write (folder " +
                                               missing.parent_path().string() + " does not exist)");
        }
    }
    // A full disk (a 16 KiB file size limit) while GDAL writes the GeoPackage.
    const fs::path gpkg = scratch.folder() / "full.gpkg";
    const std::string command = "sh -c \"trap '' XFSZ; ulimit -f 16; exec '" + std::string(MUSTER_BINARY) +
                                "' extract '" + article.string() + "' -o '" + gpkg.string() + "'\" 2>'" +
                                (scratch.folder() / "err").string() + "'";
    const int status = std::system(command.c_str());
    const std::string message = muster::test::slurp(scratch.folder() / "err");
    fs::remove(scratch.folder() / "err");
    INFO(message);
    CHECK(WEXITSTATUS(status) == 1);
    CHECK(message.rfind(gpkg.string() + ": cannot write (", 0) == 0);
    CHECK(fs::is_empty(scratch.folder()));
    CHECK(vector_format_for("a.GPKG") == VectorFormat::geopackage);
    CHECK_FALSE(vector_format_for("a.shp").has_value());
}
