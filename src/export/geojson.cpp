#include "export/geojson.hpp"

#include "geodata/great_circle.hpp"

#include "extract/text.hpp"
#include "extract/tokenizer.hpp"

#include <algorithm>
#include <utility>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <string_view>
#include <tuple>

namespace muster {

using nlohmann::json;

namespace {

// Rounded to 1/per: multiplying then dividing gives the double nearest the
// decimal (181.7, not 181.70000000000002 as multiplying by 0.1 would).
double round_to(double value, double per) { return std::round(value * per) / per; }
double coordinate(double degrees) { return round_to(degrees, 1e6); }
double kilometres(double km) { return round_to(km, 10); }

json point(const LatLon& p) { return {{"type", "Point"}, {"coordinates", {coordinate(p.lon), coordinate(p.lat)}}}; }

json feature(json properties, json geometry) {
    return {{"type", "Feature"}, {"properties", std::move(properties)}, {"geometry", std::move(geometry)}};
}

// A source's text with what it takes to quote its mentions: code points to
// bytes, and the sentences (tokenize() decides where they end, as extraction did).
class Quoter {
public:
    explicit Quoter(const scenario::Source& source)
        : text_(source.text), index_(text_), sentences_(extract::tokenize(text_).sentences) {}

    // The words of a span, "" when it is out of range.
    [[nodiscard]] std::string words(const scenario::Span& span) const {
        const std::size_t begin = index_.byte_offset(span.start);
        const std::size_t end = index_.byte_offset(span.end);
        return end > begin ? std::string(text_.substr(begin, end - begin)) : std::string();
    }

    // The sentence the span starts in.
    [[nodiscard]] std::string sentence(const scenario::Span& span) const {
        const std::size_t at = index_.byte_offset(span.start);
        auto it = std::upper_bound(sentences_.begin(), sentences_.end(), at,
                                   [](std::size_t byte, const extract::Sentence& s) { return byte < s.begin; });
        if (it == sentences_.begin()) return {};
        --it;
        if (at >= it->end) return {};
        return std::string(text_.substr(it->begin, it->end - it->begin));
    }

private:
    std::string_view text_;
    extract::CodePointIndex index_;
    std::vector<extract::Sentence> sentences_;
};

class Writer {
public:
    explicit Writer(const scenario::Scenario& s) : s_(s) {
        for (const scenario::Source& source : s.sources) quoters_.emplace(source.id, std::make_unique<Quoter>(source));
        for (std::size_t i = 0; i < s.sources.size(); ++i) source_rank_.emplace(s.sources[i].id, i);
        for (const scenario::Place& place : s.places) places_.emplace(place.id, &place);
    }

    json run() const {
        json features = json::array();
        place_features(features);
        for (const scenario::Figure& figure : s_.figures) features.push_back(figure_feature(figure));
        for (const scenario::Border& border : s_.borders) features.push_back(border_feature(border));
        for (const scenario::Movement& movement : s_.movements)
            if (auto f = movement_feature(movement)) features.push_back(std::move(*f));
        for (const scenario::Annotation& annotation : s_.annotations)
            if (auto f = annotation_feature(annotation)) features.push_back(std::move(*f));
        return {{"type", "FeatureCollection"}, {"features", std::move(features)}};
    }

private:
    const Quoter* quoter(const std::string& source) const {
        auto it = quoters_.find(source);
        return it == quoters_.end() ? nullptr : it->second.get();
    }

    // text, start, end (and the sentence) of a mention.
    void put_mention(json& properties, const scenario::Mention& mention, bool with_sentence) const {
        const Quoter* q = quoter(mention.source);
        if (q) properties["text"] = q->words(mention.span);
        properties["start"] = mention.span.start;
        properties["end"] = mention.span.end;
        if (q && with_sentence) properties["sentence"] = q->sentence(mention.span);
    }

