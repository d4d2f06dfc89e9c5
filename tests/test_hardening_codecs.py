"""Declared charsets are honoured only when they name an encoding of the web (the WHATWG
Encoding Standard); anything else (punycode, utf-7, 'undefined'...) falls back to detection."""

from __future__ import annotations

import time

import pytest

from briefing.formats.html import decode_html
from briefing.formats.webcodecs import web_codec

PAGE = (
    '<html><head><meta charset="{label}"><title>T</title></head><body><p>The Swedish '
    "minister said Stockholm agreed to the caf\u00e9 plan.</p></body></html>"
)


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("utf-8", "utf-8"),
        (" UTF8 ", "utf-8"),
        ("latin1", "cp1252"),
        ("ISO-8859-1", "cp1252"),
        ("us-ascii", "cp1252"),
        ("windows-1251", "cp1251"),
        ("koi8-r", "koi8-r"),
        ("shift_jis", "cp932"),
        ("gb2312", "gb18030"),
        ("big5", "big5hkscs"),
        ("euc-kr", "cp949"),
        ("iso-8859-8-i", "iso8859-8"),
    ],
)
def test_web_labels_map_to_their_codec(label: str, codec: str) -> None:
    found = web_codec(label)
    assert found is not None
    assert found.replace("_", "-") == codec.replace("_", "-")
    b"x".decode(found)  # a real Python codec


@pytest.mark.parametrize(
    "label",
    [
        "punycode",
        "undefined",
        "utf-7",
        "idna",
        "rot13",
        "unicode_escape",
        "cp037",
        "zlib",
        "x-user-defined",
        "replacement",
        "",
        "hz-gb-2312",
    ],
)
def test_other_codecs_are_not_web_encodings(label: str) -> None:
    assert web_codec(label) is None


@pytest.mark.parametrize("label", ["punycode", "undefined", "utf-7", "unicode_escape", "x-bogus"])
def test_a_page_declaring_a_non_web_codec_is_decoded_by_detection(label: str) -> None:
    data = PAGE.format(label=label).encode("utf-8")
    assert "caf\u00e9 plan" in decode_html(data, "page.html")


def test_a_large_punycode_page_is_quick() -> None:
    # ASCII bytes are valid punycode input: decoding them as such is quadratic (105 s).
    body = "<p>The Swedish minister said Stockholm agreed to the plan.</p>\n" * 22_000  # 1.3 MB
    page = PAGE.format(label="punycode").replace("caf\u00e9 ", "")
    data = page.replace("</body>", body + "</body>").encode("ascii")
    start = time.perf_counter()
    text = decode_html(data, "page.html")
    assert time.perf_counter() - start < 2.0
    assert text.count("Stockholm agreed") == 22_001


def test_a_declared_web_codec_is_still_honoured() -> None:
    data = (
        PAGE.format(label="windows-1251")
        .replace("caf\u00e9", "\u0431\u0430\u0440")
        .encode("cp1251")
    )
    assert "\u0431\u0430\u0440 plan" in decode_html(data, "page.html")
