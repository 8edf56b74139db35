"""Confrontation read as an answer to a claim the patient has just made about themselves.

Kept apart from :mod:`alliance.annotators._flagstructure` so that each module stays small.
The reading (codebook section 1: "challenges, argues, disagrees, points out a discrepancy
without permission"; gold README decision on unsolicited contrary readings): the patient
claims something of themselves, denying or minimising a feeling or a state ("I'm not
scared", "it's only money", "I've moved on"), and the therapist's next turn

- cites the patient's own record against it, with a when or how often ("you've asked me
  twice what happens if it's bad news", "last month you told me ...", "your diary says");
- asserts a contrary view ("that sounds like fear to me", "I think you were disappointed in
  me", "I find that hard to believe", "then why ...?");
- or turns the claim back with its polarity flipped ("I'm fine" / "You're not fine."), or
  echoes it in doubt before the evidence ("Have you? You still ...").

A reflection, an invitation to say more, a check that the therapist has it right, the
patient's own second thought said back, validation and the therapist's own stance are not
confrontations. Written against :func:`alliance.annotators._lexicon.normalize` output.
"""

from __future__ import annotations

import re

from alliance.annotators import _flagpatterns as fp
from alliance.annotators._lexicon import compile_any, normalize

__all__ = ["sets_against_claim", "turns_claim_back", "names_hard_feeling"]

# -- confrontation: a claim the patient made about themselves, set against the therapist's view ----
#: The patient's claim about themselves that a confrontation answers: denying or minimising a feeling
#: or a state ("I'm fine", "I don't miss her", "it's only money", "I had a great week").
_SELF_CLAIM = compile_any([
    r"i am (?:totally |completely |absolutely |really |perfectly |honestly |quite |pretty )?(?:fine|okay|ok|all right|alright|relaxed|calm|easy|happy|at peace|not fussed|over (?:it|him|her|them)|not (?:\w+ )?(?:angry|upset|bothered|scared|worried|hurt|sad|cross|annoyed|jealous|fussed|avoiding|hiding|lonely))",
    r"i (?:do not|did not|have not|never|would never|will never|could never) (?:really |even |actually )?(?:need|miss|care|mind|feel|think about|worry|get upset|get angry|go back|notice)\b|"
    r"^ (?:(?:oh|well|honestly|um) )*(?:did not|do not|never) (?:really |even )?(?:notice|mind|care|think about it|bother)\b|i have no (?:feelings|problem|issue)\b|no feelings (?:about|either)",
    r"(?:it|that|this|she|he|they|the \w+) (?:is|was|are|were|does|did) (?:not|only|just|nothing|fine)\b(?! (?:my|your|her|his|their) (?:fault|choice))|\bnot (?:a )?(?:big )?deal\b|"
    r"i had a (?:great|good|fine|lovely|brilliant) (?:week|time|weekend)|used to (?:it|people|this)|\bdoes not matter\b|(?:it is|that is|its) (?:only|just) (?:money|a|the)\b",
    # "I was only late because of the traffic"; a bare "Fine, honestly" or "Nothing really" as the whole answer.
    r"(?:will not|won t|would not|does not|did not|is not going to) (?:really )?(?:affect|bother|matter to|change|upset|hurt) me\b|"
    r"i (?:do not|did not) (?:need|have|want) to (?:talk|think|go|look)\b|(?:it|that|this) (?:is|was) not (?:about|because of|to do with)\b|i have (?:totally |completely |really )?moved on\b|"
    r"i think (?:the|my|it|this) (?:\w+ )?(?:(?:is|are|has been) )?(?:working|helping|fine|going well)\b|i am not (?:a|the) \w+ (?:person|type)\b|"
    r"^ (?:(?:no|honestly|look|well) )*i (?:did not|have not|never) (?:skip|miss|forget|take|drink|use|smoke|go|touch|text|call|see)\b|(?:i|we) get on (?:great|fine|well|brilliantly)\b|"
    r"\b(?:my|the) \w+ (?:is|are|has been) (?:under control|manageable|not a problem|no problem|fine|okay|normal)\b|"
    r"\bi am (?:coping|managing|handling it|doing (?:fine|okay|ok|well|all right)|getting on with it)\b|\bnothing is (?:wrong|going on)\b|there is nothing (?:wrong|going on)\b|"
    r"\bi was not (?:\w+ )?(?:angry|upset|bothered|scared|worried|hurt|sad|cross|annoyed|jealous)\b|\bi have (?:got )?no (?:problem|issue|issues)\b|"
    r"\bi (?:was|am) (?:just|only) \w+|\bi (?:only|just|barely|hardly) (?:had|have|drank|took|did|ate|used|smoked|spent)\b|\b(?:just|only) because\b|(?:it is|that is|it was|that was) (?:a relief|for the best|a good thing|better this way)\b",
    r"^ (?:(?:oh|yeah|yes|no|um|well|honestly) )*(?:fine|okay|all right|alright|nothing|not really)(?: (?:really|honestly|thanks|at all|much))* $|^ (?:(?:oh|yeah|well|honestly) )*fine (?:it is|its|honestly|really)\b",
])
#: Feelings a confrontation says the patient has after all.
_HELD_FEELING = (r"angry|anger|furious|livid|hurt|hurts|hurting|upset|sad|sadness|grief|loss|fear|scared|afraid|frightened|disappointed|let down|"
                 r"jealous|jealousy|envy|envious|lonely|loneliness|miss|missing|resent\w*|cross|annoyed|irritated|ashamed|shame|guilty|guilt|anxious|worried|gutted|bothered|matters|care|cares|panic|rage")
