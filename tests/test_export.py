"""Export options of `briefing build`: footnotes, --since, --save-json, pandoc, clipboard."""

from __future__ import annotations

import base64
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from briefing import export
from briefing.cli import main

from .conftest import BODIES


def run(workspace: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["-c", str(workspace / "briefing.toml"), *args])


@pytest.fixture
def ws(make_workspace: Callable[..., Path]) -> Path:
    return make_workspace()


def test_footnote_citations(ws: Path) -> None:
    memo = run(ws, "build", "--citations", "footnotes").stdout
    assert "[^1]: Coast Courier, “Harbour talks resume”, 2024-03-01." in memo
    assert "[^2]: Rhine Daily" in memo
    assert "\n1. Coast Courier" not in memo
    numbered = run(ws, "build", "--citations", "numbered", "--format", "json").stdout
    cited = [
        (s["citations"][0]["article"], s["citations"][0]["sentence"] + 1)
        for p in json.loads(numbered)["positions"]
        for s in p["statements"]
    ]
    assert cited
    number = {"alpha": 1, "bravo": 2}
    for article, sentence in cited:  # every statement keeps its sentence number
        assert f"[^{number[article]}] s. {sentence}" in memo


def test_save_json_then_since_marks_only_new_things(ws: Path) -> None:
    first = ws / "monday.md"
    assert (
        run(
            ws, "build", str(ws / "sources" / "alpha.md"), "-o", str(first), "--save-json"
        ).exit_code
        == 0
    )
    previous = json.loads((ws / "monday.json").read_text(encoding="utf-8"))
    assert previous["articles"][0]["id"] == "alpha"
    result = run(ws, "build", "--since", str(ws / "monday.json"), "--format", "markdown")
    assert result.exit_code == 0, result.output
    memo = result.stdout
    assert "Changes since the briefing of" in memo
    # Whatever alpha said is old news; statements from bravo (Germany) are new.
    for line in memo.splitlines():
        if "Anne Morel" in line or "Morel" in line.split("**")[1:2]:
            assert "*(new)*" not in line
    if "### Germany" in memo:
        assert "### Germany *(new)*" in memo


def test_since_needs_a_briefing_json(ws: Path) -> None:
    (ws / "junk.json").write_text("[1, 2]", encoding="utf-8")
    result = run(ws, "build", "--since", str(ws / "junk.json"))
    assert result.exit_code == 1 and "not a briefing JSON file" in result.stderr
    result = run(ws, "build", "--since", str(ws / "absent.json"))
    assert result.exit_code == 1 and "previous briefing not found" in result.stderr


def test_save_json_refuses_to_overwrite_either_file(ws: Path) -> None:
    (ws / "memo.json").write_text("{}", encoding="utf-8")
    result = run(ws, "build", "-o", str(ws / "memo.md"), "--save-json")
    assert result.exit_code == 1 and "memo.json: already exists" in result.stderr
    assert not (ws / "memo.md").exists()


def test_save_json_needs_an_output_file(ws: Path) -> None:
    assert run(ws, "build", "--save-json").exit_code == 2


def test_bad_date_is_a_usage_error(ws: Path) -> None:
    assert run(ws, "build", "--date", "23/11/2026").exit_code == 2


def test_pandoc_formats(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if shutil.which("pandoc"):
        result = run(ws, "build", "--format", "html")
        assert result.exit_code == 0 and "<h1" in result.stdout
    monkeypatch.setattr(export.shutil, "which", lambda name: None)
    result = run(ws, "build", "--format", "html")
    assert result.exit_code == 1
    assert "needs pandoc, which is not installed" in result.stderr
    assert run(ws, "build", "--format", "docx").exit_code == 2  # docx needs -o


def test_copy_uses_the_clipboard(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copied: list[str] = []

    def fake_copy(text: str) -> str:
        copied.append(text)
        return "a test clipboard"

    monkeypatch.setattr("briefing.cli.copy_to_clipboard", fake_copy)
    result = run(ws, "build", "--copy")
    assert result.exit_code == 0
    assert copied and copied[0].startswith("# Harbour talks")
    assert result.stdout == ""
    assert "copied the memo with a test clipboard" in result.stderr


def test_osc52_sequence_carries_the_text() -> None:
    seq = export.osc52("memo ✓")
    assert seq.startswith("\x1b]52;c;") and seq.endswith("\x07")
    assert base64.b64decode(seq[7:-1]).decode("utf-8") == "memo ✓"


def test_output_is_deterministic(ws: Path) -> None:
    a = run(ws, "build", "--date", "2024-01-01").stdout
    b = run(ws, "build", "--date", "2024-01-01").stdout
    assert a == b and BODIES["alpha"][0] in a


def test_save_json_never_replaces_the_memo(ws: Path) -> None:
    target = ws / "brief.json"
    result = run(ws, "build", "--format", "markdown", "-o", str(target), "--save-json")
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("# Harbour talks")
    assert json.loads((ws / "brief.json.json").read_text(encoding="utf-8"))["title"]


def test_output_must_name_a_file(ws: Path) -> None:
    result = run(ws, "build", "-o", str(ws), "--save-json")
    assert result.exit_code == 2 and "not a folder" in result.stderr
