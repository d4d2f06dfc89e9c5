"""Turn the UD treebanks in ../shared/treebank into spaCy training data (DocBin files).

Used by ``tools/train_model.py`` (``make model``). EWT gives tags, lemmas and dependencies;
GUM adds the same plus named entities (person, place, organisation) from its coreference
layer, restricted to genres whose licence allows a redistributed model.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

# GUM genres whose texts are non-commercial (BY-NC-SA): a model trained on them could not
# ship under the project's licence. See ../shared/treebank/README.md.
GUM_EXCLUDED_GENRES = frozenset({"whow", "fiction", "essay", "letter", "podcast"})
ENTITY_LABELS = {"person": "PER", "place": "LOC", "organization": "ORG"}
_NAME_GLUE = frozenset({"of", "the", "and", "&", "for", "de", "al", "-", "."})
_OPEN = re.compile(r"\((\d+)-([a-z]+)-([^()|]*?)(?=\(|\)|$|\|)")
_CLOSE = re.compile(r"(\d+)\)")


@dataclass
class _Sent:
    words: list[str] = field(default_factory=list)
    spaces: list[bool] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    pos: list[str] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)
    deps: list[str] = field(default_factory=list)
    misc: list[str] = field(default_factory=list)
    doc_id: str = ""
    sent_id: str = ""


def read_conllu(path: Path) -> Iterator[_Sent]:
    """Sentences of a CoNLL-U file as syntactic words (multiword ranges and empty nodes dropped)."""
    sent = _Sent()
    doc_id = ""
    mwt_end = -1
    mwt_space = True
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("# newdoc id"):
                doc_id = line.split("=", 1)[1].strip()
                continue
            if line.startswith("# sent_id"):
                sent.sent_id = line.split("=", 1)[1].strip()
                continue
            if line.startswith("#"):
                continue
            if not line:
                if sent.words:
                    sent.doc_id = doc_id
                    yield sent
                sent = _Sent()
                mwt_end = -1  # a multiword range never reaches into the next sentence
                continue
            cols = line.split("\t")
            if "." in cols[0]:
                continue
            if "-" in cols[0]:
                mwt_end = int(cols[0].split("-")[1])
                mwt_space = "SpaceAfter=No" not in cols[9]
                continue
            idx = int(cols[0])
            space = "SpaceAfter=No" not in cols[9]
            if idx < mwt_end:
                space = False
            elif idx == mwt_end:
                space = mwt_space
            sent.words.append(cols[1])
            sent.spaces.append(space)
            sent.lemmas.append(cols[2])
            sent.pos.append(cols[3])
            sent.tags.append(cols[4] if cols[4] != "_" else cols[3])
            sent.heads.append(int(cols[6]) - 1 if cols[6] != "0" else idx - 1)
            sent.deps.append(cols[7] if cols[6] != "0" else "ROOT")
            sent.misc.append(cols[9])
    if sent.words:
        sent.doc_id = doc_id
        yield sent


def genre(doc_id: str) -> str:
    """GUM's genre from a document id such as ``GUM_news_afghan``."""
    parts = doc_id.split("_")
    return parts[1] if len(parts) > 2 else ""


def _mentions(sent: _Sent) -> list[tuple[int, int, str, str]]:
    """GUM entity mentions as (start, end inclusive, type, identity) from the MISC column."""
    open_: dict[str, list[tuple[int, str, str]]] = {}
    found: list[tuple[int, int, str, str]] = []
    for i, misc in enumerate(sent.misc):
        ent = next((p[7:] for p in misc.split("|") if p.startswith("Entity=")), "")
        if not ent:
            continue
        pos = 0
        while pos < len(ent):
            if ent[pos] == "(":
                m = re.match(r"\((\d+)-([a-z]+)([^()]*)", ent[pos:])
                if not m:
                    break
                fields = m.group(3).split("-")
                ident = fields[-1] if len(fields) >= 7 else ""
                closes_here = m.end() < len(ent[pos:]) and ent[pos + m.end()] == ")"
                if closes_here:
                    found.append((i, i, m.group(2), ident))
                    pos += m.end() + 1
                else:
                    open_.setdefault(m.group(1), []).append((i, m.group(2), ident))
                    pos += m.end()
            else:
                m = re.match(r"(\d+)\)", ent[pos:])
                if not m:
                    pos += 1
                    continue
                stack = open_.get(m.group(1))
                if stack:
                    start, kind, ident = stack.pop()
                    found.append((start, i, kind, ident))
                pos += m.end()
    return found


