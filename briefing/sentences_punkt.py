"""The Punkt model behind :mod:`briefing.sentences`, built from the project's own lists.

NLTK's Punkt is a good decision engine, but its English knowledge lives in a data package
(``punkt_tab``) that is not installed here or in CI. Instead of training, we give Punkt
hand-written parameters:

* abbreviations (``data/abbreviations_en.txt``), in four kinds: titles that always precede
  a name (``Dr.``), abbreviations that usually end a sentence (``p.m.``), words that are
  abbreviations only before a number (``No. 10``) and plain ones (``Inc.``);
* an orthographic context that marks common function words as lower case in mid-sentence,
  so a capitalised ``The``/``He``/``How`` after an abbreviation or initial starts a sentence
  while an unknown capitalised word (a name) does not.

Dotted acronyms (``U.S.``, ``e.g.``) are recognised by pattern rather than listed.

NLTK's pretrained ``punkt_tab`` can be merged in (``get_tokenizer(pretrained=True)``) but
is not used: measured with ``bench/bench_sbd.py`` it passes the same golden rules (48/48)
and, on the BBC corpus, changes 32 of our 41,700 sentences, nearly all for the worse
(it joins sentences after words such as "don't." and "Mary's.").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from .nltk_import import import_nltk
from .sentences_lists import (
    ABBREVIATIONS,
    BEFORE_NUMBER,
    CONTINUATIONS,
    STARTERS,
    TERMINAL,
    TITLES,
)

import_nltk()  # before the line below, which would otherwise import nltk the slow way

from nltk.tokenize.punkt import (  # noqa: E402
    _ORTHO_BEG_UC,
    _ORTHO_MID_LC,
    PunktLanguageVars,
    PunktParameters,
    PunktSentenceTokenizer,
    PunktToken,
)

_DOTTED = re.compile(r"(?:[^\W\d_]\.){2,}$")
_ACRONYM = re.compile(r"[A-Z]{2,}\.$")  # "MS.", "DEC.": an acronym, not "Ms."/"Dec."
_OPENERS = "'‘’\"“([{"  # may stick to the front of a Punkt word token
_PLAIN_WORD = re.compile(r"([^\W\d_]{2,})\.")


def build_parameters() -> PunktParameters:
    """Punkt parameters from the project's lists (no NLTK data needed)."""
    params = PunktParameters()
    params.abbrev_types = set(TITLES | TERMINAL | ABBREVIATIONS.get("plain", frozenset()))
    params.collocations = {(word, "##number##") for word in BEFORE_NUMBER}
    params.sent_starters = set(STARTERS)
    for word in STARTERS:
        params.add_ortho_context(word, _ORTHO_MID_LC | _ORTHO_BEG_UC)
    return params


class NewsPunkt(PunktSentenceTokenizer):  # type: ignore[misc]
    """Punkt with acronym, title and sentence-final abbreviation rules.

    It also skips Punkt's token annotation where its answer is known in advance: a period
    after a plain word of two or more letters that is no abbreviation (nor the first word
    of a collocation) is always a sentence break in Punkt. Most candidates are such.
    """

    def __init__(self, params: PunktParameters) -> None:
        super().__init__(params, lang_vars=PunktLanguageVars())
        self._needs_punkt = frozenset(params.abbrev_types) | {a for a, _ in params.collocations}

    def _slices_from_text(self, text: str) -> Iterator[slice]:
        last_break = 0
        for match, context in self._match_potential_end_contexts(text):
            word = _PLAIN_WORD.match(context)
            if (
                word is not None
                and word.end() == len(context) - len(match.group("after_tok"))
                and word.group(1).lower() not in self._needs_punkt
            ) or self.text_contains_sentbreak(context):
                yield slice(last_break, match.end())
                last_break = match.start("next_tok") if match.group("next_tok") else match.end()
        yield slice(last_break, len(text.rstrip()))

    def _first_pass_annotation(self, aug_tok: PunktToken) -> None:
        super()._first_pass_annotation(aug_tok)
        if not aug_tok.period_final:
            return
        if aug_tok.sentbreak and (
            _DOTTED.match(aug_tok.tok)
            or aug_tok.tok[:-1].lstrip(_OPENERS).lower() in self._params.abbrev_types
        ):
            aug_tok.sentbreak, aug_tok.abbr = False, True
        elif aug_tok.abbr and _ACRONYM.match(aug_tok.tok):
            aug_tok.sentbreak, aug_tok.abbr = True, False

    def _second_pass_annotation(
        self, aug_tok1: PunktToken, aug_tok2: PunktToken | None
    ) -> str | None:
        if aug_tok2 is not None and aug_tok1.abbr and aug_tok1.period_final:
            typ = aug_tok1.type_no_period.lstrip(_OPENERS)
            if typ in TITLES:
                return "title"
            if (
                typ in TERMINAL
                and aug_tok2.first_upper
                and aug_tok2.type_no_sentperiod not in CONTINUATIONS
            ):
                aug_tok1.sentbreak = True
                return "terminal abbreviation"
        result: str | None = super()._second_pass_annotation(aug_tok1, aug_tok2)
        return result


def _merge_pretrained(params: PunktParameters) -> bool:
    """Add NLTK's pretrained English model to ``params`` if it is installed."""
    try:
        from nltk.data import find
        from nltk.tokenize.punkt import load_punkt_params

        pretrained: Any = load_punkt_params(find("tokenizers/punkt_tab/english/"))
    except (LookupError, OSError, ImportError):
        return False
    params.abbrev_types |= set(pretrained.abbrev_types)
    params.collocations |= set(pretrained.collocations)
    for typ, flags in pretrained.ortho_context.items():
        if typ not in STARTERS:
            params.ortho_context[typ] |= flags
    return True


@lru_cache(maxsize=2)
def get_tokenizer(pretrained: bool = False) -> NewsPunkt:
    """The shared tokenizer; ``pretrained`` also merges ``punkt_tab`` when available."""
    params = build_parameters()
    if pretrained:
        _merge_pretrained(params)
    return NewsPunkt(params)
