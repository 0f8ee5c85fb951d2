"""The LanguageTool API's request parsing and response building, without HTTP."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from langcheck import Config, Linter
from langcheck.models import Severity
from langcheck.server.annotation import AnnotatedText, parse_data
from langcheck.server.errors import RequestError
from langcheck.server.ltapi import Selection, parse_check, parse_language, parse_params, parse_selection
from langcheck.server.ltresponse import RuleInfo, Software, check_response, config_info, context, languages
from langcheck.server.offsets import Utf16Index, utf16_length
from langcheck.server.underline import Underline

PACK = Path(__file__).parent / "fixtures" / "pack"
SOFTWARE = Software("langcheck", "0.1.0", "2026-01-01 00:00:00 +0000")


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(Config(extend_rules=(PACK,), select=("TS001", "TS002")))


def answer(linter: Linter, params: dict[str, str]) -> Any:
    request = parse_check(params)
    findings = [f for f in linter.check(request.text.plain) if request.selection.allows(f.rule_id, f.name, f.category)]
    rules = {r.id: RuleInfo.of(r) for r in linter.ruleset}
    return check_response(request, findings, rules, SOFTWARE, rule_url="http://127.0.0.1:8081/rules/")


# offsets


def test_utf16_offsets_count_astral_characters_twice() -> None:
    text = "a😀b😀c"
    index = Utf16Index.of(text)
    assert [index.units(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7]
    assert index.span(2, 4) == (3, 3)
    assert utf16_length(text) == len(text.encode("utf-16-le")) // 2 == 7


def test_utf16_offsets_are_identity_without_astral_characters() -> None:
    index = Utf16Index.of("plain text, é and ß and 中文")
    assert index.astral == ()
    assert index.span(5, 9) == (5, 4)


# parameters


def test_form_body_is_read_whatever_the_content_type() -> None:
    body = b"language=en-GB&text=Jade+%2814%29+is+here"
    for content_type in ("application/x-www-form-urlencoded", "application/json", "text/plain", ""):
        assert parse_params(body, "", content_type) == {"language": "en-GB", "text": "Jade (14) is here"}


def test_query_string_is_merged_and_the_body_wins() -> None:
    assert parse_params(b"text=body", "text=query&language=en") == {"text": "body", "language": "en"}


def test_a_json_object_body_is_accepted() -> None:
    body = json.dumps({"text": "hello", "language": "en", "data": {"annotation": []}}).encode()
    params = parse_params(body, "", "application/json")
    assert params["text"] == "hello"
    assert json.loads(params["data"]) == {"annotation": []}


FORM = "application/x-www-form-urlencoded"


@pytest.mark.parametrize(
    "paragraph",
    [
        "Jade (14) & Amy (15) have been putting themselves at risk.",
        "Attendance 100%41 days. Jade (14) has been putting herself at risk.",
        "Ref 50%C3 Jade (14) chose to go missing again.",
        "Jade (14) + Amy (15): 2+2 & a=b, language=en-GB&language=en-GB",
        "Zoë (14) went missing.\nShe returned.",
    ],
)
def test_writers_unencoded_body_is_read_literally(paragraph: str) -> None:
    body = f"text={paragraph}&language=en-GB".encode()
    assert parse_params(body, "", FORM, user_agent=None) == {"text": paragraph, "language": "en-GB"}
    assert parse_params(body, "", FORM + "; charset=UTF-8", user_agent=None)["text"] == paragraph


@pytest.mark.parametrize(
    ("body", "content_type", "user_agent", "text"),
    [
        # a client that encodes (it sends a User-Agent): read as a form, as before
        (b"text=Jade (14) & Amy&language=en-GB", FORM, "curl/7.88.1", "Jade (14) "),
        (b"text=100%41 days&language=en-GB", FORM, "python-requests/2.32", "100A days"),
        # newer Writers encode the text: nothing in it that an encoder leaves raw, so it is decoded
        (b"text=Jade%20%2814%29%20%26%20Amy%20100%2541&language=en-GB", FORM, None, "Jade (14) & Amy 100%41"),
        (b"text=Jade+%2814%29&language=en-GB", FORM, None, "Jade (14)"),
        # not Writer's shape: another content type, other fields, or fields after the language
        (b"text=Jade (14) & Amy&language=en-GB", "application/json", None, "Jade (14) "),
        (b"text=Jade (14) & Amy&language=en-GB", "", None, "Jade (14) "),
        (b"text=Jade (14) & Amy&language=en-GB&username=x&apiKey=y", FORM, None, "Jade (14) "),
        (b"language=en-GB&text=Jade (14) & Amy", FORM, None, "Jade (14) "),
        (b"text=Jade (14) & Amy&language=en GB", FORM, None, "Jade (14) "),
    ],
)
def test_encoded_bodies_and_other_shapes_are_read_as_forms(
    body: bytes, content_type: str, user_agent: str | None, text: str
) -> None:
    assert parse_params(body, "", content_type, user_agent=user_agent)["text"] == text


def test_a_writer_body_that_is_not_utf8_is_refused() -> None:
    with pytest.raises(RequestError, match="not UTF-8"):
        parse_params(b"text=caf\xe9 & co&language=en-GB", "", FORM, user_agent=None)


@pytest.mark.parametrize(
    ("body", "query", "content_type", "problem"),
    [
        (b"text=\xff\xfe", "", "", "not UTF-8"),
        (b"text=%FF%FE", "", "", "not UTF-8"),
        (b"--x\r\nContent-Disposition: form-data", "", "multipart/form-data; boundary=x", "multipart"),
        (b"{not json", "", "application/json", "not valid JSON"),
        (b"&".join(b"a%d=1" % i for i in range(300)), "", "", "more than"),
    ],
)
def test_unreadable_parameters_are_refused(body: bytes, query: str, content_type: str, problem: str) -> None:
    with pytest.raises(RequestError, match=problem) as info:
        parse_params(body, query, content_type)
    assert info.value.status == 400


@pytest.mark.parametrize(
    ("params", "problem"),
    [
        ({}, "missing 'text' or 'data'"),
        ({"text": "a", "data": "{}"}, "only 'text' or 'data'"),
        ({"text": "a", "language": "de-DE"}, "checks English"),
        ({"text": "a", "enabledOnly": "true"}, "enabledOnly"),
        ({"data": "[1]"}, "JSON object"),
        ({"data": '{"annotation": [{"text": "a", "markup": "<b>"}]}'}, "both 'text' and 'markup'"),
        ({"data": '{"annotation": [{"text": "a", "interpretAs": " "}]}'}, "without 'markup'"),
        ({"data": '{"annotation": [{"other": 1}]}'}, "needs 'text' or 'markup'"),
        ({"data": '{"annotation": [{"markup": 5}]}'}, "must be strings"),
        ({"data": '{"text": "a", "annotation": []}'}, "both 'text' and 'annotation'"),
        ({"data": '{"text": "\\ud83d"}'}, "unpaired"),
    ],
)
def test_bad_check_requests_are_refused(params: dict[str, str], problem: str) -> None:
    with pytest.raises(RequestError, match=problem) as info:
        parse_check(params)
    assert info.value.status == 400


def test_error_messages_never_quote_the_text() -> None:
    secret = "Zebedee-secret-words"
    for params in ({"text": secret, "language": "fr"}, {"data": "{" + secret}, {"data": f'[ "{secret}" ]'}):
        with pytest.raises(RequestError) as info:
            parse_check(params)
        assert secret not in info.value.message


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("en", ("English", "en")),
        ("en-GB", ("English (GB)", "en-GB")),
        ("en_us", ("English (US)", "en-US")),
        ("EN-AU", ("English (Australian)", "en-AU")),
        ("auto", ("English (GB)", "en-GB")),
        ("", ("English (GB)", "en-GB")),
    ],
)
def test_english_variants_and_auto_are_accepted(code: str, expected: tuple[str, str]) -> None:
    lang = parse_language(code)
    assert (lang.name, lang.code) == expected


def test_auto_uses_a_preferred_english_variant() -> None:
    assert parse_language("auto", "de-DE,en-US").code == "en-US"


def test_languages_lists_english_variants_with_code_and_long_code() -> None:
    listed = languages()
    assert {"name": "English (GB)", "code": "en", "longCode": "en-GB"} in listed
    assert [x["name"] for x in listed] == sorted(x["name"] for x in listed)


# rule selection


def test_disabled_rules_and_categories_match_ids_names_and_either_category_form() -> None:
    selection = parse_selection(
        {"disabledRules": "ag001, WHITESPACE_RULE", "disabledCategories": "OFFENDER_MINIMISING"}
    )
    assert not selection.allows("AG001", "put-self-at-risk", "agency")
    assert not selection.allows("OM001", "snapped", "offender-minimising")
    assert selection.allows("AG002", "chose", "agency")
    assert not parse_selection({"disabledRules": "put-self-at-risk"}).allows("AG001", "put-self-at-risk", "agency")


def test_enabled_only_keeps_just_the_enabled_rules_and_categories() -> None:
    selection = parse_selection({"enabledOnly": "true", "enabledRules": "AG001", "enabledCategories": "missing"})
    assert selection.allows("AG001", "a", "agency")
    assert selection.allows("MI001", "b", "missing")
    assert not selection.allows("AG002", "c", "agency")


def test_enabled_rules_without_enabled_only_change_nothing() -> None:
    assert parse_selection({"enabledRules": "AG001"}).allows("AG002", "c", "agency")
    assert Selection().allows("X", "y", "z")


# annotation (the `data` parameter)


def test_markup_counts_for_offsets_but_is_not_checked() -> None:
    annotated = parse_data(
        json.dumps(
            {
                "annotation": [
                    {"markup": "<p>"},
                    {"text": "Jade (14) is "},
                    {"markup": "<b>"},
                    {"text": "putting herself at risk"},
                    {"markup": "</b>"},
                    {"markup": "<br/>", "interpretAs": "\n"},
                    {"text": "Next."},
                ]
            }
        )
    )
    assert annotated.plain == "Jade (14) is putting herself at risk\nNext."
    assert annotated.original == "<p>Jade (14) is <b>putting herself at risk</b><br/>Next."
    start = annotated.plain.index("putting")
    s, e = annotated.original_span(start, start + len("putting herself at risk"))
    assert annotated.original[s:e] == "putting herself at risk"
    newline = annotated.plain.index("\n")
    assert annotated.original[slice(*annotated.original_span(newline, newline + 1))] == "<br/>"


def test_plain_text_maps_to_itself() -> None:
    annotated = AnnotatedText.from_text("abc")
    assert not annotated.has_markup
    assert annotated.original_span(1, 2) == (1, 2)


# responses


def test_response_has_every_field_clients_require(linter: Linter) -> None:
    data = answer(linter, {"text": "Jade (14) has been putting herself at risk.", "language": "en-GB"})
    assert set(data) >= {"software", "warnings", "language", "matches"}
    assert set(data["software"]) >= {"name", "version", "buildDate", "apiVersion", "premium", "status"}
    assert data["warnings"] == {"incompleteResults": False}
    assert data["language"] == {
        "name": "English (GB)",
        "code": "en-GB",
        "detectedLanguage": {"name": "English (GB)", "code": "en-GB", "confidence": 1.0},
    }
    [match] = data["matches"]
    assert match == {
        "message": "'putting herself at risk' makes the child responsible for danger that adults create."
        " Instead: \u201cis at risk from the adults who are exploiting her\u201d;"
        " \u201cis being placed at risk by [name the adults]\u201d. (TS001)",
        "shortMessage": "Testing",
        "replacements": [],  # TS001 has hints only: a client must never put them into the text
        "offset": 19,
        "length": 23,
        "context": {"text": "Jade (14) has been putting herself at risk.", "offset": 19, "length": 23},
        "sentence": "Jade (14) has been putting herself at risk.",
        "type": {"typeName": "Other"},
        "rule": {
            "id": "TS001",
            "description": "Put self at risk (TS001)",
            "issueType": "style",
            "category": {"id": "TESTING", "name": "Testing"},
            "isPremium": False,
            "urls": [{"value": "http://127.0.0.1:8081/rules/TS001"}],
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
        "langcheck": {
            "severity": "warning",
            "name": "put-self-at-risk",
            "quoted": False,
            "message": "'putting herself at risk' makes the child responsible for danger that adults create.",
            "hints": [
                "is at risk from the adults who are exploiting her",
                "is being placed at risk by [name the adults]",
            ],
        },
    }


def test_underline_follows_severity_and_the_message_names_the_rule(linter: Linter) -> None:
    text = "Jade (14) has been putting herself at risk. She disclosed historic abuse."
    warning, info = answer(linter, {"text": text})["matches"]
    assert (warning["rule"]["id"], warning["langcheck"]["severity"]) == ("TS001", "warning")
    assert (warning["rule"]["category"]["id"], warning["type"]["typeName"]) == ("TESTING", "Other")  # orange
    assert (info["rule"]["id"], info["langcheck"]["severity"]) == ("TS002", "info")
    assert (info["rule"]["category"], info["type"]["typeName"]) == ({"id": "STYLE", "name": "Testing"}, "Hint")  # blue
    assert info["message"].endswith(" (TS002)") and warning["message"].endswith(" (TS001)")


@pytest.mark.parametrize(
    ("severity", "own", "category_id", "type_name"),
    [
        (Severity.INFO, "AGENCY", "STYLE", "Hint"),
        (Severity.WARNING, "AGENCY", "AGENCY", "Other"),
        (Severity.ERROR, "CONSENT", "CONSENT", "Other"),
        (Severity.ERROR, "TYPOS", "LANGCHECK_TYPOS", "Other"),  # never red
        (Severity.WARNING, "STYLE", "LANGCHECK_STYLE", "Other"),
    ],
)
def test_category_id_per_severity(severity: Severity, own: str, category_id: str, type_name: str) -> None:
    underline = Underline.of(severity)
    assert (underline.category_id(own), underline.type_name) == (category_id, type_name)


def test_configinfo_reports_the_category_ids_clients_see(linter: Linter) -> None:
    rules = [RuleInfo.of(r) for r in linter.ruleset]
    listed = config_info(rules, SOFTWARE, 1000)["rules"]
    assert [(r["ruleId"], r["categoryId"], r["severity"]) for r in listed] == [
        ("TS001", "TESTING", "warning"),
        ("TS002", "STYLE", "info"),
    ]


def test_offsets_are_utf16_after_emoji(linter: Linter) -> None:
    text = "😀😀 Jade (14) 👍🏽 has been putting herself at risk. 🙂"
    [match] = answer(linter, {"text": text})["matches"]
    utf16 = text.encode("utf-16-le")
    start, length = match["offset"], match["length"]
    assert utf16[2 * start : 2 * (start + length)].decode("utf-16-le") == "putting herself at risk"
    ctx = match["context"]
    window = ctx["text"].encode("utf-16-le")
    assert (
        window[2 * ctx["offset"] : 2 * (ctx["offset"] + ctx["length"])].decode("utf-16-le") == "putting herself at risk"
    )


def test_offsets_point_into_the_document_with_its_markup(linter: Linter) -> None:
    annotation = [{"markup": "<p>"}, {"text": "😀 Jade (14) is "}, {"markup": "<em>"}]
    annotation += [{"text": "putting herself at risk"}, {"markup": "</em>"}, {"markup": "</p>", "interpretAs": "\n\n"}]
    data = answer(linter, {"data": json.dumps({"annotation": annotation})})
    [match] = data["matches"]
    document = "".join(a.get("text", a.get("markup", "")) for a in annotation).encode("utf-16-le")
    assert document[2 * match["offset"] : 2 * (match["offset"] + match["length"])].decode("utf-16-le") == (
        "putting herself at risk"
    )
    assert "<em>" not in match["context"]["text"]
    assert match["sentence"] == "😀 Jade (14) is putting herself at risk"


def test_the_safe_fix_is_the_first_replacement_once(linter: Linter) -> None:
    [match] = answer(linter, {"text": "She disclosed historic abuse."})["matches"]
    assert match["replacements"] == [{"value": "non-recent abuse"}]
    assert match["rule"]["id"] == "TS002"


def test_clean_text_has_no_matches(linter: Linter) -> None:
    assert answer(linter, {"text": "Jade (14) was seen at the park at 14:00."})["matches"] == []


def test_disabled_rules_are_not_reported(linter: Linter) -> None:
    text = "Jade (14) has been putting herself at risk. She disclosed historic abuse."
    ids = [m["rule"]["id"] for m in answer(linter, {"text": text, "disabledRules": "TS001"})["matches"]]
    assert ids == ["TS002"]
    ids = [m["rule"]["id"] for m in answer(linter, {"text": text, "disabledCategories": "TESTING"})["matches"]]
    assert ids == []


def test_context_is_one_line_with_ellipses() -> None:
    text = "x" * 60 + "\nthe words\n" + "y" * 60
    ctx = context(text, 61, 70)
    assert ctx["text"] == "..." + "x" * 39 + " the words " + "y" * 39 + "..."
    assert ctx["text"][ctx["offset"] : ctx["offset"] + ctx["length"]] == "the words"


def test_long_sentences_are_cut_around_the_match(linter: Linter) -> None:
    text = "word " * 2000 + "Jade (14) has been putting herself at risk " + "word " * 2000
    [match] = answer(linter, {"text": text})["matches"]
    assert len(match["sentence"]) <= 1000
    assert "putting herself at risk" in match["sentence"]
