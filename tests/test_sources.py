"""What a rule cites: kinds and addresses are checked on load, and primary sources come first.

A sergeant reads `langcheck explain` to decide whether to accept a finding, so the bundled pack
must rest on inspections, guidance, inquiries, reviews and research at their publishers' own
addresses, never on a copy on a document-sharing site or a file on someone's disk.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner

from langcheck.citations import primary_first
from langcheck.cli import cli
from langcheck.errors import RuleError
from langcheck.loader import load_sources
from langcheck.models import Source, SourceKind
from langcheck.ruleset import bundled_rules_dir, load_pack, load_rules

BUNDLED = load_pack(bundled_rules_dir())

# Sites that re-host other people's documents: a copy there is not the publisher's, may be
# altered or removed, and tells a reader nothing about who stands behind it.
MIRROR_HOSTS = (
    "yumpu",
    "scribd",
    "docplayer",
    "studylib",
    "issuu",
    "pdfslide",
    "docslib",
    "docsbay",
    "docslides",
    "paperzz",
    "123doku",
    "fayllar",
    "vdocuments",
    "dokumen",
    "fdocuments",
    "pdf4pro",
    "cupdf",
    "abcdocz",
    "doczz",
    "slideshare",
    "1library",
    "readkong",
    "pdf-archive",
    "kupdf",
)

GOOD_ENTRY = "- id: S1\n  title: T\n  publisher: P\n  year: 2024\n  kind: inspection\n  url: https://example.org/r\n"


def sources_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# --- the loader ------------------------------------------------------------------------------


def test_a_good_source_loads_with_its_kind(tmp_path: Path) -> None:
    loaded = load_sources(sources_file(tmp_path, GOOD_ENTRY))
    assert loaded["S1"] == Source("S1", "T", "P", "2024", "https://example.org/r", SourceKind.INSPECTION)
    assert loaded["S1"].kind.primary


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda s: s.replace("  kind: inspection\n", ""),
            "sources.yaml: [0].kind: is missing; expected one of inspection, statutory-guidance, legislation, "
            "national-guidance, international-guidance, inquiry, judgment, case-review, research, "
            "local-guidance, secondary",
        ),
        (
            lambda s: s.replace("kind: inspection", "kind: blog"),
            "sources.yaml: [0].kind: 'blog' is not a kind of source",
        ),
        (
            lambda s: s.replace("  url: https://example.org/r\n", ""),
            "sources.yaml: [0].url: is missing; expected the http:// or https:// address of the publisher's own copy",
        ),
        (
            lambda s: s.replace("https://example.org/r", "../shared/research/report.pdf"),
            "sources.yaml: [0].url: '../shared/research/report.pdf' is not a web address; expected the http:// or "
            "https:// address of the publisher's own copy",
        ),
        (
            lambda s: s.replace("https://example.org/r", "file:///home/me/report.pdf"),
            "[0].url: 'file:///home/me/report.pdf' is not a web address",
        ),
        (lambda s: s.replace("https://example.org/r", "ftp://example.org/r"), "'ftp://example.org/r' is not a web"),
        (lambda s: s.replace("https://example.org/r", "https:///r"), "'https:///r' is not a web address"),
        (lambda s: s.replace("https://example.org/r", "''"), "[0].url: is an empty string; expected the http://"),
    ],
)
def test_a_bad_source_is_one_line_naming_the_file_and_the_fix(
    tmp_path: Path, change: Callable[[str], str], expected: str
) -> None:
    with pytest.raises(RuleError) as info:
        load_sources(sources_file(tmp_path, change(GOOD_ENTRY)))
    message = str(info.value)
    assert expected in message
    assert message.startswith(str(tmp_path / "sources.yaml"))
    assert "\n" not in message


def test_a_rule_that_lists_a_secondary_source_first_is_refused(tmp_path: Path, make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack(['phrase: "placeholder"'])
    (pack / "sources.yaml").write_text(
        "- {id: TEST1, title: A blog post, publisher: B, year: 2024, kind: secondary, url: https://example.org/b}\n"
    )
    with pytest.raises(RuleError) as info:
        load_rules([pack], bundled=False)
    assert str(info.value) == (
        f"{pack / 'testing' / 'ZZ001-test-rule.yaml'}: sources: lists 'TEST1', a secondary source, first; expected "
        "a primary source first (inspection, statutory, national or international guidance, legislation, "
        "inquiry, judgment, case review or research); add one to sources.yaml or move one to the front"
    )


def test_local_guidance_alone_is_not_enough_either(tmp_path: Path, make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack(['phrase: "placeholder"'])
    (pack / "sources.yaml").write_text(
        "- {id: TEST1, title: L, publisher: P, year: 2024, kind: local-guidance, url: https://example.org/l}\n"
    )
    with pytest.raises(RuleError, match="lists 'TEST1', a local-guidance source, first"):
        load_rules([pack], bundled=False)


def test_a_secondary_source_after_a_primary_one_is_fine(tmp_path: Path, make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack(['phrase: "placeholder"'])
    (pack / "sources.yaml").write_text(
        "- {id: TEST1, title: R, publisher: P, year: 2024, kind: research, url: https://doi.org/10.1/x}\n"
        "- {id: TEST2, title: B, publisher: Q, year: 2024, kind: secondary, url: https://example.org/b}\n"
    )
    rule = pack / "testing" / "ZZ001-test-rule.yaml"
    rule.write_text(rule.read_text().replace("sources: [TEST1]", "sources: [TEST1, TEST2]"))
    assert load_rules([pack], bundled=False).get("ZZ001") is not None


def test_test_rules_reports_a_secondary_source_listed_first(make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack(['phrase: "placeholder"'])
    (pack / "sources.yaml").write_text(
        "- {id: TEST1, title: B, publisher: P, year: 2024, kind: secondary, url: https://example.org/b}\n"
    )
    result = CliRunner().invoke(cli, ["test-rules", str(pack)])
    assert result.exit_code == 1
    assert "ZZ001 data example: lists 'TEST1', a secondary source, first" in result.stdout


# --- the bundled pack's data -----------------------------------------------------------------


@pytest.mark.parametrize("rule", list(BUNDLED), ids=lambda r: r.id)
def test_every_bundled_rule_lists_a_primary_source_first(rule) -> None:  # type: ignore[no-untyped-def]
    first = BUNDLED.sources[rule.sources[0]]
    assert first.kind.primary, f"{rule.id} lists {first.id} ({first.kind.value}) first"


@pytest.mark.parametrize("source", list(BUNDLED.sources.values()), ids=lambda s: s.id)
def test_every_bundled_source_is_at_a_publishers_web_address(source: Source) -> None:
    parts = urlsplit(source.url)
    assert parts.scheme in ("http", "https") and parts.netloc, source.url
    host = parts.netloc.lower()
    assert not any(mirror in host for mirror in MIRROR_HOSTS), f"{source.id} points at a mirror: {host}"
    assert "mirror" not in f"{source.title} {source.publisher}".lower(), source.id
    assert "unknown" not in source.publisher.lower(), f"{source.id} has no identified publisher"


def test_the_bundled_sources_file_points_at_nothing_on_disk() -> None:
    text = (bundled_rules_dir() / "sources.yaml").read_text(encoding="utf-8")
    for bad in ("../", "file:", "shared/", "~/"):
        assert bad not in text


def test_every_bundled_source_is_cited() -> None:
    cited = {sid for rule in BUNDLED for sid in rule.sources}
    assert sorted(set(BUNDLED.sources) - cited) == []


# --- what explain shows ------------------------------------------------------------------------


def source(sid: str, kind: SourceKind) -> Source:
    return Source(sid, f"title {sid}", f"publisher {sid}", "2024", f"https://example.org/{sid}", kind)


def test_primary_first_keeps_the_rules_order_otherwise() -> None:
    known = {
        "B1": source("B1", SourceKind.SECONDARY),
        "L1": source("L1", SourceKind.LOCAL_GUIDANCE),
        "P1": source("P1", SourceKind.INQUIRY),
        "P2": source("P2", SourceKind.RESEARCH),
    }
    assert [s.id for s in primary_first(["B1", "P1", "L1", "P2", "missing"], known)] == ["P1", "P2", "B1", "L1"]


def test_explain_shows_kind_publisher_year_title_and_address_primary_first() -> None:
    result = CliRunner().invoke(cli, ["explain", "AG001"])
    assert result.exit_code == 0
    hmi = BUNDLED.sources["HMI24"]
    line = f"  - [inspection] {hmi.publisher} ({hmi.year}). {hmi.title}. {hmi.url}\n"
    assert line in result.stdout
    sources = result.stdout.split("\nSources", 1)[1]
    assert sources.index("[inspection]") < sources.index("[secondary]")
    assert sources.index("[local-guidance]") > sources.index("[national-guidance]")
