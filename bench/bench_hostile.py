"""Hostile-input benchmark (issue 14): every repro of the issue, then size-doubling series.

    python bench/bench_hostile.py [--timeout S] [--only N[,N...]] [--files N] [--no-series]

Each case builds a workspace ``W`` in a temporary folder as the issue describes (this
repository's ``sources/`` copied in, ``[memo]`` as ``briefing.toml``), runs the installed
``briefing`` command in it with a per-case timeout and prints: the item, the case, the exit
code, whether stderr holds a Python traceback, the seconds taken and what was checked.
Then it doubles the size of the slowest inputs and prints the time ratios t(2n)/t(n).

Goals: 0 tracebacks, every case under 10 s, every doubling ratio at most 2.5.
Items fixed on another branch show up as failures until that branch is merged.
"""

from __future__ import annotations

import argparse
import contextlib
import http.server
import itertools
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

REPO = Path(__file__).resolve().parents[1]
BRIEFING = shutil.which("briefing", path=str(Path(sys.executable).parent)) or "briefing"
GOAL_SECONDS = 10.0
GOAL_RATIO = 2.5


@dataclass
class Outcome:
    code: int | None  # None: timed out
    traceback: bool
    seconds: float
    stdout: bytes
    stderr: bytes


def workspace(root: Path) -> Path:
    """``mkdir -p W/sources; cp sources/* W/sources; echo '[memo]' > W/briefing.toml``."""
    w = root / "W"
    (w / "sources").mkdir(parents=True)
    for path in (REPO / "sources").iterdir():
        if path.is_file():
            shutil.copy(path, w / "sources" / path.name)
    (w / "briefing.toml").write_text("[memo]\n", encoding="utf-8")
    return w


def age(folder: Path) -> None:
    """Make every file look older than the library's 2-second "still changing" window."""
    old = time.time() - 60
    for path in folder.rglob("*"):
        with contextlib.suppress(OSError):
            os.utime(path, (old, old), follow_symlinks=False)


def run(
    cwd: Path, *args: str | bytes, timeout: float, stdout: int | None = None, **kw: object
) -> Outcome:
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            [BRIEFING, *args],
            cwd=cwd,
            stdout=stdout if stdout is not None else subprocess.PIPE,
            stderr=subprocess.PIPE,
            timeout=timeout,
            check=False,
            **kw,  # type: ignore[arg-type]
        )
    except subprocess.TimeoutExpired as exc:
        err = exc.stderr or b""
        return Outcome(None, b"Traceback" in err, time.perf_counter() - start, b"", err)
    seconds = time.perf_counter() - start
    out = proc.stdout or b""
    return Outcome(proc.returncode, b"Traceback" in proc.stderr, seconds, out, proc.stderr)


# -- a loopback server for `add` -----------------------------------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    pages: ClassVar[dict[str, tuple[str, bytes]]] = {}

    def do_GET(self) -> None:
        if self.path == "/trickle":
            self.wfile.write(b"H")
            self.wfile.flush()
            for _ in range(300):  # one header byte every 0.5 s, for up to 150 s
                time.sleep(0.5)
                try:
                    self.wfile.write(b"X")
                    self.wfile.flush()
                except OSError:
                    return
            return
        kind, body = self.pages.get(self.path, ("text/plain", b"missing"))
        self.send_response(200 if self.path in self.pages else 404)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


# -- the cases: each returns (outcome, check) where check is "" when the result is right --

Case = Callable[[Path, float], tuple[Outcome, str]]
CASES: list[tuple[int, str, Case]] = []


def case(item: int, name: str) -> Callable[[Case], Case]:
    def register(func: Case) -> Case:
        CASES.append((item, name, func))
        return func

    return register


def _built(out: Outcome, *, must: str = "") -> str:
    if out.code is None:
        return "timed out"
    if must and must.encode() not in out.stdout:
        return f"memo lacks {must!r}"
    return ""


@case(1, "non-UTF-8 file name, build")
def _c1(w: Path, t: float) -> tuple[Outcome, str]:
    name = os.path.join(os.fsencode(w / "sources"), b"caf\xe9.md")
    with open(name, "wb") as handle:
        handle.write(b"# C\n\nThe Polish minister said Warsaw agreed.\n")
    out = run(w, "build", timeout=t)
    return out, "" if out.code == 0 else f"exit {out.code}"


