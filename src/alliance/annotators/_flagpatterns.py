"""Lexicon of the therapist's flags and of talk about the therapist's own life.

Written against :func:`alliance.annotators._lexicon.normalize` output. Kept
apart from the annotators because two of them need the same cues: the focus
annotator (``therapist_life``) and the relationship annotator (a
self-disclosure or a question about the therapist's life ends a run of
relationship talk).
"""

from __future__ import annotations

import re

from alliance.annotators._disclosurepatterns import NOT_SELF_DISCLOSURE, SELF_DISCLOSURE
from alliance.annotators._lexicon import KIN, compile_any

__all__ = [
    "SELF_DISCLOSURE", "NOT_SELF_DISCLOSURE", "DISPUTES", "THIRD_AFTER", "OWN_PAST", "ASKS_THERAPIST_LIFE", "CONFRONT", "SUPPORTIVE",
    "SELF_CRITICISM", "BACKS_DOWN", "REPAIR_STRONG", "REPAIR_IN_STRAIN", "REPAIR_WELCOMES", "INTERPRETATION",
    "REFRAME", "PART_ABOUT", "ACCOUNT", "DEFENCE", "PATTERN_POINTED", "YES_BUT", "HOLDS_LIGHTLY", "LEAVES_ROOM", "DROPS", "CHANGES_FRAME",
    "ASKS_YOU", "NOT_PERSONAL", "ABOUT_SESSION", "FIRST_PERSON", "PROFESSIONAL", "ARRANGES", "SHARED_EVENT_VERBS", "ASKS_HELP",
    "STRAIN_AT_T", "NAMES_T", "VALIDATES", "READS_PATIENT", "DENIES_SELF",
]

#: A patient asking about the therapist's life.
ASKS_THERAPIST_LIFE = compile_any([
    r"(?:do|did|have|are|were|would|will) you (?:have|ever|had|go|went|get|got|like|grow up|married|going|travel)\b(?:\s+\w+){0,4}\s+"
    rf"(?:kids|children|family|married|vacation|holiday|trip|weekend|{KIN}|therapy|therapist|dog|cat|pets?|hobbies|easier|through|somewhere|anywhere|away)",
    r"how (?:was|were|is|are) your (?:vacation|holiday|weekend|trip|break|kids|children|family|husband|wife|summer|christmas|time off)",
    r"where (?:are|did|do|were) you (?:going|go|grow up|from|live|spend)",
    # "What's taking you up there?": the reason for the therapist's move is their life.
    r"what is (?:taking|bringing) you (?:up |down |over |out |back )?(?:there|that way|away|to \w+)",
    r"what did you (?:do|get up to) (?:at|on|over|for|this|last) (?:the )?(?:weekend|holiday|holidays|christmas|break|summer|easter)|"
    r"did it get easier|what about you|and you\b(?:\s+\w+){0,1}$|how about you|what do you do (?:for fun|on weekends)",
    r"(?:are|were) you (?:ever )?(?:married|a parent|depressed|anxious|in therapy)",
    r"did you (?:have|go through|ever (?:feel|have|go))",
    r"(?:you|you have|have you) (?:got )?any (?:kids|children|family|pets|brothers|sisters)\b|(?:kids|children|family) of your own",
    # Asked in other words, or about something of the therapist's already known ("you got children
    # or not?", "is it your first?", "was it your back?", "what was yours in?", "how old is your son?").
    r"\byou (?:have|got) (?:any )?(?:kids|children|grandchildren|a family)\b|\bis (?:it|this|she|he) your (?:first|second|third|only)\b|"
    r"\b(?:was|is) it (?:your|yer) (?:back|knee|hip|heart|shoulder|neck|leg|arm|op|operation)\b|\bwhat (?:is|was) the (?:surgery|operation|op)\b|"
    r"\bwhat (?:was|is) yours (?:in|on|about|like)\b|\bhow old (?:is|are) (?:yours|your (?:\w+ )?(?:son|daughter|boy|girl|kids|children|grandchild|baby))\b|"
    r"\bhow long (?:have|had) you been (?:off it|sober|clean|married|doing this)\b",
])
#: A discrepancy pointed out between what the patient says and what they did or said elsewhere
#: (codebook: "You say it's fine, but you've missed three weeks"; "you've told me the grandchildren
#: matter most, and you've said no to Sunday dinner three weeks running"; "last week you said X.
#: Today you said Y. Those don't quite fit together"). See :func:`points_discrepancy`.
#: Not "what I hear you say", "like you said", "so you're saying": reflections hand the patient's
#: words back; they do not set them against anything. CONFRONT keeps its older, narrower
#: "you say ... but" forms, which other flags (backing down) read as a challenge to retract.
_NOT_REFLECTED = r"(?<!what )(?<!like )(?<!hear )(?<!hearing )(?<!as )(?<!everything )(?<!that )(?<!how )(?<!so )(?<!know )"
DISCREPANCY = compile_any([
    rf"\b(?:{_NOT_REFLECTED}you (?:have )?(?:told|tell) (?:me|us)|{_NOT_REFLECTED}you (?:say|said|have said|keep saying|are telling me|call|called|are saying)|"
    r"last (?:week|time|session) you (?:said|told)|earlier you (?:said|told|read)|a minute ago)\b(?:\s+\S+){0,25}?\s+"
    r"(?:but|and yet|yet|though|and you (?:also|still|have)|and now|and both times|and then you|those (?:two )?do not|"
    r"that does not|does not sound|i am not sure (?:those|they|the two) (?:\w+ )?(?:sit|fit|go))\b",
])
#: The other side of an MI double-sided reflection: a second feeling or want of the patient's
#: ("... but you're worried about what the lads will think", "... and you also enjoy it"), or the
#: therapist's own concern, rather than something the patient did or said elsewhere.
OTHER_SIDE = compile_any([
    r"^ (?:you are |you have been |you have |you )?(?:also |still |a bit |a little |quite )*(?:worried|concerned|fed up|nervous|scared|"
    r"afraid|frightened|unsure|anxious|torn|tempted|enjoy|like|love|want|would like|need|miss|feel|feeling)\b",
    r"^ (?:i am|i m) (?:also |a bit |a little |quite |really )*(?:concerned|worried)\b|^ the (?:nerves|fear|worry|cost)\b",
])


def points_discrepancy(t: str) -> bool:
    """Whether normalised therapist text ``t`` sets the patient's words against what they did or
    said elsewhere (a discrepancy pointed out), not a double-sided reflection of two feelings."""
    m = DISCREPANCY.search(t)
    return m is not None and OTHER_SIDE.search(" " + t[m.end():].lstrip()) is None


