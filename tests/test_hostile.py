"""Hostile input, generated here (no committed binaries): every command ends with a clear
message and the documented exit code, never a traceback, and nothing from an article is
interpreted as terminal escapes, markup or template code."""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from markdown_it import MarkdownIt

from briefing.cli import main

ESC = "\x1b"

HOSTILE_FILES: dict[str, bytes] = {
    "binary.txt": bytes(range(256)) * 4,
    "empty.md": b"",
    "invalid-utf8.txt": b"Caf\xc3\x28 and \xff\xfe broken bytes.",
    "nul-bytes.txt": b"Some text\x00with NULs\x00inside.",
    "python-tag.md": (
        b"---\ntitle: !!python/object/apply:os.system ['echo pwned']\n---\nBody text.\n"
    ),
    "billion-laughs.md": (
        b"---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        b"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        b"title: *d\n---\nBody text.\n"
    ),
    "rich-markup.md": (
        b"---\ntitle: '[bold red]Loud[/] [link=https://evil.example]click[/link]'\n---\n"
        b"The [bold red]Belgian[/] minister said Brussels opposed the plan. [link=file:///etc]x[/link]\n"
    ),
    "ansi.txt": (
        b"Title with \x1b[31mred\x1b[0m\n\nThe Dutch minister said \x1b]8;;http://evil\x1b\\\\link"
        b"\x1b]8;;\x1b\\\\ the Hague \x1b]52;c;cHduZWQ=\x07agreed. \x1b[2J\x1b[HMore text here.\n"
    ),
    "jinja.md": (
        b"---\ntitle: \"{{ ''.__class__.__mro__ }}\"\n---\n"
        b"The Polish minister said {{ 7 * 7 }} and {% for x in range(3) %}loop{% endfor %}.\n"
    ),
    "markdown.md": (
        b"# Heading one\n\n## Injected heading\n\n| a | b |\n|---|---|\n\n"
        b"<script>alert(1)</script> <iframe src='x'></iframe>\n\n```\ncode fence\n\n"
        b"- list\n\n---\n\n[link](javascript:alert(1))\n"
    ),
    "utf16-bom.txt": codecs.BOM_UTF16_LE
    + "The Finnish minister said Helsinki agreed.".encode("utf-16-le"),
    "name with spaces ü.md": b"# Spaces\n\nThe Swiss minister said Bern would wait.\n",
    "impossible-date.md": b"---\ntitle: A\npublished: 2023-02-30\n---\n\nThe deal is over.\n",
    "deep.json": b"[" * 100_000 + b"]" * 100_000,
    "deep-yaml.md": b"---\ntitle: " + b"[" * 20_000 + b"\n---\nBody.\n",
    "surrogate.json": b'{"title": "Lone \\ud800 surrogate", "text": "The Greek minister said '
    b'Athens would wait for the talks to end."}',
    "bad-url.md": (
        b"---\ntitle: B\nurl: 'http://[oops'\n---\n\nThe Czech minister said Prague agreed.\n"
    ),
    "setext.txt": b"The Maltese minister said Valletta rejected the plan.\n\n===\n\n---\n",
    "utf16-no-bom.txt": "The Danish minister said Copenhagen would wait.".encode("utf-16-le"),
    "scripts.html": (
        b"<html><head><title>Script page</title><script>alert('x')</script></head><body>"
        b"<iframe src='https://evil.example'></iframe><article><p>The Irish minister said "
        b"Dublin supported the talks on the harbour plan and would send a delegation soon."
        b"</p><script>document.write('injected')</script><p>Talks resume next week in a "
        b"new venue near the coast, officials said on Friday.</p></article></body></html>"
    ),
}


@pytest.fixture
def hostile(make_workspace: Callable[..., Path]) -> Path:
    ws = make_workspace()
    for name, data in HOSTILE_FILES.items():
        (ws / "sources" / name).write_bytes(data)
    return ws


def run(ws: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["-c", str(ws / "briefing.toml"), *args])


def assert_clean(result: Result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert ESC not in result.stdout and ESC not in result.stderr
    assert "\x07" not in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("build",),
        ("build", "--format", "json"),
        ("build", "--template", "table"),
        ("summarize",),
        ("summarize", "--format", "jsonl"),
        ("summarize", "--across"),
        ("positions",),
    ],
)
def test_commands_survive_the_hostile_corpus(hostile: Path, args: tuple[str, ...]) -> None:
    result = run(hostile, *args)
    assert result.exit_code == 0, result.output
    assert_clean(result)
    assert "pwned" not in result.stdout
    assert "injected" not in result.stdout and "alert('x')" not in result.stdout
    # {{ 7*7 }} must not be evaluated (the temporary folder's name may hold a 49 of its own)
    shown = result.stdout.replace(str(hostile.parent), "").replace("2024", "")
    assert "49" not in shown
    assert "__mro__" not in result.stdout or "{{" in result.stdout


