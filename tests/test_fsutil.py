"""Atomic writes that never clobber a file unless asked."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing.errors import OutputError
from briefing.fsutil import write_atomic


def test_writes_new_file_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "memo.md"
    write_atomic(target, "hello\n")
    assert target.read_text(encoding="utf-8") == "hello\n"
    assert [p.name for p in tmp_path.iterdir()] == ["memo.md"]


def test_refuses_to_overwrite_without_permission(tmp_path: Path) -> None:
    target = tmp_path / "memo.md"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(OutputError, match="already exists"):
        write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    write_atomic(target, "new", overwrite=True)
    assert target.read_text(encoding="utf-8") == "new"
    assert len(list(tmp_path.iterdir())) == 1


def test_missing_folder_and_folder_target(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        write_atomic(tmp_path / "nope" / "memo.md", "x")
    with pytest.raises(OutputError, match="is a folder"):
        write_atomic(tmp_path, "x")


def test_new_files_get_the_usual_mode_and_replacements_keep_theirs(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    os.umask(umask)
    target = tmp_path / "memo.md"
    write_atomic(target, "x")
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    target.chmod(0o640)
    write_atomic(target, "y", overwrite=True)
    assert target.stat().st_mode & 0o777 == 0o640


def test_write_errors_become_one_line_output_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError, match="cannot write \\(No space left on device\\)"):
        write_atomic(tmp_path / "memo.md", "x")
    assert list(tmp_path.iterdir()) == []
