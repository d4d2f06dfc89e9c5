"""Step 4: who makes a statement in each sentence, read off the dependency parse.

An act is a reporting or stance predicate with a speaker: its subject ("X said", "said X",
"X told Y", "Russia and China are committed"), the subject of "was quoted as saying", the
agent of a passive ("was rejected by X"), or the object of "according to X". When a sentence
has a reporting frame, that frame is the act and the rest is its content: "Russia and China
are committed…, Lavrov said" is Lavrov's statement only.

Quotations running over several sentences belong to the speaker of the sentence that opens
or closes them and become one statement (``Citation.last``). Pronouns and definite role
nouns ("he", "the minister", "the ministry") resolve to the most recent compatible actor
that spoke or was introduced with that role, never to the most famous name around.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..actors import ActorBook, agencies, with_builtin
from ..countries import ACTOR_KINDS, country_name, find_countries
from ..models import Article, Citation, Sentence, Statement
from ..sentence_form import is_headline
from .acronyms import spelled_out
from .affiliation import NOBODY, Affiliation, affiliate, article_date, book_actor
from .gender import FEMALE, MALE, honorific_genders, phrase_gender, pronoun_gender
from .knowledge import COUNTRY, OFFICIAL, OTHER, role_noun, state_body
from .memory import NAME_WORDS, Entry, Memory
from .mentions import BUSINESS_NOUNS, ORG, PERSON, RELATIVE, Mention, brand, words
from .mentions import Sentence as Parsed
from .parse import parse
from .quotations import MARKS, QUOTES, all_quoted, opens_quotation, quote_depth, quoted
from .stance import (
    REPORTING,
    claim_of,
    is_predicate,
    label_of,
    lemma,
    may_act,
    negated,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Passive-looking predicates whose grammatical subject is still the actor.
_STATIVE = frozenset({"commit", "oppose", "quote", "concern", "worry"})
_STRIP = ".,;:!?()[]{}\"'“”‘’—–-"
_HOME_MIN = 2
# "the reclusive nation", "the regime": a definite description of one state refers back to
# the state the article named last, in any role ("… urged North Korea to … The nation …").
_STATE_NOUNS = frozenset(words("nation country state regime kingdom republic"))
_TWEET_WORDS = 3  # words before the signature that make a tweet of their own
# Main verbs that tell what happened, not what an actor holds or decides.
_NARRATIVE = frozenset(words("""be have meet visit arrive travel fly go come return leave
    attend hold host kill attack fire shell strike bomb shoot die wound injure fight clash
    invade capture seize storm raid explode crash burn flee escape live work become seem
    appear remain begin start continue happen take give get make see spend win lose play
    score beat gather march walk run sit stand wait look face receive land contribute raise
    participate search carry cross identify refer join exchange update write"""))
# Role nouns that name a body, not a person ("the ministry said": "it", not "he").
_BODY_NOUNS = frozenset(words("""ministry government administration office department army military
    police parliament court council committee agency company firm group party embassy regime
    cabinet commission authority authorities presidency mission delegation command"""))
# Relations a mis-parse gives the name after an inverted reporting verb.
_INVERTED = frozenset({"nsubj", "obj", "dobj", "appos", "dep", "obl", "ccomp", "xcomp",
                       "vocative"})
_DETERMINERS = frozenset({"a", "an", "the", "one", "another", "its", "their"})
_WEEKDAYS = frozenset(words("monday tuesday wednesday thursday friday saturday sunday"))
_RUN = 6  # an unclosed quotation mark must not swallow the rest of the article


@dataclass(frozen=True)
class _Act:
    verb: Token
    speakers: tuple[Token, ...]
    frame: bool  # a neutral reporting verb or "according to": the rest is its content
    extra: tuple[Token, ...] = ()  # a title parsed as a second subject, before the first
    aside: bool = False  # a report in an adverbial clause: "after Trump said …, Rubio …"


def conjuncts(head: Token) -> list[Token]:
    """``head`` and the phrases coordinated with it ("Yun and Lavrov")."""
    out = [head]
    for c in head.children:
        if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON") and \
                not _parenthesised(head, c):
            out.extend(conjuncts(c))
    return out


def _parenthesised(head: Token, c: Token) -> bool:
    """Whether ``c`` sits in a bracket opened after ``head``: "Ruiz (D-San Jose)"."""
    between = [w.text for w in head.doc[head.i + 1:c.i]]
    return "(" in between and ")" not in between


def speaker_of(t: Token) -> Token | None:
    """The grammatical actor of predicate ``t``."""
    word = lemma(t)
    if word == "quote":  # "X was quoted as saying"; "a magazine quoted X as saying"
        quoted_one = [c for c in t.children if c.dep_ in ("nsubj:pass", "nsubjpass", "obj")]
        return quoted_one[0] if quoted_one else None
    subjects = [c for c in t.children if c.dep_ == "nsubj" or (
        c.dep_ in ("nsubj:pass", "nsubjpass") and word in _STATIVE)]
    if subjects:  # a mis-parse may give two: the one nearest the verb is its head
        before = [c for c in subjects if c.i < t.i]
        subject = before[-1] if before else subjects[0]
        name = before[-2] if len(before) > 1 else None
        if name is not None and subject.pos_ == "NOUN" and name.pos_ == "PROPN" and \
                name.ent_type_ in (PERSON, ORG) and not name.is_upper and \
                any(w.text == "," for w in t.doc[name.i:subject.i]):
            subject = before[-2]  # "Ana Ruiz, a psychiatrist at … said": the name's apposition
        return _relative_antecedent(subject, t) or subject
    aside = _set_off_subject(t)
    if aside is not None:
        return aside
    for c in t.children:
        if c.dep_ in ("obl:agent", "agent") or (
                c.dep_ == "obl" and any(g.lower_ == "by" for g in c.children)
                and any(a.dep_ in ("aux:pass", "auxpass") for a in t.children)):
            return c
    # "agreed and warned", "maintained its opposition, saying": the head's subject acts
    if t.head.i != t.i and t.head.pos_ in ("VERB", "AUX") and (
            t.dep_ == "conj" or (t.dep_ == "advcl" and t.tag_ == "VBG"
                                 and not is_predicate(t.head))):
        head_speaker = speaker_of(t.head)
        if head_speaker is not None:
            return head_speaker
    if _lost_predicate(t):
        return t.head
    if t.tag_ == "VBG" and t.i > 0 and t.doc[t.i - 1].text == ",":  # ", saying …"
        root = t.sent.root
        if root.i < t.i and not is_predicate(root):  # else the root is the act itself
            return speaker_of(root)
    return None


def _set_off_subject(t: Token) -> Token | None:
    """The subject of a verb whose participial aside the parser took for the subject
    clause ("Sen. Ann Ruiz, facing a hard race, said …" with "Ruiz" the subject of
    "facing"): the name before the commas is the verb's own subject."""
    for c in t.children:
        if c.dep_ == "csubj" and c.tag_ in ("VBG", "VBN") and c.i < t.i:
            names = [s for s in c.children if s.dep_ == "nsubj" and s.i < c.i]
            if names and t.doc[c.i - 1].text == ",":
                return names[-1]
    return None


