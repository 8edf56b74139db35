"""Trends across sessions: small inline-SVG plots for the index page.

Each plot puts the sessions in the order given along the x axis (1, 2, 3 …),
draws one or two series, and links every point to that session's page. A
session whose figure is n/a leaves a gap and an "n/a" mark rather than a
misleading zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from markupsafe import Markup, escape

__all__ = ["Series", "TrendPlot", "render_trend"]

_W, _H = 320.0, 150.0
_L, _R, _T, _B = 38.0, 10.0, 12.0, 24.0

#: Beyond this many sessions, per-point value and n/a labels would overlap: leave them out.
_LABEL_LIMIT = 15
#: At most this many session numbers along the x axis.
_MAX_TICKS = 12


@dataclass(frozen=True)
class Series:
    """One line of a trend plot: a value per session (None for n/a)."""

    name: str
    values: tuple[float | None, ...]
    css: str = "a"  # "a" (solid, therapist colour) or "b" (dashed, patient colour)


@dataclass(frozen=True)
class TrendPlot:
    """A small plot: series, y range, optional threshold lines, and how values read."""

    key: str
    title: str
    series: tuple[Series, ...]
    ymax: float
    fmt: Callable[[float], str]
    thresholds: tuple[tuple[float, str], ...] = ()
    bars: bool = False
    caption: str = ""


def _y(v: float, ymax: float) -> float:
    return _T + (1 - min(max(v / (ymax or 1.0), 0.0), 1.0)) * (_H - _T - _B)


def render_trend(plot: TrendPlot, names: Sequence[str], hrefs: Sequence[str]) -> Markup:
    """``plot`` as an inline ``<svg>``; ``names`` and ``hrefs`` label and link each session."""
    n = len(names)
    step = (_W - _L - _R) / max(n, 1)
    labelled = n <= _LABEL_LIMIT
    radius = 3.5 if n <= 30 else 2.0
    tick_every = max(1, -(-n // _MAX_TICKS))  # ceiling division

    def x(i: int) -> float:
        return _L + step * (i + 0.5)

    out = [f'<svg viewBox="0 0 {_W:.0f} {_H:.0f}" role="img" aria-labelledby="tr-{plot.key}" '
           f'xmlns="http://www.w3.org/2000/svg"><title id="tr-{plot.key}">{escape(plot.title)}</title>']
    for frac in (0.0, 0.5, 1.0):
        v = plot.ymax * frac
        y = _y(v, plot.ymax)
        out.append(f'<line x1="{_L}" x2="{_W - _R}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e7ea"/>'
                   f'<text x="{_L - 4}" y="{y + 3:.1f}" text-anchor="end" fill="#4f5a64">'
                   f'{escape(plot.fmt(v))}</text>')
    for v, label in plot.thresholds:
        y = _y(v, plot.ymax)
        out.append(f'<line x1="{_L}" x2="{_W - _R}" y1="{y:.1f}" y2="{y:.1f}" class="thr"/>'
                   f'<text x="{_W - _R - 2}" y="{y - 3:.1f}" text-anchor="end" class="thr-t">'
                   f'{escape(label)}</text>')
    for k, s in enumerate(plot.series):
        if plot.bars:
            width = step * 0.7 / len(plot.series)
            for i, v in enumerate(s.values):
                if v is None:
                    continue
                y0 = _y(v, plot.ymax)
                bx = x(i) - step * 0.35 + k * width
                out.append(f'<a href="{escape(hrefs[i])}"><title>{escape(names[i])}: {escape(s.name)} '
                           f'{escape(plot.fmt(v))}</title><rect x="{bx:.1f}" y="{y0:.1f}" '
                           f'width="{max(width - 1, 0.5):.1f}" height="{_H - _B - y0:.1f}" '
                           f'class="bar-{s.css}"/></a>')
                if labelled:
                    out.append(f'<text x="{bx + width / 2:.1f}" y="{y0 - 3:.1f}" text-anchor="middle" '
                               f'fill="#1d2329">{escape(plot.fmt(v))}</text>')
            continue
        pts = [(x(i), _y(v, plot.ymax)) if v is not None else None for i, v in enumerate(s.values)]
        path, pen = [], "M"
        for p in pts:
            if p is None:
                pen = "M"
                continue
            path.append(f"{pen}{p[0]:.1f} {p[1]:.1f}")
            pen = "L"
        if path:
            out.append(f'<path d="{"".join(path)}" class="{"ln" if s.css == "a" else "ln2"}"/>')
        for i, (p, v) in enumerate(zip(pts, s.values)):
            if p is None:
                if k == 0 and labelled:
                    out.append(f'<text x="{x(i):.1f}" y="{_H - _B - 4:.1f}" text-anchor="middle" '
                               f'fill="#4f5a64">n/a</text>')
                continue
            shape = (f'<circle cx="{p[0]:.1f}" cy="{p[1]:.1f}" r="{radius}" class="pt"/>'
                     if s.css == "a" else
                     f'<rect x="{p[0] - radius:.1f}" y="{p[1] - radius:.1f}" width="{2 * radius}" '
                     f'height="{2 * radius}" class="pt2"/>')
            out.append(f'<a href="{escape(hrefs[i])}"><title>{escape(names[i])}: {escape(s.name)} '
                       f'{escape(plot.fmt(v))}</title>{shape}</a>')  # type: ignore[arg-type]
    for i in range(0, n, tick_every):
        out.append(f'<text x="{x(i):.1f}" y="{_H - 8:.1f}" text-anchor="middle" fill="#4f5a64">'
                   f'{i + 1}</text>')
    out.append("</svg>")
    return Markup("".join(out))
