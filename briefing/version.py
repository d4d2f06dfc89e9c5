"""The version of the analysing code, for caches: a change to it empties them.

Hashing the package's own source (and data files) instead of trusting a hand-bumped
number means an analysis cached by yesterday's summariser is never served by today's.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

# Bump to empty every cache by hand (e.g. when the cache's own format changes).
ANALYSIS_VERSION = "1"
_PACKAGE = Path(__file__).resolve().parent
# Modules that only present, store or fetch: editing them cannot change an analysis.
# (Anything not listed counts, so a new analysing module is covered without a change here.)
_NOT_ANALYSIS = frozenset(
    {"__init__.py", "adding.py", "cli.py", "cli_common.py", "cli_sources.py", "config.py",
     "errors.py", "fetch.py", "fsutil.py", "library.py", "parallel.py", "render.py", "templates.py",
     "version.py", "workspace.py", "mdtext.py", "sandbox.py", "rendered.py", "cores.py",
     # These shape the Article, whose every field is part of the cache key already.
     "ingest.py", "clean.py", "language.py", "dedupe.py", "names.py"}
)


# What turns a file into Articles: a change here must re-read every file.
_INGEST = ("ingest.py", "language.py", "sentences.py", "models.py", "codec.py", "names.py")


@cache
def ingest_version() -> str:
    """A short digest of the modules that read and clean article files."""
    digest = hashlib.sha256(ANALYSIS_VERSION.encode())
    files = [_PACKAGE / name for name in _INGEST]
    files += sorted((_PACKAGE / "formats").glob("*.py")) + sorted((_PACKAGE / "clean").glob("*.py"))
    for path in files:
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


@cache
def code_version() -> str:
    """A short digest of the analysing modules and data files of the package."""
    digest = hashlib.sha256(ANALYSIS_VERSION.encode())
    modules = [p for p in sorted(_PACKAGE.glob("*.py")) if p.name not in _NOT_ANALYSIS]
    modules += sorted((_PACKAGE / "positions").glob("*.py"))  # the attribution pipeline
    # the trained parser: its meta.json changes with every retraining (scores, version)
    files = modules + sorted((_PACKAGE / "data").glob("*")) + [_PACKAGE / "data" / "model" /
                                                              "meta.json"]
    for path in files:
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


@cache
def package_version() -> str:
    """A short digest of all the package's code and templates (and :func:`code_version`):
    what a kept rendered memo depends on besides its inputs (:mod:`briefing.rendered`)."""
    digest = hashlib.sha256(code_version().encode())
    files = sorted(_PACKAGE.rglob("*.py")) + sorted((_PACKAGE / "templates").glob("*"))
    for path in files:
        if path.is_file():
            name = path.relative_to(_PACKAGE).as_posix()
            digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]
