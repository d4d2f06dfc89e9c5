"""Acting parties: who does what in each sentence, and for which country — statement or not.

Attribution (step 4) keeps only the acts that make a position; this step reads every
sentence, narrative included ("Russian troops shelled …", "Israel and Egypt met …"), and
returns the acting party of each main clause: the subject of the root predicate and of the
predicates coordinated with it, the agent of a passive ("was attacked by X"), each member of
a coordinated subject, and — when the main clause reports another ("X said Y did Z", "Y did
Z, X said") — the subject of the reported clause too. Its country comes from the same
mentions, affiliation and knowledge layers as a speaker's: pre-modifiers and demonyms
("Russian troops"), seats of government ("the Kremlin"), the actor knowledge base on the
article's date, a country named as the actor itself, and the article's memory for "it",
"they" and "the minister". It never comes from the nearest country word of the sentence;
a group the layers cannot place (rebels, prisoners, a party) is placed where its own phrase
or its predicate's place adjunct says it is ("militants loyal to Iraq's …", "prisoners
rioted at a jail in Dili"), as event coders place domestic actors, when that names one
country.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..actors import ActorBook, with_builtin
from ..countries import ABBREV, CAPITAL, CITY, NAME
from ..models import Article, Sentence
from .attribution import Reader, speaker_of, split_title, subjects
from .knowledge import COUNTRY, OTHER
from .mentions import PERSON, located
from .mentions import Sentence as Parsed
from .parse import parse
from .stance import REPORTING, lemma

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SUBJECT, AGENT = "subject", "agent"
"""How a party acts: as the subject of its predicate or as the agent of a passive one."""

# Dependents of a main predicate that are clauses of their own with a subject of their own:
# reported content ("said that Y did Z") and a reporting aside ("Y did Z, X said").
_REPORTED_CLAUSES = frozenset({"ccomp", "parataxis"})
_PREDICATE_POS = frozenset({"VERB", "AUX", "ADJ", "NOUN", "PROPN"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_NOMINAL = frozenset({"NOUN", "PROPN"})
_REPORTING = REPORTING | {"report"}
_PLACE_KINDS = frozenset({NAME, ABBREV, CAPITAL, CITY})  # where, not who: no demonyms
_WHERE = frozenset({"in", "at", "near", "inside", "outside", "across", "through", "throughout",
                    "around", "within"})


@dataclass(frozen=True)
class Actor:
    """One acting party of one sentence.

    ``group``/``iso3``/``kind`` are as in :class:`.affiliation.Affiliation`: a country's ISO
    alpha-3 code, an international body's acronym, or ``""`` when the party cannot be placed.
    """

    sentence: int  # Sentence.index
    text: str  # the party's phrase as written ("Russian troops", "the Kremlin", "he")
    name: str  # who it resolved to ("Sergey Lavrov"; the phrase when not a person)
    group: str
    iso3: str
    kind: str
    how: str  # SUBJECT or AGENT
    predicate: str  # the verb (or predicate word) it is the actor of, as written
    reported: bool = False  # it acts in what another party reports ("X said Y did Z": Y)


def main_predicates(doc: Doc) -> Iterator[tuple[Token, bool]]:
    """Each sentence's main predicates, with whether each is reported by another: the root,
    the predicates coordinated with it, and the clauses it reports or is reported by."""
    for sent in doc.sents:
        root = sent.root
        asides = [c for c in root.children if _linked(c) and _aside(c)]
        seen: set[int] = set()
        stack = [(root, bool(asides), 0)]
        while stack:
            t, reported, depth = stack.pop(0)
            if t.i in seen:
                continue
            seen.add(t.i)
            yield t, reported
            for c in t.children:
                if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX", "ADJ"):
                    stack.append((c, reported, depth))
                elif depth == 0 and _linked(c):
                    stack.append((c, not _aside(c), 1))


def _linked(c: Token) -> bool:
    """A clause of its own beside the main one: what it reports, or the report of it."""
    return (c.dep_ in _REPORTED_CLAUSES and c.pos_ in _PREDICATE_POS) or _juxtaposed(c)


def _aside(c: Token) -> bool:
    """A reporting clause set after or inside the main one ("Y did Z, X said")."""
    return c.dep_ != "ccomp" and lemma(c) in _REPORTING


def _finite(t: Token) -> bool:
    """A verb with a tense of its own (or a tensed auxiliary): it can head a clause."""
    return t.tag_ in _FINITE or any(c.dep_ in ("aux", "aux:pass") and c.tag_ in _FINITE
                                    for c in t.children)


def _juxtaposed(c: Token) -> bool:
    """A finite clause set beside the main one with no subordinator ("Y have agreed to …,
    an official said", parsed as an adverbial clause): a clause of its own, not a
    circumstance like "after Y agreed" or "while Y said"."""
    return c.dep_ == "advcl" and c.pos_ in ("VERB", "AUX") and _finite(c) and not any(
        g.dep_ == "mark" or g.tag_ in ("WRB", "WDT", "WP") for g in c.children)


def actor_of(verb: Token) -> Token | None:
    """The acting party of one predicate: its subject or passive agent (read as attribution
    reads a speaker), or a subject the parser hung on the predicate's auxiliary ("X | has
    imposed")."""
    found = speaker_of(verb)
    if found is not None:
        return found
    return next((s for a in verb.children if a.dep_ in ("aux", "aux:pass", "cop")
                 for s in a.children if s.dep_ == "nsubj"), None)


def clause_actors(doc: Doc) -> list[tuple[Token, Token, tuple[Token, ...], str, bool]]:
    """Grammar only: (predicate, actor head, title tokens parsed apart, how, reported) for
    every main predicate of ``doc`` that has an actor, coordinated subjects one by one."""
    out = []
    for verb, reported in main_predicates(doc):
        actor = actor_of(verb)
        if actor is None and _verbless(verb):
            actor = verb
        if actor is None:
            continue
        how = AGENT if actor.dep_ in ("obl", "obl:agent", "agent") else SUBJECT
        extra = split_title(verb, actor)
        for i, head in enumerate(subjects(verb, actor)):
            out.append((verb, head, extra if i == 0 else (), how, reported))
    return out


def _verbless(root: Token) -> bool:
    """A sentence parsed with a bare noun phrase as its root and no subject or copula: the
    parser found no predicate ("Russian aircraft … killed" with the verb hung inside the noun
    phrase), so that phrase, the sentence's opening one, is taken as its actor."""
    return root.dep_ == "ROOT" and root.pos_ in _NOMINAL and not any(
        c.dep_ in ("nsubj", "nsubj:pass", "cop", "csubj") for c in root.children)


def actors_of(article: Article, sentences: Sequence[Sentence],
              actors: ActorBook | None = None) -> list[Actor]:
    """The acting parties of every sentence of ``article``, in reading order.

    A party the parse finds but the layers cannot place is kept with ``iso3 == ""``, so a
    caller can tell "no actor" from "an actor of unknown country".
    """
    if not sentences:
        return []
    reader = Reader(article, with_builtin(actors), sentences)
    found: list[Actor] = []
    for sent, doc in zip(sentences, parse([s.text for s in sentences]), strict=True):
        reader.at = sent.index  # "the nation" is the state the sentences before named last
        ps = Parsed(doc, reader.context)
        reader.introduce(ps)
        places: dict[int, str] | None = None
        for verb, head, extra, how, reported in clause_actors(doc):
            entry = reader.resolve(ps, head, extra)
            text = _unmarked(ps.mention(head, extra).text, head)
            if entry is None or (entry.aff.group == OTHER and not entry.person):
                if places is None:  # token -> country of the places the sentence names
                    places = {t.i: iso3 for span, iso3 in
                              located(doc, reader.context, _PLACE_KINDS) for t in span}
                iso3 = _placed(verb, head, places)
                group = COUNTRY if iso3 else OTHER
                found.append(Actor(sent.index, text, text, group, iso3, "", how, verb.text,
                                   reported))
                continue
            reader.memory.spoke(entry)  # "it", "they" in a later clause may be this party
            found.append(Actor(sent.index, text, _unmarked(entry.name, head), entry.aff.group,
                               entry.aff.iso3, entry.aff.kind, how, verb.text, reported))
            if entry.aff.group == COUNTRY:
                found.extend(Actor(sent.index, f"{word} {head.text}", f"{word} {head.text}",
                                   COUNTRY, iso3, entry.aff.kind, how, verb.text, reported)
                             for word, iso3 in _shared(ps, head) if iso3 != entry.aff.iso3)
    return found


def _placed(verb: Token, head: Token, places: dict[int, str]) -> str:
    """The one country an unplaced group acts in: named after its head in its own phrase
    ("militants loyal to Iraq's …", "rebels in Darfur"), else in a place adjunct of its
    predicate ("rioted at a jail in East Timor's capital"); "" for none or several, and
    for a pronoun or a person's name, whose place is not where they act."""
    if head.pos_ == "PRON" or head.ent_type_ == PERSON:
        return ""
    found = {places[t.i] for t in head.subtree if t.i > head.i and t.i in places}
    if not found:
        found = {places[t.i] for c in verb.children if c.dep_ == "obl" and any(
            g.dep_ == "case" and g.lower_ in _WHERE for g in c.children)
            for t in c.subtree if t.i in places}
    return next(iter(found)) if len(found) == 1 else ""


def _shared(ps: Parsed, head: Token) -> list[tuple[str, str]]:
    """Countries coordinated in one pre-modifier ("Turkish and Greek officials"): each is a
    party of its own, as with coordinated subjects. (word, ISO alpha-3) pairs."""
    out: list[tuple[str, str]] = []
    for mod in head.children:
        if mod.i < head.i and mod.i in ps.country_at:
            out.extend((c.text, ps.country_at[c.i]) for c in _conjuncts_of(mod)
                       if c.i in ps.country_at)
    return out


def _conjuncts_of(t: Token) -> list[Token]:
    """The words coordinated with ``t`` ("Greek" of "Turkish and Greek"), any part of speech."""
    out = []
    for c in t.children:
        if c.dep_ == "conj":
            out += [c, *_conjuncts_of(c)]
    return out


def _unmarked(text: str, head: Token) -> str:
    """The phrase without the preposition that marks its role: "by Iranian gunmen" names
    "Iranian gunmen"."""
    first = head.left_edge
    if first.dep_ == "case" and first.head.i == head.i and text.startswith(first.text):
        return text[len(first.text):].lstrip()
    return text
