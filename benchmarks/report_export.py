"""Generate an invented case-record export (CSV) for `langcheck report`: teams, dates, notes.

Every record is invented: the sentences come from benchmarks/casenotes.py and the names,
places and references are made up. Each record is one row with a reference, a date written
the ways real exports write them (mostly ISO, some dd/mm/yyyy, a few Excel serial numbers and
a few unreadable), a team, a record type and a note of two to six sentences. Blaming wording
is commoner at the start of the period and in some teams, and falls over the months, so the
report has a trend to show.

    python benchmarks/report_export.py OUT.csv [RECORDS] [--seed N]

examples/casenotes-export.csv is `python benchmarks/report_export.py examples/casenotes-export.csv 400`.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import random
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from casenotes import FLAGGED, LAST, NEUTRAL, _fill

TEAMS = {  # team: how much more often than average its notes use blaming wording
    "Child Exploitation Team": 1.3,
    "Missing Persons Unit": 1.5,
    "Domestic Abuse Team": 0.8,
    "Neighbourhood Policing": 1.0,
}
TYPES = ("Missing episode", "Crime report", "Strategy meeting", "Welfare visit")
FIRST_DAY = datetime.date(2025, 11, 1)
DAYS = 426  # 1 November 2025 to 31 December 2026: fourteen months
EXCEL_EPOCH = datetime.date(1899, 12, 30)
HEADER = ("Record ID", "Date Recorded", "Team", "Record Type", "Note")


def _date(day: datetime.date, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.01:
        return rng.choice(("TBC", "31/02/2026", "unknown"))  # a few unreadable, as real exports have
    if roll < 0.2:
        return day.strftime("%d/%m/%Y")
    if roll < 0.25:
        return str((day - EXCEL_EPOCH).days)
    return day.isoformat()


def records(count: int, seed: int = 20261202) -> Iterator[tuple[str, ...]]:
    """Yield `count` invented records in date order (deterministic for a seed)."""
    rng = random.Random(seed)
    days = sorted(rng.randrange(DAYS) for _ in range(count))
    for number, offset in enumerate(days, 1):
        day = FIRST_DAY + datetime.timedelta(days=offset)
        team = rng.choice(list(TEAMS))
        # about 14% of sentences blame at the start, falling to about 2% by the end
        rate = (0.14 - 0.12 * offset / DAYS) * TEAMS[team]
        sentences = [
            _fill(rng.choice(FLAGGED) if rng.random() < rate else rng.choice(NEUTRAL), rng)
            for _ in range(rng.randint(2, 6))
        ]
        reference = f"{rng.choice(('MFH', 'CSE', 'CCE', 'DA'))}/{26000 + number}/{rng.choice(LAST)[:2].upper()}"
        yield (reference, _date(day, rng), team, rng.choice(TYPES), " ".join(sentences))


def write(path: Path, count: int, seed: int = 20261202) -> None:
    """Write the export as CSV UTF-8."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(records(count, seed))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("records", type=int, nargs="?", default=400)
    ap.add_argument("--seed", type=int, default=20261202)
    args = ap.parse_args()
    write(args.out, args.records, args.seed)


if __name__ == "__main__":
    main()
