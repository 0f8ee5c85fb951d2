"""Build the spaCy pipeline once per process, lazily, with no model download.

The default is spaCy's blank English tokenizer alone: rules match word forms (expanded at
compile time, see wordforms.py), so no lemmatizer or trained model is needed, and a fresh
machine with only PyPI can run everything. Sentence boundaries come from one place,
sentences.py, which applies the sentencizer's rule to token arrays. A user who has a
trained English pipeline installed may pass its name or path with `--pipeline`; its own
sentence boundaries (parser or senter) are then used.
"""

from __future__ import annotations

import functools
from typing import Any

from langcheck.errors import PipelineError

BLANK = "blank"


@functools.cache
def load_pipeline(name: str = BLANK) -> Any:
    """Return the spaCy Language for `name` ("blank", an installed package, or a path)."""
    import spacy

    if name == BLANK:
        return spacy.blank("en")
    try:
        nlp = spacy.load(name, exclude=["ner"])
    except (OSError, ValueError, ImportError) as exc:
        raise PipelineError(
            f"pipeline {name!r} could not be loaded ({str(exc).splitlines()[0][:120]}); "
            "install it or give the path to a saved spaCy pipeline, or use --pipeline blank"
        ) from None
    if nlp.lang != "en":
        raise PipelineError(f"pipeline {name!r} is for language {nlp.lang!r}; langcheck needs English")
    return nlp


class TokenizerWarmer:
    """Make spaCy's tokenizer cache work on real case notes.

    spaCy caches how it split each whitespace-separated chunk ("risk.", "(14)"), but within one
    call it stops saving to that cache once the text holds any special case ("she's", "Mr.",
    "a.m."), and almost every paragraph of a case note does. So the same few thousand chunks
    were split again in every paragraph: the affix rules ran once per word of a 1 MB file.
    Tokenising each new chunk on its own saves it to the cache; the paragraph is then tokenised
    as before, by spaCy, and finds every chunk in the cache. The tokens are spaCy's own, so
    nothing can differ; only the repeated work goes.
    """

    LIMIT = 500_000
    """Chunks remembered before starting afresh, so this set stays bounded on a huge audit.

    spaCy's own cache, like its vocab, keeps one entry per distinct chunk: 227 MB peak for a
    50 MB audit (benchmarks/speed.py), well inside the 400 MB budget.
    """

    def __init__(self, tokenizer: Any) -> None:
        self._tokenizer = tokenizer
        self._seen: set[str] = set()

    def warm(self, text: str) -> None:
        """Tokenise, one at a time, the chunks of `text` not seen before."""
        new = set(text.split())
        new -= self._seen
        if not new:
            return
        if len(self._seen) + len(new) > self.LIMIT:
            self._seen.clear()
        tokenizer = self._tokenizer
        for chunk in new:
            tokenizer(chunk)
        self._seen |= new
