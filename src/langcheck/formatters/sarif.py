"""SARIF 2.1.0 for GitHub code scanning and other static-analysis dashboards.

Every property GitHub reads is filled: rule descriptions and help, a level per result, a
region with 1-based columns in Unicode code points (what Python counts), and a fingerprint
from the rule, path and flagged words, so an alert survives lines moving above it.

For a document that is not plain text (.docx, .pdf, .xlsx, ...) the region's lines are those
of the text langcheck extracted, which no viewer shows; so the place a person looks for
("paragraph 12", "page 3") is also given as a logical location, in the message, and in the
result's properties.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import PurePath
from typing import Any

from langcheck.models import Finding, LocationKind, Rule, Severity
from langcheck.report import Report
from langcheck.version import __version__

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _rule_entry(rule_id: str, rule: Rule | None, sample: Finding) -> dict[str, Any]:
    if rule is None:  # langcheck's own diagnostics (such as an unused suppression)
        short = full = sample.message
        help_text = "See the langcheck README."
        name, level, category = sample.name, LEVELS[sample.severity], sample.category
    else:
        short = rule.message.replace("'{match}' ", "").replace("{match}", "these words")
        full = rule.explanation
        help_text = full + "\n\nWrite instead: " + "; ".join(rule.hints)
        name, level, category = rule.name, LEVELS[rule.severity], rule.category
    markdown = help_text.replace("\n\nWrite instead: ", "\n\n**Write instead:** ")
    return {
        "id": rule_id,
        "name": name,
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": {"text": help_text, "markdown": markdown},
        "defaultConfiguration": {"level": level},
        "properties": {"tags": ["victim-blaming", category], "precision": "high"},
    }


def _region(f: Finding) -> dict[str, int]:
    """The finding's place as a SARIF region: 1-based lines and columns, and the character span."""
    return {
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
        "charOffset": f.start,
        "charLength": f.end - f.start,
    }


def _fixes(f: Finding) -> list[dict[str, Any]]:
    """Return one SARIF fix per replacement: only words that can stand in the text as they are.

    Only where the region is in the file itself (a text format); a .docx's region is in the
    extracted text, which no tool can edit.
    """
    region = _region(f)
    return [
        {
            "description": {"text": f'Replace "{f.text}" with "{value}"'},
            "artifactChanges": [
                {
                    "artifactLocation": {"uri": _uri(f.path)},
                    "replacements": [{"deletedRegion": region, "insertedContent": {"text": value}}],
                }
            ],
        }
        for value in f.replacements
    ]


def _uri(path: str) -> str:
    return PurePath(path).as_posix()  # standard input is "-", as in the JSON and GitHub formats


def to_sarif(report: Report, rules: dict[str, Rule]) -> dict[str, Any]:
    """Return the report as one SARIF run."""
    used: dict[str, Finding] = {}
    for f in report.findings:
        used.setdefault(f.rule_id, f)
    ids = sorted(used)
    index = {rule_id: i for i, rule_id in enumerate(ids)}
    results = []
    for f in report.findings:
        digest = hashlib.sha256(f"{f.rule_id}\0{_uri(f.path)}\0{f.text.lower()}".encode()).hexdigest()[:32]
        text = f.message
        if f.hints:
            text += " Instead: " + "; ".join(f'"{s}"' for s in f.hints)
        place = f.location if f.location is not None and f.location.kind is not LocationKind.LINE else None
        if place is not None:
            text = f"({place.describe()}) {text}"
        result: dict[str, Any] = {
            "ruleId": f.rule_id,
            "ruleIndex": index[f.rule_id],
            "level": LEVELS[f.severity],
            "message": {"text": text},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(f.path)},
                        "region": _region(f),
                    }
                }
            ],
            "partialFingerprints": {"langcheck/v1": digest},
        }
        if place is not None:
            result["locations"][0]["logicalLocations"] = [
                {"name": place.describe(), "fullyQualifiedName": f"{_uri(f.path)} ({place.describe()})"}
            ]
        if f.location is not None:
            result["properties"] = {"location": f.location.to_dict()}
        if f.replacements and place is None:
            result["fixes"] = _fixes(f)
        results.append(result)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "langcheck",
                        "semanticVersion": __version__,
                        "rules": [_rule_entry(i, rules.get(i), used[i]) for i in ids],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
                "invocations": [
                    {
                        "executionSuccessful": not report.errors,
                        "toolExecutionNotifications": [
                            {
                                "level": "error",
                                "message": {"text": r.error or ""},
                                "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(r.path)}}}],
                            }
                            for r in report.errors
                        ],
                    }
                ],
            }
        ],
    }


def write_sarif(report: Report, console: Any, rules: dict[str, Rule]) -> None:
    """Print the SARIF log as indented JSON."""
    console.file.write(json.dumps(to_sarif(report, rules), indent=2, ensure_ascii=False) + "\n")
