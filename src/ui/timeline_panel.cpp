#include "ui/timeline_panel.hpp"

#include "ui/view_state.hpp"

#include <SDL_scancode.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string_view>

namespace muster::ui {
namespace {

// FNV-1a over what the timeline is made of, so a change to any date, any
// strength history, a movement's ends or a place's position rebuilds it.
class Fingerprint {
public:
    void add(std::string_view text) {
        for (const char c : text) mix(static_cast<unsigned char>(c));
        mix(0xFF);  // ends the field: "ab","c" differs from "a","bc"
    }
    void add(double value) {
        unsigned char bytes[sizeof value];
        std::memcpy(bytes, &value, sizeof value);
        for (const unsigned char b : bytes) mix(b);
    }
    [[nodiscard]] std::uint64_t value() const { return hash_; }

private:
    void mix(unsigned char byte) { hash_ = (hash_ ^ byte) * 1099511628211ULL; }
    std::uint64_t hash_ = 14695981039346656037ULL;
};

std::uint64_t dated_fingerprint(const scenario::Scenario& s) {
    Fingerprint f;
    f.add(s.time.start), f.add(s.time.end);
    for (const scenario::Source& source : s.sources) f.add(source.date);
    for (const scenario::Place& place : s.places) f.add(place.id), f.add(place.point.lat), f.add(place.point.lon);
    f.add(static_cast<double>(s.figures.size()));
    for (const scenario::Figure& figure : s.figures) {
        f.add(figure.id), f.add(figure.place), f.add(figure.when.start), f.add(figure.when.end);
        for (const scenario::StrengthAt& at : figure.history) f.add(at.date), f.add(at.value);
    }
    f.add(static_cast<double>(s.movements.size()));
    for (const scenario::Movement& m : s.movements)
        f.add(m.figure), f.add(m.from), f.add(m.to), f.add(m.when.start), f.add(m.when.end);
    f.add(static_cast<double>(s.annotations.size()));
    for (const scenario::Annotation& a : s.annotations) f.add(a.when.start), f.add(a.when.end);
    return f.value();
}

const std::optional<scenario::TimelineRange>& range_of(const ViewState& state) {
    static const std::optional<scenario::TimelineRange> none;
    return state.timeline.timeline ? state.timeline.timeline->range() : none;
}

// "Thu 24 Feb 2022", and the time of day when there is one.
std::string long_date(scenario::Days days) {
    static const char* const weekdays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};  // 1970-01-01 was a Thursday
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::string iso = scenario::format_time(days);  // "2022-02-24" or "2022-02-24T03:40"
    const long long day = static_cast<long long>(std::floor(scenario::parse_time(iso.substr(0, 10)).value_or(days)));
    const int month = std::stoi(iso.substr(5, 2));
    char text[48];
    std::snprintf(text, sizeof text, "%s %d %s %s%s%s", weekdays[((day % 7) + 7) % 7], std::stoi(iso.substr(8, 2)),
                  months[month - 1], iso.substr(0, 4).c_str(), iso.size() > 10 ? " " : "",
                  iso.size() > 10 ? iso.substr(11).c_str() : "");
    return text;
}

std::string speed_label(double days_per_second) {
    char text[32];
    std::snprintf(text, sizeof text, "%g %s/s", days_per_second, days_per_second == 1.0 ? "day" : "days");
    return text;
}

void toggle_play(ViewState& state) {
    TimelineState& t = state.timeline;
    const auto& range = range_of(state);
    if (!range) return;
    if (!t.playing && shown_time(state).value_or(range->end) >= range->end) t.current = range->start;  // again
    t.playing = !t.playing;
}

void step_days(ViewState& state, double days) {
    const auto now = shown_time(state);
    if (now) seek_timeline(state, std::round(*now) + days);
}

std::size_t figures_on_map(const ViewState& state) {
    if (!state.timeline.frame) return state.scenario.figures.size();
    return static_cast<std::size_t>(std::count_if(state.timeline.frame->figures.begin(),
                                                  state.timeline.frame->figures.end(),
                                                  [](const scenario::FigureAt& at) { return at.shown; }));
}

}  // namespace

void update_timeline(ViewState& state, double seconds) {
    TimelineState& t = state.timeline;
    const scenario::Scenario& s = state.scenario;
    const std::uint64_t fingerprint = dated_fingerprint(s);
    const bool rebuild = !t.timeline || fingerprint != t.fingerprint;
    if (rebuild) {
        t.timeline.emplace(s);
        t.dated = scenario::has_timeline(s);
        t.fingerprint = fingerprint;
    }
    // A time written into the file (a reload, a script) is what to show.
    if (s.time.current != t.file_current) {
        t.file_current = s.time.current;
        t.current.reset();
        t.playing = false;
    }
    const auto& range = t.timeline->range();
    if (!range) {
        t.current.reset();
        t.playing = false;
        t.frame.reset();
        return;
    }
    if (t.playing) {
        scenario::Days next = shown_time(state).value_or(range->start) + seconds * t.days_per_second;
        if (next >= range->end) next = range->end, t.playing = false;
        t.current = next;
    }
    if (t.current) t.current = std::clamp(*t.current, range->start, range->end);
    const scenario::Days now = *shown_time(state);
    if (rebuild || !t.frame || t.frame->time != now) t.frame = t.timeline->frame_at(now);
}

