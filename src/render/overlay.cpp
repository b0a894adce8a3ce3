#include "render/overlay.hpp"
#include "render/unit_groups.hpp"

#include "core/paths.hpp"
#include "geodata/great_circle.hpp"
#include "render/annotations.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <set>
#include <utility>

namespace muster {

// ------------------------------------------------------------------ roles

const char* to_string(CountryRole role) {
    switch (role) {
        case CountryRole::host: return "host";
        case CountryRole::actor_other: return "actor (other)";
        case CountryRole::actor_friend: return "actor (friend)";
        case CountryRole::actor_hostile: return "actor (hostile)";
        case CountryRole::other: break;
    }
    return "other";
}

std::map<std::string, CountryRole> country_roles(const scenario::Scenario& scenario,
                                                 const scenario::TimelineFrame* frame) {
    std::map<std::string, CountryRole> roles;
    auto raise = [&roles](const std::string& iso, CountryRole role) {
        if (iso.size() != 2) return;  // "NATO", "EU", "": not one country
        CountryRole& current = roles[iso];
        current = std::max(current, role);
    };
    for (std::size_t i = 0; i < scenario.figures.size(); ++i) {
        const scenario::Figure& figure = scenario.figures[i];
        if (!is_deployment(figure) || (frame && !frame->figure_shown(i))) continue;
        switch (figure_affiliation(figure)) {
            case Affiliation::hostile: raise(figure.actor, CountryRole::actor_hostile); break;
            case Affiliation::friend_: raise(figure.actor, CountryRole::actor_friend); break;
            default: raise(figure.actor, CountryRole::actor_other); break;
        }
        if (const scenario::Place* place = standing_place(scenario, i, frame);
            place && !stands_on_border(scenario, figure, *place))
            raise(place->country, CountryRole::host);
    }
    return roles;
}

const scenario::Place* standing_place(const scenario::Scenario& scenario, std::size_t figure,
                                      const scenario::TimelineFrame* frame) {
    if (!frame || figure >= frame->figures.size()) return scenario.place(scenario.figures[figure].place);
    const int index = frame->figures[figure].place;
    return index >= 0 && static_cast<std::size_t>(index) < scenario.places.size() ? &scenario.places[index] : nullptr;
}

scenario::Scenario deployments_at(const scenario::Scenario& scenario, const scenario::TimelineFrame& frame) {
    scenario::Scenario shown;
    shown.places = scenario.places;
    for (std::size_t i = 0; i < scenario.figures.size(); ++i) {
        const scenario::Figure& figure = scenario.figures[i];
        if (!is_deployment(figure) || !frame.figure_shown(i)) continue;
        scenario::Figure& copy = shown.figures.emplace_back(figure);
        const scenario::Place* place = standing_place(scenario, i, &frame);
        copy.place = place ? place->id : std::string();
    }
    return shown;
}

bool stands_on_border(const scenario::Scenario& scenario, const scenario::Figure& figure, const scenario::Place& place) {
    return faced_border(scenario, figure, place) != nullptr;
}

const scenario::Border* faced_border(const scenario::Scenario& scenario, const scenario::Figure& figure,
                                     const scenario::Place& place) {
    if (place.feature != "country" || figure.actor.size() != 2 || figure.actor == place.country) return nullptr;
    for (const scenario::Border& border : scenario.borders)
        if ((border.a == figure.actor && border.b == place.country) ||
            (border.b == figure.actor && border.a == place.country))
            return &border;
    return nullptr;
}

Rgba role_colour(CountryRole role, const MapStyle& style) {
    const RolePalette& palette = style.overlay.roles;
    switch (role) {
        case CountryRole::host: return palette.host;
        case CountryRole::actor_other: return palette.actor_other;
        case CountryRole::actor_friend: return palette.actor_friend;
        case CountryRole::actor_hostile: return palette.actor_hostile;
        case CountryRole::other: break;
    }
    return style.land;
}

// ------------------------------------------------------------------ framing

bool has_overlay_content(const scenario::Scenario& scenario) {
    return !scenario.places.empty() || !scenario.borders.empty() || !scenario.annotations.empty();
}

// How far a movement's origin may lie from the places framed for it to be
// framed too: about the width of a theatre (the Baltic to the Black Sea).
constexpr double kFramedOriginKm = 2500.0;

std::optional<Extent> scenario_extent(const scenario::Scenario& scenario) {
    std::vector<LatLon> points;
    // Where forces are is what the map is about: frame the places that carry
    // figures (and the borders) when there are any, not every country and
    // far-off city the text mentions in passing.
    std::set<std::string> deployment_places;
    for (const scenario::Figure& figure : scenario.figures)
        if (!figure.place.empty()) deployment_places.insert(figure.place);
    for (const scenario::Place& place : scenario.places)
        if (deployment_places.empty() || deployment_places.count(place.id)) points.push_back(place.point);
    for (const scenario::Border& border : scenario.borders)
        for (const auto& line : border.lines) points.insert(points.end(), line.begin(), line.end());
    for (const scenario::Annotation& annotation : scenario.annotations) {
        const std::vector<LatLon> marked = annotation_points(annotation, scenario);
        points.insert(points.end(), marked.begin(), marked.end());
    }
    // A movement's destination is framed; its origin too when it is near the
    // rest (Kursk to Crimea), not when it would shrink the theatre to a
    // corner of a continent-wide map (Khabarovsk to Belarus): then the arrow
    // comes in from the map's edge, as briefing maps draw long moves.
    for (const scenario::Movement& movement : scenario.movements)
        if (const scenario::Place* place = scenario.place(movement.to)) points.push_back(place->point);
    const std::vector<LatLon> theatre = points;
    for (const scenario::Movement& movement : scenario.movements) {
        const scenario::Place* origin = scenario.place(movement.from);
        if (!origin) continue;
        const bool near = theatre.empty() || std::any_of(theatre.begin(), theatre.end(), [&](const LatLon& p) {
                              return geodesic_distance_km(origin->point, p) <= kFramedOriginKm;
                          });
        if (near) points.push_back(origin->point);
    }
    if (points.empty()) return std::nullopt;

    // The box in longitudes -180..180 and in 0..360; the narrower one frames
    // places on both sides of the antimeridian (Khabarovsk and Anchorage)
    // across the Pacific rather than around the world.
    constexpr double inf = std::numeric_limits<double>::infinity();
    Extent box{inf, inf, -inf, -inf}, pacific{inf, inf, -inf, -inf};
    for (const LatLon& p : points) {
        for (Extent* b : {&box, &pacific}) {
            const double lon = b == &pacific && p.lon < 0 ? p.lon + 360.0 : p.lon;
            b->min_lon = std::min(b->min_lon, lon);
            b->max_lon = std::max(b->max_lon, lon);
            b->min_lat = std::min(b->min_lat, p.lat);
            b->max_lat = std::max(b->max_lat, p.lat);
        }
    }
    if (pacific.width() < box.width()) {
        if (pacific.min_lon >= 180.0) pacific.min_lon -= 360.0, pacific.max_lon -= 360.0;
        return pacific;
    }
    return box;
}

Camera fit_scenario(const scenario::Scenario& scenario, PixelSize viewport, double margin_px,
                    ProjectionPtr projection) {
    const auto extent = scenario_extent(scenario);
    if (!extent) return Camera::world_view(viewport, projection);
    // A single place, or places in a row, still get some surroundings.
    constexpr double min_span_degrees = 3.0;
    return fit_extent(*extent, viewport, margin_px, min_span_degrees, std::move(projection));
}

Camera fit_extent(const Extent& extent, PixelSize viewport, double margin_px, double min_span_degrees,
                  ProjectionPtr projection) {
    const LatLon middle = extent.centre();
    const double half_lat = std::max(extent.height(), min_span_degrees) / 2;
    const double half_lon = std::max(extent.width(), min_span_degrees) / 2;
    const Extent framed{middle.lon - half_lon, std::max(middle.lat - half_lat, -85.0), middle.lon + half_lon,
                        std::min(middle.lat + half_lat, 85.0)};
    // Fit into the viewport less the margins, then give the margins back.
    const int margin = static_cast<int>(std::lround(margin_px));
    const PixelSize inner{std::max(viewport.width - 2 * margin, viewport.width / 2),
                          std::max(viewport.height - 2 * margin, viewport.height / 2)};
    Camera camera = Camera::fit(framed, inner, projection);
    camera.set_viewport(viewport);
    return camera;
}

// ------------------------------------------------------------------ renderer

OverlayVisibility OverlayVisibility::of(const LayerSettings& layers) {
    return {layers.deployments.visible, layers.place_labels.visible, layers.border_features.visible,
            layers.country_names.visible, layers.city_labels.visible, layers.annotations.visible};
}

struct OverlayRenderer::LayoutKey {
    double lat, lon, zoom;
    int width, height;
    const void* countries;
    std::size_t country_count;
    std::uint64_t revision;
    OverlayStyle style;
    OverlayVisibility visible;
    float size_scale;
    const void* font;
    bool cities_loaded;
    friend bool operator==(const LayoutKey&, const LayoutKey&) = default;
};

OverlayRenderer::OverlayRenderer(bool background, CityLoader cities)
    : background_(background), city_loader_(std::move(cities)) {
    if (!city_loader_) city_loader_ = [] { return load_map_cities(default_geopackage()); };
}

// A city load still running finishes before the future goes away.
OverlayRenderer::~OverlayRenderer() = default;

namespace {

std::vector<scenario::TimeSpan> annotation_spans(const scenario::Scenario& scenario) {
    std::vector<scenario::TimeSpan> spans;
    spans.reserve(scenario.annotations.size());
    for (const scenario::Annotation& annotation : scenario.annotations) spans.push_back(annotation.when);
    return spans;
}

// Whether two frames give the same layout: the same figures shown at the
// same places, the same movements and annotations. Where a figure under way
// is does not count (it is drawn over the layout, wherever it is at the
// moment), nor what its strength is (restrength writes that in).
bool same_layout(const std::optional<scenario::TimelineFrame>& a, const std::optional<scenario::TimelineFrame>& b) {
    if (!a || !b) return !a && !b;
    const auto same_figure = [](const scenario::FigureAt& x, const scenario::FigureAt& y) {
        return x.shown == y.shown && x.place == y.place && x.strength.has_value() == y.strength.has_value() &&
               x.en_route.has_value() == y.en_route.has_value();
    };
    return std::equal(a->figures.begin(), a->figures.end(), b->figures.begin(), b->figures.end(), same_figure) &&
           a->movements == b->movements && a->annotations == b->annotations;
}

bool same_strengths(const scenario::TimelineFrame& a, const scenario::TimelineFrame& b) {
    return std::equal(a.figures.begin(), a.figures.end(), b.figures.begin(), b.figures.end(),
                      [](const auto& x, const auto& y) { return x.strength == y.strength; });
}

// New strengths into a layout made for other ones: each symbol's amplifier
// and halo, in the places already found.
void restrength(OverlayLayout& layout, std::size_t symbols, std::size_t halos, const scenario::Scenario& scenario,
                const scenario::TimelineFrame& frame, const OverlayStyle& style, float size_scale) {
    std::vector<const SymbolSpec*> spec_of(scenario.figures.size(), nullptr);
    for (std::size_t i = 0; i < symbols && i < layout.symbols.size(); ++i) {
        OverlayLayout::Symbol& symbol = layout.symbols[i];
        if (symbol.units > 1 || symbol.figure >= frame.figures.size() || !frame.figures[symbol.figure].strength)
            continue;
        symbol.spec = symbol_spec_at(scenario.figures[symbol.figure], frame.figures[symbol.figure], style.halo_pt_per_sqrt);
        spec_of[symbol.figure] = &symbol.spec;
    }
    // Aggregated symbols sum their units' strengths again; their halo is
    // found by their first figure.
    for (const OverlayLayout::Group& group : layout.groups) {
        if (group.symbol >= symbols || group.symbol >= layout.symbols.size()) continue;
        OverlayLayout::Symbol& symbol = layout.symbols[group.symbol];
        const UnitGroup summed{symbol.spec.affiliation, symbol.centre, group.figures, 0.0};
        symbol.spec = group_spec(summed, scenario, &frame, style.halo_pt_per_sqrt);
        if (symbol.figure < spec_of.size()) spec_of[symbol.figure] = &symbol.spec;
    }
    for (std::size_t i = 0; i < halos && i < layout.halos.size(); ++i) {
        OverlayLayout::Halo& halo = layout.halos[i];
        if (halo.figure >= spec_of.size() || !spec_of[halo.figure]) continue;
        halo.fill = spec_of[halo.figure]->halo_fill_pt * size_scale;
        halo.ring = spec_of[halo.figure]->halo_ring_pt * size_scale;
    }
}

}  // namespace

bool OverlayRenderer::set_scenario(const scenario::Scenario* scenario, std::optional<scenario::Days> time) {
    const bool wanted = scenario && has_overlay_content(*scenario);
    if (!wanted) {
        if (!active_) return false;
        active_ = false;
        scenario_ = {};
        timeline_.reset();
        frame_.reset();
        roles_.clear();
        lines_dirty_ = true;
        ++revision_;
        return true;
    }
    const bool same_content = active_ && scenario->places == scenario_.places &&
                              scenario->figures == scenario_.figures && scenario->borders == scenario_.borders &&
                              scenario->movements == scenario_.movements &&
                              scenario->annotations == scenario_.annotations && scenario->time == time_ &&
                              std::equal(annotation_spans_.begin(), annotation_spans_.end(),
                                         scenario->annotations.begin(), scenario->annotations.end(),
                                         [](const auto& span, const auto& annotation) { return span == annotation.when; });
    if (!same_content) {
        lines_dirty_ = lines_dirty_ || !active_ || scenario->borders != scenario_.borders;
        scenario_ = {};
        scenario_.places = scenario->places;
        scenario_.figures = scenario->figures;
        scenario_.borders = scenario->borders;
        scenario_.movements = scenario->movements;
        scenario_.annotations = scenario->annotations;
        annotation_spans_ = annotation_spans(*scenario);
        time_ = scenario->time;
        timeline_ = std::make_unique<scenario::Timeline>(*scenario);
        strength_day_.reset();
        active_ = true;
    }
    // The moment drawn: the caller's, the file's current time, else the end.
    std::optional<scenario::Days> now = time ? time : scenario::parse_time(time_.current);
    if (!now && timeline_->range()) now = timeline_->range()->end;
    std::optional<scenario::TimelineFrame> frame;
    if (now) {
        frame = timeline_->frame_at(*now);
        use_daily_strengths(*frame, *now);
        // Strengths as drawn: the layout changes when the text does.
        for (scenario::FigureAt& at : frame->figures)
            if (at.strength) at.strength = rounded_strength(*at.strength);
    }
    // The annotations' drawing reads the moment from the scenario's time.
    scenario_.time.current = now ? scenario::format_time(*now) : time_.current;
    const bool same = same_content && same_layout(frame, frame_);
    const bool strengths = same && frame && !same_strengths(*frame, *frame_);
    frame_ = std::move(frame);  // figures under way have moved on
    if (strengths) ++strength_revision_;
    if (same) return strengths;
    roles_ = country_roles(scenario_, frame_ ? &*frame_ : nullptr);
    ++revision_;
    return true;
}

void OverlayRenderer::use_daily_strengths(scenario::TimelineFrame& frame, scenario::Days now) {
    const scenario::Days day = std::floor(now);
    if (day == now) return;  // the frame is the day's
    if (strength_day_ != day) {
        day_strengths_.clear();
        for (const scenario::FigureAt& at : timeline_->frame_at(day).figures) day_strengths_.push_back(at.strength);
        strength_day_ = day;
    }
    for (std::size_t i = 0; i < frame.figures.size() && i < day_strengths_.size(); ++i)
        if (frame.figures[i].strength && day_strengths_[i]) frame.figures[i].strength = day_strengths_[i];
}

const std::vector<MapCity>& OverlayRenderer::cities() {
    static const std::vector<MapCity> none;
    if (cities_) return *cities_;
    if (!background_) {
        try {
            cities_ = city_loader_();
        } catch (const std::exception&) {
            cities_.emplace();  // no base-map cities; the scenario still draws
        }
        return *cities_;
    }
    if (!pending_cities_.valid()) pending_cities_ = std::async(std::launch::async, city_loader_);
    if (pending_cities_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return none;
    try {
        cities_ = pending_cities_.get();
    } catch (const std::exception&) {
        cities_.emplace();
    }
    return *cities_;
}

void OverlayRenderer::draw_lines(const Camera& camera, const OverlayStyle& style, float size_scale,
                                 const LayerLook& look) {
    if (!active_ || scenario_.borders.empty() || !look.drawn()) return;
    if (!lines_) lines_ = std::make_unique<ThickLines>();
    if (lines_dirty_) {
        std::vector<std::vector<LatLon>> all;
        for (const scenario::Border& border : scenario_.borders)
            all.insert(all.end(), border.lines.begin(), border.lines.end());
        lines_->set_lines(all);
        lines_dirty_ = false;
    }
    const float width = style.border_width_pt * size_scale;
    // Translucent, line and casing are faded as one picture: no joint or
    // casing shows through the line.
    const bool translucent = look.opacity < 1.0f;
    if (translucent) {
        if (!fade_) fade_ = std::make_unique<OpacityGroup>();
        fade_->begin(camera.viewport());
    }
    lines_->draw(camera, width + 2 * style.border_casing_pt * size_scale, style.border_casing);
    lines_->draw(camera, width, style.border_line);
    if (translucent) fade_->end(look.opacity);
}

std::uint64_t OverlayRenderer::prepare_marks(const OverlayFonts& fonts, const Camera& camera,
                                             const OverlayStyle& style, const std::vector<CountryLabelInfo>& countries,
                                             OverlayScale scale, const LayerSettings& layers) {
    if (!active_) return marks_revision_;
    static const std::vector<MapCity> no_cities;
    const OverlayVisibility visible = OverlayVisibility::of(layers);
    const std::vector<MapCity>& city_list = style.show_cities && visible.city_labels ? cities() : no_cities;
    LayoutKey key{camera.centre().lat, camera.centre().lon, camera.zoom(), camera.viewport().width,
                  camera.viewport().height, countries.data(), countries.size(), revision_, style, visible,
                  scale.size, fonts.font(MapFont::city), !city_list.empty()};
    if (!last_key_ || !(*last_key_ == key)) {
        layout_ = layout_overlay(scenario_, roles_, countries, city_list, camera, fonts, style, scale.size, visible,
                                 frame_ ? &*frame_ : nullptr);
        last_key_ = std::make_unique<LayoutKey>(key);
        laid_out_symbols_ = layout_.symbols.size();
        laid_out_halos_ = layout_.halos.size();
        strengths_drawn_ = strength_revision_;
        ++marks_revision_;
    } else if (strengths_drawn_ != strength_revision_ && frame_) {
        restrength(layout_, laid_out_symbols_, laid_out_halos_, scenario_, *frame_, style, scale.size);
        strengths_drawn_ = strength_revision_;
        ++marks_revision_;
    }
    layout_.symbols.resize(laid_out_symbols_);
    layout_.halos.resize(laid_out_halos_);
    return marks_revision_;
}

void OverlayRenderer::draw_laid_out_marks(ImDrawList* list, const OverlayFonts& fonts, const OverlayStyle& style,
                                          OverlayScale scale, const LayerSettings& layers) const {
    if (!active_) return;
    draw_overlay_layout(list, layout_, fonts, style, scale, layers);
}

bool OverlayRenderer::add_moving_marks(const OverlayFonts& fonts, const Camera& camera, const OverlayStyle& style,
                                       OverlayScale scale, const LayerSettings& layers) {
    if (!active_ || !frame_ || !OverlayVisibility::of(layers).deployments) return false;
    add_en_route_symbols(layout_, scenario_, *frame_, camera, fonts, style, scale.size);
    return layout_.symbols.size() > laid_out_symbols_;
}

void OverlayRenderer::draw_moving_marks(ImDrawList* list, const OverlayFonts& fonts, const Camera& camera,
                                        const OverlayStyle& style, OverlayScale scale, const LayerSettings& layers) {
    if (!add_moving_marks(fonts, camera, style, scale, layers)) return;
    OverlayLayout moving;
    moving.symbols.assign(layout_.symbols.begin() + static_cast<std::ptrdiff_t>(laid_out_symbols_), layout_.symbols.end());
    moving.halos.assign(layout_.halos.begin() + static_cast<std::ptrdiff_t>(laid_out_halos_), layout_.halos.end());
    draw_overlay_layout(list, moving, fonts, style, scale, layers);
}

void OverlayRenderer::draw_marks(ImDrawList* list, const OverlayFonts& fonts, const Camera& camera,
                                 const OverlayStyle& style, const std::vector<CountryLabelInfo>& countries,
                                 OverlayScale scale, const LayerSettings& layers) {
    if (!active_) return;
    prepare_marks(fonts, camera, style, countries, scale, layers);
    add_moving_marks(fonts, camera, style, scale, layers);
    draw_overlay_layout(list, layout_, fonts, style, scale, layers);
}

}  // namespace muster
