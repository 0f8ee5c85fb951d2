"""Compile the words of a rule set (phrases, exceptions, token patterns), kept on disk between runs.

Parsing ~800 phrases, expanding the inflections of their words and of `LEMMA` tokens, and
tokenising every choice takes about half a second: longer than anything at start-up except
importing spaCy, and a pre-commit hook or an audit would pay it on every run. The result
depends only on the rules' patterns, langcheck's own phrase code, the spaCy version (its
tokenizer) and the word-form table, so it is pickled under a key made from all of those: any
change to any of them builds afresh. Only spaCy's blank English pipeline is cached; a trained
pipeline may tokenise differently, so it is always compiled.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from langcheck.packcache import cached_value, code_fingerprint
from langcheck.phrases import parse
from langcheck.ruleset import RuleSet
from langcheck.slotmatcher import SlotMatcher
from langcheck.triggers import context_trim, normalise_token


@dataclass(frozen=True, slots=True)
class CompiledWords:
    """Every phrase and exception as SlotMatchers, and every token pattern normalised.

    `token_patterns` holds (rule id, where the rule was read from, token dicts, leading and
    trailing CONTEXT token counts) in rule order, with `LEMMA` already expanded into word
    forms and CONTEXT removed (see triggers.normalise_token and triggers.context_trim).
    """

    phrases: SlotMatcher
    exceptions: SlotMatcher
    token_patterns: tuple[tuple[str, str, tuple[dict[str, Any], ...], int, int], ...]


def compile_words(ruleset: RuleSet, nlp: Any, *, cache: bool) -> CompiledWords:
    """Return the compiled words of every rule, from the on-disk cache if `cache`."""

    def build() -> CompiledWords:
        tokenize = word_tokenizer(nlp)
        intern = nlp.vocab.strings.add
        phrases, exceptions = SlotMatcher(tokenize, intern), SlotMatcher(tokenize, intern)
        token_patterns = []
        for rule in ruleset:
            where = rule.path or rule.id
            for pattern in rule.patterns:
                if pattern.phrase is not None:
                    phrases.add(rule.id, parse(pattern.phrase))
                else:
                    tokens = tuple(normalise_token(t, where) for t in pattern.tokens or ())
                    lead, trail = context_trim(pattern.tokens or ())
                    token_patterns.append((rule.id, where, tokens, lead, trail))
            for exception in rule.exceptions:
                exceptions.add(rule.id, parse(exception))
        return CompiledWords(phrases, exceptions, tuple(token_patterns))

    if not cache:
        return build()
    return cached_value(f"words-{_key(ruleset)}", build)


def word_tokenizer(nlp: Any) -> Any:
    """Return a function that splits one written word of a phrase as `nlp` splits running text."""
    special = nlp.tokenizer.rules or {}

    def tokenize(word: str) -> list[str]:
        # A hyphen at either end joins a group to a word, "(drug|drugs)-running" or
        # "(over-|overly) emotional": split it off, as spaCy does inside "drug-running".
        if len(word) > 1 and word.startswith("-"):
            return ["-", *tokenize(word[1:])]
        if len(word) > 1 and word.endswith("-"):
            return [*tokenize(word[:-1]), "-"]
        if word.isalnum() and word not in special and word.lower() not in special:
            return [word]  # what the tokenizer returns for a plain word, without its cost
        return [t.text for t in nlp.tokenizer(word)]

    return tokenize


def _key(ruleset: RuleSet) -> str:
    """Return a key that changes with any pattern or exception, or anything that compiles them."""
    from spacy.about import __version__ as spacy_version

    digest = hashlib.sha256(code_fingerprint())
    digest.update(f"\0{spacy_version}\0{_version('spacy-lookups-data')}\0".encode())
    for rule in ruleset:
        digest.update(f"\0rule {rule.id} {rule.path}\0".encode())
        for pattern in rule.patterns:
            if pattern.phrase is not None:
                digest.update(b"p" + pattern.phrase.encode() + b"\0")
            else:
                digest.update(b"t" + json.dumps(pattern.tokens, sort_keys=True, default=str).encode() + b"\0")
        for exception in rule.exceptions:
            digest.update(b"e" + exception.encode() + b"\0")
    return digest.hexdigest()[:40]


def _version(package: str) -> str:
    from importlib import metadata  # only when compiling: importing it costs a clean note ~25 ms

    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "none"
