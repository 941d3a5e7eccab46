-- Sends GET <path> with "Authorization: Bearer <token>", cycling through the tokens in a file
-- (one per line); without a file, GET <path> with no Authorization header.
-- Usage: wrk ... -s tokens.lua -- /protected tokens.txt
local path = "/protected"
local tokens = {}
local next = 0

function init(args)
  path = args[1] or path
  if args[2] then
    for line in io.lines(args[2]) do
      if #line > 0 then tokens[#tokens + 1] = "Bearer " .. line end
    end
    -- Threads start at different places so that they do not send the same token together.
    next = math.random(#tokens) - 1
  end
end

function request()
  if #tokens == 0 then
    return wrk.format("GET", path)
  end
  next = next % #tokens + 1
  return wrk.format("GET", path, { ["Authorization"] = tokens[next] })
end
