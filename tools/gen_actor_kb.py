"""Generate briefing/data/actor_kb.json.gz from the Phoenix actor dictionaries.

A developer tool, not run by the product. From the repo root:

    python tools/gen_actor_kb.py [--phoenix ../shared/actors/phoenix] \
                                 [--out briefing/data/actor_kb.json.gz]

Deterministic: the same input gives the same bytes (sorted keys, gzip mtime 0). Reads the
Countries, International and MilNonState actor files and the agents file (MIT, Open Event Data
Alliance; see ../shared/actors/README.md for the format) and the project's own country names
(briefing/countries.py) so that no place name is ever indexed as a person. Review the summary
it prints and the size of the output.

Entries are sorted into three kinds:
* a country: a name line carrying a bare country code (``MONACO_ [MCO]``): its names and the
  places listed under it go to ``places``;
* a person: an entry with a dated role, or one Phoenix took from CountryInfo/IGOrulers (its
  leaders lists), or an undated two-to-four-word name with no organisation word in it;
* an organisation: everything else (ministries, seats of government, IGOs, NGOs, companies,
  armed groups), name -> CAMEO code.

Dates: ``YYMMDD`` (two-digit years 00-19 are 20xx, others 19xx: the files end in early 2014
and hold birth dates from the 1920s on), ``YYYYMMDD``, ``>D`` (from), ``<D`` (until) and ``D-D``;
an impossible day is clamped to the month's last day, a malformed number (``2004017``) keeps
only its year (1 January as a start, 31 December as an end).
"""

from __future__ import annotations

import argparse
import calendar
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing.countries import _surfaces  # noqa: E402
from briefing.positions.knowledge import _HONORIFICS, normalize_name  # noqa: E402

ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
               "Phoenix.MilNonState.actors.txt")
_BRACKET = re.compile(r"\[([^\]]*)\]")
_CODE = re.compile(r"^[A-Z]{3,}$")
_EAST_ASIAN = frozenset({"CHN", "TWN", "HKG", "KOR", "PRK", "VNM", "KHM", "MNG", "MAC", "SGP"})
_ORG_WORD_LIST = """organization organisation agency council commission bank fund union league court
    program programme office committee cross crescent association forum group secretariat
    tribunal parliament assembly conference institute federation community mission force forces
    panel nations treaty development army party front movement brigade brigades ministry
    department service services company corporation corp inc ltd co international foundation
    network society center centre board authority police guard command alliance coalition"""
_ORG_WORDS = frozenset(_ORG_WORD_LIST.split())


def parse_date(text: str, end: bool) -> str:
    """One Phoenix date as ISO 'YYYY-MM-DD' (see the module docstring for the rules)."""
    digits = text.strip()
    if len(digits) == 6:
        yy = int(digits[:2])
        year, month, day = (2000 if yy < 20 else 1900) + yy, int(digits[2:4]), int(digits[4:])
    elif len(digits) == 8:
        year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:])
    elif len(digits) >= 4 and digits[:2] in ("19", "20"):
        year, month, day = int(digits[:4]), (12 if end else 1), (31 if end else 1)
    else:
        raise ValueError(text)
    month = min(max(month, 1), 12)
    day = min(max(day, 1), calendar.monthrange(year, month)[1])
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_role(text: str) -> list[str] | None:
    """'RUSGOV >080508' -> ['RUSGOV', '2008-05-08', '']; 'RUSELI' -> ['RUSELI']; junk -> None."""
    parts = text.split()
    if not parts or not _CODE.match(parts[0]):
        return None
    if len(parts) == 1:
        return [parts[0]]
    span = parts[1]
    try:
        if span.startswith(">"):
            return [parts[0], parse_date(span[1:], False), ""]
        if span.startswith("<"):
            return [parts[0], "", parse_date(span[1:], True)]
        if "-" in span:
            a, b = span.split("-", 1)
            return [parts[0], parse_date(a, False), parse_date(b, True)]
        day = parse_date(span, False)
        return [parts[0], day, day]
    except ValueError:
        return [parts[0]]


