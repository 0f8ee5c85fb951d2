"""Expand a base word into its inflected forms, without importing spaCy.

Rules name words by their base form (`{put}`, `LEMMA: choose`). Rather than lemmatising every
token of every note at run time, with a context-free lookup table that is case-sensitive and
has wrong entries (`putting -> putt`, `as -> a`), langcheck expands each base form into its
surface forms once, when the rule set compiles, and matches them case-insensitively. That keeps
matching exact and cheap, and lets the trigger scan decide without spaCy whether a text can
match at all.

The forms come from spaCy's English lookup table (spacy-lookups-data, WordNet licence) read in
reverse, corrected by the overrides below, and filled in by regular English inflection for
words the table does not know.
"""

from __future__ import annotations

import functools
import gzip
import json
from collections import defaultdict
from importlib import resources

# Corrections to the reversed table: forms it misses or files under the wrong base word.
_EXTRA_FORMS: dict[str, tuple[str, ...]] = {
    "put": ("putting",),
    "set": ("setting",),
    "cut": ("cutting",),
    "let": ("let",),
    "get": ("got", "gotten"),
    "lead": ("led",),
}

# Forms that the table files under a base word but which are not inflections of it in the
# sense a rule means (abbreviations, archaic spellings, different words).
_BAD_FORMS = frozenset({"gorn", "staid", "staves", "wrought", "oughter", "ai", "d", "ve", "arst", "wass", "m"})


@functools.cache
def _reverse_table() -> dict[str, frozenset[str]]:
    """Map each base word to the forms the lookup table files under it."""
    data = resources.files("spacy_lookups_data") / "data" / "en_lemma_lookup.json.gz"
    table: dict[str, str] = json.loads(gzip.decompress(data.read_bytes()))
    reverse: dict[str, set[str]] = defaultdict(set)
    for form, lemma in table.items():
        form_l, lemma_l = form.lower(), lemma.lower()
        if form_l == form and lemma_l == lemma and "'" not in form and form not in _BAD_FORMS:
            reverse[lemma_l].add(form_l)
    return {lemma: frozenset(forms) for lemma, forms in reverse.items()}


def _regular_forms(word: str) -> set[str]:
    """Return the regular -s, -ed and -ing forms of an English word."""
    vowels = "aeiou"
    forms = set()
    if word.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(word + "es")
    elif word.endswith("y") and len(word) > 1 and word[-2] not in vowels:
        forms.add(word[:-1] + "ies")
    else:
        forms.add(word + "s")
    if word.endswith("e"):
        forms.update({word + "d", word[:-1] + "ing"})
    elif word.endswith("y") and len(word) > 1 and word[-2] not in vowels:
        forms.update({word[:-1] + "ied", word + "ing"})
    elif (
        len(word) >= 3
        and word[-1] not in vowels + "wxy"
        and word[-2] in vowels
        and word[-3] not in vowels
        and len(word) <= 4
    ):
        forms.update({word + word[-1] + "ed", word + word[-1] + "ing"})
    else:
        forms.update({word + "ed", word + "ing"})
    return forms


@functools.cache
def forms_of(base: str) -> frozenset[str]:
    """Return every lower-case surface form of `base`, including `base` itself.

    Multi-word or hyphenated input is returned unchanged: only single words inflect.
    """
    word = base.lower()
    if not word.isalpha():
        return frozenset({word})
    known = _reverse_table().get(word, frozenset())
    forms = {word, *known, *_EXTRA_FORMS.get(word, ())}
    if not known:
        forms |= _regular_forms(word)
    return frozenset(forms)
