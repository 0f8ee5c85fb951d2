"""Conditions on how the words are said: negated, mentioned as words, or someone else's account.

"She did not consent" records the opposite of "she consented"; "the term 'absconded'" talks
about a word rather than using it; "the suspect said she was flirting" records evidence. In each
case the writer is not describing the child in those words.
"""

from __future__ import annotations

import itertools

from langcheck.conditions.candidate import Candidate
from langcheck.conditions.words import PERPETRATOR_WORDS, words

_NEGATIONS = words("not n't never no nor neither without cannot nothing nobody none")
_NEGATING_PHRASES: tuple[tuple[str, str], ...] = (
    ("rather", "than"),
    ("instead", "of"),
)


def _negates(before: list[str]) -> bool:
    """Return True if the words before a match hold a negation or a negating phrase."""
    if any(w in _NEGATIONS for w in before):
        return True
    pairs = set(itertools.pairwise(before))
    return any(p in pairs for p in _NEGATING_PHRASES)


_SUBORDINATORS = words("as because since if when while until unless though cos")
_SUBJECT_PRONOUNS = words("she he they i we you it")
_FINITE_AUXILIARIES = words(
    "is was are were am has had will would could should can may might must shall does did wo ca"
)
_BARE_VERB_AUXILIARIES = words("do does did can could will would shall should may might must wo ca")
_SIMPLE_PAST = words(
    """
    ate became began bit blew broke came chose drank drove fell flew forgot froze gave grew hid knew
    ran rang rode rose saw shook spoke stole swore took tore threw went woke wore wrote
    """
)
"""Past forms that are never participles: "and went" always starts a new clause."""
_PAST_OR_PARTICIPLE = words(
    """
    agreed bought brought caught disagreed felt fled fought found got held kept led left lent lost
    made meant met paid said sat sent shot slept sold spent stood taught thought told understood won
    """
)
"""Past forms that are also participles ("has not eaten and lost weight" vs "had lost")."""


def _is_past(word: str) -> bool:
    """Return True if `word` is a past form that may share an auxiliary ("lost", "walked")."""
    return word in _PAST_OR_PARTICIPLE or (word.endswith("ed") and not word.endswith("eed") and len(word) > 4)


def _opens_clause(before: list[str], k: int, following: str) -> bool:
    """Return True if `before[k]`, followed by `following`, starts a new clause.

    A subordinator does ("as he is working"; "as" only before a subject, since "seen as" and
    "not as ... as" are not clauses; not straight after a negation, which it then carries:
    "not because she chose to"), and so does "and"/"or" before a finite verb or a subject
    ("and has disengaged", "and she"), as does a comma before a subject ("never listened, she").
    A past form after "and" is finite only when the negation
    before it needs a bare verb: "could not resist her and lost control" is two clauses,
    "was not groomed and exploited" is one.
    """
    word = before[k]
    if word == "," and following in _SUBJECT_PRONOUNS:
        return True  # "she never listened, she deserves it": a new clause after the comma
    if word in _SUBORDINATORS:
        negated_itself = k > 0 and before[k - 1] in _NEGATIONS  # "not because she chose to"
        return not negated_itself and (word != "as" or following in _SUBJECT_PRONOUNS)
    if word not in ("and", "or"):
        return False
    if following in _FINITE_AUXILIARIES or following in _SUBJECT_PRONOUNS:
        return True
    if word == "and" and following in _SIMPLE_PAST:
        return True
    bare_negation = any(a in _BARE_VERB_AUXILIARIES and b in _NEGATIONS for a, b in itertools.pairwise(before[:k]))
    return word == "and" and _is_past(following) and bare_negation


def _clause_before(c: Candidate, limit: int) -> list[str]:
    """Return up to `limit` words before the match, back to the start of its clause."""
    before = c.words_before(limit)
    following = [*before[1:], c.doc[c.start].lower_]
    for k in range(len(before) - 1, -1, -1):
        if _opens_clause(before, k, following[k]):
            return before[k + 1 :]
    return before


def negated(c: Candidate) -> bool:
    """A negation shortly before the match, in the same clause, reverses it ("did not consent").

    The clause ends at a subordinator and at "and"/"or" before a finite verb, so "NRM not
    considered as he is working voluntarily" and "is not engaging and has disengaged" are not
    read as negated: the negation belongs to the other clause. A match that itself starts with
    a subordinator ("as she will not make a complaint") is negated only by a negation right
    before it ("not because of her own actions").
    """
    before = _clause_before(c, 6)
    if c.doc[c.start].lower_ in _SUBORDINATORS:
        return before[-1:] in (["not"], ["n't"], ["never"])  # "not because of her own actions"
    return _negates(before)


_MENTION_CUES = words(
    """
    term terms word words phrase phrases label labels language wording wordings expression
    expressions so-called euphemism euphemisms slang jargon terminology
    """
)
_MENTION_AFTER = (
    ("should", "not", "be", "used"),
    ("should", "never", "be", "used"),
    ("is", "victim", "-", "blaming"),
    ("is", "victim", "blaming"),
    ("was", "corrected"),
    ("has", "been", "corrected"),
    ("was", "changed", "to"),
    ("was", "replaced"),
    ("has", "been", "replaced"),
    ("is", "not", "appropriate"),
    ("is", "inappropriate"),
)
_CLOSING_QUOTES = ("'", '"', "\u2019", "\u201d")


