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

Readings of the exchange that do not hang on stock phrases live in helper modules:
:mod:`alliance.annotators._flagstructure` (hidden feelings about the therapist, words
against the body, strain voiced without a marker and its repair, one's own likeness and
habits) and :mod:`alliance.annotators._flagclaims` (a claim the patient makes about
themselves, answered with their own record or a contrary view).

The ``affirmation`` flag on the same layer comes from the move annotators.
"""

from __future__ import annotations

import re

from alliance.annotators import _flagclaims as fc
from alliance.annotators import _flagpatterns as fp
from alliance.annotators import _flagstructure as fs
from alliance.annotators import _rupturepatterns as rp
from alliance.annotators._cues import own_life
from alliance.annotators._disclosure import answers_own_life, told_own_life
from alliance.annotators._flagmodel import apply_flags
from alliance.annotators._lexicon import Dialogue, compile_any
from alliance.annotators._reflections import confront_cue
from alliance.annotators._relpatterns import T_TRANSFERENCE
from alliance.annotators.ruptures import DENY_FEELING, REJECT, STRAIN, norm_sentences
from alliance.model import Annotation, Role, Session
from alliance.pipeline import AnnotatorOutput

__all__ = ["TherapistFlags", "therapist_flags", "BACKS_DOWN_REACH"]

#: A backs-down must follow the therapist's challenge within this many therapist turns.
BACKS_DOWN_REACH = 3
#: Patient markers that show the therapist has just been pushed back on.
_CHALLENGED = frozenset({"complaint_about_therapist", "complaint_about_therapy", "rejects_intervention", "denial"})
#: Holding to one's view after the patient pushed back ("I still think ...", "it matters, though").
_PERSISTS = compile_any([
    r"i (?:still|do still|really do) think|(?:it|that) (?:still )?matters(?:,)? though|i think it (?:still )?(?:matters|is important|is relevant|is worth)",
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


#: Confrontation read from the dialogue's structure, not the wording of the challenge:
#: the patient's reply rejects the therapist's reading of them.
_CONTESTED = frozenset({"rejects_intervention", "complaint_about_therapist"})
#: Arguing with the patient's complaint or rejection ("I'm not on anybody's side",
#: "I'm not turning it into a theory"): the therapist denies what the patient said about them.
_ARGUES = compile_any([
    r"^ (?:(?:well|look|no|but|hang on|come on) )*i (?:am not|was not|did not|have not|never) "
    r"(?!sure\b|going to (?:push|press)|trying to (?:push|pressure|upset|hurt|catch)|(?:mean|meaning) to\b)\w+",
])
#: Overriding the patient's wish to leave a topic ("Tea can wait", "it's what we're here for").
_OVERRIDES = compile_any([
    r"\bcan wait\b|(?:what|why) we are here (?:for|to)|(?:it|that|this) is what we are here|"
    r"we (?:need|have|still need|still have) to (?:talk about|stay with|stick with|look at|get back to)|let us (?:stay|stick) with (?:this|it|that)",
])
#: The patient's own near-miss ("I almost caved"): "but you didn't" then affirms, it does not confront.
_NEAR_MISS = compile_any([r"\b(?:almost|nearly|was about to|was going to|so close to|had the words ready|wanted to|could have)\b"])
_DIDNT = compile_any([r"(?:^ |could have (?:\w+ ){1,3})(?:(?:and|but) )*(?:but )?you (?:did not|did not do it|are not|have not|stopped|held)\b"])


def _contested(d: Dialogue, markers: list[str | None], i: int, t: str) -> bool:
    """Whether the patient's next turn rejects the therapist's reading in turn ``i``.

    The reading goes beyond or against what the patient said, whatever its words:
    the patient answers with a rejection or a complaint about the therapist, or
    denies the therapist's own verb ("I'm not managing you" to "you're managing me").
    """
    # A reading of the patient ("I wonder if you ...", "some anger at your mum"), not a
    # task or a suggestion, which the patient may reject without being confronted.
    if not _READING.search(t) or _TASK.search(t):
        return False
    j = i + 1
    while j < d.n and not d.is_patient(j):
        if d.is_therapist(j):
            return False
        j += 1
    if j >= d.n or _AGREES_HEAD.search(d.norms[j]):
        # A reply that opens by taking up the reading ("Blindsided is right. And ...")
        # accepts it, whatever complaint follows.
        return False
    # A rejection opening the reply ("No. You've got it wrong.") contests the reading
    # even when it carries no strain and so no rupture marker.
    head = REJECT.search(d.norms[j])
    if markers[j] in _CONTESTED or (head is not None and head.start() <= 12):
        return True
    return any(f" {m.group(1)} " in t for m in _DENIES_VERB.finditer(d.norms[j]))


#: A reply taking up the therapist's reading ("Blindsided is right", "Yes, exactly").
_AGREES_HEAD = compile_any([r"^ (?:(?:\w+) ){0,2}(?:is|was) (?:right|true|the word)|^ (?:yes|yeah|exactly|true|absolutely)\b"])
#: Taking up the patient's request to move elsewhere ("Sure, let's go to panel three").
_TAKES_UP = compile_any([r"^ (?:(?:sure|okay|ok|all right|alright|fine|right|yes|yeah|of course) )+(?:let us|we can|let s) (?:go|move|do|get|talk|look)\b"])
#: The patient pushing back in their own words, with or without a rupture marker.
_PUSHED = (STRAIN, DENY_FEELING, REJECT)
#: A reading of the patient: an interpretation with the patient in it.
_READING = compile_any([
    r"(?:i wonder (?:if|whether)|i notice|i think|it sounds like|it seems like|maybe|perhaps|could it be|is it possible|part of you|my guess)"
    r"\b(?:\s+\w+){0,12}\s+(?:you|your|yourself)\b",
])
#: A task or a suggestion: rejecting it rejects the plan, not a reading.
_TASK = compile_any([r"we can (?:do|try)|you could|you should|you might (?:try|want)|this week|next week|(?:a|the) (?:bigger |next |small |first )?step|homework|exercise|try (?:to|and)"])
#: "I'm not managing you": the verb the patient denies.
_DENIES_VERB = compile_any([r"^ (?:(?:no|look|well) )*i am not (\w+ing)(?: (?:after|over|at|on|up))? you\b"])








#: Words too common to tell whether a reframe echoes the patient's own reason.
_STEM_STOP = frozenset({"about", "being", "would", "could", "should", "there", "their", "thing", "thinking", "really", "something"})


def _echoes_account(reading: str, p_norm: str) -> bool:
    """Whether what a reframe says it is "about" restates the patient's own reason.

    "So keeping it quiet was partly about protecting her from worrying" after
    "because you'd worry yourself sick" reflects the account; it does not contradict it.
    """
    def stems(text: str) -> set[str]:
        return {w[:5] for w in text.split() if len(w) >= 5 and w not in _STEM_STOP}
    return bool(stems(reading) & stems(p_norm))


def _turned_down(d: Dialogue, i: int) -> bool:
    """Whether the patient's next turn, before any therapist turn, opens by turning down what was said."""
    j = i + 1
    while j < d.n and not d.is_patient(j):
        if d.is_therapist(j):
            return False
        j += 1
    return j < d.n and bool(_PUSHBACK.search(d.norms[j]) or REJECT.search(d.norms[j][:40]))


