"""Fill a rule's message, hints and replacements to fit the sentence they will stand in.

Advice is only useful if it fits the writer's sentence: it should use
the same pronoun as the flagged words ("putting himself at risk" -> "is being put at risk by
the adults around him") and a capital letter where the flagged words began the sentence.

Placeholders:
- `{match}`: the flagged words as written;
- `{they}` `{them}` `{their}` `{themselves}`: the pronoun the flagged words use for the person
  (her/him/them), defaulting to they/them;
- `{They}` `{Them}` `{Their}`: the same, capitalised.

The engine passes the person the words describe (see replacements.py), so that "provoked him"
speaks of the woman who is said to have provoked, not of him; without it, the pronouns in the
flagged words are used. Replacements may also use `{passive:...}` and `{tense:...}`, which
replacements.py fills before this module is called.
"""

from __future__ import annotations

import re

_PRONOUNS = {
    "she": ("she", "her", "her", "herself"),
    "he": ("he", "him", "his", "himself"),
    "they": ("they", "them", "their", "themselves"),
}
_CUES = {
    "herself": "she",
    "her": "she",
    "she": "she",
    "hers": "she",
    "himself": "he",
    "him": "he",
    "he": "he",
    "his": "he",
    "themselves": "they",
    "themself": "they",
    "them": "they",
    "their": "they",
    "they": "they",
}
_VERB_RE = re.compile(r"(passive|tense):[a-z]+")
_PLACEHOLDER_RE = re.compile(r"\{(match|they|them|their|themselves|They|Them|Their|Themselves)\}")


def person_of(text: str) -> str:
    """Return she, he or they: the person the words refer to, from their pronouns."""
    for word in re.findall(r"[a-z]+", text.lower()):
        if word in _CUES:
            return _CUES[word]
    return "they"


def render(template: str, match: str, *, capitalise: bool = False, person: str | None = None) -> str:
    """Fill the placeholders in a template for this match (`person`: she, he or they, if known)."""
    who = person if person in _PRONOUNS else person_of(match)
    forms = dict(zip(("they", "them", "their", "themselves"), _PRONOUNS[who], strict=True))

    def fill(m: re.Match[str]) -> str:
        key = m.group(1)
        if key == "match":
            return match
        value = forms[key.lower()]
        return value[:1].upper() + value[1:] if key[0].isupper() else value

    out = _PLACEHOLDER_RE.sub(fill, template)
    if capitalise and out[:1].islower():
        out = out[:1].upper() + out[1:]
    return out


def placeholders(template: str) -> list[str]:
    """Return the names of `{...}` placeholders a template uses that render cannot fill."""
    return [
        p
        for p in re.findall(r"\{([^{}]*)\}", template)
        if not _PLACEHOLDER_RE.fullmatch("{" + p + "}") and not _VERB_RE.fullmatch(p)
    ]
