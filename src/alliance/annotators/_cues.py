"""Compositional cues for relationship talk: referents combined with feeling, meaning or process.

The lexicon in :mod:`alliance.annotators._relpatterns` lists phrasings; this
module states the *composition* the codebook describes, so that phrasings
nobody listed still count:

- **frame + reaction**: a reference to the frame (a break, leave, a course or
  conference, a fortnight away, cancelled, moved or phone sessions, lateness,
  the fee, the clock, ending or cutting down) together with feeling, meaning or
  an open question to the patient about it. The frame alone is logistics.
- **therapist + feeling**: the patient's feeling, wish, fear or judgement with
  the therapist as its object ("too much for you", "sick of hearing about
  this", "what I'll say to you"), or the therapist asking about it.
- **process now**: the way the two of them are talking, in this room, now
  ("the way I'm going at it", "easier to talk about this here").
- **link**: "like (with) your mother" next to "me" or "here", in either order.
- **immediacy**: the therapist's "I find myself feeling", "I'm aware of
  feeling", said to the patient.
- **returns**: a later therapist turn that refers back ("once more", "before
  we finish", "coming back to") to a frame topic already raised.

All patterns are written against :func:`alliance.annotators._lexicon.normalize`.
"""

from __future__ import annotations

from functools import lru_cache

from alliance.annotators._flagpatterns import ASKS_THERAPIST_LIFE, NOT_SELF_DISCLOSURE, SELF_DISCLOSURE
from alliance.annotators._lexicon import compile_any
from alliance.annotators._framerefs import T_ACT_FRAME
from alliance.annotators._relpatterns import FRAME_T, KIN

__all__ = [
    "FRAME_T_WIDE", "FRAME_P_WIDE", "T_REACTION_WIDE", "T_OPEN_Q", "P_REACTION_WIDE", "P_FEEL_T",
    "T_FEEL_P", "T_PROCESS", "P_PROCESS", "T_LINK", "P_LINK", "T_IMMEDIACY_WIDE", "RETURN",
    "REPORTED", "TOPIC_WORDS", "GENERIC_YOU", "P_RAISES", "P_BACK", "CLOSING", "P_STRUNG", "SIDES", "T_LINK_WEAK", "NOT_REACTION", "T_ANCHOR", "P_APOLOGY", "COMPLAINT_FRAME", "own_life", "T_COME_BACK", "P_ENDING", "P_COPING", "DOUBTS_DECLINE",
    "answers_own_life",
]

_W = r"(?:\s+\w+)"
#: People a patient may liken the therapist to beyond kin (teachers, coaches, carers).
_ROLES = (r"headteacher|headmaster|headmistress|coach|nan|nana|gran|granny|stepdad|stepmum|carer|priest|vicar|"
          r"sergeant|supervisor|tutor|lecturer|professor|nun|guardian|babysitter|nanny")
_HOLIDAY = r"summer|winter|christmas|xmas|easter|august|half term|new year|spring|autumn|holiday|holidays"

#: Sessions going monthly or every few weeks, and the hour that is missed ("how was it, not
#: having this hour?"): the therapist's and the patient's words for the same change.
_EVERY_FEW_WEEKS = (r"(?:going|go|move|moving|moved|cut|cutting|drop|dropping|sessions|calls|appointments|visits|reviews|meet|"
                    r"meeting|see you|seeing you) monthly|monthly (?:sessions?|calls?|appointments?|visits?|reviews?)|"
                    r"(?:three|six)[ -]weekly|every (?:three|four|six) weeks|(?:not having|without|missing) (?:this|our) (?:hour|time)")