def _recent_strain(d: Dialogue, markers: list[str | None], i: int, kinds: frozenset[str] | None = None) -> bool:
    """Whether a patient turn since the therapist's previous turn carries a rupture marker (of ``kinds``)."""
    j = i - 1
    while j >= 0 and not d.is_therapist(j):
        if markers[j] is not None and (kinds is None or markers[j] in kinds):
            return True
        j -= 1
    return False


#: Withdrawal markers: after a push the therapist has not retracted, they are pushback too.
_WITHDRAWAL = frozenset({"minimal_response", "topic_shift", "deferential", "denial"})
#: Markers that push back on a reading or an observation of the therapist's.
_PUSHED_ON = frozenset({"rejects_intervention", "denial"})


def _last_patient_turns(d: Dialogue, i: int, n: int) -> list[int]:
    """The last ``n`` patient turns before ``i`` within the therapist's last two turns, nearest first."""
    out, seen = [], 0
    for j in range(i - 1, -1, -1):
        if d.is_therapist(j):
            seen += 1
            if seen >= 2:
                break
        elif d.is_patient(j):
            out.append(j)
            if len(out) >= n:
                break
    return out


def _asks(d: Dialogue, i: int) -> bool:
    """Whether turn ``i`` asks: a "?" in punctuated text, else the question detector."""
    text = d.texts[i]
    return "?" in text if any(c in text for c in ".?!") else d.questions[i]


