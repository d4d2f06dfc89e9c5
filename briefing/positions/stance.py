"""Step 5: the stance of a statement, from the speaker's own act.

The act is the reporting or stance verb whose subject is the speaker, with its negation:
"X opposes", "X did not agree". Words inside the reported content do not count ("Lavrov
said Western countries had failed to keep their promises" is no promise), except where the
content is the speaker's own act ("Russia said it would not attend": the speaker is its
subject) or an accusation of someone else ("said Western countries had failed").
Labels are those of :data:`briefing.stance.STANCES`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from ..countries import find_countries
from ..stance import STANCES, stance_verb
from .knowledge import role_noun
from .mentions import words

if TYPE_CHECKING:
    from spacy.tokens import Token

# Stance predicates by lemma. Neutral reporting verbs map to STATEMENT.
_BY_LEMMA: dict[str, str] = {
    **dict.fromkeys(words("say tell add state note announce declare explain stress emphasize "
                    "emphasise reiterate confirm write tweet argue suggest predict remark "
                    "comment assert believe think hope want insist reply respond "
                    "answer acknowledge admit claim reveal recount describe contend boast"),
                    "STATEMENT"),
    **dict.fromkeys(words("agree promise pledge vow commit offer accept guarantee decide"),
                    "AGREE"),
    **dict.fromkeys(words("support back welcome endorse praise hail applaud congratulate "
                    "recognize recognise"), "SUPPORT"),
    **dict.fromkeys(words("urge demand call appeal request press ask"), "DEMAND"),
    **dict.fromkeys(words("fear worry concern"), "CONCERN"),
    **dict.fromkeys(words("condemn criticize criticise denounce blame deplore slam regret "
                    "complain decry lament"), "DISAPPROVE"),
    **dict.fromkeys(words("accuse allege charge"), "ACCUSE"),
    **dict.fromkeys(words("oppose object"), "OPPOSE"),
    **dict.fromkeys(words("reject refuse dismiss rebuff veto"), "REJECT"),
    "deny": "DENY",
    **dict.fromkeys(words("warn caution"), "WARN"),
    "threaten": "THREATEN",
    "concede": "CONCEDE",
    "protest": "PROTEST",
    **dict.fromkeys(words("sanction expel suspend boycott"), "SANCTION"),
    **dict.fromkeys(words("investigate probe"), "INVESTIGATE"),
    "withdraw": "RETREAT",
    # Formal decisions of an authority (the guide counts them as positions).
    **dict.fromkeys(words("approve allow lift ease release pardon"), "CONCEDE"),
    **dict.fromkeys(words("sign ratify ready willing"), "AGREE"),
    **dict.fromkeys(words("grant donate"), "AID"),
    **dict.fromkeys(words("ban impose"), "SANCTION"),
    **dict.fromkeys(words("mobilize mobilise deploy"), "MOBILIZE"),
}
REPORTING = frozenset(k for k, v in _BY_LEMMA.items() if v == "STATEMENT")
PREDICATES = frozenset(_BY_LEMMA)
# What a speaker can "express": the noun names the stance.
_EXPRESSED = {"ultimatum": "THREATEN", "warning": "WARN", "threat": "THREATEN",
              "appeal": "DEMAND", "call": "DEMAND", "demand": "DEMAND", "protest": "PROTEST",
              "condemnation": "DISAPPROVE", "denial": "DENY", "apology": "CONCEDE",
              "concern": "CONCERN", "regret": "DISAPPROVE", "support": "SUPPORT",
              "opposition": "OPPOSE", "hope": "STATEMENT", "anger": "DISAPPROVE",
              "outrage": "DISAPPROVE", "condolence": "STATEMENT", "gratitude": "SUPPORT",
              "dissatisfaction": "DISAPPROVE", "doubt": "CONCERN"}
# Content verbs that, said of someone else, make the report an accusation.
_BLAME = frozenset(words("fail violate lie break undermine ignore mislead provoke destabilize "
                   "destabilise sabotage betray breach cheat"))
# Collective nouns for parties to a dispute ("Western countries had failed …").
_PARTIES = frozenset(words("country state nation government side power ally regime leader "
                           "leadership administration"))
_NEGATED = {"SUPPORT": "OPPOSE", "AGREE": "REJECT", "DENY": "STATEMENT"}
_MODAL_DEMAND = frozenset({"must", "should"})
assert set(_BY_LEMMA.values()) <= set(STANCES)


# Past forms a weak lemmatizer may miss; regular ones are undone by suffix.
_IRREGULAR = {"said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write",
              "spoke": "speak", "thought": "think", "withdrew": "withdraw"}


# Verbs whose object noun names the stance: "expressed concern", "reaffirmed its opposition".
_AIRING = frozenset({"express", "voice", "reaffirm", "maintain", "reiterate", "signal",
                     "issue", "lodge", "make"})
_KNOWN = PREDICATES | _AIRING | {"quote"}


def lemma(t: Token, known: frozenset[str] = _KNOWN) -> str:
    """The token's lemma, checked against a closed word list when the model's is odd."""
    return _lemma(t.lemma_.lower(), t.lower_, known)


@lru_cache(maxsize=65536)
def _lemma(own: str, low: str, known: frozenset[str]) -> str:
    if own in known:
        return own
    guesses = [_IRREGULAR.get(low, low)]
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""),
                         ("ed", "e"), ("es", ""), ("s", "")):
        if low.endswith(suffix):
            guesses.append(low[: -len(suffix)] + repl)
    for g in guesses:
        if g in known:
            return g
        if len(g) > 3 and g[-1] == g[-2] and g[:-1] in known:  # "committed" -> "commit"
            return g[:-1]
    return own


def forms(lemmas: frozenset[str]) -> frozenset[str]:
    """Every inflected form of ``lemmas`` a sentence may carry ("say" -> "says", "said" …):
    cheap to test before parsing a sentence at all."""
    out = set(lemmas) | set(_IRREGULAR)
    for w in lemmas:
        stem = w[:-1] if w.endswith("e") else w
        out.update((w + "s", w + "es", w + "ed", stem + "ed", stem + "ing", w + "ing",
                    w + w[-1] + "ed", w + w[-1] + "ing"))
        if w.endswith("e"):  # "agreed"; not "band" from "ban"
            out.add(w + "d")
        if w.endswith("y"):
            out.update((w[:-1] + "ies", w[:-1] + "ied"))
    return frozenset(out)


CUE_FORMS = forms(PREDICATES | {"quote", "according"})
"""Forms of the verbs that are acts by themselves ("said", "warns", "according to")."""
AIRING_FORMS = forms(_AIRING - PREDICATES) - CUE_FORMS
"""Forms of the verbs that are acts only with a stance noun as object ("voiced concern")."""
STANCE_NOUN_FORMS = forms(frozenset(_EXPRESSED))


def may_act(words: Sequence[str]) -> bool:
    """Whether lower-cased ``words`` may hold a predicate :func:`is_predicate` accepts: a
    form of a stance or reporting verb, or of an airing verb with a stance noun beside it."""
    if any(w in CUE_FORMS for w in words):
        return True
    return any(w in AIRING_FORMS for w in words) and any(w in STANCE_NOUN_FORMS for w in words)


def negated(t: Token) -> bool:
    """Whether ``t`` carries a negation of its own ("did not agree", "never accepted").
    A negation inside a quotation is the quote's, not the act's ('"Absolutely not,"
    Clinton responded'): the parser may hang it on the reporting verb."""
    return any((c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in ("not", "n't", "never")))
               and not _in_quotation(c) for c in t.children)


