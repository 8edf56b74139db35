"""The Markdown report: the same summary and moments, safe to paste into notes or e-mail."""

from __future__ import annotations

import re

from alliance.report.markdown import escape_md, render_markdown
from alliance.report.view import build_view
from conftest import make_session
from report_sessions import analysis_of, demo_analysis


def test_the_summary_lists_every_figure_with_its_evidence():
    analysis = demo_analysis()
    md = render_markdown(analysis)
    assert md.startswith("# Session report: session")
    for card in build_view(analysis).cards:
        assert f"| {escape_md(card.title)} |" in md
    assert "| Ruptures | 1 | 1 repaired, 0 not repaired | #29 |" in md
    assert "| Reflections per question | 1.00 (fair) |" in md
    assert "expert opinion, not norms" in md


def test_moments_are_listed_with_their_excerpts():
    md = render_markdown(demo_analysis())
    assert "## Moments to review" in md
    assert "Relationship episode 1 (utterance 12)" in md
    assert "Rupture: complaint about therapist (utterance 29)" in md
    assert "Self-disclosure (utterance 24)" in md
    assert re.search(r"^> ▶ #24 \*\*Dr\. Alvarez\*\* \(\d+:\d\d\): My own father drank too", md, re.M)


def test_transcript_text_cannot_become_markup():
    text = "I *really* said <b>no</b> | [link](http://x)"
    session = make_session([("Dr. Lee", "therapist", "Hello."), ("Sam", "patient", text)])
    from alliance.model import Annotation, Span

    session = session.with_annotations(
        [Annotation(1, "rupture", "rejects_intervention", "hand")],
        [Span("rupture", 1, 1, {"family": "confrontation", "marker": "rejects_intervention"}, "hand")])
    md = render_markdown(analysis_of(session))
    assert "\\*really\\*" in md and "\\<b\\>" in md and "\\[link\\]" in md and "\\|" in md
    assert "<b>" not in md


def test_missing_figures_say_na_and_why():
    md = render_markdown(analysis_of(make_session([("Dr. Lee", "therapist", "Hello.")])))
    assert "n/a because the therapist asked no questions" in md
    assert "No relationship episodes, ruptures" in md
