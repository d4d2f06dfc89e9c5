"""Grammatical gender of the people an article names, from the article alone.

"He said" must not go to the woman who spoke last. Nothing here guesses from first names
(no name lists ship with the product); the evidence is what the article itself says: an
honorific before the surname ("Ms. Pelosi"), a gendered role word in the person's phrase
("spokeswoman", "congressman"), or the one singular pronoun that follows the only person a
sentence names ("Nancy Pelosi is flexing her muscles").
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

MALE, FEMALE = "m", "f"
_HONORIFICS = {"mr": MALE, "mrs": FEMALE, "ms": FEMALE, "miss": FEMALE, "sir": MALE,
               "dame": FEMALE, "lady": FEMALE, "lord": MALE}
_ROLE_WORDS = {
    **dict.fromkeys(("spokeswoman", "chairwoman", "congresswoman", "businesswoman", "queen",
                     "princess", "actress", "wife", "mother", "daughter", "sister", "widow",
                     "grandmother", "empress", "duchess", "countess", "baroness"), FEMALE),
    **dict.fromkeys(("spokesman", "chairman", "congressman", "businessman", "king", "prince",
                     "actor", "husband", "father", "son", "brother", "widower",
                     "grandfather", "emperor", "duke", "count", "baron"), MALE),
}
_PRONOUNS = {"his": MALE, "himself": MALE, "her": FEMALE, "herself": FEMALE}


def honorific_genders(text: str) -> dict[str, str]:
    """Surname -> gender for every "Mr./Ms./Sir … Surname" in ``text`` (a surname seen
    with both is left out)."""
    found: dict[str, str] = {}
    clash: set[str] = set()
    words = text.split()
    for word, following in itertools.pairwise(words):
        gender = _HONORIFICS.get(word.lower().rstrip("."))
        name = following.strip(".,;:!?\"'’”)(")
        if gender is None or not name[:1].isupper():
            continue
        name = name.removesuffix("'s").removesuffix("’s")
        if found.setdefault(name, gender) != gender:
            clash.add(name)
    return {k: v for k, v in found.items() if k not in clash}


def phrase_gender(tokens: Sequence[Token]) -> str:
    """The gender a phrase's role words or honorific give ("the spokeswoman", "Mr. Ruiz")."""
    for t in tokens:
        gender = _ROLE_WORDS.get(t.lower_) or _HONORIFICS.get(t.lower_.rstrip("."))
        if gender:
            return gender
    return ""


def pronoun_gender(person: Span, others: int) -> str:
    """The gender of the first possessive or reflexive pronoun after the only person a
    sentence names (``others``: how many other people it names); a subject or object
    pronoun may stand for someone the sentence leaves unnamed."""
    if others:
        return ""
    for t in person.doc[person.end:]:
        gender = _PRONOUNS.get(t.lower_)
        if gender and (t.tag_ == "PRP$" or t.lower_ in ("his", "himself", "herself")):
            return gender
    return ""
