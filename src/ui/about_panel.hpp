// Help -> About: muster's version and the credits its data licences require.
#pragma once

#include "ui/view_state.hpp"

namespace muster::ui {

void draw_about_panel(ViewState& state);

}  // namespace muster::ui
