"""The sentence splitter: hard cases of news text, offsets, the golden rules, robustness."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.models import Sentence
from briefing.sentences import make_sentences, sentence_spans, split_sentences
from briefing.sentences_punkt import get_tokenizer

GOLDEN = Path(__file__).resolve().parents[2] / "shared/bench/sbd_golden_rules_en.json"
GOLDEN_PASSED = 48


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # titles, ranks and acronyms
        (
            "Lt. Gen. David Mann spoke first. Dr. Ruth Alvarez replied.",
            ["Lt. Gen. David Mann spoke first.", "Dr. Ruth Alvarez replied."],
        ),
        (
            "The U.S. Army moved two batteries. The U.N. Security Council met later.",
            ["The U.S. Army moved two batteries.", "The U.N. Security Council met later."],
        ),
        (
            "Critics questioned the U.S.' global reach. Others agreed.",
            ["Critics questioned the U.S.' global reach.", "Others agreed."],
        ),
        (
            "The envoy flew back to the U.K. He landed at noon.",
            ["The envoy flew back to the U.K.", "He landed at noon."],
        ),
        (
            "Patients with MS. Final approval is due in May.",
            ["Patients with MS.", "Final approval is due in May."],
        ),
        (
            "The minister returned to No. 10 Downing Street. He said no. Then he left.",
            ["The minister returned to No. 10 Downing Street.", "He said no.", "Then he left."],
        ),
        (
            "Shares of Harbour Freight Co. fell. Acme Ltd. and Bolt Inc. rose.",
            ["Shares of Harbour Freight Co. fell.", "Acme Ltd. and Bolt Inc. rose."],
        ),
        (
            "The treaty was signed on Sept. 4 in Geneva. See p. 12 of the annex.",
            ["The treaty was signed on Sept. 4 in Geneva.", "See p. 12 of the annex."],
        ),
        # initials
        (
            "The report was written by Maria K. Olsen and T. J. Barnes. It is long.",
            ["The report was written by Maria K. Olsen and T. J. Barnes.", "It is long."],
        ),
        # abbreviations at a true sentence end
        (
            "The vote closed at 8 p.m. Officials began counting at once.",
            ["The vote closed at 8 p.m.", "Officials began counting at once."],
        ),
        (
            "The vote closed at 8 p.m. Tuesday in most states.",
            ["The vote closed at 8 p.m. Tuesday in most states."],
        ),
        (
            "By 6 a.m. Ms. Reyes had reached the border.",
            ["By 6 a.m. Ms. Reyes had reached the border."],
        ),
        (
            "They sell pens, paper, ink, etc. The shop opens daily.",
            ["They sell pens, paper, ink, etc.", "The shop opens daily."],
        ),
        # quotes
        (
            "“We will not back down.” The minister then left the room.",
            ["“We will not back down.”", "The minister then left the room."],
        ),
        (
            "“Is this the end?” she asked. “No!” he shouted. 'Fine.' he added.",
            ["“Is this the end?” she asked.", "“No!” he shouted.", "'Fine.' he added."],
        ),
        (
            'He said: "The talks went well..." Then he walked away.',
            ['He said: "The talks went well..."', "Then he walked away."],
        ),
        # ellipses, numbers, addresses
        (
            "Prices rose 3.5% to $4.20 a litre. Growth was 0.8 percent.",
            ["Prices rose 3.5% to $4.20 a litre.", "Growth was 0.8 percent."],
        ),
        (
            "He paused... and then went on. It was late... Nobody spoke.",
            ["He paused... and then went on.", "It was late...", "Nobody spoke."],
        ),
        (
            "Write to press.office@example.org. Details are at https://example.org/a.b/c.html. "
            "Thanks.",
            [
                "Write to press.office@example.org.",
                "Details are at https://example.org/a.b/c.html.",
                "Thanks.",
            ],
        ),
        # glued sentences
        (
            "The army tested two missiles.Top diplomats met the next day.",
            ["The army tested two missiles.", "Top diplomats met the next day."],
        ),
        (
            "It was cold.The wind rose. Ask Mr.Brown, e.g.Smith, or visit site.Example.Org now.",
            [
                "It was cold.",
                "The wind rose.",
                "Ask Mr.Brown, e.g.Smith, or visit site.Example.Org now.",
            ],
        ),
        # lower case after ! or ? continues the sentence
        (
            "She works at Zoomly! in the sales team. Really? yes, really.",
            ["She works at Zoomly! in the sales team.", "Really? yes, really."],
        ),
        (
            "He spoke (as he had planned.) at the end of the meeting.",
            ["He spoke (as he had planned.) at the end of the meeting."],
        ),
    ],
)
def test_hard_cases(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_never_across_paragraphs() -> None:
    text = "The talks ended in the U.S.\n\nOfficials left on Friday. Nobody spoke\n\nafter that."
    assert split_sentences(text) == [
        "The talks ended in the U.S.",
        "Officials left on Friday.",
        "Nobody spoke",
        "after that.",
    ]


def test_headline_lines_are_sentences() -> None:
    text = (
        "Storm closes northern ports\n"
        "By Lena Fischer\n"
        "Heavy rain closed three ports on Monday as wind speeds reached record levels along "
        "the northern coast.\n"
        "Fishing boats stayed in harbour."
    )
    assert split_sentences(text) == [
        "Storm closes northern ports",
        "By Lena Fischer",
        "Heavy rain closed three ports on Monday as wind speeds reached record levels along "
        "the northern coast.",
        "Fishing boats stayed in harbour.",
    ]


def test_hard_wrapped_paragraph_is_not_cut_at_line_ends() -> None:
    text = (
        "The committee said on Tuesday that the new rules would take effect next\n"
        "month, after a consultation that drew more than two thousand replies from\n"
        "Firms and charities alike. Critics said the plan was rushed.\n"
        "A short last line."
    )
    assert split_sentences(text) == [
        "The committee said on Tuesday that the new rules would take effect next\n"
        "month, after a consultation that drew more than two thousand replies from\n"
        "Firms and charities alike.",
        "Critics said the plan was rushed.",
        "A short last line.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Main points:\n- Prices rose\n- Wages fell\n* Rents are flat",
            ["Main points:", "- Prices rose", "- Wages fell", "* Rents are flat"],
        ),
        (
            "1. Sign the accord 2. Lift the tariffs 3. Meet again",
            ["1. Sign the accord", "2. Lift the tariffs", "3. Meet again"],
        ),
        (
            "a) Open the border. b) Release the prisoners.",
            ["a) Open the border.", "b) Release the prisoners."],
        ),
        (
            "• Ceasefire holds • Aid convoys move",
            ["• Ceasefire holds", "• Aid convoys move"],
        ),
        (
            "The plan has 2 steps. It will take 3. Days pass.",
            ["The plan has 2 steps.", "It will take 3.", "Days pass."],
        ),
    ],
)
def test_lists_and_bullets(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_spans_are_consistent() -> None:
    text = (
        "  Headline without a stop\n\nFirst point... then more. “Quoted!” he said.\n"
        "Glued.Sentence here.\r\n\r\n  Last one at 5 p.m. Done.  "
    )
    spans = sentence_spans(text)
    assert spans
    assert [text[s:e] for s, e in spans] == split_sentences(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        previous_end = end
    sentences = make_sentences(text)
    assert sentences[0] == Sentence(0, "Headline without a stop", 2, 25)
    assert [s.index for s in sentences] == list(range(len(spans)))
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_empty_and_blank() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n \t") == []
    assert make_sentences("One.") == (Sentence(0, "One.", 0, 4),)


def test_needs_no_nltk_data(monkeypatch: pytest.MonkeyPatch) -> None:
    import nltk.data

    def missing(*args: object, **kwargs: object) -> None:
        raise LookupError("no NLTK data here")

    monkeypatch.setattr(nltk.data, "find", missing)
    monkeypatch.setattr(nltk.data, "load", missing)
    get_tokenizer.cache_clear()
    try:
        assert split_sentences("I live in the U.S. How about you?") == [
            "I live in the U.S.",
            "How about you?",
        ]
    finally:
        get_tokenizer.cache_clear()


def test_golden_rules() -> None:
    if not GOLDEN.exists():
        pytest.skip("../shared/bench/sbd_golden_rules_en.json is not available")
    rules = json.loads(GOLDEN.read_text("utf-8"))["rules"]
    passed = sum(
        [s.strip() for s in split_sentences(r["text"])] == [s.strip() for s in r["expected"]]
        for r in rules
    )
    assert passed >= GOLDEN_PASSED


_PIECES = [*"aZ .!?\n\"'”“’()…-•1:;@/,", "U.S.", "Mr.", "p.m.", ". . .", "No. ", "1. "]
_NEWSY = st.lists(st.sampled_from(_PIECES), max_size=80).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), _NEWSY))
def test_never_raises_and_returns_substrings(text: str) -> None:
    sentences = split_sentences(text)
    spans = sentence_spans(text)
    assert len(sentences) == len(spans)
    previous_end = 0
    for sentence, (start, end) in zip(sentences, spans, strict=True):
        assert sentence and sentence in text
        assert text[start:end] == sentence == sentence.strip()
        assert start >= previous_end
        previous_end = end
