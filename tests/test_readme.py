"""The README is what a new user follows: what it shows must work as shown."""

from __future__ import annotations

import re
import tomllib

import click

from briefing.cli import main

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_says_how_to_run_briefing_after_make_demo() -> None:
    venv = re.search(r"^VENV\s*\?=\s*(\S+)", (ROOT / "Makefile").read_text("utf-8"), re.M)
    assert venv is not None
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert "briefing" in scripts
    install = README.split("## Install", 1)[1].split("\n## ", 1)[0]
    assert "make demo" in install
    assert f"{venv.group(1)}/bin/briefing" in install
    assert f"source {venv.group(1)}/bin/activate" in install


def test_every_option_in_the_cli_synopsis_is_accepted() -> None:
    """The synopsis block of "## The CLI": each option it shows exists on that command."""
    block = README.split("## The CLI", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    usages = re.split(r"\n(?=briefing )", block.strip())
    assert len(usages) >= 5
    for usage in usages:
        name = usage.split()[1]
        command = main.commands[name]
        accepted = {opt for p in command.params if isinstance(p, click.Option) for opt in p.opts}
        shown = set(re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", usage))
        assert shown <= accepted, f"briefing {name}: {sorted(shown - accepted)}"
