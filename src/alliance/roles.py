"""Who is the therapist? Speaker roles from names, questions and turn order.

Transcripts rarely say who is who in a machine-readable way. Readers hand the
speakers and their turns to :class:`RoleInferer`, which decides, in order:

1. **Overrides** from the user (``--therapist NAME``, ``--role NAME=patient``)
   always win. An override naming a speaker that is not in the transcript is
   a :class:`~alliance.errors.RoleError` listing the speakers that are, by
   position and first line (:func:`speaker_reference`): a speaker label is
   often a real name, the patient's among them, and error messages end up in
   logs, so errors never quote labels, not even the one the user typed.
2. **Name hints**: ``Dr. Alvarez``, ``Therapist``, ``Counsellor``, ``T``, ``Q``
   point to the therapist; ``Client``, ``Patient``, ``P``, ``C`` to a patient;
   ``Interpreter`` or ``Co-therapist`` to ``other``.
3. **Behaviour**, when names say nothing: therapists ask more questions and
   usually speak first. The speaker with the best score becomes the therapist;
   everyone else is a patient (couples and families have several).

The result carries a confidence. When it is low (two unnamed speakers asking
questions at similar rates, or very few turns), a role is still picked, and a
note tells the user how to set roles explicitly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from alliance.errors import RoleError
from alliance.model import Role

__all__ = [
    "RoleAssignment",
    "RoleInferer",
    "infer_roles",
    "name_hint",
    "is_speaker_label",
    "asks_question",
    "resolve_overrides",
    "speaker_reference",
    "OVERRIDE_SYNTAX",
]

#: How to set a role, with placeholders instead of any real label (for error hints).
OVERRIDE_SYNTAX = '--therapist "<speaker label>" or --role "<speaker label>=patient"'
#: At most this many speakers are listed in an error.
_LISTED_SPEAKERS = 8


def speaker_reference(position: int, line: int | None = None) -> str:
    """How errors refer to a speaker: by order of appearance and first line, never by label.

    >>> speaker_reference(2, 14), speaker_reference(1)
    ('speaker 2 (first speaks on line 14)', 'speaker 1')
    """
    return f"speaker {position}" + (f" (first speaks on line {line})" if line else "")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"

# Whole-name hints, compared lower-case with dots and spaces removed at the ends.
# Single letters other than T, P and C are left out on purpose: "A"/"B" or "Q"
# are as often a couple's initials as an interview's question and answer.
_THERAPIST_NAMES = frozenset({
    "t", "th", "thx", "therapist", "counselor", "counsellor", "clinician", "interviewer",
    "doctor", "dr", "psychologist", "psychiatrist", "psychotherapist", "analyst",
    "int", "provider", "practitioner", "coach",
})
_PATIENT_NAMES = frozenset({
    "p", "pt", "c", "cl", "client", "patient", "interviewee", "respondent", "participant",
})
_OTHER_NAMES = frozenset({
    "interpreter", "translator", "observer", "cotherapist", "co-therapist", "cot",
    "supervisor", "moderator",
})
# Words that mark the role anywhere in a longer name ("Client Sarah", "Therapist (J. Doe)").
_THERAPIST_WORDS = frozenset({
    "therapist", "counselor", "counsellor", "clinician", "interviewer", "doctor",
    "psychologist", "psychiatrist", "psychotherapist",
})
_PATIENT_WORDS = frozenset({"client", "patient", "interviewee", "respondent"})
_OTHER_WORDS = frozenset({"interpreter", "translator", "observer", "co-therapist", "cotherapist"})
# Role-free speaker labels written by transcription tools: "Speaker 1", "SPEAKER_00", "Spk 2".
_GENERIC_LABEL = re.compile(r"(?i)(?:speaker|spk|person|voice|unknown speaker)(?:[ _-]?\d{1,3}|[ _-][a-z])?")
_WORD = re.compile(r"[\w-]+")

# Openings of a question in lower-case, unpunctuated ASR text.
_QUESTION_OPENERS = frozenset({
    "what", "how", "why", "when", "where", "who", "which", "whats", "what's", "hows", "how's",
    "do", "does", "did", "are", "is", "was", "were", "can", "could", "would", "will",
    "have", "has", "had", "should", "shall", "may", "tell",
})


def _key(name: str) -> str:
    return name.strip().strip(".:").strip().lower()


def name_hint(name: str) -> Role | None:
    """The role a speaker's name suggests, or None when the name says nothing.

    >>> name_hint("Dr. Alvarez"), name_hint("Client"), name_hint("Sam")
    (<Role.THERAPIST: 'therapist'>, <Role.PATIENT: 'patient'>, None)
    """
    key = _key(name)
    if key in _OTHER_NAMES:
        return Role.OTHER
    if key in _THERAPIST_NAMES:
        return Role.THERAPIST
    if key in _PATIENT_NAMES:
        return Role.PATIENT
    words = _WORD.findall(key)
    if any(w in _OTHER_WORDS for w in words):
        return Role.OTHER
    if words and words[0] in ("dr", "doctor"):
        return Role.THERAPIST
    if any(w in _THERAPIST_WORDS for w in words):
        return Role.THERAPIST
    if any(w in _PATIENT_WORDS for w in words):
        return Role.PATIENT
    return None


def is_speaker_label(name: str) -> bool:
    """True when ``name`` is a role word or a tool's generic label (``Speaker 1``).

    Readers of plain text accept such a prefix as a speaker even when it occurs
    once; other names must recur before they count (see ``alliance.formats.text``).
    """
    return name_hint(name) is not None or _GENERIC_LABEL.fullmatch(name.strip()) is not None


def asks_question(text: str, *, punctuated: bool = True) -> bool:
    """Whether a turn asks something: a ``?``, or (for unpunctuated text) a question opener."""
    if punctuated:
        return "?" in text
    first = text.lstrip().split(" ", 1)[0].lower().strip(",.")
    return first in _QUESTION_OPENERS


@dataclass(frozen=True)
class RoleAssignment:
    """Roles by speaker name, how sure we are, and what the user should be told.

    ``basis`` is ``overrides``, ``names`` or ``behaviour``; ``notes`` are meant
    for ``Session.meta["notes"]``.
    """

    roles: Mapping[str, Role]
    confidence: float
    basis: str
    notes: tuple[str, ...] = ()


def resolve_overrides(
    known: Sequence[str],
    therapists: Sequence[str] = (),
    roles: Mapping[str, Role] | None = None,
    *,
    path: str | None = None,
    lines: Mapping[str, int | None] | None = None,
) -> dict[str, Role]:
    """Turn ``--therapist``/``--role`` overrides into roles keyed by known speaker names.

    A name matches exactly, or else case-insensitively when that is unambiguous.
    An override for a speaker not in ``known`` raises :class:`RoleError`, which
    says which override failed (by option and order) and lists the speakers
    found by position and first line (``lines``: first line of each known
    speaker, when the reader knows it), never by label.
    """
    wanted: list[tuple[str, Role, str]] = [
        (n, Role.THERAPIST, f"{_ordinal(k)} --therapist") for k, n in enumerate(therapists, start=1)
    ]
    wanted += [(n, Role(r), f"{_ordinal(k)} --role (\"...={Role(r).value}\")")
               for k, (n, r) in enumerate((roles or {}).items(), start=1)]
    exact = set(known)
    folded: dict[str, list[str]] = {}
    for k in known:
        folded.setdefault(k.strip().lower(), []).append(k)
    out: dict[str, Role] = {}
    unknown: list[str] = []
    for name, role, which in wanted:
        if name in exact:
            out[name] = role
        elif len(folded.get(name.strip().lower(), ())) == 1:
            out[folded[name.strip().lower()][0]] = role
        else:
            unknown.append(which)
    if unknown:
        found = [speaker_reference(k, (lines or {}).get(name)) for k, name in enumerate(known, start=1)]
        if len(found) > _LISTED_SPEAKERS:
            found[_LISTED_SPEAKERS:] = [f"{len(found) - _LISTED_SPEAKERS} more"]
        overrides = " and ".join(unknown) + (" override names" if len(unknown) == 1 else " overrides name")
        among = "the one speaker found" if len(known) == 1 else f"one of the {len(known)} speakers found"
        raise RoleError(
            f"the {overrides} no speaker of this transcript",
            path=path,
            expected=f"the label of {among}: {', '.join(found) or 'none'}",
            hint="Write the speaker label exactly as the transcript has it"
                 + (" on that line" if any((lines or {}).values()) else "") + f": {OVERRIDE_SYNTAX}",
        )
    return out


@dataclass(frozen=True)
class RoleInferer:
    """Decides speaker roles (the verb behind :func:`infer_roles`).

    ``uncertain_below``: confidence under which a note asks the user to set
    roles. ``first_speaker_bonus``: how much speaking first counts, in units of
    question rate (share of a speaker's turns that ask something).
    """

    uncertain_below: float = 0.65
    first_speaker_bonus: float = 0.1
    min_turns: int = 4
    override_help: str = field(
        default="set --therapist NAME or --role NAME=patient to override", repr=False
    )

    def infer(
        self,
        turns: Sequence[tuple[str, str]],
        *,
        therapists: Sequence[str] = (),
        roles: Mapping[str, Role] | None = None,
        path: str | None = None,
        lines: Mapping[str, int | None] | None = None,
    ) -> RoleAssignment:
        """Roles for the speakers of ``turns`` (``(speaker name, text)`` in order).

        ``lines`` (first line of each speaker) lets an override error point at them.
        """
        names = list(dict.fromkeys(n for n, _ in turns))
        fixed = resolve_overrides(names, therapists, roles, path=path, lines=lines)
        hinted = {n: name_hint(n) for n in names if n not in fixed}
        out: dict[str, Role] = dict(fixed)
        notes: list[str] = []

        if Role.THERAPIST in fixed.values():
            # The user named the therapist: everyone else is a patient unless named otherwise.
            for n in names:
                if n not in out:
                    h = hinted[n]
                    out[n] = Role.OTHER if h in (Role.OTHER, Role.THERAPIST) else Role.PATIENT
            return RoleAssignment(out, 1.0, "overrides")

        by_name = [n for n, h in hinted.items() if h is Role.THERAPIST]
        if by_name:
            counts = _turn_counts(turns)
            lead = max(by_name, key=lambda n: (counts[n], -names.index(n)))
            for n in names:
                if n in out:
                    continue
                h = hinted[n]
                if n == lead:
                    out[n] = Role.THERAPIST
                elif h in (Role.THERAPIST, Role.OTHER):
                    out[n] = Role.OTHER
                else:
                    out[n] = Role.PATIENT
            others = [n for n in by_name if n != lead]
            if others:
                notes.append(
                    f"several therapist-like speakers; treated {lead!r} as the therapist and "
                    f"{', '.join(repr(o) for o in others)} as other; {self.override_help}"
                )
            return RoleAssignment(out, 0.95, "names", tuple(notes))

        candidates = [n for n in names if n not in out and hinted.get(n) is None]
        for n in names:
            if n not in out and n not in candidates:
                out[n] = hinted[n] or Role.PATIENT
        if not candidates:
            # Everyone is named a patient or other: nobody to promote; say so.
            notes.append(f"no speaker looks like the therapist; {self.override_help}")
            return RoleAssignment(out, 0.3, "names", tuple(notes))
        if len(candidates) == 1:
            out[candidates[0]] = Role.THERAPIST
            conf = 0.9 if len(names) > 1 else 0.5
            return RoleAssignment(out, conf, "names")

        scores = self._scores(turns, candidates)
        ranked = sorted(candidates, key=lambda n: (-scores[n], names.index(n)))
        lead = ranked[0]
        margin = scores[lead] - scores[ranked[1]]
        confidence = min(0.95, 0.5 + margin)
        if len(turns) < self.min_turns:
            confidence = min(confidence, 0.5)
        for n in candidates:
            out[n] = Role.THERAPIST if n == lead else Role.PATIENT
        if confidence < self.uncertain_below:
            notes.append(
                f"roles were uncertain: guessed {lead!r} as the therapist from question counts "
                f"and who spoke first; {self.override_help}"
            )
        else:
            notes.append(
                f"roles inferred from question counts: {lead!r} is the therapist; "
                f"{self.override_help}"
            )
        return RoleAssignment(out, confidence, "behaviour", tuple(notes))

    def _scores(self, turns: Sequence[tuple[str, str]], candidates: Iterable[str]) -> dict[str, float]:
        """Question rate per speaker, plus a bonus for opening the session."""
        punctuated = any("?" in t for _, t in turns)
        asked: dict[str, int] = {}
        spoke: dict[str, int] = {}
        for name, text in turns:
            spoke[name] = spoke.get(name, 0) + 1
            if asks_question(text, punctuated=punctuated):
                asked[name] = asked.get(name, 0) + 1
        first = turns[0][0] if turns else None
        return {
            n: asked.get(n, 0) / max(spoke.get(n, 0), 1)
            + (self.first_speaker_bonus if n == first else 0.0)
            for n in candidates
        }


def _turn_counts(turns: Sequence[tuple[str, str]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for name, _ in turns:
        counts[name] = counts.get(name, 0) + 1
    return counts


def infer_roles(
    turns: Sequence[tuple[str, str]],
    *,
    therapists: Sequence[str] = (),
    roles: Mapping[str, Role] | None = None,
    path: str | None = None,
    lines: Mapping[str, int | None] | None = None,
) -> RoleAssignment:
    """Roles for the speakers of ``turns`` with the default :class:`RoleInferer`."""
    return RoleInferer().infer(turns, therapists=therapists, roles=roles, path=path, lines=lines)
