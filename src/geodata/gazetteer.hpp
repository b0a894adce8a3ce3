// The offline gazetteer: place name -> ranked candidate places.
//
// Built from geodata/muster.gpkg (see geodata/README.md) and the hand-curated
// geodata/regions.json beside it: every country of countries_10m that has an
// ISO alpha-2 code, every admin1 region of the `admin1` layer, every admin-2
// area of the `admin2` layer (US counties and parishes, districts, raions),
// every region, sea and site of regions.json, and every GeoNames cities1000
// place of `places`. At build time `muster derive` writes a compact binary
// index (gazetteer_format.hpp) that Gazetteer::load() memory-maps, so loading
// costs milliseconds and memory is paid only for the pages lookups touch.
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
//   admin2   its name ("Rapides Parish", "Laurel County"); and, as a low-
//            ranked variant, the name without its type word ("Laurel"):
//            trailing County, Parish, Borough, District, Raion, Rayon,
//            Municipality, Okrug, Census Area, ... or leading Comuna,
//            Municipio, Departamento, Powiat, Gemeente, ... (with a
//            following "de"/"di"/"of"); none for generic bases ("Central
//            District").
//   region   (regions.json "regions": regions, seas, sites) every one of its
//            "names", a leading "the " dropped ("the Gulf" -> "Gulf"): the
//            caller drops articles, lookup("the Gulf") finds nothing.
//   city     GeoNames name, asciiname and every alternate name, except
//            2-4 letter all-capital ASCII alternates (IATA/ICAO airport
//            codes such as "PAR", "MOW", "IEV") and links.
//   metonym  (regions.json "metonyms") "Kremlin", "White House", "Pentagon",
//            "Downing Street", ...: keys of the GeoNames place they stand for
//            (Moscow, Washington, London), a leading "the " dropped.
//   abbreviation (regions.json "abbreviations") "Calif.", "W.Va.", "Ga.",
//            "D.C.": keys of an admin1 region or a GeoNames place, indexed
//            ONLY in dotted form: normalize_name(text) + "." ("calif.",
//            "w va.", "ga."). No other key ends in a period (normalisation
//            turns periods into spaces and trims), so these never meet plain
//            words: "mass", "Mass", "miss", "wash", "ind" do not name
//            Massachusetts, Mississippi, Washington or Indiana. lookup() and
//            count() of a name that ends in '.' (trailing spaces ignored) try
//            that dotted key first and, when it is a key, answer from it
//            alone ("Calif." -> US.CA, "Ga." -> US.GA, not Gabon; "N.C." ->
//            US.NC, not New Caledonia); otherwise the plain key ("U.S." ->
//            "u s" -> US, "Paris." -> Paris).
//
// Ranking. Each (name, entry) pair has a score, fixed when the index is built:
//   score = tier + match bonus + importance
//   tier        100 when the entry is a country (a country's name, code,
//               demonym or translation always ranks first); -10 for the bare
//               name of an admin2 area ("Laurel" for "Laurel County"), which
//               puts it below every country, region, city and admin1 of that
//               name (the lowest of those scores is -2), so "Paris" or
//               "Washington" never becomes a county; else 0
//   match bonus 1 for the entry's own name, ASCII name, official name, an
//               ISO code or listed abbreviation, a demonym, a metonym; 0 for
//               alternate names, translations and generated variants
//   importance  log10(1 + population), plus for places a feature-code weight:
//               PPLC +4, PPLA/PPLG +2, PPLA2 +1, PPLA3 +0.5, PPLA4/PPLA5
//               +0.25, other PPL* 0, PPLX (section of a place) -1, PPLH/PPLQ/
//               PPLW/PPLCH (historical, abandoned, destroyed) -2. Countries,
//               admin1 regions and admin2 areas use the summed population of
//               their GeoNames places, leaving out sections (PPLX) and
//               historical places (a ranking proxy, not a census figure);
//               admin2 areas get -0.25 on top, so that an admin1 region or a
//               city of equal weight ranks first. Regions, seas and sites of
//               regions.json have no population; their importance is fixed at
//               6.5, as an admin1 region of about 3 million people: enough
//               that "Crimea" (region, 7.5) outranks the admin1 region Crimea
//               (UA.11, 1.7 million: 7.23) and the village Krym, while a big
//               city keeps its own name: "Gaza" is Gaza City first (281133,
//               PPLA, 410,000: 8.61), then the Gaza Strip region through its
//               alternate name (6.5). Metonyms and abbreviations score as
//               their target entry with bonus 1.
// Candidates come best first; ties keep index order (countries by code,
// admin1 regions by code, places by geonameid, admin2 areas by code,
// regions.json entries in file order), so results are deterministic.
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

// What an entry is. Appended to, never reordered: the values are stored in
// the index file.
enum class PlaceKind : std::uint8_t {
    country,
    admin1,
    city,
    admin2,  // a GeoNames second-level division: "Rapides Parish", "Laurel County"
    region,  // regions.json: a region ("Crimea"), sea or strait ("Black Sea") or site ("Kuzminsky range")
};

// How the looked-up name met the entry. The text extractor uses it, e.g. to
// accept codes ("US", "IN", "BY" are also English words) only when written in
// capitals, or to read demonyms as adjectives. Appended to, never reordered.
enum class NameMatch : std::uint8_t {
    name,       // the entry's own name, ASCII name or official name; a region's first name
    alternate,  // an alternate name, native name or translation
    code,       // ISO alpha-2/alpha-3 code or a listed abbreviation ("UK", "USA", "u s", "Calif.")
    demonym,    // "Russian", "Russians", "British", "Briton"
    variant,    // generated form: "Rostov oblast", "Moscow" for "Moscow Oblast", "Laurel" for "Laurel County"
    metonym,    // a seat of government for its city: "Kremlin" -> Moscow, "Pentagon" -> Washington
};