@case(2, "'<![' in JSON HTML text, build")
def _c2(w: Path, t: float) -> tuple[Outcome, str]:
    (w / "sources" / "c.json").write_text(
        '{"title":"C","text":"<p>The Swedish minister said Stockholm agreed.</p> <![ x"}'
    )
    out = run(w, "build", timeout=t)
    return out, "" if out.code == 0 else f"exit {out.code}"


@case(3, "-o SYMLINK --force")
def _c3a(w: Path, t: float) -> tuple[Outcome, str]:
    (w / "target.md").write_text("not a memo\n")
    os.symlink("target.md", w / "link.md")
    out = run(w, "build", "-o", "link.md", "--force", timeout=t)
    return out, "" if (w / "link.md").is_symlink() else "symlink replaced by a file"


@case(3, "-o DEVICE --force (mknod n c 1 3; needs root)")
def _c3b(w: Path, t: float) -> tuple[Outcome, str]:
    if os.geteuid() != 0:
        return Outcome(0, False, 0.0, b"", b""), "skipped: not root"
    os.mknod(w / "n", stat.S_IFCHR | 0o666, os.makedev(1, 3))
    out = run(w, "build", "-o", "n", "--force", timeout=t)
    return out, "" if stat.S_ISCHR(os.stat(w / "n").st_mode) else "device replaced by a file"


@case(4, "60 KB of '<a ' in JSON text")
def _c4(w: Path, t: float) -> tuple[Outcome, str]:
    (w / "sources" / "a.json").write_text(
        '{"title":"A","text":"<p>The Dutch minister said it.</p>' + "<a " * 20_000 + '</p>"}'
    )
    return (out := run(w, "build", timeout=t)), _built(out)


@case(5, "'Russia France ' x 50 KB, build l.txt")
def _c5a(w: Path, t: float) -> tuple[Outcome, str]:
    (w / "l.txt").write_text("Russia France " * 3600)
    return (out := run(w, "build", "l.txt", timeout=t)), _built(out)


@case(5, "one sentence repeated to 1 MB, build l.txt")
def _c5b(w: Path, t: float) -> tuple[Outcome, str]:
    (w / "l.txt").write_text(
        "The Norwegian minister said Oslo would pay for the new harbour. " * 16_000
    )
    return (out := run(w, "build", "l.txt", timeout=t)), _built(out)


@case(6, "1.3 MB page with <meta charset=punycode>")
def _c6(w: Path, t: float) -> tuple[Outcome, str]:
    body = "<p>The Danish minister said Copenhagen agreed to the plan.</p>\n" * 20_000
    page = f'<html><head><meta charset="punycode"><title>P</title></head><body>{body}</body></html>'
    (w / "sources" / "p.html").write_bytes(page.encode("ascii"))
    return (out := run(w, "build", timeout=t)), _built(out)


@case(7, "add --timeout 1 with trickling headers")
def _c7(w: Path, t: float) -> tuple[Outcome, str]:
    with server() as base:
        out = run(w, "add", "--timeout", "1", f"{base}/trickle", timeout=t)
    return out, "" if out.code is not None and out.seconds < 5 else "no overall deadline"


@case(8, "control characters in a file name, list")
def _c8(w: Path, t: float) -> tuple[Outcome, str]:
    (w / "sources" / "n\x1b]0;pwned\x07.md").write_text(
        "# N\n\nThe Latvian minister said Riga agreed.\n"
    )
    out = run(w, "list", timeout=t)
    leaked = any(c in out.stdout for c in (b"\x1b", b"\x07"))
    return out, "ESC/BEL on stdout" if leaked else ""


@case(9, "add: lone surrogate, 5,000 digits, charset=undefined")
def _c9(w: Path, t: float) -> tuple[Outcome, str]:
    _Handler.pages = {
        "/s.json": ("application/json",
                    b'{"title":"\\ud800 T","text":"The Irish minister said no."}'),
        "/d.json": ("application/json", b'{"title":"D","text":"The Irish minister said yes.",'
                    b'"n":' + b"7" * 5000 + b"}"),
        "/u.html": ("text/html", b'<html><head><meta charset="undefined"></head><body><article>'
                    b"<p>The Irish minister said Dublin agreed to the plan on Monday.</p>"
                    b"</article></body></html>"),
        "/ok.txt": ("text/plain", b"The Irish minister said Dublin would wait.\n"),
    }  # fmt: skip
    with server() as base:
        urls = [f"{base}/{p}" for p in ("s.json", "d.json", "u.html", "ok.txt")]
        out = run(w, "add", *urls, timeout=t)
    added = sum("would wait" in f.read_text(errors="replace") for f in (w / "sources").glob("*.md"))
    return out, "" if added else "items after the bad ones not added"


