"""Anchoring to the session's own frame event: the reading of a feeling question by what it
refers back to, when the event is one no topic list names.

The frame event of a session is often something no lexicon lists: a door left locked
last week, a session cut short for an emergency, a handover to a named colleague,
meeting half as often, a move to phone reviews. The structure is what marks it:

1. **The telling** (:data:`TELLS_EVENT`). The therapist tells of or apologises for the
   event, usually before the work starts ("first, I owe you an apology: last Thursday
   I ...", "before we start, about last week, I had to ...", "one change on our side:
   from next month ..."): a telling or apology marker together with an event of the
   therapist's or of the sessions (a first-person act, a date, the clinic, the
   sessions). That turn is the session's anchor.
2. **The reference back** (:func:`anchored`). A later therapist question about the
   patient's feeling or experience ("how did it land", "how was it for you", "what comes
   up when you think about", "I wonder if it felt like", :data:`FEELING_Q`) that refers
   back to the anchor is frame talk, and after a decline it is a return. It refers back
   when it comes straight after the telling (the next therapist question or the one
   after a logistics answer), shares a salient word with the anchor or with an earlier
   frame question (its stem: "locked door", "Eastgate", the colleague's name; never a
   common word, :data:`_COMMON`), shares its "last week", or says it asks again ("I know
   I've asked before", :data:`ASKS_AGAIN`) after frame talk.
3. **Not the patient's life.** A feeling question naming someone in the patient's life
   ("when your GP rang", "to look after her") is about that life, whatever words it
   shares with the anchor (:data:`OTHER_PEOPLE`).

All patterns are written against :func:`alliance.annotators._lexicon.normalize`.
"""

from __future__ import annotations

import re
from weakref import WeakKeyDictionary

from alliance.annotators._lexicon import KIN, Dialogue, compile_any

__all__ = ["TELLS_EVENT", "FEELING_Q", "ASKS_AGAIN", "OTHER_PEOPLE", "anchors", "anchored", "salient"]

#: A telling or apology marker: the therapist bringing news or owning an event.
_TELLING = (
    r"i (?:owe you|need to (?:make|give you)|want to (?:make|give you)|must (?:make|give you)) an apology|i (?:want to |need to |must )?apologi[sz]e\b|"
    r"before (?:we|anything) (?:\w+ )?(?:start|begin|get (?:going|into|started)|anything else)|"
    r"(?:some|a bit of|a piece of) news\b|(?:one|a|some) (?:change|changes) (?:on|from) (?:our|my) side|"
    r"(?:need|have|want|got|gotta|ought) to (?:let you know|tell you|mention)|"
    r"(?:something|one thing) i (?:need|have|want|should|must|ought) to (?:tell you|let you know|say)|i should (?:tell|let) you (?:know )?|"
    r"(?:something|one thing) i would like (?:us|you) to (?:think|talk) about"
)
#: An event of the therapist's or of the sessions: a first-person act, a date or the clinic.
_EVENT = (
    r"\bi (?:had to|have to|could not|can not|will|will be|am going|am moving|am dropping|am going down|was|got|have been)\b|"
    r"\bmy last (?:day|week|session)|\bfrom (?:next|the start|the end)|\bwe will (?:be )?(?:meet|meeting|see|seeing|move|moving|have)|"
    r"\bthe (?:clinic|practice|service|unit|board|team|office|secretary)\b|\bour (?:sessions|appointments|unit)\b|"
    r"\bi am (?:finishing|leaving|stopping|going on leave|off on leave)\b|"
    r"\blast (?:week|monday|tuesday|wednesday|thursday|friday|time)\b"
)
#: The therapist's turn that tells of or apologises for the session's frame event.
TELLS_EVENT = compile_any([
    rf"(?:{_TELLING})\b(?:\s+\w+){{0,30}}?\s*(?:{_EVENT})|(?:{_EVENT})\b(?:\s+\w+){{0,12}}?\s*(?:{_TELLING})",
    # The cut itself, told without a marker ("about last week, I had to finish early").
    r"\bi had to (?:\w+ ){0,2}(?:stop|finish|end|cut|cancel|leave|close|rush off|run off)\b(?:\s+\w+){0,4}?\s+(?:early|short|session|sessions|last)\b",
])

#: A question about the patient's feeling or experience of something.
FEELING_Q = compile_any([
    r"how (?:did|do|does|will|would|is|was) (?:you|it|that|this) (?:feel|land|sit|sitting|landing|be for you)\b|how (?:did|does|do) (?:it|that) feel",
    r"how (?:is|was|has|will) (?:it|that|this) (?:been |going to be |be )?for you\b|how (?:is|was) (?:that|it)\s*$",
    r"what (?:comes|came|come) up (?:for you )?when you (?:think|thought|remember)|what (?:is|was|will|would) (?:it|that) (?:be )?like\b",
    r"i wonder (?:if|whether) (?:it|that|you|some of)\b(?:\s+\w+){0,4}\s+(?:felt|feels|feel|were|are|was)\b",
    r"(?:does|did|do) (?:it|that|you) feel like\b|how are you feeling about\b",
    # "When you imagine that first Thursday ... what do you picture?"
    r"what do you (?:picture|imagine)\b",
    # "How was it today, talking with the camera running?"
    r"how (?:is|was|has) (?:it|that|this)(?: been)?(?: today| this time| just now)? (?:talking|having|being|doing|knowing|sitting|working)\b",
    # "How do you reckon it'll feel, walking in there that first time?"
    r"how (?:do|did|would) you (?:reckon|think|imagine|suppose|guess|expect|picture) (?:it|that|this|you) (?:will|would|might|is going to|are going to) (?:feel|be)\b",
    # A wondering said as a statement: "it can feel like being dropped ... if it was like that for you".
    r"(?:it|that) (?:can|could|might|may) (?:feel|have felt) like\b|if (?:it|that) was like that for you",
])

