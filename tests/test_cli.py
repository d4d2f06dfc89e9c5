"""The command line: every command, its output formats and its documented exit codes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from briefing.cli import main

from .conftest import BODIES, write_article


def run(workspace: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["-c", str(workspace / "briefing.toml"), *args])


@pytest.fixture
def ws(make_workspace: Callable[..., Path]) -> Path:
    return make_workspace()


def test_every_command_has_help() -> None:
    assert isinstance(main, click.Group)
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0 and "briefing memo" in result.output
    for name, command in main.commands.items():
        assert command.help, f"{name} has no help text"
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"{name} {param.opts[-1]} has no help text"
        result = CliRunner().invoke(main, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Usage:" in result.output


def test_every_command_takes_c_after_its_name(ws: Path) -> None:
    """`briefing build -c FILE` as the README shows it, and the same for every command."""
    config = str(ws / "briefing.toml")
    for name in main.commands:
        result = CliRunner().invoke(main, [name, "-c", config, "--help"])
        assert result.exit_code == 0, f"{name}: {result.output}"
        assert "-c, --config" in result.output, name
    result = CliRunner().invoke(main, ["build", "-c", config, "--date", "2024-03-04"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Harbour talks\n")
    result = CliRunner().invoke(main, ["list", "--config", config, "harbour"])
    assert result.exit_code == 0 and "alpha" in result.stdout


def test_build_prints_the_memo(ws: Path) -> None:
    result = run(ws, "build", "--date", "2024-03-04")
    assert result.exit_code == 0, result.output
    memo = result.stdout
    assert memo.startswith("# Harbour talks\n")
    assert "**Date:** 2024-03-04" in memo
    assert "**Prepared by:** Test desk" in memo
    assert "## Key points" in memo and "## Sources" in memo
    assert memo.index("Harbour talks resume") < memo.index("Berlin backs harbour plan")


def test_build_select_orders_the_memo(ws: Path) -> None:
    result = run(ws, "build", "--select", "bravo", "--select", "alpha", "--format", "json")
    data = json.loads(result.stdout)
    assert [a["id"] for a in data["articles"]] == ["bravo", "alpha"]


def test_build_unknown_id_fails(ws: Path) -> None:
    result = run(ws, "build", "--select", "zulu")
    assert result.exit_code == 1
    assert "unknown article id: zulu" in result.stderr


def test_build_json_schema(ws: Path) -> None:
    result = run(ws, "build", "--format", "json", "--date", "2024-03-04", "--title", "T")
    data = json.loads(result.stdout)
    assert data["title"] == "T" and data["date"] == "2024-03-04"
    article = data["articles"][0]
    assert set(article) == {
        "id",
        "path",
        "title",
        "untitled",
        "file",
        "outlet",
        "published",
        "url",
        "summary",
        "also_in",
    }
    assert article["id"] == "alpha" and article["outlet"] == "Coast Courier"
    assert all(isinstance(s, str) for s in article["summary"])
    for point in data["key_points"]:
        assert {"text", "article"} <= set(point)
    for position in data["positions"]:
        assert {"country", "iso3", "kind", "sources", "headline", "statements"} <= set(position)
        for s in position["statements"]:
            assert {"text", "speaker", "speaker_kind", "stance", "claim", "article", "sentence",
                    "last"} <= set(s)
    for line in data["glance"]:
        assert {"country", "iso3", "kind", "claim", "who", "sources", "statement"} <= set(line)


def test_output_file_is_never_overwritten_without_force(ws: Path) -> None:
    target = ws / "memo.md"
    assert run(ws, "build", "-o", str(target)).exit_code == 0
    first = target.read_text(encoding="utf-8")
    target.write_text("analyst's edits", encoding="utf-8")
    refused = run(ws, "build", "-o", str(target))
    assert refused.exit_code == 1
    assert "already exists" in refused.stderr and "--force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "analyst's edits"
    assert run(ws, "build", "-o", str(target), "--force").exit_code == 0
    assert target.read_text(encoding="utf-8") == first


def test_bad_article_is_skipped_with_a_warning(ws: Path) -> None:
    (ws / "sources" / "broken.md").write_bytes(b"\x00\x01\x02binary")
    result = run(ws, "build")
    assert result.exit_code == 0
    assert "skipped" in result.stderr and "broken.md: binary file" in result.stderr
    assert "Harbour talks resume" in result.stdout


def test_an_article_the_attribution_rules_fail_on_keeps_its_summary_and_is_named(
    ws: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A defect of the rules on one article's sentences costs that article's positions,
    said in one warning line, not the build."""
    import briefing.briefing as pipeline

    real = pipeline.find_statements

    def failing(article, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "Paris wanted" in article.text:
            raise ValueError("min() arg is an empty sequence")
        return real(article, *args, **kwargs)

    monkeypatch.setattr(pipeline, "find_statements", failing)
    result = run(ws, "build", "--format", "json")
    assert result.exit_code == 0, result.output
    assert "alpha.md: positions not read (ValueError: min() arg is an empty sequence)" in (
        result.stderr
    )
    data = json.loads(result.stdout)
    titles = [a["title"] for a in data["articles"]]
    assert "Harbour talks resume" in titles and len(titles) > 1
    assert "Traceback" not in result.output


def test_nothing_readable_exits_1(make_workspace: Callable[..., Path]) -> None:
    ws = make_workspace(articles={})
    (ws / "sources" / "empty.txt").write_text("", encoding="utf-8")
    result = run(ws, "build")
    assert result.exit_code == 1
    assert "no readable article" in result.stderr
    assert "Traceback" not in result.output


def test_config_error_exits_2(make_workspace: Callable[..., Path]) -> None:
    ws = make_workspace(config="[summary]\nsentences = 'x'\n")
    result = run(ws, "build")
    assert result.exit_code == 2
    assert "summary.sentences" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_usage_error_exits_2(ws: Path) -> None:
    assert run(ws, "build", "--format", "pdf").exit_code == 2


def test_unknown_template_exits_1(ws: Path) -> None:
    result = run(ws, "build", "--template", "nosuch")
    assert result.exit_code == 1
    assert "nosuch: no such template" in result.stderr


def test_broken_template_exits_1(ws: Path) -> None:
    (ws / "templates").mkdir()
    (ws / "templates" / "bad.md.j2").write_text("{% for x in %}", encoding="utf-8")
    result = run(ws, "build", "--template", "bad")
    assert result.exit_code == 1
    assert "bad.md.j2:1: template syntax error" in result.stderr


def test_workspace_template_wins(ws: Path) -> None:
    (ws / "templates").mkdir()
    (ws / "templates" / "memo.md.j2").write_text("Custom {{ title }}\n", encoding="utf-8")
    assert run(ws, "build").stdout == "Custom Harbour talks\n"
    listing = run(ws, "templates").stdout
    assert "memo" in listing and "workspace" in listing


def test_summarize_text_and_jsonl(ws: Path) -> None:
    text = run(ws, "summarize", "-n", "1")
    assert text.exit_code == 0
    assert "# Harbour talks resume (alpha)" in text.stdout
    lines = run(ws, "summarize", "--format", "jsonl", "-n", "2").stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["id"] for r in records] == ["alpha", "bravo"]
    assert set(records[0]) == {"id", "path", "title", "summary"}
    assert all(len(r["summary"]) <= 2 for r in records)


