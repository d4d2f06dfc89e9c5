"""Property tests: any text at all goes through the whole pipeline without breaking it."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from briefing.briefing import analyse, build_briefing
from briefing.config import Config
from briefing.errors import ArticleError
from briefing.ingest import parse_article
from briefing.render import render_markdown
from briefing.templates import find_template

WORDS = st.sampled_from(
    [
        "The",
        "minister",
        "said",
        "Paris",
        "U.S.",
        "Lt.",
        "Gen.",
        "#",
        "|",
        "*",
        "[b]",
        "{{x}}",
        "<i>",
        "`",
        "\n",
        "\n\n",
        "-",
        "1.",
        "“",
        "”",
        ".",
        "!",
        "?",
        "Russia",
        "opposed",
        "China's",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=400),
    st.lists(WORDS, max_size=80).map(" ".join),
)
EXPECTED_H2 = ["Key points", "Positions by country", "Article summaries", "Sources"]


def h2_headings(markdown: str) -> list[str]:
    tokens = MarkdownIt("commonmark").parse(markdown)
    return [
        tokens[i + 1].content
        for i, t in enumerate(tokens)
        if t.type == "heading_open" and t.tag == "h2"
    ]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(TEXTS, min_size=1, max_size=3), title=st.text(max_size=40))
def test_any_text_renders_a_well_formed_memo(texts: list[str], title: str) -> None:
    analyses = []
    for i, text in enumerate(texts):
        try:
            article = parse_article(text.encode("utf-8"), f"a{i}.txt", f"a{i}")
        except ArticleError:
            continue
        analysis = analyse(article)
        for sentence in analysis.summary_sentences:
            assert sentence in article.text
        analyses.append(analysis)
    briefing = build_briefing(analyses, Config(), title=title or "T", date="2024-01-01")
    template = find_template("memo", Config().root)
    memo = render_markdown(briefing, template)
    assert memo == render_markdown(briefing, template)
    assert h2_headings(memo) == EXPECTED_H2
    assert "\x1b" not in memo
