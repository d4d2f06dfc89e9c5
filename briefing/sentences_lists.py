"""The word lists behind sentence splitting, apart from NLTK so that reading them is cheap.

:mod:`briefing.sentences` needs them at import time, while Punkt itself
(:mod:`briefing.sentences_punkt`, which imports NLTK) is only loaded for the first split:
a cached rebuild never splits a sentence and so never pays for importing NLTK.
"""

from __future__ import annotations

import re
from pathlib import Path


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that are lower case inside a sentence, so capitalised they open one.
STARTERS = _words(
    """
    a an the this that these those there here it its he she his her him they them their
    we our us you your my me i'm it's he's she's that's there's we're they're you're i've
    who what when where why how which whose whom whatever whoever if but and or so yet nor
    as at by for from in into of on onto to with without within after before during since
    until while although though because however meanwhile moreover furthermore also still
    then thus hence therefore instead otherwise besides nevertheless nonetheless indeed
    yes not all both each every some many most much more few several such other another
    any none no nothing nobody everyone everybody someone something one two three four five
    is are was were be been being am do does did has have had can could shall should would
    might must let let's please thank thanks next last first finally later earlier today
    yesterday tomorrow now once even only just perhaps maybe sometimes often never always
    according despite among about above across against along around behind below between
    beyond inside outside over through under unlike upon via amid like whether nor either
    neither officials analysts experts critics residents witnesses investigators police
    prosecutors lawmakers investors protesters supporters opponents voters researchers
    scientists doctors workers people
    """
)

# Capitalised words that continue a sentence after "a.m."/"p.m."/"etc.".
CONTINUATIONS = _words(
    """
    et est edt cet cst cdt pst pdt mst mdt gmt bst utc kst jst ist local eastern central
    pacific mountain monday tuesday wednesday thursday friday saturday sunday
    """
)


def _read_abbreviations() -> dict[str, frozenset[str]]:
    sections: dict[str, set[str]] = {}
    current = sections.setdefault("plain", set())
    text = (Path(__file__).parent / "data" / "abbreviations_en.txt").read_text("utf-8")
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], set())
        elif line:
            current.update(line.lower().split())
    return {name: frozenset(words) for name, words in sections.items()}


ABBREVIATIONS = _read_abbreviations()
TITLES = ABBREVIATIONS.get("title", frozenset())
TERMINAL = ABBREVIATIONS.get("terminal", frozenset())
BEFORE_NUMBER = ABBREVIATIONS.get("number", frozenset()) | {"p"}


# The shape of a line's end, shared by the splitter and the cleaner: one that ends a sentence
# (closing quotes and brackets after the mark allowed), and one left open for the next line.
LINE_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’)\]»]*$")
LINE_LEFT_OPEN = re.compile(r"[,;:(&/\-–—]$")
