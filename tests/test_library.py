"""The article library: analyses cached by content and code, rebuilt when broken, searched."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

import briefing.briefing
import briefing.parallel
from briefing.codec import decoder, encode
from briefing.library import Library, article_hash, fts_query, library_path, search
from briefing.models import Analysis, Article, Citation, Sentence, Statement
from briefing.workspace import Workspace


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Ids of the articles actually analysed (not served from the cache)."""
    calls: list[str] = []
    real = briefing.briefing.analyse

    def counting(article: Article, **kwargs: object) -> Analysis:
        calls.append(article.id)
        return real(article, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(briefing.parallel, "analyse", counting)
    return calls


def open_ws(root: Path) -> Workspace:
    return Workspace.open(root / "briefing.toml")


def test_codec_round_trip() -> None:
    article = Article("a", "a.md", "T", "Paris said no. Berlin agreed.", "Out", "2024-01-01", "u")
    analysis = Analysis(
        article=article,
        sentences=(Sentence(0, "Paris said no.", 0, 14), Sentence(1, "Berlin agreed.", 15, 29)),
        summary=(1, 0),
        statements=(
            Statement(
                "Paris said no.", "FRA", None, "REJECT", (Citation("a", 0), Citation("b", 3))
            ),
        ),
    )
    assert decoder(Analysis)(encode(analysis)) == analysis


def test_cache_hit_miss_and_invalidation(
    make_workspace: Callable[..., Path], counted: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_workspace()
    ws = open_ws(root)
    articles = ws.load().articles
    first = ws.analyse_all(articles)
    assert counted == ["alpha", "bravo"]
    assert library_path(root).is_file()

    progress: list[tuple[int, int]] = []
    again = open_ws(root).analyse_all(articles, progress=lambda d, t: progress.append((d, t)))
    assert again == first and counted == ["alpha", "bravo"]  # all from the cache
    assert progress == [(1, 2), (2, 2)]

    # A changed article is analysed again; the other one is still cached.
    (root / "sources" / "bravo.md").write_text("# Bravo\n\nBerlin changed its mind.\n", "utf-8")
    open_ws(root).analyse_all(open_ws(root).load().articles)
    assert counted == ["alpha", "bravo", "bravo"]

    # Other analysis settings (summary length) or other code: nothing is reused.
    (root / "briefing.toml").write_text("[summary]\nsentences = 1\n", encoding="utf-8")
    open_ws(root).analyse_all(articles)
    assert counted[3:] == ["alpha", "bravo"]
    monkeypatch.setattr("briefing.library.code_version", lambda: "other-code")
    open_ws(root).analyse_all(articles)
    assert counted[5:] == ["alpha", "bravo"]


def test_garbage_library_is_rebuilt(
    make_workspace: Callable[..., Path], counted: list[str]
) -> None:
    root = make_workspace()
    ws = open_ws(root)
    ws.analyse_all(ws.load().articles)
    path = library_path(root)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.write_bytes(b"this is not a database" * 200)
    analyses = ws.analyse_all(ws.load().articles)
    assert [a.article.id for a in analyses] == ["alpha", "bravo"]
    assert counted == ["alpha", "bravo", "alpha", "bravo"]
    with sqlite3.connect(path) as conn:  # a valid library again
        assert conn.execute("SELECT count(*) FROM analyses").fetchone()[0] == 2
    ws.analyse_all(ws.load().articles)
    assert len(counted) == 4


def test_a_library_from_another_tool_or_schema_is_replaced(
    make_workspace: Callable[..., Path],
) -> None:
    root = make_workspace()
    library_path(root).parent.mkdir()
    with sqlite3.connect(library_path(root)) as conn:
        conn.execute("CREATE TABLE unrelated (x)")
    ws = open_ws(root)
    ws.load()
    assert sorted(search(root, "harbour")) == ["alpha", "bravo"]  # best match first


def test_unwritable_library_is_skipped(
    make_workspace: Callable[..., Path], counted: list[str]
) -> None:
    root = make_workspace()
    (root / ".briefing").write_text("a file where the folder should be", encoding="utf-8")
    ws = open_ws(root)
    assert len(ws.analyse_all(ws.load().articles)) == 2
    assert search(root, "harbour") == []


def test_search_words_prefixes_and_order(make_workspace: Callable[..., Path]) -> None:
    root = make_workspace()
    open_ws(root).load()
    assert search(root, "") == ["alpha", "bravo"]
    assert sorted(search(root, "harbour")) == ["alpha", "bravo"]  # best match first
    assert search(root, "fishing") == ["alpha"]
    assert search(root, "fish") == ["alpha"]  # a prefix, as typed in the TUI filter
    assert search(root, "chancellor berlin") == ["bravo"]
    assert search(root, "Rhine") == ["bravo"]  # the outlet is searched too
    assert search(root, "zebra") == []
    for odd in ('"harbour', "harbour*)", "(harbour:", "^harbour -"):  # no FTS syntax errors
        assert sorted(search(root, odd)) == ["alpha", "bravo"]
    assert search(root, "harbour OR zebra") == []  # words, not operators
    assert fts_query('a "b" c*') == '"a"* "b"* "c"*'


def test_listing_follows_the_sources(make_workspace: Callable[..., Path]) -> None:
    root = make_workspace()
    open_ws(root).load()
    (root / "sources" / "alpha.md").unlink()
    open_ws(root).load()
    assert search(root, "harbour") == ["bravo"]
    with Library.open(root) as library:
        assert [r["id"] for r in library.listing()] == ["bravo"]


def test_explicit_paths_do_not_replace_the_listing(make_workspace: Callable[..., Path]) -> None:
    root = make_workspace()
    open_ws(root).load()
    open_ws(root).load([root / "sources" / "alpha.md"])
    assert search(root) == ["alpha", "bravo"]


def test_country_filter_uses_statements(make_workspace: Callable[..., Path]) -> None:
    root = make_workspace()
    ws = open_ws(root)
    analyses = ws.analyse_all(ws.load().articles)
    by_country: dict[str, set[str]] = {}
    for a in analyses:
        for s in a.statements:
            by_country.setdefault(s.country, set()).add(a.article.id)
    for code, ids in by_country.items():
        assert set(search(root, "", code)) == ids
        assert set(search(root, "harbour", code.lower())) == ids
    assert search(root, "", "ATA") == []


def test_unchanged_files_are_not_read_again(
    make_workspace: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import time

    import briefing.formats
    import briefing.ingest
    from briefing.formats import Parsed

    root = make_workspace()
    old = time.time() - 60
    for path in (root / "sources").iterdir():
        os.utime(path, (old, old))
    first = open_ws(root).load()
    reads: list[str] = []
    real = briefing.formats.read_file

    def reading(data: bytes, path: str, suffix: str | None = None) -> Parsed:
        reads.append(path)
        return real(data, path, suffix)

    monkeypatch.setattr(briefing.ingest, "read_file", reading)
    second = open_ws(root).load()
    assert second.articles == first.articles and reads == []
    (root / "sources" / "alpha.md").write_text("# Alpha\n\nNew text here.\n", encoding="utf-8")
    third = open_ws(root).load()
    assert [Path(r).name for r in reads] == ["alpha.md"]
    assert third.articles[0].text == "New text here."


def test_a_lost_race_between_two_writers_keeps_the_library(
    make_workspace: Callable[..., Path],
) -> None:
    ws = make_workspace()
    articles = Workspace.open(ws / "briefing.toml").load().articles
    with Library.open(ws) as first, Library.open(ws) as second:
        with first.listing_sync() as listing:
            for article in articles:
                listing.add(article, article_hash(article))
        assert second.conn is not None
        # The second writer read the listing before the first wrote it, then inserts the same
        # rows: a UNIQUE conflict, which is a lost race, not a corrupt database.
        with contextlib.suppress(Exception), second._guard() as conn:
            conn.execute(
                "INSERT INTO articles (id, ord, hash) VALUES (?, 0, 'x')", (articles[0].id,)
            )
        assert library_path(ws).exists()
    assert Workspace.open(ws / "briefing.toml").load().articles == articles


def _flip(root: Path, table: str, old: str, new: str) -> int:
    """Change cached rows in place, as a flipped bit on a page would: integrity_check passes."""
    conn = sqlite3.connect(library_path(root), isolation_level=None)
    try:
        changed = conn.execute(
            f"UPDATE {table} SET data = replace(data, ?, ?) WHERE instr(data, ?) > 0",
            (old, new, old),
        ).rowcount
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    return changed


def test_a_flipped_cached_file_is_dropped_and_read_again(
    make_workspace: Callable[..., Path], caplog: pytest.LogCaptureFixture
) -> None:
    import os
    import time

    root = make_workspace()
    old = time.time() - 60
    for path in (root / "sources").iterdir():
        os.utime(path, (old, old))
    first = open_ws(root).load()
    word = first.articles[0].text.split()[1]
    assert _flip(root, "parsed", word, word[:-1] + "e" + word[-1]) >= 1
    with caplog.at_level("WARNING", logger="briefing"):
        second = open_ws(root).load()
    assert second.articles == first.articles
    assert any("does not match its checksum" in r.getMessage() for r in caplog.records)
    caplog.clear()
    with caplog.at_level("WARNING", logger="briefing"):
        assert open_ws(root).load().articles == first.articles  # the entry was rewritten
    assert not caplog.records


def test_a_flipped_cached_analysis_is_dropped_and_made_again(
    make_workspace: Callable[..., Path], counted: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    root = make_workspace()
    ws = open_ws(root)
    articles = ws.load().articles
    first = ws.analyse_all(articles)
    quoted = first[0].sentences[0].text.split()[1]
    assert _flip(root, "analyses", quoted, quoted[:-1] + "e" + quoted[-1]) >= 1
    counted.clear()
    with caplog.at_level("WARNING", logger="briefing"):
        again = ws.analyse_all(articles)
    assert again == first and counted  # recomputed, not misquoted
    assert any("do not match their checksum" in r.getMessage() for r in caplog.records)
    counted.clear()
    assert ws.analyse_all(articles) == first and counted == []  # and stored again


def test_the_cli_names_a_dropped_cache_entry(make_workspace: Callable[..., Path]) -> None:
    from click.testing import CliRunner

    from briefing.cli import main

    root = make_workspace()
    config = str(root / "briefing.toml")
    first = CliRunner().invoke(main, ["-c", config, "summarize"])
    assert first.exit_code == 0 and "checksum" not in first.stderr
    assert _flip(root, "analyses", "Officials", "Offiicals") >= 1
    second = CliRunner().invoke(main, ["-c", config, "summarize"])
    assert second.exit_code == 0 and second.stdout == first.stdout
    assert "briefing: warning: " in second.stderr and "checksum" in second.stderr


def test_storing_many_analyses_streams_their_rows(tmp_path: Path) -> None:
    """put_analyses serialises one analysis at a time: memory does not grow with their count."""
    import json
    import tracemalloc

    text = "The Polish minister said Warsaw agreed to the plan on Friday. " * 20
    analyses = [
        Analysis(
            Article(f"a{n}", f"a{n}.md", "T", text),
            tuple(Sentence(i, "The Polish minister said Warsaw agreed.", 0, 38) for i in range(20)),
            (0, 1),
            (),
        )
        for n in range(2000)
    ]
    total = sum(len(json.dumps(encode(a))) for a in analyses)
    with Library.open(tmp_path) as library:
        tracemalloc.start()
        try:
            library.put_analyses((f"k{i}", a) for i, a in enumerate(analyses))
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert len(library.get_analyses(["k0", "k1999"])) == 2
    assert peak < total / 10, (peak, total)


@pytest.fixture
def derived_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the whole-set steps actually computed (not served from the library)."""
    calls: list[str] = []
    points, grouped = briefing.briefing.key_points, briefing.briefing.positions_of
    unrelated = briefing.briefing.set_aside

    def counting_points(*args: object) -> object:
        calls.append("key_points")
        return points(*args)  # type: ignore[arg-type]

    def counting_positions(*args: object) -> object:
        calls.append("positions")
        return grouped(*args)  # type: ignore[arg-type]

    def counting_aside(*args: object) -> object:
        calls.append("set_aside")
        return unrelated(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(briefing.briefing, "key_points", counting_points)
    monkeypatch.setattr(briefing.briefing, "set_aside", counting_aside)
    monkeypatch.setattr(briefing.briefing, "positions_of", counting_positions)
    return calls


def test_key_points_and_positions_are_kept_for_the_same_set(
    make_workspace: Callable[..., Path], derived_calls: list[str]
) -> None:
    root = make_workspace()
    ws = open_ws(root)
    analyses = ws.analyse_all(ws.load().articles)
    first = ws.build(analyses, date="2024-01-01")
    assert sorted(derived_calls) == ["key_points", "positions", "set_aside"]
    again = open_ws(root).build(analyses, date="2024-01-01")
    assert again == first and len(derived_calls) == 3  # all served from the library
    assert ws.render(again) == ws.render(first)

    # Another order of the same articles is another memo: all are made again.
    flipped = open_ws(root).build(analyses[::-1], date="2024-01-01")
    assert len(derived_calls) == 6 and flipped.key_points is not None


def test_kept_results_follow_articles_settings_and_code(
    make_workspace: Callable[..., Path], derived_calls: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_workspace()
    ws = open_ws(root)
    ws.build(ws.analyse_all(ws.load().articles))
    assert len(derived_calls) == 3

    # One article changed: its analysis key changes, so does the set's digest.
    (root / "sources" / "bravo.md").write_text("# Bravo\n\nBerlin changed its mind.\n", "utf-8")
    ws = open_ws(root)
    ws.build(ws.analyse_all(ws.load().articles))
    assert len(derived_calls) == 6

    # A step's own parameter: fewer key points is a miss for key points only.
    (root / "briefing.toml").write_text("[summary]\nkey_points = 2\n", encoding="utf-8")
    ws = open_ws(root)
    analyses = ws.analyse_all(ws.load().articles)
    ws.build(analyses)
    assert derived_calls[6:] == ["key_points"]

    # Other code: nothing is reused.
    monkeypatch.setattr("briefing.library.code_version", lambda: "other-code")
    monkeypatch.setattr("briefing.derived.code_version", lambda: "other-code")
    open_ws(root).build(analyses)
    assert sorted(derived_calls[7:]) == ["key_points", "positions", "set_aside"]


def test_a_damaged_kept_result_is_made_again(
    make_workspace: Callable[..., Path], derived_calls: list[str]
) -> None:
    root = make_workspace()
    ws = open_ws(root)
    analyses = ws.analyse_all(ws.load().articles)
    first = ws.build(analyses, date="2024-01-01")
    with contextlib.closing(sqlite3.connect(library_path(root))) as conn:
        conn.execute("UPDATE derived SET data = '[[\"x\"]]'")  # checksum no longer matches
        conn.commit()
    assert ws.build(analyses, date="2024-01-01") == first
    assert len(derived_calls) == 6
