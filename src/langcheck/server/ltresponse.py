"""Build LanguageTool API responses from findings: the JSON every client expects.

The field set is the union of what the clients read (see the research notes, section 3.4):
language_tool_python rejects a response without `warnings` and checks the types of every match
field; LibreOffice reads `shortMessage` and picks the underline colour from `rule.category.id`;
ltex-ls reads `sentence`. The underline is chosen per severity (see underline), and the message
ends with the rule id, because Writer shows the message but never the rule id. Offsets are UTF-16
code units into the document the client sent (markup included); context and sentence come from
the checked text, which is what a person reads.
A `langcheck` object on each match adds what LanguageTool has no field for (severity, the
message without hints, the hints as a list); clients ignore keys they do not know.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from langcheck.models import Finding, Rule, Severity
from langcheck.server.ltapi import LANGUAGES, CheckRequest, Language, category_id
from langcheck.server.offsets import Utf16Index
from langcheck.server.underline import Underline

CONTEXT_CHARS = 40
"""Characters of context either side of a match, as LanguageTool sends."""

SENTENCE_LIMIT = 1000
"""Longest `sentence` sent: a note without full stops must not be sent back once per match."""

CATEGORY_NAMES = {
    "agency": "Says the child chose the harm",
    "consent": "Suggests consent to abuse",
    "sexualising": "Sexualises the victim",
    "relationship": "Calls abuse a relationship",
    "criminalising": "Treats an exploited child as an offender",
    "missing": "Blames or downplays a missing child",
    "dismissive": "Pejorative label or attack on credibility",
    "character": "Judges character or appearance",
    "adultification": "Treats a child as an adult",
    "minimising": "Softens or euphemises abuse",
    "responsibility": "Shifts responsibility to the victim",
    "offender-minimising": "Excuses or others the offender",
}
"""Display names for the bundled categories; a custom pack's category shows as its own name."""

_SENTENCE_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s)|\n[ \t]*(?:\r?\n)+")
_FLATTEN = str.maketrans("\r\n\t", "   ")


@dataclass(frozen=True, slots=True)
class Software:
    """The `software` object: who answered (clients show it in their about boxes)."""

    name: str
    version: str
    build_date: str

    def to_dict(self) -> dict[str, Any]:
        """Return the object as LanguageTool sends it."""
        return {
            "name": self.name,
            "version": self.version,
            "buildDate": self.build_date,
            "apiVersion": 1,
            "premium": False,
            "premiumHint": "",
            "status": "",
        }


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What a match says about its rule, worked out once per rule when the server starts."""

    id: str
    description: str
    category_id: str
    category_name: str
    severity: str

    @classmethod
    def of(cls, rule: Rule) -> RuleInfo:
        """Describe a rule for LanguageTool clients."""
        title = rule.name.replace("-", " ")
        return cls(
            id=rule.id,
            description=f"{title[:1].upper()}{title[1:]} ({rule.id})",
            category_id=category_id(rule.category),
            category_name=category_name(rule.category),
            severity=rule.severity.label,
        )


def category_name(category: str) -> str:
    """Return the display name of a category."""
    plain = category.replace("-", " ")
    return CATEGORY_NAMES.get(category, plain[:1].upper() + plain[1:])


def check_response(
    request: CheckRequest,
    findings: Sequence[Finding],
    rules: Mapping[str, RuleInfo],
    software: Software,
    *,
    rule_url: str | None = None,
) -> dict[str, Any]:
    """Return the `/v2/check` answer for the findings on `request`'s text.

    `rule_url`, if given, is a prefix to which a rule id is appended to link to its explanation.
    """
    plain = request.text.plain
    document = Utf16Index.of(request.text.original)
    sentences = _Sentences(plain)
    matches = []
    for finding in findings:
        if finding.rule_id not in rules:
            continue  # e.g. an unused-suppression notice, which has no rule behind it
        info = rules[finding.rule_id]
        underline = Underline.of(finding.severity)
        offset, length = document.span(*request.text.original_span(finding.start, finding.end))
        matches.append(
            {
                "message": f"{message(finding)} ({finding.rule_id})",
                "shortMessage": info.category_name,
                "replacements": [{"value": v} for v in replacements(finding)],
                "offset": offset,
                "length": length,
                "context": context(plain, finding.start, finding.end),
                "sentence": sentences.around(finding.start, finding.end),
                "type": {"typeName": underline.type_name},
                "rule": _rule(info, underline, rule_url),
                "ignoreForIncompleteSentence": False,
                "contextForSureMatch": 0,
                "langcheck": {
                    "severity": finding.severity.label,
                    "name": finding.name,
                    "quoted": finding.quoted,
                    "message": finding.message,
                    "hints": list(finding.hints),
                },
            }
        )
    return {
        "software": software.to_dict(),
        "warnings": {"incompleteResults": False},
        "language": language_object(request.language),
        "matches": matches,
    }


def language_object(language: Language) -> dict[str, Any]:
    """Return the `language` object: what was checked and what was 'detected' (the same)."""
    return {
        "name": language.name,
        "code": language.code,
        "detectedLanguage": {"name": language.name, "code": language.code, "confidence": 1.0},
    }


def _rule(info: RuleInfo, underline: Underline, rule_url: str | None) -> dict[str, Any]:
    rule: dict[str, Any] = {
        "id": info.id,
        "description": info.description,
        "issueType": "style",
        "category": {"id": underline.category_id(info.category_id), "name": info.category_name},
        "isPremium": False,
    }
    if rule_url is not None:
        rule["urls"] = [{"value": rule_url + info.id}]
    return rule


def replacements(finding: Finding) -> list[str]:
    """Return the replacements to offer: only words that can stand in the text as they are.

    Clients put a replacement into the document with one click (language_tool_python's
    `correct()` puts in the first without asking), so hints, which hold [placeholders] for the
    writer to fill in, are never sent here; they go in the message.
    """
    return list(dict.fromkeys(v for v in finding.replacements if v))


def message(finding: Finding) -> str:
    """Return the message with the finding's hints, which clients show but never put in the text."""
    if not finding.hints:
        return finding.message
    return finding.message + " Instead: " + "; ".join(f"\u201c{h}\u201d" for h in finding.hints) + "."


