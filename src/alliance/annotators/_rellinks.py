"""Two readings of the dialogue's shape for relationship talk: a patient's comparison of
the therapist with someone from their life, and a turn that is only a silence.

1. **A link by comparison** (:data:`P_LINK_ACT`). A patient turn that sets what the
   therapist does beside what someone in the patient's life did ("the way my
   brother went off ... and now you're cutting a day"), or what the patient does with
   the therapist beside what they did with someone else ("I tell you it's fine, the
   same way I told my mother"), is a transference link, whoever is named and
   whatever the verbs: the comparison marker joins a clause about "you" to a clause
   about another person. A comparison with no "you" in it ("the way my dad went
   off, like my uncle") links nobody to the therapist.
2. **Taking the other's side** (:data:`P_SIDES`). In joint work, a client saying the
   therapist is with the other client ("you always end up on her side", "you just agree
   with everything he says", "it's you and her against me"), or what the therapist did
   to the other ("you really wound him up"), is about the therapist, though the "you"
   follows the partner's turn: the "her" or "him" can only be the partner.
3. **Whose "you"** (:func:`in_role`, :func:`to_partner`). After the therapist sets up an
   exercise addressing someone absent, the patient's "you" is that someone; in joint
   work, a client's "you" right after the other client is the partner. The therapist
   turning to the other client about what was just said ("Robin, what's it like hearing
   your mum say that?") keeps the topic (:data:`T_ASKS_OTHER_ABOUT_IT`).
4. **A silence** (:data:`SILENCE_ONLY`). A turn that only records a silence or a
   pause ("(A long silence.)") says nothing: it answers no relationship talk and
   carries none on; it is a gap in an episode, not a part of it.
"""

from __future__ import annotations

from alliance.annotators._lexicon import Dialogue, compile_any
from alliance.annotators._relconduct import T_SETS_ROLE
from alliance.annotators._relpatterns import KIN

__all__ = ["SECOND_PERSON", "P_LINK_ACT", "P_SIDES", "T_ASKS_OTHER_ABOUT_IT", "SILENCE_ONLY", "ROLE_REACH", "in_role", "to_partner"]

_COMPARE = r"(?:the same way|the way|just like|same as|like when|like the time|same thing as)"
#: A person of the patient's life: kin, or a first name the comparison introduces.
_SOMEONE = rf"(?:my|her|his|our) (?:\w+ )?(?:{KIN})|[a-z]{{3,}}"

P_LINK_ACT = compile_any([
    # "... you ... the same way I told my mother", "you ... just like he did with my sister".
    rf"\byou\b(?:\s+\w+){{0,10}}\s+{_COMPARE} (?:i|he|she|they|we) (?:\w+ ){{1,2}}(?:to |with |at |around )?"
    rf"(?:my|her|his|our) (?:\w+ )?(?:{KIN})\b",
    # "the way Danny went off to college ... and now you're closing a day".
    rf"\b{_COMPARE} (?:{_SOMEONE}) (?:went|left|walked|moved|stopped|disappeared|cancelled|dropped|shut|closed|used to|would|did)\b"
    rf"(?:\s+\w+){{0,25}}\s+(?:and )?(?:now|here|then) you (?:are|were|have|had|go|went|do|did|keep|kept|will)\b",
])

P_SIDES = compile_any([
    r"\byou\b(?:\s+\w+){0,4}?\s+(?:(?:end|ends|ended|come|comes|came) (?:up |down )?)?on (?:her|his|their) side\b",
    r"\byou (?:\w+ )?(?:back|backs|backed|believe|believed|side with|sided with|stick up for|stuck up for) (?:her|him)\b(?:\s+\w+){0,3}\s+"
    r"(?:every time|always|over me|not me|instead of me|again)\b",
    r"\b(?:you and (?:her|him)|the two of you|you both) (?:are |were )?(?:against|ganging up on|teaming up on) me\b",
    # "you just agree with everything she says", "you nod along with whatever he says".
    r"\byou (?:just |always |only |all )?(?:agree|agreed|agreeing|nod|nodded|nodding|go|went|side|sided|siding)(?: along)? with "
    r"(?:everything |whatever |all )?(?:she|he|her|him)\b",
    # The therapist's effect on the other client ("you really wound him up last week").
    r"\byou (?:really |totally |properly |just )?(?:wound (?:him|her) up|upset (?:him|her)|annoyed (?:him|her)|hurt (?:him|her)|"
    r"offended (?:him|her)|embarrassed (?:him|her)|rattled (?:him|her))\b",
])

SILENCE_ONLY = compile_any([
    r"^ (?:(?:a|an|another|long|longer|short|brief|little|some|several|few|of|about|one|two|three|four|five|"
    r"seconds?|minutes?|quiet|pause|pauses|silence|silent|more|the|patient|is|lies|down|sits|there)\s)*"
    r"(?:silence|pause|pauses)(?:\s(?:of|about|a|one|two|three|four|five|few|seconds?|minutes?|follows|continues))*\s$",
])


#: How many utterances back a role-play instruction still gives the patient's "you" away.
ROLE_REACH = 4


def in_role(d: Dialogue, i: int) -> bool:
    """Whether patient turn ``i`` speaks in a role the therapist just set up (a chair, a
    rehearsal): its "you" is the person addressed in the exercise."""
    return any(d.is_therapist(j) and T_SETS_ROLE.search(d.norms[j]) for j in range(max(0, i - ROLE_REACH), i))


#: A second-person word ("you", "your", "yours", "yourself").
SECOND_PERSON = compile_any([r"you|your|yours|yourself"])


def to_partner(d: Dialogue, i: int) -> bool:
    """Whether client turn ``i`` in joint work says "you" to the other client."""
    return d.client_names is not None and not d.is_therapist(i) and not d.you_is_therapist(i) \
        and bool(SECOND_PERSON.search(d.norms[i]))


#: The therapist in joint work asking one client to say it to the other (an enactment: "can you
#: say to Niamh what you heard, rather than to me?"): about the couple, not the therapist.
T_ENACTS = compile_any([
    r"(?:say|tell|ask|talk|speak|turn)\b(?:\s+\w+){0,10}?\s+(?:rather than|instead of) (?:to |at )?me",
    r"(?:say|tell|talk|speak|turn|ask)(?: (?:that|this|it|them|those))? (?:directly )?to (?:each other|one another)",
    # Mirroring: one client asked what they heard the other say ("Ben, what did you hear Jess
    # say just now?"); its "just now" is the partners' exchange, not the two of them and the therapist.
    r"what (?:did|do) you (?:hear|notice) (?:\w+ ){0,3}(?:say|saying|said|ask|asking|tell|telling)\b|what (?:did|do) you hear (?:just (?:now|then)|there)",
])


T_ASKS_OTHER_ABOUT_IT = compile_any([
    r"\b(?:hear|hearing|heard) (?:\w+ ){0,3}(?:say|said|saying|talk about) (?:that|this|it)\b|\b(?:to hear|hearing) (?:that|this|it)\b|"
    r"\bwhat do you make of (?:that|this|what (?:\w+ ){0,2}(?:said|just said))\b",
])
