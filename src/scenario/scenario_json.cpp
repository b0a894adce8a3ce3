#include "scenario/scenario_json.hpp"

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "scenario/scenario_limits.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <span>
#include <iterator>
#include <map>
#include <set>

namespace muster::scenario {

using nlohmann::json;

namespace {

// ================================================================ names

constexpr std::array kQualifiers = {"exact", "approx", "at_least", "at_most", "range"};
constexpr std::array kCategories = {"personnel", "unit", "equipment", "distance", "casualties", "count", "other"};
constexpr std::array kFeatures = {"country", "admin1", "city", "region", "site", "water"};
constexpr std::array kAffiliations = {"friend", "hostile", "neutral", "unknown"};
constexpr std::array kEchelons = {"none", "company", "battalion", "regiment", "brigade", "division", "corps", "army"};

// ================================================================ keys

constexpr std::array<std::string_view, 8> kScenarioKeys = {"muster", "title",   "date",    "sources",
                                                           "places", "figures", "borders", "movements"};
constexpr std::array<std::string_view, 5> kSourceKeys = {"id", "title", "path", "date", "text"};
constexpr std::array<std::string_view, 3> kMentionKeys = {"source", "start", "end"};
constexpr std::array<std::string_view, 11> kPlaceKeys = {"id", "name", "country", "feature", "gazetteer_id", "geonameid",
                                                         "lat", "lon", "confidence", "members", "mentions"};
constexpr std::array<std::string_view, 13> kFigureKeys = {"id", "text", "value", "min", "max", "qualifier", "unit",
                                                          "category", "actor", "place", "affiliation", "echelon", "mention"};
constexpr std::array<std::string_view, 7> kBorderKeys = {"id", "a", "b", "claimed_km", "measured_km", "lines", "mention"};
constexpr std::array<std::string_view, 5> kMovementKeys = {"id", "from", "to", "figure", "mention"};

// ================================================================ writing

json mention_json(const Mention& mention) {
    return {{"source", mention.source}, {"start", mention.span.start}, {"end", mention.span.end}};
}

void put_if(json& object, const char* key, const std::string& value) {
    if (!value.empty()) object[key] = value;
}

void put_if(json& object, const char* key, const std::optional<double>& value) {
    if (value) object[key] = *value;
}

json source_json(const Source& source) {
    json out = {{"id", source.id}, {"title", source.title}};
    put_if(out, "path", source.path);
    put_if(out, "date", source.date);
    out["text"] = source.text;
    return out;
}

json place_json(const Place& place) {
    json out = {{"id", place.id}, {"name", place.name}};
    put_if(out, "country", place.country);
    out["feature"] = place.feature;
    put_if(out, "gazetteer_id", place.gazetteer_id);
    if (place.geonameid != 0) out["geonameid"] = place.geonameid;
    out["lat"] = place.point.lat;
    out["lon"] = place.point.lon;
    out["confidence"] = place.confidence;
    if (!place.members.empty()) out["members"] = place.members;
    json mentions = json::array();
    for (const Mention& mention : place.mentions) mentions.push_back(mention_json(mention));
    out["mentions"] = std::move(mentions);
    return out;
}

json figure_json(const Figure& figure) {
    json out = {{"id", figure.id}, {"text", figure.text}};
    put_if(out, "value", figure.amount.value);
    put_if(out, "min", figure.amount.min);
    put_if(out, "max", figure.amount.max);
    out["qualifier"] = figure.amount.qualifier;
    out["unit"] = figure.unit;
    out["category"] = figure.category;
    put_if(out, "actor", figure.actor);
    put_if(out, "place", figure.place);
    put_if(out, "affiliation", figure.affiliation);
    put_if(out, "echelon", figure.echelon);
    if (figure.mention) out["mention"] = mention_json(*figure.mention);
    return out;
}

json border_json(const Border& border) {
    json out = {{"id", border.id}, {"a", border.a}, {"b", border.b}};
    put_if(out, "claimed_km", border.claimed_km);
    out["measured_km"] = border.measured_km;
    json lines = json::array();
    for (const auto& line : border.lines) {
        json points = json::array();
        for (const LatLon& p : line) points.push_back({p.lon, p.lat});  // GeoJSON order
        lines.push_back(std::move(points));
    }
    out["lines"] = std::move(lines);
    if (border.mention) out["mention"] = mention_json(*border.mention);
    return out;
}

json movement_json(const Movement& movement) {
    json out = {{"id", movement.id}, {"from", movement.from}, {"to", movement.to}};
    put_if(out, "figure", movement.figure);
    if (movement.mention) out["mention"] = mention_json(*movement.mention);
    return out;
}

template <typename T, typename F>
json list_json(const std::vector<T>& items, F to) {
    json out = json::array();
    for (const T& item : items) out.push_back(to(item));
    return out;
}

// ================================================================ reading

// RFC 6901: '~' and '/' in a key are escaped.
std::string pointer_token(std::string_view key) {
    std::string out;
    for (const char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

std::size_t code_points(std::string_view utf8) {
    return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

// "90", "0.5": a limit as a person writes it.
std::string bound(double value) {
    if (value == std::floor(value) && std::fabs(value) < 1e15) return std::to_string(static_cast<long long>(value));
    return json(value).dump();
}

// Reads one document, keeping the JSON pointer of what it reads for messages.
class Reader {
public:
    Reader(std::string origin, std::vector<std::string>* warnings) : origin_(std::move(origin)), warnings_(warnings) {}

    Scenario read(const json& root) {
        if (!root.is_object()) fail("", "expected a JSON object (a muster scenario)");
        check_version(root);
        known(root, "", kScenarioKeys);
        Scenario out;
        out.version = kFormatVersion;
        out.title = text(root, "", "title", false);
        out.date = text(root, "", "date", false);
        read_list(root, "sources", [&](const json& j, const std::string& at) { out.sources.push_back(source(j, at)); });
        read_list(root, "places", [&](const json& j, const std::string& at) { out.places.push_back(place(j, at)); });
        read_list(root, "figures", [&](const json& j, const std::string& at) { out.figures.push_back(figure(j, at)); });
        read_list(root, "borders", [&](const json& j, const std::string& at) { out.borders.push_back(border(j, at)); });
        read_list(root, "movements",
                  [&](const json& j, const std::string& at) { out.movements.push_back(movement(j, at)); });
        check_references(out);
        return out;
    }

private:
    [[noreturn]] void fail(const std::string& pointer, const std::string& what) const {
        throw Error(origin_ + ": " + (pointer.empty() ? what : pointer + ": " + what));
    }

    void check_version(const json& root) const {
        const auto it = root.find("muster");
        if (it == root.end()) fail("/muster", "missing (not a muster scenario)");
        if (!it->is_number_integer() || it->get<std::int64_t>() < 1) fail("/muster", "expected a positive integer");
        const std::int64_t version = it->get<std::int64_t>();
        if (version > kFormatVersion)
            throw Error(origin_ + ": muster format " + std::to_string(version) +
                        " is newer than this muster supports (" + std::to_string(kFormatVersion) + ")");
    }

    // Warns about keys the model does not know.
    void known(const json& object, const std::string& at, std::span<const std::string_view> keys) const {
        if (!warnings_) return;
        for (const auto& [key, value] : object.items()) {
            if (std::find(keys.begin(), keys.end(), key) == keys.end())
                warnings_->push_back(origin_ + ": " + at + "/" + pointer_token(key) + ": unknown field, ignored");
        }
    }

    // The member `key` of `object`, or nullptr when absent (an error when required).
    const json* member(const json& object, const std::string& at, const char* key, bool required,
                       const char* expected) const {
        const auto it = object.find(key);
        if (it == object.end()) {
            if (required) fail(at + "/" + key, std::string("missing (expected ") + expected + ")");
            return nullptr;
        }
        return &*it;
    }

    std::string text(const json& object, const std::string& at, const char* key, bool required) const {
        const json* j = member(object, at, key, required, "a string");
        if (!j) return {};
        if (!j->is_string()) fail(at + "/" + key, "expected a string");
        return j->get<std::string>();
    }

    std::optional<double> number(const json& object, const std::string& at, const char* key, bool required) const {
        const json* j = member(object, at, key, required, "a number");
        if (!j) return std::nullopt;
        if (!j->is_number()) fail(at + "/" + key, "expected a number");
        return j->get<double>();
    }

    double number_in(const json& object, const std::string& at, const char* key, double low, double high) const {
        const double value = *number(object, at, key, true);
        if (value < low || value > high)
            fail(at + "/" + key, "expected a number from " + bound(low) + " to " + bound(high));
        return value;
    }

    std::size_t count(const json& object, const std::string& at, const char* key) const {
        const json* j = member(object, at, key, true, "a non-negative integer");
        if (!j->is_number_unsigned() && !(j->is_number_integer() && j->get<std::int64_t>() >= 0))
            fail(at + "/" + key, "expected a non-negative integer");
        return j->get<std::size_t>();
    }

    template <std::size_t N>
    std::string one_of(const json& object, const std::string& at, const char* key, const std::array<const char*, N>& names,
                       bool required, const char* fallback) const {
        if (!object.contains(key) && !required) return fallback;
        const std::string value = text(object, at, key, true);
        if (std::find_if(names.begin(), names.end(), [&](const char* n) { return value == n; }) != names.end())
            return value;
        std::string list;
        for (const char* name : names) list += (list.empty() ? "" : ", ") + std::string(name);
        fail(at + "/" + key, "expected one of " + list + ", got " + json(value).dump());
    }

    template <typename F>
    void read_list(const json& root, const char* key, F each) const {
        const std::string at = std::string("/") + key;
        const json* list = member(root, "", key, false, "an array");
        if (!list) return;
        if (!list->is_array()) fail(at, "expected an array");
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string item_at = at + "/" + std::to_string(i);
            if (!(*list)[i].is_object()) fail(item_at, "expected an object");
            each((*list)[i], item_at);
        }
    }

    Mention mention(const json& j, const std::string& at) const {
        if (!j.is_object()) fail(at, "expected an object");
        known(j, at, kMentionKeys);
        Mention out;
        out.source = text(j, at, "source", true);
        out.span.start = count(j, at, "start");
        out.span.end = count(j, at, "end");
        if (out.span.end < out.span.start) fail(at + "/end", "expected end >= start");
        return out;
    }

    std::optional<Mention> optional_mention(const json& object, const std::string& at) const {
        const json* j = member(object, at, "mention", false, "an object");
        if (!j) return std::nullopt;
        return mention(*j, at + "/mention");
    }

    Source source(const json& j, const std::string& at) const {
        known(j, at, kSourceKeys);
        Source out;
        out.id = text(j, at, "id", true);
        out.title = text(j, at, "title", false);
        out.path = text(j, at, "path", false);
        out.date = text(j, at, "date", false);
        out.text = text(j, at, "text", false);
        return out;
    }

    Place place(const json& j, const std::string& at) const {
        known(j, at, kPlaceKeys);
        Place out;
        out.id = text(j, at, "id", true);
        out.name = text(j, at, "name", true);
        out.country = text(j, at, "country", false);
        out.feature = one_of(j, at, "feature", kFeatures, true, "");
        out.gazetteer_id = text(j, at, "gazetteer_id", false);
        if (const json* id = member(j, at, "geonameid", false, "an integer")) {
            if (!id->is_number_integer()) fail(at + "/geonameid", "expected an integer");
            out.geonameid = id->get<std::int64_t>();
        }
        out.point.lat = number_in(j, at, "lat", -90.0, 90.0);
        out.point.lon = number_in(j, at, "lon", -180.0, 180.0);
        out.confidence = j.contains("confidence") ? number_in(j, at, "confidence", 0.0, 1.0) : 1.0;
        if (const json* members = member(j, at, "members", false, "an array of strings")) {
            if (!members->is_array()) fail(at + "/members", "expected an array of strings");
            for (std::size_t i = 0; i < members->size(); ++i) {
                if (!(*members)[i].is_string()) fail(at + "/members/" + std::to_string(i), "expected a string");
                out.members.push_back((*members)[i].get<std::string>());
            }
        }
        if (const json* mentions = member(j, at, "mentions", false, "an array")) {
            if (!mentions->is_array()) fail(at + "/mentions", "expected an array");
            for (std::size_t i = 0; i < mentions->size(); ++i)
                out.mentions.push_back(mention((*mentions)[i], at + "/mentions/" + std::to_string(i)));
        }
        return out;
    }

    Figure figure(const json& j, const std::string& at) const {
        known(j, at, kFigureKeys);
        Figure out;
        out.id = text(j, at, "id", true);
        out.text = text(j, at, "text", false);
        out.amount.value = number(j, at, "value", false);
        out.amount.min = number(j, at, "min", false);
        out.amount.max = number(j, at, "max", false);
        out.amount.qualifier = one_of(j, at, "qualifier", kQualifiers, false, "exact");
        out.unit = text(j, at, "unit", false);
        out.category = one_of(j, at, "category", kCategories, false, "other");
        out.actor = text(j, at, "actor", false);
        out.place = text(j, at, "place", false);
        out.affiliation = one_of(j, at, "affiliation", kAffiliations, false, "");
        out.echelon = one_of(j, at, "echelon", kEchelons, false, "");
        out.mention = optional_mention(j, at);
        return out;
    }

    Border border(const json& j, const std::string& at) const {
        known(j, at, kBorderKeys);
        Border out;
        out.id = text(j, at, "id", true);
        out.a = text(j, at, "a", true);
        out.b = text(j, at, "b", true);
        out.claimed_km = number(j, at, "claimed_km", false);
        out.measured_km = j.contains("measured_km") ? number_in(j, at, "measured_km", 0.0, 1e6) : 0.0;
        if (const json* lines = member(j, at, "lines", false, "an array")) out.lines = read_lines(*lines, at + "/lines");
        out.mention = optional_mention(j, at);
        return out;
    }

    Movement movement(const json& j, const std::string& at) const {
        known(j, at, kMovementKeys);
        Movement out;
        out.id = text(j, at, "id", true);
        out.from = text(j, at, "from", true);
        out.to = text(j, at, "to", true);
        out.figure = text(j, at, "figure", false);
        out.mention = optional_mention(j, at);
        return out;
    }

    // [[[lon, lat], ...], ...], as a GeoJSON MultiLineString's coordinates.
    std::vector<std::vector<LatLon>> read_lines(const json& lines, const std::string& at) const {
        if (!lines.is_array()) fail(at, "expected an array of lines");
        std::vector<std::vector<LatLon>> out;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const std::string line_at = at + "/" + std::to_string(i);
            if (!lines[i].is_array()) fail(line_at, "expected an array of [lon, lat] points");
            std::vector<LatLon>& line = out.emplace_back();
            for (std::size_t k = 0; k < lines[i].size(); ++k) {
                const json& p = lines[i][k];
                const std::string point_at = line_at + "/" + std::to_string(k);
                if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_number())
                    fail(point_at, "expected a [lon, lat] pair of numbers");
                line.push_back({p[1].get<double>(), p[0].get<double>()});
            }
        }
        return out;
    }

    // Ids are unique per list, and everything that refers to one exists.
    void check_references(const Scenario& s) const {
        unique_ids(s.sources, "/sources");
        unique_ids(s.places, "/places");
        unique_ids(s.figures, "/figures");
        unique_ids(s.borders, "/borders");
        unique_ids(s.movements, "/movements");
        SourceSizes sizes;
        for (const Source& source : s.sources) sizes.emplace(source.id, code_points(source.text));
        for (std::size_t i = 0; i < s.places.size(); ++i) {
            for (std::size_t m = 0; m < s.places[i].mentions.size(); ++m)
                check_mention(sizes, s.places[i].mentions[m],
                              "/places/" + std::to_string(i) + "/mentions/" + std::to_string(m));
        }
        std::set<std::string_view> place_ids;
        for (const Place& place : s.places) place_ids.insert(place.id);
        for (std::size_t i = 0; i < s.figures.size(); ++i) {
            const Figure& f = s.figures[i];
            const std::string at = "/figures/" + std::to_string(i);
            if (!f.place.empty() && !place_ids.contains(f.place))
                fail(at + "/place", "no place with id " + json(f.place).dump());
            if (f.mention) check_mention(sizes, *f.mention, at + "/mention");
        }
        for (std::size_t i = 0; i < s.borders.size(); ++i) {
            if (s.borders[i].mention) check_mention(sizes, *s.borders[i].mention, "/borders/" + std::to_string(i) + "/mention");
        }
        std::set<std::string_view> figure_ids;
        for (const Figure& figure : s.figures) figure_ids.insert(figure.id);
        for (std::size_t i = 0; i < s.movements.size(); ++i) {
            const Movement& m = s.movements[i];
            const std::string at = "/movements/" + std::to_string(i);
            if (!place_ids.contains(m.from)) fail(at + "/from", "no place with id " + json(m.from).dump());
            if (!place_ids.contains(m.to)) fail(at + "/to", "no place with id " + json(m.to).dump());
            if (!m.figure.empty() && !figure_ids.contains(m.figure))
                fail(at + "/figure", "no figure with id " + json(m.figure).dump());
            if (m.mention) check_mention(sizes, *m.mention, at + "/mention");
        }
    }

    template <typename T>
    void unique_ids(const std::vector<T>& items, const std::string& at) const {
        std::set<std::string_view> seen;
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (!seen.insert(items[i].id).second)
                fail(at + "/" + std::to_string(i) + "/id", "duplicate id " + json(items[i].id).dump());
        }
    }

