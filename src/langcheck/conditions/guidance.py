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
    " women men people"
)
"""Plural nouns that, bare, speak of children or victims in general ("Children who go missing")."""
_GENERIC_SINGULARS = words("child victim girl boy young_person teenager survivor woman man person")
_GENERIC_DETERMINERS = words("a an any every no each")
"""Determiners that make a singular noun generic: "a child cannot consent", "any victim"."""
_SPECIFIC_DETERMINERS = words("the these those this that her his their our my your both several")
_SENTENCE_STARTERS = words(
    """
    inspectors inspection staff professionals practitioners officers police agencies services we it there
    prosecutors judges courts juries forces schools guidance reviews reviewers authorities councils
    in on at when if where although while as because research evidence records reports language
    calling describing using referring labelling avoid do never many most some all few such children
    young victims girls boys survivors teenagers pupils exploited vulnerable missing a an the this
    these those our their one both each every any no other often sometimes too however
    """
)
"""Capitalised words that start guidance sentences and are not names."""
_PREPOSITIONS = words("with to from by at of for about against between among into onto")
_PAST = words("was were had did")
_PRESENT = words("is are can cannot may might must should will does do has")
_REFLEXIVES = words("themselves herself himself themself")
_APPEARS = words("appears appear appeared seems seem seemed")
_DEMONSTRATIVES = words("this these that those our")
_QUANTIFIERS = words("many most some all few such other exploited vulnerable missing abused older younger")
"""Words that may stand before a bare plural and keep it generic ("many exploited children")."""
_BEFORE_PEOPLE = _QUANTIFIERS | _SPECIFIC_DETERMINERS
"""Words that may stand before a person after a preposition ("with the older men")."""

_LABEL_VERBS = words(
    """
    seen described labelled labeled perceived regarded viewed characterised characterized
    portrayed depicted treated considered deemed dismissed branded framed judged referred called
    see describe label perceive regard view treat consider refer
    said thought believed assumed
    """
)
_PLURAL_LABELLED = words("they them girls boys children victims women men people young_people survivors")
"""People labelled as a group: inspection prose reports how a group was seen ("the girls were labelled as")."""
_CRITICISM = words("wrongly mistakenly incorrectly inappropriately unfairly often routinely")
_CRITICISING = _CRITICISM - {"often", "routinely"}
"""The adverbs that criticise a label on their own, right before it ("inappropriately treated as")."""
_ABOUT_BELIEFS = words(
    "myth myths stereotype stereotypes misconception misconceptions victim-blaming blaming assumption assumptions"
)
"""Words that make the sentence about a belief or about victim-blaming itself ("the myth that women cry rape")."""
"""Verbs of labelling: "were seen as", "described X as", "perceived to be"."""
_IMPLY = words("implies imply implied implying")
_MODAL_SUGGEST = (("can", "suggest"), ("may", "suggest"), ("could", "suggest"), ("might", "suggest"))

