"""Every article format `build` reads: HTML, feeds, JSON exports, legacy encodings, binaries."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from briefing.ingest import load_articles, parse_article
from briefing.models import Article

PAGE = """<!doctype html>
<html><head>
<meta charset="utf-8">
<title>Harbour talks resume | Coast Courier</title>
<meta property="og:title" content="Harbour talks resume">
<meta property="og:site_name" content="Coast Courier">
<meta name="author" content="Ann Lee">
<meta property="article:published_time" content="2024-03-01T10:00:00Z">
<link rel="canonical" href="https://coast.example/2024/03/01/harbour">
<script>var tracker = "SCRIPT-LEAK";</script>
<style>.x { color: red } /* STYLE-LEAK */</style>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Harbour talks resume</h1>
<p>Officials from both coastal states met on Friday to restart talks on the harbour after
months of delay, and both delegations said the mood in the room was constructive.</p>
<iframe src="https://ads.example/frame">IFRAME-LEAK</iframe>
<p>The French foreign minister said Paris wanted an agreement before the summer, and that
fishing rights would be treated separately from the question of who pays for the works.</p>
<script>document.write("INLINE-LEAK");</script>
<p>Engineers expect the dredging to take at least two years once a deal is signed, according
to a planning document seen by the newspaper on Thursday evening.</p>
</article>
<footer>© 2024 Coast Courier. All rights reserved.</footer>
</body></html>
"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Rhine Daily</title><link>https://rhine.example/</link><description>News</description>
<item><title>Berlin backs harbour plan</title><link>https://rhine.example/1</link>
<guid>rhine-001</guid><pubDate>Sat, 02 Mar 2024 09:00:00 GMT</pubDate>
<description><![CDATA[<p>Germany said on Saturday that it supported the harbour plan.</p>
<script>alert("FEED-LEAK")</script><p>Berlin would help pay for the works.</p>]]></description>
</item>
<item><title>Critics question harbour costs</title><link>https://rhine.example/2</link>
<guid>https://rhine.example/2</guid><pubDate>Sun, 03 Mar 2024 09:00:00 GMT</pubDate>
<description>Critics said the cost estimates for the harbour were far too low.</description>
</item>
<item><title>Ports reopen after the storm</title><link>https://rhine.example/3</link>
<description>&lt;p&gt;The ports reopened on Monday after three days of storms.&lt;/p&gt;
</description>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Coast Courier</title>
<id>urn:coast</id><updated>2024-03-01T10:00:00Z</updated>
<entry><title>Harbour talks resume</title><id>urn:coast:1</id>
<updated>2024-03-01T10:00:00Z</updated><link href="https://coast.example/1"/>
<content type="html">&lt;p&gt;Officials met on Friday to restart talks.&lt;/p&gt;</content></entry>
</feed>
"""


def load_one(tmp_path: Path, name: str, data: bytes) -> list[Article]:
    (tmp_path / name).write_bytes(data)
    result = load_articles([tmp_path / name])
    assert not result.skipped, [str(s) for s in result.skipped]
    return list(result.articles)


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    (article,) = load_one(tmp_path, "page.html", PAGE.encode())
    assert article.id == "page"
    assert article.title == "Harbour talks resume"
    assert article.outlet == "Coast Courier"
    assert article.published == "2024-03-01"
    assert article.url == "https://coast.example/2024/03/01/harbour"
    assert article.text.startswith("Officials from both coastal states")
    assert "dredging" in article.text
    for leak in ("LEAK", "Home", "Sport", "©", "color: red"):
        assert leak not in article.text
    assert len(article.text.split("\n\n")) == 3


def test_tiny_html_page_falls_back_to_visible_paragraphs(tmp_path: Path) -> None:
    page = b"<html><head><title>Short</title><script>x='LEAK'</script></head>"
    page += b"<body><p>Talks resumed.</p><iframe>LEAK</iframe></body></html>"
    (article,) = load_one(tmp_path, "tiny.htm", page)
    assert article.title == "Short"
    assert article.text == "Talks resumed."


def test_html_meta_charset_is_honoured(tmp_path: Path) -> None:
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace(
        "Friday to restart", "Friday to “restart”"
    )
    (article,) = load_one(tmp_path, "cp.html", page.encode("cp1252"))
    assert "“restart”" in article.text


def test_rss_feed_gives_one_article_per_entry(tmp_path: Path) -> None:
    articles = load_one(tmp_path, "rhine.rss", RSS.encode())
    assert [a.id for a in articles] == ["rhine-001", "rhine-2", "rhine-3"]
    first = articles[0]
    assert first.title == "Berlin backs harbour plan"
    assert first.outlet == "Rhine Daily"
    assert first.published == "2024-03-02"
    assert first.url == "https://rhine.example/1"
    assert first.text == "Germany said on Saturday that it supported the harbour plan.\n\n" + (
        "Berlin would help pay for the works."
    )
    assert all("LEAK" not in a.text and "<" not in a.text for a in articles)
    assert articles[2].text == "The ports reopened on Monday after three days of storms."


def test_atom_feed_and_xml_suffix(tmp_path: Path) -> None:
    (article,) = load_one(tmp_path, "coast.xml", ATOM.encode())
    assert article.id == "coast-1"  # "urn:..." entry ids are not readable ids
    assert article.outlet == "Coast Courier"
    assert article.text == "Officials met on Friday to restart talks."


def test_xml_that_is_not_a_feed_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "data.xml").write_bytes(b"<?xml version='1.0'?><config><a>1</a></config>")
    result = load_articles([tmp_path])
    assert not result.articles
    assert "not an RSS/Atom feed" in str(result.skipped[0])


def test_json_list_with_field_synonyms(tmp_path: Path) -> None:
    records = [
        {"title": "One", "body": "The first story.", "source": {"name": "Wire A"}, "id": "w-1"},
        {"headline": "Two", "content": "<p>The second <b>story</b>.</p>", "date": "2024-01-02"},
        {"title": "No text"},
    ]
    path = tmp_path / "export.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    result = load_articles([path])
    assert [(a.id, a.title, a.outlet, a.published) for a in result.articles] == [
        ("w-1", "One", "Wire A", ""),
        ("export-2", "Two", "", "2024-01-02"),
    ]
    assert result.articles[1].text == "The second story."
    assert [str(s) for s in result.skipped] == [f"{path}#3: no 'text' (or 'body'/'content') field"]


def test_jsonl_keeps_good_lines_and_reports_bad_ones(tmp_path: Path) -> None:
    lines = [
        json.dumps({"title": "A", "text": "Alpha text.", "outlet": "X", "url": "https://x/1"}),
        "{broken",
        "",
        json.dumps({"title": "B", "text": "Bravo text.", "published": "2024-02-02"}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = load_articles([path])
    assert [(a.id, a.text) for a in result.articles] == [
        ("feed-1", "Alpha text."),
        ("feed-2", "Bravo text."),
    ]
    assert [str(s) for s in result.skipped] == [
        f"{path}:2: invalid JSON: Expecting property name enclosed in double quotes"
    ]


def test_invalid_json_file(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text("[{", encoding="utf-8")
    result = load_articles([tmp_path])
    assert "invalid JSON at line 1" in str(result.skipped[0])


def test_ids_are_unique_across_formats(tmp_path: Path) -> None:
    (tmp_path / "rhine-001.md").write_text("# A\n\nText of a.\n", encoding="utf-8")
    (tmp_path / "z.rss").write_text(RSS, encoding="utf-8")
    ids = [a.id for a in load_articles([tmp_path]).articles]
    assert ids == ["rhine-001", "rhine-001-2", "z-2", "z-3"]


def parse(data: bytes, name: str = "f.txt") -> Article:
    return parse_article(data, name, Path(name).stem)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("He said “we will not sign” — it’s over… for now.", "cp1252"),
        ("Le ministre a parlé à Genève, où l’été était chaud.", "cp1252"),
        ("Le ministre a parlé à Genève pendant l'été, près du lac.", "latin-1"),
        ("Der Außenminister sprach über die Übergangsregierung.", "latin-1"),
        ("UTF-16 without a byte order mark — “quoted”.", "utf-16-le"),
        ("UTF-16 big-endian, no BOM, with “quotes”.", "utf-16-be"),
        ("Plain UTF-8 — with “quotes”.", "utf-8"),
    ],
)
def test_text_encodings_are_detected(text: str, encoding: str) -> None:
    body = f"{text}\r\n\r\nSecond paragraph here.\r\n"
    assert parse(body.encode(encoding)).text == f"{text}\n\nSecond paragraph here."


def test_utf8_bom_and_utf16_bom() -> None:
    for data in (
        codecs.BOM_UTF8 + "Café.".encode(),
        codecs.BOM_UTF16_LE + "Café.".encode("utf-16-le"),
    ):
        assert parse(data).text == "Café."


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary file (PNG image)"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + b"stream\x00\x01" * 50, "binary file (PDF document)"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF" + b"\x00" * 64, "binary file (JPEG image)"),
        (b"ab\x00\x00\x00\x01\x02cd\x00\x00\x00\x00" * 40, "binary file (contains NUL bytes)"),
    ],
)
def test_binary_files_are_skipped_with_a_reason(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(data)
    result = load_articles([path])
    assert not result.articles
    (problem,) = result.skipped
    assert (
        str(problem) == f"{path}: {reason}, not an article" or str(problem) == f"{path}: {reason}"
    )
    assert "\n" not in str(problem)


def test_front_matter_aliases() -> None:
    article = parse(
        b"---\ntitle: T\nsource: Wire\ndate: 2024-05-01\nlink: https://w/1\n---\nBody.\n", "a.md"
    )
    assert (article.outlet, article.published, article.url) == ("Wire", "2024-05-01", "https://w/1")


def test_a_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(b"\x00\x01\x02\x00" * 100)
    (tmp_path / "b.rss").write_bytes(b"<rss><channel><title>x</title></channel></rss>")
    (tmp_path / "c.md").write_text("# Good\n\nStill built.\n", encoding="utf-8")
    result = load_articles([tmp_path])
    assert [a.id for a in result.articles] == ["c"]
    assert len(result.skipped) == 2