#: The frame in a therapist's mouth, wider than the listed phrasings.
FRAME_T_WIDE = compile_any([
    # The sessions' medium changed ("this being on the phone now ... we switched to calls"), and the
    # therapist's own cancellation in a participle ("sorry again for having to cancel").
    r"\b(?:this|it|us|these|our sessions) (?:being|happening|done) (?:on|over|by) (?:the )?(?:phone|video|zoom|teams|calls?)\b|"
    r"\bwe (?:switched|moved|changed|went) (?:over )?to (?:calls|phone calls|the phone|video|zoom|teams)\b|"
    r"\bhaving (?:had )?to (?:cancel|reschedule|rearrange)\b|"
    r"\bour (?:\w+ )?(?:slot|time|appointment|session)s? (?:has|have|will|is|are|would)(?: to| have to| need to)? (?:be )?(?:move|moved|moving|change|changed|changing|switch\w*)\b",
    # Someone else in the room for the work ("a trainee sitting in on ours", "her observing our sessions").
    r"\b(?:sit|sits|sitting|sat|observ\w*|watch\w*) (?:in )?(?:on )?(?:(?:our|your|these|the|this|some of (?:our|the)) )?(?:sessions?|appointments?|work together)\b|\b(?:sit|sits|sitting|sat) in on ours\b",
    # The ending, and the length of the hour, in a therapist's plain words ("after that you won't be
    # seeing me", "I'm finishing here at the end of the month", "our time got cut in half this week").
    r"you (?:will not|will no longer|are not going to|would not) be seeing me\b|"
    r"i am (?:finishing|leaving|retiring|stopping) (?:here|at (?:the|this) (?:clinic|service|practice|surgery|centre|center)|work(?:ing)? here)\b|"
    r"(?:our|the|your) (?:time|session|sessions|hour) (?:\w+ )?(?:got |was |were |is |are |has been |have been )?(?:cut|shortened|halved|cut short|cut down)\b",
    rf"(?:the|our|this|that|my|next|coming|upcoming|{_HOLIDAY}) (?:\w+ )?(?:break|gap)(?! with your| in\b| ins\b| into\b)",
    r"(?:my|our) (?:\w+ )?(?:holiday|holidays|vacation|leave|absence|time off|time away|trip away)|(?:me|my) being (?:gone|away|off|on leave|ill)",
    r"i (?:was|am|were) (?:\w+ ){0,3}late|(?:our|the) time(?:s| is) (?:nearly |almost )?up",
    rf"(?:we|i) (?:break|stop|pause|finish) (?:for|over) (?:{_HOLIDAY}|the)",
    r"i (?:will be|am|was|have been|will|am going to be) (?:away |off )?(?:at|on) (?:a |the |my )?(?:course|conference|training|leave|holiday|vacation|retreat)",
    # "I'll be gone for six weeks", also as speech recognition writes it ("ill be gone").
    r"(?:i will|ill|i am going to|i would) be (?:gone|away|off|out|out of the country|out of the office) (?:for|over|until|from|during|the)\b",
    r"(?:our|the|your) sessions (?:will|would|are going to|have to) (?:be|happen|go|move) (?:on the phone|by phone|over the phone|online|on video|by video|on zoom)|(?:we|you) would miss (?:the|our) sessions",
    r"(?:away|off) (?:on|at) (?:a |the |my )?(?:course|conference|training|leave|retreat)",
    r"fortnight|(?:two|three|four|five|six|seven|eight|ten|few|couple of) weeks? (?:off|away|without|apart|break)|weeks? without|without (?:our |the |any |these )?sessions?",
    r"not (?:coming here|being here|seeing me|meeting)|instead of (?:here|in person|meeting|coming in)",
    r"(?:while|when|after|whilst) i am (?:gone|away|off|on leave)\b",
    r"(?:switched|moved|changed|put) (?:us|you|our session|the session|our sessions) (?:to|onto|over to) (?:the )?(?:phone|video|zoom|online|a call|another|a different)",
    # "The phone call" alone is as often someone else's ("upset about Kylie, about the phone call").
    r"(?:the|a|that|our|last) (?:phone|video|online) session|(?:our|that|last) (?:phone|video|online) call|on the phone instead",
    r"(?:i|me|my) (?:cancel\w*|reschedul\w*|was late|were late|being late|lateness|ran late|running late|kept you waiting|changed the time|moved the time)",
    r"(?:the|that|our|last) (?:cancel\w*|missed session|session i cancelled|late start)",
    r"(?:the|my|new|our|your) (?:fee|fees|price|rate|bill)|(?:paying|pay) me|(?:fee|fees|price|rate) (?:going up|goes up|went up|increase|rise)",
    r"(?:our|the) time (?:is|being) (?:up|nearly up|almost up|over)|time is up|(?<!play )(?<!playing )(?<!against )(?<!beat )(?<!round )the clock|(?:have to|need to|must) stop (?:now|there|here)|(?:how|what) (?:is it|it is) to stop",
    r"(?:end|ending|finish|finishing|stop|stopping|terminat\w*) (?:of )?(?:therapy|treatment|our work|our sessions|the sessions|these sessions|coming here|seeing me|seeing each other|together|the work)",
    r"(?:us|we) (?:are )?(?:finishing|ending|stopping|finish|end|stop) (?:in|at|before|after|by|soon|next|this)",
    r"(?:our|the|your) (?:last|final) (?:sessions?|few sessions|weeks)|sessions? left|sessions to go|(?:the|our) ending|fortnightly|fewer sessions|cut\w* (?:us |our sessions |the sessions |sessions )?down to (?:fortnightly|every|once|one session|monthly)|(?:sessions|see each other|meet) less often|(?:sessions|meet|see you|see me) once a month|"
    # Sessions shortened or called off, the therapist kept waited on, the move to a screen
    # ("the clinic has cut our visits to twenty-five minutes", "when the group was called off",
    # "waiting on me for twenty minutes", "we won't be in the same room anymore").
    r"cut (?:our|the|your) (?:visits|sessions|appointments|time|calls|hour) (?:down )?to|"
    r"(?:session|sessions|group|appointment|visit|visits|call) (?:was |were |got |being |has been |had to be )?called off|"
    r"waiting (?:on|for) me|(?:won't|will not|would not|not|no longer) (?:be )?(?:in|sharing) the same room|"
    # A change to the place or the booking, told without the therapist's "I" ("the waiting room
    # will move", "the booking thing"), the wait the therapist caused, a week with no session.
    r"(?:the|our) (?:waiting room|rooms?|office|clinic|building) (?:will|is going to|is|are|has|have) (?:also )?(?:be |been )?"
    r"(?:move|moving|moved|change|changing|changed|clos\w+|relocat\w+)|(?:the|this|that) booking (?:thing|system|app|portal)|"
    r"how was the wait\b|(?:about|by) being moved\b|no session (?:here )?to (?:bring|take)|i am (?:the one )?going under the knife|"
    # Shorter visits, the gaps between sessions, the therapist cancelling by text, forgetting the
    # patient, or called out of the room.
    r"shorter (?:visits?|sessions?|time|hour|appointments?)|shortening (?:our|the|your) (?:visits|sessions|time|appointments)|"
    r"gaps? between (?:sessions|visits|appointments|calls)|i (?:texted|rang|phoned|called|emailed|wrote) to cancel|"
    r"i forgot (?:you|your (?:session|appointment)|our (?:session|appointment))|i (?:get|got|was|am|had been) called (?:out|away)",
    # Going monthly, or every few weeks, and the hour that is missed ("how was it, not having this hour?").
    _EVERY_FEW_WEEKS,
    rf"i (?:will not|am not going to|will not be|would not|would not be) (?:be )?(?:here|around|in)\b{_W}{{0,2}}\s+(?:over|for|during|in|next|on)",
    r"(?:asked|going|have|need|due) to (?:cover|work at|help out at|run|staff) (?:another|a different|the other|a second) (?:clinic|service|team|site|practice|ward|office)",
    # A sabbatical, a move of the room, a longer gap between sessions, the therapist
    # not being there: each changes the setting the two of them meet in.
    r"(?:my|a|the) sabbatical|(?:i am|i will be) taking (?:a |some )?(?:study |annual |unpaid |sick |compassionate )?(?:sabbatical|leave|time off|a break)",
    r"(?:we are|the practice is|the office is|the clinic is|we will be|i am) (?:\w+ )?(?:moving|relocating)|(?:the|a) new (?:building|room|office|premises)|(?:in|from|after) this room",
    r"(?:weeks?|longer|a gap|more time|time) between (?:sessions|our sessions|appointments|each session)",
    r"without me (?:in the room|here|there|around|for)|(?:have|having|had) (?:a|this|that) gap",
    # The therapist's own life events announced because they change the sessions.
    r"(?:my|the) (?:parental|maternity|paternity|sick|medical|extended) leave|(?:my|me) (?:retiring|retirement|moving|move|operation|surgery|leaving)",
    r"i (?:am|will be|would be|will|would|am going to|have to) (?:be )?(?:going )?(?:away for|off for|retiring|moving (?:to|away|cities|city|abroad)|having (?:surgery|an operation|a baby))",
    r"(?:mentioned|brought up|raised|talked about|said) (?:the|my|our) (?:\w+ )?(?:holiday|holidays|break|leave|absence|vacation|fee|fees|ending|cancellation|sabbatical)\b",
    r"instead of me\b|\bme (?:ringing|phoning|calling|texting|emailing|messaging) (?:you )?instead of (?:coming|turning up|visiting|being there|seeing you)\b|without (?:this|our|the|these) (?:hour|session|sessions|time)\b|\w+ sessions (?:before|until) (?:i|we|june|july|the|christmas|summer)",
    r"not having (?:our|the|a|any|your) (?:session|sessions|appointment|hour)|(?:meeting|meet|sessions?|seeing you|seeing each other|talking|working) (?:on|by|over) (?:the )?(?:video|phone|zoom|screen)|(?:rather than|instead of|not) in person",
    r"(?:talked|talk|talking|spoke|thinking|think|thought) about (?:ending|finishing|stopping)(?= $| (?:in|at|by|soon|and|but|so|or|what|how|when|is|was|feels|means|together|here|with me|for good|our work|therapy|the therapy)\b)|(?:ending|finishing|stopping|we finish|we end|we stop|we would finish|we would end|we would stop|we will finish|we will end|we will stop)(?: up)? (?:in|at|by|before|after) (?:january|february|march|april|may|june|july|august|september|october|november|december|the summer|the spring|christmas|easter)",
    r"(?:after|when|once|before|until) i (?:move|leave|retire|go away|am gone|finish here)\b|(?:by|on|over) video\b",
    r"my last (?:day|week|session|month)\b|(?:i am|i will be) leaving (?:the|this) (?:service|clinic|practice|team|hospital|centre|center)",
    r"(?:our |the |these |your )?(?:sessions|therapy|our work|the work) (?:will )?(?:finish|finishes|end|ends|stop|stops|come to an end|wind up) (?:in|at|by|before|after|on|soon|next)\b",
    r"(?:we|you) (?:only )?(?:have|have got|got) (?:one|two|three|four|five|six|seven|eight|a few|a couple of|\w+) (?:more )?(?:sessions? )?left\b",
    r"i am (?:going|flying|travelling|traveling|heading|off) (?:away )?to (?:a |the |an )?(?:\w+ )?(?:conference|course|training|retreat|wedding|funeral|meeting abroad)|there (?:will|would) be no (?:session|sessions)",
    r"(?:reducing|reduce|cutting|cut|cutting back) (?:my|our) (?:hours|sessions|days)|(?:my|the) (?:practice|office|consulting room) (?:is )?(?:moving|relocating|closing)|moving my practice",
    r"not coming (?:in|here|last week|for a while|for|to)\b|(?:missed|missing|skipped) (?:last weeks? session|last week|last session|a session|our session|sessions)",
    # Visits and sessions that did not happen, and a screen that did not answer (the therapist
    # on mute or frozen): the frame in everyday words.
    r"\b(?:visits?|sessions?|appointments?) (?:not happening|that did not happen|did not happen|not going ahead)\b|"
    r"\btalking (?:in)?to (?:a|the) screen\b|\b(?:i was|me being|me) (?:on mute|muted|frozen)\b",
])

#: The frame in a patient's mouth: your absence, our sessions, coming here, the fee.
FRAME_P_WIDE = compile_any([
    # The sessions' medium, in the patient's words ("this talking to a phone").
    r"\b(?:talking|talk|this|doing this|doing it) (?:to|on|over|through) (?:a|the) (?:phone|screen|computer|laptop)\b",
    # Someone else in the room for the work ("a trainee sitting in on ours", "her observing our sessions").
    r"\b(?:sit|sits|sitting|sat|observ\w*|watch\w*) (?:in )?(?:on )?(?:(?:our|your|these|the|this|some of (?:our|the)) )?(?:sessions?|appointments?|work together)\b|\b(?:sit|sits|sitting|sat) in on ours\b",
    rf"(?:your|the|this|that|every|each|{_HOLIDAY}) (?:break|gap)(?! up| down| through| room| time| in\b| ins\b| into\b)",
    r"your (?:holiday|holidays|vacation|leave|absence|time off|trip|course|conference)",
    r"(?:not|stop|stopping|quit|quitting|miss|missing|without|finish|finishing|end|ending|after) (?:coming here|coming in|therapy|these sessions|our sessions|the sessions|seeing you|our session|the session)\b|(?:miss|missing|without) (?:you\b(?! know)|sessions\b)|(?:stop|stopping|quit|quitting) coming\b",
    r"(?:you|you had|you have|you would|you just) (?:cancel\w*|reschedul\w*|changed (?:the|our|my)|moved (?:the|our|my))|(?:you|you were|you are) (?:running |always )?late\b|running late",
    r"(?:we|you) (?:have |have got |got )?(?:only |just )?(?:have|have got|got) (?:one|two|three|four|five|six|a few|a couple of|\w+) (?:more )?(?:sessions? )?left\b|(?:we have|we are|we|sessions have|sessions are) (?:gone|going|cut|cutting) down to (?:once|one session|every|fortnightly)|(?:the )?(?:hour|time) is up|(?:the|our|each|a) session (?:just )?(?:ends|stops|finishes)\b",
    r"(?:skipped|missed|did not come to|did not come in) (?:last weeks?|last session|the last session|a session|our session)",
    r"(?:insurance|funding|the nhs|the service|my plan|my cover) (?:only )?(?:covers|pays for|allows|gives me) (?:\w+ )?(?:sessions|therapy|counsell?ing|this)\b|sessions? (?:run out|running out|are up)\b",
    # Whoever funds the sessions ("ACC only covers ten more sessions").
    r"\w+ (?:only )?(?:covers|pays for|funds) (?:\w+ ){0,2}(?:more )?sessions\b",
    r"i (?:was|am|keep being|have been|keep) (?:\w+ )?late (?:today|again|for (?:our|the|this|my) session|here|coming in)\b|part of me (?:did not|does not|do not) want(?:ed)? to (?:come|be here)|(?:did not|do not) want to (?:come|be here) today",
    r"counted the (?:days|weeks) (?:till|until) you\b",
    r"(?:your|you) (?:cancel\w*|reschedul\w*|were late|are late|are always late|being late|lateness|went away|were away|are away|go away|going away|are going away|were off|are off|moved (?:the|our)|changed (?:the|our)|switched)",
    r"(?:your|the|this|new|these) (?:fee|fees|price)s?|(?<!at )(?:your|this|new) rate\b|(?:your|this) bill\b|paying (?:you|this|for this|for therapy|for sessions|so much|this much)|pay you",
    r"(?:this|therapy|coming here|these sessions|the sessions) (?:is|feels|seems|is just)(?: like)? (?:a )?waste of (?:my |the )?money",
    r"(?:need to|have to|should|start to|going to) (?:think about|talk about|plan) (?:ending|finishing|stopping)\b",
    r"you (?:would|will|might|are going to|could) (?:retire|leave|move away|stop working|go on leave|stop seeing me)\b",
    r"(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays) at (?:\w+)|(?:session|appointment) times?|these times|this time slot",
    r"(?:you|your) (?:moving|move|retiring|retirement|surgery|operation|parental leave|maternity leave|sabbatical)\b(?! on)|fortnightly|every other week|every fortnight|fewer sessions",
    _EVERY_FEW_WEEKS,
    r"(?:a|the|this|that) (?:cancellation|late|missed session|no show) (?:fee|charge)",
    # "You play the clock, not the ref", "against the clock": idioms, not the session's clock.
    r"(?<!play )(?<!playing )(?<!against )(?<!beat )(?<!round )the clock|my minutes|using up (?:my |the )?(?:minutes|time|hour)|(?:before|when) you kick me out",
    r"(?:whether|if) (?:i should |to |i want to )?(?:keep|continue|carry on|stop|bother) (?:doing this|coming|with this|therapy|with therapy)",
    r"(?:can|could|can not|could not|afford to) (?:still )?(?:keep|continue|carry on) (?:coming|doing this|with this|with therapy|therapy|seeing you)",
    r"(?:the|our|this|an|my|each) hour (?:is|feels|always|goes|flies|never|is never|is too)|(?:we|you) (?:always )?(?:have to|make us|make me) stop(?= $| just| right| when| as| at| there| now| before)",
    r"(?:phone|video|online|zoom) (?:sessions?|appointments?)|sessions? (?:on|by|over) (?:the )?(?:phone|video|zoom)|not having (?:our|the|a|my) session",
    r"(?:you|you will|you would) (?:still )?be (?:here|around|back)|fifty minutes|(?:we|you) (?:always )?stop (?:just|right|when|as|at)|(?:the|each|every) end of (?:the|a|each|every) session",
])

