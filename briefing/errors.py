"""Errors the tool reports to people as one clear line (never a traceback)."""

from __future__ import annotations


class BriefingError(Exception):
    """Base of every error the CLI turns into a one-line message."""


class ConfigError(BriefingError):
    """The workspace config is missing, unreadable or has a wrong key or value (exit 2)."""


class ArticleError(BriefingError):
    """One article file cannot be used; the build skips it and goes on."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem

    def __reduce__(self) -> tuple[type[ArticleError], tuple[str, str]]:
        """Pickled as its two parts (files are read in worker processes)."""
        return (ArticleError, (self.path, self.problem))


class TemplateError(BriefingError):
    """A memo template is missing or broken (exit 1)."""


class OutputError(BriefingError):
    """The memo cannot be written where asked, e.g. it exists and --force was not given."""


# What a reader raises on content it cannot make sense of (an impossible date, absurd
# nesting, a 5,000-digit number, an undecodable charset): that file or item is skipped.
CONTENT_ERRORS: tuple[type[Exception], ...] = (
    ValueError,
    TypeError,
    RecursionError,
    UnicodeError,
    LookupError,
)


def one_line(exc: BaseException) -> str:
    """An exception as ``Type: first line of its message`` (at most 120 characters of it)."""
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text[:120]}" if text else type(exc).__name__


def unreadable(path: str, exc: BaseException) -> ArticleError:
    """The one-line problem for content a reader choked on (``CONTENT_ERRORS``)."""
    return ArticleError(path, f"unreadable content ({one_line(exc)})")
