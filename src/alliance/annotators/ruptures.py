"""Rupture markers in patient utterances and their repair (codebook section 3).

Two annotators, because repair needs the therapist's flags and the flags need
to know where the strain is:

- :class:`RuptureMarkers` (utterance layer ``rupture``) reads each patient
  utterance against the therapist turn it answers. A "no" is a decline, not a
  rupture, when it answers a relationship question, unless it comes with
  strain ("I've told you twice now"); a short answer is a withdrawal only
  after an invitation to say more; rejecting an intervention is a rupture only
  when the rejection carries strain.
- :class:`Ruptures` (span layer ``rupture``) turns every marked utterance into
  a rupture and decides whether it was repaired: a ``repair`` flag within the
  therapist's next :data:`REPAIR_WINDOW` turns, then a patient turn among the
  next :data:`REPAIR_WINDOW` after it that re-engages (no marker, more than a
  bare acknowledgement).
"""

from __future__ import annotations

import re
from functools import lru_cache

from alliance.annotators import _cues as cu
from alliance.annotators import _rupturemoves as mv
from alliance.annotators import _rupturepatterns as rp
from alliance.annotators._flagpatterns import ASKS_THERAPIST_LIFE as fp_ASKS_LIFE
from alliance.annotators._flagpatterns import BACKS_DOWN, CONFRONT, INTERPRETATION, REPAIR_IN_STRAIN, REPAIR_STRONG, points_discrepancy
from alliance.annotators._flagmodel import apply_markers
from alliance.annotators._lexicon import OTHERS, Dialogue, compile_any, normalize
from alliance.annotators._rupturecomplaints import (
    complaint_marker as _complaint, own_words as _own_words, you_is_therapist as _you_is_therapist,
)
from alliance.annotators._rupturelexicon import (  # re-exported: the relationship and flag annotators read them
    COMPLAINT_THERAPIST, COMPLAINT_THERAPY, DEFER, DENY_FEELING, INVITATION, MINIMAL, MINIMAL_HEAD, NOT_ADJ,
    OBSERVED_EMOTION, OBSERVED_FEELING, REJECT, SHIFT, STRAIN,
)
from alliance.annotators.episodes import DECLINE
from alliance.model import Annotation, Role, Session, Span
from alliance.pipeline import AnnotatorOutput

__all__ = [
    "RuptureMarkers", "Ruptures", "FAMILY", "REPAIR_WINDOW", "rupture_markers", "norm_sentences",
    "COMPLAINT_THERAPIST", "COMPLAINT_THERAPY", "MINIMAL", "DENY_FEELING", "REJECT", "STRAIN",
]

#: Marker to family (Rupture Resolution Rating System's two families).
FAMILY = {
    "denial": "withdrawal", "minimal_response": "withdrawal", "topic_shift": "withdrawal",
    "deferential": "withdrawal", "complaint_about_therapist": "confrontation",
    "complaint_about_therapy": "confrontation", "rejects_intervention": "confrontation",
}
#: Therapist turns within which a repair must come, and patient turns within which
#: the patient must then re-engage.
REPAIR_WINDOW = 3

#: "Anyway" opening a sentence in punctuated text ("... it was fine. Anyway, the car");
#: mid-sentence "I'll do it anyway" is not a change of subject.
_ANYWAY_SENTENCE = re.compile(r"[.!?;]\s+(?:(?:so|well|um|uh|okay|but)[, ]+)?anyway\b", re.IGNORECASE)
#: Imperative invitations, which need no question mark ("Tell me about the weekend.").
_ASKS_MORE = compile_any([r"tell me|say (?:a bit |a little |some )?more|(?:walk|talk|take) me through|help me understand|describe|"
                          r"i am (?:really )?curious|i would (?:love|like|really like) to (?:hear|know|understand)|i (?:wonder|am wondering) (?:what|how)"])
#: The therapist raising a feeling the patient may then deny ("that hit you hard").
_FEELING_RAISED = compile_any([r"(?:hit|got to|affected|bothers|bothered|upset|hurt|shook|shaken) you|you (?:feel|felt|seem|look|sound)"])

#: A clause against the therapist's reading ("you're twisting it", "you're putting words in my mouth").
_AGAINST_THERAPIST = compile_any([r"you (?:are|keep|always) (?:twisting|putting words|making (?:it|that|this) (?:up|sound))|words in my mouth"])

