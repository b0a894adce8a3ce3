-- Renders the timeline of buildup-2021-22.json (beside this script) as a
-- frame sequence: one image every few days from the scenario's first date
-- to 24 February 2022, each showing what was on the map that day, with the
-- date in its title.
--
--   muster script assets/scenarios/buildup_timeline.lua --out /tmp/buildup
--   muster script assets/scenarios/buildup_timeline.lua 1 --out /tmp/daily
--
-- The optional argument is the step in days (default 7). Frames land in
-- frames/0001.png, frames/0002.png, ...; turn them into a video with e.g.
--   ffmpeg -framerate 4 -i /tmp/buildup/frames/%04d.png -pix_fmt yuv420p buildup.mp4

local step_days = tonumber(arg[1] or "7")
if not step_days or step_days < 1 then error("the step must be a whole number of days, 1 or more", 0) end

local s = muster.open("buildup-2021-22.json")

-- Dates as days since 1970-01-01, computed by hand so the frames do not
-- depend on the machine's time zone.
local function days_from_civil(y, m, d)
  y = m <= 2 and y - 1 or y
  local era = (y >= 0 and y or y - 399) // 400
  local yoe = y - era * 400
  local doy = (153 * (m + (m > 2 and -3 or 9)) + 2) // 5 + d - 1
  local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
  return era * 146097 + doe - 719468
end

local function civil_from_days(z)
  z = z + 719468
  local era = (z >= 0 and z or z - 146096) // 146097
  local doe = z - era * 146097
  local yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
  local doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
  local mp = (5 * doy + 2) // 153
  local d = doy - (153 * mp + 2) // 5 + 1
  local m = mp < 10 and mp + 3 or mp - 9
  local y = yoe + era * 400 + (m <= 2 and 1 or 0)
  return string.format("%04d-%02d-%02d", y, m, d)
end

local function parse(date)
  local y, m, d = date:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)$")
  return days_from_civil(tonumber(y), tonumber(m), tonumber(d))
end

local first, last = parse("2021-10-01"), parse("2022-02-24")
local frame = 0
local day = first
while true do
  frame = frame + 1
  local date = civil_from_days(day)
  muster.set_time(s, date)
  muster.render(s, {
    output = string.format("frames/%04d.png", frame),
    size = {1600, 900},
    title = "Build-up around Ukraine, " .. date,
  })
  if day == last then break end
  day = math.min(day + step_days, last)
end
print(string.format("%d frames in %s/frames", frame, muster.output_dir))
