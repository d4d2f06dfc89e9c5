"""The rendered memo kept between builds: served again only when nothing it is made of changed.

Each input that shapes ``briefing build``'s output is changed in turn, through the CLI as a
user would, and the memo must be made again (and differ where the input shows in it).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import briefing.workspace
from briefing.cli import main
from briefing.config import Config
from briefing.curation import Curation, StatementRef, content_hash
from briefing.library import library_path
from briefing.rendered import output_key, template_sources
from briefing.templates import TemplateInfo, find_template
from briefing.workspace import Workspace

from .conftest import write_article


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The formats actually rendered (not served from the library), one entry a render."""
    calls: list[str] = []
    real = briefing.workspace.render_output

    def counting(b: Any, fmt: str, **kwargs: Any) -> str | bytes:
        calls.append(fmt)
        return real(b, fmt, **kwargs)

    monkeypatch.setattr(briefing.workspace, "render_output", counting)
    return calls


def build(root: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["build", "-c", str(root / "briefing.toml"), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_rebuild_with_nothing_changed_is_served_and_identical(
    make_workspace: Callable[..., Path], renders: list[str]
) -> None:
    root = make_workspace()
    first = build(root, "--date", "2024-03-04")
    assert renders == ["markdown"]
    assert build(root, "--date", "2024-03-04") == first
    assert renders == ["markdown"]  # served, not rendered
    # A served memo writes back the countries of the listing, as a render does.
    library = library_path(root)
    with contextlib.closing(sqlite3.connect(library)) as conn:
        listed = dict(conn.execute("SELECT id, countries FROM articles"))
        assert any(c.strip() for c in listed.values())
        conn.execute("UPDATE articles SET countries = ''")
        conn.commit()
    assert build(root, "--date", "2024-03-04") == first and len(renders) == 1
    with contextlib.closing(sqlite3.connect(library)) as conn:
        assert dict(conn.execute("SELECT id, countries FROM articles")) == listed


def test_each_input_of_the_memo_is_a_miss(
    make_workspace: Callable[..., Path], renders: list[str]
) -> None:
    root = make_workspace()
    base = ("--date", "2024-03-04")
    outputs = {build(root, *base)}

    def changed(*args: str, differs: bool = True) -> str:
        before = len(renders)
        out = build(root, *args)
        assert len(renders) > before, f"served a stale memo after {args}"
        if differs:
            assert out not in outputs, f"{args} did not change the memo"
        outputs.add(out)
        return out

    changed("--date", "2024-03-05")  # the date (today's by default)
    changed(*base, "--title", "Other title")
    changed(*base, "--citations", "footnotes")
    changed(*base, "--select", "bravo", "--select", "alpha")  # order of the articles
    changed(*base, "--template", "onepager")
    # The config file.
    config = root / "briefing.toml"
    config.write_text(config.read_text("utf-8").replace("Harbour talks", "Port talks"), "utf-8")
    changed(*base)
    # An article's text.
    alpha = root / "sources" / "alpha.md"
    alpha.write_text(alpha.read_text("utf-8").replace("two days", "three days"), "utf-8")
    uncurated = changed(*base)
    # The analyst's curation: drop a statement of the memo.
    positions = json.loads(
        CliRunner().invoke(main, ["positions", "-c", str(config), "--format", "json"]).stdout
    )
    statement = positions[0]["statements"][0]
    ws = Workspace.open(config)
    article = next(a for a in ws.load().articles if a.id == statement["article"])
    ref = {
        "article": content_hash(article),
        "sentence": statement["sentence"],
        "country": positions[0]["iso3"],
    }
    state = root / ".briefing" / "state.json"
    state.write_text(json.dumps({"curation": {"dropped": [ref]}}), "utf-8")
    changed(*base)
    assert changed(*base, "--no-curation", differs=False) == uncurated
    # What a --since compares with.
    previous = root / "previous.json"
    previous.write_text(json.dumps({"title": "t", "date": "2024-03-01", "positions": []}), "utf-8")
    changed(*base, "--since", str(previous))
    previous.write_text(json.dumps({"title": "t", "date": "2024-03-02", "positions": []}), "utf-8")
    changed(*base, "--since", str(previous))


def test_a_template_and_its_includes_are_part_of_the_key(
    make_workspace: Callable[..., Path], renders: list[str]
) -> None:
    root = make_workspace()
    folder = root / "templates"
    folder.mkdir()
    (folder / "mine.md.j2").write_text(
        '# {{ title }}\n{% include "_part.md.j2" %}\n', encoding="utf-8"
    )
    part = folder / "_part.md.j2"
    part.write_text("Part one.\n", encoding="utf-8")
    args = ("--date", "2024-03-04", "--template", "mine")
    assert "Part one." in build(root, *args)
    assert "Part one." in build(root, *args) and len(renders) == 1
    part.write_text("Part two.\n", encoding="utf-8")
    assert "Part two." in build(root, *args) and len(renders) == 2
    # A template named only at run time cannot be keyed: rendered every time.
    (folder / "mine.md.j2").write_text(
        '{% set name = "_part.md.j2" %}# {{ title }}\n{% include name %}\n', encoding="utf-8"
    )
    build(root, *args)
    build(root, *args)
    assert len(renders) == 4


def test_template_sources(tmp_path: Path) -> None:
    builtin = find_template("memo", tmp_path)
    text = template_sources(builtin)
    assert text is not None and "_sources.md.j2" in text  # the include is read too
    broken = tmp_path / "broken.md.j2"
    broken.write_text("{% include 'missing.md.j2' %}", encoding="utf-8")
    assert template_sources(TemplateInfo("broken", broken, "file")) is None
    broken.write_text("{% if %}", encoding="utf-8")
    assert template_sources(TemplateInfo("broken", broken, "file")) is None


def test_output_key_changes_with_every_input() -> None:
    ref = StatementRef("abc", 1, "FRA")
    other = StatementRef("abd", 2, "DEU")
    base: dict[str, Any] = {
        "formats": ("markdown",),
        "config": Config(),
        "title": None,
        "date": "2024-03-04",
        "curation": None,
        "previous": None,
        "citations": "numbered",
        "template": "template text",
    }
    keys = ["k1", "k2"]
    variants: list[tuple[list[str], dict[str, Any]]] = [
        (["k2", "k1"], {}),
        (["k1"], {}),
        (keys, {"formats": ("markdown", "json")}),
        (keys, {"formats": ("json",)}),
        (keys, {"config": Config(root=Path("elsewhere"))}),
        (keys, {"title": "T"}),
        (keys, {"date": "2024-03-05"}),
        (keys, {"curation": Curation(dropped=frozenset({ref}))}),
        (keys, {"curation": Curation(moved=((ref, "DEU"),))}),
        (keys, {"curation": Curation(pinned=(("FRA", ref),))}),
        (keys, {"previous": {"positions": []}}),
        (keys, {"citations": "footnotes"}),
        (keys, {"template": "template text 2"}),
    ]
    seen = {output_key(keys, **base)}
    for variant_keys, change in variants:
        seen.add(output_key(variant_keys, **{**base, **change}))
    assert len(seen) == len(variants) + 1
    # The same inputs give the same key, whatever order a set was built in.
    one = Curation(dropped=frozenset([ref, other]))
    two = Curation(dropped=frozenset([other, ref]))
    assert output_key(keys, **{**base, "curation": one}) == output_key(
        keys, **{**base, "curation": two}
    )
    # An empty curation renders as none.
    assert output_key(keys, **{**base, "curation": Curation()}) == output_key(keys, **base)


def test_other_code_is_a_miss(
    make_workspace: Callable[..., Path], renders: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_workspace()
    build(root, "--date", "2024-03-04")
    monkeypatch.setattr("briefing.rendered.package_version", lambda: "other-code")
    build(root, "--date", "2024-03-04")
    assert len(renders) == 2


def test_save_json_is_kept_with_the_memo(
    make_workspace: Callable[..., Path], renders: list[str]
) -> None:
    root = make_workspace()
    out = root / "memo.md"
    args = ("--date", "2024-03-04", "-o", str(out), "--save-json", "--force")
    build(root, *args)
    memo, data = out.read_text("utf-8"), (root / "memo.json").read_text("utf-8")
    build(root, *args)
    assert renders == ["markdown", "json"]
    assert out.read_text("utf-8") == memo and (root / "memo.json").read_text("utf-8") == data
    write_article(
        root / "sources", "charlie", "Rome joins", "Tiber", "2024-03-03", "Rome said yes."
    )
    build(root, *args)
    assert renders == ["markdown", "json"] * 2
