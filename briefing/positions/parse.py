"""Step 1: the trained linguistic layer — tokens, lemmas, POS, a dependency parse and entities.

The spaCy pipeline trained by ``make model`` ships in ``briefing/data/model``; it is loaded
once, on first use, so commands that never look for statements never pay for it. Sentences
come from briefing's own splitter (:mod:`briefing.sentences`); each is parsed on its own,
batched through ``nlp.pipe``.

The matrix products run through numpy's BLAS (OpenBLAS) rather than thinc's default BLIS
kernels: on the x86 machines measured it parses in about 60% of the CPU time, and the
annotations are the same (compared token by token on 3,500 BBC sentences: no difference).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import BriefingError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL = Path(__file__).resolve().parents[1] / "data" / "model"
_BATCH = 64


@lru_cache(maxsize=1)
def model() -> Language:
    """The trained pipeline, loaded once; a clear error when it was never built."""
    if not (MODEL / "config.cfg").is_file():
        raise BriefingError(f"the parsing model is missing ({MODEL}): run `make model`")
    import spacy  # heavy: imported only when statements are needed
    from thinc.api import use_ops
    from threadpoolctl import threadpool_limits

    try:
        with use_ops("numpy", use_blis=False):
            nlp = spacy.load(MODEL)
    except (OSError, ValueError) as e:
        raise BriefingError(f"cannot load the parsing model {MODEL}: {e} (run `make model`)") from e
    # One BLAS thread: each worker process already has a core of its own, and OpenBLAS's
    # threads spinning against each other doubled the CPU time of a parse.
    threadpool_limits(1, user_api="blas")
    _keep_titles_whole(nlp)
    return nlp


def _keep_titles_whole(nlp: Language) -> None:
    """"Lt." and "Col." are one token, as the sentence splitter's title list says: the
    tokenizer's own exceptions miss some, and a split title hides the name that follows."""
    from ..sentences_lists import TITLES

    tokenizer: Any = nlp.tokenizer  # spacy.tokenizer.Tokenizer, a Cython class with no stubs
    for word in TITLES:
        for form in (word, word.capitalize(), word.upper()):
            tokenizer.add_special_case(f"{form}.", [{"ORTH": f"{form}."}])


def parse(texts: Sequence[str]) -> list[Doc]:
    """One parsed Doc per text (its white space runs made single spaces), in order. A text
    repeated in the batch is parsed once and its Doc shared (read-only downstream): a page
    that repeats one sentence thousands of times costs one parse, not thousands."""
    if not texts:
        return []
    # Runs of white space become one space: the tagger reads a doubled space as a word
    # ("seized the floor … and  said" parsed the space as a name and lost the speaker).
    spaced = [" ".join(t.split()) for t in texts]
    unique = list(dict.fromkeys(spaced))
    parsed = dict(zip(unique, model().pipe(unique, batch_size=_BATCH), strict=True))
    return [parsed[t] for t in spaced]