def _name_span(sent: _Sent, start: int, end: int, kind: str, ident: str) -> tuple[int, int] | None:
    """The proper-name core of a mention, or None when the mention is not a name."""
    inside = range(start, end + 1)
    head = next((i for i in inside if not start <= sent.heads[i] <= end or sent.deps[i] == "ROOT"),
                start)
    if kind == "person" and sent.tags[head] in ("NNPS", "NNS"):
        return None  # "Afghans", "Muslims": groups, not a named person
    if ident and kind == "person":
        words = {w.lower() for w in re.split(r"[_()]", ident) if w}
        hits = [i for i in inside if sent.words[i].lower() in words]
        return (hits[0], hits[-1]) if hits else None
    if sent.pos[head] != "PROPN":
        if not ident:
            return None
        props = [i for i in inside if sent.pos[i] == "PROPN"]
        if not props:
            return None
        head = props[-1]
    def name_word(i: int) -> bool:
        return sent.pos[i] == "PROPN" or (
            sent.words[i][:1].isupper() and sent.pos[i] not in ("DET", "PRON", "PUNCT")
            and i > 0)

    lo = hi = head
    while lo - 1 >= start and (name_word(lo - 1) or (
            sent.words[lo - 1].lower() in _NAME_GLUE and lo - 2 >= start and name_word(lo - 2))):
        lo -= 1
    while hi + 1 <= end and (name_word(hi + 1) or (
            sent.words[hi + 1].lower() in _NAME_GLUE and hi + 2 <= end and name_word(hi + 2))):
        hi += 1
    return lo, hi


_TITLES = frozenset({"mr", "mrs", "ms", "dr", "prof", "sir", "dame", "lord", "lady", "madam",
                     "president", "emperor", "king", "queen", "prince", "princess", "pope", "st",
                     "saint", "rev", "reverend", "judge", "justice", "senator", "sen", "governor",
                     "gov", "general", "gen", "col", "capt", "captain", "chief", "mayor"})
_PERSON_GLUE = frozenset({"-", ".", "de", "al"})


