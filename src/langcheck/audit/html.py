"""The audit report as one self-contained HTML file: it opens offline and prints to PDF.

Everything is inline (styles and SVG charts; there is no script at all), so the file can be
emailed, archived or opened on a machine with no network. Each chart is followed by a table of
the same figures. The print styles keep a chart with its table, start each main section on a
fresh page where that helps, and repeat table headers across pages.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from html import escape

from langcheck.audit.examples import Example
from langcheck.audit.result import AuditResult
from langcheck.audit.summary import UNDATED, Period, Row, Share
from langcheck.audit.svg import Bar, bars, columns

_STYLE = """
:root { color-scheme: light; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1a1a1a;
       margin: 0 auto; max-width: 60rem; padding: 1.5rem; background: #fff; }
h1 { font-size: 1.8rem; margin: 0 0 .25rem; } h2 { font-size: 1.35rem; margin-top: 2.2rem;
     border-bottom: 2px solid #1d5a8a; padding-bottom: .2rem; } h3 { font-size: 1.1rem; }
.meta { color: #444; margin: 0 0 1rem; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr)); gap: .75rem; margin: 1rem 0; }
.figure { border: 1px solid #c8c8c8; border-left: 6px solid #1d5a8a; padding: .6rem .8rem; }
.figure .value { font-size: 1.7rem; font-weight: 700; display: block; }
.figure .label { color: #333; }
.notice { border: 1px solid #b35900; border-left: 6px solid #b35900; background: #fff6ec; padding: .6rem 1rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
th, td { border-bottom: 1px solid #d8d8d8; padding: .3rem .5rem; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
thead th { background: #eef3f8; }
figure { margin: 1rem 0; } figcaption { font-weight: 600; margin-bottom: .3rem; }
svg.chart { max-width: 100%; height: auto; display: block; }
.example { border-left: 4px solid #d0d0d0; margin: .6rem 0; padding: .3rem .8rem; page-break-inside: avoid;
           break-inside: avoid; }
.example blockquote { margin: 0; }
mark { background: #fde68a; color: #1a1a1a; padding: 0 .1em; border-bottom: 2px solid #b45309; }
.suggestion { color: #14532d; } .where { color: #555; font-size: .85rem; }
.small { font-size: .9rem; color: #333; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  section.major { break-before: page; page-break-before: always; }
  figure, .figures, .notice, tr { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
"""


def _pct(share: Share) -> str:
    return f"{100 * share.interval.estimate:.1f}%"


def _ci(share: Share) -> str:
    return f"{100 * share.interval.low:.1f}% to {100 * share.interval.high:.1f}%"


def _month_label(month: str) -> str:
    if month == UNDATED:
        return "no readable date"
    return datetime.date(int(month[:4]), int(month[5:]), 1).strftime("%b %Y")


def _period(period: Period) -> str:
    first, last = _month_label(period.first), _month_label(period.last)
    return first if first == last else f"{first}\u2013{last}"  # an en dash between the months


def _row_table(table_id: str, caption: str, head: str, rows: tuple[Row, ...], label: Callable[[str], str] = str) -> str:
    body = "".join(
        f'<tr><th scope="row">{escape(label(r.label))}</th><td class="num">{r.records:,}</td>'
        f'<td class="num">{r.flagged.count:,}</td><td class="num">{_pct(r.flagged)}</td>'
        f'<td class="num">{_ci(r.flagged)}</td><td class="num">{r.findings:,}</td>'
        f'<td class="num">{r.rate:.2f}</td></tr>'
        for r in rows
    )
    return (
        f'<table id="{table_id}"><caption>{escape(caption)}</caption><thead><tr><th scope="col">{escape(head)}</th>'
        '<th scope="col" class="num">Records</th><th scope="col" class="num">With a finding</th>'
        '<th scope="col" class="num">Share</th><th scope="col" class="num">95% interval</th>'
        '<th scope="col" class="num">Findings</th><th scope="col" class="num">Per 1,000 words</th></tr></thead>'
        f"<tbody>{body}</tbody></table>"
    )


def _share_bar(label: str, share: Share) -> Bar:
    i = share.interval
    return Bar(label, 100 * i.estimate, 100 * i.low, 100 * i.high, f" (95% interval {_ci(share)})")


def _figures(result: AuditResult) -> str:
    total = result.summary.total
    items = [
        (f"{total.records:,}", "records checked"),
        (
            _pct(total.flagged),
            f"of records have at least one finding ({total.flagged.count:,}; 95% interval {_ci(total.flagged)})",
        ),
        (f"{total.rate:.2f}", f"findings per 1,000 words ({total.findings:,} findings in {total.words:,} words)"),
    ]
    comparison = result.summary.comparison
    if comparison is not None:
        c = comparison.change
        word = "fell" if c.estimate < 0 else "rose" if c.estimate > 0 else "did not change"
        items.append(
            (
                f"{100 * c.estimate:+.1f} pts",
                f"change in the share from {_period(comparison.first)} ({_pct(comparison.before)}) to "
                f"{_period(comparison.second)} ({_pct(comparison.after)}): it {word}; 95% interval "
                f"{100 * c.low:+.1f} to {100 * c.high:+.1f} points",
            )
        )
    cells = "".join(
        f'<div class="figure"><span class="value">{escape(v)}</span><span class="label">{escape(t)}</span></div>'
        for v, t in items
    )
    return f'<div class="figures" id="key-figures">{cells}</div>'


def _left_out(result: AuditResult) -> str:
    dates = result.summary.counts.dates
    lines = list(result.left_out)
    if dates.unreadable:
        shown = "; ".join(dates.samples)
        lines.append(
            f"{dates.unreadable:,} records have a date that could not be read (for example {shown}); they are "
            "counted in every figure and shown as 'no readable date' by month"
        )
    if dates.missing:
        lines.append(f"{dates.missing:,} records have no date; they are counted and shown as 'no readable date'")
    if dates.no_text:
        lines.append(f"{dates.no_text:,} rows have no text in the checked columns; they are not counted in any figure")
    if dates.outside:
        lines.append(f"{dates.outside:,} records fall outside --since/--until (or have no date) and are left out")
    if not lines:
        return ""
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    return (
        '<section id="left-out" class="notice" aria-labelledby="left-out-title">'
        '<h2 id="left-out-title">What this report leaves out or could not read</h2>'
        f"<ul>{items}</ul></section>"
    )


def _trend(result: AuditResult) -> str:
    months = result.summary.by_month
    dated = [r for r in months if r.label != UNDATED]
    chart = ""
    if dated:
        chart = columns(
            "chart-month",
            "Records with at least one finding, by month",
            "Column chart of the share of records with at least one finding in each month, with 95% "
            "confidence intervals as whiskers. The table below gives the same figures.",
            [_share_bar(_month_label(r.label), r.flagged) for r in dated],
            x_label="Month",
            y_label="Records with a finding (%)",
            unit="%",
        )
    table = _row_table("table-month", "By month", "Month", months, _month_label)
    return (
        '<section class="major" id="by-month"><h2>Trend by month</h2>'
        f"<figure><figcaption>Share of records with at least one finding, by month</figcaption>{chart}</figure>"
        f"{table}</section>"
    )


def _groups(result: AuditResult) -> str:
    groups = result.summary.by_group
    title = result.settings.group_by or "group"
    chart = bars(
        "chart-group",
        f"Records with at least one finding, by {title}",
        f"Bar chart of the share of records with at least one finding for each {title}, with 95% "
        "confidence intervals. The table below gives the same figures.",
        [_share_bar(r.label, r.flagged) for r in groups],
        x_label="Records with a finding (%)",
        unit="%",
    )
    return (
        f'<section id="by-group"><h2>By {escape(title)}</h2>'
        f"<figure><figcaption>Share of records with at least one finding, by {escape(title)}</figcaption>"
        f"{chart}</figure>{_row_table('table-group', f'By {title}', title.capitalize(), groups)}</section>"
    )


def _categories(result: AuditResult) -> str:
    s = result.summary
    if not s.by_category:
        return '<section id="by-category"><h2>By category</h2><p>No findings.</p></section>'
    chart = bars(
        "chart-category",
        "Findings by category",
        "Bar chart of the number of findings in each category of wording. The table below gives the same "
        "figures with the share of records each category appears in.",
        [Bar(r.label, float(r.findings)) for r in s.by_category],
        x_label="Findings",
        unit="",
    )
    cat_rows = "".join(
        f'<tr><th scope="row">{escape(r.label)}</th><td class="num">{r.findings:,}</td>'
        f'<td class="num">{r.flagged.count:,}</td><td class="num">{_pct(r.flagged)}</td>'
        f'<td class="num">{_ci(r.flagged)}</td><td class="num">{r.rate:.2f}</td></tr>'
        for r in s.by_category
    )
    rule_rows = "".join(
        f'<tr><th scope="row">{escape(r.rule_id)}</th><td>{escape(r.name)}</td><td>{escape(r.category)}</td>'
        f'<td class="num">{r.findings:,}</td><td class="num">{r.records:,}</td></tr>'
        for r in s.by_rule
    )
    phrase_rows = "".join(
        f'<tr><th scope="row">{escape(p.phrase)}</th><td>{escape(p.rule_id)}</td><td>{escape(p.category)}</td>'
        f'<td class="num">{p.findings:,}</td></tr>'
        for p in s.by_phrase
    )
    return (
        '<section class="major" id="by-category"><h2>By category, rule and phrase</h2>'
        f"<figure><figcaption>Findings by category</figcaption>{chart}</figure>"
        '<table id="table-category"><caption>By category</caption><thead><tr><th scope="col">Category</th>'
        '<th scope="col" class="num">Findings</th><th scope="col" class="num">Records</th>'
        '<th scope="col" class="num">Share of records</th><th scope="col" class="num">95% interval</th>'
        f'<th scope="col" class="num">Per 1,000 words</th></tr></thead><tbody>{cat_rows}</tbody></table>'
        '<table id="table-rule"><caption>By rule</caption><thead><tr><th scope="col">Rule</th>'
        '<th scope="col">Name</th><th scope="col">Category</th><th scope="col" class="num">Findings</th>'
        f'<th scope="col" class="num">Records</th></tr></thead><tbody>{rule_rows}</tbody></table>'
        '<table id="table-phrase"><caption>Most frequent phrases</caption><thead><tr><th scope="col">Phrase</th>'
        '<th scope="col">Rule</th><th scope="col">Category</th><th scope="col" class="num">Findings</th></tr>'
        f"</thead><tbody>{phrase_rows}</tbody></table></section>"
    )


def _example(e: Example) -> str:
    where = f"{e.group}, {_month_label(e.month)}" if e.group else _month_label(e.month)
    suggestion = (
        f'<p class="suggestion"><strong>Write instead:</strong> {escape(e.suggestion)}</p>' if e.suggestion else ""
    )
    return (
        f'<div class="example" data-category="{escape(e.category)}"><blockquote><p>{escape(e.before)}'
        f"<mark>{escape(e.phrase)}</mark>{escape(e.after)}</p></blockquote>{suggestion}"
        f'<p class="where">{escape(e.rule_id)} {escape(e.rule_name)} · {escape(where)}</p></div>'
    )


def _examples(result: AuditResult) -> str:
    if not result.examples:
        return ""
    note = (
        "Names, dates of birth and addresses are replaced by [name], [date of birth] and [address]."
        if result.settings.redacted
        else "These examples are NOT redacted (--no-redact): for internal use only."
    )
    parts = [
        '<section class="major" id="examples"><h2>Examples in context</h2>'
        f'<p class="small">A sample of the sentences behind each category, the flagged wording marked, with '
        f"suggested wording beside it. {escape(note)}</p>"
    ]
    current = None
    for example in result.examples:
        if example.category != current:
            current = example.category
            parts.append(f"<h3>{escape(current)}</h3>")
        parts.append(_example(example))
    parts.append("</section>")
    return "".join(parts)


def _method(result: AuditResult) -> str:
    s = result.settings
    chosen = []
    if s.select:
        chosen.append("only the rules " + ", ".join(s.select))
    if s.ignore:
        chosen.append("leaving out " + ", ".join(s.ignore))
    chosen.append(f"findings of severity {s.min_severity.label} and above")
    return (
        '<section id="method"><h2>How these figures are made</h2><ul class="small">'
        "<li>A record is one row of an export (or one file). A record is counted as having a finding when "
        "langcheck flags at least one phrase in its text, with " + escape("; ".join(chosen)) + ".</li>"
        "<li>Shares have 95% confidence intervals by Wilson's score method; the change between two periods has "
        "a 95% interval by Newcombe's hybrid score method. An interval that includes 0 means the change could "
        "be chance.</li>"
        "<li>Words are runs of letters; findings per 1,000 words compares text of different lengths.</li>"
        "<li>The tool flags wording; a person decides whether it blames. A fall in the figures is evidence, not "
        "proof, that practice has changed.</li></ul></section>"
    )


def render(result: AuditResult, *, title: str = "Victim-blaming language audit", sources: str = "") -> str:
    """Return the whole HTML document."""
    total = result.summary.total
    today = datetime.date.today().isoformat()
    meta = f"Produced by langcheck on {today}"
    if sources:
        meta += f" from {sources}"
    dated = [r.label for r in result.summary.by_month if r.label != UNDATED]
    if dated:
        meta += f"; records from {_month_label(dated[0])} to {_month_label(dated[-1])}"
    body = "".join(
        [
            f'<header><h1>{escape(title)}</h1><p class="meta">{escape(meta)}.</p></header>',
            '<main><section id="summary" aria-labelledby="summary-title"><h2 id="summary-title">Summary</h2>',
            _figures(result) if total.records else "<p>No records could be checked.</p>",
            "</section>",
            _left_out(result),
            _trend(result) if total.records else "",
            _groups(result) if total.records else "",
            _categories(result) if total.records else "",
            _examples(result),
            _method(result),
            "</main>",
        ]
    )
    return (
        '<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        'img-src data:">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>{body}</body></html>\n"
    )
