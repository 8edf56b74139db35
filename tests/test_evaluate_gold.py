"""``alliance evaluate gold``: scoring against a folder of gold analysis documents."""

from __future__ import annotations

import json

import pytest

import alliance.analysis as analysis
from alliance.annotators.relational import relational_annotators
from alliance.errors import InputError
from alliance.evaluate.gold import evaluate_gold, match_indices, match_spans, prf
from alliance.pipeline import Pipeline


def _utt(i, speaker, role, text, rel=None, rupture=None, flags=(), focus="patient_life"):
    return {"index": i, "speaker": speaker, "role": role, "text": text, "start_s": None, "end_s": None,
            "flags": list(flags), "relationship": rel, "rupture": rupture, "focus": focus}


def _doc(sid, utts, episodes, ruptures=()):
    return {"schema": "alliance.session/1", "session": {"id": sid, "source": "gold", "duration_s": None},
            "speakers": [{"id": "T", "name": "Dr. Vale", "role": "therapist"},
                         {"id": "P", "name": "Robin", "role": "patient"}],
            "utterances": utts, "episodes": episodes, "ruptures": list(ruptures),
            "metrics": {"therapist_returns_after_decline": sum(e["after_decline"] for e in episodes),
                        "one_way_index": 1.0}}


@pytest.fixture
def gold_dir(tmp_path, monkeypatch):
    # Score the relational annotators alone, so the test does not need the shipped move models.
    monkeypatch.setattr(analysis, "_DEFAULT", Pipeline(relational_annotators()))
    a = _doc("a", [
        _utt(0, "T", "therapist", "Do you feel abandoned when I go on vacation?", "frame_feelings", focus="relationship"),
        _utt(1, "P", "patient", "No, it's fine. You have a life.", "frame_feelings", focus="relationship"),
        _utt(2, "T", "therapist", "Okay. How was the week?"),
        _utt(3, "P", "patient", "Busy. My boss shouted again."),
    ], [{"first": 0, "last": 1, "initiator": "therapist", "patient_stance": "declined", "after_decline": False}])
    b = _doc("b", [
        _utt(0, "T", "therapist", "Could we move Tuesday to three?", focus="logistics"),
        _utt(1, "P", "patient", "Three works.", focus="logistics"),
    ], [])
    for d in (a, b):
        (tmp_path / f"{d['session']['id']}.json").write_text(json.dumps(d), encoding="utf-8")
    return tmp_path


def test_evaluate_gold_returns_the_documented_keys(gold_dir):
    r = evaluate_gold(gold_dir)
    for key in ("sessions_scored", "episodes", "initiator_accuracy", "stance_accuracy",
                "therapist_returns_after_decline", "one_way_index_mean_abs_error", "ruptures",
                "flags", "relationship_talk", "focus_accuracy", "controls", "sessions"):
        assert key in r
    assert set(r["flags"]) >= {"self_disclosure", "confrontation", "backs_down", "repair"}
    assert {"precision", "recall", "f1", "tp", "fp", "fn"} <= set(r["episodes"])
    assert r["sessions_scored"] == 2 and len(r["sessions"]) == 2
    assert r["controls"] == {"sessions": 1, "false_episodes": 0}


def test_evaluate_gold_scores_a_perfect_episode_as_perfect(gold_dir):
    r = evaluate_gold(gold_dir)
    assert r["episodes"]["f1"] == 1.0
    assert r["initiator_accuracy"] == 1.0 and r["stance_accuracy"] == 1.0
    assert r["therapist_returns_after_decline"]["mean_abs_error"] == 0.0


def test_evaluate_gold_output_names_no_transcript_text(gold_dir):
    assert "vacation" not in json.dumps(evaluate_gold(gold_dir))


def test_an_empty_or_missing_folder_is_an_input_error(tmp_path):
    with pytest.raises(InputError):
        evaluate_gold(tmp_path)
    with pytest.raises(InputError):
        evaluate_gold(tmp_path / "missing")


def test_spans_match_one_to_one_when_they_overlap():
    assert match_spans([(0, 3), (10, 12)], [(2, 5), (4, 6), (20, 21)]) == [(0, 0)]
    assert match_spans([(0, 3)], []) == []


