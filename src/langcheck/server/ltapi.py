"""Read a LanguageTool `/v2/check` request: its parameters, language and rule choices.

The clients are many and lenient in what they send, so this is lenient in what it reads, as
LanguageTool's own server is: the body is read as a form whatever its declared content type
(ltex-ls labels its form body `application/json`), query-string parameters are merged in, and
parameters we have no use for (`motherTongue`, `level`, `apiKey`, ...) are ignored. What cannot
be checked is refused with a RequestError whose message never quotes the text.
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from langcheck.server.annotation import AnnotatedText, parse_data
from langcheck.server.errors import RequestError
from langcheck.server.writerform import writer_params

MAX_FIELDS = 200
"""More form fields than any client sends; a bound on the work of parsing a hostile body."""


@dataclass(frozen=True, slots=True)
class Language:
    """A language tag and its display name, as LanguageTool reports them."""

    name: str
    code: str


LANGUAGES = (
    Language("English", "en"),
    Language("English (Australian)", "en-AU"),
    Language("English (Canadian)", "en-CA"),
    Language("English (GB)", "en-GB"),
    Language("English (New Zealand)", "en-NZ"),
    Language("English (South African)", "en-ZA"),
    Language("English (US)", "en-US"),
)
"""What `/v2/languages` lists: the English variants clients may ask for (sorted by name)."""

DETECTED = Language("English (GB)", "en-GB")
"""What `language=auto` is taken to be: case notes are English, and these are UK notes."""


@dataclass(frozen=True, slots=True)
class Selection:
    """The rule choices of one request, over the rules the server was started with.

    Rule entries match a rule id (AG001) or name (put-self-at-risk); category entries match a
    category (agency, or AGENCY as we report it). Entries that name nothing are ignored, as
    LanguageTool ignores unknown ids: clients send their own (TYPOS, WHITESPACE_RULE, ...).
    """

    enabled_rules: frozenset[str] = frozenset()
    disabled_rules: frozenset[str] = frozenset()
    enabled_categories: frozenset[str] = frozenset()
    disabled_categories: frozenset[str] = frozenset()
    enabled_only: bool = False

    def allows(self, rule_id: str, name: str, category: str) -> bool:
        """Return True if a finding of this rule should be reported."""
        keys = {rule_id.lower(), name.lower()}
        cat = category_key(category)
        if keys & self.disabled_rules or cat in self.disabled_categories:
            return False
        if self.enabled_only:
            return bool(keys & self.enabled_rules) or cat in self.enabled_categories
        return True


@dataclass(frozen=True, slots=True)
class CheckRequest:
    """Everything needed to check one text and answer in the client's coordinates."""

    text: AnnotatedText
    language: Language
    selection: Selection


def category_key(category: str) -> str:
    """Return the form in which categories compare: `OFFENDER_MINIMISING` = `offender-minimising`."""
    return category.strip().lower().replace("_", "-")


def category_id(category: str) -> str:
    """Return the LanguageTool-style id of a category (upper case, underscores): AGENCY."""
    return category.strip().upper().replace("-", "_")


def parse_params(body: bytes, query: str, content_type: str = "", *, user_agent: str | None = "") -> dict[str, str]:
    """Return the request's parameters: the query string, then the body (which wins).

    The body is a form (`a=1&b=2`, UTF-8, percent-encoded) whatever the content type says; a
    body that is a JSON object is also accepted, for hand-written clients. LibreOffice Writer's
    unencoded body is read as it was meant (see writerform); `user_agent` is None when the request
    had no User-Agent header, which is one of the signs of it.
    """
    params = _form(query, "query string")
    if not body.strip():
        return params
    try:
        decoded = body.decode("utf-8")
    except UnicodeDecodeError:
        raise RequestError(400, "the request body is not UTF-8; send UTF-8 form data") from None
    if "multipart/form-data" in content_type.lower():
        raise RequestError(400, "multipart bodies are not read; send application/x-www-form-urlencoded")
    stripped = decoded.lstrip()
    if stripped.startswith("{"):
        params.update(_json_object(stripped))
    else:
        raw = writer_params(decoded, content_type, user_agent)
        params.update(raw if raw is not None else _form(decoded, "body"))
    return params


