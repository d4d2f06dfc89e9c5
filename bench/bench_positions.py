"""Benchmark: positions by country on real multi-article news, against sentence-level gold.

Gold: ``../shared/bench/positions_dev.jsonl`` (guide: ``positions_gold_guide.md``), one row
per sentence of each labelled article, sentences as ``briefing.split_sentences`` cuts them.
Articles: the Multi-News clusters of ``multinews_dev.jsonl`` (cluster id, doc index) and
``corpus/seeds/*.txt`` (cluster "seeds", files in name order). Each article goes through
:func:`attribution_api.statements_of` (today ``briefing.briefing.analyse``).

Measures, per part (tuning part, held-out part):

* pairs: (article, sentence, country) of every statement vs the gold ``countries`` of every
  position sentence: precision, recall, F1. Statements filed under a body or "other" make
  no country pair (the gold gives IGO speakers no country either).
* position sentences: a sentence with at least one statement vs gold ``position``: P and R.
* speaker right: of the gold positions found, the share where a statement on the sentence
  names the gold speaker (:func:`attribution_api.same_speaker`).
* stance agreement: of the gold positions found whose gold stance is specific (not
  STATEMENT), the share where a statement on the sentence has that stance label.
* seeds: the countries of the positions section for the two seed articles (want USA KOR
  RUS CHN PRK) and whether every statement whose speaker is Lavrov is under Russia only.

Held out: whole articles whose sha1("cluster/doc") ends in two zero bits (6 of the 25
articles, 146 of 546 sentences; see bench/README.md). They are not printed unless
``--heldout`` (which also prints "all", the whole file): tune on the default output only.
The seed checks always run on both seed articles.

    python bench/bench_positions.py [--heldout] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from attribution_api import (
    SHARED,
    countries_of,
    covered,
    held_out,
    name_words,
    positions,
    same_speaker,
    statements_of,
)

from briefing.models import Analysis, Article, Statement

GOLD = SHARED / "bench" / "positions_dev.jsonl"
MULTINEWS = SHARED / "bench" / "multinews_dev.jsonl"
SEEDS = SHARED / "corpus" / "seeds"
SEED_COUNTRIES = {"USA", "KOR", "RUS", "CHN", "PRK"}


@dataclass
class Score:
    """Counts for one part of the gold."""

    sentences: int = 0
    pairs_sys: int = 0
    pairs_gold: int = 0
    pairs_hit: int = 0
    pos_sys: int = 0
    pos_gold: int = 0
    pos_hit: int = 0
    speaker_ok: int = 0
    stance_n: int = 0
    stance_ok: int = 0
    unmatched: int = 0  # statements on sentences the gold does not have (splitter drift)
    misses: list[str] = field(default_factory=list)


def ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def load_articles() -> dict[str, Article]:
    """Every labelled article by ``cluster/doc`` id, exactly as the gold was cut from it."""
    texts: dict[str, str] = {}
    for row in map(json.loads, MULTINEWS.read_text(encoding="utf-8").splitlines()):
        for i, doc in enumerate(row["docs"]):
            texts[f"{row['id']}/{i}"] = doc
    for i, path in enumerate(sorted(SEEDS.glob("*.txt"))):
        texts[f"seeds/{i}"] = path.read_text(encoding="utf-8")
    return {k: Article(id=k, path=k, title="", text=v) for k, v in texts.items()}


def score_article(analysis: Analysis, gold: list[dict[str, Any]], score: Score,
                  verbose: bool) -> None:
    """Add one article's figures to ``score``."""
    by_sentence: dict[int, list[Statement]] = defaultdict(list)
    for st in analysis.statements:
        for i in covered(st):
            by_sentence[i].append(st)
    gold_by = {g["sentence"]: g for g in gold}
    texts = [s.text for s in analysis.sentences]
    for i, sts in by_sentence.items():
        g = gold_by.get(i)
        if g is None or i >= len(texts) or texts[i] != g["text"]:
            score.unmatched += len(sts)
    score.sentences += len(gold)
    for g in gold:
        i = g["sentence"]
        sts = by_sentence.get(i, []) if i < len(texts) and texts[i] == g["text"] else []
        sys_countries = set().union(*(countries_of(s) for s in sts)) if sts else set()
        gold_countries = set(g["countries"]) if g["position"] else set()
        score.pairs_sys += len(sys_countries)
        score.pairs_gold += len(gold_countries)
        score.pairs_hit += len(sys_countries & gold_countries)
        score.pos_sys += bool(sts)
        score.pos_gold += bool(g["position"])
        if not (sts and g["position"]):
            if verbose and (sts or g["position"]):
                what = "FALSE" if sts else "MISSED"
                got = "; ".join(f"{s.country}:{s.speaker}" for s in sts)
                score.misses.append(f"  {what} {analysis.article.id}#{i} gold={g['speaker']}"
                                    f" {g['countries']} got={got}: {g['text'][:90]}")
            continue
        score.pos_hit += 1
        words, _ = name_words(g["speaker"] or "")
        ok = any(same_speaker(s, words, set(g["countries"])) for s in sts)
        score.speaker_ok += ok
        if verbose and not ok:
            got = "; ".join(f"{s.country}:{s.speaker}" for s in sts)
            score.misses.append(f"  SPEAKER {analysis.article.id}#{i} gold={g['speaker']}"
                                f" {g['countries']} got={got}")
        if g["stance"] and g["stance"] != "STATEMENT":
            score.stance_n += 1
            score.stance_ok += any(s.stance == g["stance"] for s in sts)