def _lost_predicate(t: Token) -> bool:
    """A past form parsed as a modifier of the sentence's nominal root ("Ukraine's president,
    X, called for …" with "called" an acl of "president"): a declarative sentence has a
    finite verb, so when it has none the form is its predicate and the root its subject."""
    root = t.head
    return t.dep_ == "acl" and root.dep_ == "ROOT" and root.pos_ in ("NOUN", "PROPN") and \
        t.tag_ in ("VBN", "VBD") and t.i > root.i and \
        not any(c.dep_.startswith(("aux", "nsubj")) for c in t.children) and \
        not any(w.tag_ in ("VBD", "VBZ", "VBP", "MD") for w in t.sent if w.i != t.i)


_CONTENT = frozenset({"ccomp", "parataxis", "xcomp", "dep", "obj", "csubj"})


def _relative_antecedent(subject: Token, verb: Token) -> Token | None:
    """'Ana Ruiz, who works with the injured Jon Berg, said …' parsed with Berg as the
    subject: a subject inside a relative clause set off by commas before the verb belongs to
    that clause; the verb's subject is the name the clause describes."""
    doc = subject.doc
    if subject.i > verb.i:
        return None
    j = subject.i - 1
    while j > 0 and doc[j].text != ",":
        j -= 1
    if j < 1 or doc[j + 1].lower_ not in RELATIVE or doc[j - 1].pos_ != "PROPN" or \
            not any(w.text == "," for w in doc[subject.i + 1:verb.i]):
        return None
    start = j - 1
    while start > 0 and doc[start - 1].pos_ == "PROPN":
        start -= 1
    run = {w.i for w in doc[start:j]}
    return next((w for w in doc[start:j] if w.head.i not in run), doc[j - 1])


def _according(t: Token) -> _Act | None:
    """'according to X, …': X states the clause it modifies."""
    x: Token | None = None
    if t.dep_ in ("case", "mark", "fixed") and t.head.i != t.i:
        x = t.head
    else:
        for c in t.children:
            if c.dep_ in ("obl", "obj", "pobj", "nmod"):
                x = c
            for g in c.children if c.lower_ == "to" else ():
                if g.dep_ in ("pobj", "obj"):
                    x = g
    if x is not None and x.pos_ == "NOUN" and not _names_a_role(x):
        x = _name_beside(x)  # "according to chief designer David Hanson": Hanson
    if x is None or x.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None  # "according to UN figures": figures say nothing
    return _Act(x.head if x.head.i != x.i else x, tuple(conjuncts(x)), True)


def _name_beside(x: Token) -> Token | None:
    """The person's name a common noun carries ("chief designer David Hanson"): the noun
    is that person's role, whatever the role list knows."""
    return next((c for c in x.children if c.dep_ in ("flat", "appos", "compound") and
                 c.ent_type_ == PERSON and c.i > x.i), None)


def _names_a_role(x: Token) -> bool:
    """Whether a common noun, with the nouns compounded before it, names a role: "the
    spokesman", "the police chief" (a "chief" alone may lead anything)."""
    words = [c.lower_ for c in x.children if c.dep_ == "compound" and c.i < x.i]
    return any(role_noun(" ".join([*words[i:], x.lemma_.lower()])) is not None
               for i in range(len(words) + 1))


def _inverted(t: Token) -> Token | None:
    """The speaker after a reporting verb that ends a quotation: '"…," said Gill'."""
    # "said Ann Ruiz" parsed with the name as an indirect object; "told the Courant" has one
    relations = _INVERTED | {"iobj"} if lemma(t) == "say" else _INVERTED
    for c in t.children:
        if c.i > t.i and c.dep_ in relations and c.pos_ in ("PROPN", "NOUN", "PRON") and \
                not any(g.dep_.startswith(("nsubj", "cop", "case")) for g in c.children):
            # a name read as a clause ("said Sen. Tom Carper" as ccomp) is one too; a
            # phrase with a preposition ("writing on Twitter") never is
            return c
    return None


_ADDRESSED = frozenset(words("tell ask inform assure brief warn urge"))


def _medial(t: Token, subject: Token) -> bool:
    """A report set between commas with a person's name right after it ("Any reading of it,
    said Anna Berg, an expert, would …"): the name speaks, not the common noun the parser
    made the subject (a role noun, "the minister, said …", stays its own subject)."""
    doc = t.doc
    if lemma(t) in _ADDRESSED:
        return False  # "…, told Agence France-Presse": the name after it is the listener
    return 0 < t.i < len(doc) - 1 and doc[t.i - 1].text == "," and subject.i < t.i - 1 and \
        doc[t.i + 1].pos_ == "PROPN" and doc[t.i + 1].ent_type_ == PERSON and \
        subject.pos_ == "NOUN" and role_noun(subject.lemma_.lower()) is None