    // Code points of each source's text, counted once per document.
    using SourceSizes = std::map<std::string_view, std::size_t>;

    void check_mention(const SourceSizes& sizes, const Mention& m, const std::string& at) const {
        const auto it = sizes.find(m.source);
        if (it == sizes.end()) fail(at + "/source", "no source with id " + json(m.source).dump());
        const std::size_t size = it->second;
        if (m.span.end > size)
            fail(at + "/end", "past the end of source " + json(m.source).dump() + " (" + std::to_string(size) +
                                  " code points)");
    }

    std::string origin_;
    std::vector<std::string>* warnings_;
};

// Line and column (1-based; the column in code points) of byte `offset`.
std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::size_t line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    }
    return {line, code_points(text.substr(line_start, offset - line_start)) + 1};
}

// nlohmann's message without its "[json.exception.parse_error.101] parse
// error at line 1, column 5: " prefix, which repeats what we say better.
std::string parse_detail(const std::string& what) {
    const std::size_t error = what.find("parse error");
    if (error == std::string::npos) return what;
    const std::size_t colon = what.find(": ", error);
    return colon == std::string::npos ? what.substr(error) : what.substr(colon + 2);
}

// ---------------------------------------------------------------- dump_json

bool is_scalar(const json& j) { return !j.is_array() && !j.is_object(); }
bool is_scalar_array(const json& j) { return j.is_array() && std::all_of(j.begin(), j.end(), is_scalar); }

