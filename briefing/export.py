"""Get the memo out of the terminal: other formats through pandoc, and the clipboard."""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import OutputError
from .models import Briefing
from .render import render_json, render_markdown
from .templates import TemplateInfo
from .whatsnew import Changes

PANDOC_FORMATS = {"html": "html5", "docx": "docx"}
FORMATS = ("markdown", "json", *PANDOC_FORMATS)


def render_output(
    b: Briefing,
    fmt: str,
    *,
    template: TemplateInfo | None,
    changes: Changes | None = None,
    citations: str = "numbered",
) -> str | bytes:
    """The memo in ``fmt``: the one code path behind ``briefing build`` and the TUI's export."""
    if fmt == "json":
        return render_json(b)
    if template is None:
        raise OutputError(f"--format {fmt} needs a template")
    markdown = render_markdown(b, template, changes=changes, citations=citations)
    return markdown if fmt == "markdown" else convert(markdown, fmt, b.title)


def convert(markdown: str, fmt: str, title: str) -> bytes:
    """Markdown to ``html`` or ``docx`` with pandoc, which must be installed."""
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        raise OutputError(
            f"--format {fmt} needs pandoc, which is not installed "
            "(install it, e.g. 'apt-get install pandoc', or use --format markdown)"
        )
    with tempfile.TemporaryDirectory(prefix="briefing-") as tmp:
        out = Path(tmp) / f"memo.{fmt}"
        command = [pandoc, "--from", "gfm", "--to", PANDOC_FORMATS[fmt], "--output", str(out)]
        command += ["--standalone", "--metadata", f"title={title}"]
        try:
            subprocess.run(
                command,
                input=markdown.encode("utf-8"),
                check=True,
                capture_output=True,
                timeout=120,
            )
        except subprocess.CalledProcessError as exc:
            detail = exc.stderr.decode("utf-8", "replace").strip().splitlines()
            raise OutputError(f"pandoc failed: {detail[-1] if detail else exc}") from None
        except subprocess.TimeoutExpired:
            raise OutputError("pandoc took longer than 120 s") from None
        return out.read_bytes()


def _clipboard_tool() -> list[str] | None:
    if os.environ.get("WAYLAND_DISPLAY") and shutil.which("wl-copy"):
        return ["wl-copy"]
    if os.environ.get("DISPLAY"):
        if shutil.which("xclip"):
            return ["xclip", "-selection", "clipboard"]
        if shutil.which("xsel"):
            return ["xsel", "--clipboard", "--input"]
    if shutil.which("pbcopy"):
        return ["pbcopy"]
    return None


def osc52(text: str) -> str:
    """The terminal escape that asks the terminal (even over ssh) to set its clipboard."""
    return "\x1b]52;c;" + base64.b64encode(text.encode("utf-8")).decode("ascii") + "\x07"


def copy_to_clipboard(text: str) -> str:
    """Copy with the desktop's clipboard tool, else OSC 52 to the terminal; say which."""
    tool = _clipboard_tool()
    if tool:
        try:
            subprocess.run(tool, input=text.encode("utf-8"), check=True, timeout=10)
            return tool[0]
        except (OSError, subprocess.SubprocessError):
            pass
    try:
        with open("/dev/tty", "w", encoding="utf-8") as tty:
            tty.write(osc52(text))
    except OSError:
        raise OutputError("cannot copy: no clipboard tool and no terminal for OSC 52") from None
    return "the terminal (OSC 52)"
