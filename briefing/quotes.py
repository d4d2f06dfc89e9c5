"""Quote a statement in the memo with balanced quotation marks.

A sentence cut out of an article may open a quotation that closes in a later sentence, or
close one opened earlier; quoting it as it is gives ``“…peninsula.`` or ``…North Korea.””``.
:func:`quoted` pairs every double quotation mark, supplies the missing half at the edge of
the text, and then either keeps a text that is one whole quotation in its own marks or
wraps the text in “…” with the quotations inside it as ‘…’.
"""

from __future__ import annotations

_OPENING = "“„«"
_CLOSING = "”»"
_BEFORE_OPEN = " \t\n([{—–-/"


def _marks(text: str) -> list[tuple[int, bool]]:
    """Each double quotation mark's offset and whether it opens (straight ones by context)."""
    marks = []
    for i, ch in enumerate(text):
        if ch in _OPENING:
            marks.append((i, True))
        elif ch in _CLOSING:
            marks.append((i, False))
        elif ch == '"':
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            marks.append((i, before in _BEFORE_OPEN and not after.isspace()))
    return marks


def quoted(text: str) -> str:
    """``text`` in typographic quotes, every quotation mark in it paired."""
    body = text.strip()
    chars = list(body)
    depth = missing = 0
    depths: list[int] = []  # the depth after each mark, in order
    for i, opens in _marks(body):
        chars[i] = "‘" if opens else "’"
        if opens:
            depth += 1
        elif depth:
            depth -= 1
        else:
            missing += 1  # closes a quotation opened before this text
        depths.append(depth)
    inner = "‘" * missing + "".join(chars) + "’" * depth
    # One whole quotation: it opens at the first character and closes only at the last.
    starts_open = missing > 0 or body.startswith(tuple(_OPENING + '"'))
    closed_inside = [d for d in depths if d == 0]
    ends_at_last = (not closed_inside and depth > 0) or (
        missing <= 1 and len(closed_inside) == 1 and depths[-1] == 0 and inner.endswith("’")
        and _last_mark(body) == len(body) - 1
    )
    if starts_open and ends_at_last:
        return f"“{inner[1:-1]}”"
    return f"“{inner}”"


def _last_mark(body: str) -> int:
    marks = _marks(body)
    return marks[-1][0] if marks else -1
