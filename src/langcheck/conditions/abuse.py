"""Conditions on whether the note names the abuse, violence or exploitation around the match.

Many words minimise only when they stand in for abuse: "argument" for an assault, "works
willingly" for a child working for a drugs line. Others are fine when the writer names the act
for what it is ("recorded as sexual assault") or quotes an offence title. These conditions read
the sentence or paragraph for that setting.
"""

from __future__ import annotations

import itertools

from langcheck.conditions.candidate import Candidate
from langcheck.conditions.words import SEXUAL_WORDS, prefixes, words

_OFFENCE_CUES = (
    ("charged", "with"),
    ("convicted", "of"),
    ("suspicion", "of"),
    ("offence", "of"),
    ("offences", "of"),
    ("arrested", "for"),
    ("guilty", "of"),
    ("count", "of"),
    ("counts", "of"),
    ("cautioned", "for"),
    ("investigated", "for"),
    ("offence", ":"),
    ("recorded", ":"),
    ("crime", "recorded"),
    ("inciting", "a"),
)


def offence_title(c: Candidate) -> bool:
    """The words are part of a statutory offence title or charge wording.

    "Charged with sexual activity with a child contrary to s.9" names an offence; the law's own
    wording is not the writer's description of the child.
    """
    before = c.words_before(10, clause=False)
    pairs = set(itertools.pairwise(before))
    if any(p in pairs for p in _OFFENCE_CUES):
        return True
    after = c.words_after(8)
    return "contrary" in after or any(w.startswith(("s.", "section")) for w in after)


_REFRAME_CUES = (
    ("this", "is"),
    ("this", "was"),
    ("which", "is"),
    ("recorded", "as"),
    ("treated", "as"),
    ("assessed", "as"),
    ("consistent", "with"),
    ("amounts", "to"),
    ("constitutes",),
)
_ABUSE_WORDS = words(
    """
    exploitation exploited abuse abused rape raped assault assaulted grooming groomed cse csa
    coercion coerced trafficking trafficked
    """
)


def abuse_named(c: Candidate) -> bool:
    """Later in the same sentence the writer names the act as abuse.

    "...; this is sexual exploitation by the man", "recorded as sexual assault", "consistent
    with grooming": the words are quoted to be corrected, so the record is accurate.
    """
    after = c.words_after(30)
    for i in range(len(after)):
        for cue in _REFRAME_CUES:
            n = len(cue)
            if tuple(after[i : i + n]) == cue and _ABUSE_WORDS & set(after[i + n : i + n + 4]):
                return True
    return False


def non_sexual(c: Candidate) -> bool:
    """Nothing in the sentence is sexual (sex, sexual, touch, kiss, nudes, images...).

    An exchange such as "cannabis in return for carrying a package" is about something else
    than sex in exchange for gifts.
    """
    return not {t.lower_ for t in c.doc[c.sent_start : c.sent_end]} & SEXUAL_WORDS


_ABUSE_CONTEXT_PREFIXES = prefixes(
    """
    assault attack abus violen strangl throttl punch slap headbutt shov injur bruis fractur bleed
    wound murder kill threat rape suspect perpetrator offender victim arrest domestic coerci
    """
)
_ABUSE_CONTEXT_WORDS = words(
    """
    stab stabbed stabbing choke choked chokes choking kick kicked kicking kicks hit hits hitting
    struck beat beaten beating pushed pushing grabbed bit bitten threw thrown smashed cut cuts
    broken blood bloody hospital a&e scratch scratches scratched swelling homicide manslaughter dead
    death gbh abh knife weapon charged controlling dash marac idva dvpn dvpo swollen concussion
    unconscious burns scalded scalding
    """
)
_CONTEXT_NEGATIONS = words("no not n't without nil never none")


