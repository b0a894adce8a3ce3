// The libraries a sandboxed script gets (lua_state.hpp lists them): Lua's
// own, opened one by one, with the parts that reach outside removed or
// routed through SandboxFolders.
#include "script/lua_state.hpp"
#include "script/lua_util.hpp"

#include <lua.hpp>

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <string_view>

namespace muster::script {
namespace {

// ------------------------------------------------------------------ globals

// Globals of a full Lua that scripts do not get. Reading one is an error
// that says so, rather than "attempt to index a nil value" further on.
constexpr std::array kUnavailableGlobals = {"debug", "package", "dofile", "loadfile", "coroutine"};

int unavailable_global(lua_State* lua) {
    if (lua_type(lua, 2) != LUA_TSTRING) return 0;
    const std::string_view name = lua_tostring(lua, 2);
    if (std::find(kUnavailableGlobals.begin(), kUnavailableGlobals.end(), name) == kUnavailableGlobals.end())
        return 0;
    return luaL_error(lua, "%s is not available in muster scripts (sandbox)", lua_tostring(lua, 2));
}

// print(...): the arguments as tostring() gives them, tab-separated, to the
// host's sink (the CLI's standard output, the viewer's status bar).
int sandbox_print(lua_State* lua) {
    const int count = lua_gettop(lua);
    std::string line;
    for (int i = 1; i <= count; ++i) {
        std::size_t length = 0;
        const char* text = luaL_tolstring(lua, i, &length);
        if (i > 1) line += '\t';
        line.append(text, length);
        lua_pop(lua, 1);
    }
    LuaSandbox::of(lua).print(line);
    return 0;
}

// load(chunk [, name [, mode [, env]]]): text only. Binary chunks are
// refused outright (they can break the VM's invariants), not just failed.
int sandbox_load(lua_State* lua) {
    const char* mode = luaL_optstring(lua, 3, "t");
    std::size_t length = 0;
    const char* chunk = lua_type(lua, 1) == LUA_TSTRING ? lua_tolstring(lua, 1, &length) : nullptr;
    if (std::strchr(mode, 'b') || (chunk && length > 0 && chunk[0] == LUA_SIGNATURE[0]))
        return luaL_error(lua, "load: binary chunks are not allowed in muster scripts (sandbox)");
    const bool has_environment = !lua_isnone(lua, 4);  // load(s, n, m, nil) means "no environment"
    lua_settop(lua, 4);
    lua_pushvalue(lua, lua_upvalueindex(1));  // Lua's own load
    lua_pushvalue(lua, 1);
    lua_pushvalue(lua, 2);
    lua_pushstring(lua, "t");
    int arguments = 3;
    if (has_environment) {
        lua_pushvalue(lua, 4);
        ++arguments;
    }
    lua_call(lua, arguments, LUA_MULTRET);
    return lua_gettop(lua) - 4;
}

// setmetatable(t, mt) without __gc: Lua runs finalizers with hooks switched
// off, so one that loops would escape the time limit. An object is marked
// for finalization only if its metatable has __gc when it is set, so
// checking here (raw, as Lua looks) is enough.
int sandbox_setmetatable(lua_State* lua) {
    if (lua_type(lua, 2) == LUA_TTABLE) {
        lua_pushstring(lua, "__gc");
        if (lua_rawget(lua, 2) != LUA_TNIL)
            return luaL_error(lua, "setmetatable: __gc metamethods are not allowed in muster scripts (sandbox)");
        lua_pop(lua, 1);
    }
    lua_pushvalue(lua, lua_upvalueindex(1));  // Lua's own setmetatable
    lua_insert(lua, 1);
    lua_call(lua, lua_gettop(lua) - 1, 1);
    return 1;
}

// ------------------------------------------------------------------ require

// Lua identifiers joined by dots ("util", "lib.geo"): nothing that could
// climb out of the script's folder. (Checked by hand: std::regex draws a
// false -Wmaybe-uninitialized from GCC 12 in the sanitizer build.)
bool is_module_name(const std::string& name) {
    const auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; };
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    bool segment_start = true;
    for (const char c : name) {
        if (c == '.' && !segment_start) {
            segment_start = true;
        } else if (letter(c) || (digit(c) && !segment_start)) {
            segment_start = false;
        } else {
            return false;
        }
    }
    return !segment_start;  // not empty, not ending in a dot
}

// require(NAME): NAME.lua (dots are folders) from the script's folder, run
// once and cached; nothing from LUA_PATH, no C modules.
int sandbox_require(lua_State* lua) {
    return guarded(lua, "require", [&] {
        const std::string name = luaL_checkstring(lua, 1);
        if (!is_module_name(name))
            throw Error("'" + name + "' is not a module name (words of letters, digits and '_' between dots)");
        luaL_getsubtable(lua, LUA_REGISTRYINDEX, "muster.modules");
        const int cache = lua_gettop(lua);
        if (lua_getfield(lua, cache, name.c_str()) != LUA_TNIL) {
            if (lua_isboolean(lua, -1) && !lua_toboolean(lua, -1))
                throw Error("module '" + name + "' requires itself while loading");
            return 1;
        }
        lua_pop(lua, 1);
        std::string relative = name;
        std::replace(relative.begin(), relative.end(), '.', '/');
        relative += ".lua";
        const LuaSandbox& sandbox = LuaSandbox::of(lua);
        const std::filesystem::path file = sandbox.folders().readable(relative);
        std::error_code ec;
        if (!std::filesystem::is_regular_file(file, ec))
            throw Error("no module '" + name + "': no " + relative +
                        " in the script's folder (scripts require only Lua files beside them; C modules are not "
                        "allowed)");
        lua_pushboolean(lua, 0);  // loading: a cycle finds false
        lua_setfield(lua, cache, name.c_str());
        load_lua_file(lua, file, (sandbox.display_folder() / relative).string());
        lua_pushstring(lua, name.c_str());
        lua_call(lua, 1, 1);
        if (lua_isnil(lua, -1)) {
            lua_pop(lua, 1);
            lua_pushboolean(lua, 1);
        }
        lua_pushvalue(lua, -1);
        lua_setfield(lua, cache, name.c_str());
        return 1;
    });
}

// ------------------------------------------------------------------ io

// Calls the real io function (upvalue 1) with the arguments from `first`
// on, the path argument replaced by `path`; returns all its results.
int call_real_io(lua_State* lua, const std::string& path, int first) {
    const int base = lua_gettop(lua);
    lua_pushvalue(lua, lua_upvalueindex(1));
    lua_pushstring(lua, path.c_str());
    for (int i = first; i <= base; ++i) lua_pushvalue(lua, i);
    lua_call(lua, 1 + std::max(0, base - first + 1), LUA_MULTRET);
    return lua_gettop(lua) - base;
}

int sandbox_io_open(lua_State* lua) {
    return guarded(lua, "io.open", [&] {
        const char* path = luaL_checkstring(lua, 1);
        const char* mode = luaL_optstring(lua, 2, "r");
        const SandboxFolders& folders = LuaSandbox::of(lua).folders();
        const bool writes = std::strpbrk(mode, "wa+") != nullptr;
        const std::string file = (writes ? folders.writable(path) : folders.readable(path)).string();
        lua_settop(lua, 2);
        return call_real_io(lua, file, 2);
    });
}

int sandbox_io_lines(lua_State* lua) {
    return guarded(lua, "io.lines", [&] {
        // Without a file name io.lines reads standard input: not for scripts.
        const char* path = luaL_checkstring(lua, 1);
        const std::string file = LuaSandbox::of(lua).folders().readable(path).string();
        return call_real_io(lua, file, 2);
    });
}

// io.close(file): only a file the script names; io.close() would close
// the host's standard output.
int sandbox_io_close(lua_State* lua) {
    luaL_checkudata(lua, 1, LUA_FILEHANDLE);
    lua_settop(lua, 1);
    lua_pushvalue(lua, lua_upvalueindex(1));
    lua_pushvalue(lua, 1);
    lua_call(lua, 1, LUA_MULTRET);
    return lua_gettop(lua) - 1;
}

void copy_field(lua_State* lua, int from, int to, const char* name) {
    lua_getfield(lua, from, name);
    lua_setfield(lua, to, name);
}

void wrap_field(lua_State* lua, int from, int to, const char* name, lua_CFunction wrapper) {
    lua_getfield(lua, from, name);
    lua_pushcclosure(lua, wrapper, 1);
    lua_setfield(lua, to, name);
}

void open_sandbox_io(lua_State* lua) {
    luaL_requiref(lua, LUA_IOLIBNAME, luaopen_io, 0);
    const int real = lua_gettop(lua);
    lua_createtable(lua, 0, 12);
    const int io = lua_gettop(lua);
    wrap_field(lua, real, io, "open", sandbox_io_open);
    wrap_field(lua, real, io, "lines", sandbox_io_lines);
    wrap_field(lua, real, io, "close", sandbox_io_close);
    for (const char* name : {"write", "type", "stdout", "stderr"}) copy_field(lua, real, io, name);
    for (const char* name : {"popen", "tmpfile", "input", "output", "read"})
        refuse_function(lua, io, name, ("io." + std::string(name)).c_str());
    lua_setglobal(lua, LUA_IOLIBNAME);
    lua_pop(lua, 1);
}

// ------------------------------------------------------------------ os

void open_sandbox_os(lua_State* lua) {
    luaL_requiref(lua, LUA_OSLIBNAME, luaopen_os, 0);
    const int real = lua_gettop(lua);
    lua_createtable(lua, 0, 11);
    const int os = lua_gettop(lua);
    for (const char* name : {"time", "date", "clock", "difftime"}) copy_field(lua, real, os, name);
    for (const char* name : {"execute", "exit", "getenv", "remove", "rename", "tmpname", "setlocale"})
        refuse_function(lua, os, name, ("os." + std::string(name)).c_str());
    lua_setglobal(lua, LUA_OSLIBNAME);
    lua_pop(lua, 1);
}

// ------------------------------------------------------------------ base

void open_sandbox_base(lua_State* lua) {
    luaL_requiref(lua, LUA_GNAME, luaopen_base, 1);
    const int globals = lua_gettop(lua);
    for (const char* name : {"dofile", "loadfile"}) {
        lua_pushnil(lua);
        lua_setfield(lua, globals, name);
    }
    wrap_field(lua, globals, globals, "load", sandbox_load);
    wrap_field(lua, globals, globals, "setmetatable", sandbox_setmetatable);
    lua_pushcfunction(lua, sandbox_print);
    lua_setfield(lua, globals, "print");
    lua_pushcfunction(lua, sandbox_require);
    lua_setfield(lua, globals, "require");

    lua_createtable(lua, 0, 2);
    lua_pushcfunction(lua, unavailable_global);
    lua_setfield(lua, -2, "__index");
    lua_pushboolean(lua, 0);  // the script cannot take this metatable away
    lua_setfield(lua, -2, "__metatable");
    lua_setmetatable(lua, globals);
    lua_pop(lua, 1);
}

void open_library(lua_State* lua, const char* name, lua_CFunction open) {
    luaL_requiref(lua, name, open, 1);
    lua_pop(lua, 1);
}

}  // namespace

void LuaSandbox::open_libraries() {
    open_sandbox_base(lua_);
    open_library(lua_, LUA_STRLIBNAME, luaopen_string);
    open_library(lua_, LUA_TABLIBNAME, luaopen_table);
    open_library(lua_, LUA_MATHLIBNAME, luaopen_math);
    open_library(lua_, LUA_UTF8LIBNAME, luaopen_utf8);
    lua_getglobal(lua_, LUA_STRLIBNAME);
    refuse_function(lua_, -1, "dump", "string.dump");
    lua_pop(lua_, 1);
    open_sandbox_io(lua_);
    open_sandbox_os(lua_);
}

}  // namespace muster::script
