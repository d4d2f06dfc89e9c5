"""Attribution rules on hand-built parses (the sentences and their parses are ours): each
rule is pinned on the parse it exists for, so a new model cannot hide a regression."""

from __future__ import annotations

from spacy.tokens import Span

from briefing.positions.affiliation import COUNTRY, OFFICIAL, Affiliation
from briefing.positions.attribution import acts, outermost
from briefing.positions.memory import Entry, Memory
from briefing.positions.mentions import Mention, Sentence
from briefing.positions.quotations import quoted

from .handparse import Row, doc


def mention(rows: list[Row], head: int, glued: frozenset[int] = frozenset(),
            person: tuple[int, int] | None = None) -> Mention:
    """How the mentions step reads the phrase headed by token ``head`` of a hand parse
    (``person``: the tokens the tagger marked as a person, if any)."""
    parsed = doc(rows, glued)
    if person is not None:
        parsed.ents = [Span(parsed, *person, label="PER")]
    return Sentence(parsed).mention(parsed[head])

# '"We will not move," said Sen. Ana Ruiz of Ohio.' with the name parsed as a clause
_INVERTED_AS_CLAUSE = [
    ('"', "PUNCT", "``", "punct", 3), ("We", "PRON", "PRP", "nsubj", 3),
    ("will", "AUX", "MD", "aux", 3), ("move", "VERB", "VB", "ccomp", 6),
    (",", "PUNCT", ",", "punct", 3), ('"', "PUNCT", "''", "punct", 3),
    ("said", "VERB", "VBD", "ROOT", 6), ("Sen.", "PROPN", "NNP", "nmod:desc", 8),
    ("Ana", "PROPN", "NNP", "ccomp", 6), ("Ruiz", "PROPN", "NNP", "flat", 8),
    ("of", "ADP", "IN", "case", 11), ("Ohio", "PROPN", "NNP", "nmod", 8),
    (".", "PUNCT", ".", "punct", 6),
]


def test_a_name_after_an_inverted_reporting_verb_is_the_speaker_whatever_its_relation() -> None:
    (act,) = acts(list(doc(_INVERTED_AS_CLAUSE)))
    assert act.verb.text == "said" and [s.text for s in act.speakers] == ["Ana"]


def test_the_subject_of_the_content_is_not_the_speaker() -> None:
    # 'Talks ended, saying Russia would come.' -- "Russia" is the content's subject
    from briefing.positions.attribution import _adjacent

    rows = [("Talks", "NOUN", "NNS", "nsubj", 1), ("ended", "VERB", "VBD", "ROOT", 1),
            (",", "PUNCT", ",", "punct", 3), ("saying", "VERB", "VBG", "advcl", 1),
            ("Russia", "PROPN", "NNP", "nsubj", 6), ("would", "AUX", "MD", "aux", 6),
            ("come", "VERB", "VB", "ccomp", 3), (".", "PUNCT", ".", "punct", 1)]
    parsed = doc(rows)
    assert _adjacent(parsed[3], set()) is None


def test_a_name_and_its_description_between_quotation_and_verb_speak() -> None:
    # '"Do it," Ana Ruiz, an economist, told me.' with the name under the quoted verb
    rows = [('"', "PUNCT", "``", "punct", 1), ("Do", "VERB", "VB", "ROOT", 1),
            ("it", "PRON", "PRP", "obj", 1), (",", "PUNCT", ",", "punct", 1),
            ('"', "PUNCT", "''", "punct", 6), ("Ana", "PROPN", "NNP", "compound", 6),
            ("Ruiz", "PROPN", "NNP", "ccomp", 1), (",", "PUNCT", ",", "punct", 9),
            ("an", "DET", "DT", "det", 9), ("economist", "NOUN", "NN", "appos", 6),
            (",", "PUNCT", ",", "punct", 11), ("told", "VERB", "VBD", "parataxis", 1),
            ("me", "PRON", "PRP", "iobj", 11), (".", "PUNCT", ".", "punct", 1)]
    found = {a.verb.text: [w.text for w in a.speakers] for a in acts(list(doc(rows)))}
    assert found == {"told": ["Ruiz"]}