#: A therapist asking or saying what something means or stirs for the patient.
T_REACTION_WIDE = compile_any([
    # "Left" as a count ("you'd have three left") is logistics, not being left.
    r"you\b(?:\s+\w+){0,6}\s+(?:feel(?! your (?:feet|body|breath|hands|back|seat)\b| the (?:chair|floor|ground|seat)\b)|felt|feeling|abandoned|let down|dropped|forgotten|(?<!one )(?<!two )(?<!three )(?<!four )(?<!five )(?<!six )(?<!seven )(?<!eight )(?<!nine )(?<!ten )(?<!few )(?<!of )(?<!sessions )(?<!session )(?<!weeks )(?<!appointments )left|alone|on your own|"
    r"upset|angry|annoyed|relieved|disappointed|hurt|miss|missed|sad|lonely|anxious|worried|resent\w*|bothered|react\w*|lost|put second|second best)",
    r"(?:like|hard|easy|difficult|strange|okay|alright) for you|for you to (?:have|hear|think|know|be)|on your mind|sitting with you|sit with you",
    r"for (?:the two of you|you two|you both|both of you)|(?:to hear|hearing) that",
    r"(?:lands?|landing|landed) (?:somewhere|with you|for you|near|like|on you)|(?:might|may|could) be (?:a )?part of (?:that|this|it|the)",
    # Reactions to a frame change in other words: "does that land anywhere", "what's that like
    # to take in", "how is it to hear that", "who holds things for you while I'm gone".
    r"(?:lands?|landing|landed) anywhere|(?:like|for you|hard|strange) to take in|how (?:is|was) it to (?:hear|take|know|be told)",
    r"(?:who|what) (?:holds|will hold|looks after|is there for|keeps|carries) (?:\w+ ){0,2}(?:for )?you (?:while|when)",
    r"(?:hitting|affecting|hurting|touching|getting to) you (?:harder|more|more than)",
    # "How does it land, hearing it today?", "Where does that leave you?"
    r"how (?:does|did|will|is) (?:it|that|this) (?:land|landing|sit|sitting)\b|where (?:does|did|will) (?:that|it|this) leave you\b",
    # "Would it make any difference to you, knowing that?"
    r"(?:make|makes|made|making) (?:any |a |much |some )?(?:difference|odds) (?:to|for) you\b",
    # A wondering about how the change itself will be ("I wonder if the fortnight apart might be
    # hard"): the patient is not named, the frame word beside it is the whole question.
    r"i wonder (?:if|whether) (?:the|this|our|that|my) (?:\w+ ){0,3}(?:might|may|could|will|would) (?:be|feel) (?:hard|difficult|tough|strange|odd|painful|a lot)\b",
    r"(?:use|spend) (?:some of )?(?:them|the time|these|our time) to talk about|talk about (?:finishing|ending|stopping|the ending|us finishing|what it means)",
    r"how\b(?:\s+\w+){0,7}\s+(?:is|was|will be|would be|might be|has been|is going to be|could be) for you",
    r"how\b(?:\s+\w+){1,8}\s+(?:might|will|would|could) be\b|how (?:might|will|would|could)\b(?:\s+\w+){1,8}\s+be\b",
    r"how (?:is|was|will|would|might) (?:it|that|this) (?:be )?(?:to|when|for|being|knowing|thinking|hearing|going)\b",
    r"(?:is|was) it like that for you|what (?:is|was) that like|what it is like|what is it like|what (?:has|had|will|would) (?:it|that|this) (?:been |be )?like",
    r"(?:what|any) (?:feelings|thoughts|reactions?)|(?:thoughts|feelings) (?:about|on|around)|what do you make of (?:that|it|this)|what (?:that|it) is like (?:to|for)|what (?:that|it|this) (?:stirs|brings up|means)",
    r"what (?:does|did|might|would|could) (?:it|that|this) (?:stir|bring|mean)|stir\w* (?:up|anything|something)|what happened for you",
    r"(?:mean|means|meant|matter|matters|mattered) (?:to|for) you|(?:partly|really|also|in part) about|to do with",
    r"(?:feel|felt|feels) like (?:being|you were|a|i was|i am)",
    r"(?:is|was|might be|could be) (?:also |partly |just )?a way (?:of|to)\b",
    r"how\b(?:\s+\w+){0,5}\s+(?:landed|went down|sat with you|left you)",
    r"(?:(?:wonder|wondering|curious) |^ (?:so |and )?)how\b(?:\s+\w+){0,6}\s+(?:will|would|might|could|is going to|are going to) (?:feel|go)\b",
    # Issue 4, new writing: the frame affecting the patient, the patient's silence about it,
    # and what the patient pictures it will be like.
    r"(?:bother|bothers|bothered|upset|upsets|affect|affects|affected|trouble|troubles|unsettle|unsettles|unsettled) you\b",
    r"(?:you|we) (?:have not|have never|did not|never|do not|have barely|hardly) (?:\w+ )?(?:mentioned|said anything about|talked about|brought up|asked about|spoken about)",
    r"(?:what|whatever|anything) (?:that|it|this) (?:brings|might bring|may bring|stirs|might stir|raises) up|(?:make|making|leave|leaving) (?:some )?(?:room|space) for (?:that|it|this|whatever|what|any)|(?:a lot|much|quite a lot|a big thing) to take in",
    r"(?:what|how) do you (?:think|imagine|expect|suppose|reckon|picture) (?:it|that|this|they|those \w+|the \w+) (?:will|would|might|could|is going to|are going to) (?:be|feel)",
    r"(?:bring|brings|brought|bringing|stir|stirs|stirred) (?:anything|something|much|stuff|a lot|things) up",
    r"(?:might|may|will|would|could|is going to) (?:feel|seem) (?:\w+ )?(?:long|hard|strange|difficult|odd|weird|empty|lonely|unsettling|a long time)",
    r"how (?:does|did|do|will|would|might) (?:that|it|this) (?:feel|sit|land|seem)\b|how do you feel\b|(?:your|a) (?:first )?reaction\b|going through your (?:mind|head)",
])
#: An open question to the patient (how / what was it ...), not a scheduling one.
T_OPEN_Q = compile_any([
    r"^ (?:(?:so|and|but|well|okay|i wonder|i am wondering|i am curious) )*(?:how (?:is|was|has|will|would|might|did|does|do|are)|what (?:is|was|has|will|would|might|did|does|do) (?:it|that|this|those|you)\b)(?! time| day| works| suits)",
    # Embedded: "I wonder how it was, not coming here"; "I'm wondering what it's like to hear".
    r"(?:wonder|wondering|curious) (?:how|what) (?:it|that|this) (?:is|was|will be|would be|has been|might be|is going to be)\b",
])
#: A patient voicing feeling, meaning or evaluation (broad: the frame cue carries specificity).
P_REACTION_WIDE = compile_any([
    r"feel|feels|feeling|felt|miss|missed|missing|dread\w*|hate|hated|threw me|forever|resent\w*|ridiculous|waste|"
    r"annoy\w*|a pain|lost|sick|hard|harder|difficult|scared|afraid|worried|worry|sad|upset|angry|hurt|lonely|alone|"
    r"still thinking|keep thinking|thinking about|wonder\w*|cope|manage|do not know what|what (?:i|will i) (?:will )?do|how will (?:it|i)|"
    r"(?:do not|did not|never) (?:like|enjoy)|prefer|not the same|too short|too long|bother\w*|panic\w*|mess|fall apart|falls apart|go to pieces|in bits|struggl\w*|spiral\w*|count\w* the (?:days|weeks|hours)|knocked me|floored me|hit me hard|(?:makes?|made) me (?:want|feel|think)|(?:did not|do not) want to (?:come|be here)|"
    r"abandon\w*|let down|forgot\w*|unfair|too much|too expensive|relie\w*|glad|nervous|empty|weird|strange|cut off|on my min|gutted|crushed|stung|stewing|stewed|churning|sitting in my chest|cried|in tears",
])
#: A patient's feeling, wish, fear or judgement with the therapist as its object.
P_FEEL_T = compile_any([
    # Valuing what the therapist is or does ("I really value how honest you are with me").
    r"\bi (?:really |truly |do |so |genuinely )?(?:value|appreciate|admire|respect) (?:how|the way) (?:\w+ )?you\b(?! know)",
    r"(?:too much|a burden|a nuisance|a pain|hard work|boring|annoying|too needy|too needy) (?:for|to|on) you",
    r"(?:make|making|made|makes) (?:things|it|life|this|everything) (?:\w+ )?(?:hard|harder|difficult|worse|heavy|heavier) for you\b",
    r"(?:feel|felt|feels|feeling) (?:\w+ )?(?:further|far|distant|closer|close|cut off|disconnected)(?: away)? (?:from|to) you\b",
    r"you\b(?:\s+\w+){0,4}\s+(?:sick|tired|bored|fed up|weary) (?:of|with) (?:me|hearing|listening|this|it|us|my)",
    r"(?:rehearse|rehears\w*|practi[sc]e|practi[sc]ing|plan|planning|script\w*|imagine|imagining|think about|thinking about) what (?:i will|i would|i am going to|i should|to) (?:say|tell)(?: to)? you",
    r"you (?:must|probably|will|would|might|are going to|secretly) (?:think|thought|see me as|find me|be thinking)(?= )",
    r"(?:imagine|imagined|picture|worry|worried|fear|bet|assume|suspect|wonder whether|wonder if|wondered whether|wondered if) (?:that )?you\b(?:\s+\w+){0,8}\s+(?:about me|of me|me|us)\b",
    r"(?:want|wants|wanted|need|needs|needed|wish|wishes) you to (?:be proud|like|approve|think|see|notice|care|understand|know|tell me|say|fix|rescue|save|be pleased|remember)",
    r"i (?:get|got|feel|felt|am|was|become|became|feel so|get so) (?:\w+ ){0,2}(?:annoyed|angry|irritated|frustrated|cross|mad|furious|upset|hurt|disappointed|close|attached|grateful|jealous|nervous|shy|awkward) (?:with|at|by|toward|towards|to) you\b",
    # Subjectless, so a third party's ("my GP is fed up with me") is ruled out by its verb.
    r"(?<!is )(?<!was )(?<!gets )(?<!got )(?<!get )(?<!they are )(?<!we are )(?<!they were )(?<!be )"
    r"(?:disappointed|angry|annoyed|fed up|frustrated|cross) (?:in|with) me\b",
    r"(?<!they )(?<!people )(?<!parents )(?<!everyone )(?<!others )(?<!would )(?:think|thought|judge|judged) (?:less|badly|worse) of me",
    r"(?:do|did|will|would) you (?:\w+ )?(?:remember|listen to|think about|care about) (?:what i|anything i|me|my)\b",
    r"you (?:would|had) rather be (?:somewhere|anywhere) else(?! than)|you (?:want|wanted) (?:to be|me) (?:somewhere|anywhere|gone|out)\b",
    r"(?:what|everything|all that|the things?) i (?:told|said to|shared with|admitted to|showed) you\b(?:\s+\w+){0,8}\s+(?:weird|strange|awkward|embarrass\w*|ashamed|exposed|regret\w*|worried|odd|bad|funny)",
    r"(?:weird|strange|awkward|embarrass\w*|ashamed|exposed|odd|funny) about (?:what|everything|all that) i (?:told|said to|shared with|admitted to) you\b",
    r"i (?:really |do )?(?:like|love|appreciate|value|hate|do not like|can not stand) (?:that|how|the way|it when) you\b(?! (?:can|could|have to|need to)\b)",
    r"(?:think|thinking|dream|dreaming|miss|missing|attached to) (?:about )?(?:your|my|one s|a) (?:therapist|counsell?or)\b",
    r"(?:do|does|would|will|did|must) you (?:ever )?(?:get )?(?:fed up|sick|tired|bored|annoyed|frustrated) (?:of|with) (?:people|clients|patients|someone) like me",
    r"(?:would|will|do|did) you (?:even |ever |actually )?(?:notice|care|mind)\b(?:\s+\w+){0,2}?\s+(?:if i|when i|me|that i)\b|(?:would|will|do|did) you (?:even |ever )?(?:miss me|remember me)\b",
    r"(?:if|when) i\b(?:\s+\w+){1,4}\s+(?:would|will) you (?:even |ever |actually )?(?:notice|care|mind|miss me)\b",
    r"i did not come (?:here|in) to (?:be|get) (?:analy[sz]ed|lectured|judged|told)",
    r"you (?:are|were) (?:going to |gonna )?(?:judge|judging|laugh|laughing) at me|you (?:will|would) (?:judge|laugh at) me",
    # Doubting the therapist would come back, or fearing being dropped.
    r"(?:waiting|wait|bracing|braced|expecting|expect|afraid|scared) (?:for )?you to (?:laugh|judge|leave|get (?:angry|cross|fed up|bored|sick)|tell me off|give up|turn|drop|criticis\w*|criticiz\w*|forget|stop caring|move on|disappear|replace|lose interest|go cold|lose (?:patience|your temper)|snap|shout)",
    r"(?:wonder|wondered|wondering|worried|thought|think|doubt\w*) (?:whether |if |that )?you (?:would|will|had|were|might)? ?(?:\w+ )?(?:come back|be back|coming back|leave|give up|packed|pack|drop|dropped|forget|forgot)\b",
    r"(?:packed|dropped|ditched|forgotten about|given up on|giving up on) me\b|packed me in",
    r"i (?:am|was|might be|must be) (?:\w+ )?(?:boring|burdening|annoying|irritating|tiring|exhausting|disappointing|wearing|upsetting|overwhelming) you\b|i (?:bore|annoy|burden|disappoint|tire|irritate) you\b",
    r"you (?:are|were|are not|were not) (?:really |always |even |actually )?(?:on my side|against me|in my corner|with me on this)",
    r"(?:means|meant) (?:a lot|so much|something|the world|a great deal)(?: to me)? (?:that|when) you\b",
    r"you (?:have |really )?(?:helped|saved|changed|understood) me\b(?:\s+\w+){0,2}\s+(?:more|so much|a lot|than)|you have (?:really )?helped me\b",
    r"(?:have to|need to|must|got to|trying to|try to) (?:perform|impress|entertain|be good|be perfect|be interesting|be strong|be positive|look good|be happy) (?:for|to) you|(?:impress|please|entertain) you\b",
    r"(?:nervous|anxious|scared|worried|dreading|dreaded|excited|looking forward to|glad|relieved|embarrassed) (?:about |to )?(?:see|seeing|come and see|coming to see|facing|talk to|talking to) you\b",
    r"(?:hoped|hoping|wished|expected|expecting|thought) (?:that )?you (?:would|might|will|could|were going to) (?:say|notice|ask|mention|remember|call|text|see|understand|get|be pleased|be proud|comment)\b",
    r"(?:does|did|would|will|do) (?:it|that|this|i) (?:ever )?(?:annoy|bother|upset|irritate|frustrate|hurt|bore|tire) you\b",
    r"(?:sure|certain|convinced) about you\b|about you at first",
    r"(?:reckon|bet|guess|suppose|assume|imagine|expect|worry|think|feel like|am sure) (?:that )?you (?:think|thought|must think|probably think|see me|find me)\b",
    r"you are the (?:only|first|one|last) (?:person|one)\b",
    r"(?:wish|wished|want|wanted|hoped) (?:that )?you (?:would|could|had|did) (?:just )?(?:tell|say|give|fix|help|understand|listen|stop|ask)\b",
    r"i (?:felt|feel|have felt) (?:\w+ )?(?:cared for|held|heard|seen|understood|listened to|supported|looked after|judged|dismissed|rushed|ignored|brushed off)\b(?:\s+\w+){0,8}\s+(?:you|by you|with you|in here)\b",
    # Issue 4: affect at what the therapist said or did; the therapist easy or hard to talk to;
    # fearing the therapist's anger; shame about what was told to the therapist.
    r"(?:bugged|irked|irritated|frustrated|rattled|annoyed|upset|hurt|stung|embarrassed|bothered|threw) (?:me )?(?:a bit |a little |slightly )?when you\b",
    r"(?:hurt|upset|annoyed|stung|offended|bothered|angry|cross|irritated|embarrassed|thrown) (?:by|about|at|with|over) what you (?:said|did|told me|asked|suggested|wrote)",
    r"what you (?:said|did|told me|asked)\b(?:\s+\w+){0,8}\s+(?:i was|i felt|i am|it|that) (?:a bit |a little |really |quite )?(?:hurt|upset|annoyed|stung|offended|bothered|angry|cross|irritated)",
    r"you (?:are|were) (?:\w+ )?(?:easy|easier|hard|harder|difficult|nice|safe|good|the easiest) to (?:talk to|be with|open up to|tell things)",
    r"(?:afraid|scared|worried|terrified|convinced|sure|frightened) (?:that )?you (?:would|will|might|were going to|are going to) (?:be |get )?(?:angry|cross|mad|annoyed|disappointed|upset|fed up|laugh|think less|judge|hate|tell me off)",
    r"(?:embarrassed|ashamed|awkward|mortified|regret\w*) (?:about|by|of|at|for) (?:what|how much|everything|all that) i (?:told|said to|showed|shared with|admitted to) you",
    r"(?:i|i do not|i did not) (?:think|feel|believe|reckon) you (?:really |actually |even |much )?(?:like|liked|care about|cared about|believe|believed|respect|want to see) me\b",
    # What the patient sees the therapist do, and what they make of it.
    r"i (?:see|saw|notice|noticed|watch|watched) you (?:\w+ ){0,5}(?:and|then) i (?:think|thought|feel|felt|wonder|get|start)",
    r"when you (?:\w+ ){1,5}i (?:feel|felt|get|start|think)\b",
    r"you (?:were |are )?(?:sitting there |sat there |sat )?(?:watching|looking at|staring at|studying) me\b|(?:wonder\w*|worr\w*) what you (?:were |are |must be |might be )?(?:thinking|think|thought)",
])
#: The therapist's questions and statements about the patient's feelings toward them.
T_FEEL_P = compile_any([
    # Issue 4: wanting something from the therapist, dreading facing them, last week with them.
    r"you (?:wanted|needed|hoped|were hoping|wished) (?:me|for me) to (?:notice|see|say|understand|be proud|like|approve|know|remember|ask|get it|be pleased|comment|praise)\b",
    r"(?:dread\w*|nervous|scared|afraid|reluctant|(?:did not|do not) want)\b(?:\s+\w+){0,4}\s+(?:face|facing|coming back to|come back to) me\b",
    r"last (?:week|time|session) with me|with me last (?:week|time|session)",
    # Issue 4: holding back from the therapist, guarded with them, taking nothing from them.
    r"(?:tell|show|bring) me (?:only )?(?:the )?(?:good|nice|easy|positive)\b|(?:hold|holding|keep|keeping|held|kept) (?:\w+ )?back (?:from|with) me",
    r"you (?:have |are |seem |seemed |went |get |got )?(?:gone |got |getting |being |become )?(?:very |so |a bit |quite |really )?(?:polite|quiet|careful|guarded|distant|formal|cautious|cool|prickly|tense) (?:with|around|toward|towards) me",
    r"(?:keep|keeping|kept|hold|holding) me at (?:arm s|arms|a) (?:length|distance)|(?:shut|shutting|keep|keeping) me out\b",
    r"(?:take|taking|accept|accepting|receive|receiving) (?:anything|something|help|care|a compliment|praise|it) from me",
    r"(?:careful|carefully|cautious\w*|guarded|polite\w*|choos\w* your words|holding back|hesitant|hesitating)\b(?:\s+\w+){0,4}\s+(?:with|around) me\b",
    r"(?:experienc\w*|see|seeing|find|finding|hear|hearing) me as\b",
    r"(?:disappointment|anger|frustration|irritation|resentment|hurt|annoyance) (?:in|with|at|toward|towards) me\b",
    r"(?:a|some|the) (?:wish|hope|longing|need|pull) (?:for )?(?:me|for me) to\b",
    r"(?:feel|feels|felt|seem|seems) like i (?:am not|was not|do not|did not|have not) (?:really )?(?:getting|get|listening|understand\w*|hear\w*|with you)",
    r"(?:wonder\w*|imagin\w*|guess\w*|worr\w*|puzzl\w*|unsure|not sure) (?:about )?what i (?:meant|was getting at|was doing|was thinking|was trying to say)\b",
    r"you\b(?:\s+\w+){0,3}\s+(?:imagine|think|expect|fear|worry|suspect|assume|guess|sense|wonder|believe|feel)\w* (?:that )?i (?!(?:do not|did not|have|had|can|will|would|am going) (?:have|got|choice|to)\b)(?:think|feel|see|judge|would|will|might|am|was|do|did|must|could|have|had|want|wanted|get|got)\b",
    r"(?:expect|expects|expecting|waiting|brace|bracing|afraid|worried|scared|fear|fears) (?:for )?me to (?:get|be|go|leave|give|lose|say|stop|judge|think|turn|tell)",
    r"i (?:was not|am not|was|am|felt|feel|get|got|was never) (?:\w+ )?(?:bored|tired|fed up|annoyed|impatient|angry|irritated|frustrated|disappointed|cross) (?:with|of|at|by|in) you",
    r"(?:disappointed|angry|annoyed|cross|fed up|frustrated) (?:in|with) me\b",
    r"i (?:had |would |have |might |might have )?(?:dropped|abandoned|forgotten about|given up on|packed) you\b|packed you in",
    r"(?:your mind|you think|you feel|happens for you|happens in you|goes on for you|comes up for you) (?:\w+ )?when i\b|bracing (?:yourself )?(?:for|against) me",
])
#: Process talk, therapist: the way we are working, here and now.
T_PROCESS = compile_any([
    # Reading a test of the two of them ("part of you is testing whether I'll stick around").
    r"testing (?:whether|if) i (?:will|would|am going to|can|could) (?:stick around|stay|leave|go|give up|last|cope|stick with)",
    r"(?:the way|how) i (?:am|have been|was) (?:\w+ ){0,2}(?:going|asking|doing|pushing|talking|working|putting|coming|leading|pressing)",
    r"i (?:am|have been) (?:asking|doing) (?:you )?(?:a lot|lots|too much|too many|all the)",
    r"(?:easier|harder|hard|easy|safe|safer|okay|difficult) (?:for you )?to (?:talk|say|tell|share|open up|be)\b(?:\s+\w+){0,4}\s+(?:here|in here|with me|to me|today|now)\b",
    r"you (?:just )?(?:laughed|smiled|sighed|paused|went quiet|looked away|frowned|winced|flinched|shrugged|went silent|changed the subject|rolled your eyes|went red|teared up)\b(?:\s+\w+){0,3}\s+(?:as you|as i|when i|just now|right now|there $|then $)",
    r"what is (?:going on|happening) (?:for you )?(?:right now|just now|as we|in here|here)",
    r"(?:does|did|is) (?:it|this|that) (?:feel|seem) (?:like )?(?:too much|too fast|too hard|too quick)",
    # Owning the way they have been working ("I've kept coming back to it", "I pushed my idea on you").
    r"i (?:have |had )?(?:kept|keep) (?:coming back to|going back to|bringing up|pushing|returning to)|that is on me",
    r"i (?:pushed|pressed|forced|imposed) (?:\w+ ){0,4}on you",
    # Owning pressure just put on the patient ("I think I pushed you earlier", "I steamrolled you").
    r"i (?:think i |may have |might have )?(?:pushed|pressed|steamrolled|came at you|was lecturing|was pushing|was pressing|kept pressing)\b(?:\s+\w+){0,3}\s+(?:you|too hard|too much|earlier|just now|a minute ago|then|there)\b",
    r"how (?:has|is|was) (?:today|this|this session|the session|it) (?:been|going|felt)\b(?:\s+\w+){0,4}\s+(?:with me|between us)|(?:it|things) got (?:a bit |a little |quite )?(?:tense|heated|prickly|difficult) (?:between us|in here|earlier|at the start|just now)",
    r"how (?:this|today|the) sessions? (?:has been|is|was|is going|went|been) for you|(?:you|your eyes) (?:just )?looked (?:over |across )?at (?:my|the) (?:notes|notepad|pad|clock|watch|phone)",
    r"worth (?:us |we )?(?:spending|using|giving) (?:the next|our|some of our|the rest of)",
    # Owning the move just made: "I came in too strongly there", "I jumped in with my own
    # read", "that was a big question to throw at you", "I can hear I've turned it into a theory".
    r"i (?:came|jumped|went|rushed|charged) in (?:\w+ ){0,2}(?:too |a bit |rather |very )?(?:strongly|strong|hard|fast|quickly|soon|early|heavy|heavily)\b|i jumped in with my own",
    r"(?:big|hard|heavy|lot of a) question to (?:throw at|put to|ask) you|i can (?:hear|see) (?:that )?i have (?:turned|made|been|gone)",
    r"(?:can|could|shall) we (?:spend|use) (?:part|some|half|a bit) of (?:today|this session|the session|our time)",
    r"(?:we have|we are|we have just|we just|we) (?:hit|touched|reached|found|stumbled on|got to|touched on) (?:on )?something (?:important|big|real|painful|tender)",
    r"(?:how|the way) i am (?:with|toward|towards|around) you|i (?:did|was doing|have been doing|have done) (?:most of |all of |a lot of )?the talking",
    r"(?:if|whether) i (?:got|get|have got|did|said|have said|do|say) (?:something|anything) (?:wrong|unhelpful|that (?:upset|hurt|annoyed|bothered))",
    r"(?:notice|noticing|noticed|aware)\b(?:\s+\w+){0,3}\s+(?:we|you and i|the two of us) (?:keep|kept|seem to|both|have both|are both) (?:\w+ )?(?:moving|drifting|steering|coming|going|getting|slipping|avoiding|skirting|circling|quiet|stuck)",
    r"how (?:this|our|the) (?:conversation|session|talk|work|time together) is (?:going|feeling|landing|sitting)",
])
#: Process talk, patient: saying this here, to the therapist, today.
#: Crying or telling, for the first time, in front of the therapist ("I've never cried in front
#: of anyone before"): the act names the room whatever else is said.
_NEVER_BEFORE = (r"\bi (?:have )?never (?:cried|broken down|said (?:this|that)|told anyone (?:this|that)|talked about (?:this|that)) "
                 r"(?:in front of|to|with) (?:anyone|anybody|someone|a stranger)")
