"""Structural cues for rupture markers: who is blamed, for what, and in answer to what.

The phrase lists in :mod:`alliance.annotators.ruptures` grew one blind split at
a time and kept meeting new wordings they had not seen. The cues here are
written by structure instead, so that a new author's phrasing still falls
inside them:

- a complaint about the therapist is a second-person subject with a verb or
  state of disregard ("you interrupted me", "you seemed bored", "you talk to
  me like a child"), whatever the exact words;
- a complaint about the therapy is a therapy referent (the sessions, coming
  here, a task: worksheets, diaries, breathing) with a verdict of no use or
  no change; a bare "it" counts when the therapist's turn just named a task;
- a denial contradicts a feeling or bodily sign the therapist has just named
  ("your hands are shaking" / "It's the coffee. I'm not nervous");
- a minimal response is a short reply made only of hedges and fillers;
- a topic shift opens with a discourse marker that leaves the question
  ("I meant to ask", "did you see ...", "whatever. So ...");
- deference hands the judgement to the therapist ("if you think it'll help",
  "you'd know better");
- a firm rejection is categorical by itself ("that won't work for me",
  "I've tried that", "that's a stretch") and so carries its strain.

Patterns are written against :func:`alliance.annotators._lexicon.normalize`
output and kept linear (bounded repeats, no nested quantifiers).
"""

from __future__ import annotations

import re

from alliance.annotators._lexicon import Dialogue, compile_any

__all__ = [
    "THERAPIST_CONDUCT", "SIDING_YOU", "WONDERED", "THERAPY_VERDICT", "TASK_VERDICT", "TASK_NAMED", "THERAPY_MENTIONED", "FEELING_SEEN", "SIGN_SEEN", "HEDGED", "DENIES_SEEN",
    "HEDGE_WORDS", "BACKCHANNEL", "SHIFT_OPENER", "TOPIC_INVITED", "DEFER_WIDE", "REJECT_FIRM",
    "SUGGESTION", "ACCEPTS", "EMPHATIC_NO", "REFUSES_TOPIC", "SCENE", "ABOUT_YOU", "VALIDATES_ONLY", "READS_YOU",
    "BY_THE_WAY", "FILLER", "OWNS_HURT", "HABIT", "POLITE", "NEGATED_BEFORE", "KIN_VOCATIVE", "YET", "CLAUSE_END", "NOT_CRYING", "TEARS_REPORTED", "SELF_COMMENT",
    "CLOSED_WH", "trails_off", "generic_you_before",
]

