"""Compile a RuleSet into spaCy matchers once, then turn texts into findings.

Flow for one text: a trigger scan (plain Python, no spaCy) rules out texts that contain none
of the words any pattern needs; otherwise the text is tokenised, both matchers run, and each
candidate passes through the rule's exceptions, the universal conditions (quoted speech,
mention of a term as a term, prose about the language rather than a record that uses it), the
child gate and the rule's own `unless` conditions.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Any

from langcheck.chunking import matching_chunks, owners
from langcheck.compiledwords import compile_words
from langcheck.conditions import CONDITIONS, Candidate, guidance_prose, mention
from langcheck.conditions.adulthood import Adulthood, Record, person_adulthood, read_record
from langcheck.context import analyse
from langcheck.errors import RuleError
from langcheck.models import Audience, Finding, Options, Rule, Severity, Subject
from langcheck.nlp import TokenizerWarmer
from langcheck.phrases import anchor_cost
from langcheck.ruleset import RuleSet
from langcheck.slotmatcher import sorted_positions
from langcheck.surrogates import without_surrogates
from langcheck.triggers import build_triggers
from langcheck.wording import render

__all__ = ["CompiledRules", "Options"]  # Options lives in models; importable from here too


class CompiledRules:
    """A RuleSet compiled for a given pipeline: phrases into SlotMatchers, each token pattern
    into a spaCy Matcher.

    With `cache`, the compiled words (phrases, exceptions, normalised token patterns; see
    compiledwords.py) are read from or written to the on-disk cache; pass it only for spaCy's
    blank English pipeline, whose tokenizer is fixed by the spaCy version.
    """

    def __init__(self, ruleset: RuleSet, nlp: Any, *, cache: bool = False) -> None:
        from spacy.matcher import Matcher
        from spacy.pipeline.sentencizer import Sentencizer

        self.ruleset = ruleset
        self.nlp = nlp
        self._warmer = TokenizerWarmer(nlp.tokenizer)
        self.rules = {r.id: r for r in ruleset}
        self._enders = frozenset(nlp.vocab.strings.add(p) for p in Sentencizer.default_punct_chars)

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
        self.triggers = build_triggers(ruleset, ruleset.requirements)
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
            anchor = _anchor_tokens(tokens)
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
        """Return the findings for one text, in order of position then rule id.

        The text is checked a paragraph at a time, and only the paragraphs that contain a
        trigger word are tokenised: most of a long case file is never touched by spaCy, and no
        single spaCy call meets its length limit. Sentences never cross a blank line, so
        nothing a rule could match is split. `spans`, if given, are those paragraphs, already
        found by `matching_chunks` (the Linter scans before it loads spaCy, and once is enough).
        """
        if spans is None:
            spans = matching_chunks(self.triggers, text)
        if not spans:
            return []
        lines = _LineIndex(text)
        whole = _DocumentRecord(text)
        out: list[Finding] = []
        for (start, end), (low, high) in zip(spans, owners(spans), strict=True):
            doc = self._parse(text[start:end])
            found = self._findings(doc, text[start:end], options, path=path, offset=start, lines=lines, whole=whole)
            out += [f for f in found if low <= f.start < high]  # pieces of a long paragraph overlap
        return out

    def _parse(self, text: str) -> Any:
        """Run the pipeline; the blank pipeline has no components, so call its tokenizer directly."""
        text = without_surrogates(text)  # spaCy cannot hash half a UTF-16 pair; the length holds
        self._warmer.warm(text)
        return self.nlp.make_doc(text) if not self.nlp.pipe_names else self.nlp(text)

    def findings_for_doc(self, doc: Any, options: Options = Options(), *, path: str = "-") -> list[Finding]:
        """Return the findings for a text already run through this pipeline (as one piece)."""
        text = doc.text
        return self._findings(
            doc, text, options, path=path, offset=0, lines=_LineIndex(text), whole=_DocumentRecord(text)
        )

    def _findings(
        self,
        doc: Any,
        text: str,
        options: Options,
        *,
        path: str,
        offset: int,
        lines: _LineIndex,
        whole: _DocumentRecord,
    ) -> list[Finding]:
        if not len(doc):
            return []
        ids = doc.to_array("LOWER")
        words = ids.tolist()
        sent_bounds = _sentence_bounds(doc, self._enders)
        prose = _Prose(doc, ids)
        raw = self._matches(doc, ids, words, sent_bounds, prose)
        if not raw:
            return []
        ctx = analyse(text)
        exceptions: dict[str, list[tuple[int, int]]] = {}
        if len(self._exceptions):
            places = self._exceptions.positions(prose.ids)
            for key, s, e in prose.spans(self._exceptions(prose.words, places)):
                exceptions.setdefault(key, []).append((s, e))
        sent_starts = [s for s, _ in sent_bounds]
        out: list[Finding] = []
        for rule_id, start, end in raw:
            rule = self.rules[rule_id]
            if any(s <= start and end <= e for s, e in exceptions.get(rule_id, ())):
                continue
            si = bisect.bisect_right(sent_starts, start) - 1
            sent_start, sent_end = sent_bounds[si]
            next_end = sent_bounds[si + 1][1] if si + 1 < len(sent_bounds) else -1
            cand = Candidate(doc, start, end, sent_start, min(sent_end, len(doc)), ctx, next_end)
            quoted = ctx.in_quotes(cand.char_start, cand.char_end)
            if (quoted and not options.include_quotes) or mention(cand) or guidance_prose(cand):
                continue
            if not self._child_gate(rule, cand, options.subject, whole):
                continue
            if any(CONDITIONS[name](cand) for name in rule.unless):
                continue
            out.append(self._finding(rule, cand, lines, path=path, quoted=quoted, offset=offset))
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

    @staticmethod
    def _child_gate(rule: Rule, cand: Candidate, subject: Subject, whole: _DocumentRecord) -> bool:
        """Return True if a child-only rule may fire here (always True for `any` rules).

        A child is presumed unless the text shows that the person the words describe is an
        adult: their own age or an adult noun first, then the whole record's DOB or age fields.
        """
        if rule.applies_to is Audience.ANY or subject is Subject.CHILD:
            return True
        if subject is Subject.ADULT:
            return False
        record = whole.record
        verdict = person_adulthood(cand, record.names)
        if verdict is Adulthood.UNKNOWN:
            verdict = record.fields
        return verdict is not Adulthood.ADULT

    def _finding(
        self, rule: Rule, cand: Candidate, lines: _LineIndex, *, path: str, quoted: bool, offset: int
    ) -> Finding:
        match = cand.context.text[cand.char_start : cand.char_end]
        start, end = cand.char_start + offset, cand.char_end + offset
        at_sentence_start = cand.start == cand.sent_start
        line, col = lines.position(start)
        end_line, end_col = lines.position(end)
        return Finding(
            rule_id=rule.id,
            name=rule.name,
            category=rule.category,
            severity=Severity.INFO if quoted else rule.severity,
            message=render(rule.message, match),
            text=match,
            start=start,
            end=end,
            line=line,
            column=col,
            end_line=end_line,
            end_column=end_col,
            suggestions=tuple(render(s, match, capitalise=at_sentence_start) for s in rule.suggestions),
            fix=render(rule.fix, match, capitalise=match[:1].isupper()) if rule.fix else None,
            path=path,
            quoted=quoted,
        )


def _anchor_tokens(tokens: list[dict[str, Any]]) -> frozenset[str] | None:
    """Return the lower-case words of the token one of which every match must contain."""
    best: tuple[float, frozenset[str]] | None = None
    for tok in tokens:
        if tok.get("OP") in ("?", "*", "!"):
            continue
        value = tok.get("LOWER")
        words = [value] if isinstance(value, str) else value.get("IN") if isinstance(value, dict) else None
        if not words:
            continue
        keys = frozenset(str(w) for w in words)
        cost = anchor_cost(keys)
        if best is None or cost < best[0]:
            best = (cost, keys)
    return None if best is None else best[1]


def _sentence_bounds(doc: Any, enders: frozenset[int]) -> list[tuple[int, int]]:
    """Return (start, end) token indices of each sentence.

    A pipeline that sets sentence boundaries (a parser or senter) is trusted. Otherwise the
    rule of spaCy's sentencizer is applied to attribute arrays: a sentence starts at the first
    token that is not punctuation after a full stop, question or exclamation mark. This does
    the sentencizer's work without creating a Python object per token. Either way a blank line
    also ends a sentence, so a whole document and its paragraphs checked one by one agree.
    """
    n = len(doc)
    if n == 0:
        return [(0, 0)]
    rows = doc.to_array(["ORTH", "IS_PUNCT", "IS_SPACE"]).tolist()
    strings = doc.vocab.strings
    annotated = doc.has_annotation("SENT_START")
    flags = doc.to_array("SENT_START").tolist() if annotated else []
    starts = [0]
    seen_end = blank_line = False
    for i, (orth, is_punct, is_space) in enumerate(rows):
        if i and (blank_line or (annotated and flags[i] == 1)) and not is_space:
            starts.append(i)
            seen_end = blank_line = False
            continue
        if is_space:
            blank_line = blank_line or strings[orth].count("\n") >= 2
            continue
        ender = orth in enders
        if not annotated and seen_end and not is_punct and not ender:
            starts.append(i)
            seen_end = False
        elif ender:
            seen_end = True
    return list(zip(starts, [*starts[1:], n], strict=True))


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


class _DocumentRecord:
    """What the whole text says about ages (header fields, ages beside names), read only if a rule asks.

    A paragraph is checked on its own, but a record's header (where the age usually is) may be
    in another paragraph, so it is read from the whole text.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._record: Record | None = None

    @property
    def record(self) -> Record:
        if self._record is None:
            self._record = read_record(self._text)
        return self._record


class _LineIndex:
    """Turn character offsets into 1-based line and column numbers."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1