const char* to_string(PlaceKind kind);   // "country", "admin1", "city", "admin2", "region"
const char* to_string(NameMatch match);  // "name", "alternate", "code", "demonym", "variant", "metonym"

struct Place {
    std::int64_t geonameid = 0;  // GeoNames id; 0 for countries, admin1/admin2 and regions
    std::string name;            // canonical name (GeoNames name / country common name / regions.json "name")
    PlaceKind kind = PlaceKind::city;
    // "PPLC", "PPLA2", ... for places; "PCLI" country; "ADM1" admin1; "ADM2"
    // admin2; regions.json entries "RGN" (region), "WTR" (water), "SITE" (site).
    std::string feature_code;
    std::string country;  // ISO 3166-1 alpha-2, e.g. "UA"; may be empty for regions ("Baltic states")
    std::string admin1;   // GeoNames admin1 code, e.g. "61"; empty for countries and regions
    std::string admin2;   // GeoNames admin2 code, e.g. "079", of cities and admin2 areas; often empty
    LatLon point;         // place / division mean of places / country label point / region's hand-placed point
    std::int64_t population = 0;  // countries, admin1, admin2: summed over their places; regions: 0
    // Regions only: the ISO alpha-2 codes of the countries ("EE", "LV", "LT")
    // or the admin1 codes ("UA.11") the region covers; may be empty.
    std::vector<std::string> members;

    // A stable identifier: the geonameid for places ("703448"), "CC.A1" for
    // admin1 regions ("RU.61"), "CC.A1.A2" for admin2 areas ("US.LA.079"), ISO
    // alpha-2 for countries ("GB"), and for regions.json entries the canonical
    // name in lower case with every run of other characters a hyphen
    // ("crimea", "baltic-states", "kuzminsky-range").
    [[nodiscard]] std::string id() const;

    // The feature type of the output contract: "country", "admin1", "city",
    // "region" (admin2 areas and regions.json regions), "water" or "site".
    [[nodiscard]] const char* feature() const;
};

struct Candidate : Place {
    double score = 0.0;  // see "Ranking" above; higher is better
    NameMatch match = NameMatch::name;
};

class Gazetteer {
public:
    // The gazetteer for this installation: memory-maps derived_dir()/gazetteer.idx
    // when it exists, is intact and was derived from a GeoPackage of the same
    // byte size as default_geopackage() and a regions.json of the same byte
    // size as the one beside it (a missing file is not held against the
    // index); otherwise builds the index in memory from the GeoPackage
    // (seconds) and prints one warning line on stderr.
    // Throws muster::Error when neither works.
    static Gazetteer load();

    // Memory-maps one index file. Throws muster::Error("PATH: ...") when it is
    // missing, truncated, of another format version or otherwise corrupt.
    static Gazetteer open_index(const std::filesystem::path& index_file);

    // Builds the index in memory from a GeoPackage and the regions.json beside
    // it (what load() falls back to). Throws muster::Error naming the file at
    // fault, e.g. "DIR/regions.json: parse error at line 3, column 5: ...".
    static Gazetteer build(const std::filesystem::path& gpkg);

    Gazetteer(Gazetteer&&) noexcept;
    Gazetteer& operator=(Gazetteer&&) noexcept;
    Gazetteer(const Gazetteer&) = delete;
    Gazetteer& operator=(const Gazetteer&) = delete;
    ~Gazetteer();

    // Ranked candidates for a name, best first, at most `limit`; empty when
    // the name is unknown. A name ending in '.' is first tried as a dotted
    // abbreviation ("Calif.", "W.Va."; see "abbreviation" above).
    [[nodiscard]] std::vector<Candidate> lookup(std::string_view name, std::size_t limit = 10) const;

    // Number of candidates lookup() would find without a limit, without
    // building them: the cheap test for "is this a known place name?".
    [[nodiscard]] std::size_t count(std::string_view name) const;

    [[nodiscard]] std::optional<Place> by_geonameid(std::int64_t geonameid) const;
    [[nodiscard]] std::optional<Place> country(std::string_view iso_a2) const;  // "UA"
    [[nodiscard]] std::optional<Place> admin1(std::string_view code) const;     // "RU.61"
    [[nodiscard]] std::optional<Place> admin2(std::string_view code) const;     // "US.LA.079"

    // All entries by position, kinds in PlaceKind order: countries, admin1
    // regions, places, admin2 areas, then regions.json entries.
    [[nodiscard]] std::size_t size() const;
    [[nodiscard]] Place entry(std::size_t index) const;

    [[nodiscard]] std::size_t key_count() const;
    // Byte size of the GeoPackage the index was derived from.
    [[nodiscard]] std::uint64_t source_size() const;
    // Byte size of the regions.json the index was derived from.
    [[nodiscard]] std::uint64_t regions_source_size() const;
    // Where the index came from: the mapped file, or "(built in memory from GPKG)".
    [[nodiscard]] const std::string& origin() const;

private:
    struct Impl;
    explicit Gazetteer(std::unique_ptr<const Impl> impl);
    std::unique_ptr<const Impl> impl_;
};

}  // namespace muster
