"""Batches: a bad file never loses the good ones, and workers do not change results."""

from __future__ import annotations

from alliance.batch import analyze_paths, successful
from alliance.report import analysis_document

GOOD = """\
Therapist: How was the week?
Client: Long. I slept badly and skipped the gym twice.
Therapist: So the week wore you down.
Client: It did, and I want to get back to the gym.
"""


def _files(tmp_path, n):
    paths = []
    for i in range(n):
        p = tmp_path / f"s{i}.txt"
        p.write_text(GOOD.replace("twice", f"{i} times"), encoding="utf-8")
        paths.append(p)
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    paths.insert(2, bad)
    return paths


def test_one_bad_file_does_not_stop_the_batch(tmp_path):
    results = list(analyze_paths(_files(tmp_path, 4)))
    assert [r.ok for r in results] == [True, True, False, True, True]
    assert "empty.txt" in results[2].error
    assert len(successful(results)) == 4


def test_results_do_not_depend_on_worker_count(tmp_path):
    paths = _files(tmp_path, 5)
    one = [analysis_document(a) for a in successful(analyze_paths(paths, workers=1))]
    two = [analysis_document(a) for a in successful(analyze_paths(paths, workers=2))]
    assert one == two
