"""Write files so that a crash leaves the old file or the new one, never half of one."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from .errors import OutputError


def _read_umask() -> int:
    # os.umask can only be read by setting it; done once, at import, before any thread runs.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()


def check_target(path: Path, *, overwrite: bool = False) -> bool:
    """Whether ``path`` may take a memo: False for a new or replaceable regular file, True
    for a stream (a character device or a FIFO, written in place); OutputError otherwise.

    Only a regular file is ever replaced: ``-o /dev/null --force`` as root must not turn
    the system's /dev/null into a file, and a symbolic link is refused by name rather than
    silently swapped for a file (or its target written behind the user's back).
    """
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    if stat.S_ISLNK(mode):
        raise OutputError(f"{path}: is a symbolic link; not replaced (give the file it points to)")
    if stat.S_ISDIR(mode):
        raise OutputError(f"{path}: is a folder, not a file")
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return True
    if not stat.S_ISREG(mode):
        raise OutputError(f"{path}: not a regular file; not replaced")
    if not overwrite:
        raise OutputError(f"{path}: already exists (use --force to overwrite)")
    return False


def write_atomic(path: Path, content: str | bytes, *, overwrite: bool = False) -> None:
    """Write ``content`` to ``path`` via a temp file and rename; refuse to replace unless asked.

    Text is written as UTF-8 with ``\n`` line endings on every platform. A character device
    or a FIFO is written to as a stream (see :func:`check_target`).
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    if check_target(path, overwrite=overwrite):
        _write_stream(path, data)
        return
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{path}: folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            # mkstemp makes the file private (0600); a memo gets the mode a new file would
            # get, or keeps the mode of the file it replaces.
            mode = path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_UMASK
            os.fchmod(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            os.replace(tmp, path)
        else:
            _link_new(tmp, path)
    except OSError as exc:  # disk full, quota, file too large, read-only...
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _write_stream(path: Path, data: bytes) -> None:
    """Write to a device or FIFO in place; a FIFO no process reads is an error, not a hang."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise OutputError(f"{path}: a pipe that no process is reading") from None
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    try:
        os.set_blocking(fd, True)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    finally:
        os.close(fd)


def _link_new(tmp: str, path: Path) -> None:
    """Publish ``tmp`` as ``path`` only if nothing appeared there meanwhile (no clobbering)."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise OutputError(f"{path}: already exists (use --force to overwrite)") from None
    except OSError:  # a filesystem without hard links: best effort
        if path.exists():
            raise OutputError(f"{path}: already exists (use --force to overwrite)") from None
        os.replace(tmp, path)
