#include "geodata/gazetteer.hpp"

#include "core/error.hpp"
#include "core/paths.hpp"
#include "geodata/gazetteer_format.hpp"
#include "geodata/gazetteer_index.hpp"
#include "geodata/gazetteer_regions.hpp"
#include "geodata/normalize.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace muster {
namespace fs = std::filesystem;
namespace fmt = gazetteer_format;

const char* to_string(PlaceKind kind) {
    switch (kind) {
        case PlaceKind::country: return "country";
        case PlaceKind::admin1: return "admin1";
        case PlaceKind::city: return "city";
        case PlaceKind::admin2: return "admin2";
        case PlaceKind::region: return "region";
    }
    return "?";
}

const char* to_string(NameMatch match) {
    switch (match) {
        case NameMatch::name: return "name";
        case NameMatch::alternate: return "alternate";
        case NameMatch::code: return "code";
        case NameMatch::demonym: return "demonym";
        case NameMatch::variant: return "variant";
        case NameMatch::metonym: return "metonym";
    }
    return "?";
}

namespace {

// "Baltic states" -> "baltic-states", "Nagorno-Karabakh" -> "nagorno-karabakh":
// ASCII letters lower-cased, digits and other (UTF-8) bytes kept, every run
// of ASCII punctuation and spaces one hyphen, none at either end.
std::string slug(std::string_view name) {
    std::string out;
    bool pending_hyphen = false;
    for (const char c : name) {
        const auto byte = static_cast<unsigned char>(c);
        const bool keep = byte >= 0x80 || std::isalnum(byte);
        if (!keep) {
            pending_hyphen = !out.empty();
            continue;
        }
        if (pending_hyphen) out += '-';
        pending_hyphen = false;
        out += static_cast<char>(std::tolower(byte));
    }
    return out;
}

}  // namespace

std::string Place::id() const {
    switch (kind) {
        case PlaceKind::country: return country;
        case PlaceKind::admin1: return country + "." + admin1;
        case PlaceKind::admin2: return country + "." + admin1 + "." + admin2;
        case PlaceKind::city: return std::to_string(geonameid);
        case PlaceKind::region: return slug(name);
    }
    return {};
}

const char* Place::feature() const {
    switch (kind) {
        case PlaceKind::country: return "country";
        case PlaceKind::admin1: return "admin1";
        case PlaceKind::city: return "city";
        case PlaceKind::admin2: return "region";  // the output contract has no second level
        case PlaceKind::region:
            if (feature_code == "WTR") return "water";
            if (feature_code == "SITE") return "site";
            return "region";
    }
    return "region";
}

namespace {

const char* const kRebuildHint = "rebuild it with 'muster derive' (the build runs it)";

// A read-only memory map of a whole file, unmapped on destruction.
class MappedFile {
public:
    explicit MappedFile(const fs::path& path) {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) throw Error(path.string() + ": cannot open gazetteer index (" + std::strerror(errno) + ")");
        struct stat info {};
        if (::fstat(fd, &info) != 0) {
            const int saved = errno;
            ::close(fd);
            throw Error(path.string() + ": cannot read gazetteer index (" + std::strerror(saved) + ")");
        }
        size_ = static_cast<std::size_t>(info.st_size);
        if (size_ > 0) {
            void* mapped = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
            if (mapped == MAP_FAILED) {
                const int saved = errno;
                ::close(fd);
                throw Error(path.string() + ": cannot map gazetteer index (" + std::strerror(saved) + ")");
            }
            data_ = static_cast<const char*>(mapped);
        }
        ::close(fd);  // the mapping stays valid
    }
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    ~MappedFile() {
        if (data_) ::munmap(const_cast<char*>(data_), size_);
    }

    [[nodiscard]] const char* data() const { return data_; }
    [[nodiscard]] std::size_t size() const { return size_; }

private:
    const char* data_ = nullptr;
    std::size_t size_ = 0;
};

