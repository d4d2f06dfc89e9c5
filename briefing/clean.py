"""Strip what is not the article's own prose: wire credits, copyright lines, page furniture.

An analyst must never see "(Yonhap)" or a copyright notice quoted as a key point, so this
runs before sentence splitting. Rules are about form (a line that *is* a copyright notice),
never about a particular article.
"""

from __future__ import annotations

import re
import unicodedata

from .language import english_paragraphs

# Whole lines (paragraphs) that are page furniture, not prose.
_FURNITURE = re.compile(
    r"""^\s*(?:
        advertisement | advertising | sponsored(?:\s+content)? | ad
      | (?:click|tap)\s+here\b.* | share\s+this(?:\s+(?:article|story|page))?\b.{0,80}
      | share(?:\s+(?:on|via)\s+\w+)? | (?:share|tweet|email|print|save|copy\s+link|comments?
          |facebook|twitter|x|linkedin|whatsapp|telegram|reddit|messenger)
        (?:\s*[|/·•,]?\s*(?:share|tweet|email|print|save|copy\s+link|comments?|facebook
          |twitter|x|linkedin|whatsapp|telegram|reddit|messenger))*
      | subscribe\b.{0,80} | sign\s+up\b.{0,80} | (?:also\s+)?read\s+more\b.{0,80}
      | (?:also\s+)?read\s*:.{0,160} | watch\s*:.{0,160}
      | related(?:\s+(?:articles?|stories|topics))?:?
      | scroll\s+down\s+for\s+video | (?:photo|image|picture|video)\s*:.{0,160}
      | (?:image|photo|picture)\s+(?:caption|source|copyright|credit)\b.{0,200}
      | \(?(?:(?:file\s+)?photo|picture|image)\s+by\b.{0,120}
      | .{0,160}\bvia\s+getty\s+images\)?\.?
      | follow\s+us\s+on\b.{0,80} | (?:download|get)\s+(?:the|our)\s+\w*\s*app\b.{0,80}
      | listen\s+to\s+this\s+article.{0,40} | continue\s+reading.{0,40}
      | most\s+(?:read|popular|viewed) | don['’]?t\s+miss\b.{0,80} | recommended(?:\s+stories)?
      | skip\s+to\s+(?:main\s+)?content | loading\.{0,3} | more\s+on\s+this\s+story
      | \(?(?:additional\s+)?reporting\s+by\b.{0,200}
      | \(?(?:writing|editing|compiled)\s+by\b.{0,200}
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

# A wire credit that closes a paragraph: "... plans. (Yonhap)" / "(AP)" / "(Reuters)".
_TRAILING_CREDIT = re.compile(
    r"(?<=[.!?\"”’])\s*\((?:[A-Z][A-Za-z&.\-]{1,20}(?:\s[A-Z][A-Za-z&.\-]{1,20})?)\)\s*$"
)
# A dateline credit opening a paragraph: "SEOUL, March 3 (Yonhap) -- " / "(AP) — ".
_LEADING_CREDIT = re.compile(
    r"^\s*(?:[A-Z][A-Z .'\-]{1,40}?(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*)?)?\s*)?"
    r"\((?:[A-Z][A-Za-z&.\-]{1,20}(?:\s[A-Z][A-Za-z&.\-]{1,20})?)\)\s*(?:--|—|–|-)\s*"
)
# A credit closing a paragraph after a dash: "... on Monday. — Reuters" / "-- AFP".
_DASH_CREDIT = re.compile(
    r"(?<=[.!?\"”’])\s*(?:--|—|–|-)\s*[A-Z][\w&.\-]*(?:\s[A-Z][\w&.\-]*){0,2}\s*$"
)
# A dateline without parentheses opening a paragraph: "LONDON, March 3 (Reuters) -" is
# handled above; "MOSCOW, July 17 — " and "KYIV (Reuters) —" variants here.
_LEADING_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .'\-]{2,40},\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?\s*(?:--|—|–)\s*"
)
# C0/C1 controls, lone surrogates and every invisible format character (Unicode category
# Cf: soft hyphen, Arabic letter mark, zero-width and bidi marks, BOM, tag characters...),
# all alike. The visible Cf "prepended concatenation marks" (Arabic number signs) are kept.
_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff"
    r"\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    r"\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    r"\U000e0001\U000e0020-\U000e007f]"
)


def strip_controls(text: str) -> str:
    """Drop control and invisible format characters (escapes, bidi marks); keep \\n and \\t."""
    return _CONTROL.sub("", text)


def normalise(text: str) -> str:
    """NFC-normalise, unify line endings and remove control characters."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return strip_controls(text.replace("\t", " "))


def _is_copyright(paragraph: str) -> bool:
    # A notice is short; a long paragraph that merely mentions copyright is prose.
    return len(paragraph) < 300 and bool(_COPYRIGHT.search(paragraph))


def _strip_credits(para: str) -> str:
    para = _TRAILING_CREDIT.sub("", para)
    para = _DASH_CREDIT.sub("", para)
    para = _LEADING_CREDIT.sub("", para)
    return _LEADING_DATELINE.sub("", para).strip()


def clean_paragraphs(text: str) -> list[str]:
    """Paragraphs that are prose: furniture, notices, credits and repeats removed."""
    paragraphs: list[str] = []
    seen: set[str] = set()
    for raw in re.split(r"\n\s*\n", normalise(text)):
        para = raw.strip()
        if not para or _FURNITURE.match(para) or _is_copyright(para):
            continue
        para = _strip_credits(para)
        # A photo caption is often printed twice (over the image, then in the text).
        key = re.sub(r"\W+", " ", para).strip().lower()
        if not para or key in seen:
            continue
        seen.add(key)
        paragraphs.append(para)
    return paragraphs


def clean_text(text: str, *, english_only: bool = True) -> str:
    """Article body without furniture, copyright notices and wire credits; paragraphs kept.

    With ``english_only`` a paragraph clearly in another language is dropped from an
    English article, so it never reaches the (English) summary or statement finder.
    """
    paragraphs = clean_paragraphs(text)
    if english_only:
        paragraphs = english_paragraphs(paragraphs)
    return "\n\n".join(paragraphs)