def no_abuse_context(c: Candidate) -> bool:
    """Nothing in the paragraph points to abuse or violence (assault, bruising, MARAC...).

    For words that minimise only when they stand for abuse ("argument", "tiff", "both
    parties", "witnessed", "tragedy", "family man"): "Neighbours had a dispute about parking"
    is not a crime recast as a squabble. A cue just after a negation ("no violence or
    threats", "no concerns of abuse") does not count.
    """
    ps, pe = c.context.paragraph_of(c.char_start)
    doc = c.doc
    for tok in doc:
        if tok.idx < ps:
            continue
        if tok.idx >= pe:
            break
        word = tok.lower_
        black_eye = word == "eye" and tok.i > 0 and doc[tok.i - 1].lower_ == "black"
        if black_eye or word in _ABUSE_CONTEXT_WORDS or word.startswith(_ABUSE_CONTEXT_PREFIXES):
            before = {doc[k].lower_ for k in range(max(0, tok.i - 3), tok.i)}
            if not before & _CONTEXT_NEGATIONS:
                return False
    return True


_ABUSE_NOUNS_AFTER = words(
    """
    abuse abuses abused csa cse exploitation offence offences offending rape rapes allegation
    allegations assault assaults disclosure disclosures abuser abusers
    """
)


def no_abuse_after(c: Candidate) -> bool:
    """None of the next three words names abuse or an offence.

    "Historic town centre" is left alone; "historic (child) (sexual) abuse" and "historic
    allegations" are not, since "historic" there implies the abuse no longer matters.
    """
    return not set(c.words_after(3)) & _ABUSE_NOUNS_AFTER


_VIOLENCE_VERBS = words(
    """
    assaulted assaults punched punches hit hits strangled strangles kicked kicks pushed pushes
    slapped slaps stabbed stabs headbutted attacked attacks threw grabbed choked bit struck beat
    raped throttled shoved dragged threatened
    """
)
_VIOLENT_ACTORS = words(
    """
    he she suspect male female man woman partner husband wife boyfriend girlfriend father
    stepfather mother dad offender perpetrator defendant accused
    """
)
_ACTOR_GAP_WORDS = words(
    """
    then repeatedly also allegedly deliberately had has later again immediately reportedly
    subsequently suddenly
    """
)


def actor_named(c: Candidate) -> bool:
    """The sentence says who was violent: a person word right before a violence verb.

    "They had an argument and he punched her" records who did what; "There was an argument
    and she sustained a fractured wrist" does not. Person words include "the suspect" and a
    capitalised name ("Dawson struck her").
    """
    toks = c.doc[c.sent_start : c.sent_end]
    for i, tok in enumerate(toks):
        if tok.lower_ not in _VIOLENCE_VERBS:
            continue
        j = i - 1
        while j >= 0 and toks[j].lower_ in _ACTOR_GAP_WORDS:
            j -= 1
        if j < 0:
            continue
        prev = toks[j]
        if prev.lower_ in _VIOLENT_ACTORS or (j > 0 and prev.text[:1].isupper() and prev.is_alpha):
            return True
    return False


_EXPLOITATION_PREFIXES = prefixes("exploit groom traffick cuckoo coerc debt")
_EXPLOITATION_WORDS = words(
    """
    cse cce csa nrm mace line lines trap county wraps drugs drug dealing dealer dealers runner
    runners plugging plugged olders elders gang gangs ocg mule mules nominal s.45
    """
)


_EXPLOITATION_PAIRS = (("older", "males"), ("older", "men"), ("older", "boys"), ("the", "money"))
"""Word pairs that point to exploitation as surely as the words above ("working for the older males")."""


def no_exploitation_context(c: Candidate) -> bool:
    """Nothing in the paragraph points to exploitation (groomed, CSE, county lines, OCG, debt...).

    For praise-like or ordinary words that blame only when they describe an exploited child
    ("works willingly", "entrepreneurial", "earning good money"): "Tom works willingly in
    class" is a school report, "he is working voluntarily for the line" is not.
    """
    ps, pe = c.context.paragraph_of(c.char_start)
    for tok in c.doc:
        if tok.idx < ps:
            continue
        if tok.idx >= pe:
            break
        word = tok.lower_
        if word in _EXPLOITATION_WORDS or word.startswith(_EXPLOITATION_PREFIXES):
            return False
        if tok.i + 1 < len(c.doc) and (word, c.doc[tok.i + 1].lower_) in _EXPLOITATION_PAIRS:
            return False
    return True
