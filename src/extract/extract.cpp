#include "extract/extract.hpp"

#include "core/error.hpp"
#include "extract/alliances.hpp"
#include "extract/document_date.hpp"
#include "extract/figure.hpp"
#include "extract/movements.hpp"
#include "extract/relations.hpp"
#include "extract/text.hpp"
#include "extract/tokenizer.hpp"
#include "extract/toponyms.hpp"
#include "scenario/dating.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace muster::extract {

// ================================================================ BorderCache

BorderCache::BorderCache(std::filesystem::path gpkg) : gpkg_(std::move(gpkg)) {}

std::optional<SharedBorder> BorderCache::get(std::string_view a, std::string_view b) {
    // One key per unordered pair; the geometry does not depend on the order.
    std::pair<std::string, std::string> key{std::string(a), std::string(b)};
    if (key.second < key.first) std::swap(key.first, key.second);
    std::optional<SharedBorder> border;
    {
        const std::lock_guard lock(mutex_);
        auto it = pairs_.find(key);
        if (it != pairs_.end()) border = it->second;
        else {
            // Computed under the lock: concurrent callers of one pair wait for
            // the first instead of repeating seconds of geometry.
            border = shared_border(gpkg_, key.first, key.second);
            pairs_.emplace(key, border);
        }
    }
    if (border) {
        border->a = std::string(a);
        border->b = std::string(b);
    }
    return border;
}

std::size_t BorderCache::computed() const {
    const std::lock_guard lock(mutex_);
    return pairs_.size();
}

// ================================================================ helpers

std::string display_name(std::string_view path) {
    return path.empty() || path == "-" ? std::string("<stdin>") : std::string(path);
}

std::string first_line(std::string_view text) {
    auto is_blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; };
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::size_t first = pos;
        std::size_t last = end;
        while (first < last && is_blank(text[first])) ++first;
        while (last > first && is_blank(text[last - 1])) --last;
        if (first < last) return std::string(text.substr(first, last - first));
        pos = end + 1;
    }
    return {};
}

namespace {

bool is_html_path(std::string_view path) {
    std::string lower(path);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    return lower.ends_with(".html") || lower.ends_with(".htm");
}

scenario::Mention mention_of(const CodePointIndex& index, std::size_t begin, std::size_t end) {
    return {"s1", {index.code_point_offset(begin), index.code_point_offset(end)}};
}

// What an area covers: the gazetteer's members, or for "NATO members" the
// members on the article's date.
std::vector<std::string> members_of(const Candidate& entry, const std::string& entry_id, std::string_view date) {
    if (entry_id == kNatoMembersId) return nato_members_on(date);
    return entry.members;
}

// One Place per distinct gazetteer entry, in order of first mention; returns
// the place index of each toponym.
std::vector<std::size_t> build_places(const std::vector<Toponym>& toponyms, const CodePointIndex& index,
                                      std::string_view date, scenario::Scenario& out) {
    std::unordered_map<std::string, std::size_t> by_entry;
    std::vector<std::size_t> place_of(toponyms.size());
    for (std::size_t t = 0; t < toponyms.size(); ++t) {
        const Toponym& toponym = toponyms[t];
        const Candidate& entry = toponym.place();
        const std::string entry_id = entry.id();
        auto [it, added] = by_entry.emplace(entry_id, out.places.size());
        if (added) {
            scenario::Place place;
            place.id = "p" + std::to_string(out.places.size() + 1);
            place.name = entry.name;
            place.country = entry.country;
            place.feature = entry.feature();
            place.gazetteer_id = entry_id;
            place.geonameid = entry.geonameid;
            place.point = entry.point;
            place.confidence = toponym.confidence;
            place.members = members_of(entry, entry_id, date);
            out.places.push_back(std::move(place));
        }
        scenario::Place& place = out.places[it->second];
        place.confidence = std::max(place.confidence, toponym.confidence);
        place.mentions.push_back(mention_of(index, toponym.begin, toponym.end));
        place_of[t] = it->second;
    }
    return place_of;
}

void build_figures(std::string_view text, const std::vector<Figure>& figures, const Relations& relations,
                   const std::vector<std::size_t>& place_of, const CodePointIndex& index, scenario::Scenario& out) {
    for (std::size_t k = 0; k < figures.size(); ++k) {
        const Figure& figure = figures[k];
        const FigureLink& link = relations.figures[k];
        scenario::Figure item;
        item.id = "f" + std::to_string(k + 1);
        item.text = std::string(text.substr(figure.begin, figure.end - figure.begin));
        item.amount = {figure.value, figure.min, figure.max, std::string(to_string(figure.qualifier))};
        item.unit = figure.unit;
        item.category = std::string(to_string(figure.category));
        item.actor = link.actor;
        if (link.place) item.place = out.places[place_of[*link.place]].id;
        item.mention = mention_of(index, figure.begin, figure.end);
        out.figures.push_back(std::move(item));
    }
}

constexpr std::size_t kNoBorder = static_cast<std::size_t>(-1);  // a pair that does not touch

// One Border per pair of countries, where they touch.
void build_borders(const Relations& relations, const CodePointIndex& index,
                   const ExtractSource& source, BorderCache& cache, std::vector<std::string>* warnings,
                   scenario::Scenario& out) {
    std::map<std::pair<std::string, std::string>, std::size_t> seen;  // unordered pair -> border index
    for (const BorderLink& link : relations.borders) {
        std::pair<std::string, std::string> key{link.a, link.b};
        if (key.second < key.first) std::swap(key.first, key.second);
        if (auto it = seen.find(key); it != seen.end()) {
            if (it->second == kNoBorder) continue;
            scenario::Border& known = out.borders[it->second];
            if (!known.claimed_km && link.claimed_km) known.claimed_km = link.claimed_km;
            continue;
        }
        std::optional<SharedBorder> shared;
        try {
            shared = cache.get(link.a, link.b);
        } catch (const Error& e) {
            if (warnings) warnings->push_back(display_name(source.path) + ": border " + link.a + "-" + link.b +
                                              " left out (" + e.what() + ")");
        }
        seen.emplace(key, shared ? out.borders.size() : kNoBorder);
        if (!shared) continue;  // the two do not touch: nothing to draw or measure
        scenario::Border border;
        border.id = "b" + std::to_string(out.borders.size() + 1);
        border.a = link.a;
        border.b = link.b;
        border.claimed_km = link.claimed_km;
        border.measured_km = shared->length_km;
        border.lines = std::move(shared->lines);
        border.mention = mention_of(index, link.begin, link.end);
        out.borders.push_back(std::move(border));
    }
}

// "Iskander missiles", "Patriot batteries": a town's name inside the name
// of a weapon is no place. Demonyms and countries in a figure stay: they
// say whose the equipment is ("Russian Iskander missiles").
void drop_equipment_names(std::vector<Toponym>& toponyms, const std::vector<Figure>& figures) {
    std::erase_if(toponyms, [&](const Toponym& toponym) {
        if (toponym.adjectival || toponym.place().kind == PlaceKind::country) return false;
        return std::any_of(figures.begin(), figures.end(), [&](const Figure& f) {
            return f.category == FigureCategory::equipment && f.first_token <= toponym.first_token &&
                   toponym.last_token <= f.last_token;
        });
    });
}

// One Movement per pair of places in order (the same route stated twice is
// one arrow), from its first statement; the figure is the first one any
// statement of the route gives.
void build_movements(const std::vector<MovementLink>& links, const std::vector<std::size_t>& place_of,
                     const CodePointIndex& index, scenario::Scenario& out) {
    std::map<std::pair<std::size_t, std::size_t>, std::size_t> seen;  // (from, to) places -> movement index
    for (const MovementLink& link : links) {
        const std::pair<std::size_t, std::size_t> route{place_of[link.from], place_of[link.to]};
        if (route.first == route.second) continue;
        const std::string figure = link.figure ? "f" + std::to_string(*link.figure + 1) : std::string();
        if (auto it = seen.find(route); it != seen.end()) {
            scenario::Movement& known = out.movements[it->second];
            if (known.figure.empty()) known.figure = figure;
            continue;
        }
        seen.emplace(route, out.movements.size());
        scenario::Movement movement;
        movement.id = "m" + std::to_string(out.movements.size() + 1);
        movement.from = out.places[route.first].id;
        movement.to = out.places[route.second].id;
        movement.figure = figure;
        movement.mention = mention_of(index, link.begin, link.end);
        out.movements.push_back(std::move(movement));
    }
}

}  // namespace

