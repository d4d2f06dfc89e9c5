"""Which sentences are parsed: only those that may carry a statement or introduce a speaker.

Parsing is the expensive step of a first build; the filter must never skip a sentence the
attribution rules could use (see ``attribution._candidate``).
"""

from __future__ import annotations

import pytest

from briefing.models import Article
from briefing.positions import find_statements
from briefing.positions.attribution import _candidate
from briefing.positions.parse import MODEL
from briefing.positions.stance import forms, may_act
from briefing.sentences import make_sentences


def test_forms_are_the_verbs_inflections_and_nothing_else() -> None:
    made = forms(frozenset({"ban", "agree", "deny"}))
    assert {"bans", "banned", "banning", "agreed", "agrees", "denies", "denied"} <= made
    assert "band" not in made  # a noun, not "ban" + "d"


def test_an_airing_verb_acts_only_with_a_stance_noun() -> None:
    assert may_act(["the", "ministry", "voiced", "outrage"])
    assert may_act(["they", "issued", "an", "ultimatum"])
    assert not may_act(["the", "singer", "voiced", "a", "cartoon", "fox"])
    assert not may_act(["the", "firm", "issued", "new", "shares"])
    assert may_act(["he", "said", "so"])


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("The harbour was quiet on Tuesday.", False),
        ("Officials said the harbour would reopen.", True),
        ("The singer voiced a cartoon fox.", False),
        ("The port authority voiced concern about the delays.", True),
        # Wholly quoted: what someone says, parsed only to meet a speaker it names.
        ("\u201cWe will keep the harbour open.", False),
        ("\u201cWe said we would keep the harbour open.\u201d", False),
        ("\u201cThe minister will keep the harbour open.\u201d", True),
        ("\u201cCanada will keep the harbour open.\u201d", True),
        ("\u201cThe Kremlin will decide.\u201d", True),
        ("\u201cAccording to him, the harbour stays open.\u201d", True),
        # Words outside the quotation marks may still be the act and its speaker.
        ("\u201cWe will keep it open,\u201d Ana Lopes insisted.", True),
        ("Ana Lopes mocked the \u201cpaper plan\u201d on Monday.", True),
    ],
)
def test_which_sentences_are_parsed(text: str, parsed: bool) -> None:
    assert _candidate(text) is parsed


@pytest.mark.skipif(not (MODEL / "config.cfg").is_file(), reason="the parsing model is not built")
def test_a_quotation_opened_in_an_unparsed_sentence_is_still_its_speakers() -> None:
    text = (
        "Moldovan Foreign Minister Ion Rusu arrived in Chisinau on Monday. "
        "\u201cThe border stays open. We will not close it,\u201d Rusu said."
    )
    sentences = make_sentences(text)
    assert not _candidate(sentences[1].text)  # the quotation's opening sentence
    article = Article(id="a1", path="a1.txt", title="", text=text)
    found = find_statements(article, sentences)[-1]
    assert (found.speaker, found.country) == ("Ion Rusu", "MDA")
    assert (found.citations[0].sentence, found.citations[0].last) == (1, 2)
