"""Read the documents a command was given, one result per document, errors as values."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from langcheck.config import Config
from langcheck.discovery import STDIN, expand
from langcheck.errors import LangcheckError
from langcheck.settings import SettingsResolver
from langcheck.sources.text import decode, read_text_file


@dataclass(frozen=True, slots=True)
class Document:
    """A document ready to check, with its settings; or the reason it could not be read."""

    path: str
    text: str | None = None
    config: Config | None = None
    error: str | None = None


def documents(paths: tuple[str, ...], resolver: SettingsResolver) -> Iterator[Document]:
    """Yield each document named by `paths` (folders expanded; excluded files skipped)."""
    for target in expand(paths):
        if target.problem is not None:
            yield Document(target.path, error=f"{target.path}: {target.problem}")
            continue
        path = Path.cwd() if target.path == STDIN else Path(target.path)
        try:
            config = resolver.config_for(path)
            if target.path != STDIN and config.is_excluded(path):
                continue
            text = decode(sys.stdin.buffer.read(), "<stdin>") if target.path == STDIN else read_text_file(path)
        except LangcheckError as exc:
            yield Document(target.path, error=str(exc))
            continue
        yield Document(target.path, text, config)
