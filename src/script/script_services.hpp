// What the muster API of a script run shares across calls: the gazetteer,
// loaded on the first name that has to be looked up (memory-mapped, so a
// few milliseconds), and kept for the rest of the run.
#pragma once

#include "geodata/gazetteer.hpp"

#include <lua.hpp>

#include <memory>

namespace muster::script {

class ScriptServices {
public:
    // Throws muster::Error when the gazetteer cannot be loaded.
    const Gazetteer& gazetteer() {
        if (!gazetteer_) gazetteer_ = std::make_unique<Gazetteer>(Gazetteer::load());
        return *gazetteer_;
    }

    // Kept in the state's registry so that every binding can reach it; the
    // services must outlive the state.
    void attach(lua_State* lua);
    static ScriptServices& of(lua_State* lua);

private:
    std::unique_ptr<Gazetteer> gazetteer_;
};

}  // namespace muster::script
