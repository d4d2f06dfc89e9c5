"""The documents and lines of the furniture check (read from ../shared, never stored here).

A *document* is what an analyst would drop into a workspace as a ``.txt`` file: a Multi-News
source article as given, or a BBC article as its original file carried it (title line, blank
line, body). A *line* is one paragraph of it, by character offsets ``[start, end)``.
Labels (bench/data/furniture_labels.jsonl) name a line by document id, offsets and a short
hash of its text, so a changed source is noticed and the text itself never enters the repo.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
MULTINEWS = SHARED / "bench" / "multinews_dev.jsonl"
BBC = SHARED / "corpus" / "bbc_news_2225.jsonl"
LABELS = Path(__file__).resolve().parent / "data" / "furniture_labels.jsonl"
# BBC articles in the check: those whose id hashes below this percentage (a blind sample).
BBC_PERCENT = 4
# Share of clusters (by hash of the cluster id) kept untouched until the end.
FINAL_SHARE = 25
BBC_CLUSTER = 6  # BBC articles per cluster: consecutive ids of one category


@dataclass(frozen=True)
class Doc:
    id: str
    cluster: str
    text: str


def bucket(key: str) -> int:
    """A stable 0-99 bucket for ``key`` (sha1), for samples and slices nobody chose."""
    return int(hashlib.sha1(key.encode()).hexdigest()[:8], 16) % 100


def is_final(cluster: str) -> bool:
    """Whether a cluster belongs to the untouched final slice."""
    return bucket("final:" + cluster) < FINAL_SHARE


def fold(cluster: str, folds: int) -> int:
    return bucket("fold:" + cluster) % folds


def short_hash(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:10]


def docs() -> list[Doc]:
    """Every document of the check, in a fixed order (empty when ../shared is absent)."""
    out: list[Doc] = []
    if MULTINEWS.is_file():
        for line in MULTINEWS.read_text("utf-8").splitlines():
            row = json.loads(line)
            for i, text in enumerate(row["docs"]):
                out.append(Doc(f"mn:{row['id']}/{i}", f"mn:{row['id']}", text))
    if BBC.is_file():
        chosen: dict[str, list[dict[str, str]]] = {}
        for line in BBC.read_text("utf-8").splitlines():
            row = json.loads(line)
            if bucket("bbc:" + row["id"]) < BBC_PERCENT:
                chosen.setdefault(row["category"], []).append(row)
        for category, rows in chosen.items():
            for n, row in enumerate(rows):
                cluster = f"bbc:{category}/{n // BBC_CLUSTER}"
                out.append(Doc(f"bbc:{row['id']}", cluster, f"{row['title']}\n\n{row['text']}"))
    return out


def lines(doc: Doc) -> Iterator[tuple[int, int, str]]:
    """``(start, end, text)`` of every non-empty paragraph (and every line of one)."""
    for match in re.finditer(r"[^\n]+", doc.text):
        text = match.group().strip()
        if text:
            start = match.start() + (len(match.group()) - len(match.group().lstrip()))
            yield start, start + len(text), text


def load_labels() -> list[dict[str, object]]:
    if not LABELS.is_file():
        return []
    return [json.loads(x) for x in LABELS.read_text("utf-8").splitlines() if x.strip()]
