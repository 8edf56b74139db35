"""What the patient does toward the sessions and in the room, read as relationship talk.

Twelve readings of a turn, each about conduct rather than a listed phrase:

1. **Reluctance read into conduct** (:data:`T_READS_RELUCTANCE`). The therapist reading
   the patient's lateness or absences as part of them not wanting to come ("I wonder if
   part of you is hesitant about coming here") speaks about the work between them:
   here-and-now talk, or frame talk when it ties the reluctance to a change of the frame.
   Reluctance about anything else ("to go to the party") is not.
2. **Behaviour observed now** (:data:`T_OBSERVES_NOW`). The therapist describing what the
   patient's body or voice did in the session, tied to the moment ("just then, you
   looked away from me", "you went very quiet a moment ago") is process talk; what the
   patient reports doing elsewhere ("you said you looked at the floor") is not.
3. **Objecting to the therapist's act** (:data:`P_OBJECTS_NOW`). A patient turn that
   refuses the therapist's right to say what they just said ("you don't get to tell me
   ...", "who are you to ...") is about the therapist, whatever the topic.
4. **Doubting a task of the therapy** (:data:`P_TASK_DOUBT`). "I don't see the point of
   these forms" is about the work the two of them do; "the point of the staff
   meetings" is not: the object must be a task of the therapy, or "them" with the
   therapist named.
5. **Someone else's words** (:data:`REPORTED_MORE`). Speech reported from anyone in the
   patient's life ("our manager said to me, 'you're the only one'", "the lad at the
   counter told me ...") carries that person's "you", never the therapist's.
6. **Ending the session** (:data:`T_ENDS_SESSION`). A therapist turn that opens by
   stopping for the day ("we need to finish; the invoice will show the new rate") closes
   the talk, whatever follows it; only a question keeps the topic open.
7. **Speaking in role** (:data:`T_SETS_ROLE`). After the therapist sets up an exercise
   that addresses someone absent ("put the critic in that chair and talk back to
   him", "say it to her as if she were here", "try it again, louder"), the patient's
   "you" is that someone, not the therapist.
8. **The therapist's other clients** (:data:`P_OTHER_CLIENTS`). A patient setting
   themself beside the therapist's other clients ("you must see people with bigger
   problems") speaks about their place with the therapist.
9. **Seeking the therapist out, or their welcome** (:data:`P_SEEKS_THERAPIST`). The patient
   looking the therapist up, or doubting they are still welcome ("I wasn't sure I'd be
   welcome back after last time"), acts on the relationship itself; so does telling the
   therapist more than the people in their life (:data:`P_TELLS_YOU_MORE`).
10. **The one place** (:data:`P_ATTENDS`). The patient calling this hour the one place where
    something is possible speaks about the sessions; "the one place" that is the gym is
    the patient's life. Nearly cancelling or not coming, on its own, is not relationship
    talk: three gold authors leave "I nearly didn't come today" and the therapist's "what
    nearly kept you away?" unlabelled until the patient ties it to the therapist.
11. **The pair and the patient's conduct toward the therapist** (:data:`T_PAIR`). The
    therapist describing what the patient does toward them ("you apologise to me a lot")
    or their own stance toward the patient ("I'm quite careful with you") speaks about
    the two of them. A bare "you and I" does not: in counselling it is as often the plan
    ("you and I can look at that next week").
12. **The therapist's feeling now** (:data:`T_FEELS_NOW`). The therapist naming their own
    feeling tied to the patient in the room ("I feel moved, watching you two just now")
    is immediacy; a feeling about the news or the patient's report of their own is not.
"""

from __future__ import annotations

from alliance.annotators._lexicon import compile_any

__all__ = ["T_FEELS_NOW", "T_PAIR", "P_ATTENDS", "P_TELLS_YOU_MORE", "P_SEEKS_THERAPIST", "P_OTHER_CLIENTS", "T_SETS_ROLE", "T_ENDS_SESSION", "T_READS_RELUCTANCE", "T_OBSERVES_NOW", "P_OBJECTS_NOW", "P_TASK_DOUBT", "REPORTED_MORE", "P_PROXY_TRUST"]

_COMING = (r"(?:be here|being here|come here|coming here|come in|coming in|come|coming|see me|seeing me|"
           r"these sessions|our sessions|the sessions|therapy)\b")

