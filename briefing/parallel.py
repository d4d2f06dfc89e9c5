"""Analyse many articles on every core, in order, with progress.

Worth it only for many articles: starting the worker processes costs about a second
(each imports the analysers), so small batches stay in-process.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from .actors import ActorBook
from .briefing import analyse, analyse_batch
from .cores import context, cpu_count
from .models import Analysis, Article

MIN_PARALLEL = 64  # fewer uncached articles than this are analysed in-process
CHUNK = 16

_settings: tuple[int, ActorBook | None] = (3, None)


def _init(sentences: int, actors: ActorBook | None) -> None:
    global _settings
    _settings = (sentences, actors)


def _work(articles: list[Article]) -> list[Analysis]:
    sentences, actors = _settings
    return analyse_batch(articles, sentences=sentences, actors=actors)


def analyse_many(
    articles: Sequence[Article],
    *,
    sentences: int,
    actors: ActorBook | None,
    progress: Callable[[int], None] | None = None,
    workers: int | None = None,
) -> list[Analysis]:
    """Analyses of ``articles`` in order; ``progress(n)`` after each batch of ``n`` done."""
    workers = workers or cpu_count()
    if len(articles) < MIN_PARALLEL or workers < 2:
        return _in_process(articles, sentences, actors, progress)
    from .sentences_punkt import get_tokenizer  # NLTK loads on first use (briefing.sentences)

    get_tokenizer()  # once here, not once in every forked worker
    chunks = [list(articles[i : i + CHUNK]) for i in range(0, len(articles), CHUNK)]
    results: list[list[Analysis] | None] = [None] * len(chunks)
    try:
        _in_pool(chunks, results, min(workers, len(chunks)), sentences, actors, progress)
    except (BrokenProcessPool, RuntimeError, OSError):
        # No worker processes here (a sandbox, an unguarded __main__): do the rest in-process.
        for i, chunk in enumerate(chunks):
            if results[i] is None:
                results[i] = _in_process(chunk, sentences, actors, progress)
    return [a for chunk in results if chunk is not None for a in chunk]


def _in_process(
    articles: Sequence[Article],
    sentences: int,
    actors: ActorBook | None,
    progress: Callable[[int], None] | None,
) -> list[Analysis]:
    out = []
    for article in articles:
        out.append(analyse(article, sentences=sentences, actors=actors))
        if progress:
            progress(1)
    return out


def _in_pool(
    chunks: list[list[Article]],
    results: list[list[Analysis] | None],
    workers: int,
    sentences: int,
    actors: ActorBook | None,
    progress: Callable[[int], None] | None,
) -> None:
    """Fill ``results`` chunk by chunk as the workers finish them."""
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context(),
        initializer=_init,
        initargs=(sentences, actors),
    ) as pool:
        pending: dict[Future[list[Analysis]], int] = {
            pool.submit(_work, chunk): i for i, chunk in enumerate(chunks)
        }
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                index = pending.pop(future)
                chunk = future.result()
                results[index] = chunk
                if progress:
                    progress(len(chunk))
