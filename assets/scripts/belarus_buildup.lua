-- The Russian build-up around Ukraine in early 2022, built from scratch:
-- troops in Belarus and along Ukraine's borders, drawn as a briefing map.
--
--   muster script assets/scripts/belarus_buildup.lua --out /tmp/buildup
--   muster script assets/scripts/belarus_buildup.lua frames --out /tmp/buildup
--
-- writes buildup.png, buildup.json (the scenario file) and buildup.geojson
-- into the output folder; with "frames", also frames/buildup_01.png ... one
-- image per reporting date, for an animation (e.g. with ffmpeg).
--
-- The figures are illustrative, rounded from press reporting of the time;
-- check your own sources before publishing.

local reports = {
  { date = "2021-11-10", place = "Yelnya", country = "RU",
    figure = { actor = "RU", value = 1, unit = "combined arms army", category = "unit" } },
  { date = "2021-12-03", place = "Voronezh", country = "RU",
    figure = { actor = "RU", min = 10, max = 15, unit = "battalion tactical groups", category = "unit" } },
  { date = "2022-01-20", place = "Gomel", country = "BY",
    figure = { actor = "RU", value = 30000, qualifier = "approx", unit = "troops" } },
  { date = "2022-01-25", place = "Brest", country = "BY",
    figure = { actor = "RU", value = 12, unit = "Su-35 fighter jets", category = "equipment" } },
  { date = "2022-02-05", place = "Klintsy", country = "RU",
    figure = { actor = "RU", value = 10000, qualifier = "approx", unit = "troops" } },
  { date = "2022-02-10", place = "Belgorod", country = "RU",
    figure = { actor = "RU", value = 20000, qualifier = "approx", unit = "troops" } },
}

-- Eastern Europe from the Baltic to the Black Sea: the same frame for every
-- image, so frames of an animation line up.
local frame = { 21, 43.5, 42, 57 }

-- Adds one report to the scenario: its place (looked up in the gazetteer,
-- in the country given, since names such as Brest are ambiguous) and its
-- figure there.
local function add_report(scenario, report)
  local place = scenario:add_place { name = report.place, country = report.country }
  local figure = {}
  for key, value in pairs(report.figure) do figure[key] = value end
  figure.place = place
  scenario:add_figure(figure)
  scenario.date = report.date
end

local scenario = muster.new_scenario { title = "Russian forces around Ukraine, early 2022" }

if arg[1] == "frames" then
  for i, report in ipairs(reports) do
    add_report(scenario, report)
    local name = string.format("frames/buildup_%02d.png", i)
    muster.render(scenario, { output = name, size = { 1280, 720 }, bbox = frame })
    print(report.date, name)
  end
else
  for _, report in ipairs(reports) do add_report(scenario, report) end
end

print(muster.render(scenario, { output = "buildup.png", size = { 1600, 900 }, bbox = frame }))
print(scenario:save("buildup.json"))
print(scenario:export_geojson("buildup.geojson"))