def test_a_quotation_closed_from_an_earlier_sentence_leaves_the_speaker_outside() -> None:
    # 'No one should doubt it," Ruiz said.' -- the quotation opened a sentence before
    rows = [("No", "DET", "DT", "det", 1), ("one", "PRON", "NN", "nsubj", 3),
            ("should", "AUX", "MD", "aux", 3), ("doubt", "VERB", "VB", "ccomp", 8),
            ("it", "PRON", "PRP", "obj", 3), (",", "PUNCT", ",", "punct", 3),
            ('"', "PUNCT", "''", "punct", 3), ("Ruiz", "PROPN", "NNP", "nsubj", 8),
            ("said", "VERB", "VBD", "ROOT", 8), (".", "PUNCT", ".", "punct", 8)]
    parsed = list(doc(rows))
    assert 7 in quoted(parsed)  # read alone, the mark opens a quotation around the speaker
    assert 7 not in quoted(parsed, depth=1)
    (act,) = acts(parsed, depth=1)
    assert [s.text for s in act.speakers] == ["Ruiz"]


def test_a_negation_quoted_before_the_verb_does_not_negate_the_act() -> None:
    # '"Absolutely not," Ruiz replied.' with "not" hung on "replied"
    rows = [('"', "PUNCT", "``", "punct", 6), ("Absolutely", "ADV", "RB", "advmod", 2),
            ("not", "PART", "RB", "advmod", 6), (",", "PUNCT", ",", "punct", 6),
            ('"', "PUNCT", "''", "punct", 6), ("Ruiz", "PROPN", "NNP", "nsubj", 6),
            ("replied", "VERB", "VBD", "ROOT", 6), (".", "PUNCT", ".", "punct", 6)]
    (act,) = acts(list(doc(rows)))
    assert act.verb.text == "replied"
    # 'Ruiz did not reply.': the negation is the act's own
    rows = [("Ruiz", "PROPN", "NNP", "nsubj", 3), ("did", "AUX", "VBD", "aux", 3),
            ("not", "PART", "RB", "advmod", 3), ("reply", "VERB", "VB", "ROOT", 3),
            (".", "PUNCT", ".", "punct", 3)]
    assert acts(list(doc(rows))) == []


def test_a_participle_report_falls_back_to_the_main_clauses_subject() -> None:
    # 'Ruiz made an attempt to calm it, writing on Facebook that the plan was safe.'
    rows = [("Ruiz", "PROPN", "NNP", "nsubj", 1), ("made", "VERB", "VBD", "ROOT", 1),
            ("an", "DET", "DT", "det", 3), ("attempt", "NOUN", "NN", "obj", 1),
            ("to", "PART", "TO", "mark", 5), ("calm", "VERB", "VB", "acl", 3),
            ("it", "PRON", "PRP", "obj", 5), (",", "PUNCT", ",", "punct", 8),
            ("writing", "VERB", "VBG", "advcl", 5), ("on", "ADP", "IN", "case", 10),
            ("Facebook", "PROPN", "NNP", "obl", 8), ("that", "SCONJ", "IN", "mark", 15),
            ("the", "DET", "DT", "det", 13), ("plan", "NOUN", "NN", "nsubj", 15),
            ("was", "AUX", "VBD", "cop", 15), ("safe", "ADJ", "JJ", "ccomp", 8),
            (".", "PUNCT", ".", "punct", 1)]
    found = {a.verb.text: [s.text for s in a.speakers] for a in acts(list(doc(rows)))}
    assert found["writing"] == ["Ruiz"]


def test_a_person_entity_stops_before_a_lower_case_word() -> None:
    # '"Fine," said Sen. Ana Ruiz of Ohio.' with the entity run on over "of Ohio"
    parsed = doc(_INVERTED_AS_CLAUSE)
    parsed.ents = [Span(parsed, 8, 12, label="PER")]
    assert [name for _, name in Sentence(parsed).people] == ["Ana Ruiz"]