_QUOTE_MARKS = frozenset({"'", '"', "`", "''", "\u2018", "\u2019", "\u201c", "\u201d"})
_MENTION_GAP = words("of like such as e.g. eg including used : - ( [") | _QUOTE_MARKS
"""Words that may stand between a cue and the words it names: "terms such as 'X'", "the word: X"."""
_MENTION_GAP_QUOTED = words("is was were are being called labelled labeled")
"""Allowed between cue and words only when the words are quoted: "the wording used was 'X'"."""
_NOT_A_CUE_AFTER = {"words": frozenset({"other"}), "language": frozenset({"body"})}
"""Set phrases whose cue word names nothing: "in other words", "body language"."""


def mention(c: Candidate) -> bool:
    """The words are named as words ("the term 'absconded'"), not used to describe anyone.

    Training notes and audits quote the language they correct; flagging them would flag the
    correction. The engine applies this condition to every rule. The cue word must name the
    matched words: only connecting words may stand between them, so "In other words she put
    herself at risk", "This term she has been..." and "her body language showed..." are uses.
    """
    before = c.words_before(4, clause=False)
    if _names_the_words(before):
        return True
    if before[-2:] == ["so", "-"] or before[-3:-1] == ["so", "-"]:
        return True
    after = tuple(c.words_after(5))
    return any(after[: len(p)] == p for p in _MENTION_AFTER) or any(
        after[1 : 1 + len(p)] == p and after[0] in _CLOSING_QUOTES for p in _MENTION_AFTER
    )


def _names_the_words(before: list[str]) -> bool:
    """Return True if a mention cue stands before the match with only connecting words between."""
    quoted = bool(before) and before[-1] in _QUOTE_MARKS
    for k in range(len(before) - 1, -1, -1):
        word = before[k]
        if word in _MENTION_CUES:
            return not (k > 0 and before[k - 1] in _NOT_A_CUE_AFTER.get(word, ()))
        if not (word in _MENTION_GAP or (quoted and word in _MENTION_GAP_QUOTED)):
            return False
    return False


_ATTRIBUTION_SUBJECTS = (PERPETRATOR_WORDS - {"men", "males", "adults", "group", "network", "gang"}) | words(
    "defence counsel barrister male"
)
_REPORTING_WORDS = words(
    """
    said says say stated states claims claimed claim told tells alleges alleged maintains
    maintained suggested suggests insists insisted believes believed described describes asserted
    asserts argued argues explained account version interview statement
    """
)
_ACCOUNT_BREAKS = words("; but however whereas although")


def suspect_account(c: Candidate) -> bool:
    """The sentence reports what a suspect or the defence said, not what the writer thinks.

    "The suspect told officers she had been flirting with him", "Defence counsel suggested she
    regretted it": the writer is recording the suspect's account as evidence, not adopting it.
    Holds when a reporting word (said, told, claims, suggested, account...) comes before the
    match in the same clause and a suspect, offender, "he" or the defence is within four words
    before it, when the clause starts "according to the suspect", or when the sentence ends by
    naming the suspect as its source (", the suspect told police").
    """
    before: list[str] = []
    i = c.start - 1
    while i >= c.sent_start and len(before) < 25:
        word = c.doc[i].lower_
        if word in _ACCOUNT_BREAKS:
            break
        before.append(word)
        i -= 1
    before.reverse()
    for j, word in enumerate(before):
        if word in _REPORTING_WORDS and _ATTRIBUTION_SUBJECTS & set(before[max(0, j - 4) : j]):
            return True
        if word == "according" and _ATTRIBUTION_SUBJECTS & set(before[j + 1 : j + 4]):
            return True
    return _attributed_after(c)


def _attributed_after(c: Candidate) -> bool:
    """Return True if the sentence ends by naming a suspect as its source ("..., the suspect told police")."""
    after = c.words_after(30)
    for j, word in enumerate(after):
        if word != ",":
            continue
        tail = after[j + 1 : j + 6]
        speaker = tail[:3]
        if _ATTRIBUTION_SUBJECTS & set(speaker) and _REPORTING_WORDS & set(tail):
            return True
        if tail[:2] == ["according", "to"] and _ATTRIBUTION_SUBJECTS & set(tail[2:5]):
            return True
    return False


_CLAIM_VERBS = words(
    """
    said says claimed claims claim stated states told tells believed believes thought thinks
    maintained maintains insisted insists alleged alleges asserted asserts argued argues suggested
    suggests assumed assumes
    """
)
_CLAIMANTS = words("suspect suspects defendant defendants accused offender perpetrator defence man")


def suspect_claim(c: Candidate) -> bool:
    """The words report what a suspect or the defence claimed or believed.

    "The suspect said she looked 18": the claim is evidence to record, not the writer's own
    description of the child.
    """
    before = c.words_before(15, clause=False)
    return any(w in _CLAIM_VERBS and _CLAIMANTS & set(before[max(0, j - 4) : j]) for j, w in enumerate(before))


_ATTRIBUTING_WORDS = words(
    """
    said says say told tells tell claimed claims claim stated states admitted admits explained
    explains insisted insists maintained maintains described describes accepted accepts denied
    denies according account called calls suggested argued argues asserted asserts
    """
)


def attributed(c: Candidate) -> bool:
    """The words are someone's reported account: a reporting word shortly before, same clause.

    Reporting words are said, told, claimed, described... as, according to, account, from any
    speaker. "A neighbour described him as a family man" and "he told officers he snapped"
    record what was said; the guidance asks writers to attribute such words rather than adopt
    them.
    """
    return any(w in _ATTRIBUTING_WORDS for w in c.words_before(8))