T_READS_RELUCTANCE = compile_any([
    rf"\b(?:part of you|some part of you|a part of you|you) (?:\w+ ){{0,2}}?(?:is|are|was|were|might be|may be|could be|feels?|felt|seems?) "
    rf"(?:\w+ )?(?:reluctant|hesitant|ambivalent|unsure|not keen|wary|in two minds|of two minds|not sure) (?:about |to )?{_COMING}",
    # Asked the other way round: "could part of you be unsure about coming here?"
    rf"\b(?:could|might|may|is|would|can) (?:it be that )?(?:part of you|some part of you|a part of you) (?:be |is |feel |feels )?"
    rf"(?:\w+ )?(?:reluctant|hesitant|ambivalent|unsure|not keen|wary|in two minds|of two minds|not sure) (?:about |to )?{_COMING}",
    rf"\b(?:part of you|some part of you|a part of you) (?:does not|did not|might not|may not|would rather not|would not) "
    rf"(?:\w+ )?(?:want to |wish to )?{_COMING}",
])

_BODY = (r"(?:looked|look|looking|went|go|going|got|turned|turning|shifted|sighed|smiled|laughed|paused|stopped|teared|"
         r"welled|tensed|clenched|crossed|folded|fidgeted|glanced|flinched|winced|froze|shrugged|frowned|blushed)")
#: A moment of this session ("just then", "a moment ago", "as soon as I mentioned").
_NOW = (r"(?:just now|just then|right then|right there|a moment ago|a minute ago|a second ago|as you said (?:that|it)|"
        r"as soon as i|when i (?:said|mentioned|asked|brought)|while i was (?:talking|speaking)|in here)")

T_OBSERVES_NOW = compile_any([
    rf"(?<!said )(?<!say )(?<!told me )\byou (?:\w+ )?{_BODY}\b(?:\s+\w+){{0,16}}?\s+{_NOW}\b",
    rf"\b{_NOW}\b(?:\s+\w+){{0,8}}?\s+you (?:\w+ )?{_BODY}\b",
])

P_OBJECTS_NOW = compile_any([
    r"\byou (?:do not|did not) get to (?:tell|decide|say|judge|choose)\b",
    r"\bwho are you to (?:tell|say|judge|decide)\b",
    r"\b(?:stop|quit) (?:telling|trying to tell) me\b",
    r"\b(?:do not|do not you) (?:tell|try to tell) me (?:what|how|that|it)\b",
])

_TASKS = (r"(?:forms?|questionnaires?|measures?|scales?|ratings?|scores?|diar(?:y|ies)|worksheets?|homework|records?|"
          r"thought records?|exercises?|sheets?|logs?|assignments?|check ins?|tasks?)")
P_TASK_DOUBT = compile_any([
    rf"\b(?:do not|can not|cannot|fail to|no longer) (?:really |quite )?see (?:the|any) point (?:of|in) "
    rf"(?:(?:these|the|those|this|doing|filling in|filling out|writing|doing the|all these|all the) )?(?:\w+ )?{_TASKS}\b",
])
#: "The point of them", with the therapist in the same turn ("... and you look at them").
P_POINT_OF_THEM = compile_any([r"\bsee the point (?:of|in) (?:them|it|this|doing (?:it|them|this))\b"])

REPORTED_MORE = compile_any([
    r"\b(?:our|the|his|her|their|a|this|that) (?:(?!you\b|i\b|we\b)\w+ ){1,4}?(?:said|says|told me|tells me|kept saying|keeps saying|"
    r"goes|went like|was like)\b.*",
])

#: A relative saying the patient holds back from the therapist, or fears what the therapist
#: will pass on ("he doesn't talk to you because he thinks you'll tell me"): the patient's
#: trust in the therapist, voiced by someone else.
P_PROXY_TRUST = compile_any([
    r"\b(?:he|she|they) (?:does not|do not|did not|will not|would not|can not|never|is not going to|are not going to) "
    r"(?:really |properly |fully )?(?:talk to|tell|open up to|trust|say much to|say anything to|be honest with) you\b",
    r"\b(?:he|she|they) (?:thinks|think|thought|worries|worry|is worried|are worried|is scared|is afraid|believes|believe) "
    r"(?:that )?you (?:will|would|are going to|might|could) (?:tell|pass|report|repeat|say|share)\b",
    r"\b(?:he|she|they) (?:really |fully |completely |actually )?(?:trusts|trust|opens up to|open up to|confides in|confide in) you\b",
    r"\b(?:he|she|they) (?:thinks|think|thought|believes|believe|reckons|reckon) (?:that )?you (?:report|tell|pass|repeat|share|side|judge)\b",
])

T_ENDS_SESSION = compile_any([
    r"^ (?:(?:okay|ok|right|so|well|alright|all right|mm) )*(?:we|i) (?:will |will have to |will need to |have to |need to |must |"
    r"are going to have to |should )(?:stop|finish|end|wrap up|leave it)\b",
])

