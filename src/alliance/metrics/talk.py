"""Who talks: talk share in words and seconds, turns, turn length, duration."""

from __future__ import annotations

from collections import Counter

from alliance.metrics.base import Figure
from alliance.model import Session

__all__ = ["talk_metrics"]


def _shares(weights: Counter[str]) -> dict[str, float]:
    total = sum(weights.values())
    if not total:
        return {}
    return {role: weights[role] / total for role in sorted(weights)}


def talk_metrics(session: Session) -> list[Figure]:
    """Talk share by role (words, and seconds when times exist), turns, mean turn length."""
    roles = session.roles
    words: Counter[str] = Counter()
    turns: Counter[str] = Counter()
    for u, role in zip(session.utterances, roles):
        words[role.value] += u.words
        turns[role.value] += 1
    seconds: dict[str, float] | None = None
    if session.has_times:
        secs: Counter[str] = Counter()
        for u, role in zip(session.utterances, roles):
            secs[role.value] += max(0.0, (u.end_s or 0.0) - (u.start_s or 0.0))
        seconds = _shares(secs) or None
    everything = tuple(range(len(session.utterances)))
    return [
        Figure("talk_share_words", _shares(words), everything,
               "Share of all spoken words, by role."),
        Figure("talk_share_seconds", seconds, everything if seconds else (),
               "Share of speaking time, by role (only when the transcript has times)."),
        Figure("turns", dict(sorted(turns.items())), everything, "Number of turns, by role."),
        Figure("mean_turn_words", {r: words[r] / turns[r] for r in sorted(turns)}, everything,
               "Mean words per turn, by role."),
        Figure("duration_s", session.duration_s, everything, "Length of the session in seconds."),
        Figure("utterances", len(session.utterances), everything, "Number of utterances."),
    ]
