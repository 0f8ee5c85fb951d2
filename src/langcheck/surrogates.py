"""Replace lone surrogates, which Python strings can hold but no encoding can write.

A string from a PDF's text layer, a JSON request ("\\ud800") or a caller of the library can hold
half of a UTF-16 pair. spaCy hashes every word as UTF-8 and fails on one, and so would any
output stream. Each is replaced by U+FFFD, one character for one, so every offset still holds.
"""

from __future__ import annotations

import re

_LONE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def without_surrogates(text: str) -> str:
    """Return the text with each lone surrogate replaced by U+FFFD (the same length)."""
    return _LONE.sub(REPLACEMENT, text) if _LONE.search(text) else text
