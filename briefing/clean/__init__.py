"""Cleaning: what is not the article's own prose never reaches the summary or the memo.

An analyst must never see "(Yonhap)", "Media playback is unsupported on your device", a
photo caption or a subhead quoted as a key point, so this runs before sentence splitting,
in one place (the ingest step). Rules are about form (a line that *is* a caption, a
heading, a dateline), never about a particular article; the few thresholds are chosen by
cross-validation on the labelled furniture check (``bench/bench_furniture.py``).
"""

from __future__ import annotations

from .article import Cleaned, clean_article, clean_text, key
from .furniture import is_furniture
from .shape import SHAPE, Shape, is_heading
from .text import normalise, repair, strip_controls

__all__ = [
    "SHAPE",
    "Cleaned",
    "Shape",
    "clean_article",
    "clean_text",
    "is_furniture",
    "is_heading",
    "key",
    "normalise",
    "repair",
    "strip_controls",
]
