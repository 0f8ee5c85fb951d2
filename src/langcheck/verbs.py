"""Read the tense of a flagged verb and put another verb into the same tense.

A replacement must agree with the sentence it lands in: "Jade chose to go missing again" needs
"went missing", "Jade has chosen to go missing" needs "gone missing", and "has been putting
herself at risk" needs "placed at risk" after the "has been" that stays. Notes are written in a
few plain tenses, so a handful of forms and the words just before the verb are enough; no
tagger (and so no spaCy model) is needed.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence

from langcheck.conditions.words import words


class Form(enum.Enum):
    """The form a verb takes in the sentence."""

    BASE = "base"  # "to go", "will go", "they go"
    PRESENT = "present"  # "goes": third person singular
    PAST = "past"  # "went"
    PARTICIPLE = "participle"  # "has gone", "was placed"
    ING = "ing"  # "going"


# base: (past, participle), for the verbs whose forms are not regular.
_IRREGULAR = {
    "be": ("was", "been"),
    "choose": ("chose", "chosen"),
    "cut": ("cut", "cut"),
    "decide": ("decided", "decided"),
    "do": ("did", "done"),
    "get": ("got", "got"),
    "give": ("gave", "given"),
    "go": ("went", "gone"),
    "have": ("had", "had"),
    "hit": ("hit", "hit"),
    "keep": ("kept", "kept"),
    "leave": ("left", "left"),
    "let": ("let", "let"),
    "make": ("made", "made"),
    "put": ("put", "put"),
    "run": ("ran", "run"),
    "set": ("set", "set"),
    "take": ("took", "taken"),
}
_PAST_FORMS = {past for past, _ in _IRREGULAR.values()}
_PARTICIPLES = {part for _, part in _IRREGULAR.values()} - _PAST_FORMS
_SAME_PAST_AND_BASE = {base for base, (past, _) in _IRREGULAR.items() if past == base}
_DOUBLED = words("run put get set cut hit let stop plan drop")
_PERFECT = words("has have had having 's 've 'd")
_BE = words("is are was were am be been being 's 're 'm")
_GET = words("get gets got getting gotten")
_BASE_BEFORE = words("to will would can could may might must should shall do does did")
AUXILIARIES = _PERFECT | _BE | words("will would")
"""Words that may lead a verb group, inside the flagged words or just before them."""
_PRESENT_IRREGULAR = {"be": "is", "have": "has"}


def form_of(verb: str, before: Sequence[str]) -> Form:
    """Return the form of `verb` (lower case), given the words before it, nearest last."""
    prev = before[-1] if before else ""
    pastlike = verb in _PAST_FORMS or verb.endswith("ed")
    checks = (
        (verb.endswith("ing") and len(verb) > 4, Form.ING),
        (verb in _PARTICIPLES or (pastlike and prev in _PERFECT | _BE | _GET), Form.PARTICIPLE),
        (prev in _BASE_BEFORE, Form.BASE),
        (pastlike, Form.PAST),
        (verb.endswith("s") and not verb.endswith("ss"), Form.PRESENT),
        (verb in _SAME_PAST_AND_BASE, Form.PAST),  # "put herself at risk" in a note is nearly always past
    )
    return next((form for test, form in checks if test), Form.BASE)


def inflect(base: str, form: Form) -> str:
    """Return `base` in `form` ("go", PAST: "went")."""
    if form is Form.BASE:
        return base
    if form is Form.PRESENT:
        return _PRESENT_IRREGULAR.get(base) or _suffixed(base, "s")
    if form is Form.ING:
        return _suffixed(base, "ing")
    if base in _IRREGULAR:
        past, participle = _IRREGULAR[base]
        return past if form is Form.PAST else participle
    return _suffixed(base, "ed")


def _suffixed(base: str, suffix: str) -> str:
    """Return a regular -s, -ing or -ed form, with the spelling changes English makes."""
    consonant_y = base.endswith("y") and base[-2:-1] not in ("a", "e", "i", "o", "u")
    if suffix == "s":
        if base.endswith(("s", "sh", "ch", "x", "z", "o")):
            return base + "es"
        return base[:-1] + "ies" if consonant_y else base + "s"
    if base in _DOUBLED:
        return base + base[-1] + suffix
    if suffix == "ed" and consonant_y:
        return base[:-1] + "ied"
    if base.endswith("e") and not (suffix == "ing" and base.endswith(("ee", "ye", "oe"))):
        return base[:-1] + suffix
    return base + suffix


def passive_auxiliary(group: Sequence[str], verb: str, before: Sequence[str], *, plural: bool) -> str:
    """Return the words of "be" that make a passive in the place of an active verb.

    `group` is the auxiliaries that lead the flagged words ("has been"), which the replacement
    takes over; `before` are the words before the flagged words, which stay. "has been
    [putting]" needs nothing more ("has been [placed]"), "is [putting]" needs "being", "[had
    put]" needs "had been", "[put]" on its own needs "was" or "were".
    """
    if group:
        last = group[-1]
        extra = "" if last in ("been", "be") else "being" if last in _BE else "been" if last in _PERFECT else "be"
        return " ".join([*group, extra]).strip()
    form = form_of(verb, before)
    prev = before[-1] if before else ""
    answers = {
        Form.ING: "" if prev == "been" else "being",
        Form.PARTICIPLE: "been" if prev in _PERFECT else "",
        Form.PRESENT: "is",
        Form.BASE: "be" if prev in _BASE_BEFORE else ("are" if plural else "is"),
        Form.PAST: "were" if plural else "was",
    }
    return answers[form]
