"""Run langcheck where national-scale data already lives: on Apache Spark.

A force writes millions of notes a year and a national review reads hundreds of millions, in
Spark platforms that analytics teams already run. `findings` turns a DataFrame of notes into a
DataFrame of findings with `mapInPandas`: each Python worker builds the linter once and checks
whole partitions in batches, so the cost per note is the same as `Linter.check_many` on one
machine. `summary` turns those findings and the records into the audit report's JSON (as
`langcheck report --format json` writes it), counting on the cluster with group-by sums and
deriving the figures with the report's own code. Install with `pip install "langcheck[spark]"`.

The settings travel with the job. A team's own rule packs (`extend_rules`) exist only on the
driver's disk, so their files are read there and shipped inside the job; each worker writes them
to a private temporary folder once and loads them from there. Nothing is read from paths that
exist only on the driver, and no note text leaves the cluster.

    from langcheck.spark import findings
    found = findings(notes_df, text="note", id="record_id")
    found.groupBy("category").count().show()
    figures = summary(found, notes_df, date="recorded", group_by="team")  # report --from-json renders it
"""

from __future__ import annotations

import functools
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from langcheck.config import Config
from langcheck.errors import ConfigError
from langcheck.models import Finding, Subject

if TYPE_CHECKING:
    import pandas
    from pyspark.sql import DataFrame

FINDINGS_SCHEMA = (
    "record_id string, rule string, name string, category string, severity string, start int, end int, "
    "text string, message string, suggestion string"
)
"""The columns of `findings`: one row per finding, `start`/`end` character offsets into the note."""

