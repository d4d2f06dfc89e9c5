"""How briefing scales: 2,225 articles as files, built cold, built warm, then searched.

    python bench/bench_scale.py [--limit N] [--articles N] [--query WORDS] [--keep]
    python bench/bench_scale.py --tiny 20000 [--tiny 100000 ...]

Writes the BBC News corpus (``../shared/corpus/bbc_news_2225.jsonl``) as Markdown files
into a fresh workspace under ``bench/.work/scale`` (``--articles 5000`` adds spliced
articles, see :func:`splice`) and times, each in its own process as a user would run it:
the first ``briefing build`` (everything analysed), the second (all cached), a rebuild
after one article changed, and ``briefing list QUERY``; then the
library search in-process. Reports wall time and peak resident memory per step.
Goals: first build < 30 s on 2 cores, cached rebuild < 3 s, a search < 100 ms, and a
5,000-article workspace built in under 1 GB peak memory.

``--tiny N`` (repeatable; needs no ../shared) measures the other extreme, many small files
(issue 14, item 17): N generated files of about 200 bytes each, then ``briefing list`` (walk,
read, library inserts) and ``briefing build`` (the first ``sources.max_articles`` analysed),
cold then warm, with wall time and peak resident memory. Memory should stay about flat
as N grows: files are streamed into the library, not held all at once.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus" / "bbc_news_2225.jsonl"
WORK = HERE / ".work" / "scale"
# `list` may not be registered in briefing.cli yet: register it for the run if needed.
RUN_CLI = (
    "import sys\n"
    "from briefing.cli import main\n"
    "if 'list' not in main.commands:\n"
    "    from briefing.cli_sources import add, list_articles\n"
    "    main.add_command(add)\n"
    "    main.add_command(list_articles)\n"
    "main()\n"
)


def splice(rows: list[dict[str, str]], total: int) -> list[dict[str, str]]:
    """``rows`` plus spliced articles up to ``total``: each joins the opening sentences of
    one article to the closing sentences of another of the same category.

    Each part is at most 45% of the shorter source's words, so a spliced article shares at
    most about half of its text with either source (or with another splice), well under the
    near-duplicate thresholds of :mod:`briefing.dedupe` (5-word shingle Jaccard 0.5,
    containment 0.85): at 5,000 articles 184 are collapsed, against 169 in the BBC corpus
    alone. Its lead sentences and statements are reprinted
    from the first source, as wire copy is, which exercises the merging of key points and
    of statements across articles.
    """
    by_category: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_category.setdefault(row["category"], []).append(row)
    position = {row["id"]: i for group in by_category.values() for i, row in enumerate(group)}
    out = list(rows)
    for k in range(total - len(rows)):
        head = rows[k % len(rows)]
        group = by_category[head["category"]]
        step = 1 + k // len(rows)  # another partner on every pass over the corpus
        tail = group[(position[head["id"]] + step) % len(group)]
        first, second = _SENTENCE_END.split(head["text"]), _SENTENCE_END.split(tail["text"])
        budget = 0.45 * min(len(head["text"].split()), len(tail["text"].split()))
        text = " ".join(_within(first, budget)) + "\n\n" + " ".join(
            reversed(_within(second[::-1], budget))
        )
        title = f"{head['title']} / {tail['title']}"
        out.append({"id": f"{head['id']}-x{step}", "category": head["category"],
                    "title": title, "text": text})  # fmt: skip
    return out


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'A-Z0-9])")


def _within(sentences: list[str], budget: float) -> list[str]:
    """The leading ``sentences`` that fit in ``budget`` words (at least one)."""
    kept: list[str] = []
    words = 0
    for sentence in sentences:
        words += len(sentence.split())
        if kept and words > budget:
            break
        kept.append(sentence)
    return kept


def write_workspace(limit: int | None, total: int | None = None) -> int:
    """The corpus as one front-matter Markdown file per article; returns how many.

    With ``total`` above the corpus size, spliced articles (:func:`splice`) fill the rest.
    """
    if WORK.exists():
        shutil.rmtree(WORK)
    (WORK / "sources").mkdir(parents=True)
    (WORK / "briefing.toml").write_text(
        '[memo]\ntitle = "Scale test"\n\n[sources]\npaths = ["sources"]\n', encoding="utf-8"
    )
    rows = [json.loads(line) for line in CORPUS.read_text("utf-8").splitlines() if line.strip()]
    rows = rows[:limit] if limit else rows
    if total and total > len(rows):
        rows = splice(rows, total)
    for row in rows:
        title = json.dumps(row["title"], ensure_ascii=False)
        body = f"---\ntitle: {title}\noutlet: BBC News\n---\n\n{row['text']}\n"
        (WORK / "sources" / f"{row['id']}.md").write_text(body, encoding="utf-8")
    return len(rows)


_TINY_PROSE = (
    "minister talks harbour port grain deal council envoy border treaty vote budget trade "
    "plan summit court energy fishing rights tariff shipping corridor aid reform ceasefire "
    "the a of and to in on for with by from about after before over under between against "
    "new old long short early late public private local national foreign central regional "
    "government parliament ministry agency office union bank army navy police press media "
    "report statement proposal agreement dispute conflict crisis election campaign policy "
    "water food fuel gas oil power steel wheat fish timber cargo ships trucks trains roads "
    "said agreed rejected warned welcomed discussed signed delayed blocked approved joined "
    "monday tuesday wednesday thursday friday weekend morning evening week month year"
)
_TINY_WORDS = _TINY_PROSE.split()
_TINY_WHO = ("Polish", "Latvian", "Swedish", "Norwegian", "French", "Italian", "Greek")
_TINY_CITY = ("Warsaw", "Riga", "Stockholm", "Oslo", "Paris", "Rome", "Athens")


def write_tiny_workspace(count: int) -> int:
    """``count`` generated articles of about 200 bytes, spread over folders of 1,000."""
    import random

    rng = random.Random(count)
    if WORK.exists():
        shutil.rmtree(WORK)
    (WORK / "sources").mkdir(parents=True)
    (WORK / "briefing.toml").write_text(
        '[memo]\ntitle = "Tiny files"\n\n[sources]\npaths = ["sources"]\n', encoding="utf-8"
    )
    for n in range(count):
        folder = WORK / "sources" / f"{n // 1000:04d}"
        if n % 1000 == 0:
            folder.mkdir()
        k = rng.randrange(len(_TINY_WHO))
        words = " ".join(rng.choice(_TINY_WORDS) for _ in range(18))
        body = (
            f"# Note {n}\n\nThe {_TINY_WHO[k]} minister said {words}. "
            f"{_TINY_CITY[k]} agreed on item {n}.\n"
        )
        (folder / f"n{n:06d}.md").write_text(body, encoding="utf-8")
    return count


def tiny(counts: list[int], list_only: bool = False) -> None:
    """Time and peak memory of list and build over many ~200-byte files."""
    steps = [
        ("list (cold: walk, read, insert)", ("list",)),
        ("list (warm)", ("list",)),
        ("build (warm read, analyses cold)", ("build", "-o", "memo.md", "--force")),
        ("build (all cached)", ("build", "-o", "memo.md", "--force")),
    ]
    for count in counts:
        write_tiny_workspace(count)
        time.sleep(2.1)  # files younger than 2 s are not cached (they may still be changing)
        print(f"tiny: {count:,} files of about 200 bytes")
        for name, args in steps[:2] if list_only else steps:
            wall, peak, _ = run(*args)
            print(f"  {name:<38} {wall:7.2f} s   peak RSS {peak:7.0f} MiB")
    shutil.rmtree(WORK)


def run(*args: str) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MiB) and output of one ``briefing`` run in the workspace.

    The child is reaped with ``os.wait4`` to get its own peak memory (pool workers it
    waited for included), not the maximum over every child so far.
    """
    out_path, err_path = WORK / ".bench-out", WORK / ".bench-err"
    start = time.perf_counter()
    with out_path.open("wb") as out, err_path.open("wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-c", RUN_CLI, *args], cwd=WORK, stdout=out, stderr=err
        )
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    text = err_path.read_text("utf-8") + out_path.read_text("utf-8")
    if proc.returncode:
        sys.exit(f"briefing {' '.join(args)} failed ({proc.returncode}):\n{text}")
    return wall, usage.ru_maxrss / 1024, text