#: What the patient did ("you rang the clinic", "you've come back flat"), for the record set against a claim.
_DID = (r"told me|said|saying|asked(?: me)?|talked|talking|mentioned|brought|cancelled|missed|skipped|looked|checked|cried|gone|went|come back|came back|"
        r"kept|tapping|tapped|sat|stopped|not|rang|phoned|called|texted|spent|stayed|left|got|lost|borrowed|bought|sold|drank|had|bet|owed|\w+ed|been (?:late|absent|quiet|crying|checking|avoiding|missing|cancelling|skipping|off|talking|going)")
#: When or how often it happened ("twice", "last year", "for twenty minutes", "since I told you").
_WHEN = (r"twice|three times|four times|\w+ times|again and again|earlier|last (?:week|month|time|session|year)|that week|this month|this week|"
         r"all (?:session|week|day|hour)|most of (?:today|the session|the hour|this session)|the whole (?:time|session|hour)|since (?:i|we|you)|every time|each time|"
         r"in every session|in (?:\w+ )?(?:days|weeks|months)|today|this morning|before you came in|on the way here|for (?:\w+ )?(?:minutes|weeks|months|the whole)|for (?:a|one|two|three) (?:day|days|week|weeks|month|months)|last (?:summer|winter|spring|christmas|year)|since \w+")
