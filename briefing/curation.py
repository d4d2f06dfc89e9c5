"""The analyst's corrections to the positions: drop a statement, move it, pin a headline.

The machine's attribution is sometimes wrong, and an analyst will not re-edit the exported
memo every time. The corrections are kept with the session (``.briefing/state.json``) and
applied by every way out of the workspace (the TUI's Memo tab, export and copy, and
``briefing build``). A statement is named by what survives a reload: the article's content
hash, the sentence index and the country (or body) it was found under, since one sentence
may speak for several. A statement merged from several articles matches through any of
its citations.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pycountry

from .glance import actor_name
from .models import Analysis, Article, Position, Statement
from .positions.bodies import BODY_NAMES
from .positions.grouping import country_name, group_of


def state_path(root: Path) -> Path:
    """The workspace's session file (selection, filter, title, sort and curation)."""
    return root / ".briefing" / "state.json"


def content_hash(article: Article) -> str:
    """A short digest of the article's text: the same text keeps it across reloads."""
    return hashlib.sha256(article.text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True, order=True)
class StatementRef:
    """A statement as the analyst curates it: article content hash, sentence, country."""

    article: str
    sentence: int
    country: str


@dataclass(frozen=True)
class Curation:
    """Dropped statements, statements moved to another country, and pinned headlines.

    ``moved`` maps a statement to the code of its new country or body; ``pinned`` maps a
    country or body to its headline statement. Both are sorted tuples so that two equal
    curations compare (and save) equal.
    """

    dropped: frozenset[StatementRef] = frozenset()
    moved: tuple[tuple[StatementRef, str], ...] = ()
    pinned: tuple[tuple[str, StatementRef], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.dropped or self.moved or self.pinned)

    @property
    def size(self) -> int:
        return len(self.dropped) + len(self.moved) + len(self.pinned)

    def toggle_drop(self, ref: StatementRef) -> Curation:
        """Drop the statement, or restore it when it was dropped."""
        return replace(self, dropped=self.dropped ^ {ref})

    def move(self, ref: StatementRef, to: str) -> Curation:
        """Put the statement under ``to``; moving it back where it was found undoes it."""
        moved = {r: c for r, c in self.moved if r != ref}
        if to.upper() != ref.country.upper():
            moved[ref] = to.upper()
        return replace(self, moved=tuple(sorted(moved.items())))

    def toggle_pin(self, country: str, ref: StatementRef) -> Curation:
        """Make the statement its country's headline, or unpin it when it already is."""
        pinned = dict(self.pinned)
        if pinned.get(country) == ref:
            del pinned[country]
        else:
            pinned[country] = ref
        return replace(self, pinned=tuple(sorted(pinned.items())))


@dataclass(frozen=True)
class Curated:
    """One statement after curation: where it now belongs (``statement.country``), where it
    was found, its key for further curation, and what the analyst did to it."""

    statement: Statement
    origin: Position
    ref: StatementRef
    dropped: bool
    moved: bool


def _refs(s: Statement, country: str, hashes: Mapping[str, str]) -> list[StatementRef]:
    return [StatementRef(hashes.get(c.article, ""), c.sentence, country) for c in s.citations]


def article_hashes(analyses: Iterable[Analysis]) -> dict[str, str]:
    """Article id -> content hash, for naming statements."""
    return {a.article.id: content_hash(a.article) for a in analyses}


def curate(
    positions: Sequence[Position], curation: Curation, analyses: Iterable[Analysis]
) -> list[Curated]:
    """Every statement with what the curation does to it, in the positions' order."""
    hashes = article_hashes(analyses)
    moved = dict(curation.moved)
    out = []
    for p in positions:
        for s in p.statements:
            refs = _refs(s, p.iso3, hashes)
            target = next((moved[r] for r in refs if r in moved), p.iso3)
            dropped = any(r in curation.dropped for r in refs)
            now = replace(s, country=target) if target != p.iso3 else s
            out.append(Curated(now, p, refs[0], dropped, target != p.iso3))
    return out


