"""Specification of ``alliance evaluate annomi``: shipped models scored on an AnnoMI CSV."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from alliance.errors import InputError
from alliance.evaluate.annomi import evaluate_annomi, macro_scores, read_annomi

FULL_HEADER = ["mi_quality", "transcript_id", "video_title", "video_url", "topic", "utterance_id",
               "interlocutor", "timestamp", "utterance_text", "annotator_id",
               "therapist_input_exists", "therapist_input_subtype", "reflection_exists",
               "reflection_subtype", "question_exists", "question_subtype",
               "main_therapist_behaviour", "client_talk_type"]

# (interlocutor, text, main behaviour, client talk, question subtype, reflection subtype)
TURNS = [
    ("therapist", "What would you like to talk about today?", "question", "n/a", "open", "n/a"),
    ("client", "I want to get my smoking under control.", "n/a", "change", "n/a", "n/a"),
    ("therapist", "You're ready to make a change.", "reflection", "n/a", "n/a", "simple"),
    ("client", "But honestly I enjoy it too much to stop.", "n/a", "sustain", "n/a", "n/a"),
    ("therapist", "Have you tried patches before?", "question", "n/a", "closed", "n/a"),
    ("client", "Once.", "n/a", "neutral", "n/a", "n/a"),
    ("therapist", "Patches can double the chance of quitting.", "therapist_input", "n/a", "n/a", "n/a"),
    ("client", "Okay.", "n/a", "neutral", "n/a", "n/a"),
    ("therapist", "Mm-hmm.", "other", "n/a", "n/a", "n/a"),
]


def write_full(path: Path, annotators=("3",), transcripts=("1", "2")) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(FULL_HEADER)
        for tx in transcripts:
            for ann in annotators:
                for uid, (who, text, move, talk, q, r) in enumerate(TURNS):
                    w.writerow(["high", tx, "t", "u", "smoking", uid, who, "00:00:01", text, ann,
                                "n/a", "n/a", "n/a", r, "n/a", q, move, talk])
    return path


def write_simple(path: Path) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["transcript_id", "mi_quality", "video_title", "video_url", "topic", "utterance_id",
                    "interlocutor", "timestamp", "utterance_text", "main_therapist_behaviour",
                    "client_talk_type"])
        for uid, (who, text, move, talk, _, _) in enumerate(TURNS):
            w.writerow(["7", "high", "t", "u", "smoking", uid, who, "00:00:01", text, move, talk])
    return path


def test_full_csv_returns_the_documented_keys(tmp_path):
    result = evaluate_annomi(write_full(tmp_path / "full.csv"))
    for task in ("therapist_move", "client_talk", "reflection_type", "question_type"):
        assert set(result[task]) >= {"macro_f1", "accuracy", "n", "per_class"}
    assert result["therapist_move"]["n"] == 10
    assert result["client_talk"]["n"] == 8
    assert set(result["therapist_move"]["per_class"]) == {"question", "reflection", "input", "other"}
    assert result["utterances_per_second"] > 0


def test_simple_csv_reports_subtypes_as_empty(tmp_path):
    result = evaluate_annomi(write_simple(tmp_path / "simple.csv"))
    assert result["therapist_move"]["n"] == 5
    assert result["question_type"]["n"] == 0 and result["question_type"]["macro_f1"] is None
    assert result["reflection_type"]["n"] == 0 and result["reflection_type"]["macro_f1"] is None


def test_multiply_coded_transcripts_count_once(tmp_path):
    path = write_full(tmp_path / "multi.csv", annotators=("4", "2", "9"), transcripts=("5",))
    sessions = read_annomi(path)
    assert len(sessions) == 1 and len(sessions[0].utterances) == len(TURNS)
    assert evaluate_annomi(path)["therapist_move"]["n"] == 5


def test_stripped_copy_is_scored_too(tmp_path):
    result = evaluate_annomi(write_full(tmp_path / "full.csv"), strip=True)
    assert result["stripped"] is True and result["therapist_move"]["n"] == 10


def test_not_an_annomi_csv_names_the_file(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_annomi(bad)
    assert err.value.line == 1 and "bad.csv" in str(err.value)


def test_macro_scores_by_hand():
    s = macro_scores(["a", "a", "b", "b"], ["a", "b", "b", "b"], ("a", "b"))
    assert s["accuracy"] == 0.75 and s["n"] == 4
    assert s["per_class"]["a"]["f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert s["macro_f1"] == pytest.approx((2 / 3 + 0.8) / 2, abs=1e-4)


ANNOMI = Path("/work/shared/data/annomi/AnnoMI-simple.csv")


@pytest.mark.skipif(not ANNOMI.exists(), reason="AnnoMI is not on this machine")
def test_real_annomi_reads_100_sessions():
    assert len(read_annomi(ANNOMI)) == 100