// What is written on one line: scalars; arrays of scalars or of arrays of
// scalars (a point, a line of points); small objects of those (a mention, a
// Point geometry).
bool is_one_line(const json& j) {
    if (is_scalar(j) || is_scalar_array(j)) return true;
    if (j.is_array()) return std::all_of(j.begin(), j.end(), is_scalar_array);
    constexpr std::size_t kMaxInlineMembers = 4;
    constexpr std::size_t kMaxInlineChars = 100;  // a source with its text is not small
    return j.size() <= kMaxInlineMembers &&
           std::all_of(j.begin(), j.end(), [](const json& e) { return is_scalar(e) || is_scalar_array(e); }) &&
           j.dump().size() <= kMaxInlineChars;
}

std::string scalar(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// nlohmann::json keeps keys sorted; files read better in the order of the
// format's documentation: identity first, geometry and long lists last.
constexpr std::array<std::string_view, 55> kKeyOrder = {
    "muster", "type", "kind", "id", "source", "title", "path", "date", "text", "start", "end", "name", "value",
    "min", "max", "qualifier", "unit", "category", "a", "b", "from", "to", "from_country", "to_country",
    "figure", "actor", "place", "affiliation", "echelon", "country", "feature", "gazetteer_id", "geonameid", "lat", "lon", "confidence", "members",
    "claimed_km", "measured_km", "distance_km", "sentence", "mentions", "mention", "lines", "sources", "places",
    "figures", "borders", "movements", "features", "properties", "geometry", "coordinates", "bbox", "crs"};

std::size_t key_rank(std::string_view key) {
    const auto it = std::find(kKeyOrder.begin(), kKeyOrder.end(), key);
    return static_cast<std::size_t>(it - kKeyOrder.begin());  // unknown keys last, alphabetically
}

std::vector<std::pair<std::string_view, const json*>> ordered_members(const json& object) {
    std::vector<std::pair<std::string_view, const json*>> members;
    for (auto it = object.begin(); it != object.end(); ++it) members.emplace_back(it.key(), &it.value());
    std::stable_sort(members.begin(), members.end(),
                     [](const auto& x, const auto& y) { return key_rank(x.first) < key_rank(y.first); });
    return members;
}

void dump_into(const json& j, std::string& out, int indent) {
    if (is_scalar(j) || j.empty() || (j.is_array() && is_one_line(j))) {
        out += scalar(j);
        return;
    }
    const bool one_line = is_one_line(j);
    const std::string pad = one_line ? std::string() : std::string(static_cast<std::size_t>(indent + 2), ' ');
    const char* separator = one_line ? ", " : ",\n";
    const std::string close = one_line ? std::string() : "\n" + std::string(static_cast<std::size_t>(indent), ' ');
    bool first = true;
    if (j.is_object()) {
        out += one_line ? "{" : "{\n";
        for (const auto& [key, value] : ordered_members(j)) {
            if (!first) out += separator;
            first = false;
            out += pad + scalar(json(key)) + ": ";
            dump_into(*value, out, indent + 2);
        }
        out += close + "}";
        return;
    }
    out += "[\n";
    for (const json& value : j) {
        if (!first) out += separator;
        first = false;
        out += pad;
        dump_into(value, out, indent + 2);
    }
    out += close + "]";
}

}  // namespace