#: The therapist saying they ask again ("I know I've asked a few times", "let me ask again").
ASKS_AGAIN = compile_any([
    r"i know i have asked|i have asked (?:you )?(?:a few times|before|already|twice)|ask (?:you )?(?:again|once more)|asked (?:a few times|before|already)",
])

#: Someone in the patient's life, or a pronoun for them: the question is about that life.
OTHER_PEOPLE = compile_any([
    KIN + r"|neighbou?rs?|colleagues?|manager|landlord|flatmates?|roommates?|doctor|gp|nephew|niece|cousins?|"
    r"he|she|him|her|his|hers"
])

#: A short answer naming whom the patient asked about ("That's him."), before the question itself.
_NAMES_THEM = re.compile(r"^ (?:(?:yes|yeah|aye|mm) )*(?:that is|it is|that would be) (?:him|her|them|the one)\b")

#: Words too common to tie a question to an event: function words, time and talk words,
#: and the verbs of any question.
_COMMON = frozenset("""
about above after again also always another anything around away back because been before being both
came cannot come comes coming could days didn doesn doing done down each early else even ever every
feel feeling feelings felt first from gets going gone good gotta have having hear hearing here into just
know knowing last later left like little look make many maybe mean might more most much must need next
okay only other over please pretty quite really right said same says seem should since some something
sometimes sorry start started still such sure take tell than thank thanks that their them then there
these they thing things think thinking this those though thought through time times today told took
very want wanted well were what when where which while will wish with without wonder wondering would
your yours week weeks month months year years about apology owe news change changes mention
session sessions because bit lot kind sort talk talking ask asked asking again honestly actually
""".split())


#: Kinds of event named in common words: a session ended early is "stopped early" when told and
#: "when a session ends early" when asked about, sharing no uncommon word.
_KINDS = {
    "<ended early>": compile_any([r"\b(?:stop|stopped|stopping|finish|finished|finishing|end|ends|ended|ending|cut|leave|left)\b"
                                  r"(?:\s+\w+){0,4}?\s+(?:early|short)\b"]),
}


def salient(text: str) -> set[str]:
    """The stems of the uncommon words (four letters or more) of normalised ``text``, and the
    kinds of event it names (:data:`_KINDS`)."""
    return {_stem(w) for w in re.findall(r"[a-z]{4,}", text) if w not in _COMMON} | {
        kind for kind, pattern in _KINDS.items() if pattern.search(text)}


def _stem(word: str) -> str:
    # "stopped" and "stop", "locked" and "lock", "meeting" and "meet": a light suffix strip.
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) >= 4 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]
    return word


_CACHE: WeakKeyDictionary[Dialogue, tuple[list[bool], list[bool]]] = WeakKeyDictionary()

#: How many utterances after the telling a feeling question needs no shared word.
NEAR = 4


def anchors(d: Dialogue) -> list[bool]:
    """Per utterance, whether it is a therapist's telling of the session's frame event."""
    return _read(d)[0]


def anchored(d: Dialogue, i: int) -> bool:
    """Whether therapist turn ``i`` asks about the patient's feeling on the session's frame event."""
    return _read(d)[1][i]


def _read(d: Dialogue) -> tuple[list[bool], list[bool]]:
    """(tellings, anchored feeling questions) of a dialogue, read once in order."""
    if d in _CACHE:
        return _CACHE[d]
    tells = [d.is_therapist(i) and bool(TELLS_EVENT.search(d.norms[i])) and not FEELING_Q.search(d.norms[i])
             for i in range(d.n)]
    asks = [False] * d.n
    words: set[str] = set()
    last_week = False
    told_at: int | None = None
    for i in range(d.n):
        t = d.norms[i]
        if tells[i]:
            words |= salient(t)
            last_week = last_week or "last week" in t
            told_at = i
            continue
        if told_at is None or not d.is_therapist(i) or not FEELING_Q.search(t) or OTHER_PEOPLE.search(_NAMES_THEM.sub(" ", t)):
            continue
        near = i - told_at <= NEAR and not any(asks[told_at + 1:i])
        refers = bool(salient(t) & words) or last_week and "last week" in t
        again = any(asks[:i]) and bool(ASKS_AGAIN.search(t))
        if near or refers or again:
            asks[i] = True
            words |= salient(t)
    _CACHE[d] = (tells, asks)
    return tells, asks