_ADV = r"(?:(?:always|just|never|even|really|kind of|sort of|still|again|totally|completely|so|actually|seem to) )*"
#: States of disregard a patient may see in the therapist.
_DISREGARD_STATE = (
    r"bored|distracted|uninterested|impatient|irritated|annoyed with me|fed up with me|elsewhere|miles away|"
    r"half asleep|not interested|not bothered|not listening|not paying attention|judgmental|judgemental|"
    r"condescending|patroni[sz]ing|smug|cold|dismissive|in a hurry|rushing"
)
#: Second-person conduct that blames the therapist (the "you" must be the therapist: the caller checks).
THERAPIST_CONDUCT = compile_any([
    rf"you {_ADV}(?:talk|speak|talked|spoke) (?:to|down to|at) me like",
    rf"you {_ADV}(?:do not|did not|never|will not|would not) {_ADV}(?:take me seriously|believe me|care|remember|"
    r"let me (?:finish|speak|talk|explain)|give me a chance|ask (?:me )?(?:about|what|how)|hear me|see me|know me|know what it is like)",
    rf"(?:do not|did not) think you {_ADV}(?:remember|listen|care|understand|get|hear|know)",
    rf"you {_ADV}(?:do not|have not) (?:got |have )?(?:a clue|any idea|the faintest|the first idea)\b|you {_ADV}(?:do not|did not) {_ADV}want to (?:hear|know|listen)|you {_ADV}(?:are |were |keep |have been )?{_ADV}(?:twisting|twisted|twist) (?:my|what|everything|it)|"
    rf"you {_ADV}(?:make|made|making) (?:it|this|everything|me) (?:sound|seem|look|feel) like|you {_ADV}(?:never|do not|will not|did not) {_ADV}answer (?:my|me|the)\b",
    rf"you {_ADV}(?:seemed|seem|looked|look|sounded|sound|were|are|have been|got) {_ADV}(?:a bit |pretty |quite |a little )?(?:{_DISREGARD_STATE})\b",
    rf"you (?:have |had |kept |keep |were |are |just )?{_ADV}(?:interrupt\w*|yawn\w*|laugh\w* at me|smirk\w*|rush\w* me|ignor\w* me|"
    r"dismiss\w* me|patroni[sz]\w* me|judg\w* me|lectur\w* me|talk\w* over me|cut me off|cutting me off|"
    r"(?:cut|cutting|brush\w*) me off|talk\w* down to me|fob\w* me off|nag\w* me|hurr\w* me)",
    # Passing on what was said in confidence ("you went straight to her", "behind my back").
    rf"you {_ADV}(?:went|ran|go|going|running) (?:straight|right) (?:back )?to (?:her|him|them|my \w+)\b|behind my back",
    r"you (?:are|keep|have been) (?:always |constantly |just )?(?:on at me|going on at me|having a go at me|getting at me)|"
    r"you (?:are not|were not|have not been) (?:even |really )?(?:looking at me|paying attention|with me|getting it|getting me|getting what)|you have stopped (?:listening|caring|trying)|"
    r"you (?:just |only |always )?(?:repeat|parrot|echo)\w* (?:back )?(?:everything|what|whatever) i|"
    r"i (?:felt|feel|was) (?:a bit |really |so |quite )?(?:rushed|judged|dismissed|ignored|hurried|patroni[sz]ed|brushed off|fobbed off|talked down to|unheard) "
    r"(?:last (?:time|week|session)|in here|by you|when you|here)|"
    r"you (?:never|do not ever|will not|do not) (?:say|tell me) what you (?:actually |really )?think",
    r"you (?:have |had )?(?:already )?made (?:your|up your) mind|you (?:have |had )?already decided (?:about|what|who)",
    r"you (?:are|were|have been) (?:not|no) (?:much |any |really |a lot of )?(?:help|use|good)\b|you (?:are|have been) (?:useless|no help|hopeless)\b",
    r"you (?:keep|kept|have been|were|are|just) (?:looking|glancing|checking|writing|scribbling) (?:at |in |on )?(?:your|the) "
    r"(?:notes|phone|watch|clock|notebook|computer|screen|pad)|(?:on|checking|looking at) your phone",
    r"(?:felt|feels|seemed|seems|looked|looks) (?:like|as if|as though) you (?:were|are) (?:laughing|smirking|judging|bored|humouring|"
    r"humoring|not (?:listening|interested|bothered)|only|just) ",
    # The therapist's habit in reply to the patient ("every time I start ..., you jump in and finish it").
    r"(?:every time|whenever|each time) i (?:\w+ ){1,8}you (?:\w+ ){0,3}(?:jump\w* in|butt\w* in|cut\w* in|finish\w* (?:it|my|them|off)|chang\w* the subject|mov\w* on|interrupt\w*|look\w* at (?:the|your)|check\w* (?:the|your)|start\w* writing)|"
    rf"you {_ADV}(?:jump|jumped|butt|butted|cut) in\b(?:\s+\w+){{0,3}}\s+(?:finish|over|on me|before)|you {_ADV}finish(?:ed)? (?:my sentences|it for me|them for me|things for me)",
    r"(?:felt|feels|seems|seemed) (?:like|as if|as though) you (?:are|were) (?:just )?(?:reading from|going through the motions|ticking (?:boxes|a box)|on autopilot|following a script|reciting)",
    # A lapse of the therapist's ("you forgot my daughter's name", "you kept me waiting").
    rf"you {_ADV}(?:(?:forgot|had forgotten|have forgotten) (?:my|me|our|about (?:me|my|our)|to (?:call|ring|email|tell|send|come))|mixed (?:me|it|that|us) up|got (?:my|her|his) \w+ wrong|called me by (?:the wrong|another|her|his|someone else s) name|double booked|"
    rf"cancelled on me|kept me waiting|were late (?:again|twice|three)|did not (?:call|ring|email|turn up|show up|reply|get back|read (?:my|it)))\b",
    # A broken promise or a confidence passed on ("you told my mom", "you said you wouldn't").
    rf"you {_ADV}(?:said|promised|told me) (?:that )?you (?:would not|would never|were not going to|would keep)\b|you {_ADV}(?:promised|swore)\b|"
    rf"you {_ADV}(?:told|went and told|tell|repeated (?:it|that|what i said) to) (?:my|her|his) (?:mom|mum|mother|dad|father|parents|family|teacher|school|boss|husband|wife|partner)\b",
    r"you (?:do not|did not) (?:even |really |actually )?care\b|you are (?:just|only) doing your job|you (?:are|get) (?:just |only )?"
    r"(?:paid|here for the money)|you (?:just |only )?(?:tell|say) (?:me )?what (?:i|you think i) want to hear",
    # The therapist's habit named as a grievance ("there you go again", "you always make everything
    # about my father", "you only care about the number"), or a sharpness felt ("you were so short with me").
    r"there you go again|you (?:are doing|did) it again\b|"
    r"you (?:always|only|just) (?:make|made|turn|turned|twist) (?:everything|it|this|what i say|things|something simple) (?:about|into)\b|"
    r"you (?:only|just) care about (?:the|your|my)\b|"
    rf"you (?:were|are|have been) {_ADV}(?:so |really |quite |a bit )?(?:short|sharp|curt|abrupt|snappy|rude|off) with me\b|"
    r"you (?:did not|never) (?:step in|stick up for me|stand up for me|back me up|stop (?:him|her|them))\b",
])

#: The therapist siding with the other client ("she talks, you nod along"): the "you" can only be the therapist.
SIDING_YOU = compile_any([r"you (?:just |always )?(?:side|sided|siding) with (?:my|her|him|them)\b|you (?:just |always )?(?:nod|nodding|nodded) along|you (?:always |just )?(?:agree|agreed|agreeing) with (?:her|him|them)\b"])

#: A "you" clause wondered about rather than asserted ("I'm checking whether you're judging me").
WONDERED = compile_any([r"(?:whether|if|wonder\w*|worr\w*|afraid|scared|checking|in case|sometimes i (?:think|feel|imagine)|i imagine) (?:\w+ ){0,2}$"])