P_NEVER_BEFORE = compile_any([_NEVER_BEFORE])
P_PROCESS = compile_any([
    _NEVER_BEFORE,
    r"(?:how|the way) we (?:left|ended|finished) (?:it|things|off)\b",
    r"(?:this|it) is (?:harder|easier|weirder|scarier|more awkward) than i (?:thought|expected)\b(?:\s+\w+){0,3}\s+(?:sitting here|being here|in here|here|saying it|talking)",
    r"what i am (?:supposed|meant) to (?:be doing|do|say|talk about)\b(?:\s+\w+){0,2}\s+(?:here|in here|in these sessions|in our sessions|in therapy|with you)",
    r"(?:easier|harder|hard|easy|safe|safer|scary|strange|weird|awkward|embarrassing|difficult) to (?:talk|say|tell|share|open up|admit|be)\b(?:\s+\w+){0,5}\s+(?:here|in here|to you|with you|today|now|this time)\b",
    r"(?:hard|difficult) to be (?:in )?(?:here|in the room|in this room)",
])
#: A link between the therapist and another relationship, therapist speaking.
T_LINK = compile_any([
    rf"(?:like|as|the way|same as|just as|as with) (?:with |it was with |it is with )?your (?:\w+ )?(?:{KIN})\b(?! (?:doctor|nurse|counsell?or|therapist|worker|teacher|coach|gp))(?:\s+\w+){{0,12}}\s+(?:me|i|us|here|in here)\b",
    # Not a couple told they agree ("I think you're both saying the same thing"), nor someone
    # who "told me the same thing": neither sets the therapist beside another relationship.
    r"(?<!told )(?<!telling )(?<!tell )(?<!tells )(?:me|i)\b(?!(?:\s+\w+){0,3}\s+both\b)(?:\s+\w+){0,6}\s+(?:the same thing|the same way|do the same|say the same|same as (?:him|her|them))",
    r"(?:with me|here|in here|between us|to me)\b(?:\s+\w+){0,8}\s+(?:the way|like|as|just as) (?:you did|you used to|it was|you were|you do) (?:at home|with your|as a (?:child|kid|boy|girl)|growing up|at school|back then)",
    rf"(?:here|in here|with me|to me)\b(?:\s+\w+){{0,8}}\s+(?:the way|just like|just as|like) you (?:\w+ ){{0,3}}(?:everyone|everybody|your (?:\w+ )?(?:{KIN})|at home|with your|growing up|at that table)\b",
    r"(?:gap|break|holiday|holidays|leave|absence|ending)\b(?:\s+\w+){0,3}\s+(?:is|feels|might be|could be|may be) (?:a bit |a little |just |something |kind of |rather )?like (?:that|then|it was|back then|when you|at home|with your|being)",
    # The therapist's own act set beside what someone else did or what the patient said of others.
    r"(?:that is|it is|this is|which is) (?:a bit |a little |kind of |sort of |maybe |perhaps |exactly |just |partly )?(?:what|like what) i (?:did|have done|am doing|was doing)\b",
    r"(?:me|i)\b(?:\s+\w+){0,8}\s+the way (?:he|she|they) (?:did|used to|does|would)\b",
    rf"(?:me|i) (?:to )?(?:do|did|doing|say|said) what your (?:\w+ )?(?:{KIN}) (?:did|used to|does|would|said)\b",
    r"(?:came|comes|come) up (?:just |right )?(?:after|when|as) i (?:mentioned|said|told you|announced|raised)\b",
    r"(?:a little|a bit|something|some|part|any) of (?:that|this|those feelings|what you felt)\b(?:\s+\w+){0,3}\s+(?:here|with me|in here|between us)\b",
    # "a little like that too, me giving my time to ...": the therapist's own act beside the story.
    r"(?:like|as) that (?:too|as well)\b(?:\s+\w+){0,2}\s+(?:me|i|my)\b",
    r"(?:my|me|i)\b(?:\s+\w+){0,10}\s+remind\w* me of (?:what you (?:said|told me) about|how you (?:were|described)|your)\b",
    rf"(?:to|with) me the way you (?:\w+ ){{0,3}}(?:to|with) your (?:\w+ )?(?:{KIN})",
    # Not a hedge ("your last counsellor, Moira, I think you said, gave you that card"): the
    # therapist recalling a fact, not setting themselves beside the earlier helper.
    r"your (?:last|previous|old|other|first) (?:counsell?or|therapist|psychologist|doctor|worker)\b(?:\s+\w+){0,10}\s+(?:i(?! think| guess| believe| suppose| gather| remember)|me|my|us)\b",
    rf"(?:i|me)\b(?:\s+\w+){{0,6}}\s+(?:like|as) (?:another|one more|just another|yet another) (?:\w+ )?(?:teacher|parent|adult|boss|doctor|{KIN})\b",
    r"(?:i am|me|i might be|i could be) (?:just )?(?:one more|another|yet another|the next) (?:person|adult|professional|one)\b(?:\s+\w+){0,3}\s+(?:asking|telling|pushing|expecting|wanting|who|to)\b",
    rf"(?:i am|me|i might be|i could be) (?:just )?(?:one more|another|yet another|the next) (?:person|one|adult|man|woman)\b(?:\s+\w+){{0,10}}\s+(?:like|as|the way|same as) (?:with )?your (?:\w+ )?(?:{KIN})",
    rf"(?:with|from|of) me\b(?:\s+\w+){{0,6}}\s+(?:expect\w*|wait\w*|brac\w*|same|again|got|get|used to)\b(?:\s+\w+){{0,6}}\s+(?:from|with|at|by|of|like) your (?:\w+ )?(?:{KIN})",
    rf"(?:my|me|i|our)\b(?:\s+\w+){{0,8}}\s+(?:like|as|same as|just as|reminds? you of|similar to) (?:when|what|how|the way|the time) (?:with )?your (?:\w+ )?(?:{KIN})",
    r"(?:sounds|seems|feels) like it (?:comes|came) from (?:your|an|the|a)\b(?:\s+\w+){0,3}\s+(?:place|voice|past|childhood|history|old)",
    # The same words said to someone in the patient's life and to the therapist ("you told your
    # mother-in-law to go and rest, and a few minutes ago you told me it's my time to rest").
    rf"you (told|said to|say to|tell|kept telling|keep telling) (?:your|her|his) (?:\w+ )?(?:{KIN}|boss|friend|friends|manager|partner|doctor)\b"
    r"(?:\s+\w+){1,14}?\s+(?:and|now|today|then|just now)\b(?:\s+\w+){0,6}?\s+you \1 me\b(?! about)",
])
#: A weaker therapist link, enough to turn inherited relationship talk into a transference link.
T_LINK_WEAK = compile_any([
    r"(?:i|me) (?:would|will|might|could|am going to) be (?:just )?(?:him|her|like (?:him|her|them))\b|(?:me|i) (?:being|as) (?:him|her)\b",
    r"the same (?:fear|feeling|worry|thing|pattern|shame|dread) (?:that|as|you|which)\b",
])
#: A link between the therapist and another relationship, patient speaking.
P_LINK = compile_any([
    # Not the idiom "(she's like) oh, here she goes again": "here" must be the room.
    rf"(?:like|same as|the way|as) (?:with |it was with |it is with )?my (?:\w+ )?(?:{KIN})\b(?:\s+\w+){{0,12}}\s+(?:you(?! know| see| can| have| get| just| do not know| never know| mean| go)|with you|(?<!oh )(?<!like )here(?! (?:she|he|they|we|it|you) (?:goes|go|comes|come)\b)|in here)\b",
    rf"you remind me (?:\w+ ){{0,3}}of (?:my|her|his|someone|somebody|a|an|the way)\b",
    rf"you are not (?:my|her|his) (?:{KIN})",
    rf"you are\b(?:\s+\w+){{0,3}}\s+not my (?:{KIN})",
    rf"(?:{KIN})\b(?:\s+\w+){{0,12}}\s+(?:the same|same thing|that too|it too|that as well)\b(?:\s+\w+){{0,3}}\s+(?:from|of|with|off) you\b",
    r"you\b(?:\s+\w+){0,8}\s+(?:feels?|felt|is|was|it is) (?:just |exactly )?like (?:being )?(?:back )?(?:at home|with my|a (?:child|kid)|at school|when i was)",
    rf"you\b(?:\s+\w+){{0,4}}\s+(?:thing|what|way) (?:my|her|his) (?:\w+ )?(?:{KIN}) (?:used to|did|does|would|always)",
    rf"(?:treat|treating|see|seeing|think of) you (?:like|as|the way) (?:i (?:treated|treat|did) )?(?:my|a) (?:\w+ )?(?:{KIN})",
    r"you\b(?:\s+\w+){0,5}\s+(?:the same way|the way|just like|like) (?:he|she|they) (?:did|used to|does|would)\b",
    # The patient putting the therapist among the others: "you included", "so I sort of expect you to as well".
    rf"(?:with|to|around) you\b(?:\s+\w+){{0,8}}\s+(?:did|do|used to|was|am)\b(?:\s+\w+){{0,2}}\s+(?:with|to|around|for) my (?:\w+ )?(?:{KIN})",
    rf"remind\w* me (?:\w+ ){{0,2}}of (?:my|her|his) (?:\w+ )?(?:{KIN})",
    rf"you (?:are|were|sound|sounded|seem|act|look|remind me) (?:\w+ )?(?:just |exactly |a bit |a lot |so much )?(?:like|of) (?:my|her|his) (?:\w+ ){{0,2}}(?:{KIN}|{_ROLES})s?\b",
    rf"(?:you and my (?:{KIN})|my (?:{KIN}) and you)\b(?:\s+\w+){{0,4}}\s+(?:would get on|both|are alike|are the same|are similar|sound the same)",
    r"(?:do|doing|did) (?:it|that|the same|this) (?:with|to) you (?:too|as well)\b",
    r"(?:like|as if) (?:being |i am |i was )?(?:back )?(?:at school|at home|a (?:child|kid))\b(?:\s+\w+){0,3}\s+(?:with you|here|in here)\b",
    r"\byou included\b|\bso (?:yeah )?i (?:sort of |kind of |half )?expect you (?:to|too)\b",
])
#: The therapist telling their own feeling toward the patient, now.
T_IMMEDIACY_WIDE = compile_any([
    r"i (?:am|was|become|became) (?:aware|conscious) of (?:feeling|being|wanting|a)\b",
    r"i (?:find|am finding|found) myself (?:feeling|getting|wanting|wishing|moved|touched)",
    r"i (?:notice|feel|have|am aware of|can feel|find|am noticing) (?:a |an |this )?(?:pull|urge|wish|impulse|temptation|part of me) (?:in me )?to\b",
    r"i am (?:really |so |very |genuinely )?(?:enjoying|loving|liking|valuing) (?:working with|seeing|our work with|getting to know|our time with) you",
    r"i (?:will|am going to|would|shall) (?:really )?(?:miss (?:working with you|seeing you|our work|our sessions|you)|not forget you|remember you)\b",
    r"i (?:am|was|feel) (?:really |so |very )?(?:glad|pleased|happy|relieved) (?:that )?you (?:came(?! in\b)|are here(?! today)|came back|stayed|kept coming|decided to come)"
    # A welcome that goes straight on to the week ("I'm glad you came. How has the week been?").
    r"(?! (?:\w+ ){0,3}(?:hows|how (?:has|have|is|was)) (?:the|your|this) (?:\w+ )?(?:week|weekend|fortnight|days|month|holiday|trip)\b| (?:\w+ ){0,3}how (?:are (?:you|things)|is (?:everything|it going))\b)",
    r"^ (?:\w+ ){0,8}(?:it|that|this|you) (?:really )?(?:matters|counts|mattered|counted|means a lot|meant a lot) to me $",
])
#: A therapist turn that refers back to something already raised.
RETURN = compile_any([
    r"once more|once again|one more time|(?:come|coming|go|going|get|getting) back to|before we (?:finish|stop|end|close)|"
    r"still (?:thinking|wondering)|i wonder again|again about|i (?:can not|cannot) help (?:thinking|wondering)|i want to (?:check|ask) (?:again|once|one)|return to|"
    r"(?:thinking|wondering|asking) about\b(?:\s+\w+){1,4}\s+again|i keep (?:thinking|wondering)|(?:earlier|before) (?:i|we) (?:mentioned|talked|said)|(?:mentioned|said|talked about) (?:earlier|before)|"
    r"(?:go|come|get|going|coming|getting) back\b(?:\s+\w+){1,4}\s+to\b|skip (?:past|over)|rush (?:past|over)|move on (?:too )?(?:quickly|fast)|stay with (?:that|it|this)\b|"
    r"a long (?:stretch|time|while|gap)|check\w* in (?:again|once more|about)|also thinking|still (?:curious|thinking|wondering)|"
    r"you said (?:that )?(?:the|my|our|it|this)\b|leave the door open|circl\w* back|loop\w* back|i keep (?:coming|going|getting|circling) back|find myself (?:thinking|wondering)|thinking again|on my mind",
    # The therapist's own thoughts staying with it ("I'm thinking about the six weeks", "I kept
    # thinking this week about ...", "I find I'm still thinking about the phrase"), or checking back.
    r"\bi am (?:just |still )?thinking about\b|\bi (?:kept|have been|been) thinking (?:\w+ ){0,2}about\b|\bi find i am (?:still )?thinking\b|"
    r"\bcheck\w* back (?:on|about|in on|with you about)\b",
])
#: The therapist doubting an earlier "it's fine" without naming what it was about.
DOUBTS_DECLINE = compile_any([
    r"than you (?:let on|are letting on|have let on|are saying|say|admit|are admitting|show|are showing)\b|"
    r"(?:easier|simpler|safer) to say (?:it is|that it is|that is) (?:fine|okay)|i wonder if it is (?:really |entirely |completely )?(?:fine|okay)|"
    r"(?:not|never) (?:quite|entirely) (?:convinced|sure) (?:it is|that it is) (?:fine|okay)",
    # "You've told me twice now that the phone will do fine. You're quick to make sure I'm not worrying."
    r"\byou have (?:told me|said)(?: it)? (?:twice|two times|three times|a few times|more than once)(?: now| today)? that (?:\w+ ){0,4}"
    r"(?:fine|okay|alright|all right|no bother|no problem|not a problem)\b|"
    r"\b(?:quick|careful|keen) to (?:make sure|tell me|reassure me)\b|"
    # "You said it's whatever, but Friday was the day you could breathe in here."
    r"\byou (?:said|told me) (?:it is|it was|that is|that was|you are|you were) (?:just )?(?:whatever|fine|okay|alright|all right|nothing|no big deal) but\b",
    # "Are you sure the screen thing is no bother?", "you sure you're alright about the six weeks?"
    r"\b(?:are )?you sure (?:you are |it is |that is |the \w+ (?:thing )?is )?(?:really |still )?(?:alright|all right|okay|ok|fine|no bother|not bothered)\b",
])
#: The patient minimising a break just announced: coping assurances and "you deserve it".
P_COPING = compile_any([
    r"(?:i|we) (?:will|can|could|would|am going to) (?:survive|cope|manage|live|muddle through)\b|big (?:girl|boy)|(?:a )?grown ?up|not a (?:child|kid|baby)|"
    r"^ (?:(?:um|uh|oh|well|yeah|yes|okay) )*whatever\b|does not matter|not bothered|(?:no|not a) big deal|"
    r"you (?:deserve|have earned|need) (?:it|a break|the break|a rest|the rest|a holiday)|(?:only|just) (?:a|two|three|four|a few|a couple of) (?:weeks|days|sessions)\b",
])
#: The ending named loosely by the patient ("when we finish"): weaker than the frame cues,
#: so it yields to feelings about the therapist voiced in the same turn.
P_ENDING = compile_any([
    r"(?:when|after|once|the day) (?:we|this|therapy|the sessions|our sessions|these sessions) (?:finish|finishes|end|ends|stop|stops|are over|is over)\b(?! (?:the|a|an|my|our|this|that|it|work|dinner|school|up|off|eating|talking|for|at|to|by|on|doing|smoking|drinking|lunch|tea)\b)",
])
#: The therapist taking the talk back to something ("can I circle back to", "I find myself
#: thinking again about"): with a frame reference in the same turn, a return to the frame.
T_COME_BACK = compile_any([
    r"(?:circle|come|coming|go|going|get|getting|loop|looping|bring|bringing) (?:us )?back\b(?:\s+\w+){0,4}\s+to\b|(?:find|found) myself (?:thinking|wondering)|"
    r"(?:thinking|wondering) again|i keep (?:thinking|wondering|coming back)|still on my mind|keeps coming back",
])
#: Politeness and disclaimers that look like reactions but are not ("I'm afraid", "nothing to do with you").
NOT_REACTION = compile_any([r"i am afraid|(?:nothing|not anything) to do with (?:you|anything you)"])
#: Words naming a frame topic; remembered once raised so a later return can refer back.
TOPIC_WORDS = compile_any([
    rf"{_HOLIDAY}|breaks?|gaps?|vacation|leave|absences?|courses?|conferences?|training|fortnight|phone|video|"
    r"fee|fees|money|ending|finish\w*|cancel\w*|lateness|clock|fortnightly|operation|surgery|sabbatical|maternity|paternity|locum|retire\w*|"
    # How often the sessions come ("the twice a week going to once", "the in-between week").
    r"twice a week|once a week|(?:once|twice) weekly|every (?:other|second) week|every (?:two|three) weeks|in between weeks?|monthly|"
    r"(?:one|two|three|four|five|six|seven|eight|few|couple of|last|final) sessions?|"
    r"(?:two|three|four|five|six|seven|eight|ten|twelve|few|couple of) (?:weeks|months)|"
    # Months named in an announcement ("four weeks in October") are how it is referred back to.
    r"january|february|april|june|july|september|october|november|december",
])
#: Generic "you" in idioms ("you'd think I'd be used to it"): nobody in the room.
GENERIC_YOU = compile_any([
    r"you would think (?:(?:after|by|with) (?:\w+ ){1,3})?(?:i|it|that|they|he|she|people|we|you|(?:a|an|the|your|my) (?:\w+ ){1,3}?)(?:would|should|had)\b",
    # "You know that feeling when you're ...": everything after it is anyone's "you".
    r"you know (?:that feeling|the feeling|when|how it is|what it is like)\b.*",
    r"(?:when|once|if) you are (?:a|an) (?:single|new|working|young|nurse|teacher|parent|mum|mom|dad)\b.*",
    # "You get to a point where you stop caring what they think": anyone's "you".
    r"you (?:get|reach) (?:to )?(?:a|the) (?:point|stage|age) (?:where|when)\b.*",
    # A filler "you know" between words ("the meeting, which I hate, you know, you get ..."), which
    # would otherwise read as "I hate you".
    r"(?<=[a-z] )you know(?= (?:you|i|like|it|they|he|she|we)\b)",
    # A truth about anyone, put with a tag ("you want somebody to feel it with you, don't you").
    r"\byou (?:want|need|get|feel|think|have|just)\b(?:\s+\w+){0,8}?\s+(?:do not you|do you not|is not it|innit)\b",
])
#: The patient asking to raise something the therapist said or did earlier ("Can I go back
#: to what you said at the start?", "Can I say something? About before?").
P_RAISES = compile_any([
    r"(?:go|come|get) back to (?:what|something) you (?:said|mentioned|told me|brought up|did)",
    r"(?:can|could|may) i (?:say|ask|mention|bring up|raise) (?:something|a thing|one thing|something else)\b(?:\s+\w+){0,3}\s+about "
    r"(?:before|earlier|the start|the beginning|last (?:week|time|session)|what you|what happened (?:earlier|before|at the start)|you|us)\b",
    # "Carl, that thing you said before, about your knee": back to the therapist's own words.
    r"\b(?:that|the) (?:thing|stuff|bit) you (?:said|told me|mentioned|shared) (?:before|earlier|last (?:week|time|session))\b",
])
#: The patient pointing back to something raised earlier ("can I go back to the conference
#: thing", "when you said"): with a frame topic already raised, the patient returns to it.
P_BACK = compile_any([
    r"(?:go|come|get|circle|going|coming) back to|what you (?:said|mentioned|told me)|you (?:said|mentioned|told me)|earlier|at the start|that (?:\w+ )?thing",
])
#: Closing the session or saying goodbye: logistics, whatever came before.
CLOSING = compile_any([
    r"(?:we will|we will have to|we will need to|we have to|we need to|let us|we should|we can) (?:stop|leave it|finish|end|pause) (?:there|here|for today|now)\b(?!\s+\w+\s+(?:feel|like))",
    r"^ (?:(?:okay|right|so|well) )*(?:we are|that is) (?:at|out of|about at) (?:time|our time)\b(?:\s+(?:for today|now|i am afraid))* $",
    r"see you (?:next|on|then|in|tuesday|monday|wednesday|thursday|friday|soon)|good luck with|take care|have a good (?:week|weekend)",
])

