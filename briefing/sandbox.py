"""The Jinja sandbox memo templates run in, with limits on what a template can make.

Jinja's own sandbox stops attribute escapes and caps one ``range()`` at ``MAX_RANGE``
items, but a template can still nest loops, repeat a string ``10**10`` times, raise a
number to an astronomic power or print gigabytes. A memo never needs any of that: these
limits turn each into an error (reported as a template error) long before the machine
runs out of time or memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from jinja2.sandbox import SandboxedEnvironment, safe_range

MAX_RANGE_STEPS = 1_000_000  # range() items one render may loop over, all loops together
MAX_REPEAT = 10_000_000  # items or characters a '*' may make from a string or list
MAX_POWER_BITS = 100_000  # size of a number '**' may make
MAX_OUTPUT = 50_000_000  # characters of rendered memo


class TemplateLimitError(Exception):
    """A template went over one of the limits above."""


class _Steps:
    """The range() budget of one render."""

    def __init__(self) -> None:
        self.left = MAX_RANGE_STEPS

    def spend(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise TemplateLimitError(f"range() loops over more than {MAX_RANGE_STEPS:,} steps")


class _CountedRange:
    """A range that spends the render's budget as it is iterated (len() is free)."""

    def __init__(self, items: range, steps: _Steps) -> None:
        self._items = items
        self._steps = steps

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[int]:
        for item in self._items:
            self._steps.spend()
            yield item


class MemoSandbox(SandboxedEnvironment):
    """A sandboxed environment for one render: range budget and '*' / '**' size limits."""

    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        steps = _Steps()
        self.globals["range"] = lambda *args: _CountedRange(safe_range(*args), steps)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**":
            _check_power(left, right)
        elif operator == "*":
            _check_repeat(left, right)
            _check_repeat(right, left)
        return super().call_binop(context, operator, left, right)


def _check_power(base: Any, exponent: Any) -> None:
    if (
        isinstance(base, int)
        and isinstance(exponent, int)
        and abs(base).bit_length() * max(exponent, 0) > MAX_POWER_BITS
    ):
        raise TemplateLimitError("'**' result too large")


def _check_repeat(items: Any, times: Any) -> None:
    if (
        isinstance(items, str | bytes | list | tuple)
        and isinstance(times, int)
        and len(items) * times > MAX_REPEAT
    ):
        raise TemplateLimitError(f"'*' result too large (over {MAX_REPEAT:,} items)")


def join_capped(chunks: Iterable[str]) -> str:
    """The rendered chunks joined, or TemplateLimitError once they pass MAX_OUTPUT."""
    parts: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_OUTPUT:
            raise TemplateLimitError(f"memo output over {MAX_OUTPUT:,} characters")
        parts.append(chunk)
    return "".join(parts)
