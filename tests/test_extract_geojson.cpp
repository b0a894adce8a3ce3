// GeoJSON of an extraction: the output contract of docs/design-brief.md,
// with offsets in code points checked on text full of multi-byte characters.
#include "core/paths.hpp"
#include "shared_resources.hpp"
#include "export/geojson.hpp"
#include "extract/extract.hpp"
#include "extract/text.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

using muster::Gazetteer;
using muster::append_utf8;
using nlohmann::json;
using namespace muster::extract;
namespace scenario = muster::scenario;

namespace {

using muster::test::gazetteer;
using muster::test::lexicon;

json geojson_of(const std::string& text) {
    static BorderCache cache(muster::default_geopackage());
    return muster::to_geojson(extract_scenario(text, ExtractSource{}, {gazetteer(), lexicon(), cache}));
}

std::u32string code_points(const std::string& utf8) {
    std::u32string out;
    for (std::size_t i = 0; i < utf8.size();) {
        char32_t cp = 0;
        i += decode_utf8(utf8, i, cp);
        out += cp;
    }
    return out;
}

std::string utf8(const std::u32string& s) {
    std::string out;
    for (const char32_t cp : s) append_utf8(out, cp);
    return out;
}

std::set<std::string> keys(const json& object) {
    std::set<std::string> out;
    for (const auto& [key, value] : object.items()) out.insert(key);
    return out;
}

// Rounded to `decimals` places: what is left after scaling is an integer.
bool rounded(double value, int decimals) {
    const double scaled = value * std::pow(10.0, decimals);
    return std::fabs(scaled - std::round(scaled)) < 1e-6;
}

const json* feature_with(const json& collection, const std::string& kind, const std::string& text) {
    for (const json& f : collection["features"])
        if (f["properties"]["kind"] == kind && f["properties"]["text"] == text) return &f;
    return nullptr;
}

std::string fixture_text() {
    std::ifstream in(std::string(MUSTER_TEST_FIXTURES) + "/extract/buildup.txt", std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("GeoJSON: a FeatureCollection of place, figure and border features per the contract") {
    const std::string text = fixture_text();
    const json g = geojson_of(text);
    CHECK(g["type"] == "FeatureCollection");
    const json& features = g["features"];
    REQUIRE(features.is_array());

    std::size_t places = 0, figures = 0, borders = 0;
    std::string order;  // kinds in order, each run once: places, then figures, then borders
    for (const json& f : features) {
        CHECK(f["type"] == "Feature");
        const std::string kind = f["properties"]["kind"];
        if (order.empty() || order.back() != kind[0]) order += kind[0];
        if (kind == "place") ++places;
        if (kind == "figure") ++figures;
        if (kind == "border") ++borders;
    }
    CHECK(order == "pfb");
    CHECK(figures == 9);
    CHECK(borders == 2);

    // One place feature per mention.
    static BorderCache cache(muster::default_geopackage());
    const scenario::Scenario s = extract_scenario(text, ExtractSource{}, {gazetteer(), lexicon(), cache});
    std::size_t mentions = 0;
    for (const auto& place : s.places) mentions += place.mentions.size();
    CHECK(places == mentions);

    for (const json& f : features) {
        const json& p = f["properties"];
        if (p["kind"] != "place") continue;
        std::set<std::string> expected = {"kind", "text", "start", "end", "name", "feature", "confidence", "sentence"};
        if (p.contains("country")) expected.insert("country");
        if (p.contains("geonameid")) {
            expected.insert("geonameid");
            CHECK(p["geonameid"].get<std::int64_t>() > 0);
        }
        CHECK(keys(p) == expected);
        CHECK(p["start"].get<std::size_t>() < p["end"].get<std::size_t>());
        CHECK(p["confidence"].get<double>() >= 0.0);
        CHECK(p["confidence"].get<double>() <= 1.0);
        CHECK(f["geometry"]["type"] == "Point");
        REQUIRE(f["geometry"]["coordinates"].size() == 2);
        CHECK(rounded(f["geometry"]["coordinates"][0].get<double>(), 6));
        CHECK(rounded(f["geometry"]["coordinates"][1].get<double>(), 6));
    }

    const json* kyiv = feature_with(g, "place", "Kyiv");
    REQUIRE(kyiv);
    CHECK((*kyiv)["properties"]["name"] == "Kyiv");
    CHECK((*kyiv)["properties"]["country"] == "UA");
    CHECK((*kyiv)["properties"]["feature"] == "city");
    CHECK((*kyiv)["properties"]["geonameid"] == 703448);
    CHECK(std::fabs((*kyiv)["geometry"]["coordinates"][0].get<double>() - 30.52) < 0.1);  // [lon, lat]
    CHECK(std::fabs((*kyiv)["geometry"]["coordinates"][1].get<double>() - 50.45) < 0.1);
    CHECK((*kyiv)["properties"]["sentence"] ==
          "Moscow has massed an estimated 90,000 soldiers along its 2,000-kilometre border with Ukraine, officials "
          "in Kyiv said on Monday.");
    const json* ukraine = feature_with(g, "place", "Ukraine");
    REQUIRE(ukraine);
    CHECK_FALSE((*ukraine)["properties"].contains("geonameid"));  // countries have none

    const json* soldiers = feature_with(g, "figure", "an estimated 90,000 soldiers");
    REQUIRE(soldiers);
    const json& sp = (*soldiers)["properties"];
    CHECK(keys(sp) == std::set<std::string>{"kind", "text", "start", "end", "value", "qualifier", "unit", "category",
                                            "actor", "place", "country", "sentence"});
    CHECK(sp["value"] == 90000);
    CHECK(sp["qualifier"] == "approx");
    CHECK(sp["unit"] == "troops");
    CHECK(sp["category"] == "personnel");
    CHECK(sp["actor"] == "RU");
    CHECK(sp["place"] == "Ukraine");
    CHECK(sp["country"] == "UA");
    CHECK((*soldiers)["geometry"] == (*ukraine)["geometry"]);

    const json* troops = feature_with(g, "figure", "thousands of troops");
    REQUIRE(troops);
    CHECK((*troops)["properties"]["value"] == 4500);
    CHECK((*troops)["properties"]["min"] == 2000);
    CHECK((*troops)["properties"]["max"] == 9999);
    CHECK((*troops)["properties"]["qualifier"] == "range");
    CHECK((*troops)["properties"]["place"] == "Belarus");

    // A bare mention has no numbers at all, not nulls.
    const json* s400 = feature_with(g, "figure", "S-400 systems");
    REQUIRE(s400);
    CHECK_FALSE((*s400)["properties"].contains("value"));
    CHECK_FALSE((*s400)["properties"].contains("min"));
    CHECK_FALSE((*s400)["properties"].contains("max"));

    // No place: no place or country keys, and a null geometry.
    const json* helmets = feature_with(g, "figure", "5,000 helmets");
    REQUIRE(helmets);
    CHECK((*helmets)["properties"]["actor"] == "DE");
    CHECK_FALSE((*helmets)["properties"].contains("place"));
    CHECK_FALSE((*helmets)["properties"].contains("country"));
    CHECK((*helmets)["geometry"].is_null());

    // No actor: no actor key.
    const json* killed = feature_with(g, "figure", "killed more than 14,000 people");
    REQUIRE(killed);
    CHECK_FALSE((*killed)["properties"].contains("actor"));
    CHECK((*killed)["properties"]["category"] == "casualties");
    CHECK((*killed)["properties"]["min"] == 14000);
    CHECK((*killed)["properties"]["qualifier"] == "at_least");

    const json* border = feature_with(g, "border", "2,000-kilometre border with Ukraine");
    REQUIRE(border);
    const json& bp = (*border)["properties"];
    CHECK(bp["a"] == "RU");
    CHECK(bp["b"] == "UA");
    CHECK(bp["claimed_km"] == 2000);
    CHECK(rounded(bp["measured_km"].get<double>(), 1));
    CHECK(bp["measured_km"].get<double>() > 1450);  // 1,524.1 km (Crimea in Ukraine)
    CHECK(bp["measured_km"].get<double>() < 1600);
    CHECK((*border)["geometry"]["type"] == "MultiLineString");
    REQUIRE_FALSE((*border)["geometry"]["coordinates"].empty());
    const json& point = (*border)["geometry"]["coordinates"][0][0];
    CHECK(rounded(point[0].get<double>(), 6));
    CHECK(point[0].get<double>() > 20.0);  // longitude first: the border lies at 22..41 E, 44..53 N
    CHECK(point[1].get<double>() > 44.0);
}

TEST_CASE("GeoJSON: start and end count code points in text with Cyrillic and curly quotes") {
    const std::string text =
        "«Війна» — Олена сказала: “Russia’s 5,000 troops remain near Kharkiv.”\n\n"
        "Офіцери — ‘Belarus’ — said 300 tanks moved into Belarus…";
    const std::u32string cps = code_points(text);
    const json g = geojson_of(text);

    std::size_t checked = 0;
    for (const json& f : g["features"]) {
        const json& p = f["properties"];
        if (!p.contains("start")) continue;
        const std::size_t start = p["start"];
        const std::size_t end = p["end"];
        REQUIRE(end <= cps.size());
        CHECK(utf8(cps.substr(start, end - start)) == p["text"].get<std::string>());
        ++checked;
    }
    CHECK(checked >= 5);

    const json* troops = feature_with(g, "figure", "5,000 troops");
    REQUIRE(troops);
    CHECK((*troops)["properties"]["start"] == cps.find(U"5,000 troops"));
    CHECK((*troops)["properties"]["end"] == cps.find(U"5,000 troops") + 12);
    CHECK((*troops)["properties"]["actor"] == "RU");
    CHECK((*troops)["properties"]["place"] == "Kharkiv");
    const json* kharkiv = feature_with(g, "place", "Kharkiv");
    REQUIRE(kharkiv);
    CHECK((*kharkiv)["properties"]["start"] == cps.find(U"Kharkiv"));
    const json* tanks = feature_with(g, "figure", "300 tanks");
    REQUIRE(tanks);
    CHECK((*tanks)["properties"]["start"] == cps.find(U"300 tanks"));
    CHECK((*tanks)["properties"]["place"] == "Belarus");
}
