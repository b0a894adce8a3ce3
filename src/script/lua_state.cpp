#include "script/lua_state.hpp"

#include "core/error.hpp"
#include "script/lua_util.hpp"

#include <lua.hpp>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>

namespace muster::script {
namespace fs = std::filesystem;

// ------------------------------------------------------------------ memory

// The allocator's account of what Lua holds, and where the script was when
// memory was last refused: Lua reports "not enough memory" without a
// position, and runs no message handler for it.
struct LuaSandbox::Budget {
    std::size_t used = 0;
    std::size_t limit = 0;
    lua_State* lua = nullptr;  // set once the state exists
    std::string refused_at;    // "FILE:LINE:" of the last refusal, or ""
};

namespace {

// The script's hook runs the VM in trace mode, which stores the program
// counter before every instruction, so the line is exact even here, in the
// middle of the instruction that allocates. Walking the call stack only
// reads it.
void note_refusal(LuaSandbox::Budget& budget) {
    if (budget.lua) budget.refused_at = script_location(budget.lua, 0);
}

void* allocate(void* user, void* block, std::size_t old_size, std::size_t new_size) {
    auto& budget = *static_cast<LuaSandbox::Budget*>(user);
    // With no block, old_size is the kind of object Lua wants, not a size.
    const std::size_t old_bytes = block ? old_size : 0;
    if (new_size == 0) {
        std::free(block);
        budget.used -= old_bytes;
        return nullptr;
    }
    if (new_size > old_bytes && budget.used - old_bytes + new_size > budget.limit) {
        note_refusal(budget);
        return nullptr;
    }
    void* moved = std::realloc(block, new_size);
    if (moved) budget.used = budget.used - old_bytes + new_size;
    return moved;
}

std::string megabytes(std::size_t bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%g MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return text;
}

std::string seconds_text(double seconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%g s", seconds);
    return text;
}

// ------------------------------------------------------------------ time

// Instructions between looks at the clock: a few microseconds of Lua.
constexpr int kInstructionsPerCheck = 1000;

}  // namespace

struct SandboxHook {
    static void on_count(lua_State* lua, lua_Debug* event) {
        LuaSandbox& sandbox = LuaSandbox::of(lua);
        if (!sandbox.past_deadline_) {
            if (std::chrono::steady_clock::now() < sandbox.deadline_) return;
            sandbox.past_deadline_ = true;
            // From now on every instruction stops the script, so a pcall
            // that catches this error only gets as far as its next one.
            lua_sethook(lua, on_count, LUA_MASKCOUNT, 1);
        }
        lua_getinfo(lua, "Sl", event);
        // In a hook, level 0 is the running function itself, so the
        // position comes from the event rather than from luaL_where.
        lua_pushfstring(lua, "%s:%d: time limit exceeded (%s)", event->short_src, event->currentline,
                        seconds_text(sandbox.limits_.seconds).c_str());
        lua_error(lua);
    }
};

// ------------------------------------------------------------------ errors

std::string script_location(lua_State* lua, int level) {
    lua_Debug frame;
    for (; lua_getstack(lua, level, &frame); ++level) {
        lua_getinfo(lua, "Sl", &frame);
        if (frame.currentline > 0) return std::string(frame.short_src) + ":" + std::to_string(frame.currentline) + ":";
    }
    return "";
}

void refuse_function(lua_State* lua, int table_index, const char* name, const char* qualified) {
    table_index = lua_absindex(lua, table_index);
    lua_pushstring(lua, qualified);
    lua_pushcclosure(
        lua,
        [](lua_State* l) -> int {
            return luaL_error(l, "%s is not allowed in muster scripts (sandbox)", lua_tostring(l, lua_upvalueindex(1)));
        },
        1);
    lua_setfield(lua, table_index, name);
}

namespace {

// "FILE:LINE: " at the start: a name without ':' or newline, a colon, digits,
// a colon and a space. (Checked by hand: std::regex draws a false
// -Wmaybe-uninitialized from GCC 12 in the sanitizer build.)
bool has_location(const std::string& message) {
    const std::size_t colon = message.find_first_of(":\n");
    if (colon == 0 || colon == std::string::npos || message[colon] != ':') return false;
    std::size_t end = colon + 1;
    while (end < message.size() && message[end] >= '0' && message[end] <= '9') ++end;
    return end > colon + 1 && message.compare(end, 2, ": ") == 0;
}

// The message handler of the main chunk: every error leaves as one line
// with a position. Lua's own messages have one; error("x", 0), assert() and
// non-string error values get the line that raised them.
int one_line_error(lua_State* lua) {
    std::string message;
    if (const char* text = lua_tostring(lua, 1)) {
        message = text;
    } else if (luaL_callmeta(lua, 1, "__tostring") && lua_type(lua, -1) == LUA_TSTRING) {
        message = lua_tostring(lua, -1);
    } else {
        message = std::string("error object is a ") + luaL_typename(lua, 1) + " value";
    }
    if (!has_location(message)) {
        const std::string where = script_location(lua, 1);
        if (!where.empty()) message = where + " " + message;
    }
    for (char& c : message)
        if (c == '\n' || c == '\r') c = ' ';
    lua_pushlstring(lua, message.data(), message.size());
    return 1;
}

// A script is text a person wrote: kilobytes. Past this it is something else.
constexpr std::uintmax_t kMaxScriptBytes = 16u << 20;

std::string read_file(const fs::path& file, const std::string& display) {
    std::error_code ec;
    if (fs::is_directory(file, ec)) throw Error(display + ": cannot read (" + std::strerror(EISDIR) + ")");
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error(display + ": cannot read (" + std::strerror(errno) + ")");
    const std::uintmax_t size = fs::file_size(file, ec);
    if (!ec && size > kMaxScriptBytes)
        throw Error(display + ": too large for a script (" + std::to_string(size) + " bytes; muster runs scripts up to 16 MB)");
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

void load_lua_file(lua_State* lua, const fs::path& file, const std::string& display) {
    const std::string source = read_file(file, display);
    const std::string chunk_name = "@" + display;
    if (luaL_loadbufferx(lua, source.data(), source.size(), chunk_name.c_str(), "t") == LUA_OK) return;
    std::string message = lua_tostring(lua, -1) ? lua_tostring(lua, -1) : "cannot load";
    lua_pop(lua, 1);
    // "attempt to load a binary chunk (mode is 't')" comes without a name.
    if (!has_location(message)) message = display + ": " + message;
    throw Error(message);
}

// ------------------------------------------------------------------ the state

LuaSandbox::LuaSandbox(SandboxFolders folders, ScriptLimits limits, PrintSink print)
    : folders_(std::move(folders)), limits_(limits), print_(std::move(print)), budget_(std::make_unique<Budget>()) {
    budget_->limit = limits_.memory_bytes;
    lua_ = lua_newstate(allocate, budget_.get());
    if (!lua_) throw Error("cannot start Lua (out of memory)");
    *static_cast<LuaSandbox**>(lua_getextraspace(lua_)) = this;
    // An error outside any pcall (the host's own calls) would abort();
    // as a C++ exception it reaches the host as one line instead.
    lua_atpanic(lua_, [](lua_State* l) -> int {
        const char* message = lua_tostring(l, -1);
        throw Error(std::string("Lua: ") + (message ? message : "unprotected error"));
    });
    budget_->lua = lua_;
    try {
        open_libraries();
    } catch (...) {
        lua_close(lua_);
        throw;
    }
}

LuaSandbox::~LuaSandbox() {
    // Scripts cannot set __gc (sandbox_libraries.cpp): closing runs only
    // muster's own finalizers.
    lua_close(lua_);
}

LuaSandbox& LuaSandbox::of(lua_State* lua) { return **static_cast<LuaSandbox**>(lua_getextraspace(lua)); }

void LuaSandbox::run_file(const fs::path& file, const std::string& display, const std::vector<std::string>& args) {
    display_folder_ = fs::path(display).parent_path();
    lua_settop(lua_, 0);
    lua_pushcfunction(lua_, one_line_error);
    const int handler = lua_gettop(lua_);
    try {
        load_lua_file(lua_, file, display);
    } catch (const Error&) {
        lua_settop(lua_, 0);
        throw;
    }

    lua_createtable(lua_, static_cast<int>(args.size()), 1);
    lua_pushstring(lua_, display.c_str());
    lua_rawseti(lua_, -2, 0);
    for (std::size_t i = 0; i < args.size(); ++i) {
        lua_pushstring(lua_, args[i].c_str());
        lua_rawseti(lua_, -2, static_cast<lua_Integer>(i + 1));
    }
    lua_setglobal(lua_, "arg");
    for (const std::string& word : args) lua_pushstring(lua_, word.c_str());

    deadline_ = std::chrono::steady_clock::now() +
                std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(limits_.seconds));
    past_deadline_ = false;
    budget_->refused_at.clear();
    lua_sethook(lua_, SandboxHook::on_count, LUA_MASKCOUNT, kInstructionsPerCheck);
    const int status = lua_pcall(lua_, static_cast<int>(args.size()), 0, handler);
    if (status == LUA_OK) {
        lua_pop(lua_, 1);
        return;
    }
    if (status == LUA_ERRMEM) {
        // Composed here, not in Lua: the state has no memory left to spare.
        const std::string where = budget_->refused_at.empty() ? display + ":" : budget_->refused_at;
        lua_settop(lua_, 0);
        throw Error(where + " memory limit exceeded (" + megabytes(limits_.memory_bytes) + ")");
    }
    std::string message = lua_tostring(lua_, -1) ? lua_tostring(lua_, -1) : "error";
    lua_settop(lua_, 0);
    if (!has_location(message)) message = display + ": " + message;
    throw Error(message);
}

}  // namespace muster::script