#: What the therapy is made of: the sessions, coming here, its tasks.
_THERAPY = (
    r"(?:this|therapy|counsell?ing|coming here|coming in|talking about it|all this talking|these sessions|the sessions|our sessions|"
    r"(?:these|the|this|that|all (?:the|these)|those|our|your) (?:\w+ )?(?:exercises?|worksheets?|homework|diar(?:y|ies)|thought records?|"
    r"breathing|agenda|plan|sheets?|cards?|techniques?|skills?|tasks?|forms?|questionnaires?|logs?|sessions?|talking|recordings?|apps?|audios?|tapes?))"
)
_NO_USE = (
    r"(?:a joke|a chore|a drag|a slog|tedious|useless|pointless|a waste(?: of (?:time|money|an hour|my time))?|boring|stupid|silly|patroni[sz]ing|childish|"
    r"not for me|not helping|not working|doing nothing|not doing anything|making (?:it|me|things) worse|no help|no use|no good|"
    r"not going anywhere|going nowhere|getting nowhere|not getting (?:us |me )?anywhere|"
    # Exasperation idioms ("doing my head in", "driving me up the wall").
    r"doing my head in|driving me (?:mad|crazy|nuts|up the wall|round the bend|insane)|getting on my nerves)"
)
#: A verdict of no use or no change on the therapy ("these exercises are a joke", "I feel worse since I started coming here").
THERAPY_VERDICT = compile_any([
    rf"{_THERAPY} (?:\w+ )?(?:again )?(?:is|are|feels|feel|seems|seem|was|were|has been|have been|it is|they are) (?:just |really |so |a bit |such |all |kind of |like )?{_NO_USE}",
    r"(?:we have been (?:at|doing|coming|working on) (?:this|it|here)|i have been coming|(?:been )?coming here)\b(?:\s+\w+){0,6}\s+(?:and )?(?:i am |we are )?"
    r"(?:no further|not any further|no closer|no better|still stuck|nowhere|getting nowhere|not getting anywhere)",
    r"we (?:never|do not ever|do not|never seem to) (?:get|go) anywhere|we are (?:just )?(?:going|getting) nowhere|this is (?:going|getting) nowhere",
    r"i (?:leave|go home|walk out|come out) (?:of )?(?:here |these sessions |each week |every week |every time )?feeling worse",
    r"(?:this|we|therapy|it all|these sessions) (?:is not|are not|is never|are never) (?:really )?(?:going|getting) (?:anywhere|us anywhere)",
    r"(?:wonder|wondering|not sure|unsure|doubt) (?:whether|if) (?:this|therapy|coming here|counsell?ing|these sessions) "
    r"(?:is|are) (?:really )?(?:for me|working|helping|worth it|doing anything|right for me)",
    r"(?:worse|no better|not better|the same|still stuck) (?:now )?(?:since|than when|than before) (?:i|we) (?:started|began|first came) "
    r"(?:coming|therapy|seeing you|here|this|counsell?ing)",
    r"(?:\w+ )?(?:sessions|weeks|months|years) (?:of this )?(?:in )?and i am (?:still )?(?:the same|no better|not any better|stuck|exactly where i was)",
    r"(?:weeks|months|years|sessions) of (?:this|therapy|coming here|these sessions)\b(?:\s+\w+){0,3}\s+(?:and )?(?:nothing|i am no|i am still|still)\b",
    r"nothing (?:we|you) (?:have )?(?:tried|done|suggested|talked about) (?:has )?(?:made|makes|helped|helps|worked|works|changed)",
    r"(?:every|each) (?:week|session|time)\b(?:\s+\w+){0,8}\s+(?:and )?(?:every (?:week|session|time) )?nothing (?:ever )?(?:changes|happens|is different|gets (?:sorted|done|better|fixed|solved)|improves)",
    r"(?:sick|tired|fed up|bored) (?:of|with) (?:the |these |this |all (?:the |these )?|doing (?:the |these )?)?(?:\w+ )?"
    r"(?:sessions?|therapy|homework|worksheets?|exercises?|records?|diar(?:y|ies)|breathing|questions|agenda|forms?|cards?|coming here)",
    r"(?:can not stand|hate|loathe|dread|detest) (?:these|the|this|doing (?:the|these)|all (?:the|these)) (?:\w+ )?"
    r"(?:sessions?|homework|worksheets?|exercises?|records?|diar(?:y|ies)|breathing|forms?|cards?|questionnaires?)",
    r"paying (?:a fortune|a lot|so much|good money|all this money|all this)\b(?:\s+\w+){0,6}\s+(?:(?:no|not any|can not see any|nothing|do not see any) "
    r"(?:difference|better|change|improvement)|nothing (?:is|has) (?:different|changed|better))",
    r"(?:not sure|do not think|do not know (?:that|if|whether)|doubt) (?:that )?(?:talking|coming here|these sessions|this|therapy|it all|any of this|the talking)\b"
    r"(?:\s+\w+){0,5}\s+(?:actually |really )?(?:helps|help|works|work|is helping|does anything|makes a difference|changes anything|is doing anything|"
    r"is doing any good|is doing (?:much|a lot|anything)|is working|is making a difference)",
    r"waste of (?:an|the|a whole) (?:hour|session|afternoon|morning)",
    # Box-ticking ("this is a box-ticking exercise", "it's a box you tick"), and sessions counted
    # against no change ("six sessions in and we're still fighting about the dishwasher").
    r"(?:this|it|these sessions|this whole thing|the whole thing|all this)\b(?:\s+\w+){0,4}\s+(?:a )?(?:box ticking|tick box|box (?:to tick|you tick))\b|"
    r"\b(?:a|the) box ticking (?:exercise|thing|job)\b|\ba box (?:you|they) tick\b",
    r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+) (?:sessions|weeks|months) (?:in )?and (?:we are|i am|all we|we) (?:still|only|just|doing|are still|doing nothing)\b",
    r"(?:do not|can not|cannot|ain t|doan) see (?:how|what|the point of) (?:this|these|talking|all this|any of this|it all)\b(?:\s+\w+){0,2}\s+(?:is |are )?(?:helping|doing|works|working|achieving|for)\b",
    # Doubting what the work does, with the work named ("I don't see what going round in circles in
    # here every week is actually doing for us").
    r"(?:do not|can not|cannot|could not|fail to) see (?:what|how|that) (?:\w+ ){0,8}(?:in here|coming here|these sessions|the sessions|our sessions|this|therapy|talking|every week)\b"
    r"(?:\s+\w+){0,4}?\s+(?:is|are|has|have) (?:actually |really |even |ever )?(?:doing|done|achieving|achieved|changing|changed|helping|helped|getting us)\b",
    r"(?:going|go|went|talking|talk) (?:a?round )?in circles (?:in here|here|every week|each week|week after week|with you)",
])
#: A therapy task named in the therapist's turn, so that the patient's "it" can refer to it.
TASK_NAMED = compile_any([
    r"coming here|coming in|exercises?|worksheets?|homework|diar(?:y|ies)|thought records?|breathing|sheets?|cards?|techniques?|skills?|practice|"
    r"sleep plan|plan we made|the plan|forms?|log|relaxation|mindfulness|exposure|experiment|sessions?|therapy|our work|the work|last week s session|last session|"
    r"chair work|empty chair|two chair|role play|imagery|visuali[sz]ation|letter|ladder|grounding|tapping",
])
#: The patient's pronoun verdict on a task just named ("It's not doing anything for me", "It's useless").
TASK_VERDICT = compile_any([
    rf"^ (?:(?:honestly|well|um|to be honest|frankly|look|no) )*(?:it|they|that|this|those|these) (?:is|are|was|were|has been|have been|felt|feels|feel) "
    rf"(?:just |really |so |a bit |such |kind of |completely |totally |like )?(?:{_NO_USE}|like a waste\b|(?:not|never) (?:\w+ )?(?:doing anything|helped|helping|useful|any (?:use|good|help)))",
    r"(?:do not think|not sure) (?:that )?(?:it|this|that|they) (?:is|are) (?:getting (?:us |me )?anywhere|helping|working|doing anything)",
    r"(?:^ (?:(?:honestly|well|um|frankly) )*|\b(?:and|but) )(?:it|they|that) (?:does not|do not|did not|has not|have not|never) (?:\w+ )?(?:help|work|do anything|make any difference|made any difference|helped|worked|changes? anything|changed anything)",
    r"^ (?:(?:honestly|well|so) )*what is (?:even )?the point $|^ (?:(?:honestly|well) )*it is (?:just )?(?:going|getting) nowhere",
    # A bare verdict for a reply ("Pointless.", "Boring, honestly.").
    rf"^ (?:(?:honestly|well|um|ugh|frankly|just) )*{_NO_USE}(?: (?:honestly|really|to be honest|mate|if i am honest|frankly))? $",
    r"(?:it|that|this) (?:felt|feels|was) (?:like )?(?:a |an )?(?:complete |total |bit of a )?waste of (?:my )?(?:time|money|an hour)",
    # Doing the task for weeks with nothing to show ("filling them in for two months and nothing's different").
    r"(?:doing|filling|using|writing|practi[sc]ing|trying)\w* (?:them|it|these|this|those)(?: in| out)? (?:every day |every night )?for (?:\w+ ){0,2}(?:weeks|months|years|ages)\b"
    r"(?:\s+\w+){0,2}\s+(?:and )?(?:nothing|no (?:change|difference)|still|i am still|i am no)\b",
    # The task making the patient feel small ("it makes me feel stupid talking to a chair").
    r"(?:it|this|that|they|these|those) (?:makes|made|make) me feel (?:so |really |a bit |totally )?(?:stupid|silly|ridiculous|daft|like an idiot|like a child|worse|embarrassed|patroni[sz]ed)",
    # Not seeing the point of the task just named.
    r"(?:i do not|i can not|i cannot) see the point(?: (?:of|in) (?:it|them|this|that|doing (?:it|them)))?(?: (?:anymore|any more|now|really))? $",
    r"(?:it is|it has been|that is|they are|it was) not (?:really |actually )?(?:helping|working|helped|worked)\b",
])
#: The therapy itself named in the patient's own turn ("I want to stop coming. It's not really helping").
THERAPY_MENTIONED = compile_any([r"coming here|stop coming|keep coming|coming in|these sessions|our sessions|therapy|counsell?ing|seeing you"])

