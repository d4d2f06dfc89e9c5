"""Boilerplate removal: credits, copyright notices and furniture go; prose stays."""

from __future__ import annotations

from briefing.clean import clean_text


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
    assert clean_text(text) == f"{caption}\n\nTalks resumed."


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
