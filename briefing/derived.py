"""Results over a whole set of analyses, kept between builds: key points and positions.

Both are recomputed from every analysis on each build (ranking thousands of lead sentences,
merging thousands of statements), which on a large workspace costs seconds when nothing has
changed. They are stored in the workspace library under a digest of what they depend on: the
set's analysis keys in memo order (each already names the article, the analysis settings and
the code version) and the step's own parameters. Any change to one of those is a miss; one
row per step is kept, so the library does not grow with every build.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from .codec import decoder, encode
from .library import Library, analysis_key
from .models import Analysis
from .version import code_version

T = TypeVar("T")


class Memo(Protocol):
    """Returns the stored result of step ``name`` (with ``params``) or computes and stores it."""

    def __call__(
        self, name: str, params: str, kind: type[T], compute: Callable[[], tuple[T, ...]]
    ) -> tuple[T, ...]: ...


def set_digest(analyses: Sequence[Analysis], settings: str) -> str:
    """A digest of the analyses' keys in order: the same articles and settings, same digest."""
    digest = hashlib.sha256(code_version().encode())
    for a in analyses:
        digest.update(b"\0" + analysis_key(a.article, settings).encode())
    return digest.hexdigest()


class LibraryMemo:
    """:class:`Memo` over a workspace library, for one set of analyses."""

    def __init__(self, library: Library, digest: str) -> None:
        self.library = library
        self.digest = digest

    def __call__(
        self, name: str, params: str, kind: type[T], compute: Callable[[], tuple[T, ...]]
    ) -> tuple[T, ...]:
        key = hashlib.sha256(f"{self.digest}\0{name}\0{params}".encode()).hexdigest()
        stored = self.library.get_derived(name, key)
        if isinstance(stored, list):
            decode = decoder(kind)  # type: ignore[arg-type]  # a dataclass: hashable
            try:
                return tuple(decode(item) for item in stored)
            except (ValueError, TypeError, IndexError):
                pass  # damaged or from another shape: made again below
        result = compute()
        self.library.put_derived(name, key, encode(result))
        return result
