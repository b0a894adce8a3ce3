#include "scenario/scenario_json.hpp"

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "scenario/json_pointer_line.hpp"
#include "scenario/scenario_limits.hpp"
#include "scenario/timeline.hpp"

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
constexpr std::array kFunctions = {"none",      "infantry",   "airborne",    "armour", "artillery",
                                   "air defence", "fixed wing", "rotary wing", "missile"};
constexpr std::array kAnnotationKinds = {"label", "arrow", "line", "area"};
constexpr std::array kGeometryTypes = {"Point",           "MultiPoint", "LineString",
                                       "MultiLineString", "Polygon",    "MultiPolygon"};

// render/layers.hpp's layers, and the annotations' own.
constexpr std::array<std::string_view, 10> kLayerNames = {
    "graticule",        "countries", "country_borders", "country_names", "city_labels",
    "border_features",  "areas",     "deployments",     "place_labels",  "annotations"};
constexpr std::array<std::string_view, 11> kStyleColourNames = {
    "friend",        "hostile",     "neutral", "unknown", "host",  "actor_friend",
    "actor_hostile", "actor_other", "border",  "area",    "arrow"};

constexpr double kMaxZoom = 14.0;
constexpr double kMinScale = 0.1;  // symbol and label scale factors
constexpr double kMaxScale = 10.0;
// Past this many warnings the rest are counted, not listed: each one looks
// for its line in the text.
constexpr std::size_t kMaxWarnings = 100;

constexpr const char* kTimeForms = R"(a time such as "2022", "2021-11", "2021-11-10" or "2022-02-24T03:40")";

// ================================================================ keys

constexpr std::array<std::string_view, 13> kScenarioKeys = {
    "muster",    "title",       "date",   "sources", "places", "figures", "borders",
    "movements", "annotations", "camera", "layers",  "style",  "time"};
constexpr std::array<std::string_view, 5> kSourceKeys = {"id", "title", "path", "date", "text"};
constexpr std::array<std::string_view, 3> kMentionKeys = {"source", "start", "end"};
constexpr std::array<std::string_view, 11> kPlaceKeys = {"id", "name", "country", "feature", "gazetteer_id", "geonameid",
                                                         "lat", "lon", "confidence", "members", "mentions"};
constexpr std::array<std::string_view, 16> kFigureKeys = {
    "id",    "text",  "value", "min",         "max",     "qualifier", "unit", "category",
    "actor", "place", "affiliation", "echelon", "function", "when",    "history", "mention"};
constexpr std::array<std::string_view, 7> kBorderKeys = {"id", "a", "b", "claimed_km", "measured_km", "lines", "mention"};
constexpr std::array<std::string_view, 6> kMovementKeys = {"id", "from", "to", "figure", "when", "mention"};
constexpr std::array<std::string_view, 9> kAnnotationKeys = {"id",    "kind",   "text", "places", "geometry",
                                                             "actor", "colour", "when", "mention"};
constexpr std::array<std::string_view, 2> kGeometryKeys = {"type", "coordinates"};
constexpr std::array<std::string_view, 2> kWhenKeys = {"start", "end"};
constexpr std::array<std::string_view, 2> kStrengthKeys = {"date", "value"};
constexpr std::array<std::string_view, 5> kCameraKeys = {"lat", "lon", "zoom", "bbox", "projection"};
constexpr std::array<std::string_view, 2> kLayerKeys = {"visible", "opacity"};
constexpr std::array<std::string_view, 3> kStyleKeys = {"colours", "symbol_scale", "label_scale"};
constexpr std::array<std::string_view, 3> kTimeKeys = {"start", "end", "current"};

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

// "when" only for spans that are not "always".
void put_when(json& object, const TimeSpan& span) {
    if (span.always()) return;
    json when = json::object();
    put_if(when, "start", span.start);
    put_if(when, "end", span.end);
    object["when"] = std::move(when);
}

json position_json(const LatLon& p) { return json::array({p.lon, p.lat}); }  // GeoJSON order

