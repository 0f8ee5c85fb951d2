"""Choose how LanguageTool clients draw a finding, from its severity.

Clients have no field for severity; they pick the underline from the category id (LibreOffice
Writer: `TYPOS` red, `STYLE` blue, anything else orange) and from `type.typeName` (LanguageTool
documents it as the colour hint: `UnknownWord` red, `Hint` blue, `Other` orange). Red is never
used: a writer reads it as a spelling mistake, and clients offer to add a "misspelt" word to the
dictionary, which would silence the rule for good. So an `info` finding, which asks for a second
thought, is drawn blue as a style hint; a `warning` or `error`, which asks for the words to be
changed, is drawn orange as LanguageTool draws grammar, and keeps its own category id (`AGENCY`)
so that a client's "turn off this category" still names a langcheck category.
"""

from __future__ import annotations

import enum

from langcheck.models import Severity

RESERVED_CATEGORY_IDS = frozenset({"TYPOS", "STYLE", "orth"})
"""Category ids that clients draw in a colour of their own (`orth` is Duden's spelling)."""


class Underline(enum.Enum):
    """The two ways a finding is drawn: a blue style hint, or an orange 'reword this'."""

    HINT = "hint"
    REWORD = "reword"

    @classmethod
    def of(cls, severity: Severity) -> Underline:
        """Return how a finding of this severity is drawn."""
        return cls.HINT if severity is Severity.INFO else cls.REWORD

    def category_id(self, own: str) -> str:
        """Return the category id to report for a rule whose own category id is `own`."""
        if self is Underline.HINT:
            return "STYLE"
        return f"LANGCHECK_{own}" if own in RESERVED_CATEGORY_IDS else own

    @property
    def type_name(self) -> str:
        """Return the match's `type.typeName`."""
        return "Hint" if self is Underline.HINT else "Other"
