// Builds the gazetteer index: entries, the names each is known by, their
// ranking scores, and the file layout of gazetteer_format.hpp. What is indexed
// and how it ranks is documented in gazetteer.hpp; this file implements it.
#include "geodata/gazetteer_index.hpp"

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "geodata/gazetteer.hpp"
#include "geodata/gazetteer_format.hpp"
#include "geodata/gazetteer_regions.hpp"
#include "geodata/gazetteer_source.hpp"
#include "geodata/normalize.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <system_error>
#include <unordered_map>

namespace muster {
namespace fs = std::filesystem;
namespace fmt = gazetteer_format;
namespace source = gazetteer_source;
namespace curated = gazetteer_regions;

namespace {

// ------------------------------------------------------------------ ranking

constexpr float kCountryTier = 100.0f;
// Bare admin2 names ("Laurel" for "Laurel County") rank below every other
// entry of that name: the lowest score any other posting can have is -2
// (a historical place with no population through an alternate name), and
// an admin2 importance stays below 10 (10^10 people).
constexpr float kBareAdmin2Tier = -10.0f;
// An admin2 area ranks just below an admin1 region or city of equal weight.
constexpr float kAdmin2Penalty = -0.25f;
// Regions, seas and sites of regions.json have no population; they rank as
// an admin1 region of about 3 million people (gazetteer.hpp explains the
// choice with "Crimea" and "Gaza").
constexpr float kRegionImportance = 6.5f;

float feature_weight(std::string_view code) {
    if (code == "PPLC") return 4.0f;
    if (code == "PPLA" || code == "PPLG") return 2.0f;
    if (code == "PPLA2") return 1.0f;
    if (code == "PPLA3") return 0.5f;
    if (code == "PPLA4" || code == "PPLA5") return 0.25f;
    if (code == "PPLX") return -1.0f;
    if (code == "PPLH" || code == "PPLQ" || code == "PPLW" || code == "PPLCH") return -2.0f;
    return 0.0f;
}

float population_weight(std::int64_t population) {
    return static_cast<float>(std::log10(1.0 + static_cast<double>(std::max<std::int64_t>(0, population))));
}

float match_bonus(NameMatch match) {
    switch (match) {
        case NameMatch::name:
        case NameMatch::code:
        case NameMatch::demonym:
        case NameMatch::metonym:
            return 1.0f;
        case NameMatch::alternate:
        case NameMatch::variant:
            return 0.0f;
    }
    return 0.0f;
}

// ------------------------------------------------------------------ extras

// Names news text uses that the source data lacks. Kept to a handful; each is
// a country-level name, never a per-place fix.
struct ExtraCountryName {
    const char* iso_a2;
    const char* name;
    NameMatch match;
};
constexpr std::array<ExtraCountryName, 4> kExtraCountryNames{{
    {"GB", "Britain", NameMatch::name},    // world-countries only has "Great Britain"
    {"GB", "Briton", NameMatch::demonym},  // noun demonyms; "British" is in the data
    {"GB", "Brit", NameMatch::demonym},
    {"US", "America", NameMatch::name},    // news usage; the continents are not in the gazetteer
}};

// Words that name the kind of an admin1 division, as found at the end
// ("Moscow Oblast") or start ("Republic of Tyva") of GeoNames admin1 names.
constexpr std::array<std::string_view, 17> kTypeWords{
    "oblast", "krai",       "kray",       "okrug",       "republic", "region",     "province",
    "state",  "county",     "governorate", "prefecture", "voivodeship", "department", "canton",
    "district", "territory", "municipality"};
// Type words that every region gets ("Texas state", "Rostov region").
constexpr std::array<std::string_view, 3> kUniversalTypeWords{"region", "province", "state"};
// Words that cannot carry a region's name without its type word: "Eastern
// Province", "Central Region", "Federal District" get no variants, or
// "central" and "federal" would become place names.
constexpr std::array<std::string_view, 17> kGenericBaseWords{
    "north",     "south",     "east",      "west",      "northern", "southern", "eastern", "western", "central",
    "northeast", "northwest", "southeast", "southwest", "capital",  "federal",  "upper",   "lower"};

// Type words of admin2 names, normalised, that the bare-name variant leaves
// out: trailing ("Laurel County", "Rapides Parish", "Bethel Census Area",
// "Chita-gun", "Anija vald") or leading ("Comuna Galda de Jos", "Partido de
// Azul", "Powiat krakowski", "City of Bristol"); a "de"/"di"/"of"... after a
// leading one goes too. The longest match wins.
constexpr std::array<std::string_view, 22> kAdmin2Suffixes{
    "county",      "parish",       "borough",          "city and borough",      "census area",
    "district",    "municipal district",               "district municipality", "municipality",
    "raion",       "rayon",        "okrug",            "kommun",                "kommune",
    "prefecture",  "sub prefecture",                   "province",              "regency",
    "shi",         "gun",          "ilcesi",           "vald"};
constexpr std::array<std::string_view, 32> kAdmin2Prefixes{
    "county",         "county of",        "city of",        "city and borough of", "city and county of",
    "district",       "district of",      "regional district of",                  "district municipality of",
    "canton",         "canton of",        "comuna",         "departamento",        "departement",
    "provincia",      "municipio",        "municipiul",     "powiat",              "gemeente",
    "obshtina",       "oras",             "okres",          "partido",             "grad",
    "opcina",         "amphoe",           "nomos",          "kabupaten",           "komuna",
    "arrondissement", "bezirk",           "politischer bezirk"};
constexpr std::array<std::string_view, 8> kAdmin2Connectors{"de", "di", "del", "do", "da", "du", "des", "of"};
// Bases too general to name one admin2 area on their own ("Departamento de
// Capital", "Département du Nord"), beside kGenericBaseWords.
constexpr std::array<std::string_view, 10> kGenericAdmin2Bases{
    "nord", "sud", "norte", "sur", "centre", "centro", "capital", "city", "town", "municipality"};

// ------------------------------------------------------------------ entries

struct Entry {
    fmt::Kind kind = fmt::Kind::city;
    std::int64_t geonameid = 0;
    std::string name;
    std::string feature_code;
    std::string country;
    std::string admin1;
    std::string admin2;
    std::string members;  // ','-joined, regions only
    double lat = 0.0;
    double lon = 0.0;
    std::int64_t population = 0;
    float base_score = 0.0f;  // tier + importance
};

std::string region_code(std::string_view country, std::string_view admin1) {
    std::string code(country);
    code += '.';
    code += admin1;
    return code;
}

std::string area_code(std::string_view country, std::string_view admin1, std::string_view admin2) {
    std::string code = region_code(country, admin1);
    code += '.';
    code += admin2;
    return code;
}

struct PopulationTotals {
    std::unordered_map<std::string, std::int64_t> by_country;
    std::unordered_map<std::string, std::int64_t> by_region;  // "CC.A1"
    std::unordered_map<std::string, std::int64_t> by_area;    // "CC.A1.A2"
};

// Whether a place's population counts towards its region's and country's
// totals: sections of a city (PPLX, e.g. Moscow's districts) would count the
// city twice, historical and abandoned places not at all.
bool counts_towards_totals(const source::Place& place) { return feature_weight(place.feature_code) >= 0.0f; }

PopulationTotals sum_populations(const std::vector<source::Place>& places) {
    PopulationTotals totals;
    for (const auto& place : places) {
        if (!counts_towards_totals(place)) continue;
        totals.by_country[place.country] += place.population;
        totals.by_region[region_code(place.country, place.admin1)] += place.population;
        if (!place.admin2.empty())
            totals.by_area[area_code(place.country, place.admin1, place.admin2)] += place.population;
    }
    return totals;
}

std::int64_t total_or_zero(const std::unordered_map<std::string, std::int64_t>& totals, const std::string& key) {
    auto it = totals.find(key);
    return it == totals.end() ? 0 : it->second;
}

Entry country_entry(const source::Country& country, const PopulationTotals& totals) {
    Entry entry;
    entry.kind = fmt::Kind::country;
    entry.name = country.name;
    entry.feature_code = "PCLI";
    entry.country = country.iso_a2;
    entry.lat = country.lat;
    entry.lon = country.lon;
    entry.population = total_or_zero(totals.by_country, country.iso_a2);
    entry.base_score = kCountryTier + population_weight(entry.population);
    return entry;
}

Entry admin1_entry(const source::Admin1& region, const PopulationTotals& totals) {
    Entry entry;
    entry.kind = fmt::Kind::admin1;
    entry.name = region.name;
    entry.feature_code = "ADM1";
    entry.country = region.country;
    entry.admin1 = region.admin1;
    entry.lat = region.lat;
    entry.lon = region.lon;
    entry.population = total_or_zero(totals.by_region, region_code(region.country, region.admin1));
    entry.base_score = population_weight(entry.population);
    return entry;
}

Entry admin2_entry(const source::Admin2& area, const PopulationTotals& totals) {
    Entry entry;
    entry.kind = fmt::Kind::admin2;
    entry.name = area.name;
    entry.feature_code = "ADM2";
    entry.country = area.country;
    entry.admin1 = area.admin1;
    entry.admin2 = area.admin2;
    entry.lat = area.lat;
    entry.lon = area.lon;
    entry.population = total_or_zero(totals.by_area, area_code(area.country, area.admin1, area.admin2));
    entry.base_score = population_weight(entry.population) + kAdmin2Penalty;
    return entry;
}

std::string joined(const std::vector<std::string>& parts, char separator) {
    std::string out;
    for (const auto& part : parts) {
        if (!out.empty()) out += separator;
        out += part;
    }
    return out;
}

Entry region_entry(const curated::Region& region) {
    Entry entry;
    entry.kind = fmt::Kind::region;
    entry.name = region.name;
    entry.feature_code = region.feature_code;
    entry.country = region.country;
    entry.members = joined(region.members, ',');
    entry.lat = region.lat;
    entry.lon = region.lon;
    entry.base_score = kRegionImportance;
    return entry;
}

Entry city_entry(const source::Place& place) {
    Entry entry;
    entry.kind = fmt::Kind::city;
    entry.geonameid = place.geonameid;
    entry.name = place.name;
    entry.feature_code = place.feature_code;
    entry.country = place.country;
    entry.admin1 = place.admin1;
    entry.admin2 = place.admin2;
    entry.lat = place.lat;
    entry.lon = place.lon;
    entry.population = place.population;
    entry.base_score = feature_weight(place.feature_code) + population_weight(place.population);
    return entry;
}

// Sorts each source list into index order (the order the reader binary-
// searches) and drops duplicate identities, keeping the first.
void sort_sources(source::Contents& contents) {
    auto& countries = contents.countries;
    std::stable_sort(countries.begin(), countries.end(),
                     [](const auto& a, const auto& b) { return a.iso_a2 < b.iso_a2; });
    countries.erase(std::unique(countries.begin(), countries.end(),
                                [](const auto& a, const auto& b) { return a.iso_a2 == b.iso_a2; }),
                    countries.end());
    auto& regions = contents.admin1;
    auto code_of = [](const source::Admin1& r) { return region_code(r.country, r.admin1); };
    std::stable_sort(regions.begin(), regions.end(),
                     [&](const auto& a, const auto& b) { return code_of(a) < code_of(b); });
    regions.erase(std::unique(regions.begin(), regions.end(),
                              [&](const auto& a, const auto& b) { return code_of(a) == code_of(b); }),
                  regions.end());
    auto& areas = contents.admin2;
    auto area_code_of = [](const source::Admin2& a) { return area_code(a.country, a.admin1, a.admin2); };
    std::stable_sort(areas.begin(), areas.end(),
                     [&](const auto& a, const auto& b) { return area_code_of(a) < area_code_of(b); });
    areas.erase(std::unique(areas.begin(), areas.end(),
                            [&](const auto& a, const auto& b) { return area_code_of(a) == area_code_of(b); }),
                areas.end());
    auto& places = contents.places;
    std::stable_sort(places.begin(), places.end(),
                     [](const auto& a, const auto& b) { return a.geonameid < b.geonameid; });
    places.erase(std::unique(places.begin(), places.end(),
                             [](const auto& a, const auto& b) { return a.geonameid == b.geonameid; }),
                 places.end());
}

// ------------------------------------------------------------------ keys

bool has_letter(std::string_view key) {
    return std::any_of(key.begin(), key.end(), [](char c) { return !(c == ' ' || (c >= '0' && c <= '9')); });
}

bool is_upper_ascii_word(std::string_view text, std::size_t min_length, std::size_t max_length) {
    return text.size() >= min_length && text.size() <= max_length &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// "UK", "USA": codes and initialisms in the country data.
bool is_code(std::string_view text) { return is_upper_ascii_word(text, 2, 3); }

// "U S" for "US", so that the normalised "U.S." meets the code.
std::string spaced_letters(std::string_view code) {
    std::string spaced;
    for (char c : code) {
        if (!spaced.empty()) spaced += ' ';
        spaced += c;
    }
    return spaced;
}

// GeoNames alternates that are not names: IATA/ICAO airport codes ("PAR",
// "MOW", "UUEE") and links.
bool is_unwanted_alternate(std::string_view alternate) {
    return is_upper_ascii_word(alternate, 2, 4) || alternate.find("://") != std::string_view::npos;
}

// English plural of a demonym: "Russian" -> "Russians", "Iraqi" -> "Iraqis";
// none for forms that are their own plural ("British", "French", "Swiss",
// "Chinese").
std::string demonym_plural(std::string_view demonym) {
    for (std::string_view ending : {"s", "sh", "ch", "x", "z", "ese"})
        if (demonym.ends_with(ending)) return {};
    return std::string(demonym) + "s";
}

struct RawPosting {
    std::uint32_t key = 0;
    std::uint32_t entry = 0;
    float score = 0.0f;
    NameMatch match = NameMatch::name;
};

// Collects (normalised key, entry, match) triples and turns them into the
// key table: each key's candidates deduplicated and in rank order.
class KeyCollector {
public:
    explicit KeyCollector(const std::vector<Entry>& entries) : entries_(entries) {}

    // Normalises raw_name and adds it as a key of entry.
    void add(std::string_view raw_name, std::uint32_t entry, NameMatch match) {
        normalize_name_into(raw_name, scratch_);
        add_normalized(scratch_, entry, match);
    }

    // Adds an already normalised key; `tier` shifts this one posting's score
    // (the bare admin2 names).
    void add_normalized(std::string_view key, std::uint32_t entry, NameMatch match, float tier = 0.0f) {
        if (key.empty() || key.size() > 0xFFFF || !has_letter(key)) return;
        postings_.push_back({key_id(key), entry, entries_[entry].base_score + match_bonus(match) + tier, match});
    }

    struct Result {
        std::deque<std::string> keys;
        std::vector<RawPosting> postings;  // grouped by key id, best first within a key
    };

    Result finish() && {
        rank_and_deduplicate(postings_);
        return {std::move(keys_), std::move(postings_)};
    }

private:
    std::uint32_t key_id(std::string_view key) {
        auto it = ids_.find(key);
        if (it != ids_.end()) return it->second;
        const auto id = static_cast<std::uint32_t>(keys_.size());
        keys_.emplace_back(key);
        ids_.emplace(keys_.back(), id);  // the deque keeps the view valid
        return id;
    }

    // One posting per (key, entry), the best-scoring way it matched; then
    // best first within each key, ties in entry order.
    static void rank_and_deduplicate(std::vector<RawPosting>& postings) {
        std::sort(postings.begin(), postings.end(), [](const RawPosting& a, const RawPosting& b) {
            if (a.key != b.key) return a.key < b.key;
            if (a.entry != b.entry) return a.entry < b.entry;
            if (a.score != b.score) return a.score > b.score;
            return a.match < b.match;
        });
        postings.erase(std::unique(postings.begin(), postings.end(),
                                   [](const RawPosting& a, const RawPosting& b) {
                                       return a.key == b.key && a.entry == b.entry;
                                   }),
                       postings.end());
        std::sort(postings.begin(), postings.end(), [](const RawPosting& a, const RawPosting& b) {
            if (a.key != b.key) return a.key < b.key;
            if (a.score != b.score) return a.score > b.score;
            return a.entry < b.entry;
        });
    }

    const std::vector<Entry>& entries_;
    std::string scratch_;
    std::deque<std::string> keys_;
    std::unordered_map<std::string_view, std::uint32_t> ids_;
    std::vector<RawPosting> postings_;
};

void add_code(KeyCollector& keys, std::string_view code, std::uint32_t entry) {
    keys.add(code, entry, NameMatch::code);
    keys.add(spaced_letters(code), entry, NameMatch::code);
}

void add_demonym(KeyCollector& keys, std::string_view demonym, std::uint32_t entry) {
    if (demonym.empty()) return;
    keys.add(demonym, entry, NameMatch::demonym);
    if (auto plural = demonym_plural(demonym); !plural.empty()) keys.add(plural, entry, NameMatch::demonym);
}

void add_country_keys(KeyCollector& keys, const source::Country& country, std::uint32_t entry) {
    keys.add(country.name, entry, NameMatch::name);
    keys.add(country.name_official, entry, NameMatch::name);
    add_code(keys, country.iso_a2, entry);
    if (is_code(country.iso_a3)) add_code(keys, country.iso_a3, entry);
    for (const auto& alternate : country.alt_names) {
        if (is_code(alternate)) add_code(keys, alternate, entry);
        else keys.add(alternate, entry, NameMatch::alternate);
    }
    add_demonym(keys, country.demonym, entry);
    for (const auto& extra : kExtraCountryNames) {
        if (country.iso_a2 != extra.iso_a2) continue;
        if (extra.match == NameMatch::demonym) add_demonym(keys, extra.name, entry);
        else keys.add(extra.name, entry, extra.match);
    }
}

void add_city_keys(KeyCollector& keys, const source::Place& place, std::uint32_t entry) {
    keys.add(place.name, entry, NameMatch::name);
    keys.add(place.asciiname, entry, NameMatch::name);
    std::string_view alternates = place.alt_names;
    while (!alternates.empty()) {
        const auto comma = alternates.find(',');
        const std::string_view alternate = alternates.substr(0, comma);
        if (!is_unwanted_alternate(alternate)) keys.add(alternate, entry, NameMatch::alternate);
        if (comma == std::string_view::npos) break;
        alternates.remove_prefix(comma + 1);
    }
}

// ------------------------------------------------------------------ admin1 variants

bool is_type_word(std::string_view word) {
    return std::find(kTypeWords.begin(), kTypeWords.end(), word) != kTypeWords.end();
}

// Whether every word of a normalised base is generic ("north eastern").
bool is_generic_base(std::string_view base) {
    while (!base.empty()) {
        const auto space = base.find(' ');
        const std::string_view word = base.substr(0, space);
        if (std::find(kGenericBaseWords.begin(), kGenericBaseWords.end(), word) == kGenericBaseWords.end())
            return false;
        if (space == std::string_view::npos) break;
        base.remove_prefix(space + 1);
    }
    return true;
}

// A normalised admin1 name split into its base and type word:
// "moscow oblast" -> {"moscow", "oblast"}, "republic of tyva" -> {"tyva",
// "republic"}, "rostov" -> {"rostov", ""}.
struct RegionName {
    std::string key;
    std::string base;
    std::string type_word;
};

RegionName split_region_name(std::string key) {
    RegionName split{key, key, ""};
    if (const auto last_space = key.rfind(' '); last_space != std::string::npos) {
        const std::string_view last = std::string_view(key).substr(last_space + 1);
        if (is_type_word(last)) return {key, key.substr(0, last_space), std::string(last)};
    }
    if (const auto first_space = key.find(' '); first_space != std::string::npos) {
        const std::string_view first = std::string_view(key).substr(0, first_space);
        const std::string_view rest = std::string_view(key).substr(first_space + 1);
        if (is_type_word(first) && rest.starts_with("of ") && rest.size() > 3)
            return {key, std::string(rest.substr(3)), std::string(first)};
    }
    return split;
}

// Adds each region's name and its generated variants. Type words are those
// the country's own admin1 names use plus the universal ones, so Russian
// regions get "oblast"/"krai"/"republic" forms and US states "state" forms.
// A bare name ("Moscow", RU.48) gets no suffixed forms when another region of
// its country shares the base ("Moscow Oblast", RU.47): there the type word is
// what tells them apart. Generic bases ("Eastern Province") get no variants.
void add_admin1_keys(KeyCollector& keys, const std::vector<source::Admin1>& regions, std::uint32_t first_entry) {
    std::vector<RegionName> names;
    std::map<std::string, std::set<std::string>> type_words_by_country;
    std::map<std::pair<std::string, std::string>, int> regions_by_base;
    for (const auto& region : regions) {
        names.push_back(split_region_name(normalize_name(region.name)));
        if (!names.back().type_word.empty()) type_words_by_country[region.country].insert(names.back().type_word);
        ++regions_by_base[{region.country, names.back().base}];
    }
    for (std::size_t i = 0; i < regions.size(); ++i) {
        const auto entry = static_cast<std::uint32_t>(first_entry + i);
        const RegionName& name = names[i];
        keys.add(regions[i].name, entry, NameMatch::name);
        if (name.base.empty() || is_generic_base(name.base)) continue;
        keys.add_normalized(name.base, entry, NameMatch::variant);
        const bool bare = name.type_word.empty();
        if (bare && regions_by_base[{regions[i].country, name.base}] > 1) continue;
        std::set<std::string> words = type_words_by_country[regions[i].country];
        words.insert(kUniversalTypeWords.begin(), kUniversalTypeWords.end());
        for (const auto& word : words) keys.add_normalized(name.base + " " + word, entry, NameMatch::variant);
    }
}

// ------------------------------------------------------------------ admin2 names

template <std::size_t N>
bool is_listed(const std::array<std::string_view, N>& list, std::string_view word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

// The longest listed phrase that `key` ends with (after a space) or starts
// with (before a space); 0 when none.
template <std::size_t N>
std::size_t longest_suffix(std::string_view key, const std::array<std::string_view, N>& phrases) {
    std::size_t best = 0;
    for (std::string_view phrase : phrases)
        if (phrase.size() > best && key.size() > phrase.size() + 1 && key.ends_with(phrase) &&
            key[key.size() - phrase.size() - 1] == ' ')
            best = phrase.size();
    return best;
}

template <std::size_t N>
std::size_t longest_prefix(std::string_view key, const std::array<std::string_view, N>& phrases) {
    std::size_t best = 0;
    for (std::string_view phrase : phrases)
        if (phrase.size() > best && key.size() > phrase.size() + 1 && key.starts_with(phrase) &&
            key[phrase.size()] == ' ')
            best = phrase.size();
    return best;
}

// The bare name of a normalised admin2 name: "laurel county" -> "laurel",
// "partido de azul" -> "azul", "chita gun" -> "chita"; empty when the name
// has no type word or what is left is too general or too short to be a name
// ("departamento de capital", "north district").
std::string bare_admin2_name(std::string_view key) {
    std::string_view base = key;
    if (const std::size_t suffix = longest_suffix(key, kAdmin2Suffixes); suffix > 0) {
        base.remove_suffix(suffix + 1);
    } else if (const std::size_t prefix = longest_prefix(key, kAdmin2Prefixes); prefix > 0) {
        base.remove_prefix(prefix + 1);
        const auto space = base.find(' ');
        if (space != std::string_view::npos && is_listed(kAdmin2Connectors, base.substr(0, space)))
            base.remove_prefix(space + 1);
    } else {
        return {};
    }
    if (base.size() < 3 || is_generic_base(base) || is_listed(kGenericAdmin2Bases, base)) return {};
    return std::string(base);
}

// Each area's name, and its bare name at the bottom tier (gazetteer.hpp).
void add_admin2_keys(KeyCollector& keys, const std::vector<source::Admin2>& areas, std::uint32_t first_entry) {
    for (std::size_t i = 0; i < areas.size(); ++i) {
        const auto entry = static_cast<std::uint32_t>(first_entry + i);
        keys.add(areas[i].name, entry, NameMatch::name);
        const std::string bare = bare_admin2_name(normalize_name(areas[i].name));
        if (!bare.empty()) keys.add_normalized(bare, entry, NameMatch::variant, kBareAdmin2Tier);
    }
}

// ------------------------------------------------------------------ regions.json

// Finds the entries regions.json refers to, by identity, in the sorted
// source lists (whose positions are the entry indices less an offset).
class EntryFinder {
public:
    EntryFinder(const source::Contents& contents, std::uint32_t admin1_first, std::uint32_t city_first)
        : contents_(contents), admin1_first_(admin1_first), city_first_(city_first) {}

    [[nodiscard]] std::optional<std::uint32_t> country(std::string_view iso_a2) const {
        const auto& list = contents_.countries;
        auto it = std::lower_bound(list.begin(), list.end(), iso_a2,
                                   [](const source::Country& c, std::string_view code) { return c.iso_a2 < code; });
        if (it == list.end() || it->iso_a2 != iso_a2) return std::nullopt;
        return static_cast<std::uint32_t>(it - list.begin());
    }

    [[nodiscard]] std::optional<std::uint32_t> admin1(std::string_view code) const {
        const auto& list = contents_.admin1;
        auto it = std::lower_bound(list.begin(), list.end(), code, [](const source::Admin1& r, std::string_view c) {
            return region_code(r.country, r.admin1) < c;
        });
        if (it == list.end() || region_code(it->country, it->admin1) != code) return std::nullopt;
        return static_cast<std::uint32_t>(admin1_first_ + (it - list.begin()));
    }

    [[nodiscard]] std::optional<std::uint32_t> place(std::int64_t geonameid) const {
        const auto& list = contents_.places;
        auto it = std::lower_bound(list.begin(), list.end(), geonameid,
                                   [](const source::Place& p, std::int64_t id) { return p.geonameid < id; });
        if (it == list.end() || it->geonameid != geonameid) return std::nullopt;
        return static_cast<std::uint32_t>(city_first_ + (it - list.begin()));
    }

private:
    const source::Contents& contents_;
    std::uint32_t admin1_first_;
    std::uint32_t city_first_;
};

// Checks what regions.json says against the GeoPackage, so that a typo in a
// code or id stops the build instead of silently losing a name.
class CuratedChecker {
public:
    CuratedChecker(const fs::path& file, const EntryFinder& finder) : file_(file), finder_(finder) {}

    void check_region(const curated::Region& region) {
        if (!region.country.empty() && !finder_.country(region.country))
            throw problem(region.where, "no country '" + region.country + "' in the GeoPackage");
        for (const auto& member : region.members)
            if (!(member.size() == 2 ? finder_.country(member) : finder_.admin1(member)))
                throw problem(region.where,
                              "member '" + member + "' is neither a country nor an admin1 code of the GeoPackage");
        Place place;
        place.kind = PlaceKind::region;
        place.name = region.name;
        const std::string id = place.id();
        if (id.empty()) throw problem(region.where, "'name' needs a letter or digit");
        if (!ids_.insert(id).second) throw problem(region.where, "a second region with id '" + id + "'");
        if (region.members.size() > 1000 || joined(region.members, ',').size() > 0xFFFF)
            throw problem(region.where, "too many members");
    }

    std::uint32_t place(std::int64_t geonameid, const std::string& where) const {
        if (auto entry = finder_.place(geonameid)) return *entry;
        throw problem(where, "no GeoNames place " + std::to_string(geonameid) + " in the GeoPackage");
    }

    std::uint32_t admin1(const std::string& code, const std::string& where) const {
        if (auto entry = finder_.admin1(code)) return *entry;
        throw problem(where, "no admin1 region '" + code + "' in the GeoPackage");
    }

private:
    [[nodiscard]] Error problem(const std::string& where, const std::string& what) const {
        return Error(file_.string() + ": " + where + ": " + what);
    }

    const fs::path& file_;
    const EntryFinder& finder_;
    std::set<std::string> ids_;
};

// The key of a curated name: normalised, a leading "the " dropped (news
// writes "the Kremlin", "the Gulf"; the extractor deals with articles).
std::string curated_key(std::string_view name) {
    std::string key = normalize_name(name);
    if (key.starts_with("the ") && key.size() > 4) key.erase(0, 4);
    return key;
}

void add_region_keys(KeyCollector& keys, const curated::Region& region, std::uint32_t entry) {
    keys.add_normalized(curated_key(region.name), entry, NameMatch::name);
    for (std::size_t i = 0; i < region.names.size(); ++i)
        keys.add_normalized(curated_key(region.names[i]), entry, i == 0 ? NameMatch::name : NameMatch::alternate);
}

void add_metonym_keys(KeyCollector& keys, const curated::Metonym& metonym, std::uint32_t entry) {
    for (const auto& name : metonym.names) keys.add_normalized(curated_key(name), entry, NameMatch::metonym);
}

// Only the dotted key: "Ga." -> "ga.", never "ga" (gazetteer.hpp).
void add_abbreviation_keys(KeyCollector& keys, const curated::Abbreviation& abbreviation, std::uint32_t entry) {
    for (const auto& name : abbreviation.names) {
        const std::string key = normalize_name(name);
        if (!key.empty()) keys.add_normalized(key + ".", entry, NameMatch::code);
    }
}

// ------------------------------------------------------------------ serialisation

class StringPool {
public:
    std::uint32_t add(std::string_view text) {
        const auto offset = static_cast<std::uint32_t>(bytes_.size());
        bytes_.append(text);
        return offset;
    }
    std::uint32_t add_shared(const std::string& text) {  // small repeated strings (admin1 codes)
        auto [it, inserted] = shared_.try_emplace(text, 0);
        if (inserted) it->second = add(text);
        return it->second;
    }
    [[nodiscard]] const std::string& bytes() const { return bytes_; }

private:
    std::string bytes_;
    std::unordered_map<std::string, std::uint32_t> shared_;
};

template <std::size_t N>
void copy_padded(char (&target)[N], std::string_view text) {
    std::memcpy(target, text.data(), std::min(N, text.size()));
}

std::vector<fmt::EntryRecord> entry_records(const std::vector<Entry>& entries, StringPool& strings) {
    std::vector<fmt::EntryRecord> records;
    records.reserve(entries.size());
    for (const auto& entry : entries) {
        fmt::EntryRecord record;
        record.geonameid = entry.geonameid;
        record.population = entry.population;
        record.lat = entry.lat;
        record.lon = entry.lon;
        const std::string_view name = std::string_view(entry.name).substr(0, 0xFFFF);
        record.name_offset = strings.add(name);
        record.name_length = static_cast<std::uint16_t>(name.size());
        const std::string_view admin1 = std::string_view(entry.admin1).substr(0, 0xFF);
        record.admin1_offset = admin1.empty() ? 0 : strings.add_shared(std::string(admin1));
        record.admin1_length = static_cast<std::uint8_t>(admin1.size());
        const std::string_view admin2 = std::string_view(entry.admin2).substr(0, 0xFF);
        record.admin2_offset = admin2.empty() ? 0 : strings.add_shared(std::string(admin2));
        record.admin2_length = static_cast<std::uint8_t>(admin2.size());
        const std::string_view members = std::string_view(entry.members).substr(0, 0xFFFF);  // checked earlier
        record.members_offset = members.empty() ? 0 : strings.add(members);
        record.members_length = static_cast<std::uint16_t>(members.size());
        record.kind = static_cast<std::uint8_t>(entry.kind);
        copy_padded(record.country, entry.country);
        copy_padded(record.feature_code, std::string_view(entry.feature_code).substr(0, 5));
        records.push_back(record);
    }
    return records;
}

struct KeyTable {
    std::vector<fmt::KeyBucket> buckets;
    std::vector<fmt::Posting> postings;
};

// Open addressing with linear probing at a load factor between 0.3 and 0.6:
// a miss (the common case when scanning text) ends after ~2 buckets on
// average, and neighbouring buckets share a cache line.
KeyTable key_table(const KeyCollector::Result& collected, StringPool& strings) {
    KeyTable table;
    const std::size_t wanted = collected.keys.size() * 5 / 3 + 1;  // load <= 0.6
    table.buckets.resize(std::bit_ceil(std::max<std::size_t>(16, wanted)));
    const std::uint64_t mask = table.buckets.size() - 1;
    table.postings.reserve(collected.postings.size());
    std::size_t next = 0;
    for (std::uint32_t key = 0; key < collected.keys.size(); ++key) {
        fmt::KeyBucket bucket;
        bucket.posting_begin = static_cast<std::uint32_t>(table.postings.size());
        for (; next < collected.postings.size() && collected.postings[next].key == key; ++next) {
            const RawPosting& raw = collected.postings[next];
            fmt::Posting posting;
            posting.entry = raw.entry;
            posting.score = raw.score;
            posting.match = static_cast<std::uint8_t>(raw.match);
            table.postings.push_back(posting);
        }
        bucket.posting_count = static_cast<std::uint32_t>(table.postings.size()) - bucket.posting_begin;
        const std::string& text = collected.keys[key];
        bucket.hash = fmt::hash_key(text);
        bucket.key_offset = strings.add(text);
        bucket.key_length = static_cast<std::uint32_t>(text.size());
        std::uint64_t slot = bucket.hash & mask;
        while (table.buckets[slot].posting_count != 0) slot = (slot + 1) & mask;
        table.buckets[slot] = bucket;
    }
    return table;
}

std::uint64_t align_up(std::uint64_t offset, std::uint64_t alignment) {
    return (offset + alignment - 1) & ~(alignment - 1);
}
std::uint64_t align8(std::uint64_t offset) { return align_up(offset, 8); }

template <typename T>
fmt::Section place_section(std::uint64_t& cursor, std::size_t count, std::uint64_t alignment = 8) {
    fmt::Section section{align_up(cursor, alignment), static_cast<std::uint64_t>(count) * sizeof(T)};
    cursor = section.offset + section.size;
    return section;
}

template <typename T>
void put_array(std::string& out, const fmt::Section& section, const std::vector<T>& items) {
    if (!items.empty()) std::memcpy(out.data() + section.offset, items.data(), section.size);
}

struct EntryCounts {
    std::size_t countries = 0;
    std::size_t admin1 = 0;
    std::size_t admin2 = 0;
    std::size_t regions = 0;
    std::size_t cities = 0;
};

struct SourceSizes {
    std::uint64_t gpkg = 0;
    std::uint64_t regions = 0;
};

std::string serialise(const std::vector<fmt::EntryRecord>& records, const EntryCounts& counts, const KeyTable& table,
                      std::size_t key_count, const StringPool& strings, const SourceSizes& sources) {
    fmt::Header header;
    std::memcpy(header.magic, fmt::kMagic.data(), sizeof header.magic);
    header.version = fmt::kVersion;
    header.header_size = sizeof(fmt::Header);
    header.source_size = sources.gpkg;
    header.regions_size = sources.regions;
    header.country_count = static_cast<std::uint32_t>(counts.countries);
    header.admin1_count = static_cast<std::uint32_t>(counts.admin1);
    header.admin2_count = static_cast<std::uint32_t>(counts.admin2);
    header.region_count = static_cast<std::uint32_t>(counts.regions);
    header.city_count = static_cast<std::uint32_t>(counts.cities);
    header.key_count = static_cast<std::uint32_t>(key_count);
    header.bucket_count = table.buckets.size();
    header.posting_count = table.postings.size();
    std::uint64_t cursor = sizeof(fmt::Header);
    // Entries on a cache-line boundary: a 64-byte record is then one line, so
    // building a candidate costs one memory access for its record, not two.
    header.entries = place_section<fmt::EntryRecord>(cursor, records.size(), fmt::kEntryAlignment);
    header.buckets = place_section<fmt::KeyBucket>(cursor, table.buckets.size());
    header.postings = place_section<fmt::Posting>(cursor, table.postings.size());
    header.strings = place_section<char>(cursor, strings.bytes().size());
    header.file_size = align8(cursor);

    std::string out(header.file_size, '\0');
    std::memcpy(out.data(), &header, sizeof header);
    put_array(out, header.entries, records);
    put_array(out, header.buckets, table.buckets);
    put_array(out, header.postings, table.postings);
    std::memcpy(out.data() + header.strings.offset, strings.bytes().data(), strings.bytes().size());
    return out;
}

std::uint64_t file_size_of(const fs::path& path) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) throw Error(path.string() + ": cannot read (" + ec.message() + ")");
    return size;
}

}  // namespace

std::string build_gazetteer_index(const fs::path& gpkg, const fs::path& regions_json) {
    // regions.json first: it is small, hand-edited and the likelier to be broken.
    const curated::Contents curated_names = curated::read_regions(regions_json);
    const SourceSizes sizes{file_size_of(gpkg), file_size_of(regions_json)};
    source::Contents contents = source::read_geopackage(gpkg);
    sort_sources(contents);
    const PopulationTotals totals = sum_populations(contents.places);

    const EntryCounts counts{contents.countries.size(), contents.admin1.size(), contents.admin2.size(),
                             curated_names.regions.size(), contents.places.size()};
    // Kinds in PlaceKind order (gazetteer_format.hpp).
    const auto admin1_first = static_cast<std::uint32_t>(counts.countries);
    const auto city_first = static_cast<std::uint32_t>(admin1_first + counts.admin1);
    const auto admin2_first = static_cast<std::uint32_t>(city_first + counts.cities);
    const auto region_first = static_cast<std::uint32_t>(admin2_first + counts.admin2);

    const EntryFinder finder(contents, admin1_first, city_first);
    CuratedChecker checker(regions_json, finder);
    for (const auto& region : curated_names.regions) checker.check_region(region);

    std::vector<Entry> entries;
    entries.reserve(region_first + counts.regions);
    for (const auto& country : contents.countries) entries.push_back(country_entry(country, totals));
    for (const auto& region : contents.admin1) entries.push_back(admin1_entry(region, totals));
    for (const auto& place : contents.places) entries.push_back(city_entry(place));
    for (const auto& area : contents.admin2) entries.push_back(admin2_entry(area, totals));
    for (const auto& region : curated_names.regions) entries.push_back(region_entry(region));

    KeyCollector keys(entries);
    for (std::uint32_t i = 0; i < counts.countries; ++i) add_country_keys(keys, contents.countries[i], i);
    add_admin1_keys(keys, contents.admin1, admin1_first);
    for (std::uint32_t i = 0; i < counts.cities; ++i) add_city_keys(keys, contents.places[i], city_first + i);
    add_admin2_keys(keys, contents.admin2, admin2_first);
    for (std::uint32_t i = 0; i < counts.regions; ++i)
        add_region_keys(keys, curated_names.regions[i], region_first + i);
    for (const auto& metonym : curated_names.metonyms)
        add_metonym_keys(keys, metonym, checker.place(metonym.geonameid, metonym.where));
    for (const auto& abbreviation : curated_names.abbreviations) {
        const std::uint32_t entry = abbreviation.admin1.empty()
                                        ? checker.place(abbreviation.geonameid, abbreviation.where)
                                        : checker.admin1(abbreviation.admin1, abbreviation.where);
        add_abbreviation_keys(keys, abbreviation, entry);
    }
    const KeyCollector::Result collected = std::move(keys).finish();

    StringPool strings;
    const auto records = entry_records(entries, strings);  // names first: they sit together in memory
    const KeyTable table = key_table(collected, strings);
    return serialise(records, counts, table, collected.keys.size(), strings, sizes);
}

std::string build_gazetteer_index(const fs::path& gpkg) {
    return build_gazetteer_index(gpkg, curated::regions_file_for(gpkg));
}

void write_gazetteer_index(const fs::path& gpkg, const fs::path& out_file) {
    check_writable(out_file);
    const std::string bytes = build_gazetteer_index(gpkg);
    write_bytes_atomically(out_file, bytes);
}

}  // namespace muster