    // One feature per mention, in text order across places.
    void place_features(json& features) const {
        struct Item {
            std::size_t source;
            const scenario::Mention* mention;
            const scenario::Place* place;
        };
        std::vector<Item> items;
        for (const scenario::Place& place : s_.places) {
            for (const scenario::Mention& mention : place.mentions) items.push_back({source_rank(mention.source), &mention, &place});
        }
        std::stable_sort(items.begin(), items.end(), [](const Item& x, const Item& y) {
            return std::tie(x.source, x.mention->span.start) < std::tie(y.source, y.mention->span.start);
        });
        // Places set by hand or by a script have no mention; each still is
        // a feature, after those of the text.
        for (const scenario::Place& place : s_.places)
            if (place.mentions.empty()) items.push_back({s_.sources.size(), nullptr, &place});
        for (const Item& item : items) {
            const scenario::Place& place = *item.place;
            json properties = {{"kind", "place"}};
            if (item.mention) put_mention(properties, *item.mention, true);
            properties["name"] = place.name;
            if (!place.country.empty()) properties["country"] = place.country;
            properties["feature"] = place.feature;
            if (place.geonameid != 0) properties["geonameid"] = place.geonameid;
            properties["confidence"] = round_to(place.confidence, 1000);
            features.push_back(feature(std::move(properties), point(place.point)));
        }
    }

    std::size_t source_rank(const std::string& id) const {
        auto it = source_rank_.find(id);
        return it == source_rank_.end() ? s_.sources.size() : it->second;
    }

    const scenario::Place* place(const std::string& id) const {
        auto it = places_.find(id);
        return it == places_.end() ? nullptr : it->second;
    }

    json figure_feature(const scenario::Figure& figure) const {
        json properties = {{"kind", "figure"}};
        if (figure.mention) put_mention(properties, *figure.mention, true);
        else properties["text"] = figure.text;
        // Lengths in km to 0.1 like the borders they are compared with; counts as they are.
        auto amount = [&](const std::optional<double>& v) { return figure.unit == "km" ? kilometres(*v) : *v; };
        if (figure.amount.value) properties["value"] = amount(figure.amount.value);
        if (figure.amount.min) properties["min"] = amount(figure.amount.min);
        if (figure.amount.max) properties["max"] = amount(figure.amount.max);
        properties["qualifier"] = figure.amount.qualifier;
        properties["unit"] = figure.unit;
        properties["category"] = figure.category;
        if (!figure.actor.empty()) properties["actor"] = figure.actor;
        const scenario::Place* place = figure.place.empty() ? nullptr : this->place(figure.place);
        if (place) {
            properties["place"] = place->name;
            if (!place->country.empty()) properties["country"] = place->country;
        }
        return feature(std::move(properties), place ? point(place->point) : json(nullptr));
    }

    json border_feature(const scenario::Border& border) const {
        json properties = {{"kind", "border"}, {"a", border.a}, {"b", border.b}};
        if (border.claimed_km) properties["claimed_km"] = kilometres(*border.claimed_km);
        properties["measured_km"] = kilometres(border.measured_km);
        if (border.mention) put_mention(properties, *border.mention, false);
        json lines = json::array();
        for (const auto& line : border.lines) {
            json points = json::array();
            for (const LatLon& p : line) points.push_back({coordinate(p.lon), coordinate(p.lat)});
            lines.push_back(std::move(points));
        }
        return feature(std::move(properties), {{"type", "MultiLineString"}, {"coordinates", std::move(lines)}});
    }

    // Nothing when a place is missing (a scenario read from a file has its
    // references checked, so only hand-made ones lack them).
    std::optional<json> movement_feature(const scenario::Movement& movement) const {
        const scenario::Place* from = place(movement.from);
        const scenario::Place* to = place(movement.to);
        if (!from || !to) return std::nullopt;
        json properties = {{"kind", "movement"}, {"from", from->name}, {"to", to->name}};
        if (!from->country.empty()) properties["from_country"] = from->country;
        if (!to->country.empty()) properties["to_country"] = to->country;
        if (const scenario::Figure* figure = s_.figure(movement.figure)) {
            properties["figure"] = figure->text;
            if (!figure->actor.empty()) properties["actor"] = figure->actor;
        }
        properties["distance_km"] = kilometres(geodesic_distance_km(from->point, to->point));
        if (movement.mention) put_mention(properties, *movement.mention, true);
        json lines = json::array();
        for (const auto& piece : geodesic_path(from->point, to->point)) {
            json points = json::array();
            for (const LatLon& p : piece) points.push_back({coordinate(p.lon), coordinate(p.lat)});
            lines.push_back(std::move(points));
        }
        // One line, or two either side of the antimeridian (RFC 7946 §3.1.9).
        json geometry = lines.size() == 1 ? json{{"type", "LineString"}, {"coordinates", std::move(lines[0])}}
                                          : json{{"type", "MultiLineString"}, {"coordinates", std::move(lines)}};
        return feature(std::move(properties), std::move(geometry));
    }

