"""Fuzzing every reader of untrusted input: only the documented errors may come out.

Each property builds hostile-looking input from fragments that have broken readers before
(or that parsers are known to choke on) mixed with arbitrary text and bytes, and checks the
boundary where a problem must already be one of :mod:`briefing.errors`' types: a file read
through :func:`briefing.ingest.iter_articles` (txt/md with front matter, HTML, RSS/Atom,
JSON/JSONL), a ``--since`` file, the TUI's state file, and file names.

Examples are few and derandomised so that the suite stays quick and repeatable; run with
``--hypothesis-seed`` and a higher ``max_examples`` to hunt. Time (linear growth) is measured
in ``bench/bench_hostile.py``, not here.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.errors import ArticleError, BriefingError
from briefing.ingest import iter_articles
from briefing.models import Article, Briefing, Citation, Position, Statement
from briefing.tui.state import SessionState, load_state
from briefing.whatsnew import compare, load_previous
from briefing.workspace import Workspace

FUZZ = settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

PROSE = st.sampled_from(
    [
        "The Polish minister said Warsaw agreed.",
        "Officials in Riga rejected the plan on Friday.",
        "Le ministre a dit non.",
        "ministerstvo",
        "\u202e\u200f\ufeff\u00ad\x1b[31m\x07\r",
        "\ud800",
        "\x00",
        "€ 😀 中文 العربية",
        " ",
        "\n",
        "\n\n",
    ]
)
TEXT = st.lists(st.one_of(PROSE, st.text(max_size=40)), max_size=12).map("".join)

HTML_BITS = st.sampled_from(
    [
        "<p>", "</p>", "<div>", "</div>", "<a ", "<a href='http://x'>", "</a>", "<![ x",
        "<![CDATA[",
        "]]>", "<!--", "-->", "<!DOCTYPE html>", "<?xml version='1.0'?>", "<script>", "</script>",
        "<style>", "<title>", "</title>", "<meta charset=\"punycode\">",
        "<meta charset=\"undefined\">", "<meta charset=\"utf-7\">", "<meta charset=\"utf-8\">",
        "&#x110000;", "&#0;", "&amp;", "&", "&nbsp", "<br/>", "<article>", "<h1>", "</h1>",
        "<table><tr><td>", "<svg><foreignObject>", "<", ">", "\"", "'", "=",
    ]
)  # fmt: skip
HTML = st.lists(st.one_of(HTML_BITS, PROSE, st.text(max_size=20)), max_size=30).map("".join)

YAML_LINES = st.sampled_from(
    [
        "title: A title", "title: [unclosed", "title: {a: b}", "published: 2023-02-30",
        "published: 99999999999999999999999", "date: 1e999", "outlet: !!python/object:os.system",
        "&a [*a, *a]", "url: http://[oops", "tags: - a", ": :", "- - -", "? x", "title: |",
        "  indented", "\t", "%YAML 1.1", "!!binary AAAA", "'", '"',
    ]
)  # fmt: skip
FRONT_MATTER = st.builds(
    lambda lines, body: "---\n" + "\n".join(lines) + "\n---\n\n" + body,
    st.lists(st.one_of(YAML_LINES, st.text(max_size=20)), max_size=8),
    TEXT,
)

FEED_KIND = st.sampled_from(["rss", "atom", "rdf", "broken"])


def _feed(kind: str, title: str, body: str, date: str) -> str:
    if kind == "rss":
        return (
            f"<?xml version='1.0'?><rss version='2.0'><channel><title>{title}</title>"
            f"<item><title>{title}</title><description>{body}</description>"
            f"<pubDate>{date}</pubDate><link>{title}</link></item></channel></rss>"
        )
    if kind == "atom":
        return (
            "<feed xmlns='http://www.w3.org/2005/Atom'><entry>"
            f"<title type='html'>{title}</title><content type='html'>{body}</content>"
            f"<updated>{date}</updated><id>{title}</id></entry></feed>"
        )
    if kind == "rdf":
        return (
            "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#' "
            f"xmlns='http://purl.org/rss/1.0/'><item><title>{title}</title>"
            f"<description>{body}</description></item></rdf:RDF>"
        )
    return f"<rss><channel><item><title>{title}<description>{body}"


FEED = st.builds(
    _feed,
    FEED_KIND,
    HTML,
    HTML,
    st.sampled_from(["Mon, 99 Foo 2023", "2023-02-30T25:61:00Z", "", "1" * 5000, "\x00"]),
)

JSON_KEYS = st.sampled_from(
    ["title", "text", "body", "content", "published", "date", "url", "link", "id", "source"]
)
JSON_VALUES = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(),
        TEXT,
        HTML,
        st.just(float("inf")),
    ),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(JSON_KEYS, inner, max_size=6),
    max_leaves=20,
)


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=True)


# Records whose text is HTML ("<", ">" and "</" in it), which the JSON reader converts.
HTML_RECORD = st.builds(lambda t, h: {"title": t, "text": f"<p>{t}</p> {h}"}, TEXT, HTML)
JSON_DOC = st.one_of(
    HTML_RECORD.map(_dump),
    st.lists(HTML_RECORD, max_size=3).map(_dump),
    JSON_VALUES.map(_dump),
    st.lists(st.dictionaries(JSON_KEYS, JSON_VALUES, max_size=6), max_size=4).map(_dump),
    st.sampled_from(["[" * 100_000, "1" * 5000, '{"text": ' + "1" * 5000 + "}", "[{}]", "{"]),
)
JSONL_DOC = st.lists(st.one_of(JSON_DOC, TEXT), max_size=6).map("\n".join)

ENCODE = st.sampled_from(["utf-8", "utf-16", "utf-16-le", "latin-1", "cp1252", "broken"])


def _encode(text: str, codec: str) -> bytes:
    if codec == "broken":
        return b"\xff\xfe\xfa" + text.encode("utf-8", "surrogatepass")
    return text.encode(codec, "surrogatepass" if codec.startswith("utf") else "replace")


def _bytes(documents: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    """The documents in several encodings, or bytes flipped at random places."""
    encoded = st.builds(_encode, documents, ENCODE)
    return st.one_of(encoded, st.binary(max_size=300), st.builds(_flip, encoded, st.integers()))


def _flip(data: bytes, where: int) -> bytes:
    if not data:
        return data
    i = where % len(data)
    return data[:i] + bytes([data[i] ^ 0x80]) + data[i + 1 :]


def _read_one(name: bytes, data: bytes) -> list[Article | ArticleError]:
    """The one file as the loader reads it: every result must be an article or a problem."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(os.fsencode(folder), name)
        with open(path, "wb") as handle:
            handle.write(data)
        found = list(iter_articles([Path(folder)]))
    for item in found:
        assert isinstance(item, Article | ArticleError)
        if isinstance(item, ArticleError):
            assert str(item)
    return found


