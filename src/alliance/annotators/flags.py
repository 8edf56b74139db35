"""The therapist's flags (codebook section 1): self-disclosure, confrontation, backing down, repair.

Each flag reads the therapist's words against the dialogue around them:

- ``self_disclosure``: the therapist's own life outside the session ("my own
  father was like that"); professional logistics ("my previous call ran
  over") and general beliefs are not.
- ``confrontation``: a challenge, disagreement, discrepancy, or an unsolicited
  interpretation contradicting what the patient just said; supportive
  disagreement with a self-criticism ("I don't see you as stupid") is not.
- ``backs_down``: retracting, softening or dropping the therapist's own
  challenge, once the patient has pushed back; it needs a challenge shortly
  before (a confrontation flag within :data:`BACKS_DOWN_REACH` therapist turns,
  or a patient turn marked as rejecting or strained).
- ``repair``: addressing a strain (owning a part, inviting the patient's view,
  validating a complaint). Strong cues count anywhere; softer ones ("you're
  right", "tell me more") only right after a rupture marker.

The ``affirmation`` flag on the same layer comes from the move annotators.
"""

from __future__ import annotations

from alliance.annotators import _flagpatterns as fp
from alliance.annotators._cues import own_life
from alliance.annotators._lexicon import Dialogue, compile_any
from alliance.annotators._relpatterns import T_TRANSFERENCE
from alliance.model import Annotation, Role, Session
from alliance.pipeline import AnnotatorOutput

__all__ = ["TherapistFlags", "therapist_flags", "BACKS_DOWN_REACH"]

#: A backs-down must follow the therapist's challenge within this many therapist turns.
BACKS_DOWN_REACH = 3
#: Patient markers that show the therapist has just been pushed back on.
_CHALLENGED = frozenset({"complaint_about_therapist", "complaint_about_therapy", "rejects_intervention", "denial"})
#: Holding to one's view after the patient pushed back ("I still think ...", "it matters, though").
_PERSISTS = compile_any([
    r"i (?:still|do still|really do) think|(?:it|that) (?:still )?matters(?:,)? though|i think it (?:still )?(?:matters|is important|is relevant)",
    r"still (?:worth|something (?:there )?worth) (?:looking at|exploring|thinking about)|something there worth (?:looking at|exploring)",
    r"(?:^ | i think )\w+(?: \w+){1,12} though $|the (?:facts?|truth|evidence) (?:is|are) (?:that )?|which is what (?:we|i) (?:would )?call",
])
#: Doubting the patient's "it's fine" ("I'm not sure it is fine").
_DOUBTS_FINE = compile_any([
    r"(?:not sure|do not think|doubt|wonder if) (?:it is|that is|it was|you are|you were) (?:really |all |entirely |quite )?(?:fine|okay|nothing|all right|alright)\b",
])
#: The patient pushing back or minimising, which a persisting or contrary turn then overrides.
_PUSHBACK = compile_any([
    r"^ (?:(?:no|look|well|um|honestly) )*(?:no|nope|not really|that is not|it is not|i do not (?:think|buy|agree))\b",
    r"it is fine|it was fine|i am fine|that is fine|it is not the same|not the same thing|i did not come here",
])


#: An answer that gives what a question about the therapist's life asked for ("I do, a daughter").
_ANSWERS_OWN = compile_any([
    r"^ (?:(?:yes|yeah|yep|oh|well|um|ha|i did|i do) )*(?:i (?:did|do|have|am|was|went|got)|we (?:did|do|have|went)|a (?:daughter|son|few days|week|couple)|two|three)\b",
])
#: A bare "I did, thanks" answers politely and tells nothing: an answer needs some detail.
_ANSWER_WORDS = 6
#: A patient's feeling about the therapist that is itself a strain ("I was annoyed with you",
#: "you find it easier to see her side"): thanking or welcoming it addresses the strain.
_STRAIN_AT_T = compile_any([
    r"annoyed|angry|irritated|frustrated|hurt|upset|cross|disappointed|let down|\bside\b|"
    r"do not get|not listening|ignored|left out|forgot(?:ten)? me|quieter|fed up",
])


def _answers_own_life(d: Dialogue, i: int, t: str) -> bool:
    """Whether the therapist answers, with their own life, a question the patient just asked about it."""
    prev = i - 1
    return (prev >= 0 and not d.is_therapist(prev) and bool(fp.ASKS_THERAPIST_LIFE.search(d.norms[prev]))
            and d.words[i] >= _ANSWER_WORDS and bool(_ANSWERS_OWN.search(t)) and not fp.NOT_SELF_DISCLOSURE.search(t))


def _recent_strain(d: Dialogue, markers: list[str | None], i: int) -> bool:
    """Whether a patient turn since the therapist's previous turn carries a rupture marker."""
    j = i - 1
    while j >= 0 and not d.is_therapist(j):
        if markers[j] is not None:
            return True
        j -= 1
    return False


