"""Build the spaCy pipeline once per process, lazily, with no model download.

The default is spaCy's blank English tokenizer alone: rules match word forms (expanded at
compile time, see wordforms.py), so no lemmatizer or trained model is needed, and a fresh
machine with only PyPI can run everything. Sentence boundaries come from the engine, which
applies the sentencizer's rule to token arrays (engine._sentence_bounds). A user who has a
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
