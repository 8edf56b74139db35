"""The HTML report: self-contained, escaped, every figure and moment linked to its words."""

from __future__ import annotations

import json
import re

from hypothesis import given, settings, strategies as st
from markupsafe import escape

from alliance.metrics.miti import MITI_CAVEAT
from alliance.model import Annotation
from alliance.report.html import INDEX_SCHEMA, page_names, render_html, render_index, write_reports
from alliance.report.view import build_view
from conftest import make_session
from report_sessions import analysis_of, demo_analysis


def _ids(html: str) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', html))


def test_the_page_is_one_self_contained_file():
    html = render_html(demo_analysis())
    assert html.startswith("<!doctype html>")
    assert "<link" not in html and "<img" not in html and "@import" not in html
    assert not re.search(r'\b(?:src|href)="(?:https?:)?//', html)
    assert not re.search(r"url\((?!#)", html), "CSS may only reference in-page SVG patterns"
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "<style>" in html and "<script>" in html and '<svg class="timeline"' in html
    assert "@media print" in html


def test_every_link_into_the_page_has_a_target():
    html = render_html(demo_analysis())
    ids = _ids(html)
    targets = set(re.findall(r'href="#([^"]+)"', html))
    assert targets, "the page links figures and moments to utterances"
    assert targets <= ids, sorted(targets - ids)
    assert len(re.findall(r'\bid="', html)) == len(ids), "ids are unique"


def test_every_figure_links_to_its_evidence():
    analysis = demo_analysis()
    html = render_html(analysis)
    view = build_view(analysis)
    for card in view.cards:
        if card.evidence and not card.evidence_all:
            assert f'href="#u-{card.evidence[0]}"' in html, card.key


def test_the_summary_shows_thresholds_and_the_miti_caveat():
    html = render_html(demo_analysis())
    assert "fair 1:1, good 2:1" in html and "fair 40%, good 50%" in html
    assert str(escape(MITI_CAVEAT)) in html
    assert "Returns after a decline" in html and "1 repaired, 0 not repaired" in html


def test_moments_include_the_episode_rupture_and_self_disclosure_with_links():
    analysis = demo_analysis()
    kinds = [m.kind for m in build_view(analysis).moments]
    assert kinds.count("episode") == 3
    assert {"rupture", "self_disclosure", "confrontation", "backs_down"} <= set(kinds)
    html = render_html(analysis)
    assert 'class="moment-link" href="#u-29"' in html  # the rupture
    assert 'class="moment-link" href="#u-24"' in html  # the self-disclosure


def test_labels_are_written_out_not_only_coloured():
    html = render_html(demo_analysis())
    row = re.search(r'<li id="u-29".*?</li>\s*</ul>', html, re.S).group(0)
    assert "rupture: complaint about therapist" in row
    assert "relationship: feelings about therapist" in row
    assert "episode 2 (started by patient)" in row


def test_transcript_text_is_escaped():
    nasty = '<script>alert("x")</script> & <img src=x onerror=y>'
    session = make_session([("Dr. Lee", "therapist", "Hello."), ("Sam", "patient", nasty)])
    html = render_html(analysis_of(session))
    assert "<script>alert" not in html and "<img src=x" not in html
    assert str(escape(nasty)) in html


@settings(max_examples=30, deadline=None)
@given(st.text(min_size=1, max_size=80).filter(lambda t: t.strip()))
def test_any_utterance_text_is_rendered_escaped(text):
    session = make_session([("Dr. Lee", "therapist", "What happened?"), ("Sam", "patient", text)])
    html = render_html(analysis_of(session))
    assert str(escape(text)) in html


def test_missing_figures_say_na_and_why():
    # No times, no therapist questions or reflections, no annotators at all.
    session = make_session([("Dr. Lee", "therapist", "Hello."), ("Sam", "patient", "Hi.")])
    html = render_html(analysis_of(session))
    assert "n/a because the therapist asked no questions" in html
    assert "n/a because the therapist made no reflections" in html
    assert "time: n/a (the transcript has no times)" in html
    assert "No relationship episodes, ruptures" in html