_FEEL_ADJ = (
    r"upset|angry|cross|mad|sad|hurt|annoyed|tearful|teary|irritated|frustrated|tense|shaken|shaky|bothered|worried|anxious|"
    r"scared|nervous|low|down|emotional|furious|afraid|wound up|on edge|agitated|uncomfortable|rattled|stung|close to tears|"
    r"about to cry|flat|quiet|withdrawn|distressed|overwhelmed|moved|fed up|irritable|defensive"
)
#: The therapist naming a feeling the patient shows now ("you seem cross with me", "that stung").
FEELING_SEEN = compile_any([
    rf"you (?:seem|seemed|look|looked|sound|sounded|are|were|went|got)\b(?:\s+\w+){{0,3}}\s+(?:{_FEEL_ADJ})\b",
    r"(?:that|it|this) (?:sounded|sounds|seemed|seems|looked|looks|must have been|was|is) (?:\w+ )?(?:painful|hard to say|upsetting|hurtful|"
    r"difficult to say)\b",
    r"(?:stung|hit you|got to you|hurt you|upset you|shook you|rattled you)\b|seemed to (?:hurt|sting|upset you|get to you|bother you)",
    rf"i (?:can )?(?:hear|see|sense|notice) (?:how |that |some |the )?(?:\w+ ){{0,2}}(?:{_FEEL_ADJ})\b",
])
#: A bodily sign of feeling the therapist points to ("your jaw's tight", "your hands are shaking").
SIGN_SEEN = compile_any([
    r"in your (?:voice|eyes|face)\b|your (?:voice|eyes|hands?|jaw|lips?|chin|face|shoulders|breathing|fists?|knees?|legs?|foot|feet) (?:\w+ ){0,2}(?:\w+ing|\w+ed)\b|you are (?:\w+ )?(?:pressing|gripping|clenching|wringing|rubbing|tapping|shaking|biting|picking at) your\b|"
    r"your (?:left |right |whole |own )?(?:jaw|voice|face|eyes?|hands?|fists?|shoulders?|lips?|chin|breathing)s?\b(?:\s+\w+){0,2}\s+(?:is|are|was|were|went|got|look|looks|changed|have|has|gone|tight|shaking|filling|welling|wobbl\w*|trembl\w*|clench\w*|red|wet|cracked|broke|caught|rose|dropped|shook|tightened)",
    r"tears|crying|teary|tearful|welling|wobbl\w*|trembl\w*|shaking|gripping|clench\w*|flinch\w*|close to the surface|"
    r"you (?:went|have gone|go|are going|got) (?:very |really |a bit |all )?(?:quiet|pale|red|white|still|silent)",
])
#: A feeling offered as a guess or a question rather than observed: a "no" to it is a decline, not a denial.
HEDGED = compile_any([
    r"i wonder|^ (?:(?:so|and|but|okay) )*(?:do|are|did|were|is|how|what|could|would|can)\b|do you|are you|did you|were you|whether|"
    r"if you|perhaps|maybe|might|could it|sounds like|seems like|"
    r"it seems|i guess|i imagine|i think|my guess|part of you",
])
#: The patient contradicting a feeling or sign just named ("It isn't", "It's the coffee", "I'm completely fine").
DENIES_SEEN = compile_any([
    # "I wasn't asked to do a speech" reports what others did: a passive, not a state denied.
    r"^ (?:(?:no|nope|um|well|honestly|what|look|oh) )*(?:\w+ )?(?:it|they|that|i|he|she) (?:is|are|was|were|did|do|am|does|have|has) not\b"
    r"(?! (?:only|just|that|all|even|quite|entirely|like|asked|told|invited|allowed|given|chosen|picked|included|expected|supposed|meant|able)\b)",
    # Questioning the observation ("Have I?", "Am I?") before explaining it away.
    r"^ (?:(?:no|um|well|oh|what) )*(?:am i|is it|are they|did i|do i|was i|have i|has it|were they|does it|did it|is that right)\b",
    r"(?:it is|it was|that is|that was) (?:just |only )?nothing\b|nothing (?:is )?(?:wrong|the matter)|i am (?:\w+ )?(?:fine|good|okay|all right|alright|over it|relaxed|calm)\b",
    r"(?:does not|did not|do not|would not) (?:really |even )?(?:bother|affect|upset|hurt|matter|sting|get to|scare|worry)\b",
    r"^ (?:(?:it is|that is|just|only|oh|no) )*(?:hay fever|allergies|the light|the air|a cold|my contacts|the coffee|the heating|dust|the wind)\b|"
    r"(?:could not|could not) care less|ancient history|i am (?:just |only )?(?:tired|cold|hot|hungry)\b",
    r"(?:it is|it was|that is|they are) (?:just |only )?(?:the|my) (?:light|coffee|hay fever|allergies|air|heating|cold|sun|glasses|contacts)\b|(?:too much|not enough) (?:coffee|caffeine|sleep)\b|"
    r"(?:they are|it is|that is|i am) (?:always|just|often) like (?:that|this)\b|i am (?:grand|great|all good|sound)\b",
    # The sign explained away as a habit, or cut off from the topic ("It always does that. Nothing to do with court.").
    r"(?:it|they|that) (?:always|just|often) (?:does|do) that\b|^ (?:(?:no|um|well|honestly) )*(?:it is |it has |that has |that is )?(?:got )?nothing to do with\b",
    r"^ (?:\w+ )?(?:no|not at all|nope)\b(?! (?:idea|one|problem|worries|doubt|matter|way)\b)|^ (?:(?:no|um|well) )*there is no\b",
])

