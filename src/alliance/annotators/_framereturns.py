"""Frame returns: a later turn that goes back to a frame topic raised earlier in the session.

Frame topics raised so far ("the fortnight", "Easter", "the phone", a date the
announcement named) are remembered; a later therapist turn that refers back to
one with feeling, wondering or a return phrase ("once more", "I keep circling
back to") is frame talk again, though it repeats none of the original words; so
is one that doubts the earlier "it's fine", one that comes back with a reaction
question, and a patient turn that goes back to the topic with feeling.
"""

from __future__ import annotations

import re

from alliance.annotators import _cues as cu
from alliance.annotators import _frameanchor as fan
from alliance.annotators import _frameacts as fa
from alliance.annotators import _framerefs as fr
from alliance.annotators import _relpatterns as rp
from alliance.annotators._lexicon import OTHERS, Dialogue, compile_any
from alliance.annotators.episodes import utterance_stance

__all__ = ["FRAME_CONTEXT", "ANNOUNCEMENT_CONTEXT", "FRAME_RAISED", "frame_return", "patient_return", "topics_of",
           "names_frame", "mentions", "late_returns", "RETURN_REPLY_WORDS", "topic_words", "brings_frame_news"]

#: How many utterances back a frame announcement still gives a reaction question its meaning.
FRAME_CONTEXT = 3
#: The therapist's own announcement reaches further for a question about hearing it: after
#: the patient's first questions ("are you having a baby?") and the therapist's answers,
#: "how is it for you to hear this?" still asks about the news.
ANNOUNCEMENT_CONTEXT = 5
_OTHERS = compile_any([OTHERS])


def names_frame(d: Dialogue, i: int) -> bool:
    """Whether utterance ``i`` names the frame in a therapist's words."""
    t = d.norms[i]
    return bool(rp.FRAME_T.search(t) or cu.FRAME_T_WIDE.search(t) or fr.T_ACT_FRAME.search(t)
                or fa.T_CHANGES_ARRANGEMENT.search(t))


#: The therapist speaking of their own plans or doings ("I am taking a month's sabbatical").
_SAYS_OWN = compile_any([r"\bi (?:am|will|have|had|was|mentioned|need|wanted)\b"])


def brings_frame_news(d: Dialogue, i: int) -> bool:
    """Whether therapist turn ``i`` tells the patient of a change to the frame."""
    t = d.norms[i]
    return names_frame(d, i) or bool(fr.ANNOUNCE_WIDE.search(t) or fa.T_OWN_ABSENCE.search(t)) \
        or bool(topic_words(t)) and bool(_SAYS_OWN.search(t))


#: The therapist referring back to their own earlier announcement.
_BACK_TO_MINE = compile_any([
    r"(?:come|coming|go|going|get|getting) back to what i (?:said|mentioned|told you|brought up)|what i (?:said|mentioned|told you) (?:at the start|earlier|before|at the beginning)",
])


#: The therapist's own going named afresh on a return ("the timing of me going", "the
#: handover"): a departure or handover announced earlier is referred back to in other words.
_MY_GOING = compile_any([
    r"\b(?:the|a) (?:handover|hand over|changeover|change over)\b|\b(?:of|about|with) me (?:going|leaving|moving on)\b|"
    r"\bmy (?:leaving|going|departure|moving on)\b",
])


#: A definite reference back to an arrangement already announced ("the change", "the
#: schedule"): with a return phrase, after frame talk, it names the frame topic in
#: other words ("going back to the schedule for a moment", "check once more about the
#: change").
_BACK_REF = compile_any([
    r"\bthe (?:change|changes|new schedule|schedule|news|arrangement|new arrangement|switch|time off|gap|break)\b",
])


#: Arranging times ("is Thursday at four still good?"): going back to the schedule to fix
#: a slot is logistics, not a return to what the change means.
_ARRANGING = compile_any([
    r"\b(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|o ?clock)\b|"
    r"\bstill (?:good|okay|ok|fine|work|works|suit|suits)\b|\b(?:work|works|suit|suits) for you\b|"
    r"\bat (?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d)\b",
])


#: The therapist owning the weight of what they just told ("maybe that was a lot to take in",
#: "a big thing to drop on you right at the start").
_TAKES_IN = compile_any([
    r"\b(?:that|this|it) (?:was|is|might be|may be|might have been|may have been|must be|must have been) "
    r"(?:quite |such |a bit )?(?:a lot to (?:take in|hear|land)|a big thing|big news|a lot|hard to hear|a shock)\b(?! for (?:him|her|them))",
    r"\b(?:drop|dropped|dropping|spring|sprang|springing|sprung|land|landed|landing) (?:that|this|it|something like that) on you\b|\bto drop on you\b",
])


