"""Boilerplate removal: credits, copyright notices and furniture go; prose stays."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.adding import save
from briefing.clean import clean_article, clean_text, is_heading
from briefing.errors import ArticleError
from briefing.formats import Draft
from briefing.ingest import parse_article


def test_trailing_wire_credit_and_copyright_line_are_removed() -> None:
    text = (
        "The ministers agreed to meet again in May. (Newswire)\n\n"
        "© 2024 Harbour Press. All rights reserved.\n\n"
        "저작권자 © 어느 신문 무단전재 및 재배포 금지"
    )
    assert clean_text(text) == "The ministers agreed to meet again in May."


def test_leading_dateline_credit_is_removed() -> None:
    assert clean_text("OSLO, May 3 (Nordwire) -- Talks resumed.") == "Talks resumed."
    assert clean_text("(AP) — Talks resumed.") == "Talks resumed."


def test_furniture_lines_are_removed() -> None:
    text = "First paragraph.\n\nAdvertisement\n\nScroll down for video\n\nSecond paragraph."
    assert clean_text(text) == "First paragraph.\n\nSecond paragraph."


def test_prose_that_mentions_copyright_or_ends_in_an_acronym_stays() -> None:
    long = "The court ruled on the copyright dispute between the two publishers. " * 5
    assert clean_text(long).startswith("The court ruled")
    assert clean_text("A missile defence system (THAAD)") == "A missile defence system (THAAD)"


def test_wire_credits_in_their_usual_places() -> None:
    assert clean_text("LONDON (Newswire) - Talks resumed.") == "Talks resumed."
    assert clean_text("NEW YORK (AP) — Talks resumed.") == "Talks resumed."
    assert clean_text("MOSCOW, July 17 — Talks resumed.") == "Talks resumed."
    assert clean_text("Talks resumed on Monday. — Newswire") == "Talks resumed on Monday."
    assert clean_text("Talks resumed on Monday. -- AFP") == "Talks resumed on Monday."
    # A dash inside a sentence, or a credit-like parenthesis mid-text, is prose.
    assert clean_text("Prices rose 5% - Mr Smith said.") == "Prices rose 5% - Mr Smith said."
    assert clean_text("The minister (AP) — said so") == "The minister (AP) — said so"


def test_signature_and_reporting_lines() -> None:
    text = "Talks resumed.\n\nReporting by Ann Lee; Editing by Bo Kim\n\n(Writing by Cy Doe)"
    assert clean_text(text) == "Talks resumed."


def test_copyright_lines_in_many_languages() -> None:
    notices = [
        "Copyright 2024 Harbour Press",
        "ⓒ 어느 신문",
        "Tous droits réservés.",
        "Todos los derechos reservados.",
        "Wszelkie prawa zastrzeżone.",
        "Tüm hakları saklıdır.",
        "Все права защищены.",
        "جميع الحقوق محفوظة",
        "無断転載を禁じます",
        "版权所有",
    ]
    text = "\n\n".join(["Talks resumed.", *notices])
    assert clean_text(text) == "Talks resumed."


def test_share_and_subscribe_prompts() -> None:
    prompts = [
        "Share on Facebook",
        "Facebook Twitter Email",
        "Share | Tweet | Copy link",
        "Subscribe to our newsletter",
        "Sign up for the morning briefing",
        "Read more: Ports reopen after storm",
        "Download the Courier app",
        "Listen to this article",
        "Continue reading",
        "Most read",
        "Ad",
    ]
    text = "\n\n".join(["Talks resumed.", *prompts, "They will meet again."])
    assert clean_text(text) == "Talks resumed.\n\nThey will meet again."


def test_photo_captions_and_repeated_paragraphs() -> None:
    caption = "Delegates arrive for the talks in Lisbon on Tuesday"
    text = "\n\n".join(
        [
            "Image caption " + caption,
            "Image source, Harbour Press",
            caption,
            "Talks resumed.",
            caption,
            "Delegates arrive in Lisbon (Photo by Ann Lee/AFP via Getty Images)",
        ]
    )
    # The caption is not prose however often it is printed: only the sentence stays.
    assert clean_text(text) == "Talks resumed."


def test_a_paragraph_in_another_language_is_dropped_from_an_english_article() -> None:
    english = [
        "The two coastal states resumed talks on the harbour on Tuesday after months of delay.",
        "The foreign minister said that her government wanted an agreement before the summer.",
    ]
    french = "Le ministre a déclaré que les négociations reprendraient la semaine prochaine."
    korean = "정부는 화요일 노조와의 협상이 다음 주에 재개될 것이라고 발표했다."
    text = "\n\n".join([english[0], french, english[1], korean])
    assert clean_text(text) == "\n\n".join(english)
    assert french in clean_text(text, english_only=False)


def test_an_article_in_another_language_is_kept_whole() -> None:
    text = (
        "Le ministre a déclaré mardi que les négociations avec les syndicats reprendraient.\n\n"
        "Les deux délégations se retrouveront à Paris pour une nouvelle session de travail."
    )
    assert clean_text(text) == text


def test_lists_of_names_are_not_taken_for_a_foreign_language() -> None:
    line_up = "England: A Titterrell, D Bell, S Borthwick, A Hazell, M Dawson, A Goode, O Smith."
    text = f"The squad was named on Monday by the head coach in London.\n\n{line_up}"
    assert clean_text(text).endswith(line_up)


PROSE = [
    "The harbour authority reopened the northern quay on Monday after a week of repairs.",
    "He declined.",
    "Ministers from both coastal states will meet again in Lisbon in May.",
]


def body(*lines: str) -> str:
    return "\n\n".join(lines)


@pytest.mark.parametrize(
    "furniture",
    [
        "Media playback is unsupported on your device",
        "Media playback is unsupported on your device Media caption The quay reopened on Monday",
        "Media caption Dock workers return to the northern quay",
        "Image copyright Harbour Press Image caption The quay at dawn",
        "Photo: Harbour Press",
        "Photo",
        "Dock workers unload the first ship on Monday. (Photo: Ann Lee/Harbour Press)",
        "Dock workers unload the first ship, Monday, May 4. REUTERS/Ann Lee",
        "The quay at dawn on Monday. Ann Lee / AP file",
        "By Jane Doe, Harbour Press",
        "/ Updated By Ann Lee and Bo Kim",
        "Read more: Storm closes the northern quay",
        "Share this article",
        "Related: Why the quay matters to the region",
        "WATCH: Harbour Chief Opens the Quay",
        "► May 3: Storm closes the northern quay",
        "[Storm closes the northern quay for a week]",
        "Read or Share this story: https://example.org/quay",
        "Sign up for our morning briefing and get the news in your inbox.",
        "Follow Ann Lee on Twitter: @annlee",
        "Want more stories like this? Download the Harbour Press app now!",
        "Ann Lee and Bo Kim contributed to this report.",
        "___",
        "Story highlights The northern quay reopened on Monday",
    ],
)
def test_each_furniture_form_is_removed(furniture: str) -> None:
    assert clean_text(body(PROSE[0], furniture, PROSE[1])) == body(PROSE[0], PROSE[1])


@pytest.mark.parametrize(
    "heading",
    [
        "WHY IS THE QUAY IMPORTANT?",
        "LONG GAME",
        "3. Spend (on repairs) and you shall receive",
        "A Quay Reborn After the Storm",
        "The storm by the numbers",
        "What happens now?",
        "'We have never seen a storm like it'",
    ],
)
def test_headlines_teasers_and_subheads_inside_the_body_are_removed(heading: str) -> None:
    assert clean_text(body(PROSE[0], heading, PROSE[2])) == body(PROSE[0], PROSE[2])


def test_teasers_before_the_first_sentence_are_removed_however_long() -> None:
    teaser = "Officials say the northern quay will stay open through the winter and beyond"
    assert clean_text(body(teaser, PROSE[0])) == PROSE[0]


def test_short_real_sentences_and_unpunctuated_prose_stay() -> None:
    lines = [
        PROSE[0],
        "He declined.",
        "Why?",  # a one-word question is dropped as a subhead: it says nothing alone
        'Asked whether the quay was safe, the harbour chief said: "It is."',
        "The repairs involved 62 workers from the Harbour Engineering Company in Porto",
        "No.",
    ]
    assert clean_text(body(*lines)) == body(*[x for x in lines if x != "Why?"])


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("(Newswire) Talks resumed on Monday.", "Talks resumed on Monday."),
        ("PRETORIA/KHARTOUM, Talks resumed on Monday.", "Talks resumed on Monday."),
        ("LE BOURGET, France — Talks resumed on Monday.", "Talks resumed on Monday."),
        ("WASHINGTON (Newswire) - Talks resumed on Monday.", "Talks resumed on Monday."),
        ("HARBOUR CITY, Tenn. - Talks resumed on Monday.", "Talks resumed on Monday."),
        ("LISBON: Talks resumed on Monday.", "Talks resumed on Monday."),
        ("Lisbon, Portugal (Newswire) Talks resumed on Monday.", "Talks resumed on Monday."),
        ("CALGARY -- Talks resumed on Monday.", "Talks resumed on Monday."),
    ],
)
def test_datelines_and_credits_go_but_the_sentence_stays(line: str, kept: str) -> None:
    assert clean_text(body(line, PROSE[0])) == body(kept, PROSE[0])


def test_a_title_with_a_colon_is_not_taken_for_a_dateline() -> None:
    data = body("Ann Lee: Keeper of the northern quay", PROSE[0]).encode()
    assert parse_article(data, "quay.txt", "quay").title == "Ann Lee: Keeper of the northern quay"


def test_a_bare_dateline_is_only_a_dateline_where_the_body_starts() -> None:
    speaker = "ANN LEE: We will reopen the quay on Monday."
    text = body(PROSE[0], PROSE[2], PROSE[0].replace("Monday", "Sunday"), speaker)
    assert clean_text(text).endswith(speaker)
    hyphenated = "NATO-Russia talks resumed on Monday."
    assert clean_text(hyphenated) == hyphenated
    # In ordinary case a name and a colon are a speaker or a headline's label, not a dateline.
    for line in ("Ann Lee: We will reopen the quay.", "Poll: Most residents back the quay."):
        assert clean_text(body(line, PROSE[0])) == body(line, PROSE[0])


def test_tweet_text_stays_as_a_quotation_and_its_signature_goes() -> None:
    tweet = (
        "The quay is open again, thanks to everyone who worked through the night "
        "https://t.co/abc123 — Ann Lee (@annlee_harbour) May 4, 2024"
    )
    cleaned = clean_text(body(PROSE[0], tweet))
    assert cleaned == body(
        PROSE[0],
        "Ann Lee wrote: “The quay is open again, thanks to everyone who worked through the night”",
    )
    assert "@annlee" not in cleaned and "2024" not in cleaned
    # A signature left alone on its line (the text was above it) goes entirely.
    alone = "https://t.co/abc123 — Ann Lee (@annlee_harbour) May 4, 2024"
    assert clean_text(body(PROSE[0], alone)) == PROSE[0]
    post = "A post shared by Ann Lee (@annlee) on May 4, 2024 at 6:12am PDT"
    assert clean_text(body(PROSE[0], post)) == PROSE[0]


def test_mojibake_is_repaired() -> None:
    assert clean_text("The repairs cost Â£600m, the ministerâ€™s office said.") == (
        "The repairs cost £600m, the minister’s office said."
    )


def test_normal_prose_is_untouched() -> None:
    text = body(*PROSE, "“It was the right decision,” she said. “We will see.”")
    assert clean_text(text) == text


def test_a_txt_title_line_becomes_the_title_and_is_not_read_again() -> None:
    data = body("Quay reopens after storm repairs", PROSE[0], PROSE[2]).encode()
    article = parse_article(data, "quay.txt", "quay")
    assert article.title == "Quay reopens after storm repairs"
    assert article.text == body(PROSE[0], PROSE[2])


def test_a_title_repeated_at_the_top_of_the_body_is_dropped() -> None:
    data = ("---\ntitle: Quay reopens\n---\n\n" + body("Quay reopens", PROSE[0])).encode()
    article = parse_article(data, "quay.md", "quay")
    assert (article.title, article.text) == ("Quay reopens", PROSE[0])


@pytest.mark.parametrize("title", ["Photo", "Media playback is unsupported on your device"])
def test_a_furniture_title_gives_way_to_the_headline_or_the_first_sentence(title: str) -> None:
    data = f"---\ntitle: {title}\n---\n\n{body('Quay reopens', PROSE[0])}".encode()
    assert parse_article(data, "quay.md", "quay").title == "Quay reopens"
    data = f"---\ntitle: {title}\n---\n\n{PROSE[0]}".encode()
    assert parse_article(data, "quay.md", "quay").title.startswith("The harbour authority")


def test_links_listed_under_a_read_more_header_go() -> None:
    links = ["Read more:", "Storm closes the northern quay for a week", "Five ships wait at sea."]
    after = (
        "The port expects the first container ship to dock on Tuesday morning, weeks "
        "earlier than the shipping lines had been told to expect."
    )
    assert clean_text(body(PROSE[0], *links, after)) == body(PROSE[0], after)


def test_a_hard_wrapped_paragraph_is_one_line_of_prose_not_a_run_of_headings() -> None:
    wrapped = (
        "The harbour authority reopened the northern quay on Monday\n"
        "after a week of repairs that cost the port more than it\n"
        "had planned, officials said."
    )
    assert clean_text(wrapped) == " ".join(wrapped.split())


def test_a_body_of_headings_only_is_kept_rather_than_lost() -> None:
    assert clean_article("Quay Reopens").lines == ("Quay Reopens",)


def test_heading_shape() -> None:
    assert is_heading("Quay reopens after storm")
    assert not is_heading("He declined.")
    assert not is_heading("Officials said the quay would reopen on Monday,")


def test_a_credited_caption_printed_twice_goes_but_a_credited_sentence_once_stays() -> None:
    caption = "Harbour chief Ann Lee speaks to reporters at the quay on Thursday. (Newswire)"
    assert clean_text(body(caption, caption, PROSE[0])) == PROSE[0]
    once = "The quay reopened on Monday. (Newswire)"
    assert clean_text(body(once, PROSE[0])) == body("The quay reopened on Monday.", PROSE[0])


def test_a_quotation_after_a_short_line_ending_in_a_colon_stays() -> None:
    text = body(PROSE[0], "She added:", "“We will not back down.”")
    assert clean_text(text) == text


def test_bulleted_list_items_are_content_not_headings() -> None:
    items = ["- Russia leaves the grain deal", "• Ports in Odesa struck twice", "* Prices rise"]
    text = body(PROSE[0], *items)
    assert clean_text(text) == text


def test_add_gives_an_untitled_draft_the_title_build_would_show(tmp_path: Path) -> None:
    draft = Draft(title="", text=body("Quay reopens after storm repairs", PROSE[0]))
    saved, new = save(draft, tmp_path, "notes.txt")
    assert new
    article = parse_article(saved.read_bytes(), saved.name, "quay")
    assert (article.title, article.text) == ("Quay reopens after storm repairs", PROSE[0])


def test_a_page_of_cut_short_teasers_has_no_article_text() -> None:
    teasers = [
        "Quay Reopens After Storm The harbour authority reopened the northern quay on...",
        "Ferry Timetable Changes Ferries to the islands will sail an hour later from May,...",
        "Dock Workers Vote On Pay Workers at the port voted on Friday. The result is due.",
        "Fish Market Moves Inland The market that has stood by the water since 1890 will…",
    ]
    assert clean_article(body(*teasers)).lines == ()
    with pytest.raises(ArticleError, match="no article text"):
        parse_article(body(*teasers).encode(), "tags.txt", "tags")


def test_a_cut_short_last_line_is_trimmed_but_an_article_with_one_is_kept() -> None:
    cut = "Ministers will meet again in Lisbon. The talks are expected to cover,..."
    assert clean_text(body(PROSE[0], PROSE[2], cut)) == body(
        PROSE[0], PROSE[2], "Ministers will meet again in Lisbon."
    )


def test_a_note_about_the_page_itself_goes_but_prose_about_a_named_report_stays() -> None:
    notes = [
        "This report is published every weekday and lists the incidents of the day before.",
        "This article first appeared in the Harbour Press weekend edition.",
        "Note: Times given are local and may change after the inquiry.",
        "Editor's note: An earlier version of this story gave the wrong date.",
    ]
    assert clean_text(body(notes[0], PROSE[0], *notes[1:], PROSE[2])) == body(PROSE[0], PROSE[2])
    named = [
        "The inspectors published their report on the quay on Monday.",
        "This report found cracks in two of the four piers.",
    ]
    assert clean_text(body(*named)) == body(*named)
    other = "This video of the storm shows the waves breaking over the northern quay."
    assert clean_text(body(other, PROSE[0])) == body(other, PROSE[0])