#: A patient's felt reaction, strong enough to carry a frame item the patient raised a turn or two before.
P_STRUNG = compile_any([
    r"(?:made|makes|make) me feel|(?:it|that) (?:kind of |sort of |really |a bit )?(?:stung|hurt|upset me|threw me|bothered me|got to me|rankled)",
])
#: Taking sides is something only a third party does: "you always side with her" addresses the therapist.
SIDES = compile_any([r"(?:side|siding|sided) with (?:him|her|them)\b|(?:take|taking|took) (?:his|her|their) side"])

#: Reported speech: "my husband said you never listen" is about the husband's "you".
REPORTED = compile_any([
    # An optional name after the relation ("my friend Ciara keeps saying ...").
    rf"(?:{KIN}|he|she|they|people|someone|everyone|everybody|somebody|my \w+)(?: [a-z]+)?? (?:(?:came|walked|comes|walks|turned|turns|looked|looks|just) (?:\w+ ){{0,2}}(?:and|round and|over and) )?(?:said|says|told me|tells me|keeps saying|kept saying|thinks|thought|reckons|goes|went|was like|is like|shouted|yelled|asked)\b.*",
])
#: A therapist turn anchored in the two people (pronouns) rather than a comment on events.
T_ANCHOR = compile_any([r"i|me|my|we|us|our|you|your|yourself|here|waiting room|coming here|this room"])
#: A patient's apology for tears, lateness or the room (social, codebook decision 21).
P_APOLOGY = compile_any([r"^ (?:(?:oh|um|uh|god) )*(?:sorry|i am sorry|apologies)\b"])
#: A complaint about a frame arrangement (schedule, fee) from the patient.
COMPLAINT_FRAME = compile_any([
    r"(?:so |really |very |just )?(?:annoying|a pain|a nightmare|unfair|ridiculous|a waste|too expensive|too much money)",
    r"(?:resent|hate) (?:paying|coming|the|these|it)",
])