    static json positions(const std::vector<LatLon>& points) {
        json out = json::array();
        for (const LatLon& p : points) out.push_back({coordinate(p.lon), coordinate(p.lat)});
        return out;
    }

    // Through the points along great circles, as the map draws it; split at
    // the antimeridian into more lines.
    static void geodesic_lines(const std::vector<LatLon>& points, json& lines) {
        json current = json::array();
        for (std::size_t i = 1; i < points.size(); ++i) {
            const auto pieces = geodesic_path(points[i - 1], points[i]);
            for (std::size_t k = 0; k < pieces.size(); ++k) {
                if (k > 0) lines.push_back(std::exchange(current, json::array()));
                for (const LatLon& p : pieces[k]) {
                    json at = {coordinate(p.lon), coordinate(p.lat)};
                    if (current.empty() || current.back() != at) current.push_back(std::move(at));
                }
            }
        }
        if (current.size() >= 2) lines.push_back(std::move(current));
    }

    // The annotation's geometry: a label's Point; an arrow's or line's
    // (Multi)LineString along great circles; an area's own (Multi)Polygon,
    // or the points of the places it covers (a MultiPoint: the places'
    // outlines are the base map's). Null when it stands on nothing.
    json annotation_geometry(const scenario::Annotation& a) const {
        std::vector<LatLon> points;
        for (const std::string& id : a.places)
            if (const scenario::Place* p = place(id)) points.push_back(p->point);
        const scenario::Geometry& g = a.geometry;
        if (a.kind == "label") {
            if (!points.empty()) return point(points.front());
            if (g.type == "Point" && !g.parts.empty()) return point(g.parts[0][0][0]);
            return nullptr;
        }
        if (a.kind == "arrow" || a.kind == "line") {
            json lines = json::array();
            if (!points.empty()) geodesic_lines(points, lines);
            for (const auto& part : g.parts)
                for (const auto& line : part) geodesic_lines(line, lines);
            if (lines.empty()) return nullptr;
            if (lines.size() == 1) return {{"type", "LineString"}, {"coordinates", std::move(lines[0])}};
            return {{"type", "MultiLineString"}, {"coordinates", std::move(lines)}};
        }
        if (!points.empty()) return {{"type", "MultiPoint"}, {"coordinates", positions(points)}};
        if (g.type != "Polygon" && g.type != "MultiPolygon") return nullptr;
        json polygons = json::array();
        for (const auto& part : g.parts) {
            json rings = json::array();
            for (const auto& ring : part) rings.push_back(positions(ring));
            polygons.push_back(std::move(rings));
        }
        if (g.type == "Polygon") return {{"type", "Polygon"}, {"coordinates", std::move(polygons[0])}};
        return {{"type", "MultiPolygon"}, {"coordinates", std::move(polygons)}};
    }

    std::optional<json> annotation_feature(const scenario::Annotation& a) const {
        json properties = {{"kind", a.kind}, {"id", a.id}};
        if (!a.text.empty()) properties["text"] = a.text;
        if (!a.actor.empty()) properties["actor"] = a.actor;
        if (!a.colour.empty()) properties["colour"] = a.colour;
        json names = json::array();
        for (const std::string& id : a.places)
            if (const scenario::Place* p = place(id)) names.push_back(p->name);
        if (!names.empty()) properties["places"] = std::move(names);
        if (!a.when.start.empty()) properties["time_start"] = a.when.start;
        if (!a.when.end.empty()) properties["time_end"] = a.when.end;
        return feature(std::move(properties), annotation_geometry(a));
    }

    const scenario::Scenario& s_;
    std::map<std::string, std::unique_ptr<Quoter>> quoters_;
    std::map<std::string, std::size_t> source_rank_;
    std::map<std::string, const scenario::Place*> places_;  // by id
};

}  // namespace

json to_geojson(const scenario::Scenario& scenario) { return Writer(scenario).run(); }

}  // namespace muster