def test_a_name_beside_the_verb_speaks_when_the_parser_hung_it_elsewhere() -> None:
    # '"It is fair," Rep. Ana Ruiz (D-Ohio) said.' with the name under the quoted clause
    rows = [('"', "PUNCT", "``", "punct", 3), ("It", "PRON", "PRP", "nsubj", 3),
            ("is", "AUX", "VBZ", "cop", 3), ("fair", "ADJ", "JJ", "ccomp", 15),
            (",", "PUNCT", ",", "punct", 3), ('"', "PUNCT", "''", "punct", 3),
            ("Rep.", "PROPN", "NNP", "nmod:desc", 7), ("Ana", "PROPN", "NNP", "compound", 8),
            ("Ruiz", "PROPN", "NNP", "parataxis", 3), ("(", "PUNCT", "-LRB-", "punct", 10),
            ("D", "PROPN", "NNP", "appos", 8), ("-", "PUNCT", "HYPH", "punct", 12),
            ("Ohio", "PROPN", "NNP", "conj", 8), (")", "PUNCT", "-RRB-", "punct", 8),
            ("today", "NOUN", "NN", "obl:tmod", 15), ("said", "VERB", "VBD", "ROOT", 15),
            (".", "PUNCT", ".", "punct", 15)]
    assert acts(list(doc(rows))) == []  # "today" stands between: no name beside the verb
    del rows[14]
    rows = [(w, p, t, d, h - 1 if h > 14 else h) for w, p, t, d, h in rows]
    (act,) = acts(list(doc(rows)))
    assert [s.text for s in act.speakers] == ["Ruiz"]  # not "Ohio" of "(D-Ohio)"


def test_a_person_entity_after_the_role_wins_over_a_word_no_entity_knows() -> None:
    # 'Labour Minister Ana Ruiz said it was illegal.' with the name hung on "Labour"
    rows = [("Labour", "PROPN", "NNP", "nsubj", 4), ("Minister", "PROPN", "NNP", "nmod:desc", 2),
            ("Ana", "PROPN", "NNP", "list", 0), ("Ruiz", "PROPN", "NNP", "flat", 2),
            ("said", "VERB", "VBD", "ROOT", 4), ("it", "PRON", "PRP", "nsubj", 7),
            ("was", "AUX", "VBD", "cop", 7), ("illegal", "ADJ", "JJ", "ccomp", 4),
            (".", "PUNCT", ".", "punct", 4)]
    assert mention(rows, 0, person=(2, 4)).person == "Ana Ruiz"


def test_a_name_hung_on_the_roles_modifier_names_the_role() -> None:
    # 'The ambassador to the AU, Ana Ruiz-Soto, spoke.' with the name under "AU"
    rows = [("The", "DET", "DT", "det", 1), ("ambassador", "NOUN", "NN", "nsubj", 12),
            ("to", "ADP", "IN", "case", 4), ("the", "DET", "DT", "det", 4),
            ("AU", "PROPN", "NNP", "nmod", 1), (",", "PUNCT", ",", "punct", 6),
            ("Ana", "PROPN", "NNP", "appos", 4), ("Ruiz", "PROPN", "NNP", "flat", 6),
            ("-", "PUNCT", "HYPH", "punct", 9), ("Soto", "PROPN", "NNP", "flat", 6),
            (",", "PUNCT", ",", "punct", 1), ("today", "NOUN", "NN", "obl:tmod", 12),
            ("spoke", "VERB", "VBD", "ROOT", 12), (".", "PUNCT", ".", "punct", 12)]
    assert mention(rows, 1, glued=frozenset({7, 8})).person == "Ana Ruiz-Soto"


def test_a_title_word_after_an_honorific_is_a_surname() -> None:
    # 'Mr. King said it.' -- "King" is a title word, but here a surname
    rows = [("Mr.", "PROPN", "NNP", "nmod:desc", 1), ("King", "PROPN", "NNP", "nsubj", 2),
            ("said", "VERB", "VBD", "ROOT", 2), ("it", "PRON", "PRP", "obj", 2),
            (".", "PUNCT", ".", "punct", 2)]
    assert mention(rows, 1).person == "King"
    rows[0] = ("The", "DET", "DT", "det", 1)  # 'The King said it.' names no one
    assert mention(rows, 1).person == ""


