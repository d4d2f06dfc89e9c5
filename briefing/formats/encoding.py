"""Bytes to text for files of unknown origin: BOMs, BOM-less UTF-16, legacy 8-bit pages.

News exports arrive in every encoding Windows ever shipped; refusing a cp1252 file loses an
article, but decoding a PDF as Latin-1 pollutes a memo. So: recognise binaries first (by
signature and NUL bytes), then UTF-8, then let charset-normalizer pick the code page.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..errors import ArticleError

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
    (b"\xd0\xcf\x11\xe0", "old Office document"),
    (b"RIFF", "media file"),
    (b"ID3", "audio file"),
)
_SAMPLE = 8192


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _SIGNATURES:
        if data.startswith(magic):
            return kind
    return None


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit in every other byte, as in ASCII-range UTF-16."""
    half = max(1, len(sample) // 2)
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 0.3 * half and even < 0.02 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.02 * half:
        return "utf-16-be"
    return None


def _mostly_text(text: str) -> bool:
    """True unless control characters (other than whitespace) exceed 1% of the text."""
    sample = text[:_SAMPLE]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return bad <= 0.01 * max(1, len(sample))


def decode(data: bytes, path: str) -> str:
    """Text of ``data``; ArticleError naming the file when it is binary or undecodable."""
    text, how = _decode(data, path)
    if _implausible(text):
        raise ArticleError(path, f"not text: read as {how}, it is mostly undefined characters")
    return text


def _decode(data: bytes, path: str) -> tuple[str, str]:
    """The text and a word on how it was read (for the message when it makes no sense)."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data.decode("utf-8-sig"), "UTF-8"
        except UnicodeDecodeError:
            raise ArticleError(path, "invalid UTF-8 text after a UTF-8 BOM") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "UTF-16 (it starts with a UTF-16 byte-order mark)"
        except UnicodeDecodeError:
            raise ArticleError(path, "invalid UTF-16 text") from None
    kind = _binary_kind(data)
    if kind:
        raise ArticleError(path, f"binary file ({kind}), not an article")
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        codec = _utf16_without_bom(sample[: len(sample) - len(sample) % 2])
        if codec is None:
            raise ArticleError(path, "binary file (contains NUL bytes)")
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            raise ArticleError(path, "binary file (contains NUL bytes)") from None
        if not _mostly_text(text):
            raise ArticleError(path, "binary file (contains NUL bytes)")
        return text, "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    return _legacy(data, path), "a legacy code page"


# Format characters real text does use (soft hyphen, joiners, bidi marks and isolates,
# the Arabic letter mark, word joiner, BOM); any other counts as undefined below.
_TEXT_FORMAT = frozenset(
    "\u00ad\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c"
    "\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"
)


def _undefined(ch: str) -> bool:
    category = unicodedata.category(ch)
    if category == "Cf":
        return ch not in _TEXT_FORMAT
    # Emoji newer than Python's Unicode database are unassigned to it, not to the writer.
    return category in ("Cn", "Co", "Cs") and not 0x1F000 <= ord(ch) <= 0x1FAFF


def _implausible(text: str) -> bool:
    """True when over 1% of the text is unassigned, private-use, lone surrogate or stray
    format characters: what bytes read with the wrong codec look like. Eight-bit text read
    as UTF-16 (a stray FF FE in front) pairs every other space with a letter into U+20xx
    (invisible operators, unassigned): about 11% of such text; none in real articles."""
    sample = text[:_SAMPLE]
    # ASCII has no such character (its controls are Cc): look only at the rest, which in
    # English prose is a few quotation marks, not millions of characters one call each.
    return sum(map(_undefined, _NON_ASCII.findall(sample))) > 0.01 * len(sample)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


# cp1252 characters that Western prose does use; a decoding that needs others (³ for ł,
# ¹ for ą...) is probably another code page.
_ODD_IN_PROSE = frozenset("¤¦¨¯´¸¹²³¼½¾×÷ðÐþÞƒˆ˜‰‹›ŠšŽžŸµ¶¬ª¥±\x81\x8d\x8f\x90\x9d")


def _plausible_western(text: str) -> bool:
    """True when ``text`` reads like Western European prose (few, ordinary accents)."""
    high = [ch for ch in text if ord(ch) > 127]
    if not high:
        return True
    if any(ch in _ODD_IN_PROSE or ord(ch) < 160 for ch in high):
        return False
    letters = sum(1 for ch in text if ch.isalpha())
    return sum(1 for ch in high if ch.isalpha()) <= 0.3 * max(1, letters)


def _legacy(data: bytes, path: str) -> str:
    """cp1252 when it reads as Western prose, else charset-normalizer's guess."""
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and _plausible_western(western[:50_000]):
        return western
    from charset_normalizer import from_bytes  # rarely needed; slow to import

    best = from_bytes(data[:200_000]).best()
    text: str | None = None
    if best is not None:
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            text = None
    if text is None:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    if not _mostly_text(text):
        raise ArticleError(path, "binary file (not text in any known encoding)")
    return text
