"""References to the frame and to the therapist's own acts that name no listed frame topic.

The lexicon (:mod:`alliance.annotators._relpatterns`) and the compositional cues
(:mod:`alliance.annotators._cues`) recognise a frame topic by its words: "the
break", "my leave", "the fee". New authors refer to the same event in ways those
words do not cover, and the misses share a structure rather than a phrasing:

- **the therapist's act**: the therapist asks about something *they* did or are
  doing ("me cutting back like that", "when my office called to cancel", "me
  going off in March"); with a reaction question it is frame talk, or process
  talk when the act is one of the session itself ("me pressing like that");
- **the announcement**: the therapist tells the patient of a change of the
  schedule in words no topic list holds ("one thing I need to tell you about the
  schedule", "I can offer you Tuesdays instead"); a reaction question a few
  turns later ("how does it sit with you?") asks about it;
- **the link by series**: the therapist sets themself last in a list of the
  patient's people ("by your brother, by Gordon, and now by me"), or asks whether
  their act "touches some of that";
- **the therapist's own missing**: "I'll miss our Wednesdays too" is immediacy;
- **the patient's near absence**: "I almost cancelled today" is about coming here
  once the therapist takes it up;
- **owning and revising**: the therapist owning a mistake ("that was my mistake"), the
  patient taking back an earlier "it's fine" ("I said it didn't matter, but ...");
- **what is not the two of them**: a warm room ("warm in here"), someone else taking a
  side, a deferral ("we can come back to the form next week"), the patient proposing
  the next task.

All patterns are written against :func:`alliance.annotators._lexicon.normalize`.
"""

from __future__ import annotations

from alliance.annotators._lexicon import compile_any
from alliance.annotators._relpatterns import KIN

_ROLES = r"teacher|coach|boss|nan|nana|gran|granny|stepdad|stepmum|carer|ex|ex husband|ex wife|foster mum|foster dad"

__all__ = [
    "ANNOUNCE_WIDE", "T_ACT_FRAME", "T_ACT_PROCESS", "T_REACTION_MORE", "T_LINK_SERIES", "T_MISS",
    "P_NEAR_ABSENCE", "P_WHAT_I_AM", "ROOM_THINGS", "THIRD_SIDING", "DATE_WORDS", "T_FEEL_BY_ME", "DEFERS",
    "P_WORK_DOUBT", "P_PROXY_MORE", "ABOUT_THAT", "P_LINK_THAT",
    "T_OWNS_ERROR", "P_PROPOSES", "P_REVISES_DECLINE", "T_NOTICES", "PAYING", "FEELING_ASKED", "GROUNDING", "LOSSES_THEN_US",
]

_DAYS = r"mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?"
_MONTHS = r"january|february|march|april|may|june|july|august|september|october|november|december"

#: The therapist announcing a change to the sessions, in words no frame topic lists.
ANNOUNCE_WIDE = compile_any([
    r"\bi have (?:got )?something to (?:tell you|let you know|mention)\b(?:\s+\w+){0,6}?\s+(?:from|next|i will|i am)\b|"
    r"(?:something|one thing|a thing|one more thing) i (?:need|have|want|ought|should|must) to (?:tell you|let you know|mention|raise)|i (?:want|need|have) to tell you (?:this|something) (?:now|today|before)",
    r"(?:need|have|want|got|ought) to (?:let you know|tell you|mention)\b(?:\s+\w+){0,8}\s+(?:about (?:the|our|my) (?:schedule|sessions|times?|days?|diary|hours)|i will|i am going|i can not|from)",
    r"i can (?:only )?offer you\b|i (?:can not|will not be able to|can no longer|am not able to) (?:do|keep|make|offer|hold|see you)\b(?:\s+\w+){0,4}\s+(?:slot|time|session|sessions|appointment|" + _DAYS + r"|any more|anymore)",
    r"i am (?:dropping|cutting|reducing|going down|going part time|moving) (?:back )?(?:to|down to|my)\b(?:\s+\w+){0,3}\s+(?:days|hours|part time|a week)",
    r"(?:from|starting|after) (?:the start of |the end of )?(?:next (?:week|month|term|year)|the new year|" + _MONTHS + r")\b(?:\s+\w+){0,3}\s+i (?:am|will|can)\b",
])

