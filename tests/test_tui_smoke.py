"""Smoke test: the real ``briefing`` command in a real terminal (tmux), driven by keys.

Selects two articles, exports through the dialog, checks the memo file, quits and checks
the saved session. Runs on a private tmux socket that is killed afterwards. Skipped when
tmux or the ``briefing`` script is missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.test_tui_support import make_workspace

TMUX = shutil.which("tmux")
BRIEFING = Path(sys.executable).with_name("briefing")

pytestmark = pytest.mark.skipif(
    TMUX is None or not BRIEFING.exists(), reason="needs tmux and the briefing script"
)


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Callable[..., str]]:
    """Run tmux commands on a socket of our own; kill that server at the end."""
    assert TMUX is not None
    socket = f"briefing-smoke-{os.getpid()}"

    def run(*args: str) -> str:
        done = subprocess.run(
            [TMUX, "-L", socket, *args], capture_output=True, text=True, timeout=20
        )
        return done.stdout

    try:
        yield run
    finally:
        subprocess.run([TMUX, "-L", socket, "kill-server"], capture_output=True, timeout=20)


def wait_for(
    check: Callable[[], bool], what: str, timeout: float = 30.0, show: Callable[[], str] = str
) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if check():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}; screen:\n{show()}")


def test_select_two_and_export_in_tmux(tmp_path: Path, tmux: Callable[..., str]) -> None:
    make_workspace(tmp_path)
    env = "env TERM=xterm-256color COLORTERM=truecolor"
    tmux(
        "new-session",
        "-d",
        "-s",
        "smoke",
        "-x",
        "120",
        "-y",
        "36",
        "-c",
        str(tmp_path),
        f"{env} {BRIEFING}",
    )

    tmux("resize-window", "-t", "smoke", "-x", "120", "-y", "36")

    def screen() -> str:
        return tmux("capture-pane", "-p", "-t", "smoke")

    wait_for(lambda: "Kyiv vows" in screen(), "the article list", show=screen)

    def settled() -> bool:
        text = screen()
        return "4 shown" in text and not any(w in text for w in ("loading…", "folding", "analysed"))

    wait_for(settled, "loading and analysis to finish", show=screen)
    tmux("send-keys", "-t", "smoke", "Space")
    tmux("send-keys", "-t", "smoke", "Down")
    tmux("send-keys", "-t", "smoke", "Space")
    wait_for(lambda: "2 selected" in screen(), "two selected articles")
    tmux("send-keys", "-t", "smoke", "e")
    wait_for(lambda: "Export memo" in screen(), "the export dialog")
    tmux("send-keys", "-t", "smoke", "Enter")
    memo = tmp_path / "memo.md"
    wait_for(memo.exists, "memo.md to be written", timeout=20)
    text = memo.read_text(encoding="utf-8")
    assert text.startswith("# Grain corridor: test memo\n")
    assert text.index("Moscow leaves the grain corridor") < text.index(
        "Kyiv vows to keep exporting"
    )
    assert "**Sources:** 2 articles" in text
    tmux("send-keys", "-t", "smoke", "q")
    wait_for(lambda: "smoke" not in tmux("list-sessions"), "the app to quit", timeout=15)
    state = (tmp_path / ".briefing" / "state.json").read_text(encoding="utf-8")
    assert '"a-moscow-exit"' in state and '"b-kyiv-reply"' in state
