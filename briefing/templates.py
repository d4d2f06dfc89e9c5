"""Find memo templates: the workspace's ``templates/``, the user's config folder, built-ins.

A name (``memo``) is looked up as ``memo.md.j2`` in each folder in that order, so a
workspace can override a built-in; a path to a file is used as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs

from .errors import TemplateError

SUFFIX = ".md.j2"
BUILTIN_DIR = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class TemplateInfo:
    """A template found on the search path: its name, file and where it comes from."""

    name: str
    path: Path
    origin: str


def search_path(root: Path) -> list[tuple[str, Path]]:
    """The folders searched for templates, first match wins."""
    user = Path(platformdirs.user_config_dir("briefing")) / "templates"
    return [("workspace", root / "templates"), ("user", user), ("built-in", BUILTIN_DIR)]


def list_templates(root: Path) -> list[TemplateInfo]:
    """Every template visible from ``root``; a shadowed one is listed once, by its winner."""
    found: dict[str, TemplateInfo] = {}
    for origin, folder in search_path(root):
        if folder.is_dir():
            for path in sorted(folder.glob(f"*{SUFFIX}")):
                name = path.name[: -len(SUFFIX)]
                if name.startswith("_"):  # partials such as _sources are not memos
                    continue
                found.setdefault(name, TemplateInfo(name, path, origin))
    return sorted(found.values(), key=lambda t: t.name)


def find_template(name_or_path: str, root: Path) -> TemplateInfo:
    """Resolve a template name or file path, or raise TemplateError naming what was tried."""
    candidate = Path(name_or_path)
    if candidate.suffix or "/" in name_or_path or "\\" in name_or_path:
        if candidate.is_file():
            return TemplateInfo(candidate.stem, candidate, "file")
        raise TemplateError(f"{name_or_path}: template file not found")
    for origin, folder in search_path(root):
        path = folder / f"{name_or_path}{SUFFIX}"
        if path.is_file():
            return TemplateInfo(name_or_path, path, origin)
    names = ", ".join(t.name for t in list_templates(root)) or "none"
    raise TemplateError(f"{name_or_path}: no such template (available: {names})")
