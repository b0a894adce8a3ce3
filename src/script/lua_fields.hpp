// Reading the table of named fields a script passes to muster
// (`s:add_figure{actor = "RU", value = 30000}`): a field the function does
// not know, or a value of the wrong type, is an error naming the field, so
// a typo never passes silently.
#pragma once

#include <lua.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace muster::script {

class LuaFields {
public:
    // The table at `index`. Throws muster::Error "unknown field 'colour'
    // (known: a, b, c)" for a key not in `known`, "expected a table of
    // fields, got number" when it is no table.
    LuaFields(lua_State* lua, int index, std::vector<std::string_view> known);

    // Present and not nil (false counts as present: it clears).
    [[nodiscard]] bool has(const char* name) const;
    // Present and exactly false.
    [[nodiscard]] bool is_false(const char* name) const;
    // Each throws "field 'NAME' expects a string, got boolean" and the like;
    // none when absent (or false, for fields that can be cleared).
    [[nodiscard]] std::optional<std::string> text(const char* name) const;
    [[nodiscard]] std::optional<double> number(const char* name) const;  // finite
    [[nodiscard]] std::optional<bool> boolean(const char* name) const;
    // An array of exactly `count` numbers ({w, s, e, n}).
    [[nodiscard]] std::optional<std::vector<double>> numbers(const char* name, std::size_t count) const;
    // The raw value, pushed on the stack (nil when absent); returns its type.
    int push(const char* name) const;

private:
    lua_State* lua_;
    int index_;
};

// "number", "string", ...: the Lua type name of the value at `index`.
std::string lua_type_name(lua_State* lua, int index);

}  // namespace muster::script
