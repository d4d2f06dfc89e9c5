"""The treebank converter behind `make model`: words, spaces, heads and named entities."""

from __future__ import annotations

import sys
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

from model_data import entities, iob_spans, read_conllu, to_doc

# A sentence written for this test, annotated in GUM's CoNLL-U style.
CONLLU = """# newdoc id = GUM_news_test
# sent_id = GUM_news_test-1
# text = U.S. President Ann Lee didn't visit Oslo.
1\tU.S.\tU.S.\tPROPN\tNNP\t_\t2\tcompound\t_\tEntity=(1-person-new-x-cf1-1-coref-Ann_Lee(2-place-new-x-cf2-1-sgl-United_States)
2\tPresident\tpresident\tPROPN\tNNP\t_\t3\tcompound\t_\t_
3\tAnn\tAnn\tPROPN\tNNP\t_\t7\tnsubj\t_\t_
4\tLee\tLee\tPROPN\tNNP\t_\t3\tflat\t_\tEntity=1)
5-6\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_
5\tdid\tdo\tAUX\tVBD\t_\t7\taux\t_\t_
6\tn't\tnot\tPART\tRB\t_\t7\tadvmod\t_\t_
7\tvisit\tvisit\tVERB\tVB\t_\t0\troot\t_\t_
8\tOslo\tOslo\tPROPN\tNNP\t_\t7\tobj\t_\tEntity=(3-place-new-x-cf3-1-sgl-Oslo)|SpaceAfter=No
9\t.\t.\tPUNCT\t.\t_\t7\tpunct\t_\t_

"""


def test_reads_words_spaces_and_heads(tmp_path: Path) -> None:
    path = tmp_path / "t.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    (sent,) = read_conllu(path)
    assert sent.words[4:6] == ["did", "n't"]
    assert sent.spaces[4:6] == [False, True]  # the multiword token "didn't" keeps its space
    doc = to_doc(spacy.blank("en").vocab, sent, with_entities=True)
    assert doc.text == "U.S. President Ann Lee didn't visit Oslo."
    assert doc[2].head.text == "visit" and doc[2].dep_ == "nsubj"
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("U.S.", "LOC"), ("Ann Lee", "PER"), ("Oslo", "LOC")]


def test_entities_keep_the_name_not_the_title(tmp_path: Path) -> None:
    path = tmp_path / "t.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    (sent,) = read_conllu(path)
    assert [(s, e, lab) for s, e, lab in entities(sent)] == [
        (0, 1, "LOC"), (2, 4, "PER"), (7, 8, "LOC")]


def test_iob_spans() -> None:
    assert iob_spans(["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-ORG"]) == [
        (0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC"), (5, 6, "ORG")]


def test_a_multiword_range_ends_with_its_sentence(tmp_path: Path) -> None:
    # Regression: the range's end index leaked into later sentences and glued their words.
    second = """# sent_id = GUM_news_test-2
# text = Oslo is big.
1\tOslo\tOslo\tPROPN\tNNP\t_\t3\tnsubj\t_\t_
2\tis\tbe\tAUX\tVBZ\t_\t3\tcop\t_\t_
3\tbig\tbig\tADJ\tJJ\t_\t0\troot\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

"""
    path = tmp_path / "t.conllu"
    path.write_text(CONLLU + second, encoding="utf-8")
    _, sent = read_conllu(path)
    assert to_doc(spacy.blank("en").vocab, sent, with_entities=False).text == "Oslo is big."


# Written for this test: a titled person whose identity is URL-encoded and accented, and a
# person mention that is a role, not a name ("the Speaker of Ruritania", no identity).
REPAIR = """# newdoc id = GUM_news_test
# sent_id = GUM_news_test-3
# text = Judge Zoë Lee-Moss met the Speaker of Ruritania.
1\tJudge\tjudge\tPROPN\tNNP\t_\t2\tcompound\t_\tEntity=(1-person-new-x-cf1-1-coref-Zoe_Lee%2DMoss
2\tZoë\tZoë\tPROPN\tNNP\t_\t6\tnsubj\t_\tSpaceAfter=No
3\tLee\tLee\tPROPN\tNNP\t_\t2\tflat\t_\tSpaceAfter=No
4\t-\t-\tPUNCT\tHYPH\t_\t5\tpunct\t_\tSpaceAfter=No
5\tMoss\tMoss\tPROPN\tNNP\t_\t2\tflat\t_\tEntity=1)
6\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_
7\tthe\tthe\tDET\tDT\t_\t8\tdet\t_\tEntity=(2-person-new-x-cf2-1-sgl
8\tSpeaker\tspeaker\tNOUN\tNN\t_\t6\tobj\t_\t_
9\tof\tof\tADP\tIN\t_\t10\tcase\t_\t_
10\tRuritania\tRuritania\tPROPN\tNNP\t_\t8\tnmod\t_\tEntity=2)|SpaceAfter=No
11\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\t_

"""


def test_stage_two_repairs_person_names_and_leaves_unnamed_proper_nouns_unknown(
        tmp_path: Path) -> None:
    path = tmp_path / "t.conllu"
    path.write_text(REPAIR, encoding="utf-8")
    (sent,) = read_conllu(path)
    assert entities(sent, rules=1) == []  # the first conversion lost the encoded, accented name
    assert entities(sent) == [(1, 5, "PER")]  # "Zoë Lee-Moss", without the title
    doc = to_doc(spacy.blank("en").vocab, sent, with_entities=True)
    assert [t.ent_iob_ for t in doc] == ["O", "B", "I", "I", "I", "O", "O", "O", "O", "", "O"]
