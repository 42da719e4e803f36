-- wrk script for Learning Map: BENCH_SCENARIO picks what to request, rotating realistic queries so
-- that caches cannot answer everything. done() prints one RESULT line with requests/s and p50/p95/p99.
--   BENCH_SCENARIO=search-api | search-page | clusters | home | search-api-popular | search-page-popular

local scenario = os.getenv("BENCH_SCENARIO") or "search-api"

local function encode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local function day(offset)
  return os.date("!%Y-%m-%d", os.time() + offset * 86400)
end

-- What people type, in the site's three languages, with the typos and missing accents they make.
local words = {
  "smartphone", "išmanusis telefonas", "смартфон", "computer basics", "kompiuteris", "комп'ютер",
  "english", "anglų kalba", "англійська", "e-government", "elektroninė valdžia", "Дія",
  "phishing", "sukčiavimas internete", "фішинг", "online safety", "saugumas internete", "programming",
  "programavimas", "програмування", "robotics", "robotika", "video call", "vaizdo skambutis",
  "job search", "CV", "darbo paieška", "резюме", "artificial intelligence", "dirbtinis intelektas",
  "seniors", "senjorams", "для людей старшого віку", "reading club", "skaitymo klubas", "chess",
  "smartfone", "kompiuteri", "englsh", "programuvanie", "fishing", "sauguma", "robotyka",
  "photography", "fotografija", "lithuanian for beginners", "lietuvių kalba", "литовська мова",
}

-- Filters from the search page's facets: topic, audience, age, language, mode, dates, free, access, near.
local filters = {
  "", "", "",
  "&audience=SENIORS", "&audience=YOUTH", "&audience=MIGRANTS&language=uk", "&language=lt",
  "&topic=digital-skills", "&topic=online-safety&audience=ADULTS", "&free=true", "&mode=online",
  "&mode=in-person&access=STEP_FREE", "&age=15", "&age=67&free=true",
  "&from=" .. day(0) .. "&to=" .. day(14), "&from=" .. day(7) .. "&to=" .. day(37) .. "&audience=FAMILIES",
  "&lat=54.8985&lon=23.9036&radius=25&sort=NEAREST", "&lat=54.6872&lon=25.2797&radius=10",
  "&sort=SOONEST", "&kind=COURSE&language=en",
}

-- Facet-only searches (no words), as when someone browses a topic.
local browsing = {
  "topic=digital-skills", "audience=SENIORS&topic=e-government", "audience=CHILDREN&mode=in-person",
  "language=uk&audience=MIGRANTS", "free=true&from=" .. day(1) .. "&to=" .. day(8),
  "lat=55.7033&lon=21.1443&radius=30&sort=NEAREST", "topic=languages&kind=CLUB",
}

-- The whole of Lithuania at zoom 7, with and without filters.
local country = "bbox=20.9,53.9,26.9,56.5&zoom=7"
local clusters = {
  country, country, country .. "&topic=digital-skills", country .. "&audience=SENIORS",
  country .. "&free=true", country .. "&from=" .. day(0) .. "&to=" .. day(30), country .. "&q=" .. encode("smartphone"),
}

local function searchQuery(n)
  if n % 5 == 4 then
    return browsing[math.floor(n / 5) % #browsing + 1]
  end
  local word = words[n % #words + 1]
  local filter = filters[(math.floor(n / #words) + n) % #filters + 1]
  return "q=" .. encode(word) .. filter
end

-- The words alone, as most people first search: 48 searches that stay answered from memory.
local function popularQuery(n)
  return "q=" .. encode(words[n % #words + 1])
end

local function path(n)
  if scenario == "search-api-popular" then
    return "/api/v1/activities?" .. popularQuery(n)
  elseif scenario == "search-page-popular" then
    return "/search?" .. popularQuery(n)
  elseif scenario == "search-api" then
    return "/api/v1/activities?" .. searchQuery(n)
  elseif scenario == "search-page" then
    return "/search?" .. searchQuery(n)
  elseif scenario == "clusters" then
    return "/api/v1/map/clusters?" .. clusters[n % #clusters + 1]
  elseif scenario == "home" then
    return "/"
  end
  error("unknown BENCH_SCENARIO " .. scenario)
end

local threads = {}
local created = 0

function setup(thread)
  created = created + 1
  thread:set("offset", created * 1009)
  table.insert(threads, thread)
end

local counter = 0

-- BENCH_LIST=N prints the first N paths (run with -t1), to see what a run will ask for.
function init(args)
  for i = 1, tonumber(os.getenv("BENCH_LIST") or "0") do
    print(path(i))
  end
end

function request()
  counter = counter + 1
  local n = counter + (offset or 0)
  return wrk.format("GET", path(n), { ["Accept-Encoding"] = "gzip", ["Accept-Language"] = "lt" })
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    "RESULT scenario=%s requests=%d seconds=%.1f rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d errors=%d\n",
    scenario, summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.status, errors))
end