#: The therapist letting a topic go after a refusal ("I'll leave the phone business alone").
_LETS_GO = compile_any([r"\bi (?:will|am going to|shall) (?:just )?(?:leave|drop|let go of|stop asking about|stop going on about|not push|not keep on about)\b"])


#: Leaving the door open to what the patient waved away ("I just want to leave the door open for
#: that", "I just wanna make room for that"): after frame talk, the therapist's return to it.
_DOOR_OPEN = compile_any([r"\b(?:leave|keep|leaving|keeping) the door open\b|\bmake room for (?:that|it|this)\b|"
                          # "if it ever happens again, you can always tell me how it was"
                          r"\byou can (?:always |still )?(?:tell me|let me know|bring it (?:up|here))\b(?:\s+\w+){0,3}\s+(?:how it was|if it|about it|what it)"])


#: The patient's "fine" set against what followed ("you've said the six weeks weren't a big deal,
#: and yet ..."): about a frame topic, it doubts the decline; about school, it is a challenge.
_FINE_AND_YET = compile_any([
    r"\byou (?:have )?(?:said|told me)\b(?:\s+\w+){0,8}?\s+(?:fine|okay|nothing|no big deal|(?:was|were) not (?:a )?(?:big deal|a problem)|(?:did|does) not matter)\b"
    r"(?:\s+\w+){0,10}?\s+(?:and yet|but|and at the same time)\b",
])


#: Something coming back on a condition ("if the thoughts come back"): not the therapist going back.
_COMES_BACK = compile_any([r"\b(?:if|when|whenever|should)\b(?:\s+\w+){0,10}?\s+(?:come|comes|came|coming) back\b",
                           # The session's end is no return: "before we finish, I'm on a course on the
                           # twelfth" announces; it goes back to nothing.
                           r"(?:one thing |just )?before we (?:finish|stop|end|close)\b"])


#: "You said the ...": the patient's own words recalled, which go back to the frame only when
#: the turn names it ("last time you said the days felt very long" is the patient's retirement).
_YOU_SAID = compile_any([r"you said (?:that )?(?:the|my|our|it|this)\b"])


def frame_return(d: Dialogue, i: int, topics: set[str]) -> bool:
    """A therapist turn that comes back to a frame topic already raised in this session."""
    t = d.norms[i]
    if fan.anchored(d, i):
        return True  # a feeling question referring back to the session's own frame event
    if not topics or rp.LOGISTICS_ONLY.search(t) or fr.DEFERS.search(t):
        return False
    if fr.GROUNDING.search(t):
        # "Feel your feet on the floor, here in this room": the room anchors the patient; only a
        # frame word outside the instruction names the sessions.
        t = fr.GROUNDING.sub(" ", t)
        if not (rp.FRAME_T.search(t) or cu.FRAME_T_WIDE.search(t) or mentions(t, topics)):
            return False
    if _BACK_TO_MINE.search(t) and (d.questions[i] or cu.T_REACTION_WIDE.search(t)):
        return True  # "coming back to what I said at the start, how ...?" after a frame announcement
    if _TAKES_IN.search(t) and any(d.is_therapist(j) and (names_frame(d, j) or fan.anchors(d)[j])
                                   for j in range(max(0, i - 3), i)):
        return True  # "maybe that was a big thing to drop on you": the news just told, taken up again
    let_go = _LETS_GO.search(t)
    if let_go and mentions(t[let_go.end():], topics):
        return True  # "I'll leave the phone business alone": letting the frame topic go names it
    if _DOOR_OPEN.search(t) and not _OTHERS.search(t):
        return True  # "people often say it was nothing ... I'd just like to leave the door open"
    if _FINE_AND_YET.search(t) and mentions(t, topics) and not _OTHERS.search(t):
        return True  # "you've said the six weeks weren't a big deal, and yet that's when the sleep went"
    if cu.DOUBTS_DECLINE.search(t) and not _OTHERS.search(t):
        return True  # "I wonder if it's harder than you're letting on": the earlier "it's fine", doubted
    # "if the thoughts come back, ring the line": something else coming back is no return, nor is
    # the session's end.
    returns = bool(cu.RETURN.search(_COMES_BACK.sub(" ", t)))  # read once for the three tests below
    if returns and d.questions[i] and (cu.T_REACTION_WIDE.search(t) or fr.T_REACTION_MORE.search(t)) \
            and not _OTHERS.search(t) and (cu.RETURN.search(_YOU_SAID.sub(" ", _COMES_BACK.sub(" ", t)))
                                           or mentions(t, topics) or names_frame(d, i)):
        # "Coming back to the change for a minute ... how's it sitting with you?": a return
        # with a reaction question, after frame talk, goes back to the frame however it names it.
        return True
    back_ref = bool(returns and (_BACK_REF.search(t) or _back_to_topic(t)) and not _ARRANGING.search(t))
    if not mentions(t, topics) and not names_frame(d, i) and not _MY_GOING.search(t) and not back_ref:
        return False  # neither a topic raised before nor the frame named afresh ("my being away")
    shared = topic_words(t) & topics
    if shared and shared <= {_stem(m.group()) for m in fr.DATE_WORDS.finditer(t)} \
            and not (returns or names_frame(d, i) or _MY_GOING.search(t) or back_ref):
        return False  # only a day or a date in common ("what would it be like to ask Dean to do Tuesdays?")
    if fan.OTHER_PEOPLE.search(t) and not names_frame(d, i) and not back_ref and not _MY_GOING.search(t):
        return False  # "coming back to your dad ... not ending up like him": a topic word in the patient's life
    return bool(returns or cu.T_REACTION_WIDE.search(t) or rp.T_FRAME_REACTION.search(t) or fa.T_OWN_ABSENCE.search(t)
                or re.search(r"\b(?:feel|feels|feeling|feelings|talk about|wonder|wondering)\b", t))


