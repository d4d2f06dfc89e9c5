"""Where a memo goes: only regular files are ever replaced; a device or a FIFO is written
as a stream, a symbolic link is refused by name, and a stdout that cannot be written is
one line on stderr and a non-zero exit, never a traceback or a silent success."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from briefing.cli import main
from briefing.errors import OutputError
from briefing.fsutil import write_atomic


def run(ws: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["-c", str(ws / "briefing.toml"), *args])


def test_a_symlink_is_not_replaced_even_with_force(make_workspace: Callable[..., Path]) -> None:
    ws = make_workspace()
    target = ws / "kept.md"
    target.write_text("keep me\n", encoding="utf-8")
    link = ws / "memo.md"
    link.symlink_to(target)
    result = run(ws, "build", "-o", str(link), "--force")
    assert result.exit_code == 1
    assert "symbolic link" in result.stderr and str(link) in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "keep me\n"


def test_a_fifo_is_written_as_a_stream(make_workspace: Callable[..., Path]) -> None:
    ws = make_workspace()
    fifo = ws / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []

    def drain() -> None:
        with open(fifo, "rb") as reader:
            got.append(reader.read())

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    result = run(ws, "build", "-o", str(fifo), "--force")
    reader.join(10)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert b"Harbour talks resume" in got[0]


def test_a_fifo_nobody_reads_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="pipe"):
        write_atomic(fifo, "memo\n", overwrite=True)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_character_device_stays_a_device(make_workspace: Callable[..., Path]) -> None:
    ws = make_workspace()
    node = ws / "null"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except (PermissionError, OSError):
        pytest.skip("cannot make a device node here (not root, or nodev)")
    result = run(ws, "build", "-o", str(node), "--force")
    assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(os.lstat(node).st_mode)


def test_a_socket_or_other_special_file_is_refused(tmp_path: Path) -> None:
    import socket

    path = tmp_path / "sock"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(OutputError, match="not a regular file"):
            write_atomic(path, "memo\n", overwrite=True)
    assert stat.S_ISSOCK(os.lstat(path).st_mode)


def _cli(ws: Path, args: tuple[str, ...], **popen: object) -> subprocess.CompletedProcess[str]:
    """The real command in a child process, so stdout is a real file descriptor."""
    code = "from briefing.cli import main; main(prog_name='briefing')"
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-c", code, "-c", str(ws / "briefing.toml"), *args],
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
        **popen,
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [("build",), ("list",), ("templates",), ("--version",)])
def test_a_full_stdout_is_one_line_and_exit_1(
    make_workspace: Callable[..., Path], args: tuple[str, ...]
) -> None:
    ws = make_workspace()
    with open("/dev/full", "w") as full:
        done = _cli(ws, args, stdout=full)
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1:] == [
        "briefing: error: cannot write to standard output: No space left on device"
    ]
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr


def test_a_closed_stdout_is_an_error_not_a_silent_success(
    make_workspace: Callable[..., Path],
) -> None:
    ws = make_workspace()
    done = _cli(ws, ("build",), preexec_fn=lambda: os.close(1))
    assert done.returncode == 1
    assert "cannot write to standard output: it is closed" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_closed_stdout_is_fine_when_the_memo_goes_to_a_file(
    make_workspace: Callable[..., Path],
) -> None:
    ws = make_workspace()
    done = _cli(ws, ("build", "-o", str(ws / "memo.md")), preexec_fn=lambda: os.close(1))
    assert done.returncode == 0, done.stderr
    assert "Harbour talks resume" in (ws / "memo.md").read_text(encoding="utf-8")