def _adjacent(t: Token, inside: set[int]) -> Token | None:
    """A name right beside a reporting verb that has no subject, where the parser hung it
    elsewhere: '"…," said Gill, whose group …' (Gill under the relative clause) or
    '"…," Rep. Ana Ruiz (D-Ohio) said' (the name under the quoted clause)."""
    doc = t.doc
    after_quote = t.i > 1 and (doc[t.i - 1].text in MARKS or (
        doc[t.i - 1].text == "," and doc[t.i - 2].text in MARKS))
    run = list(itertools.takewhile(lambda w: w.pos_ == "PROPN", doc[t.i + 1:]))
    if not run and t.i > 1 and doc[t.i - 1].text == ",":
        described = _described(t, inside)
        if described is not None:
            return described
    if not run:
        j = t.i - 1
        if j >= 0 and doc[j].text == ")":  # "(D-Ohio)"
            while j >= 0 and doc[j].text != "(":
                j -= 1
            j -= 1
        while j >= 0 and doc[j].pos_ == "PROPN" and j not in inside:
            run.insert(0, doc[j])
            j -= 1
        if not run or (j >= 0 and doc[j].text not in MARKS | {",", "'"}):
            return None  # only right after a quotation: '"…," Ruiz said'
    ids = {w.i for w in run}
    root = next((w for w in run if w.head.i not in ids), run[-1])
    if root.dep_.startswith("nsubj") and root.head.i != t.i and not after_quote:
        return None  # "…, saying Russia would come": the subject of the content
    return root


def _described(t: Token, inside: set[int]) -> Token | None:
    """'"…," Jane Roe, an economist, told me': the name whose phrase fills the gap between
    the quotation and the verb."""
    doc = t.doc
    for p in doc[:t.i]:
        if p.pos_ != "PROPN":
            continue
        # the mark may hang on it; a dash the tagger calls a name is its own start
        start = min((w.i for w in p.subtree if not w.is_punct), default=p.i)
        if p.i not in inside and p.right_edge.i == t.i - 2 and \
                start > 0 and doc[start - 1].text in MARKS and start not in inside:
            return p
    return None


def acts(doc_tokens: Sequence[Token], depth: int = 0) -> list[_Act]:
    """The speakers' acts of one sentence; reported content is not an act of its own.
    ``depth``: quotations left open by the sentences before (see :func:`quoted`)."""
    found: list[_Act] = []
    inside = quoted(doc_tokens, depth)
    for t in doc_tokens:
        if t.lower_ == "according":
            act = _according(t)
            if act is not None:
                found.append(act)
            continue
        word = lemma(t)
        if t.i in inside or not (is_predicate(t) or word == "quote" or _main_act(t)):
            continue
        frame = word in REPORTING or word == "quote"
        subject = speaker_of(t)
        if frame and subject is not None and _medial(t, subject):
            subject = t.doc[t.i + 1]
        elif frame and (subject is None or subject.i in inside):
            subject = _inverted(t) or _adjacent(t, inside)
        if subject is None or subject.i in inside:
            continue
        if not (is_predicate(t) or word == "quote") and (
                negated(t) or subject.dep_ != "nsubj" or subject.pos_ != "PROPN" or
                _capitalised_first(subject)):
            continue  # an open-class main verb counts only for a named actor doing it
        if frame and negated(t):
            continue  # "did not say", "did not respond to requests for comment"
        aside = frame and word != "quote" and _subordinate(t)
        if aside:
            frame = False  # "… has threatened more tests after it said …": not the frame
        found.append(_Act(t, tuple(subjects(t, subject)), frame, split_title(t, subject), aside))
    verbs = {a.verb.i for a in found}
    # a "speaker" whose phrase holds another act's verb is a misparse: "Speaker X urged
    # passage of a bill to condemn …" parsed with "urged" inside the subject of "condemn"
    # ("X, who said …, added" is a relative clause, not a misparse)
    return [a for a in found if not any(
        w.i in verbs and w.i != a.verb.i and w.dep_ in ("amod", "compound")
        for s in a.speakers for w in s.subtree)]


def _capitalised_first(subject: Token) -> bool:
    """A one-word "name" opening the sentence that the tagger gives no entity: a common
    noun capitalised by its place ("Growth slowed", "Exports faltered")."""
    return subject.i == 0 and not subject.ent_type_ and \
        not any(c.dep_ in ("compound", "flat") for c in subject.children)


def _main_act(t: Token) -> bool:
    """A sentence's main verb, when it is neither narrative (meeting, travel, fighting,
    happening) nor a plain state: what an actor does as the subject of the main clause is
    then their act ("Trump slammed Cruz", "the House voted to bar …")."""
    finite = t.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" for c in t.children)
    return t.dep_ == "ROOT" and t.pos_ == "VERB" and finite and \
        t.lemma_.lower() not in _NARRATIVE and lemma(t, _NARRATIVE) not in _NARRATIVE


def _subordinate(t: Token) -> bool:
    """A report inside an adverbial or relative clause of another predicate."""
    return t.dep_ in ("advcl", "acl", "acl:relcl", "relcl", "csubj") and \
        any(c.dep_ == "mark" or c.tag_ in ("WDT", "WP") for c in t.children)


def split_title(verb: Token, subject: Token) -> tuple[Token, ...]:
    """Other subjects of ``verb`` that end right where ``subject``'s phrase starts."""
    return () if _misparsed_conjuncts(verb, subject) else _before(verb, subject)


