"""Lines that are page furniture, not the article's prose: widgets, captions, links, notices.

Each test is about the form of a whole line: a media-player or share widget, a photo
caption (it ends in a picture credit), a link (an arrow, brackets, a bare URL, a labelled
headline such as "WATCH: ..."), a byline, a separator, a copyright notice. A line of prose
that merely mentions a photo or a link is never one of them: the tests anchor at both ends.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .shape import SHAPE, Shape, capital_share, ends_sentence, is_capitals, words

# Whole lines that are widgets, prompts or notes about the page rather than the story.
_WIDGET = re.compile(
    r"""^\s*(?:
        advertisement(?:\s*[-–—]\s*continue\s+reading\s+below)? | advertising
      | sponsored(?:\s+content)? | ad
      | (?:click|tap)\s+here\b.* | share\s+this(?:\s+(?:article|story|page))?\b.{0,80}
      | share(?:\s+(?:on|via)\s+\w+)? | (?:share|tweet|email|print|save|copy\s+link|comments?
          |facebook|twitter|x|linkedin|whatsapp|telegram|reddit|messenger|pinterest)
        (?:\s*[|/·•,]?\s*(?:share|tweet|email|print|save|copy\s+link|comments?|facebook
          |twitter|x|linkedin|whatsapp|telegram|reddit|messenger|pinterest))*
      | subscribe\b.{0,80} | sign\s+up\b.{0,160} | (?:also\s+)?read\s+more\b.{0,80}
      | read\s+or\s+share\s+this\s+story\b.{0,80}
      | (?:also\s+)?read\s*:.{0,160} | watch\s*:.{0,160} | related\s*:.{0,160}
      | related(?:\s+(?:articles?|stories|topics|coverage|gallery|videos?))?:?
      | scroll\s+down\s+for\s+video | (?:photo|image|picture|video|graphic)s?(?:\s*:.{0,160})?
      | (?:image|photo|picture)\s+(?:caption|source|copyright|credit)\b.{0,300}
      | \(?(?:(?:file\s+)?photo|picture|image|screenshot)\s+by\b.{0,120}
      | .{0,160}\bvia\s+getty\s+images\)?\.?
      | media\s+playback\s+is\s+(?:unsupported|not\s+supported)\b.{0,300}
      | media\s+caption\b.{0,300} | play\s+(?:video|facebook|audio)\b.{0,40}
      | (?:just\s+watched|must\s+watch)\b.{0,300}
      | embed\b.{0,200}\bautoplay\b.{0,200} | enlarge\s+icon\b.{0,200}
      | story\s+highlights\b.{0,300} | story\s+continued\s+below
      | follow\s+(?:us|\w+(?:\s+\w+){0,3})\s+on\s+(?:twitter|facebook|instagram)\b.{0,120}
      | (?:download|get)\s+(?:the|our)\s+\w*\s*app\b.{0,80}
      | listen\s+to\s+this\s+article.{0,40} | continue\s+reading.{0,40}
      | most\s+(?:read|popular|viewed) | don['’]?t\s+miss\b.{0,80} | recommended(?:\s+stories)?
      | skip\s+to\s+(?:main\s+)?content | loading\.{0,3} | more\s+on\s+this\s+story
      | \(?(?:additional\s+)?reporting\s+by\b.{0,200}
      | \(?(?:writing|editing|compiled)\s+by\b.{0,200}
      | [—–-]*\s*with\s+assistance\s+from\b.{0,200}
      | contributing\s*:.{0,200} | .{0,200}\bcontributed\s+to\s+this\s+report\.?\)?
      | \(?this\s+(?:article|story|editorial)\s+(?:was\s+)?(?:originally\s+|first\s+)?
          (?:published|appeared)\b.{0,200}
      | .{0,400}\bcontributed\s+to\s+this\s+(?:report|story)\.?\)?
      | (?:[A-Z][\w.'’\-]*(?:,|\s+and)?\s+){2,12}(?:also\s+)?contributed\.?
      | \W*this\s+(?:story|article)\s+(?:was|has\s+been)\s+(?:last\s+)?updated\b.{0,80}
      | .{0,60}\bupdated?\b.{0,40}:\s*(?:adds|added|article\s+updated|corrects|updates)\b.{0,200}
      | breaking\s+news\s+(?:emails|alerts)\b.{0,300}
      | you\s+need\s+.{0,80}\b(?:flash\s+player|javascript)\b.{0,200}
      | .*\bhide\s+caption\b.*
      | (?:editor['’]?s['’]?\s+)?note\s*:.*
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

# Copyright / reproduction notices in any language: the © sign, the word, or the
# well-known "no reproduction" phrases (Korean, Japanese, Chinese, European languages).
_COPYRIGHT = re.compile(
    r"""(?:©|\(c\)\s*\d{4}|\bcopyright\b|\ball\s+rights\s+reserved\b
      | 무단\s*전재 | 재배포\s*금지 | 無断転載 | 版权所有 | 版權所有 | 转载 | 轉載
      | tous\s+droits\s+réservés | alle\s+rechte\s+vorbehalten | todos\s+los\s+derechos\s+reservados
      | tutti\s+i\s+diritti\s+riservati | все\s+права\s+защищены | ⓒ | 저작권
      | (?:todos\s+os\s+)?direitos\s+reservados | derechos\s+reservados
      | alle\s+rechten\s+voorbehouden | wszelkie\s+prawa\s+zastrzeżone
      | tüm\s+hakları\s+saklıdır | alla\s+rättigheter\s+förbehållna | (?:усі|всі)\s+права\s+захищені
      | جميع\s+الحقوق\s+محفوظة | 著作権 | 保留所有权利)""",
    re.IGNORECASE | re.VERBOSE,
)

# A photo caption ends in the picture's credit: "(Photo: X)", "(AP Photo/X)", "REUTERS/X",
# "X / AP file", "X via Reuters", "X/Getty Images", "Photographer: X", "(Associated Press)".
_CAPTION_CREDIT = re.compile(
    r"""(?:\((?:AP\s+|File\s+)?Photos?\s*[:/][^()]*\)
      | \((?:Associated\s+Press|Getty\s+Images|Reuters|AFP|EPA|Published\s[^()]*)\)
      | \bREUTERS/[A-Z][\w.\- ]* | \s/\s*(?:AP|Reuters|AFP|EPA)(?:\s+file)?
      | \bvia\s+(?:AP|Reuters|AFP|Getty\s+Images|Facebook|Twitter|Instagram)\)?
      | /Getty\s+Images | \bPhotographer:\s.* | \bCredit:\s.* | \(credit:\s[^()]*\)
      | \bGetty\s+Images | (?<=[.!?])\s+[A-Z][A-Z&]{1,10})\s*$""",
    re.VERBOSE,
)
# A call to action: the reader is told to sign up, follow, watch or download something.
_CALL = re.compile(
    r"""(?:^|(?<=[.!?:]\s)|(?<=[—–]))\s*(?:[-–—]\s*)?(?:
        sign\s+up | subscribe | download | follow\s+(?:us|@\w+|\w+(?:\s+\w+)?\s+on)
      | (?:watch|listen\s+to|check\s+out|see|view|read)\s+(?:\S+\s+){0,12}?
          (?:below|here|now|live|online|for\s+(?:updates|more)
            |on\s+(?:twitter|facebook|instagram|youtube))\b
      | join\s+us | click | tap\s+here
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_CALL_WORDS = 40
# No widget line is longer (in characters) than this; longer lines skip those tests.
_LONGEST_WIDGET = 600
# Markup left in the text: an attribute ('poster="http://..."').
_MARKUP = re.compile(r"\b[a-z-]{2,20}=[\"'](?:https?:|/)")
_CREDIT_CHARS = 200  # a picture credit is found in this many last characters of a line
_LINK = re.compile(r"^\s*(?:[►▶→»>]|\[[^\]]{1,300}\]\s*$)")
_URL = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w-]+\.(?:ly|co|ms|me|gl)/\S+")
_LABELLED = re.compile(r"^([^\W\d_][^\W\d_'’ ]*(?:\s[^\W\d_][^\W\d_'’]*){0,2})\s*:\s*(\S.*)$")
_ONLY_PARENS = re.compile(r"^\([^()]{1,120}\)$")
_BYLINE = re.compile(r"^(?:[/\-–—]\s*)?(?:(?:updated|posted)\s+)?by\s+(\S.*)$", re.IGNORECASE)
# A line that opens with the page itself as its subject: "This report is published ...".
# The nouns are the kinds of page (a closed class), not topics; "this video of the crash"
# names something else.
_ITSELF = re.compile(
    r"^\W*this\s+(article|story|report|page|post|video|newsletter|list|site|website|blog)"
    r"\b(?!\s+(?:of|about|on|from|by|in)\b)",
    re.IGNORECASE,
)
_NAME_GLUE = frozenset({"and", "&", "of", "de", "van", "von", "der", "la", "le", "da", "bin"})


def is_captioned(line: str) -> bool:
    """Whether ``line`` ends in a picture credit (only its end is searched)."""
    return bool(_CAPTION_CREDIT.search(line[-_CREDIT_CHARS:]))


def is_copyright(line: str) -> bool:
    # A notice is short; a long paragraph that merely mentions copyright is prose.
    return len(line) < 300 and bool(_COPYRIGHT.search(line))


def is_byline(line: str) -> bool:
    """ "By Jane Doe, Harbour Press" / "/ Updated By A. Lee and B. Kim": names, no prose."""
    match = _BYLINE.match(line)
    if not match:
        return False
    rest = re.sub(r"\([^()]*\)", " ", match.group(1))
    names = [w for w in re.split(r"[\s,;]+", rest) if w]
    return 0 < len(names) <= 12 and all(w[0].isupper() or w.lower() in _NAME_GLUE for w in names)


def is_link(line: str, shape: Shape = SHAPE) -> bool:
    """An arrow or bracketed link, a line that is mostly a URL, or "LABEL: Headline"."""
    if _LINK.match(line):
        return True
    if _URL.search(line) and len(words(_URL.sub(" ", line))) <= 6:
        return True
    labelled = _LABELLED.match(line)
    if labelled and is_capitals(labelled.group(1)):
        rest = labelled.group(2)
        return not ends_sentence(rest) or capital_share(rest) >= shape.title_ratio
    return False


def is_call(line: str) -> bool:
    """A short line that asks the reader to sign up, follow, watch or download."""
    return len(line.split()) <= _CALL_WORDS and bool(_CALL.search(line))


def is_separator(line: str) -> bool:
    """A rule or ornament ("___", "###", "* * *"): no letter or digit at all."""
    return not any(c.isalnum() for c in line)


def speaks_of_itself(line: str, before: Sequence[str]) -> bool:
    """Whether ``line`` is a note about the page ("This report is published every weekday",
    "This article first appeared in ..."): it opens with "this <kind of page>" and the prose
    ``before`` it never named such a thing, so "this" can only point at the page itself.
    After "The panel's report came out on Monday." a "This report found ..." is prose."""
    match = _ITSELF.match(line)
    if not match:
        return False
    named = re.compile(rf"\b{match.group(1)}", re.IGNORECASE)
    return not any(named.search(x) for x in before)


def is_furniture(line: str, shape: Shape = SHAPE) -> bool:
    """Whether a whole line is page furniture (see the module docstring)."""
    if len(line) > _LONGEST_WIDGET:  # a long paragraph is prose, or a gallery's captions
        return "hide caption" in line.lower() or is_captioned(line)
    return bool(
        is_separator(line)
        or _WIDGET.match(line)
        or is_copyright(line)
        or is_captioned(line)
        or _ONLY_PARENS.match(line)
        or is_byline(line)
        or is_link(line, shape)
        or is_call(line)
        or _MARKUP.search(line)
    )