std::optional<scenario::Days> shown_time(const ViewState& state) {
    const auto& range = range_of(state);
    if (!range) return std::nullopt;
    if (state.timeline.current) return state.timeline.current;
    if (const auto current = scenario::parse_time(state.scenario.time.current)) return current;
    return range->end;
}

bool timeline_panel_visible(const ViewState& state) {
    if (state.timeline.show) return *state.timeline.show;
    const auto& range = range_of(state);
    return state.timeline.dated && range && range->end > range->start;
}

float timeline_panel_height() {
    const ImGuiStyle& style = ImGui::GetStyle();
    return 2.0f * ImGui::GetFrameHeight() + style.ItemSpacing.y + 2.0f * style.WindowPadding.y;
}

void seek_timeline(ViewState& state, scenario::Days to) {
    const auto& range = range_of(state);
    if (!range) return;
    state.timeline.current = std::clamp(to, range->start, range->end);
    state.timeline.playing = false;
}

void draw_timeline_controls(ViewState& state) {
    TimelineState& t = state.timeline;
    const auto& range = range_of(state);
    if (!range) {
        ImGui::TextDisabled("Nothing in this scenario is dated: give figures, movements or annotations a \"when\".");
        return;
    }
    double now = *shown_time(state);
    double start = range->start, end = range->end;
    ImGui::SetNextItemWidth(-FLT_MIN);
    // The slider shows the date itself (a format without a conversion is printed as it is).
    const std::string date = long_date(now);
    if (ImGui::SliderScalar("##time", ImGuiDataType_Double, &now, &start, &end, date.c_str(),
                            ImGuiSliderFlags_NoInput))  // Ctrl+click would ask for a number of days
        seek_timeline(state, std::round(now));  // whole days: what reports are dated by

    if (ImGui::Button("|<")) seek_timeline(state, range->start);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("To the start: %s", scenario::format_time(range->start).c_str());
    ImGui::SameLine();
    if (ImGui::Button("<")) step_days(state, -1.0);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("A day back (comma)");
    ImGui::SameLine();
    if (ImGui::Button(t.playing ? "Pause" : "Play", ImVec2(ImGui::GetFontSize() * 4.0f, 0.0f))) toggle_play(state);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Play or pause (Space)");
    ImGui::SameLine();
    if (ImGui::Button(">")) step_days(state, 1.0);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("A day forward (full stop)");
    ImGui::SameLine();
    if (ImGui::Button(">|")) seek_timeline(state, range->end);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("To the end: %s", scenario::format_time(range->end).c_str());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.5f);
    if (ImGui::BeginCombo("##speed", speed_label(t.days_per_second).c_str())) {
        for (const double speed : timeline_speeds)
            if (ImGui::Selectable(speed_label(speed).c_str(), speed == t.days_per_second)) t.days_per_second = speed;
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::TextDisabled("%zu of %zu figures on the map", figures_on_map(state), state.scenario.figures.size());
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("The timeline runs from %s to %s", scenario::format_time(range->start).c_str(),
                          scenario::format_time(range->end).c_str());
}

void draw_timeline_panel(ViewState& state) {
    if (!timeline_panel_visible(state)) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float ratio = ImGui::GetIO().DisplayFramebufferScale.x > 0 ? ImGui::GetIO().DisplayFramebufferScale.x : 1.0f;
    const float left = static_cast<float>(state.map_left_px) / ratio;
    const float right = static_cast<float>(state.map_right_px) / ratio;
    const float height = timeline_panel_height();
    const float status = ImGui::GetFrameHeight();  // the status bar below (status_bar_height)
    ImGui::SetNextWindowPos(
        ImVec2(viewport->WorkPos.x + left, viewport->WorkPos.y + viewport->WorkSize.y - status - height));
    ImGui::SetNextWindowSize(ImVec2(std::max(viewport->WorkSize.x - left - right, 200.0f), height));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing;
    if (ImGui::Begin("##timeline", nullptr, flags)) draw_timeline_controls(state);
    ImGui::End();
}

void handle_timeline_keys(ViewState& state) {
    if (ImGui::GetIO().WantCaptureKeyboard || ImGui::GetIO().KeyCtrl || !range_of(state)) return;
    if (ImGui::IsKeyPressed(SDL_SCANCODE_SPACE, false)) toggle_play(state);
    if (ImGui::IsKeyPressed(SDL_SCANCODE_COMMA)) step_days(state, -1.0);
    if (ImGui::IsKeyPressed(SDL_SCANCODE_PERIOD)) step_days(state, 1.0);
}

bool figure_on_map(const ViewState& state, std::size_t figure) {
    return !state.timeline.frame || state.timeline.frame->figure_shown(figure);
}

void apply_timeline_time(ViewState& state) {
    if (!state.timeline.current) return;
    const std::string current = scenario::format_time(*state.timeline.current);
    state.scenario.time.current = current;
    state.timeline.file_current = current;
    state.document.last_seen.time.current = current;  // not an edit to undo
}

}  // namespace muster::ui