def context(text: str, start: int, end: int, size: int = CONTEXT_CHARS) -> dict[str, Any]:
    """Return the match with up to `size` characters either side, on one line, offsets in UTF-16."""
    left, right = max(0, start - size), min(len(text), end + size)
    prefix = "..." if left > 0 else ""
    window = prefix + text[left:right].translate(_FLATTEN) + ("..." if right < len(text) else "")
    offset, length = Utf16Index.of(window).span(len(prefix) + start - left, len(prefix) + end - left)
    return {"text": window, "offset": offset, "length": length}


class _Sentences:
    """Find the sentence around a span: split at . ! ? before a space, and at blank lines."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.ends: list[int] = []
        self.starts: list[int] = []
        for m in _SENTENCE_END.finditer(text):
            self.ends.append(m.start() if m.group().startswith("\n") else m.end())
            self.starts.append(m.end())

    def around(self, start: int, end: int) -> str:
        i = bisect.bisect_right(self.starts, start) - 1
        s = self.starts[i] if i >= 0 else 0
        j = bisect.bisect_left(self.ends, end)
        e = self.ends[j] if j < len(self.ends) else len(self.text)
        if e - s > SENTENCE_LIMIT:
            half = (SENTENCE_LIMIT - (end - start)) // 2
            s, e = max(s, start - max(half, 0)), min(e, end + max(half, 0))
        return self.text[s:e].strip()


def languages() -> list[dict[str, str]]:
    """Return `/v2/languages`: the English variants, sorted by name."""
    return [{"name": lang.name, "code": lang.code.split("-")[0], "longCode": lang.code} for lang in LANGUAGES]


def config_info(rules: Sequence[RuleInfo], software: Software, max_text_length: int) -> dict[str, Any]:
    """Return `/v2/configinfo`: the rule catalogue in LanguageTool's shape."""
    return {
        "software": software.to_dict(),
        "parameter": {"maxTextLength": max_text_length},
        "rules": [
            {
                "ruleId": r.id,
                "description": r.description,
                "categoryId": Underline.of(Severity.parse(r.severity)).category_id(r.category_id),
                "categoryName": r.category_name,
                "locQualityIssueType": "style",
                "severity": r.severity,
            }
            for r in rules
        ],
    }