#: Someone in the patient's life: a story about them is not a refusal in the room.
_OTHERS = compile_any([OTHERS + r"|manager|colleague|friend|neighbou?r"])
#: Owning the feeling ("It is annoying. There. I've said it."): the opposite of a denial.
_ADMITS = compile_any([r"(?:^ |[^t] )(?:it is|i am|i was|i feel|i felt|that is|it was) (?:\w+ )?(?:annoying|annoyed|angry|cross|hurt|upset|sad|irritated|frustrated|jealous)\b"])

#: Sentence ends in punctuated text.
_SENTENCE_END = re.compile(r"[.!?]+\s+")
#: Words that say the topic has come up before ("again", "I've told you", "earlier").
_REPEATED = compile_any([r"again|twice|(?:three|four) times|(?:third|fourth|fifth) time|i have (?:already )?(?:told|said)|how many times|last time|keep (?:asking|bringing|on)|earlier|before"])
#: The patient asking for direction ("can you just tell me what to do?").
_ASKS_DIRECTION = compile_any([r"(?:can|could|will|would) you (?:just )?tell me what (?:to do|i should do)|just tell me what to do|what should i do"])
#: A routine check-in ("how's school been this week?"), which "fine" answers in full.
_CHECK_IN = compile_any([r"^ (?:(?:so|and|okay|well) )*how (?:is|was|has|have|are) (?:school|work|college|uni|the week|your week|the weekend|your weekend|"
                         r"things|you|it going|everything)(?: been)?(?: going| doing)?(?: this week| lately| recently| today)? $"])
#: A plain "no" or "fine": a decline, never a withdrawal.
_PLAIN_NO = compile_any([r"^ (?:(?:um|well|oh) )*(?:no|nope|nah|fine|i am fine|it is fine|it was fine|okay|all right|alright)\b"])
#: A rejection's bare head ("No." / "Nope,").
_NO_HEAD = compile_any([r"^ (?:(?:look|um|well|oh) )*(?:no|nope|nah)\b(?! (?:idea|one|problem|worries|doubt|matter|way)\b)"])
#: The therapist giving way ("No, of course not").
_CONCEDES = compile_any([r"^ (?:(?:no|okay|well) )*of course (?:not|it is not|it was not)\b"])
#: The patient asking to do something of their own ("can I just do panel three?").
_ASKS_ELSE = compile_any([r"^ (?:(?:um|well|so|okay|look|oh) )*(?:can|could) (?:i|we) just (?:do|go|talk|get|move|skip|finish|carry|show|read|tell)\b"])
#: A practical aside ("before I forget, ...") that changes nothing the therapist raised.
_ASIDE = compile_any([r"before i forget"])

#: A name or address before the question ("Callum, how is it ...").
_VOCATIVE = re.compile(r"^\s*[A-Z]\w+,\s+")

def _states(d: Dialogue, j: int) -> bool:
    """Whether turn ``j`` states rather than asks: in punctuated text, no "?" ("I don't
    think you're fine." states, though it opens like "do you ...?")."""
    if any(c in d.texts[j] for c in ".?!"):
        return "?" not in d.texts[j]
    return not d.questions[j]


def _shifts(d: Dialogue, i: int, t: str) -> bool:
    """Whether patient utterance ``i`` changes the subject (normalised text ``t``).

    Besides the openers, a refusal in a sentence of its own followed by new material
    ("Can we not. So, my boss ...") changes it.
    """
    if rp.trails_off(t):
        return False  # "..., you know? Anyway, I just, uh--" moves to nothing
    if SHIFT.search(t) or _ANYWAY_SENTENCE.search(d.texts[i]) or rp.SHIFT_OPENER.search(t):
        return True
    if not _SENTENCE_END.search(d.texts[i].strip()):
        return False  # one sentence: the openers above have read it
    sentences = norm_sentences(d.texts[i])
    # An opener after a filler sentence ("Um. Yeah. Did you see ...?"): fillers say nothing.
    rest = [x for x in sentences if not rp.BACKCHANNEL.search(x) and not rp.FILLER.search(x)]
    if rest and rest[0] != sentences[0] and rp.SHIFT_OPENER.search(rest[0]):
        return True
    return len(sentences) >= 2 and bool(rp.REFUSES_TOPIC.search(sentences[0])) and sum(len(x.split()) for x in sentences[1:]) >= 3


