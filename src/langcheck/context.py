"""Read the parts of a text that change what a phrase means, once per text.

A phrase blames a victim only in some settings: not when the writer is recording someone's
words in quotation marks, not when the text is about an adult and the rule is about children.
This module finds those settings with plain regular expressions over the raw text (no spaCy
needed), so that every condition in the `conditions` package is a cheap range lookup.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import re
from dataclasses import dataclass
from enum import Enum

ADULT_AGE = 18

# Ages written the ways case notes write them: "aged 14", "(14)", "14-year-old", "14yo", "age: 14".
_AGE_PATTERNS = (
    re.compile(r"\b(?=[aA])age[ds]?\s*:?\s*(\d{1,2})\b(?:\s*(?:and|&|or|-|to)\s*(\d{1,2})\b)?", re.I),
    re.compile(r"\((\d{1,2})\s*(?:yrs?|years?|y/?o)?\)", re.I),
    re.compile(r"\b(?=\d)(\d{1,2})\s*-?\s*(?:years?|yrs?)\s*-?\s*olds?\b", re.I),
    re.compile(r"\b(?=\d)(\d{1,2})\s?(?:yo|y/o|yrs)\b", re.I),
    re.compile(r"\b(?=[abAB])(?:also|both)\s+(\d{1,2})\b", re.I),
    re.compile(r"\b(?=[iI])(?:in\s+(?:his|her|their)\s+)(teens|twenties|thirties|forties|fifties|sixties)\b", re.I),
    re.compile(r"\b(?=[ubUB])(?:under|below)[ -](1[0-8])s?\b", re.I),
    # "Tyler, 15, was seen" / "The victim, 26, said": an age set off by commas after a name or noun.
    re.compile(
        r"\b(?=[A-Zbgvcsmwfp])(?:[A-Z][A-Za-z'-]+|boy|girl|victim|child|suspect|man|woman|male|female|partner),\s+(\d{1,2})"
        r"(?=\s*[,;.:)]|\s*$)"
    ),
    # "she is 14", "who was 13", "Holly is only 12": an age stated in a clause (not "is 15 minutes").
    re.compile(
        r"\b(?=[A-Za-z]+\s+(?:is|was|'s|are|were|turned|turns)\s+(?:now\s+|then\s+|only\s+|just\s+)?\d)"
        r"(?:she|he|they|who|[A-Z][a-z]+)\s+(?:is|was|'s|are|were|turned|turns)\s+(?:now\s+|then\s+|only\s+|just\s+)?"
        r"(\d{1,2})\b(?!\s*(?:%|:|\.\d|am\b|pm\b|min|mins|minutes|hours?|hrs?|times|miles?|km|days?|weeks?|months?"
        r"|years? (?:ago|later|before|after)|th\b|st\b|nd\b|rd\b|stone|kg|lbs?|cm|feet|ft|inches|metres?))",
        re.I,
    ),
    re.compile(r"\b(?=[aA])age of (\d{1,2})\b", re.I),
    # "At 14, Femi..." / "at 16 he is...": an age heading a clause (not a clock time, which has
    # minutes or am/pm, and not an hour under 5).
    re.compile(r"\b[Aa]t (1[0-7]|[5-9])(?:,? (?:she|he|they)\b|, [A-Z][a-z]+\b)"),
)
_DECADE_AGES = {"teens": 15, "twenties": 25, "thirties": 35, "forties": 45, "fifties": 55, "sixties": 65}

_DOB_RE = re.compile(
    r"\b(?=[dD])(?:DOB|D\.O\.B\.?|date of birth)\s*:?\s*"
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-]|\d{1,2}\s+[A-Za-z]+\s+)(\d{4}|\d{2})\b",
    re.I,
)
_CHILD_WORD_RE = re.compile(
    r"\b(?=[bcfghijklmprstuyBCFGHIJKLMPRSTUY])(?:child|children|child's|children's|girls?|boys?|schoolgirls?|schoolboys?|"
    r"teenagers?|teens?|juveniles?|kids?|pupils?|babies|baby|toddlers?|infants?|"
    r"young (?:person|people)|YPs?|CYP|"
    r"looked[- ]after|in care|care leaver|children's home|"
    # "foster" in lower case, or "Foster carers": not the surname ("Kane Foster, 29")
    r"(?-i:foster(?:ed|ing)?|Foster(?= (?:care|carers?|placement|home|parents?|family|mum|dad|mother|father)\b))|"
    r"residential (?:home|unit|placement|care)|respite (?:unit|care|centre)|LAC|"
    r"CSE|CCE|CME|CSA|exploited child|"
    r"(?:secondary|primary|high) school|sixth form|school(?! (?:nurse|report|staff|safeguarding lead))|"
    r"GCSEs?|Year (?:[1-9]|1[0-3])\b|"
    r"under[- ]?(?:1[0-8])s?)\b",
    re.I,
)


class Marker(Enum):
    """What a piece of text says about the age of the people it describes."""

    CHILD = "child"
    ADULT = "adult"


@dataclass(frozen=True, slots=True)
class AgeMark:
    """A place in the text that shows a child or an adult (an age, a DOB, a child word)."""

    start: int
    end: int
    marker: Marker
    age: int | None = None


class TextContext:
    """The context marks of one text, each worked out on first use and then kept.

    Not a frozen dataclass, unlike the other values: its parts are computed lazily, because
    most texts with a candidate match never need the age scan (the costliest part).
    """

    def __init__(self, text: str, *, today: datetime.date | None = None) -> None:
        self.text = text
        self._today = today

    @property
    def today(self) -> datetime.date | None:
        """The date ages are worked out against (None: the real today)."""
        return self._today

    @functools.cached_property
    def quotes(self) -> tuple[tuple[int, int], ...]:
        return tuple(find_quotes(self.text))

    @functools.cached_property
    def paragraphs(self) -> tuple[tuple[int, int], ...]:
        return tuple(find_paragraphs(self.text))

    @functools.cached_property
    def marks(self) -> tuple[AgeMark, ...]:
        return tuple(find_age_marks(self.text, today=self._today))

    @functools.cached_property
    def _mark_starts(self) -> list[int]:
        return [m.start for m in self.marks]

    def in_quotes(self, start: int, end: int) -> bool:
        """Return True if [start, end) lies inside one quoted stretch."""
        i = bisect.bisect_right(self.quotes, (start, len(self.text) + 1)) - 1
        return i >= 0 and self.quotes[i][0] <= start and end <= self.quotes[i][1]

    def paragraph_of(self, offset: int) -> tuple[int, int]:
        """Return the (start, end) of the paragraph holding `offset`."""
        i = bisect.bisect_right(self.paragraphs, (offset, len(self.text) + 1)) - 1
        return self.paragraphs[max(i, 0)] if self.paragraphs else (0, len(self.text))

    def marks_in(self, start: int, end: int) -> list[AgeMark]:
        """Return the age marks that start inside [start, end)."""
        lo = bisect.bisect_left(self._mark_starts, start)
        hi = bisect.bisect_left(self._mark_starts, end)
        return list(self.marks[lo:hi])

    def shows_child(self, start: int, end: int) -> bool:
        """Return True if [start, end) holds any sign that a child is involved."""
        return any(m.marker is Marker.CHILD for m in self.marks_in(start, end))


def analyse(text: str, *, today: datetime.date | None = None) -> TextContext:
    """Return the context of a text; its parts are computed when first asked for."""
    return TextContext(text, today=today)


def find_paragraphs(text: str) -> list[tuple[int, int]]:
    """Split the text at blank lines; each paragraph is a (start, end) range."""
    out = []
    start = 0
    for m in re.finditer(r"\n[ \t]*\n\s*", text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


_DOUBLE_OPEN = {"\u201c": "\u201d", "\u201e": "\u201d", "\u00ab": "\u00bb"}
_MAX_QUOTE = 600


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Return the character ranges inside quotation marks, quotes included.

    Straight and curly double quotes pair up within a paragraph. A single quote opens only
    after a space or bracket and before a letter, and closes only after a non-space and before
    a non-letter, so apostrophes (don't, child's, girls' home) are never taken for quotes.
    A quote that is never closed is ignored rather than swallowing the rest of the note.
    """
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        close: str | None = None
        if ch == '"':
            close = '"'
        elif ch in _DOUBLE_OPEN:
            close = _DOUBLE_OPEN[ch]
        elif ch in "'\u2018" and _opens_single(text, i):
            close = ch if ch == "'" else "\u2019"
        if close is None:
            i += 1
            continue
        end = _find_close(text, i + 1, close, single=close in "'\u2019")
        if end is None:
            i += 1
            continue
        spans.append((i, end + 1))
        i = end + 1
    return spans


