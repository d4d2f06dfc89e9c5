"""Is this paragraph English? A stop-word ratio, because summaries are English-only.

Articles pasted from a bilingual site or a wire service often carry a paragraph in
another language (a quote left untranslated, a Korean copyright block). Function words
are the most reliable cheap signal: English prose is 35–50% words like "the", "of", "to";
French or German prose is as full of its own. A paragraph is foreign only on positive
evidence (another language's function words, or a non-Latin script), so a line-up of
names or a table of figures is never dropped. No model, no download.
"""

from __future__ import annotations

import re

_ENGLISH_WORDS = """a about after against all also an and any are as at be been before being
    between both
    but by can could did do does during each for from had has have he her his how i if in into
    is it its just may more most no not of on once only or other our out over said says she
    should so some such than that the their them then there these they this those through to
    under up was we were what when where which while who will with would you"""
_ENGLISH = frozenset(_ENGLISH_WORDS.split())
_OTHER = {
    lang: frozenset(words.split())
    for lang, words in {
        "fr": "le la les des du un une et est dans pour que qui sur pas au aux avec ce cette "
        "il elle sont ont mais ou par plus nous vous leur été être",
        "de": "der die das und ist nicht mit den dem ein eine zu von auf für sich des im auch "
        "es wir sie er wird werden hat haben sind dass oder aus bei nach",
        "es": "el la los las de del y en que es por para con una un se su al lo como más pero "
        "sus le ha fue son está",
        "pt": "o os a as de do da dos das e em no na que é um uma para com não por se ao mais "
        "foi são está",
        "it": "il lo la gli le di del della e è un una che per con non sono nel alla ha si "
        "anche più dei delle",
        "nl": "de het een en van in is dat op te voor met zijn niet aan er ook als bij door "
        "maar om wordt werd",
        "id": "yang dan di ke dari ini itu dengan untuk tidak dalam akan pada juga adalah "
        "bahwa oleh karena",
        "tr": "ve bir bu da de için ile olarak çok daha gibi olan ama ancak değil",
    }.items()
}
_ANY_OTHER = frozenset().union(*_OTHER.values())
_MIN_WORDS = 8
_SAMPLE = 4000  # characters: enough to tell, and a megabyte paragraph stays cheap
_MIN_RATIO = 0.12


_LETTER = re.compile(r"[^\W\d_]")
_NON_LATIN = re.compile(r"[^\W\d_\u0000-\u024f]")


def _latin_share(text: str) -> float:
    """Share of letters that are Latin script (ASCII or accented Latin)."""
    if text.isascii():
        return 1.0
    letters = len(_LETTER.findall(text))
    return 1.0 - len(_NON_LATIN.findall(text)) / letters if letters else 1.0


def _ratio(words: list[str], vocabulary: frozenset[str]) -> float:
    return sum(1 for w in words if w in vocabulary) / len(words) if words else 0.0


_PUNCT = ".,;:!?\"'()[]{}“”‘’«»„-—–…/*"


def _words(text: str) -> list[str]:
    """Lower-case words (str.split is many times faster than a regex here)."""
    stripped = (w.strip(_PUNCT) for w in text.lower().split())
    return [w for w in stripped if w.isalpha()]


def english_ratio(text: str) -> float:
    """Share of the words of ``text`` that are common English function words."""
    return _ratio(_words(text), _ENGLISH)


def looks_english(text: str) -> bool | None:
    """True/False for a paragraph long enough to tell; None when it is too short."""
    text = text[:_SAMPLE]
    if len(text) >= 20 and _latin_share(text) < 0.5:
        return False
    words = _words(text)
    if len(words) < _MIN_WORDS:
        return None
    english = _ratio(words, _ENGLISH)
    # Initials ("A Masi", "E Guinazu") look like Romance articles: count words of 2+ letters,
    # and ask for several different function words, as real prose has.
    longer = [w for w in words if len(w) > 1]
    foreign = [w for w in longer if w in _ANY_OTHER]
    if len(foreign) >= _MIN_RATIO * len(longer):
        for vocabulary in _OTHER.values():
            other = _ratio(longer, vocabulary)
            distinct = len(vocabulary.intersection(longer))
            if other >= _MIN_RATIO and other > english and distinct >= 3:
                return False
    return True if english >= _MIN_RATIO else None


def english_paragraphs(paragraphs: list[str]) -> list[str]:
    """Drop paragraphs that are clearly not English, when the article itself is English.

    An article that is mostly in another language is kept whole: dropping all of it would
    lose the article, and the analyst asked for it.
    """
    verdicts = [looks_english(p) for p in paragraphs]
    english = sum(len(p) for p, v in zip(paragraphs, verdicts, strict=True) if v)
    foreign = sum(len(p) for p, v in zip(paragraphs, verdicts, strict=True) if v is False)
    if not foreign or english < foreign:
        return paragraphs
    return [p for p, v in zip(paragraphs, verdicts, strict=True) if v is not False]