#: The therapist speaking in the patient's voice: their thought quoted ("your thought was, ... I
#: don't want ..."), or their ambivalence in the first person ("I want X, and at the same time I don't want Y").
VOICES_PATIENT = compile_any([
    r"your (?:thought|thinking|reaction|first thought) (?:was|is)|you (?:are|were) (?:thinking|telling yourself|saying to yourself)|"
    r"you (?:thought|think|tell|told|said to|say to) yourself|part of you (?:says|is saying|thinks)",
    r"^ (?:(?:so|and|like|it is like) )*i (?:really )?(?:want|would like|like)\b(?:\s+\w+){1,16}?\s+(?:but|and at the same time|at the same time|yet|and yet) i (?:do not|would not) (?:want|like)\b",
])


@lru_cache(maxsize=4096)
def own_life(norm: str) -> bool:
    """Whether a therapist's words reveal their life outside the session.

    The therapist's own break, leave or lateness ("when I went on holiday, did
    you feel ...?") is the frame, not private life: a self-disclosure cue that
    lies wholly inside a frame reference does not count.
    """
    disclosures = list(SELF_DISCLOSURE.finditer(norm))
    if not disclosures or NOT_SELF_DISCLOSURE.search(norm):
        return False
    # The patient's voice, said back in the first person, is the patient's life: the whole
    # turn when it opens in that voice, else whatever follows the quoted thought.
    voiced = VOICES_PATIENT.search(norm)
    if voiced is not None and (voiced.start() == 0 or all(m.start() >= voiced.end() for m in disclosures)):
        return False
    if T_ACT_FRAME.search(norm):
        return False  # "a change I've made, for my own reasons": the reasons for the frame, not a life
    frames = [m.span() for p in (FRAME_T, FRAME_T_WIDE) for m in p.finditer(norm)]
    return any(not any(a <= m.start() and m.end() <= b or (m.start() < b and a < m.end()) for a, b in frames)
               for m in disclosures)

