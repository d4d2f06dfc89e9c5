"""``briefing add``: bring articles from files or URLs into the workspace as Markdown.

Whatever the source format, the workspace ends up with one ``.md`` file per article with
front matter, which an analyst can read, fix and diff. Nothing is ever overwritten: a
name already taken gets ``-2``, ``-3``… unless that file already holds the very same
article, which is then not copied again. A folder adds the article files in it.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import yaml

from .clean import normalise
from .errors import CONTENT_ERRORS, ArticleError, OutputError, unreadable
from .fetch import Download, download, is_url
from .formats import READERS, Draft, Parsed, read_file
from .formats.html import decode_html, extract_html
from .formats.webcodecs import web_codec
from .fsutil import write_atomic
from .ingest import discover, slug, title_and_body

_NAME_CHARS = 60


def drafts_from_download(got: Download) -> Parsed:
    """Drafts from a downloaded page: HTML through the extractor, feeds and text as files."""
    if got.suffix == ".html":
        markup = _decode_declared(got.data, got.charset) or decode_html(got.data, got.url)
        return Parsed((extract_html(markup, got.url, url=got.url),))
    parsed = READERS[got.suffix](got.data, got.url)
    if not parsed.multi:
        only = parsed.drafts[0]
        return Parsed((replace(only, url=only.url or got.url),), parsed.problems)
    return parsed


def _decode_declared(data: bytes, charset: str | None) -> str | None:
    """The body in the server's declared charset, if it is a web encoding that fits."""
    codec = web_codec(charset) if charset else None
    if codec is None:
        return None
    try:
        return data.decode(codec)
    except UnicodeError:
        return None


def expand(items: Iterable[str]) -> Iterator[str | ArticleError]:
    """URLs and files as given; a folder stands for the article files under it, walked as
    ``build`` walks it (hidden files left out, links out of it and FIFOs reported)."""
    for item in items:
        if is_url(item) or not Path(item).is_dir():
            yield item
            continue
        count = 0
        for found in discover([Path(item)]):
            if isinstance(found, ArticleError):
                yield found
            else:
                count += 1
                yield str(found[0])
        if not count:
            yield ArticleError(item, "no article files in this folder")


def gather(item: str, *, max_bytes: int, timeout: float) -> Parsed:
    """Drafts from a URL or a file path; ArticleError naming ``item`` when unusable."""
    try:
        return _gather(item, max_bytes=max_bytes, timeout=timeout)
    except CONTENT_ERRORS as exc:  # a reader choked on the content: skip this item only
        raise unreadable(item, exc) from None


def _gather(item: str, *, max_bytes: int, timeout: float) -> Parsed:
    if is_url(item):
        return drafts_from_download(download(item, max_bytes=max_bytes, timeout=timeout))
    path = Path(item)
    if not path.is_file():
        raise ArticleError(item, "no such file (or not a http(s) URL)")
    size = path.stat().st_size
    if size > max_bytes:
        raise ArticleError(item, f"too large ({size:,} bytes; limit {max_bytes:,})")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(item, f"cannot read ({exc.strerror or exc})") from None
    return read_file(data, item)


def one_line(text: str) -> str:
    """A front matter value: one line, no control characters or lone surrogates."""
    return " ".join(normalise(text).split())


def to_markdown(draft: Draft) -> str:
    """The draft as a Markdown file with YAML front matter (empty fields left out)."""
    meta = {
        "title": draft.title,
        "outlet": draft.outlet,
        "published": draft.published,
        "url": draft.url,
        "author": draft.author,
    }
    kept = {k: one_line(v) for k, v in meta.items() if v.strip()}
    head = yaml.safe_dump(kept, allow_unicode=True, sort_keys=False, width=10_000)
    body = normalise(draft.text).strip()
    return f"---\n{head}---\n\n{body}\n"


def file_name(draft: Draft, source: str) -> str:
    """A readable file stem from the title, else from the source file's or URL's name."""
    if is_url(source):
        parts = urlsplit(source)
        source = PurePosixPath(parts.path).stem or parts.hostname or ""
    else:
        source = Path(source).stem
    for candidate in (draft.title, source):
        stem = slug(candidate)[:_NAME_CHARS].rstrip("-")
        if stem:
            return stem
    return "article"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def same_article(folder: Path, stem: str, text: str) -> Path | None:
    """A file in ``folder`` named for ``stem`` that already holds exactly ``text``.

    The same article always gets the same stem (it is made from the title in the text),
    so only ``stem.md`` and ``stem-N.md`` need comparing.
    """
    wanted = _digest(text.encode("utf-8"))
    pattern = glob.escape(stem)
    for path in sorted({*folder.glob(f"{pattern}.md"), *folder.glob(f"{pattern}-*.md")}):
        with contextlib.suppress(OSError):
            if path.is_file() and _digest(path.read_bytes()) == wanted:
                return path
    return None


def save(draft: Draft, folder: Path, fallback: str) -> tuple[Path, bool]:
    """Write ``draft`` into ``folder`` under a new name; never replaces an existing file.

    Returns the path and whether it is new: ``False`` when a file there already held the
    same article (nothing written).
    """
    if not draft.title.strip():  # give it the title `build` would show, for all to see
        draft = replace(
            draft, title=title_and_body(draft, file_name(draft, fallback))[0]
        )
    text = to_markdown(draft)
    stem = file_name(draft, fallback)
    there = same_article(folder, stem, text)
    if there is not None:
        return there, False
    for n in range(1, 10_000):
        path = folder / (f"{stem}.md" if n == 1 else f"{stem}-{n}.md")
        if path.exists():
            continue
        with contextlib.suppress(OutputError):
            write_atomic(path, text, overwrite=False)
            return path, True
        if not path.exists():  # failed for another reason than a race for the name
            write_atomic(path, text, overwrite=False)
    raise OutputError(f"{folder}: no free file name for {stem}.md")