@case(10, "bit-flipped library page, rebuild")
def _c10(w: Path, t: float) -> tuple[Outcome, str]:
    age(w / "sources")
    first = run(w, "build", timeout=t)
    library = w / ".briefing" / "library.sqlite3"
    with contextlib.suppress(sqlite3.Error):  # fold the write-ahead log into the file
        sqlite3.connect(library).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    data = bytearray(library.read_bytes())
    word = b" the "
    at = data.find(word, len(data) // 4)
    if at < 0:
        return first, "no text found in the library to flip"
    data[at + 4] ^= 0x04  # " the " -> " tha " on one page: integrity_check still passes
    library.write_bytes(bytes(data))
    out = run(w, "build", timeout=t)
    bad = out.code != 0 or out.stdout != first.stdout
    out.seconds += first.seconds
    return out, "memo differs after the flip (misquoted)" if bad else ""


@case(11, "build > /dev/full")
def _c11a(w: Path, t: float) -> tuple[Outcome, str]:
    with open("/dev/full", "wb") as full:
        out = run(w, "build", timeout=t, stdout=full.fileno())
    return out, "exit 0 though nothing was written" if out.code == 0 else ""


@case(11, "build >&- (stdout closed)")
def _c11b(w: Path, t: float) -> tuple[Outcome, str]:
    start = time.perf_counter()
    proc = subprocess.run(
        f"{BRIEFING} build >&-", shell=True, cwd=w, stderr=subprocess.PIPE, timeout=t, check=False
    )
    out = Outcome(
        proc.returncode, b"Traceback" in proc.stderr, time.perf_counter() - start, b"", proc.stderr
    )
    return out, "exit 0 though nothing was written" if out.code == 0 else ""


@case(12, "symlink loop in sources")
def _c12a(w: Path, t: float) -> tuple[Outcome, str]:
    os.symlink("b.md", w / "sources" / "a.md")
    os.symlink("a.md", w / "sources" / "b.md")
    out = run(w, "build", timeout=t)
    return out, "" if out.code == 0 else f"exit {out.code}"


@case(12, "1,200 nested folders in sources")
def _c12b(w: Path, t: float) -> tuple[Outcome, str]:
    made = [w / "sources"]
    with contextlib.suppress(OSError):
        for _ in range(1200):  # one level at a time: os.makedirs (and rmtree) recurse
            made.append(made[-1] / "d")
            made[-1].mkdir()
        (made[-1] / "x.md").write_text("# X\n\nThe Czech minister said Prague agreed.\n")
    out = run(w, "build", timeout=t)
    with contextlib.suppress(OSError):
        (made[-1] / "x.md").unlink()
        for folder in reversed(made[1:]):
            folder.rmdir()
    return out, "" if out.code == 0 else f"exit {out.code}"


@case(13, "state.json of '[' * 100000 (the TUI's loader)")
def _c13(w: Path, t: float) -> tuple[Outcome, str]:
    (w / ".briefing").mkdir()
    (w / ".briefing" / "state.json").write_text("[" * 100_000)
    code = (
        "from pathlib import Path\nfrom briefing.tui.state import load_state\n"
        "state, problem = load_state(Path('.briefing/state.json'))\nprint(problem)\n"
    )
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=w, capture_output=True, timeout=t, check=False
    )
    out = Outcome(
        proc.returncode, b"Traceback" in proc.stderr, time.perf_counter() - start,
        proc.stdout, proc.stderr,
    )  # fmt: skip
    kept = list((w / ".briefing").glob("state.json.corrupt*"))
    return out, "" if b"corrupt" in proc.stdout and kept else "no notice or no backup"