template <typename T>
T read_at(const char* base, std::size_t index) {
    T value;
    std::memcpy(&value, base + index * sizeof(T), sizeof(T));
    return value;
}

bool section_fits(const fmt::Section& section, std::uint64_t count, std::size_t record_size, std::uint64_t file_size) {
    return section.offset % 8 == 0 && section.offset <= file_size && section.size <= file_size - section.offset &&
           section.size / record_size == count && section.size % record_size == 0;
}

// Checks everything load-time can check without touching more than the
// header: lookups then bounds-check each record they read, so a corrupt
// index can give wrong answers but never read outside the file.
fmt::Header validated_header(const char* data, std::size_t size, const std::string& origin) {
    auto corrupt = [&](const std::string& why) {
        return Error(origin + ": " + why + "; " + kRebuildHint);
    };
    if (size < sizeof(fmt::Header))
        throw corrupt("not a gazetteer index (only " + std::to_string(size) + " bytes)");
    const auto header = read_at<fmt::Header>(data, 0);
    if (std::string_view(header.magic, sizeof header.magic) != fmt::kMagic) throw corrupt("not a gazetteer index");
    if (header.version != fmt::kVersion)
        throw corrupt("gazetteer index format " + std::to_string(header.version) + ", this muster reads format " +
                      std::to_string(fmt::kVersion));
    if (header.file_size != size)
        throw corrupt("truncated or corrupt gazetteer index (" + std::to_string(size) + " bytes, header says " +
                      std::to_string(header.file_size) + ")");
    const std::uint64_t entry_count = std::uint64_t{header.country_count} + header.admin1_count +
                                      header.admin2_count + header.region_count + header.city_count;
    const bool layout_ok = header.header_size == sizeof(fmt::Header) && std::has_single_bit(header.bucket_count) &&
                           entry_count <= 0xFFFFFFFFull &&
                           section_fits(header.entries, entry_count, sizeof(fmt::EntryRecord), size) &&
                           section_fits(header.buckets, header.bucket_count, sizeof(fmt::KeyBucket), size) &&
                           section_fits(header.postings, header.posting_count, sizeof(fmt::Posting), size) &&
                           section_fits(header.strings, header.strings.size, 1, size);
    if (!layout_ok) throw corrupt("corrupt gazetteer index (bad section table)");
    return header;
}

std::string fixed_text(const char* field, std::size_t capacity) {
    return std::string(field, ::strnlen(field, capacity));
}

PlaceKind kind_of(std::uint8_t stored) {
    return stored <= static_cast<std::uint8_t>(fmt::Kind::region) ? static_cast<PlaceKind>(stored) : PlaceKind::city;
}

std::vector<std::string> split_members(std::string_view joined) {
    std::vector<std::string> members;
    while (!joined.empty()) {
        const auto comma = joined.find(',');
        members.emplace_back(joined.substr(0, comma));
        if (comma == std::string_view::npos) break;
        joined.remove_prefix(comma + 1);
    }
    return members;
}

// Where a name's dotted abbreviation key would differ from its plain key:
// names ending in '.', trailing whitespace aside ("Calif.", "W.Va. ").
bool ends_with_period(std::string_view name) {
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t' || name.back() == '\n' || name.back() == '\r'))
        name.remove_suffix(1);
    return name.ends_with('.');
}

struct PostingRange {
    std::uint64_t begin = 0;
    std::uint64_t count = 0;
};

}  // namespace

struct Gazetteer::Impl {
    std::unique_ptr<MappedFile> mapped;  // when memory-mapped
    std::string owned;                    // when built in memory
    const char* data = nullptr;
    fmt::Header header;
    std::string origin;
    std::size_t entry_count = 0;

    void attach(const char* bytes, std::size_t size) {
        header = validated_header(bytes, size, origin);
        data = bytes;
        entry_count = std::size_t{header.country_count} + header.admin1_count + header.admin2_count +
                      header.region_count + header.city_count;
    }

