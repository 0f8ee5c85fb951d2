"""Rules generalise beyond their own examples: each `fail` example still fires when rewritten.

A rule written against one sentence catches that sentence. Case notes say the same thing with
another pronoun, in another tense, with an adverb, without the age (which the record keeps in a
header), or with curly quotes from a word processor. This test rewrites every rule's `fail`
examples in those systematic ways and checks that the rule still flags them, and rewrites its
`pass` examples the same ways (all but dropping the age, which can turn an adult into a presumed
child) and checks that they stay clean, so coverage does not depend on someone thinking of the
sentence. A variant that is genuinely not blaming is listed among the rule's `pass` examples,
and the test then expects silence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from langcheck.engine import CompiledRules
from langcheck.models import Options, Rule
from langcheck.nlp import load_pipeline
from langcheck.ruleset import RuleSet, load_rules

RULESET: RuleSet = load_rules()

_SWAP = {
    "she": "he",
    "he": "she",
    "herself": "himself",
    "himself": "herself",
    "his": "her",
    "him": "her",
    # singular people, so that "the woman ... she" stays one person; plural groups ("older men")
    # and partners ("boyfriend") keep their gender: the abuser is not who the variant is about
    "woman": "man",
    "man": "woman",
    "girl": "boy",
    "boy": "girl",
    "mother": "father",
    "father": "mother",
    "mum": "dad",
    "dad": "mum",
    "daughter": "son",
    "son": "daughter",
    "sister": "brother",
    "brother": "sister",
    "wife": "husband",
    "husband": "wife",
}
# After object "her" comes a preposition, conjunction, adverb or punctuation; after possessive "her", a noun.
_HER_AS_OBJECT = frozenset(
    [
        "at",
        "in",
        "to",
        "and",
        "with",
        "from",
        "into",
        "for",
        "up",
        "out",
        "off",
        "down",
        "back",
        "over",
        "on",
        "by",
        "against",
        "when",
        "after",
        "before",
        "because",
        "once",
        "as",
        "about",
        "if",
        "until",
        "while",
        "so",
        "but",
        "or",
        "that",
        "than",
        "again",
        "too",
        "then",
        "there",
        "here",
        "home",
        "alone",
        "away",
        "now",
        "last",
        "today",
        "yesterday",
        "all",
        "either",
        ",",
        ".",
        ";",
        ":",
        "!",
        "?",
    ]
)
_TENSE = {"is": "was", "are": "were", "has": "had", "have": "had"}
_KEEP_HAVE = frozenset(["to", "must", "should", "would", "could", "may", "might", "will", "shall", "can", "not", "n't"])
_AUXILIARIES = frozenset(["is", "was", "are", "were", "has", "had", "have", "been", "be", "will", "would"])
_CHILD_AGE = r"(?:1[0-7]|[1-9])"
_AGE = re.compile(rf",? (?:aged {_CHILD_AGE}|\({_CHILD_AGE}\)),?(?= )|, {_CHILD_AGE},(?= )")
_YEAR_OLD = re.compile(rf"\b([Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir) {_CHILD_AGE}-year-old( [a-z]+)?")
_NOUNS_AFTER_AGE = frozenset(
    [
        "girl",
        "boy",
        "child",
        "victim",
        "son",
        "daughter",
        "girlfriend",
        "boyfriend",
        "lover",
        "pupil",
        "sister",
        "brother",
        "female",
        "male",
    ]
)


def _case(word: str, like: str) -> str:
    return word.capitalize() if like[:1].isupper() else word


def swap_pronouns(text: str) -> str:
    """Swap gendered pronouns: she <-> he, herself <-> himself, her -> his/him."""
    tokens = re.findall(r"\w+|[^\w\s]|\s+", text)
    out = []
    for i, tok in enumerate(tokens):
        low = tok.lower()
        if low == "her":
            nxt = next((t for t in tokens[i + 1 :] if not t.isspace()), ".")
            out.append(_case("him" if nxt.lower() in _HER_AS_OBJECT else "his", tok))
        elif low in _SWAP:
            out.append(_case(_SWAP[low], tok))
        else:
            out.append(tok)
    return "".join(out)


def _keeps_have(before: str) -> bool:
    """Return True if "have" after this word must stay ("should have", "shouldn't have", "to have")."""
    word = before.lower().strip("'\u2019")
    return word in _KEEP_HAVE or word.endswith(("n't", "n\u2019t")) or word == "cannot"


def change_tense(text: str) -> str:
    """Put present auxiliaries in the past: is -> was, has -> had (not "should have", "to have")."""
    out = re.sub(r"\b(is|are|has)\b", lambda m: _TENSE[m.group(1)], text)
    return re.sub(
        r"(\S+)(\s+)have\b",
        lambda m: m.group(0) if _keeps_have(m.group(1)) else f"{m.group(1)}{m.group(2)}had",
        out,
    )


def insert_adverb(text: str, match: str) -> str:
    """Put "repeatedly" between an auxiliary and the flagged words ("has been repeatedly putting")."""
    at = text.find(match)
    before = text[:at].rstrip()
    last = before.rsplit(" ", 1)[-1].lower() if before else ""
    return f"{before} repeatedly {text[at:]}" if last in _AUXILIARIES else text


def drop_age(text: str) -> str:
    """Remove a child's age, as a record that keeps it in a header would: "Jade (14)" -> "Jade".

    Adults' ages stay: the abuser's age is part of the fact, not what the presumption replaces.
    """

    def year_old(m: re.Match[str]) -> str:
        det, noun = m.group(1), m.group(2) or ""
        if noun.strip() in _NOUNS_AFTER_AGE:
            return f"{det}{noun}"  # "his 15-year-old girlfriend" -> "his girlfriend"
        return f"Jordan{noun}" if det.lower() in ("the", "a", "an") else f"{det} child{noun}"

    return _YEAR_OLD.sub(year_old, _AGE.sub("", text))


def curly_quotes(text: str) -> str:
    """Turn straight quotes and apostrophes into a word processor's curly ones."""
    text = re.sub(r"(^|[\s(])'", "\\1\u2018", text)
    text = re.sub(r'(^|[\s(])"', "\\1\u201c", text)
    return text.replace("'", "\u2019").replace('"', "\u201d")