def subjects(verb: Token, subject: Token) -> list[Token]:
    """``subject`` and the subjects coordinated with it, including one the parser made a
    second subject of ``verb`` with the "and" hung on ``subject`` ("Sen. Ann Ruiz and
    Governor Tom Bell suggested": both speak)."""
    return [*_misparsed_conjuncts(verb, subject), *conjuncts(subject)]


def _misparsed_conjuncts(verb: Token, subject: Token) -> list[Token]:
    if not (_coordinated(subject) and _named(subject)):
        return []
    return [c for c in _before(verb, subject) if _named(c)]


def _named(head: Token) -> bool:
    """A proper noun heads the phrase and the tagger marks a person in it."""
    return head.pos_ == "PROPN" and any(t.ent_type_ == PERSON for t in head.subtree)


def _coordinated(subject: Token) -> bool:
    """Whether ``subject``'s phrase opens with a coordinating conjunction."""
    return subject.doc[min(t.i for t in subject.subtree)].dep_ == "cc"


def _before(verb: Token, subject: Token) -> tuple[Token, ...]:
    start = min(t.i for t in subject.subtree)
    return tuple(c for c in verb.children if c.i != subject.i and c.dep_ == subject.dep_
                 and max(t.i for t in c.subtree) == start - 1)


def outermost(chosen: Sequence[_Act]) -> list[_Act]:
    """The acts not nested in another's content (a conjoined act stands on its own). An
    act that only describes a noun ("Nothing the president said …, the senator said") is
    no frame for the others: the thing said is the noun, not a clause it reports."""
    described = {a.verb.i for a in chosen if _describes(a.verb)}
    if len(described) < len(chosen):
        chosen = [a for a in chosen if a.verb.i not in described]
    verbs = {a.verb.i for a in chosen}
    return [a for a in chosen if not any(v.i in verbs for v in a.verb.ancestors)
            or a.verb.dep_ == "conj"]


def _reported_by(verb: Token, frames: set[int]) -> bool:
    """Whether ``verb`` lies in what one of ``frames`` reports, not merely coordinated with
    it ("Yukos insisted …, but Russian authorities argue …" is two acts)."""
    t = verb
    while t.head.i != t.i:
        if t.head.i in frames and t.dep_ != "conj":
            return True
        t = t.head
    return False


def _describes(verb: Token) -> bool:
    """A relative clause with no relative word ("nothing the president said", "the
    remarks the minister made"): the noun it modifies is what was said. "Trump, who
    said …" and "a conference in which she urged …" report on their own."""
    if verb.dep_ != "acl:relcl" or _titled(verb):
        return False
    return not any(t.tag_ in _WH or t.lower_ == "that"
                   for c in (verb.head, *verb.children) for t in (c, *c.children))


def _titled(verb: Token) -> bool:
    """"Foreign ministry spokesman Wang Wenbin said …" parsed as a clause on "spokesman":
    the name right after a role noun is its holder, and the clause is the report."""
    head = verb.head
    return role_noun(head.lemma_.lower()) is not None and any(
        c.dep_ == "nsubj" and c.pos_ == "PROPN" and c.i == head.i + 1 for c in verb.children)


_WH = frozenset({"WP", "WDT", "WP$", "WRB"})


def _context(article: Article) -> str:
    """The whole article, as the country finder reads a sentence within it."""
    return f"{article.title}\n{article.text}"


