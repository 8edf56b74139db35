"""Rupture markers read as moves in the dialogue: what the patient does with the therapist's turn.

The phrase lists in :mod:`alliance.annotators._rupturelexicon` and
:mod:`alliance.annotators._rupturepatterns` describe what a marker sounds like.
The readers here describe what the patient's turn *does* with the therapist's
turn before it, so that a new wording of the same move is still caught:

- **refusing a reading**: an imperative refusal heading the reply to a
  therapist's statement about the patient ("Don't.", "Don't tell me what I
  feel", "Who are you to tell me ...", "You don't get to decide ...") rejects
  the intervention; the refusal is the main act whatever complaint follows it;
- **the therapist reading themselves in**: a jab that the therapist makes
  everything about themselves or the therapy ("not everything is about you")
  answering an interpretation rejects it;
- **negating the therapist's own label**: a bare "No." followed by the
  therapist's term for the patient's thinking, negated ("That's not <term>"),
  rejects the reading rather than correcting a detail;
- **taking sides**: the therapist placed on one partner's side ("you always
  end up on her side") is a complaint about the therapist;
- **the unlived life**: the therapist's lack of the patient's experience held
  against them ("you've never been there", "you read it in a book", "what
  would you know") is a complaint about the therapist;
- **no point in the task**: "I don't see the point of them" after the therapist
  named a task (questionnaires, ratings, diaries) is a verdict on the therapy;
- **not knowing as the whole answer** to an open question about the
  relationship withholds (a withdrawal), where a verdict ("it's fine") declines;
- **the reading thrown back**: the therapist's own words negated with strain
  ("I'm not blaming myself ... stop twisting it", "Angry? No. Why would I
  be?"), or the reading dismissed ("So? What's that supposed to mean?"); a
  reading asked as a question ("Could the drinking be about ...?") counts;
- **the therapist's lapse or manner told as a grievance** ("you didn't even
  ask", "it's like talking to a wall", "you say that every week");
- **the frame grieved** right after the therapist sets it ("twelve sessions is
  a joke", "it always ends just as I get going");
- **new material for an answer** to an open question about the relationship
  ("Anyway, did you hear ...?") moves away from it;
- **pushed back, as the therapist's retreat shows**: a reply the therapist answers
  by owning the challenge and retreating ("sorry, that came out wrong", "fair
  enough, you know your drinking better than a printout") pushed back on it, in
  whatever words (a complaint when it speaks to the therapist, else a rejection);
- **re-engagement** after a repair is elaborating, agreeing with conviction or
  new material; ending the hour, leaving the next one open or a hedged yes is not.

Patterns are written against :func:`alliance.annotators._lexicon.normalize`
output and kept linear (bounded repeats, no nested quantifiers).
"""

from __future__ import annotations

import re

from alliance.annotators._lexicon import Dialogue, compile_any, normalize
from alliance.annotators._rupturelexicon import DENY_FEELING, SHIFT
from alliance.annotators._rupturepatterns import SHIFT_OPENER

__all__ = [
    "REFUSES_READING", "READS_IN_SELF", "SIDES_WITH", "UNLIVED", "NO_POINT_IN_TASK", "TASK_NOUN",
    "NOT_KNOWING", "LABELS_THINKING", "FRAME_GRIEVANCE", "frame_grievance", "READING_ASKED", "DISMISSES_READING", "throws_back", "new_subject", "EXITS", "reengages", "LAPSE", "DREADS_SESSIONS", "ROOM_REMARK", "blames_lapse", "rejects_reading", "refuses_reading", "negates_label", "unlived", "sides_with",
    "pushed_back",
]

