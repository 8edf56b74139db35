"""Openings raised by the patient or a relative: who opens an episode.

An episode gets its initiator from its first utterance, and the opening most
often missed is one in words no cue lists, whose meaning shows in the
therapist's next turn taking it up. Two readings of that structure:

1. **A relative raises it** (:data:`O_SPEAKS_FOR`). A relative, partner or
   interpreter (role ``other``) stepping out of their part to tell the therapist
   what the patient feels about them ("when he heard you're leaving he was
   upset", "he asked me whether you're tired of him"): the turn speaks of the
   patient in the third person and of the therapist as "you", and the therapist
   answers with a question, checking it with the patient ("is that right?").
   Its subtype is the frame when it names the therapist going or the sessions,
   else feelings about the therapist. A relative's news about someone else ("when
   he heard his brother is moving") names no "you" and stays out.
2. **The patient asks where they stand with the therapist** (:data:`P_WHERE_I_STAND`).
   A patient's "you" as the judge of the patient ("you must think I'm hopeless")
   or as the one who may leave ("will you even still be here in the new year?"),
   answered by the therapist in the first person ("No. I ...", "I'm staying"):
   the patient opened the talk the answer continues. Another person's verdict
   ("do you reckon she thinks I'm useless?") puts no "I" straight after the verb.
3. **The partner answers it** (:func:`answered_by_partner`). In joint work a client's
   "you" turn that the other client answers straight away, in the first person and by
   the speaker's name ("I'm not going anywhere, Renee"), was said to that client: its "you" is the
   partner, so it opens no talk about the therapist (codebook: partners talking to
   each other). A complaint about the therapy itself names no "you" and keeps its cue;
   a relative's turn, or one about the answerer in the third person ("she talks about
   you all week" ... "Mum! It's true, I do"), was said to the therapist.

:func:`raised` gives the subtype such a turn opens, or None; the relationship
annotator reads it as a cue (so the replies inherit it) that the learned scorer,
which reads one turn of context, may not veto; :func:`opening` applies all three
readings to the cue a turn carries in its own words.
"""

from __future__ import annotations

import re

from alliance.annotators import _cues as cu
from alliance.annotators._lexicon import Dialogue, compile_any
from alliance.model import Role

__all__ = ["O_SPEAKS_FOR", "P_WHERE_I_STAND", "P_WILL_YOU_STAY", "T_ANSWERS_AS_I", "answered_by_partner", "opening", "raised"]

_THIRD = r"(?:he|she|they)"
#: What the therapist is said to feel or do towards the patient, or their going: "you are
#: tired of him", "you do not want to hear", "you are leaving" (not "you could write a letter").
_ATTITUDE = (r"(?:(?:are|were|will be|would be|do not|did not|does not|really|still|even|might|may|get|got|are getting) ){0,2}"
             r"(?:tired|fed up|sick|bored|angry|cross|annoyed|upset|disappointed|going|leaving|moving|off|away|transferring|"
             r"retiring|finishing|stopping|like|likes|liked|hate|hates|want|wants|care|cares|believe|believed|listen|judge|"
             r"judging|blame|blaming|mind)\b")