def _opens_with_question_to_you(text: str) -> bool:
    """Whether the first sentence with content is a question about the therapist's life, or an aside."""
    for part in re.findall(r"[^.!?]+[.!?]*", text):
        norm = normalize(part)
        if not norm.strip() or rp.FILLER.search(norm) or rp.BACKCHANNEL.search(norm):
            continue
        return "?" in part and bool(fp_ASKS_LIFE.search(norm) or rp.BY_THE_WAY.search(norm) or mv.ROOM_REMARK.search(norm))
    return False


def _turns_to_other(d: Dialogue, i: int, prev: int) -> bool:
    """Whether patient turn ``i`` opens by addressing another client or relative with a question
    that shares no content word with the therapist's turn ``prev``."""
    text = d.texts[i].strip()
    head = re.match(r"([A-Z][\w']*),\s", text)
    if head is None or "?" not in text:
        return False
    name = head.group(1).lower()
    me = d.utterances[i].speaker
    others = {sp.name.split()[0].lower() for sp in d.speakers if sp.id != me and sp.role is not Role.THERAPIST and sp.name}
    if name not in others and name not in rp.KIN_VOCATIVE:
        return False
    return not ({w for w in d.norms[i].split() if len(w) >= 5} & {w for w in d.norms[prev].split() if len(w) >= 5})


def _invites(d: Dialogue, j: int) -> bool:
    """Whether therapist turn ``j`` invites the patient to say more (codebook rule 9).

    In punctuated text the turn must ask (a "?"); "So what I hear is ..." and
    "What we talk about is confidential" are statements, and "how long could
    you go without?" is a closed question, which a short answer fully answers.
    """
    return _invites_text(d.texts[j], d.norms[j])


@lru_cache(maxsize=4096)
def _invites_text(text: str, p: str) -> bool:
    """:func:`_invites` on one turn's raw and normalised text (cached: asked of each turn many times)."""
    # The question may follow a statement ("Come on. What's happening for you now?").
    sentence = _SENTENCE_END.split(text.strip(" .!?"))[-1]
    last = normalize(_VOCATIVE.sub("", sentence))
    # ... or follow a clause that sets the scene ("When you picture it, what comes up for you?").
    clause = normalize(sentence.rsplit(",", 1)[-1]) if rp.SCENE.match(_VOCATIVE.sub("", sentence)) else " "
    if not (INVITATION.search(p) or INVITATION.search(last) or INVITATION.search(clause)) or rp.CLOSED_WH.search(p) \
            or _CHECK_IN.search(last):
        return False
    punctuated = any(c in text for c in ".?!")
    return "?" in text or not punctuated or bool(_ASKS_MORE.search(p))


def _withdraws(d: Dialogue, i: int, t: str, prev: int | None) -> bool:
    """A short non-answer ("dunno", "nothing") right after an invitation to say more."""
    if prev != i - 1 or d.words[i] > 6 or rp.BACKCHANNEL.search(t) or not _invites(d, prev):
        return False
    # "Not sure yet" answers a question about plans in full.
    if rp.YET.search(t):
        return False
    # A turn cut off mid-word ("tell me-" / "-it's there") is overlap in a split transcript.
    if d.texts[prev].rstrip().endswith(("-", "\u2014")) or d.texts[i].lstrip().startswith(("-", "\u2014")):
        return False
    if d.words[i] <= 4 and (MINIMAL.search(t) or MINIMAL_HEAD.search(t)):
        return True
    # Made only of hedges; expanded contractions lengthen one ("i dont know really" is five
    # words), but a hesitation first ("uh, I don't know") is the patient still searching.
    # (Read the turn itself: reported speech stripped out of ``t`` leaves nothing to judge.)
    words = d.norms[i].split()
    return bool(words) and (d.words[i] <= 4 or not _HESITATES.search(t)) and all(w in rp.HEDGE_WORDS for w in words)

_HESITATES = compile_any([r"^ (?:uh|um|er|erm|well|hmm)\b"])