# --- Several clients in the room (couples and family work) -------------------------------
#: A relative or partner voicing the patient's feelings about the therapist or the sessions:
#: the patient is "he"/"she", so the "you" can only be the therapist.
P_PROXY = compile_any([
    r"(?:he|she) (?:(?:actually|really|secretly|still|kind of|sort of|always|honestly) ){0,2}(?:likes|loves|enjoys|looks forward to|hates|dreads) "
    r"(?:coming (?:here|in|to see you|to these)|seeing you|talking to you|these sessions|the sessions|you)\b",
    r"(?:he|she) (?:told|tells|said to) me\b(?:\s+\w+){0,8}? that (?:you|your)\b(?! (?:dad|mum|mom|mother|father|brother|sister|friend))",
    r"(?:admit it|say it|say that|tell you) to your face",
    # "He says coming here is the only place nobody shouts at him"; "she said you didn't believe her".
    r"(?:he|she) (?:says|said|thinks|reckons|feels|told me|tells me|keeps saying)\b(?:\s+\w+){0,2}\s+(?:coming here|coming to see you|these sessions|the sessions|seeing you|talking to you|this place)\b",
    r"(?:he|she) (?:says|said|thinks|thought|reckons|felt|feels|told me|tells me)(?: that)? you\b(?:\s+\w+){0,5}\s+(?:her|him)\b",
    r"(?:he|she) (?:(?:always|actually|really|never stops|keeps) )?(?:talks|talked|goes on|went on|keeps talking|never stops talking) about you\b",
])
#: A client saying the therapist takes the other client's side ("she talks, you nod along").
P_SIDING = compile_any([
    r"you (?:just |always )?(?:nod|nodding|nodded) along|(?:two|both of you) against (?:one|me)|"
    r"(?:gang|ganging|ganged) up on me|you (?:always |just )?(?:agree|agreed|agreeing) with (?:her|him|them)\b",
])
#: A client comparing the therapist with an earlier helper ("not as bad as the last counsellor").
P_PREVIOUS_HELPER = compile_any([
    r"(?:not as bad as|better than|worse than|nicer than|unlike|different from|same as) (?:the|my|that|our) "
    r"(?:last|old|previous|other|first|school) (?:counsell?or|therapist|psychologist|psychiatrist|shrink)\b",
])
#: The therapist naming their own leaning toward one client ("if I've been taking Jenna's side").
T_SIDING = compile_any([
    r"i (?:have been|was|am|might have been|may have been|might be|may be|have) (?:\w+ )?(?:taking|on|took) (?:your \w+|\w+ s|his|her|their) side\b",
    r"i (?:have been |was |may have been |might have been |may well have been )?(?:leaning|leant|leaned) (?:\w+ s|his|her|their) way",
])
#: The therapist asking how it is with them, in a room with several people ("how is it with me?").
T_WITH_ME = compile_any([
    r"how (?:is|was|has) it (?:been )?(?:with|for you with) me\b|what is it like (?:with|having) me\b",
])

#: A therapist's turn that starts by answering a yes-or-no question about their life ("did you
#: also take these tablets?", "have you ever been through it?").
_ANSWERS = compile_any([r"^ (?:yes|yeah|yep|i did|i do|i have|i was|no|nope|not really)\b"])
_ASKS_YOU_TOO = compile_any([r"\b(?:did|do|have|were|are) you (?:also|ever|too|yourself|personally)\b"])


def answers_own_life(asked: str, t: str) -> bool:
    """Whether therapist text ``t`` answers the patient's question ``asked`` about the therapist's
    own life (normalised texts): telling it is the therapist's life, not the relationship (decision 24)."""
    return bool((ASKS_THERAPIST_LIFE.search(asked) or _ASKS_YOU_TOO.search(asked)) and _ANSWERS.match(t))
