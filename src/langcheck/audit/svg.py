"""Accessible inline SVG charts drawn from the figures, with no library and nothing to fetch.

A plotting library would add a large dependency (matplotlib) or a script and a CDN (Vega,
Plotly) for two kinds of chart; these are a few dozen lines of SVG each. Every chart has a
`<title>` and `<desc>` (read by screen readers through `role="img"` and `aria-labelledby`),
labelled axes, values written beside the bars, and the report puts a table of the same figures
under each one. Colours pass WCAG AA contrast on white and the charts print in greyscale.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

BAR = "#1d5a8a"
WHISKER = "#1a1a1a"
GRID = "#d0d0d0"
TEXT = "#1a1a1a"


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar: its label, value, and (optionally) the ends of its confidence interval."""

    label: str
    value: float
    low: float | None = None
    high: float | None = None
    note: str = ""


def _ticks(top: float) -> list[float]:
    """Return 4-6 round tick values from 0 to at least `top`."""
    if top <= 0:
        return [0.0, 1.0]
    step = 10 ** len(str(int(top))) / 10 if top >= 1 else 0.1
    for factor in (1, 2, 2.5, 5, 10):
        if top / (step * factor) <= 5:
            step *= factor
            break
    ticks, value = [], 0.0
    while value < top + step * 0.999:
        ticks.append(round(value, 6))
        value += step
    return ticks


def _head(chart_id: str, title: str, desc: str, width: int, height: int) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{chart_id}" role="img" '
        f'viewBox="0 0 {width} {height}" width="100%" aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
    ]


def _tick(value: float, unit: str) -> str:
    return f"{value:g}{unit}"


def _fmt(value: float, unit: str) -> str:
    return f"{value:.1f}{unit}" if unit == "%" else f"{value:g}" if value == int(value) else f"{value:.2f}"


def columns(chart_id: str, title: str, desc: str, bars: list[Bar], *, x_label: str, y_label: str, unit: str) -> str:
    """Return a column chart (for a trend over months) with interval whiskers."""
    width, height, left, right, top, bottom = 760, 320, 64, 16, 20, 70
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max([b.high if b.high is not None else b.value for b in bars] + [0.0])
    ticks = _ticks(peak)
    scale = plot_h / ticks[-1] if ticks[-1] else 1.0
    out = _head(chart_id, title, desc, width, height)
    for tick in ticks:
        y = top + plot_h - tick * scale
        out.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>')
        out.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="12" fill="{TEXT}">'
            f"{_tick(tick, unit)}</text>"
        )
    slot = plot_w / max(len(bars), 1)
    bar_w = max(4.0, slot * 0.6)
    for i, bar in enumerate(bars):
        x = left + i * slot + (slot - bar_w) / 2
        h = bar.value * scale
        y = top + plot_h - h
        out.append(
            f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" fill="{BAR}" '
            f'data-label="{escape(bar.label)}" data-value="{bar.value:.4f}"><title>{escape(bar.label)}: '
            f"{_fmt(bar.value, unit)}{escape(bar.note)}</title></rect>"
        )
        if bar.low is not None and bar.high is not None:
            cx, y1, y2 = x + bar_w / 2, top + plot_h - bar.low * scale, top + plot_h - bar.high * scale
            out.append(f'<line x1="{cx:.1f}" x2="{cx:.1f}" y1="{y1:.1f}" y2="{y2:.1f}" stroke="{WHISKER}"/>')
            for yy in (y1, y2):
                out.append(
                    f'<line x1="{cx - 4:.1f}" x2="{cx + 4:.1f}" y1="{yy:.1f}" y2="{yy:.1f}" stroke="{WHISKER}"/>'
                )
        lx, ly = x + bar_w / 2, top + plot_h + 14
        out.append(
            f'<text x="{lx:.1f}" y="{ly:.1f}" font-size="11" fill="{TEXT}" text-anchor="end" '
            f'transform="rotate(-45 {lx:.1f} {ly:.1f})">{escape(bar.label)}</text>'
        )
    out.append(
        f'<line x1="{left}" x2="{width - right}" y1="{top + plot_h}" y2="{top + plot_h}" stroke="{TEXT}"/>'
        f'<text x="{left + plot_w / 2:.1f}" y="{height - 4}" text-anchor="middle" font-size="13" '
        f'fill="{TEXT}">{escape(x_label)}</text>'
        f'<text x="14" y="{top + plot_h / 2:.1f}" text-anchor="middle" font-size="13" fill="{TEXT}" '
        f'transform="rotate(-90 14 {top + plot_h / 2:.1f})">{escape(y_label)}</text>'
    )
    out.append("</svg>")
    return "\n".join(out)


def bars(chart_id: str, title: str, desc: str, items: list[Bar], *, x_label: str, unit: str) -> str:
    """Return a horizontal bar chart (for groups and categories), values written at the bars' ends."""
    row_h, left, right, top = 28, 200, 90, 10
    width = 760
    height = top + row_h * max(len(items), 1) + 44
    plot_w = width - left - right
    peak = max([b.high if b.high is not None else b.value for b in items] + [0.0])
    ticks = _ticks(peak)
    scale = plot_w / ticks[-1] if ticks[-1] else 1.0
    bottom = top + row_h * len(items)
    out = _head(chart_id, title, desc, width, height)
    for tick in ticks:
        x = left + tick * scale
        out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{bottom}" stroke="{GRID}"/>')
        out.append(
            f'<text x="{x:.1f}" y="{bottom + 16}" text-anchor="middle" font-size="12" fill="{TEXT}">'
            f"{_tick(tick, unit)}</text>"
        )
    for i, bar in enumerate(items):
        y = top + i * row_h + 5
        w = bar.value * scale
        label = bar.label if len(bar.label) <= 28 else bar.label[:27] + "…"
        out.append(
            f'<text x="{left - 8}" y="{y + 14}" text-anchor="end" font-size="13" fill="{TEXT}">{escape(label)}</text>'
        )
        out.append(
            f'<rect class="bar" x="{left}" y="{y}" width="{w:.1f}" height="18" fill="{BAR}" '
            f'data-label="{escape(bar.label)}" data-value="{bar.value:.4f}"><title>{escape(bar.label)}: '
            f"{_fmt(bar.value, unit)}{escape(bar.note)}</title></rect>"
        )
        end = left + w
        if bar.low is not None and bar.high is not None:
            x1, x2 = left + bar.low * scale, left + bar.high * scale
            out.append(f'<line x1="{x1:.1f}" x2="{x2:.1f}" y1="{y + 9}" y2="{y + 9}" stroke="{WHISKER}"/>')
            for xx in (x1, x2):
                out.append(f'<line x1="{xx:.1f}" x2="{xx:.1f}" y1="{y + 4}" y2="{y + 14}" stroke="{WHISKER}"/>')
            end = max(end, x2)
        out.append(f'<text x="{end + 6:.1f}" y="{y + 14}" font-size="12" fill="{TEXT}">{_fmt(bar.value, unit)}</text>')
    out.append(
        f'<line x1="{left}" x2="{left}" y1="{top}" y2="{bottom}" stroke="{TEXT}"/>'
        f'<text x="{left + plot_w / 2:.1f}" y="{height - 6}" text-anchor="middle" font-size="13" '
        f'fill="{TEXT}">{escape(x_label)}</text>'
    )
    out.append("</svg>")
    return "\n".join(out)
