"""The exit statuses every command uses, as pre-commit hooks and CI scripts read them."""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    """0 nothing to report, 1 findings (or failed examples), 2 langcheck could not do its job."""

    CLEAN = 0
    FINDINGS = 1
    ERROR = 2
    INTERRUPTED = 130