def test_a_group_based_somewhere_is_placed_there() -> None:
    # 'A militia based in Kenya claims it.'
    rows = [("A", "DET", "DT", "det", 1), ("militia", "NOUN", "NN", "nsubj", 5),
            ("based", "VERB", "VBN", "acl", 1), ("in", "ADP", "IN", "case", 4),
            ("Kenya", "PROPN", "NNP", "obl", 2), ("claims", "VERB", "VBZ", "ROOT", 5),
            ("it", "PRON", "PRP", "obj", 5), (".", "PUNCT", ".", "punct", 5)]
    assert mention(rows, 1).countries == ("KEN",)


def test_a_hyphenated_surname_still_matches_its_entity() -> None:
    # 'President Omar al-Bashir spoke.' with the entity on "Bashir" only
    rows = [("President", "PROPN", "NNP", "nmod:desc", 1), ("Omar", "PROPN", "NNP", "nsubj", 5),
            ("al", "PROPN", "NNP", "flat", 1), ("-", "PUNCT", "HYPH", "punct", 4),
            ("Bashir", "PROPN", "NNP", "flat", 1), ("spoke", "VERB", "VBD", "ROOT", 5),
            (".", "PUNCT", ".", "punct", 5)]
    assert mention(rows, 1, glued=frozenset({2, 3}), person=(4, 5)).person == "Omar al-Bashir"


def test_a_name_cut_at_its_hyphen_keeps_its_first_part() -> None:
    # '"It burnt," official Al-Qasim told AFP.' with "Al" hung on another word
    rows = [('"', "PUNCT", "``", "punct", 2), ("It", "PRON", "PRP", "nsubj", 2),
            ("burnt", "VERB", "VBD", "ROOT", 2), (",", "PUNCT", ",", "punct", 2),
            ('"', "PUNCT", "''", "punct", 2), ("official", "ADJ", "JJ", "amod", 6),
            ("Al", "PROPN", "NNP", "obj", 2), ("-", "PUNCT", "HYPH", "punct", 8),
            ("Qasim", "PROPN", "NNP", "nsubj", 9), ("told", "VERB", "VBD", "parataxis", 2),
            ("AFP", "PROPN", "NNP", "iobj", 9), (".", "PUNCT", ".", "punct", 2)]
    assert mention(rows, 8, glued=frozenset({6, 7})).person == "Al-Qasim"


def test_a_name_between_an_article_and_a_common_noun_is_a_body_not_a_person() -> None:
    # 'The Senate majority leader warned them.' -- no one is called "Senate"
    rows = [("The", "DET", "DT", "det", 3), ("Senate", "PROPN", "NNP", "compound", 3),
            ("majority", "NOUN", "NN", "compound", 3), ("leader", "NOUN", "NN", "nsubj", 4),
            ("warned", "VERB", "VBD", "ROOT", 4), ("them", "PRON", "PRP", "obj", 4),
            (".", "PUNCT", ".", "punct", 4)]
    m = mention(rows, 3)
    assert (m.person, m.org) == ("", "Senate")


def test_an_unnamed_official_is_no_surname_for_later_mentions() -> None:
    # "Another police official" must not make every later "an official" that person
    memory = Memory()
    memory.introduce(Entry("Another police official", Affiliation(COUNTRY, "PAK", OFFICIAL),
                            "police official", person=True, named=False))
    memory.introduce(Entry("Ana Ruiz", Affiliation(COUNTRY, "MEX", OFFICIAL), person=True))
    assert set(memory.people) == {"Ana Ruiz", "Ana", "Ruiz"}


def test_a_capitalised_role_phrase_names_a_body_not_a_person() -> None:
    # 'A National Security Council spokesman said it.' -- no one is called "Security Council"
    rows = [("A", "DET", "DT", "det", 4), ("National", "ADJ", "JJ", "amod", 2),
            ("Security", "PROPN", "NNP", "compound", 3), ("Council", "PROPN", "NNP", "compound", 4),
            ("spokesman", "NOUN", "NN", "nsubj", 5), ("said", "VERB", "VBD", "ROOT", 5),
            ("it", "PRON", "PRP", "obj", 5), (".", "PUNCT", ".", "punct", 5)]
    m = mention(rows, 4)
    assert (m.person, m.org) == ("", "National Security Council")


