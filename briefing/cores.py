"""How many cores this process may use, and how to start worker processes on them.

Shared by the analysis pool (:mod:`briefing.parallel`) and the reading of new files
(:mod:`briefing.ingest`).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from multiprocessing.context import BaseContext


def cpu_count() -> int:
    """Cores this process may use (respects taskset/cgroup affinity where available)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def forking() -> bool:
    """Whether workers can be forked: cheap (they share what is imported), but forking a
    threaded process (the TUI) is unsafe."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def context() -> BaseContext:
    """fork when :func:`forking`, else forkserver or spawn (slower to start)."""
    if forking():
        return multiprocessing.get_context("fork")
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