Rewrite = Callable[[str, str], str]
REWRITES: dict[str, Rewrite] = {
    "pronouns": lambda text, match: swap_pronouns(text),
    "tense": lambda text, match: change_tense(text),
    "adverb": insert_adverb,
    "no age": lambda text, match: drop_age(text),
    "curly quotes": lambda text, match: curly_quotes(text),
}
FOR_PASS = ("pronouns", "tense", "adverb", "curly quotes")


GAPS_FILE = Path(__file__).with_name("variant_gaps.txt")
KNOWN_GAPS = {
    tuple(line.split()) for line in GAPS_FILE.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"
}
"""(kind, rule id) pairs with a known gap, each a strict xfail: a fixed rule fails the test until its line goes."""


def _params(kind: str) -> list[object]:
    return [
        pytest.param(
            rule,
            id=rule.id,
            marks=[pytest.mark.xfail(strict=True, reason=f"known variant gap, listed in {GAPS_FILE.name}")]
            if (kind, rule.id) in KNOWN_GAPS
            else [],
        )
        for rule in RULESET
    ]


def test_the_gap_list_names_only_rules_that_exist() -> None:
    ids = {r.id for r in RULESET}
    assert {rule for _, rule in KNOWN_GAPS} <= ids
    assert {kind for kind, _ in KNOWN_GAPS} <= {"fail", "pass"}


@pytest.fixture(scope="module")
def compiled() -> CompiledRules:
    return CompiledRules(RULESET, load_pipeline())


def _fires(compiled: CompiledRules, rule: Rule, text: str) -> bool:
    return any(f.rule_id == rule.id for f in compiled.findings(text, Options()))


@pytest.mark.parametrize("rule", _params("fail"))
def test_rule_fires_on_rewritten_fail_examples(compiled: CompiledRules, rule: Rule) -> None:
    declared_clean = set(rule.examples.passes)
    problems = []
    for example in rule.examples.fail:
        for name, rewrite in REWRITES.items():
            if name == "no age" and any(ch.isdigit() for ch in example.match or ""):
                continue  # the age is part of the flagged words ("the male, 13"): nothing to drop
            variant = rewrite(example.text, example.match or "")
            if variant == example.text or variant in declared_clean:
                continue
            if not _fires(compiled, rule, variant):
                problems.append(f"{name}: {variant!r} (from {example.text!r})")
    assert not problems, f"{rule.id} misses rewritten fail examples:\n" + "\n".join(problems)


@pytest.mark.parametrize("rule", _params("pass"))
def test_rule_stays_quiet_on_rewritten_pass_examples(compiled: CompiledRules, rule: Rule) -> None:
    problems = []
    for text in rule.examples.passes:
        for name in FOR_PASS:
            variant = REWRITES[name](text, "")
            if variant != text and _fires(compiled, rule, variant):
                problems.append(f"{name}: {variant!r} (from {text!r})")
    assert not problems, f"{rule.id} flags rewritten pass examples:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    ("rewrite", "text", "expected"),
    [
        (
            swap_pronouns,
            "She put herself at risk with her friends and told her.",
            "He put himself at risk with his friends and told him.",
        ),
        (change_tense, "She is at risk and has gone.", "She was at risk and had gone."),
        (drop_age, "Jade (14) and Amy, aged 15, met the 14-year-old.", "Jade and Amy met Jordan."),
        (drop_age, "The 29-year-old met his 15-year-old girlfriend.", "The 29-year-old met his girlfriend."),
        (change_tense, "She should have known and has to have help.", "She should have known and had to have help."),
        (
            curly_quotes,
            "She said \"no\" and 'left' the girl's home.",
            "She said \u201cno\u201d and \u2018left\u2019 the girl\u2019s home.",
        ),
    ],
)
def test_the_rewrites_do_what_they_say(rewrite: Callable[[str], str], text: str, expected: str) -> None:
    assert rewrite(text) == expected


def test_the_adverb_goes_between_auxiliary_and_match() -> None:
    assert insert_adverb("Jade has been putting herself at risk.", "putting herself at risk") == (
        "Jade has been repeatedly putting herself at risk."
    )
    assert insert_adverb("Jade put herself at risk.", "put herself at risk") == "Jade put herself at risk."
