"""Accuracy and speed of briefing's trained pipeline on the treebanks' unseen test splits.

    python bench/bench_model.py [--model briefing/data/model]   (make bench-model)

Text is tokenised by the model itself (raw text in, not gold tokens), as in the product.
EWT test: UPOS, XPOS, lemmas, UAS/LAS. GUM test (redistributable genres): the same plus
PER/LOC/ORG entities converted as for training. UNER EWT test: PER/LOC/ORG entities.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
TREEBANK = ROOT.parent / "shared" / "treebank"


def _examples(nlp, docs):  # type: ignore[no-untyped-def]
    from spacy.training import Example

    return [Example(nlp.make_doc(d.text), d) for d in docs]


def _gold(nlp, name: str):  # type: ignore[no-untyped-def]
    from model_data import GUM_EXCLUDED_GENRES, genre, iob_spans, read_conllu, read_uner, to_doc
    from spacy.tokens import Span

    if name == "ewt":
        return [to_doc(nlp.vocab, s, with_entities=False)
                for s in read_conllu(TREEBANK / "ud_english_ewt" / "en_ewt-ud-test.conllu")]
    if name == "gum":
        return [to_doc(nlp.vocab, s, with_entities=True)
                for s in read_conllu(TREEBANK / "ud_english_gum" / "en_gum-ud-test.conllu")
                if genre(s.doc_id) not in GUM_EXCLUDED_GENRES]
    uner = read_uner(TREEBANK / "uner_english_ewt" / "en_ewt-ud-test.iob2")
    docs = []
    from spacy.tokens import Doc

    for rows in uner.values():
        words = [w for w, _ in rows]
        doc = Doc(nlp.vocab, words=words)
        doc.set_ents([Span(doc, s, e, label=lab) for s, e, lab in iob_spans([t for _, t in rows])],
                     default="outside")
        docs.append(doc)
    return docs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", type=Path, default=ROOT / "briefing" / "data" / "model")
    args = parser.parse_args()
    if not TREEBANK.is_dir():
        print(f"skipped: {TREEBANK} is absent")
        return
    import spacy

    nlp = spacy.load(args.model)
    print(f"model {args.model} "
          f"({sum(p.stat().st_size for p in args.model.rglob('*') if p.is_file()) / 1e6:.1f} MB)")
    for name in ("ewt", "gum", "uner"):
        docs = _gold(nlp, name)
        examples = _examples(nlp, docs)
        words = sum(len(d) for d in docs)
        t0 = time.perf_counter()
        scores = nlp.evaluate(examples)
        secs = time.perf_counter() - t0
        parts = [f"{name:5s} {len(docs):5d} sentences"]
        if name != "uner":
            parts += [f"{label} {scores[key] * 100:5.1f}" for label, key in (
                ("UPOS", "pos_acc"), ("XPOS", "tag_acc"), ("lemma", "lemma_acc"),
                ("UAS", "dep_uas"), ("LAS", "dep_las"))]
        if name != "ewt":
            per = scores.get("ents_per_type") or {}
            parts.append(f"NER F1 {scores['ents_f'] * 100:5.1f} (" + ", ".join(
                f"{k} {v['f'] * 100:.1f}" for k, v in sorted(per.items())) + ")")
        parts.append(f"{words / secs:,.0f} words/s")
        print("  ".join(parts), flush=True)


if __name__ == "__main__":
    main()
