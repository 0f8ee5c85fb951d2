"""Conditions that recognise prose about victim-blaming language rather than a record that uses it.

Inspection reports, case reviews, training material and policy all discuss the wording that
langcheck flags: "Inspectors found that staff described exploited children as making lifestyle
choices", "Calling a child a 'prostitute' implies that she consented to her abuse", "Avoid
phrases such as putting herself at risk". Flagging those sentences would flag the correction, and
a tool that cries wolf on its own guidance gets switched off.

Each condition is narrow on purpose. A record is about particular people, so every condition
stays silent when the words are about a named or particular person: "Staff described Jade as
streetwise" and "Police described the 15-year-old as a prostitute" are records, and are flagged.
The engine applies these conditions to every rule, like `mention`.
"""

from __future__ import annotations

from langcheck.conditions.candidate import CLAUSE_BREAKS, Candidate
from langcheck.conditions.words import words

_GENERIC_PLURALS = words(
    "children girls boys victims survivors teenagers adolescents minors pupils youngsters young_people cyp yps"
)
"""Plural nouns that, bare, speak of children or victims in general ("Children who go missing")."""
_GENERIC_SINGULARS = words("child victim girl boy young_person teenager survivor")
_GENERIC_DETERMINERS = words("a an any every no each")
"""Determiners that make a singular noun generic: "a child cannot consent", "any victim"."""
_SPECIFIC_DETERMINERS = words("the these those this that her his their our my your both several")
_SENTENCE_STARTERS = words(
    """
    inspectors inspection staff professionals practitioners officers police agencies services we it there
    in on at when if where although while as because research evidence records reports language
    calling describing using referring labelling avoid do never many most some all few such children
    young victims girls boys survivors teenagers pupils exploited vulnerable missing a an the this
    these those our their one both each every any no other often sometimes too however
    """
)
"""Capitalised words that start guidance sentences and are not names."""
_DEMONSTRATIVES = words("this these that those our")
_QUANTIFIERS = words("many most some all few such other exploited vulnerable missing abused older younger")
"""Words that may stand before a bare plural and keep it generic ("many exploited children")."""

_LABEL_VERBS = words(
    """
    seen described labelled labeled perceived regarded viewed characterised characterized
    portrayed depicted treated considered deemed dismissed branded framed judged
    """
)
"""Verbs of labelling: "were seen as", "described X as", "perceived to be"."""
_IMPLY = words("implies imply implied implying")
_MODAL_SUGGEST = (("can", "suggest"), ("may", "suggest"), ("could", "suggest"), ("might", "suggest"))

_ADVICE = words("avoid avoiding avoided")
_ADVICE_PHRASES = (
    ("do", "not", "use"),
    ("do", "not", "say"),
    ("do", "not", "describe"),
    ("do", "not", "call"),
    ("do", "not", "refer"),
    ("do", "not", "write"),
    ("do", "not", "record"),
    ("should", "not", "be", "described"),
    ("should", "not", "be", "called"),
    ("should", "not", "be", "referred"),
    ("should", "never", "be", "described"),
    ("should", "never", "be", "called"),
    ("never", "describe"),
    ("never", "call"),
    ("never", "refer"),
    ("never", "say"),
    ("stop", "using"),
)
_JUST_BEFORE = (
    ("instead", "of"),
    ("rather", "than"),
    ("such", "as"),
    ("phrases", "like"),
    ("terms", "like"),
    ("words", "like"),
    ("language", "like"),
    ("examples", "include"),
)
"""Cues that name the words only when they stand right before them ("such as putting herself at risk")."""
_QUOTES = frozenset({"'", '"', "\u2018", "\u2019", "\u201c", "\u201d", "`"})


def generic_subject(c: Candidate) -> bool:
    """The words are about children or victims in general, not about a particular person.

    Guidance and inspection prose speaks of "children who go missing", "young people", "a child"
    or "victims" to say what is true of many; a record names the person it is about ("Jade",
    "the 14-year-old", "the children at the address"). Holds when the nearest person before the
    match in its clause is a bare plural (children, young people, victims, girls) or a singular
    made generic by "a", "any", "every" or "no" ("a child's capacity to consent in law").
    """
    return _people_generic(c, _before(c, clause=True))


def reported_label(c: Candidate) -> bool:
    """The sentence reports how children or victims in general were labelled, or what a word implies.

    "Exploited children were seen as making lifestyle choices", "Staff often described victims
    as promiscuous", "Calling a child a prostitute implies that she consented": the writer
    reports or criticises the label, not applies it. A named or particular person keeps the
    finding ("Staff described Jade as streetwise" is a record).
    """
    before = _before(c, clause=False)
    seq = [c.doc[i].lower_ for i in before]
    if any(word in _IMPLY for word in seq) or _has_phrase(seq, _MODAL_SUGGEST):
        return True
    for k in range(len(before) - 1, 0, -1):
        if seq[k] in ("as", "be") and _label_verb_before(seq, k):
            return _people_generic(c, before[:k])
    return False


