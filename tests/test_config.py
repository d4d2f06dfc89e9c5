"""briefing.toml: defaults, every section, and one-line errors that name the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.config import load_config
from briefing.errors import ConfigError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "briefing.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    config = load_config()
    assert config.summary.sentences == 3
    assert config.summary.key_points == 5
    assert config.memo.template == "memo"
    assert config.source_paths() == [Path("sources")]


def test_reads_every_section(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[memo]\ntitle = "T"\nprepared_by = "P"\nclassification = "C"\ntemplate = "onepager"\n'
        '[sources]\npaths = ["a", "b"]\nmax_article_bytes = 10\nmax_articles = 2\n'
        "[summary]\nsentences = 4\nkey_points = 7\n"
        '[positions]\nfocus = ["RUS", "USA"]\nactors = "people.yaml"\n'
        '[keymap]\nselect = "x"\n',
    )
    config = load_config(path)
    assert config.memo.title == "T" and config.memo.template == "onepager"
    assert config.source_paths() == [tmp_path / "a", tmp_path / "b"]
    assert config.summary.sentences == 4 and config.summary.key_points == 7
    assert config.positions.focus == ("RUS", "USA")
    assert config.actors_path() == tmp_path / "people.yaml"
    assert config.keymap == (("select", "x"),)


def test_folder_means_its_briefing_toml(tmp_path: Path) -> None:
    write(tmp_path, '[memo]\ntitle = "Folder"\n')
    assert load_config(tmp_path).memo.title == "Folder"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[memo]\ntitel = 'x'\n", "memo.titel: unknown key"),
        ("[sumary]\nsentences = 2\n", "sumary: unknown key"),
        ("[summary]\nsentences = 'three'\n", "summary.sentences: expected a whole number"),
        ("[summary]\nsentences = true\n", "summary.sentences: expected a whole number"),
        ("[summary]\nsentences = 0\n", "summary.sentences: must be at least 1"),
        ("[sources]\npaths = 'sources'\n", "sources.paths: expected a list"),
        ("[sources]\npaths = [1]\n", "sources.paths[0]: expected a string"),
        ("[positions]\nfocus = 'RUS'\n", "positions.focus: expected a list"),
        ("memo = 3\n", "[memo]: expected a table"),
        ("[memo\n", "invalid TOML"),
    ],
)
def test_errors_name_the_key(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert message in str(info.value)
    assert str(path) in str(info.value)
    assert "\n" not in str(info.value)


def test_missing_named_config_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "nope.toml")


def test_binary_config_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "briefing.toml"
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(path)
