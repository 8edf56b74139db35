"""Who is the therapist: overrides, then names, then questions and who speaks first."""

from __future__ import annotations

import pytest

from alliance.errors import RoleError
from alliance.formats import read_sessions
from alliance.model import Role
from alliance.roles import asks_question, infer_roles, is_speaker_label, name_hint

T, P, O = Role.THERAPIST, Role.PATIENT, Role.OTHER


@pytest.mark.parametrize("name, role", [
    ("Dr. Alvarez", T), ("Dr Alvarez", T), ("Therapist", T), ("therapist", T), ("T", T),
    ("Counselor", T), ("Counsellor", T), ("Clinician", T), ("Interviewer", T),
    ("Therapist (J. Doe)", T),
    ("Client", P), ("Patient", P), ("P", P), ("C", P), ("client", P), ("Client Sarah", P),
    ("Interpreter", O), ("Co-therapist", O),
    ("Sam", None), ("Speaker 1", None), ("Drew", None), ("Tom", None),
    ("A", None), ("B", None), ("Q", None),  # initials as often as question/answer
])
def test_name_hints(name, role):
    assert name_hint(name) == role


@pytest.mark.parametrize("name", ["Speaker 1", "SPEAKER_00", "speaker 2", "Spk 3", "T", "Client"])
def test_generic_labels_and_role_words_are_speaker_labels(name):
    assert is_speaker_label(name)


@pytest.mark.parametrize("name", ["Personal", "Sam", "Voices", "Note"])
def test_ordinary_words_are_not_speaker_labels(name):
    assert not is_speaker_label(name)


def test_names_decide_before_behaviour():
    # The client asks all the questions here; the name still wins.
    a = infer_roles([("Client", "Why?"), ("Dr. Wu", "Because."), ("Client", "How?")])
    assert a.roles == {"Client": P, "Dr. Wu": T}
    assert a.basis == "names" and a.confidence >= 0.9
    assert a.notes == ()


def test_the_only_speaker_not_named_a_client_is_the_therapist():
    a = infer_roles([("Client", "I am fine."), ("Maria", "Fine?"), ("Client", "Yes.")])
    assert a.roles == {"Client": P, "Maria": T}


def test_the_questioner_is_the_therapist_when_names_say_nothing():
    turns = [("Sam", "Hi."), ("Ana", "How are you?"), ("Sam", "Okay."), ("Ana", "Only okay?"),
             ("Sam", "Tired."), ("Ana", "What tires you?")]
    a = infer_roles(turns)
    assert a.roles == {"Sam": P, "Ana": T}
    assert a.basis == "behaviour"
    assert a.confidence >= 0.65
    assert len(a.notes) == 1 and "question counts" in a.notes[0] and "--therapist" in a.notes[0]


def test_unpunctuated_questions_count():
    assert asks_question("what brings you in", punctuated=False)
    assert not asks_question("i came because of work", punctuated=False)
    turns = [("speaker 2", "hi"), ("speaker 1", "how are you"), ("speaker 2", "tired"),
             ("speaker 1", "what makes you tired"), ("speaker 2", "work")]
    assert infer_roles(turns).roles["speaker 1"] is T


def test_similar_speakers_still_get_roles_with_an_uncertainty_note():
    turns = [("Kim", "Hello, how are you?"), ("Lee", "Good, and you?"),
             ("Kim", "Fine."), ("Lee", "Great.")]
    a = infer_roles(turns)
    assert sorted(a.roles.values()) == sorted([T, P])
    assert a.roles["Kim"] is T  # spoke first
    assert a.confidence < 0.65
    assert "uncertain" in a.notes[0]
    assert "--therapist NAME" in a.notes[0] and "--role NAME=patient" in a.notes[0]


def test_couples_have_two_patients():
    turns = [("Dr. Ray", "What brings you both?"), ("Ana", "Him."), ("Ben", "Her."),
             ("Dr. Ray", "Say more?")]
    assert infer_roles(turns).roles == {"Dr. Ray": T, "Ana": P, "Ben": P}