#: Words that carry no answer: a reply made only of these, after an open invitation, is a minimal response.
HEDGE_WORDS = frozenset("""
    i do not know dunno remember recall nothing much more to tell say really no maybe guess suppose whatever meh who
    knows just does did it was is went stuff mm things the usual same there clue idea sure hmm um uh er well oh okay fine
    alright all right hard matter nowhere anything nobody so kind of sort can think honestly mean eh nah a bit good
    weird normal odd strange bad alright care bothered nope pass much whatever mind lot always as ever usual numb blank happened mixed
""".split())
#: A bare backchannel ("yeah", "mm"): a turn-taking signal in split transcripts, not an answer withheld.
BACKCHANNEL = compile_any([r"^ (?:(?:yeah|yes|mm|mm hmm|hmm|uh huh|right|sure|yep) ?)+ $"])

#: A discourse marker that leaves what the therapist raised ("I meant to ask", "did you see the match?").
SHIFT_OPENER = compile_any([
    r"^ (?:(?:oh|um|uh|so|well|okay|ugh|whatever|mm|hmm|actually|right|anyway) )*(?:i (?:meant|forgot|wanted) to (?:ask|tell you|say|mention)|"
    r"did i (?:mention|tell you|say)|did you (?:see|hear|catch|watch|get a|buy|have a nice)|have you (?:seen|heard|been to|tried|read|watched)|i (?:keep forgetting|almost forgot|nearly forgot)|speaking of|"
    r"on a (?:different|other|lighter|separate|happier) note|changing the subject|that reminds me|something else (?:happened|came up)|guess what)\b",
    r"^ (?:(?:ugh|whatever|meh|pfft|oh well) )+(?:so|anyway|guess what|did i|have i|in other news)\b(?:\s+\w+){2,}",
    r"^ (?:(?:so|oh|um|uh|right|well) )+(?:i|we) (?:have )?(?:finally|just) (?:booked|bought|passed|started|finished|"
    r"got (?:a|the|my|our|engaged|married|promoted|back from))\b",
    r"i would (?:rather|prefer) not(?: to)?\b(?:\s+\w+){0,6}\s+(?:can|could) we (?:talk about|do|go|move)\b",
    r"^ (?:(?:oh|um|well|so|actually) )*(?:can|could) we (?:not|not do|skip) (?:this|that|it|go there)\b(?:\s+\w+){0,3}\s+(?:i would rather|can we|let us|anyway)",
    r"^ (?:(?:look|well|um|so|okay|honestly) )*(?:can|could) we (?:just )?(?:get on with|get back to|crack on with|move on to) (?:the|my|it|this|that)\b",
])
#: The therapist inviting a new topic or closing: moving on then answers them.
TOPIC_INVITED = compile_any([
    r"what (?:would|do) you (?:like|want) to (?:talk about|start|focus|work on|bring|cover)|where (?:would|do) you (?:like|want) to (?:start|begin)|"
    r"anything else|what else (?:is|has|happened)|what is on your mind|where shall we (?:start|begin)|what shall we|how (?:has|was) (?:the|your) week",
    r"(?:let us|we will|we can|we should|we need to|we have to) (?:stop|finish|end|leave it) (?:there|for today|here)|see you next|that is (?:all|the plan|time)|"
    r"before you go|(?:our|the) time is up",
])
#: Handing the judgement to the therapist ("If you think it'll help, I'll do it", "You'd know better").
DEFER_WIDE = compile_any([
    r"^ (?:(?:okay|ok|sure|fine|yeah|yes|aye|alright|right|mm|well|i suppose|i guess|um) )*if you (?:think|reckon|say|believe|feel) (?:it|that|this|so|it is|that is)\b",
    r"(?:i suppose|i guess) so if you|^ (?:(?:i suppose|i guess|okay|ok|sure|fine|yeah) )*if you (?:want|like|prefer|insist)(?: to)? $",
    r"whatever(?:s| is)? (?:easiest|best|easier|good|works|suits|fine) (?:for you|with you)",
    r"whatever (?:suits|works for|is easiest for|is best for|is good for) you|(?:is|that is|sounds) fine by me|"
    r"(?:go along|fit in|fall in) with whatever|whatever you (?:decide|reckon|tell me|prefer|would like)\b",
    r"you (?:would|will) know (?:better|best)|you know what you are doing|you are the one (?:that|who) knows\b|you are the (?:boss|one (?:who is |with the |who has )?"
    r"(?:trained|qualified|training|expertise))",
])
#: A rejection firm enough to carry its own strain ("that won't work for me", "been there, done that").
REJECT_FIRM = compile_any([
    r"(?:that|this|it|which) (?:is|sounds) (?:just |simply |completely |totally |a bit of )?(?:wrong|a stretch|psychobabble|rubbish|"
    r"not for me|way off|off the mark|miles off)\b",
    r"(?:that|this|it) (?:will not|would not|does not|is not going to|is never going to|never|will never|would never|can not) (?:work|help|happen)(?: for me| with (?:her|him|them|me))?",
    r"i (?:have |have already |already |did )?tried (?:that|it|this|those|all that)\b|i have (?:already )?done (?:that|all that|this) (?:before|already)",
    r"been there(?: and)? done (?:that|it)|(?:^ |oh )please\b|(?:do not|stop) (?:label|diagnos|analy[sz]|psychoanaly[sz])\w* me",
    r"do not turn (?:it|this|them|that|everything) into|(?:not|nothing) (?:grieving|protecting|avoiding|hiding|scared of|punishing) "
    r"(?:anything|anyone|anybody|myself)",
    r"i am not (?:protecting|avoiding|hiding|grieving|punishing|depressed|in denial|repressing|projecting)\b|"
    # Dismissing the intervention by its kind ("that's psychology talk"), or the therapist's right to it.
    r"(?:that|this|it) is (?:just |all |a bit of |some )?(?:psychology|psycho|therapy|therapist|shrink|textbook|self help|counsell?or|hippy|new age|fancy) ?(?:talk|speak|stuff|babble|nonsense|jargon|waffle)\b|"
    r"you do not (?:even |really )?know (?:anything|the first thing|a thing|much) about\b|(?:that is|that was|it is) (?:not|hardly|a bit) (?:fair|unfair)\b|that is unfair\b|"
    r"i am not (?:doing|trying|going to (?:do|try)) (?:that|it|this)\b|(?:it|that) (?:has|has got|got|is got) nothing to do with|"
    r"i (?:have|have already|already) done (?:that|it|this)\b(?:\s+\w+){0,4}\s+(?:not|never|nothing|no)\b|"
    r"^ (?:just )?(?:do not|stop)(?: just (?:do not|stop))?(?: it| that| please)? $|"
    r"^ (?:no )?(?:it|that) is not (?:about|because of|to do with)\b|\bstop(?: it| that| please)? $|you do not (?:even )?know (?:her|him|them|my \w+)\b|leave (?:my|him|her|them) (?:\w+ )?out of (?:it|this)",
    r"(?:that|it) is (?:really |just )?not (?:me|how i am|who i am|my thing)\b|(?:that|this) is not what (?:this|it|that) is\b|"
    r"(?:that is|what) (?:a|such a) (?:horrible|terrible|awful|nasty|cruel|ridiculous|strange) thing to say",
])
#: An emphatic negation ("not even close", "nowhere near"): a rejection said this way carries strain.
EMPHATIC_NO = compile_any([
    r"not even close|nowhere near|not at all\b|absolutely not|definitely not|no way\b|far from it|not in the slightest|not remotely|not one bit|"
    r"not even a little|not for a second|completely wrong|totally wrong|way off",
])
#: Refusing the topic in a sentence of its own ("Can we not.", "Let's not.", "I'd rather not."), before new material.
REFUSES_TOPIC = compile_any([
    r"^ (?:(?:oh|um|uh|well|so|look|honestly|no|please) )*(?:(?:can|could) we (?:not|skip (?:it|this|that))|let us not|i would (?:rather|prefer) not|"
    r"not (?:this|that) again|do we have to|must we|i do not want to)(?: (?:do|go into|talk about|get into) (?:this|that|it)| go there)?(?: again| today| now| right now)? $",
])
#: A suggestion or task the patient may reject (wider than :data:`~alliance.annotators._flagpatterns.INTERPRETATION`).
SUGGESTION = compile_any([
    r"could you (?:try|maybe|perhaps|ask|say|tell|write|go)|would you (?:try|be willing|consider)|how about|"
    r"try (?:to|and|saying|writing|going|telling|asking)|some (?:people|folks|clients|couples) (?:find|try|use|like)|(?:would|might|could) help",
])
#: A reply that takes the suggestion up ("I could. I'll try it tonight").
ACCEPTS = compile_any([r"^ (?:(?:yes|yeah|okay|ok|sure|hmm|maybe|i could) )*(?:i (?:could|will|can|might|would)|maybe not \w+|more \w+|not \w+ exactly)\b"])