def is_self_disclosure(norm: str) -> bool:
    """Whether a therapist utterance reveals the therapist's life outside the session."""
    return own_life(norm)


def therapist_flags(session: Session) -> list[tuple[str, ...]]:
    """The relational flags of every utterance (empty for non-therapists)."""
    d = Dialogue.of(session)
    markers = session.labels("rupture")
    rel = session.labels("relationship")
    out: list[tuple[str, ...]] = [()] * d.n
    last_conf_turn = -10**9
    last_back_turn = -10**9 + 1
    therapist_turn = 0
    for i in range(d.n):
        if not d.is_therapist(i):
            continue
        therapist_turn += 1
        t = d.norms[i]
        flags: list[str] = []
        if is_self_disclosure(t) or _answers_own_life(d, i, t):
            flags.append("self_disclosure")
        prev_p = d.previous(i, Role.PATIENT)
        p_norm = d.norms[prev_p] if prev_p is not None else " "
        p_marker = markers[prev_p] if prev_p is not None else None
        # Disagreeing with the patient's self-criticism is support, not a challenge.
        confronts = (bool(fp.CONFRONT.search(t)) and not fp.SUPPORTIVE.search(t)
                     and not fp.SELF_CRITICISM.search(p_norm))
        # A transference interpretation offered straight back to a complaint
        # reframes it instead of hearing it: an unsolicited contrary reading.
        if p_marker in _CHALLENGED and T_TRANSFERENCE.search(t):
            confronts = True
        # A reframe of the account the patient has just given ("just tired") contradicts it.
        if fp.REFRAME.search(t) and fp.ACCOUNT.search(p_norm) and not fp.SUPPORTIVE.search(t):
            confronts = True
        # Holding to an interpretation the patient has just rejected, or doubting
        # their "it's fine": both are unsolicited contrary readings.
        if (_PERSISTS.search(t) or _DOUBTS_FINE.search(t)) and (p_marker is not None or _PUSHBACK.search(p_norm)):
            confronts = True
        # A transference link the therapist offers after the patient has declined the
        # topic in this session reads the patient against their own account.
        if rel[i] == "transference_link" and all(rel[j] is None for j in range(max(0, i - 2), i)) and any(
                rel[j] is not None and d.is_patient(j) and _PUSHBACK.search(d.norms[j]) for j in range(i)):
            confronts = True
        # Quoting the patient's decline back as a way of avoiding something asserts
        # a meaning the patient has just denied (codebook decision 12).
        if fp.ECHOED_DECLINE.search(t) and fp.ECHO_PURPOSE.search(t):
            confronts = True
        if confronts:
            flags.append("confrontation")
        pushed_back = p_marker is not None
        # A negative feeling about the therapist, voiced without a marker, is still a strain
        # that thanks or welcome addresses.
        voiced_strain = prev_p is not None and rel[prev_p] in (
            "feelings_about_therapist", "here_and_now") and bool(_STRAIN_AT_T.search(p_norm))
        # The challenge still open: a confrontation shortly before, or strain just voiced.
        challenged = (therapist_turn - last_conf_turn <= BACKS_DOWN_REACH or p_marker in _CHALLENGED
                      or _recent_strain(d, markers, i))
        # Owning one's pressure ("I pushed too hard") retracts the challenge too, once.
        retracts = fp.BACKS_DOWN.search(t) or (fp.OWNS_PUSH.search(t) and (
            last_back_turn < last_conf_turn or _recent_strain(d, markers, i)))
        # A bare "fair enough" after a plain decline acknowledges it; it retracts
        # nothing unless the patient pushed back with strain.
        if d.acks[i] and p_marker not in _CHALLENGED:
            retracts = False
        if not confronts and retracts and challenged:
            flags.append("backs_down")
            last_back_turn = therapist_turn
        if fp.REPAIR_STRONG.search(t) or (pushed_back and fp.REPAIR_IN_STRAIN.search(t)) or (
                voiced_strain and fp.REPAIR_WELCOMES.search(t)):
            flags.append("repair")
        if confronts:
            last_conf_turn = therapist_turn
        out[i] = tuple(flags)
    return out


class TherapistFlags:
    """Flags on therapist utterances (layer ``flag``: self_disclosure, confrontation, backs_down, repair)."""

    name = "therapist_flags"
    version = "1"
    requires = ("rupture",)
    produces = ("flag",)

    def annotate(self, session: Session) -> AnnotatorOutput:
        """Zero or more ``flag`` annotations per therapist utterance."""
        return AnnotatorOutput(annotations=tuple(
            Annotation(i, "flag", f, self.name, self.version)
            for i, flags in enumerate(therapist_flags(session)) for f in flags
        ))
