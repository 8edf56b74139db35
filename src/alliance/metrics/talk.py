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


def turn_seconds(session: Session) -> tuple[list[float] | None, bool]:
    """Seconds each turn lasted, and whether any were approximated.

    Turns with an end time last ``end - start``. When a transcript gives only
    start times (plain text with timestamps), a turn lasts until the next one
    starts, and the last such turn counts as zero. None when any start is missing.
    """
    utts = session.utterances
    if not utts or any(u.start_s is None for u in utts):
        return None, False
    seconds: list[float] = []
    approximate = False
    for i, u in enumerate(utts):
        if u.end_s is not None:
            seconds.append(max(0.0, u.end_s - u.start_s))
        else:
            approximate = True
            nxt = utts[i + 1].start_s if i + 1 < len(utts) else None
            seconds.append(max(0.0, nxt - u.start_s) if nxt is not None else 0.0)
    return seconds, approximate


def talk_metrics(session: Session) -> list[Figure]:
    """Talk share by role (words, and seconds when times exist), turns, mean turn length."""
    roles = session.roles
    words: Counter[str] = Counter()
    turns: Counter[str] = Counter()
    for u, role in zip(session.utterances, roles):
        words[role.value] += u.words
        turns[role.value] += 1
    seconds: dict[str, float] | None = None
    per_turn, approximate = turn_seconds(session)
    if per_turn is not None:
        secs: Counter[str] = Counter()
        for s, role in zip(per_turn, roles):
            secs[role.value] += s
        seconds = _shares(secs) or None
    everything = tuple(range(len(session.utterances)))
    return [
        Figure("talk_share_words", _shares(words), everything,
               "Share of all spoken words, by role."),
        Figure("talk_share_seconds", seconds, everything if seconds else (),
               "Share of speaking time, by role (only when the transcript has times)."),
        Figure("talk_seconds_approximate", approximate if seconds else None, (),
               "True when speaking time was approximated from start times alone "
               "(each turn lasting until the next begins)."),
        Figure("turns", dict(sorted(turns.items())), everything, "Number of turns, by role."),
        Figure("mean_turn_words", {r: words[r] / turns[r] for r in sorted(turns)}, everything,
               "Mean words per turn, by role."),
        Figure("duration_s", session.duration_s, everything, "Length of the session in seconds."),
        Figure("utterances", len(session.utterances), everything, "Number of utterances."),
    ]
