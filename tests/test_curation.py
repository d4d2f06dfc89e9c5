"""Curation: the analyst's drops, moves and pins, applied and kept across a reload."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from briefing.cli import main
from briefing.curation import (
    Curation,
    StatementRef,
    apply_curation,
    content_hash,
    curation_from_json,
    curation_to_json,
    load_curation,
    state_path,
)
from briefing.glance import headline
from briefing.models import Analysis, Article, Citation, Position, Sentence, Statement
from briefing.tui.state import SessionState, load_state, save_state
from briefing.workspace import Workspace

TEXT = "Arcadia said one. Arcadia said two. Borduria said three."


def _analysis() -> Analysis:
    article = Article("a", "a.md", "Talks", TEXT)
    starts = [0, 18, 36]
    ends = [17, 35, len(TEXT)]
    sentences = tuple(
        Sentence(i, TEXT[s:e], s, e) for i, (s, e) in enumerate(zip(starts, ends, strict=True))
    )
    return Analysis(article, sentences, (0,), ())


def _stmt(sentence: int, country: str) -> Statement:
    return Statement(f"s{sentence}", country, None, "STATEMENT", (Citation("a", sentence),))


POSITIONS = (
    Position("Arcadia", "ARC", (_stmt(0, "ARC"), _stmt(1, "ARC"))),
    Position("Borduria", "BOR", (_stmt(2, "BOR"),)),
)


def ref(sentence: int, country: str) -> StatementRef:
    return StatementRef(content_hash(_analysis().article), sentence, country)


def test_no_curation_changes_nothing() -> None:
    assert apply_curation(POSITIONS, Curation(), [_analysis()]) == POSITIONS


def test_drop_removes_the_statement_and_an_emptied_country() -> None:
    curation = Curation().toggle_drop(ref(2, "BOR")).toggle_drop(ref(0, "ARC"))
    out = apply_curation(POSITIONS, curation, [_analysis()])
    assert [(p.iso3, [s.sentence for s in p.statements]) for p in out] == [("ARC", [1])]
    restored = curation.toggle_drop(ref(0, "ARC"))
    assert ref(0, "ARC") not in restored.dropped


def test_move_joins_another_country_or_a_new_body() -> None:
    curation = Curation().move(ref(1, "ARC"), "BOR").move(ref(0, "ARC"), "un")
    out = apply_curation(POSITIONS, curation, [_analysis()])
    by = {p.iso3: p for p in out}
    assert [s.sentence for s in by["BOR"].statements] == [2, 1]
    assert by["BOR"].statements[1].country == "BOR"
    assert by["UN"].kind == "body" and "ARC" not in by
    assert by["UN"].country == "United Nations"  # named as grouping names it
    assert not curation.move(ref(1, "ARC"), "ARC").move(ref(0, "ARC"), "ARC")


def test_pin_sets_the_headline_and_follows_a_move() -> None:
    curation = Curation().toggle_pin("ARC", ref(1, "ARC"))
    out = apply_curation(POSITIONS, curation, [_analysis()])
    assert headline(out[0]).sentence == 1 and out[0].pinned == Citation("a", 1)
    assert not curation.toggle_pin("ARC", ref(1, "ARC"))
    moved = Curation().move(ref(1, "ARC"), "BOR").toggle_pin("BOR", ref(1, "ARC"))
    bor = apply_curation(POSITIONS, moved, [_analysis()])[1]
    assert headline(bor).sentence == 1


def test_a_merged_statement_matches_through_any_citation() -> None:
    merged = Statement("s", "ARC", None, "STATEMENT", (Citation("b", 5), Citation("a", 0)))
    out = apply_curation(
        (Position("Arcadia", "ARC", (merged,)),), Curation().toggle_drop(ref(0, "ARC")),
        [_analysis()],
    )
    assert out == ()


def test_curation_survives_the_session_file(tmp_path: Path) -> None:
    curation = (
        Curation().toggle_drop(ref(0, "ARC")).move(ref(2, "BOR"), "ARC")
        .toggle_pin("ARC", ref(1, "ARC"))
    )
    assert curation_from_json(json.loads(json.dumps(curation_to_json(curation)))) == curation
    save_state(state_path(tmp_path), SessionState(selected=("a",), curation=curation))
    state, problem = load_state(state_path(tmp_path))
    assert problem is None and state.curation == curation
    assert load_curation(tmp_path) == (curation, None)


def test_a_corrupt_curation_is_ignored_with_a_reason(tmp_path: Path) -> None:
    path = state_path(tmp_path)
    path.parent.mkdir()
    path.write_text('{"curation": {"dropped": [{"article": 1}]}}', encoding="utf-8")
    curation, problem = load_curation(tmp_path)
    assert not curation and problem and "corrupt curation" in problem
    _, problem = load_state(path)
    assert problem and "ignored" in problem


def test_build_honours_the_curation_unless_told_not_to(
    make_workspace: Callable[..., Path],
) -> None:
    root = make_workspace()
    config = str(root / "briefing.toml")
    plain = CliRunner().invoke(main, ["-c", config, "build", "--format", "json"])
    assert plain.exit_code == 0, plain.output
    data = json.loads(plain.stdout)
    first = data["positions"][0]
    statement = first["statements"][0]
    ws = Workspace.open(root / "briefing.toml")
    analyses = ws.analyse_all(ws.load().articles)
    by_id = {a.article.id: a.article for a in analyses}
    key = StatementRef(
        content_hash(by_id[statement["article"]]), statement["sentence"], first["iso3"]
    )
    save_state(state_path(root), SessionState(curation=Curation().toggle_drop(key)))
    curated = CliRunner().invoke(main, ["-c", config, "build", "--format", "json"])
    assert curated.exit_code == 0 and "curation" in curated.stderr
    after = {p["iso3"]: p for p in json.loads(curated.stdout)["positions"]}
    kept = after.get(first["iso3"], {"statements": []})["statements"]
    assert (statement["article"], statement["sentence"]) not in {
        (s["article"], s["sentence"]) for s in kept
    }
    ignored = CliRunner().invoke(main, ["-c", config, "build", "--format", "json", "--no-curation"])
    assert json.loads(ignored.stdout) == data
    listed = CliRunner().invoke(main, ["-c", config, "positions", "--format", "json"])
    assert json.loads(listed.stdout) == json.loads(curated.stdout)["positions"]
