"""Complaints about the therapist or the therapy, read from a patient's own words.

Kept apart from :mod:`alliance.annotators.ruptures` so that module stays small, and
so the relationship annotator, which runs before it, can read a complaint too
(:func:`complains`): a complaint said to the therapist opens the episode the
therapist's answer takes up.
"""

from __future__ import annotations

import re
from functools import lru_cache

from alliance.annotators import _cues as cu
from alliance.annotators import _rupturemoves as mv
from alliance.annotators import _rupturepatterns as rp
from alliance.annotators import _whoseyou as wy
from alliance.annotators._lexicon import Dialogue, normalize
from alliance.annotators._rupturelexicon import COMPLAINT_THERAPIST, NAMES_THERAPY, THERAPY_COMPLAINT_NAMED

__all__ = ["about_therapy", "answers_vocative", "complaint_marker", "complains", "norm_clauses", "own_words",
           "you_is_therapist"]

#: A client named as the one spoken to ("I don't think that's accurate, Marcus."), not
#: as the one to talk to ("what do you need from Robin?").
_NAMED_VOCATIVE = re.compile(r"(?:^|[.?!]\s+)[A-Z]\w+,\s|,\s+[A-Z]\w+[.?!]")
_NAMED_OBJECT = re.compile(r"\b(?:from|to|with|ask|tell|about)\s+[A-Z]\w+\b")


def answers_vocative(d: Dialogue, i: int) -> bool:
    """Whether client turn ``i`` answers a therapist turn that named only its addressee.

    The client so addressed who replies "you ..." means the therapist, even in
    couples work where a named client usually turns the "you" to the partner.
    """
    j = i - 1
    if j < 0 or not d.is_therapist(j):
        return False
    text = d.texts[j]
    return bool(_NAMED_VOCATIVE.search(text)) and not _NAMED_OBJECT.search(text)


def own_words(d: Dialogue, i: int) -> str:
    """Patient turn ``i`` normalised without reported speech ("my husband said you never
    listen") or speech in quotation marks ('Greg goes, "You never listen."'): not about the therapist."""
    return cu.REPORTED.sub(" ", wy.unquoted(d.texts[i], d.norms[i]))


def you_is_therapist(d: Dialogue, i: int, t: str) -> bool:
    """Whether the "you" of turn ``i`` (own words ``t``) can be the therapist: in couples and
    family work a client's "you" may be the partner, unless "in here", a side taken, or an answer
    to the therapist's naming the client settles it."""
    return d.you_is_therapist(i) or " in here " in t or bool(cu.SIDES.search(t)) or answers_vocative(d, i)


def _blames_conduct(t: str) -> bool:
    """A second-person clause blaming the therapist's conduct, asserted rather than wondered about."""
    m = rp.THERAPIST_CONDUCT.search(t)
    return m is not None and not rp.WONDERED.search(t[:m.start()]) and not rp.NEGATED_BEFORE.search(t[:m.start()])


def about_therapy(d: Dialogue, i: int, t: str, p: str) -> bool:
    """A verdict of no use on the therapy; a bare "it" counts when the therapist's turn ``p``
    named a task, read sentence by sentence ("I've stopped doing it. It doesn't help.")."""
    if THERAPY_COMPLAINT_NAMED.search(t) or rp.THERAPY_VERDICT.search(t) or mv.frame_grievance(t, p) or any(
            mv.DREADS_SESSIONS.search(c) for c in norm_clauses(d.texts[i])):
        return True
    if not (rp.TASK_NAMED.search(p) or mv.TASK_NOUN.search(p) or rp.THERAPY_MENTIONED.search(t)):
        return False
    # Read clause by clause: the verdict may follow a comma ("I did the steps, it's not getting me anywhere").
    return any(rp.TASK_VERDICT.search(part) or mv.NO_POINT_IN_TASK.search(part) for part in norm_clauses(d.texts[i]))


@lru_cache(maxsize=4096)
def norm_clauses(text: str) -> tuple[str, ...]:
    """The normalised clauses of a turn, split at sentence ends, commas and dashes (cached per text)."""
    return tuple(normalize(x) for x in rp.CLAUSE_END.split(text) if x.strip())


def complaint_marker(d: Dialogue, i: int, t: str, p: str, you_ok: bool) -> str | None:
    """The complaint marker patient turn ``i`` (text ``t``, answering ``p``) carries, if any."""
    complaint = ("complaint_about_therapist" if (you_ok and (COMPLAINT_THERAPIST.search(t) or _blames_conduct(t) or mv.unlived(d.texts[i], t) or mv.blames_lapse(t))
                                                 or rp.SIDING_YOU.search(t) or mv.sides_with(t))
                 else "complaint_about_therapy" if about_therapy(d, i, t, p) and (
                     you_ok or d.client_names is None or NAMES_THERAPY.search(t)) else None)
    # The hurt owned as the patient's own feeling about a single act is disclosed, not enacted.
    if complaint == "complaint_about_therapist" and rp.OWNS_HURT.search(t) and not rp.HABIT.search(t):
        return None
    return complaint


def complains(d: Dialogue, i: int) -> bool:
    """Whether patient (or relative) turn ``i`` complains about the therapist or the therapy,
    read without the relationship layer (which the relationship annotator is still building).

    Reported and quoted speech do not count, nor a "you" that may be a partner's.
    """
    if d.is_therapist(i):
        return False
    t = own_words(d, i)
    you_ok = you_is_therapist(d, i, t) and not rp.generic_you_before(d, i)
    prev = d.answered_turn(i)
    return complaint_marker(d, i, t, d.norms[prev] if prev is not None else " ", you_ok) is not None
