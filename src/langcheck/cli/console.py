"""The rich consoles every command prints through (markup off: case notes may contain [brackets]).

`--color` and `--output-file` are settled once per run here, so that every command and
formatter prints the same way without passing the choice around.
"""

from __future__ import annotations

import enum
import sys
from typing import IO, Any, NoReturn

from langcheck.cli.exitcodes import ExitCode
from langcheck.errors import LangcheckError


class ColorMode(enum.Enum):
    """When to colour the output (`--color`)."""

    AUTO = "auto"
    ALWAYS = "always"
    NEVER = "never"


_state: dict[str, Any] = {"color": ColorMode.AUTO, "output": None}


def set_color(mode: ColorMode) -> None:
    """Colour every console of this run as `mode` says."""
    _state["color"] = mode


def set_output(handle: IO[str] | None) -> None:
    """Send results to `handle` (an --output-file) instead of standard output."""
    _state["output"] = handle


def _console(**kwargs: Any) -> Any:
    from rich.console import Console

    mode: ColorMode = _state["color"]
    if mode is ColorMode.ALWAYS:
        kwargs["force_terminal"] = True
    elif mode is ColorMode.NEVER:
        kwargs["no_color"] = True
        kwargs["color_system"] = None
    return Console(markup=False, emoji=False, highlight=False, **kwargs)


def stdout_console() -> Any:
    """Return a Console for results: standard output, or the --output-file."""
    handle = _state["output"]
    if handle is not None:
        # A file is not a terminal: no colour unless asked, and no wrapping (tools read it).
        return _console(file=handle, width=10_000 if _state["color"] is not ColorMode.ALWAYS else None)
    return _console()


def stderr_console() -> Any:
    """Return a Console for errors and progress on standard error."""
    return _console(stderr=True)


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