#: The therapist's own act bearing on the frame, referred to as theirs.
T_ACT_FRAME = compile_any([
    r"\bme (?:\w+ )?(?:cutting|going (?:off|away|on|down|part time)|being (?:away|off|gone|out)|leaving|moving|changing|dropping|reducing|"
    r"stopping|finishing|cancell?ing|retiring|switching|rescheduling|not being (?:here|around|there))\b",
    r"\bmy (?:office|secretary|receptionist|admin|clinic|practice|service|team) (?:\w+ ){0,2}(?:call|called|rang|phoned|cancel\w*|emailed|wrote|texted|moved|changed|reschedul\w*)",
    r"\b(?:when|that|since|after|how) i (?:cancel\w*|cut back|cut down|reduced|rescheduled|went away|was away|was off|announced|"
    r"(?:changed|moved|switched|dropped) (?:the|our|your|us|you|to)\b(?:\s+\w+){0,2}\s+(?:sessions?|times?|days?|appointments?|slot|schedule|phone|video|fortnightly|monday|tuesday|wednesday|thursday|friday))\b",
    r"(?:the|that|this) change (?:of|to|in|after) (?:the )?(?:days?|times?|our|sessions?|schedule|slot)\b|(?:that is|it is) (?:a|quite a|a big) change after",
    r"(?:a|the|this|that) change i (?:have |had )?made\b|i (?:have |had )?made (?:a|this|that) change\b",
    r"(?:since|after|when) i (?:told you|let you know) (?:about )?(?:the|my|our) (?:move|change|news|leave|plans?|dates?|schedule|time off)\b|"
    r"(?:the|our|this) move to (?:" + _DAYS + r"|the phone|video|online|fortnightly|a new room|the new room)",
    # The patient kept waiting by the therapist's lateness.
    r"(?:those|the|that) (?:\w+ ){0,2}minutes? (?:in the waiting room|out there|waiting)|(?:you were|you had been) (?:left )?waiting (?:for me|out there|in the waiting room)",
    # Lateness is frame (codebook): "what was it like sitting out there waiting for me?", "you've been
    # waiting twenty minutes ... sitting out there", "in the corridor waiting for me".
    r"\b(?:sitting|sat|waiting|waited|wait) (?:\w+ ){0,3}?(?:out there|in the corridor|in the waiting (?:room|area)|outside)\b(?:\s+\w+){0,2}?\s+(?:for me|on me)\b|"
    r"\bkept waiting by me\b|\b(?:keeping|kept) you waiting\b|\b(?:when|since|after) i went off\b|"
    r"\b(?:sitting|sat) (?:in the corridor|in the waiting (?:room|area))\b|^(?=.*\b(?:waiting|waited|late|minutes)\b).*\b(?:sitting|sat) out there\b|\byou have been waiting (?:\w+ ){0,2}minutes\b|\bwaiting for me (?:to|out|in)\b",
    # Whoever sees the patient instead is the absence's consequence.
    r"(?:with|see you|seeing|to) (?:a|the) (?:stand in|locum|cover|covering (?:therapist|clinician)|replacement)\b",
])
#: The therapist's own act inside the sessions (pressing, pushing, asking): process talk.
T_ACT_PROCESS = compile_any([
    r"\bme (?:\w+ )?(?:pressing|pushing|asking|jumping in|interrupting|challenging|insisting|bringing (?:that|it|this) up)\b",
    r"\bi (?:jumped in|rushed (?:in|you|ahead)|went (?:in )?too fast|pushed too|pressed too|took the focus)\b",
    r"\bwhen i (?:push|pushed|press|pressed|challenge|challenged|interrupt\w*|jump\w* in|insist\w*) (?:on )?(?:something|things|you|that|this|it|hard)\b",
])
#: The therapist noticing what the patient does each time they raise something: process talk.
T_NOTICES = compile_any([
    r"(?:notice|noticed|noticing) (?:that )?(?:when|whenever|each time|every time) i (?:bring up|mention|raise|ask about|talk about|come back to)\b(?:\s+\w+){0,3}\s+you\b",
])
#: The therapist naming a feeling the patient has with the therapist as its cause ("you might
#: be feeling a bit fobbed off by me", "you felt rushed by me").
T_FEEL_BY_ME = compile_any([
    r"i am (?:more|less|better) (?:\w+ ){0,4}(?:with|to) (?:her|him|them) than (?:with |to )?you\b",
    r"you\b(?:\s+\w+){0,4}\s+(?:feel|feeling|felt)\b(?:\s+\w+){0,4}\s+(?:by|at|with|toward|towards) me\b",
])
#: A later therapist turn that defers ("we can come back to the form next week"): logistics.
DEFERS = compile_any([
    r"(?:come|get|go) back to\b(?:\s+\w+){0,4}\s+(?:next (?:week|time|session)|another time|later on)\b",
])
#: The patient judging the method or its exercises as not working (the work between them).
P_WORK_DOUBT = compile_any([
    r"(?:this|these|the|all this|all these|those) (?:\w+ ){0,2}(?:stuff|exercises?|worksheets?|records|imagery|homework|techniques?|approach|method|tasks?|diar(?:y|ies)|columns|sheets|skills)\b"
    r"(?:\s+\w+){0,2}\s+(?:(?:is|are) (?:not |really not )?(?:doing (?:anything|nothing|much|my head in)|helping|working|getting me anywhere|pointless|useless)|"
    r"(?:is|are) not (?:really )?(?:doing|helping|working)|(?:do|does) not (?:seem to )?(?:help|work|do anything))",
])
#: A relative or partner saying the patient fears or resents the therapist ("she's scared of you").
P_PROXY_MORE = compile_any([
    r"(?:he|she) (?:is|was|gets|got|feels|felt) (?:\w+ )?(?:scared|afraid|frightened|nervous|worried|wary|terrified|angry|cross|annoyed|upset) (?:of|with|at|about) you\b",
    # "She feels like you take my side in these sessions": the sessions say whose "you" it is.
    r"(?:he|she) (?:feels|felt|thinks|thought|says|said) (?:like |that |as if )?you\b(?:\s+\w+){0,6}? in (?:here|these sessions|the sessions|our sessions|this room|therapy)\b",
    # "He won't open up to you in here": holding back from the therapist, in the sessions.
    r"(?:he|she) (?:does not|do not|did not|will not|would not|cannot|can not|never) (?:\w+ )?(?:tell|tells|talk to|open up to|trust|say much to) you\b(?:\s+\w+){0,3}? in (?:here|these sessions|the sessions|our sessions|this room|therapy)\b",
])
#: The therapist turning to the other client about what was just said ("Margaret, I'd like to
#: hear from you about that"): still the topic, not a turn away from it.
ABOUT_THAT = compile_any([
    r"(?:about|on) (?:that|this|what (?:\w+ )?(?:said|says|just said))\b|is (?:that|this|it) (?:how|right|true|what)\b",
])
#: Reaction questions the wider lists lack ("what it was like when ...", "how it is for you
#: when ...", "how's it sitting with you", "what it'll be like ...").
T_REACTION_MORE = compile_any([
    r"what (?:it|that|this) (?:was|is|will be|would be|might be|has been|is going to be|felt|feels) like\b|what (?:those|these) (?:\w+ ){1,7}(?:were|are|have been) like\b",
    r"how (?:is|was|has) (?:it|that|this) (?:been )?(?:sitting|settling)|how (?:is|has) (?:it|that|this) been for you|how it (?:is|was|has been) for you|how (?:is|was) (?:it|that) for you",
    # "I wonder what you make of it, now that it's getting closer."
    r"what (?:do )?you make of (?:it|that|this)(?: now)?",
    # "what was it like out there, waiting on me?", "when I texted to cancel, what did you imagine?"
    r"what (?:was|is|has been|will be) (?:it|that) like\b|what did you (?:imagine|picture|think was going on)|"
    r"what (?:went|was going) through your (?:mind|head)",
])

