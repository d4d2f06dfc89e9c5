"""Sentence splitting: golden rules and speed of briefing's splitter against NLTK and pySBD.

    python bench/bench_sbd.py [--verbose] [--repeat N]

Golden rules: the 48 English rules of ``../shared/bench/sbd_golden_rules_en.json`` (pySBD's
benchmark), each passed when the stripped sentences equal the expected ones. Throughput:
MB/s (UTF-8, by wall clock and by CPU time) over the ``text`` of the 2,225 BBC News articles in
``../shared/corpus/bbc_news_2225.jsonl``, best of ``--repeat`` runs. Compared in the same
run: NLTK's ``PunktSentenceTokenizer()`` with no data, NLTK's pretrained ``punkt_tab``
model (from ``../shared/nltk_data``), briefing's splitter with ``punkt_tab`` merged into its
parameters (to show whether the model helps), and pySBD when it is importable (timed on
the first 500 articles only: it is slow). ``--verbose`` lists the rules each splitter fails.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLDEN = SHARED / "bench" / "sbd_golden_rules_en.json"
CORPUS = SHARED / "corpus" / "bbc_news_2225.jsonl"
NLTK_DATA = SHARED / "nltk_data"
PYSBD_ARTICLES = 500

Splitter = Callable[[str], Sequence[str]]


def golden(split: Splitter, rules: list[dict[str, Any]]) -> list[int]:
    """Indices of the rules that ``split`` fails."""
    failed = []
    for i, rule in enumerate(rules):
        got = [s.strip() for s in split(rule["text"]) if s.strip()]
        if got != [s.strip() for s in rule["expected"]]:
            failed.append(i)
    return failed


def throughput(split: Splitter, texts: list[str], repeat: int) -> tuple[float, float, int]:
    """Best MB/s over ``repeat`` passes by wall clock and by CPU time, and the sentences found.

    CPU time is shown too because wall clock suffers when other jobs share the machine.
    """
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    split("Warm up. Twice.")
    wall, cpu, count = float("inf"), float("inf"), 0
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        count = sum(len(split(t)) for t in texts)
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    return size / wall, size / max(cpu, 1e-9), count


def splitters() -> dict[str, tuple[Splitter, bool]]:
    """Name -> (split function, timed on the whole corpus)."""
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    import briefing.sentences as ours
    from briefing.sentences_punkt import get_tokenizer

    found: dict[str, tuple[Splitter, bool]] = {
        "briefing (no NLTK data)": (ours.split_sentences, True),
        "NLTK Punkt, no data": (PunktSentenceTokenizer().tokenize, True),
    }
    os.environ["NLTK_DATA"] = str(NLTK_DATA)
    import nltk

    if str(NLTK_DATA) not in nltk.data.path:
        nltk.data.path.insert(0, str(NLTK_DATA))
    try:
        from nltk.tokenize.punkt import PunktTokenizer

        found["NLTK Punkt, punkt_tab"] = (PunktTokenizer("english").tokenize, True)
        pretrained = get_tokenizer(pretrained=True)

        def with_model(text: str) -> list[str]:
            return [text[a:b] for a, b in ours.spans_with(pretrained, text)]

        found["briefing + punkt_tab merged"] = (with_model, True)
    except LookupError:
        print(f"punkt_tab not found under {NLTK_DATA}: pretrained runs skipped")
    try:
        import pysbd  # type: ignore[import-untyped]

        segmenter = pysbd.Segmenter(language="en", clean=False)
        found["pySBD"] = (segmenter.segment, False)
    except ImportError:
        print("pysbd is not installed: pySBD run skipped (pip install pysbd)")
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", action="store_true", help="list failed rules")
    parser.add_argument("--repeat", type=int, default=3, help="timing passes (best kept)")
    args = parser.parse_args(argv)
    if not GOLDEN.exists() or not CORPUS.exists():
        print(f"skipped: {SHARED} (golden rules and BBC corpus) is not available")
        return 0
    rules = json.loads(GOLDEN.read_text("utf-8"))["rules"]
    texts = [json.loads(line)["text"] for line in CORPUS.read_text("utf-8").splitlines()]
    print(
        f"{len(rules)} golden rules; BBC corpus {len(texts)} articles, "
        f"{sum(len(t.encode('utf-8')) for t in texts) / 1e6:.2f} MB\n"
    )
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{os.cpu_count()} CPUs, load average {load}; best of {args.repeat} runs\n")
    print(f"{'splitter':30} {'golden':>8} {'MB/s':>7} {'cpu MB/s':>9} {'sentences':>10}")
    for name, (split, whole) in splitters().items():
        failed = golden(split, rules)
        sample = texts if whole else texts[:PYSBD_ARTICLES]
        speed, cpu, count = throughput(split, sample, args.repeat if whole else 1)
        note = "" if whole else f"  (first {len(sample)} articles)"
        passed = f"{len(rules) - len(failed)}/{len(rules)}"
        print(f"{name:30} {passed:>8} {speed:7.2f} {cpu:9.2f} {count:10d}{note}")
        if args.verbose:
            for i in failed:
                got = [s.strip() for s in split(rules[i]["text"])]
                print(
                    f"    rule {i}: {rules[i]['text']!r}\n      got      {got!r}"
                    f"\n      expected {rules[i]['expected']!r}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