_PACK_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, slots=True)
class JobSettings:
    """The settings a Spark job carries to its workers: plain values and the team's rule files.

    Frozen and hashable, so each worker process builds one linter per distinct settings value
    and reuses it for every partition it is given.
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    subject: str = Subject.AUTO.value
    include_quotes: bool = False
    packs: tuple[tuple[tuple[str, str], ...], ...] = ()
    """Each extra rule pack as (path inside the pack, file text) pairs, read on the driver."""

    @classmethod
    def from_config(cls, config: Config | None) -> JobSettings:
        """Read a Config on the driver, including the files of its extra rule packs."""
        config = config or Config()
        return cls(
            select=config.select,
            ignore=config.ignore,
            subject=config.subject.value,
            include_quotes=config.include_quotes,
            packs=tuple(_read_pack(Path(folder)) for folder in config.extend_rules),
        )

    def config(self, folder: Path) -> Config:
        """Return the Config for a worker, with the packs written under `folder`."""
        extend = []
        for number, files in enumerate(self.packs):
            root = folder / f"pack{number}"
            for name, text in files:
                target = root / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
            extend.append(root)
        return Config(
            select=self.select,
            ignore=self.ignore,
            subject=Subject(self.subject),
            include_quotes=self.include_quotes,
            extend_rules=tuple(extend),
        )


def _read_pack(folder: Path) -> tuple[tuple[str, str], ...]:
    """Return the rule files of a pack folder as (relative path, text), for shipping with the job."""
    if not folder.is_dir():
        raise ConfigError("extend-rules", str(folder), "is not a folder; give a folder of rule files")
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in _PACK_SUFFIXES)
    return tuple((p.relative_to(folder).as_posix(), p.read_text(encoding="utf-8")) for p in files)


@functools.lru_cache(maxsize=4)
def _worker_linter(settings: JobSettings) -> Any:
    """Return this worker process's linter for these settings, built on first use.

    Python workers are reused across tasks, so the rules are compiled once per worker, not once
    per partition. The packs' folder lives as long as the worker process.
    """
    from langcheck.linter import Linter

    folder = Path(tempfile.mkdtemp(prefix="langcheck-pack-"))
    return Linter(settings.config(folder))


def _rows(record_id: str, found: list[Finding]) -> Iterator[dict[str, object]]:
    for f in found:
        yield {
            "record_id": record_id,
            "rule": f.rule_id,
            "name": f.name,
            "category": f.category,
            "severity": f.severity.label,
            "start": f.start,
            "end": f.end,
            "text": f.text,
            "message": f.message,
            "suggestion": f.suggestions[0] if f.suggestions else None,
        }


def check_batches(
    batches: Iterator[pandas.DataFrame], settings: JobSettings, batch_size: int
) -> Iterator[pandas.DataFrame]:
    """Check each batch of (record_id, text) rows and yield its findings as a pandas DataFrame.

    The function `mapInPandas` runs on the workers; public so that it can be tested without Spark.
    """
    import pandas

    linter = _worker_linter(settings)
    columns = [c.split()[0] for c in FINDINGS_SCHEMA.split(", ")]
    for batch in batches:
        ids = ["" if i is None else str(i) for i in batch["record_id"].tolist()]
        texts = ["" if t is None else str(t) for t in batch["text"].tolist()]
        rows: list[dict[str, object]] = []
        for record_id, found in zip(ids, linter.check_many(texts, batch_size=batch_size), strict=True):
            rows.extend(_rows(record_id, found))
        frame = pandas.DataFrame(rows, columns=columns)
        yield frame.astype({"start": "int32", "end": "int32"})


def findings(
    df: DataFrame,
    text: str = "note",
    id: str = "record_id",  # the name the issue and users use for the column, shadowing the builtin here only
    config: Config | None = None,
    *,
    batch_size: int = 256,
) -> DataFrame:
    """Return a DataFrame of findings, one row per finding, for the notes in column `text`.

    `id` names the column that identifies a record (cast to a string). Settings come from
    `config` (select, ignore, subject, include quotes, extra rule packs) and travel with the job.
    """
    missing = [c for c in (text, id) if c not in df.columns]
    if missing:
        raise ConfigError(
            "spark", "findings", f"the DataFrame has no column {missing[0]!r}; its columns are {', '.join(df.columns)}"
        )
    settings = JobSettings.from_config(config)
    notes = df.selectExpr(f"CAST(`{id}` AS STRING) AS record_id", f"CAST(`{text}` AS STRING) AS text")

    def run(batches: Iterator[pandas.DataFrame]) -> Iterator[pandas.DataFrame]:
        return check_batches(batches, settings, batch_size)

    return notes.mapInPandas(run, schema=FINDINGS_SCHEMA)


# The audit report's figures on Spark ------------------------------------------------------------

RECORD_SCHEMA = (
    "record_id string, cell_group string, month string, words long, kept boolean, no_text boolean, "
    "date_state string, date_text string"
)
"""What `summary` keeps of each record: never its text, only what the report counts."""
HIT_SCHEMA = "record_id string, rule string, name string, category string, phrase string"
"""What `summary` keeps of each finding: the phrase as the report counts it, not the note."""
_MISSING, _UNREADABLE = "missing", "unreadable"
_SAMPLES = 5


@dataclass(frozen=True, slots=True)
class _Period:
    """The --since/--until bounds, and whether a date column was named (plain values for workers)."""

    date_column: str | None
    since: str | None
    until: str | None


def _plain(value: object) -> object:
    """Return a pandas cell as the value the report's reader would hold (None for a null)."""
    import pandas

    if value is None or (not isinstance(value, str | bytes) and bool(pandas.isna(value))):
        return None
    if isinstance(value, pandas.Timestamp):
        return value.to_pydatetime()
    item = getattr(value, "item", None)  # a numpy scalar
    return item() if callable(item) and not isinstance(value, str) else value


def _cell_text(value: object) -> str:
    """Return a cell as text the way the report's reader does (12.0 is "12", a midnight is a date)."""
    import datetime

    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        value = value.date()
    return str(value).strip()