    [[nodiscard]] fmt::EntryRecord entry_record(std::size_t index) const {
        return read_at<fmt::EntryRecord>(data + header.entries.offset, index);
    }
    [[nodiscard]] fmt::KeyBucket bucket(std::uint64_t index) const {
        return read_at<fmt::KeyBucket>(data + header.buckets.offset, index);
    }
    [[nodiscard]] fmt::Posting posting(std::uint64_t index) const {
        return read_at<fmt::Posting>(data + header.postings.offset, index);
    }

    // Bytes of the string pool, or empty when the range lies outside it.
    [[nodiscard]] std::string_view pool_text(std::uint64_t offset, std::uint64_t length) const {
        if (offset > header.strings.size || length > header.strings.size - offset) return {};
        return {data + header.strings.offset + offset, length};
    }

    [[nodiscard]] PostingRange find(std::string_view key) const {
        if (key.empty()) return {};
        const std::uint64_t hash = fmt::hash_key(key);
        const std::uint64_t mask = header.bucket_count - 1;
        std::uint64_t slot = hash & mask;
        for (std::uint64_t probes = 0; probes < header.bucket_count; ++probes, slot = (slot + 1) & mask) {
            const fmt::KeyBucket b = bucket(slot);
            if (b.posting_count == 0) return {};
            if (b.hash != hash || b.key_length != key.size() || pool_text(b.key_offset, b.key_length) != key) continue;
            if (b.posting_begin > header.posting_count || b.posting_count > header.posting_count - b.posting_begin)
                return {};
            return {b.posting_begin, b.posting_count};
        }
        return {};
    }

    // The candidates of a name as lookup() and count() see it: a name ending
    // in '.' answers from its dotted abbreviation key when that is a key
    // (gazetteer.hpp), otherwise from the plain key.
    [[nodiscard]] PostingRange find_name(std::string_view name) const {
        thread_local std::string key;
        normalize_name_into(name, key);
        if (!key.empty() && ends_with_period(name)) {
            key += '.';
            if (const PostingRange dotted = find(key); dotted.count > 0) return dotted;
            key.pop_back();
        }
        return find(key);
    }

    // Asks for the records of the first candidates at once, so that their
    // cache misses overlap instead of queueing behind each candidate's copies.
    void prefetch_entries(std::uint64_t posting_begin, std::uint64_t count) const {
        const char* entries = data + header.entries.offset;
        for (std::uint64_t i = 0; i < std::min<std::uint64_t>(count, 16); ++i) {
            const fmt::Posting p = posting(posting_begin + i);
            if (p.entry < entry_count) __builtin_prefetch(entries + std::size_t{p.entry} * sizeof(fmt::EntryRecord));
        }
    }

    [[nodiscard]] Place place(std::size_t index) const {
        const fmt::EntryRecord record = entry_record(index);
        Place place;
        place.geonameid = record.geonameid;
        place.name = std::string(pool_text(record.name_offset, record.name_length));
        place.kind = kind_of(record.kind);
        place.feature_code = fixed_text(record.feature_code, sizeof record.feature_code);
        place.country = fixed_text(record.country, sizeof record.country);
        place.admin1 = std::string(pool_text(record.admin1_offset, record.admin1_length));
        place.admin2 = std::string(pool_text(record.admin2_offset, record.admin2_length));
        place.point = {record.lat, record.lon};
        place.population = record.population;
        if (record.members_length > 0)
            place.members = split_members(pool_text(record.members_offset, record.members_length));
        return place;
    }

    // First index in [first, last) whose record is not less than the target
    // under `less(record)`; entries in each kind's range are sorted.
    template <typename Less>
    [[nodiscard]] std::size_t lower_bound(std::size_t first, std::size_t last, Less less) const {
        while (first < last) {
            const std::size_t middle = first + (last - first) / 2;
            if (less(entry_record(middle))) first = middle + 1;
            else last = middle;
        }
        return first;
    }

