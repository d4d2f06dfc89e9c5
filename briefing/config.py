"""The workspace config, ``briefing.toml``: read with tomllib, checked key by key.

A typo in a config key silently doing nothing is the worst kind of bug for a tool run from
cron, so unknown keys and wrong types are errors that name the key.
"""

from __future__ import annotations

import tomllib
import typing
from dataclasses import dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError

CONFIG_NAME = "briefing.toml"


@dataclass(frozen=True)
class MemoConfig:
    """``[memo]``: what the header of every memo says."""

    title: str = "Briefing"
    prepared_by: str = ""
    classification: str = "UNCLASSIFIED"
    template: str = "memo"
    citations: str = "numbered"


@dataclass(frozen=True)
class SourcesConfig:
    """``[sources]``: where the articles are and how much of them to accept."""

    paths: tuple[str, ...] = ("sources",)
    max_article_bytes: int = 5_000_000
    max_articles: int = 20_000


@dataclass(frozen=True)
class SummaryConfig:
    """``[summary]``: how long summaries and the cross-article key points are."""

    sentences: int = 3
    key_points: int = 5


@dataclass(frozen=True)
class PositionsConfig:
    """``[positions]``: countries to list first, and the user's own actors file."""

    focus: tuple[str, ...] = ()
    actors: str = ""


@dataclass(frozen=True)
class Config:
    """The whole config; ``root`` is the workspace folder that relative paths start from,
    ``path`` the file it was read from (None: the defaults, no file)."""

    root: Path = Path(".")
    path: Path | None = None
    memo: MemoConfig = field(default_factory=MemoConfig)
    sources: SourcesConfig = field(default_factory=SourcesConfig)
    summary: SummaryConfig = field(default_factory=SummaryConfig)
    positions: PositionsConfig = field(default_factory=PositionsConfig)
    keymap: tuple[tuple[str, str], ...] = ()

    def source_paths(self) -> list[Path]:
        return [self.root / p for p in self.sources.paths]

    def actors_path(self) -> Path | None:
        return self.root / self.positions.actors if self.positions.actors else None


def _check(value: Any, kind: Any, key: str) -> Any:
    """Return ``value`` converted to ``kind`` or raise a ConfigError naming ``key``."""
    origin = typing.get_origin(kind)
    if kind is str:
        if isinstance(value, str):
            return value
        raise ConfigError(f"{key}: expected a string, got {type(value).__name__}")
    if kind is int:
        if isinstance(value, int) and not isinstance(value, bool):
            if value < 0:
                raise ConfigError(f"{key}: must not be negative, got {value}")
            return value
        raise ConfigError(f"{key}: expected a whole number, got {type(value).__name__}")
    if origin is tuple:
        if not isinstance(value, list):
            raise ConfigError(f"{key}: expected a list, got {type(value).__name__}")
        (item,) = [a for a in typing.get_args(kind) if a is not Ellipsis]
        return tuple(_check(v, item, f"{key}[{i}]") for i, v in enumerate(value))
    raise TypeError(f"config field {key} has a type the checker does not know: {kind}")


def _section(cls: type, data: Any, name: str) -> Any:
    if not isinstance(data, dict):
        raise ConfigError(f"[{name}]: expected a table, got {type(data).__name__}")
    hints = typing.get_type_hints(cls)
    known = {f.name for f in fields(cls)}
    for key in data:
        if key not in known:
            raise ConfigError(f"{name}.{key}: unknown key (known: {', '.join(sorted(known))})")
    return cls(**{k: _check(v, hints[k], f"{name}.{k}") for k, v in data.items()})


def parse_config(data: dict[str, Any], root: Path) -> Config:
    """Build a Config from parsed TOML, rejecting unknown keys and wrong types."""
    hints = typing.get_type_hints(Config)
    values: dict[str, Any] = {"root": root}
    for key, value in data.items():
        if key == "keymap":
            if not isinstance(value, dict):
                raise ConfigError('[keymap]: expected a table of action = "keys"')
            values["keymap"] = tuple(
                (str(k), _check(v, str, f"keymap.{k}")) for k, v in value.items()
            )
        elif key in hints and key not in ("root", "path") and is_dataclass(hints[key]):
            values[key] = _section(hints[key], value, key)
        else:
            known = sorted(k for k in hints if k not in ("root", "path"))
            raise ConfigError(f"{key}: unknown key (known sections: {', '.join(known)})")
    config = Config(**values)
    if config.summary.sentences < 1:
        raise ConfigError("summary.sentences: must be at least 1")
    if config.memo.citations not in ("numbered", "footnotes"):
        raise ConfigError('memo.citations: must be "numbered" or "footnotes"')
    return config


def load_config(path: Path | None = None, *, required: bool = False) -> Config:
    """Read ``briefing.toml`` (or ``path``); without one, defaults rooted in the current folder."""
    if path is None:
        path = Path(CONFIG_NAME)
        if not path.exists() and not required:
            return Config(root=Path("."))
    if path.is_dir():
        path = path / CONFIG_NAME
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config ({exc.strerror})") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: config is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    try:
        return replace(parse_config(data, path.parent), path=path)
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}") from None


def articles_config(path: Path) -> Config:
    """The config for ``briefing PATH``: PATH's own ``briefing.toml`` when it has one (or is
    one), else the defaults reading the articles in PATH (a folder or one file)."""
    if path.suffix == ".toml" or (path / CONFIG_NAME).is_file():
        return load_config(path, required=True)
    if path.is_dir():
        return Config(root=path, sources=SourcesConfig(paths=(".",)))
    return Config(root=path.parent, sources=SourcesConfig(paths=(path.name,)))
