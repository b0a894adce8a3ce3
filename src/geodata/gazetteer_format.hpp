// The on-disk layout of the gazetteer index (derived/gazetteer.idx), shared by
// the writer (gazetteer_index.cpp) and the reader (gazetteer.cpp). Internal to
// src/geodata: other modules use gazetteer.hpp.
//
// The file is designed to be memory-mapped and used in place: no parsing, no
// per-entry allocation at load. All integers are little-endian, every section
// starts at a multiple of 8 bytes, and records are fixed-size PODs read with
// memcpy (so alignment and aliasing never matter for correctness; the entries
// start on a 64-byte boundary for speed).
//
//   Header    (144 bytes)  magic, version, sizes, section table
//   entries   EntryRecord[entry_count], kinds in PlaceKind order: countries
//             (sorted by ISO alpha-2), admin1 regions (sorted by "CC.A1"
//             code), GeoNames places (sorted by geonameid), admin2 areas
//             (sorted by "CC.A1.A2" code), then regions.json entries (in file
//             order), so each range but the last is binary-searchable. (Kept
//             in the version-1 order for the first three kinds: what reads
//             "countries and admin1 first, then places" keeps working.)
//   buckets   KeyBucket[bucket_count]: open-addressing hash table (linear
//             probing, power-of-two size, load <= 0.6) over normalised keys
//   postings  Posting[posting_count]: per key, the candidate entries in rank
//             order (best first); a bucket names its contiguous slice
//   strings   UTF-8 bytes: entry names, admin1 and admin2 codes, region
//             member lists (codes joined with ','), and the keys themselves
//             (keys are compared byte for byte, so hash collisions are
//             harmless; dotted abbreviation keys end in '.', no other does)
//
// Bump kVersion whenever any of this changes; a reader refuses other versions.
// Version 2: admin2 areas and regions.json entries (kinds 3 and 4), admin2
// codes and member lists in EntryRecord (56 -> 64 bytes), NameMatch::metonym,
// dotted abbreviation keys, regions.json size in the header (128 -> 144).
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace muster::gazetteer_format {

static_assert(std::endian::native == std::endian::little, "the index format is little-endian");

inline constexpr std::string_view kMagic{"MUSTGAZ\n", 8};
inline constexpr std::uint32_t kVersion = 2;

struct Section {
    std::uint64_t offset = 0;  // from the start of the file
    std::uint64_t size = 0;    // bytes
};

struct Header {
    char magic[8] = {};
    std::uint32_t version = 0;
    std::uint32_t header_size = 0;
    std::uint64_t file_size = 0;    // whole file, to detect truncation
    std::uint64_t source_size = 0;  // bytes of the GeoPackage it was derived from (staleness)
    std::uint64_t regions_size = 0;  // bytes of the regions.json it was derived from (staleness)
    std::uint32_t country_count = 0;
    std::uint32_t admin1_count = 0;
    std::uint32_t admin2_count = 0;
    std::uint32_t region_count = 0;
    std::uint32_t city_count = 0;
    std::uint32_t key_count = 0;
    std::uint64_t bucket_count = 0;  // power of two
    std::uint64_t posting_count = 0;
    Section entries;
    Section buckets;
    Section postings;
    Section strings;
};
static_assert(sizeof(Header) == 144);

// The values of muster::PlaceKind.
enum class Kind : std::uint8_t { country = 0, admin1 = 1, city = 2, admin2 = 3, region = 4 };

struct EntryRecord {
    std::int64_t geonameid = 0;   // 0 for all but places
    std::int64_t population = 0;  // country / admin1 / admin2: summed over their places
    double lat = 0.0;
    double lon = 0.0;
    std::uint32_t name_offset = 0;  // into strings
    std::uint32_t admin1_offset = 0;
    std::uint32_t admin2_offset = 0;
    std::uint32_t members_offset = 0;  // ','-joined member codes of a region
    std::uint16_t name_length = 0;
    std::uint16_t members_length = 0;
    std::uint8_t admin1_length = 0;
    std::uint8_t admin2_length = 0;
    std::uint8_t kind = 0;  // Kind
    std::uint8_t reserved = 0;
    char country[2] = {};   // ISO alpha-2, both NUL when none
    char feature_code[6] = {};  // NUL-padded, e.g. "PPLA2", "PCLI", "ADM1", "ADM2", "RGN", "WTR", "SITE"
};
static_assert(sizeof(EntryRecord) == 64);
// The writer starts the entries section at a multiple of this (a cache line
// in a page-aligned mapping); readers need only the usual multiple of 8.
inline constexpr std::uint64_t kEntryAlignment = 64;

struct KeyBucket {
    std::uint64_t hash = 0;
    std::uint32_t key_offset = 0;  // into strings
    std::uint32_t key_length = 0;
    std::uint32_t posting_begin = 0;
    std::uint32_t posting_count = 0;  // 0 marks an empty bucket
};
static_assert(sizeof(KeyBucket) == 24);

struct Posting {
    std::uint32_t entry = 0;
    float score = 0.0f;
    std::uint8_t match = 0;  // muster::NameMatch
    std::uint8_t reserved[3] = {};
};
static_assert(sizeof(Posting) == 12);

// Stable 64-bit hash of a normalised key (FNV-1a with a final avalanche so
// that the low bits used for bucket selection are well mixed). Part of the
// file format: changing it requires a version bump.
inline std::uint64_t hash_key(std::string_view key) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : key) {
        h ^= c;
        h *= 0x100000001b3ull;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return h;
}

}  // namespace muster::gazetteer_format
