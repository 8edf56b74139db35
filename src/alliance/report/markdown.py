"""The session report as Markdown, for notes and e-mail.

Same content as the HTML page's summary and moments (both come from
:func:`alliance.report.view.build_view`), without the timeline and the full
transcript. Transcript text is escaped so it cannot turn into Markdown or HTML.
"""

from __future__ import annotations

import re

from alliance.analysis import Analysis
from alliance.metrics.miti import MITI_CAVEAT
from alliance.report.view import Card, Moment, Row, SessionView, build_view

__all__ = ["render_markdown", "escape_md"]

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")

#: Utterance indices listed per figure before "and N more".
EVIDENCE_SHOWN = 12


def escape_md(text: str) -> str:
    """``text`` on one line with Markdown's (and inline HTML's) special characters escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _evidence(card: Card) -> str:
    if card.evidence_all:
        return "all utterances"
    if not card.evidence:
        return "none"
    shown = ", ".join(f"#{i}" for i in card.evidence[:EVIDENCE_SHOWN])
    extra = len(card.evidence) - EVIDENCE_SHOWN
    return shown + (f" and {extra} more" if extra > 0 else "")


def _summary(view: SessionView) -> list[str]:
    out = ["## At a glance", "", "| Figure | Value | Detail | Evidence (utterances) |",
           "|---|---|---|---|"]
    for c in view.cards:
        value = c.value + (f" ({'below fair' if c.rating == 'below' else c.rating})" if c.rating else "")
        if c.missing:
            value += f": n/a because {c.missing}"
        out.append(f"| {escape_md(c.title)} | {escape_md(value)} | {escape_md(c.detail)} | "
                   f"{escape_md(_evidence(c))} |")
    out += ["", "What the figures mean:", ""]
    for c in view.cards:
        out.append(f"- **{escape_md(c.title)}**: {escape_md(c.explanation)} "
                   f"*Caveat: {escape_md(c.caveat)}*")
    out += ["", f"> About the MITI-style scores: {escape_md(MITI_CAVEAT)}", ""]
    return out


def _excerpt(moment: Moment, rows: tuple[Row, ...]) -> list[str]:
    out = []
    prev = None
    for i in moment.excerpt:
        if prev is not None and i != prev + 1:
            out.append("> …")
        r = rows[i]
        mark = "▶ " if moment.first <= i <= moment.last else ""
        when = f" ({r.time})" if r.time else ""
        out.append(f"> {mark}#{i} **{escape_md(r.speaker)}**{when}: {escape_md(r.text)}  ")
        prev = i
    return out


def _moments(view: SessionView) -> list[str]:
    out = ["## Moments to review", ""]
    if not view.moments:
        return out + ["No relationship episodes, ruptures, self-disclosures, confrontations "
                      "or back-downs were found.", ""]
    for k, m in enumerate(view.moments, 1):
        out.append(f"### {k}. {escape_md(m.title)} (utterance {m.anchor})")
        out.append("")
        out.append(escape_md(m.summary) + (f" *{escape_md('; '.join(m.tags))}*" if m.tags else ""))
        out.append("")
        out += _excerpt(m, view.rows)
        out.append("")
    out.append("▶ marks the utterances of the moment itself; #N is the utterance number in the "
               "full transcript.")
    out.append("")
    return out


def render_markdown(analysis: Analysis) -> str:
    """The Markdown report of one analysed session: summary figures and moments to review."""
    view = build_view(analysis)
    meta = [f"{view.utterance_count} utterances"]
    if view.duration:
        meta.append(f"{view.duration} long")
    if view.speakers:
        meta.append(", ".join(f"{name} ({role})" for name, role in view.speakers))
    if view.source_name:
        meta.append(f"source: {view.source_name}")
    lines = [f"# Session report: {escape_md(view.session_id)}", "",
             escape_md(" · ".join(meta)), "",
             "*Automatic labels, to be checked against the transcript; each figure lists the "
             "utterances behind it. Not a clinical assessment.*", ""]
    lines += _summary(view)
    lines += [f"Note: {escape_md(n)}" for n in view.notes] + ([""] if view.notes else [])
    lines += _moments(view)
    if view.pipeline:
        lines.append(f"Made offline by alliance with {escape_md(', '.join(view.pipeline))}.")
        lines.append("")
    return "\n".join(lines)
