"""Paraphrase bank: the relational annotators on phrasings they were not written against.

The cases live in ``tests/data/paraphrases/*.txt`` (one short dialogue a line,
written for this project): for every relationship subtype, rupture marker and
therapist flag, varied ways clinicians and patients really put it (British and
American, terse and wordy, lower-case unpunctuated speech-recognition text,
indirect), and near misses that must not fire (reported speech, generic "you",
logistics, social talk, general beliefs). The last turn of each dialogue is
the one checked; the turns before it give the context the label depends on.

Cases marked ``xfail`` in the data document known limits of the rule-based
annotators: each carries its reason, and they are not strict, so one that
starts passing is reported rather than failing the run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from test_relationship import run

BANK = Path(__file__).parent / "data" / "paraphrases"
_ROLE = {"T": "t", "P": "p"}


def _parse(path: Path):
    """(expected, turns, xfail reason or None, line number) for each case in ``path``."""
    cases = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split(" | ")]
        expected, dialogue = fields[0], fields[1]
        reason = fields[2].removeprefix("xfail:").strip() if len(fields) > 2 else None
        turns = []
        for turn in dialogue.split(" // "):
            who, _, text = turn.partition(": ")
            turns.append((_ROLE[who.strip()], text.strip()))
        cases.append((expected, turns, reason, n))
    return cases


def _params(name: str):
    out = []
    for expected, turns, reason, n in _parse(BANK / name):
        marks = [pytest.mark.xfail(strict=False, reason=reason)] if reason else []
        out.append(pytest.param(expected, turns, id=f"{name.split('.')[0]}-{n}-{expected}", marks=marks))
    return out


@pytest.mark.parametrize("expected,turns", _params("relationship.txt"))
def test_relationship_talk_paraphrases(expected, turns):
    label = run(turns).labels("relationship")[-1]
    if expected == "none":
        assert label is None
    elif expected == "any":
        assert label is not None
    else:
        assert label == expected


@pytest.mark.parametrize("expected,turns", _params("ruptures.txt"))
def test_rupture_marker_paraphrases(expected, turns):
    marker = run(turns).labels("rupture")[-1]
    assert marker == (None if expected == "none" else expected)


@pytest.mark.parametrize("expected,turns", _params("flags.txt"))
def test_therapist_flag_paraphrases(expected, turns):
    flags = run(turns).all_labels("flag", len(turns) - 1)
    flag = expected[1:]
    assert (flag in flags) == expected.startswith("+")


def test_the_bank_covers_every_category_with_negatives():
    cats = {e for name in ("relationship.txt", "ruptures.txt", "flags.txt") for e, *_ in _parse(BANK / name)}
    assert {"transference_link", "immediacy", "frame_feelings", "feelings_about_therapist", "here_and_now",
            "none"} <= cats
    assert {"denial", "minimal_response", "topic_shift", "deferential", "complaint_about_therapist",
            "complaint_about_therapy", "rejects_intervention"} <= cats
    for flag in ("self_disclosure", "confrontation", "backs_down", "repair"):
        assert {"+" + flag, "-" + flag} <= cats