#: An imperative refusal opening the reply ("Don't.", "Don't tell me how I feel", "Stop analysing me").
#: Not "don't worry", "don't laugh", "don't get me wrong": those open the patient's own material.
REFUSES_READING = compile_any([
    r"^ (?:(?:oh|look|no|please|just|hey) )*do not(?: (?:just|even|you dare))? (?:(?:do not )?$|tell me (?:what|how|who|that) (?:i|to)\b|"
    r"(?:do|doing) (?:that|this)\b|go there\b|start (?:that|with (?:that|this)|on me)\b|(?:psycho)?analy[sz]\w* me\b|put words|twist\w* )",
    r"^ (?:(?:oh|look|no|please|just|hey|sorry) )*who are you to (?:tell|say|judge|decide|lecture)\b",
    r"^ (?:(?:oh|look|no|please|just|hey) )*you do not get to (?:tell|decide|say|judge|sit there)\b|you do not get to (?:tell me|decide (?:what|how|that|for me|if|whether)|judge me)\b",
    r"^ (?:(?:oh|look|no|please|just|hey) )*do not(?: just)? do not\b",
])
#: A dismissal heading the reply to a reading ("Oh, come on.", "Here we go.", "That's a bit rich.").
DISMISSES_READING = compile_any([
    r"^ (?:(?:oh|ah|aw) )*(?:come on|give me a break|get real|give over|here we go(?: again)?)(?: now)? $|^ (?:(?:oh|well) )*(?:that is|that is a bit) rich\b",
    # The reading challenged for its point ("So? What's that supposed to mean?"), or its author's standing.
    r"^ (?:(?:so|and|oh|well) )*what is (?:that|this) (?:supposed|meant) to mean\b|^ so what\b|you (?:hardly|barely|do not even|do not) know me\b",
])
#: A reading of the patient put as a question ("Could the drinking be about loneliness?", "Is it partly
#: because ...?", "Do you think the headaches might be a way of ...?"): an intervention all the same.
READING_ASKED = compile_any([
    r"^ (?:(?:so|and|i wonder|okay) )*(?:could|might|would|can) (?:it|that|this|the \w+|your \w+|some of (?:that|this|the \w+)) (?:\w+ ){0,2}be (?:about|because|linked|connected|related|a way|partly|more|really)\b",
    r"^ (?:(?:so|and|okay) )*is (?:it|that|this) (?:possible|partly|maybe|really) (?:that|because|about)\b|do you think (?:it|that|this|the \w+|your \w+) (?:might|could|may) (?:be|have been) (?:about|because|linked|a way|partly)\b",
])
#: The therapist said to read themselves, or the therapy, into everything ("not everything is about you").
READS_IN_SELF = compile_any([
    r"not everything (?:is|has to be|needs to be|has got to be|has to mean something) (?:about|to do with|because of) (?:you(?:r \w+)?|us|this room|here|therapy|coming here|the sessions|me and you|you and me)\b",
    r"you (?:think|make|assume|reckon|seem to think) everything (?:is )?(?:about|to do with) (?:you|us|this|here|therapy|coming here)\b",
    r"everything (?:is|has to be) (?:about|to do with) (?:\w+ ){1,3}(?:with you|with you lot|with you people|in here)\b",
    r"(?:it is|that is|this is) not (?:always|all|everything) about you\b",
    # The reading dismissed as too much ("you're overthinking it", "reading too much into it", "not everything is a symptom").
    r"(?:over ?thinking|over ?analy[sz]ing|over ?complicating) (?:it|this|that|things|everything)\b|read(?:ing)? (?:\w+ ){0,2}(?:too much|a lot|things) into\b|"
    r"not everything (?:is|has to be) (?:a symptom|a sign|a pattern|significant|deep|hidden|about something)\b|"
    r"(?:that is|this is|it is|you are being) (?:a bit|a little|way|far|just|all) (?:much|deep|far fetched|over the top)\b|(?:that is|it is) (?:a bit of )?a (?:leap|reach)\b",
])
#: The therapist placed on one partner's side ("you end up on her side", "two against one in here").
SIDES_WITH = compile_any([
    r"you (?:always |just |usually |every time |each time |somehow )?(?:end|ended|ending|come|came|coming) (?:up |down )?(?:on|taking) (?:her|his|their|my (?:\w+ ){0,1}s|\w+ s) side\b",
    r"you (?:are|were|have been) (?:always |just |totally |clearly |obviously |so )?on (?:her|his|their|\w+ s) side\b",
    r"(?:two|three) against one (?:in here|here|with you)\b",
    # Outnumbered with the therapist named in the same turn ("it's two on one, man. You and her.").
    r"\byou\b.*\b(?:two|three) (?:against|on) one\b|\b(?:two|three) (?:against|on) one\b.*\byou (?:are|were|and|with)\b",
    r"\byou (?:and (?:her|him|she|he|them) )?(?:\w+ )?gang(?:s|ed|ing)? up (?:on|pon) me\b|you (?:do |always |really )?favou?r (?:him|her)\b",
    # Favouring the other client in the room ("you always let her tell it her way", "you never pull him up").
    r"you (?:always |just |keep |never stop )?(?:let|letting) (?:her|him) (?:talk|go on|have the last word|get away with|set|decide|tell it|interrupt|take over)\b|"
    r"you (?:never|do not ever|never once) (?:ask|challenge|stop|interrupt|pull up|pick up on|question) (?:her|him)\b",
])
#: The therapist's lack of the patient's lived experience held against them.
UNLIVED = compile_any([
    r"you (?:have|had) never (?:even |actually |ever )?(?:been (?:there|over there|through (?:it|that|this|anything)|in (?:a war|combat|prison|care|my shoes|a ward)|sectioned|deployed|homeless|addicted|a (?:parent|mother|father|mum|mom|dad|soldier|carer))|"
    r"had (?:kids|children|a child|a baby|to (?:live|deal|watch|bury|lose))|lost (?:a |anyone|someone|your)|served\b|slept rough|lived (?:it|through|like)|done (?:time|it|this)|seen (?:combat|anyone die|a body))",
    r"you (?:just |only |probably )?(?:read|learned|learnt|got) (?:it |that |this |all that |all this |about it |it all )?(?:all )?(?:in|from|out of) (?:a|the|your) (?:book|books|textbook|textbooks|course|training)\b",
    r"you (?:just |only )read about it\b|(?:it is|that is) all theory (?:to|for) you\b|^ (?:(?:oh|well|look|honestly) )*what would you know\b",
    r"you (?:can not|could not|will never|would not|do not) (?:possibly |ever |even |really )?(?:know|understand|imagine|get) what it (?:is|was|feels) like\b",
])
#: The therapist's conduct in the room or a lapse of theirs, told as the patient's grievance
#: ("you didn't even ask", "you forgot, didn't you", "it's like talking to a wall", "you come across
#: like you've heard it all before", "you brought it up in front of my husband").
LAPSE = compile_any([
    r"you (?:\w+ )?(?:did not|do not|never) even (?:ask|asked|notice|noticed|remember|look|looked|listen|say|mention|check|bother|acknowledge)\b",
    r"^ (?:(?:oh|so|well|look|honestly) )*you forgot\b|you (?:have |had )?forgotten (?:again|did not you|have not you)\b",
    r"(?:it is|it was|this is|it feels|it felt) (?:just |a bit |sometimes )?like talking to (?:a|the) (?:brick )?(?:wall|machine|robot|computer|answering machine|script|tape recorder)\b",
    r"you (?:come|came) (?:across|over) (?:as if|as though|like) you (?:have heard it|are (?:just )?waiting|do not care|could not care|are not (?:interested|listening|bothered)|are bored)",
    r"(?:you are|there you go|you have gone and) (?:doing|done) (?:it|that|this) again\b|you (?:just |always |keep )?(?:steamroll|bulldoze|talk over|skip over|brush over|gloss over)\w*\b|"
    r"(?:do not|never) (?:feel|think|get the sense|believe) (?:like |that )?you (?:actually |really |even )?(?:care|listen|get it|understand|want to (?:help|hear|know))\b|"
    r"you are (?:just |only )?(?:ticking (?:boxes|a box|the boxes)|going through the motions|on autopilot)\b|"
    r"you (?:are|were) (?:just )?waiting for me to (?:finish|stop|go|leave|shut up)\b|you (?:always |keep |just )?(?:stop|stopping) me (?:there|short|mid|every|before|when)\b|"
    r"\bi (?:never|can not|do not) (?:even )?get (?:to finish|a word in|to say)\b(?:\s+\w+){0,3}\s+(?:in here|with you|here)\b",
    # The same line every week ("you say that every week", "it's like you've got a script").
    r"you (?:say|said|ask|asked) (?:that|this|the same (?:thing|things|question|questions)) every (?:week|time|session)\b|"
    r"(?:it is|it feels|it sounds) like you (?:have got|have|are reading from|are following|are working from) a script\b",
    r"you (?:brought|mentioned|said|repeated|raised|read out) (?:it|that|this|what i (?:said|told you)) (?:\w+ ){0,3}in front of\b",
])
#: A therapy task the therapist may name and the patient then refer to by a pronoun.
TASK_NOUN = compile_any([
    r"agenda|questionnaires?|ratings?|scores?|checklists?|measures|scales?|(?:activity |mood |sleep )?schedules?|trackers?|charts?|monitoring|(?:the |these |those )?forms?",
])
#: No point seen in a task named just before, by pronoun or bare ("I don't see the point of them").
NO_POINT_IN_TASK = compile_any([
    r"\bi (?:\w+ )?(?:do not|can not|could not|cannot) (?:really |honestly |even |actually )?see (?:the point (?:of|in) (?:them|it|these|those|this|that|doing (?:them|it|these|this|that))\b|"
    r"what (?:it|they|this|these|those|that) (?:is|are) (?:for|meant to do|supposed to do|doing for me)\b)",
    r"\bi (?:\w+ )?(?:do not|can not|could not) (?:really |honestly )?see the point(?: any ?more| now)?(?: to be honest| honestly| really)? $",
    r"(?:it|they|that|this|those|these) (?:does|do|did) (?:absolutely |literally |just )?(?:nothing|sod all|bugger all|zilch) (?:for me|to help)\b",
    r"(?:do not know|wonder) why (?:we|i) (?:even |still )?bother\b(?! with (?:him|her|them|my))",
    # Weariness at the task itself ("Not the breathing again.", "Another sheet?"), not its bare name ("The diary? Here.").
    r"^ (?:(?:oh|ugh|god|seriously) )*(?:not (?:the|another|more|that|those) |another |more )(?:\w+ )?(?:sheets?|worksheets?|forms?|questionnaires?|diar(?:y|ies)|exercises?|homework|breathing|lists?|charts?|records?)(?: again)? $",
    r"^ (?:(?:oh|ugh|god|seriously) )*(?:the )?(?:\w+ )?(?:sheets?|worksheets?|forms?|questionnaires?|diar(?:y|ies)|exercises?|homework|breathing|lists?|charts?|records?) again $",
    r"(?:filled in|filled out|done|completed|tried) (?:about |over |like |maybe |nearly )?(?:\w+ )?(?:of them|of these|of those) and (?:i am |i feel |it is )?(?:still|nothing|no better|the same)\b",
])
#: A grievance about the frame: the number or length of sessions, or the therapist moving them
#: ("Twelve sessions is a joke", "it always ends just as I get going", "the third time you've moved me").
FRAME_GRIEVANCE = compile_any([
    r"(?:\w+ )?(?:sessions?|appointments?) (?:is|are) (?:just )?(?:a joke|not enough|nothing|ridiculous|never enough|too short)\b|"
    r"(?:fifty|forty|forty five|thirty|sixty) minutes (?:is|are) (?:just )?(?:not enough|nothing|never enough|too short)\b",
    r"(?:it|the session|the hour|this) (?:always )?(?:ends|stops|finishes) (?:just )?(?:as|when) i (?:get going|start|get into it|open up)\b",
    r"(?:second|third|fourth|fifth) time you have (?:moved|changed|cancelled|rescheduled|shifted)\b|you (?:keep|have kept) (?:moving|changing|cancelling|rescheduling|shifting) (?:me|my|our|the)\b",
])
#: The therapist's turn setting the frame: time up, sessions left, the fee, a session moved.
_FRAME_RAISED = compile_any([
    r"(?:sessions?|weeks) (?:left|to go|remaining)|stop (?:there|here|now)|(?:for|end) (?:today|now)|time is (?:up|nearly up)|minutes left|(?:the|our|my) fees?\b|"
    r"(?:move|moving|offer|change|swap|reschedul)\w* (?:you|your|our|the|it|us)\b|instead\b|next (?:week|term)\b",
])