json positions_json(const std::vector<LatLon>& points) {
    json out = json::array();
    for (const LatLon& p : points) out.push_back(position_json(p));
    return out;
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
    put_if(out, "function", figure.function);
    put_when(out, figure.when);
    if (!figure.history.empty()) {
        json history = json::array();
        for (const StrengthAt& at : figure.history) history.push_back({{"date", at.date}, {"value", at.value}});
        out["history"] = std::move(history);
    }
    if (figure.mention) out["mention"] = mention_json(*figure.mention);
    return out;
}

json border_json(const Border& border) {
    json out = {{"id", border.id}, {"a", border.a}, {"b", border.b}};
    put_if(out, "claimed_km", border.claimed_km);
    out["measured_km"] = border.measured_km;
    json lines = json::array();
    for (const auto& line : border.lines) lines.push_back(positions_json(line));
    out["lines"] = std::move(lines);
    if (border.mention) out["mention"] = mention_json(*border.mention);
    return out;
}

json movement_json(const Movement& movement) {
    json out = {{"id", movement.id}, {"from", movement.from}, {"to", movement.to}};
    put_if(out, "figure", movement.figure);
    put_when(out, movement.when);
    if (movement.mention) out["mention"] = mention_json(*movement.mention);
    return out;
}

// GeoJSON coordinates from Geometry::parts (see scenario.hpp for the shapes);
// a model that does not have the type's shape writes what it has.
json coordinates_json(const Geometry& g) {
    auto first_point = [](const std::vector<std::vector<LatLon>>& part) {
        return part.empty() || part[0].empty() ? json::array() : position_json(part[0][0]);
    };
    auto rings = [](const std::vector<std::vector<LatLon>>& part) {
        json out = json::array();
        for (const auto& ring : part) out.push_back(positions_json(ring));
        return out;
    };
    json out = json::array();
    if (g.type == "Point") return g.parts.empty() ? out : first_point(g.parts[0]);
    if (g.type == "LineString") return g.parts.empty() || g.parts[0].empty() ? out : positions_json(g.parts[0][0]);
    if (g.type == "Polygon") return g.parts.empty() ? out : rings(g.parts[0]);
    for (const auto& part : g.parts) {
        if (g.type == "MultiPoint") out.push_back(first_point(part));
        else if (g.type == "MultiLineString") out.push_back(part.empty() ? json::array() : positions_json(part[0]));
        else out.push_back(rings(part));
    }
    return out;
}

json annotation_json(const Annotation& annotation) {
    json out = {{"id", annotation.id}, {"kind", annotation.kind}};
    put_if(out, "text", annotation.text);
    if (!annotation.places.empty()) out["places"] = annotation.places;
    if (!annotation.geometry.empty())
        out["geometry"] = {{"type", annotation.geometry.type}, {"coordinates", coordinates_json(annotation.geometry)}};
    put_if(out, "actor", annotation.actor);
    put_if(out, "colour", annotation.colour);
    put_when(out, annotation.when);
    if (annotation.mention) out["mention"] = mention_json(*annotation.mention);
    return out;
}

json camera_json(const MapView& view) {
    json out = json::object();
    if (view.center) {
        out["lat"] = view.center->lat;
        out["lon"] = view.center->lon;
    }
    put_if(out, "zoom", view.zoom);
    if (view.bbox) out["bbox"] = *view.bbox;
    put_if(out, "projection", view.projection);
    return out;
}

// Only what differs from the default look; a layer listed with the default
// look is written as {} so that it stays listed.
json layers_json(const std::map<std::string, LayerState>& layers) {
    json out = json::object();
    for (const auto& [name, look] : layers) {
        json entry = json::object();
        if (!look.visible) entry["visible"] = false;
        if (look.opacity != 1.0) entry["opacity"] = look.opacity;
        out[name] = std::move(entry);
    }
    return out;
}

json style_json(const Style& style) {
    json out = json::object();
    if (!style.colours.empty()) out["colours"] = style.colours;
    if (style.symbol_scale != 1.0) out["symbol_scale"] = style.symbol_scale;
    if (style.label_scale != 1.0) out["label_scale"] = style.label_scale;
    return out;
}