_ADVICE = words("avoid avoiding avoided criticises criticizes criticised criticized")
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
    ("advises", "against"),
    ("advise", "against"),
    ("warns", "against"),
    ("warn", "against"),
    ("cautions", "against"),
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
    Words that make the children the authors of their own harm ("place themselves at risk",
    "absent themselves") still blame when said of children in general, as a procedure might.
    """
    if any(c.doc[i].lower_ in _REFLEXIVES for i in range(c.start, c.end)):
        return False  # "Children who go missing place themselves at risk": blaming, whoever is meant
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
    if _comments_on_wording(seq, c.words_after(12)):
        return True
    for k in range(len(before) - 1, 0, -1):
        if seq[k] in ("as", "be") and _label_verb_before(seq, k):
            if set(seq[:k]) & _CRITICISM:
                return True  # "professionals often wrongly view exploitative relationships as consensual"
            return _people_generic(c, before[:k]) or _labelled_group(c, before[:k])
    return False


def _comments_on_wording(seq: list[str], after: list[str]) -> bool:
    """Return True if the words around the match comment on a description rather than make it.

    "X implies that ...", "can suggest", "exploited even if the activity appears consensual",
    "was inappropriately treated as absent", "child prostitutes, as they were then called".
    """
    if any(word in _IMPLY for word in seq + after) or _has_phrase(seq, _MODAL_SUGGEST):
        return True
    if _has_phrase(seq, (("even", "if"), ("even", "when"), ("even", "though"))) and set(seq) & _APPEARS:
        return True
    if set(seq[-2:]) & _CRITICISING:
        return True
    return _has_phrase(after[:6], (("as", "they", "were", "then", "called"), ("as", "it", "was", "then", "called")))


def _labelled_group(c: Candidate, before: list[int]) -> bool:
    """Return True if the nearest person labelled is a group or "a/one girl": prose reporting a pattern.

    "The girls were labelled as promiscuous", "referred to them as street wise", "A 14-year-old girl
    was described as ...": a record names the person it labels ("Staff described Jade as ...").
    """
    doc = c.doc
    for k in range(len(before) - 1, -1, -1):
        i = before[k]
        word = doc[i].lower_
        if word in ("people", "person") and i > 0 and doc[i - 1].lower_ == "young":
            word = f"young_{word}"
        if _object(c, i):
            continue
        if word in _PLURAL_LABELLED:
            return not any(_particular(c, j) for j in before[:k])
        if word in _GENERIC_SINGULARS:
            j = i - 1
            while j >= 0 and (doc[j].lower_ in words("- year old young") or doc[j].like_num):
                j -= 1
            return j >= 0 and doc[j].lower_ in ("a", "an", "one")
        if word in _PARTICULAR or _is_name(c, i):
            return False
    return False


def advice_to_avoid(c: Candidate) -> bool:
    """The sentence advises against the words ("Avoid phrases such as ...", "Do not describe a child as ...").

    Training notes, policies and style guides name the wording to avoid; a case record does not.
    """
    seq = [c.doc[i].lower_ for i in _before(c, clause=False)]
    if any(word in _ADVICE or word in _ABOUT_BELIEFS for word in seq) or _has_phrase(seq, _ADVICE_PHRASES):
        return True
    if _has_phrase(seq, (("victim", "blaming"), ("victim", "-", "blaming"))):
        return True  # "Examples of victim blaming include saying that they put themselves at risk"
    if _has_phrase(seq[-8:], (("instead", "of"), ("rather", "than"))) and set(seq[-6:]) & {"or", ","}:
        return True  # "instead of a domestic or a domestic dispute"
    near = [
        word for word in seq[-4:] if word not in _QUOTES
    ]  # "rather than 'absconded'", not "... rather than X because Y"
    return any(tuple(near[-len(p) :]) == p for p in _JUST_BEFORE)


def guidance_prose(c: Candidate) -> bool:
    """Any of the three conditions above: prose about the language, not a record that uses it."""
    return generic_subject(c) or reported_label(c) or advice_to_avoid(c)


_PARTICULAR = words(
    """
    she he her him herself himself suspect suspects offender offenders mother father mum dad
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
        if _object(c, i):
            continue  # "with men at the flat": not who the words describe
        if word in _GENERIC_PLURALS and not _possessive(c, i):
            generic = _bare(c, i) and not _pointed(c, i)
        elif word in _GENERIC_SINGULARS:
            generic = i > 0 and doc[i - 1].lower_ in _GENERIC_DETERMINERS and _generic_frame(c, i)
        elif word in _PARTICULAR or _is_name(c, i) or doc[i].like_num:
            return False
        else:
            continue
        # "Tayo (14), a victim of CCE, is ...": a particular person earlier in the clause decides
        return generic and not any(_particular(c, j) for j in before[:k])
    return False


def _object(c: Candidate, i: int) -> bool:
    """Return True if the person at `i` follows a preposition ("with older men", "to the girls")."""
    j = i - 1
    while j >= 0 and (c.doc[j].lower_ in _BEFORE_PEOPLE or c.doc[j].like_num):
        j -= 1
    if j >= 1 and c.doc[j].lower_ == "to" and c.doc[j - 1].lower_ in ("referred", "refer", "refers", "referring"):
        return False  # "referred to them as": the people labelled
    return j >= 0 and c.doc[j].lower_ in _PREPOSITIONS


def _generic_frame(c: Candidate, i: int) -> bool:
    """Return True if "a child" is generic: "a child who ...", "a child's ...", "a child can/is ...".

    "A woman was groped on the Northern line" is a particular event; "a woman who dresses
    provocatively has contributed" and "a child cannot consent" speak of anyone.
    """
    nxt = [c.doc[j].lower_ for j in range(i + 1, min(len(c.doc), c.start, i + 6))]
    if nxt[:1] in (["who"], ["'s"], ["\u2019s"]):
        return True
    for word in nxt + c.words_after(6):  # "a person deciding to go missing may be ..."
        if word in _PAST:
            return False
        if word in _PRESENT:
            return True
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
    """Return True if any phrase occurs in `seq`, looking only where a phrase's first word is."""
    firsts = {p[0] for p in phrases}
    return any(
        tuple(seq[i : i + len(p)]) == p for i, word in enumerate(seq) if word in firsts for p in phrases if p[0] == word
    )


def _label_verb_before(seq: list[str], k: int) -> bool:
    """Return True if a labelling verb governs the "as" or "to be" at `k` ("seen as", "perceived to be")."""
    if seq[k] == "be" and not (k > 0 and seq[k - 1] == "to"):
        return False
    if seq[k] == "as" and any(seq[j] in ("said", "thought", "believed", "assumed") for j in range(max(0, k - 2), k)):
        return False  # "said as" is not a label; these verbs label only with "to be"
    for j in range(k - 1, max(-1, k - 6), -1):
        if seq[j] in _LABEL_VERBS:
            return True
        if seq[j] in CLAUSE_BREAKS:
            return False
    return False