def frame_grievance(t: str, p: str) -> bool:
    """Whether the reply grieves the frame the therapist's turn ``p`` has just set (time, sessions, schedule)."""
    return bool(FRAME_GRIEVANCE.search(t) and _FRAME_RAISED.search(p))


#: Dreading the sessions themselves ("I dread coming", "I hate these sessions").
DREADS_SESSIONS = compile_any([
    r"\bi (?:\w+ )?(?:dread|hate|resent|can not face|can not stand) (?:coming(?: here| in| to (?:see you|these|therapy))?(?= $| every| on| each| now| because| but| and| if| when)|these sessions|our sessions|the sessions|tuesdays here|therapy)\b",
])
#: A remark on the room or the therapist's looks in answer to an invitation ("Is that a new plant?").
ROOM_REMARK = compile_any([
    r"^ (?:(?:oh|ooh|um|hey|wait) )*(?:is that|are those|is this|are these) (?:a |your )?new\b|"
    r"^ (?:(?:oh|ooh|um|hey|wait) )*(?:did|have) you (?:\w+ )?(?:paint|painted|move|moved|change|changed|redecorate|redecorated|cut|dye|dyed|get|got|had) "
    r"(?:your|the|a new|this) (?:hair|room|office|glasses|desk|chair|plant|picture|painting|rug|walls|curtains|furniture|lamp)\b",
])
#: Not knowing, as the whole answer ("Dunno.", "No idea, really.", "Couldn't say.").
NOT_KNOWING = compile_any([
    r"^ (?:(?:um|uh|erm|er|well|oh|i mean) )*(?:i dunno|dunno|i do not know|do not know|no idea|i have no idea|could not say|can not say|not a clue|no clue)"
    r"(?: (?:really|honestly|i guess|to be honest))? $",
])
#: The therapist naming the patient's thinking or stating a reading ("we'd call that mind reading", "I'm noticing ...").
LABELS_THINKING = compile_any([
    r"(?:we|i|people|psychologists|therapists) (?:would |might |d |often |sometimes |tend to )?call (?:that|this|it)\b|"
    r"\bi (?:notice|am noticing|noticed|can hear|am hearing)\b|(?:that|this|it) (?:sounds|seems|looks) like\b|"
    r"(?:thinking|thought) (?:trap|error|style|habit|pattern)s?\b|(?:mind|fortune) (?:reading|telling)|catastrophi[sz]|all or nothing|black and white|"
    r"jumping to conclusions|overgenerali[sz]|should statements|labelling|personali[sz]",
])

