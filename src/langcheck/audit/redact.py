"""Take personal details out of example sentences before they are shown in a report.

A report travels further than a case file (to a board, an inspector, a partner agency), so its
examples carry no names, dates of birth or addresses. The detection is deliberately greedy:
redacting a word that was not a name costs little, leaving a name in costs a great deal.

- Dates of birth: `DOB 03/04/2011`, `date of birth: 3 April 2011`, `born 03.04.2011` (the same
  forms the engine reads ages from in context.py, plus "born").
- Addresses: a house number and a street (`14 Mill Lane`, `Flat 3, 22 Ashfield Road`) and UK
  postcodes (`SN1 4AB`).
- Names: every capitalised word that is not the ordinary first word of a sentence, a title,
  a month or day, or a word on the short list of capitalised words notes use for roles and
  services; a sentence's first word is also a name when an age or another name follows it
  (`Jade (14) ...`, `Jade Smith ...`). Titles stay: `Mr [name]`, `DC [name]`.
"""

from __future__ import annotations

import re

NAME, DOB, ADDRESS = "[name]", "[date of birth]", "[address]"

_DATE = r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|\d{4}-\d{2}-\d{2})"
_DOB = re.compile(rf"\b((?:DOB|D\.O\.B\.?|date of birth|born(?: on)?)\s*:?\s*){_DATE}", re.I)
_STREET = (
    r"(?:Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Close|Drive|Dr|Way|Court|Ct|Crescent|Place|Gardens|Terrace|Grove|Hill"
    r"|Row|Walk|Mews|Square|Parade|View|Rise|Park|Green|Estate)"
)
_ADDRESS = re.compile(
    rf"\b(?:(?:Flat|Apartment|Unit)\s+\d+[A-Za-z]?,?\s+)?\d{{1,4}}[A-Za-z]?,?\s+(?:[A-Z][a-z]+\s+){{1,3}}{_STREET}\b"
    r"(?:,\s*[A-Z][a-z]+)?"
)
_ON_STREET = re.compile(rf"\b(?:[A-Z][a-z]+\s+){{1,2}}{_STREET}\b")
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")
_WORD = re.compile(r"\b[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*\b")
_AGE_AFTER = re.compile(r"\s*(?:\(\s*\d{1,2}|,\s*\d{1,2}\b|\s+[A-Z][a-z]+)")
_REPEATED_ADDRESS = re.compile(r"\[address\](?:,?\s+\[address\])+")
_REPEATED = re.compile(r"\[name\](?:\s+\[name\])+")
_SENTENCE_END = re.compile(r"(?:[.!?]['\")\]]*[\s\x00]+|\n[\s\x00]*|^[\s\x00]*)$")  # \x00: excerpt's joints


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


TITLES = _words("Mr Mrs Ms Miss Mx Dr PC DC DS DI DCI PS PCSO Sgt Insp Supt Cllr")
KEEP = _words(
    """
    I I'm I've I'd I'll Police Officers Officer Social Services Care Children Children's Council Court
    School Academy College Hospital Emergency Department NHS Mum Mother Dad Father Nan Gran Grandmother
    Brother Sister Aunt Uncle Stepdad Stepmum Carer Foster Team Unit Service Worker Manager Sergeant
    Inspector Constable Detective Head Teacher Missing Exploitation Safeguarding Strategy Meeting
    Date DOB Born Address Postcode Monday Tuesday Wednesday Thursday Friday Saturday Sunday January
    February March April May June July August September October November December Christmas Easter
    English British Muslim Christian
    """
)
"""Capitalised words that notes use for roles, services, days and months, not for people."""
STARTERS = _words(
    """
    A An The This That These Those She He They It We You Her His Their Its Our My Your There Here
    When While After Before During Since Until As At On In Into From To For With Without By Of About
    And But Or So Then Also However Although Though Because If Once Today Yesterday Tonight Later
    Earlier Both Neither Either No Not None Some Any All Each Every One Two Three Several Many Most
    Who What Where Why How Which Has Have Had Is Was Were Are Be Been Being Did Does Do Will Would
    Could Should May Might Must Can Please Note Notes Action Actions Update Summary Concern Concerns
    Reported Seen Found Spoke Attended Called Visited Advised Agreed Discussed Information Further
    Staff Parents Family Friends Professionals Agencies Partners Referral Plan Risk Victim Suspect
    """
)
"""Words that begin sentences of case notes; at a sentence's start they are not names."""


def redact(text: str, *, sentence_start: bool = True) -> str:
    """Return `text` with names, dates of birth and addresses replaced by placeholders.

    `sentence_start` says whether `text` begins a sentence (an excerpt may begin mid-sentence).
    """
    text = _DOB.sub(lambda m: m[1] + DOB, text)
    text = _ADDRESS.sub(ADDRESS, text)
    text = _POSTCODE.sub(ADDRESS, text)
    text = _ON_STREET.sub(ADDRESS, text)
    text = _WORD.sub(lambda m: _name(m, text, sentence_start), text)
    text = _REPEATED_ADDRESS.sub(ADDRESS, text)
    return _REPEATED.sub(NAME, text)


def _name(match: re.Match[str], text: str, sentence_start: bool) -> str:
    word = match[0]
    if word in TITLES or word in KEEP:
        return word
    before = text[: match.start()]
    at_start = (sentence_start or before.strip()) and _SENTENCE_END.search(before) is not None
    if before.endswith("[") or text[match.end() : match.end() + 1] == "]":
        return word  # a placeholder already put in
    if at_start:
        if word in STARTERS:
            return word
        if _AGE_AFTER.match(text, match.end()) is None and word.lower() in _COMMON_OPENERS:
            return word
    return NAME


_COMMON_OPENERS = _words(
    """
    officers officer police staff mum dad mother father social school carers parents professionals
    concerns concern information plan referral risk victim suspect update summary actions note
    """
)
