"""Stance: one label for what an actor does in a sentence, and a verb to say it in a memo.

The labels follow the PLOVER event ontology (Open Event Data Alliance) where it applies, so
statements can be compared with event data; a few finer labels that analysts ask for
(CONCERN, OPPOSE, DENY, WARN) map onto PLOVER types with :func:`to_plover`, and STATEMENT
is the neutral "says". Which label a statement gets is decided from the speaker's act on
the dependency parse, in :mod:`briefing.positions.stance`.
"""

from __future__ import annotations

# label -> (memo verb, PLOVER type or "" when PLOVER has none)
_TABLE: dict[str, tuple[str, str]] = {
    "AGREE": ("agrees", "AGREE"),
    "SUPPORT": ("supports", "SUPPORT"),
    "CONSULT": ("holds talks", "CONSULT"),
    "COOPERATE": ("cooperates", "COOPERATE"),
    "AID": ("provides aid", "AID"),
    "CONCEDE": ("concedes", "CONCEDE"),
    "RETREAT": ("pulls back", "RETREAT"),
    "DEMAND": ("urges", "DEMAND"),
    "CONCERN": ("expresses concern", "DISAPPROVE"),
    "DISAPPROVE": ("criticizes", "DISAPPROVE"),
    "ACCUSE": ("accuses", "DISAPPROVE"),
    "OPPOSE": ("opposes", "REJECT"),
    "REJECT": ("rejects", "REJECT"),
    "DENY": ("denies", "REJECT"),
    "WARN": ("warns", "THREATEN"),
    "THREATEN": ("threatens", "THREATEN"),
    "PROTEST": ("protests", "PROTEST"),
    "SANCTION": ("sanctions", "SANCTION"),
    "MOBILIZE": ("mobilizes", "MOBILIZE"),
    "COERCE": ("coerces", "COERCE"),
    "ASSAULT": ("attacks", "ASSAULT"),
    "FIGHT": ("fights", "FIGHT"),
    "INVESTIGATE": ("investigates", "INVESTIGATE"),
    "STATEMENT": ("says", ""),
}

#: Labels for things done rather than said.
EVENTS = frozenset({"COOPERATE", "AID", "CONCEDE", "RETREAT", "SANCTION", "MOBILIZE", "COERCE",
                    "ASSAULT", "FIGHT", "INVESTIGATE", "PROTEST", "CONSULT"})

#: The stance vocabulary, PLOVER-aligned, plus the neutral STATEMENT.
STANCES: tuple[str, ...] = tuple(_TABLE)


def stance_verb(label: str, speaker: str | None = None) -> str:
    """A readable present-tense verb for a memo ('opposes', 'urges', 'says'), agreeing
    with ``speaker``: "Ukrainian officials say", "Lavrov says"."""
    verb = _TABLE.get(label, ("says", ""))[0]
    return _plural_verb(verb) if speaker and plural_subject(speaker) else verb


def plural_subject(speaker: str) -> bool:
    """Whether a speaker reads as plural: "Turkish officials", "Russia and China"."""
    words = speaker.split()
    if " and " in f" {speaker} " or not words:
        return " and " in f" {speaker} "
    last = words[-1]
    return last.islower() and last.endswith("s") and not last.endswith(("ss", "us", "is"))


def _plural_verb(verb: str) -> str:
    """'expresses concern' -> 'express concern', 'denies' -> 'deny', 'says' -> 'say'."""
    first, _, rest = verb.partition(" ")
    if first.endswith(("sses", "shes", "ches", "xes", "zzes")):
        first = first[:-2]
    elif first.endswith("ies"):
        first = first[:-3] + "y"
    elif first.endswith("s"):
        first = first[:-1]
    return f"{first} {rest}".strip()


def to_plover(label: str) -> str:
    """The PLOVER event type closest to ``label`` ("" for the neutral STATEMENT)."""
    return _TABLE.get(label, ("", ""))[1]
