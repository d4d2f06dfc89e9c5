"""The TUI's Textual-free parts: filter language, selection order, session state, sorting."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from briefing.models import Analysis, Article, Sentence
from briefing.tui.bindings import ACTIONS, check_keymap
from briefing.tui.cache import AnalysisCache
from briefing.tui.filters import matches, parse_query
from briefing.tui.highlight import SUMMARY_STYLE, article_body, article_header
from briefing.tui.selection import Selection
from briefing.tui.sorting import next_sort, sort_articles
from briefing.tui.state import SessionState, load_state, save_state

A = Article("a", "a.md", "Lavrov warns Seoul", "Russia objects to THAAD.", "Reuters", "2017-02-14")
B = Article("b", "b.md", "Grain talks", "Turkey hosts talks.", "AP", "2023-07-20")
C = Article("c", "c.md", "Undated note", "No date here.", "", "")


def test_parse_query_splits_terms() -> None:
    q = parse_query('thaad country:rus,ukr outlet:"New York" after:2017-02-01 before:2018')
    assert q.words == ("thaad",)
    assert q.countries == (("RUS", "UKR"),)
    assert q.outlets == ("new york",)
    assert (q.after, q.before) == ("2017-02-01", "2018")
    assert not q.problems


def test_parse_query_reports_bad_dates_and_forgives_quotes() -> None:
    q = parse_query('after:yesterday country: "unclosed')
    assert q.after == ""
    assert len(q.problems) == 2
    assert q.words == ("unclosed",)
    assert parse_query("http://x.org").words == ("http://x.org",)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"a", "b", "c"}),
        ("lavrov", {"a"}),
        ("LAVROV thaad", {"a"}),
        ("outlet:reuters", {"a"}),
        ("country:RUS", {"a"}),
        ("country:RUS country:TUR", set()),
        ("country:rus,tur", {"a", "b"}),
        ("after:2017-02-14", {"a", "b"}),
        ("after:2017-02-15", {"b"}),
        ("before:2017-02-15", {"a"}),
        ("after:2023", {"b"}),
        ("before:2023-07", {"a"}),
    ],
)
def test_matches(query: str, expected: set[str]) -> None:
    countries = {"a": ("RUS",), "b": ("TUR",), "c": ()}
    q = parse_query(query)
    assert {x.id for x in (A, B, C) if matches(q, x, countries[x.id])} == expected


def test_selection_order_moves_and_retains() -> None:
    s = Selection(["a", "b", "a"])
    assert s.ids == ("a", "b")
    assert s.toggle("c") and s.number("c") == 3
    assert s.move("c", -1) and s.ids == ("a", "c", "b")
    assert not s.move("a", -1)
    assert not s.move("zzz", 1)
    assert not s.toggle("a") and s.ids == ("c", "b") and s.number("b") == 2
    assert s.add(["b", "d"]) == ["d"]
    assert s.retain({"b", "d"}) == ["c"] and s.ids == ("b", "d")
    assert s.remove(["d", "x"]) == ["d"] and s.ids == ("b",)


def test_state_round_trip_and_corrupt_files(tmp_path: Path) -> None:
    path = tmp_path / ".briefing" / "state.json"
    assert load_state(path) == (SessionState(), None)
    state = SessionState(("b", "a"), "country:RUS", "Title [x]", "date")
    save_state(path, state)
    assert load_state(path) == (state, None)
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 1
    for bad in ("{", "[]", '{"selected": [1]}', '{"title": 3}', '{"filter": null}', "\xff"):
        path.write_text(bad, encoding="utf-8")
        fresh, problem = load_state(path)
        assert fresh == SessionState()
        assert problem and "state" in problem
    path.write_bytes(b"\xff\xfe\x00")
    assert load_state(path)[1]


def test_sorting() -> None:
    assert [a.id for a in sort_articles([A, B, C], "date")] == ["b", "a", "c"]
    assert [a.id for a in sort_articles([A, B, C], "title")] == ["b", "a", "c"]
    assert [a.id for a in sort_articles([A, B, C], "outlet")] == ["b", "a", "c"]
    numbers = {"c": 1, "a": 2}
    assert [a.id for a in sort_articles([A, B, C], "memo", memo_number=numbers.get)] == [
        "c",
        "a",
        "b",
    ]
    assert next_sort("file") == "date" and next_sort("memo") == "file"


def test_keymap_check() -> None:
    good, problems = check_keymap((("select", "x"), ("nope", "y")))
    assert good == {"select": "x"}
    assert problems == [
        f"keymap.nope: unknown action (known: {', '.join(a.name for a in ACTIONS)})"
    ]


def test_cache_batches_fall_back_to_one_by_one() -> None:
    calls: list[str] = []

    def one(article: Article) -> Analysis:
        calls.append(article.id)
        if article.id == "c":
            raise ValueError("broken")
        return Analysis(article, (), (), ())

    def many(articles: Sequence[Article], progress: object) -> list[Analysis]:
        raise RuntimeError("one bad article spoils the batch")

    cache = AnalysisCache(one, many)
    done = cache.analyse_many([A, B, C, A])
    assert [a.article.id for a in done] == ["a", "b", "a"]
    assert cache.failure(C) == "ValueError: broken"
    assert cache.analyse(C) is None and cache.get(A) is not None
    assert cache.analyse_many([A, C]) == [cache.get(A)]
    assert calls == ["a", "b", "c"]  # nothing analysed twice, failures not retried


def test_article_views_are_literal_and_keep_offsets() -> None:
    text = "Tabs\there. [bold]Not bold[/bold] \x1b[31mred? Second sentence."
    article = Article("x", "x.md", "[red]Title[/red]", text)
    second = text.index("Second")
    sentences = (
        Sentence(0, text[:second].strip(), 0, second - 1),
        Sentence(1, "", second, len(text)),
    )
    body = article_body(article, Analysis(article, sentences, (1,), ()))
    assert body.plain == text.replace("\t", " ").replace("\x1b", "\N{REPLACEMENT CHARACTER}")
    assert [(s.start, s.end, str(s.style)) for s in body.spans] == [
        (second, len(text), SUMMARY_STYLE)
    ]
    assert article_header(article).plain.startswith("[red]Title[/red]")


@pytest.mark.parametrize("bad", ["[" * 100_000, '{"selected": ' * 50_000, "{", '{"sort": 1}'])
def test_corrupt_state_is_set_aside_not_lost(tmp_path: Path, bad: str) -> None:
    """Deep nesting or a bad shape gives a fresh state and a notice; the file is kept aside."""
    path = tmp_path / ".briefing" / "state.json"
    path.parent.mkdir()
    path.write_text(bad, encoding="utf-8")
    fresh, problem = load_state(path)
    assert fresh == SessionState()
    assert problem and "corrupt session state" in problem and "\n" not in problem
    kept = [p for p in path.parent.iterdir() if p.name.startswith("state.json.corrupt")]
    assert [p.read_text(encoding="utf-8") for p in kept] == [bad]
    assert str(kept[0]) in problem
    save_state(path, SessionState(("a",)))  # the next save never touches the backup
    path.write_text(bad, encoding="utf-8")
    load_state(path)
    kept = [p for p in path.parent.iterdir() if p.name.startswith("state.json.corrupt")]
    assert len(kept) == 2


def test_the_summary_pane_says_when_an_articles_positions_could_not_be_read() -> None:
    from briefing.tui.highlight import summary_text

    sentences = (Sentence(0, "Russia objects to THAAD.", 0, 24),)
    failed = Analysis(A, sentences, (0,), (), "positions not read (ValueError: boom)")
    assert summary_text(failed).plain.endswith(
        "This article's positions not read (ValueError: boom)."
    )
    assert "positions not read" not in summary_text(Analysis(A, sentences, (0,), ())).plain