#: A negated term ("that is not X", "it is not X", "I am not Xing"): group 1 the words negated.
_NEGATED_TERM = re.compile(r"\b(?:that|it|this|he|she) (?:is|was) not (?:a |an )?(\w+(?: \w+){0,3})|\bi am not (\w+ing)\b")
#: Hedges that refine rather than reject ("not let down exactly", "more tired").
_REFINES = compile_any([r"\b(?:exactly|quite|as such|more like|more|rather|a bit|sort of|kind of)\b"])
#: Words too common to show that the patient took up the therapist's own term.
_COMMON = frozenset({"that", "this", "what", "really", "about", "just", "like", "true", "right", "there", "thing",
                     "something", "anything", "nothing", "because", "when", "then", "them", "they", "have", "with"})
#: The reading taken up after all ("Oh, come on. No, actually, even I can see that one"): a joke, not a refusal.
_TAKES_BACK = compile_any([r"(?:no|okay|well|hmm) actually\b|i can (?:see|hear) (?:that|it|what you)|even i can see|fair (?:point|enough)|"
                           r"you (?:might|may|could) (?:be right|have a point)|you are (?:probably |maybe )?right|i guess i (?:was|am|did|do)\b"])
#: "No." as a sentence of its own at the head of a punctuated turn.
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_BARE_NO = re.compile(r"^\s*(?:no|nope|no,\s*no)[.!]\s", re.IGNORECASE)


