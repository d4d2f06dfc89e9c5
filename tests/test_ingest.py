"""Reading article files: front matter, encodings, ids, and skipping bad files with a reason."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from briefing.errors import ArticleError
from briefing.ingest import load_articles, parse_article
from briefing.models import Article


def parse(data: bytes, name: str = "a.md") -> Article:
    return parse_article(data, name, Path(name).stem)


def test_front_matter_fields() -> None:
    article = parse(
        b"---\ntitle: Ports reopen\noutlet: Harbour News\npublished: 2024-05-01\n"
        b"url: https://h.example/1\n---\n\nThe ports reopened on Monday.\n"
    )
    assert article.title == "Ports reopen"
    assert article.outlet == "Harbour News"
    assert article.published == "2024-05-01"
    assert article.url == "https://h.example/1"
    assert article.text == "The ports reopened on Monday."


def test_markdown_heading_is_the_title_without_front_matter() -> None:
    article = parse(b"# Ports reopen\n\nThe ports reopened on Monday.\n")
    assert article.title == "Ports reopen"
    assert article.text == "The ports reopened on Monday."


def test_plain_text_title_is_a_cut_first_line() -> None:
    body = ("The ministers met in a long session that went on well into the night " * 3).strip()
    article = parse(body.encode() + b".\n\nSecond paragraph.", "story.txt")
    assert article.title.endswith("…") and len(article.title) <= 91
    assert article.text.startswith("The ministers met")


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty file"),
        (b"  \n\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file (PDF document)"),
        (b"text\x00\x01\x02\x03\xff\xfe\x00\x00\x10" * 20, "binary file (contains NUL bytes)"),
        (b"---\ntitle: a: b\n---\nBody.\n", "broken front matter at line 2"),
        (b"---\ntitle: x\nBody without end\n", "never closed"),
        (b"---\n- a\n- b\n---\nBody.\n", "must be a mapping"),
        (b"---\ntitle: {a: 1}\n---\nBody.\n", "'title' must be a single value"),
        (b"---\ntitle: T\n---\n\n", "no article text"),
        (b"---\na: &x [1]\nb: *x\n---\nBody.\n", "aliases are not allowed"),
        (b"---\nx: !!python/object:os.system {}\n---\nBody.\n", "broken front matter"),
    ],
)
def test_bad_files_raise_article_error(data: bytes, problem: str) -> None:
    with pytest.raises(ArticleError) as info:
        parse(data, "bad.md")
    assert problem in str(info.value)
    assert str(info.value).startswith("bad.md: ")


def test_encodings_and_line_endings() -> None:
    text = "Le ministre a parlé.\r\n\r\nDeuxième paragraphe."
    for data in (
        codecs.BOM_UTF8 + text.encode(),
        codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    ):
        assert parse(data, "f.txt").text == "Le ministre a parlé.\n\nDeuxième paragraphe."


def test_control_characters_are_removed() -> None:
    article = parse(b'---\ntitle: "A\\e[31mB"\n---\nRed \x1b[31mtext\x1b[0m here.\x07\n')
    assert "\x1b" not in article.title and "\x1b" not in article.text
    assert "\x07" not in article.text


def test_load_skips_bad_files_and_keeps_going(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text("# Good\n\nA fine article.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden.md").write_text("# Hidden\n\nNot read.\n", encoding="utf-8")
    result = load_articles([tmp_path, tmp_path / "notes.pdf", tmp_path / "missing.md"])
    assert [a.id for a in result.articles] == ["good"]
    problems = [str(p) for p in result.skipped]
    assert any("empty.txt: empty file" in p for p in problems)
    assert any("notes.pdf: unsupported file type '.pdf'" in p for p in problems)
    assert any("missing.md: no such file or folder" in p for p in problems)


def test_ids_are_unique_within_a_run(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.md").write_text("# S\n\nText here.\n", encoding="utf-8")
    result = load_articles([tmp_path / "a", tmp_path / "b"])
    assert [a.id for a in result.articles] == ["story", "story-2"]


def test_the_same_file_twice_is_read_once(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text("# S\n\nText here.\n", encoding="utf-8")
    assert len(load_articles([path, tmp_path]).articles) == 1


def test_size_limit(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("word " * 100, encoding="utf-8")
    result = load_articles([tmp_path], max_bytes=100)
    assert not result.articles
    assert "too large" in str(result.skipped[0])


def test_many_new_files_are_prepared_on_every_core_with_the_same_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows of new files go to worker processes; articles and problems (pickled back)
    come out in the same order as when every file is read in-process."""
    import briefing.ingest as ingest

    for n in range(23):
        body = f"# Note {n}\n\nThe Latvian minister said talks {n} would go on.\n"
        if n % 7 == 3:
            body = "---\ntitle: [unclosed\n---\nBody.\n"  # broken front matter: skipped
        (tmp_path / f"n{n:02d}.md").write_text(body, encoding="utf-8")
    (tmp_path / "z.md").write_bytes(b"\xff\xfe\x00")  # undecodable: its own problem

    def read(forking: bool) -> list[str]:
        monkeypatch.setattr(ingest, "forking", lambda: forking)
        monkeypatch.setattr(ingest, "WINDOW", 5)
        monkeypatch.setattr(ingest, "MIN_PARALLEL", 2)
        return [repr(x) for x in ingest.iter_articles([tmp_path])]

    serial = read(False)
    assert read(True) == serial
    assert sum("ArticleError" in x for x in serial) >= 3 and len(serial) == 24