// ================================================================ API

std::span<const std::string_view> known_keys(std::string_view object_kind) {
    if (object_kind == "scenario") return kScenarioKeys;
    if (object_kind == "source") return kSourceKeys;
    if (object_kind == "mention") return kMentionKeys;
    if (object_kind == "place") return kPlaceKeys;
    if (object_kind == "figure") return kFigureKeys;
    if (object_kind == "border") return kBorderKeys;
    if (object_kind == "movement") return kMovementKeys;
    return {};
}

json to_json(const Scenario& scenario) {
    json out = {{"muster", kFormatVersion}};
    put_if(out, "title", scenario.title);
    put_if(out, "date", scenario.date);
    out["sources"] = list_json(scenario.sources, source_json);
    out["places"] = list_json(scenario.places, place_json);
    out["figures"] = list_json(scenario.figures, figure_json);
    out["borders"] = list_json(scenario.borders, border_json);
    out["movements"] = list_json(scenario.movements, movement_json);
    return out;
}
// "ORIGIN:LINE:COLUMN: number out of range: 1e999" for the first number of
// the text that is no finite double (shown to 40 characters).
std::string number_overflow_message(std::string_view text, const std::string& origin) {
    for (std::size_t at = 0; at < text.size(); ++at) {
        const char c = text[at];
        if (!(c == '-' || (c >= '0' && c <= '9')) || (at > 0 && std::isalnum(static_cast<unsigned char>(text[at - 1]))))
            continue;
        const std::size_t end = text.find_first_not_of("+-.eE0123456789", at);
        const std::string number(text.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at));
        if (std::isfinite(std::strtod(number.c_str(), nullptr))) {
            at += number.size();
            continue;
        }
        const auto [line, column] = line_column(text, at);
        return origin + ":" + std::to_string(line) + ":" + std::to_string(column) + ": number out of range: " +
               (number.size() > 40 ? number.substr(0, 40) + "..." : number);
    }
    return origin + ": number out of range";
}

