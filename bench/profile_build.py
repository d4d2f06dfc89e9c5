"""Where ``build_briefing`` spends its time on thousands of articles, in one process.

    python bench/profile_build.py [--articles N] [--profile]

Reads the BBC News corpus (``../shared/corpus/bbc_news_2225.jsonl``; ``--articles 5000``
adds the spliced articles of ``bench_scale.py``), analyses every article on all cores, then
times the two cross-article steps of a build, ``key_points(analyses, 5)`` and
``group_positions(statements)``, and prints the peak resident memory of the process.
``--profile`` adds the top of a cProfile of those two steps.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_scale import CORPUS, splice  # noqa: E402

from briefing.models import Article  # noqa: E402
from briefing.parallel import analyse_many  # noqa: E402
from briefing.positions import group_positions  # noqa: E402
from briefing.summary import key_points  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=None, help="N articles in all")
    parser.add_argument("--profile", action="store_true", help="print a cProfile summary")
    options = parser.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is not available (../shared is needed for this benchmark)")
        return
    rows = [json.loads(line) for line in CORPUS.read_text("utf-8").splitlines() if line.strip()]
    if options.articles and options.articles > len(rows):
        rows = splice(rows, options.articles)
    articles = [Article(r["id"], f"{r['id']}.md", r["title"], r["text"]) for r in rows]
    start = time.perf_counter()
    analyses = analyse_many(articles, sentences=3, actors=None)
    print(f"analyse_many: {len(analyses)} articles in {time.perf_counter() - start:.2f} s")
    statements = [s for a in analyses for s in a.statements]
    profiler = cProfile.Profile() if options.profile else None
    if profiler:
        profiler.enable()
    start = time.perf_counter()
    points = key_points(analyses, 5)
    middle = time.perf_counter()
    positions = group_positions(statements)
    end = time.perf_counter()
    if profiler:
        profiler.disable()
    merged = sum(len(p.statements) for p in positions)
    print(f"key_points(analyses, 5): {middle - start:.2f} s, {len(points)} points, citations "
          f"{[len(p.citations) for p in points]}")  # fmt: skip
    print(f"group_positions: {end - middle:.2f} s, {len(statements)} statements -> {merged} "
          f"in {len(positions)} countries")  # fmt: skip
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process (the parent; workers not counted): {peak:.0f} MiB")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