#: Challenge, disagreement, a discrepancy pointed out, or a contrary interpretation.
CONFRONT = compile_any([
    r"you (?:say|said|keep saying|tell me|told me)\b(?:\s+\w+){0,12}\s+but\b",
    # Asking leave to challenge, then setting the patient's words against something ("Can I
    # point something out? You've said ..."); without their words it is often an observation.
    r"^ (?:(?:okay|so|well|look) )*(?:can|could|may) i (?:point (?:something )?out|point out something|be (?:straight|honest|blunt|direct|frank) "
    r"with you|challenge you|push back)\b(?:\s+\w+)*?\s+you (?:have said|say|are saying|are telling me|keep saying|keep telling me)\b",
    # Their record against their claim ("so it can't have been every day"), or the claim's last outing.
    r"so (?:it|that) can not (?:have been|be)|that can not (?:be|have been) (?:right|true|the whole)|last time you said (?:that|this)\b",
    r"you are (?:going|being|getting) vague|letting (?:\w+ ){0,2}off the hook|you are (?:ducking|sidestepping|skating over|glossing over)\b",
    # Only "but" followed by the patient's own words or record: "so you want X, but
    # you're not concerned about Y" is an MI double-sided reflection, not a challenge.
    r"(?<!not only )but you (?:also )?(?:said|say|told|keep|missed|just said|have missed|have not|did not|do not|had said)\b",
    r"(?:every time|whenever) i (?:mention|bring up|ask|raise)\b(?:\s+\w+){0,8}\s+you\b",
    r"(?:that is not|that does not sound|that is not really|that does not sound really) (?:quite |really |exactly )?(?:true|what you (?:said|told)|what happened|how it|quite true|the whole story|the full story)",
    r"(?:that is|(?:that|it|this) (?:sounds|seems|looks) like|that is just) (?:just )?an excuse",
    r"(?<!like )i (?:do not|did not) (?:really )?(?:buy (?:that|it|this)|believe (?:that|it|this|you)|think that is true|think you are being|think that is the whole)",
    r"(?:not sure|do not know (?:if|that)|am not convinced) i (?:really )?(?:believe|buy) (?:that|it|this|you)",
    # A contrary reading that pre-empts the patient's objection ("even if it doesn't feel like it").
    r"even if (?:it does not|you do not|that does not|it did not) (?:feel|seem|look)(?: like)?(?: it| that| so)?\b",
    r"if you (?:gave|give|tried|try|gave it|were to give) (?:it |this |therapy |talking )?(?:a )?(?:real|proper|fair|decent) (?:chance|go|try)",
    r"you (?:have not|did not|have not really|did not really) (?:really )?(?:given|tried|done)\b(?:\s+\w+){0,6}\s+(?:though|yet)\b",
    r"(?:can not help|keep) wondering (?:whether|if)|you keep saying|can not (?:help|shake) (?:thinking|feeling|the (?:feeling|sense|thought))\b",
    r"i (?:have to |need to |am going to )?(?:disagree|push back|challenge you|challenge that)|i would (?:question|challenge|dispute|disagree with) (?:that|this)",
    r"you (?:do not|are not) (?:seem to be |really )?(?:taking (?:this|it|me|therapy|the work) seriously)",
    r"(?:oh come on|come on now|come on really|^ come on(?! in| through| up| over| back| round))\b|(?:^ |please |just )be honest\b|be honest with (?:me|yourself)",
    r"(?:not sure|do not think) (?:that|it|this) (?:adds up|fits|matches|squares)",
    r"(?:that|this) does not (?:sound|seem|look) like (?:nothing|you|the whole)",
    r"you have (?:brought|mentioned|raised) (?:it|that|this|him|her) (?:up )?(?:\w+ )?(?:three|several|four|five|many|a few) times",
    r"more than you (?:are )?(?:letting me see|showing me|telling me|letting on|let on|admit|are admitting|say|are saying|realise|realize|think)",
    r"than you are (?:letting (?:yourself )?|willing to |allowing yourself to )?(?:admit|show|say|let on|acknowledg)\w*",
    r"(?:bigger|harder|worse|deeper|stronger|heavier|sadder|angrier|louder)(?: for you| on you)? than you (?:are )?(?:letting on|let on|letting me see|letting yourself feel)\b",
    # The therapist's own going asserted as the reason behind the patient's choice (decision 12).
    r"(?:i think|i suspect|i reckon|my sense is|i believe)\b(?:\s+\w+){0,4}?\s+(?:my|me) (?:going|leaving|leave|absence|being away|moving|handover)\b"
    r"(?:\s+\w+){0,2}?\s+(?:is|might be|could be|may be|has been)\s+(?:\w+ )?(?:part of )?(?:why|the reason|behind)\b",
    # A discrepancy pointed out between what the patient said and what happened
    # ("What I'm noticing is you've told me X, but on Monday ..."). Without the noticing
    # head, "you've told me X, but Y" is often an MI double-sided reflection.
    r"(?:what i am noticing|what i notice|what i have noticed|i am noticing|i notice|i have noticed|what strikes me)\b(?:\s+\w+){0,3}?\s+you (?:have )?(?:told me|said|say|keep saying|tell me)\b(?:\s+\w+){1,14}?\s+but\b",
    r"(?:sounds|seems|looks) like (?:a lot |much |far )?more than (?:just )?(?:a|an|nothing|that)\b",
    r"^ (?:are|do|did|were|have|is|was) (?:you|it|that|they) (?:really )?though\b|says otherwise|"
    r"(?:the|your) (?:log|diary|record|notes|numbers|sheet|figures|cards?) (?:says|say|shows?|tells?) (?:otherwise|something else|a different story)",
    r"i notice (?:that )?\w+(?: \w+){0,4} (?:is|as) a (?:theme|pattern)",
    r"i do not think (?:that|it|this) (?:is|was) nothing",
    r"is that (?:really )?(?:true|the whole|what is going on)|is that really all\b",
    r"i wonder if (?:it|the|that|this|your|the irritation|the anger)\b(?:\s+\w+){0,6}\s+(?:is|was) really (?:about)?",
    r"(?:is|was) (?:it|that|this) really (?:about|just|only)",
    r"(?:is not|isn t|was not) it (?:possible|true|more likely) that",
    r"you (?:keep|are|have been) (?:avoiding|deflecting|making excuses|dodging|changing the subject|blaming|minimi[sz]ing)",
    r"(?:that|this) (?:sounds|seems) like (?:an excuse|avoidance|you are avoiding|a way (?:of|to) avoid)",
    r"(?:that|this) does not (?:add up|make sense|fit)",
    r"you have (?:missed|cancelled|skipped|not done|not been doing)\b(?:\s+\w+){0,4}\s+(?:three|two|four|several|weeks|times|sessions|again)",
    r"you (?:are|were) (?:not being|being) (?:honest|straight|fair)",
    r"really is it\b|really do you\b",
    r"you could have (?:stopped|said|done|called)",
    r"(?:earlier|last week|last time|a minute ago|a moment ago|before|just now) you (?:said|told me|were saying)\b(?:\s+\w+){0,12}\s+(?:but|now|and yet|yet)\b",
    r"(?:and yet|yet) you (?:still |keep |just )?(?:say|said|tell|keep|go|went|have|did|are)\b",
    r"how does (?:that|this) (?:fit|square|sit) with (?!you\b)\w+|(?:does not|do not) (?:fit|square|match) (?:with )?what you",
    r"i (?:am not|m not) (?:sure|convinced) (?:i agree|that is (?:true|right|it|the whole)|it is (?:just|only|really))",
    r"(?:not sure|do not think|doubt) (?:it is|that is|this is|it was) (?:just|only|really just|all|simply) (?:about |because |the )?",
    r"i (?:see|read) it (?:differently|another way)|that is not how i see it|i (?:do not|would not) agree",
    r"(?:you are|are you) (?:kidding|fooling) yourself|you do not (?:really )?believe that",
    r"i think you (?:know|are) (?:a lot |much |far |way )?(?:more|angrier|more upset|more hurt|more bothered|more worried|more scared)\b",
    r"i think (?:what is really|the real (?:reason|issue|problem))|(?:the real|what is really) (?:reason|issue|problem) is",
    r"you (?:are|keep) (?:telling yourself|talking yourself into)",
    r"(?:actually|in fact) (?:it sounds like|it seems like|i think) (?:you|it)\b(?:\s+\w+){0,6}\s+(?:not|do not|did not|really)",
    # Contradicting the patient's own account of themselves ("I don't think you're fine",
    # "hitting you harder than you're letting yourself feel"), or a complaint ("I don't
    # think that's accurate"), whatever reading it offers instead.
    r"i do not think you are (?:really |actually |quite )?(?:fine|okay|all right|alright|over it|coping)",
    r"(?:harder|more|worse|deeper|further) than you(?: are)? (?:letting yourself|let yourself|allow yourself|allowing yourself)",
    r"i do not think (?:that is|that was|it is|this is) (?:quite |entirely |really |completely )?(?:accurate|fair|right|true|the case)(?! (?:on|to|of|for) (?:you|yourself))",
    # A pattern in the patient's replies to the therapist, pointed out ("when I bring up X, you ...").
    r"(?:i notice|i have noticed|i noticed|i see) (?:that )?(?:when|whenever|every time) i\b(?:\s+\w+){0,6}\s+you\b",
    r"you have (?:said|told me) (?:\w+ ){0,3}(?:three|four|five|several|a few|many) times",
    # By structure: the patient's account set against their own record ("different from what you
    # told me", "hard to square with", "but you've told me you haven't left the house").
    r"(?:different from|not what|does not (?:match|fit|square with|sit with)|at odds with|contradicts|(?:hard|difficult) to (?:square|fit|reconcile|match) with) "
    r"what you (?:told me|said|described|were saying|mentioned|have said|have told me)",
    r"(?:hard|difficult) to (?:square|reconcile)\b|does not (?:square|tally)\b",
    r"but you (?:have|had|have also) (?:told|said|mentioned|described|brought|raised|talked about|been (?:late|missing|skipping|drinking|cancell?ing|avoiding)|"
    r"not (?:left|been|done|opened|touched|called|slept|eaten|come))\b",
    r"(?:that is|it is) (?:exactly )?what you (?:said|told me|promised) (?:last|before|the last|a|every)\b",
    r"i (?:notice|am noticing|noticed)\b(?:\s+\w+){1,10}\s+though $",
    r"(?:is|was|might be|could be|may be) (?:about )?(?:more|something (?:more|other|else)) than (?:just )?(?:forgetting|tiredness|being tired|busy|"
    r"busyness|bad luck|a coincidence|coincidence|a joke|nothing|an accident|stress|work)\b",
    r"i am not (?:sure|convinced) (?:that )?you (?:really )?(?:meant|mean|believe|feel|think)\b",
    r"even if (?:that|it|this) is (?:hard|difficult) to (?:see|feel|admit|accept|hear)",
    # Holding a subject open against the patient's leaving it.
    r"i (?:do not want to|am not going to|will not) let (?:this|it|that) go|(?:come|go|get) back to\b(?:\s+\w+){0,8}\s+because i (?:think|feel) (?:it|this|that) (?:matters|is important)",
])
#: The therapist quoting the patient's own decline back as something to explain
#: ("saying it's fine about my leave", "telling me you won't need me").
ECHOED_DECLINE = compile_any([
    r"(?:saying|telling me|you say|you said|you keep saying|you tell me)\b(?:\s+\w+){0,3}\s+(?:it is fine|it is okay|you are fine|you will be fine|"
    r"you will not need|you do not need|you would not need|it does not matter|it is no big deal|you are not bothered)",
])
#: What the echoed decline is said to be for ("a way of", "so that it doesn't").
ECHO_PURPOSE = compile_any([r"a way (?:of|to)|so (?:that|it|you)|in case|to avoid|to keep|to stop|wonder"])
#: Owning one's own pressure on the patient ("I think I pushed too hard", "I steamrolled you").
OWNS_PUSH = compile_any([
    r"i (?:think i |may have |might have |can see i |realize i |realise i |have )?(?:pushed|pressed|steamrolled|lectured|was lecturing|was pushing|was pressing|came at you|kept pressing|have kept pressing|jumped in)\b",
    r"that is on me|i (?:have |had )?(?:kept|been) (?:pressing|pushing|pushing on|going on about)",
])
#: A reframe: what the patient said is "really" or "partly" about something else.
REFRAME = compile_any([
    r"(?:is|was|might be|could be|may be) (?:really|partly|actually|also|in part|more|at least partly) about",
    r"i wonder (?:if|whether) (?:the|your|that|this|it)\b(?:\s+\w+){0,5}\s+(?:is|was) about (?:my|me|the|our|last|us|being)",
])
#: A wondered or stated reading that part of the patient's own experience is about
#: something else ("some of the mornings are about your mom", "some of what you feel
#: about him is about me"): contrary when the patient turns it down.
PART_ABOUT = compile_any([
    r"(?:i think|i wonder (?:if|whether)|i am wondering (?:if|whether)|i was wondering (?:if|whether))(?: \w+){0,3} (?:some|part|a lot|much) of\b(?:\s+\w+){0,6}\s+(?:is|are|was|were|might be|could be|may be) about\b",
])
#: A defence read into the patient's words: one thing is "a way of not feeling" or
#: "easier than facing" another. It contradicts the account the patient gives.
DEFENCE = compile_any([
    r"(?:i think|i wonder (?:if|whether)|i am wondering (?:if|whether)|maybe|perhaps|my guess is)\b(?:\s+\w+){0,10}\s+"
    r"(?:is|was|might be|could be|may be|has been) (?:(?:a|your) way (?:of|to) (?:not|avoid|avoiding|keep|keeping|stay|staying|hide|hiding)|"
    r"easier than (?:being|feeling|facing|admitting|looking at|thinking about))\b",
    # Any feeling named as the harder one ("perhaps the irritation is easier than missing him",
    # "maybe it's easier to make it about the bus than about us").
    r"\b(?:maybe|perhaps|i wonder (?:if|whether)|i think)\b(?:\s+\w+){0,8}?\s+(?:easier|safer) (?:than (?:missing|grieving|mourning|hurting|wanting|"
    r"needing|minding|caring|crying|knowing|saying)\b|to \w+\b(?:\s+\w+){0,6}?\s+than (?:about|to (?:feel|say|admit|miss|want))\b)",
])
#: A pattern in what the patient says whenever a subject comes up ("every time the break comes up, you ...").
PATTERN_POINTED = compile_any([
    r"(?:every time|whenever|each time) (?:the |this |that |it |my )?(?:\w+ ){0,2}(?:comes up|gets mentioned|is mentioned)\b(?:\s+\w+){0,2}\s+you\b",
    # The patient's act named first ("you've made a joke every time I've mentioned my leave").
    r"\byou (?:have |had )?(?:\w+ ){1,4}(?:every time|whenever|each time) (?:i|we) (?:have |had )?(?:mention\w*|bring up|brought up|raise\w*|ask\w*|talk\w* about)\b",
])
#: Acknowledging a complaint only to argue on ("I hear that, but the evidence is clear").
YES_BUT = compile_any([
    r"^ (?:(?:okay|ok|well|look|sure|right) )*i (?:hear|understand|know|get|see) (?:that|you|this|what you are saying|where you are coming from)\b(?:\s+\w+){0,3}\s+but\b",
])
#: The patient accounting for themselves: the explanation a reframe contradicts.
ACCOUNT = compile_any([r"just|only|because|nothing|it is fine|i am fine|not really|i do not think"])
#: Supportive disagreement with a self-criticism is not a confrontation.
SUPPORTIVE = compile_any([
    r"i (?:do not|did not|would not) (?:see|think of) you as",
    r"i (?:do not|did not) think you (?:are|were) (?:stupid|a failure|weak|lazy|crazy|a bad|worthless|selfish|pathetic|an idiot|useless|boring)",
    r"you (?:are|were) not (?:stupid|a failure|weak|lazy|crazy|a bad|worthless|selfish|pathetic|an idiot|useless|boring|to blame)",
    r"(?:that is|it is|it was) not your fault",
    r"(?:be|being) (?:so )?hard on yourself",
    # A discrepancy pointed out to credit the patient ("you were terrified, but you did it anyway").
    r"(?:took|takes|showed) (?:real |a lot of |some )?(?:courage|guts|strength|bravery)|you did it anyway",
])
#: The patient running themselves down (context for :data:`SUPPORTIVE`).
SELF_CRITICISM = compile_any([
    r"i am (?:so |such an? |just |really )?(?:stupid|a failure|weak|lazy|crazy|a bad|worthless|selfish|pathetic|an idiot|useless|boring|hopeless|a mess|terrible)",
    r"(?<!not )(?<!never )(?:my|all my) fault|i (?:always )?(?:ruin|mess up|screw up)",
    # The patient's habitual failure ("I keep messing everything up", "I always get it wrong").
    r"i (?:keep|always|just keep|constantly) (?:ruin\w*|mess\w* (?:\w+ )?up|screw\w* (?:\w+ )?up|get\w* (?:\w+ )?wrong|fail\w*|let\w* (?:\w+ )?down)",
    # Denying oneself a strength ("I don't have that much courage", "I'm not strong enough").
    r"i (?:do not|did not|never) (?:have|had) (?:\w+ ){0,4}(?:courage|guts|strength|willpower|backbone|confidence|nerve)\b|i am not (?:\w+ )?(?:strong|brave|good|tough) enough",
])
#: Holding an idea lightly ("I'll leave it with you as a thought", "I'd still hold it as a possibility"):
#: neither a retraction nor a new argument.
HOLDS_LIGHTLY = compile_any([
    r"(?:leave|hold|offer|keep|put) (?:it|that|this) (?:with you |out there |on the table )?as (?:a |an )?(?:thought|possibility|question|idea|hypothesis|maybe|option)\b",
])
#: Leaving room rather than asserting ("in case it does end up meaning something", "if anything comes up").
LEAVES_ROOM = compile_any([
    r"leave (?:a bit of |some |a little |)room|(?:just )?in case (?:it|the|that|this|any|anything|something)\b|if (?:anything|something) (?:does )?(?:come|comes|came) up",
])
#: Dropping the subject ("We'll leave it", "Let's do the speech", "I'll leave it with you").
DROPS = compile_any([
    r"(?:we will|we can|let us|i will|i am going to|i can) (?:leave|drop|park|let go of) (?:it|that|this)\b|let (?:it|that|this) (?:go|be|lie|rest)\b|"
    r"(?:let us|we can|we will) (?:do|get on with|go back to|get back to|move on|carry on with|turn to)\b|off the table|"
    r"i (?:will not|am not going to|will stop) (?:press|push|pursue|bring|ask|keep)",
])
#: Retracting, softening or dropping one's own challenge.
BACKS_DOWN = compile_any([
    r"you (?:are|may be|might be|could be|may well be|might well be) right",
    r"(?:maybe|perhaps) i (?:have |had )?(?:got|gotten|read|misread|misunderstood) (?:that |it |this |you )?wrong",
    r"(?:put|set) my (?:view|idea|opinion|agenda|thoughts?) aside|i will take your (?:answer|word)|leave (?:your|my|the) \w+ out of it",
    r"i came in (?:with it )?(?:too |quite |a bit )?(?:hard|strong|fast|heavy)(?:ly)?",
    r"(?:maybe|perhaps) (?:that is|it is|i am|i was|i have) (?:not it|wrong|off|mistaken|reading too much|getting ahead|pushing)",
    r"(?:maybe|perhaps) (?:not|that is not it|i got that wrong|i am wrong)|i (?:may|might|could) (?:well )?be wrong",
    # Putting it "to the prescriber" passes it on; only putting it aside or down drops it.
    r"(?:we can|we could|let us|let me|i will|i can|i am going to) (?:leave|drop) (?:that|it|this)\b|"
    r"(?:we can|we could|let us|let me|i will|i can|i am going to) (?:put|set) (?:that|it|this)\b(?:\s+\w+){0,2}?\s*(?:aside|down|to one side|on hold)\b",
    # Conceding the proposal itself ("maybe charts aren't the thing right now").
    r"(?:maybe|perhaps) (?:\w+ ){1,2}(?:is|are) not (?:the (?:thing|answer|way to go)|for you|right for you)\b",
    r"(?:we can|let us|let s|lets) (?:leave|drop) (?:that|it|this)|let (?:it|that|this) (?:be|lie|rest)\b|(?:okay |ok |all right |alright )?i believe you\b",
    r"forget (?:i said|what i said|it|that)",
    r"i (?:take|will take) (?:that|it) back|i did not mean (?:to|it)|never mind|scratch that",
    r"(?:i|i may|i might) (?:have|may have|might have) (?:been|gotten|got) (?:(?:that|it|this|you) )?(?:wrong|off|ahead|too)",
    # Doubting one's own reading as one's own doing ("maybe I'm reaching", "perhaps I'm overcooking it").
    r"(?:maybe|perhaps|possibly) i am (?:just )?(?:reaching|stretching|overcooking|overreaching|overthinking|projecting|imposing|forcing|seeing things|off (?:base|track|the mark)|barking up)\b",
    r"we do not have to (?:go there|talk about (?:it|that)|get into)",
    r"(?:we will|we can|i will) (?:leave|drop|let go of) (?:it|that|this)\b|i (?:will not|am not going to|do not need to|will stop) (?:press|push|pursue|keep on|go on about|pushing|pressing)(?:ing)? (?:it|that|this|you)\b",
    r"fair enough|that is fair|i stand corrected|my mistake",
    # Owning the challenge as a mistake, or taking its subject off the agenda.
    r"i (?:got|had|have got) (?:that|it|you|this) (?:all )?wrong|i (?:jumped|leapt|leaped|rushed) (?:to|into|ahead)|let me stop (?:there|that)",
    r"off the table|(?:we can|let us|i will) park (?:that|it|this)",
    r"you know yourself (?:best|better)|you (?:know|would know) (?:that )?better than (?:i|me)",
    # By structure: retracting one's own words ("I withdraw it", "I shouldn't have ...", "that was
    # unfair of me", "that came out wrong"), taking the answer at face value, or dropping the push.
    r"(?:that|this|it) was (?:out of line|uncalled for|too much|harsh|a cheap shot)|back off\b|backing off\b|"
    r"i (?:withdraw|retract) (?:that|it)|i should not have\b|(?:that|this|it) was (?:unfair|not fair|uncalled for|harsh) of me|unfair of me|"
    r"(?:right|fair) to (?:pull me up|call me out|pick me up|challenge me)",
    r"came out (?:wrong|badly|harsh|harsher|wrongly)|(?:that|it) (?:sounded|came across) (?:like|as) (?:blame|blaming|criticism|a criticism|a lecture|"
    r"an accusation|nagging|judgement|judgment)|let (?:us|me) (?:start again|go back a step|back up)|go back a step",
    r"(?:take|taking) (?:that|it|you|what you say) at (?:face value|your word)|i (?:will|am going to|can) let (?:that|it|this) go",
    r"i (?:will not|am not going to|do not need to|will stop) (?:press|push|pursue|keep on|go on about|ask|bring)(?:ing)?\b|"
    r"(?:we will|we can|let us) move on\b|forget (?:about )?(?:the|that|this) \w+ (?:for now|for today)",
    # Owning how the challenge landed ("I can see that felt like nagging").
    r"i can see (?:that|it|this|how (?:that|it|this)) (?:felt|feels|came across|comes across|sounded|sounds|landed|must have felt) (?:like|as)\b",
])
#: Repair in any context: owning a part, inviting the patient's view of the strain.
REPAIR_STRONG = compile_any([
    r"i (?:think i |may have |might have |can see i |realize i |realise i )(?:pushed|pressed|was pushing|got ahead|missed|misunderstood|was wrong|hurt|"
    r"upset|came across|did look|did not|went too)",
    r"i (?:did|do) look at the clock|i can see how that would",
    r"i (?:think i |may have |might have )?(?:steamrolled|have kept pressing|kept pressing|came at you)\b|that is on me\b",
    r"i am sorry (?:if i|that i|i(?! will| am going| shall))\b",
    # Owning the pressure or the wording that caused the strain.
    r"i am (?:so |really |very )?sorry (?:for (?:pushing|pressing|bringing|going on|keeping on|the way))",
    r"i (?:put|said|phrased|worded) (?:that|it) (?:really |a bit )?(?:badly|poorly|clumsily|wrong)|i (?:have )?kept (?:bringing|pushing|pressing|asking|coming back|returning)",
    r"how did (?:that|it) feel\b(?:\s+\w+){0,3}\s+(?:me|when i)",
    r"i came in (?:with it )?(?:too |quite |a bit )?(?:hard|strong|fast|heavy)(?:ly)?",
    r"i (?:think i )?(?:moved|went|pushed|came in) (?:too fast|too hard|too quickly|too far|too strong)",
    r"(?:maybe|perhaps) i am (?:pressing|pushing) (?:too|a bit)",
    r"that came out (?:as|wrong|harsh)|i was (?:lecturing|preaching|pushing)|i put my (?:idea|view|agenda|interpretation) (?:ahead|before|first)",
    r"i would (?:really |much )?(?:like to hear|rather hear|rather know) (?:what you|about)",
    r"(?:something|important) (?:i need|for me) to (?:know|hear) about (?:how|what) (?:i|we|this|our)",
    r"what would make (?:this|it|our \w+|the \w+)(?: feel| be)? (?:more|less) (?:useful|helpful|bearable|manageable|worthwhile|relevant)",
    # Owning a mistake in so many words ("That was my mistake", "I should have talked to you first").
    r"(?:that|it) was my (?:mistake|fault|error)|i should have (?:\w+ ){0,3}(?:asked|checked|talked|spoken|told you|said something|warned)\b",
    r"(?:that|this) (?:was not|is not) fair (?:on|to) you",
    r"how (?:was|is) that for you(?: just now)?\b(?:\s+\w+){0,3}$",
    r"how is (?:this|the work|our work|therapy|this process) (?:going|landing|working) for you",
    r"what did i (?:miss|get wrong|say that)",
    r"what would be (?:more )?helpful",
    r"(?:tell me|say) more about what (?:is not|was not|feels not) (?:working|helpful|right)",
    r"(?:should|shall|could) we (?:try|focus on|do) (?:something|it) (?:else|different|differently)",
    # Owning one's reason and its cost to the patient ("it was easier for me, and I can see it cost you").
    r"i can see (?:how |that )?(?:it|that|this) (?:cost|hurt|stung|upset|let down)|because it was (?:easier|quicker|simpler) for me",
    r"i can see how (?:that|it|this) (?:might|could|must) have",
    r"(?:would|d) (?:really )?like to (?:know|hear) how (?:that|it) (?:was|felt|landed) for you",
    r"(?:it|that) makes sense (?:that )?you (?:would )?(?:feel|are|were|felt)\b(?:\s+\w+){0,2}\s+(?:frustrated|angry|annoyed|upset|disappointed|hurt|fed up)",
    r"(?:you have|you have got) every right to (?:be|feel)",
    r"i (?:hear|can hear|get) (?:that )?(?:you are|you were|you feel|how) (?:\w+ )?(?:frustrated|angry|annoyed|disappointed|upset|fed up)\b(?:\s+\w+){0,3}\s+(?:with me|with this|with therapy|with the)",
    r"(?:let me|i want to) (?:make sure i|check i) (?:understand|have understood|heard|have heard|get|got|have got) (?:it|you|that|this|what|how|why)\b|(?:let me|i want to) understand\b",
    r"that is (?:a )?(?:really |very |such an? )?(?:fair|good|important|reasonable) (?:point|question|criticism|feedback|thing to ask)",
    r"(?:thank you|thanks) (?:that )?you (?:said|told|raised|brought|mentioned|let me know)|gave you that (?:impression|sense|feeling)",
    r"what (?:have you seen|did you see|did i do|did i say|i said|i did) (?:in me|that)\b",
    r"(?:fair|understandable|reasonable|natural|right) (?:enough )?(?:to be|to feel|that you (?:are|feel|felt|were))\b|(?:a )?real cost|i can see why",
    # "Okay to be ..." validates a strain only when the feeling is about the therapist.
    r"okay (?:to be|to feel|that you (?:are|feel|felt|were))\b(?:\s+\w+){0,3}\s+(?:with|at|about) me\b",
    # Owning one's own defensiveness or a repeat of what was complained of ("I just did it again").
    r"i (?:think i |sense i |feel i |feel like i )?(?:have )?lost you\b|check in (?:about|on) how (?:this|it|we|things) (?:is|are) going|what (?:just )?happened (?:just now|there just now|between us)|i (?:just )?did it again|i got (?:defensive|impatient)|instead of (?:hearing|listening to) you",
    # Inviting the patient's own view of the therapist ("does it feel like I'm one more adult ...?").
    r"(?:like to|want to|rather) hear it from you|does it (?:feel|seem) like i(?: am| was| have been)?\b",
    # Owning the size of one's question and offering a smaller one.
    r"(?:that|the|my) question was (?:too|a bit|a lot|quite) ?(?:much|big|hard|heavy|a lot)|(?:that|it) was (?:a lot|too much|a big ask) to ask|"
    r"(?:we can|let us|i will) (?:go|take it|take things) (?:slower|more slowly|at your pace|slowly)|"
    r"(?:might|may|must|could) (?:have )?(?:felt|feel|feels) like (?:being )?(?:put on the spot|ambushed|pressure|too much|a lot|nagging|an interrogation|judged|a test)|"
    r"i (?:jumped|rushed|launched|dived|went) (?:straight |right )?(?:in|into)\b|i am sorry if (?:that|this|it|i) (?:was|felt|came|sounded|went|pushed)|"
    r"i (?:think i )?(?:brought|raised|introduced|took)\b(?:\s+\w+){0,5}\s+(?:in )?too (?:quickly|fast|soon|early)|"
    r"(?:that|it) was (?:a |too )?(?:big|hard|heavy|tough|difficult) (?:a )?(?:question|thing to ask)|let me (?:ask|try) (?:a |an )?(?:smaller|easier|simpler|gentler) (?:one|question)",
    # Offering to change the approach, as a question to the patient ("want to try something different?").
    r"(?:want|like|shall we|should we|could we|can we) (?:to )?try something (?:different|else)",
    r"i (?:think i )?(?:moved|went|pushed|came in|jumped|rushed|got)\b(?:\s+\w+){0,5}\s+too (?:fast|quickly|hard|soon|far|strong|early)",
    r"i (?:am|have been|may be|might be|think i am|could be) (?:asking|doing) (?:you )?(?:a lot|lots|too much|too many|all the)|(?:the way|how) i (?:am|have been) (?:\w+ ){0,2}(?:going|asking|pushing|doing|coming)",
    r"i notice i (?:have been|am|was|keep) (?:doing|talking|asking|pushing|leading|deciding)",
    r"the last thing i (?:would )?want|i (?:may|might) have been (?:\w+ ){0,2}(?:my own|pushing|following|leading|missing|going)",
    r"(?:my own|my) (?:thread|agenda|idea|view|theory)\b(?:\s+\w+){0,3}\s+(?:rather than|instead of|over|ahead of) (?:yours|your)",
    # Owning the pace one set, or the task as one's own imposition ("something I was making you do").
    r"i (?:have been|was|am|may have been|might have been) (?:moving|taking|hurrying|rushing|dragging) (?:us|you|things|this) (?:along )?(?:quite |too |very |a bit |rather )?(?:fast|quickly|hard)\b|"
    r"i (?:have been|was|am) (?:rushing|hurrying) (?:us|you)\b|(?:something|a thing|what) i was making you do\b",
])
_WELCOMES = [
    r"appreciate (?:you|that you|your) (?:saying|telling|raising|being honest|honesty|bringing)|"
    r"(?:thank you|thanks) for (?:saying|telling|being honest|raising|bringing)|glad (?:that )?you (?:can |could |felt able to )?(?:tell|told|say|said|raise|raised|bring|brought|mention|let me know)",
    r"(?:i would|i would much|i would really) rather (?:know|hear)|(?:want|like|would like|would really like) to understand",
]
#: Thanks or welcome for a strain the patient has just voiced about the therapist ("I'm glad
#: you can tell me"): a repair then, whether or not the strain carried a rupture marker.
REPAIR_WELCOMES = compile_any(_WELCOMES)
#: Changing the frame or the task together after a strain ("Could we leave ourselves ten minutes
#: at the end?", "How about I give you a warning?", "Could we drop the diary and try something else?").
_CHANGES_FRAME = (
    r"(?:could|can|shall|should) we (?:leave|give|build in|set aside|keep|save|make) (?:ourselves|us|some|more|a few|ten|five|fifteen|a bit of)\b|"
    r"how about (?:i|we) (?:give|leave|let|start|stop|warn|flag|tell|change|try|keep)\b|"
    r"(?:could|can|shall|should) we (?:drop|park|put aside|set aside|pause|stop) (?:the|this|that|those|these) \w+(?: \w+){0,3} (?:and|to) (?:try|do|look at)\b|"
    # Slowing down or dropping the task for today ("Let's slow down. We don't have to do more of it today").
    r"let us slow (?:down|things down|it down)|we do not have to (?:do|keep doing|try) (?:any more|anymore|more of|the rest|it)\b"
)
CHANGES_FRAME = compile_any([_CHANGES_FRAME])
#: Repair only when the patient has just voiced strain (validating, inviting more).
REPAIR_IN_STRAIN = compile_any([
    r"(?:you are|you are absolutely|you are completely) right",
    r"tell me more|say more|can you say more|help me understand",
    r"what was (?:that|it) like",
    r"i hear you|i can hear|i understand (?:that|why|how)",
    r"(?:it|that) (?:makes|made) sense",
    r"what would you (?:like|prefer|rather|change|want|do differently)",
    *_WELCOMES,
    r"(?:good|helpful) to (?:hear|know)",
    # Validating the complaint as anyone's reaction; changing the approach after a withdrawal.
    r"(?:that|it) would make anyone|anyone would (?:feel|want|be|get)|(?:come at|try|approach|look at) (?:it|this|that) (?:another|a different) way|it does matter to me",
    r"i am (?:so |really |very )?sorry (?:about that|for that)|we do not have to (?:go into|talk about|get into|do|keep|carry on)|take your time|no pressure|(?:it|this) is your (?:plan|session|time|choice) too",
    # By structure, once strain is voiced: changing the task, owning it with a bare apology,
    # validating the complaint as reasonable, handing the judgement back to the patient.
    r"let us (?:find|try) something (?:else|different|that)",
    # Leaving the pace to the patient ("we can come back to it whenever you're ready; your call").
    r"whenever you are ready|(?:that is|it is) (?:your call|up to you)|in your own time",
    r"(?:do|try|approach|look at|come at) (?:this|it|that) (?:a different|another|differently)|let us put (?:them|it|that|those|these|the \w+(?: \w+)?) (?:down|aside|away|to one side)\b|"
    r"what would (?:feel|be|work|seem) (?:more |most )?(?:useful|helpful|better|right|doable|manageable)\b",
    # Moved here from the strong cues: with no strain they are task talk or logistics
    # ("How about something smaller, then", "that would be helpful to know").
    r"thank(?:s| you) for (?:telling|saying|letting) me|(?:important|helpful|useful) to (?:hear|know)|"
    r"start (?:somewhere|with something) (?:smaller|easier|simpler|gentler)|(?:something|a question) (?:smaller|easier|simpler|gentler)\b",
    # By structure, once strain is voiced: slowing down or handing the pace and the choice back
    # ("Let's go more gently", "or leave it for today, whichever you'd rather").
    r"(?:let us|we can|we could|i will|i can) (?:go|take (?:it|this|things)|come to (?:it|this|that)) (?:more |a bit more |a little more |really )?(?:gently|slowly|slower|easy|easier|carefully)|"
    r"whichever you (?:would rather|prefer|like|want|choose)",
    # Inviting the patient's doubt about the plan ("What part of it feels off?", "that didn't sound very sure").
    r"what (?:part|bit) of (?:\w+ ){0,4}(?:feels|seems|sounds|felt|seemed) (?:off|wrong|not right|not quite right|hard|difficult|too much|unsure|uncomfortable)|"
    r"what (?:feels|seems|sounds|felt) (?:off|wrong|not quite right|not right)|(?:does not|do not|did not) (?:sound|seem|look) (?:very |that |entirely |all that |quite )?(?:sure|convinced|keen|certain)",
    _CHANGES_FRAME,
    r"(?:reasonable|understandable|fair|natural|normal) (?:thing )?to (?:wonder|think|mind|ask|want|notice|worry|question)",
    r"i am (?:so |really |very )?sorry\b(?! (?:to hear|for your loss|about your|that you|you))|not how i want you to feel|please (?:go on|carry on|continue)",
    r"^ (?:(?:yes|yeah|oh|okay|you are right) )*i (?:do|did|have|am|was) (?:do not|did not|have not|am not|was not) i\b",
    r"(?:like|want) to (?:know|hear) what you (?:think|want|need|noticed|see|make of)|(?:it is|this is) your (?:therapy|session|time|plan|call|choice)\b",
    r"(?:completely |totally |really |very |a )?(?:reasonable|understandable|fair|natural|valid|legitimate) (?:thing to (?:feel|say|ask)|frustration|reaction|question|complaint|concern|point)",
    r"^ (?:(?:okay|ok|well) )?(?:that is|it is) (?:really |so )?important\b|^ (?:thank you|thanks)\b|(?:i|we) (?:want|would like|d like) to hear (?:about it|more about (?:that|it)|it)\b",
    r"you know (?:your situation|yourself|your life|your family|her|him|this|them|it) better than (?:i do|me)|what has (?:worked|helped)",
    r"you (?:might|may|could) (?:well )?be right|what (?:have i|did i|am i) miss|tell me what i (?:have |am )?missed|help me (?:get|see|understand) (?:it|that|this)",
    r"i (?:really )?(?:want|would like|need) to know\b|if it (?:has )?felt like (?:that|i)\b|(?:decide|decided|work it out|choose|plan it) together|what (?:feels|seems|would feel) right (?:to|for) you",
    r"i hear that (?:it|this|you)\b|(?:let us|lets) step back|what you want from (?:coming here|this|therapy|our sessions|these sessions|me)",
    r"(?:like|want|love) (?:to hear )?your (?:view|opinion|take|thoughts|own view|own take)|you have (?:left|handed|given) (?:it|that|this|the decision) (?:back )?to me",
    r"what would (?:actually |really )?(?:work|feel|help|suit|be)\b(?:\s+\w+){0,3}\s+(?:for you|to you|from where you)|from where you are (?:standing|sitting)|"
    r"(?:do not|would not) want you (?:agreeing|to agree|going along|to go along|saying yes)",
])
#: An interpretation or intervention the patient might reject (context for ruptures).
INTERPRETATION = compile_any([
    r"i wonder (?:if|whether)|i am wondering (?:if|whether)|it sounds like|it seems like|i think (?:you|it|that|this|the|your|part of|some of)|maybe (?:you|it|this|that)|perhaps (?:you|it)|"
    r"could it be|is it possible|what if|have you (?:tried|thought)|you might|you could|you should|you need to|"
    r"so you|you are|you feel|you felt|you seem|you sound|it is as if|part of you|maybe|perhaps|my guess|"
    r"(?:one thing|something) (?:we|you) (?:can|could|might)|we (?:can|could) try|let us try|(?:one|a) thing that (?:helps|works|can help)|some (?:couples|people|families) (?:find|try|use)|"
    r"i (?:wondered|was wondering|was thinking) about|for (?:this|next) week|(?:a|the) (?:bigger |next |small |first )step",
])