def test_a_name_modifying_a_plural_group_is_not_the_speaker() -> None:
    # 'Ruiz aides said it.' -- the aides speak, not Ruiz
    rows = [("Ruiz", "PROPN", "NNP", "compound", 1), ("aides", "NOUN", "NNS", "nsubj", 2),
            ("said", "VERB", "VBD", "ROOT", 2), ("it", "PRON", "PRP", "obj", 2),
            (".", "PUNCT", ".", "punct", 2)]
    assert mention(rows, 1).person == ""


def test_the_claim_keeps_the_objects_predicate() -> None:
    # 'Ruiz called the decision cynical.'
    from briefing.positions.stance import claim_of

    rows = [("Ruiz", "PROPN", "NNP", "nsubj", 1), ("called", "VERB", "VBD", "ROOT", 1),
            ("the", "DET", "DT", "det", 3), ("decision", "NOUN", "NN", "obj", 1),
            ("cynical", "ADJ", "JJ", "xcomp", 1), (".", "PUNCT", ".", "punct", 1)]
    parsed = doc(rows)
    assert claim_of(parsed[1], "DEMAND") == "calls the decision cynical"


def test_doubled_quotation_marks_quote_like_straight_ones() -> None:
    # "''We stay,'' Ruiz said." as some archives write quotations
    rows = [("''", "PUNCT", "``", "punct", 2), ("We", "PRON", "PRP", "nsubj", 2),
            ("stay", "VERB", "VBP", "ccomp", 6), (",", "PUNCT", ",", "punct", 2),
            ("''", "PUNCT", "''", "punct", 2), ("Ruiz", "PROPN", "NNP", "nsubj", 6),
            ("said", "VERB", "VBD", "ROOT", 6), (".", "PUNCT", ".", "punct", 6)]
    parsed = list(doc(rows))
    assert quoted(parsed) == {1, 2, 3}


def test_initials_name_an_organisation_not_a_person() -> None:
    # 'KDF said it.' -- capitals alone are an organisation's initials
    rows = [("KDF", "PROPN", "NNP", "nsubj", 1), ("said", "VERB", "VBD", "ROOT", 1),
            ("it", "PRON", "PRP", "obj", 1), (".", "PUNCT", ".", "punct", 1)]
    m = mention(rows, 0)
    assert (m.person, m.org) == ("", "KDF")


def test_according_to_a_role_named_by_a_compound_is_a_source() -> None:
    # 'Most were civilians, according to the police chief.'
    rows = [("Most", "ADJ", "JJS", "nsubj", 2), ("were", "AUX", "VBD", "cop", 2),
            ("civilians", "NOUN", "NNS", "ROOT", 2), (",", "PUNCT", ",", "punct", 8),
            ("according", "VERB", "VBG", "case", 8), ("to", "ADP", "IN", "fixed", 4),
            ("the", "DET", "DT", "det", 8), ("police", "NOUN", "NN", "compound", 8),
            ("chief", "NOUN", "NN", "obl", 2), (".", "PUNCT", ".", "punct", 2)]
    (act,) = acts(list(doc(rows)))
    assert [s.text for s in act.speakers] == ["chief"] and act.frame


def test_a_subject_holding_another_acts_verb_is_a_misparse_not_a_speaker() -> None:
    # 'Senator Ana Ruiz urged passage of a bill to condemn the raid.' with "urged" parsed
    # as a modifier inside the subject of "condemn"
    rows = [("Senator", "PROPN", "NNP", "nsubj", 7), ("Ana", "PROPN", "NNP", "nsubj", 3),
            ("Ruiz", "PROPN", "NNP", "flat", 1), ("urged", "VERB", "VBD", "amod", 4),
            ("passage", "NOUN", "NN", "nmod", 0), ("of", "ADP", "IN", "case", 6),
            ("bill", "NOUN", "NN", "nmod", 4), ("condemn", "VERB", "VB", "ROOT", 7),
            ("the", "DET", "DT", "det", 9), ("raid", "NOUN", "NN", "obj", 7),
            (".", "PUNCT", ".", "punct", 7)]
    assert [a.verb.text for a in acts(list(doc(rows)))] == ["urged"]