def _continues_complaint(d: Dialogue, i: int, prev: int | None, previous: list[str | None]) -> bool:
    """A repeated complaint continues the same rupture when the therapist's turn in
    between was a repair or a neutral facilitator (codebook decision rule)."""
    if prev is None:
        return False
    earlier = [j for j in range(max(0, prev - 6), prev) if d.is_patient(j)][-REPAIR_WINDOW:]
    if not any(previous[j] in ("complaint_about_therapist", "complaint_about_therapy") for j in earlier):
        return False
    p = d.norms[prev]
    return d.acks[prev] or bool(REPAIR_STRONG.search(p) or REPAIR_IN_STRAIN.search(p))


def _echo_denial_past(t: str, p: str) -> bool:
    """ "I didn't flinch" right after the therapist said "you flinched"."""
    return any(f" {m.group(1)}ed " in p or f" {m.group(1)}d " in p for m in _NOT_VERB.finditer(t))

_NOT_VERB = compile_any([r"i (?:did not|do not) (\w+)"])


def _echo_denial(t: str, p: str) -> bool:
    """ "I'm not tense" right after the therapist said the patient looks tense."""
    return any(f" {m.group(1)} " in p for m in NOT_ADJ.finditer(t))


@lru_cache(maxsize=4096)
def norm_sentences(text: str) -> tuple[str, ...]:
    """The normalised sentences of a punctuated turn (cached per text)."""
    return tuple(normalize(x) for x in _SENTENCE_END.split(text.strip()) if x.strip())


#: The therapist reporting what they see or hear ("I'm seeing tears").
_I_SEE = compile_any([r"i (?:can )?(?:see|am seeing|notice|am noticing|hear|can hear)\b"])
#: A reply that owns or agrees ("Yes", "I am, actually"): never a denial.
_OWNS = compile_any([r"^ (?:(?:um|well|oh) )*(?:yes|yeah|yep|i am actually|i do|i did|i think so|a bit|a little|maybe|probably)\b"])


def _tears_shown(d: Dialogue, i: int) -> bool:
    """Whether the patient's tears are in evidence just before turn ``i``: named by the therapist
    (or met with tissues) or reported by the patient in the last few turns."""
    return any((OBSERVED_EMOTION if d.is_therapist(j) else rp.TEARS_REPORTED).search(d.norms[j]) for j in range(max(0, i - 3), i))


def _denies_seen(d: Dialogue, i: int, t: str, prev: int | None) -> bool:
    """Whether patient turn ``i`` contradicts a feeling or sign the therapist has just pointed to.

    A bodily sign ("your hands are shaking") counts however the therapist put it;
    a named feeling only when observed, not guessed or asked ("I wonder if you're
    upset about the break" invites a decline, which is no marker).
    """
    if prev != i - 1:
        return False
    p = d.norms[prev]
    # A sign must be the patient's ("your hands", "you went quiet"), not a question about others.
    sign = rp.SIGN_SEEN.search(p) and (" your " in p or _I_SEE.search(p) or (" you " in p and not d.questions[prev]))
    seen = sign or (rp.FEELING_SEEN.search(p) and not rp.HEDGED.search(p))
    return bool(seen) and bool(rp.DENIES_SEEN.search(t)) and not _OWNS.search(t) and not _ADMITS.search(t)


def _answers_other_client(d: Dialogue, i: int) -> bool:
    """Whether utterance ``i`` follows another client's turn in joint work."""
    return d.client_names is not None and i > 0 and not d.is_therapist(i - 1) \
        and d.utterances[i - 1].speaker != d.utterances[i].speaker


