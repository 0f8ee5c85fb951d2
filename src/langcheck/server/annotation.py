"""Read LanguageTool's `data` parameter (text with markup) and map plain offsets back to it.

Editors that check HTML, Markdown or LaTeX (ltex-ls, the browser add-on in rich editors) send
the document as a list of text and markup pieces. Markup is not checked, but the offsets a client
needs back are positions in the whole document, markup included, so each piece keeps its place
in both. `interpretAs` lets markup stand for text while checking (a `<p>` read as a paragraph
break) so that sentences on either side do not run together.
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass, field
from typing import Any

from langcheck.server.errors import RequestError


@dataclass(frozen=True, slots=True)
class Piece:
    """One element of the annotation: where it sits in the plain text and in the document."""

    plain_start: int
    plain_end: int
    original_start: int
    original_end: int
    is_text: bool


@dataclass(frozen=True, slots=True)
class AnnotatedText:
    """The text to check (`plain`) and the document the client counts in (`original`)."""

    plain: str
    original: str
    pieces: tuple[Piece, ...]
    _spans: tuple[Piece, ...] = field(init=False, repr=False, compare=False)
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _ends: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        spans = tuple(p for p in self.pieces if p.plain_end > p.plain_start)  # markup read as nothing has no span
        object.__setattr__(self, "_spans", spans)
        object.__setattr__(self, "_starts", tuple(p.plain_start for p in spans))
        object.__setattr__(self, "_ends", tuple(p.plain_end for p in spans))

    @classmethod
    def from_text(cls, text: str) -> AnnotatedText:
        """Return plain text with no markup: both coordinates are the same."""
        return cls(text, text, (Piece(0, len(text), 0, len(text), True),))

    @property
    def has_markup(self) -> bool:
        """Return True if offsets need mapping from the plain text to the document."""
        return any(not p.is_text for p in self.pieces)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the plain text to the document (code points).

        Text maps one to one; an edge that falls inside a markup's `interpretAs` widens to the
        whole markup, so the client underlines (or replaces) the tag rather than half of it.
        """
        if not self.has_markup:
            return start, end
        return self._map(start, at_start=True), self._map(end, at_start=False)

    def _map(self, offset: int, *, at_start: bool) -> int:
        if not self._spans:
            return len(self.original) if offset > 0 else 0
        i = bisect.bisect_right(self._starts, offset) - 1 if at_start else bisect.bisect_left(self._ends, offset)
        piece = self._spans[min(max(i, 0), len(self._spans) - 1)]
        if piece.is_text:
            return min(piece.original_start + (offset - piece.plain_start), piece.original_end)
        return piece.original_start if at_start else piece.original_end


def parse_data(data: str) -> AnnotatedText:
    """Read the `data` parameter: `{"text": ...}` or `{"annotation": [{"text"}|{"markup", "interpretAs"}]}`."""
    try:
        value = json.loads(data)
    except RecursionError:  # json's parser recurses once per level of nesting
        raise RequestError(400, "'data' is nested too deeply; send a flat 'annotation' list") from None
    except ValueError as exc:
        detail = exc.msg if isinstance(exc, json.JSONDecodeError) else "not JSON"
        raise RequestError(400, f"'data' is not valid JSON ({detail}); send an object with 'annotation'") from None
    if not isinstance(value, dict):
        raise RequestError(400, "'data' must be a JSON object with an 'annotation' list")
    if "text" in value and "annotation" in value:
        raise RequestError(400, "'data' has both 'text' and 'annotation'; send one of them")
    if "text" in value:
        if not isinstance(value["text"], str):
            raise RequestError(400, "'data.text' must be a string")
        return AnnotatedText.from_text(value["text"])
    elements = value.get("annotation")
    if not isinstance(elements, list):
        raise RequestError(400, "'data' needs an 'annotation' list (or 'text')")
    return _build([_element(i, e) for i, e in enumerate(elements)])


def _element(index: int, element: Any) -> tuple[str, str, bool]:
    """Return (text in the document, text to check, whether the element is text)."""
    where = f"'data.annotation[{index}]'"
    if not isinstance(element, dict):
        raise RequestError(400, f"{where} must be an object with 'text' or 'markup'")
    if "text" in element and "markup" in element:
        raise RequestError(400, f"{where} has both 'text' and 'markup'; an element is one or the other")
    if "text" in element:
        if "interpretAs" in element:
            raise RequestError(400, f"{where} has 'interpretAs' without 'markup'")
        if not isinstance(element["text"], str):
            raise RequestError(400, f"{where}.text must be a string")
        return element["text"], element["text"], True
    if "markup" not in element:
        raise RequestError(400, f"{where} needs 'text' or 'markup'")
    markup, interpret = element["markup"], element.get("interpretAs", "")
    if not isinstance(markup, str) or not isinstance(interpret, str):
        raise RequestError(400, f"{where}: 'markup' and 'interpretAs' must be strings")
    return markup, interpret, False


def _build(elements: list[tuple[str, str, bool]]) -> AnnotatedText:
    plain: list[str] = []
    original: list[str] = []
    pieces: list[Piece] = []
    p = o = 0
    for document_text, checked, is_text in elements:
        pieces.append(Piece(p, p + len(checked), o, o + len(document_text), is_text))
        plain.append(checked)
        original.append(document_text)
        p += len(checked)
        o += len(document_text)
    return AnnotatedText("".join(plain), "".join(original), tuple(pieces))