# "Sen. Ann Ruiz, facing a hard race, said she would welcome help." with the name parsed as
# the subject of "facing" and "facing" as the subject clause of "said"
_ASIDE_AS_SUBJECT = [
    ("Sen.", "PROPN", "NNP", "nmod:desc", 1), ("Ann", "PROPN", "NNP", "nsubj", 4),
    ("Ruiz", "PROPN", "NNP", "flat", 1), (",", "PUNCT", ",", "punct", 4),
    ("facing", "VERB", "VBG", "csubj", 9), ("a", "DET", "DT", "det", 7),
    ("hard", "ADJ", "JJ", "amod", 7), ("race", "NOUN", "NN", "obj", 4),
    (",", "PUNCT", ",", "punct", 4), ("said", "VERB", "VBD", "ROOT", 9),
    ("she", "PRON", "PRP", "nsubj", 12), ("would", "AUX", "MD", "aux", 12),
    ("welcome", "VERB", "VB", "ccomp", 9), ("help", "NOUN", "NN", "obj", 12),
    (".", "PUNCT", ".", "punct", 9),
]


def test_a_name_before_a_participial_aside_is_the_speaker_when_parsed_as_its_subject() -> None:
    found = acts(list(doc(_ASIDE_AS_SUBJECT)))
    said = [a for a in found if a.verb.text == "said"]
    assert [s.text for a in said for s in a.speakers] == ["Ann"]


# '"We stay," said Ann Ruiz, who led the party in President Tom Bell's term.' with "Ann" an
# indirect object of "said" and "Tom" an oblique of it
_NAME_AS_INDIRECT_OBJECT = [
    ('"', "PUNCT", "``", "punct", 2), ("We", "PRON", "PRP", "nsubj", 2),
    ("stay", "VERB", "VBP", "ccomp", 5), (",", "PUNCT", ",", "punct", 2),
    ('"', "PUNCT", "''", "punct", 2), ("said", "VERB", "VBD", "ROOT", 5),
    ("Ann", "PROPN", "NNP", "iobj", 5), ("Ruiz", "PROPN", "NNP", "flat", 6),
    (",", "PUNCT", ",", "punct", 10), ("who", "PRON", "WP", "nsubj", 10),
    ("led", "VERB", "VBD", "acl:relcl", 7), ("the", "DET", "DT", "det", 12),
    ("party", "NOUN", "NN", "obj", 10), ("in", "ADP", "IN", "case", 18),
    ("President", "PROPN", "NNP", "nmod:desc", 15), ("Tom", "PROPN", "NNP", "obl", 5),
    ("Bell", "PROPN", "NNP", "nmod:poss", 18), ("'s", "PART", "POS", "case", 16),
    ("term", "NOUN", "NN", "appos", 15), (".", "PUNCT", ".", "punct", 5),
]


def test_the_name_right_after_an_inverted_said_is_the_speaker_even_as_indirect_object() -> None:
    (act,) = acts(list(doc(_NAME_AS_INDIRECT_OBJECT)))
    assert [s.text for s in act.speakers] == ["Ann"]


# "''Riga is Old Town,'' Mr. Bell said." (doubled single quotes, as some archives write them)
# with "Old" parsed as the subject of "said" and "Bell" hung on it
_DOUBLED_QUOTES_NAME_INSIDE = [
    ("''", "PUNCT", "``", "punct", 3), ("Riga", "PROPN", "NNP", "nsubj", 3),
    ("is", "AUX", "VBZ", "cop", 3), ("Old", "PROPN", "NNP", "nsubj", 9),
    ("Town", "PROPN", "NNP", "flat", 3), (",", "PUNCT", ",", "punct", 3),
    ("''", "PUNCT", "''", "punct", 3), ("Mr.", "PROPN", "NNP", "nmod:desc", 8),
    ("Bell", "PROPN", "NNP", "flat", 3), ("said", "VERB", "VBD", "ROOT", 9),
    (".", "PUNCT", ".", "punct", 9),
]


def test_the_name_after_a_closing_doubled_quote_is_the_speaker() -> None:
    (act,) = acts(list(doc(_DOUBLED_QUOTES_NAME_INSIDE)))
    assert act.verb.text == "said" and [s.text for s in act.speakers] == ["Bell"]


