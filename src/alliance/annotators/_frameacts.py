"""The therapist's own change to the arrangements, and the therapist cast as a figure in the
patient's material: two readings of therapist turns that name no listed frame phrase.

1. **A change to the arrangements** (:data:`T_CHANGES_ARRANGEMENT`). The frame is not
   only breaks and fees: it is where the sessions happen (a room, an office, a
   building), how (in person, on video, by phone) and how often (the days, the
   number a week). A therapist turn in which "I" or "we" give up, close, leave or move
   one of those ("since I closed the office and went over to video", "we'll go from
   four days to three", "I'll be teaching on Wednesdays, so we lose that session")
   names the frame, whatever the verbs, and with a question about what it is like it
   is frame talk. The patient's own moves ("since you moved to nights") and the
   session's tasks ("we'll go from the worksheet to the breathing") are not the
   arrangements: the subject must be the therapist or the pair, and the object a
   place, medium or frequency of the sessions.
   A wondering about what it has done for the patient (:data:`T_ASKS_IMPACT`, "I wonder
   whether anything's different for you") asks what it is like as a question would.
2. **The therapist as a figure** (:data:`T_AS_FIGURE`). An interpretation that a person
   or place in the patient's dream or story stands for the therapist ("I wonder
   whether the shop is me", "perhaps the guard is partly me") is about the two of
   them: the patient's material is read as being about the relationship. When the
   figure is someone else ("the teacher is your mother") it is not.
"""

from __future__ import annotations

from alliance.annotators._lexicon import compile_any

__all__ = ["T_CHANGES_ARRANGEMENT", "T_AS_FIGURE", "ARRANGEMENT_TOPICS", "T_ASKS_IMPACT", "T_OWN_ABSENCE"]

_DAYS = r"mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?"
_NUM = r"one|two|three|four|five|once|twice|three times|four times|five times|weekly|fortnightly|monthly|every week|every other week"
#: Where the sessions happen.
_PLACE = r"office|consulting room|room|rooms|practice|building|clinic|premises|surgery"
#: How the sessions happen.
_MEDIUM = r"video|zoom|online|telehealth|remote|remotely|the phone|phone sessions|virtual|in person"
#: Giving up, closing, leaving or moving a place or medium.
_CHANGE_VERB = (r"closed|close|closing|shut|shutting|gave up|give up|giving up|left|leave|leaving|moved|move|moving|"
                r"lost|lose|losing|sold|selling|let go of|letting go of|stopped using|stop using")

