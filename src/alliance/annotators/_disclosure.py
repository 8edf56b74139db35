"""Self-disclosure read from the dialogue: answering the patient's question about oneself.

Kept apart from :mod:`alliance.annotators.flags` so that module stays small: the
wording of disclosures lives in :mod:`alliance.annotators._flagpatterns`; here is
the structure (a question about the therapist, answered in the first person; an
answer about oneself before turning back to the patient).
"""

from __future__ import annotations

import re

from alliance.annotators import _flagpatterns as fp
from alliance.annotators._lexicon import Dialogue, compile_any, normalize

__all__ = ["answers_own_life", "told_own_life"]

#: Turning the talk back to the patient after answering about oneself ("this isn't about me").
_REDIRECT = compile_any([r"(?:this|it) is not about me|enough about me|(?:come|get|go) back to you\b|back to you\b|"
                          r"i am (?:more|much more|really more) interested in (?:you|what you|how you|yours)"])
#: A patient question put to the therapist about something they did ("You catch the game?").
_ASKS_YOU_DID = compile_any([r"\b(?:did )?you (?:catch|see|watch|go|get|have|ever|like|do|hear|try|read)\b"])
#: Promising an answer later ("can I get back to you this afternoon?"): a reply owed, not a turn back.
_PROMISE = compile_any([r"(?:will|would|can|could|shall|let me|i am going to|i will|to) (?:\w+ )?get back to you\b"])
#: The reply turning to what the patient is saying ("because you're saying ..."): about the patient, not the therapist.
_ABOUT_THEIR_WORDS = compile_any([r"(?:because|when|if|that) you (?:are saying|were saying|say|said|tell me|told me)\b"])
#: An elliptical answer to "do you have ...?" ("A small one", "Two, both grown up").
_ELLIPTICAL = compile_any([r"^ (?:(?:oh|well|yes|yeah|ha) )*(?:a|an|one|two|three|four|just the one|a couple|a few|only one)(?= )|"
                           r"^ (?:(?:oh|well|yes|yeah|no) )*(?:married|divorced|single|widowed|separated|engaged)\b"])
#: What a question about the service asks for ("a waiting list", "parking"): not the therapist's life.
_SERVICE = compile_any([r"waiting list|list|appointments?|slots?|availability|space|service|fees?|costs?|price|parking|toilets?|wifi|website|"
                        r"forms?|leaflets?|letter|referral|number|email|address|room|office"])
#: A bare "I did, thanks" answers politely and tells nothing: an answer needs some detail.
_ANSWER_WORDS = 6


def told_own_life(t: str) -> bool:
    """Whether the therapist said something about themselves before turning back to the patient.

    "Twice, actually. Anyway, this isn't about me." tells the answer; "I'm not sure.
    Can I get back to you later with that?" owes one.
    """
    redirect = _REDIRECT.search(t)
    return redirect is not None and len(t[:redirect.start()].split()) >= 2 and not _PROMISE.search(t)


def answers_own_life(d: Dialogue, i: int, t: str) -> bool:
    """Whether the therapist answers, with their own life, a question the patient just asked about it."""
    prev = i - 1
    if prev < 0 or d.is_therapist(prev):
        return False
    if fp.ASKS_RECEIVED.search(d.norms[prev]):
        return False  # "Did you get my email?" asks about the work, not the therapist's life
    asks = fp.ASKS_THERAPIST_LIFE.search(d.norms[prev]) or (
        d.texts[prev].rstrip().endswith("?") and _ASKS_YOU_DID.search(d.norms[prev]))
    # "I did, actually. Tough loss." tells something; "I did, thanks. How about you?" does not:
    # the answer, before any question handed back, must hold words beyond courtesy.
    back = fp.HANDS_BACK.search(t)
    answer = t[:back.start()] if back else t
    # A question of one's own after the answer ("I did hear that. Where will everyone park?")
    # tells nothing, nor do the question's own words said back.
    said = normalize(" ".join(x for x in re.split(r"(?<=[.!?])\s+", d.texts[i].strip()) if not x.rstrip().endswith("?")))
    asked = set(d.norms[prev].split())
    detail = [w for w in answer.split() if w not in fp.COURTESY and w in said.split() and w not in asked]
    told = d.words[i] >= _ANSWER_WORDS or (d.words[i] >= 4 and "." in d.texts[i].rstrip(". "))
    # An answer that turns to arranging sessions ("I do, the centre's closed, so could we do
    # Tuesday?") is logistics (decision 18).
    if fp.NOT_SELF_DISCLOSURE.search(t) or len(detail) < 2 or fp.ARRANGES.search(t) or fp.PROFESSIONAL.search(t) \
            or _ABOUT_THEIR_WORDS.search(t):
        return False
    if asks and told and fp.ANSWERS_OWN.search(t) and not _asks_for_help(d.norms[prev]):
        return True
    # By structure: a question with the therapist as the subject of a personal verb, answered in
    # the first person ("Who do you barrack for?" / "The Swans, since I was a kid"), unless the
    # answer is about the work (decision 18: professional information is not self-disclosure).
    # The first sentence must be the answer ("Yes, thanks. Now, where were we?" only turns back).
    if d.words[i] < 4 or not _asks_about_you(d, prev):
        return False
    parts = re.split(r"[.!?]+\s+", d.texts[i].strip(), maxsplit=1)
    first = normalize(parts[0])
    # An elliptical answer goes on about it in a sentence of its own ("A small one. Mostly
    # weeds, if I'm honest."): the noun phrase answers, the next sentence tells.
    # A single elliptical sentence is enough when the question plainly asked about the
    # therapist's life ("Any pets?" / "A very old tortoise called Norman.").
    told_more = _ELLIPTICAL.search(first) is not None and not _SERVICE.search(d.norms[prev]) and (
        (len(parts) > 1 and not parts[1].rstrip().endswith("?")) or (asks is not None and d.words[i] >= 5))
    return bool(fp.FIRST_PERSON.search(first)) or told_more


def _asks_for_help(norm: str) -> bool:
    """Whether a question to the therapist asks for time or help ("do you have any leaflets?")."""
    return any(m.group(2) in ("have", "got", "get") and fp.ASKS_HELP.match(norm[m.end():]) for m in fp.ASKS_YOU.finditer(norm))


def _asks_about_you(d: Dialogue, j: int) -> bool:
    """Whether patient turn ``j`` asks the therapist about their own life ("Do you have sisters?")."""
    text = d.texts[j]
    if not ("?" in text or not any(c in text for c in ".!") or d.questions[j]):
        return False
    for m in fp.ASKS_YOU.finditer(d.norms[j]):
        rest = d.norms[j][m.end():]
        # "Are you talking about ...?" asks what the therapist is doing now; "have you got a minute?"
        # and "do you have any leaflets?" ask for time or help.
        if m.group(2) in fp.NOT_PERSONAL or m.group(2).endswith("ing") or fp.ABOUT_SESSION.search(rest) or (
                m.group(2) in ("have", "got", "get") and fp.ASKS_HELP.match(rest)) or (
                m.group(2) in fp.SHARED_EVENT_VERBS and rest.startswith(" the ")):
            continue
        return True
    return False
