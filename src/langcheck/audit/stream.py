"""Check records in batches, in this process or in worker processes, keeping memory flat.

Records are read lazily and sent in batches of BATCH texts; with `--jobs N` up to 4N batches
are in flight at once and results come back in reading order, so the output never depends on
timing and no more than a window of records is ever held. Workers return only what the report
counts (words and compact hits), never the findings' full objects or the text.
"""

from __future__ import annotations

import functools
import re
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

from langcheck.audit.summary import Hit
from langcheck.config import Config
from langcheck.linter import Linter

if TYPE_CHECKING:
    from concurrent.futures import Future

T = TypeVar("T")
BATCH = 64
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")

Checked = tuple[int, tuple[Hit, ...]]
"""A record's word count and its hits."""


def count_words(text: str) -> int:
    """Return the words of a text (runs of letters, with inner apostrophes and hyphens)."""
    return sum(1 for _ in _WORD.finditer(text))


@functools.cache
def _linter(config: Config) -> Linter:
    return Linter(config)


def check_batch(config: Config, min_severity: int, texts: list[str]) -> list[Checked]:
    """Return each text's word count and the hits at or above `min_severity` (run in a worker)."""
    linter = _linter(config)
    out: list[Checked] = []
    for text, findings in zip(texts, linter.check_many(texts), strict=True):
        hits = tuple(
            Hit(
                f.rule_id,
                f.name,
                f.category,
                int(f.severity),
                f.start,
                f.end,
                f.text,
                f.suggestions[0] if f.suggestions else "",
            )
            for f in findings
            if int(f.severity) >= min_severity
        )
        out.append((count_words(text), hits))
    return out


def _batches(records: Iterable[T]) -> Iterator[list[T]]:
    batch: list[T] = []
    for record in records:
        batch.append(record)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def check_records(
    records: Iterable[T],
    config: Config,
    *,
    text: Callable[[T], str],
    min_severity: int = 1,
    workers: int = 1,
) -> Iterator[tuple[T, Checked]]:
    """Yield each record (or item holding one) with its word count and hits, in the order read."""
    if workers <= 1:
        for batch in _batches(records):
            yield from zip(batch, check_batch(config, min_severity, [text(r) for r in batch]), strict=True)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if sys.platform == "linux":
        _linter(config).compiled  # noqa: B018 - compiled once here; forked workers inherit it
        context = multiprocessing.get_context("fork")
    else:
        context = multiprocessing.get_context("spawn")
    pending: deque[tuple[list[T], Future[list[Checked]]]] = deque()
    batches = _batches(records)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        for batch in batches:
            pending.append((batch, pool.submit(check_batch, config, min_severity, [text(r) for r in batch])))
            if len(pending) >= workers * 4:
                break
        while pending:
            batch, future = pending.popleft()
            results = future.result()
            following = next(batches, None)
            if following is not None:
                texts = [text(r) for r in following]
                pending.append((following, pool.submit(check_batch, config, min_severity, texts)))
            yield from zip(batch, results, strict=True)