def _since(w: Path, t: float, content: str) -> tuple[Outcome, str]:
    (w / "last.json").write_text(content)
    out = run(w, "build", "--since", "last.json", timeout=t)
    ok = out.code == 1 and b"last.json" in out.stderr and out.stderr.count(b"\n") == 1
    return out, "" if ok else "not a one-line error naming the file"


@case(14, "--since with statements: 5")
def _c14a(w: Path, t: float) -> tuple[Outcome, str]:
    return _since(w, t, '{"positions":[{"iso3":"RUS","statements":5}]}')


@case(14, "--since with a 5,000-digit number")
def _c14b(w: Path, t: float) -> tuple[Outcome, str]:
    return _since(w, t, '{"positions":[' + "9" * 5000 + "]}")


def _template(w: Path, t: float, text: str) -> tuple[Outcome, str]:
    (w / "templates").mkdir()
    (w / "templates" / "evil.md.j2").write_text(text)
    out = run(w, "build", "--template", "evil", timeout=t)
    ok = out.code == 1 and b"evil.md.j2: template error" in out.stderr
    return out, "" if ok else "not the documented exit-1 template error"


@case(15, "template {% for i in range(10**8) %}")
def _c15a(w: Path, t: float) -> tuple[Outcome, str]:
    return _template(w, t, "{% for i in range(10**8) %}x{% endfor %}")


@case(15, "template '{0.__class__}'.format_map({'a':1})")
def _c15b(w: Path, t: float) -> tuple[Outcome, str]:
    return _template(w, t, "{{ '{0.__class__}'.format_map({'a':1}) }}")


@case(15, "template with a recursive macro")
def _c15c(w: Path, t: float) -> tuple[Outcome, str]:
    return _template(w, t, "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}")


@case(16, "bare URL and Cf characters in article text")
def _c16(w: Path, t: float) -> tuple[Outcome, str]:
    (w / "sources" / "u.md").write_text(
        "# U\n\nThe Estonian minister said\u061c Tallinn agreed\u00ad to the plan at "
        "https://evil.example/x and www.evil.example \ufeffon Monday.\n"
    )
    out = run(w, "build", "--select", "u", timeout=t)
    memo = out.stdout.decode("utf-8", "replace")
    problems = [c for c in ("https://evil", "www.evil", "\u061c", "\u00ad", "\ufeff") if c in memo]
    return out, f"in memo: {problems!r}" if problems else ""


@case(17, "N files of ~200 bytes, list (see --files)")
def _c17(w: Path, t: float) -> tuple[Outcome, str]:
    count = OPTIONS.files
    for n in range(count):
        folder = w / "sources" / f"{n // 1000:03d}"
        folder.mkdir(exist_ok=True)
        (folder / f"n{n}.md").write_text(
            f"# Note {n}\n\nThe Finnish minister said Helsinki agreed on item {n} of the "
            f"plan for the port, officials said on day {n % 365}.\n"
        )
    out, rss = run_rss(w, "list", timeout=t)
    print(f"      item 17: {count:,} files listed (cold) at a peak RSS of {rss:.0f} MiB")
    return out, _built(out)