# -- Dialogue structure read by the flag annotator (who asked what, what the patient voiced) ------
#: The patient denying something of themselves ("I'm not drinking that much", "It didn't bother me").
DENIES_SELF = compile_any([r"^ (?:(?:well|look|honestly|no) )*(?:i am not|i do not|i did not|i have not|it is not|it was not|it did not|it does not|they do not|they did not)\b"])
#: The therapist stating how the patient seems ("You seem furious with her"), not asking it.
READS_PATIENT = compile_any([r"(?<!how )(?<!what )(?<!whether )(?<!if )you (?:seem|sound|look|are|feel|felt|seemed|sounded|looked|were)(?: to be)? \w+"])
#: A patient's feeling about the therapist that is itself a strain ("I was annoyed with you",
#: "you find it easier to see her side"): thanking or welcoming it addresses the strain.
STRAIN_AT_T = compile_any([
    r"annoyed|angry|irritated|frustrated|hurt|upset|cross|disappointed|let down|\bside\b|"
    r"do not get|not listening|ignored|left out|forgot(?:ten)? me|quieter|fed up",
    # Being hurried, cut off or reduced to a customer; a sting or a shut-down after it.
    r"stings?|stung|rushed|hurried|cut off|pushed out|brushed off|fobbed off|a customer|an invoice|a number|shut down|why bother|"
    r"made (?:up )?your mind|outnumbered|ganged up|the bad guy|defendant|catch\w* me out|put on the spot|told off|picked on|"
    r"you (?:are|were|have been) (?:\w+ )?(?:marking|judging|grading|testing|assessing|analy[sz]ing|criticising|criticizing|blaming|rushing) me",
    # Having hated the therapist's task, or felt tested by it.
    r"\bhated (?:it|that|doing it|every (?:minute|second))\b|felt like a test\b",
])
#: A question put to the therapist: "you" as the subject, after an auxiliary or a wh-word.
ASKS_YOU = re.compile(r"(?<!\w)(?:(?:do|did|have|are|were|would|will|has) you|(?:who|what|where|which|how|when) (?:\w+ )?"
                      r"(?:do|did|are|were|have|would) you)((?: (?:also|ever|yourself|actually|still|even|personally|too|really|possibly|just|usually|normally|generally|honestly))*) (\w+)")
