"""Write files so that a crash leaves the old file or the new one, never half of one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from .errors import OutputError


def _read_umask() -> int:
    # os.umask can only be read by setting it; done once, at import, before any thread runs.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()


def write_atomic(path: Path, content: str | bytes, *, overwrite: bool = False) -> None:
    """Write ``content`` to ``path`` via a temp file and rename; refuse to replace unless asked.

    Text is written as UTF-8 with ``\n`` line endings on every platform.
    """
    if path.is_dir():
        raise OutputError(f"{path}: is a folder, not a file")
    if path.exists() and not overwrite:
        raise OutputError(f"{path}: already exists (use --force to overwrite)")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{path}: folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror})") from None
    try:
        data = content.encode("utf-8") if isinstance(content, str) else content
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