def read_entries(path: Path) -> list[dict[str, object]]:
    """Entries of one actor file: names, roles, name-line codes and the comment."""
    entries: list[dict[str, object]] = []
    current: dict[str, object] | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body, _, comment = raw.partition("#")
        if not body.strip():
            if current is not None and comment:
                current["comment"] = str(current["comment"]) + comment
            continue
        roles = [r for r in (parse_role(m) for m in _BRACKET.findall(body)) if r]
        name = _BRACKET.sub(" ", body).strip()
        if raw[:1] in " \t" and not name:
            if current is not None:
                current["roles"].append(roles)  # type: ignore[attr-defined]
                current["comment"] = str(current["comment"]) + comment
            continue
        if name.startswith("+"):
            if current is not None:
                current["names"].append(name[1:].strip())  # type: ignore[attr-defined]
                current["roles"].append(roles)  # type: ignore[attr-defined]
            continue
        current = {"names": [name], "roles": [roles], "line_codes": roles, "comment": comment}
        entries.append(current)
    for e in entries:
        e["roles"] = [r for group in e["roles"] for r in group]  # type: ignore[attr-defined]
    return entries


def clean(name: str) -> str:
    return " ".join(name.replace("_", " ").split())


def display(name: str) -> str:
    return " ".join(w.capitalize() if w.isupper() else w for w in clean(name).split())


def is_country_entry(e: dict[str, object]) -> bool:
    codes = e["line_codes"]
    return bool(codes) and all(len(c[0]) == 3 for c in codes)  # type: ignore[attr-defined]


def is_person(e: dict[str, object], filename: str) -> bool:
    roles: list[list[str]] = e["roles"]  # type: ignore[assignment]
    comment = str(e["comment"])
    if any(len(r) == 3 for r in roles) or "CountryInfo" in comment or "IGOrulers" in comment:
        return True
    if "International" not in filename or not any(r[0][:3] in ("IGO", "NGO") for r in roles):
        return False  # companies (MNC) have no people in Phoenix, only names like "EXXON MOBIL"
    words = normalize_name(str(e["names"][0])).split()  # type: ignore[index]
    return 2 <= len(words) <= 4 and all(w.isalpha() for w in words) and not (
        set(words) & _ORG_WORDS)


def given_initials(names: list[str], title_words: frozenset[str]) -> str:
    """First letters of the given names ('Madeleine Albright' -> 'm'), titles skipped."""
    out = set()
    for name in names:
        words = normalize_name(name).split()
        while len(words) > 1 and words[0] in title_words:
            words = words[1:]
        if len(words) > 1:
            out.add(words[0][0])
    return "".join(sorted(out))


def surname_of(names: list[str], homes: set[str], title_words: frozenset[str]) -> str:
    """The family name: the last word, or the first for Chinese, Korean, Vietnamese names.

    Taken from the first name that still has two words once titles are skipped
    ('SECRETARY-GENERAL BAN KI-MOON' -> 'ban'); hyphenated given names stay one word.
    """
    for name in names:
        words = name.replace("_", " ").split()
        while words and set(normalize_name(words[0]).split()) <= title_words:
            words = words[1:]
        if len(words) >= 2:
            return normalize_name(words[0] if homes & _EAST_ASIAN else words[-1])
    return ""


def read_agents(path: Path) -> dict[str, str]:
    """Role noun -> agent code ('president' -> 'GOV'), with the !X! substitutions expanded."""
    subs: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body = raw.split("#", 1)[0].strip()
        if not body:
            continue
        if body.startswith("!") and "=" in body:
            key, values = body.split("=", 1)
            subs[key.strip()] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        m = _BRACKET.search(body)
        if not m or not m.group(1).startswith("~"):
            continue
        phrase = body[:m.start()].replace("{}", " ")
        forms = [phrase]
        for key, values in subs.items():
            forms = [f.replace(key, v) for f in forms for v in values] if any(
                key in f for f in forms) else forms
        for form in forms:
            norm = normalize_name(form)
            if norm and not norm.isdigit() and norm.isascii():
                out.setdefault(norm, m.group(1)[1:].split()[0] if m.group(1)[1:] else "")
    return {k: v for k, v in out.items() if v}


