#include "script/lua_fields.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cmath>

namespace muster::script {

std::string lua_type_name(lua_State* lua, int index) { return luaL_typename(lua, index); }

LuaFields::LuaFields(lua_State* lua, int index, std::vector<std::string_view> known)
    : lua_(lua), index_(lua_absindex(lua, index)) {
    if (!lua_istable(lua_, index_)) throw Error("expected a table of fields, got " + lua_type_name(lua_, index_));
    lua_pushnil(lua_);
    while (lua_next(lua_, index_) != 0) {
        lua_pop(lua_, 1);  // the value
        const bool named = lua_type(lua_, -1) == LUA_TSTRING;
        const std::string key = named ? lua_tostring(lua_, -1) : "[" + lua_type_name(lua_, -1) + "]";
        if (!named || std::find(known.begin(), known.end(), key) == known.end()) {
            std::string list;
            for (std::string_view name : known) list += (list.empty() ? "" : ", ") + std::string(name);
            lua_pop(lua_, 1);
            throw Error("unknown field '" + key + "' (known: " + list + ")");
        }
    }
}

int LuaFields::push(const char* name) const {
    lua_pushstring(lua_, name);
    return lua_rawget(lua_, index_);
}

bool LuaFields::has(const char* name) const {
    const int type = push(name);
    lua_pop(lua_, 1);
    return type != LUA_TNIL;
}

bool LuaFields::is_false(const char* name) const {
    const bool result = push(name) == LUA_TBOOLEAN && !lua_toboolean(lua_, -1);
    lua_pop(lua_, 1);
    return result;
}

namespace {

[[noreturn]] void wrong_type(lua_State* lua, const char* name, const char* expected) {
    const std::string got = lua_type_name(lua, -1);
    lua_pop(lua, 1);
    throw Error(std::string("field '") + name + "' expects " + expected + ", got " + got);
}

}  // namespace

std::optional<std::string> LuaFields::text(const char* name) const {
    const int type = push(name);
    if (type == LUA_TNIL || (type == LUA_TBOOLEAN && !lua_toboolean(lua_, -1))) {
        lua_pop(lua_, 1);
        return std::nullopt;
    }
    if (type != LUA_TSTRING) wrong_type(lua_, name, "a string");
    std::size_t length = 0;
    const char* value = lua_tolstring(lua_, -1, &length);
    std::string result(value, length);
    lua_pop(lua_, 1);
    return result;
}

std::optional<double> LuaFields::number(const char* name) const {
    const int type = push(name);
    if (type == LUA_TNIL || (type == LUA_TBOOLEAN && !lua_toboolean(lua_, -1))) {
        lua_pop(lua_, 1);
        return std::nullopt;
    }
    if (type != LUA_TNUMBER) wrong_type(lua_, name, "a number");
    const double value = lua_tonumber(lua_, -1);
    lua_pop(lua_, 1);
    if (!std::isfinite(value)) throw Error(std::string("field '") + name + "' expects a finite number");
    return value;
}

std::optional<bool> LuaFields::boolean(const char* name) const {
    const int type = push(name);
    if (type == LUA_TNIL) {
        lua_pop(lua_, 1);
        return std::nullopt;
    }
    if (type != LUA_TBOOLEAN) wrong_type(lua_, name, "true or false");
    const bool value = lua_toboolean(lua_, -1);
    lua_pop(lua_, 1);
    return value;
}

std::optional<std::vector<double>> LuaFields::numbers(const char* name, std::size_t count) const {
    const int type = push(name);
    if (type == LUA_TNIL) {
        lua_pop(lua_, 1);
        return std::nullopt;
    }
    const std::string expected = "a list of " + std::to_string(count) + " numbers";
    if (type != LUA_TTABLE || lua_rawlen(lua_, -1) != count) wrong_type(lua_, name, expected.c_str());
    std::vector<double> values;
    for (std::size_t i = 1; i <= count; ++i) {
        if (lua_rawgeti(lua_, -1, static_cast<lua_Integer>(i)) != LUA_TNUMBER || !std::isfinite(lua_tonumber(lua_, -1))) {
            lua_pop(lua_, 1);
            wrong_type(lua_, name, expected.c_str());
        }
        values.push_back(lua_tonumber(lua_, -1));
        lua_pop(lua_, 1);
    }
    lua_pop(lua_, 1);
    return values;
}

}  // namespace muster::script
