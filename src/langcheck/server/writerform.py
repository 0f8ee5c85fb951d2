"""Read the unencoded form body that LibreOffice Writer's built-in LanguageTool client sends.

Writer 7.4 (Debian 12's), like other releases before its client began to percent-encode, posts
each paragraph as `text=<paragraph>&language=<code>` exactly as typed. Read as a form, an `&` in
the note ends the text early, `%41` turns into `A` (so every offset after it is wrong) and
`50%C3` is refused as broken encoding, and Writer then shows nothing. Such a request is
recognisable: a form content type, no User-Agent (Writer's curl sends none; browsers, requests
and curl's command line all do) and a body of exactly those two fields. Its text is taken
literally, between `text=` and the last `&language=`.

Newer Writers encode the text but send the same request, so the body alone decides: a text that
no encoder could have written (a space, a line break, a non-ASCII character, an `&` or `=`, or a
`%` without two hex digits) is raw; anything else is decoded as usual. A one-word paragraph with
a `%` in it, such as `100%41`, is therefore still decoded: it is a figure or a code, not wording
the rules look for.
"""

from __future__ import annotations

import re

FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"

_LANGUAGE = re.compile(r"auto|[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,3}")
"""A language tag as Writer writes it (`en-GB`, `de-DE-1901`), or `auto`."""

_ENCODED = re.compile(r"(?:[A-Za-z0-9*\-._~!'()+,/:;@$?]|%[0-9A-Fa-f]{2})*")
"""What a form encoder may leave in a value: unreserved and harmless characters, and %XX."""


def writer_params(body: str, content_type: str, user_agent: str | None) -> dict[str, str] | None:
    """Return `text` and `language` read literally from Writer's raw body, or None if it is not one.

    `user_agent` is None when the request had no User-Agent header.
    """
    if user_agent is not None or content_type.partition(";")[0].strip().lower() != FORM_CONTENT_TYPE:
        return None
    if not body.startswith("text="):
        return None
    text, found, language = body[len("text=") :].rpartition("&language=")
    if not found or not _LANGUAGE.fullmatch(language) or _ENCODED.fullmatch(text):
        return None
    return {"text": text, "language": language}
