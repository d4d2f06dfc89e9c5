"""Bytes that decode without error but into nonsense (a stray UTF-16 byte-order mark in
front of 8-bit text) are skipped like any undecodable file, never summarised as CJK garbage."""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main
from briefing.errors import ArticleError
from briefing.formats.encoding import decode

ENGLISH = (
    "The Norwegian minister said Oslo would pay for the new harbour. Talks resume on Friday "
    "in a new venue, officials said.\n"
)
# Written for these tests: the same kind of sentence in several scripts.
SCRIPTS = {
    "zh": "中华人民共和国外交部发言人今天表示，中方愿意推动港口谈判早日取得成果。",
    "ja": "日本の外務大臣は金曜日、港の計画について合意したと述べた。交渉は来週再開される。",
    "ko": "한국 외교부 장관은 금요일 항구 계획에 합의했다고 말했다.",
    "ru": "Министр иностранных дел заявил в пятницу, что Москва согласна с планом порта.",
    "ar": "قال وزير الخارجية \u200fيوم الجمعة إن الحكومة توافق على خطة الميناء.",
    "en": ENGLISH,
}


def test_the_issue_repro_is_skipped_with_a_warning(make_workspace: Callable[..., Path]) -> None:
    ws = make_workspace()
    (ws / "sources" / "bad.txt").write_bytes(b"\xff\xfe\xfa not utf8 \x80\x81\n")
    result = CliRunner().invoke(main, ["-c", str(ws / "briefing.toml"), "list", "--json"])
    assert result.exit_code == 0, result.output
    assert "bad" not in [r["id"] for r in json.loads(result.stdout)]
    assert "bad.txt" in result.stderr and "not text" in result.stderr


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])
def test_eight_bit_prose_after_a_utf16_bom_is_refused(bom: bytes) -> None:
    prose = ENGLISH.encode("cp1252") * 3
    prose += b" " * (len(prose) % 2)  # even, so it decodes as UTF-16 without an error
    with pytest.raises(ArticleError, match="not text"):
        decode(bom + prose, "stray-bom.txt")


@pytest.mark.parametrize("lang", sorted(SCRIPTS))
@pytest.mark.parametrize("codec", ["utf-16", "utf-8"])  # (BOM-less UTF-16 needs ASCII)
def test_real_text_in_any_script_is_read(lang: str, codec: str) -> None:
    assert decode(SCRIPTS[lang].encode(codec), f"{lang}.txt") == SCRIPTS[lang]


def test_a_few_new_emoji_are_not_garbage() -> None:
    text = "The minister said the talks went well \U0001faf6\U0001fae8.\n"
    assert decode(text.encode("utf-8"), "emoji.txt") == text


def test_private_use_text_is_refused() -> None:
    with pytest.raises(ArticleError, match="not text"):
        decode(("\ue000\ue001 " * 50).encode("utf-8"), "icons.txt")
