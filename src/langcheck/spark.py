"""Run langcheck where national-scale data already lives: on Apache Spark.

A force writes millions of notes a year and a national review reads hundreds of millions, in
Spark platforms that analytics teams already run. `findings` turns a DataFrame of notes into a
DataFrame of findings with `mapInPandas`: each Python worker builds the linter once and checks
whole partitions in batches, so the cost per note is the same as `Linter.check_many` on one
machine. Install with `pip install "langcheck[spark]"`.

The settings travel with the job. A team's own rule packs (`extend_rules`) exist only on the
driver's disk, so their files are read there and shipped inside the job; each worker writes them
to a private temporary folder once and loads them from there. Nothing is read from paths that
exist only on the driver, and no note text leaves the cluster.

    from langcheck.spark import findings
    found = findings(notes_df, text="note", id="record_id")
    found.groupBy("category").count().show()
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
    "record_id string, rule string, category string, severity string, start int, end int, "
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
