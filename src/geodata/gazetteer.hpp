// The offline gazetteer: place name -> ranked candidate places.
//
// Built from geodata/muster.gpkg (see geodata/README.md): every country of
// countries_10m that has an ISO alpha-2 code, every admin1 region of the
// `admin1` layer, and every GeoNames cities1000 place of `places`. At build
// time `muster derive` writes a compact binary index (gazetteer_format.hpp)
// that Gazetteer::load() memory-maps, so loading costs milliseconds and
// memory is paid only for the pages lookups touch.
//
// Names. Every lookup and every indexed name goes through normalize_name()
// (normalize.hpp): case, diacritics, apostrophes and punctuation do not
// matter, scripts do ("Київ" finds Kyiv because GeoNames lists "Київ", not by
// transliteration). Indexed names per entry:
//   country  name, official name, alt_names (spellings, native names,
//            translations), ISO alpha-2 and alpha-3, the English demonym and
//            its plural ("Russian", "Russians"), spaced forms of short
//            upper-case codes so dotted abbreviations meet them ("U.S." ->
//            "u s" -> US), and a few documented extras the data lacks
//            (gazetteer_index.cpp: "Britain", "Briton", "Brit" -> GB;
//            "America" -> US).
//   admin1   its name; the name without a trailing/leading type word
//            ("Moscow Oblast" -> "Moscow"); that base with "region",
//            "province", "state" and with each type word used by the
//            country's other admin1 names ("Rostov" -> "Rostov oblast",
//            "Rostov krai", ...); none for generic names such as "Eastern
//            Province" or "Federal District".
//   city     GeoNames name, asciiname and every alternate name, except
//            2-4 letter all-capital ASCII alternates (IATA/ICAO airport
//            codes such as "PAR", "MOW", "IEV") and links.
//
// Ranking. Each (name, entry) pair has a score, fixed when the index is built:
//   score = tier + match bonus + importance
//   tier        100 when the entry is a country (a country's name, code,
//               demonym or translation always ranks first), else 0
//   match bonus 1 for the entry's own name, ASCII name, official name, an
//               ISO code or listed abbreviation, a demonym; 0 for alternate
//               names, translations and generated admin1 variants
//   importance  log10(1 + population), plus for places a feature-code weight:
//               PPLC +4, PPLA/PPLG +2, PPLA2 +1, PPLA3 +0.5, PPLA4/PPLA5
//               +0.25, other PPL* 0, PPLX (section of a place) -1, PPLH/PPLQ/
//               PPLW/PPLCH (historical, abandoned, destroyed) -2. Admin1
//               regions and countries use the summed population of their
//               GeoNames places, leaving out sections (PPLX) and historical
//               places (a ranking proxy, not a census figure).
// Candidates come best first; ties keep index order (countries by code,
// regions by code, places by geonameid), so results are deterministic.
//
// Speed: lookup() normalises (no ICU for ASCII), hashes, probes one open-
// addressing table and copies out at most `limit` candidates: millions of
// lookups per second on one core. All const member functions are safe to
// call from several threads at once.
#pragma once

#include "core/geo.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace muster {

enum class PlaceKind : std::uint8_t { country, admin1, city };

// How the looked-up name met the entry. The text extractor uses it, e.g. to
// accept codes ("US", "IN", "BY" are also English words) only when written in
// capitals, or to read demonyms as adjectives.
enum class NameMatch : std::uint8_t {
    name,       // the entry's own name, ASCII name or official name
    alternate,  // an alternate name, native name or translation
    code,       // ISO alpha-2/alpha-3 code or a listed abbreviation ("UK", "USA", "u s")
    demonym,    // "Russian", "Russians", "British", "Briton"
    variant,    // generated admin1 form: "Rostov oblast", "Moscow" for "Moscow Oblast"
};

const char* to_string(PlaceKind kind);  // "country", "admin1", "city"
const char* to_string(NameMatch match);  // "name", "alternate", "code", "demonym", "variant"

struct Place {
    std::int64_t geonameid = 0;  // GeoNames id; 0 for countries and admin1 regions
    std::string name;            // canonical name (GeoNames name / country common name)
    PlaceKind kind = PlaceKind::city;
    std::string feature_code;    // GeoNames code: "PPLC", "PPLA2", ...; "PCLI" country; "ADM1" region
    std::string country;         // ISO 3166-1 alpha-2, e.g. "UA"
    std::string admin1;          // GeoNames admin1 code, e.g. "61"; empty for countries
    LatLon point;                // place / region mean of places / country label point
    std::int64_t population = 0;  // admin1 and countries: summed over their places

    // A stable identifier: the geonameid for places ("703448"), "CC.A1" for
    // admin1 regions ("RU.61"), ISO alpha-2 for countries ("GB").
    [[nodiscard]] std::string id() const;
};

struct Candidate : Place {
    double score = 0.0;  // see "Ranking" above; higher is better
    NameMatch match = NameMatch::name;
};

class Gazetteer {
public:
    // The gazetteer for this installation: memory-maps derived_dir()/gazetteer.idx
    // when it exists, is intact and was derived from a GeoPackage of the same
    // byte size as default_geopackage(); otherwise builds the index in memory
    // from the GeoPackage (seconds) and prints one warning line on stderr.
    // Throws muster::Error when neither works.
    static Gazetteer load();

    // Memory-maps one index file. Throws muster::Error("PATH: ...") when it is
    // missing, truncated, of another format version or otherwise corrupt.
    static Gazetteer open_index(const std::filesystem::path& index_file);

    // Builds the index in memory from a GeoPackage (what load() falls back to).
    static Gazetteer build(const std::filesystem::path& gpkg);

    Gazetteer(Gazetteer&&) noexcept;
    Gazetteer& operator=(Gazetteer&&) noexcept;
    Gazetteer(const Gazetteer&) = delete;
    Gazetteer& operator=(const Gazetteer&) = delete;
    ~Gazetteer();

    // Ranked candidates for a name, best first, at most `limit`; empty when
    // the name is unknown.
    [[nodiscard]] std::vector<Candidate> lookup(std::string_view name, std::size_t limit = 10) const;

    // Number of candidates lookup() would find without a limit, without
    // building them: the cheap test for "is this a known place name?".
    [[nodiscard]] std::size_t count(std::string_view name) const;

    [[nodiscard]] std::optional<Place> by_geonameid(std::int64_t geonameid) const;
    [[nodiscard]] std::optional<Place> country(std::string_view iso_a2) const;  // "UA"
    [[nodiscard]] std::optional<Place> admin1(std::string_view code) const;     // "RU.61"

    // All entries by position (countries, then admin1 regions, then places).
    [[nodiscard]] std::size_t size() const;
    [[nodiscard]] Place entry(std::size_t index) const;

    [[nodiscard]] std::size_t key_count() const;
    // Byte size of the GeoPackage the index was derived from.
    [[nodiscard]] std::uint64_t source_size() const;
    // Where the index came from: the mapped file, or "(built in memory from GPKG)".
    [[nodiscard]] const std::string& origin() const;

private:
    struct Impl;
    explicit Gazetteer(std::unique_ptr<const Impl> impl);
    std::unique_ptr<const Impl> impl_;
};

}  // namespace muster
