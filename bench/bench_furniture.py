"""The furniture check: how much page furniture reaches the memo, and how well cleaning finds it.

    python bench/bench_furniture.py [--final] [--folds K] [--show] [--cross-fit]

Documents (see bench/furniture_data.py) are Multi-News dev articles and a hashed sample of BBC
articles, each read as a ``.txt`` file through the real ingest; every line carries a label
written by reading it (bench/data/furniture_labels.jsonl: furniture, headline, fragment,
credit, tweet or ok; offsets and hashes only). Two figures, per fold of clusters:

* **memo share**: of the summary sentences (``analyse``) and key points (``key_points`` over
  the cluster), the share taken from a line labelled furniture, headline or fragment, or still
  carrying a tweet signature or a dateline credit. Goal <= 3%.
* **cleaner precision/recall** on lines: furniture and headline lines should be removed (the
  positive class); ok, credit and tweet lines kept (their credit or signature removed).

Dev clusters are split into ``--folds`` folds by hash; ``--final`` reports the untouched
final slice (25% of clusters by hash) instead, and is meant to be run once, at the end.
``--cross-fit`` scores each dev fold with a prose model (:mod:`briefing.prose_model`) fitted
on the other folds (``bench/train_prose_model.py``), as the shipped one was fitted on all of
them: the dev figure for sentences the model never saw.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ftfy
import numpy as np
from furniture_data import BBC, Doc, docs, fold, is_final, lines, load_labels, short_hash

from briefing.briefing import analyse, set_aside
from briefing.errors import ArticleError
from briefing.ingest import parse_file
from briefing.models import Analysis, Article
from briefing.summary import key_points

BAD = ("furniture", "headline", "fragment")
_SIGNATURE = re.compile(r"\(@\w+\)\s+\w+\.? \d{1,2}, \d{4}")


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    label: str
    key: str  # normalised text, for finding the line again after cleaning
    credit: str = ""  # normalised dateline or credit the line starts with


def norm(text: str) -> str:
    """Text reduced to lower-case letters and digits, so cleaning's repairs do not matter."""
    return re.sub(r"[^a-z0-9]+", "", ftfy.fix_text(text).lower())


def labelled(doc: Doc, rows: dict[tuple[str, int], dict[str, object]]) -> list[Line]:
    out = []
    for start, end, text in lines(doc):
        row = rows.get((doc.id, start))
        if row is None:
            continue
        if row["hash"] != short_hash(text) or row["end"] != end:
            raise SystemExit(f"{doc.id}@{start}: the shared text changed; labels are stale")
        cut = int(row.get("cut", 0))  # type: ignore[call-overload]
        out.append(Line(start, end, str(row["label"]), norm(text[cut:]), norm(text[:cut])))
    return out


def read(doc: Doc) -> Article | None:
    name = re.sub(r"[^A-Za-z0-9-]+", "_", doc.id) + ".txt"
    try:
        articles, _ = parse_file(doc.text.encode("utf-8"), name, set())
    except ArticleError:
        return None
    return articles[0] if articles else None


