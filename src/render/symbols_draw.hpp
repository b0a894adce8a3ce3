// Drawing APP-6 / MIL-STD-2525 style unit symbols into a Dear ImGui draw
// list: frame by affiliation, function icon inside, echelon mark above.
// Sizes follow the standards' proportions for a frame of height h:
//   friend   rectangle 1.5h x h
//   hostile  diamond, 1.4h across its diagonals
//   neutral  square 1.1h
//   unknown  quatrefoil (four half-circles), 1.28h across
// Icons sit in each frame's inner box (the whole rectangle for friend, the
// square between the midpoints of the diamond's edges for hostile, ...), so
// the infantry cross runs corner to corner in a rectangle and between edge
// midpoints in a diamond, as in the standards.
#pragma once

#include "render/style.hpp"
#include "render/symbols.hpp"

#include <imgui.h>

namespace muster {

// Width and height of a frame of nominal height h (pixels).
ImVec2 symbol_frame_size(Affiliation affiliation, float h);

// The fill colour of an affiliation.
Rgba affiliation_fill(Affiliation affiliation, const SymbolPalette& palette);

ImU32 to_imgui(const Rgba& colour);

// Draws frame and icon centred at centre (draw-list coordinates), frame
// height h, outline width `line`. The echelon mark is drawn by the caller
// (it is text, measured with the overlay fonts).
void draw_unit_symbol(ImDrawList* list, ImVec2 centre, float h, const SymbolSpec& spec, const SymbolPalette& palette,
                      float line);

}  // namespace muster