#: The therapist last in a series of the patient's people: "by your brother, by Gordon,
#: and now by me"; or asking whether their act "touches some of that".
T_LINK_SERIES = compile_any([
    r"\b(by|with|from|for) (?:your )?\w+(?: \w+)? (?:and )?\1 (?:your )?\w+(?: \w+)? and (?:now |maybe |perhaps |even |also )?(?:\1 )?me\b",
    rf"your (?:{KIN})\b(?:\s+\w+){{0,3}},? (?:and )?(?:now|maybe now|perhaps now|and now) (?:by |with |from |to )?me\b",
    # The therapist's act, or an ending here, carrying "some of" what the patient lived elsewhere.
    r"\b(?:me|my|(?:an|the|our|this) (?:ending|break|gap|goodbye) here|(?:our|this) (?:ending|goodbye))\b(?:\s+\w+){0,6}?\s+(?:touch\w*|stir\w*|connect\w*|link\w*|echo\w*|tie\w* in with|"
    r"brings? back|remind\w* you of|carr(?:y|ies)|bring\w* up) (?:\w+ )?(?:some|any|part|bits?|something|a bit) of (?:that|this|those|what|it|the)\b",
])
#: A run of the patient's losses ending in the therapy's own change: "the mess went, the marriage
#: went ... and now even this old place is being packed up"; "the people you counted on
#: disappeared ... and now here I am packing a suitcase". The therapist's oblique return, a link.
LOSSES_THEN_US = compile_any([
    r"\b(?:went|gone|left|disappeared|vanished|scattered|taken|died|lost|walked out|moved away|pulling out)\b(?:\s+\w+){0,14}?\s+and (?:now|here i am)\b"
    r"(?:\s+(?:even|here|also|too|telling you|saying))*\s+(?:this (?:old )?(?:place|room|building|office|clinic|service|program|programme)|i am|i|me|we are|our sessions|the sessions)\b"
    r"(?:\s+\w+){0,4}?\s+(?:being )?(?:packed up|packing|moving|going(?! to)|leaving|closing|ending|finishing|pulling out|off|away)\b",
])
#: The patient likening what the therapist did to what one of their people did ("my mum used
#: to do that"): said in answer to talk about the therapist's act, it is a link.
P_LINK_THAT = compile_any([
    r"(?:that is|it is|this is) (?:what|how it) (?:would have|used to|always|would) (?:\w+ )?(?:happened|happen|be|gone|go|went) (?:at home|growing up|in my family|when i was (?:little|a kid|small|young))",
    rf"(?:my|our) (?:{KIN}|{_ROLES})\b(?:\s+\w+){{0,2}}\s+(?:used to do|would do|always did|did|does|used to say|would say) (?:that|this|the same|exactly that|just that)\b",
])
#: The therapist owning a mistake toward the patient ("that was my mistake", "I should have
#: asked you first"): talk about the two of them.
T_OWNS_ERROR = compile_any([
    # Not "you're right, I was lecturing": backing down ends the talk rather than opening it.
    r"(?:that was|it was) my (?:mistake|fault|error)\b",
    r"i (?:should|ought to) (?:have|not have) (?:\w+ ){0,3}(?:with you|to you|you first|asked you|checked with you)\b|"
    r"i (?:got (?:that|it) wrong|was wrong to|made a mistake|missed the mark|misread you)\b",
])
#: The patient proposing the next task ("can we practise what I'd say to him?"): the talk
#: about the two of them has been set down.
P_PROPOSES = compile_any([
    r"^ (?:\w+ ){0,3}(?:can|could|shall) we (?:now )?(?:practi[sc]e|go over|look at|work on|get (?:back )?to|move on|do the)\b",
    # Thanks, then new business: "Thanks. Actually, there is something ..."
    r"^ (?:okay |right )?(?:thank you|thanks)(?: \w+)?? (?:actually|anyway|so|now) (?:there is something|i wanted|can i|i have been|something else)\b",
])
#: The patient taking back an earlier "it's fine" ("I said it didn't matter, but ..."): a return
#: to the frame topic raised earlier, whatever it is called now.
P_REVISES_DECLINE = compile_any([
    r"i (?:said|told you|made out) (?:that )?(?:it|that|this) (?:was |is |did not |would not |does not )?(?:\w+ )?(?:fine|okay|alright|all right|grand|matter|bother me|no big deal|nothing)\b(?:\s+\w+){0,3}?\s+but\b",
])
#: The therapist telling the patient they will miss them or the sessions: immediacy.
T_MISS = compile_any([
    r"i (?:will|would|am going to|shall) (?:really |also |truly )?(?:miss|feel the loss of|feel your absence) (?:you|our|these|this|seeing you|working with you|the work|your)\b",
])

