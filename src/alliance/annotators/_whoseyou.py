"""Whose "you": speech in quotation marks, and feelings other people have.

A patient's "you" is the therapist's only when the patient speaks to them. In
quoted speech ('I thought, "this isn't about you"') it belongs to whoever was
quoted; in a feeling whose subject is someone else ("people who didn't judge
me", "they know they can trust you") it is a generic "you" in another
relationship (codebook section 2: talk about other relationships is not
relationship talk).
"""

from __future__ import annotations

import re

from alliance.annotators._lexicon import normalize

__all__ = ["unquoted", "feels_about_you"]

#: Speech in quotation marks ('I thought, "this isn't about you"'): someone's words, not a "you" for the therapist.
_QUOTED = re.compile(r"[\"\u201c][^\"\u201d]{2,}[\"\u201d]")
#: Someone else as the one who feels ("these people didn't judge me", "they know they can trust you").
_THIRD_AGENT = frozenset("they them people she he everyone everybody nobody somebody someone friends who".split())


def unquoted(text: str, norm: str) -> str:
    """``norm`` with any speech in quotation marks left out of ``text``, else ``norm`` itself."""
    return normalize(_QUOTED.sub(" ", text)) if ('"' in text or "\u201c" in text) else norm


def feels_about_you(pattern: re.Pattern[str], t: str, joint: bool = False) -> bool:
    """Whether some match of ``pattern`` in ``t`` is a feeling between the patient and "you".

    The nearest subject before the feeling decides: "you" (not the filler "you know"),
    "I" or "we" keep it; another person ("people who didn't judge me", "they can trust
    you") makes it a feeling about another relationship. In ``joint`` work that other
    person may be the client in the room ("I don't think she can be honest with you"):
    a relative voicing it counts (codebook decision 17), so any match does.
    """
    for m in pattern.finditer(t):
        if joint:
            return True
        if m.group(0).split()[:1] == ["you"]:
            return True
        words = t[:m.start()].split()[-12:]
        for k in range(len(words) - 1, -1, -1):
            w = words[k]
            if w == "you" and (k + 1 >= len(words) or words[k + 1] not in ("know", "mean", "see")) or w in ("i", "we"):
                return True
            if w in _THIRD_AGENT:
                break
        else:
            return True
    return False