    [[nodiscard]] std::size_t admin1_begin() const { return header.country_count; }
    // Kinds in PlaceKind order (gazetteer_format.hpp).
    [[nodiscard]] std::size_t city_begin() const { return admin1_begin() + header.admin1_count; }
    [[nodiscard]] std::size_t admin2_begin() const { return city_begin() + header.city_count; }
    [[nodiscard]] std::size_t region_begin() const { return admin2_begin() + header.admin2_count; }
};

Gazetteer::Gazetteer(std::unique_ptr<const Impl> impl) : impl_(std::move(impl)) {}
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;
Gazetteer::~Gazetteer() = default;

Gazetteer Gazetteer::open_index(const fs::path& index_file) {
    auto impl = std::make_unique<Impl>();
    impl->origin = index_file.string();
    impl->mapped = std::make_unique<MappedFile>(index_file);
    impl->attach(impl->mapped->data(), impl->mapped->size());
    return Gazetteer(std::move(impl));
}

Gazetteer Gazetteer::build(const fs::path& gpkg) {
    auto impl = std::make_unique<Impl>();
    impl->origin = "(built in memory from " + gpkg.string() + ")";
    impl->owned = build_gazetteer_index(gpkg);
    impl->attach(impl->owned.data(), impl->owned.size());
    return Gazetteer(std::move(impl));
}

namespace {

// Why a mapped index no longer matches its sources, or "" when it does. Sizes
// are the cheap test: tools/build-geodata.sh and hand edits of regions.json
// change them. A missing regions.json is not held against the index (the
// GeoPackage alone is what must be there).
std::string staleness(const Gazetteer& mapped, const fs::path& gpkg, std::uint64_t gpkg_size) {
    if (mapped.source_size() != gpkg_size)
        return mapped.origin() + ": derived from a GeoPackage of " + std::to_string(mapped.source_size()) +
               " bytes, " + gpkg.string() + " now has " + std::to_string(gpkg_size);
    const fs::path regions = gazetteer_regions::regions_file_for(gpkg);
    std::error_code ec;
    const std::uint64_t regions_size = fs::file_size(regions, ec);
    if (!ec && mapped.regions_source_size() != regions_size)
        return mapped.origin() + ": derived from a regions.json of " + std::to_string(mapped.regions_source_size()) +
               " bytes, " + regions.string() + " now has " + std::to_string(regions_size);
    return {};
}

}  // namespace

Gazetteer Gazetteer::load() {
    const fs::path index_file = derived_dir() / "gazetteer.idx";
    fs::path gpkg;
    std::string no_gpkg;
    try {
        gpkg = default_geopackage();
    } catch (const Error& e) {
        no_gpkg = e.what();
    }
    std::error_code ec;
    const std::uint64_t gpkg_size = gpkg.empty() ? 0 : fs::file_size(gpkg, ec);

    std::string problem;
    if (fs::exists(index_file, ec)) {
        try {
            Gazetteer mapped = open_index(index_file);
            // Without a GeoPackage there is nothing to be stale against.
            if (gpkg.empty()) return mapped;
            problem = staleness(mapped, gpkg, gpkg_size);
            if (problem.empty()) return mapped;
        } catch (const Error& e) {
            problem = e.what();
        }
    } else {
        problem = index_file.string() + ": gazetteer index not found";
    }
    if (gpkg.empty()) throw Error(problem + "; and " + no_gpkg);
    std::fprintf(stderr, "muster: warning: %s; building the gazetteer in memory from %s (slow)\n", problem.c_str(),
                 gpkg.c_str());
    return build(gpkg);
}