def test_rupture_indices_match_within_the_tolerance_nearest_first():
    assert match_indices([5, 9], [6, 9, 30], 1) == [(0, 0), (1, 1)]
    assert match_indices([5], [7], 1) == []


def test_prf_handles_empty_counts():
    assert prf(0, 0, 0)["f1"] is None
    assert prf(2, 0, 2) == {"precision": 1.0, "recall": 0.5, "f1": 0.6667, "tp": 2, "fp": 0, "fn": 2}


def test_several_folders_are_pooled_into_one_set(gold_dir, tmp_path_factory):
    other = tmp_path_factory.mktemp("more")
    for p in gold_dir.glob("*.json"):
        (other / f"copy-{p.name}").write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    one, both = evaluate_gold(gold_dir), evaluate_gold([gold_dir, other])
    assert both["sessions_scored"] == 2 * one["sessions_scored"]
    assert both["episodes"]["tp"] == 2 * one["episodes"]["tp"]
    assert both["controls"]["sessions"] == 2 * one["controls"]["sessions"]
    assert both["folder"] == [str(gold_dir), str(other)]


def test_the_seed_pattern_is_counted_apart(gold_dir):
    returns = evaluate_gold(gold_dir)["therapist_returns_after_decline"]
    # Session "a" has a therapist-raised episode the patient declined; "b" is a control.
    assert returns["seed_pattern_sessions"] == 1
    assert returns["seed_pattern_sessions_exact"] == 1


def test_intervals_resample_sessions_and_bracket_the_figure(gold_dir):
    r = evaluate_gold(gold_dir, resamples=200, seed=3)
    lo, hi = r["intervals"]["episodes_f1"]
    assert lo <= r["episodes"]["f1"] <= hi
    assert r["intervals"]["level"] == 0.95
    assert evaluate_gold(gold_dir, resamples=200, seed=3)["intervals"] == r["intervals"]
    assert evaluate_gold(gold_dir, resamples=0)["intervals"] == {}


def test_no_folder_is_an_input_error():
    with pytest.raises(InputError):
        evaluate_gold([])


def _second_coding(gold_dir, tmp_path_factory, edit):
    """A copy of ``gold_dir`` with each document changed by ``edit``, as a second coder's folder."""
    second = tmp_path_factory.mktemp("second")
    for p in gold_dir.glob("*.json"):
        doc = json.loads(p.read_text(encoding="utf-8"))
        edit(doc)
        (second / p.name).write_text(json.dumps(doc), encoding="utf-8")
    return second


def test_a_coder_agrees_fully_with_an_identical_coding(gold_dir, tmp_path_factory):
    from alliance.evaluate.gold import evaluate_agreement

    second = _second_coding(gold_dir, tmp_path_factory, lambda doc: None)
    r = evaluate_agreement(second, gold_dir, resamples=0)
    assert r["episodes"]["f1"] == 1.0 and r["stance_accuracy"] == 1.0
    assert r["controls"] == {"sessions": 1, "false_episodes": 0}
    assert r["second_coder"] == str(second)


def test_agreement_scores_the_second_coding_not_the_pipeline(gold_dir, tmp_path_factory):
    from alliance.evaluate.gold import evaluate_agreement

    def call_it_engaged(doc):
        for e in doc["episodes"]:
            e["patient_stance"] = "engaged"

    second = _second_coding(gold_dir, tmp_path_factory, call_it_engaged)
    r = evaluate_agreement(second, gold_dir, resamples=0)
    # The pipeline reads "No, it's fine. You have a life." as declined; the second coder did not.
    assert r["stance_accuracy"] == 0.0
    assert r["episodes"]["f1"] == 1.0


def test_agreement_needs_the_same_session_and_the_same_utterances(gold_dir, tmp_path_factory):
    from alliance.evaluate.gold import evaluate_agreement

    def rename(doc):
        doc["session"]["id"] = "not-coded-first"

    def reword(doc):
        doc["utterances"][0]["text"] += " Really."

    for edit in (rename, reword):
        with pytest.raises(InputError):
            evaluate_agreement(_second_coding(gold_dir, tmp_path_factory, edit), gold_dir, resamples=0)