def _form(encoded: str, where: str) -> dict[str, str]:
    try:
        pairs = urllib.parse.parse_qsl(encoded, keep_blank_values=True, errors="strict", max_num_fields=MAX_FIELDS)
    except UnicodeDecodeError:
        raise RequestError(400, f"the {where} has percent-encoded bytes that are not UTF-8") from None
    except ValueError:
        raise RequestError(400, f"the {where} has more than {MAX_FIELDS} fields") from None
    return dict(pairs)


def _json_object(body: str) -> dict[str, str]:
    try:
        value = json.loads(body)
        if not isinstance(value, dict) or len(value) > MAX_FIELDS:
            raise RequestError(400, "a JSON body must be one object of parameters")
        return {str(k): v if isinstance(v, str) else json.dumps(v) for k, v in value.items()}
    except RecursionError:  # json recurses once per level of nesting, reading and writing
        raise RequestError(400, "the JSON body is nested too deeply; send one flat object of parameters") from None
    except ValueError:
        raise RequestError(400, "the body starts with '{' but is not valid JSON; send form data") from None


def parse_check(params: Mapping[str, str]) -> CheckRequest:
    """Validate the parameters of a check request."""
    text, data = params.get("text"), params.get("data")
    if text is not None and data is not None:
        raise RequestError(400, "set only 'text' or 'data', not both")
    if text is None and data is None:
        raise RequestError(400, "missing 'text' or 'data' parameter; send the note as text=...")
    annotated = AnnotatedText.from_text(text) if text is not None else parse_data(data or "")
    _require_unicode(annotated.original)
    language = parse_language(params.get("language", "auto"), params.get("preferredVariants", ""))
    return CheckRequest(annotated, language, parse_selection(params))


def _require_unicode(text: str) -> None:
    """Refuse lone surrogates (possible through JSON escapes): they cannot be encoded back."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise RequestError(400, "the text has unpaired UTF-16 surrogates; send valid Unicode") from None


def parse_language(code: str, preferred: str = "") -> Language:
    """Return the language to report for `language` (English variants and `auto` only)."""
    wanted = code.strip().replace("_", "-")
    if wanted.lower() == "auto" or not wanted:
        variants = [parse_language(v) for v in preferred.split(",") if v.strip().lower().startswith("en")]
        return next((v for v in variants if v.code != "en"), DETECTED)
    primary, _, region = wanted.partition("-")
    if primary.lower() != "en":
        raise RequestError(
            400, f"language {wanted[:20]!r} is not checked; langcheck checks English: use en, en-GB, en-US or auto"
        )
    tag = f"en-{region.upper()}" if region else "en"
    return next((lang for lang in LANGUAGES if lang.code.lower() == tag.lower()), Language("English", tag[:20]))


def parse_selection(params: Mapping[str, str]) -> Selection:
    """Read enabledRules, disabledRules, enabledCategories, disabledCategories and enabledOnly."""
    selection = Selection(
        enabled_rules=_entries(params, "enabledRules", str.lower),
        disabled_rules=_entries(params, "disabledRules", str.lower),
        enabled_categories=_entries(params, "enabledCategories", category_key),
        disabled_categories=_entries(params, "disabledCategories", category_key),
        enabled_only=params.get("enabledOnly", "").strip().lower() in ("true", "yes", "1"),
    )
    if selection.enabled_only and not (selection.enabled_rules or selection.enabled_categories):
        raise RequestError(400, "'enabledOnly' needs 'enabledRules' or 'enabledCategories'")
    return selection


def _entries(params: Mapping[str, str], key: str, normalise: Callable[[str], str]) -> frozenset[str]:
    """Return the comma-separated entries of a parameter, normalised for comparison."""
    return frozenset(normalise(v.strip()) for v in params.get(key, "").split(",") if v.strip())