def _opens_single(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in '([{-\u2014:;,/"\u201c') and (after.isalnum() or after in "[(")


def _find_close(text: str, start: int, close: str, *, single: bool) -> int | None:
    limit = min(len(text), start + _MAX_QUOTE)
    j = start
    while j < limit:
        ch = text[j]
        if ch in "\r\n" and _blank_line_at(text, j):
            return None
        if ch == close or (single and ch == "'" and close == "\u2019"):
            if not single:
                return j
            after = text[j + 1] if j + 1 < len(text) else " "
            before = text[j - 1]
            if not after.isalnum() and not before.isspace():
                return j
        j += 1
    return None


_BLANK_LINE_RE = re.compile(r"(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r|\n)")


def _blank_line_at(text: str, j: int) -> bool:
    """Return True if a blank line starts at `j` ("\n\n", "\r\n\r\n", or a line of spaces), as paragraphs split."""
    return _BLANK_LINE_RE.match(text, j) is not None


def _is_child_word(word: str) -> bool:
    """Return False for the acronyms YP/CYP written in lower case ("yp" is not a child word)."""
    return word in ("YP", "YPs", "CYP") or word.lower() not in ("yp", "yps", "cyp")


def find_age_marks(text: str, *, today: datetime.date | None = None) -> list[AgeMark]:
    """Return every age, date of birth and child word in the text, in order."""
    marks: list[AgeMark] = []
    for pattern in _AGE_PATTERNS:
        for m in pattern.finditer(text):
            for group in m.groups():
                if group is None:
                    continue
                age = _DECADE_AGES.get(group.lower()) if not group.isdigit() else int(group)
                if age is None:
                    continue
                if "(?:under|below)" in pattern.pattern:  # "under-18s" is at most 17
                    age = min(age, ADULT_AGE - 1)
                marker = Marker.CHILD if age < ADULT_AGE else Marker.ADULT
                marks.append(AgeMark(m.start(), m.end(), marker, age))
    year = (today or datetime.date.today()).year
    for m in _DOB_RE.finditer(text):
        born = int(m.group(1))
        if born < 100:
            born += 2000 if born <= year % 100 else 1900
        age = year - born
        marks.append(AgeMark(m.start(), m.end(), Marker.CHILD if age < ADULT_AGE else Marker.ADULT, age))
    for m in _CHILD_WORD_RE.finditer(text):
        if _is_child_word(m.group(0)):
            marks.append(AgeMark(m.start(), m.end(), Marker.CHILD))
    marks.sort(key=lambda mark: (mark.start, mark.end))
    return marks