#: What the patient's claim denies ("isn't a problem", "nothing to do with", "doesn't matter"): group 1 is the word asserted back.
_CLAIM = compile_any([r"(?:is not|are not|am not|was not|does not|do not|did not|not) (?:a |an |really |even |that |at all )?"
                      r"(problem|matter|bother|big deal|angry|upset|avoiding|scared|worried|jealous|hurt|care|mind)|nothing (to do with)"])
#: The therapist asserting rather than reflecting ("I think", "it sounds like", "quite a lot", "real").
_ASSERTS = compile_any([r"i think|it sounds like|it seems|actually|a lot|quite a lot|really|real|more than|i wonder if|i have to be honest"])
_NEGATED = compile_any([r"(?:not|no|never|nothing|is not|does not|do not|isn t) (?:\w+ ){0,2}$"])


#: The therapist citing what the patient said before ("a couple of bottles, you said last time").
_CITES_RECORD = compile_any([r"you (?:said|told me|mentioned|wrote) (?:last (?:time|week|session)|earlier|before|a minute ago|at the start) $|"
                             # What the patient showed then ("You were crying when you told me about it last week").
                             r"^ (?:(?:but|well|and) )?you (?:were|got) (?:\w+ )?(?:crying|in tears|shaking|furious|livid|devastated|really upset|so upset) (?:when|last|earlier|the other|on \w+day)\b|"
                             r"you (?:said|told me|mentioned|wrote)(?: \w+){1,3} (?:last (?:time|week|session)|earlier|a minute ago|at the start)\b|"
                             r"^ (?:(?:but|well|and) )?you (?:said|told me) (?:last (?:time|week|session)|on \w+day)\b|^ (?:(?:but|well|and) )?you have told me\b|"
                             r"^ (?:but )?(?:last (?:week|time|session)|on \w+day) you (?:said|told me)\b"])
#: An invitation to go back to something ("tell me more about the home you mentioned last time").
_INVITES_BACK = compile_any([r"tell me|say more|talk (?:me )?(?:about|through)|describe|what|how|can we|let us"])
#: A one-line doubt opening the turn ("Are you really?", "Is it, though?").
_DOUBTS_CLAIM = re.compile(r"\s*(?:are|is|was|were|do|did|have) (?:you|it|that|they)(?: really)?(?:,? though)?\?", re.IGNORECASE)
#: A minimising claim the record is set against ("I only had a couple", "I'm fine").
_MINIMISES = compile_any([r"only|just|barely|hardly|never|not|fine|over it|a couple|a little|nothing|normal|normally"])


#: A bare "fair enough": it acknowledges, and retracts only once the patient pushed back.
_BARE_FAIR = compile_any([r"^ (?:(?:ok|okay|right|well|all right|alright|oh) )*(?:fair enough|that is fair)(?: then)? $"])
#: Inviting the patient's new subject ("Tell me about tryouts").
_INVITES_TOPIC = compile_any([r"^ (?:(?:okay|ok|sure|all right|alright|right|fine) )*(?:tell me (?:about|more about)|what about|how are|how is)\b"])


def _follows_topic(t: str, p_norm: str) -> bool:
    """Whether the therapist takes up the subject the patient has just moved to ("Tell me about tryouts")."""
    if not _INVITES_TOPIC.search(t):
        return False
    return bool({w for w in t.split() if len(w) >= 5} & {w for w in p_norm.split() if len(w) >= 5})


