"""Loading many small files: memory grows by compact fingerprints per file, not by articles,
and the streamed listing still follows the sources exactly (issue 14, item 17)."""

from __future__ import annotations

import json
import os
import random
import time
import tracemalloc
from pathlib import Path

from click.testing import CliRunner

from briefing.cli import main
from briefing.library import Library
from briefing.workspace import Workspace

PROSE = (
    "harbour port talks plan minister council budget tariff grain pipeline treaty border "
    "ferry bridge railway station election court ruling inquiry strike union wages prices "
    "energy gas power grid wind solar coast fishing quota vessel cargo customs bank loan"
)
WORDS = PROSE.split()
WHO = ("Polish", "Latvian", "Swedish", "Norwegian", "Finnish", "Greek")


def tiny_workspace(root: Path, count: int, seed: int = 7) -> Path:
    """``count`` distinct ~200-byte notes in folders of 500, as ``bench_scale.py --tiny``."""
    rng = random.Random(seed)
    (root / "sources").mkdir(parents=True)
    (root / "briefing.toml").write_text('[memo]\ntitle = "Tiny"\n', encoding="utf-8")
    for n in range(count):
        folder = root / "sources" / f"{n // 500:03d}"
        folder.mkdir(exist_ok=True)
        words = " ".join(rng.choice(WORDS) for _ in range(18))
        path = folder / f"n{n:05d}.md"
        path.write_text(
            f"# Note {n}\n\nThe {rng.choice(WHO)} minister said {words}. It agreed on item {n}.\n",
            encoding="utf-8",
        )
        # An hour old: every file takes the same path (files under 2 s old are not cached).
        os.utime(path, (time.time() - 3600,) * 2)
    return root


def load_peak(root: Path) -> int:
    """Peak bytes allocated by Python (numpy included) while listing the workspace's files."""
    ws = Workspace.open(root / "briefing.toml")
    tracemalloc.start()
    try:
        result = ws.load(keep=0)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.articles == ()
    return peak


def test_memory_grows_by_fingerprints_not_by_articles(tmp_path: Path) -> None:
    # First use loads the cleaning and language models: not part of what is measured.
    load_peak(tiny_workspace(tmp_path / "warm", 20))
    small = load_peak(tiny_workspace(tmp_path / "small", 1500))
    large = load_peak(tiny_workspace(tmp_path / "large", 3000))
    per_file = (large - small) / 1500
    # Holding every article cost 1,250 bytes per file here (ratio 1.26; 3 KB of RSS per file
    # in all); the fingerprints kept now are about 120 bytes (ratio 1.03).
    assert large / small < 1.12, (small, large)
    assert per_file < 512, per_file


def test_load_keeps_only_what_is_asked_and_counts_all(tmp_path: Path) -> None:
    root = tiny_workspace(tmp_path, 12)
    ws = Workspace.open(root / "briefing.toml")
    everything = ws.load()
    first = ws.load(keep=5)
    assert everything.total == first.total == len(everything.articles) == 12
    assert first.articles == everything.articles[:5]


def test_streamed_listing_follows_changes_order_and_search(tmp_path: Path) -> None:
    root = tiny_workspace(tmp_path, 30)
    Workspace.open(root / "briefing.toml").load(keep=0)
    sources = root / "sources" / "000"
    (sources / "n00003.md").unlink()
    (sources / "n00004.md").write_text("# Four\n\nThe Greek minister said zebra.\n", "utf-8")
    (sources / "a-first.md").write_text("# First\n\nThe Finnish minister said quokka.\n", "utf-8")
    loaded = Workspace.open(root / "briefing.toml").load()
    with Library.open(root) as library:
        assert library.search() == [a.id for a in loaded.articles]
        assert library.search() == ["a-first", "n00000", "n00001", "n00002", "n00004", *
                                    [f"n{n:05d}" for n in range(5, 30)]]  # fmt: skip
        assert library.search("zebra") == ["n00004"]
        assert library.search("quokka") == ["a-first"]
        assert library.search("note 4") == []  # the old text of n00004 left the index
        assert library.search("note 3") == []


def test_list_json_is_written_row_by_row_as_one_list(tmp_path: Path) -> None:
    root = tiny_workspace(tmp_path, 3)
    out = CliRunner().invoke(main, ["-c", str(root / "briefing.toml"), "list", "--json"])
    assert out.exit_code == 0, out.output
    records = json.loads(out.stdout)
    assert [r["id"] for r in records] == ["n00000", "n00001", "n00002"]
    assert out.stdout == json.dumps(records, ensure_ascii=False, indent=2) + "\n"
