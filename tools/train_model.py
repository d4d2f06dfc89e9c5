"""Train briefing's English pipeline (tagger, POS, lemmas, dependencies, entities): `make model`.

Data, all from ../shared/treebank (see its README for licences):
  * UD English EWT train (CC BY-SA 4.0): tags, lemmas, dependencies;
  * UD English EWT dev with Universal NER dev labels on the same sentences: the same, plus
    PER/ORG/LOC entities (the EWT test split and UNER test stay unseen for evaluation);
  * UD English GUM train, genres whose licence allows redistribution: the same, plus entities
    from GUM's coreference layer (named mentions of people, places and organisations).
Seeds fixed. Stage 1 trains from scratch (tools/model.cfg, 4,000 steps; GUM entities by the
first conversion, model_data rules=1): these are the shipped weights. ``--stage2`` then
sources all of stage 1's components and trains on (tools/model_stage2.cfg: decaying learning
rate, averaged parameters; GUM entities by rules=2, person names repaired). Stage 2 scores
better on the treebanks (LAS +1) but read the sample workspace worse (bench/README.md), so it
is not shipped. Each stage keeps its best checkpoint on GUM dev; the result is copied to
briefing/data/model/ without the training-only parts. Evaluate with `make bench-model`.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from model_data import (  # noqa: E402
    GUM_EXCLUDED_GENRES,
    genre,
    iob_spans,
    read_conllu,
    read_uner,
    to_doc,
)

TREEBANK = ROOT.parent / "shared" / "treebank"
WORK = ROOT / ".work" / "model"
TARGET = ROOT / "briefing" / "data" / "model"


def _ewt_dev_with_entities(vocab):  # type: ignore[no-untyped-def]
    from spacy.tokens import DocBin, Span

    uner = read_uner(TREEBANK / "uner_english_ewt" / "en_ewt-ud-dev.iob2")
    db = DocBin(store_user_data=False)
    skipped = 0
    for sent in read_conllu(TREEBANK / "ud_english_ewt" / "en_ewt-ud-dev.conllu"):
        rows = uner.get(sent.sent_id)
        doc = to_doc(vocab, sent, with_entities=False)
        if rows and [w for w, _ in rows] == sent.words:
            spans = [Span(doc, s, e, label=lab) for s, e, lab in iob_spans([t for _, t in rows])]
            doc.set_ents(spans, default="outside")
        else:
            skipped += 1
        db.add(doc)
    return db, skipped


def build_corpus(rules: int, dest: Path) -> None:
    """Write train.spacy and dev.spacy under DEST, GUM entities converted by RULES
    (model_data.entity_spans: 1 for stage 1, 2 for stage 2)."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    dest.mkdir(parents=True, exist_ok=True)
    train, skipped = _ewt_dev_with_entities(nlp.vocab)
    kept: dict[str, int] = {}
    for path in [TREEBANK / "ud_english_ewt" / "en_ewt-ud-train.conllu"]:
        for sent in read_conllu(path):
            train.add(to_doc(nlp.vocab, sent, with_entities=False))
            kept["ewt"] = kept.get("ewt", 0) + 1
    for sent in read_conllu(TREEBANK / "ud_english_gum" / "en_gum-ud-train.conllu"):
        if genre(sent.doc_id) not in GUM_EXCLUDED_GENRES:
            train.add(to_doc(nlp.vocab, sent, with_entities=True, rules=rules))
            kept["gum"] = kept.get("gum", 0) + 1
    train.to_disk(dest / "train.spacy")
    dev = DocBin(store_user_data=False)
    for sent in read_conllu(TREEBANK / "ud_english_gum" / "en_gum-ud-dev.conllu"):
        if genre(sent.doc_id) not in GUM_EXCLUDED_GENRES:
            dev.add(to_doc(nlp.vocab, sent, with_entities=True, rules=rules))
    dev.to_disk(dest / "dev.spacy")
    print(f"{dest.name}: train {kept} + EWT dev with UNER entities ({skipped} sentences"
          f" without); dev: {len(dev)} GUM sentences", flush=True)


def train(config: str, data: Path, output: Path, max_steps: int | None,
          stage1: Path | None = None) -> None:
    """Run spaCy's trainer with a committed config (stage 2 sources stage 1's model)."""
    cmd = [sys.executable, "-m", "spacy", "train", str(ROOT / "tools" / config),
           "--output", str(output), "--paths.train", str(data / "train.spacy"),
           "--paths.dev", str(data / "dev.spacy")]
    if stage1:
        cmd += ["--paths.stage1", str(stage1), "--code", str(ROOT / "tools" / "model_hooks.py")]
    if max_steps:
        cmd += ["--training.max_steps", str(max_steps)]
    subprocess.run(cmd, check=True)


def _drop_training_settings(path: Path) -> None:
    """Clear the local corpus/stage-1 paths and stage 2's training callback from a saved
    config: loading never needs them, and the callback lives in tools/, not the package."""
    from thinc.api import Config

    cfg = Config().from_disk(path, interpolate=False)
    for key in ("train", "dev", "stage1"):
        if key in cfg["paths"]:
            cfg["paths"][key] = None
    cfg["initialize"]["after_init"] = None
    cfg.to_disk(path)


def install(best: Path, target: Path) -> None:
    """Copy the best model into the package, keeping only what inference needs."""
    import spacy

    nlp = spacy.load(best)
    nlp.meta["name"] = "briefing_en"
    nlp.meta["description"] = "briefing's tagger, parser and NER, trained by tools/train_model.py"
    nlp.meta["sources"] = ["UD English EWT r2.16 (CC BY-SA 4.0)",
                           "UNER English EWT dev (CC BY-SA 4.0)",
                           "UD English GUM r2.16, redistributable genres (CC BY / BY-SA)"]
    nlp.meta["license"] = "CC BY-SA 4.0"
    tmp = target.with_name(target.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    nlp.to_disk(tmp)
    _drop_training_settings(tmp / "config.cfg")
    shutil.rmtree(target, ignore_errors=True)
    tmp.rename(target)
    size = sum(p.stat().st_size for p in target.rglob("*") if p.is_file())
    print(f"installed {target} ({size / 1e6:.1f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stage2", action="store_true",
                        help="train stage 2 on top of stage 1 (not the shipped weights)")
    parser.add_argument("--max-steps", type=int, default=None,
                        help="stop stage 2 after N updates (default: the config's)")
    parser.add_argument("--stage1", type=Path, default=None,
                        help="skip stage 1 and continue from this model (e.g. the shipped one)")
    parser.add_argument("--output", type=Path, default=WORK / "out")
    parser.add_argument("--install-only", action="store_true",
                        help="copy OUTPUT/model-best into the package without training")
    args = parser.parse_args()
    if not TREEBANK.is_dir():
        sys.exit(f"make model: {TREEBANK} is missing (the shared treebanks)")
    output = args.output if args.stage2 or args.install_only else WORK / "stage1-out"
    if not args.install_only:
        stage1 = args.stage1
        if stage1 is None:
            build_corpus(1, WORK / "stage1")
            train("model.cfg", WORK / "stage1", WORK / "stage1-out", None)
            stage1 = WORK / "stage1-out" / "model-best"
        if args.stage2:
            build_corpus(2, WORK / "stage2")
            train("model_stage2.cfg", WORK / "stage2", args.output, args.max_steps, stage1)
    install(output / "model-best", TARGET)


if __name__ == "__main__":
    main()
