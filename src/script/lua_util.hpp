// Small helpers shared by the sandbox and the muster API bindings.
//
// muster links Debian's Lua built as C++ (lua5.4-c++): a Lua error is a C++
// exception, so raising one from a binding runs the destructors of the C++
// objects on the way out. A muster::Error thrown by muster's own code must
// still become a Lua error before it reaches Lua (which would otherwise
// swallow it as an unknown exception): guarded() does that.
#pragma once

#include "core/error.hpp"

#include <lua.hpp>

#include <exception>
#include <string>

namespace muster::script {

// "FILE:LINE:" of the first Lua function at `level` or above on the call
// stack (C functions have no line), or "" when there is none.
std::string script_location(lua_State* lua, int level);

// Runs body() (a binding's work, returning its count of results), turning a
// muster::Error into the Lua error "FILE:LINE: FUNCTION: MESSAGE" at the line
// of the script that called FUNCTION.
template <typename Body>
int guarded(lua_State* lua, const char* function, Body&& body) {
    try {
        return body();
    } catch (const Error& e) {
        return luaL_error(lua, "%s: %s", function, e.what());
    } catch (const std::exception& e) {
        return luaL_error(lua, "%s: internal error: %s", function, e.what());
    }
}

// Replaces table[name] (the table at `table_index`) with a function that
// raises "QUALIFIED is not allowed in muster scripts (sandbox)".
void refuse_function(lua_State* lua, int table_index, const char* name, const char* qualified);

}  // namespace muster::script
