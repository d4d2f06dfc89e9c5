"""Benchmark: does briefing find who said what in US political news (PolNeAR attributions)?

Data: ``../shared/bench/attributions_dev.jsonl``, 150 articles with hand-annotated attribution
relations (source, cue, content; character spans into the article text). Each article goes
through :func:`attribution_api.statements_of` (today ``briefing.briefing.analyse``) with its
publication date.

Which attributions count: **reported speech with a named source**:

* the cue is a verb or phrase of saying (:func:`attribution_api.is_speech_cue`: "said",
  "told reporters", "according to", "tweeted", a colon …), not of belief or evidence
  ("believes", "shows", "found");
* the source names someone: the head of the source span (up to its first comma or relative
  clause, :func:`attribution_api.source_head`; the whole span when the head has no name, as
  in "the F.B.I. director, James B. Comey,") has a capitalised word that is not a role word
  or pronoun ("Raffaello Pantucci", "the State Department", "Trump's campaign"), or names a
  country ("China"). "He", "officials", and anything introduced by an indefinite ("a senior
  aide", "one West Virginia official") are not named.

Matching: a statement **covers** an attribution when one of its sentences (the first to the
last of a running quotation) overlaps the attribution's cue or content span. It has the
**right speaker** when its speaker and the source head share the surname or a name
(:func:`attribution_api.same_speaker`); a source that names only a state ("China",
"Russia's foreign ministry") is right when the statement is filed under that state and names
no one else.

Figures: found with the right speaker = attributions covered by a statement with the right
speaker / all counted attributions; speaker right when found = the same / attributions
covered by any statement. Held out: articles whose sha1(id) ends in two zero bits (37 of 150;
see bench/README.md), printed only with ``--heldout``.

    python bench/bench_attributions.py [--heldout] [--verbose] [--list-heldout]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, field
from typing import Any

from attribution_api import (
    SHARED,
    covered,
    held_out,
    is_speech_cue,
    name_words,
    same_speaker,
    source_head,
    statements_of,
)

from briefing.models import Analysis, Article, Statement

DATA = SHARED / "bench" / "attributions_dev.jsonl"
_INDEFINITE = frozenset({"a", "an", "one", "some", "several", "many", "two", "three", "few",
                         "another", "any"})


@dataclass
class Score:
    articles: int = 0
    sentences: int = 0
    attributions: int = 0
    counted: int = 0
    covered: int = 0
    right: int = 0
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)


def named_source(attribution: dict[str, Any]) -> tuple[list[str], set[str]] | None:
    """The source's name words and countries, or None when it names no one."""
    if not attribution.get("source") or not is_speech_cue(attribution.get("cue")):
        return None
    head = source_head(attribution["source"])
    if head.split()[:1] and head.split()[0].casefold() in _INDEFINITE:
        return None  # "a senior official", "one West Virginia official": nobody named
    words, countries = name_words(head, proper_only=True)
    if not words and not countries:  # "the F.B.I. director, James B. Comey,"
        words, countries = name_words(attribution["source"], proper_only=True)
    return (words, countries) if words or countries else None


def spans_of(analysis: Analysis, statement: Statement) -> list[tuple[int, int]]:
    sents = analysis.sentences
    return [(sents[i].start, sents[i].end) for i in covered(statement) if i < len(sents)]


def overlaps(a: list[tuple[int, int]], b: list[list[int]]) -> bool:
    return any(s < e2 and s2 < e for s, e in a for s2, e2 in b)


def score_article(row: dict[str, Any], score: Score, verbose: bool) -> None:
    article = Article(id=row["id"], path=row["id"], title=row.get("title") or "",
                      text=row["text"], outlet=row.get("publisher") or "",
                      published=row.get("date") or "")
    started = time.perf_counter()
    analysis = statements_of(article)
    score.seconds += time.perf_counter() - started
    score.articles += 1
    score.sentences += len(analysis.sentences)
    spans = [(st, spans_of(analysis, st)) for st in analysis.statements]
    for attr in row["attributions"]:
        score.attributions += 1
        source = named_source(attr)
        if source is None:
            continue
        score.counted += 1
        words, countries = source
        where = [*attr["cue_spans"], *attr["content_spans"]]
        hits = [st for st, sp in spans if overlaps(sp, where)]
        score.covered += bool(hits)
        ok = any(same_speaker(st, words, countries) for st in hits)
        score.right += ok
        if verbose and not ok:
            got = "; ".join(f"{s.country}:{s.speaker}" for s in hits) or "not found"
            score.misses.append(f"  {row['id'][:40]} source={source_head(attr['source'])!r}"
                                f" cue={attr['cue']!r} got={got}")


def report(label: str, score: Score) -> None:
    def ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    print(f"[{label}] {score.articles} articles, {score.attributions} attributions, "
          f"{score.counted} reported speech with a named source")
    print(f"  found with the right speaker  {ratio(score.right, score.counted):.2f}  "
          f"({score.right}/{score.counted})")
    print(f"  speaker right when found      {ratio(score.right, score.covered):.2f}  "
          f"({score.right}/{score.covered} covered by a statement)")
    print(f"  speed                         {score.sentences / max(score.seconds, 1e-9):,.0f} "
          f"sentences/s ({score.sentences} sentences, {score.seconds:.2f} s, "
          "analyse() per article, summary included)")
    for line in score.misses:
        print(line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heldout", action="store_true",
                        help="also score the held-out articles (final check only)")
    parser.add_argument("--verbose", "-v", action="store_true", help="list the misses")
    parser.add_argument("--list-heldout", action="store_true",
                        help="print the ids of the held-out articles and stop")
    args = parser.parse_args(argv)
    if not DATA.is_file():
        print(f"skipped: {DATA} is absent (the shared benchmark data sits beside the repo)")
        return 0
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    if args.list_heldout:
        print("\n".join(r["id"] for r in rows if held_out(r["id"])))
        return 0
    parts = ["dev", "held-out", "all"] if args.heldout else ["dev"]
    scores = {p: Score() for p in parts}
    statements_of(Article(id="warm-up", path="", title="", text="Nobody said anything."))
    for row in rows:
        part = "held-out" if held_out(row["id"]) else "dev"
        for name in (part, "all"):
            if name in scores:
                score_article(row, scores[name], args.verbose and name != "all")
    for part in parts:
        report(part, scores[part])
    return 0


if __name__ == "__main__":
    sys.exit(main())
