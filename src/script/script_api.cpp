#include "script/script_api.hpp"

#include "core/error.hpp"
#include "export/geotiff.hpp"
#include "export/png_writer.hpp"
#include "extract/open_document.hpp"
#include "extract/scenario_resolver.hpp"
#include "platform/offscreen_surface.hpp"
#include "render/headless_render.hpp"
#include "script/lua_fields.hpp"
#include "script/lua_util.hpp"
#include "script/scenario_binding.hpp"
#include "script/scenario_edit.hpp"
#include "script/view_binding.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>
#include <vector>

namespace muster::script {
namespace sc = muster::scenario;

namespace {

constexpr const char* kServicesKey = "muster.services";
constexpr const char* kApiKey = "muster.api";  // the muster table, whatever the script does to the global

std::string string_argument(lua_State* lua, int index, const char* what) {
    if (lua_type(lua, index) != LUA_TSTRING)
        throw Error(std::string("expects ") + what + ", got " + lua_type_name(lua, index));
    return lua_tostring(lua, index);
}

// ------------------------------------------------------------------ open, new_scenario, geocode

// A scenario file's source paths are files the script reads: they go through
// the sandbox's check like io.open's.
class SandboxedResolver final : public sc::Resolver {
public:
    SandboxedResolver(const SandboxFolders& folders, std::filesystem::path scenario_folder)
        : folders_(folders), folder_(std::move(scenario_folder)), geodata_(folder_) {}

    std::optional<sc::Place> place_named(std::string_view name, std::string_view country,
                                         std::string_view feature) override {
        return geodata_.place_named(name, country, feature);
    }
    std::optional<sc::BorderLines> border_between(std::string_view a, std::string_view b) override {
        return geodata_.border_between(a, b);
    }
    std::string source_text(const std::string& path, std::vector<std::string>* warnings) override {
        return geodata_.source_text(folders_.readable((folder_ / path).string()).string(), warnings);
    }

private:
    const SandboxFolders& folders_;
    std::filesystem::path folder_;
    extract::GeodataResolver geodata_;
};

int muster_open(lua_State* lua) {
    return guarded(lua, "muster.open", [&] {
        const std::string path = string_argument(lua, 1, "a file name");
        const LuaSandbox& sandbox = LuaSandbox::of(lua);
        const std::filesystem::path file = sandbox.folders().readable(path);
        std::vector<std::string> warnings;
        SandboxedResolver resolver(sandbox.folders(), file.parent_path());
        sc::Scenario scenario = extract::open_document(file.string(), &warnings, resolver);
        for (const std::string& warning : warnings) sandbox.print("warning: " + warning);
        push_scenario(lua, std::move(scenario));
        return 1;
    });
}

int muster_new_scenario(lua_State* lua) {
    return guarded(lua, "muster.new_scenario", [&] {
        sc::Scenario scenario;
        if (!lua_isnoneornil(lua, 1)) {
            const LuaFields fields(lua, 1, {"title", "date"});
            scenario.title = fields.text("title").value_or("");
            scenario.date = fields.text("date").value_or("");
            if (!scenario.date.empty()) check_date(scenario.date);
        }
        push_scenario(lua, std::move(scenario));
        return 1;
    });
}

void push_candidate(lua_State* lua, const Candidate& candidate) {
    lua_createtable(lua, 0, 8);
    auto set = [&](const char* key, const std::string& value) {
        lua_pushstring(lua, value.c_str());
        lua_setfield(lua, -2, key);
    };
    set("id", candidate.id());
    set("name", candidate.name);
    set("kind", to_string(candidate.kind));
    set("feature", candidate.feature());
    if (!candidate.country.empty()) set("country", candidate.country);
    lua_pushnumber(lua, candidate.point.lat);
    lua_setfield(lua, -2, "lat");
    lua_pushnumber(lua, candidate.point.lon);
    lua_setfield(lua, -2, "lon");
    lua_pushinteger(lua, candidate.population);
    lua_setfield(lua, -2, "population");
}

int muster_geocode(lua_State* lua) {
    return guarded(lua, "muster.geocode", [&] {
        const std::string name = string_argument(lua, 1, "a place name");
        std::string country;
        double limit = 10;
        if (!lua_isnoneornil(lua, 2)) {
            const LuaFields fields(lua, 2, {"country", "limit"});
            country = fields.text("country").value_or("");
            limit = fields.number("limit").value_or(limit);
            if (limit < 1 || limit > 1000 || limit != std::floor(limit))
                throw Error("limit must be a whole number from 1 to 1000");
        }
        const auto candidates = ScriptServices::of(lua).gazetteer().lookup(name, country.empty() ? static_cast<std::size_t>(limit) : 1000);
        lua_createtable(lua, static_cast<int>(limit), 0);
        lua_Integer count = 0;
        for (const Candidate& candidate : candidates) {
            if (!country.empty() && candidate.country != country) continue;
            if (count == static_cast<lua_Integer>(limit)) break;
            push_candidate(lua, candidate);
            lua_rawseti(lua, -2, ++count);
        }
        return 1;
    });
}

// ------------------------------------------------------------------ render

enum class ImageFormat { png, geotiff };

ImageFormat image_format(const std::string& output) {
    std::string extension = std::filesystem::path(output).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension == ".png") return ImageFormat::png;
    if (extension == ".tif" || extension == ".tiff") return ImageFormat::geotiff;
    throw Error("output '" + output + "' must end in .png, .tif or .tiff");
}

PixelSize size_option(const LuaFields& options) {
    const auto size = options.numbers("size", 2);
    if (!size) return {1920, 1080};
    for (double side : *size)
        if (side < 1 || side > OffscreenSurface::max_side || side != std::floor(side))
            throw Error("size must be {width, height} in whole pixels from 1 to 16384");
    return {static_cast<int>((*size)[0]), static_cast<int>((*size)[1])};
}

std::optional<Extent> bbox_option(const LuaFields& options) {
    const auto bbox = options.numbers("bbox", 4);
    const std::optional<bool> fit = options.boolean("fit");
    if (bbox && fit.value_or(false)) throw Error("give bbox or fit = true, not both");
    if (!bbox && fit == false) throw Error("fit = false needs a bbox");
    if (!bbox) return std::nullopt;
    const Extent extent{(*bbox)[0], (*bbox)[1], (*bbox)[2], (*bbox)[3]};
    if (!extent.valid())
        throw Error("bbox must be {west, south, east, north} in degrees with west < east, south < north, "
                    "latitudes within -90..90");
    return extent;
}

int muster_render(lua_State* lua) {
    return guarded(lua, "muster.render", [&] {
        const sc::Scenario* scenario = to_scenario(lua, 1);
        if (!scenario) throw Error("expects a scenario first, got " + lua_type_name(lua, 1));
        const LuaFields options(lua, 2, {"output", "size", "bbox", "fit", "projection", "time", "layers", "title"});
        const std::optional<std::string> output = options.text("output");
        if (!output) throw Error("output is required: the .png or .tif file to write");
        const ImageFormat format = image_format(*output);
        HeadlessRenderRequest request;
        request.size = size_option(options);
        request.bbox = bbox_option(options);
        request.furniture.title = options.text("title").value_or("");
        sc::Scenario drawn = *scenario;  // render{time = ...} changes the copy drawn, not the script's
        apply_render_view_options(lua, options, drawn, request);
        request.scenario = &drawn;
        const std::filesystem::path file = LuaSandbox::of(lua).folders().writable(*output);

        const HeadlessRender render = render_map_headless(request);
        if (format == ImageFormat::geotiff) write_geotiff(render.image, render.camera, file);
        else write_png(render.image, file);
        lua_pushstring(lua, file.c_str());
        return 1;
    });
}

constexpr luaL_Reg kFunctions[] = {{"open", muster_open},
                                   {"new_scenario", muster_new_scenario},
                                   {"geocode", muster_geocode},
                                   {"render", muster_render},
                                   {nullptr, nullptr}};

void set_path(lua_State* lua, const char* key, const std::optional<std::filesystem::path>& path) {
    if (!path) return;
    lua_pushstring(lua, path->c_str());
    lua_setfield(lua, -2, key);
}

}  // namespace