#: Verbs that ask the therapist's opinion, memory or work, not their life ("do you think ...?").
NOT_PERSONAL = frozenset("""think mean want need suggest recommend reckon say know remember see make understand agree believe
    expect mind charge write work notice hear find feel call going gonna be keep tell ask read mean do decide
    prefer recommend advise normally usually""".split())
#: What marks a question as about the patient or the sessions rather than the therapist's life.
ABOUT_SESSION = compile_any([r"\b(?:me|my|myself|i|session|sessions|therapy|appointment|next week|notes|homework|here)\b|"
                             r"(?<!like )(?:this|that)\b|^ it\b|(?:doing|enjoy|enjoying|mind) it\b"])
#: A first-person answer.
FIRST_PERSON = compile_any([r"\b(?:i|my|me|mine|myself|we|our|us)\b"])
#: An answer about the work ("one of the main things I do here", "a trauma conference").
PROFESSIONAL = compile_any([r"conference|workshop|training|research|clinic|colleague|supervisor|clients?|patients?|people i (?:see|work with)|"
                            r"therapy|therapist|sessions?|\bhere\b|my (?:work|job|practice|caseload)|at work"])
#: Arranging sessions inside an answer.
ARRANGES = compile_any([r"(?:could|can|shall|should) we (?:do|meet|make it|move|switch|swap|say)\b|the (?:centre|center|office|clinic|practice) (?:is|will be) (?:closed|shut)"])
#: "Did you watch the game?" is chit-chat about a shared event (social), not about the therapist's life.
SHARED_EVENT_VERBS = frozenset("watch catch follow hear read".split())
#: What a "have you got ...?" asks for when it asks for time or help, not about a life.
ASKS_HELP = re.compile(r"(?: got)? (?:a |an |any |some )?(?:minute|second|moment|sec|time|idea|ideas|clue|anything|advice|tips|leaflets?|information|suggestions?|chance|"
                       r"number|pen|tissue|card|slot|space|room|availability|appointments?)\b")
