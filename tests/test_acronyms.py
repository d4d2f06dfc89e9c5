"""An organisation's initials spelled out from the article it appears in."""

from __future__ import annotations

from briefing.positions.acronyms import spelled_out


def test_initials_are_spelled_out_from_a_capitalised_name_in_the_article() -> None:
    text = "Doctors at Harbour Lane Children's Hospital met on Friday. HLCH said it would appeal."
    assert spelled_out("HLCH", text) == "Harbour Lane Children's Hospital"


def test_linking_words_may_sit_inside_the_name_but_never_end_it() -> None:
    text = "The Union of Tea Growers and Packers wrote to the Board of Trade."
    assert spelled_out("UTGP", text) == "Union of Tea Growers and Packers"
    assert spelled_out("BT", text) == ""  # two letters need "(BT)" after the name


def test_two_letters_are_spelled_out_only_where_the_article_defines_them() -> None:
    assert spelled_out("RA", "Rosa Alvarez spoke to the river authority.") == ""
    assert spelled_out("RA", "The River Authority (RA) closed the dam.") == "River Authority"


def test_no_name_or_no_acronym_gives_nothing() -> None:
    assert spelled_out("XYZ", "Nothing here spells it.") == ""
    assert spelled_out("Gosh", "Great Ormond Street Hospital") == ""