def _marker(d: Dialogue, i: int, rel: list[str | None], previous: list[str | None]) -> str | None:
    t = _own_words(d, i)
    you_ok = _you_is_therapist(d, i, t)
    if d.acks[i] and not MINIMAL.search(t):
        return None
    prev = d.answered_turn(i)
    p = d.norms[prev] if prev is not None else " "
    p_rel = prev is not None and rel[prev] is not None
    # Asking leave ("if that's okay") makes a refusal polite, unless it counts the therapist's returns.
    strain = bool(STRAIN.search(t)) and not (rp.POLITE.search(t) and not _REPEATED.search(t))
    rejects = bool(REJECT.search(t))
    # A reading of the patient stated, not asked ("I notice that when Rob does bedtime, you ..."),
    # is an intervention whatever its words.
    reads = prev is not None and _states(d, prev) and bool(rp.READS_YOU.search(p))
    # A discrepancy pointed out ("you say it's fine, but ...") is an intervention like a reading.
    intervention = bool(INTERPRETATION.search(p) or CONFRONT.search(p) or rp.SUGGESTION.search(p) or mv.READING_ASKED.search(p)
                        or prev is not None and d.is_therapist(prev) and points_discrepancy(p)) or reads
    # In joint work a turn right after the other client's answers that client ("You can't.
    # Whatever you do, it's wrong."), not the therapist's intervention further back.
    intervention = intervention and not _answers_other_client(d, i)
    if rejects and strain and intervention:
        return "rejects_intervention"
    # Refusing the reading just stated ("Don't tell me what I feel"): the main act (decision 7).
    if prev is not None and prev == i - 1 and (_states(d, prev) or mv.READING_ASKED.search(p)) and mv.rejects_reading(d.texts[i], t, p, intervention):
        return "rejects_intervention"
    # Rejection as the main act ("That's rubbish. You don't understand"), when the
    # therapist did not raise the relationship (there a plain "no" is a decline).
    reject_first = rejects and REJECT.search(t).start() <= 12
    if reject_first and intervention and not p_rel and (strain or COMPLAINT_THERAPIST.search(t)
                                                         or COMPLAINT_THERAPY.search(t)):
        return "rejects_intervention"
    # Rejecting a statement the therapist has just made about the patient, with a
    # clause against the therapist ("That's not what I said. You're twisting it"):
    # whatever the statement's wording, the rejection is the main act.
    # A clause against the therapist's reading rejects it wherever it stands ("You're putting words in my
    # mouth."), unless it names a habit ("... again"): then the complaint about the therapist is the main act.
    if you_ok and prev == i - 1 and not d.questions[prev] and (reject_first and (strain and COMPLAINT_THERAPIST.search(t) or _AGAINST_THERAPIST.search(t))
                                                            or intervention and _AGAINST_THERAPIST.search(t) and not _REPEATED.search(t)):
        return "rejects_intervention"
    # "No. You're twisting it." answers a reading of the patient: the bare "no" heads a rejection.
    if _NO_HEAD.search(t) and intervention and prev == i - 1 and not p_rel and (
            not d.questions[prev] or p.startswith(" i wonder")) and (
            strain or _AGAINST_THERAPIST.search(t)) and not DENY_FEELING.search(t):
        return "rejects_intervention"
    # A categorical rejection of a reading or a suggestion carries its own strain
    # ("That won't work for me", "I've tried that", "That's a stretch").
    # Contradicting a feeling or a bodily sign the therapist has just pointed to.
    if _denies_seen(d, i, t, prev):
        return "denial"
    # Denying tears by name ("I'm not crying") says they are there to be seen.
    if rp.NOT_CRYING.search(t) and not _OWNS.search(t):
        return "denial"
    # An emphatic rejection heading the reply to a reading just stated ("No. That is not what
    # happened, not even close."): the emphasis is the strain.
    if reject_first and intervention and prev == i - 1 and not p_rel and _states(d, prev) and rp.EMPHATIC_NO.search(t):
        return "rejects_intervention"
    firm = rp.REJECT_FIRM.search(t)
    if firm is not None and (firm.start() <= 30 or d.words[i] <= 15) and prev is not None and intervention and not p_rel and not rp.ACCEPTS.search(t):
        return "rejects_intervention"
    if rel[i] == "frame_feelings" and _frame_complaint(t) and not DECLINE.search(t):
        return "complaint_about_therapy"  # a complaint about the schedule or the fee
    if rel[i] == "transference_link" and p_rel and prev is not None and d.questions[prev]:
        # Asked how it is with the therapist, the patient's own link ("you're judging
        # me the way he did") is insight into the relationship, not a complaint.
        you_ok = False
    # A fragment of the patient's own sentence keeps that sentence's "you for anyone".
    you_ok = you_ok and not rp.generic_you_before(d, i)
    # Siding with the other client ("she talks, you nod along") can only mean the therapist; so
    # can the therapist's unlived experience held against them ("you've never been there").
    complaint = _complaint(d, i, t, p, you_ok)
    if complaint:
        return None if _continues_complaint(d, i, prev, previous) else complaint
    declines = bool(DECLINE.search(t))
    # A relationship question answered "no" is a decline; but "nothing" to "what's
    # happening for you right now?" after the therapist pressed is a withdrawal.
    # Not knowing as the whole answer to an open question about the relationship withholds (decision 9).
    pressed = p_rel and rel[prev] in ("here_and_now", "feelings_about_therapist", "transference_link") and (bool(mv.NOT_KNOWING.search(t)) or (
        not _PLAIN_NO.search(t) and (bool(CONFRONT.search(p)) or any(previous[j] is not None for j in range(max(0, i - 6), i)))))
    # Denying what the therapist has just seen ("you flinched" / "I didn't flinch")
    # is a denial even inside relationship talk: it answers an observation, not a question.
    if DENY_FEELING.search(t) or _echo_denial_past(t, p):
        # ... or a contrary reading of the patient the therapist has just stated.
        if prev is not None and not d.questions[prev] and (OBSERVED_EMOTION.search(p) or OBSERVED_FEELING.search(p)
                                                          or _echo_denial_past(t, p) or _tears_shown(d, i)):
            return "denial"
        if prev is not None and _states(d, prev) and CONFRONT.search(p):
            return "denial"
    # After the therapist persisted on the relationship, a strained refusal is a rupture
    # even when the last therapist turn itself carried no relationship cue.
    recent_rel = any(rel[j] is not None for j in range(max(0, i - 4), i)) and not _OTHERS.search(t)
    # The patient's own words may be the relationship talk ("I've said it's fine three times now,
    # I'm not upset about your leave") when the therapist's return carried no cue of its own.
    own_rel = rel[i] is not None and not _OTHERS.search(t)
    # Moving off the therapist's remark on what the patient is doing right now ("you went very
    # quiet when I mentioned her" / "Anyway, ...") leaves it: no question was declined.
    if p_rel and rel[prev] == "here_and_now" and prev == i - 1 and not d.questions[prev] and (
            SHIFT.search(t) or rp.SHIFT_OPENER.search(t)):
        return "topic_shift"
    if (p_rel or ((recent_rel or own_rel) and strain)) and (declines or rejects or _shifts(d, i, t)) and not _ADMITS.search(t):
        # A plain "no, it's fine" to a relationship question is a decline; with
        # strain after the therapist persisted, it is a rupture (codebook rule).
        # Strain counts only once the therapist has persisted: a "Look, it's fine" to
        # the first relationship question is still a plain decline.
        persisted = bool(_REPEATED.search(t) or _REPEATED.search(p)) or any(
            rel[j] is not None and d.is_therapist(j) for j in range(prev if prev is not None else i))
        # New material for an answer to an open question about the two of them (not the break or fee) leaves it.
        if p_rel and prev == i - 1 and rel[prev] != "frame_feelings" and not _PLAIN_NO.search(t) and _invites(d, prev) and mv.new_subject(t):
            return "topic_shift"
        if not strain or not persisted:
            return "minimal_response" if pressed and _withdraws(d, i, t, prev) else None
        return "topic_shift" if _shifts(d, i, t) else "denial"
    # Denying a feeling is a marker only when the feeling was just raised or shown; to a
    # relationship question it is a decline unless said with strain (codebook decision 8).
    if DENY_FEELING.search(t) and prev is not None and ((p_rel and strain) or _echo_denial(t, p) or OBSERVED_FEELING.search(p)
                                                            or _FEELING_RAISED.search(p)):
        return "denial"
    if prev is not None and not d.questions[prev] and OBSERVED_EMOTION.search(p) and (declines or _echo_denial(t, p)):
        return "denial"  # denying a feeling the therapist can see
    # Asking to be told what to do seeks direction; it does not comply with a plan.
    if (DEFER.search(t) or rp.DEFER_WIDE.search(t)) and not _ASKS_DIRECTION.search(t) and not rp.REPORTED_DEFER.search(t):
        return "deferential"
    if prev is not None and rejects and intervention and (strain or d.words[i] <= 8):
        return "rejects_intervention"
    # Moving on after the therapist has conceded and asked nothing ("Fair enough, I'll
    # take your word for it." / "Anyway, ...") takes the therapist's leave: no marker,
    # unless the patient was already withdrawing ("Nothing." / "We'll leave it." / "Anyway.").
    withdrawing = any(FAMILY.get(previous[j]) == "withdrawal" for j in range(max(0, i - 3), i))
    conceded = prev is not None and not d.questions[prev] and not withdrawing and bool(
        BACKS_DOWN.search(p) or _CONCEDES.search(p))
    # Only what the therapist raised can be left: a question, an invitation, a challenge or the
    # relationship. After a remark that asks nothing (small talk, an answer about themselves, a
    # validation) "Anyway, ..." closes a topic, unless said with strain or while withdrawing.
    raised = prev is not None and (d.questions[prev] or "?" in d.texts[prev] or p_rel or intervention or _invites(d, prev)
                                   or bool(rp.ABOUT_YOU.search(p) and not rp.VALIDATES_ONLY.search(p)))
    if prev is not None and prev == i - 1 and not d.acks[prev] and not conceded and _shifts(d, i, t) \
            and (raised or strain or withdrawing) and not rp.TOPIC_INVITED.search(p) and not (
            _ASIDE.search(t) and not (p_rel or intervention or _invites(d, prev))):
        return "topic_shift"
    # Answering an invitation with a question about the therapist's own life ("Did you get your car
    # fixed, by the way?") leaves it: the talk turns from the patient to the therapist.
    # The question must open the reply: an answer first ("It's her day. Do you have kids?") is no shift.
    if prev is not None and prev == i - 1 and _invites(d, prev) and _opens_with_question_to_you(d.texts[i]):
        return "topic_shift"
    # Turning to someone else in the room with an unrelated question ("Helen, did you put the
    # ticket on?") right after an invitation leaves it unanswered.
    if prev is not None and prev == i - 1 and _invites(d, prev) and _turns_to_other(d, i, prev):
        return "topic_shift"
    # Asking to do something else straight after a challenge ("Can I just do panel three?")
    # leaves the challenge: a topic shift whatever the new subject.
    if prev is not None and prev == i - 1 and _states(d, prev) and CONFRONT.search(p) and _ASKS_ELSE.search(t):
        return "topic_shift"
    if (not p_rel or pressed) and _withdraws(d, i, t, prev):
        return "minimal_response"
    return None


