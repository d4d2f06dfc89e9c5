"""Golden files: the sample workspace's memo, byte for byte, per template and as JSON.

After an intended change of output run ``make golden`` and review the diff like code.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden"
CASES = [
    ("memo.md", ["--template", "memo"]),
    ("onepager.md", ["--template", "onepager"]),
    ("table.md", ["--template", "table"]),
    ("memo.json", ["--format", "json"]),
]


@pytest.mark.parametrize(("name", "args"), CASES, ids=[c[0] for c in CASES])
def test_sample_workspace_golden(
    name: str, args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["build", "--date", "2026-01-01", "--no-curation", *args])
    assert result.exit_code == 0, result.output
    golden = GOLDEN / name
    if os.environ.get("BRIEFING_UPDATE_GOLDEN"):
        golden.write_text(result.stdout, encoding="utf-8", newline="\n")
    assert result.stdout == golden.read_text(encoding="utf-8"), (
        f"run `make golden` if intended: {name}"
    )