# -- Dialogue context: what the therapist raised, and what the patient's turn is made of --------
#: A sentence opening on a scene-setting clause ("When you picture it, ...", "Thinking about Sunday, ...").
SCENE = re.compile(r"\s*(?:so |and |now )?(?:when|if|as|whenever|thinking|picturing|imagining|looking back|now that)\b[^,]*,", re.IGNORECASE)
#: A statement about the patient ("You mentioned the drinking has crept up"): it raises a topic.
ABOUT_YOU = compile_any([r"\b(?:you|your|yourself|we|us)\b|i (?:would|d) (?:like|love) (?:us )?to\b|i want (?:us )?to\b|let us\b"])
#: A validation that asks nothing ("It's an understandable thing to wonder"): "anyway" after it closes.
VALIDATES_ONLY = compile_any([r"(?:understandable|fair|reasonable|natural|normal|makes sense|no wonder|of course)\b"])
#: A reading of the patient in a statement ("I notice that when Rob does bedtime, you end up ...").
READS_YOU = compile_any([r"(?:i notice|i have noticed|i am noticing|i see|it looks like|i get the sense|my sense is|what i see is|i have a feeling)\b(?:\s+\w+){0,12}\s+you\b"])
#: "By the way" closing a question: an aside that changes the subject.
BY_THE_WAY = compile_any([r"by the way $"])
#: A filler sentence ("Um.", "Well.", "Hmm.").
FILLER = compile_any([r"^ (?:(?:um|uh|er|erm|well|hmm|hm|ha|heh|huh|so|right|oh|ah|look|okay|ok|yeah|mm) ?)+ $"])
#: Kin words used to address a relative in the room ("Mum, ...").
KIN_VOCATIVE = frozenset("mum mom mam ma mama dad da papa gran granny nan nana gogo grandma grandpa auntie aunty".split())
#: "Yet" in a short reply ("Not sure yet") answers a question about plans.
YET = compile_any([r"\byet\b"])
#: Clause ends in punctuated text (sentence ends, commas, semicolons, dashes).
CLAUSE_END = re.compile(r"[.!?;,\u2014]+\s*|\s+-\s+")
#: Tears denied by name: nobody says it unless they show.
NOT_CRYING = compile_any([r"i am not (?:crying|tearing up|welling up|going to cry)|(?:these are not|they are not|it is not) tears"])
#: The patient's own report of tears just before ("I cried a bit"): the feeling is then evident.
TEARS_REPORTED = compile_any([r"\b(?:i|i have|i had|i was|i am|i keep) (?:\w+ )?(?:cried|crying|welling up|tearing up|in tears|teared up)\b|my eyes (?:are|were|keep) (?:watering|filling)"])
#: A comment on the clause before ("I cried in the car. Which is ridiculous."): the patient judging
#: their own reaction, not the frame.
SELF_COMMENT = compile_any([r"which (?:is|was) (?:\w+ )?$"])

