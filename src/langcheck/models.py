"""Values that flow through langcheck: rules as loaded from YAML, and the findings they produce.

Everything here is a frozen dataclass or an enum, so a rule set or a finding can be shared
between threads, cached, and compared in tests without defensive copies.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.IntEnum):
    """How strongly a finding asks for a change; ordered so `--fail-on` can compare."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        """Return the lower-case name used in rule files, config and output."""
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        """Return the severity named by `value` (info, warning or error)."""
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(value) from None


class Audience(enum.Enum):
    """Whom a rule is about: some wording blames only when it describes a child."""

    ANY = "any"
    CHILD = "child"


class Subject(enum.Enum):
    """The user's statement of whom the notes describe; `auto` reads it from the text."""

    AUTO = "auto"
    CHILD = "child"
    ADULT = "adult"


@dataclass(frozen=True, slots=True)
class Pattern:
    """One way a rule can match: a phrase in the phrase syntax, or a spaCy token pattern."""

    phrase: str | None = None
    tokens: tuple[dict[str, Any], ...] | None = None

    def describe(self) -> str:
        """Return a short human-readable form for listings."""
        if self.phrase is not None:
            return self.phrase
        return " ".join(str(tok) for tok in self.tokens or ())


@dataclass(frozen=True, slots=True)
class FailExample:
    """Text on which the rule must fire; `match` is the exact text it must flag.

    `also` holds the further findings of the rule the text gives (YAML `match` as a list: the
    first is `match`, the rest `also`), so a text that is flagged twice says so.

    `applied` pins the text as it reads once the finding's first replacement is put in place
    (`pinned` with `applied` None: no replacement fits this wording, and none may be offered).
    """

    text: str
    match: str | None = None
    applied: str | None = None
    pinned: bool = False
    also: tuple[str, ...] = ()

    @property
    def stated(self) -> tuple[str, ...]:
        """Every finding the example states: `match`, then `also` (empty with no `match`)."""
        return () if self.match is None else (self.match, *self.also)


@dataclass(frozen=True, slots=True)
class FixExample:
    """Text whose safe fix must give `fixed`, which must then pass the rule."""

    text: str
    fixed: str


@dataclass(frozen=True, slots=True)
class Examples:
    """A rule's own tests: what it must flag, what it must leave, what its fix gives."""

    fail: tuple[FailExample, ...] = ()
    passes: tuple[str, ...] = ()
    fix: tuple[FixExample, ...] = ()


class SourceKind(enum.Enum):
    """What a cited publication is, so a reader can weigh it before accepting a finding.

    A sergeant deciding whether to act on a finding needs to see the inspection, guidance or
    inquiry behind it, not a blog post about it: a rule must list a primary kind first.
    """

    INSPECTION = "inspection"  # an inspectorate's report: HMICFRS, Ofsted, CQC
    STATUTORY_GUIDANCE = "statutory-guidance"  # guidance agencies must follow (Working Together)
    LEGISLATION = "legislation"  # an Act of Parliament, at legislation.gov.uk
    NATIONAL_GUIDANCE = "national-guidance"  # from the body that publishes it: CPS, Home Office, NPCC
    INTERNATIONAL_GUIDANCE = "international-guidance"  # e.g. the Luxembourg Guidelines
    INQUIRY = "inquiry"  # an independent inquiry or statutory review: IICSA, Jay, the Law Commission
    JUDGMENT = "judgment"  # a court's judgment, at caselaw.nationalarchives.gov.uk
    CASE_REVIEW = "case-review"  # a safeguarding practice review, from the partnership that published it
    RESEARCH = "research"  # peer-reviewed research, cited by DOI
    LOCAL_GUIDANCE = "local-guidance"  # one area's practice pages: useful, not authoritative
    SECONDARY = "secondary"  # a summary, campaign, blog or news report about the above

    @property
    def primary(self) -> bool:
        """Return whether a rule may rest on this kind of source alone (and list it first)."""
        return self not in (SourceKind.LOCAL_GUIDANCE, SourceKind.SECONDARY)


@dataclass(frozen=True, slots=True)
class Source:
    """A cited publication that a rule rests on, at its publisher's own web address."""

    id: str
    title: str
    publisher: str
    year: str
    url: str
    kind: SourceKind


