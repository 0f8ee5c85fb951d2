"""The match stage: a RuleSet compiled into matchers once, then run over one piece of text.

For one piece (a paragraph, tokenised): the phrase matcher and the token-pattern matchers run,
the longest match per rule and place is kept, and each becomes a Hit that knows its sentence,
whether it is quoted and whether one of its rule's exceptions covers it. What is then dropped,
suppressed and reported is decided by the pipeline in checker.py; nothing here renders a message.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from langcheck.anchors import sorted_positions, token_anchor
from langcheck.compiledwords import compile_words
from langcheck.conditions import Candidate
from langcheck.context import analyse
from langcheck.errors import RuleError
from langcheck.models import Finding, Options, Rule
from langcheck.nlp import TokenizerWarmer
from langcheck.ruleset import RuleSet, ValidatedPack
from langcheck.sentences import sentence_bounds, sentence_enders
from langcheck.surrogates import without_surrogates
from langcheck.triggers import Triggers, build_triggers

__all__ = ["CompiledRules", "Hit"]


@dataclass(frozen=True, slots=True)
class Hit:
    """One match of one rule, before the filters: the rule, where it is, and what surrounds it."""

    rule: Rule
    candidate: Candidate
    quoted: bool
    """Inside quotation marks: dropped unless quotes are included, and then reported as info."""
    excepted: bool
    """Covered by one of the rule's own `exceptions`."""


class CompiledRules:
    """A RuleSet compiled for a given pipeline: phrases into SlotMatchers, each token pattern
    into a spaCy Matcher.

    With `cache`, the compiled words (phrases, exceptions, normalised token patterns; see
    compiledwords.py) are read from or written to the on-disk cache; pass it only for spaCy's
    blank English pipeline, whose tokenizer is fixed by the spaCy version.
    """

    def __init__(self, ruleset: RuleSet, nlp: Any, *, cache: bool = False, triggers: Triggers | None = None) -> None:
        from spacy.matcher import Matcher

        self.ruleset = ruleset
        self.nlp = nlp
        self._warmer = TokenizerWarmer(nlp.tokenizer)
        self.rules = {r.id: r for r in ruleset}
        self._enders = sentence_enders(nlp.vocab)

        words = compile_words(ruleset, nlp, cache=cache)
        self._phrases, self._exceptions = words.phrases, words.exceptions
        # One Matcher per token pattern, each run only on the sentences that hold one of its
        # anchor words: the Matcher's cost grows with patterns times tokens, so this keeps it
        # proportional to the places a pattern could match. Patterns without an anchor run on all.
        # Each with the number of CONTEXT tokens that lead and trail it (matched, not flagged).
        self._token_matchers: list[tuple[Any, int, int]] = []
        self._always_matchers: list[tuple[Any, int, int]] = []
        self._anchor_index: dict[int, list[int]] = {}
        self._token_anchor_array: Any = None
        if triggers is None:
            known = ruleset.requirements if isinstance(ruleset, ValidatedPack) else None
            triggers = build_triggers(ruleset, known)
        self.triggers = triggers
        for rule_id, where, pattern, lead, trail in words.token_patterns:
            tokens = [dict(t) for t in pattern]  # the Matcher may keep them: never share the cached dicts
            matcher = Matcher(nlp.vocab, validate=True)
            try:
                matcher.add(rule_id, [tokens])
            except Exception as exc:  # spaCy raises ValueError/MatchPatternError
                first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
                raise RuleError(
                    where, "patterns", f"a token pattern is not valid ({first[:160]})", "spaCy Matcher token dicts"
                ) from None
            anchor = token_anchor(tokens)
            if anchor is None:
                self._always_matchers.append((matcher, lead, trail))
            else:
                number = len(self._token_matchers)
                self._token_matchers.append((matcher, lead, trail))
                for word in anchor:
                    self._anchor_index.setdefault(nlp.vocab.strings.add(word), []).append(number)

    def may_match(self, text: str) -> bool:
        """Return False only if no pattern of any rule can match the text (no spaCy needed)."""
        return self.triggers.may_match(text)

    def findings(
        self,
        text: str,
        options: Options = Options(),
        *,
        path: str = "-",
        spans: list[tuple[int, int]] | None = None,
    ) -> list[Finding]:
        """Return the findings for one text, in order of position then rule id (no suppressions).

        The whole pipeline of checker.py, without its suppress stage: kept for callers that
        hold compiled rules rather than a Checker.
        """
        from langcheck.checker import Checker

        checker = Checker(self.ruleset, options, triggers=self.triggers, compiled=lambda: self, suppress=False)
        return checker.check(text, path=path, spans=spans)

    def parse(self, text: str) -> Any:
        """Run the pipeline; the blank pipeline has no components, so call its tokenizer directly."""
        text = without_surrogates(text)  # spaCy cannot hash half a UTF-16 pair; the length holds
        self._warmer.warm(text)
        return self.nlp.make_doc(text) if not self.nlp.pipe_names else self.nlp(text)

    def match(self, doc: Any) -> list[Hit]:
        """The match stage: every rule's matches in one piece of text, before any filter.

        Each hit carries its candidate (where it is, its sentence, the text's quotes), whether
        it is in quotation marks and whether one of its rule's exceptions covers it; what to do
        with those is the filters' business (checker.py).
        """
        if not len(doc):
            return []
        ids = doc.to_array("LOWER")
        words = ids.tolist()
        sent_bounds = sentence_bounds(doc, self._enders)
        prose = _Prose(doc, ids)
        raw = self._matches(doc, ids, words, sent_bounds, prose)
        if not raw:
            return []
        ctx = analyse(doc.text)
        exceptions: dict[str, list[tuple[int, int]]] = {}
        if len(self._exceptions):
            places = self._exceptions.positions(prose.ids)
            for key, s, e in prose.spans(self._exceptions(prose.words, places)):
                exceptions.setdefault(key, []).append((s, e))
        sent_starts = [s for s, _ in sent_bounds]
        out: list[Hit] = []
        for rule_id, start, end in raw:
            excepted = any(s <= start and end <= e for s, e in exceptions.get(rule_id, ()))
            si = bisect.bisect_right(sent_starts, start) - 1
            sent_start, sent_end = sent_bounds[si]
            next_end = sent_bounds[si + 1][1] if si + 1 < len(sent_bounds) else -1
            cand = Candidate(doc, start, end, sent_start, min(sent_end, len(doc)), ctx, next_end)
            quoted = ctx.in_quotes(cand.char_start, cand.char_end)
            out.append(Hit(self.rules[rule_id], cand, quoted=quoted, excepted=excepted))
        return out

    def _matches(
        self, doc: Any, ids: Any, words: list[int], sents: list[tuple[int, int]], prose: _Prose
    ) -> list[tuple[str, int, int]]:
        """Return (rule id, start, end) for every match, the longest per rule and place."""
        found = prose.spans(self._phrases(prose.words, self._phrases.positions(prose.ids)))
        for entry in self._always_matchers:  # patterns with no anchor word: every sentence
            for start, end in sents:
                found += self._token_matches(entry, *prose.sentence(start, end))
        if self._anchor_index:
            starts = [s for s, _ in sents]
            todo: set[tuple[int, int]] = set()
            index = self._anchor_index
            for i in self._token_positions(ids):
                numbers = index.get(words[i])
                if numbers:
                    sentence = bisect.bisect_right(starts, i) - 1
                    todo.update((number, sentence) for number in numbers)
            for number, sentence in sorted(todo):
                found += self._token_matches(self._token_matchers[number], *prose.sentence(*sents[sentence]))
        found.sort(key=lambda m: (m[0], m[1], -(m[2] - m[1])))
        kept: list[tuple[str, int, int]] = []
        last_end: dict[str, int] = {}
        for rule_id, s, e in found:
            if s < last_end.get(rule_id, -1):
                continue  # overlaps a longer or earlier match of the same rule
            kept.append((rule_id, s, e))
            last_end[rule_id] = e
        kept.sort(key=lambda m: (m[1], m[2], m[0]))
        return kept

    def _token_matches(
        self, entry: tuple[Any, int, int], piece: Any, back: Sequence[int]
    ) -> list[tuple[str, int, int]]:
        """Run one token pattern on a sentence; return (rule id, start, end) without CONTEXT tokens."""
        matcher, lead, trail = entry
        strings = self.nlp.vocab.strings
        return [(strings[k], back[s + lead], back[e - trail - 1] + 1) for k, s, e in matcher(piece)]

    def _token_positions(self, ids: Any) -> list[int]:
        """Return where an anchor word of some token pattern occurs (numpy, no Python loop)."""
        import numpy

        if self._token_anchor_array is None:
            self._token_anchor_array = numpy.array(sorted(self._anchor_index), dtype=numpy.uint64)
        return sorted_positions(self._token_anchor_array, ids)