json time_json(const TimeRange& time) {
    json out = json::object();
    put_if(out, "start", time.start);
    put_if(out, "end", time.end);
    put_if(out, "current", time.current);
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

bool is_hex_colour(const std::string& text) {
    return text.size() == 7 && text[0] == '#' &&
           std::all_of(text.begin() + 1, text.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

template <std::size_t N>
std::string listed(const std::array<std::string_view, N>& names) {
    std::string out;
    for (const std::string_view name : names) out += (out.empty() ? "" : ", ") + std::string(name);
    return out;
}

template <std::size_t N>
bool is_one(const std::array<std::string_view, N>& names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// Which geometry types each kind of annotation stands on.
bool fits(std::string_view kind, std::string_view type) {
    if (kind == "label") return type == "Point" || type == "MultiPoint";
    if (kind == "area") return type == "Polygon" || type == "MultiPolygon";
    return type == "LineString" || type == "MultiLineString";  // arrow, line
}

const char* fitting_types(std::string_view kind) {
    if (kind == "label") return "a Point or MultiPoint";
    if (kind == "area") return "a Polygon or MultiPolygon";
    return "a LineString or MultiLineString";
}

// Reads one document, keeping the JSON pointer of what it reads for messages.
// With the document's text at hand, messages name the line of the value too.
class Reader {
public:
    Reader(std::string origin, std::vector<std::string>* warnings, std::optional<std::string_view> text,
           Resolver* resolver)
        : origin_(std::move(origin)), warnings_(warnings), text_(text), resolver_(resolver) {}

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
        read_list(root, "annotations",
                  [&](const json& j, const std::string& at) { out.annotations.push_back(annotation(j, at)); });
        if (const json* j = object_member(root, "", "camera")) out.camera = camera(*j, "/camera");
        if (const json* j = object_member(root, "", "layers")) out.layers = layers(*j, "/layers");
        if (const json* j = object_member(root, "", "style")) out.style = style(*j, "/style");
        if (const json* j = object_member(root, "", "time")) out.time = time_range(*j, "/time");
        check_references(out);
        if (warnings_ && warned_ > kMaxWarnings)
            warnings_->push_back(origin_ + ": " + std::to_string(warned_ - kMaxWarnings) + " more warnings not listed");
        return out;
    }

private:
    // "ORIGIN:LINE: POINTER: " (no line without the text, no pointer for the root).
    [[nodiscard]] std::string where(const std::string& pointer) const {
        std::string out = origin_;
        if (text_) out += ":" + std::to_string(json_pointer_line(*text_, pointer));
        out += ": ";
        if (!pointer.empty()) out += pointer + ": ";
        return out;
    }

    [[noreturn]] void fail(const std::string& pointer, const std::string& what) const {
        throw Error(where(pointer) + what);
    }

    void warn(const std::string& pointer, const std::string& what) {
        if (!warnings_) return;
        if (++warned_ <= kMaxWarnings) warnings_->push_back(where(pointer) + what);
    }

    void check_version(const json& root) const {
        const auto it = root.find("muster");
        if (it == root.end()) fail("/muster", "missing (not a muster scenario)");
        if (!it->is_number_integer() || it->get<std::int64_t>() < 1) fail("/muster", "expected a positive integer");
        const std::int64_t version = it->get<std::int64_t>();
        if (version > kFormatVersion)
            fail("/muster", "muster format " + std::to_string(version) + " is newer than this muster supports (" +
                                std::to_string(kFormatVersion) + ")");
    }

    // Warns about keys the model does not know.
    template <std::size_t N>
    void known(const json& object, const std::string& at, const std::array<std::string_view, N>& keys) {
        if (!warnings_) return;
        for (const auto& [key, value] : object.items()) {
            if (!is_one(keys, key)) warn(at + "/" + pointer_token(key), "unknown field, ignored");
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

    // An optional member that must be an object.
    const json* object_member(const json& object, const std::string& at, const char* key) const {
        const json* j = member(object, at, key, false, "an object");
        if (j && !j->is_object()) fail(at + "/" + key, "expected an object");
        return j;
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

    std::optional<double> optional_number_in(const json& object, const std::string& at, const char* key, double low,
                                             double high) const {
        if (!object.contains(key)) return std::nullopt;
        return number_in(object, at, key, low, high);
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

    // An optional time: "" when absent, else a time parse_time() reads.
    std::string time(const json& object, const std::string& at, const char* key) const {
        std::string value = text(object, at, key, false);
        if (!value.empty() && !parse_time(value))
            fail(at + "/" + key, std::string("expected ") + kTimeForms + ", got " + json(value).dump());
        return value;
    }

    // `later` (at at/key) must not be before `earlier`.
    void check_order(const std::string& earlier, const std::string& later, const std::string& at,
                     const char* key) const {
        if (earlier.empty() || later.empty() || *parse_time(earlier) <= *parse_time(later)) return;
        fail(at + "/" + key, json(later).dump() + " is before " + json(earlier).dump());
    }

    std::string colour(const json& object, const std::string& at, const char* key) const {
        std::string value = text(object, at, key, false);
        if (!value.empty() && !is_hex_colour(value))
            fail(at + "/" + key, "expected a colour as \"#RRGGBB\", got " + json(value).dump());
        return value;
    }

    std::vector<std::string> strings(const json& object, const std::string& at, const char* key) const {
        std::vector<std::string> out;
        const json* list = member(object, at, key, false, "an array of strings");
        if (!list) return out;
        if (!list->is_array()) fail(at + "/" + key, "expected an array of strings");
        for (std::size_t i = 0; i < list->size(); ++i) {
            if (!(*list)[i].is_string()) fail(at + "/" + key + "/" + std::to_string(i), "expected a string");
            out.push_back((*list)[i].get<std::string>());
        }
        return out;
    }

    template <typename F>
    void read_list(const json& root, const char* key, F each) {
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

    Mention mention(const json& j, const std::string& at) {
        if (!j.is_object()) fail(at, "expected an object");
        known(j, at, kMentionKeys);
        Mention out;
        out.source = text(j, at, "source", true);
        out.span.start = count(j, at, "start");
        out.span.end = count(j, at, "end");
        if (out.span.end < out.span.start) fail(at + "/end", "expected end >= start");
        return out;
    }

    std::optional<Mention> optional_mention(const json& object, const std::string& at) {
        const json* j = member(object, at, "mention", false, "an object");
        if (!j) return std::nullopt;
        return mention(*j, at + "/mention");
    }

    // "when": {"start", "end"}, both optional; absent: always.
    TimeSpan when(const json& object, const std::string& at) {
        const json* j = object_member(object, at, "when");
        if (!j) return {};
        const std::string when_at = at + "/when";
        known(*j, when_at, kWhenKeys);
        TimeSpan out{time(*j, when_at, "start"), time(*j, when_at, "end")};
        check_order(out.start, out.end, when_at, "end");
        return out;
    }

    Source source(const json& j, const std::string& at) {
        known(j, at, kSourceKeys);
        Source out;
        out.id = text(j, at, "id", true);
        out.title = text(j, at, "title", false);
        out.path = text(j, at, "path", false);
        out.date = text(j, at, "date", false);
        out.text = text(j, at, "text", false);
        if (!j.contains("text") && !out.path.empty()) out.text = source_text(out.path, at);
        return out;
    }

    // A source given by its path alone: the article's text, read as extraction reads it.
    std::string source_text(const std::string& path, const std::string& at) {
        if (!resolver_)
            fail(at + "/path", "no text; reading it from " + json(path).dump() +
                                   " needs muster's article reader, which this reader was not given");
        try {
            return resolver_->source_text(path, warnings_);
        } catch (const Error& e) {
            fail(at + "/path", json(path).dump() + ": " + e.what());
        }
    }

    Place place(const json& j, const std::string& at) {
        known(j, at, kPlaceKeys);
        Place out;
        out.id = text(j, at, "id", true);
        out.name = text(j, at, "name", true);
        out.country = text(j, at, "country", false);
        out.feature = one_of(j, at, "feature", kFeatures, false, "");
        if (!j.contains("lat") && !j.contains("lon")) {
            // Named only: the gazetteer places it (members and mentions as written).
            look_up(out, at);
        } else {
            if (out.feature.empty()) out.feature = "site";
            out.gazetteer_id = text(j, at, "gazetteer_id", false);
            if (const json* id = member(j, at, "geonameid", false, "an integer")) {
                if (!id->is_number_integer()) fail(at + "/geonameid", "expected an integer");
                out.geonameid = id->get<std::int64_t>();
            }
            out.point.lat = number_in(j, at, "lat", -90.0, 90.0);
            out.point.lon = number_in(j, at, "lon", -180.0, 180.0);
        }
        out.confidence = j.contains("confidence") ? number_in(j, at, "confidence", 0.0, 1.0) : 1.0;
        if (j.contains("members")) out.members = strings(j, at, "members");
        if (const json* mentions = member(j, at, "mentions", false, "an array")) {
            if (!mentions->is_array()) fail(at + "/mentions", "expected an array");
            for (std::size_t i = 0; i < mentions->size(); ++i)
                out.mentions.push_back(mention((*mentions)[i], at + "/mentions/" + std::to_string(i)));
        }
        return out;
    }

    // Fills a place written with a name and no coordinates from the gazetteer;
    // its country and feature, when written, pick among places of that name.
    void look_up(Place& place, const std::string& at) {
        const std::string name_at = at + "/name";
        if (!resolver_)
            fail(at, "no lat and lon; looking up " + json(place.name).dump() +
                         " needs the gazetteer, which this reader was not given");
        std::optional<Place> found;
        try {
            found = resolver_->place_named(place.name, place.country, place.feature);
        } catch (const Error& e) {
            fail(name_at, e.what());
        }
        if (!found) {
            std::string what = place.feature.empty() ? "place" : place.feature;
            std::string where = place.country.empty() ? "" : " in " + place.country;
            fail(name_at, "no " + what + " named " + json(place.name).dump() + where + " in the gazetteer");
        }
        place.country = found->country;
        place.feature = found->feature;
        place.gazetteer_id = found->gazetteer_id;
        place.geonameid = found->geonameid;
        place.point = found->point;
        place.members = found->members;
    }

    Figure figure(const json& j, const std::string& at) {
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
        out.function = one_of(j, at, "function", kFunctions, false, "");
        out.when = when(j, at);
        out.history = history(j, at);
        out.mention = optional_mention(j, at);
        return out;
    }

    // "history": [{"date", "value"}, ...] with dates in order.
    std::vector<StrengthAt> history(const json& j, const std::string& at) {
        std::vector<StrengthAt> out;
        const std::string list_at = at + "/history";
        const json* list = member(j, at, "history", false, "an array");
        if (!list) return out;
        if (!list->is_array()) fail(list_at, "expected an array");
        for (std::size_t i = 0; i < list->size(); ++i) {
            const json& entry = (*list)[i];
            const std::string entry_at = list_at + "/" + std::to_string(i);
            if (!entry.is_object()) fail(entry_at, "expected an object");
            known(entry, entry_at, kStrengthKeys);
            if (!entry.contains("date")) fail(entry_at + "/date", "missing (expected a time)");
            StrengthAt strength{time(entry, entry_at, "date"), *number(entry, entry_at, "value", true)};
            if (strength.date.empty()) fail(entry_at + "/date", std::string("expected ") + kTimeForms + ", got \"\"");
            if (!out.empty()) check_order(out.back().date, strength.date, entry_at, "date");
            out.push_back(std::move(strength));
        }
        return out;
    }

    Border border(const json& j, const std::string& at) {
        known(j, at, kBorderKeys);
        Border out;
        out.id = text(j, at, "id", true);
        out.a = text(j, at, "a", true);
        out.b = text(j, at, "b", true);
        out.claimed_km = number(j, at, "claimed_km", false);
        out.measured_km = j.contains("measured_km") ? number_in(j, at, "measured_km", 0.0, 1e6) : 0.0;
        if (const json* lines = member(j, at, "lines", false, "an array")) out.lines = read_lines(*lines, at + "/lines");
        else measure(out, at);
        out.mention = optional_mention(j, at);
        return out;
    }

    // A border given by its countries alone: its line and length from the geodata.
    void measure(Border& border, const std::string& at) {
        if (!resolver_)
            fail(at, "no lines; drawing the border of " + border.a + " and " + border.b +
                         " needs the geodata, which this reader was not given");
        std::optional<BorderLines> found;
        try {
            found = resolver_->border_between(border.a, border.b);
        } catch (const Error& e) {
            fail(at, e.what());
        }
        if (!found) fail(at + "/b", border.a + " and " + border.b + " share no land border");
        border.measured_km = found->measured_km;
        border.lines = std::move(found->lines);
    }

    Movement movement(const json& j, const std::string& at) {
        known(j, at, kMovementKeys);
        Movement out;
        out.id = text(j, at, "id", true);
        out.from = text(j, at, "from", true);
        out.to = text(j, at, "to", true);
        out.figure = text(j, at, "figure", false);
        out.when = when(j, at);
        out.mention = optional_mention(j, at);
        return out;
    }

    Annotation annotation(const json& j, const std::string& at) {
        known(j, at, kAnnotationKeys);
        Annotation out;
        out.id = text(j, at, "id", true);
        out.kind = one_of(j, at, "kind", kAnnotationKinds, true, "");
        out.text = text(j, at, "text", false);
        out.places = strings(j, at, "places");
        if (const json* g = object_member(j, at, "geometry")) out.geometry = geometry(*g, at + "/geometry");
        out.actor = text(j, at, "actor", false);
        out.colour = colour(j, at, "colour");
        out.when = when(j, at);
        out.mention = optional_mention(j, at);
        check_footing(out, at);
        return out;
    }

    // An annotation stands on places or on a geometry of its kind.
    void check_footing(const Annotation& a, const std::string& at) const {
        if (a.places.empty() && a.geometry.empty()) fail(at, "expected places or a geometry for the " + a.kind);
        if (!a.places.empty() && !a.geometry.empty()) fail(at + "/geometry", "give places or a geometry, not both");
        if (!a.geometry.empty() && !fits(a.kind, a.geometry.type))
            fail(at + "/geometry/type", "a " + a.kind + " stands on " + fitting_types(a.kind) + ", got " +
                                            json(a.geometry.type).dump());
        if ((a.kind == "arrow" || a.kind == "line") && a.places.size() == 1)
            fail(at + "/places", std::string(a.kind == "arrow" ? "an arrow" : "a line") + " runs through at least 2 places");
    }

    Geometry geometry(const json& j, const std::string& at) {
        known(j, at, kGeometryKeys);
        Geometry out;
        out.type = one_of(j, at, "type", kGeometryTypes, true, "");
        const std::string c_at = at + "/coordinates";
        const json& c = *member(j, at, "coordinates", true, "an array");
        if (!c.is_array()) fail(c_at, "expected an array");
        const std::string& type = out.type;
        if (type == "Point") out.parts = {{{position(c, c_at)}}};
        else if (type == "LineString") out.parts = {{line(c, c_at)}};
        else if (type == "Polygon") out.parts = {rings(c, c_at)};
        for (std::size_t i = 0; type.starts_with("Multi") && i < c.size(); ++i) {
            const std::string part_at = c_at + "/" + std::to_string(i);
            if (type == "MultiPoint") out.parts.push_back({{position(c[i], part_at)}});
            else if (type == "MultiLineString") out.parts.push_back({line(c[i], part_at)});
            else out.parts.push_back(rings(c[i], part_at));
        }
        if (out.parts.empty()) fail(c_at, "expected at least one " + type.substr(5));
        return out;
    }

    // [lon, lat] in range.
    LatLon position(const json& p, const std::string& at) const {
        if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_number())
            fail(at, "expected a [lon, lat] pair of numbers");
        const double lon = p[0].get<double>();
        const double lat = p[1].get<double>();
        if (lon < -180.0 || lon > 180.0) fail(at + "/0", "expected a longitude from -180 to 180");
        if (lat < -90.0 || lat > 90.0) fail(at + "/1", "expected a latitude from -90 to 90");
        return {lat, lon};
    }

    std::vector<LatLon> positions(const json& list, const std::string& at) const {
        if (!list.is_array()) fail(at, "expected an array of [lon, lat] positions");
        std::vector<LatLon> out;
        for (std::size_t k = 0; k < list.size(); ++k) out.push_back(position(list[k], at + "/" + std::to_string(k)));
        return out;
    }

    std::vector<LatLon> line(const json& list, const std::string& at) const {
        std::vector<LatLon> out = positions(list, at);
        if (out.size() < 2) fail(at, "expected a line of at least 2 positions");
        return out;
    }

    // A polygon's rings: closed, of at least 4 positions, as GeoJSON asks.
    std::vector<std::vector<LatLon>> rings(const json& list, const std::string& at) const {
        if (!list.is_array() || list.empty()) fail(at, "expected an array of rings");
        std::vector<std::vector<LatLon>> out;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string ring_at = at + "/" + std::to_string(i);
            std::vector<LatLon> ring = positions(list[i], ring_at);
            if (ring.size() < 4 || ring.front() != ring.back())
                fail(ring_at, "expected a closed ring: at least 4 positions, the last the same as the first");
            out.push_back(std::move(ring));
        }
        return out;
    }

    MapView camera(const json& j, const std::string& at) {
        known(j, at, kCameraKeys);
        MapView out;
        if (j.contains("lat") || j.contains("lon"))
            out.center = LatLon{number_in(j, at, "lat", -90.0, 90.0), number_in(j, at, "lon", -180.0, 180.0)};
        out.zoom = optional_number_in(j, at, "zoom", 0.0, kMaxZoom);
        if (const json* bbox = member(j, at, "bbox", false, "an array")) out.bbox = read_bbox(*bbox, at + "/bbox");
        out.projection = text(j, at, "projection", false);
        return out;
    }

    // [west, south, east, north]; west > east crosses the antimeridian.
    std::array<double, 4> read_bbox(const json& j, const std::string& at) const {
        if (!j.is_array() || j.size() != 4 || !std::all_of(j.begin(), j.end(), [](const json& v) { return v.is_number(); }))
            fail(at, "expected [west, south, east, north] in degrees");
        const std::array<double, 4> box = {j[0].get<double>(), j[1].get<double>(), j[2].get<double>(), j[3].get<double>()};
        for (const int i : {0, 2})
            if (box[i] < -180.0 || box[i] > 180.0) fail(at + "/" + std::to_string(i), "expected a longitude from -180 to 180");
        for (const int i : {1, 3})
            if (box[i] < -90.0 || box[i] > 90.0) fail(at + "/" + std::to_string(i), "expected a latitude from -90 to 90");
        if (box[1] >= box[3]) fail(at + "/3", "north must be above south");
        if (box[0] == box[2]) fail(at + "/2", "east must differ from west");
        return box;
    }

    std::map<std::string, LayerState> layers(const json& j, const std::string& at) {
        std::map<std::string, LayerState> out;
        for (const auto& [name, look] : j.items()) {
            const std::string layer_at = at + "/" + pointer_token(name);
            if (!is_one(kLayerNames, name)) {
                warn(layer_at, "unknown layer, ignored (known: " + listed(kLayerNames) + ")");
                continue;
            }
            if (!look.is_object()) fail(layer_at, "expected an object");
            known(look, layer_at, kLayerKeys);
            LayerState state;
            if (const json* visible = member(look, layer_at, "visible", false, "true or false")) {
                if (!visible->is_boolean()) fail(layer_at + "/visible", "expected true or false");
                state.visible = visible->get<bool>();
            }
            state.opacity = optional_number_in(look, layer_at, "opacity", 0.0, 1.0).value_or(1.0);
            out.emplace(name, state);
        }
        return out;
    }

    Style style(const json& j, const std::string& at) {
        known(j, at, kStyleKeys);
        Style out;
        if (const json* colours = object_member(j, at, "colours")) {
            const std::string colours_at = at + "/colours";
            for (const auto& [name, value] : colours->items()) {
                if (!is_one(kStyleColourNames, name)) {
                    warn(colours_at + "/" + pointer_token(name),
                         "unknown colour name, ignored (known: " + listed(kStyleColourNames) + ")");
                    continue;
                }
                out.colours.emplace(name, colour(*colours, colours_at, name.c_str()));
            }
        }
        out.symbol_scale = optional_number_in(j, at, "symbol_scale", kMinScale, kMaxScale).value_or(1.0);
        out.label_scale = optional_number_in(j, at, "label_scale", kMinScale, kMaxScale).value_or(1.0);
        return out;
    }

    TimeRange time_range(const json& j, const std::string& at) {
        known(j, at, kTimeKeys);
        TimeRange out{time(j, at, "start"), time(j, at, "end"), time(j, at, "current")};
        check_order(out.start, out.end, at, "end");
        return out;
    }

    // [[[lon, lat], ...], ...], as a GeoJSON MultiLineString's coordinates.
    std::vector<std::vector<LatLon>> read_lines(const json& lines, const std::string& at) const {
        if (!lines.is_array()) fail(at, "expected an array of lines");
        std::vector<std::vector<LatLon>> out;
        for (std::size_t i = 0; i < lines.size(); ++i) out.push_back(positions(lines[i], at + "/" + std::to_string(i)));
        return out;
    }

    // Ids are unique per list, and everything that refers to one exists.
    void check_references(const Scenario& s) const {
        unique_ids(s.sources, "/sources");
        unique_ids(s.places, "/places");
        unique_ids(s.figures, "/figures");
        unique_ids(s.borders, "/borders");
        unique_ids(s.movements, "/movements");
        unique_ids(s.annotations, "/annotations");
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
        for (std::size_t i = 0; i < s.annotations.size(); ++i) {
            const Annotation& a = s.annotations[i];
            const std::string at = "/annotations/" + std::to_string(i);
            for (std::size_t k = 0; k < a.places.size(); ++k)
                if (!place_ids.contains(a.places[k]))
                    fail(at + "/places/" + std::to_string(k), "no place with id " + json(a.places[k]).dump());
            if (a.mention) check_mention(sizes, *a.mention, at + "/mention");
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
    std::optional<std::string_view> text_;
    Resolver* resolver_;
    std::size_t warned_ = 0;
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
constexpr auto kKeyOrder = std::to_array<std::string_view>({
    "muster", "type", "kind", "id", "source", "title", "path", "date", "text", "start", "end", "current", "name",
    "value", "min", "max", "qualifier", "unit", "category", "a", "b", "from", "to", "from_country", "to_country",
    "figure", "actor", "place", "affiliation", "echelon", "function", "colour", "country", "feature",
    "gazetteer_id", "geonameid", "lat", "lon", "zoom", "projection", "visible", "opacity", "symbol_scale",
    "label_scale", "colours", "confidence", "members", "claimed_km", "measured_km", "distance_km", "sentence",
    "when", "history", "mentions", "mention", "lines", "time", "camera", "layers", "style", "sources", "places",
    "figures", "borders", "movements", "annotations", "features", "properties", "geometry", "coordinates", "bbox",
    "crs"});

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
    if (object_kind == "annotation") return kAnnotationKeys;
    if (object_kind == "geometry") return kGeometryKeys;
    if (object_kind == "when") return kWhenKeys;
    if (object_kind == "strength") return kStrengthKeys;
    if (object_kind == "camera") return kCameraKeys;
    if (object_kind == "layer") return kLayerKeys;
    if (object_kind == "style") return kStyleKeys;
    if (object_kind == "time") return kTimeKeys;
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
    // The newer parts only when there is something to say, so that files
    // without them read as before.
    if (!scenario.annotations.empty()) out["annotations"] = list_json(scenario.annotations, annotation_json);
    if (scenario.camera) out["camera"] = camera_json(*scenario.camera);
    if (!scenario.layers.empty()) out["layers"] = layers_json(scenario.layers);
    if (json style = style_json(scenario.style); !style.empty()) out["style"] = std::move(style);
    if (json time = time_json(scenario.time); !time.empty()) out["time"] = std::move(time);
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

std::span<const std::string_view> layer_names() { return kLayerNames; }
std::span<const std::string_view> style_colour_names() { return kStyleColourNames; }

Scenario scenario_from_json(const json& json_document, const std::string& origin, std::vector<std::string>* warnings,
                            Resolver* resolver) {
    return Reader(origin, warnings, std::nullopt, resolver).read(json_document);
}

Scenario parse_scenario(std::string_view json_text, const std::string& origin, std::vector<std::string>* warnings,
                        Resolver* resolver) {
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
    return Reader(origin, warnings, json_text, resolver).read(document);
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

Scenario load_scenario(const std::filesystem::path& path, std::vector<std::string>* warnings, Resolver* resolver) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path.string() + ": cannot read (" + std::strerror(errno) + ")");
    std::error_code ec;
    if (const std::uintmax_t size = std::filesystem::file_size(path, ec); !ec && size > kMaxScenarioBytes)
        throw Error(path.string() + ": too large (" + std::to_string(size) + " bytes; " + kScenarioLimitText);
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) throw Error(path.string() + ": cannot read (" + std::strerror(errno) + ")");
    return parse_scenario(text, path.string(), warnings, resolver);
}

}  // namespace muster::scenario