def rejects_reading(text: str, t: str, p: str, intervention: bool) -> bool:
    """Whether the patient's turn rejects the therapist's statement ``p`` just before it, as its main act.

    ``intervention`` says whether ``p`` is an interpretation, a challenge or a
    suggestion; an imperative refusal also answers any statement about "you".
    A denial of a feeling ("No. I'm not angry") is left to the denial rules.
    """
    if (intervention or " you " in p) and refuses_reading(text, t) and not _TAKES_BACK.search(t):
        return True
    if intervention and refuses_reading(text, t, DISMISSES_READING) and not _TAKES_BACK.search(t):
        return True
    if intervention and READS_IN_SELF.search(t):
        return True
    if intervention and throws_back(text, t, p):
        return True
    return negates_label(text, t, p) and not DENY_FEELING.search(t)


def refuses_reading(text: str, t: str, pattern: re.Pattern[str] = REFUSES_READING) -> bool:
    """Whether the patient's turn (raw ``text``, normalised ``t``) opens by refusing what the therapist just did.

    Read on the whole turn and on each of its first two sentences ("Don't. Just don't. You don't get to ...").
    """
    heads = [normalize(x) for x in _SENTENCE.split(text.strip()) if x.strip()][:2]
    return any(pattern.search(x) for x in [t, *heads])


