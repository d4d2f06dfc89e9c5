"""Acting parties: who acts in each main clause, and for which country, statement or not.

The sentences are our own. The grammar tests build their parses by hand (the repairs are for
parses the model sometimes gives, which a hand-built Doc pins down); the end-to-end tests run
the shipped model.
"""

from __future__ import annotations

from briefing.models import Article
from briefing.positions import Actor, actors_of
from briefing.positions.actors import AGENT, SUBJECT, clause_actors
from briefing.sentences import make_sentences

from .handparse import Row, doc, needs_model


def parties(rows: list[Row]) -> list[tuple[str, str, str, bool]]:
    """(predicate, actor, how, reported) as the grammar step reads ``rows``."""
    return [(verb.text, head.text, how, reported)
            for verb, head, _, how, reported in clause_actors(doc(rows))]


def test_a_subject_hung_on_the_auxiliary_still_acts() -> None:
    # "Mayor Ruiz has closed the bridge", with the subject parsed under "has"
    rows = [("Mayor", "PROPN", "NNP", "compound", 1), ("Ruiz", "PROPN", "NNP", "nsubj", 2),
            ("has", "AUX", "VBZ", "aux", 3), ("closed", "VERB", "VBN", "ROOT", 3),
            ("the", "DET", "DT", "det", 5), ("bridge", "NOUN", "NN", "obj", 3),
            (".", "PUNCT", ".", "punct", 3)]
    assert parties(rows) == [("closed", "Ruiz", SUBJECT, False)]


def test_an_unmarked_finite_clause_beside_the_main_one_is_reported() -> None:
    # "Both sides have agreed, an official said" parsed with "agreed" as an adverbial clause
    rows = [("Both", "DET", "DT", "det", 1), ("sides", "NOUN", "NNS", "nsubj", 3),
            ("have", "AUX", "VBP", "aux", 3), ("agreed", "VERB", "VBN", "advcl", 7),
            (",", "PUNCT", ",", "punct", 3), ("an", "DET", "DT", "det", 6),
            ("official", "NOUN", "NN", "nsubj", 7), ("said", "VERB", "VBD", "ROOT", 7),
            (".", "PUNCT", ".", "punct", 7)]
    assert parties(rows) == [("said", "official", SUBJECT, False),
                            ("agreed", "sides", SUBJECT, True)]


def test_a_report_set_after_the_event_makes_the_event_reported() -> None:
    # "Rebels took the town, the army said", parsed with the report as an aside of "took"
    rows = [("Rebels", "NOUN", "NNS", "nsubj", 1), ("took", "VERB", "VBD", "ROOT", 1),
            ("the", "DET", "DT", "det", 3), ("town", "NOUN", "NN", "obj", 1),
            (",", "PUNCT", ",", "punct", 7), ("the", "DET", "DT", "det", 6),
            ("army", "NOUN", "NN", "nsubj", 7), ("said", "VERB", "VBD", "parataxis", 1),
            (".", "PUNCT", ".", "punct", 1)]
    assert parties(rows) == [("took", "Rebels", SUBJECT, True),
                             ("said", "army", SUBJECT, False)]


def test_a_clause_with_a_subordinator_is_a_circumstance_not_an_act() -> None:
    # "After the rebels left, the army entered the town."
    rows = [("After", "SCONJ", "IN", "mark", 3), ("the", "DET", "DT", "det", 2),
            ("rebels", "NOUN", "NNS", "nsubj", 3), ("left", "VERB", "VBD", "advcl", 7),
            (",", "PUNCT", ",", "punct", 3), ("the", "DET", "DT", "det", 6),
            ("army", "NOUN", "NN", "nsubj", 7), ("entered", "VERB", "VBD", "ROOT", 7),
            ("the", "DET", "DT", "det", 9), ("town", "NOUN", "NN", "obj", 7),
            (".", "PUNCT", ".", "punct", 7)]
    assert parties(rows) == [("entered", "army", SUBJECT, False)]