class _Prose:
    """A document's words without its whitespace tokens, and the way back to token indices.

    spaCy keeps a line break or a run of spaces as a token of its own, so "putting herself at
    risk" wrapped after "at" has a newline token inside it. Matching runs on the words alone, so
    hard-wrapped notes, table cells and extracted documents are matched like running text.
    """

    def __init__(self, doc: Any, ids: Any) -> None:
        import numpy

        self.doc = doc
        spaces = doc.to_array("IS_SPACE")
        self._spaces = spaces
        if spaces.any():
            keep = numpy.flatnonzero(spaces == 0)
            self.ids = ids[keep]
            self.back: list[int] | None = keep.tolist()
        else:
            self.ids = ids
            self.back = None
        self.words: list[int] = self.ids.tolist()

    def spans(self, found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
        """Map (key, start, end) over the words back to token indices of the document."""
        back = self.back
        if back is None:
            return found
        return [(key, back[s], back[e - 1] + 1) for key, s, e in found]

    def sentence(self, start: int, end: int) -> tuple[Any, Sequence[int]]:
        """Return the sentence as a Doc without whitespace tokens, and its token index map."""
        span = self.doc[start:end]
        if self.back is None or not self._spaces[start:end].any():
            return span, range(start, end)
        from spacy.tokens import Doc

        kept = [t for t in span if not t.is_space]
        piece = Doc(self.doc.vocab, words=[t.text for t in kept], spaces=[bool(t.whitespace_) for t in kept])
        return piece, [t.i for t in kept]