def test_odd_but_valid_files_are_read(hostile: Path) -> None:
    out = run(hostile, "positions").stdout
    assert "Denmark (DNK)" in out  # UTF-16 without a BOM
    assert "Ireland (IRL)" in out  # HTML main text, scripts and iframes dropped
    assert "Switzerland (CHE)" in out  # a file name with spaces and non-ASCII
    assert "Greece (GRC)" in out  # a lone surrogate in JSON is dropped, not fatal
    assert "Czech" in out  # an unparseable URL is dropped from the memo, not fatal


def test_each_bad_file_is_named_once_with_its_problem(hostile: Path) -> None:
    stderr = run(hostile, "build").stderr
    names = ("binary.txt", "empty.md", "python-tag.md", "billion-laughs.md", "impossible-date.md")
    for name in (*names, "deep.json", "deep-yaml.md"):
        lines = [line for line in stderr.splitlines() if name in line]
        assert len(lines) == 1, (name, stderr)
        assert lines[0].startswith("briefing: warning: skipped ")


def test_markup_is_literal_in_the_memo(hostile: Path) -> None:
    memo = run(hostile, "build").stdout
    html = MarkdownIt("commonmark").render(memo)
    assert "<script" not in html and "<iframe" not in html
    assert 'href="javascript' not in html
    assert "<h2>Injected heading</h2>" not in html
    assert "[bold red]Belgian[/]" in html


def test_rules_in_an_article_cannot_make_headings(make_workspace: Callable[..., Path]) -> None:
    ws = make_workspace(config="[summary]\nsentences = 10\n", articles={})
    (ws / "sources" / "setext.txt").write_bytes(HOSTILE_FILES["setext.txt"])
    html = MarkdownIt("commonmark").render(run(ws, "build").stdout)
    assert "<h1>The Maltese" not in html and "<h2>The Maltese" not in html
    assert "<hr" not in html.split("<h2>Article summaries</h2>")[1]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_among_the_sources_is_not_read(make_workspace: Callable[..., Path]) -> None:
    ws = make_workspace()
    os.mkfifo(ws / "sources" / "pipe.txt")
    os.symlink(ws / "sources" / "pipe.txt", ws / "sources" / "link-to-pipe.md")
    result = run(ws, "build")  # would block forever if the FIFO were opened
    assert result.exit_code == 0
    assert "Harbour talks resume" in result.stdout
    warned = [line for line in result.stderr.splitlines() if "not a regular file" in line]
    assert len(warned) == 2
    assert warned[0].startswith("briefing: warning: skipped ") and "link-to-pipe.md" in warned[0]
    assert "pipe.txt" in warned[1]
    result = run(ws, "build", str(ws / "sources" / "pipe.txt"))  # named on the command line
    assert result.exit_code == 1 and "pipe.txt: not a regular file" in result.stderr


def test_escape_in_a_file_name_is_not_printed(make_workspace: Callable[..., Path]) -> None:
    ws = make_workspace()
    (ws / "sources" / "evil\x1b[31m.md").write_bytes(b"")
    result = run(ws, "build")
    assert result.exit_code == 0
    assert ESC not in result.stderr and "evil[31m.md" in result.stderr


def test_one_line_megabyte_paragraph(make_workspace: Callable[..., Path]) -> None:
    ws = make_workspace(articles={})
    line = "The Norwegian minister said Oslo would pay for the new harbour. " * 16_000
    (ws / "sources" / "long-line.txt").write_text(line, encoding="utf-8")
    result = run(ws, "build", "--format", "json")
    assert result.exit_code == 0, result.output
    assert_clean(result)


def test_fifty_megabyte_article_is_refused_without_reading_it(
    make_workspace: Callable[..., Path],
) -> None:
    ws = make_workspace()
    with (ws / "sources" / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk
    result = run(ws, "build")
    assert result.exit_code == 0
    assert "huge.txt: too large (52,428,800 bytes; limit 5,000,000)" in result.stderr
    assert "Harbour talks resume" in result.stdout


def test_oversized_article_is_skipped(make_workspace: Callable[..., Path]) -> None:
    ws = make_workspace(config="[sources]\nmax_article_bytes = 1000\n")
    (ws / "sources" / "huge.txt").write_text("Word " * 1000, encoding="utf-8")
    result = run(ws, "build")
    assert result.exit_code == 0
    assert "huge.txt: too large (5,000 bytes; limit 1,000)" in result.stderr


def test_broken_toml_config(make_workspace: Callable[..., Path]) -> None:
    ws = make_workspace(config='[memo\ntitle = "x"\n')
    result = run(ws, "build")
    assert result.exit_code == 2
    assert "invalid TOML" in result.stderr and "briefing.toml" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlinks_and_dotdot_names(
    make_workspace: Callable[..., Path], tmp_path_factory: pytest.TempPathFactory
) -> None:
    ws = make_workspace()
    outside = tmp_path_factory.mktemp("outside") / "secret.md"
    outside.write_text("# Secret\n\nThe secret text that lives outside.\n", encoding="utf-8")
    (ws / "sources" / "link.md").symlink_to(outside)
    (ws / "sources" / "..weird..name.md").write_text(
        "# Dots\n\nDots in the name.\n", encoding="utf-8"
    )
    result = run(ws, "build", "--format", "json")
    assert result.exit_code == 0
    assert "The secret text" not in result.stdout
    assert "link.md" in result.stderr and "outside" in result.stderr