#: A deference reported, not enacted ("I said whatever you think because I didn't want to
#: argue"): the patient naming their own past compliance is relationship talk (decision 16).
REPORTED_DEFER = compile_any([r"\bi (?:just |only )?(?:said|told you|went along with|agreed to) (?:\w+ )?(?:whatever you|you know best|you are the expert|if you say so)"])

#: The patient owning the hurt as their own feeling ("I felt like I'd been boring you", "it stung a
#: bit"): a disclosure of how the therapist's act landed, not blame enacted in the room (decision 16).
OWNS_HURT = compile_any([r"\bi (?:always |just |kind of |sort of )?(?:felt|feel|was feeling|started feeling) (?:a bit )?like i\b|"
                         r"(?:it|that) (?:stung|hurt)(?: a bit| a little)?\b"])
#: The therapist's habit named ("you keep ...", "you always ..."): then it is a complaint after all.
HABIT = compile_any([r"you (?:\w+ )?(?:keep|kept|always|never)\b"])
#: A refusal that asks leave ("I'd rather leave it there, if that's okay"): polite, not strained.
POLITE = compile_any([r"if (?:that is|it is) (?:okay|ok|all right|alright)(?: with you)?|if you do not mind"])
#: A negation heading a clause ("I don't think you're useless"): reassurance, not blame.
NEGATED_BEFORE = compile_any([r"(?:do not|did not|never) (?:think|believe|mean|meant|say|said)(?: that)? $"])