def test_a_third_party_named_by_role_is_other():
    turns = [("Therapist", "Hello?"), ("Interpreter", "Hola?"), ("Client", "Hola.")]
    assert infer_roles(turns).roles == {"Therapist": T, "Interpreter": O, "Client": P}


def test_two_named_therapists_the_busier_leads_and_the_other_is_noted():
    turns = [("Dr. A", "Hi?"), ("Pat", "Hi."), ("Dr. B", "Hello."), ("Dr. A", "So?")]
    a = infer_roles(turns)
    assert a.roles == {"Dr. A": T, "Pat": P, "Dr. B": O}
    assert "Dr. B" in a.notes[0]


def test_overrides_always_win():
    turns = [("Dr. Wu", "How are you?"), ("Sam", "Why do you ask?")]
    a = infer_roles(turns, therapists=["Sam"])
    assert a.roles == {"Sam": T, "Dr. Wu": O}
    assert a.basis == "overrides" and a.confidence == 1.0
    a = infer_roles(turns, roles={"Dr. Wu": P})
    assert a.roles == {"Dr. Wu": P, "Sam": T}


def test_override_names_match_case_insensitively_when_unambiguous():
    a = infer_roles([("Kim", "Hi."), ("Lee", "Hi.")], therapists=["lee"])
    assert a.roles["Lee"] is T


def test_an_override_for_an_unknown_speaker_lists_the_known_ones_by_position_and_line():
    with pytest.raises(RoleError) as e:
        infer_roles([("Kim", "Secret words."), ("Lee", "Hi.")], therapists=["Dr. Nobody"],
                    lines={"Kim": 3, "Lee": 14})
    msg = str(e.value)
    assert "1st --therapist override names no speaker" in msg
    assert "speaker 1 (first speaks on line 3), speaker 2 (first speaks on line 14)" in msg
    assert '--role "<speaker label>=patient"' in msg
    for private in ("Nobody", "Kim", "Lee", "Secret"):
        assert private not in msg


def test_unknown_overrides_are_told_apart_by_option_and_order():
    with pytest.raises(RoleError) as e:
        infer_roles([("Kim", "Hi."), ("Lee", "Hi.")], therapists=["Kim"],
                    roles={"Lee": P, "Max": P, "Zed": O})
    msg = str(e.value)
    assert '2nd --role ("...=patient") and 3rd --role ("...=other") overrides name no speaker' in msg
    assert "speaker 1, speaker 2" in msg  # no lines known
    assert "Max" not in msg and "Zed" not in msg


def test_a_long_speaker_list_is_cut_short():
    turns = [(f"Person {k}", "Hi.") for k in range(12)]
    with pytest.raises(RoleError) as e:
        infer_roles(turns, therapists=["Nobody"])
    assert "speaker 8, 4 more" in str(e.value)


def test_readers_attach_role_notes_and_confidence(tmp_path):
    p = tmp_path / "s.txt"
    p.write_text("Kim: Hello, how are you?\nLee: Good, and you?\nKim: Fine.\nLee: Great.\n")
    [s] = read_sessions(p)
    assert any("uncertain" in n for n in s.meta["notes"])
    assert s.meta["role_confidence"] < 0.65
    [s] = read_sessions(p, therapists=["Lee"])
    assert s.speaker("Lee").role is T and s.speaker("Kim").role is P
    assert "notes" not in s.meta


def test_overrides_on_a_multi_session_csv_check_names_across_the_file(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text("session,speaker,text\na,Kim,Hi?\na,Lee,Hi.\nb,Kim,Hello?\nb,Max,Hey.\n")
    a, b = read_sessions(p, roles={"Max": P, "Lee": P})
    assert a.speaker("Kim").role is T and b.speaker("Kim").role is T
    with pytest.raises(RoleError) as e:
        read_sessions(p, roles={"Zed": P})
    msg = str(e.value)
    assert "1st --role" in msg and "Zed" not in msg
    assert "speaker 1 (first speaks on line 2), speaker 2 (first speaks on line 3), " \
           "speaker 3 (first speaks on line 5)" in msg
