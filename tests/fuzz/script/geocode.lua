-- A script as a colleague might send one: look up, build, edit.
local s = muster.new_scenario{title = "Fuzz", date = "2022-01-26"}
local hits = muster.geocode("Kyiv", {limit = 3})
print(#hits, hits[1] and hits[1].name)
print(muster.version, muster.script_dir, arg[1], ...)
for i, v in ipairs({1, 2, 3}) do print(i, v * 2.5, string.format("%q", "x\0y")) end
return s
