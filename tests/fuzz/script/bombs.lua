local ok, err = pcall(function() local t = {} for i = 1, 1e9 do t[i] = string.rep("x", 1000) end end)
print(ok, err)
local s = "a" while true do s = s .. s end