#: What the patient said or did, cited with a when or how often ("you've asked me twice", "since I told you").
_RECORD = compile_any([
    rf"\b(?:you|we) (?:have |had )?(?:been |also |just |barely |hardly |already |still )*(?:{_DID})\b(?:\s+\w+){{0,10}}?\s+(?:{_WHEN})\b",
    rf"(?:every|each) (?:time|break|week|session|holiday|gap)\b(?:\s+\w+){{0,4}}?\s+you (?:have |had )?(?:{_DID})\b",
    r"(?:last (?:week|month|time|session)|earlier|a minute ago|at the start|on \w+day) you (?:told me|said|mentioned|were saying)\b|"
    r"that is (?:exactly |just )?what you (?:said|told me) (?:about|when|last|before)\b|"
    r"(?:your (?:wife|husband|partner|mum|mom|mother|dad|father|sister|brother|son|daughter|boss|gp|doctor|friend|teacher)|the (?:pharmacy|school|gp|doctor|clinic|ward|nurse|court|hospital)) "
    r"(?:said|says|told me|mentioned|reported)\b(?:\s+\w+){0,3}?\s+(?:you|that you)\b|there (?:is|has been) (?:nothing|not a thing|not one \w+|no \w+) (?:\w+ )?(?:in it |on it |there )?since\b|(?:your|the) (?:diary|log|record|sheet|notes|app|tracker) (?:says|shows|said|showed)\b",
])
#: A contrary view asserted ("I think you were disappointed in me", "that sounds like fear to me").
_CONTRARY = compile_any([
    rf"(?:i think|i suspect|my guess is|my sense is|i wonder if|i would guess)\b(?:\s+\w+){{0,3}}?\s+you (?:were|are|felt|feel|might be|may be|have been|do|did|still) (?:\w+ ){{0,2}}(?:{_HELD_FEELING})\b",
    rf"(?:that|this|it) (?:sounds|looks|seems) (?:a lot |very much |a bit |rather |more )?like (?:{_HELD_FEELING}|more than|a lot more than)\b",
    r"^ (?:(?:hmm|well|mm|honestly) )*i am not (?:so |really |entirely )?(?:convinced|sure about that|sure that is (?:true|right|so|it))\b",
    r"(?:that is|it is) not what (?:\w+ ){1,2}(?:looks|sounds|seems) like\b|^ (?:(?:hmm|well) )*i am not so sure(?: about that)?(?! (?:if|whether|what|how|when|why|that))\b|"
    r"\bi (?:would|d) (?:like to |have to |want to )?push back\b|"
    r"\b(?:whatever you say|no matter what you say|despite what you (?:say|are saying))\b|i (?:just |really |simply )?(?:do not|can not) (?:quite )?(?:buy|believe) (?:it|that|this|you)\b|^ (?:(?:honestly|well|hmm) )*i (?:do not|can not) see (?:it|that)\b|"
    r"^ (?:(?:well|honestly|hmm) )*i (?:would|d) (?:disagree|beg to differ|question that)\b|(?:it )?seems to me (?:that )?(?:it is|that is|you are|you were) (?:very much|really|actually|all)\b",
    rf"(?:i think|i suspect|my guess is|my sense is) (?:it is|that is|it was|that was|there is) (?:also |really |actually |partly )?(?:a |some )?(?:{_HELD_FEELING})\b|easier to feel than\b",
    r"i find (?:that|it|this) (?:very |quite |a bit |rather )?hard to (?:believe|accept|credit)|i (?:would|d) have (?:expected|thought) you (?:to be|would be|would feel)\b",
    r"(?:is|was|are) not the same as (?:it |that |them |you )?not\b|i do not think (?:it is|that is|it was|that was|this is) (?:only|just|really only|really just)\b",
    r"(?:i think )?(?:that is|it is|it was|that was) (?:a lot |much |far )?more than (?:just )?(?:traffic|money|busy|tired|work|a|the|nothing)\b|bigger deal than you\b",
])
#: An invitation to say more, or a check that the therapist has it right: going back to the patient's words, not setting them against the patient.
_INVITES = compile_any([r"tell me (?:more )?about|can you (?:tell|say)|say more about|"
                        r"(?:did|have) i (?:get|got) (?:that|it|this) right|let me (?:just )?check|check with you|am i right|correct me"])
#: A question that sets the patient's act against their claim ("then why ...?").
_THEN_WHY = compile_any([r"^ (?:(?:so|and|but|okay|well) )*then (?:why|how come|what (?:was|is|were|about))\b"])
#: Affirming what the record shows ("You walked in without the stick. That's great."): it bears the claim out.
_AFFIRMS = compile_any([r"(?:that is|that s|it is) (?:really |so )?(?:great|brilliant|fantastic|amazing|wonderful|lovely|good to (?:see|hear))|well done|"
                        r"(?:a|such a) (?:big|real|huge) (?:step|change|achievement|difference)"])
#: A reflection's opening: the therapist saying back, not setting against.
_REFLECTS = compile_any([r"^ (?:(?:so|and|okay|ok|right) )*(?:(?:it )?sounds like (?:you|it|that|this)|(?:it )?seems like (?:you|it|that|this)|you are saying|you feel|some days|part of you|on the one hand)\b"])


#: Negation words, for the polarity of a claim and its answer.
_NEGATION = re.compile(r"\b(?:not|never|no|nothing|none|nobody|nowhere)\b")
#: Words too common to tie an answer to the claim.
_CLAIM_STOP = frozenset("""i you it is am are was were the a an and but so to of in on at for with that this me my your be been being have has
    had do does did just really very about think though actually honestly totally well yes yeah okay we us our all any""".split())
