"""Read a PDF's text layer, a page at a time; a scan with no text says so instead of passing clean.

pypdf: maintained, pure Python (no poppler or Java to install on a locked-down force laptop),
with limits of its own on decompression. A PDF's line breaks are where the page ran out of
width, not where the writer ended a line, so each page's text is joined into one paragraph:
a phrase wrapped over two lines is still found. Each page is a block ("page 3").
"""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from langcheck.errors import InputError
from langcheck.models import Location, LocationKind
from langcheck.sources.document import ReadOptions, Source
from langcheck.sources.package import reason
from langcheck.sources.units import BlockUnit
from langcheck.surrogates import without_surrogates

if TYPE_CHECKING:
    from langcheck.sources import InputFormat

_RESAVE = "export it again as PDF from the program that made it"
_SPACE = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def read(source: Source, options: ReadOptions, fmt: InputFormat | None = None) -> Iterator[BlockUnit]:
    """Yield the text of every page as one unit of blocks located by page number."""
    # pypdf reports damage it works around through logging; without this a user would see
    # its internal warnings on standard error for every odd PDF.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    from pypdf import PdfReader

    blocks: list[tuple[str, Location]] = []
    empty: list[int] = []
    with source.open(options) as handle:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                reader = PdfReader(handle, strict=False)
                _unlock(reader, source)
                pages = len(reader.pages)
        except InputError:
            raise
        except Exception as exc:  # pypdf raises many kinds of error on a damaged file
            raise InputError(source.name, f"is not a readable PDF ({reason(exc)})", _RESAVE) from None
        for number in range(1, pages + 1):
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    raw = reader.pages[number - 1].extract_text() or ""
            except Exception as exc:  # one damaged page: say which
                raise InputError(
                    source.name, f"is not a readable PDF (page {number}: {reason(exc)})", _RESAVE
                ) from None
            text = without_surrogates(_SPACE.sub(" ", _CONTROL.sub("", raw)).strip())
            if text:
                blocks.append((text, Location(LocationKind.PAGE, page=number)))
            else:
                empty.append(number)
    if pages and not blocks:
        raise InputError(
            source.name,
            "has no text layer (it looks like a scanned image), so nothing in it could be checked",
            "run OCR on it first (for example ocrmypdf) or check the original document",
        )
    notices: tuple[str, ...] = ()
    if empty:
        shown = ", ".join(str(n) for n in empty[:10]) + (", ..." if len(empty) > 10 else "")
        notices = (
            f"{source.name}: page{'s' if len(empty) > 1 else ''} {shown} "
            f"{'have' if len(empty) > 1 else 'has'} no text layer (scanned?) and "
            f"{'were' if len(empty) > 1 else 'was'} not checked",
        )
    if blocks:
        yield BlockUnit(blocks, notices=notices)


def _unlock(reader: Any, source: Source) -> None:
    """Open a PDF encrypted with an empty password (as many are); refuse one that needs a password."""
    if not reader.is_encrypted:
        return
    try:
        opened = reader.decrypt("")
    except Exception:  # AES without a crypto library, or an unknown scheme
        opened = 0
    if not opened:
        raise InputError(
            source.name,
            "is encrypted with a password",
            "save a copy without the password (or print it to a new PDF) and check that",
        )
