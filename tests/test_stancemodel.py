"""The learned stance reader: artifacts, the conservative combination, clear cases.

The reader is wired into the pipeline (``Episodes``) since the nineteenth round
(model card, "Stance reader"). Without artifacts the shipped-model cases check
that the rules alone give the expected stance.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

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

MODELS = Path(sm.__file__).resolve().parents[1] / "models"

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


def _toy_model(biases: dict[str, float], threshold: float) -> sm.StanceModel:
    """A model that reads nothing (weights zero): every episode gets the softmax of the biases per stance."""
    vec = CharGramVectorizer(min_df=1, max_features=500).fit(Dialogue(_session(DECLINE)).norms)
    W = np.zeros((len(sm.BLOCKS) * vec.n_features + len(sm.DENSE), len(sm.HEADS)), np.float32)
    return sm.StanceModel(vec, W, np.asarray([biases.get(h, 0.0) for h in sm.HEADS], np.float32), threshold, {})


def _episode_stances(turns, model=None) -> tuple[list[str], list[str]]:
    """(rule stances, combined stances) of the episodes the pipeline finds in ``turns``."""
    s = analyze_session(_session(turns)).session
    d = Dialogue(s)
    rel, markers = s.labels("relationship"), s.labels("rupture")
    runs = episode_runs(rel)
    rules = [patient_stance_of(d, a, b, rel, markers) for a, b in runs]
    return rules, sm.reread(d, runs, rel, markers, rules, model)


def test_shipped_artifacts_load_with_one_column_per_stance_a_threshold_and_the_allowed_moves():
    model = sm.load_stance_model()
    if model is None:
        pytest.skip("stance.json/stance.npz not built")
    assert model.W.shape == (len(sm.BLOCKS) * model.vectorizer.n_features + len(sm.DENSE), len(sm.STANCES))
    assert 0.5 <= model.threshold <= sm.RULES_ALONE
    assert model.moves == sm.OVERRIDES
    assert ("mixed", "engaged") not in model.moves
    folds = model.meta["figures"]["cv"]["folds"]
    assert folds["test41-52"]["splits"] == [f"test{i}" for i in range(41, 53)]
    assert folds["test17-28"]["splits"] == [f"test{i}" for i in range(17, 29)]


def test_shipped_model_never_learned_from_the_blind_splits():
    model = sm.load_stance_model()
    if model is None:
        pytest.skip("stance.json/stance.npz not built")
    splits = model.meta["figures"]["data"]["gold_splits"]
    assert not {f"test{i}" for i in (*range(59, 77), *range(93, 99))} & set(splits)
    assert {"dev", "test17", "test58", "test92"} <= set(splits)


def test_missing_or_stale_artifacts_leave_the_rules_alone(tmp_path):
    assert sm.load_stance_model(tmp_path) is None
    (tmp_path / "stance.json").write_text(json.dumps({"format": 0}), encoding="utf-8")
    (tmp_path / "stance.npz").write_bytes(b"")
    assert sm.load_stance_model(tmp_path) is None
    rules, combined = _episode_stances(DECLINE, model=False)
    assert combined == rules


def test_probabilities_are_a_distribution_over_the_three_stances():
    model = _toy_model({"engaged": 0.3, "declined": -1.2}, 0.85)
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
    limited = sm.combine(rule, p, threshold, sm.OVERRIDES)
    assert limited in (rule, out)
    if limited != rule:
        assert (rule, limited) in sm.OVERRIDES


def test_mixed_is_never_moved_to_engaged():
    # The one change left to the rules: a "fine" that closes a complaint still refuses.
    p = np.asarray([0.98, 0.01, 0.01])
    assert sm.combine("mixed", p, 0.5, sm.OVERRIDES) == "mixed"
    assert sm.combine("declined", p, 0.5, sm.OVERRIDES) == "engaged"
    assert sm.combine("mixed", p, 0.5) == "engaged"  # unrestricted, the model would have moved it


def test_an_unsure_model_changes_nothing():
    # Every stance at a third, all below the threshold.
    for turns in (DECLINE, ENGAGE):
        rules, combined = _episode_stances(turns, _toy_model({}, 0.85))
        assert combined == rules


def test_a_confident_model_does_override():
    # Engaged at p ~ 0.99: engaged, whatever the rules said.
    rules, combined = _episode_stances(DECLINE, _toy_model({"engaged": 5.0}, 0.85))
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


# -- The trainer's rules (no gold data needed) ------------------------------------------------

def _fold(n: int, rules: int, **right_at: int) -> dict:
    """A fold's counts: ``right_at`` maps threshold keys ("0_5") to right stances; others equal the rules'."""
    from alliance.training.stance import THRESHOLDS
    return {"n": n, "rules": rules, **{str(t): right_at.get(str(t).replace(".", "_"), rules) for t in THRESHOLDS}}


def _clean_bank() -> dict:
    from alliance.training.stance import THRESHOLDS
    return {str(t): 0 for t in THRESHOLDS}


def test_the_trainer_never_reads_the_blind_splits():
    from alliance.training.stance import CV_FOLDS, GOLD_SPLITS
    blind = {f"test{i}" for i in (*range(59, 77), *range(93, 99))}
    assert not blind & set(GOLD_SPLITS)
    assert not blind & {s for splits in CV_FOLDS.values() for s in splits}
    assert {s for splits in CV_FOLDS.values() for s in splits} <= set(GOLD_SPLITS)


def test_a_gain_below_the_bar_leaves_the_rules_alone():
    from alliance.training.stance import _choose
    folds = {"a": _fold(150, 110, **{"0_5": 111}), "b": _fold(150, 110, **{"0_5": 111})}  # +2 of 300
    threshold, _ = _choose(folds, _clean_bank())
    assert threshold == sm.RULES_ALONE


def test_a_clear_gain_on_every_fold_sets_the_threshold():
    from alliance.training.stance import _choose
    folds = {"a": _fold(150, 110, **{"0_7": 114}), "b": _fold(150, 110, **{"0_7": 114})}  # +8 of 300
    threshold, table = _choose(folds, _clean_bank())
    assert threshold == 0.7
    assert table["0.7"]["pooled_gain"] == 8


def test_a_fold_that_loses_or_a_broken_specification_vetoes_a_threshold():
    from alliance.training.stance import _choose
    losing = {"a": _fold(150, 110, **{"0_7": 120}), "b": _fold(150, 110, **{"0_7": 109})}
    assert _choose(losing, _clean_bank())[0] == sm.RULES_ALONE
    gaining = {"a": _fold(150, 110, **{"0_7": 115}), "b": _fold(150, 110, **{"0_7": 115})}
    assert _choose(gaining, {**_clean_bank(), "0.7": 1})[0] == sm.RULES_ALONE