#: Strain in a reply that throws a reading back ("Why would I be angry?", "None.", "Stop twisting it").
_THROWN_BACK = compile_any([r"why would i (?:be|feel|want|do|need)\b|\bnone $|\bnone at all\b|twist\w*|nothing of the sort|no way\b"])
#: The therapist's word echoed as a question and refused ("Angry? No.").
_ECHO_NO = re.compile(r"^\s*(\w+(?:\s\w+)?)\?\s+(?:no|nope|nah)[.!,]", re.IGNORECASE)


def throws_back(text: str, t: str, p: str) -> bool:
    """Whether the reply negates the very words of the therapist's reading ``p``, with strain.

    "I'm not blaming myself ... Stop twisting it" after "you're blaming yourself",
    "No part of me wants him back. None." after "part of you wants him back", and
    "Angry? No. Why would I be angry?" after "maybe you were angry" throw the
    reading back; "Angry? Maybe. More disappointed" refines it.
    """
    if _REFINES.search(t) or not _THROWN_BACK.search(t):
        return False
    echo = _ECHO_NO.match(text)
    if echo and f" {normalize(echo.group(1)).strip()} " in p:
        return True
    first = normalize(_SENTENCE.split(text.strip())[0])
    if re.match(r" no (?:part|bit) of me\b", first) and " part of you " in p:
        return True
    return any(any(len(w) >= 5 and w not in _COMMON and f" {w} " in p for w in (m.group(1) or m.group(2) or "").split()[:2])
               for m in _NEGATED_TERM.finditer(first))


def negates_label(text: str, t: str, p: str) -> bool:
    """Whether a reply headed by a bare "No." negates a term the therapist's turn ``p`` used for the patient.

    "No. That's not mind reading, she said it" after "we'd call that mind reading"
    rejects the reading; "No, not let down exactly. More tired" refines it, and
    "No, it was Tuesday" corrects a detail (no bare "No." sentence, no label).
    """
    if not _BARE_NO.match(text) or not LABELS_THINKING.search(p) or _REFINES.search(t):
        return False
    for m in _NEGATED_TERM.finditer(t):
        words = (m.group(1) or m.group(2) or "").split()
        if any(len(w) >= 4 and w not in _COMMON and f" {w} " in p for w in words):
            return True
    return False


#: What turns a "you" clause into a feeling owned or a fear wondered about ("I felt like you were ...",
#: "I'm scared you're ...", "I know you're not ..."): the patient reports a strain rather than enacting it.
_OWNED_BEFORE = compile_any([r"(?:felt|feel|feels|feeling|felt a bit|worry|worried|scared|afraid|wonder|wondered|wondering|whether|if|know|knew|hope|sometimes i think) "
                             r"(?:like |as if |as though |that )?(?:\w+ )?$"])


def sides_with(t: str) -> bool:
    """Whether the turn asserts that the therapist takes the other client's side (not a fear or a feeling owned)."""
    m = SIDES_WITH.search(t)
    return m is not None and not _OWNED_BEFORE.search(t[:m.start()])


#: Moving to end the hour or leaving the next one open ("Can we stop there for today?", "It's nearly
#: time anyway", "I'll ring and let you know"): the patient leaves the work rather than re-engaging.
EXITS = compile_any([
    r"(?:can|could|shall) we (?:just )?(?:stop|finish|leave it|end|call it a day)(?: there| here| now| for today| early)?\b|(?:it is|that is) (?:nearly|almost) time\b|"
    r"\bi will (?:ring|call|phone|email|text)(?: you| the (?:office|clinic|surgery|service|reception))?(?= and| on| to| next| $)|"
    r"\bi will (?:let you know|see(?= $| how| if| about)|think about it)\b|\bi (?:have|need|want) to (?:go|get going|leave|head off)(?= $| now| soon)",
])
#: A hedge that takes the conviction out of a short agreement ("Fine. Sit on my hands, I suppose.").
_HEDGED_AGREEMENT = compile_any([r"(?:i suppose|i guess|if you like|if you want|maybe|whatever) $|^ (?:(?:fine|okay|ok|right|sure) )+(?:i suppose|i guess|whatever)\b"])


