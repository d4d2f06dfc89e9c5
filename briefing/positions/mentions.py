"""Step 2: who a noun phrase names — person, organisation, places and nationalities, role.

Built from the model's entities (PER, ORG, LOC) and the dependency parse: a speaker phrase is
the subtree of a subject (or of the object of "according to"), without its relative clauses
and coordinated parts, so "Lavrov, who met Kerry in Paris," names Lavrov and not France.
Countries come from the project's gazetteer (names, demonyms, capitals) but only where no
person is named ("Lisa Monaco" is a person, not the country).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..countries import ACTOR_KINDS, find_countries
from .knowledge import HONORIFICS, Body, body, expand_title, known_person, role_noun, state_body

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PERSON, ORG, PLACE = "PER", "ORG", "LOC"


def words(text: str) -> list[str]:
    """A closed word list written as one string (keeps long lists readable)."""
    return text.split()


# Dependents that are not part of who the phrase names.
_CLAUSES = frozenset({"relcl", "acl", "acl:relcl", "conj", "cc", "punct", "parataxis",
                      "advcl", "dep", "obl", "obl:tmod", "obl:unmarked", "nmod:tmod",
                      "advmod"})  # "Russia on Monday" names Russia
_TITLES = HONORIFICS
# Participles that place a group: "a militia based in Idlib" is Syria's.
_SEATED = frozenset({"based", "headquartered", "located", "stationed"})
# Honorifics always followed by a surname, whatever that surname means ("Mr. King").
_NAME_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lady", "lord"})
# Corporate suffixes ("AG" is left out: "Texas AG" is an attorney general).
_CORPORATE = frozenset({"co", "corp", "inc", "ltd", "llc", "plc", "gmbh"})
# Common nouns that say the name right after them is a business ("the US firm Acme-Lee").
BUSINESS_NOUNS = frozenset(words("""firm company carmaker automaker bank retailer maker giant
    conglomerate airline insurer manufacturer supplier operator chain brewer miner"""))
_ARTICLES = frozenset({"the", "a", "an"})  # "the House minority leader" is nobody's name
_NAME_PUNCT = frozenset(",.;:()\"“”'‘’")  # a hyphen stays: "Thomas-Greenfield"
_CALENDAR = frozenset(words("""january february march april may june july august september october
    november december monday tuesday wednesday thursday friday saturday sunday"""))
_NAMING = frozenset({"compound", "flat", "flat:name", "appos", "nmod:poss", "nmod:desc",
                     "amod", "nsubj", "list"})
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
# Lower-case particles inside personal names ("von der Leyen", "bin Salman", "da Silva").
_PARTICLES = frozenset(words("von van der den de da di del della dos du la le bin ibn al el"))


@dataclass(frozen=True)
class Mention:
    """What one speaker phrase says about who speaks."""

    text: str  # the phrase as written, without clauses
    head: int  # token index of its head in the Doc
    person: str = ""  # a person's name as written ("Sergey Lavrov")
    org: str = ""  # a named organisation ("the Pentagon", "Hamas")
    countries: tuple[str, ...] = ()  # ISO alpha-3 codes named in the phrase, in order
    country_text: str = ""  # how the first of them is written ("Egypt", "Kyiv")
    role: str = ""  # the role noun ("foreign minister", "spokesman", "ministry")
    body: Body | None = None  # an international organisation named in the phrase
    state: str = ""  # the country a state body stands for ("the Kremlin" -> RUS)
    pronoun: str = ""  # "he", "she", "they", "it" when the phrase is only that
    plural: bool = False
    definite: bool = False  # "the minister": a reference back, not an introduction
    counted: bool = False  # "three Democrats": members of a group, never one person
    company: bool = False  # ``org`` is a name with a corporate suffix ("Kellogg Co")

    @property
    def named(self) -> bool:
        """Whether the phrase itself identifies an actor (else it must be resolved)."""
        return bool(self.person or self.org or self.countries or self.body or self.state)


def located(doc: Doc, context: str, kinds: frozenset[str]) -> Iterator[tuple[Span, str]]:
    """The spans of ``doc`` the country finder reads as one of ``kinds`` (names, demonyms,
    capitals …), each with its ISO alpha-3 code; ``context`` is the whole article."""
    for m in find_countries(doc.text, context or None):
        if m.kind in kinds and m.iso3:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                yield span, m.iso3


RELATIVE = frozenset(words("who whose whom which"))  # pronouns that open a relative clause


def _relative_apposition(t: Token, c: Token) -> bool:
    """'Ruiz, whose husband, Jon Berg, is …': a name the parser hung on ``t`` as its
    apposition, with a relative pronoun between them, names someone in the clause."""
    return c.dep_ == "appos" and c.i > t.i and \
        any(w.lower_ in RELATIVE for w in t.doc[t.i + 1:c.i])


class Sentence:
    """One parsed sentence with its entities and country mentions located on tokens."""

    def __init__(self, doc: Doc, context: str = "") -> None:
        self.doc = doc
        self.tokens: list[Token] = list(doc)  # made once: each pass over a Doc builds them anew
        self._mentions: dict[tuple[int, ...], Mention] = {}
        self.orgs = [_whole_name(e) for e in doc.ents if e.label_ == ORG]
        self.country_at: dict[int, str] = {}
        for span, iso3 in located(doc, context, ACTOR_KINDS):
            if _ends_a_name(span):
                continue  # "Lisa Monaco" is a person
            for t in span:
                self.country_at[t.i] = iso3
        # A person entity is its name words: not a country, a role or a seat of government
        # ("US President" or "Kremlin" tagged as a person names nobody).
        self.people: list[tuple[Span, str]] = []
        for e in (p for ent in doc.ents if ent.label_ == PERSON for p in _coordinated(ent)):
            part = list(_name_part(e))
            words = [t for t in part if t.i not in self.country_at and not _bracketed(t) and
                     t.text not in _NAME_PUNCT and ((role_noun(t.lower_) is None and
                     t.lower_.rstrip(".") not in _TITLES) or _surname(t, part, True))]
            name = _text(words)
            if words and not state_body(name) and not body(name) and name[:1].isupper():
                self.people.append((e, name))

    def phrase(self, head: Token) -> list[Token]:
        """The tokens of the noun phrase headed by ``head``, clauses and conjuncts left out
        (but a role described by a participle stays: "X, commanding general of the Army")."""
        out: list[Token] = []
        stack = [head]
        while stack:
            t = stack.pop()
            out.append(t)
            stack.extend(c for c in t.children if (c.dep_ not in _CLAUSES or (
                t.i == head.i and c.dep_ == "acl" and _names_a_role(c)) or (
                c.dep_ == "obl" and t.dep_ == "acl" and t.lower_ in _SEATED)) and not (
                c.dep_.startswith("nmod") and c.lower_ in _CALENDAR)  # "Russia on Monday"
                and not (t.i == head.i and c.dep_ == "case")  # "according to | X"
                and not _relative_apposition(t, c))
        return sorted(out, key=lambda t: t.i)

    def _widen(self, tokens: list[Token], head: Token) -> list[Token]:
        """Mend a name the parser split: a country or title word just before the phrase
        ("Canadian | General Lee Grant") and a name part just after it that hangs on the
        same word ("Jan | Peeters met")."""
        doc = self.doc
        first, last = tokens[0].i, tokens[-1].i
        while first > 0 and (doc[first - 1].i in self.country_at or (
                doc[first - 1].text[:1].isupper() and doc[first - 1].pos_ in ("ADJ", "PROPN")
                and role_noun(doc[first - 1].lower_) is not None)):
            first -= 1
        while last + 1 < len(doc) and doc[last + 1].pos_ == "PROPN" and \
                doc[last + 1].head.i == head.head.i and doc[last + 1].dep_ == head.dep_:
            last += 1
        if first == tokens[0].i and last == tokens[-1].i:
            return tokens
        ids = {t.i for t in tokens}
        return [*doc[first:tokens[0].i], *tokens, *(t for t in doc[tokens[-1].i + 1:last + 1]
                                                      if t.i not in ids)]

    def _late_apposition(self, tokens: Sequence[Token], head: Token) -> str:
        """The name in "the ambassador to the United Nations, Jane Roe," that the parser
        hung on the place or body: after a role and its modifier, it names the role."""
        for t in tokens:
            if t.dep_ == "appos" and t.pos_ == "PROPN" and t.i not in self.country_at and \
                    t.head.dep_.startswith("nmod") and t.head.head.i == head.i and \
                    t.i > 0 and t.doc[t.i - 1].text == ",":
                return _proper_name(self.phrase(t), t, self.country_at)
        return ""

    def near(self, head: Token) -> set[int]:
        """The head and the words that name it directly: its compound, flat, appositive
        and possessive dependents (not a name deeper in a modifier: "supporters of the
        Kim regime" names no Kim)."""
        ids = {head.i}
        stack = [head]
        while stack:
            t = stack.pop()
            for c in t.children:
                if c.dep_ in _NAMING and c.i not in ids and not _relative_apposition(t, c):
                    ids.add(c.i)
                    stack.append(c)
        return ids

    def mention(self, head: Token, extra: Sequence[Token] = ()) -> Mention:
        """Describe the phrase headed by ``head`` (with ``extra``: a title the parser made
        a subject of its own, "Foreign Minister | Ion Rusu said"); once per phrase, as a
        sentence repeated in an article shares its parse and this description."""
        key = (head.i, *(t.i for t in extra))
        found = self._mentions.get(key)
        if found is None:
            found = self._mentions[key] = self._describe(head, extra)
        return found

    def _describe(self, head: Token, extra: Sequence[Token]) -> Mention:
        tokens = sorted({t for h in (head, *extra) for t in self.phrase(h)}, key=lambda t: t.i)
        tokens = self._widen(tokens, head)
        ids = {t.i for t in tokens}
        text = _text(tokens)
        near = self.near(head) | {t.i for t in tokens if t.pos_ == "PROPN" and t.i > head.i
                                  and t.head.i == head.head.i}
        low = head.lower_
        if low in PRONOUNS and len(tokens) == 1:
            return Mention(text, head.i, pronoun=low, plural=low in ("they", "we"))
        run = _proper_name(tokens, head, self.country_at)
        if head.pos_ == "NOUN" and head.tag_ == "NNS" and not run.endswith(head.text):
            run = ""  # "Shipping insurers", "Trump aides": a group, not the person named
        counted = any(c.dep_ == "nummod" or c.tag_ == "CD" for c in head.children)
        if counted and head.tag_ in ("NNPS", "NNS"):
            run = ""  # "Three Republicans": a count of a group's members, no one's name
        acronym = run if run.isalpha() and run.isupper() and len(run) > 1 else ""
        if acronym:
            run = ""  # "GOSH said": an organisation's initials, no person's name
        if run and any(o.start <= head.i < o.end and body(o.text) for o in self.orgs):
            run = ""  # the head names an international body ("the African Union"), no one
        covering = next(((e, name) for e, name in self.people if any(t.i in near for t in e)),
                        None)
        # The parse's name run wins where the entity misses its surname ("Belgian Prime")
        # or is shorter ("Rusu" of "Ion Rusu").
        # An entity after the head wins over a run no entity knows ("Labour | Minister
        # Oswaldo Vera" with the name hung on "Labour").
        person = covering[1] if covering is not None and (not run or (
            _last_in(run, covering[0]) and len(covering[1]) >= len(run)) or (
            covering[0].start > head.i and not any(_last_in(run, e) for e, _ in self.people))
        ) else run
        if not person and not covering:
            person = _office_holder(head)
        if person:  # "Bernie Sanders (Vt.)"
            aside = {t.text for t in tokens if _bracketed(t)}
            person = " ".join(w for w in person.split() if w not in aside)
        if not person and _role(tokens, head):
            person = self._late_apposition(tokens, head)
        company = _company(tokens)
        if company and person and person in company:
            person = ""  # "Kellogg Co said": a company, not a person called Kellogg
        org = _first(self.orgs, ids)
        countries = tuple(dict.fromkeys(self.country_at[i] for i in sorted(ids)
                                        if i in self.country_at and not _topic(head.doc[i])))
        found_body = _body(org, tokens)
        state = state_body(org.text) if org is not None else None
        if state is None and not person and org is None:
            state = state_body(_text(t for t in tokens if t.dep_ != "det"))
        role = _role(tokens, head)
        named_role = ""
        if person and " " in role and set(person.lower().split()) <= set(role.split()):
            # "A National Security Council spokesman": a capitalised role phrase names a
            # body, not a person called "Security Council"
            named_role = _text(t for t in tokens if t.lower_ in role.split() and
                               t.text[:1].isupper())
            person = ""
        definite = any(t.lower_ in ("the", "this", "that") and t.head.i == head.i
                       for t in tokens) and not person and org is None
        return Mention(
            text=text,
            head=head.i,
            person=person,
            org=org.text if org is not None else named_role or acronym or company or (
                "" if person else _institution(tokens, head)
                or _named_modifier(tokens, head, self.country_at)),
            company=bool(company) and org is None,
            countries=countries,
            country_text=_text(t for t in tokens if self.country_at.get(t.i) == countries[0])
            if countries else "",
            role=role,
            body=found_body,
            state=state or "",
            plural=head.tag_ in ("NNS", "NNPS") or "Number=Plur" in str(head.morph),
            definite=definite,
            counted=counted,
        )


def _company(tokens: Sequence[Token]) -> str:
    """A capitalised name ending in a corporate suffix ("Kellogg Co", "Acme Holdings Inc.")
    or right after a noun of business ("the US firm Kimberly-Clark", "carmaker Saule"): an
    organisation whether or not the tagger marked it (a hyphenated name reads like a
    person's), and known later by its first words."""
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.is_lower and t.lemma_ in BUSINESS_NOUNS and t.i + 1 in ids:
            name = _named_after(t, ids)
            if name:
                return name
    for n, t in enumerate(tokens):
        if n and t.text.rstrip(".").lower() in _CORPORATE and t.text[:1].isupper():
            start = n
            while start and tokens[start - 1].text[:1].isupper() and \
                    tokens[start - 1].i == tokens[start].i - 1:
                start -= 1
            if start < n:
                return _text(tokens[start:n + 1])
    return ""


def _named_after(noun: Token, ids: set[int]) -> str:
    """The name right after a noun of business, as written: the phrase's capitalised proper
    nouns, joined by "&" or by a hyphen the phrase leaves out ("Kimberly-Clark")."""
    doc = noun.doc
    end = noun.i
    for w in doc[noun.i + 1:]:
        if w.i in ids and w.pos_ == "PROPN" and w.text[:1].isupper():
            end = w.i
        elif not (w.text == "&" or (w.text == "-" and not doc[w.i - 1].whitespace_ and
                                    not w.whitespace_)):
            break
    return "".join(t.text_with_ws for t in doc[noun.i + 1:end + 1]).strip()


def brand(company: str) -> str:
    """A company's name without its corporate suffix: "Kellogg Co" -> "Kellogg"."""
    words = company.split()
    while len(words) > 1 and words[-1].rstrip(".").lower() in _CORPORATE:
        words.pop()
    return " ".join(words)


def _names_a_role(clause: Token) -> bool:
    """Whether a participle clause only says what the person is ("heading the army") or
    where a group is ("a group based in Trinidad")."""
    if clause.tag_ == "VBN" and clause.lower_ in _SEATED:
        return True
    return clause.tag_ in ("VBG", "VBN") and any(
        c.dep_ in ("obj", "dobj", "xcomp") and (role_noun(c.lower_) is not None or
                                                role_noun(f"{clause.lower_} {c.lower_}"))
        for c in clause.children)


def _text(tokens: Iterable[Token]) -> str:
    """The tokens as written; a space where left-out tokens (commas) stood between them."""
    out: list[str] = []
    last = -2
    for t in tokens:
        if out and t.i != last + 1 and not out[-1].endswith(" "):
            out.append(" ")
        out.append(t.text_with_ws)
        last = t.i
    return "".join(out).strip()


def _first(spans: Sequence[Span], ids: set[int]) -> Span | None:
    for s in spans:
        if any(t.i in ids for t in s):
            return s
    return None


def _last_in(run: str, ent: Span) -> bool:
    """Whether the last word of a name run ("al-Bashir": "Bashir") is in entity ``ent``."""
    last = run.split()[-1].split("-")[-1]
    return any(t.text == last for t in ent)


def _whole_name(e: Span) -> Span:
    """An organisation entity with the capitalised modifiers the tagger left out before it
    ("National | Security Council" is no UN body)."""
    start = e.start
    while start > 0 and e.doc[start - 1].pos_ in ("ADJ", "PROPN") and \
            e.doc[start - 1].text[:1].isupper() and e.start <= e.doc[start - 1].head.i < e.end:
        start -= 1
    return e.doc[start:e.end] if start < e.start else e


def _article(head: Token) -> int:
    """Where the head's article is ("the", "a"), or past the head when it has none."""
    return min((d.i for d in head.children if d.lower_ in _ARTICLES), default=head.i)


def _named_modifier(tokens: Sequence[Token], head: Token, countries: dict[int, str]) -> str:
    """The capitalised words between an article and a common-noun head: the name of a
    body ("the House minority leader", "the Senate committee"), never of a person, and
    not a country's name ("the UK market" is a market, not an organisation)."""
    if head.pos_ != "NOUN" or role_noun(head.lemma_.lower()) is not None:
        return ""  # "an Interior Ministry spokesman" is an official, read by role
    start = _article(head)
    return _text(t for t in tokens if start < t.i < head.i and t.pos_ == "PROPN" and
                 t.text[:1].isupper() and t.i not in countries)


def _institution(tokens: Sequence[Token], head: Token) -> str:
    """A capitalised name ending in a role noun the tagger did not mark as an organisation:
    "Great Ormond Street Hospital", "the Justice Ministry" (a title precedes a person's
    name; an institution's type ends its name)."""
    if not (head.pos_ == "PROPN" and head.text[:1].isupper() and role_noun(head.lower_)):
        return ""
    name = [t for t in tokens if t.i <= head.i and t.text[:1].isupper() and
            t.pos_ in ("PROPN", "ADJ") and t.head.i in (head.i, *(w.i for w in tokens))]
    return _text(name) if len(name) > 1 else ""


def _surname(t: Token, name: Sequence[Token], entity: bool) -> bool:
    """Whether a title word ends a name as its surname: "Mr. King", "Ms. Bishop", or in a
    person entity after a first name ("Larry King"); "Prime Minister" names no one."""
    if t.i != name[-1].i or t.i == 0:
        return False
    if t.doc[t.i - 1].lower_.rstrip(".") in _NAME_HONORIFICS:
        return True
    before = name[-2].lower_.rstrip(".") if len(name) > 1 else ""
    return entity and bool(before) and before not in _TITLES and role_noun(before) is None


_OFFICE_TITLES = frozenset(words("""secretary minister chairman chairwoman director president
    governor mayor speaker"""))


_TOPIC_CASES = frozenset({"on", "about", "to", "against", "toward", "towards"})


def _topic(t: Token) -> bool:
    """A country a phrase is about or posted to, not one it belongs to: "an expert on
    Russia", "the envoy to Syria", "sanctions against Iran"."""
    for w in (t, *t.ancestors):
        if any(c.dep_ == "case" and c.lower_ in _TOPIC_CASES for c in w.children):
            return True
        if w.dep_ not in ("compound", "flat", "nmod", "amod", "nmod:poss"):
            return False
    return False


def _office_holder(head: Token) -> str:
    """The name after a title with its office ("Secretary of State Rex Tillerson", the name
    parsed inside "of State …"): the longest tail of the proper nouns after "of" that the
    knowledge base knows as a person, else their last two words (three with an initial)."""
    if not (head.text[:1].isupper() or head.lemma_ in _OFFICE_TITLES):
        return ""  # "former secretary of state Hillary Clinton" is written in lower case
    office = next((c for c in head.children if c.dep_ == "nmod" and c.i > head.i and
                   c.pos_ == "PROPN" and any(g.lower_ == "of" for g in c.children)), None)
    if office is None:
        return ""
    of = next(g for g in office.children if g.lower_ == "of")
    inside = {t.i for t in office.subtree}
    first = next((t for t in head.doc[of.i + 1:office.i + 1] if t.pos_ == "PROPN"), None)
    if first is None:
        return ""
    run = list(itertools.takewhile(lambda t: t.pos_ == "PROPN" and t.i in inside,
                                   head.doc[first.i:]))  # one unbroken run of proper nouns
    # the office's own words may be in the run ("of State Rex Tillerson") or not ("of
    # Foreign Affairs Wang Yi", with "Foreign Affairs" tagged as common words)
    most = len(run) - 1 if run[0].i == of.i + 1 else len(run)
    if most < 2:
        return ""
    for k in range(most, 1, -1):
        if not _initial(run[-k]) and known_person(_text(run[-k:])):
            return _text(run[-k:])
    return _text(run[-3:] if most >= 3 and _initial(run[-2]) else run[-2:])


def _initial(t: Token) -> bool:
    """A middle initial ("F." of "John F. Kerry")."""
    return len(t.text.rstrip(".")) == 1 and t.text[:1].isupper()


def _bracketed(t: Token) -> bool:
    """A word inside parentheses beside a name ("Bernie Sanders (Vt.)"): no part of it."""
    for w in reversed(t.doc[max(0, t.i - 3):t.i]):
        if w.text == ")":
            return False
        if w.text == "(":
            return True
    return False


def _coordinated(e: Span) -> list[Span]:
    """A person entity the tagger ran across a coordination, cut into its names: "Sen. Ann
    Ruiz and Governor Tom Bell" is two people."""
    cuts = [t.i for t in e if t.lower_ in ("and", "or", "&")]
    bounds = [e.start - 1, *cuts, e.end]
    return [e.doc[a + 1:b] for a, b in itertools.pairwise(bounds) if b > a + 1]


def _name_part(e: Span) -> Span:
    """A person entity up to its first lower-case word that is no name particle: the
    tagger may run on into "Ben Cardin of Maryland" or "Jane Roe and her aides"."""
    for t in e:
        if t.is_lower and t.is_alpha and t.lower_ not in _PARTICLES and t.i > e.start:
            return e.doc[e.start:t.i]
    return e


def _ends_a_name(span: Span) -> bool:
    """A country word that ends a person's name ("Lisa Monaco"), not one before it."""
    doc = span.doc
    ent = next((e for e in doc.ents if e.label_ == PERSON and e.start <= span.start
                and span.end <= e.end), None)
    if ent is None or span.end < ent.end or span.start == ent.start:
        return False
    before = doc[span.start - 1]
    return before.pos_ == "PROPN" and role_noun(before.lower_) is None


_PLACE_OR_BODY = frozenset({PLACE, ORG})


def _placed_role(name: Token, head: Token) -> bool:
    """A place or body named before a role noun is where the role is held, not whose
    name it is: "the Florida senator", "the Moscow mayor"."""
    return name.i < head.i and name.ent_type_ in _PLACE_OR_BODY and \
        role_noun(head.lemma_.lower()) is not None


def _titled_apposition(head: Token) -> Token | None:
    """'Shadow Health Secretary Andy Burnham told …' parsed with the name as an apposition
    of the title's first word: a name that follows a title with no comma between is the
    name the title belongs to."""
    for c in head.children:
        if c.dep_ != "appos" or c.pos_ != "PROPN" or c.i <= head.i:
            continue
        between = head.doc[head.i + 1:c.i]
        if between and not any(w.is_punct for w in between) and all(
                w.text[:1].isupper() for w in between) and \
                (role_noun(expand_title(between[-1].text).lower()) is not None or
                 between[-1].lower_.rstrip(".") in _TITLES):
            return c
    return None


def _last_stretch(words: list[Token]) -> list[Token]:
    """Name words split by a word that is no part of a name ("Juventus striker Carlos
    Tevez", "Uber boss Travis Kalanick") are an affiliation, then the name: the last
    stretch is the name."""
    for a, b in reversed(list(itertools.pairwise(words))):
        between = a.doc[a.i + 1:b.i]
        if any(not w.is_punct for w in between):
            rest = words[words.index(b):]
            # not inside an organisation's own name ("Iron and Steel Co.", "Campaign for
            # Tobacco-Free Kids", "Metropolitan Police Department")
            if any(w.pos_ in ("ADP", "CCONJ", "DET") or w.text == "," or w.lower_ in _PARTICLES
                   for w in between) or any(w.ent_type_ == ORG for w in rest):
                return words
            # a person's name after its affiliation: tagged a person, or after plain words
            # ("Juventus striker Carlos Tevez"), not "Police | Department"
            person = any(w.ent_type_ == PERSON for w in rest)
            return rest if person or all(w.is_lower or w.is_punct for w in between) else words
    return words


def _proper_name(tokens: Sequence[Token], head: Token, countries: dict[int, str]) -> str:
    """A name the model did not tag: the head's chain of proper nouns (compound and flat
    links), without role words, countries, months or days."""
    if head.lower_ in PRONOUNS or not head.text[:1].isupper() or (
            head.pos_ not in ("PROPN", "PRON", "X") and (head.i == 0 or head.pos_ != "NOUN")):
        # a capitalised word the tagger missed may still be a name ("Yoho said"); a
        # lower-case head may carry the name ("Yun Byung-se" parsed with "se" as head)
        naming = ("compound", "flat", *(("appos",) if role_noun(head.lemma_.lower()) else ()))
        body_name = _named_modifier([head, *head.children], head, countries)  # "the House leader"
        inner = [c for c in head.children if c.dep_ in naming and  # "Ukraine's president, X"
                 c.pos_ == "PROPN" and c.i not in countries and c.text[:1].isupper() and
                 c.text not in body_name.split() and not _placed_role(c, head)]
        if not inner or head.lower_ in PRONOUNS:
            return ""
        head = inner[-1]
    titled = _titled_apposition(head)
    if titled is not None:
        head = titled
    ids = {t.i for t in tokens}
    run = [head]
    stack = [head]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.i in ids and c.dep_ in ("compound", "flat", "flat:name") and c.pos_ == "PROPN":
                run.append(c)
                stack.append(c)
    run += [t for t in tokens if t.i > head.i and t.pos_ == "PROPN" and t.dep_ == head.dep_
            and t.head.i == head.head.i]  # the rest of a split name
    start = min(t.i for t in run)
    while start > 0 and start - 1 in ids and head.doc[start - 1].pos_ == "PROPN" and \
            head.doc[start - 1].lower_.rstrip(".") not in _TITLES and \
            head.doc[start - 1].dep_ in ("compound", "flat", "flat:name", head.dep_):
        start -= 1  # "General Lee | Grant": a first name hung elsewhere
        run.append(head.doc[start])
    ordered = sorted(run, key=lambda t: t.i)
    if len(ordered) > 1 and ordered[-1].text[:1].isupper() and \
            role_noun(ordered[-1].lower_) is not None and not _surname(ordered[-1], ordered, False):
        return ""  # a title comes before a name; "Ormond Street Hospital" is an institution
    words = [t for t in ordered if ((role_noun(t.lower_) is None and
             t.lower_.rstrip(".") not in _TITLES) or _surname(t, ordered, False))
             and t.i not in countries and t.lower_ not in _CALENDAR]
    if not words or all(state_body(t.text) or body(t.text) for t in words):
        return ""
    words = [t for t in words if not (t.is_upper and body(t.text))]  # "NATO | Jens Stoltenberg"
    doc = head.doc
    words += [doc[a.i + 1] for a, b in itertools.pairwise(words) if b.i == a.i + 2 and
              doc[a.i + 1].text == "-" and not a.whitespace_]  # "Thomas-Greenfield"
    words.sort(key=lambda t: t.i)
    words = _last_stretch(words)
    begin = words[0].i
    while begin >= 2 and doc[begin - 1].text == "-" and not doc[begin - 2].whitespace_ \
            and not doc[begin - 1].whitespace_ and doc[begin - 2].text[:1].isupper():
        words[:0] = [doc[begin - 2], doc[begin - 1]]  # "Bin-Yameen" cut at its hyphen
        begin -= 2
    end = words[-1].i
    while end + 2 < len(doc) and doc[end + 1].text == "-" and not doc[end].whitespace_ \
            and not doc[end + 1].whitespace_:  # "Yun Byung-se" is one name
        words += [doc[end + 1], doc[end + 2]]
        end += 2
    last = end
    while last + 2 < len(doc) and doc[last + 1].text in _PARTICLES:
        last += 1  # "Ursula von der Leyen", "Mohammed bin Salman": particles, then a name
        if doc[last + 1].pos_ == "PROPN" and doc[last + 1].text[:1].isupper():
            words += list(doc[end + 1:last + 2])
            end = last = last + 1
    return _text(words)


def _body(org: Span | None, tokens: Sequence[Token]) -> Body | None:
    if org is not None and not (org.start > 0 and org.doc[org.start - 1].pos_ == "PROPN"):
        found = body(org.text)
        if found is not None:
            return found
        words = [t.text for t in org if t.dep_ != "det"]  # the entity is the name, whatever
        for n in range(min(len(words), 5), 1, -1):  # the tags of its words: its start
            found = body(" ".join(words[:n]))
            if found is not None:
                return found
    runs: list[list[str]] = []
    last = -2
    for t in tokens:
        if t.pos_ == "PROPN" or (t.pos_ == "ADJ" and t.text[:1].isupper()):  # "European …"
            if t.i != last + 1 or not runs:
                runs.append([])
            runs[-1].append(t.text)
            last = t.i
    for run in runs:  # a name's start: "United Nations Secretary-General …", never the
        for n in range(min(len(run), 5), 1, -1):  # "Security Council" of "National Security …"
            found = body(" ".join(run[:n]))
            if found is not None:
                return found
    for t in tokens:
        if t.is_upper or "." in t.text:  # "UN", "U.N.", not the "Un" of "Kim Jong Un"
            found = body(t.text)
            if found is not None:
                return found
    return None


def _role(tokens: Sequence[Token], head: Token) -> str:
    """The phrase's role noun, longest first ("foreign minister" before "minister"), then
    rightmost (the head of "hospital spokesman" is the spokesman)."""
    words = [expand_title(t.text).lower() for t in tokens if t.pos_ in ("NOUN", "PROPN", "ADJ")]
    for n in (3, 2, 1):
        for i in reversed(range(len(words) - n + 1)):  # the head comes last: "hospital spokesman"
            phrase = " ".join(words[i:i + n])
            if role_noun(phrase) is not None:
                return phrase
    return head.lemma_.lower() if head.pos_ == "NOUN" and role_noun(head.lemma_) else ""
