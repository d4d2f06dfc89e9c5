"""Benchmark: is each sentence's acting country found, and with the right stance?

Runs every sentence of ``../shared/bench/actors_dev.jsonl`` (PETRARCH2 validation and PLOVER
gold-standard sentences, mostly events) as its own article through two library paths:

* **acting parties** (the measure): :func:`briefing.positions.actors_of`, the subject or
  agent of each main clause and its country. A sentence is right when one of its acting
  parties' countries is one of its ``source_countries``.
* **positions** (shown so nothing is hidden): the path of ``briefing positions --format
  json`` (make_sentences + find_statements + group_positions). A sentence is right when one
  of its positions is one of its ``source_countries``; most event sentences are narrative,
  not positions, so this figure is low by design. Stance agreement is measured on the
  PLOVER sentences whose source was found this way, after mapping our labels to PLOVER
  types (:func:`briefing.stance.to_plover`).

Every fifth sentence (index % 5 == 0) is the held-out split: rules were tuned on the rest.

    python bench/bench_actors.py [--verbose] [--split all|dev|held-out]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from briefing.models import Article
from briefing.positions import actors_of, find_statements, group_positions
from briefing.sentences import make_sentences
from briefing.stance import to_plover

SHARED = Path(__file__).resolve().parents[2] / "shared"
DATA = SHARED / "bench" / "actors_dev.jsonl"


def held_out(i: int) -> bool:
    return i % 5 == 0


def run(rows: list[dict[str, object]], verbose: bool, label: str) -> float:
    """Score ``rows`` both ways; print accuracy per dataset, stance agreement and (verbose)
    the misses. Returns the acting-party accuracy."""
    right: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # actors ok, positions ok, n
    stance_ok = stance_n = 0
    misses: list[str] = []
    started = time.perf_counter()
    for row in rows:
        text = str(row["sentence"])
        gold = set(row["source_countries"])  # type: ignore[call-overload]
        article = Article(id="s", path="s", title="", text=text)
        sents = make_sentences(text)
        parties = actors_of(article, sents)
        acting = {a.iso3 for a in parties if a.iso3}
        positions = group_positions(find_statements(article, sents))
        found = {p.iso3: p for p in positions}
        ok = bool(gold & acting)
        ds = str(row["dataset"])
        for key in (ds, "all"):
            right[key][0] += ok
            right[key][1] += bool(gold & set(found))
            right[key][2] += 1
        if gold & set(found) and ds.startswith("PLOVER"):
            events = set(row["events"])  # type: ignore[call-overload]
            labels = {to_plover(s.stance) for c in gold & set(found)
                      for s in found[c].statements}
            stance_n += 1
            stance_ok += bool(labels & events)
            if verbose and not labels & events:
                misses.append(f"  stance {sorted(labels)} != {sorted(events)}: {text[:110]}")
        if not ok:
            got = "; ".join(f"{a.text}={a.iso3 or '?'}" for a in parties) or "-"
            misses.insert(0, f"  MISS gold={','.join(sorted(gold))} got [{got}]: {text[:120]}")
    took = time.perf_counter() - started
    print(f"[{label}] {len(rows)} sentences, {took * 1000 / max(1, len(rows)):.2f} ms each "
          "(both paths)")
    for key in sorted(right, key=lambda k: (k != "all", k)):
        n_ok, n_pos, n = right[key]
        print(f"  acting parties {key:22s} {n_ok:4d}/{n:<4d} = {n_ok / n:.3f}")
        print(f"  positions      {key:22s} {n_pos:4d}/{n:<4d} = {n_pos / n:.3f}")
    if stance_n:
        print(f"  stance agreement (PLOVER, source found among positions) {stance_ok}/{stance_n}"
              f" = {stance_ok / stance_n:.3f}")
    if verbose:
        print("\n".join(misses))
    n_ok, _, n = right["all"]
    return n_ok / n if n else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="list the misses")
    parser.add_argument("--split", choices=["all", "dev", "held-out"], default=None,
                        help="score one split only (default: all three)")
    args = parser.parse_args(argv)
    if not DATA.is_file():
        print(f"skipped: {DATA} is absent (the shared benchmark data sits beside the repo)")
        return 0
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    splits = {
        "all": rows,
        "dev": [r for i, r in enumerate(rows) if not held_out(i)],
        "held-out": [r for i, r in enumerate(rows) if held_out(i)],
    }
    for name in [args.split] if args.split else ["all", "dev", "held-out"]:
        run(splits[name], args.verbose, name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