def _in_quotation(c: Token) -> bool:
    """Whether a token comes before a closing quotation mark that precedes its head."""
    if c.i > c.head.i:
        return False
    between = c.doc[c.i + 1:c.head.i]
    return any(w.text in ('"', "\u201d", "''") for w in between)


def is_predicate(t: Token) -> bool:
    """A verb that can carry a speaker's act (or "express" with a stance noun)."""
    word = lemma(t)
    if word in _AIRING and any(c.dep_ in ("obj", "dobj") and c.lemma_.lower() in _EXPRESSED
                               for c in t.children):
        return True
    if word in ("ready", "willing"):  # "France is ready to contribute troops"
        return any(c.dep_ == "xcomp" for c in t.children)
    return word in PREDICATES and t.pos_ in ("VERB", "AUX", "ADJ")


def own_label(t: Token) -> str:
    """The label of the act ``t`` itself, negation included."""
    word = lemma(t)
    if word in _AIRING:
        for c in t.children:
            if c.dep_ in ("obj", "dobj") and c.lemma_.lower() in _EXPRESSED:
                return _EXPRESSED[c.lemma_.lower()]
    label = _BY_LEMMA.get(word, "STATEMENT")
    if word == "call" and not any(_calls_for(c) for c in t.children):
        label = "STATEMENT"  # "called the decision cynical" names it; it demands nothing
    if negated(t):
        return _NEGATED.get(label, label)
    return label


def _calls_for(c: Token) -> bool:
    """'called for / on / upon …', 'called X to …' (not 'called the decision cynical')."""
    ask = ("for", "on", "upon")
    return (c.dep_ == "xcomp" and c.pos_ == "VERB") or c.lower_ in ask or (
        c.dep_.startswith("obl") and any(
        g.dep_ == "case" and g.lower_ in ask for g in c.children))


def content_of(t: Token) -> Token | None:
    """The head of the reported content of a reporting verb (its complement clause)."""
    for c in t.children:
        if c.dep_ in ("ccomp", "xcomp", "csubj"):
            return c
    if t.dep_ == "parataxis" and t.head.i != t.i:
        return t.head  # "…, Lavrov said": the report is the sentence's root
    for c in t.children:
        if c.dep_ == "parataxis":
            return c
    if t.dep_ != "ROOT":  # "…, Lavrov said" parsed as a clause hung below the report
        root = next(iter(a for a in t.ancestors if a.dep_ == "ROOT"), None)
        if root is not None and root.i < t.i:
            return root
    return None