#: A relative reporting the patient's reaction to, or question about, the therapist.
O_SPEAKS_FOR = compile_any([
    rf"{_THIRD} (?:(?:even|also|actually|really|once) )?(?:asked|asks|asked me|asks me|keeps asking|kept asking|was asking|keeps saying|wondered|wonders|worried|worries|"
    rf"was worried|is worried|was scared|is scared|was afraid|is afraid|thinks|thought|feels|felt|told me|tells me|said|says)"
    rf"(?: (?:me|to me))?(?: (?:if|whether|that|maybe|perhaps))* you {_ATTITUDE}",
    rf"when {_THIRD} (?:heard|found out|learned|learnt|was told|knew|realised|realized)(?: that)? you {_ATTITUDE}",
    rf"{_THIRD} (?:is |has |is been |has been |was )?(?:dreading|dreads|dreaded) you {_ATTITUDE}",
    # The patient's openness with the therapist set against the family's: "she talks to you more
    # than she's talked to me in a year", "he says more to you than he ever does to us", "Mia only
    # really opens up to you".
    r"\b(?:talks|talked|says|said|tells|told) (?:(?:a lot |so much |far |way )?more |things |stuff )?(?:to |with )?you "
    r"(?:(?:a lot |far |way )?more |things )?(?:than|that (?:he|she|they) (?:never|would not|does not|will not))\b",
    r"\b(?:only |really |just |actually )*(?:opens up|opened up|confides|confided) (?:to|with|in) you\b",
])
#: The therapist going, or the sessions, in a relative's report: the frame.
_FRAME = compile_any([
    r"you (?:are|were|will be|would be) (?:going|leaving|moving|off|away|transferring|retiring|finishing|stopping)",
    r"going away|moving on|transferred|transfer|leave|leaving|last session|sessions? (?:end|ending|stop)",
])
#: The patient's "you" as the judge of the patient: "you must think I'm", "you reckon I'm".
P_WHERE_I_STAND = compile_any([
    r"you (?:(?:probably|must|must be|still|really|secretly|already|all|are|bet|even) ){0,2}"
    r"(?:think|thinking|reckon|reckoning|believe|figure|suppose|assume|see me as|consider me)(?: that)? i (?:am|was|have been|cannot|do not|did not)\b",
    r"(?:do|did|does) you (?:(?:even|actually|still|really) )?(?:like|want to see|want to work with|mind seeing|rate|believe) me\b",
    r"(?:are|were) you (?:(?:getting|even|secretly|already) )?(?:sick|tired|bored|fed up) (?:of|with) me\b",
])
#: The patient asking whether the therapist will stay.
P_WILL_YOU_STAY = compile_any([
    r"(?:are|will|would|were) you (?:(?:even|still|actually|really|definitely) ){0,2}(?:going to )?"
    r"(?:be (?:about|around|here|staying|leaving|sticking around)|stay|staying|leave|leaving|stick around|going anywhere|moving on)\b",
])
#: The therapist answering in the first person, or with a straight no.
T_ANSWERS_AS_I = compile_any([
    r"^ (?:(?:no|nope|yes|yeah|well|honestly|actually|truthfully|not at all|of course|of course not|mm|hmm) )*i\b",
    r"^ (?:no|not at all|of course not|never)\b",
])


def raised(d: Dialogue, i: int) -> str | None:
    """The relationship subtype utterance ``i`` opens as a raised topic, or None."""
    nxt = i + 1
    if nxt >= d.n or not d.is_therapist(nxt) or d.acks[i] or d.words[i] < 5 or d.is_therapist(i):
        return None
    t = d.norms[i]
    if d.roles[i] is Role.OTHER:
        if not d.questions[nxt] or not O_SPEAKS_FOR.search(t):
            return None
        return "frame_feelings" if _FRAME.search(t) else "feelings_about_therapist"
    if not d.is_patient(i) or not d.you_is_therapist(i) or cu.REPORTED.search(t) \
            or not T_ANSWERS_AS_I.search(d.norms[nxt]):
        return None
    if P_WILL_YOU_STAY.search(t) and d.questions[i]:
        return "frame_feelings"
    if P_WHERE_I_STAND.search(t):
        return "feelings_about_therapist"
    return None


_YOU = compile_any([r"you|your|yourself"])
_I = compile_any([r"i|me|my|myself"])
_THIRD_P = compile_any([r"he|she|him|her|his|hers"])
#: Cues that rest on a "you" (a complaint about the therapy does not).
_YOU_CUES = frozenset({"feelings_about_therapist", "here_and_now", "transference_link"})


def answered_by_partner(d: Dialogue, i: int) -> bool:
    """Whether client turn ``i`` in joint work is answered at once by the other client by name."""
    nxt = i + 1
    if d.client_names is None or nxt >= d.n or d.is_therapist(i) or d.is_therapist(nxt):
        return False
    speaker = d.utterances[i].speaker
    if d.utterances[nxt].speaker == speaker or not d.is_patient(i) or not _YOU.search(d.norms[i]) \
            or _THIRD_P.search(d.norms[i]):
        return False  # a turn about the answerer in the third person ("she talks about you") is to the therapist
    name = next((s.name for s in d.speakers if s.id == speaker and s.name), None)
    if not name or not name.strip():
        return False
    # The partner takes the "you" as their own "I" ("I'm right here, Robin"); naming the
    # speaker to rebuke them ("Callum, come on") says nothing about whom "you" meant.
    return bool(_I.search(d.norms[nxt])) and bool(compile_any([re.escape(name.lower().split()[0])]).search(d.norms[nxt]))


def opening(d: Dialogue, i: int, cue: str | None) -> str | None:
    """The cue utterance ``i`` carries as an opening: ``cue`` unless the partner answers
    it (reading 3), else the subtype a raised topic opens (readings 1 and 2)."""
    if cue is not None:
        return None if cue in _YOU_CUES and answered_by_partner(d, i) else cue
    return raised(d, i)