T_CHANGES_ARRANGEMENT = compile_any([
    # "since I closed the office", "I'm giving up the consulting room", "we're leaving this building".
    rf"\b(?:i|we) (?:have |had |am |are |will |will be |am going to |are going to |had to |have had to )?(?:{_CHANGE_VERB}) "
    rf"(?:out of |from )?(?:the|my|our|this) (?:\w+ )?(?:{_PLACE})\b",
    # "went fully to video", "moved us all onto video", "switched everyone to the phone".
    rf"\b(?:i|we) (?:have |had |am |are |will )?(?:went|go|going|moved|move|moving|switched|switching|changed|changing)"
    rf"(?: us| you| everyone| everything| all| our sessions| the sessions)?(?: all)?(?: over)?(?: fully| entirely| completely| totally| permanently)?"
    rf" (?:to|onto|over to) (?:{_MEDIUM})\b",
    # The therapist stopping work or handing the patient on ("I'll be stopping work in the
    # summer", "I'm handing your care over to a colleague"): the sessions end or change hands.
    r"\bi (?:will be |am |will |am going to |am going to be |have to |need to )?(?:stopping|stop|finishing|finish|leaving|leave|giving up) "
    r"(?:work|working|practice|practising|practicing|the service|this service|this job|my job|the clinic|the team)\b",
    r"\b(?:handing|hand|passing|pass|transferring|transfer|referring|refer) (?:your care|you|your sessions|your case|our work) "
    r"(?:over |on |back )?to (?:a |another |my |one of my )?(?:colleague|colleagues|someone else|another therapist|another clinician|"
    r"new therapist|different therapist|the team)\b",
    # "your boss and I will both be away": the therapist's absence, with a word between.
    r"\bi (?:will|would|am going to) (?:both |also |each |all )be (?:away|gone|off|out)\b",
    # "we stopped meeting in person", "... and went over to phone sessions".
    r"\b(?:stopped|stop|stopping|no longer) (?:meeting|seeing each other|seeing you|working) (?:in person|face to face|here)\b",
    rf"\b(?:and|then|so) (?:went|moved|switched|changed)(?: us| everything| all)?(?: over)?(?: fully| entirely| completely)? (?:to|onto|over to) (?:{_MEDIUM})\b",
    # "we'll go from four days to three", "we'll be going down from weekly to every other week".
    rf"\bwe (?:will |would |are going to |will be |are )?(?:go|going|move|moving|drop|dropping|come|coming|cut|cutting)"
    rf"(?: down| back)? from (?:{_NUM})\b(?:\s+\w+){{0,3}}\s+to (?:{_NUM})\b",
    # "twice a week rather than three times", "every other week instead of weekly".
    rf"\b(?:{_NUM})(?: days| sessions| times)?(?: a week)? (?:rather than|instead of) (?:{_NUM})\b",
    # The therapist's new commitment on a recurring day ("I'll be teaching at the institute on
    # Wednesdays", "I'm cutting my Fridays"): the day is taken from the sessions.
    rf"\bi (?:will be|am going to be|am|will start|am starting|have started) \w+ing\b(?:\s+\w+){{0,5}}\s+on (?:{_DAYS.replace('s?', 's')})\b",
    rf"\bi (?:am|will be|have been|have) (?:cutting|dropping|giving up|losing|stopping) (?:my|our|the) (?:{_DAYS})\b",
    rf"\b(?:we|you) (?:will |would |are going to )?(?:lose|losing|drop|dropping) (?:our|the|your) (?:{_DAYS})\b",
    rf"\bme (?:closing|shutting|giving up|dropping|cutting|leaving)\b(?:\s+\w+){{0,2}}\s+(?:on )?(?:the |our |my )?(?:{_DAYS}|{_PLACE})\b",
])

#: Topic words such a change leaves behind for a later return ("the video thing", "losing
#: Wednesdays"): the place, the medium, the day.
ARRANGEMENT_TOPICS = compile_any([rf"\b(?:{_DAYS}|video|zoom|online|office|consulting room|august)\b"])

#: The therapist's own absence said again ("and in August I won't be here either"): with a
#: topic already raised, restating it goes back to it.
T_OWN_ABSENCE = compile_any([
    r"\bi (?:will not|am not going to|would not) be (?:here|around|there|in)\b|\bi will (?:also |both )?be (?:away|gone|off)\b",
])

#: Asking, directly or as a wondering, what a change has done for the patient ("I wonder
#: whether anything's different for you", "how it's been for you", "how that lands").
T_ASKS_IMPACT = compile_any([
    r"\bi (?:wonder|am wondering|was wondering|have wondered|have been wondering|am curious|would like to know) "
    r"(?:whether|if|how|what)\b(?:\s+\w+){0,6}?\s+(?:for you|to you|on you|with you)\b",
    r"\b(?:anything|something|it|that|things) (?:is|has been|feels?|felt|seems?) (?:\w+ )?(?:different|changed|harder|easier|strange|odd) (?:for|to) you\b",
])

T_AS_FIGURE = compile_any([
    # "I wonder whether the store is me", "perhaps the guard at the gate is partly me".
    r"\b(?:whether|if|perhaps|maybe|possibly|that)\b(?:\s+\w+){0,8}?\s+(?:the|this|that|your|a) (?:\w+ ){1,12}?"
    r"(?:is|was|might be|could be|may be|stands for|might stand for|is really|was really)"
    r"(?: partly| also| a bit| somehow| in a way)? me\b",
    # "I might be the guard in the dream", "maybe I'm the one who closes the shop".
    r"\b(?:i might be|i may be|i could be|maybe i am|perhaps i am|i wonder if i am|i wonder whether i am) "
    r"(?:the|that|this|a) \w+(?: \w+){0,3}? (?:in|of|from|at) (?:the|your|that|this) (?:dream|story|nightmare|memory|picture)\b",
])
