// The data credit every map must carry (Natural Earth is public domain but
// credited by convention; GeoNames' CC-BY requires it), drawn small in a
// corner on a translucent plate so it stays readable over land or sea.
#pragma once

#include <imgui.h>

namespace muster {

inline constexpr const char* map_attribution = "Natural Earth \u00b7 GeoNames (CC-BY)";

// Draws text with its bottom-right corner at corner (minus a margin) into
// list, with the given font and size in pixels.
void draw_attribution(ImDrawList* list, ImFont* font, float font_size_px, ImVec2 corner,
                      const char* text = map_attribution);

}  // namespace muster
