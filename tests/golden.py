"""When the golden files may be rewritten: only on the explicit command LANGCHECK_UPDATE_GOLDEN=1.

A golden test that rewrites its file and then compares against what it just wrote tests
nothing, so any other value (even "0" or "") is refused, not quietly read as yes or no.
"""

from __future__ import annotations

from collections.abc import Mapping

VARIABLE = "LANGCHECK_UPDATE_GOLDEN"


class GoldenSettingError(ValueError):
    """LANGCHECK_UPDATE_GOLDEN holds something other than 1."""


def update_requested(environ: Mapping[str, str]) -> bool:
    """Return True if the golden files are to be rewritten; raise if the setting is unclear."""
    value = environ.get(VARIABLE)
    if value is None:
        return False
    if value == "1":
        return True
    raise GoldenSettingError(
        f"{VARIABLE}={value!r} is not understood: set {VARIABLE}=1 to rewrite the golden files, "
        "or unset it to compare against them"
    )