def test_a_session_without_times_draws_the_timeline_in_utterance_order():
    session = make_session([("Dr. Lee", "therapist", "How are you?"), ("Sam", "patient", "Fine.")] * 5)
    html = render_html(analysis_of(session))
    assert ">utterance</text>" in html and 'href="#u-9"' in html


def test_an_empty_annotation_layer_still_renders():
    session = make_session([("Dr. Lee", "therapist", "Hello.")]).with_annotations(
        [Annotation(0, "move", "other", "hand")])
    assert "Dr. Lee" in render_html(analysis_of(session))


def test_page_names_are_safe_unique_and_never_index():
    a = analysis_of(make_session([("T", "therapist", "Hi.")], session_id="index"))
    b = analysis_of(make_session([("T", "therapist", "Hi.")], session_id="../weird name"))
    c = analysis_of(make_session([("T", "therapist", "Hi.")], session_id="weird-name"))
    names = page_names([a, b, c])
    assert names[0] != "index" and len(set(names)) == 3
    assert all(re.fullmatch(r"[A-Za-z0-9._-]+", n) for n in names)


def test_write_reports_writes_a_page_and_json_twin_each_plus_an_index(tmp_path):
    demo = demo_analysis()
    other = analysis_of(make_session([("Dr. Lee", "therapist", "How was the week?"),
                                      ("Sam", "patient", "Long.")], session_id="week-2"))
    written = write_reports([demo, other], tmp_path / "out")
    names = sorted(p.name for p in written)
    assert names == ["index.html", "index.json", "session.html", "session.json",
                     "week-2.html", "week-2.json"]
    doc = json.loads((tmp_path / "out" / "session.json").read_text(encoding="utf-8"))
    assert doc["schema"] == "alliance.session/1" and doc["metrics"]["ruptures"] == 1
    index = json.loads((tmp_path / "out" / "index.json").read_text(encoding="utf-8"))
    assert index["schema"] == INDEX_SCHEMA
    assert [s["page"] for s in index["sessions"]] == ["session.html", "week-2.html"]
    page = (tmp_path / "out" / "session.html").read_text(encoding="utf-8")
    assert 'href="index.html"' in page
    assert not list((tmp_path / "out").glob(".*.tmp")), "no temporary files left behind"


def test_the_index_page_links_each_session_and_plots_trends():
    demo = demo_analysis()
    quiet = analysis_of(make_session([("Dr. Lee", "therapist", "Hello."), ("Sam", "patient", "Hi.")],
                                     session_id="quiet"))
    html = render_index([demo, quiet])
    assert 'href="session.html"' in html and 'href="quiet.html"' in html
    assert 'href="session.json"' in html
    assert html.count("<svg") >= 5
    for title in ("Talk balance", "Relationship focus", "Ruptures", "Reflections per question",
                  "Complex reflections"):
        assert title in html
    assert "n/a" in html  # the quiet session has no MITI-style scores
    assert "<script" not in html


def test_trend_plots_stay_readable_with_a_hundred_sessions():
    from alliance.report.trends import Series, TrendPlot, render_trend

    n = 100
    plot = TrendPlot("r", "Ruptures", (Series("ruptures", tuple(float(i % 3) for i in range(n))),),
                     2.0, lambda v: f"{v:.0f}", bars=True)
    svg = str(render_trend(plot, [f"s{i}" for i in range(n)], [f"s{i}.html" for i in range(n)]))
    assert svg.count("<rect") == n  # every session still has its (linked) bar
    axis_numbers = svg.count('fill="#4f5a64">')  # y-axis labels plus session numbers
    assert axis_numbers <= 3 + 12
    assert 'fill="#1d2329"' not in svg  # no per-bar value labels
