"""Where a memo goes: only regular files are ever replaced; a device or a FIFO is written
as a stream, a symbolic link is refused by name, and a stdout that cannot be written is
one line on stderr and a non-zero exit, never a traceback or a silent success."""

from __future__ import annotations

import os
import stat
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