def record_values(batches: Iterator[pandas.DataFrame], period: _Period) -> Iterator[pandas.DataFrame]:
    """Return each record's month, words and what the report does with it (run by `mapInPandas`).

    Every value comes from the report's own functions, so a record is counted on Spark exactly
    as `langcheck report` counts it: the text cleaned as the reader cleans a cell, `count_words`,
    `parse_date` and `month_of`, and `Tally`'s rules for missing, unreadable and out-of-period dates.
    """
    import pandas

    from langcheck.audit.dates import parse_date
    from langcheck.audit.records import NO_GROUP
    from langcheck.audit.stream import count_words
    from langcheck.audit.summary import Tally
    from langcheck.sources.units import clean_block

    for batch in batches:
        rows = []
        dates = batch["date"].tolist() if "date" in batch else [None] * len(batch)
        groups = batch["grp"].tolist() if "grp" in batch else [None] * len(batch)
        for record_id, text, raw_date, raw_group in zip(
            batch["record_id"].tolist(), batch["text"].tolist(), dates, groups, strict=True
        ):
            cell = _plain(raw_date)
            date_text = _cell_text(cell)
            note = clean_block(text) if isinstance(text, str) else ""
            tally = Tally(date_column=period.date_column, since=period.since, until=period.until)
            no_text = not note.strip()
            month, kept, state = "", False, ""
            if not no_text:
                month = tally.month_for(parse_date(cell), date_text, str(record_id))
                kept = tally.in_period(month)
                counts = tally.counts().dates
                state = _UNREADABLE if counts.unreadable else _MISSING if counts.missing else ""
            rows.append(
                {
                    "record_id": "" if record_id is None else str(record_id),
                    "cell_group": _cell_text(_plain(raw_group)) or NO_GROUP,
                    "month": month,
                    "words": count_words(note) if kept else 0,
                    "kept": kept,
                    "no_text": no_text,
                    "date_state": state,
                    "date_text": date_text if state == _UNREADABLE else "",
                }
            )
        columns = [c.split()[0] for c in RECORD_SCHEMA.split(", ")]
        yield pandas.DataFrame(rows, columns=columns).astype({"words": "int64", "kept": bool, "no_text": bool})


def hit_values(batches: Iterator[pandas.DataFrame], min_severity: int, redacted: bool) -> Iterator[pandas.DataFrame]:
    """Keep the findings at or above `min_severity`, each with its phrase as the report counts it.

    The phrase key is `Tally.phrase_key` (lower case, one space, numbers as [n], names hidden
    when `redacted`), so the phrase table is the report's.
    """
    import pandas

    from langcheck.audit.redact import redact
    from langcheck.audit.summary import Tally
    from langcheck.models import Severity

    tally = Tally(redact_phrase=redact if redacted else None)
    columns = [c.split()[0] for c in HIT_SCHEMA.split(", ")]
    for batch in batches:
        rows = [
            {
                "record_id": record_id,
                "rule": rule,
                "name": name,
                "category": category,
                "phrase": tally.phrase_key(text or ""),
            }
            for record_id, rule, name, category, severity, text in zip(
                batch["record_id"].tolist(),
                batch["rule"].tolist(),
                batch["name"].tolist(),
                batch["category"].tolist(),
                batch["severity"].tolist(),
                batch["text"].tolist(),
                strict=True,
            )
            if int(Severity.parse(severity)) >= min_severity
        ]
        yield pandas.DataFrame(rows, columns=columns)