#: The patient nearly not coming ("I almost cancelled today", "I nearly didn't come in"): an
#: opening only when the therapist takes it up as relationship talk.
P_NEAR_ABSENCE = compile_any([
    r"\bi (?:\w+ )?(?:almost|nearly) (?:cancel\w*|rang to cancel|texted to cancel|called to cancel|turned (?:round|around|back)|stayed (?:at )?home|"
    r"did not (?:come|turn up|make it|show)|skipped|bailed)\b(?:\s+\w+){0,4}\s*(?:today|this week|this session|on you|again|$)",
])
#: The patient asking what they are to the therapist ("is that what I am to you").
P_WHAT_I_AM = compile_any([
    r"(?:what|who) (?:i am|am i) to you\b|(?:just|only|merely) (?:a|another) (?:client|customer|number|paycheck|pay cheque|job|case|name|slot) (?:to|for) you\b",
])

#: "In here" as the room's temperature or a thing's whereabouts, not the two of them.
ROOM_THINGS = compile_any([
    r"(?:warm|cold|hot|chilly|stuffy|freezing|quiet|dark|bright|noisy|sunny|cosy|cozy|humid|muggy|draughty|drafty) in here|in here somewhere",
    # "Here" as a town, an institution or its routine ("here in the city", "the drop-in here on
    # Thursdays", "twenty-three hours a day in here", "story of my life in here").
    r"here in (?:the |this )?(?:town|city|village|country|area|uk|england|scotland|wales|ireland|prison|jail|ward|hospital|"
    r"unit|wing|centre|center|hostel|refuge|camp)\b|"
    r"(?:drop in|clinic|centre|center|office|unit|ward|wing|jail|prison|hostel|hospital|service) here (?:on|every|at|is|has)\b|"
    r"(?:hours|days|weeks|months|years) (?:a day |a week )?in here\b|(?:story of my life|life) in here\b",
])
#: Someone else taking a side ("Aoife will take his side"): nobody in the room.
THIRD_SIDING = compile_any([
    r"(?:\b(?:he|she|they)|\b(?!you\b|i\b|we\b)[a-z]{3,} (?:will|would|might|always|just|does|did)) (?:\w+ )?(?:take|takes|took|taking) (?:his|her|their) side\b",
])