def advice_to_avoid(c: Candidate) -> bool:
    """The sentence advises against the words ("Avoid phrases such as ...", "Do not describe a child as ...").

    Training notes, policies and style guides name the wording to avoid; a case record does not.
    """
    seq = [c.doc[i].lower_ for i in _before(c, clause=False)]
    if any(word in _ADVICE for word in seq) or _has_phrase(seq, _ADVICE_PHRASES):
        return True
    near = [
        word for word in seq[-4:] if word not in _QUOTES
    ]  # "rather than 'absconded'", not "... rather than X because Y"
    return any(tuple(near[-len(p) :]) == p for p in _JUST_BEFORE)


def guidance_prose(c: Candidate) -> bool:
    """Any of the three conditions above: prose about the language, not a record that uses it."""
    return generic_subject(c) or reported_label(c) or advice_to_avoid(c)


_PARTICULAR = words(
    """
    she he they her him them herself himself themselves i we you suspect suspects offender
    offenders mother father mum dad
    """
)
"""People who make the sentence about particular people: a pronoun or a named role stops the search."""


def _before(c: Candidate, *, clause: bool) -> list[int]:
    """Return the token indices of the sentence before the match, in order (within its clause)."""
    out: list[int] = []
    i = c.start - 1
    while i >= c.sent_start:
        if clause and c.doc[i].lower_ in CLAUSE_BREAKS:
            break
        out.append(i)
        i -= 1
    out.reverse()
    return out


def _people_generic(c: Candidate, before: list[int]) -> bool:
    """Return True if the nearest person in `before` is children or victims in general."""
    doc = c.doc
    for k in range(len(before) - 1, -1, -1):
        i = before[k]
        word = doc[i].lower_
        if word in ("people", "person") and i > 0 and doc[i - 1].lower_ == "young":
            word, i = f"young_{word}", i - 1
        if word in _GENERIC_PLURALS and not _possessive(c, i):
            generic = _bare(c, i) and not _pointed(c, i)
        elif word in _GENERIC_SINGULARS:
            generic = i > 0 and doc[i - 1].lower_ in _GENERIC_DETERMINERS
        elif word in _PARTICULAR or _is_name(c, i) or doc[i].like_num:
            return False
        else:
            continue
        # "Tayo (14), a victim of CCE, is ...": a particular person earlier in the clause decides
        return generic and not any(_particular(c, j) for j in before[:k])
    return False


def _particular(c: Candidate, i: int) -> bool:
    word = c.doc[i].lower_
    return word in _PARTICULAR or _is_name(c, i) or c.doc[i].like_num


def _possessive(c: Candidate, i: int) -> bool:
    """Return True for "children's" in "the children's home": a modifier, not a person."""
    return i + 1 < len(c.doc) and c.doc[i + 1].lower_ in ("'s", "\u2019s", "'", "\u2019")


def _pointed(c: Candidate, i: int) -> bool:
    """Return True if a demonstrative just after the plural points to particular ones ("children from this home")."""
    return any(c.doc[j].lower_ in _DEMONSTRATIVES for j in range(i + 1, min(len(c.doc), i + 5)))


def _bare(c: Candidate, i: int) -> bool:
    """Return True if the plural at token `i` has no determiner that points to particular people."""
    j = i - 1
    while j >= 0 and c.doc[j].lower_ in _QUANTIFIERS:
        j -= 1
    if j < 0:
        return True
    word = c.doc[j].lower_
    if word == "of":  # "some of the children", "two of the girls"
        return False
    return not (word in _SPECIFIC_DETERMINERS or c.doc[j].like_num)


def _is_name(c: Candidate, i: int) -> bool:
    """Return True if token `i` is capitalised as a name is (at a sentence's start, if not a common word)."""
    text = c.doc[i].text
    if not (text[:1].isupper() and text.isalpha() and not text.isupper()):
        return False
    initial = i <= c.sent_start or c.doc[i - 1].text in (".", ":", "!", "?")
    return not initial or text.lower() not in _SENTENCE_STARTERS


def _has_phrase(seq: list[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    return any(tuple(seq[i : i + len(p)]) == p for i in range(len(seq)) for p in phrases)


def _label_verb_before(seq: list[str], k: int) -> bool:
    """Return True if a labelling verb governs the "as" or "to be" at `k` ("seen as", "perceived to be")."""
    if seq[k] == "be" and not (k > 0 and seq[k - 1] == "to"):
        return False
    for j in range(k - 1, max(-1, k - 6), -1):
        if seq[j] in _LABEL_VERBS:
            return True
        if seq[j] in CLAUSE_BREAKS:
            return False
    return False