std::vector<Candidate> Gazetteer::lookup(std::string_view name, std::size_t limit) const {
    const PostingRange range = impl_->find_name(name);
    std::vector<Candidate> candidates;
    const std::uint64_t wanted = std::min<std::uint64_t>(range.count, limit);
    if (wanted == 0) return candidates;
    candidates.reserve(wanted);
    impl_->prefetch_entries(range.begin, wanted);
    for (std::uint64_t i = 0; i < wanted; ++i) {
        const fmt::Posting posting = impl_->posting(range.begin + i);
        if (posting.entry >= impl_->entry_count) continue;  // corrupt: skip rather than read outside
        Candidate candidate;
        static_cast<Place&>(candidate) = impl_->place(posting.entry);
        candidate.score = posting.score;
        candidate.match = posting.match <= static_cast<std::uint8_t>(NameMatch::metonym)
                              ? static_cast<NameMatch>(posting.match)
                              : NameMatch::alternate;
        candidates.push_back(std::move(candidate));
    }
    return candidates;
}

std::size_t Gazetteer::count(std::string_view name) const {
    return static_cast<std::size_t>(impl_->find_name(name).count);
}

std::optional<Place> Gazetteer::by_geonameid(std::int64_t geonameid) const {
    const std::size_t end = impl_->admin2_begin();
    const std::size_t found = impl_->lower_bound(
        impl_->city_begin(), end, [&](const fmt::EntryRecord& r) { return r.geonameid < geonameid; });
    if (found == end || impl_->entry_record(found).geonameid != geonameid) return std::nullopt;
    return impl_->place(found);
}

std::optional<Place> Gazetteer::country(std::string_view iso_a2) const {
    if (iso_a2.size() != 2) return std::nullopt;
    const char wanted[2] = {static_cast<char>(std::toupper(static_cast<unsigned char>(iso_a2[0]))),
                            static_cast<char>(std::toupper(static_cast<unsigned char>(iso_a2[1])))};
    const std::string_view target(wanted, 2);
    const std::size_t end = impl_->admin1_begin();
    const std::size_t found = impl_->lower_bound(
        0, end, [&](const fmt::EntryRecord& r) { return std::string_view(r.country, 2) < target; });
    if (found == end || std::string_view(impl_->entry_record(found).country, 2) != target) return std::nullopt;
    return impl_->place(found);
}

std::optional<Place> Gazetteer::admin1(std::string_view code) const {
    const std::size_t end = impl_->city_begin();
    auto code_of = [&](const fmt::EntryRecord& r) {
        return fixed_text(r.country, sizeof r.country) + "." +
               std::string(impl_->pool_text(r.admin1_offset, r.admin1_length));
    };
    const std::size_t found =
        impl_->lower_bound(impl_->admin1_begin(), end, [&](const fmt::EntryRecord& r) { return code_of(r) < code; });
    if (found == end || code_of(impl_->entry_record(found)) != code) return std::nullopt;
    return impl_->place(found);
}

std::optional<Place> Gazetteer::admin2(std::string_view code) const {
    const std::size_t end = impl_->region_begin();
    auto code_of = [&](const fmt::EntryRecord& r) {
        return fixed_text(r.country, sizeof r.country) + "." +
               std::string(impl_->pool_text(r.admin1_offset, r.admin1_length)) + "." +
               std::string(impl_->pool_text(r.admin2_offset, r.admin2_length));
    };
    const std::size_t found =
        impl_->lower_bound(impl_->admin2_begin(), end, [&](const fmt::EntryRecord& r) { return code_of(r) < code; });
    if (found == end || code_of(impl_->entry_record(found)) != code) return std::nullopt;
    return impl_->place(found);
}

std::size_t Gazetteer::size() const { return impl_->entry_count; }

Place Gazetteer::entry(std::size_t index) const {
    if (index >= impl_->entry_count)
        throw Error(impl_->origin + ": no gazetteer entry " + std::to_string(index) + " (there are " +
                    std::to_string(impl_->entry_count) + ")");
    return impl_->place(index);
}

std::size_t Gazetteer::key_count() const { return impl_->header.key_count; }
std::uint64_t Gazetteer::source_size() const { return impl_->header.source_size; }
std::uint64_t Gazetteer::regions_source_size() const { return impl_->header.regions_size; }
const std::string& Gazetteer::origin() const { return impl_->origin; }

}  // namespace muster