T_SETS_ROLE = compile_any([
    r"\b(?:talk|speak|answer|shout|say it|say that|say something|tell it) (?:back )?(?:to )?(?:him|her|them|it)\b",
    r"\b(?:in|on|into|to) (?:that|the|this|the empty|the other) chair\b|\bempty chair\b",
    r"\bimagine (?:he|she|they|your \w+|the \w+) (?:is|are|were|was) (?:here|sitting|in the room|in front of you|across from you)\b",
    r"\b(?:as if|as though) (?:he|she|they|your \w+) (?:is|are|were|was) (?:here|in the room|in front of you|sitting there)\b",
    r"\bwhat would you (?:say|tell|want to say) (?:to )?(?:him|her|them)\b(?:\s+\w+){0,3}\s+(?:if|now|here)\b|\btry (?:it|that) again\b",
])

#: The patient measuring themself against the therapist's other clients ("you must see people
#: with far bigger problems", "your other clients"): their place with the therapist.
P_OTHER_CLIENTS = compile_any([
    r"\byou (?:must |probably |have |have got |will |would )?(?:see|get|deal with|work with|have|hear from|listen to) "
    r"(?:\w+ ){0,3}(?:people|clients|patients|folk|folks|cases)\b(?:\s+\w+){0,2}?\s+(?:with|who|that)\b",
    r"\byour other (?:clients|patients|people|cases)\b",
])

P_SEEKS_THERAPIST = compile_any([
    r"\bi (?:have |had )?(?:looked|look|looking) you up\b|\bi (?:have |had )?(?:googled|searched for|stalked) you\b|"
    r"\bi (?:found|saw) your (?:profile|facebook|instagram|website|address|house|car|photo|picture)\b",
    r"\b(?:welcome|wanted) back\b(?:\s+\w+){0,4}\s+(?:after|since) (?:what i|last (?:time|week|session)|i)\b|"
    r"\bwhether you would (?:still )?(?:want|see|have) me\b|\bif you would (?:still )?(?:want|see|have) me back\b",
])

#: The session as the one place where something is possible ("this is the one place in my
#: week where I don't have to hold it together"): the patient speaks about the sessions.
P_ATTENDS = compile_any([
    r"\b(?:this|here|these sessions|this room|this hour|coming here|our sessions) (?:is|are) (?:the only|my only|the one|about the only) "
    r"(?:hour|place|time|room|space|bit|part)\b",
])

#: Telling the therapist more than the people in one's life ("I tell you more than my wife").
P_TELLS_YOU_MORE = compile_any([
    r"\bi (?:tell|told|say|said|share|shared) (?:\w+ ){0,2}(?:to )?you (?:more|things|stuff)\b(?:\s+\w+){0,4}?\s+(?:than|that) i\b",
    r"\b(?:more|things) (?:than|that) i (?:have )?(?:ever )?(?:tell|told|say|said)\b(?:\s+\w+){0,3}\s+(?:to )?(?:my|anyone|anybody)\b(?:\s+\w+){0,6}?\s+(?:to |with )?you\b",
])

T_PAIR = compile_any([
    r"\byou (?:(?:always|often|keep|kept|tend to|seem to|really|do|often|still) ){0,2}(?:apologi[sz]e|apologi[sz]ing|thank|thanking|defer|"
    r"deferring|smile|smiling|check|checking|agree|agreeing|argue|arguing|perform|performing|hold back|holding back|test|testing) "
    r"(?:to|with|at|from|for|against|on) me\b|\byou (?:(?:always|often|keep|kept|never|still) ){0,2}(?:look|looking|looked) at me\b",
    r"\bi (?:am|have been|feel|felt|was|get|got|find myself|found myself) (?:\w+ ){0,2}(?:careful|cautious|protective|tentative|guarded|wary|"
    r"on edge|tense|irritated|frustrated|bored|moved|touched|distant|pushed away|shut out|kept out) (?:with|around|toward|towards|of|by|from) you\b",
])

#: The therapist's own feeling now, tied to the patient in the room ("I feel quite moved,
#: watching you two just now", "when you laughed just then, I felt a little sad"): immediacy.
_FEELING_NOW = (r"(?:moved|touched|sad|sadder|tearful|teary|warm|close|protective|worried|anxious|uneasy|shut out|pushed away|"
                r"kept at (?:a distance|arms length|arm s length)|a lump in my throat|heavy|hopeful|glad|pleased|relieved)")
T_FEELS_NOW = compile_any([
    rf"\bi (?:feel|felt|am feeling|was feeling|notice i feel|notice i am feeling|find myself feeling|found myself feeling) "
    rf"(?:\w+ ){{0,3}}?{_FEELING_NOW}\b(?:\s+\w+){{0,4}}?\s+(?:watching|hearing|listening to|seeing|as|when|while) (?:you|the two of you)\b",
    rf"\b(?:when|as|while) you (?:\w+ ){{1,4}}?(?:just now|just then|right now|a moment ago)\b(?:\s+\w+){{0,2}}?\s+i (?:felt|feel|noticed i felt) "
    rf"(?:\w+ ){{0,3}}?{_FEELING_NOW}\b",
])