def test_summarize_across(ws: Path) -> None:
    result = run(ws, "summarize", "--across", "-n", "2", "--format", "jsonl")
    data = json.loads(result.stdout)
    assert len(data["summary"]) == 2
    assert all({"text", "article"} <= set(p) for p in data["summary"])


def test_positions_formats(ws: Path) -> None:
    as_json = json.loads(run(ws, "positions", "--format", "json").stdout)
    assert isinstance(as_json, list)
    assert run(ws, "positions").exit_code == 0


def test_paths_override_the_config_sources(
    ws: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    other = tmp_path_factory.mktemp("other")
    (other / "solo.md").write_text("# Solo\n\nOnly this one.\n", encoding="utf-8")
    data = json.loads(run(ws, "build", str(other), "--format", "json").stdout)
    assert [a["id"] for a in data["articles"]] == ["solo"]


def test_building_explicit_paths_says_which_config_is_used(
    ws: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    path = write_article(elsewhere, "far", *BODIES["bravo"])
    result = run(ws, "build", str(path))
    assert result.exit_code == 0, result.output
    notes = [line for line in result.stderr.splitlines() if str(ws / "briefing.toml") in line]
    assert len(notes) == 1 and notes[0].startswith("briefing: note: memo header")
    assert "Prepared by:** Test desk" in result.stdout
    # Without PATHs the workspace's own sources are built: nothing to point out.
    assert "briefing.toml" not in run(ws, "build").stderr