// ================================================================ pipeline

std::string article_text(std::string_view bytes, std::string_view path, std::vector<std::string>* warnings) {
    std::size_t bad_sequences = 0;
    std::string text = repair_utf8(bytes, &bad_sequences);
    if (bad_sequences > 0 && warnings)
        warnings->push_back(display_name(path) + ": replaced " + std::to_string(bad_sequences) + " invalid UTF-8 " +
                            (bad_sequences == 1 ? "sequence" : "sequences") + " with U+FFFD");
    if (is_html_path(path)) text = strip_html(text);
    return text;
}

scenario::Scenario extract_scenario(std::string_view bytes, const ExtractSource& source,
                                    const ExtractResources& resources, std::vector<std::string>* warnings) {
    if (bytes.size() > kMaxTextBytes)
        throw Error(display_name(source.path) + ": too large (" + std::to_string(bytes.size()) +
                    " bytes; muster extracts texts up to 50 MB)");
    std::string text = article_text(bytes, source.path, warnings);

    const Tokenized tokens = tokenize(text);
    std::vector<Toponym> toponyms = recognise_toponyms(text, tokens, resources.gazetteer, resources.lexicon);
    resolve_toponyms(toponyms);
    const std::vector<Figure> figures = find_figures(text, tokens);
    drop_equipment_names(toponyms, figures);
    const Relations relations = link_relations(text, tokens, toponyms, figures);
    const CodePointIndex index(text);
    const std::string date = source.date.empty() ? document_date(source.path, text) : source.date;

    scenario::Scenario out;
    const std::vector<std::size_t> place_of = build_places(toponyms, index, date, out);
    build_figures(text, figures, relations, place_of, index, out);
    build_borders(relations, index, source, resources.borders, warnings, out);
    build_movements(find_movements(text, tokens, toponyms, figures), place_of, index, out);

    scenario::Source src;
    src.id = "s1";
    src.title = source.title.empty() ? first_line(text) : source.title;
    src.path = source.path == "-" ? std::string() : source.path;
    src.date = date;
    src.text = std::move(text);
    out.title = src.title;
    out.date = date;
    out.sources.push_back(std::move(src));
    scenario::date_extracted(out);  // on the timeline from the article's date
    return out;
}

}  // namespace muster::extract
