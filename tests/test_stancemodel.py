"""The learned stance reader: artifacts, the conservative combination, clear cases.

The reader is not wired into the pipeline (model card, "Stance reader"); these
specify the module for the build a wiring would ship. Without artifacts the
shipped-model cases check that the rules alone give the expected stance.
"""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliance.analysis import analyze_session
from alliance.annotators import _stancemodel as sm
from alliance.annotators._lexicon import Dialogue
from alliance.annotators._relmodel import CharGramVectorizer
from alliance.annotators.episodes import episode_runs, patient_stance_of
from alliance.model import Role, Session, Speaker, Utterance

SPEAKERS = (Speaker("T", "Therapist", Role.THERAPIST), Speaker("P", "Client", Role.PATIENT))

#: The seed pattern: the therapist raises the break, the patient waves it away.
DECLINE = [
    ("T", "Good to see you. How has the week been?"),
    ("P", "Busy. Work has been a lot, and the kids are off school."),
    ("T", "I wanted to check in about my break next month. How is it for you that I'll be away for three weeks?"),
    ("P", "No, it's fine. I understand you have a life."),
    ("T", "Okay. Tell me more about work."),
    ("P", "My manager keeps moving the deadlines and I end up staying late."),
]
#: The same question, taken up warmly.
ENGAGE = [
    ("T", "Good to see you. How has the week been?"),
    ("P", "Busy. Work has been a lot, and the kids are off school."),
    ("T", "I wanted to check in about my break next month. How is it for you that I'll be away for three weeks?"),
    ("P", "Honestly, I feel a bit lost when I think about it. I will really miss coming here and talking to you."),
    ("T", "It sounds like our sessions matter to you."),
    ("P", "They do. You are the one person I can say these things to, so three weeks feels like a long time."),
]


def _session(turns) -> Session:
    return Session("synthetic", SPEAKERS, tuple(Utterance(i, s, t) for i, (s, t) in enumerate(turns)))


def _toy_model(engage_bias: float, decline_bias: float, threshold: float) -> sm.StanceModel:
    """A model that reads nothing (weights zero): every episode gets the heads' biases."""
    vec = CharGramVectorizer(min_df=1, max_features=500).fit(Dialogue(_session(DECLINE)).norms)
    W = np.zeros((len(sm.BLOCKS) * vec.n_features + len(sm.DENSE), len(sm.HEADS)), np.float32)
    return sm.StanceModel(vec, W, np.asarray([engage_bias, decline_bias], np.float32), threshold, {})


def _episode_stances(turns, model=None) -> tuple[list[str], list[str]]:
    """(rule stances, combined stances) of the episodes the pipeline finds in ``turns``."""
    s = analyze_session(_session(turns)).session
    d = Dialogue(s)
    rel, markers = s.labels("relationship"), s.labels("rupture")
    runs = episode_runs(rel)
    rules = [patient_stance_of(d, a, b, rel, markers) for a, b in runs]
    return rules, sm.reread(d, runs, rel, markers, rules, model)


def test_shipped_artifacts_load_with_two_heads_and_a_threshold():
    model = sm.load_stance_model()
    if model is None:
        pytest.skip("stance.json/stance.npz not built")
    assert model.W.shape == (len(sm.BLOCKS) * model.vectorizer.n_features + len(sm.DENSE), len(sm.HEADS))
    assert 0.5 <= model.threshold <= sm.RULES_ALONE
    assert model.meta["figures"]["heldout"]["splits"] == ["test15", "test16"]


def test_missing_or_stale_artifacts_leave_the_rules_alone(tmp_path):
    assert sm.load_stance_model(tmp_path) is None
    (tmp_path / "stance.json").write_text(json.dumps({"format": 0}), encoding="utf-8")
    (tmp_path / "stance.npz").write_bytes(b"")
    assert sm.load_stance_model(tmp_path) is None
    rules, combined = _episode_stances(DECLINE, model=False)
    assert combined == rules


def test_probabilities_are_a_distribution_over_the_three_stances():
    model = _toy_model(0.3, -1.2, 0.85)
    d = Dialogue(_session(DECLINE))
    p = model.proba([sm.episode_view(d, 2, 3, [None, None, "frame_feelings", "frame_feelings", None, None], None)])
    assert p.shape == (1, 3)
    assert p.sum() == pytest.approx(1.0, abs=1e-6)
    assert (p >= 0).all()


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(sm.STANCES), st.lists(st.floats(0.0, 1.0), min_size=3, max_size=3),
       st.floats(0.5, 1.0))
def test_combine_changes_a_stance_only_when_the_model_is_confident(rule, raw, threshold):
    p = np.asarray(raw) / max(sum(raw), 1e-9)
    out = sm.combine(rule, p, threshold)
    if out != rule:
        assert p.max() >= threshold
        assert out == sm.STANCES[int(np.argmax(p))]
    if p.max() < threshold:
        assert out == rule


def test_an_unsure_model_changes_nothing():
    # Heads at 0.5 each: declined 0.5, engaged and mixed 0.25, all below the threshold.
    for turns in (DECLINE, ENGAGE):
        rules, combined = _episode_stances(turns, _toy_model(0.0, 0.0, 0.85))
        assert combined == rules


def test_a_confident_model_does_override():
    # Takes it up (p ~ 0.99) and never refuses (p ~ 0.01): engaged, whatever the rules said.
    rules, combined = _episode_stances(DECLINE, _toy_model(5.0, -5.0, 0.85))
    assert rules == ["declined"]
    assert combined == ["engaged"]


def test_a_plain_decline_stays_declined():
    rules, combined = _episode_stances(DECLINE)
    assert rules == ["declined"]
    assert combined == ["declined"]


def test_a_warm_answer_stays_engaged():
    rules, combined = _episode_stances(ENGAGE)
    assert rules == ["engaged"]
    assert combined == ["engaged"]


def test_pipeline_episodes_carry_valid_stances():
    for turns in (DECLINE, ENGAGE):
        spans = analyze_session(_session(turns)).session.spans_of("episode")
        assert spans
        assert all(sp.attrs["patient_stance"] in sm.STANCES for sp in spans)
