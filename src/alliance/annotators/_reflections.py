"""Double-sided reflections versus discrepancies (the ``confrontation`` flag).

A discrepancy challenges when it sets what the patient says against something
the therapist brings: a record, a behaviour, a look ("You say it's fine, but
you've missed three weeks"). Motivational interviewing says both sides of the
patient's own ambivalence back in the same shape ("you want the patches, but
you don't want to quit"; "you're unsure, and yet you're saying you really want
it"); the patient has said both halves, so nothing is set against them.

Read here, by structure rather than by phrase, a discrepancy cue of
:data:`alliance.annotators._flagpatterns.CONFRONT` is a double-sided reflection when

- the side after the contrast word is the patient's own telling ("yet you're
  saying", "and yet you're sharing with me"), or the therapist grants a choice
  there ("but you don't have to tell me");
- the whole contrast is framed as the patient's telling or realisation ("what I
  hear you say is ... but", "like you said ... but", "you realise that ... but")
  and the other side cites no record or time;
- or the side after the contrast word is a want or a feeling said back in the
  patient's own words from their last turns ("but you don't want to quit
  smoking" after "I don't really want to quit smoking"), or the record cited is
  the patient's own report just given ("three weeks, one day" / "you haven't
  done it in three weeks").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from alliance.annotators._flagpatterns import CONFRONT
from alliance.annotators._lexicon import compile_any

__all__ = ["confront_cue", "is_two_sided"]

#: The contrast word of a discrepancy.
_PIVOT = re.compile(r" (?:but|and yet|yet) ")
#: The patient's own telling or a choice handed to them, opening the side after the contrast word.
_OWN_SIDE = compile_any([
    r"^ (?:(?:also|still|now|here|even) )?you (?:are|were) (?:(?:also|still|now|here|even|really) )?(?:saying|sharing|telling me|telling us)\b",
    r"^ (?:(?:also|still|now) )?you (?:do not|did not|would not) (?:have|need) to\b",
])
#: The contrast framed as the patient's own telling or realisation.
_FRAMED = compile_any([
    r"(?:i hear|i am hearing|i heard|hearing) you (?:say|saying|said)|(?:like|as) you (?:said|say|were saying|just said|mentioned)\b",
    r"you (?:realise|realize|recognise|recognize|are realising|are realizing|have realised|have realized|are seeing) (?:that|now|how)\b",
])
#: The side after the contrast word voicing a want or a feeling ("but you don't want to quit").
_STANCE = compile_any([
    r"^ (?:(?:also|still|really) )?you (?:(?:do not|did not|still|really|also|kind of|sort of) )*(?:want|wanna|like|love|enjoy|feel|care|hope|wish|would like|would rather)\b",
])
#: A record or a time cited: the therapist's evidence.
_EVIDENCE = compile_any([
    r"every|since|ago|again|last|yesterday|today|tonight|morning|night|week|weeks|month|months|times|twice|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"missed|mentioned|cancell?ed|skipped|drove|left|looked|brought|late|only",
])
#: Words the therapist's evidence is made of: never taken as an echo of the patient.
_RECORD = frozenset("missed mentioned times cancelled skipped drove left looked brought since".split())
_STOP = frozenset("about that this there their have with what when your just really from they them then been were would could".split())


def _content(text: str) -> set[str]:
    return {w for w in text.split() if len(w) >= 4 and w not in _STOP}


def _echoes(side: str, patient: Sequence[str]) -> bool:
    """Whether ``side`` says back at least two of the patient's own words, and no record word."""
    words = _content(" ".join(side.split()[:10]))
    if words & _RECORD:
        return False
    said = set().union(*(_content(p) for p in patient)) if patient else set()
    return len(words & said) >= 2


def is_two_sided(norm: str, match: re.Match[str], patient: Sequence[str]) -> bool:
    """Whether the CONFRONT ``match`` in ``norm`` is a double-sided reflection or a record said back.

    ``patient`` holds the patient's last turns (normalised), nearest first.
    """
    pivots = list(_PIVOT.finditer(norm, max(0, match.start() - 1), match.end() + 1))
    if not pivots:
        # A cited record ("you haven't done it in three weeks") that only says back the
        # patient's own report of it.
        cited = norm[match.start():match.end()]
        return cited.startswith("you have ") and _echoes(cited, patient[:1])
    pivot = pivots[-1]
    side = " " + norm[pivot.end():]
    if _OWN_SIDE.search(side):
        return True
    # Framed as the patient's telling, the other side is theirs too unless it cites a
    # record or a time ("I hear you saying fine, but you've been late every week").
    if _FRAMED.search(norm[:pivot.start()]) and not _EVIDENCE.search(" ".join(side.split()[:14])):
        return True
    # Only a want or a feeling is the patient's other side; a behaviour or a record cited
    # back ("but you're still setting out two mugs"), even in their words, is evidence.
    return bool(_STANCE.search(side)) and _echoes(side, patient)


def confront_cue(norm: str, patient: Sequence[str]) -> bool:
    """Whether ``norm`` carries a CONFRONT cue that is not a double-sided reflection."""
    return any(not is_two_sided(norm, m, patient) for m in CONFRONT.finditer(norm))