class Reader:
    """Reads one article sentence by sentence, keeping its memory of actors."""

    def __init__(self, article: Article, book: ActorBook,
                 sentences: Sequence[Sentence] = ()) -> None:
        self.article = article
        self.sentences = sentences
        self.at = 0  # the index of the sentence being read
        self.context = _context(article)
        self.book = book
        self.on: dt.date | None = article_date(article.published)
        self.memory = Memory()
        self.agencies = frozenset(a.lower() for a in agencies())
        named = actor_countries(self.context)
        self.home = home_country(named)
        self.named = frozenset(named)  # a bare surname is no leader of a country never named
        self.genders = honorific_genders(article.text)
        self.spelled: dict[str, str] = {}  # initials -> the name the article spells out
        self.spoken: list[tuple[int, Entry]] = []  # (sentence, first speaker) per statement

    def introduce(self, ps: Parsed) -> None:
        """Note the people and bodies a sentence introduces with a role or a country."""
        heads = {e.root.i for e, _ in ps.people}
        heads.update(t.i for t in ps.tokens if t.dep_ in ("nsubj", "nsubj:pass") and
                     t.pos_ in ("PROPN", "NOUN"))
        # "owned by the US firm Kimberly-Clark": a business named anywhere is introduced
        business = {t.i for t in ps.tokens if t.is_lower and t.lemma_ in BUSINESS_NOUNS}
        for i in sorted(heads | business):
            m = ps.mention(ps.doc[i])
            if i not in heads and not m.company:
                continue
            if not (m.role or m.countries or m.state) or m.pronoun or self._agency(m.text):
                continue
            if not (m.person or m.org or m.countries or m.state):
                continue
            if m.definite and not m.person and self._earlier(m, ps.doc[i]) is not None:
                continue  # "the Estonian minister" refers back; it introduces no one
            if m.person and m.person in self.memory.people:
                continue
            aff = affiliate(m, self.on, self.book, self.memory.known, self.named)
            if m.company:  # "U.S.-based cereal maker Kellogg Co": later just "Kellogg"
                e = Entry(m.org, aff, org=True)
                self.memory.introduce(e)
                for key in (brand(m.org), brand(m.org).split()[-1]):
                    self.memory.people.setdefault(key, e)
                continue
            self.memory.introduce(Entry(self._name(m, ps), aff, m.role,
                                         _personal(m, ps.doc[i]), m.plural,
                                         bool(m.org) and not m.person,
                                         self._gender(m, ps, ps.doc[i]), bool(m.person)))

    def resolve(self, ps: Parsed, head: Token, extra: Sequence[Token] = ()) -> Entry | None:
        """The actor a speaker phrase names or refers to; None when it is no one."""
        m = ps.mention(head, extra)
        if m.pronoun:
            return self._bound(ps, head, m.pronoun) or self.memory.pronoun(m.pronoun)
        served = self._served(ps, head, m)
        if served is not None:
            return served
        if not m.named and not m.counted and head.text in self.memory.people:  # a surname
            # the tagger missed; "three Democrats" are not "House Democrats"
            return self.memory.people[head.text]
        if not m.named:
            if not m.definite:
                return self._unnamed(m)
            noun = head.lemma_.lower()
            found = self.memory.role(noun)
            if found is None and noun in _STATE_NOUNS and not m.plural:
                found = self._state_named_last()
            return found if found is not None else self._unnamed(m)  # "the labour minister"
        if self._agency(m.text):
            return None
        earlier = self._earlier(m, head)
        if earlier is not None:  # "the Estonian foreign minister"
            return earlier
        if m.person and m.person in self.memory.people:
            earlier = self.memory.people[m.person]
            if earlier.aff.group != OTHER or " " not in m.person:
                return earlier
        aff = affiliate(m, self.on, self.book, self.memory.known, self.named)
        if aff.group == OTHER and self.home and (m.person or (m.role and not m.org)):
            aff = Affiliation(COUNTRY, self.home, aff.kind)
        name = self._name(m, ps)
        if aff == NOBODY and not name:
            return None
        return Entry(name, aff, m.role, _personal(m, head), m.plural,
                      bool(m.org) and not m.person, self._gender(m, ps, head), bool(m.person))

    def _served(self, ps: Parsed, head: Token, m: Mention) -> Entry | None:
        """A role held for a named person ("Lavrov's spokeswoman", "Mrs. Clinton's aides")
        speaks for that person's country, whatever else the sentence names."""
        if m.person or m.countries or not m.role:
            return None
        owner = next((c for c in head.children if c.dep_ == "nmod:poss" and c.pos_ == "PROPN"),
                     None)
        if owner is None:
            return None
        e = self.resolve(ps, owner)
        if e is None or not e.person or e.aff.group != COUNTRY:
            return None
        return Entry(self._name(m, ps), e.aff, m.role, _personal(m, head), m.plural, False,
                     self._gender(m, ps, head), False)

    def _bound(self, ps: Parsed, head: Token, pronoun: str) -> Entry | None:
        """The named person a "he" or "she" in a dependent clause refers to: the subject
        of the clause it depends on ("Cruz held a news conference in which she urged …")."""
        if pronoun not in ("he", "she"):
            return None
        gender = MALE if pronoun == "he" else FEMALE
        for verb in head.head.ancestors:
            for c in verb.children:
                if c.dep_ == "nsubj" and c.pos_ == "PROPN":
                    e = self.resolve(ps, c)
                    if e is not None and e.person and e.named and e.gender in ("", gender):
                        return e
        # "While Ruiz has admitted …, he has also failed …", "It was expected that Ruiz
        # would …, but he dismissed …": the nearest person tagged as such and the subject
        # of an earlier clause of the sentence; not one inside what the pronoun reports
        # ('Boerse is "trying …", he said')
        inside = quoted(ps.tokens)
        reported = {w.i for c in head.head.children if c.dep_ in _CONTENT for w in c.subtree}
        for c in reversed(ps.tokens[:head.i]):
            if c.dep_ in ("nsubj", "nsubj:pass") and c.pos_ == "PROPN" and \
                    c.ent_type_ == PERSON and c.i not in inside and c.i not in reported:
                e = self.resolve(ps, c)
                if e is not None and e.person and e.named and e.gender in ("", gender):
                    return e
        return None

    def _gender(self, m: Mention, ps: Parsed, head: Token) -> str:
        """What the article says of a person's gender (see :mod:`.gender`)."""
        found = phrase_gender(ps.phrase(head))
        if found or not m.person:
            return found
        if m.person.split()[-1] in self.genders:
            return self.genders[m.person.split()[-1]]
        spans = [e for e, name in ps.people if name == m.person]
        return pronoun_gender(spans[0], len(ps.people) - 1) if spans else ""

    def _earlier(self, m: Mention, head: Token) -> Entry | None:
        """The actor a definite role phrase with a country refers back to, if any; "the
        Chinese leader" is the last official of that country the article named."""
        if head.lower_ == "leader" and m.definite and m.countries and not (m.person or m.org):
            return next((e for pool in (self.memory.speakers, self.memory.introduced)
                         for e in reversed(pool) if e.person and e.named and
                         e.aff.kind == OFFICIAL and e.aff.iso3 in m.countries), None)
        if not (m.definite and m.role and not m.person):
            return None
        earlier = self.memory.role(head.lemma_.lower())
        return earlier if earlier is not None and earlier.aff.iso3 in m.countries else None

    def _state_named_last(self) -> Entry | None:
        """The country the sentences before this one named last (found only when asked:
        a description like "the nation" is rare, scanning every sentence is not free)."""
        for sent in reversed([s for s in self.sentences if s.index < self.at]):
            named = actor_countries(sent.text, self.context)
            if named:
                return Entry(country_name(named[-1]),
                              Affiliation(COUNTRY, named[-1], OFFICIAL))
        return None

    def _agency(self, text: str) -> bool:
        """Whether a phrase names a news agency (a source, never a speaker)."""
        words = text.lower().replace("the ", " ").split()
        return any(" ".join(words[i:j]) in self.agencies
                   for i in range(len(words)) for j in range(i + 1, min(len(words), i + 4) + 1))

    def _name(self, m: Mention, ps: Parsed) -> str:
        """The speaker's name for the memo: the actors book's form when it knows them, an
        organisation's initials spelled out as the article spells them ("GOSH")."""
        if m.person:
            actor = book_actor(m.person, self.book)
            if actor is not None:
                return actor.name
        if m.company and m.org and not m.person:
            return m.org  # "US phone company Qwest" is Qwest
        shown = _display(m, ps)
        if m.org and m.body is None and m.org in shown.split():
            if m.org not in self.spelled:
                self.spelled[m.org] = spelled_out(m.org, self.context)
            if self.spelled[m.org]:
                return " ".join(self.spelled[m.org] if w == m.org else w for w in shown.split())
        return shown

    def tweet(self, sent: Sentence, author: str) -> Statement:
        """The statement of an embedded tweet: its author's, whoever it names."""
        m = Mention(text=author, head=-1, person=author)
        aff = affiliate(m, self.on, self.book, self.memory.known, self.named)
        if aff.group == OTHER and self.home:
            aff = Affiliation(COUNTRY, self.home, aff.kind)
        name = book_actor(author, self.book)
        return Statement(text=sent.text.strip(), country=aff.iso3,
                         speaker=name.name if name is not None else author, stance="STATEMENT",
                         citations=(Citation(self.article.id, sent.index),),
                         speaker_kind=aff.kind, claim="tweets", person=True)

    def _unnamed(self, m: Mention) -> Entry | None:
        """'a police official', 'officials': an official of the article's own country, when
        the article is plainly about one, or of the country whose officials in that role it
        introduced; anyone else unnamed is no identifiable actor."""
        noun = role_noun(m.role) if m.role else None
        if noun is None or noun.kind != OFFICIAL:
            return None
        body = self._body_of(m)
        if body is not None:  # "a hospital spokesman" after "Great Ormond Street Hospital"
            return Entry(f"{body.name} {m.role.split()[-1]}", body.aff, m.role,
                          not m.plural, m.plural, named=False)
        home = self.home
        if not home:  # "U.S. defense officials said … one defense official said"
            same = self.memory.role(m.role.split()[-1])
            home = same.aff.iso3 if same is not None and same.aff.group == COUNTRY else ""
        if not home:
            return None
        return Entry(m.text, Affiliation(COUNTRY, home, OFFICIAL), m.role, not m.plural,
                      m.plural, named=False)

    def _body_of(self, m: Mention) -> Entry | None:
        """The organisation an unnamed official speaks for, when the phrase names its kind
        and the article named one of that kind before ("a company spokesman")."""
        role = m.role.split()[-1]
        kinds = {w for w in m.text.lower().split() if w.isalpha() and w != role and
                 w not in _DETERMINERS}
        for pool in (self.memory.speakers, self.memory.introduced):
            for e in reversed(pool):
                if e.org and kinds & set(e.name.lower().split()):
                    return e
        return None

    def statements(self, sent: Sentence, ps: Parsed, depth: int = 0) -> list[Statement]:
        """The statements of one sentence: its reporting frames when any has an actor
        (the rest is their content), else its stance acts. ``depth``: quotations left
        open by the sentences before."""
        self.at = sent.index
        if _captioned(ps.tokens) or (not depth and is_headline(sent.text)):
            return []  # a caption or a headline ("Trump says mayor has 'come a long way'")
        resolved = []
        unheard: set[int] = set()  # frames whose speaker is no one we can name
        for act in acts(ps.tokens, depth):
            entries = [e for e in (self.resolve(ps, h, act.extra if i == 0 else ())
                                   for i, h in enumerate(act.speakers)) if e is not None]
            if entries:
                resolved.append((act, entries))
            elif act.frame and not _describes(act.verb):
                unheard.add(act.verb.i)
        # "Military analysts say Mr. Putin would recognize …": what an unnamed source
        # reports is its content, not an act of the people in it
        resolved = [(a, e) for a, e in resolved if not _reported_by(a.verb, unheard)]
        acts_at = {a.verb.i for a, _ in resolved if not a.frame}
        # "condemned the strikes and said …": the first act is the stance, not the report
        # "Brown has warned that the nationalists want …": a frame inside what a stance act
        # states is part of its content, not the sentence's report
        frames = [a for a, _ in resolved if a.frame and not (
            a.verb.dep_ == "conj" and a.verb.head.i in acts_at) and
            not _reported_by(a.verb, acts_at)]
        keep = {id(a) for a in outermost(frames or [a for a, _ in resolved if not a.frame])}
        kept = {e.name for a, entries in resolved if id(a) in keep for e in entries}
        # "After Trump argued X, Rubio said Y": the aside is Trump's own statement
        keep |= {id(a) for a, entries in resolved
                 if a.aside and kept and not kept & {e.name for e in entries}}
        out = []
        for act, entries in resolved:
            if id(act) not in keep:  # "according to X" shares its verb with the clause
                for e in entries:  # not this sentence's speaker, but named with a role
                    self.memory.introduce(e)
                continue
            heard = Counter(e.aff.iso3 for e in self.memory.speakers)
            for e in entries:
                self.memory.spoke(e)
            words = frozenset(w.lower() for e in entries for w in e.name.split())
            # a placed actor first; of joint speakers, the country the article has heard
            # most ("Yun and Lavrov agreed" in a story of Lavrov's words is Russia's)
            entries.sort(key=lambda e: (e.aff.group == OTHER, -heard[e.aff.iso3]))
            first = entries[0]
            self.spoken.append((sent.index, first))
            label = label_of(act.verb, words, first.aff.iso3)
            joint = tuple(dict.fromkeys(e.aff.iso3 for e in entries[1:]
                                        if e.aff.iso3 and e.aff.iso3 != first.aff.iso3))
            out.append(Statement(
                text=sent.text.strip(), country=first.aff.iso3,
                speaker=" and ".join(dict.fromkeys(e.name for e in entries)), stance=label,
                citations=(Citation(self.article.id, sent.index),),
                speaker_kind=first.aff.kind, claim=claim_of(act.verb, label), joint=joint,
                person=all(e.person and e.named for e in entries)))
        return out