#: A patient turn that names the therapist or the sessions ("It's not your fault", "in here").
NAMES_T = compile_any([r"\b(?:you|your|yours)\b|in here|these sessions|the sessions|our sessions|coming here"])
#: Validating a feeling about the therapist or the frame ("It makes sense that it stings",
#: "It's a fair thing to wonder"): a repair once that feeling carries strain.
VALIDATES = compile_any([
    r"(?:it|that) (?:makes|made) (?:a lot of |complete |total )?sense|(?:fair|reasonable|understandable|natural) (?:thing )?to (?:wonder|think|feel|mind|ask|want|notice|say)|"
    r"(?:that is|it is) (?:completely |totally |very )?(?:fair|understandable|reasonable)\b|(?:useful|helpful|important|good) to (?:know|hear)",
])

#: Sharing the patient's experience as one's own ("Coffee does that to me too", "I'm the same").
SHARES_SAME = compile_any([
    r"(?:do|does|did|happen|happens|happened|used to do) (?:that |this |the same )?(?:to|for) me (?:too|as well)\b",
    r"(?:^ |\b(?:honestly|actually|oh) )i am (?:exactly )?the same(?: way)?(?: with| about|$)|^ (?:(?:oh|yes|yeah|ha|honestly) )*same (?:here|with me)\b",
])