def apply_curation(
    positions: Sequence[Position], curation: Curation, analyses: Iterable[Analysis]
) -> tuple[Position, ...]:
    """The positions as the analyst corrected them.

    Dropped statements go; moved ones join their new country after its own statements
    (the country is created after the others when it had none); a pinned statement
    becomes its country's headline (``Position.pinned``); a country left empty goes.
    """
    analyses = list(analyses)
    if not curation:
        return tuple(positions)
    hashes = article_hashes(analyses)
    pinned = {country: ref for country, ref in curation.pinned}
    found = {p.iso3: p for p in positions}
    buckets: dict[str, list[Curated]] = {p.iso3: [] for p in positions}
    for item in curate(positions, curation, analyses):
        if not item.dropped:
            buckets.setdefault(item.statement.country, []).append(item)
    out = []
    for code, items in buckets.items():
        if not items:
            continue
        items.sort(key=lambda i: i.moved)  # its own statements first, then those moved in
        base = found.get(code) or Position(country_name(code), code, (), kind=group_of(code))
        pin = pinned.get(code)
        head = next(
            (
                i.statement.citations[0]
                for i in items
                if pin in _refs(i.statement, i.origin.iso3, hashes)
            ),
            None,
        )
        out.append(replace(base, statements=tuple(i.statement for i in items), pinned=head))
    return tuple(out)


def move_targets(first: Iterable[str] = ()) -> list[tuple[str, str]]:
    """``(code, name)`` of every country and international body, ``first`` ones first."""
    everyone = {c.alpha_3: actor_name(c.alpha_3) for c in pycountry.countries}
    everyone |= {code: f"{code} ({name})" for code, (name, _) in BODY_NAMES.items()}
    head = [(c, everyone.get(c, actor_name(c))) for c in dict.fromkeys(first) if c]
    rest = sorted(((c, n) for c, n in everyone.items() if c not in dict(head)),
                  key=lambda item: item[1])
    return head + rest


def _ref_json(ref: StatementRef) -> dict[str, Any]:
    return {"article": ref.article, "sentence": ref.sentence, "country": ref.country}


def curation_to_json(curation: Curation) -> dict[str, Any]:
    """The curation as it is saved in the session file."""
    return {
        "dropped": [_ref_json(r) for r in sorted(curation.dropped)],
        "moved": [{**_ref_json(r), "to": to} for r, to in curation.moved],
        "pinned": [{**_ref_json(r), "headline_of": c} for c, r in curation.pinned],
    }


def _ref(item: Any, extra: str = "") -> tuple[StatementRef, str]:
    if not isinstance(item, dict):
        raise ValueError("each curation entry must be an object")
    article, sentence, country = item.get("article"), item.get("sentence"), item.get("country")
    other = item.get(extra, "") if extra else ""
    if not (isinstance(article, str) and isinstance(country, str) and isinstance(other, str)):
        raise ValueError("a curation entry needs string 'article' and 'country'")
    if not isinstance(sentence, int) or isinstance(sentence, bool) or sentence < 0:
        raise ValueError("a curation entry needs a sentence number >= 0")
    if extra and not other:
        raise ValueError(f"a curation entry needs '{extra}'")
    return StatementRef(article, sentence, country), other


def curation_from_json(data: Any) -> Curation:
    """Check the saved shape entry by entry; raise ValueError naming what is wrong."""
    if data is None:
        return Curation()
    if not isinstance(data, dict):
        raise ValueError("'curation' must be an object")
    lists = {}
    for key in ("dropped", "moved", "pinned"):
        value = data.get(key, [])
        if not isinstance(value, list):
            raise ValueError(f"'curation.{key}' must be a list")
        lists[key] = value
    dropped = frozenset(_ref(i)[0] for i in lists["dropped"])
    moved = tuple(sorted(_ref(i, "to") for i in lists["moved"]))
    pinned = tuple(sorted((c, r) for r, c in (_ref(i, "headline_of") for i in lists["pinned"])))
    return Curation(dropped, moved, pinned)


def load_curation(root: Path) -> tuple[Curation, str | None]:
    """The workspace's saved curation, or none and the reason it could not be read."""
    path = state_path(root)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Curation(), None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return Curation(), f"{path}: cannot read the session's curation ({exc}); ignored"
    try:
        return curation_from_json(data.get("curation") if isinstance(data, dict) else None), None
    except ValueError as exc:
        return Curation(), f"{path}: corrupt curation ignored ({exc})"
