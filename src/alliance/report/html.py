"""Self-contained HTML reports: one page per session, and an index of trends.

Every page inlines its own CSS, a small script of ours and its pictures as SVG
drawn in Python (:mod:`alliance.report.timeline`, :mod:`alliance.report.trends`),
so it works from ``file://``, offline and as an e-mail attachment, and prints
cleanly. A Content-Security-Policy forbids any network request. Jinja2
autoescaping escapes all transcript text.

:func:`write_reports` writes ``<name>.html`` and its JSON twin ``<name>.json``
(the analysis document) per session, plus ``index.html`` and ``index.json``.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Sequence

import jinja2
from markupsafe import Markup

from alliance._io import write_atomic
from alliance.analysis import Analysis
from alliance.metrics.miti import MITI_CAVEAT, MITI_THRESHOLDS
from alliance.report.analysis_json import CONTRACT_METRICS, analysis_document
from alliance.report.timeline import render_timeline
from alliance.report.trends import Series, TrendPlot, render_trend
from alliance.report.view import build_view, format_time, percent

__all__ = ["render_html", "render_index", "write_reports", "page_names", "INDEX_SCHEMA"]

#: Schema name of ``index.json``.
INDEX_SCHEMA = "alliance.index/1"


@lru_cache(maxsize=1)
@lru_cache(maxsize=None)
def _env() -> jinja2.Environment:
    # One environment per process, so each template is compiled once, not once per page.
    # Autoescape everything: the templates only ever produce HTML.
    return jinja2.Environment(
        loader=jinja2.PackageLoader("alliance.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@lru_cache(maxsize=None)
def _static(name: str) -> str:
    return resources.files("alliance.report").joinpath("static", name).read_text(encoding="utf-8")


def _version() -> str:
    from alliance import __version__

    return __version__


def _inline(text: str) -> str:
    # CSS and JS are inlined into <style> and <script>; neither may close its element early.
    return text.replace("</", "<\\/")


def render_html(analysis: Analysis, *, index_href: str | None = None) -> str:
    """The self-contained HTML report of one analysed session.

    ``index_href`` adds a link back to the index page of a set of reports.
    """
    view = build_view(analysis)
    return _env().get_template("session.html.j2").render(
        v=view,
        rows=view.rows,
        timeline=render_timeline(analysis.session),
        css=Markup(_inline(_static("report.css"))),
        js=Markup(_inline(_static("report.js"))),
        version=_version(),
        index_href=index_href,
        miti_caveat=MITI_CAVEAT,
    )


def _safe_name(session_id: str) -> str:
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", session_id).strip(".-") or "session"
    return name[:80]


def page_names(analyses: Sequence[Analysis]) -> list[str]:
    """A file stem per analysis: its session id made filename-safe, unique, never ``index``."""
    seen: set[str] = {"index"}
    out = []
    for a in analyses:
        base = _safe_name(a.session.id)
        name, k = base, 2
        while name.lower() in seen:
            name, k = f"{base}-{k}", k + 1
        seen.add(name.lower())
        out.append(name)
    return out


def _value(analysis: Analysis, name: str) -> Any:
    f = analysis.figures.get(name)
    return None if f is None else f.value


def _role_share(analysis: Analysis, name: str, role: str) -> float | None:
    v = _value(analysis, name)
    return v.get(role) if isinstance(v, dict) else None


#: Highest reflections-per-question value the trend axis shows.
RQ_AXIS_CAP = 4.0


def _plots(analyses: Sequence[Analysis]) -> list[TrendPlot]:
    def col(name: str) -> tuple[float | None, ...]:
        return tuple(_value(a, name) for a in analyses)

    rq = col("reflection_to_question")
    # One session with few questions can have a ratio of 16; cap the axis so the
    # others stay readable (points above are drawn at the top; tooltips are exact).
    rq_max = min(max([3.0] + [v for v in rq if v is not None]), RQ_AXIS_CAP)
    fair_rq, good_rq = MITI_THRESHOLDS["reflection_to_question"] or (1.0, 2.0)
    fair_cr, good_cr = MITI_THRESHOLDS["percent_complex_reflections"] or (0.4, 0.5)
    ruptures = col("ruptures")
    rupt_max = max([2.0] + [float(v) for v in ruptures if v is not None])
    return [
        TrendPlot("talk", "Talk balance (share of words)", (
            Series("therapist", tuple(_role_share(a, "talk_share_words", "therapist") for a in analyses), "a"),
            Series("patient", tuple(_role_share(a, "talk_share_words", "patient") for a in analyses), "b"),
        ), 1.0, percent, caption="Circles, solid: therapist. Squares, dashed: patient."),
        TrendPlot("relationship", "Relationship focus (share of words in episodes)", (
            Series("relationship share", col("relationship_share"), "a"),
        ), max([0.5] + [v for v in col("relationship_share") if v is not None]), percent,
            caption="Words spoken inside relationship episodes."),
        TrendPlot("ruptures", "Ruptures (red) and repaired (green)", (
            Series("ruptures", ruptures, "a"), Series("repaired", col("ruptures_repaired"), "b"),
        ), rupt_max, lambda v: f"{v:.0f}", bars=True,
            caption="Left bar: ruptures. Right bar: of those, repaired."),
        TrendPlot("rq", "Reflections per question (MITI-style)", (
            Series("reflections per question", rq, "a"),
        ), rq_max, lambda v: f"{v:.1f}", ((fair_rq, "fair"), (good_rq, "good")),
            caption=MITI_CAVEAT),
        TrendPlot("cr", "Complex reflections (MITI-style)", (
            Series("complex reflections", col("percent_complex_reflections"), "a"),
        ), 1.0, percent, ((fair_cr, "fair"), (good_cr, "good")), caption=MITI_CAVEAT),
    ]


def _table_row(analysis: Analysis, name: str) -> dict[str, str]:
    eps = _value(analysis, "episodes_by_initiator") or {}
    rq = _value(analysis, "reflection_to_question")
    duration = analysis.session.duration_s
    return {
        "id": analysis.session.id,
        "page": f"{name}.html",
        "json": f"{name}.json",
        "utterances": str(len(analysis.session.utterances)),
        "duration": format_time(duration) if duration else "n/a",
        "therapist_words": percent(_role_share(analysis, "talk_share_words", "therapist")),
        "one_way": percent(_value(analysis, "one_way_index")),
        "rq": "n/a" if rq is None else f"{rq:.2f}",
        "cr": percent(_value(analysis, "percent_complex_reflections")),
        "episodes": ", ".join(f"{v} by {k}" for k, v in eps.items()) or "0",
        "returns": str(_value(analysis, "therapist_returns_after_decline") or 0),
        "ruptures": f"{_value(analysis, 'ruptures') or 0} ({_value(analysis, 'ruptures_repaired') or 0} repaired)",
        "disclosures": str(_value(analysis, "self_disclosures") or 0),
        "confrontations": f"{_value(analysis, 'confrontations') or 0} "
                          f"({_value(analysis, 'confrontations_backed_down') or 0} backed down)",
    }


def render_index(analyses: Sequence[Analysis], names: Sequence[str] | None = None) -> str:
    """The index page: trends across ``analyses`` (in the order given) and a link to each page."""
    names = list(names) if names is not None else page_names(analyses)
    hrefs = [f"{n}.html" for n in names]
    labels = [f"{k}. {a.session.id}" for k, a in enumerate(analyses, 1)]
    plots = [(p, render_trend(p, labels, hrefs)) for p in _plots(analyses)]
    return _env().get_template("index.html.j2").render(
        rows=[_table_row(a, n) for a, n in zip(analyses, names)],
        plots=plots,
        css=Markup(_inline(_static("report.css"))),
        version=_version(),
    )


def index_document(analyses: Sequence[Analysis], names: Sequence[str]) -> dict[str, Any]:
    """The JSON twin of the index page: each session's page, document and contract metrics."""
    sessions = []
    for a, name in zip(analyses, names):
        metrics = {m: _value(a, m) for m in CONTRACT_METRICS}
        sessions.append({"id": a.session.id, "source": a.session.source, "page": f"{name}.html",
                         "document": f"{name}.json", "duration_s": a.session.duration_s,
                         "metrics": metrics})
    return {"schema": INDEX_SCHEMA, "sessions": sessions}


def _dumps(doc: dict[str, Any]) -> str:
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def write_reports(analyses: Sequence[Analysis], out_dir: Path) -> list[Path]:
    """Write a page and its JSON twin per analysis, then ``index.html`` and ``index.json``.

    Pages are named after their session ids (made filename-safe and unique).
    Returns the paths written, pages first.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    names = page_names(analyses)
    written: list[Path] = []
    for a, name in zip(analyses, names):
        page, twin = out_dir / f"{name}.html", out_dir / f"{name}.json"
        write_atomic(page, render_html(a, index_href="index.html"))
        write_atomic(twin, _dumps(analysis_document(a)))
        written += [page, twin]
    index, twin = out_dir / "index.html", out_dir / "index.json"
    write_atomic(index, render_index(analyses, names))
    write_atomic(twin, _dumps(index_document(analyses, names)))
    return written + [index, twin]