# "Foreign ministry spokesman Ivo Kask said Riga hoped for calm." with "said" parsed as a
# relative clause on "spokesman" (subject "Ivo") and "hoped" as its content
_SPOKESMAN_CLAUSE = [
    ("Foreign", "ADJ", "JJ", "amod", 2), ("ministry", "NOUN", "NN", "compound", 2),
    ("spokesman", "NOUN", "NN", "nsubj", 8), ("Ivo", "PROPN", "NNP", "nsubj", 5),
    ("Kask", "PROPN", "NNP", "flat", 3), ("said", "VERB", "VBD", "acl:relcl", 2),
    ("Riga", "PROPN", "NNP", "nsubj", 7), ("hoped", "VERB", "VBD", "ccomp", 5),
    ("calm", "NOUN", "NN", "ROOT", 8), (".", "PUNCT", ".", "punct", 8),
]


def test_a_clause_on_a_role_noun_with_a_name_right_after_it_is_the_report() -> None:
    found = acts(list(doc(_SPOKESMAN_CLAUSE)))
    assert [a.verb.text for a in outermost(found)] == ["said"]


def test_a_dash_tagged_as_a_name_does_not_stop_the_sentence() -> None:
    # 'Ex - Ruiz, coach, added.' with the dash tagged a proper noun (a real parser's mistake)
    # and the name left without a relation to the verb: a "name" of punctuation alone has
    # no start of its own to compare with a quotation's, and is no speaker.
    from briefing.positions.attribution import _adjacent

    rows = [("Ex", "PROPN", "NNP", "dep", 6), ("-", "PROPN", "HYPH", "flat", 0),
            ("Ruiz", "PROPN", "NNP", "flat", 0), (",", "PUNCT", ",", "punct", 4),
            ("coach", "NOUN", "NN", "appos", 0), (",", "PUNCT", ",", "punct", 6),
            ("added", "VERB", "VBD", "ROOT", 6), (".", "PUNCT", ".", "punct", 6)]
    parsed = doc(rows)
    assert _adjacent(parsed[6], set()) is None


def test_a_name_inside_a_relative_clause_before_the_verb_is_not_its_subject() -> None:
    # 'Ana Ruiz, who works without the injured Jon Berg, said it.' parsed (as a real parser
    # did on such a sentence) with Berg as the subject of "said"
    rows = [("Ana", "PROPN", "NNP", "vocative", 11), ("Ruiz", "PROPN", "NNP", "flat", 0),
            (",", "PUNCT", ",", "punct", 4), ("who", "PRON", "WP", "nsubj", 4),
            ("works", "VERB", "VBZ", "acl:relcl", 0), ("without", "ADP", "IN", "case", 8),
            ("the", "DET", "DT", "det", 8), ("injured", "VERB", "VBN", "amod", 8),
            ("Jon", "PROPN", "NNP", "nsubj", 11), ("Berg", "PROPN", "NNP", "flat", 8),
            (",", "PUNCT", ",", "punct", 8), ("said", "VERB", "VBD", "ROOT", 11),
            ("it", "PRON", "PRP", "obj", 11), (".", "PUNCT", ".", "punct", 11)]
    (act,) = acts(list(doc(rows)))
    assert [s.text for s in act.speakers] == ["Ana"]


def test_an_apposition_after_a_relative_pronoun_names_someone_in_the_clause() -> None:
    # '"We lost," said Ruiz, whose husband, Jon Berg, is a coach.' with Berg hung on Ruiz
    rows = [('"', "PUNCT", "``", "punct", 2), ("We", "PRON", "PRP", "nsubj", 2),
            ("lost", "VERB", "VBD", "ccomp", 5), (",", "PUNCT", ",", "punct", 2),
            ('"', "PUNCT", "''", "punct", 2), ("said", "VERB", "VBD", "ROOT", 5),
            ("Ruiz", "PROPN", "NNP", "nsubj", 5), (",", "PUNCT", ",", "punct", 11),
            ("whose", "PRON", "WP$", "nmod:poss", 9), ("husband", "NOUN", "NN", "nsubj", 11),
            (",", "PUNCT", ",", "punct", 9), ("Jon", "PROPN", "NNP", "appos", 6),
            ("Berg", "PROPN", "NNP", "flat", 11), (".", "PUNCT", ".", "punct", 5)]
    m = mention(rows, 6, person=(11, 13))
    assert m.text == "Ruiz" and m.person == "Ruiz"


