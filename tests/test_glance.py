"""Positions at a glance: headline choice, verb and object, voices order, balanced quotes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.glance import arrange, at_a_glance, claim_of, headline, statement_text
from briefing.models import Analysis, Article, Briefing, Citation, Position, Sentence, Statement
from briefing.quotes import quoted
from briefing.render import memo_context, render_json, render_markdown
from briefing.templates import find_template


def stmt(text: str, stance: str = "STATEMENT", *, speaker: str | None = None, kind: str = "",
         article: str = "a", sentence: int = 0, claim: str = "", last: int | None = None,
         joint: tuple[str, ...] = ()) -> Statement:
    return Statement(text, "ARC", speaker, stance, (Citation(article, sentence, last),),
                     speaker_kind=kind, claim=claim, joint=joint)


def test_without_a_claim_the_stance_verb_stands_alone() -> None:
    # The object is read off the parse by attribution; glance never re-parses with patterns.
    assert claim_of(stmt("Arcadia refused to extend the ferry treaty.", "REJECT")) == "rejects"
    assert claim_of(stmt("Arcadia warned.", "WARN", speaker="Arcadian officials")) == "warn"


def test_attribution_claim_wins_over_the_derived_one() -> None:
    s = stmt("Arcadia refused the plan.", "REJECT", claim="rejects the harbour plan")
    assert claim_of(s) == "rejects the harbour plan"


def test_headline_prefers_an_official_taking_a_side_then_sources_unless_pinned() -> None:
    said = stmt("Arcadia said the talks went on.", kind="official")
    critic = stmt("A critic condemned the plan.", "DISAPPROVE", speaker="Critic", kind="expert")
    sided = stmt("Arcadia rejected the plan.", "REJECT", kind="official", sentence=2)
    wider = Statement("Arcadia opposed the levy.", "ARC", None, "OPPOSE",
                      (Citation("a", 3), Citation("b", 1)), speaker_kind="official")
    p = Position("Arcadia", "ARC", (said, critic, sided, wider))
    assert headline(p) is wider
    pinned = Position("Arcadia", "ARC", p.statements, pinned=Citation("a", 0))
    assert headline(pinned) is said


def test_details_put_officials_first_and_other_voices_after() -> None:
    media = stmt("A paper said so.", speaker="Paper", kind="media", sentence=1)
    expert = stmt("A scholar said so.", speaker="Scholar", kind="expert", sentence=2)
    official = stmt("The minister said so.", speaker="Minister", kind="official", sentence=3)
    p = arrange(Position("Arcadia", "ARC", (media, expert, official)))
    assert [s.speaker for s in p.statements] == ["Minister", "Scholar", "Paper"]


def test_glance_has_a_line_per_country_and_body_but_not_other_voices() -> None:
    positions = (
        Position("Arcadia", "ARC", (stmt("Arcadia said so.", joint=("UN",)),)),
        Position("UN", "UN", (stmt("The UN said so.", sentence=1),), kind="body"),
        Position("Others", "", (stmt("A blogger said so.", sentence=2),), kind="other"),
    )
    lines = at_a_glance(positions)
    assert [line.position.iso3 for line in lines] == ["ARC", "UN"]
    assert lines[0].who == "Arcadia (with UN)"
    assert lines[0].sources == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We will hold the pass.', "“We will hold the pass.”"),
        ('We will never yield the valley."', "“We will never yield the valley.”"),
        ('"We hold the pass. We never yield."', "“We hold the pass. We never yield.”"),
        ('He said "no" to the plan.', "“He said ‘no’ to the plan.”"),
        ('"No," he said, "never."', "“‘No,’ he said, ‘never.’”"),
        ("Arcadia’s view is plain.", "“Arcadia’s view is plain.”"),
    ],
)
def test_quotation_marks_are_balanced(text: str, expected: str) -> None:
    assert quoted(text) == expected


def _quotation_briefing() -> Briefing:
    text = ('The minister spoke at the port. "We will hold the pass. '
            'We will never yield the valley," she said.')
    starts = [0, text.index('"We'), text.index("We will never")]
    cut = list(zip(starts, [starts[1] - 1, starts[2] - 1, len(text)], strict=True))
    sentences = tuple(Sentence(i, text[a:b], a, b) for i, (a, b) in enumerate(cut))
    article = Article("a", "a.md", "Port talks", text, outlet="Wire", published="2024-01-02",
                      url="https://example.org/a")
    quote = stmt(sentences[1].text, speaker="Minister", kind="official", sentence=1, last=2)
    analysis = Analysis(article, sentences, (0,), (quote,))
    return Briefing("T", "2024-01-03", "", "U", (analysis,), (),
                    (Position("Arcadia", "ARC", (quote,)),))


def test_a_quotation_over_sentences_is_one_statement_with_balanced_marks() -> None:
    b = _quotation_briefing()
    s = b.positions[0].statements[0]
    assert statement_text(s, b.analyses).endswith("valley,\" she said.")
    context = memo_context(b)
    statement = context["positions"][0]["statements"][0]
    said = "“‘We will hold the pass. We will never yield the valley,’ she said.”"
    assert statement["quote"] == said
    assert statement["cite"] == "[1, s. 2–3]"
    data = json.loads(render_json(b))
    assert data["positions"][0]["statements"][0]["last"] == 2
    assert data["glance"][0]["who"] == "Minister"


def test_every_builtin_template_carries_the_glance(tmp_path: Path) -> None:
    b = _quotation_briefing()
    for name in ("memo", "onepager", "table"):
        memo = render_markdown(b, find_template(name, tmp_path))
        assert "Arcadia" in memo and "says" in memo and "Minister" in memo, name
        assert "Wire, “Port talks”, 2024-01-02. <https://example.org/a>" in memo, name


def test_glance_escapes_article_text(tmp_path: Path) -> None:
    hostile = stmt("Arcadia rejected the | pipe # [plan](http://x) <b>", "REJECT",
                   speaker="A | B", kind="official",
                   claim="rejects the | pipe # [plan](http://x) <b>")  # words of the article
    analysis = Analysis(Article("a", "a.md", "T", hostile.text), (), (), (hostile,))
    b = Briefing("T", "2024-01-03", "", "U", (analysis,), (),
                 (Position("Arcadia", "ARC", (hostile,)),))
    memo = render_markdown(b, find_template("memo", tmp_path))
    row = next(line for line in memo.splitlines() if line.startswith("| **Arcadia**"))
    assert row.count(" | ") == 3 and "\\| pipe" in row and "<b>" not in row


def test_memo_lists_officials_then_other_voices(tmp_path: Path) -> None:
    media = stmt("A paper said the port is shut.", speaker="Paper", kind="media", sentence=1)
    official = stmt("The minister said the port is open.", speaker="Minister", kind="official",
                    sentence=2)
    analysis = Analysis(Article("a", "a.md", "T", "x"), (), (), (media, official))
    b = Briefing("T", "2024-01-03", "", "U", (analysis,), (),
                 (Position("Arcadia", "ARC", (media, official)),))
    memo = render_markdown(b, find_template("memo", tmp_path))
    details = memo.split("### Arcadia", 1)[1]
    assert details.index("**Minister**") < details.index("*Other voices:*")
    assert details.index("*Other voices:*") < details.index("**Paper**")