def _frame_complaint(t: str) -> bool:
    """A complaint about the schedule or the fee, unless its word only comments on the patient's own act."""
    return any(not rp.SELF_COMMENT.search(t[:m.start()]) for m in cu.COMPLAINT_FRAME.finditer(t))


def rupture_markers(session: Session) -> list[str | None]:
    """The rupture marker of every utterance (None for therapists and unmarked turns)."""
    d = Dialogue.of(session)
    rel = session.labels("relationship")
    out: list[str | None] = [None] * d.n
    for i in range(d.n):
        if d.is_patient(i):
            out[i] = _marker(d, i, rel, out)
    out = apply_markers(d, out)  # the learned scorer checks the rules and extends them
    return [m if m is not None else mv.pushed_back(d, i) for i, m in enumerate(out)]


class RuptureMarkers:
    """Labels rupture markers on patient utterances (layer ``rupture``)."""

    name = "rupture_markers"
    version = "1"
    requires = ("relationship",)
    produces = ("rupture",)

    def annotate(self, session: Session) -> AnnotatorOutput:
        """One ``rupture`` annotation per marked patient utterance."""
        return AnnotatorOutput(annotations=tuple(
            Annotation(i, "rupture", m, self.name, self.version)
            for i, m in enumerate(rupture_markers(session)) if m is not None
        ))


class Ruptures:
    """Rupture spans with family and repair (span layer ``rupture``), from markers and flags."""

    name = "ruptures"
    version = "1"
    requires = ("rupture", "flag")
    produces = ("rupture_span",)

    def annotate(self, session: Session) -> AnnotatorOutput:
        """One ``rupture`` span per marked utterance, repaired by the codebook rule."""
        d = Dialogue.of(session)
        markers = session.labels("rupture")
        spans = []
        for i, marker in enumerate(markers):
            if marker is None:
                continue
            repair = next((j for j in d.following(i, Role.THERAPIST, REPAIR_WINDOW)
                           if "repair" in session.all_labels("flag", j)), None)
            repaired = repair is not None and any(
                markers[k] is None and not d.acks[k] and mv.reengages(d.norms[k], d.words[k])
                for k in d.following(repair, Role.PATIENT, REPAIR_WINDOW))
            spans.append(Span("rupture", i, i, {
                "family": FAMILY[marker], "marker": marker, "repaired": repaired,
                "repair_index": repair if repaired else None,
            }, self.name, self.version))
        return AnnotatorOutput(spans=tuple(spans))
