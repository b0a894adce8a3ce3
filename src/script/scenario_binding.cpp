#include "script/scenario_binding.hpp"

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "export/geojson.hpp"
#include "scenario/scenario_json.hpp"
#include "script/lua_fields.hpp"
#include "script/lua_state.hpp"
#include "script/lua_util.hpp"
#include "script/scenario_edit.hpp"
#include "script/script_services.hpp"
#include "script/view_binding.hpp"
#include "script/view_edit.hpp"

#include <cmath>
#include <cstring>
#include <memory>
#include <new>
#include <string>

namespace muster::script {
namespace sc = muster::scenario;

namespace {

constexpr const char* kScenarioType = "muster.Scenario";

struct ScenarioObject {
    std::unique_ptr<sc::Scenario> scenario;
};

// ------------------------------------------------------------------ Lua values of items

void set_string(lua_State* lua, const char* key, const std::string& value) {
    lua_pushlstring(lua, value.data(), value.size());
    lua_setfield(lua, -2, key);
}

void set_number(lua_State* lua, const char* key, double value) {
    lua_pushnumber(lua, value);
    lua_setfield(lua, -2, key);
}

void set_optional(lua_State* lua, const char* key, const std::string& value) {
    if (!value.empty()) set_string(lua, key, value);
}

// Amounts: whole numbers as Lua integers, so print(f.value) says 30000,
// not 30000.0.
void set_optional(lua_State* lua, const char* key, const std::optional<double>& value) {
    if (!value) return;
    if (*value == std::floor(*value) && std::abs(*value) < 9007199254740992.0) {
        lua_pushinteger(lua, static_cast<lua_Integer>(*value));
        lua_setfield(lua, -2, key);
    } else {
        set_number(lua, key, *value);
    }
}

void push_place(lua_State* lua, const sc::Place& place) {
    lua_createtable(lua, 0, 10);
    set_string(lua, "id", place.id);
    set_string(lua, "name", place.name);
    set_optional(lua, "country", place.country);
    set_string(lua, "feature", place.feature);
    set_number(lua, "lat", place.point.lat);
    set_number(lua, "lon", place.point.lon);
    set_optional(lua, "gazetteer_id", place.gazetteer_id);
    if (place.geonameid != 0) {
        lua_pushinteger(lua, place.geonameid);
        lua_setfield(lua, -2, "geonameid");
    }
    set_number(lua, "confidence", place.confidence);
    if (!place.members.empty()) {
        lua_createtable(lua, static_cast<int>(place.members.size()), 0);
        for (std::size_t i = 0; i < place.members.size(); ++i) {
            lua_pushstring(lua, place.members[i].c_str());
            lua_rawseti(lua, -2, static_cast<lua_Integer>(i + 1));
        }
        lua_setfield(lua, -2, "members");
    }
    lua_pushinteger(lua, static_cast<lua_Integer>(place.mentions.size()));
    lua_setfield(lua, -2, "mentions");
}

void push_figure(lua_State* lua, const sc::Figure& figure) {
    lua_createtable(lua, 0, 10);
    set_string(lua, "id", figure.id);
    set_string(lua, "text", figure.text);
    set_optional(lua, "value", figure.amount.value);
    set_optional(lua, "min", figure.amount.min);
    set_optional(lua, "max", figure.amount.max);
    set_string(lua, "qualifier", figure.amount.qualifier);
    set_optional(lua, "unit", figure.unit);
    set_string(lua, "category", figure.category);
    set_optional(lua, "actor", figure.actor);
    set_optional(lua, "place", figure.place);
    set_optional(lua, "function", figure.function);
    if (!figure.when.always()) {
        lua_createtable(lua, 0, 2);
        set_optional(lua, "start", figure.when.start);
        set_optional(lua, "end", figure.when.end);
        lua_setfield(lua, -2, "when");
    }
    if (!figure.history.empty()) {
        lua_createtable(lua, static_cast<int>(figure.history.size()), 0);
        for (std::size_t i = 0; i < figure.history.size(); ++i) {
            lua_createtable(lua, 0, 2);
            set_string(lua, "date", figure.history[i].date);
            set_optional(lua, "value", std::optional<double>(figure.history[i].value));
            lua_rawseti(lua, -2, static_cast<lua_Integer>(i + 1));
        }
        lua_setfield(lua, -2, "history");
    }
}

// ------------------------------------------------------------------ arguments

sc::Scenario& self(lua_State* lua, const char* method) {
    if (sc::Scenario* scenario = to_scenario(lua, 1)) return *scenario;
    throw Error(std::string("call it on a scenario with a colon: s:") + method + "(...)");
}

std::string id_argument(lua_State* lua, int index) {
    if (lua_type(lua, index) == LUA_TSTRING) return lua_tostring(lua, index);
    // A place or figure table as the scripts got it stands for its id.
    if (lua_type(lua, index) == LUA_TTABLE && lua_getfield(lua, index, "id") == LUA_TSTRING) {
        std::string id = lua_tostring(lua, -1);
        lua_pop(lua, 1);
        return id;
    }
    throw Error("expects an id (a string, or a table with one), got " + lua_type_name(lua, index));
}

GazetteerSource gazetteer_of(lua_State* lua) {
    return [lua]() -> const Gazetteer& { return ScriptServices::of(lua).gazetteer(); };
}

// `place = ...` of a figure: a place table, a place id or name, or false
// (edits: no place). Names not yet in the scenario are looked up and added.
Change<std::string> place_field(lua_State* lua, const LuaFields& fields, sc::Scenario& scenario) {
    Change<std::string> change;
    const int type = fields.push("place");
    if (type == LUA_TNIL) {
        lua_pop(lua, 1);
        return change;
    }
    if (type == LUA_TBOOLEAN && !lua_toboolean(lua, -1)) {
        lua_pop(lua, 1);
        change.clear = true;
        return change;
    }
    if (type != LUA_TSTRING && type != LUA_TTABLE) {
        const std::string got = lua_type_name(lua, -1);
        lua_pop(lua, 1);
        throw Error("field 'place' expects a place (its table, id or name), got " + got);
    }
    const std::string named = id_argument(lua, -1);
    lua_pop(lua, 1);
    change.value = type == LUA_TTABLE ? named : resolve_place(scenario, named, gazetteer_of(lua));
    if (type == LUA_TTABLE && !scenario.place(named)) throw Error("no place with id '" + named + "'");
    return change;
}

Change<double> number_change(const LuaFields& fields, const char* name) {
    Change<double> change;
    change.clear = fields.is_false(name);
    change.value = fields.number(name);
    return change;
}

Change<std::string> text_change(const LuaFields& fields, const char* name) {
    Change<std::string> change;
    change.clear = fields.is_false(name);
    change.value = fields.text(name);
    return change;
}

// ------------------------------------------------------------------ methods

int add_place_method(lua_State* lua) {
    return guarded(lua, "add_place", [&] {
        sc::Scenario& scenario = self(lua, "add_place");
        PlaceSpec spec;
        if (lua_type(lua, 2) == LUA_TSTRING) {
            spec.name = lua_tostring(lua, 2);
        } else {
            const LuaFields fields(lua, 2, {"name", "lat", "lon", "country", "feature", "id"});
            spec.name = fields.text("name").value_or("");
            spec.lat = fields.number("lat");
            spec.lon = fields.number("lon");
            spec.country = fields.text("country").value_or("");
            spec.feature = fields.text("feature").value_or("");
            spec.id = fields.text("id").value_or("");
        }
        push_place(lua, add_place(scenario, spec, gazetteer_of(lua)));
        return 1;
    });
}

int add_figure_method(lua_State* lua) {
    return guarded(lua, "add_figure", [&] {
        sc::Scenario& scenario = self(lua, "add_figure");
        const LuaFields fields(lua, 2, {"actor", "value", "min", "max", "qualifier", "unit", "category", "place", "text",
                                        "id", "function", "when", "history"});
        FigureSpec spec;
        spec.actor = fields.text("actor").value_or("");
        spec.value = fields.number("value");
        spec.min = fields.number("min");
        spec.max = fields.number("max");
        spec.qualifier = fields.text("qualifier").value_or("");
        spec.unit = fields.text("unit").value_or(spec.unit);
        spec.category = fields.text("category").value_or(spec.category);
        spec.text = fields.text("text").value_or("");
        spec.id = fields.text("id").value_or("");
        spec.function = fields.text("function").value_or("");
        spec.when = when_field(lua, fields, "when");
        spec.history = history_field(lua, fields, "history");
        // Last: it may add a place, which should not happen for a figure
        // that another field already makes wrong.
        spec.place = place_field(lua, fields, scenario).value.value_or("");
        push_figure(lua, add_figure(scenario, spec));
        return 1;
    });
}

int edit_place_method(lua_State* lua) {
    return guarded(lua, "edit_place", [&] {
        sc::Scenario& scenario = self(lua, "edit_place");
        const std::string id = id_argument(lua, 2);
        const LuaFields fields(lua, 3, {"name", "lat", "lon", "country", "feature"});
        PlaceEdit edit;
        edit.name = fields.text("name");
        edit.lat = fields.number("lat");
        edit.lon = fields.number("lon");
        edit.country = fields.text("country");
        if (fields.is_false("country")) edit.country = "";
        edit.feature = fields.text("feature");
        push_place(lua, edit_place(scenario, id, edit));
        return 1;
    });
}

int edit_figure_method(lua_State* lua) {
    return guarded(lua, "edit_figure", [&] {
        sc::Scenario& scenario = self(lua, "edit_figure");
        const std::string id = id_argument(lua, 2);
        const LuaFields fields(lua, 3, {"actor", "value", "min", "max", "qualifier", "unit", "category", "place", "text"});
        FigureEdit edit;
        edit.text = fields.text("text");
        edit.qualifier = fields.text("qualifier");
        edit.unit = fields.text("unit");
        edit.category = fields.text("category");
        edit.value = number_change(fields, "value");
        edit.min = number_change(fields, "min");
        edit.max = number_change(fields, "max");
        edit.actor = text_change(fields, "actor");
        edit.place = place_field(lua, fields, scenario);
        push_figure(lua, edit_figure(scenario, id, edit));
        return 1;
    });
}

int remove_place_method(lua_State* lua) {
    return guarded(lua, "remove_place", [&] {
        remove_place(self(lua, "remove_place"), id_argument(lua, 2));
        return 0;
    });
}

int remove_figure_method(lua_State* lua) {
    return guarded(lua, "remove_figure", [&] {
        remove_figure(self(lua, "remove_figure"), id_argument(lua, 2));
        return 0;
    });
}

template <typename Item>
void push_list(lua_State* lua, const std::vector<Item>& items, void (*push)(lua_State*, const Item&)) {
    lua_createtable(lua, static_cast<int>(items.size()), 0);
    for (std::size_t i = 0; i < items.size(); ++i) {
        push(lua, items[i]);
        lua_rawseti(lua, -2, static_cast<lua_Integer>(i + 1));
    }
}

int places_method(lua_State* lua) {
    return guarded(lua, "places", [&] {
        push_list(lua, self(lua, "places").places, push_place);
        return 1;
    });
}

int figures_method(lua_State* lua) {
    return guarded(lua, "figures", [&] {
        push_list(lua, self(lua, "figures").figures, push_figure);
        return 1;
    });
}

int place_method(lua_State* lua) {
    return guarded(lua, "place", [&] {
        const sc::Scenario& scenario = self(lua, "place");
        if (const sc::Place* place = scenario.place(id_argument(lua, 2))) push_place(lua, *place);
        else lua_pushnil(lua);
        return 1;
    });
}

int figure_method(lua_State* lua) {
    return guarded(lua, "figure", [&] {
        const sc::Scenario& scenario = self(lua, "figure");
        const std::string id = id_argument(lua, 2);
        lua_pushnil(lua);
        for (const sc::Figure& figure : scenario.figures)
            if (figure.id == id) push_figure(lua, figure);
        return 1;
    });
}

std::string path_argument(lua_State* lua, int index) {
    if (lua_type(lua, index) != LUA_TSTRING) throw Error("expects a file name, got " + lua_type_name(lua, index));
    return lua_tostring(lua, index);
}

int save_method(lua_State* lua) {
    return guarded(lua, "save", [&] {
        const sc::Scenario& scenario = self(lua, "save");
        const auto file = LuaSandbox::of(lua).folders().writable(path_argument(lua, 2));
        sc::save_scenario(scenario, file);
        lua_pushstring(lua, file.c_str());
        return 1;
    });
}

int export_geojson_method(lua_State* lua) {
    return guarded(lua, "export_geojson", [&] {
        const sc::Scenario& scenario = self(lua, "export_geojson");
        const auto file = LuaSandbox::of(lua).folders().writable(path_argument(lua, 2));
        write_bytes_atomically(file, sc::dump_json(to_geojson(scenario)));
        lua_pushstring(lua, file.c_str());
        return 1;
    });
}

int copy_method(lua_State* lua) {
    return guarded(lua, "copy", [&] {
        push_scenario(lua, self(lua, "copy"));
        return 1;
    });
}

// `places = {...}` of an annotation: place tables, ids or names (names not
// in the scenario are looked up and added, as a figure's place).
std::vector<std::string> annotation_places(lua_State* lua, const LuaFields& fields, sc::Scenario& scenario) {
    std::vector<std::string> ids;
    const int type = fields.push("places");
    if (type == LUA_TNIL) {
        lua_pop(lua, 1);
        return ids;
    }
    if (type != LUA_TTABLE) {
        const std::string got = lua_type_name(lua, -1);
        lua_pop(lua, 1);
        throw Error("field 'places' expects a list of places (tables, ids or names), got " + got);
    }
    const lua_Integer count = static_cast<lua_Integer>(lua_rawlen(lua, -1));
    for (lua_Integer i = 1; i <= count; ++i) {
        const int item = lua_rawgeti(lua, -1, i);
        const std::string named = id_argument(lua, -1);
        lua_pop(lua, 1);
        if (item == LUA_TTABLE && !scenario.place(named)) throw Error("no place with id '" + named + "'");
        ids.push_back(item == LUA_TTABLE ? named : resolve_place(scenario, named, gazetteer_of(lua)));
    }
    lua_pop(lua, 1);
    return ids;
}

int add_annotation_method(lua_State* lua) {
    return guarded(lua, "add_annotation", [&] {
        sc::Scenario& scenario = self(lua, "add_annotation");
        const LuaFields fields(lua, 2, {"kind", "text", "places", "geometry", "actor", "colour", "when", "id"});
        AnnotationSpec spec;
        spec.kind = fields.text("kind").value_or("");
        if (spec.kind.empty()) throw Error("kind is required: label, arrow, line or area");
        spec.text = fields.text("text").value_or("");
        spec.actor = fields.text("actor").value_or("");
        spec.colour = fields.text("colour").value_or("");
        spec.id = fields.text("id").value_or("");
        spec.when = when_field(lua, fields, "when");
        spec.geometry = geometry_field(lua, fields, "geometry");
        // Last: names may add places, which a wrong field should not leave behind.
        const std::size_t places_before = scenario.places.size();
        try {
            spec.places = annotation_places(lua, fields, scenario);
            push_annotation(lua, add_annotation(scenario, spec));
        } catch (...) {
            scenario.places.erase(scenario.places.begin() + static_cast<std::ptrdiff_t>(places_before),
                                  scenario.places.end());
            throw;
        }
        return 1;
    });
}

int annotations_method(lua_State* lua) {
    return guarded(lua, "annotations", [&] {
        push_list(lua, self(lua, "annotations").annotations, push_annotation);
        return 1;
    });
}

int remove_annotation_method(lua_State* lua) {
    return guarded(lua, "remove_annotation", [&] {
        remove_annotation(self(lua, "remove_annotation"), id_argument(lua, 2));
        return 0;
    });
}

constexpr luaL_Reg kMethods[] = {
    {"add_place", add_place_method},   {"add_figure", add_figure_method},   {"edit_place", edit_place_method},
    {"edit_figure", edit_figure_method}, {"remove_place", remove_place_method}, {"remove_figure", remove_figure_method},
    {"places", places_method},         {"figures", figures_method},         {"place", place_method},
    {"figure", figure_method},         {"save", save_method},               {"export_geojson", export_geojson_method},
    {"copy", copy_method},             {"add_annotation", add_annotation_method},
    {"annotations", annotations_method}, {"remove_annotation", remove_annotation_method}, {nullptr, nullptr}};

// ------------------------------------------------------------------ metamethods

// s.title, s.date, then the methods (upvalue 1).
int scenario_index(lua_State* lua) {
    const sc::Scenario* scenario = to_scenario(lua, 1);
    const char* key = lua_tostring(lua, 2);
    if (scenario && key && std::strcmp(key, "title") == 0) lua_pushstring(lua, scenario->title.c_str());
    else if (scenario && key && std::strcmp(key, "date") == 0) lua_pushstring(lua, scenario->date.c_str());
    else {
        lua_pushvalue(lua, 2);
        lua_rawget(lua, lua_upvalueindex(1));
    }
    return 1;
}

int scenario_newindex(lua_State* lua) {
    return guarded(lua, "scenario", [&] {
        sc::Scenario* scenario = to_scenario(lua, 1);
        const char* key = lua_type(lua, 2) == LUA_TSTRING ? lua_tostring(lua, 2) : "";
        const bool title = std::strcmp(key, "title") == 0, date = std::strcmp(key, "date") == 0;
        if (!title && !date)
            throw Error(std::string("no field '") + key + "' to set (a scenario's title and date can be set)");
        if (lua_type(lua, 3) != LUA_TSTRING)
            throw Error(std::string(key) + " expects a string, got " + lua_type_name(lua, 3));
        const std::string value = lua_tostring(lua, 3);
        if (date && !value.empty()) check_date(value);
        (title ? scenario->title : scenario->date) = value;
        return 0;
    });
}

int scenario_tostring(lua_State* lua) {
    const sc::Scenario* scenario = to_scenario(lua, 1);
    lua_pushfstring(lua, "scenario '%s' (%d places, %d figures)", scenario->title.c_str(),
                    static_cast<int>(scenario->places.size()), static_cast<int>(scenario->figures.size()));
    return 1;
}

int scenario_gc(lua_State* lua) {
    auto* object = static_cast<ScenarioObject*>(luaL_checkudata(lua, 1, kScenarioType));
    object->~ScenarioObject();
    return 0;
}

}  // namespace

void register_scenario_type(lua_State* lua) {
    luaL_newmetatable(lua, kScenarioType);
    luaL_newlib(lua, kMethods);
    lua_pushcclosure(lua, scenario_index, 1);
    lua_setfield(lua, -2, "__index");
    lua_pushcfunction(lua, scenario_newindex);
    lua_setfield(lua, -2, "__newindex");
    lua_pushcfunction(lua, scenario_tostring);
    lua_setfield(lua, -2, "__tostring");
    lua_pushcfunction(lua, scenario_gc);
    lua_setfield(lua, -2, "__gc");
    lua_pushboolean(lua, 0);
    lua_setfield(lua, -2, "__metatable");
    lua_pop(lua, 1);
}

void push_scenario(lua_State* lua, sc::Scenario scenario) {
    auto owned = std::make_unique<sc::Scenario>(std::move(scenario));
    void* memory = lua_newuserdatauv(lua, sizeof(ScenarioObject), 0);
    new (memory) ScenarioObject{std::move(owned)};
    luaL_setmetatable(lua, kScenarioType);
}

sc::Scenario* to_scenario(lua_State* lua, int index) {
    auto* object = static_cast<ScenarioObject*>(luaL_testudata(lua, index, kScenarioType));
    return object ? object->scenario.get() : nullptr;
}

}  // namespace muster::script
