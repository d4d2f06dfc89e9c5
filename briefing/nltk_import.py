"""Import NLTK without the 1.5 s it spends on statistics the product never uses.

``import nltk`` eagerly loads ``nltk.collocations`` → ``nltk.metrics`` → ``scipy.stats``
(about 1.3 s on this kind of machine) for collocation tests. NLTK already copes with SciPy
being absent (it guards those imports), so while NLTK itself is first imported we make
``scipy.stats`` look absent. Nothing is cached as failed: a later ``import scipy.stats`` by
anyone else works as usual.
"""

from __future__ import annotations

import importlib
import importlib.abc
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType

_HIDDEN = "scipy.stats"


class _HideScipyStats(importlib.abc.MetaPathFinder):
    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname == _HIDDEN or fullname.startswith(_HIDDEN + "."):
            raise ModuleNotFoundError(f"{fullname} is hidden while NLTK loads", name=fullname)
        return None


def import_nltk() -> ModuleType:
    """``nltk``, imported once, fast."""
    if "nltk" in sys.modules:
        return sys.modules["nltk"]
    finder = _HideScipyStats()
    sys.meta_path.insert(0, finder)
    try:
        return importlib.import_module("nltk")
    finally:
        sys.meta_path.remove(finder)