def test_a_verbless_parse_takes_its_root_phrase_as_the_actor() -> None:
    # "Dutch trawlers landed the catch" parsed with the verb hung inside the noun phrase
    rows = [("Dutch", "ADJ", "JJ", "amod", 1), ("trawlers", "NOUN", "NNS", "ROOT", 1),
            ("landed", "VERB", "VBN", "acl", 1), ("the", "DET", "DT", "det", 4),
            ("catch", "NOUN", "NN", "obj", 2)]
    assert parties(rows) == [("trawlers", "trawlers", SUBJECT, False)]


def test_a_passive_acts_through_its_agent_not_its_subject() -> None:
    # "The depot was seized by militia fighters."
    rows = [("The", "DET", "DT", "det", 1), ("depot", "NOUN", "NN", "nsubj:pass", 3),
            ("was", "AUX", "VBD", "aux:pass", 3), ("seized", "VERB", "VBN", "ROOT", 3),
            ("by", "ADP", "IN", "case", 6), ("militia", "NOUN", "NN", "compound", 6),
            ("fighters", "NOUN", "NNS", "obl:agent", 3), (".", "PUNCT", ".", "punct", 3)]
    assert parties(rows) == [("seized", "fighters", AGENT, False)]


def read(text: str, published: str = "2013-05-02") -> list[Actor]:
    article = Article(id="a", path="a", title="", text=text, published=published)
    return actors_of(article, make_sentences(text))


def countries(text: str) -> list[str]:
    return [a.iso3 for a in read(text)]


@needs_model
def test_a_demonym_before_the_noun_places_the_party() -> None:
    (party,) = read("Russian troops shelled the port on Tuesday.")
    assert (party.text, party.iso3, party.how, party.predicate) == (
        "Russian troops", "RUS", SUBJECT, "shelled")


@needs_model
def test_coordinated_subjects_are_each_a_party_and_the_place_is_none() -> None:
    assert countries("Israel and Jordan met in Cairo on Monday.") == ["ISR", "JOR"]
    assert countries("Turkish and Greek officials agreed to reopen the crossing.") == [
        "TUR", "GRC"]


@needs_model
def test_the_passive_agent_acts_and_the_victim_does_not() -> None:
    (party,) = read("The convoy was attacked by Iranian gunmen near the border.")
    assert (party.iso3, party.how) == ("IRN", AGENT)
    assert party.text.startswith("Iranian gunmen")


@needs_model
def test_seats_of_government_and_known_people_place_the_party() -> None:
    assert countries("The Kremlin rejected the proposal on Friday.") == ["RUS"]
    assert countries("Sergey Lavrov arrived in Paris for talks.") == ["RUS"]


@needs_model
def test_a_reported_event_has_both_the_reporter_and_the_actor() -> None:
    found = read("Canadian soldiers crossed the river at dawn, the French defence ministry said.")
    assert sorted((a.iso3, a.reported) for a in found) == [("CAN", True), ("FRA", False)]


@needs_model
def test_a_pronoun_is_the_party_that_acted_before() -> None:
    found = read("Norway's fishing agency issued new quotas. It said the stocks had recovered.")
    later = [a for a in found if a.sentence == 1 and not a.reported]
    assert [(a.text, a.iso3) for a in later] == [("It", "NOR")]


@needs_model
def test_no_agent_is_no_party_and_an_unplaced_one_has_no_country() -> None:
    assert read("Five people were killed in the blast.") == []
    (party,) = read("The committee met on Monday.")
    assert (party.text, party.iso3) == ("The committee", "")


@needs_model
def test_a_description_of_a_state_is_the_state_named_before() -> None:
    found = read("The council urged Iran to halt enrichment. The nation rejected the demand.")
    assert [(a.sentence, a.iso3) for a in found if a.iso3] == [(1, "IRN")]


@needs_model
def test_an_unplaced_group_is_placed_where_its_phrase_or_its_act_says() -> None:
    assert countries("Protesters marched through the old town of Tbilisi at dawn.") == ["GEO"]
    assert countries("Gunmen loyal to a warlord in Somalia seized the airport.") == ["SOM"]
    # a person, or a group seen in two countries, is not placed by where it acts
    assert countries("Anna Berg spoke at a rally in Tbilisi on Sunday.") == [""]
    assert countries("Smugglers moved fuel from Iraq to Syria on Sunday.") == [""]