@FUZZ
@given(_bytes(st.one_of(TEXT, FRONT_MATTER)), st.sampled_from([b"a.txt", b"a.md"]))
def test_text_and_front_matter_reader(data: bytes, name: bytes) -> None:
    _read_one(name, data)


@FUZZ
@given(_bytes(HTML), st.sampled_from([b"a.html", b"a.htm"]))
def test_html_reader(data: bytes, name: bytes) -> None:
    _read_one(name, data)


@FUZZ
@given(_bytes(FEED), st.sampled_from([b"a.xml", b"a.rss", b"a.atom"]))
def test_feed_reader(data: bytes, name: bytes) -> None:
    _read_one(name, data)


@FUZZ
@given(_bytes(JSON_DOC), st.just(b"a.json"))
def test_json_reader(data: bytes, name: bytes) -> None:
    _read_one(name, data)


@FUZZ
@given(_bytes(JSONL_DOC), st.just(b"a.jsonl"))
def test_jsonl_reader(data: bytes, name: bytes) -> None:
    _read_one(name, data)


SINCE_DOC = st.one_of(
    JSON_DOC,
    st.dictionaries(
        st.sampled_from(["positions", "date", "title"]),
        st.lists(
            st.dictionaries(
                st.sampled_from(["iso3", "statements", "country"]),
                st.one_of(JSON_VALUES, st.lists(st.dictionaries(JSON_KEYS, JSON_VALUES))),
            ),
            max_size=3,
        )
        | JSON_VALUES,
    ).map(_dump),
)
CURRENT = Briefing(
    "T",
    "2024-01-02",
    "",
    "",
    (),
    (),
    (
        Position(
            "Russia",
            "RUS",
            (Statement("Moscow said no.", "RUS", None, "REJECT", (Citation("a", 0),)),),
        ),
    ),
)


@FUZZ
@given(_bytes(SINCE_DOC))
def test_since_reader(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "last.json"
        path.write_bytes(data)
        try:
            previous = load_previous(path)
        except BriefingError as exc:
            assert str(exc).startswith(str(path)) and "\n" not in str(exc)
            return
    compare(previous, CURRENT)


STATE_DOC = st.one_of(
    JSON_DOC,
    st.dictionaries(
        st.sampled_from(["selected", "filter", "title", "sort", "version"]), JSON_VALUES
    ).map(_dump),
)


@FUZZ
@given(_bytes(STATE_DOC))
def test_state_reader(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ".briefing" / "state.json"
        path.parent.mkdir()
        path.write_bytes(data)
        state, problem = load_state(path)
        assert isinstance(state, SessionState)
        if problem is not None:
            assert "\n" not in problem and state == SessionState()


# File names: any bytes a POSIX file system accepts (not '/', not NUL), of a readable suffix.
NAME_BYTES = st.binary(min_size=1, max_size=60).map(
    lambda b: b.replace(b"/", b"_").replace(b"\x00", b"_")
)


@FUZZ
@given(NAME_BYTES, st.sampled_from([b".md", b".txt", b".json"]))
def test_file_names(stem: bytes, suffix: bytes) -> None:
    name = stem + suffix
    if name.startswith(b"."):
        name = b"x" + name
    data = b'{"title": "T", "text": "The Polish minister said Warsaw agreed."}'
    if suffix != b".json":
        data = b"# T\n\nThe Polish minister said Warsaw agreed.\n"
    found = _read_one(name, data)
    assert len(found) == 1 and isinstance(found[0], Article)


@FUZZ
@given(NAME_BYTES)
def test_file_names_through_the_workspace_and_library(stem: bytes) -> None:
    """A whole load (listing, search index) copes with any file name."""
    name = b"x" + stem + b".md"
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "briefing.toml").write_text("[memo]\n", encoding="utf-8")
        (root / "sources").mkdir()
        with open(os.path.join(os.fsencode(folder), b"sources", name), "wb") as handle:
            handle.write(b"# T\n\nThe Polish minister said Warsaw agreed.\n")
        result = Workspace.open(root / "briefing.toml").load()
        assert len(result.articles) == 1