void ScriptServices::attach(lua_State* lua) {
    lua_pushlightuserdata(lua, this);
    lua_setfield(lua, LUA_REGISTRYINDEX, kServicesKey);
}

ScriptServices& ScriptServices::of(lua_State* lua) {
    lua_getfield(lua, LUA_REGISTRYINDEX, kServicesKey);
    auto* services = static_cast<ScriptServices*>(lua_touserdata(lua, -1));
    lua_pop(lua, 1);
    return *services;
}

void install_muster_api(LuaSandbox& sandbox, ScriptServices& services, std::optional<sc::Scenario> scenario) {
    lua_State* lua = sandbox.state();
    services.attach(lua);
    register_scenario_type(lua);
    luaL_newlib(lua, kFunctions);
    add_view_functions(lua);
    lua_pushstring(lua, MUSTER_VERSION);
    lua_setfield(lua, -2, "version");
    set_path(lua, "script_dir", sandbox.folders().script_folder());
    set_path(lua, "output_dir", sandbox.folders().output_folder());
    if (scenario) {
        push_scenario(lua, std::move(*scenario));
        lua_setfield(lua, -2, "scenario");
    }
    lua_pushvalue(lua, -1);
    lua_setfield(lua, LUA_REGISTRYINDEX, kApiKey);
    lua_setglobal(lua, "muster");
}

std::optional<sc::Scenario> final_scenario(LuaSandbox& sandbox) {
    lua_State* lua = sandbox.state();
    lua_getfield(lua, LUA_REGISTRYINDEX, kApiKey);
    lua_pushstring(lua, "scenario");
    lua_rawget(lua, -2);  // raw: no metamethod of the script's runs here
    std::optional<sc::Scenario> result;
    if (const sc::Scenario* scenario = to_scenario(lua, -1)) result = *scenario;
    lua_pop(lua, 2);
    return result;
}

}  // namespace muster::script