def _captioned(doc: Sequence[Token]) -> bool:
    """A photo caption (or a headline) written as a sentence: its main verb in the simple
    present with a day ("X, center, speaks to reporters Thursday", "Residents make their
    way through floodwaters on Tuesday"). Prose tells a day's events in the past tense."""
    return any(t.dep_ == "ROOT" and t.pos_ == "VERB" and t.tag_ in ("VBZ", "VBP") and
               any(c.lower_ in _WEEKDAYS for c in t.children) for t in doc)


def _personal(m: Mention, head: Token) -> bool:
    """Whether a speaker is one person ("the minister") rather than a body or a state."""
    if m.person:
        return True
    return bool(m.role) and not (m.org or m.state or m.body or m.plural) and \
        head.lemma_.lower() not in _BODY_NOUNS


def actor_countries(text: str, context: str | None = None) -> list[str]:
    """The countries ``text`` names as actors (names, demonyms, capitals), in order."""
    return [m.iso3 for m in find_countries(text, context) if m.iso3 and m.kind in ACTOR_KINDS]


def home_country(named: Sequence[str]) -> str:
    """The country an article is plainly about, from the countries it names as actors
    (in order, repeats kept): named at least twice, and in at least half of all its
    country mentions; "" when no country stands out that much."""
    counts = Counter(named)
    if not counts:
        return ""
    iso3, n = counts.most_common(1)[0]
    return iso3 if n >= _HOME_MIN and n * 2 >= sum(counts.values()) else ""