@dataclass(frozen=True, slots=True)
class Replacement:
    """Words that can stand where the flagged words stood, and the wordings they fit.

    A replacement is put into the note as it is (by `fix`, "Use this" and LanguageTool
    clients), so it is offered only where it fits: `when` is a phrase the flagged words must
    match whole (its `<...>` groups must stand just before or after them), and `unless_next`
    lists words that, coming straight after the flagged words, would make the sentence wrong.
    """

    text: str
    when: str | None = None
    unless_next: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule, exactly as its YAML file describes it (validated by the loader)."""

    id: str
    name: str
    category: str
    severity: Severity
    applies_to: Audience
    message: str
    explanation: str
    hints: tuple[str, ...]
    patterns: tuple[Pattern, ...]
    sources: tuple[str, ...]
    examples: Examples
    unless: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()
    fix: str | None = None
    path: str | None = field(default=None, compare=False)
    replacements: tuple[Replacement, ...] = ()

    @property
    def suggestions(self) -> tuple[str, ...]:
        """Return the hints (the old name, kept for code written before replacements existed)."""
        return self.hints

    @property
    def code(self) -> str:
        """Return the `ID name` pair users see in listings."""
        return f"{self.id} {self.name}"


class LocationKind(enum.Enum):
    """How a person finds a place in a document: the unit their own program shows."""

    LINE = "line"  # text formats: line and column, as an editor shows them
    PARAGRAPH = "paragraph"  # .docx, .odt: paragraphs that hold text, counted from the top
    TABLE_CELL = "table-cell"  # a cell of a table in a .docx or .odt
    PAGE = "page"  # .pdf
    ROW = "row"  # .csv, .tsv, .xlsx: the spreadsheet row (the header is row 1) and column


@dataclass(frozen=True, slots=True)
class Location:
    """Where a finding is, in the terms of the document's own program (Word, a PDF viewer, Excel).

    Line and column mean nothing to someone reading a Word document, so each reader says where
    its text came from; only the fields that its kind uses are set. `part` names a part of a
    word-processor document other than the body ("header", "footer", "comment", "footnote").
    """

    kind: LocationKind
    line: int | None = None
    column: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    page: int | None = None
    sheet: str | None = None
    column_name: str | None = None
    column_letter: str | None = None
    part: str | None = None

    def describe(self) -> str:
        """Return the place as a person would say it: "paragraph 12", "row 5, column note"."""
        kind = self.kind
        if kind is LocationKind.LINE:
            return f"line {self.line}, column {self.column}"
        if kind is LocationKind.PAGE:
            return f"page {self.page}"
        if kind is LocationKind.ROW:
            where = f"row {self.row}, column {self.column_name}"
            if self.column_letter:
                where += f" ({self.column_letter}{self.row})"
            return f"sheet {self.sheet}, {where}" if self.sheet is not None else where
        if kind is LocationKind.TABLE_CELL:
            where = f"table {self.table}, row {self.row}, cell {self.cell}"
        elif self.part in ("comment", "footnote", "endnote"):
            return f"{self.part} {self.paragraph}"
        else:
            where = f"paragraph {self.paragraph}"
        return f"{self.part}, {where}" if self.part else where

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON object: the kind, the fields it uses, and the description."""
        out: dict[str, Any] = {"kind": self.kind.value}
        for name in (
            "part",
            "sheet",
            "page",
            "table",
            "paragraph",
            "row",
            "cell",
            "line",
            "column",
            "column_name",
            "column_letter",
        ):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        out["description"] = self.describe()
        return out


@dataclass(frozen=True, slots=True)
class Finding:
    """One flagged passage: where it is, which rule, what to say, what to offer instead.

    Two kinds of advice are kept apart. `replacements` can stand where the flagged words stood
    (the sentence stays grammatical and keeps its facts), so tools may put them in place; `fix`
    is the first of them. `hints` are guidance with `[placeholders]` for the writer to fill in,
    and are only ever shown.

    `start`/`end` are character offsets into the checked text; `line`/`column` are 1-based and
    `end_column` is exclusive, the convention of ruff and SARIF. A finding from a document
    reader (see sources/) also has a `location`: for text formats the positions are then in the
    file itself, for other formats in the plain text langcheck extracted, and `location` is
    the place a person looks (paragraph, page, row).
    """

    rule_id: str
    name: str
    category: str
    severity: Severity
    message: str
    text: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    hints: tuple[str, ...] = ()
    fix: str | None = None
    path: str = "-"
    quoted: bool = False
    location: Location | None = None
    replacements: tuple[str, ...] = ()

    @property
    def suggestions(self) -> tuple[str, ...]:
        """Return the hints (the old name, kept for code written before replacements existed)."""
        return self.hints

    @property
    def rule(self) -> str:
        """Return the rule id (the JSON field name)."""
        return self.rule_id

    def to_dict(self) -> dict[str, Any]:
        """Return the finding as the versioned JSON object documented in the README."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "start": self.start,
            "end": self.end,
            "rule": self.rule_id,
            "name": self.name,
            "category": self.category,
            "severity": self.severity.label,
            "message": self.message,
            "text": self.text,
            "replacements": list(self.replacements),
            "hints": list(self.hints),
            "fix": self.fix,
            "location": self.location.to_dict() if self.location is not None else None,
        }


@dataclass(frozen=True, slots=True)
class Options:
    """Per-run choices that change which matches survive, not how rules compile."""

    subject: Subject = Subject.AUTO
    include_quotes: bool = False
