"""The paste-and-check page and the rule explanation pages, self-contained HTML.

Everything is inline (no fonts, scripts or images from elsewhere) so the page works offline on a
force network, and a Content-Security-Policy with the hashes of the inline script and style lets
the browser run nothing else and connect nowhere but this server. The script builds the results
with DOM text nodes only, never HTML strings, so a note cannot inject markup into the page.
Offsets from the API are UTF-16 code units, which are JavaScript string indices as they are.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from langcheck.models import Rule, Source
from langcheck.server.ltresponse import category_name
from langcheck.server.page_assets import SCRIPT, STYLE
from langcheck.wording import render

EXAMPLE_NOTE = (
    "Kayleigh (14) was reported missing from her children's home at 21:40. She was found at 02:10 "
    "in a car on Mill Lane with two adult males.\n\n"
    "Kayleigh has been putting herself at risk by getting into cars with older men. She is streetwise "
    "and chose to go missing. Her 24-year-old boyfriend has been spoken to.\n\n"
    "Returned safe and well."
)
"""The note behind 'Try an example': realistic, and flagged by several categories."""


@dataclass(frozen=True, slots=True)
class Page:
    """An HTML page and the Content-Security-Policy that goes with it."""

    body: bytes
    csp: str


PAGE = """<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>langcheck: check a case note</title>
<style>__STYLE__</style>
</head>
<body>
<header>
<h1>langcheck</h1>
<p>Check a case note for wording that blames, sexualises or adultifies a victim.</p>
</header>
<main class="two">
<section aria-labelledby="note-heading">
<h2 id="note-heading">Your note</h2>
<form id="check-form">
<label for="note">Case note text</label>
<p class="hint" id="note-hint">Paste or type the note, then choose Check wording (or press Ctrl+Enter).
The text is checked by the langcheck server that sent this page; it keeps no copy and logs no text.</p>
<textarea id="note" name="text" aria-describedby="note-hint" spellcheck="true"></textarea>
<div class="actions">
<button id="check-button" type="submit">Check wording</button>
<button id="example-button" type="button" class="secondary">Try an example</button>
</div>
</form>
</section>
<section id="results" aria-labelledby="results-heading">
<h2 id="results-heading">Findings</h2>
<p id="status" class="status" role="status" aria-live="polite">Nothing checked yet.</p>
<div id="marked" class="marked" hidden></div>
<ol id="findings" class="findings" aria-label="Findings, in the order they appear"></ol>
</section>
</main>
<footer>
<p>__COUNT__ rules in force. LanguageTool clients (the browser add-on, LibreOffice, ltex-ls) can use
this server: give them <code id="api-url">/v2</code> as the server address.</p>
</footer>
<script type="application/json" id="page-data">__DATA__</script>
<script>__SCRIPT__</script>
</body>
</html>
"""

RULE_PAGE = """<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>__TITLE__ - langcheck</title>
<style>__STYLE__</style>
</head>
<body>
<header><h1>__TITLE__</h1><p>__CATEGORY__</p></header>
<main>
<section>
<p>__EXPLANATION__</p>
<h2>Write instead</h2>
<ul>__SUGGESTIONS__</ul>
<h2>Sources</h2>
<ul>__SOURCES__</ul>
<p><a href="../">Check a note</a></p>
</section>
</main>
</body>
</html>
"""


def render_page(rules: Sequence[Rule]) -> Page:
    """Return the paste-and-check page for the rules in force (rendered once, at start-up)."""
    data = {
        "rules": {r.id: {"name": r.name, "explanation": r.explanation} for r in rules},
        "example": EXAMPLE_NOTE,
    }
    body = (
        PAGE.replace("__STYLE__", STYLE)
        .replace("__SCRIPT__", SCRIPT)
        .replace("__COUNT__", str(len(rules)))
        .replace("__DATA__", _json_for_script(data))
    )
    return Page(body.encode("utf-8"), _csp(scripts=(SCRIPT,), styles=(STYLE,)))


def render_rule(rule: Rule, sources: Mapping[str, Source]) -> Page:
    """Return the explanation page of one rule (the `urls` link LanguageTool clients show)."""
    cited = [sources[s] for s in rule.sources if s in sources]
    items = []
    for src in cited:
        text = html.escape(f"{src.publisher} ({src.year}). {src.title}.")
        safe = src.url is not None and src.url.startswith(("https://", "http://"))
        link = f' <a href="{html.escape(src.url or "")}">{html.escape(src.url or "")}</a>' if safe else ""
        items.append(f"<li>{text}{link}</li>")
    body = (
        RULE_PAGE.replace("__STYLE__", STYLE)
        .replace("__TITLE__", html.escape(f"{rule.id} {rule.name}"))
        .replace("__CATEGORY__", html.escape(f"{category_name(rule.category)} ({rule.severity.label})"))
        .replace("__EXPLANATION__", html.escape(rule.explanation))
        .replace("__SUGGESTIONS__", "".join(f"<li>{html.escape(render(s, '[the words]'))}</li>" for s in rule.hints))
        .replace("__SOURCES__", "".join(items) or "<li>none listed</li>")
    )
    return Page(body.encode("utf-8"), _csp(scripts=(), styles=(STYLE,)))


def _json_for_script(value: object) -> str:
    """Return JSON safe inside a <script> element (no `</script>` or `<!--` can appear)."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")


def _hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


def _csp(*, scripts: Sequence[str], styles: Sequence[str]) -> str:
    """Return a policy that allows only these inline blocks and requests to this server."""
    script_src = " ".join(_hash(s) for s in scripts) or "'none'"
    style_src = " ".join(_hash(s) for s in styles) or "'none'"
    return (
        f"default-src 'none'; script-src {script_src}; style-src {style_src}; connect-src 'self'; "
        "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )
