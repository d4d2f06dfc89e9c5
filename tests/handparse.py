"""Hand-built parses for grammar tests: a rule is pinned on the parse it handles, whatever
the shipped model happens to produce for a sentence today."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from briefing.positions.parse import MODEL

if TYPE_CHECKING:
    from spacy.tokens import Doc

Row = tuple[str, str, str, str, int]
needs_model = pytest.mark.skipif(not (MODEL / "config.cfg").is_file(),
                                 reason="the parsing model is not built (make model)")


def doc(rows: list[Row], glued: frozenset[int] = frozenset()) -> Doc:
    """A hand-parsed Doc from (word, POS, tag, dependency, head index) rows; the tokens
    at ``glued`` indexes have no space after them ("Ruiz-Soto")."""
    import spacy
    from spacy.tokens import Doc

    words, pos, tags, deps, heads = zip(*rows, strict=True)
    return Doc(spacy.blank("en").vocab, words=list(words), pos=list(pos), tags=list(tags),
               deps=list(deps), heads=list(heads), lemmas=[w.lower() for w in words],
               spaces=[i not in glued for i in range(len(words))])