def reengages(t: str, words: int) -> bool:
    """Whether an unmarked patient turn (normalised ``t``, ``words`` long) re-engages after a repair move.

    Re-engaging is elaborating, agreeing with conviction or bringing new material
    (decision 15); moving to end the session, leaving the next one open, or a short
    hedged yes ("Fine, I suppose") is none of those.
    """
    if EXITS.search(t):
        return False
    return not (words <= 10 and _HEDGED_AGREEMENT.search(t))


#: Someone else the turn is about.
_THIRD_PERSON = compile_any([r"she|he|they|her|him|them|my (?:\w+ )?(?:mum|mom|dad|husband|wife|partner|boss|manager|sister|brother|son|daughter|friend)"])


def new_subject(t: str) -> bool:
    """Whether the turn opens new material with a shift opener ("Anyway, did you hear ...?", "Did I tell you ...").

    A refusal alone ("I'd rather not get into it now") brings nothing new: it declines.
    """
    if SHIFT_OPENER.search(t):
        return True
    m = SHIFT.search(t)
    return m is not None and len(t[m.end():].split()) >= 4


def blames_lapse(t: str) -> bool:
    """Whether the turn tells a lapse or manner of the therapist's as a grievance (not wondered about or owned)."""
    m = LAPSE.search(t)
    if m is None or _OWNED_BEFORE.search(t[:m.start()]):
        return False
    # "Like talking to a brick wall" is about whoever the turn is about ("she kept checking her phone ...").
    return "talking to" not in m.group(0) or not _THIRD_PERSON.search(t)


def unlived(text: str, t: str) -> bool:
    """Whether the turn holds the therapist's lack of the patient's experience against them.

    Asked in earnest ("You've never been there?") it is small talk; the rhetorical
    "What would you know?" is the exception.
    """
    m = UNLIVED.search(t)
    if m is None:
        return False
    return "what would you know" in m.group(0) or not re.search(r"\bnever\b[^.!?]*\?", text)


#: The therapist owning their challenge and retreating from it ("sorry, that came out wrong",
#: "I'll drop the label", "you know your drinking better than a printout").
_OWNED_RETREAT = compile_any([
    r"came out (?:wrong|harsh|badly|too strong)|(?:^ |\. |, )(?:no no |no )?(?:i am )?sorry,? (?:no|that|i did not mean)|"
    r"i (?:will|shall) (?:drop|leave) (?:that|the label|the word|it there|that there)|you know (?:\w+ ){0,3}better than (?:me|i do|a|the)|"
    r"i was (?:arguing|pushing|lecturing|preaching) (?:with |at )?you|you are right,? i (?:did|was|do)\b",
])
_SORRY = compile_any([r"sorry|apologi[sz]e"])
#: A reply that grants the point ("Yeah. I did. I know."), which no retreat answers as a pushback.
_GRANTS = compile_any([r"^ (?:(?:yeah|yes|yep|ok|okay|mm|hmm) )*(?:i did|i know|you are right|fair|true|maybe)\b"])


def pushed_back(d: Dialogue, i: int) -> str | None:
    """The marker of patient turn ``i`` read from the therapist's retreat right after it, or None.

    Backing down retracts the therapist's own challenge, and it answers a pushback:
    in the gold sessions nine in ten patient turns between a challenge and a retreat
    carry a marker. So a reply, in any words, that the therapist answers by owning
    the challenge and retreating (:data:`_OWNED_RETREAT`) pushed back on it: a
    complaint about the therapist when it speaks to them, else a rejection.
    """
    if not d.is_patient(i) or i == 0 or i + 1 >= d.n or not d.is_therapist(i - 1) or not d.is_therapist(i + 1):
        return None
    if d.acks[i] or d.questions[i - 1] or d.words[i - 1] < 6 or _GRANTS.search(d.norms[i]):
        return None
    if _SORRY.search(d.norms[i - 1]):
        return None  # the turn before was itself an apology ("sorry, I'm going on"), not a challenge
    if not _OWNED_RETREAT.search(d.norms[i + 1]):
        return None
    return "complaint_about_therapist" if d.you_is_therapist(i) and " you " in d.norms[i] else "rejects_intervention"