def _display(m: Mention, ps: Parsed) -> str:
    """How the memo names a speaker: the person's name, or the phrase ('the Kremlin')."""
    if m.person and not m.text.startswith((f"{m.person}'", f"{m.person}’")):
        return m.person  # not "X's spokesman"
    if m.org and not m.role and ps.doc[m.head].text in m.org.split():
        return m.org  # not "Shipping" for "Shipping insurers"
    if m.head in ps.country_at and not m.state and m.country_text:
        return m.country_text  # "Egypt, one of the largest importers," is Egypt
    if m.body is not None and not m.person:
        return m.text.removeprefix("The ").removeprefix("the ")  # "the African Union"
    return m.text


def find_statements(
    article: Article,
    sentences: Sequence[Sentence],
    actors: ActorBook | None = None,
    docs: Sequence[Doc | None] | None = None,
) -> tuple[Statement, ...]:
    """Every statement in ``article``, each traced to its sentence(s).

    ``actors`` (the user's actors.yaml) is added to the built-in book of actors. ``docs``:
    the parses of the :func:`candidates` (None for the other sentences), when the caller
    parsed several articles' sentences in one batch; else they are parsed here.
    """
    if not sentences:
        return ()
    reader = Reader(article, with_builtin(actors), sentences)
    if docs is None:
        docs = _parse_candidates(sentences, reader.context)
    parsed: dict[int, Parsed] = {}  # a repeated sentence shares its Doc, so its reading too
    found: list[Statement] = []
    carry: int | None = None  # the statement whose quotation is still open
    pending: list[Sentence] = []  # an open quotation still waiting for its speaker
    follow: int | None = None  # the statement ``pending`` continues if no one else speaks
    depth = 0
    for sent, doc in zip(sentences, docs, strict=True):
        signed = tweet_author(sent.text)
        if signed is not None:  # an embedded tweet: its words are its author's
            author, content = signed
            target = sent if content else (sentences[sent.index - 1] if sent.index else None)
            if target is not None:
                found = [s for s in found if s.sentence != target.index]
                found.append(reader.tweet(target, author))
            depth, carry, pending, follow = 0, None, [], None
            continue
        ps = None if doc is None else parsed.get(id(doc))
        if doc is not None and ps is None:
            ps = parsed[id(doc)] = Parsed(doc, reader.context)
        if ps is not None:
            reader.introduce(ps)
        if not depth and not any(q in sent.text for q in QUOTES):
            reader.memory.resume(sent.text)
        opens = opens_quotation(sent.text)
        inside = depth > 0 and not opens
        before = 0 if opens else depth
        depth = quote_depth(sent.text, before)
        if carry is not None and inside and sent.index - found[carry].sentence < _RUN:
            found[carry] = _extend(found[carry], sent)
            if not depth:
                carry = None
            continue
        own = reader.statements(sent, ps, before) if ps is not None else []
        if not own and opens and found and _ends(found[-1]) == sent.index - 1 and any(
                q in found[-1].text for q in QUOTES):
            # '"A," he said. "B."': the next quotation is the same speaker's, unless a
            # new speaker closes it ('"B. C," Clinton answered'): decided when it closes
            follow = len(found) - 1
        if own and pending and inside:
            own[0] = _starting(own[0], pending, sent)
        if own:
            pending, follow = [], None
        elif depth or follow is not None:
            pending.append(sent)
        if follow is not None and pending and (not depth or len(pending) >= _RUN):
            for p in pending:  # closed with no speaker of its own: the one before's
                found[follow] = _extend(found[follow], p)
            follow = None
        if not depth or len(pending) >= _RUN:
            pending = []
        found.extend(own)
        carry = len(found) - 1 if own and depth else None
    return _role_holders(_identified_lead(found, reader.spoken), reader)


def _definite_role(name: str, role: str) -> bool:
    """Whether ``name`` is a definite article or one possessive and then ``role``:
    "the labour minister", "Estonia's interior minister", "the country's envoy"; not
    "a police official", "the prime minister's office" or a longer phrase around it."""
    said = name.lower()
    if not said.endswith(role.lower()):
        return False
    before = said[: len(said) - len(role)].split()
    return bool(before) and len(before) <= 2 and (before[0] == "the" or before[-1].endswith("'s"))