def report(label: str, score: Score, seconds: float) -> None:
    p = ratio(score.pairs_hit, score.pairs_sys)
    r = ratio(score.pairs_hit, score.pairs_gold)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"[{label}] {score.sentences} sentences, {score.pos_gold} gold positions, "
          f"{score.pairs_gold} gold pairs")
    print(f"  pairs              P {p:.2f}  R {r:.2f}  F1 {f1:.2f}  "
          f"({score.pairs_hit} right of {score.pairs_sys} listed)")
    print(f"  position sentences P {ratio(score.pos_hit, score.pos_sys):.2f}  "
          f"R {ratio(score.pos_hit, score.pos_gold):.2f}  "
          f"({score.pos_hit} of {score.pos_sys} listed are positions)")
    print(f"  speaker right      {ratio(score.speaker_ok, score.pos_hit):.2f}  "
          f"({score.speaker_ok}/{score.pos_hit} positions found)")
    print(f"  stance agreement   {ratio(score.stance_ok, score.stance_n):.2f}  "
          f"({score.stance_ok}/{score.stance_n} found positions with a specific gold stance)")
    if score.unmatched:
        print(f"  ({score.unmatched} statements on sentences the gold does not have)")
    print(f"  speed              {score.sentences / seconds:,.0f} sentences/s "
          f"({seconds:.2f} s, analyse() per article, summary included)")
    for line in score.misses:
        print(line)


def seed_checks(analyses: dict[str, Analysis]) -> None:
    """The two seed articles: the five countries, Lavrov under Russia only."""
    seeds = [a for k, a in sorted(analyses.items()) if k.startswith("seeds/")]
    section = positions(seeds)
    found = {p.iso3 for p in section if p.kind == "country"}
    lavrov = {p.iso3 for p in section for s in p.statements if "Lavrov" in (s.speaker or "")}
    missing, extra = SEED_COUNTRIES - found, found - SEED_COUNTRIES
    verdict = f"MISSING {' '.join(sorted(missing))}" if missing else "ok"
    print(f"[seeds] countries {' '.join(sorted(found))}; want {' '.join(sorted(SEED_COUNTRIES))}"
          f" -> {verdict}{', extra ' + ' '.join(sorted(extra)) if extra else ''}")
    print(f"[seeds] Lavrov's statements under: {' '.join(sorted(lavrov)) or 'none'} -> "
          f"{'ok' if lavrov == {'RUS'} else 'WRONG'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heldout", action="store_true",
                        help="also score the held-out articles (final check only)")
    parser.add_argument("--verbose", "-v", action="store_true", help="list errors")
    args = parser.parse_args(argv)
    for path in (GOLD, MULTINEWS, SEEDS):
        if not path.exists():
            print(f"skipped: {path} is absent (the shared benchmark data sits beside the repo)")
            return 0
    gold: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in map(json.loads, GOLD.read_text(encoding="utf-8").splitlines()):
        gold[f"{row['cluster']}/{row['doc']}"].append(row)
    articles = load_articles()
    missing = sorted(set(gold) - set(articles))
    if missing:
        print(f"bench_positions: {GOLD.name} names articles not in the data: {missing}",
              file=sys.stderr)
        return 1
    parts = ["dev", "held-out", "all"] if args.heldout else ["dev"]
    scores = {p: Score() for p in parts}
    statements_of(Article(id="warm-up", path="", title="", text="Nobody said anything."))
    seconds = dict.fromkeys(parts, 0.0)
    analyses: dict[str, Analysis] = {}
    for key in sorted(gold):
        part = "held-out" if held_out(key) else "dev"
        if part not in scores and not key.startswith("seeds/"):
            continue
        started = time.perf_counter()
        analyses[key] = statements_of(articles[key])
        took = time.perf_counter() - started
        for name in (part, "all"):
            if name in scores:
                seconds[name] += took
                score_article(analyses[key], sorted(gold[key], key=lambda g: g["sentence"]),
                              scores[name], args.verbose and name != "all")
    for part in parts:
        report(part, scores[part], max(seconds[part], 1e-9))
    seed_checks(analyses)
    return 0


if __name__ == "__main__":
    sys.exit(main())

