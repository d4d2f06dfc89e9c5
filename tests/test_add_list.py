"""`briefing add` (files and URLs into sources/) and `briefing list` (the library's search)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from briefing.cli import main
from briefing.cli_sources import add, list_articles

from .httpserver import serve

if "add" not in main.commands:  # until briefing.cli registers them itself
    main.add_command(add)
if "list" not in main.commands:
    main.add_command(list_articles)


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["-c", str(root / "briefing.toml"), *args])


def front_matter(path: Path) -> tuple[dict[str, str], str]:
    _, head, body = path.read_text("utf-8").split("---\n", 2)
    return yaml.safe_load(head), body.strip()


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serve() as url:
        yield url


def test_add_files_in_any_format_never_overwriting(
    make_workspace: Callable[..., Path], tmp_path_factory: pytest.TempPathFactory
) -> None:
    root = make_workspace(articles={})
    inbox = tmp_path_factory.mktemp("inbox")
    (inbox / "notes.txt").write_bytes("Talks on the “harbour” went on.\r\n".encode("cp1252"))
    (inbox / "feed.jsonl").write_text(
        '{"title": "Ports reopen", "text": "The ports reopened.", "outlet": "Wire"}\n'
        '{"title": "Ports reopen", "text": "Second copy, same title."}\n',
        encoding="utf-8",
    )
    result = run(root, "add", str(inbox / "notes.txt"), str(inbox / "feed.jsonl"))
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (root / "sources").iterdir())
    assert names == ["ports-reopen-2.md", "ports-reopen.md", "talks-on-the-harbour-went-on.md"]
    meta, body = front_matter(root / "sources" / "ports-reopen.md")
    assert meta == {"title": "Ports reopen", "outlet": "Wire"} and body == "The ports reopened."
    _, body = front_matter(root / "sources" / "talks-on-the-harbour-went-on.md")
    assert body == "Talks on the “harbour” went on."
    before = (root / "sources" / "ports-reopen.md").read_bytes()
    again = run(root, "add", str(inbox / "feed.jsonl"))
    assert again.exit_code == 0 and again.stderr.count("already in the workspace") == 2
    assert (root / "sources" / "ports-reopen.md").read_bytes() == before
    assert not (root / "sources" / "ports-reopen-3.md").exists()
    # What was added builds.
    assert run(root, "build", "--format", "json").exit_code == 0


def test_add_url_from_a_local_server(make_workspace: Callable[..., Path], base: str) -> None:
    root = make_workspace(articles={})
    result = run(root, "add", f"{base}/article.html")
    assert result.exit_code == 0, result.output
    added = root / "sources" / "harbour-deal-signed.md"
    assert f"added {added}" in result.stdout
    meta, body = front_matter(added)
    assert meta["title"] == "Harbour deal signed" and meta["outlet"] == "Coast Courier"
    assert meta["url"] == f"{base}/article.html" and str(meta["published"]) == "2024-04-02"
    assert body.startswith("The two coastal states signed") and "LEAK" not in body


def test_add_reports_each_bad_item_and_keeps_going(
    make_workspace: Callable[..., Path], base: str
) -> None:
    root = make_workspace(articles={})
    result = run(root, "add", f"{base}/photo.png", "no-such-file.md", f"{base}/notes.txt")
    assert result.exit_code == 0
    assert (
        f"skipped {base}/photo.png: not an article page (content type image/png)" in result.stderr
    )
    assert "skipped no-such-file.md: no such file" in result.stderr
    assert [p.name for p in (root / "sources").iterdir()] == ["plain-notes.md"]


def test_add_size_limit_and_nothing_added(make_workspace: Callable[..., Path], base: str) -> None:
    root = make_workspace(config="[sources]\nmax_article_bytes = 1000\n", articles={})
    result = run(root, "add", f"{base}/big.html")
    assert result.exit_code == 1
    assert "too large" in result.stderr and "nothing was added" in result.stderr


def test_add_timeout_option(make_workspace: Callable[..., Path], base: str) -> None:
    root = make_workspace(articles={})
    result = run(root, "add", "--timeout", "0.3", f"{base}/slow")
    assert result.exit_code == 1 and "timed out" in result.stderr


def test_list_all_query_and_json(make_workspace: Callable[..., Path]) -> None:
    root = make_workspace()
    result = run(root, "list")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "alpha\t2024-03-01\tCoast Courier\tHarbour talks resume",
        "bravo\t2024-03-02\tRhine Daily\tBerlin backs harbour plan",
    ]
    assert run(root, "list", "fishing", "rights").stdout.startswith("alpha\t")
    assert run(root, "list", "nothing-like-this").stdout == ""
    records = json.loads(run(root, "list", "--json", "chancellor").stdout)
    assert [r["id"] for r in records] == ["bravo"]
    assert set(records[0]) == {"id", "path", "title", "outlet", "published", "url", "countries"}


def test_list_by_country(make_workspace: Callable[..., Path]) -> None:
    root = make_workspace()
    everything = json.loads(run(root, "list", "--json", "--country", "ATA").stdout)
    assert everything == []
    full = json.loads(run(root, "list", "--json").stdout)
    for record in full:
        for code in record["countries"]:
            ids = [
                r["id"] for r in json.loads(run(root, "list", "--json", "--country", code).stdout)
            ]
            assert record["id"] in ids
    germany = json.loads(run(root, "list", "--json", "--country", "DEU").stdout)
    by_name = json.loads(run(root, "list", "--json", "--country", "germany").stdout)
    assert germany and by_name == germany
    result = run(root, "list", "--country", "Atlantis")
    assert result.exit_code == 2 and "unknown country" in result.stderr


def test_build_reads_feeds_html_and_json_paths(
    make_workspace: Callable[..., Path], tmp_path_factory: pytest.TempPathFactory
) -> None:
    from .httpserver import PAGE, RSS

    root = make_workspace(articles={})
    inbox = tmp_path_factory.mktemp("paths")
    (inbox / "rhine.rss").write_bytes(RSS)
    (inbox / "deal.html").write_bytes(PAGE)
    (inbox / "export.json").write_text(
        json.dumps([{"title": "Exported", "text": "France said the deal was good."}]), "utf-8"
    )
    (inbox / "photo.jpg.txt").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 50)
    result = run(root, "build", str(inbox), "--format", "json")
    assert result.exit_code == 0, result.output
    memo = json.loads(result.stdout)
    assert [a["id"] for a in memo["articles"]] == ["deal", "export", "r-1", "r-2"]
    assert memo["articles"][0]["outlet"] == "Coast Courier"
    assert "photo.jpg.txt: binary file (JPEG image), not an article" in result.stderr


def test_list_says_when_nothing_matches(make_workspace: Callable[..., Path]) -> None:
    root = make_workspace()
    result = run(root, "list", "nothing-like-this")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == "briefing: error: no article of 2 matches 'nothing-like-this'\n"
    result = run(root, "list", "--json", "--country", "ATA")
    assert result.exit_code == 1 and json.loads(result.stdout) == []
    assert "no article of 2 has statements by ATA" in result.stderr
    empty = make_workspace(articles={})
    for path in (empty / "sources").iterdir():
        path.unlink()
    result = run(empty, "list")
    assert result.exit_code == 1 and "no articles in the workspace" in result.stderr


def test_adding_the_same_file_twice_says_it_is_there(
    make_workspace: Callable[..., Path], tmp_path_factory: pytest.TempPathFactory
) -> None:
    root = make_workspace(articles={})
    inbox = tmp_path_factory.mktemp("inbox")
    (inbox / "note.md").write_text("# Ports reopen\n\nThe ports reopened.\n", encoding="utf-8")
    assert run(root, "add", str(inbox / "note.md")).exit_code == 0
    result = run(root, "add", str(inbox / "note.md"))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "already in the workspace as" in result.stderr and "ports-reopen.md" in result.stderr
    assert [p.name for p in (root / "sources").iterdir()] == ["ports-reopen.md"]
    # Same title, other text: a new article, never replacing the first.
    (inbox / "note.md").write_text("# Ports reopen\n\nThey closed again.\n", encoding="utf-8")
    assert run(root, "add", str(inbox / "note.md")).stdout.startswith("added ")
    assert sorted(p.name for p in (root / "sources").iterdir()) == [
        "ports-reopen-2.md",
        "ports-reopen.md",
    ]


def test_add_a_folder_adds_its_article_files(
    make_workspace: Callable[..., Path], tmp_path_factory: pytest.TempPathFactory
) -> None:
    root = make_workspace(articles={})
    inbox = tmp_path_factory.mktemp("inbox")
    (inbox / "deep").mkdir()
    (inbox / "one.md").write_text("# First story\n\nText one.\n", encoding="utf-8")
    (inbox / "deep" / "two.txt").write_text("Second story\n\nText two.\n", encoding="utf-8")
    (inbox / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (inbox / ".hidden.md").write_text("# Hidden\n\nNot this.\n", encoding="utf-8")
    result = run(root, "add", str(inbox))
    assert result.exit_code == 0, result.output
    assert "no such file" not in result.output
    assert sorted(p.name for p in (root / "sources").iterdir()) == [
        "first-story.md",
        "second-story.md",
    ]
    empty = tmp_path_factory.mktemp("empty")
    result = run(root, "add", str(empty))
    assert result.exit_code == 1
    assert f"{empty}: no article files in this folder" in result.stderr