Scenario scenario_from_json(const json& json_document, const std::string& origin, std::vector<std::string>* warnings) {
    return Reader(origin, warnings).read(json_document);
}

Scenario parse_scenario(std::string_view json_text, const std::string& origin, std::vector<std::string>* warnings) {
    json document;
    try {
        document = json::parse(json_text);
    } catch (const json::parse_error& e) {
        // e.byte counts the characters read, the bad one included.
        const auto [line, column] = line_column(json_text, e.byte > 0 ? e.byte - 1 : 0);
        throw Error(origin + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + parse_detail(e.what()));
    } catch (const json::out_of_range&) {
        // A number past a double's range (1e999) is nlohmann's only other
        // refusal while parsing; it gives no position, so find the number.
        throw Error(number_overflow_message(json_text, origin));
    }
    return scenario_from_json(document, origin, warnings);
}

std::string dump_json(const json& j) {
    std::string out;
    dump_into(j, out, 0);
    out += '\n';
    return out;
}

std::string scenario_text(const Scenario& scenario) { return dump_json(to_json(scenario)); }

void save_scenario(const Scenario& scenario, const std::filesystem::path& path) {
    write_bytes_atomically(path, scenario_text(scenario));
}

Scenario load_scenario(const std::filesystem::path& path, std::vector<std::string>* warnings) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path.string() + ": cannot read (" + std::strerror(errno) + ")");
    std::error_code ec;
    if (const std::uintmax_t size = std::filesystem::file_size(path, ec); !ec && size > kMaxScenarioBytes)
        throw Error(path.string() + ": too large (" + std::to_string(size) + " bytes; " + kScenarioLimitText);
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) throw Error(path.string() + ": cannot read (" + std::strerror(errno) + ")");
    return parse_scenario(text, path.string(), warnings);
}

}  // namespace muster::scenario
