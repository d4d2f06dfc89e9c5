"""Import hygiene: no module of the package imports another that imports it back, and the
core (everything but the CLI and the TUI shells) imports neither Textual nor click."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import briefing

PACKAGE = Path(briefing.__file__).resolve().parent
SHELLS = ("briefing.cli", "briefing.tui")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at any level (a lazy import inside a function counts)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            module = node.module or ""
            target = (f"{base}.{module}" if module else base) if node.level else module
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return found


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {name: _imports(path) & set(modules) - {name} for name, path in modules.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle as a path of module names, or [] when there is none."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return []


def test_the_package_has_no_import_cycle() -> None:
    graph = _graph()
    assert _cycle(graph) == []
    assert "briefing.cli_sources" in graph["briefing.cli"]


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}
    assert _cycle(graph) == ["a", "b", "c", "a"]


def test_core_modules_import_neither_textual_nor_click() -> None:
    for path in PACKAGE.rglob("*.py"):
        name = _module_name(path)
        if name.startswith(SHELLS):
            continue
        roots = {m.split(".")[0] for m in _imports(path)}
        assert not roots & {"textual", "click"}, f"{name} imports {roots & {'textual', 'click'}}"


def test_core_never_imports_textual() -> None:
    """Every module of the package except ``briefing.tui`` imports without Textual."""
    code = (
        "import pkgutil, importlib, sys, briefing\n"
        "names = [m.name for m in pkgutil.walk_packages(briefing.__path__, 'briefing.')\n"
        "         if not m.name.startswith('briefing.tui')]\n"
        "for name in names:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'textual')\n"
        "assert 'briefing.cli' in names and 'briefing.workspace' in names, names\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