def breakdown() -> None:
    """Where a cached rebuild spends its time, step by step, in this process."""
    from briefing.workspace import Workspace

    os.chdir(WORK)  # as the CLI runs: article paths (part of the cache key) are relative
    start = time.perf_counter()
    ws = Workspace.open(Path("briefing.toml"))
    result = ws.load()
    loaded = time.perf_counter()
    analyses = ws.analyse_all(result.articles)
    analysed = time.perf_counter()
    ws.build(analyses)
    built = time.perf_counter()
    collapsed = sum(len(d) for d in result.duplicates.values())
    print(
        f"cached rebuild in-process: load {loaded - start:.2f} s ({len(result.articles)} articles,"
        f" {collapsed} near-duplicates collapsed), analyse_all {analysed - loaded:.2f} s,"
        f" build_briefing (key points + positions) {built - analysed:.2f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument(
        "--articles", type=int, default=None, help="N articles in all, spliced beyond the corpus"
    )
    parser.add_argument("--query", default="interest rates", help="the search to time")
    parser.add_argument("--keep", action="store_true", help="keep bench/.work/scale afterwards")
    parser.add_argument(
        "--tiny", type=int, action="append", metavar="N", help="N files of ~200 bytes instead"
    )
    parser.add_argument("--list-only", action="store_true", help="with --tiny: no builds")
    options = parser.parse_args()
    if options.tiny:
        tiny(options.tiny, options.list_only)
        return
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is not available (../shared is needed for this benchmark)")
        return
    count = write_workspace(options.limit, options.articles)
    time.sleep(2.1)  # as for a user's files: younger than 2 s they are not cached yet
    print(f"workspace: {count} articles in {WORK / 'sources'} ({os.cpu_count()} cores)")
    steps = [
        ("first build (all analysed)", ("build", "-o", "memo.md", "--force")),
        ("second build (cached)", ("build", "-o", "memo.md", "--force")),
    ]
    for name, args in steps:
        wall, peak, _ = run(*args)
        print(f"{name:<40} {wall:7.2f} s   peak RSS {peak:7.0f} MiB")
    changed = sorted((WORK / "sources").glob("*.md"))[0]
    changed.write_text(changed.read_text("utf-8") + "\nOne more sentence for the test.\n", "utf-8")
    wall, peak, _ = run("build", "-o", "memo.md", "--force")
    print(f"{'rebuild after one article changed':<40} {wall:7.2f} s   peak RSS {peak:7.0f} MiB")
    wall, peak, out = run("list", options.query)
    hits = len(out.strip().splitlines())
    label = f"list {options.query!r} (whole process)"
    print(f"{label:<40} {wall:7.2f} s   peak RSS {peak:7.0f} MiB   {hits} hits")
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"{'peak RSS of any child (RUSAGE_CHILDREN)':<40} {children:7.0f} MiB")

    from briefing.library import search

    times = []
    for _ in range(20):
        start = time.perf_counter()
        ids = search(WORK, options.query)
        times.append(time.perf_counter() - start)
    print(
        f"{'search() in-process, median of 20':<40} {statistics.median(times) * 1000:7.1f} ms"
        f"  {len(ids)} hits"
    )
    breakdown()
    os.chdir(HERE)
    size = sum(p.stat().st_size for p in (WORK / ".briefing").glob("*")) / 2**20
    print(f"library size: {size:.1f} MiB")
    if not options.keep:
        shutil.rmtree(WORK)


if __name__ == "__main__":
    main()
