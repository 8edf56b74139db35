"""``gold/tools/blank.py``: blank copies for a second coder keep the words and drop every judgement."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

GOLD = Path(__file__).resolve().parent.parent / "gold"


def _tool(name):
    spec = importlib.util.spec_from_file_location(f"gold_{name}", GOLD / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(f"gold_{name}", module)  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


SOURCE = """id: demo-01-vacation-two-returns
style: psychodynamic; seed pattern, two returns
notes: The patient declines twice.
speakers: T=Dr. Vale/therapist; P=Robin/patient
stances: declined
times: none
---
T: I'll be away in August. How is that for you? | ff
P: Fine. You have a life. | ff
T: So, the week? | pl +aff
"""


def test_a_blank_copy_keeps_speakers_and_words_and_drops_the_judgements():
    text = _tool("blank").blank(SOURCE, "blind-07")
    assert "id: blind-07" in text and "two-returns" not in text
    assert "T=Dr. Vale/therapist; P=Robin/patient" in text and "times: none" in text
    assert "psychodynamic" not in text and "declines twice" not in text and "declined" not in text
    body = text.partition("\n---\n")[2].splitlines()
    assert body == ["T: I'll be away in August. How is that for you?", "P: Fine. You have a life.",
                    "T: So, the week?"]


def test_a_blank_copy_parses_and_restoring_gives_the_original_id_back(tmp_path):
    blank, derive = _tool("blank"), _tool("derive")
    path = tmp_path / "blind-07.txt"
    path.write_text(blank.blank(SOURCE, "blind-07"), encoding="utf-8")
    parsed = derive.parse_source(path)
    assert [u["text"] for u in parsed.utterances][:2] == ["I'll be away in August. How is that for you?",
                                                         "Fine. You have a life."]
    assert "id: demo-01-vacation-two-returns" in blank.restore(path.read_text(encoding="utf-8"),
                                                               "demo-01-vacation-two-returns")


def test_the_draw_is_fixed_by_its_seed():
    blank = _tool("blank")
    one = blank.sample(["dev", "test"], 2, seed=6)
    assert one == blank.sample(["dev", "test"], 2, seed=6)
    assert len(one) == 4 and {p.parent.name for p in one} == {"dev", "test"}


def test_every_second_coding_has_its_first_coding_with_the_same_words():
    import json

    second = sorted((GOLD / "second").glob("*.json"))
    assert len(second) >= 30
    for path in second:
        doc = json.loads(path.read_text(encoding="utf-8"))
        first = json.loads((GOLD / path.stem.split("-")[0] / path.name).read_text(encoding="utf-8"))
        assert [u["text"] for u in doc["utterances"]] == [u["text"] for u in first["utterances"]], path.name
        assert (GOLD / "tools" / "second" / f"{path.stem}.txt").is_file(), path.name


def test_the_second_coding_scores_against_the_first_without_error():
    from alliance.evaluate.gold import evaluate_agreement

    firsts = sorted({GOLD / p.stem.split("-")[0] for p in (GOLD / "second").glob("*.json")})
    result = evaluate_agreement(GOLD / "second", firsts, resamples=0)
    assert result["sessions_scored"] == len(list((GOLD / "second").glob("*.json")))
    assert 0.0 <= result["stance_accuracy"] <= 1.0