#: Dates a frame announcement names ("Thursdays", "March", "the twenty-eighth"): a later
#: return names the event by them.
DATE_WORDS = compile_any([
    _DAYS,
    r"(?<=in |to |by |of |on )(?:march|may)|(?<=since )march",
    r"(?:twenty|thirty) (?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|"
    r"(?:fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w+teenth|twentieth|thirtieth)",
])


#: Paying for the sessions or counting them: the words of frame logistics.
PAYING = compile_any([
    r"\b(?:fee|fees|charge|charged|charges|charging|invoice|invoices|receipt|receipts|insurance|insurer|copay|co pay|"
    r"excess|refund|sliding scale|cancellation policy|cancellation fee|late cancellation|half the fee|full fee|"
    r"sessions? (?:left|remaining)|(?:plan|scheme|programme|program|package) covers)\b",
])
#: A grounding instruction in exposure or trauma work ("feel your feet on the floor, here in this
#: room"): the room is where the patient is anchored, and "feel" asks nothing about the two of them.
GROUNDING = compile_any([r"\b(?:feel|notice|press|plant) (?:your (?:feet|body|breath|hands|back|seat|weight)|the (?:chair|floor|ground|seat))\b"
                       r"(?: (?:on|under|against|in) (?:the|your) \w+)?(?: here)?(?: (?:in|here in) (?:this|the) room| right now)?"])
#: A feeling asked after or voiced, which makes talk about the frame more than logistics.
FEELING_ASKED = compile_any([
    r"\b(?:feel|feels|feeling|felt|miss|missing|mind|minded|upset|worried|worry|angry|sad|hard|bother\w*|"
    r"how (?:is|was|does|did|has) (?:that|this|it)|what (?:is|was) (?:that|it) like|for you)\b",
])