def _fold(word: str) -> str:
    """Lower case without accents, so 'Munafò' meets the identity 'Marcus_Munafo'."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower())
                   if not unicodedata.combining(c))


def _name_runs(sent: _Sent, start: int, end: int) -> list[tuple[int, int]]:
    """Maximal runs of name words in a mention (inclusive ends), glued by 'of', '-', '.' ..."""
    def name_word(i: int) -> bool:
        return sent.pos[i] == "PROPN" or (
            sent.words[i][:1].isupper() and sent.pos[i] not in ("DET", "PRON", "PUNCT") and i > 0)

    runs: list[tuple[int, int]] = []
    i = start
    while i <= end:
        if not name_word(i):
            i += 1
            continue
        j = i
        while j + 1 <= end and (name_word(j + 1) or (
                sent.words[j + 1].lower() in _PERSON_GLUE and j + 2 <= end and name_word(j + 2))):
            j += 1 if name_word(j + 1) else 2
        runs.append((i, j))
        i = j + 1
    return runs


def _person_core(sent: _Sent, start: int, end: int, ident: str) -> tuple[int, int] | None:
    """A person mention's name: the run of name words that its Wikipedia identity names
    (decoded, accents folded), or without an identity the run holding a proper-noun head;
    leading titles trimmed. None for groups and for mentions that do not name the person."""
    inside = range(start, end + 1)
    head = next((i for i in inside if not start <= sent.heads[i] <= end or sent.deps[i] == "ROOT"),
                start)
    if sent.tags[head] in ("NNPS", "NNS"):
        return None  # "Afghans", "Muslims": groups, not a named person
    runs = _name_runs(sent, start, end)
    named = {_fold(w) for w in re.split(r"[_()\s,.\-]+", unquote(ident)) if w} - _PERSON_GLUE
    hits = [(sum(_fold(sent.words[i]) in named for i in range(lo, hi + 1)), lo, hi)
            for lo, hi in runs]
    hits = [h for h in hits if h[0]]
    around_head = [(lo, hi) for lo, hi in runs if lo <= head <= hi]
    if hits:
        _, lo, hi = max(hits, key=lambda h: (h[0], -h[1]))
        named_at = [i for i in range(lo, hi + 1) if _fold(sent.words[i]) in named]
        lo, hi = named_at[0], named_at[-1]
    elif not ident and sent.pos[head] == "PROPN" and around_head:
        lo, hi = around_head[0]
    else:
        return None
    while lo <= hi and _fold(sent.words[lo]).rstrip(".") in _TITLES:
        lo += 1
    return (lo, hi) if lo <= hi else None


def entity_spans(sent: _Sent, rules: int = 2) -> tuple[list[tuple[int, int, str]], list[int]]:
    """Named entities (start, end exclusive, label), non-overlapping, longest first, and the
    proper-noun tokens of person/place/organisation mentions left without a name core
    (unknown, not 'outside', to the NER). ``rules=1`` is the first conversion (no person
    repair, nothing unknown), kept so stage 1 of ``make model`` reproduces its weights."""
    spans: list[tuple[int, int, str]] = []
    unsure: set[int] = set()
    for start, end, kind, ident in _mentions(sent):
        label = ENTITY_LABELS.get(kind)
        if not label:
            continue
        if rules >= 2 and kind == "person":
            core = _person_core(sent, start, end, ident)
        else:
            core = _name_span(sent, start, end, kind, ident)
        if core:
            spans.append((core[0], core[1] + 1, label))
        elif rules >= 2:
            unsure.update(i for i in range(start, end + 1) if sent.pos[i] == "PROPN")
    spans.sort(key=lambda s: (s[0] - s[1], s[0]))
    taken: set[int] = set()
    kept = []
    for s, e, label in spans:
        if taken.isdisjoint(range(s, e)):
            kept.append((s, e, label))
            taken.update(range(s, e))
    return sorted(kept), sorted(unsure - taken)


def entities(sent: _Sent, rules: int = 2) -> list[tuple[int, int, str]]:
    """Non-overlapping named entities (start, end exclusive, label), longest first."""
    return entity_spans(sent, rules)[0]


def to_doc(vocab: Vocab, sent: _Sent, with_entities: bool, rules: int = 2) -> Doc:
    """One sentence as a spaCy Doc with gold annotation (entities only when known)."""
    spaces = [*sent.spaces[:-1], False]  # no space after the sentence's last token
    doc = Doc(vocab, words=sent.words, spaces=spaces, tags=sent.tags, pos=sent.pos,
              lemmas=sent.lemmas, heads=sent.heads, deps=sent.deps)
    if with_entities:
        found, unsure = entity_spans(sent, rules)
        ents = [Span(doc, s, e, label=label) for s, e, label in found]
        doc.set_ents(ents, missing=[doc[i:i + 1] for i in unsure], default="outside")
    return doc


def write_docbin(paths: list[Path], out: Path, vocab: Vocab, *, gum: bool) -> int:
    """Convert treebank files into one DocBin; returns the number of sentences kept."""
    db = DocBin(store_user_data=False)
    n = 0
    for path in paths:
        for sent in read_conllu(path):
            if gum and genre(sent.doc_id) in GUM_EXCLUDED_GENRES:
                continue
            db.add(to_doc(vocab, sent, with_entities=gum))
            n += 1
    out.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(out)
    return n


def read_uner(path: Path) -> dict[str, list[tuple[str, str]]]:
    """UNER IOB2 files as ``sent_id -> [(token, tag)]``."""
    out: dict[str, list[tuple[str, str]]] = {}
    sent_id = ""
    rows: list[tuple[str, str]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("# sent_id"):
                sent_id = line.split("=", 1)[1].strip()
            elif line.startswith("#"):
                continue
            elif not line:
                if sent_id and rows:
                    out[sent_id] = rows
                rows, sent_id = [], ""
            else:
                cols = line.split("\t")
                rows.append((cols[1], cols[2]))
    if sent_id and rows:
        out[sent_id] = rows
    return out


def iob_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end exclusive, label) spans from IOB2 tags."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if start >= 0 and not (tag.startswith("I-") and tag[2:] == label):
            spans.append((start, i, label))
            start = -1
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, label = i, tag[2:]
    return spans