def line_of(sentence: str, doc_lines: Sequence[Line]) -> Line | None:
    """The labelled line a memo sentence was taken from (its longest normalised piece)."""
    key = norm(sentence)
    if not key:
        return None
    whole = [line for line in doc_lines if key in line.credit + line.key]
    if whole:  # the shortest line holding it all (a short sentence may occur in several)
        return min(whole, key=lambda line: len(line.key))
    inside = [line for line in doc_lines if len(line.key) >= 12 and line.key in key]
    if inside:
        return max(inside, key=lambda line: len(line.key))
    probe = key[: max(12, len(key) // 3)]
    return next((line for line in doc_lines if probe in line.key), None)


def verdict(sentence: str, line: Line | None) -> str:
    if line is None:
        return "unmatched"
    if line.label in BAD:
        return line.label
    if line.label == "tweet" and _SIGNATURE.search(sentence):
        return "signature"
    if line.label == "credit" and line.credit and norm(sentence).startswith(line.credit):
        return "credit"
    return "ok"


def memo_verdicts(cluster: Sequence[tuple[Doc, list[Line], Article]]) -> Counter[str]:
    analyses: list[Analysis] = [analyse(article) for _, _, article in cluster]
    by_id = {a.article.id: (lines_, a) for (_, lines_, _), a in zip(cluster, analyses, strict=True)}
    aside = set_aside(analyses)  # as build_briefing does: no summary, no key point
    out: Counter[str] = Counter()
    for (_, doc_lines, _), analysis in zip(cluster, analyses, strict=True):
        if analysis.article.id in aside:
            out[f"set aside:{not_an_article(doc_lines)}"] += 1
            continue
        for i in analysis.summary:
            text = analysis.sentences[i].text
            v = verdict(text, line_of(text, doc_lines))
            out["summary:" + v] += 1
            out[f"no article:{not_an_article(doc_lines)}:{v == 'ok'}"] += 1
    for point in key_points([a for a in analyses if a.article.id not in aside], 5):
        doc_lines, _ = by_id[point.citations[0].article]
        v = verdict(point.text, line_of(point.text, doc_lines))
        out["key point:" + v] += 1
        out[f"no article:{not_an_article(doc_lines)}:{v == 'ok'}"] += 1
    return out


def not_an_article(doc_lines: Sequence[Line]) -> bool:
    """A page with no line of prose at all (an archive notice, a video page)."""
    return not any(line.label in ("ok", "credit", "tweet") for line in doc_lines)


def kept_keys(article: Article | None) -> tuple[set[str], str]:
    if article is None:
        return set(), ""
    return {norm(p) for p in article.text.split("\n\n")}, norm(article.text)


def is_kept(line: Line, keys: set[str], body: str) -> bool:
    """Whether the cleaned body still has ``line`` (as a paragraph, or inside one if long)."""
    return line.key in keys or (len(line.key) >= 40 and line.key in body)


def cleaner_counts(doc: Doc, doc_lines: Sequence[Line], article: Article | None) -> Counter[str]:
    keys, body = kept_keys(article)
    out: Counter[str] = Counter()
    for line in doc_lines:
        if line.label in ("fragment", "tweet") or not line.key:
            continue
        kept = is_kept(line, keys, body)
        positive = line.label in ("furniture", "headline")
        out[("tp" if not kept else "fn") if positive else ("fp" if not kept else "tn")] += 1
    return out


def clusters(final: bool) -> dict[str, list[tuple[Doc, list[Line], Article]]]:
    rows = {(str(r["doc"]), int(r["start"])): r for r in load_labels()}  # type: ignore[call-overload]
    out: dict[str, list[tuple[Doc, list[Line], Article]]] = defaultdict(list)
    for doc in docs():
        if is_final(doc.cluster) != final:
            continue
        article = read(doc)
        doc_lines = labelled(doc, rows)
        if article is not None:
            out[doc.cluster].append((doc, doc_lines, article))
        else:
            out[doc.cluster].append((doc, doc_lines, Article("", "", "", "")))
    return out


def share(counts: Counter[str], kind: str) -> tuple[float, int]:
    total = sum(v for k, v in counts.items() if k.startswith(kind + ":"))
    bad = sum(v for k, v in counts.items() if k.startswith(kind + ":") and not k.endswith(":ok"))
    return (100.0 * bad / total if total else 0.0), total


def prf(counts: Counter[str]) -> tuple[float, float]:
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    precision = 100.0 * tp / (tp + fp) if tp + fp else 100.0
    return precision, (100.0 * tp / (tp + fn) if tp + fn else 100.0)


def report(name: str, memo: Counter[str], lines_: Counter[str]) -> str:
    s, ns = share(memo, "summary")
    k, nk = share(memo, "key point")
    both = (s * ns + k * nk) / (ns + nk) if ns + nk else 0.0
    p, r = prf(lines_)
    return (
        f"{name:<10} memo {both:5.1f}%  (summaries {s:5.1f}% of {ns:3d}, key points {k:5.1f}% "
        f"of {nk:3d})   cleaner P {p:5.1f}  R {r:5.1f}  (fp {lines_['fp']}, fn {lines_['fn']})"
    )


def held_out_model(k: int, folds: int) -> None:
    """Replace the shipped prose model by one fitted, as it was, on every dev fold but ``k``,
    so the dev memo share is measured on sentences the model never saw."""
    import train_prose_model as train

    from briefing import prose_model

    shipped = prose_model.model()
    if shipped is None:
        return
    data = train.dataset()
    keep = np.asarray([fold(c, folds) != k for c in data.clusters])
    fitted = train.fit(*data.rows(keep), train.chosen_penalty())
    model = replace(fitted, threshold=shipped.threshold, page_threshold=shipped.page_threshold)
    prose_model.model = lambda: model  # type: ignore[assignment]


def run(final: bool, folds: int, show: bool, cross_fit: bool = False) -> None:
    data = clusters(final)
    if not data:
        print("../shared not found: nothing to check")
        return
    groups: dict[str, list[str]] = defaultdict(list)
    for cluster in data:
        groups["final" if final else f"fold {fold(cluster, folds) + 1}"].append(cluster)
    total_memo: Counter[str] = Counter()
    total_lines: Counter[str] = Counter()
    shares = []
    for name in sorted(groups):
        if cross_fit:
            held_out_model(int(name.split()[-1]) - 1, folds)
        memo: Counter[str] = Counter()
        line_counts: Counter[str] = Counter()
        for cluster in groups[name]:
            items = data[cluster]
            memo += memo_verdicts([i for i in items if i[2].id])
            for doc, doc_lines, article in items:
                line_counts += cleaner_counts(doc, doc_lines, article if article.id else None)
        print(report(name, memo, line_counts))
        if show:  # with this fold's model in place, when cross-fitting
            show_bad({c: data[c] for c in groups[name]})
        total_memo += memo
        total_lines += line_counts
        s, ns = share(memo, "summary")
        k, nk = share(memo, "key point")
        shares.append((s * ns + k * nk) / (ns + nk) if ns + nk else 0.0)
    print(report("all", total_memo, total_lines))
    if len(shares) > 1:
        print(f"fold spread of the memo share: {min(shares):.1f}–{max(shares):.1f}%")
    kinds = Counter(
        {
            k: v
            for k, v in total_memo.items()
            if not k.endswith(":ok") and "article" not in k and "aside" not in k
        }
    )
    print("bad memo sentences by kind:", dict(sorted(kinds.items())))
    junk = total_memo["no article:True:False"] + total_memo["no article:True:True"]
    prose = total_memo["no article:False:True"] + total_memo["no article:False:False"]
    bad = total_memo["no article:False:False"]
    print(
        f"memo sentences from pages without any prose (archive notices, video pages): {junk}; "
        f"on pages with prose, {100.0 * bad / max(1, prose):.1f}% are bad ({bad} of {prose})"
    )
    print(
        f"pages set aside as off topic (briefing.coherence): {total_memo['set aside:True']} "
        f"without prose, {total_memo['set aside:False']} with prose"
    )


def show_bad(data: dict[str, list[tuple[Doc, list[Line], Article]]]) -> None:
    """Print the offending sentences (for the developer's eyes; never stored)."""
    for items in data.values():
        analyses = {a.id: analyse(a) for _, _, a in items if a.id}
        aside = set_aside(list(analyses.values()))
        for doc, doc_lines, article in items:
            if not article.id:
                continue
            analysis = analyses[article.id]
            if article.id in aside:
                print(f"  [set aside{'' if not_an_article(doc_lines) else ', has prose'}] {doc.id}")
            for i in () if article.id in aside else analysis.summary:
                text = analysis.sentences[i].text
                v = verdict(text, line_of(text, doc_lines))
                if v != "ok":
                    print(f"  [{v}] {doc.id}: {text[:140]}")
            keys, body = kept_keys(article)
            for line in doc_lines:
                if line.label in ("fragment", "tweet") or not line.key:
                    continue
                kept = is_kept(line, keys, body)
                if kept == (line.label in ("furniture", "headline")):
                    what = "kept " if kept else "dropped "
                    print(
                        f"  [{what}{line.label}] {doc.id}: {doc.text[line.start : line.end][:100]}"
                    )
        lines_by_id = {a.id: (d, ls) for d, ls, a in items if a.id}
        usable = [a for i, a in analyses.items() if i not in aside]
        for point in key_points(usable, 5):
            doc, doc_lines = lines_by_id[point.citations[0].article]
            v = verdict(point.text, line_of(point.text, doc_lines))
            if v != "ok":
                print(f"  [key point {v}] {doc.id}: {point.text[:140]}")


def bbc_titles(step: int = 7, count: int = 297) -> None:
    """BBC articles as ``.txt`` files (title line first): is the heading read as the title
    only, never again as a summary sentence, and is the mojibake ("Â£") repaired?"""
    if not BBC.is_file():
        return
    rows = [json.loads(x) for x in BBC.read_text("utf-8").splitlines()][::step][:count]
    repeated = titled = mojibake = 0
    for row in rows:
        data = f"{row['title']}\n\n{row['text']}".encode()
        article = parse_file(data, f"{row['id']}.txt", set())[0][0]
        analysis = analyse(article)
        heading = norm(row["title"])
        repeated += any(heading in norm(analysis.sentences[i].text) for i in analysis.summary)
        titled += norm(article.title) == heading
        mojibake += article.text.count("Â") + article.title.count("Â")
    print(
        f"BBC as .txt (every {step}th, {len(rows)}): summaries repeating their heading "
        f"{repeated}, headings taken as the title {titled}, 'Â' left {mojibake}"
    )


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--final", action="store_true", help="report the untouched final slice")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--show", action="store_true", help="print what was judged bad")
    parser.add_argument(
        "--cross-fit",
        action="store_true",
        help="score each dev fold with a prose model fitted on the other folds",
    )
    args = parser.parse_args(list(argv) if argv is not None else None)
    run(args.final, args.folds, args.show, args.cross_fit and not args.final)
    if not args.final:
        bbc_titles()


if __name__ == "__main__":
    main()
