"""The hand-labelled gold sessions obey the analysis contract and the codebook's rules.

Every file in ``gold/dev``, ``gold/heldout`` and ``gold/test`` (the blind test
split, written by a second author) is checked on its own terms:
its schema and indices, its label vocabularies, and that everything the codebook
defines by rule (episodes, initiators, returns after a decline, rupture repair,
metrics) agrees with the per-utterance labels. These checks are written
independently of ``gold/tools/derive.py``, which generates the files.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

GOLD = Path(__file__).resolve().parent.parent / "gold"
SPLITS = ("dev", "heldout", "test", "train2", "test2", "test3", "test4", "test5", "test6", "test7", "test8", "test9", "test10", "test11", "test12", "test13", "test14", "test15", "test16", "test17", "test18", "test19", "test20", "test21", "test22", "train3", "train4", "train5", "test23", "test24", "test25", "test26", "test27", "test28", "test29", "test30", "test31", "test32", "test33", "test34", "test35", "test36", "test37", "test38", "test39", "test40", "test41", "test42", "test43", "test44", "test45", "test46", "test47", "test48", "test49", "test50", "test51", "test52", "test53", "test54", "test55", "test56", "test57", "test58", "test59", "test60", "test61", "test62", "test63", "test64", "test65", "test66", "test67", "test68", "test69", "test70", "test71", "test72", "test73", "test74", "test75", "test76", "test77", "test78", "test79", "test80", "test81", "test82", "test83", "test84", "test85", "test86", "test87", "test88", "test89", "test90", "test91", "test92", "test93", "test94", "test95", "test96", "test97", "test98", "test99", "test100", "test101", "test102", "test103", "test104", "test105", "test106", "test107", "test108", "test109", "test110", "test111", "test112", "test113", "test114", "test115", "test116", "test117", "test118", "test119", "test120", "test121", "test122", "test123", "test124", "test125", "test126", "test127", "test128", "test129", "test130", "test131", "test132", "test133", "test134", "test135", "test136", "test137", "test138", "test139", "test140", "test141", "test142", "test143", "test144", "test145", "test146", "test147", "test148", "test149", "test150", "test151", "test152", "test153", "test154", "test155", "test156", "test157", "test158", "test159", "test160", "test161", "test162", "test163", "test164", "test165", "test166", "test167", "test168", "test169", "test170", "test171", "test172", "test173", "test174", "test175", "test176", "test177", "test178", "test179", "test180", "test181", "test182", "test183", "test184", "test185", "test186", "test187", "test188", "test189", "test190", "test191", "test192", "test193", "test194", "test195", "test196", "test197", "test198", "test199", "test200", "test201", "test202", "test203", "test204", "test205", "test206", "test207", "test208", "test209", "test210", "test211", "test212", "test213", "test214", "test215", "test216", "test217", "test218", "test219", "test220", "test221", "test222", "test223", "test224", "test225", "test226", "test227", "test228", "test229", "test230", "test231", "test232", "test233", "test234")
FILES = [p for s in SPLITS for p in sorted((GOLD / s).glob("*.json"))]

ROLES = {"therapist", "patient", "other"}
FLAGS = {"affirmation", "self_disclosure", "confrontation", "backs_down", "repair"}
RELATIONSHIP = {"here_and_now", "feelings_about_therapist", "frame_feelings",
                "transference_link", "immediacy"}
FAMILY = {"denial": "withdrawal", "minimal_response": "withdrawal", "topic_shift": "withdrawal",
          "deferential": "withdrawal", "complaint_about_therapist": "confrontation",
          "complaint_about_therapy": "confrontation", "rejects_intervention": "confrontation"}
FOCUS = {"patient_life", "therapist_life", "relationship", "logistics", "social"}
STANCES = {"engaged", "declined", "mixed"}
REQUIRED_METRICS = {"one_way_index", "therapist_returns_after_decline", "episodes_by_initiator",
                    "ruptures", "ruptures_repaired", "self_disclosures"}
ACKNOWLEDGEMENT = re.compile(r"^(yeah|yes|ok|okay|mm-?hmm|mhm|uh-?huh|right|sure|no)[.!]?$", re.I)


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def words(u: dict) -> int:
    return len(u["text"].split())


def expected_episodes(utts: list[dict]) -> list[tuple[int, int]]:
    """Runs of relationship talk joined across gaps of at most two other utterances."""
    runs: list[list[int]] = []
    for u in utts:
        if u["relationship"] is None:
            continue
        if runs and u["index"] - runs[-1][1] <= 3:
            runs[-1][1] = u["index"]
        else:
            runs.append([u["index"], u["index"]])
    return [tuple(r) for r in runs]


def test_there_are_enough_sessions_in_each_split():
    assert len(list((GOLD / "dev").glob("*.json"))) >= 30
    assert 8 <= len(list((GOLD / "heldout").glob("*.json"))) <= 10
    assert 12 <= len(list((GOLD / "test").glob("*.json"))) <= 16
    assert 20 <= len(list((GOLD / "train2").glob("*.json"))) <= 30
    assert 12 <= len(list((GOLD / "test2").glob("*.json"))) <= 16
    assert 12 <= len(list((GOLD / "test3").glob("*.json"))) <= 16
    assert 12 <= len(list((GOLD / "test4").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test5").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test6").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test7").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test8").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test9").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test10").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test11").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test12").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test13").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test14").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test15").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test16").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test17").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test18").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test19").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test20").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test21").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test22").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "train3").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "train4").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "train5").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test23").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test24").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test25").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test26").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test27").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test28").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test29").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test30").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test31").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test32").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test33").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test34").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test35").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test36").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test37").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test38").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test39").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test40").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test41").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test42").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test43").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test44").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test45").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test46").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test47").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test48").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test49").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test50").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test51").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test52").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test53").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test54").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test55").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test56").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test57").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test58").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test59").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test60").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test61").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test62").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test63").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test64").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test65").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test66").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test67").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test68").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test69").glob("*.json"))) <= 16
    assert 10 <= len(list((GOLD / "test70").glob("*.json"))) <= 16


def test_session_ids_are_unique_and_match_file_names():
    ids = [load(p)["session"]["id"] for p in FILES]
    assert len(ids) == len(set(ids))
    assert all(load(p)["session"]["id"] == p.stem for p in FILES)


@pytest.mark.parametrize("first, second", [(a, b) for i, a in enumerate(SPLITS) for b in SPLITS[i + 1:]])
def test_no_split_reuses_utterance_text_from_another(first, second):
    def texts(split: str) -> set[str]:
        return {u["text"].lower() for p in (GOLD / split).glob("*.json")
                for u in load(p)["utterances"] if words(u) >= 5}
    shared = texts(first) & texts(second)
    assert not shared, f"{len(shared)} utterances of five or more words appear in {first} and {second}"


def test_each_json_is_generated_from_a_committed_source():
    for p in FILES:
        assert (GOLD / "tools" / "sessions" / p.parent.name / f"{p.stem}.txt").is_file(), p.name


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
class TestGoldSession:
    """One gold session, checked against the contract and the codebook."""

    def test_schema_and_header(self, path):
        d = load(path)
        assert d["schema"] == "alliance.session/1"
        assert d["session"]["source"] == "gold"
        assert d["session"]["duration_s"] is None or d["session"]["duration_s"] > 0
        assert set(d["gold"]) >= {"style", "notes"} and d["gold"]["notes"]
        assert 12 <= len(d["utterances"]) <= 130  # test8 has long, transcript-like sessions

    def test_speakers_and_indices(self, path):
        d = load(path)
        roles = {s["id"]: s["role"] for s in d["speakers"]}
        assert len(roles) == len(d["speakers"])
        assert set(roles.values()) <= ROLES and "therapist" in roles.values()
        assert "patient" in roles.values()
        for i, u in enumerate(d["utterances"]):
            assert u["index"] == i
            assert roles[u["speaker"]] == u["role"]
            assert u["text"].strip()
            timed = u["start_s"] is not None
            assert timed == (d["session"]["duration_s"] is not None)
            if timed:
                assert 0 <= u["start_s"] <= u["end_s"] <= d["session"]["duration_s"] + 1e-6

    def test_label_vocabularies(self, path):
        for u in load(path)["utterances"]:
            assert set(u["flags"]) <= FLAGS
            assert len(u["flags"]) == len(set(u["flags"]))
            assert u["relationship"] in RELATIONSHIP | {None}
            assert u["rupture"] in set(FAMILY) | {None}
            assert u["focus"] in FOCUS
            if u["flags"]:
                assert u["role"] == "therapist", u["index"]
            if u["rupture"]:
                assert u["role"] == "patient", u["index"]
            if u["relationship"]:
                assert u["focus"] in FOCUS  # focus follows most words, so any focus is allowed

    def test_bare_acknowledgements_are_never_relationship_talk(self, path):
        for u in load(path)["utterances"]:
            if ACKNOWLEDGEMENT.match(u["text"].strip()):
                assert u["relationship"] is None, u["index"]

    def test_episodes_follow_the_gap_rule_and_initiator(self, path):
        d = load(path)
        utts = d["utterances"]
        spans = [(e["first"], e["last"]) for e in d["episodes"]]
        assert spans == expected_episodes(utts)
        for e in d["episodes"]:
            assert e["initiator"] == utts[e["first"]]["role"]
            assert e["patient_stance"] in STANCES
            if e["patient_stance"] != "declined":
                assert any(u["relationship"] and u["role"] == "patient"
                           for u in utts[e["first"]:e["last"] + 1]), e

    def test_after_decline_marks_therapist_returns(self, path):
        declined_before = False
        for e in load(path)["episodes"]:
            assert e["after_decline"] == (e["initiator"] == "therapist" and declined_before)
            declined_before |= e["patient_stance"] == "declined"

    def test_ruptures_match_markers_and_repairs(self, path):
        d = load(path)
        utts = d["utterances"]
        assert [r["index"] for r in d["ruptures"]] == [u["index"] for u in utts if u["rupture"]]
        for r in d["ruptures"]:
            assert r["marker"] == utts[r["index"]]["rupture"]
            assert r["family"] == FAMILY[r["marker"]]
            if not r["repaired"]:
                assert r["repair_index"] is None
                continue
            later_therapist = [u["index"] for u in utts[r["index"] + 1:]
                               if u["role"] == "therapist"][:3]
            assert r["repair_index"] in later_therapist
            assert "repair" in utts[r["repair_index"]]["flags"]
            later_patient = [u for u in utts[r["repair_index"] + 1:] if u["role"] == "patient"][:3]
            assert any(u["rupture"] is None for u in later_patient), "patient must re-engage"

    def test_metrics_agree_with_labels(self, path):
        d = load(path)
        utts, m = d["utterances"], d["metrics"]
        assert REQUIRED_METRICS <= set(m)
        total = sum(words(u) for u in utts)
        one_way = sum(words(u) for u in utts if u["focus"] in {"patient_life", "relationship"})
        assert m["one_way_index"] == pytest.approx(one_way / total, abs=1e-3)
        inside = {i for e in d["episodes"] for i in range(e["first"], e["last"] + 1)}
        assert m["relationship_share"] == pytest.approx(
            sum(words(utts[i]) for i in inside) / total, abs=1e-3)
        assert m["therapist_returns_after_decline"] == sum(e["after_decline"] for e in d["episodes"])
        by_initiator = Counter(e["initiator"] for e in d["episodes"])
        assert m["episodes_by_initiator"] == dict(by_initiator)
        assert m["ruptures"] == len(d["ruptures"])
        assert m["ruptures_repaired"] == sum(r["repaired"] for r in d["ruptures"])
        assert m["self_disclosures"] == sum("self_disclosure" in u["flags"] for u in utts)
        assert m["confrontations"] == sum("confrontation" in u["flags"] for u in utts)
        assert m["turns"] == dict(Counter(u["role"] for u in utts))


def test_the_set_covers_every_phenomenon_it_is_meant_to_test():
    docs = [load(p) for p in (GOLD / "dev").glob("*.json")]
    markers = Counter(r["marker"] for d in docs for r in d["ruptures"])
    assert set(markers) == set(FAMILY)
    assert any(r["repaired"] for d in docs for r in d["ruptures"])
    assert any(not r["repaired"] for d in docs for r in d["ruptures"])
    subtypes = {u["relationship"] for d in docs for u in d["utterances"]} - {None}
    assert subtypes == RELATIONSHIP
    assert sum(not d["episodes"] for d in docs) >= 6, "negative controls"
    returns = Counter(d["metrics"]["therapist_returns_after_decline"] for d in docs)
    assert returns[1] and returns[2] and returns[3], "seed pattern with 1, 2 and 3 returns"
    flags = Counter(f for d in docs for u in d["utterances"] for f in u["flags"])
    assert {"self_disclosure", "confrontation", "backs_down", "repair"} <= set(flags)
    assert any(s["role"] == "other" for d in docs for s in d["speakers"])
    assert any(sum(s["role"] == "patient" for s in d["speakers"]) == 2 for d in docs)
    assert sum(d["session"]["duration_s"] is not None for d in docs) >= 3


def test_heldout_covers_the_seed_pattern_controls_and_ruptures():
    docs = [load(p) for p in (GOLD / "heldout").glob("*.json")]
    assert sum(d["metrics"]["therapist_returns_after_decline"] > 0 for d in docs) >= 3
    assert sum(not d["episodes"] for d in docs) >= 2
    assert {"withdrawal", "confrontation"} <= {r["family"] for d in docs for r in d["ruptures"]}


def test_test_split_covers_the_seed_pattern_controls_and_ruptures():
    docs = [load(p) for p in (GOLD / "test").glob("*.json")]
    assert sum(d["metrics"]["therapist_returns_after_decline"] > 0 for d in docs) >= 4
    assert sum(not d["episodes"] for d in docs) >= 3
    assert {"withdrawal", "confrontation"} <= {r["family"] for d in docs for r in d["ruptures"]}
    assert any(sum(s["role"] == "patient" for s in d["speakers"]) >= 2 for d in docs)


# What each later blind split promises to cover: (returns counts that must occur,
# minimum number of control sessions, initiators that must occur).
_BLIND_COVERAGE = {
    "test2": ({1, 2, 3}, 3, {"therapist", "patient"}),
    "test3": ({1, 2, 3}, 2, {"therapist", "patient", "other"}),
    # From test4 on every split promises the full range of returns and all three initiators.
    **{f"test{k}": ({0, 1, 2, 3}, 2, {"therapist", "patient", "other"}) for k in range(4, 235)},
}


@pytest.mark.parametrize("split", sorted(_BLIND_COVERAGE))
def test_each_later_blind_split_covers_every_marker_stance_and_return_count(split):
    returns_needed, controls, initiators = _BLIND_COVERAGE[split]
    docs = [load(p) for p in (GOLD / split).glob("*.json")]
    returns = {d["metrics"]["therapist_returns_after_decline"] for d in docs}
    assert returns_needed <= returns, "the seed pattern with these numbers of returns"
    assert sum(not d["episodes"] for d in docs) >= controls, "negative controls"
    assert {r["marker"] for d in docs for r in d["ruptures"]} == set(FAMILY)
    assert {r["repaired"] for d in docs for r in d["ruptures"]} == {True, False}
    assert {e["initiator"] for d in docs for e in d["episodes"]} >= initiators
    assert {e["patient_stance"] for d in docs for e in d["episodes"]} == STANCES


def test_readme_counts_are_current():
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("gold_derive", GOLD / "tools" / "derive.py")
    derive = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gold_derive", derive)  # dataclasses look their module up here
    spec.loader.exec_module(derive)
    docs = {s: [load(p) for p in sorted((GOLD / s).glob("*.json"))] for s in SPLITS}
    assert derive.counts_table(docs) in (GOLD / "README.md").read_text(encoding="utf-8")
