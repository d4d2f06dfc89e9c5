"""Stage 2 of `make model`: a sourced lemmatizer must keep training on its own labels."""

from __future__ import annotations

import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc
from spacy.training import Example

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

from model_hooks import relabel_sourced_lemmatizer


def test_a_reloaded_lemmatizer_gets_its_tree_labels_back() -> None:
    nlp = spacy.blank("en")
    lemmatizer = nlp.add_pipe("trainable_lemmatizer", config={"min_tree_freq": 1})
    words = ["cats", "ran", "dogs", "walked"]
    gold = Doc(nlp.vocab, words=words, lemmas=["cat", "run", "dog", "walk"])
    nlp.initialize(lambda: [Example(nlp.make_doc(" ".join(words)), gold)])
    assert lemmatizer.tree2label
    copy = spacy.blank("en")
    copy.add_pipe("trainable_lemmatizer", config={"min_tree_freq": 1})
    copy.from_bytes(nlp.to_bytes())
    sourced = copy.get_pipe("trainable_lemmatizer")
    assert not sourced.tree2label  # what spaCy 3.8 restores: labels without their map
    relabel_sourced_lemmatizer()(copy)
    assert sourced.tree2label == lemmatizer.tree2label