#: An answer that gives what a question about the therapist's life asked for ("I do, a daughter").
ANSWERS_OWN = compile_any([
    r"^ (?:(?:yes|yeah|yep|oh|well|um|ha|i did|i do) )*(?:i (?:did|do|have|am|was|went|got)|we (?:did|do|have|went)|a (?:daughter|son|few days|week|couple)|two|three)\b",
    # Elliptical answers ("Took the dog up the hills. Got soaked.").
    r"^ (?:(?:oh|well|um) )*(?:took|went|had|spent|stayed|visited|saw|got|walked|cooked|watched|read|played|slept)\b",
    r"^ (?:(?:oh|yes|yeah|well) )*(?:love|loved|hate|hated|like) (?:it|them)\b|^ (?:(?:yes|yeah) )*(?:one|a little|a boy|a girl|twins)\b",
    # "It is, yes. I'm due in five weeks", "It's a hip", "He's six", "Twelve years in March".
    r"^ (?:(?:yes|yeah|oh|well) )*(?:it is|it was|he is|she is|they are)\b|^ (?:four|five|six|seven|eight|nine|ten|eleven|twelve|\d+) (?:years?|months?)\b",
])
#: A patient checking the therapist received something ("did you get my email?").
ASKS_RECEIVED = compile_any([r"(?:get|got|see|read|receive|have) my (?:message|email|e mail|text|letter|voicemail|note|form|card|invoice|payment)"])
#: A question handed back to the patient after a short answer ("How about you?").
HANDS_BACK = compile_any([r"(?:how|what) about (?:you|yours)|and (?:you|yours)\b|how was yours|how (?:was|were|is) (?:your|the) (?:week|weekend|holiday|break)"])
#: Words of a polite answer that tell nothing about the therapist's life.
COURTESY = frozenset("i did do yes yeah thanks thank you have had a it was nice good lovely great okay fine very much really it is".split())

#: Disagreeing outright with the patient's verdict ("I don't think it's pointless at all"): the
#: caller checks that the verdict's word is the patient's own, just spoken in a complaint.
DISPUTES = compile_any([r"(?:i do not think|i would not say|i do not agree that) (?:it is|that is|this is|they are|these are|it has been|they have been|the \w+ (?:is|are))\b"])
#: Someone else as the subject right after a firm "it's not fair" ("... she never asks"): no pushback on the therapist.
THIRD_AFTER = compile_any([r"^ (?:that |because |cos |when |how )?(?:she|he|they|my \w+|his|her)\b"])
#: The therapist's own past in the first person ("what helped me was", "I found"), not an opinion ("I'd go for").
OWN_PAST = compile_any([r"\b(?:helped me|worked for me|i (?:found|did|was|had|used to|tried|got|went|felt|managed|learned|learnt|ended up))\b"])
