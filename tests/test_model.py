"""The session model: plain frozen data that validates itself."""

from __future__ import annotations

import dataclasses

import pytest

from alliance.errors import SessionError
from alliance.model import Annotation, Role, Session, Span, Speaker, Utterance


def test_sessions_are_frozen(short_session):
    with pytest.raises(dataclasses.FrozenInstanceError):
        short_session.id = "other"  # type: ignore[misc]


def test_indices_must_run_from_zero():
    sp = (Speaker("a", "A", Role.THERAPIST),)
    with pytest.raises(SessionError, match="index"):
        Session("s", sp, (Utterance(1, "a", "hi"),))


def test_unknown_speaker_is_rejected_without_quoting_text():
    sp = (Speaker("a", "A", Role.THERAPIST),)
    with pytest.raises(SessionError) as e:
        Session("s", sp, (Utterance(0, "b", "secret words"),))
    assert "secret" not in str(e.value)


def test_annotations_out_of_range_are_rejected(short_session):
    with pytest.raises(SessionError):
        short_session.with_annotations([Annotation(99, "move", "question", "test")])


def test_with_annotations_returns_a_new_session(short_session):
    annotated = short_session.with_annotations(
        [Annotation(0, "move", "question", "test"), Annotation(0, "flag", "affirmation", "t"),
         Annotation(0, "flag", "repair", "t")],
        [Span("episode", 1, 2, {"initiator": "patient"})],
    )
    assert short_session.annotations == ()
    assert annotated.label("move", 0) == "question"
    assert annotated.labels("move") == ["question", None, None, None]
    assert annotated.all_labels("flag", 0) == ("affirmation", "repair")
    assert annotated.spans_of("episode")[0].attrs["initiator"] == "patient"
    assert "move" in annotated.layers and "episode" in annotated.layers


def test_roles_times_and_duration(short_session):
    assert short_session.role_of(0) is Role.THERAPIST
    assert short_session.role_of(1) is Role.PATIENT
    assert short_session.has_times
    assert short_session.duration_s == pytest.approx(39.0)


def test_with_roles_replaces_roles(short_session):
    swapped = short_session.with_roles({"Sam": Role.OTHER})
    assert swapped.role_of(1) is Role.OTHER
    assert short_session.role_of(1) is Role.PATIENT