#: "It doesn't look little to me": the therapist denying the patient's own word for it.
_NOT_TO_ME = re.compile(r"(?:does not|do not|did not) (?:look|sound|seem|feel) (?:so |that |very )?(\w+)\b")


def _denies_their_word(p_norm: str, t: str) -> bool:
    """Whether the therapist says the patient's own word for it does not fit ("It's only a little cut" /
    "It doesn't look little to me"); "that doesn't sound fair to me" about someone else's act does not echo."""
    m = _NOT_TO_ME.search(t)
    # Only a minimising word ("little", "nothing") is contradicted; "it doesn't sound stupid
    # to me" after "it's stupid" disagrees with a self-criticism, which is support.
    return m is not None and m.group(1) in _SMALL_WORDS and f" {m.group(1)} " in p_norm


#: Words that make something small ("only a little cut", "a minor thing").
_SMALL_WORDS = frozenset("little small minor tiny slight mild short nothing fine okay normal quick light easy trivial much big".split())


def _flips_claim(p_norm: str, t: str) -> bool:
    """Whether the therapist asserts back the very thing the patient has just denied.

    "My drinking isn't a problem" / "from what you've told me, it sounds like a real
    problem": the denied word returns, unnegated, in an assertion. A reflection keeps
    the negation ("so drinking isn't a problem for you") and is not a challenge.
    """
    m = _CLAIM.search(p_norm)
    if m is None or not _ASSERTS.search(t):
        return False
    word = (m.group(1) or m.group(2)).split()[-1] if (m.group(1) or m.group(2)) else ""
    for hit in re.finditer(rf"\b{re.escape(word)}\w*", t):
        if not _NEGATED.search(t[:hit.start()]):
            return True
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
    last_repair_turn = -10**9
    therapist_turn = 0
    for i in range(d.n):
        if not d.is_therapist(i):
            continue
        therapist_turn += 1
        t = d.norms[i]
        flags: list[str] = []
        # What the therapist said about themselves before turning back to the patient
        # ("Twice, actually. Anyway, this isn't about me."): the answer is the disclosure.
        told_own = told_own_life(t)
        # Answering a question about one's disclosure ("How did you manage?" / "What helped me was ...") goes on.
        follow_up = i >= 2 and "self_disclosure" in out[i - 2] and d.is_patient(i - 1) and d.texts[i - 1].rstrip().endswith("?") \
            and fp.OWN_PAST.search(t) is not None and not (fp.NOT_SELF_DISCLOSURE.search(t) or fp.PROFESSIONAL.search(t))
        # Likening one's own thing to the patient's, one's own habits at home, and answering the
        # patient's short follow-up to a disclosure just made all tell the therapist's own life.
        goes_on = fs.discloses_on(d, i, i >= 2 and "self_disclosure" in out[i - 2])
        if is_self_disclosure(t) or answers_own_life(d, i, t) or told_own or fp.SHARES_SAME.search(t) or follow_up \
                or fs.likens_own(t, d.norms[i - 1] if i else " ") or fs.own_habit(t) or goes_on:
            flags.append("self_disclosure")
        prev_p = d.previous(i, Role.PATIENT)
        p_norm = d.norms[prev_p] if prev_p is not None else " "
        p_marker = markers[prev_p] if prev_p is not None else None
        # Disagreeing with the patient's self-criticism is support, not a challenge.
        confronts = (confront_cue(t, [d.norms[j] for j in _last_patient_turns(d, i, 2)]) and not fp.SUPPORTIVE.search(t)
                     and not fp.SELF_CRITICISM.search(p_norm)
                     and not (_DIDNT.search(t) and _NEAR_MISS.search(p_norm)))
        owning = bool(fp.BACKS_DOWN.search(t) or fp.REPAIR_STRONG.search(t) or fp.OWNS_PUSH.search(t)
                      or fp.REPAIR_WELCOMES.search(t))
        # The patient's words set against what they did or said elsewhere: a discrepancy
        # pointed out (codebook section 1), unless it backs the patient against a self-criticism.
        if fp.points_discrepancy(t) and not owning and not fp.SUPPORTIVE.search(t) and not fp.SELF_CRITICISM.search(p_norm):
            confronts = True
        # Structure: a reading the patient rejects; arguing back at a complaint or a
        # rejection; overriding the patient's wish to leave the topic.
        if not owning and (_contested(d, markers, i, t)
                           or (p_marker in _CHALLENGED and _ARGUES.search(t))
                           or ((p_marker is not None or _PUSHBACK.search(p_norm)) and _OVERRIDES.search(t))):
            confronts = True
        # A transference interpretation offered straight back to a complaint
        # reframes it instead of hearing it: an unsolicited contrary reading.
        if p_marker in _CHALLENGED and T_TRANSFERENCE.search(t) and not owning:
            confronts = True
        # A reframe of the account the patient has just given ("just tired") contradicts it;
        # so does one the patient's next turn turns down ("No, I don't think so").
        reframe = fp.REFRAME.search(t) or fp.PART_ABOUT.search(t)
        if reframe and not fp.SUPPORTIVE.search(t) and not _echoes_account(t[reframe.end():], p_norm) and (
                fp.ACCOUNT.search(p_norm) or (fp.PART_ABOUT.search(t) and _turned_down(d, i))):
            confronts = True
        # A defence read into the patient's words, or a pattern in them pointed out
        # ("every time the break comes up, you ..."), contradicts their own account.
        if (fp.DEFENCE.search(t) or fp.PATTERN_POINTED.search(t)) and not owning and not fp.SUPPORTIVE.search(t):
            confronts = True
        # "I don't think it's pointless" answers a complaint by disputing its own word.
        dispute = fp.DISPUTES.search(t) if p_marker in _CHALLENGED and p_marker != "denial" and prev_p == i - 1 else None
        if dispute and not owning and any(len(w) >= 4 and f" {w} " in p_norm for w in t[dispute.end():].split()[:2]):
            confronts = True
        # "I hear that, but ..." to a complaint or a rejection argues on past it.
        if p_marker in _CHALLENGED and fp.YES_BUT.search(t) and not owning:
            confronts = True
        # Holding to an interpretation the patient has just rejected, or doubting
        # their "it's fine": both are unsolicited contrary readings.
        if (_PERSISTS.search(t) or _DOUBTS_FINE.search(t)) and (p_marker is not None or _PUSHBACK.search(p_norm)
                                                                  or (prev_p == i - 1 and fp.DENIES_SELF.search(p_norm))):
            confronts = True
        # A transference link the therapist offers after the patient has declined the
        # topic in this session reads the patient against their own account.
        # Asked as a question ("is there any of that with me being off?") it asserts nothing (decision 12).
        if rel[i] == "transference_link" and not _asks(d, i) and all(rel[j] is None for j in range(max(0, i - 2), i)) and any(
                rel[j] is not None and d.is_patient(j) and _PUSHBACK.search(d.norms[j]) for j in range(i)):
            confronts = True
        if fs.reads_against_decline(d, rel, i, t) and not owning:
            confronts = True
        # Quoting the patient's decline back as a way of avoiding something asserts
        # a meaning the patient has just denied (codebook decision 12).
        if fp.ECHOED_DECLINE.search(t) and fp.ECHO_PURPOSE.search(t):
            confronts = True
        # The therapist asserting back the very thing the patient has just denied ("It doesn't
        # matter" / "it sounds like it matters quite a lot"). Merely naming a sign the patient
        # shows ("you're gripping the chair") is an observation, not a challenge (train2-21).
        # Doubting the claim in a word ("Are you really? You cried ...") contradicts it.
        if prev_p == i - 1 and not owning and _DOUBTS_CLAIM.match(d.texts[i]) and _MINIMISES.search(p_norm):
            confronts = True
        if prev_p == i - 1 and not owning and not d.questions[i] and not fp.SUPPORTIVE.search(t) and (
                _flips_claim(p_norm, t) or _denies_their_word(p_norm, t) or (_CITES_RECORD.search(t) and _MINIMISES.search(p_norm) and not _INVITES_BACK.search(t))):
            confronts = True
        # A feeling about the therapist asserted to lie under what the patient shows, more felt than
        # they allow, or their words set against what their body is doing: a contrary reading.
        # So does the patient's own record, or a contrary view, set against a claim just made about themselves.
        if (fs.presses_hidden_feeling(t) or fs.words_against_body(t) or (prev_p == i - 1 and (fc.sets_against_claim(p_norm, t, d.texts[i]) or fc.turns_claim_back(d.texts[prev_p], d.texts[i])))) \
                and not owning and not fp.SUPPORTIVE.search(t) and not fp.SELF_CRITICISM.search(p_norm):
            confronts = True
        # Holding an idea lightly or leaving room for a meaning asserts nothing against the patient.
        if fp.HOLDS_LIGHTLY.search(t) or fp.LEAVES_ROOM.search(t):
            confronts = False
        if confronts:
            flags.append("confrontation")
        # A rejection heading the patient's turn is strain even when it carried no marker
        # (the suggestion it rejects may lie outside the dialogue seen).
        # ("It's not fair she never asks" complains of someone else: no pushback on the therapist.)
        firm = rp.REJECT_FIRM.search(p_norm[:40])
        pushed_back = p_marker is not None or (firm is not None and not fp.THIRD_AFTER.match(p_norm[firm.end():]))
        # A negative feeling about the therapist, voiced without a marker, is still a strain
        # that thanks or welcome addresses.
        # The strain may be one patient turn further back, the therapist's reflection between
        # ("a line on an invoice" / "So the fee made you wonder ..." / "Something like that").
        # The turn must be about the therapist or the sessions: relationship talk, or a "you" in it.
        voiced_strain = any((rel[j] is not None or fp.NAMES_T.search(d.norms[j])) and bool(fp.STRAIN_AT_T.search(d.norms[j]))
                            for j in _last_patient_turns(d, i, 2))
        # Validating the strain and then denying it ("That makes sense. I'm not on his side.") argues.
        argues_back = any(_ARGUES.search(x) for x in norm_sentences(d.texts[i])) if voiced_strain else False
        # The challenge still open: a confrontation shortly before, or strain just voiced.
        # The patient's own words count too, so that a missed marker does not lose the backing down.
        # A complaint the therapist has just asked for ("does it feel like I'm ...?") answers
        # a repair, not a challenge: taking it up is repair, not backing down.
        invited = last_repair_turn == therapist_turn - 1 and therapist_turn - last_conf_turn > BACKS_DOWN_REACH
        # Backing down retracts the therapist's own challenge: a confrontation still open (within
        # reach and not yet retracted), or a reading or observation the patient has just pushed back
        # on (a rejection, a denial). A complaint about the therapist, with no challenge before it,
        # is a strain that owning it repairs, not a challenge to back down from.
        open_challenge = therapist_turn - last_conf_turn <= BACKS_DOWN_REACH and last_back_turn < last_conf_turn
        # The therapist turn the patient pushed back on: a reading of the patient or a question.
        prev_t = d.previous(prev_p, Role.THERAPIST) if prev_p is not None else None
        # A statement about the patient answered at once ("Surely you can see ..." / "I didn't come here
        # to be judged") is a reading pushed back on, whatever its words.
        reading = prev_t is not None and bool(
            _READING.search(d.norms[prev_t]) or fp.CONFRONT.search(d.norms[prev_t]) or fp.READS_PATIENT.search(d.norms[prev_t])
            or (prev_t == prev_p - 1 and rel[prev_t] is None and not _asks(d, prev_t) and re.search(r"\byou\b", d.norms[prev_t]) is not None
                and not is_self_disclosure(d.norms[prev_t])))
        # "I really wasn't" after a hard feeling read into the patient is pushback, marker or not.
        denied = prev_t is not None and fs.denies_reading(p_norm) and fc.names_hard_feeling(d.norms[prev_t])
        pushed_on_reading = p_marker in _PUSHED_ON or _recent_strain(d, markers, i, _PUSHED_ON) or bool(
            DENY_FEELING.search(p_norm) or REJECT.search(p_norm)) or ((p_marker in _CHALLENGED or _PUSHBACK.search(p_norm) or denied) and reading)
        # A withdrawal or strain after a push the therapist has not yet retracted (or that went
        # unflagged) is pushback too; once the challenge was retracted, owning the push again repairs.
        retracted = last_back_turn > last_conf_turn > -10**9
        # (A complaint's own strain words, "no offence", do not make it pushback on a challenge.)
        withdrew = (_recent_strain(d, markers, i, _WITHDRAWAL) or bool(
            STRAIN.search(p_norm) and p_marker not in ("complaint_about_therapist", "complaint_about_therapy"))) and not retracted
        challenged = not invited and (open_challenge or pushed_on_reading or withdrew)
        # Owning one's pressure ("I pushed too hard") retracts the challenge too, once.
        retracts = fp.BACKS_DOWN.search(t) or fs.makes_too_much(t) or (fs.leaves_subject(t) and (open_challenge or pushed_on_reading)) or (fp.OWNS_PUSH.search(t) and (
            last_back_turn < last_conf_turn or (_recent_strain(d, markers, i) and not retracted)))
        if fp.HOLDS_LIGHTLY.search(t):
            retracts = False
        # A bare "fair enough" after a plain decline acknowledges it; it retracts
        # nothing unless the patient pushed back with strain.
        # So does one heading a move to the task ("Fair enough. Shall we look at the diary?").
        sents = norm_sentences(d.texts[i])
        bare_head = len(sents) > 1 and _BARE_FAIR.search(sents[0]) and not fp.BACKS_DOWN.search(" ".join(sents[1:]))
        if (d.acks[i] or _BARE_FAIR.search(t) or bare_head) and p_marker not in _CHALLENGED:
            retracts = False
        # Following the patient away from the challenge ("Sure, let's go to panel three").
        if p_marker == "topic_shift" and (_TAKES_UP.search(t) or _follows_topic(t, p_norm)) \
                and therapist_turn - last_conf_turn <= BACKS_DOWN_REACH:
            retracts = True
        repairs = bool(fp.REPAIR_STRONG.search(t) or (pushed_back and fp.REPAIR_IN_STRAIN.search(t)) or (
            voiced_strain and not argues_back and (fp.REPAIR_WELCOMES.search(t) or fp.VALIDATES.search(t) or fp.CHANGES_FRAME.search(t))))
        # A strain about the therapist or the therapy voiced in the patient's own words, marker or
        # not, met by welcome, validation, owning or an invitation; owning one's question as too much.
        if not repairs and not confronts and not argues_back and (
                fs.meets_strain(t, fs.strain_voiced(d, rel, i, markers)) or fs.welcomes_said(d, i, t) or fs.owns_hard_question(d, i, t) or fs.owns_load(t)):
            repairs = True
        # Owning and inviting after a strain with no challenge of one's own open is repair alone
        # ("You're right, I kept coming back to it. How was that for you?"); it backs down only
        # when it also drops the subject ("... That's on me. Let's do the speech.").
        # A rejected reading, or a push owned as such ("I steamrolled you"), is a challenge retracted.
        # After a denial of a plain return to the relationship ("I want to check in once more
        # about the leave"), owning and inviting is repair alone unless the subject is dropped.
        replies_to_return = prev_t is not None and rel[prev_t] is not None and not reading
        if not confronts and retracts and challenged and not (
                repairs and not open_challenge and replies_to_return and not fp.DROPS.search(t) and not fp.OWNS_PUSH.search(t)):
            flags.append("backs_down")
            last_back_turn = therapist_turn
        if repairs:
            flags.append("repair")
            last_repair_turn = therapist_turn
        if confronts:
            last_conf_turn = therapist_turn
        out[i] = tuple(flags)
    return apply_flags(d, out)  # the learned scorer checks the rules and extends them


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