def test_an_affiliation_before_a_title_is_no_part_of_the_name() -> None:
    # 'Arsenal striker Jon Berg said it.' with the club compounded onto the name
    rows = [("Arsenal", "PROPN", "NNP", "compound", 2), ("striker", "NOUN", "NN", "flat", 0),
            ("Jon", "PROPN", "NNP", "nsubj", 4), ("Berg", "PROPN", "NNP", "flat", 2),
            ("said", "VERB", "VBD", "ROOT", 4), ("it", "PRON", "PRP", "obj", 4),
            (".", "PUNCT", ".", "punct", 4)]
    assert mention(rows, 2).person == "Jon Berg"
    # an organisation's own words stay together: 'Baltic Iron and Steel Co. said it.'
    rows = [("Baltic", "PROPN", "NNP", "compound", 1), ("Iron", "PROPN", "NNP", "nsubj", 5),
            ("and", "CCONJ", "CC", "cc", 3), ("Steel", "PROPN", "NNP", "conj", 1),
            ("Co.", "PROPN", "NNP", "flat", 1), ("said", "VERB", "VBD", "ROOT", 5),
            ("it", "PRON", "PRP", "obj", 5), (".", "PUNCT", ".", "punct", 5)]
    assert mention(rows, 1).person.startswith("Baltic Iron")  # not cut at "and" to "Co."


def test_a_name_before_its_unclosed_apposition_is_the_subject() -> None:
    # 'Ana Ruiz, a doctor at Lund Hospital said it.' -- no comma closes the apposition, and
    # the parser gives "said" two subjects, the name and the noun
    rows = [("Ana", "PROPN", "NNP", "nsubj", 8), ("Ruiz", "PROPN", "NNP", "flat", 0),
            (",", "PUNCT", ",", "punct", 4), ("a", "DET", "DT", "det", 4),
            ("doctor", "NOUN", "NN", "nsubj", 8), ("at", "ADP", "IN", "case", 7),
            ("Lund", "PROPN", "NNP", "compound", 7), ("Hospital", "PROPN", "NNP", "nmod", 4),
            ("said", "VERB", "VBD", "ROOT", 8), ("it", "PRON", "PRP", "obj", 8),
            (".", "PUNCT", ".", "punct", 8)]
    parsed = doc(rows)
    parsed.ents = [Span(parsed, 0, 2, label="PER")]
    (act,) = acts(list(parsed))
    assert [s.text for s in act.speakers] == ["Ana"]


def test_a_name_after_a_title_is_the_name_whatever_the_parser_hangs_it_on() -> None:
    # 'Shadow Trade Secretary Ana Ruiz said it.' with the name an apposition of "Shadow"
    rows = [("Shadow", "PROPN", "NNP", "nsubj", 5), ("Trade", "PROPN", "NNP", "compound", 2),
            ("Secretary", "PROPN", "NNP", "nmod:desc", 3), ("Ana", "PROPN", "NNP", "appos", 0),
            ("Ruiz", "PROPN", "NNP", "flat", 3), ("said", "VERB", "VBD", "ROOT", 5),
            ("it", "PRON", "PRP", "obj", 5), (".", "PUNCT", ".", "punct", 5)]
    assert mention(rows, 0).person == "Ana Ruiz"


def test_a_capitalised_first_word_the_tagger_names_nothing_is_no_actor() -> None:
    # 'Exports soared in March.' with "Exports" tagged a proper noun by its capital
    rows = [("Exports", "PROPN", "NNP", "nsubj", 1), ("soared", "VERB", "VBD", "ROOT", 1),
            ("in", "ADP", "IN", "case", 3), ("March", "PROPN", "NNP", "obl", 1),
            (".", "PUNCT", ".", "punct", 1)]
    assert acts(list(doc(rows))) == []
    named = doc(rows)  # a company the tagger knows ("Nordbank soared …") still acts
    named.ents = [Span(named, 0, 1, label="ORG")]
    assert [a.verb.text for a in acts(list(named))] == ["soared"]
