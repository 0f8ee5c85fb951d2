"""The rich consoles every command prints through (markup off: case notes may contain [brackets])."""

from __future__ import annotations

import sys
from typing import Any, NoReturn

from langcheck.cli.exitcodes import ExitCode
from langcheck.errors import LangcheckError


def stdout_console() -> Any:
    """Return a Console for results on standard output."""
    from rich.console import Console

    return Console(markup=False, emoji=False, highlight=False)


def stderr_console() -> Any:
    """Return a Console for errors and progress on standard error."""
    from rich.console import Console

    return Console(stderr=True, markup=False, emoji=False, highlight=False)


def error_line(message: str) -> None:
    """Print one error line on standard error, prefixed so it stands out in hook output."""
    from rich.text import Text

    line = Text()
    line.append("error: ", style="bold red")
    line.append(message)
    stderr_console().print(line, soft_wrap=True)


def fail(exc: LangcheckError | str, code: int = ExitCode.ERROR) -> NoReturn:
    """Print the error as one line and exit with `code`."""
    error_line(str(exc))
    sys.exit(code)
