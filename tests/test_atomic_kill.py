"""A process killed while writing leaves the old memo or the new one, never a torn file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

WRITER = """
import sys
from pathlib import Path
from briefing.fsutil import write_atomic
target = Path(sys.argv[1])
texts = ["A" * 1_000_000 + "\\n", "B" * 1_000_000 + "\\n"]
print("ready", flush=True)
i = 0
while True:
    write_atomic(target, texts[i % 2], overwrite=True)
    i += 1
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_mid_write_never_leaves_a_partial_file(tmp_path: Path) -> None:
    target = tmp_path / "memo.md"
    target.write_text("old memo\n", encoding="utf-8")
    valid = {"old memo\n", "A" * 1_000_000 + "\n", "B" * 1_000_000 + "\n"}
    for delay in (0.02, 0.07, 0.15, 0.3):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(target)], stdout=subprocess.PIPE, text=True
        )
        assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert target.read_text(encoding="utf-8") in valid