def run_rss(cwd: Path, *args: str, timeout: float) -> tuple[Outcome, float]:
    """:func:`run`, with the child's own peak resident memory in MiB (``os.wait4``)."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([BRIEFING, *args], cwd=cwd, stdout=out, stderr=err)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        timer.cancel()
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    code = None if proc.returncode == -9 and seconds >= timeout else proc.returncode
    return Outcome(code, b"Traceback" in stderr, seconds, stdout, stderr), usage.ru_maxrss / 1024


@case(18, "FF FE then non-UTF-16 bytes")
def _c18(w: Path, t: float) -> tuple[Outcome, str]:
    (w / "sources" / "bad.txt").write_bytes(b"\xff\xfe\xfa not utf8 \x80\x81\n")
    out = run(w, "build", timeout=t)
    return out, "" if b"bad.txt" in out.stderr else "not skipped with a warning"


# -- size doubling ------------------------------------------------------------------------

SERIES: dict[str, Callable[[int], str]] = {
    "'<a ' in JSON text (KB)": lambda kb: (
        '{"title":"A","text":"<p>The Dutch minister said it.</p>' + "<a " * (kb * 341) + '</p>"}'
    ),
    "'Russia France ' (KB)": lambda kb: "Russia France " * (kb * 73),
    "one sentence repeated (KB)": lambda kb: (
        "The Norwegian minister said Oslo would pay for the new harbour. " * (kb * 16)
    ),
    "plain varied prose (KB)": lambda kb: " ".join(
        f"The minister of region {i} said talks on item {i * 7 % 1000} would resume."
        for i in range(kb * 14)
    ),
}
SERIES_SUFFIX = {"'<a ' in JSON text (KB)": ".json"}
# Time the work in a child (no start-up cost in the figure, and a timeout still applies).
_TIMED = """
import sys, time
from pathlib import Path
from briefing.workspace import Workspace
ws = Workspace.open(None)
start = time.perf_counter()
result = ws.load([Path(sys.argv[1])], dedupe=False)
ws.build(ws.analyse_all(result.articles))
print(time.perf_counter() - start)
"""


def series(sizes: list[int], timeout: float) -> int:
    """Print t(n) per size and t(2n)/t(n); returns how many ratios exceed the goal."""
    over = 0
    for name, make in SERIES.items():
        times: list[float | None] = []
        for kb in sizes:
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / f"x{SERIES_SUFFIX.get(name, '.txt')}"
                path.write_text(make(kb), encoding="utf-8")
                try:
                    proc = subprocess.run(
                        [sys.executable, "-c", _TIMED, str(path)], cwd=folder,
                        capture_output=True, timeout=timeout, check=False,
                    )  # fmt: skip
                    value = float(proc.stdout.strip().splitlines()[-1]) if proc.stdout else None
                except subprocess.TimeoutExpired:
                    value = None
            times.append(value)
            if value is None:
                break
        cells = [f"{kb} KB {v:.2f}s" if v is not None else f"{kb} KB >{timeout:.0f}s"
                 for kb, v in zip(sizes, times, strict=False)]  # fmt: skip
        ratios = [
            b / a if a and b is not None else None
            for a, b in itertools.pairwise(times)
            if a is not None
        ]
        shown = ", ".join(f"{r:.2f}" if r is not None else "n/a" for r in ratios)
        bad = any(r is None or r > GOAL_RATIO for r in ratios) or None in times
        over += bad
        print(f"  {name:<28} {' | '.join(cells)}   ratios {shown}{'   OVER GOAL' if bad else ''}")
    return over


def main() -> int:
    global OPTIONS
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per case")
    parser.add_argument("--only", default="", help="item numbers, e.g. 10,13")
    parser.add_argument("--files", type=int, default=5_000, help="files for item 17")
    parser.add_argument("--sizes", default="16,32,64,128", help="KB sizes of the series")
    parser.add_argument("--no-series", action="store_true")
    OPTIONS = parser.parse_args()
    only = {int(x) for x in OPTIONS.only.split(",") if x}
    print(f"briefing: {BRIEFING}; per-case timeout {OPTIONS.timeout:.0f} s")
    print(f"{'item':>4}  {'case':<50} {'exit':>5} {'traceback':>9} {'seconds':>8}  check")
    tracebacks = slow = failed = 0
    for item, name, func in CASES:
        if only and item not in only:
            continue
        with tempfile.TemporaryDirectory() as folder:
            try:
                out, check = func(workspace(Path(folder)), OPTIONS.timeout)
            except Exception as exc:  # report it and go on to the next case
                out, check = Outcome(None, False, 0.0, b"", b""), f"bench error: {exc}"
        code = "T/O" if out.code is None else str(out.code)
        tracebacks += out.traceback
        slow += out.seconds >= GOAL_SECONDS
        failed += bool(check)
        print(
            f"{item:>4}  {name:<50} {code:>5} {'yes' if out.traceback else 'no':>9}"
            f" {out.seconds:8.2f}  {check or 'ok'}"
        )
    over = 0
    if not OPTIONS.no_series:
        print("size doubling (in-process load + analyse + build, one file):")
        over = series([int(s) for s in OPTIONS.sizes.split(",")], OPTIONS.timeout)
    print(
        f"summary: {tracebacks} tracebacks (goal 0), {slow} cases >= {GOAL_SECONDS:.0f} s"
        f" (goal 0), {failed} failed checks, {over} series over ratio {GOAL_RATIO}"
    )
    return 1 if tracebacks or slow or failed or over else 0


OPTIONS: argparse.Namespace

if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        sys.exit(main())