#: Closed questions about amounts and times ("how long could you go without?"), and
#: proposals ("why don't you try that?", "how about next Tuesday?", "what do you think about
#: coming back in a month?") that "okay" fully answers.
CLOSED_WH = compile_any([r"how (?:long|many|much|often|old|far|soon)|what (?:time|day|age)|^ (?:(?:so|and|okay|well) )*what (?:i|we) |"
                         r"why do not (?:you|we)|how about|what about (?:if|we|trying)|what is the plan|what are (?:you|your) (?:plans|doing|up to)|where are you (?:going|off to|staying)|"
                         r"who is (?:going|coming)|when (?:is|are|do|does|will)\b|"
                         r"(?:what do you think|how would you feel|how do you feel|would you be (?:okay|happy|willing)) (?:about|of|with) "
                         r"(?:trying|coming (?:back|in)|meeting|seeing (?:me|each other)|booking|scheduling|setting up|getting together|checking in)\b"])
#: "Anyway" and nothing after it but fillers ("..., you know? Anyway, I just, uh--").
_TRAILING_ANYWAY = compile_any([r"anyway(?: (?:i|just|uh|um|er|erm|you know|like|so|yeah|well|mean|crosstalk|inaudible|unintelligible|laughs|sighs|pause))* $"])
#: "You" standing for anyone in the patient's account of their own life ("you stop caring about yourself").
_GENERIC_YOU = compile_any([r"yourself|your (?:life|family|world|kids|job|head|mind) (?:comes|splits|falls|goes|is|gets)|(?:when|once|if) (?:you|your)\b"])


def trails_off(t: str) -> bool:
    """Whether a patient turn that has answered (eight words or more) ends on "anyway" and no new subject."""
    m = _TRAILING_ANYWAY.search(t)
    return m is not None and len(t[:m.start()].split()) >= 8


def generic_you_before(d: Dialogue, i: int) -> bool:
    """Whether patient turn ``i`` continues the patient's own sentence ("-you don't care."), cut by
    the therapist's short turns, in which "you" stood for anyone ("you stop caring about yourself")."""
    if not d.texts[i].lstrip().startswith(("-", "\u2014")):
        return False
    fragments, j = [], i - 1
    while j >= 0 and len(fragments) < 4 and (d.is_patient(j) or d.words[j] <= 4):
        if d.is_patient(j):
            fragments.append(d.norms[j])
        j -= 1
    return any(_GENERIC_YOU.search(f) for f in fragments)
