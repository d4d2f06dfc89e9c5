"""ROUGE and speed of briefing's summariser against LEAD and sumy, in one run.

    python bench/bench_summaries.py [--limit N] [--subset all|even|odd] [--repeat R]
                                    [--no-sumy] [--no-bbc] [--no-cv] [--final]

Single-document: ``../shared/bench/cnndm_dev.jsonl``, 3 sentences per article. Multi-document:
``../shared/bench/multinews_dev.jsonl``, 9 sentences per cluster (LEAD = first sentences of
each document, round robin). ROUGE-1/2/Lsum F1 from Google's ``rouge_score`` with stemming;
for Lsum every summary has one sentence per line. Times are wall-clock and CPU seconds per
100 articles (clusters), best of ``--repeat`` passes, sentence splitting included; sumy is
timed with its own parser and tokenizer (NLTK Punkt from ``../shared/nltk_data``, which only
the sumy runs see). Finally ``summarize`` is timed over the 2,225 BBC News texts.
``--subset even|odd`` keeps every other item. Then (unless ``--no-cv``) the cross-validation
tables of :mod:`summary_cv` over the whole dev sets, which chose the summariser's profiles;
``--final`` adds the untouched final slice (look at it once, after choosing).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shlex
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

from briefing.sentences import make_sentences, split_sentences
from briefing.summary import summarize, summarize_across
from briefing.summary_rank import ARTICLE, CLUSTER, Profile

sys.path.insert(0, str(Path(__file__).resolve().parent))
import summary_cv

SHARED = Path(__file__).resolve().parents[2] / "shared"
NLTK_DATA = SHARED / "nltk_data"
SUMY_METHODS = ("LexRank", "TextRank", "LSA", "Luhn", "SumBasic")

Summariser = Callable[[Any], list[str]]


def load(path: Path, limit: int | None, subset: str) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    if subset != "all":
        rows = rows[0 if subset == "even" else 1 :: 2]
    return rows[:limit] if limit else rows


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return (
        f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )


@contextlib.contextmanager
def nltk_data() -> Iterator[None]:
    """Let NLTK (hence sumy) find the shared Punkt model for the duration of a sumy run."""
    import nltk

    old = os.environ.get("NLTK_DATA")
    os.environ["NLTK_DATA"] = str(NLTK_DATA)
    nltk.data.path.insert(0, str(NLTK_DATA))
    try:
        yield
    finally:
        nltk.data.path.remove(str(NLTK_DATA))
        if old is None:
            del os.environ["NLTK_DATA"]
        else:
            os.environ["NLTK_DATA"] = old


def sumy_system(method: str, n: int) -> Summariser:
    from sumy.nlp.stemmers import Stemmer
    from sumy.nlp.tokenizers import Tokenizer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.sum_basic import SumBasicSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    classes = {
        "LexRank": LexRankSummarizer,
        "TextRank": TextRankSummarizer,
        "LSA": LsaSummarizer,
        "Luhn": LuhnSummarizer,
        "SumBasic": SumBasicSummarizer,
    }
    summarizer = classes[method](Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    tokenizer = Tokenizer("english")

    def run(text: str) -> list[str]:
        doc = PlaintextParser.from_string(text, tokenizer).document
        return [str(s) for s in summarizer(doc, n)]

    return run


def lead(n: int) -> Summariser:
    def run(text: str) -> list[str]:
        return [s.text for s in make_sentences(text)[:n]]

    return run


def lead_round_robin(n: int) -> Summariser:
    def run(docs: Sequence[str]) -> list[str]:
        split = [make_sentences(d) for d in docs]
        out: list[str] = []
        depth = 0
        while len(out) < n and any(depth < len(s) for s in split):
            out += [s[depth].text for s in split if depth < len(s)][: n - len(out)]
            depth += 1
        return out

    return run


def briefing_multi(n: int) -> Summariser:
    def run(docs: Sequence[str]) -> list[str]:
        split = [make_sentences(d) for d in docs]
        return [split[d][i].text for d, i in summarize_across(split, n)]

    return run


def one_line(text: str) -> str:
    return " ".join(text.split())


def timed(system: Summariser, inputs: Sequence[Any], repeat: int) -> tuple[list[Any], float, float]:
    """Outputs of ``system`` and its best wall-clock and CPU times over ``repeat`` passes.

    The best of several passes is the figure least disturbed by other work on the machine;
    CPU time (all threads of this process) is barely disturbed by it at all.
    """
    if inputs:
        system(inputs[0])  # warm up: lazy loading and caches are not per-article costs
    wall = cpu = float("inf")
    outputs: list[Any] = []
    for _ in range(max(repeat, 1)):
        start, start_cpu = time.perf_counter(), time.process_time()
        outputs = [system(x) for x in inputs]
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    return outputs, wall, cpu


Row = tuple[str, float, float, float, float, float, float]


def evaluate(
    name: str, system: Summariser, inputs: Sequence[Any], refs: Sequence[str], repeat: int
) -> Row:
    from rouge_score import rouge_scorer

    outputs, seconds, cpu = timed(system, inputs, repeat)
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    totals = [0.0, 0.0, 0.0]
    n_words = 0
    for out, ref in zip(outputs, refs, strict=True):
        sents = [one_line(s) for s in out]
        n_words += sum(len(s.split()) for s in sents)
        score = scorer.score(ref, "\n".join(sents))
        for k, key in enumerate(("rouge1", "rouge2", "rougeLsum")):
            totals[k] += score[key].fmeasure
    count = max(len(inputs), 1)
    r1, r2, rl = (100 * t / count for t in totals)
    return name, r1, r2, rl, 100 * seconds / count, 100 * cpu / count, n_words / count


def table(title: str, rows: list[Row]) -> None:
    print(f"\n{title}")
    head = ("system", "R-1", "R-2", "R-Lsum", "s/100", "cpu s/100", "words")
    print("| {:<16} | {:>6} | {:>6} | {:>6} | {:>7} | {:>9} | {:>5} |".format(*head))
    print(f"|{'-' * 18}|{'-' * 8}|{'-' * 8}|{'-' * 8}|{'-' * 9}|{'-' * 11}|{'-' * 7}|")
    for name, r1, r2, rl, sec, cpu, wds in rows:
        print(
            f"| {name:<16} | {r1:6.2f} | {r2:6.2f} | {rl:6.2f} | {sec:7.3f} | {cpu:9.3f} "
            f"| {wds:5.1f} |"
        )
    sys.stdout.flush()


def run_suite(
    title: str,
    systems: list[tuple[str, Summariser]],
    sumy_systems: list[tuple[str, Callable[[], Summariser]]],
    inputs: Sequence[Any],
    sumy_inputs: Sequence[str],
    refs: Sequence[str],
    repeat: int,
) -> None:
    rows = [evaluate(name, fn, inputs, refs, repeat) for name, fn in systems]
    if sumy_systems:
        with nltk_data():
            rows += [
                evaluate(name, make(), sumy_inputs, refs, repeat) for name, make in sumy_systems
            ]
    table(title, rows)
    lexrank = next((r for r in rows if r[0] == "sumy LexRank"), None)
    if lexrank and rows[0][4] > 0 and rows[0][5] > 0:
        print(
            f"speed-up of {rows[0][0]} over sumy LexRank: {lexrank[4] / rows[0][4]:.1f}x "
            f"wall clock, {lexrank[5] / rows[0][5]:.1f}x CPU time"
        )


def cross_validate(use_sumy: bool, final: bool) -> None:
    """The CV tables over the whole dev sets (the final slice left out), and with ``final``
    the final slice: briefing as shipped against the baselines."""
    scorer = summary_cv.Scorer()
    cnn = load(SHARED / "bench" / "cnndm_dev.jsonl", None, "all")
    articles = [
        summary_cv.Item(r["id"], [[s.text for s in make_sentences(r["text"])]], r["summary"])
        for r in cnn
    ]
    lead_only = Profile(100.0, 0.0, 25.0, 1.0, lead_only=True)
    candidates = [*summary_cv.article_grid(), ("lead only, usable sentences", lead_only)]
    summary_cv.cv_report(
        "CV, CNN/DailyMail dev, 3 sentences",
        articles,
        candidates,
        ARTICLE,
        [("LEAD-3", lambda it: it.docs[0][:3])],
        3,
        scorer,
        "lead only, usable sentences",
    )
    news = load(SHARED / "bench" / "multinews_dev.jsonl", None, "all")
    clusters = [
        summary_cv.Item(
            r["id"],
            [[s.text for s in make_sentences(d)] for d in r["docs"]],
            "\n".join(one_line(s) for s in split_sentences(r["summary"])),
        )
        for r in news
    ]
    joined = {r["id"]: "\n\n".join(r["docs"]) for r in news}
    robin = lead_round_robin(9)
    docs = {r["id"]: r["docs"] for r in news}
    baselines: list[tuple[str, Callable[[summary_cv.Item], list[str]]]] = [
        ("LEAD round-robin", lambda it: robin(docs[it.id]))
    ]
    if use_sumy:
        with nltk_data():
            for method in SUMY_METHODS:
                run = sumy_system(method, 9)
                out = {it.id: run(joined[it.id]) for it in clusters}
                baselines.append((f"sumy {method}", lambda it, out=out: out[it.id]))
    summary_cv.cv_report(
        "CV, Multi-News dev, 9 sentences",
        clusters,
        summary_cv.cluster_grid(),
        CLUSTER,
        baselines,
        9,
        scorer,
        None,
    )
    if final:
        summary_cv.final_report(
            "CNN/DailyMail dev",
            articles,
            [
                ("briefing", summary_cv.profile_system(ARTICLE, 3)),
                ("LEAD-3", lambda it: it.docs[0][:3]),
            ],
            scorer,
        )
        summary_cv.final_report(
            "Multi-News dev",
            clusters,
            [("briefing", summary_cv.profile_system(CLUSTER, 9)), *baselines],
            scorer,
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N items")
    parser.add_argument("--subset", choices=("all", "even", "odd"), default="all")
    parser.add_argument("--no-sumy", action="store_true", help="skip the sumy baselines")
    parser.add_argument("--no-bbc", action="store_true", help="skip the BBC timing")
    parser.add_argument(
        "--repeat", type=int, default=3, help="timed passes per system; the best counts"
    )
    parser.add_argument("--no-cv", action="store_true", help="skip the cross-validation tables")
    parser.add_argument(
        "--final",
        action="store_true",
        help="also score the untouched final slice (once, at the end)",
    )
    args = parser.parse_args(argv)

    print("command: " + shlex.join([Path(sys.executable).name, *sys.argv]))
    print(f"date:    {datetime.now(UTC):%Y-%m-%d %H:%M UTC}")
    print(f"machine: {machine()}")
    print(
        f"timing:  best of {args.repeat} passes, wall clock and CPU, sentence splitting included; "
        f"load average at start {os.getloadavg()[0]:.2f}"
    )
    if not (SHARED / "bench").is_dir():
        print(f"skipped: shared benchmark data not found at {SHARED}")
        return 0
    try:
        import rouge_score  # noqa: F401
    except ImportError:
        print("skipped: rouge-score is not installed (pip install -e '.[bench]')")
        return 0
    use_sumy = not args.no_sumy
    if use_sumy:
        try:
            import sumy  # noqa: F401
        except ImportError:
            print("sumy is not installed: sumy baselines skipped")
            use_sumy = False
        if use_sumy and not NLTK_DATA.is_dir():
            print(f"{NLTK_DATA} not found: sumy baselines skipped")
            use_sumy = False

    cnn = load(SHARED / "bench" / "cnndm_dev.jsonl", args.limit, args.subset)
    texts = [r["text"] for r in cnn]
    run_suite(
        f"CNN/DailyMail dev ({len(cnn)} articles, 3 sentences, subset={args.subset})",
        [("briefing", lambda t: summarize(t, 3)), ("LEAD-3", lead(3))],
        [(f"sumy {m}", partial(sumy_system, m, 3)) for m in SUMY_METHODS] if use_sumy else [],
        texts,
        texts,
        [r["summary"] for r in cnn],
        args.repeat,
    )

    news = load(SHARED / "bench" / "multinews_dev.jsonl", args.limit, args.subset)
    clusters = [r["docs"] for r in news]
    run_suite(
        f"Multi-News dev ({len(news)} clusters, 9 sentences, subset={args.subset})",
        [("briefing", briefing_multi(9)), ("LEAD round-robin", lead_round_robin(9))],
        [(f"sumy {m}", partial(sumy_system, m, 9)) for m in SUMY_METHODS] if use_sumy else [],
        clusters,
        ["\n\n".join(c) for c in clusters],
        ["\n".join(one_line(s) for s in split_sentences(r["summary"])) for r in news],
        args.repeat,
    )

    if not args.no_cv:
        cross_validate(use_sumy, args.final)

    bbc_path = SHARED / "corpus" / "bbc_news_2225.jsonl"
    if not args.no_bbc and bbc_path.is_file():
        bbc = [json.loads(line)["text"] for line in bbc_path.read_text("utf-8").splitlines()]
        _, seconds, cpu = timed(lambda text: summarize(text, 3), bbc, args.repeat)
        print(
            f"\nBBC News: summarize(text, 3) over {len(bbc)} texts in {seconds:.2f} s wall clock, "
            f"{cpu:.2f} s CPU ({100 * seconds / len(bbc):.3f} s per 100)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