def _role_holders(found: tuple[Statement, ...], reader: Reader) -> tuple[Statement, ...]:
    """A speaker given by role alone ("the labour minister said") is the one person the
    article names with that role in the same country ("Labour Minister Oswaldo Vera",
    before or after): within one article a definite role names one holder. Nothing changes
    when the article names no holder, or two different ones."""
    holders: dict[tuple[str, str], set[str]] = {}
    for e in reader.memory.introduced:
        if e.named and e.person and e.role and e.aff.group == COUNTRY:
            holders.setdefault((e.role.lower(), e.aff.iso3), set()).add(e.name)
    renamed: dict[tuple[str | None, str], str] = {}
    for _, e in reader.spoken:
        if e.named or not e.person or e.plural or not e.role or e.aff.group != COUNTRY or \
                not _definite_role(e.name, e.role):
            continue
        names = holders.get((e.role.lower(), e.aff.iso3), set())
        if len(names) == 1:
            renamed[(e.name, e.aff.iso3)] = next(iter(names))
    if not renamed:
        return found
    return tuple(replace(s, speaker=renamed[(s.speaker, s.country)], person=True)
                 if (s.speaker, s.country) in renamed else s for s in found)


def _identified_lead(found: list[Statement], spoken: Sequence[tuple[int, Entry]],
                     ) -> tuple[Statement, ...]:
    """A news lead's unnamed official named by the next paragraph ("… killing 21 people,
    an Afghan official said." then "…, Interior Ministry spokesman Sediq Sediqqi said."):
    the delayed identification of a lead. Only the article's first speaker, only when
    the next sentence's speaker is a named official of the same country."""
    if not spoken:
        return tuple(found)
    at, lead = spoken[0]
    later = [(i, e) for i, e in spoken[1:] if e.name != lead.name]
    noun = role_noun(lead.role.split()[-1]) if lead.role else None
    if lead.named or not lead.person or lead.plural or lead.aff.kind != OFFICIAL or \
            lead.aff.group != COUNTRY or not later or (noun is not None and noun.kind != OFFICIAL):
        return tuple(found)  # "Chinese state media said" is no official to be named later
    at_next, named = later[0]
    if not (named.named and named.person and at_next == at + 1 and named.aff == lead.aff):
        return tuple(found)
    return tuple(replace(s, speaker=named.name, person=True) if s.speaker == lead.name else s
                 for s in found)


def tweet_author(text: str) -> tuple[str, bool] | None:
    """The author of an embedded tweet's signature line ("… — Jane Roe (@janeroe) March 3,
    2017") and whether the tweet's words precede it in the same sentence."""
    at = text.find("(@")
    if at < 0:
        return None
    dash = max(text.rfind(d, 0, at) for d in "—–")
    if dash < 0:
        return None
    author = text[dash + 1:at].strip()
    if not author or len(author.split()) > NAME_WORDS or not author[:1].isupper():
        return None
    return author, len(text[:dash].split()) >= _TWEET_WORDS


def _candidate(text: str, context: str | None = None) -> bool:
    """Whether a sentence may carry a statement (a predicate's form, a quotation mark) or
    introduce a speaker by role ("Estonian Foreign Minister Kadri Tamm arrived …").
    Parsing is the expensive step; the other sentences never need it.

    A sentence wholly inside quotation marks is what someone says: the rules never take a
    quoted word for an act or a speaker (:func:`quoted`), so it can only introduce one,
    by a role noun, a country or a seat of government (``context``: the whole article)."""
    words = [w.strip(_STRIP).lower() for w in text.split()]
    role = any(w.isalpha() and role_noun(w) is not None for w in words)
    if all_quoted(text) and "according" not in words:  # "according to" looks inside quotes
        return role or bool(actor_countries(text, context)) or _names_a_state(text)
    return role or any(ch in text for ch in QUOTES) or may_act(words)


def _names_a_state(text: str) -> bool:
    """Whether ``text`` names a seat or organ of government ("the Kremlin", "Number 10")
    in a run of up to four words that starts and ends capitalised."""
    words = [w.strip(_STRIP) for w in text.split()]
    for i, first in enumerate(words):
        if not first[:1].isupper():
            continue
        for j in range(i, min(len(words), i + 4)):
            if words[j][:1].isupper() and state_body(" ".join(words[i:j + 1])):
                return True
    return False


def candidates(article: Article, sentences: Sequence[Sentence]) -> list[int]:
    """Indices of the sentences of ``article`` that :func:`find_statements` parses."""
    return _wanted(sentences, _context(article))


def _wanted(sentences: Sequence[Sentence], context: str | None) -> list[int]:
    return [i for i, s in enumerate(sentences) if _candidate(s.text, context)]


def _parse_candidates(sentences: Sequence[Sentence], context: str | None = None,
                      ) -> list[Doc | None]:
    """Parsed Docs for the sentences that may carry a statement, None for the others."""
    wanted = _wanted(sentences, context)
    docs: list[Doc | None] = [None] * len(sentences)
    for i, doc in zip(wanted, parse([sentences[i].text for i in wanted]), strict=True):
        docs[i] = doc
    return docs


def _ends(s: Statement) -> int:
    """The last sentence a statement covers."""
    first = s.citations[0]
    return first.last if first.last is not None else first.sentence


def _extend(s: Statement, sent: Sentence) -> Statement:
    """``s`` with the next sentence of its quotation."""
    first = s.citations[0]
    return replace(s, text=f"{s.text} {sent.text.strip()}",
                   citations=(replace(first, last=sent.index), *s.citations[1:]))


def _starting(s: Statement, pending: Sequence[Sentence], sent: Sentence) -> Statement:
    """``s`` (attributed in ``sent``) with the quotation's earlier sentences before it."""
    text = " ".join(p.text.strip() for p in (*pending, sent))
    return replace(s, text=text, citations=(
        Citation(s.citations[0].article, pending[0].index, last=sent.index),))