#: An answer that asserts the claim back with the polarity turned: the patient, or the claim's "it", as its subject.
_ASSERTS_BACK = compile_any([r"^ (?:(?:no|well|honestly|but|and) )*(?:you are|you do|you did|you have|it is|it does|it did|it was|that is|i think (?:we|you|it)|we do)\b"])
#: A doubt echoing the claim ("Have you?", "Are you, though?") before the evidence.
_ECHO_DOUBT = re.compile(r"\s*(?:have|are|do|did|is|was|were|will|would) (?:you|it|that|they)(?: really| now)?(?:,? though)?\?\s+\S", re.IGNORECASE)


#: Validating a wish or a worry as real ("that's a real thing to wonder about").
_REAL_THING = compile_any([r"(?:a )?(?:real|fair|normal|natural|understandable) (?:thing|question|worry|feeling) to\b"])


def _first_sentence(text: str) -> str:
    """The first sentence of a turn as written, normalised."""
    return normalize(re.split(r"(?<=[.!?])\s+", text.strip(), maxsplit=1)[0])


def turns_claim_back(p_text: str, text: str) -> bool:
    """Whether the therapist's first sentence asserts back the patient's claim with its polarity
    turned ("I'm fine" / "You're not fine."; "It's not a big thing" / "It is a big thing, though."),
    or doubts it in an echo before the evidence ("I've moved on" / "Have you? You still ...")."""
    claim, answer = _first_sentence(p_text), _first_sentence(text)
    # A claim in the generic "you" ("you get used to it") is a saying, not a claim about oneself;
    # "it does matter to me" gives the therapist's own stance; validating it agrees.
    if not _SELF_CLAIM.search(claim) or re.search(r"\byou\b", claim) or re.search(r"\b(?:to|for) me\b", answer) \
            or fp.VALIDATES.search(answer) or _REAL_THING.search(answer):
        return False
    # The patient's own second thought said back ("I'm used to it. I mean, you don't get used to
    # it" / "You don't get used to it, but ...") reflects; it does not turn the claim.
    head = " ".join(answer.split()[:5])
    if len(head.split()) >= 4 and f" {head} " in normalize(p_text):
        return False
    if _ECHO_DOUBT.match(text):
        return True
    if text.strip().split(".")[0].rstrip().endswith("?") or not _ASSERTS_BACK.search(answer):
        return False
    def words(x: str) -> set[str]:
        return {w[:5] for w in x.split() if len(w) >= 3 and w not in _CLAIM_STOP and not _NEGATION.match(w)}
    return bool(words(claim) & words(answer)) and bool(_NEGATION.search(claim)) != bool(_NEGATION.search(answer))


def sets_against_claim(p_norm: str, t: str, text: str) -> bool:
    """Whether the therapist sets the patient's own record, or a contrary view, against a claim
    the patient has just made about themselves ("I'm not scared" / "You've asked me twice what
    happens if it's bad news. That sounds like fear to me.").

    A turn ending on a question checks the record with the patient ("Did I get that right?")
    rather than setting it against them; ``text`` is the turn as written, for its punctuation.
    """
    if not _SELF_CLAIM.search(p_norm) or _REFLECTS.search(t) or _INVITES.search(t) or _AFFIRMS.search(t):
        return False
    # "Then why have you spent the session staring at the door?" asks only to set it against the claim.
    if _THEN_WHY.search(t):
        return True
    if text.rstrip().endswith("?"):
        return False
    return bool(_RECORD.search(t) or _CONTRARY.search(t))


#: Avoidance read into the patient, alongside the hard feelings.
_AVOIDS = compile_any([r"keep(?:ing)? (?:me|people|us|everyone) at (?:a )?(?:distance|arm s length|bay)|avoid\w*|hiding|minimi[sz]\w*|deflect\w*|dodg\w*|pushing (?:it|me) away"])


def names_hard_feeling(t: str) -> bool:
    """Whether a therapist turn names a hard feeling or an avoidance in the patient ("you were
    furious with me", "you're avoiding it"): a reading the patient may push back on, unlike praise."""
    return bool(re.search(rf"\b(?:{_HELD_FEELING})\b", t) or _AVOIDS.search(t))