def _back_to_topic(t: str) -> bool:
    """A return phrase whose object is a frame topic word ("come back to the video thing",
    "go back to the break for a moment"): going back names the topic even when the
    announcement's own word was lost (misheard in captions, or a paraphrase)."""
    for m in cu.RETURN.finditer(t):
        after = " " + " ".join(t[m.end():].split()[:4]) + " "
        if cu.TOPIC_WORDS.search(after) or fa.ARRANGEMENT_TOPICS.search(after):
            return True
    return False


def patient_return(d: Dialogue, i: int, topics: set[str]) -> bool:
    """A patient turn that goes back, with feeling, to a frame topic raised in this session
    ("can I go back to the conference thing, I think it did bother me")."""
    t = d.norms[i]
    if topics and fr.P_REVISES_DECLINE.search(t):
        return True  # "I said it didn't matter, but I've been sat here thinking ..."
    if not topics or not mentions(t, topics):
        return False
    return bool(cu.P_BACK.search(t) and cu.P_REACTION_WIDE.search(t))


def topics_of(d: Dialogue, first: int, last: int) -> set[str]:
    """Frame topic words of an episode and of the announcement just before it."""
    out: set[str] = {FRAME_RAISED}  # even a frame named in no listed topic word ("a month")
    for j in range(max(0, first - ANNOUNCEMENT_CONTEXT), last + 1):
        if j < first and not d.is_therapist(j):
            continue  # the announcement is the therapist's
        out.update(topic_words(d.norms[j]))
    return out


def topic_words(t: str) -> set[str]:
    """The stemmed frame topic words of normalised text ``t``, the dates included."""
    return {_stem(m.group()) for pattern in (cu.TOPIC_WORDS, fr.DATE_WORDS, fa.ARRANGEMENT_TOPICS)
            for m in pattern.finditer(t)}


#: Marks that some frame talk has happened in the session; it stems no word.
FRAME_RAISED = "<frame>"


def _stem(word: str) -> str:
    # "finish" raised, "finishing" returned to; "holiday" and "holidays"; a date of two
    # words ("twenty eighth") is kept whole, or every date in the twenties would match.
    return word if " " in word else word[:5]


def mentions(t: str, topics: set[str]) -> bool:
    """Whether normalised text ``t`` names one of the frame ``topics`` raised so far."""
    return bool(topic_words(t) & topics)


#: A refusal this long is the patient telling their story rather than waving the return away.
RETURN_REPLY_WORDS = 30


def late_returns(d: Dialogue, labels: list[str | None]) -> list[str | None]:
    """Frame returns read again once every frame episode of the session is known.

    The first pass remembers only the frame topics its own cues raised; a frame
    episode that only the learned scorer found ("the two cancelled Thursdays")
    leaves its topics unknown there, so a later return to them ("I just want to
    leave the door open, in case the lockdowns did bother you") reads as nothing.
    Here the topics come from the final labels: a therapist turn that
    :func:`frame_return` reads as going back to one becomes frame talk, and so does
    the patient's short refusal of it, which makes the pair the seed pattern's return.
    """
    out = list(labels)
    topics: set[str] = set()
    for i in range(d.n):
        if out[i] in ("frame_feelings", "transference_link"):
            topics |= topics_of(d, i, i)
            continue
        if out[i] is not None or not d.is_therapist(i) or not topics or not frame_return(d, i, topics):
            continue
        out[i] = "frame_feelings"
        j = i + 1
        if j < d.n and d.is_patient(j) and out[j] is None and not d.acks[j] and d.words[j] < RETURN_REPLY_WORDS \
                and utterance_stance(d.norms[j], True)[0]:
            out[j] = "frame_feelings"
    return out
