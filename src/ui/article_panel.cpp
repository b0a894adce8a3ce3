#include "ui/article_panel.hpp"

#include "ui/map_links.hpp"
#include "ui/timeline_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <tuple>

namespace muster::ui {
namespace {

struct CodePointSpan {
    scenario::Span span;
    EntityRef entity;
};

// Every mention of a place or figure in this source, in code points.
std::vector<CodePointSpan> source_spans(const scenario::Scenario& scenario, const std::string& source_id) {
    std::vector<CodePointSpan> spans;
    for (const scenario::Place& place : scenario.places)
        for (const scenario::Mention& mention : place.mentions)
            if (mention.source == source_id) spans.push_back({mention.span, place_ref(place.id)});
    for (const scenario::Figure& figure : scenario.figures)
        if (figure.mention && figure.mention->source == source_id)
            spans.push_back({figure.mention->span, figure_ref(figure.id)});
    return spans;
}

// Sorted by start, the longer first, with overlapping spans dropped.
std::vector<CodePointSpan> without_overlaps(std::vector<CodePointSpan> spans) {
    std::sort(spans.begin(), spans.end(), [](const CodePointSpan& a, const CodePointSpan& b) {
        return std::tuple(a.span.start, b.span.end) < std::tuple(b.span.start, a.span.end);
    });
    std::vector<CodePointSpan> kept;
    for (CodePointSpan& span : spans) {
        if (span.span.end <= span.span.start) continue;
        if (!kept.empty() && span.span.start < kept.back().span.end) continue;
        kept.push_back(std::move(span));
    }
    return kept;
}

// A word of the layout: bytes [begin, end) with its trailing spaces, so that
// the highlight of a multi-word span runs on under the gaps.
struct Piece {
    std::size_t begin, end;
    bool line_break;
};

std::vector<Piece> split_words(std::string_view text, std::size_t begin, std::size_t end) {
    std::vector<Piece> pieces;
    std::size_t i = begin;
    while (i < end) {
        if (text[i] == '\n') {
            pieces.push_back({i, i + 1, true});
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < end && text[j] != ' ' && text[j] != '\n') ++j;
        while (j < end && text[j] == ' ') ++j;
        pieces.push_back({i, j, false});
        i = j;
    }
    return pieces;
}

// Where the next word goes, in screen points.
struct Pen {
    ImVec2 origin;
    float x = 0.0f, y = 0.0f;
    float wrap = 0.0f, line = 0.0f;
    void new_line() { x = 0.0f, y += line; }
};

// Background of a span: faint normally, strong when hovered or selected;
// fainter still for a figure not on the map at the timeline's moment.
ImU32 span_background(const ViewState& state, const EntityRef& entity, bool off_map) {
    const bool lit = entity == state.hovered || entity == state.selected;
    if (off_map) return entity_colour(entity.kind, lit ? 0.45f : 0.10f);
    return entity_colour(entity.kind, lit ? 0.85f : 0.30f);
}

// Whether an entity of the article is a figure off the map at the timeline's moment.
bool off_map(const ViewState& state, const EntityRef& entity) {
    if (entity.kind != EntityKind::figure || !state.timeline.frame) return false;
    const auto& figures = state.scenario.figures;
    for (std::size_t i = 0; i < figures.size(); ++i)
        if (figures[i].id == entity.id) return !figure_on_map(state, i);
    return false;
}

// Scrolls a selection made elsewhere into view, if it is out of sight.
void reveal_if_selected(ViewState& state, const EntityRef& entity, ImVec2 min, ImVec2 max) {
    if (!state.reveal_in_article || !(entity == state.selected)) return;
    state.reveal_in_article = false;
    if (!ImGui::IsRectVisible(min, max)) ImGui::SetScrollFromPosY(min.y - ImGui::GetWindowPos().y, 0.3f);
}

void draw_run(ViewState& state, std::string_view text, const ArticleRun& run, Pen& pen) {
    ImDrawList* list = ImGui::GetWindowDrawList();
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    const bool window_hovered = ImGui::IsWindowHovered();
    const bool run_off_map = !run.entity.empty() && off_map(state, run.entity);
    // Its words dimmed too, so the reader sees what the map leaves out now.
    const ImU32 run_ink = run_off_map ? ImGui::GetColorU32(ImGuiCol_TextDisabled) : ink;
    for (const Piece& piece : split_words(text, run.begin, run.end)) {
        if (piece.line_break) {
            pen.new_line();
            continue;
        }
        const char* first = text.data() + piece.begin;
        const char* last = text.data() + piece.end;
        const float width = font->CalcTextSizeA(size, FLT_MAX, 0.0f, first, last).x;
        // Wrap on the word without its trailing spaces, which may hang past the edge.
        std::size_t word_end = piece.end;
        while (word_end > piece.begin && text[word_end - 1] == ' ') --word_end;
        const float word = font->CalcTextSizeA(size, FLT_MAX, 0.0f, first, text.data() + word_end).x;
        if (pen.x > 0.0f && pen.x + word > pen.wrap) pen.new_line();
        const ImVec2 at(pen.origin.x + pen.x, pen.origin.y + pen.y);
        if (!run.entity.empty()) {
            const bool run_ends_here = piece.end == run.end;
            const ImVec2 to(at.x + (run_ends_here ? word : width), at.y + pen.line);
            list->AddRectFilled(at, to, span_background(state, run.entity, run_off_map), 3.0f);
            if (window_hovered && ImGui::IsMouseHoveringRect(at, to)) {
                state.hovered = run.entity;
                if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
                    select_entity(state, run.entity);
                    state.reveal_in_article = false;  // the reader is looking at it already
                }
            }
            reveal_if_selected(state, run.entity, at, to);
        }
        list->AddText(font, size, at, run.entity.empty() ? ink : run_ink, first, last);
        pen.x += width;
    }
}

}  // namespace

std::vector<ArticleRun> article_runs(const scenario::Scenario& scenario, const scenario::Source& source) {
    const std::string_view text = source.text;
    std::vector<ArticleRun> runs;
    std::size_t at = 0;
    for (const CodePointSpan& span : without_overlaps(source_spans(scenario, source.id))) {
        const std::size_t begin = code_point_to_byte(text, span.span.start);
        const std::size_t end = code_point_to_byte(text, span.span.end);
        if (begin >= text.size()) break;
        if (begin > at) runs.push_back({at, begin, {}});
        runs.push_back({begin, end, span.entity});
        at = end;
    }
    if (at < text.size()) runs.push_back({at, text.size(), {}});
    return runs;
}

void draw_article_text(ViewState& state) {
    if (state.scenario.sources.empty()) {
        ImGui::TextDisabled("No article: open one with `muster view FILE`.");
        return;
    }
    const scenario::Source& source = state.scenario.sources.front();
    Pen pen;
    pen.origin = ImGui::GetCursorScreenPos();
    pen.wrap = std::max(ImGui::GetContentRegionAvail().x, 50.0f);
    pen.line = ImGui::GetTextLineHeightWithSpacing();
    for (const ArticleRun& run : article_runs(state.scenario, source)) draw_run(state, source.text, run, pen);
    // Tell ImGui how tall the text was, so the window scrolls.
    ImGui::Dummy(ImVec2(pen.wrap, pen.y + pen.line));
}

}  // namespace muster::ui
