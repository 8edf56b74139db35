"""From the turns a reader found to a :class:`~alliance.model.Session`.

Readers only find turns (who said what, when, on which line). This module does
what is common to all of them: merge consecutive turns of one speaker, settle
roles (:mod:`alliance.roles`), refuse a transcript with a single speaker, and
attach the reader's notes to ``Session.meta["notes"]``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

from alliance.errors import InputError, RoleError
from alliance.model import Role, Session, Speaker, Utterance
from alliance.roles import RoleInferer, resolve_overrides, speaker_reference

__all__ = ["Turn", "Draft", "merge_turns", "build_session", "check_overrides", "first_lines"]


@dataclass(frozen=True, slots=True)
class Turn:
    """One speaker's stretch of talk as a reader found it (a line, a cue, a segment, a row)."""

    speaker: str
    text: str
    start_s: float | None = None
    end_s: float | None = None
    line: int | None = None


@dataclass(frozen=True)
class Draft:
    """A session as read, before roles: its id, source, turns and notes.

    ``merge`` says whether consecutive turns of one speaker become one
    utterance (cues and segments: yes; table rows, which are utterances
    already and often carry per-row labels: no).
    """

    id: str
    source: str
    turns: tuple[Turn, ...]
    notes: tuple[str, ...] = ()
    meta: Mapping[str, Any] = field(default_factory=dict)
    merge: bool = True


def merge_turns(turns: Iterable[Turn]) -> list[Turn]:
    """Join consecutive turns of the same speaker: start of the first, end of the last."""
    out: list[Turn] = []
    for t in turns:
        if not t.text:
            continue
        if out and out[-1].speaker == t.speaker:
            prev = out[-1]
            out[-1] = Turn(
                prev.speaker,
                prev.text + " " + t.text,
                prev.start_s if prev.start_s is not None else t.start_s,
                t.end_s if t.end_s is not None else prev.end_s,
                prev.line,
            )
        else:
            out.append(t)
    return out


def check_overrides(
    drafts: Sequence[Draft],
    therapists: Sequence[str],
    roles: Mapping[str, Role] | None,
    path: str,
) -> None:
    """Raise :class:`RoleError` if an override names nobody in any of the file's sessions."""
    if not therapists and not roles:
        return
    turns = [t for d in drafts for t in d.turns]
    lines = first_lines(turns)
    resolve_overrides(list(lines), therapists, roles, path=path, lines=lines)


def first_lines(turns: Iterable[Turn]) -> dict[str, int | None]:
    """Each speaker's first line (None when the reader has no lines), in order of appearance."""
    out: dict[str, int | None] = {}
    for t in turns:
        if out.get(t.speaker) is None:
            out[t.speaker] = t.line
    return out


def build_session(
    draft: Draft,
    *,
    therapists: Sequence[str] = (),
    roles: Mapping[str, Role] | None = None,
    inferer: RoleInferer | None = None,
) -> Session:
    """The session of ``draft``, with roles settled and notes attached.

    Overrides naming speakers absent from this session are ignored here (a
    CSV holds several sessions); :func:`check_overrides` checks them per file.
    """
    turns = merge_turns(draft.turns) if draft.merge else [t for t in draft.turns if t.text]
    if not turns:
        raise InputError(
            "no speaker turns found", path=draft.source,
            expected="lines or cues that start with a speaker name, e.g. 'Therapist: ...'",
        )
    lines = first_lines(turns)
    names = list(lines)
    if len(names) < 2:
        # Named by position, not label: a label is often a real name (see alliance.roles).
        raise RoleError(
            f"only one speaker found, {speaker_reference(1, lines[names[0]])}",
            path=draft.source,
            expected="at least two speakers: a therapist and a patient",
            hint="Check the speaker prefixes, e.g. 'Therapist:' and 'Client:' at the start "
                 "of lines, or 'Name: ' at the start of each cue",
        )
    folded = {k.lower() for k in names}
    mine_t = [n for n in therapists if n.strip().lower() in folded]
    mine_r = {n: r for n, r in (roles or {}).items() if n.strip().lower() in folded}
    assignment = (inferer or RoleInferer()).infer(
        [(t.speaker, t.text) for t in turns], therapists=mine_t, roles=mine_r, path=draft.source,
        lines=lines,
    )
    speakers = tuple(Speaker(n, n, assignment.roles[n]) for n in names)
    utterances = tuple(
        Utterance(i, t.speaker, t.text, t.start_s, t.end_s, t.line) for i, t in enumerate(turns)
    )
    notes = tuple(dict.fromkeys(draft.notes + assignment.notes))
    meta = dict(draft.meta)
    meta["role_confidence"] = round(assignment.confidence, 3)
    if notes:
        meta["notes"] = notes
    return Session(draft.id, speakers, utterances, source=draft.source, meta=meta)