def _quoted(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def _settings(
    *,
    id_column: str,
    date: str | None,
    group_by: str | None,
    compare: tuple[str, str] | None,
    since: str | None,
    until: str | None,
    redact: bool,
    min_severity: str,
) -> Any:
    """Return the report's Settings for these arguments; a bad value is one clear ConfigError."""
    from langcheck.audit.dates import parse_month
    from langcheck.audit.result import Settings
    from langcheck.audit.summary import Period
    from langcheck.models import Severity

    bounds: dict[str, str | None] = {}
    for key, value in (("since", since), ("until", until)):
        month = parse_month(value) if value else None
        if value and month is None:
            raise ConfigError("spark", key, f"{value!r} is not a month; write it as YYYY-MM, e.g. 2026-07")
        bounds[key] = month
    periods = None
    if compare is not None:
        try:
            periods = (Period.parse(compare[0]), Period.parse(compare[1]))
        except ValueError as exc:
            raise ConfigError("spark", "compare", str(exc)) from None
    try:
        severity = Severity.parse(min_severity)
    except ValueError:
        raise ConfigError("spark", "min_severity", f"{min_severity!r} is not info, warning or error") from None
    return Settings(
        redacted=redact,
        min_severity=severity,
        id_column=id_column,
        date_column=date,
        group_by=group_by,
        since=bounds["since"],
        until=bounds["until"],
        compare=periods,
    )


def summary(
    findings_df: DataFrame,
    records_df: DataFrame,
    *,
    text: str = "note",
    id: str = "record_id",  # as in `findings`
    date: str | None = None,
    group_by: str | None = None,
    compare: tuple[str, str] | None = None,
    since: str | None = None,
    until: str | None = None,
    redact: bool = True,
    min_severity: str = "info",
) -> dict[str, Any]:
    """Return the audit report's JSON object (as `langcheck report --format json`) computed on Spark.

    `findings_df` is what `findings(records_df, text, id, config)` returned; `records_df` holds
    every record (one row each, `id` unique), with its note in `text`, its date in `date` and its
    team in `group_by`. Each record's month, words and date state are computed on the workers
    with the report's own functions; group-by sums give the report's additive `Counts`, and the
    report's `summarise` and `to_json` give every figure, so the numbers are the ones
    `langcheck report` gives for the same export. Render the HTML with
    `langcheck report --from-json SUMMARY.json -o report.html`.

    The example sentences stay on the cluster: `examples` is empty, and the samples of
    unreadable dates name the record id, not a place in a file. Settings the findings were
    computed with (select, ignore) are not known here and are shown as none.
    """
    from pyspark.sql import functions as sf

    from langcheck.audit.result import AuditResult, to_json
    from langcheck.audit.summary import (
        CategoryCount,
        Cell,
        Counts,
        DateCounts,
        PhraseCount,
        RuleCount,
        summarise,
    )

    for column in (c for c in (text, id, date, group_by) if c):
        if column not in records_df.columns:
            shown = ", ".join(records_df.columns)
            raise ConfigError("spark", "summary", f"the records have no column {column!r}; their columns are {shown}")
    settings = _settings(
        id_column=id,
        date=date,
        group_by=group_by,
        compare=compare,
        since=since,
        until=until,
        redact=redact,
        min_severity=min_severity,
    )
    period = _Period(date, settings.since, settings.until)
    chosen = [f"CAST({_quoted(id)} AS STRING) AS record_id", f"CAST({_quoted(text)} AS STRING) AS text"]
    chosen += [f"{_quoted(date)} AS date"] if date else []
    chosen += [f"{_quoted(group_by)} AS grp"] if group_by else []

    def per_record(batches: Iterator[pandas.DataFrame]) -> Iterator[pandas.DataFrame]:
        return record_values(batches, period)

    severity, redacted = int(settings.min_severity), settings.redacted

    def per_hit(batches: Iterator[pandas.DataFrame]) -> Iterator[pandas.DataFrame]:
        return hit_values(batches, severity, redacted)

    records = records_df.selectExpr(*chosen).mapInPandas(per_record, schema=RECORD_SCHEMA).persist()
    hits = None
    try:
        totals = records.agg(
            sf.count(sf.lit(1)).alias("rows"),
            sf.countDistinct("record_id").alias("ids"),
            sf.sum(sf.col("no_text").cast("long")).alias("no_text"),
            sf.sum((sf.col("date_state") == _MISSING).cast("long")).alias("missing"),
            sf.sum((sf.col("date_state") == _UNREADABLE).cast("long")).alias("unreadable"),
            sf.sum((~sf.col("kept") & ~sf.col("no_text")).cast("long")).alias("outside"),
        ).first()
        if totals is not None and totals["rows"] != totals["ids"]:
            raise ConfigError(
                "spark",
                "summary",
                f"the {id!r} column does not identify each record ({totals['rows']:,} rows, {totals['ids']:,} ids); "
                "give a column with one value per record",
            )
        samples = (
            records.filter(sf.col("date_state") == _UNREADABLE).select("record_id", "date_text").orderBy("record_id")
        ).take(_SAMPLES)
        kept = records.filter("kept").select("record_id", "cell_group", "month", "words")
        hits = (
            findings_df.select("record_id", "rule", "name", "category", "severity", "text")
            .mapInPandas(per_hit, schema=HIT_SCHEMA)
            .join(kept.select("record_id", "cell_group", "month"), "record_id")
            .persist()
        )
        per_record_hits = hits.groupBy("record_id").agg(sf.count(sf.lit(1)).alias("n"))
        cells = (
            kept.join(per_record_hits, "record_id", "left")
            .groupBy("cell_group", "month")
            .agg(
                sf.count(sf.lit(1)).alias("records"),
                sf.sum((sf.coalesce(sf.col("n"), sf.lit(0)) > 0).cast("long")).alias("flagged"),
                sf.sum("words").alias("words"),
                sf.sum(sf.coalesce(sf.col("n"), sf.lit(0))).alias("findings"),
            )
            .collect()
        )
        categories = (
            hits.groupBy("cell_group", "month", "category")
            .agg(sf.count(sf.lit(1)).alias("findings"), sf.countDistinct("record_id").alias("records"))
            .collect()
        )
        rules = (
            hits.groupBy("rule")
            .agg(
                sf.min("name").alias("name"),
                sf.min("category").alias("category"),
                sf.count(sf.lit(1)).alias("findings"),
                sf.countDistinct("record_id").alias("records"),
            )
            .collect()
        )
        phrases = hits.groupBy("phrase", "rule", "category").agg(sf.count(sf.lit(1)).alias("findings")).collect()
    finally:
        records.unpersist()
        if hits is not None:
            hits.unpersist()
    per_cell: dict[tuple[str, str], list[CategoryCount]] = {}
    for row in sorted(categories, key=lambda r: r["category"]):
        key = (row["cell_group"], row["month"])
        per_cell.setdefault(key, []).append(CategoryCount(row["category"], int(row["findings"]), int(row["records"])))
    counts = Counts(
        cells=tuple(
            Cell(
                r["cell_group"],
                r["month"],
                int(r["records"]),
                int(r["flagged"]),
                int(r["words"]),
                int(r["findings"]),
                tuple(per_cell.get((r["cell_group"], r["month"]), ())),
            )
            for r in sorted(cells, key=lambda r: (r["cell_group"], r["month"]))
        ),
        rules=tuple(
            RuleCount(r["rule"], r["name"], r["category"], int(r["findings"]), int(r["records"]))
            for r in sorted(rules, key=lambda r: r["rule"])
        ),
        phrases=tuple(
            PhraseCount(r["phrase"], r["rule"], r["category"], int(r["findings"]))
            for r in sorted(phrases, key=lambda r: (r["phrase"], r["rule"], r["category"]))
        ),
        dates=DateCounts(
            date,
            int(totals["missing"] or 0) if totals else 0,
            int(totals["unreadable"] or 0) if totals else 0,
            tuple(f"{r['record_id']}: {r['date_text'][:40]!r}" for r in samples),
            int(totals["outside"] or 0) if totals else 0,
            int(totals["no_text"] or 0) if totals else 0,
        ),
    )
    return to_json(AuditResult(summarise(counts, settings.compare), (), (), settings))
