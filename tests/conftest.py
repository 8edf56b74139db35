"""Shared fixtures: small synthetic sessions written by us."""

from __future__ import annotations

import pytest

from alliance.model import Role, Session, Speaker, Utterance


def make_session(turns, *, times=False, session_id="synthetic") -> Session:
    """A session from ``[(speaker, role, text), ...]``; with ``times``, 10 s per turn."""
    speakers: dict[str, Speaker] = {}
    utts = []
    for i, (name, role, text) in enumerate(turns):
        speakers.setdefault(name, Speaker(name, name, Role(role)))
        start, end = (10.0 * i, 10.0 * i + 9.0) if times else (None, None)
        utts.append(Utterance(i, name, text, start, end))
    return Session(session_id, tuple(speakers.values()), tuple(utts))


@pytest.fixture
def short_session() -> Session:
    """Four turns: therapist asks, patient answers."""
    return make_session([
        ("Dr. Lee", "therapist", "What brings you in today?"),
        ("Sam", "patient", "I have been drinking too much since the move."),
        ("Dr. Lee", "therapist", "So the drinking started after the move."),
        ("Sam", "patient", "Yes."),
    ], times=True)
