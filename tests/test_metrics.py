"""Session metrics: talk balance, MITI-style scores, relational figures."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliance.metrics import compute_metrics
from alliance.model import Annotation, Role, Session, Span, Speaker, Utterance
from conftest import make_session

words = st.text(alphabet="abc ", min_size=1, max_size=30).filter(lambda t: t.strip())
turns = st.lists(
    st.tuples(st.sampled_from(["T", "P1", "P2", "X"]), words), min_size=1, max_size=30
)
ROLE = {"T": "therapist", "P1": "patient", "P2": "patient", "X": "other"}


@given(turns, st.booleans())
@settings(max_examples=60, deadline=None)
def test_talk_shares_sum_to_one(ts, times):
    s = make_session([(n, ROLE[n], t) for n, t in ts], times=times)
    f = compute_metrics(s)
    assert sum(f["talk_share_words"].value.values()) == pytest.approx(1.0)
    if times:
        assert sum(f["talk_share_seconds"].value.values()) == pytest.approx(1.0)
    else:
        assert f["talk_share_seconds"].value is None
    assert sum(f["turns"].value.values()) == len(ts)


@given(turns)
@settings(max_examples=40, deadline=None)
def test_renaming_speakers_changes_no_figure(ts):
    a = make_session([(n, ROLE[n], t) for n, t in ts], times=True)
    b = make_session([(n + "-renamed", ROLE[n], t) for n, t in ts], times=True)
    fa, fb = compute_metrics(a), compute_metrics(b)
    assert {k: v.value for k, v in fa.items()} == {k: v.value for k, v in fb.items()}


def _label(session, layer, values):
    return session.with_annotations(
        Annotation(i, layer, v, "test") for i, v in enumerate(values) if v is not None
    )


def test_miti_scores_come_from_moves():
    s = make_session([("T", "therapist", "q")] * 4 + [("T", "therapist", "r")] * 2)
    s = _label(s, "move", ["question"] * 4 + ["reflection"] * 2)
    s = _label(s, "question", ["open", "closed", "closed", "closed", None, None])
    s = _label(s, "reflection", [None] * 4 + ["complex", "simple"])
    f = compute_metrics(s)
    assert f["reflection_to_question"].value == pytest.approx(0.5)
    assert f["percent_open_questions"].value == pytest.approx(0.25)
    assert f["percent_complex_reflections"].value == pytest.approx(0.5)
    assert f["percent_open_questions"].evidence == (0, 1, 2, 3)


def test_miti_scores_are_none_without_questions_or_reflections(short_session):
    f = compute_metrics(short_session)
    assert f["reflection_to_question"].value is None
    assert f["percent_complex_reflections"].value is None


def test_one_way_index_is_the_share_of_words_about_the_patient_or_the_relationship():
    s = make_session([
        ("T", "therapist", "one two"),            # social
        ("P", "patient", "three four five six"),  # patient_life
        ("T", "therapist", "seven eight"),         # relationship
        ("P", "patient", "nine ten"),              # therapist_life
    ])
    s = _label(s, "focus", ["social", "patient_life", "relationship", "therapist_life"])
    f = compute_metrics(s)
    assert f["one_way_index"].value == pytest.approx(6 / 10)
    assert f["one_way_index"].evidence == (0, 3)


def test_relational_counts_come_from_spans_and_flags():
    s = make_session([("T", "therapist", "a b")] * 6)
    s = s.with_annotations(
        [Annotation(0, "flag", "confrontation", "t"), Annotation(2, "flag", "backs_down", "t"),
         Annotation(4, "flag", "self_disclosure", "t")],
        [Span("episode", 0, 1, {"initiator": "therapist", "patient_stance": "declined"}),
         Span("episode", 3, 4, {"initiator": "therapist", "after_decline": True}),
         Span("rupture", 5, 5, {"family": "withdrawal", "marker": "denial", "repaired": False})],
    )
    f = compute_metrics(s)
    assert f["episodes_by_initiator"].value == {"therapist": 2}
    assert f["therapist_returns_after_decline"].value == 1
    assert f["therapist_returns_after_decline"].evidence == (3,)
    assert f["ruptures"].value == 1 and f["ruptures_repaired"].value == 0
    assert f["self_disclosures"].value == 1
    assert f["confrontations"].value == 1 and f["confrontations_backed_down"].value == 1
    assert f["relationship_share"].value == pytest.approx(8 / 12)


def test_an_empty_session_has_no_figures_that_crash():
    s = Session("empty", (Speaker("a", "A", Role.THERAPIST),), ())
    f = compute_metrics(s)
    assert f["talk_share_words"].value == {}
    assert f["one_way_index"].value is None


def test_speaking_time_from_start_times_alone_runs_each_turn_to_the_next():
    s = make_session([("T", "therapist", "a"), ("P", "patient", "b"), ("T", "therapist", "c")])
    from dataclasses import replace
    starts = [0.0, 10.0, 40.0]
    s = replace(s, utterances=tuple(replace(u, start_s=t) for u, t in zip(s.utterances, starts)))
    f = compute_metrics(s)
    # therapist 10 s (0-10) + 0 s (last turn, length unknown); patient 30 s (10-40)
    assert f["talk_share_seconds"].value == pytest.approx({"patient": 0.75, "therapist": 0.25})
    assert f["talk_seconds_approximate"].value is True


def test_speaking_time_with_end_times_is_exact(short_session):
    f = compute_metrics(short_session)
    assert f["talk_seconds_approximate"].value is False
