#include "render/attribution.hpp"

namespace muster {

void draw_attribution(ImDrawList* list, ImFont* font, float font_size_px, ImVec2 corner, const char* text) {
    const float pad = font_size_px * 0.35f;
    const float margin = font_size_px * 0.4f;
    const ImVec2 text_size = font->CalcTextSizeA(font_size_px, 1e9f, 0.0f, text);
    const ImVec2 box_max(corner.x - margin, corner.y - margin);
    const ImVec2 box_min(box_max.x - text_size.x - 2 * pad, box_max.y - text_size.y - pad);
    list->AddRectFilled(box_min, box_max, IM_COL32(255, 255, 255, 170), pad * 0.8f);
    list->AddText(font, font_size_px, ImVec2(box_min.x + pad, box_min.y + pad * 0.5f), IM_COL32(60, 60, 60, 255), text);
}

}  // namespace muster