def build(phoenix: Path) -> dict[str, object]:
    surfaces = _surfaces()
    places = {normalize_name(s) for s in surfaces}
    orgs: dict[str, str] = {}
    for surface, (iso, kind) in surfaces.items():
        if kind == "seat" and iso:
            orgs.setdefault(normalize_name(surface).removeprefix("the "), iso + "GOV")
    agents = read_agents(phoenix / "Phoenix.agents.txt")
    title_words = frozenset(w for phrase in agents for w in phrase.split()) | _HONORIFICS
    persons: list[list[object]] = []
    names: dict[str, list[int]] = {}
    surnames: dict[str, list[int]] = {}
    stats: Counter[str] = Counter()
    for filename in ACTOR_FILES:
        for e in read_entries(phoenix / filename):
            entry_names: list[str] = [clean(n) for n in e["names"] if clean(n)]  # type: ignore
            roles: list[list[str]] = e["roles"]  # type: ignore[assignment]
            if not entry_names:
                continue
            if "Countries" in filename and is_country_entry(e):
                places.update(normalize_name(n) for n in entry_names)
                stats["country entries"] += 1
                continue
            if not roles:
                stats["skipped, no code"] += 1
                continue
            if is_person(e, filename):
                pid = len(persons)
                homes = {code[:3] for r in roles for code in (r[0], r[0][3:6])}
                persons.append([display(entry_names[0]), roles,
                                given_initials(entry_names, title_words)])
                for n in entry_names:
                    key = normalize_name(n)
                    index = names if len(key.split()) > 1 else surnames
                    if key and pid not in index.setdefault(key, []):
                        index[key].append(pid)
                family = surname_of(entry_names, homes, title_words)
                shortest = 2 if homes & _EAST_ASIAN else 3  # "Xi", "Hu"; not "Al", "De"
                if (len(family) >= shortest and family not in title_words
                        and pid not in surnames.setdefault(family, [])):
                    surnames[family].append(pid)
                stats["persons"] += 1
                stats["dated roles"] += sum(len(r) == 3 for r in roles)
            else:
                code = roles[0][0]
                for n in entry_names:
                    orgs.setdefault(normalize_name(n).removeprefix("the "), code)
                stats["organisations"] += 1
    for key in [k for k in surnames if k in places]:
        del surnames[key]
    print(", ".join(f"{k}: {v}" for k, v in sorted(stats.items())), file=sys.stderr)
    print(f"names {len(names)}, surnames {len(surnames)}, organisation names {len(orgs)}, "
          f"places {len(places)}, role nouns {len(agents)}", file=sys.stderr)
    return {
        "_about": "Generated by tools/gen_actor_kb.py from the Phoenix actor dictionaries "
                  "(PETRARCH2, Open Event Data Alliance, MIT licence; roles dated up to early "
                  "2014) and briefing's country names. Do not edit by hand.",
        "_licence": (phoenix / "LICENSE").read_text(encoding="utf-8").strip(),
        "persons": persons,
        "names": names,
        "surnames": surnames,
        "orgs": orgs,
        "places": sorted(places - {""}),
        "agents": agents,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phoenix", type=Path, default=ROOT.parent / "shared" / "actors" /
                        "phoenix")
    parser.add_argument("--out", type=Path, default=ROOT / "briefing" / "data" /
                        "actor_kb.json.gz")
    args = parser.parse_args()
    for name in (*ACTOR_FILES, "Phoenix.agents.txt", "LICENSE"):
        if not (args.phoenix / name).is_file():
            print(f"gen_actor_kb: {args.phoenix} has no {name}", file=sys.stderr)
            return 1
    data = build(args.phoenix)
    raw = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    blob = gzip.compress(raw.encode("utf-8"), compresslevel=9, mtime=0)
    tmp = args.out.with_suffix(".tmp")
    tmp.write_bytes(blob)
    tmp.replace(args.out)
    print(f"wrote {args.out} ({len(blob) / 1e6:.2f} MB gzip, {len(raw) / 1e6:.2f} MB JSON)",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