def _subject(t: Token) -> Token | None:
    for c in t.children:
        if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass", "expl"):
            return c
    return None


def label_of(act: Token, speaker_words: frozenset[str], country: str = "") -> str:
    """The stance of a statement whose act is ``act``; ``speaker_words`` name the speaker,
    ``country`` is theirs ("Putin said Moscow was ready": Moscow is the speaker's side)."""
    label = own_label(act)
    if label != "STATEMENT" or lemma(act) not in REPORTING or negated(act):
        return label
    content = content_of(act)
    if content is None:
        return label
    subject = _subject(content)
    own = subject is None or subject.lower_ in ("i", "we", "he", "she", "it", "they") or \
        subject.lower_ in speaker_words or (bool(country) and any(
            m.iso3 == country for m in find_countries(_subtree_text(subject))))
    if own:
        inner = own_label(content) if is_predicate(content) else "STATEMENT"
        if inner != "STATEMENT":
            return inner
        aux = {c.lower_ for c in content.children if c.dep_ == "aux"}
        if negated(content) and aux & {"will", "would", "wo", "can", "ca", "could"}:
            return "REJECT"
        if aux & _MODAL_DEMAND:
            return "DEMAND"
        return "STATEMENT"
    if lemma(content, _BLAME) in _BLAME and subject is not None and _is_party(subject):
        return "ACCUSE"  # someone failed; "the talks had failed" blames no one
    if {c.lower_ for c in content.children if c.dep_ == "aux"} & _MODAL_DEMAND:
        return "DEMAND"  # "said the sanctions must be lifted": what others must do
    return "STATEMENT"


def _is_party(t: Token) -> bool:
    """Whether a subject names someone who can be blamed: a name, an entity, a country,
    a role or a collective actor ("Western countries"), not a thing ("the talks")."""
    return t.pos_ in ("PROPN", "PRON") or bool(t.ent_type_) or \
        t.lemma_.lower() in _PARTIES or role_noun(t.lemma_.lower()) is not None or \
        bool(find_countries(_subtree_text(t)))


def _subtree_text(t: Token) -> str:
    return " ".join(w.text for w in t.subtree)


def third_person(lemma: str) -> str:
    """'say' -> 'says', 'deny' -> 'denies', 'push' -> 'pushes'."""
    if lemma.endswith("y") and lemma[-2:-1] not in ("a", "e", "o", "u"):
        return lemma[:-1] + "ies"
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    return lemma + "s"


def claim_of(act: Token, label: str, limit: int = 12) -> str:
    """The speaker's act as verb and object: 'opposes the THAAD deployment'."""
    word = lemma(act)
    adjective = act.pos_ == "ADJ"  # "is concerned about", "is ready to"
    verb = third_person(word) if word in _KNOWN and not adjective else stance_verb(label)
    if negated(act):
        verb = f"does not {word}"
    obj = content_of(act) if word in REPORTING else None
    if obj is None:
        wanted = ("obj", "dobj", "ccomp", "xcomp", *(("obl",) if adjective else ()))
        obj = next((c for c in act.children if c.dep_ in wanted), None)
    if obj is None:
        return verb
    claim = f"{verb} {_words(obj, act, limit)}".strip()
    predicate = next((c for c in act.children if c.dep_ == "xcomp" and c.i > obj.i), None)
    if obj.dep_ in ("obj", "dobj") and predicate is not None and not claim.endswith("…"):
        claim = f"{claim} {_words(predicate, act, limit)}"  # "calls the decision cynical"
    return claim


def _bracketed(head: Token) -> set[int]:
    """Indexes of the tokens inside round brackets in ``head``'s subtree."""
    inside: set[int] = set()
    depth = 0
    for t in head.subtree:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif depth:
            inside.add(t.i)
    return inside


def _words(head: Token, act: Token, limit: int) -> str:
    """The words of ``head``'s subtree (without ``act``'s own subtree), cut to ``limit``."""
    skip = set() if act.is_ancestor(head) else {t.i for t in act.subtree}
    skip |= _bracketed(head)  # "the bill by Rep. Ted Yoho (R-Fla.)": the aside goes
    words = [t for t in head.subtree if t.i not in skip and t.i != act.i and not t.is_punct]
    while words and words[0].dep_ == "mark" and words[0].lower_ != "to":  # "that …"
        words = words[1:]
    kept = words[:limit]  # as written: "Russia's", not "Russia 's"
    text = "".join(t.text + (t.whitespace_ if n + 1 < len(kept) and kept[n + 1].i == t.i + 1
                             else " ") for n, t in enumerate(kept)).strip()
    return text + (" …" if len(words) > limit else "")
