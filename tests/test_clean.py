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
