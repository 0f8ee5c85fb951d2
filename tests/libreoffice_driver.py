"""Drive a running LibreOffice through Python UNO: proofread paragraphs as Writer does.

Run by tests/test_libreoffice.py with Debian's own /usr/bin/python3, where the `uno` module
lives (the test's virtual environment cannot import it). Usage:

    /usr/bin/python3 libreoffice_driver.py PIPE_NAME PARAGRAPHS.json

It connects to the soffice listening on the named pipe, puts each paragraph into a hidden Writer
document (language en-GB), asks the ProofreadingIterator to check it (which calls the grammar
checker configured for en-GB, LibreOffice's own LanguageTool client), prints one JSON object
per paragraph on stdout, and then asks LibreOffice to quit.
"""

from __future__ import annotations

import contextlib
import json
import sys
import time
from pathlib import Path
from typing import Any

import uno

CONNECT_SECONDS = 60.0
LOCALE = ("en", "GB", "")


def connect(pipe: str) -> Any:
    """Return the component context of the soffice on `pipe`, waiting for it to start."""
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    no_connection = uno.getClass("com.sun.star.connection.NoConnectException")
    deadline = time.monotonic() + CONNECT_SECONDS
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except no_connection:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def proofread(ctx: Any, paragraphs: list[str]) -> list[dict[str, Any]]:
    """Return, for each paragraph, the errors LibreOffice's grammar checker reports."""
    smgr = ctx.ServiceManager
    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    hidden = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
    hidden.Name, hidden.Value = "Hidden", True
    doc = desktop.loadComponentFromURL("private:factory/swriter", "_blank", 0, (hidden,))
    locale = uno.createUnoStruct("com.sun.star.lang.Locale", *LOCALE)
    iterator = smgr.createInstanceWithContext("com.sun.star.linguistic2.ProofreadingIterator", ctx)
    proofreading = uno.getConstantByName("com.sun.star.text.TextMarkupType.PROOFREADING")
    results = []
    try:
        for paragraph in paragraphs:
            doc.Text.setString(paragraph)
            cursor = doc.Text.createTextCursor()
            cursor.gotoStart(False)
            cursor.gotoEnd(True)
            cursor.CharLocale = locale
            flat = doc.getFlatParagraphIterator(proofreading, False).getFirstPara()
            text = flat.getText()
            result = iterator.checkSentenceAtPosition(doc, flat, text, locale, 0, len(text), 0)
            checker = result.xProofreader.getImplementationName() if result.xProofreader else None
            errors = []
            for error in result.aErrors:
                properties = {p.Name: p.Value for p in error.aProperties}
                start, length = error.nErrorStart, error.nErrorLength
                errors.append(
                    {
                        "words": text[start : start + length],
                        "colour": properties.get("LineColor"),
                        "comment": error.aShortComment,
                        "suggestions": list(error.aSuggestions),
                    }
                )
            results.append({"text": text, "checker": checker, "errors": errors})
    finally:
        doc.close(True)
    return results


def main() -> None:
    pipe, paragraphs_file = sys.argv[1], sys.argv[2]
    paragraphs = json.loads(Path(paragraphs_file).read_text(encoding="utf-8"))
    ctx = connect(pipe)
    try:
        results = proofread(ctx, paragraphs)
    finally:
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        with contextlib.suppress(Exception):  # the bridge drops as soffice quits; the test waits for it
            desktop.terminate()
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
