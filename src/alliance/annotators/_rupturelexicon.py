"""The phrase lexicon of rupture markers: the wordings each marker was first written against.

These lists grew split by split (the gold sets' wordings and their kin); the
structural cues that generalise past them are in
:mod:`alliance.annotators._rupturepatterns`. :mod:`alliance.annotators.ruptures`
re-exports the public names, which the relationship and flag annotators read.
Patterns are written against :func:`alliance.annotators._lexicon.normalize` output.
"""

from __future__ import annotations

from alliance.annotators._lexicon import compile_any

__all__ = [
    "NAMES_THERAPY",
    "COMPLAINT_THERAPIST",
    "COMPLAINT_THERAPY",
    "REJECT",
    "STRAIN",
    "DENY_FEELING",
    "OBSERVED_FEELING",
    "OBSERVED_EMOTION",
    "DEFER",
    "SHIFT",
    "MINIMAL",
    "INVITATION",
    "MINIMAL_HEAD",
    "THERAPY_COMPLAINT_NAMED",
    "NOT_ADJ",
]

#: The therapist blamed in so many words ("you're not listening", "why do you keep ...").
COMPLAINT_THERAPIST = compile_any([
    r"you (?:are not|were not|do not|did not|never|never ever) (?:even |really |actually )?(?:listening|listen|hear|hearing|understand|understanding|get it|get me|care|help|helping|remember|let me)",
    r"(?<!can )(?<!could )(?<!would )(?<!will )you (?:always|keep|just keep|just) (?:interrupt\w*|bringing|bring|asking|ask|pushing|push|telling|tell|saying|changing|steering|turning|twisting|going on)",
    r"why (?:do|did|are) you (?:keep|always|even|keep on)\b",
    # "You're always on about that legion, every call": the therapist's own refrain.
    r"\byou (?:are|were) (?:always|forever|still) (?:on|going on|banging on|harping on) about\b",
    r"(?<!when )(?<!while )(?<!whether )(?<!if )(?:you|your) (?:were|are|seem|seemed) (?:so |really |totally )?(?:late|rude|judgmental|judging|condescending|cold|distracted|dismissive|patroni[sz]ing|not interested)",
    # Siding needs the therapist as its subject: "Aoife will take his side" blames someone else.
    r"you always do this|you (?:\w+ ){0,2}(?:take|taking|took) (?:his|her|their|(?:the )?\w+ s) side|you (?:\w+ ){0,2}(?:side|siding|sided) with (?:him|her|them)\b|you (?:always |just )?make (?:everything|it all) about",
    r"(?:i do not need|stop giving me|enough with|do not lecture) (?:me )?(?:a |the |another |your )?lectur\w*",
    r"(?:it is|that is) like you want me to",
    r"you (?:have |had |keep |kept |are |were )?(?:looked|look|looking|checked|checking|glanced|glancing) (?:\w+ )?at (?:the|your) (?:clock|watch|phone)|(?:are|were) you (?:checking|watching|looking at) the (?:time|clock|watch)",
    r"(?:putting|put) words in my mouth|you are not (?:even )?listening",
    r"(?:it|that) (?:felt|feels) like you (?:wanted|want|were not|do not|did not|are not)",
    r"(?:you|your questions) (?:make|made) me feel (?:stupid|worse|judged|small|like)",
    r"you (?:sound|sounded) (?:just )?like (?:everyone|everybody|my)",
    # Likened to someone the patient has had enough of ("you sound just like him now", "you're just
    # like the rest of them", "you are just like my father"): the likening, said flat, is the complaint.
    r"you (?:sound|sounded|are|were|talk|look|act) (?:just|exactly) like\b|you are (?:just )?like (?:the rest|all the (?:rest|others)|everybody else|everyone else)\b",
    # A habit named as the therapist's, here and now ("see, this is what you do", "you turn it into my dad").
    r"\bthis is (?:exactly |just )?what you (?:always )?do\b",
    r"you (?:always |just |keep )?(?:turn|turned|turning|twist|twisting) (?:it|everything|this|that|what i say|everything i say)(?: i say)? (?:in)?to\b",
    # The verdict given before the patient spoke ("you have already decided I am the villain").
    r"you (?:have |had )?(?:already )?decided (?:already )?(?:that )?(?:i am|before)\b",
    r"(?:^ |please |can you |just |would you )(?:stop|quit) (?:asking|pushing|telling me|analy[sz]ing)",
    r"you (?:do not|did not) (?:get|understand) (?:it|me|what)",
    r"easy for you to say",
    # What the patient did not come for ("I didn't come here to hear about your old man"): the
    # therapist's conduct set against the purpose of the hour, whatever the verb.
    r"i (?:did not|do not) come (?:here|in|to (?:therapy|see you|these sessions)) (?:\w+ ){0,2}to (?:be|get|hear|listen|talk about (?:you|your)|sit|do)\b",
    r"you (?:sound|sounded|talk|are talking) like (?:a|an)(?= )",
    # The therapist's advice blamed for what followed, and blame handed back ("so now it's my fault").
    r"your (?:advice|suggestion|idea|homework|plan|exercise) (?:made|makes|has made) (?:it|things|everything|that) worse",
    r"^ (?:(?:brilliant|great|oh great|lovely|perfect|right|wow|so) )*so now (?:it is|this is) (?:all )?my fault",
    # Telling the therapist the session is not for them.
    r"(?:this|it|today) (?:is not|was not|is meant to be|should be|is supposed to be) about you(?! (?:\w+ing|being|leaving|going)\b)|i came (?:here|in) to talk about (?:my|me|her|him)",
    # The therapist likened to something tiresome, or told is not worth telling things to.
    r"you (?:explain|tell me|say) why i am (?:wrong|mistaken)",
    r"why i (?:even )?bother (?:telling|talking to|coming|saying)",
])
#: Complaints about the therapy's tasks, parameters or progress, as phrases.
_COMPLAINT_THERAPY = [
    r"(?:these|this|the|our) (?:sessions?|therapy|homework|exercises?|worksheets?|work|breathing|thought records?|talking)\b(?:\s+\w+){0,2}\s+(?:is not|are not|is never|never|do not|does not|did not|has not|have not)\s+(?:\w+ )?(?:going anywhere|working|helping|help|work|helped|worked|changed|making a difference|doing anything|getting)",
    r"what is the point (?:of|in) (?:this|coming|therapy|these|talking|doing)",
    r"(?:i am|we are) not getting (?:anywhere|anything|better)",
    r"(?:this|therapy|coming here|these sessions|talking|talking about it|coming)(?: whole thing| whole business)? (?:is|feels|seems|is just)(?: like)? (?:a waste|pointless|useless|not helping|not working|going nowhere|a joke)",
    r"(?:sick|tired|fed up) of (?:these|the|this|doing|all these|all the) (?:\w+ )?(?:sessions?|therapy|homework|worksheets?|exercises?|records?|diar(?:y|ies)|breathing|questions)",
    r"(?:do not|did not) think (?:this|therapy|it|these|the) (?:\w+ )?(?:is|are) (?:working|helping|going anywhere|doing anything)",
    r"what is the point (?:of|in) (?:any of this|all (?:of )?this)",
    r"(?:this|it|coming here|these sessions|therapy|you are|we are)(?: is| are| feels like| seems like| feels)?(?: just| really)? (?:a )?(?:waste|wasting) (?:of )?(?:my|our) (?:time|money)",
    r"^ (?:(?:just|it is|this is|well|honestly) )*a waste of (?:my|our) time",
    r"(?:the fee|the fees|it|this|therapy|sessions) (?:is|are) (?:too expensive|too much money|a lot of money)",
    # "We're going round in circles" is about the work; "I'm going round in circles" is the patient's own indecision.
    r"(?:we are|we keep|we have been|we just keep|we just|this is|it is|feels like we are|it feels like we are) (?:just )?(?:going|go|talking|talk) (?:a?round )?in circles",
    r"(?:i have|i have been) (?:been )?coming (?:here )?for (?:months|weeks|a year|ages)",
    r"i do not see (?:how|the point|why)\b(?:\s+\w+){0,6}\s+(?:helps|help|matters|this|therapy)",
    r"(?:fifty minutes|an hour|one hour|the session) is (?:not|never) (?:enough|long enough)",
    r"(?:this is|therapy is|these are|sessions are) not (?:really )?(?:helping|working)",
    r"(?:worksheets?|homework|exercises?|sessions?|thought records?|diaries|diary) (?:are|is) (?:so )?(?:pointless|useless|a waste|stupid|boring|ridiculous)",
    # A bare simile ("Like being back at school.") answers "what's it like?" about someone else.
    r"this is (?:exactly )?what i mean",
    r"i do not see the point (?:of|in) (?:these|this|the|doing|coming|talking|any|all)",
    # No progress, said of the therapy: a therapy referent and a no-change verdict together.
    r"(?:coming here|been coming|these sessions|our sessions|therapy|since i started|when i started|when we started|every week)\b(?:\s+\w+){0,10}\s+(?:nothing (?:has|have|is) (?:changed|different|better)|no better|not any better|not getting (?:any )?better|still (?:the same|stuck))",
    r"(?:nothing (?:has|have) changed|no better|not any better|still (?:the same|stuck))\b(?:\s+\w+){0,6}\s+(?:since|than when) (?:i|we) (?:started|began|first came)",
    r"(?:worksheets?|homework|exercises?|diary cards?|thought records?|sessions?) (?:feel|feels|is|are) like (?:homework|school|a test|an exam|a class|a chore)",
    # The therapy's fee, not the school's ("angry, my niece needs school fees").
    r"(?<!school )(?:fee|fees|price|bill|paying|pay)\b(?:\s+\w+){0,8}\s+(?:angry|annoyed|resent\w*|unfair|too much)",
    # No progress counted in sessions, or the patient unable to see the therapy working.
    r"\w+ (?:sessions|weeks|months) in and (?:i )?(?:still|nothing)|i come here(?: every week)? and nothing (?:ever )?changes",
    r"i (?:can not|cannot|do not) see (?:this|it|therapy|coming here|these sessions) (?:ever )?(?:working|helping|going anywhere)",
    r"(?:angry|annoyed|resent\w*)\b(?:\s+\w+){0,8}\s+(?<!school )(?:fee|fees|pay|paying|bill|price)",
    # What the sessions are for, asked bitterly ("is this what I come here for?", "to be told I'm angry?").
    r"(?:is this|this is|is that|that is) what i (?:come|came|pay|am paying) (?:here )?for|(?:come|came|pay) (?:here )?(?:every week )?(?:just )?to be told",
    # A therapy task done for months with nothing to show ("we stare at the numbers, nothing changes").
    r"we (?:stare at|look at|go over|go through|talk about)\b(?:\s+\w+){0,4}\s+nothing (?:ever )?changes",
    r"i have (?:done|been doing|filled in|been filling in) (?:these|this|the) \w+(?: \w+)? for (?:\w+ )?(?:weeks|months|years)",
    r"(?:it is|this is|that is|they are) (?:the )?same (?:thing |questions? )?every (?:session|week|time)|(?:the )?same questions? (?:over and over|every (?:session|week))",
]
#: A complaint about the therapy, as the relationship annotator reads it: a bare "it's not
#: helping" counts there (it is talk about the work), while the marker needs to know what "it" is.
COMPLAINT_THERAPY = compile_any(_COMPLAINT_THERAPY + [r"(?:it is|they are|that is) not (?:really )?(?:helping|working)"])
#: The therapy named outright, or the therapist addressed ("no offence"). Said to the other
#: client in joint work, a complaint must have one to be about the therapy ("this is what I
#: mean, you never listen" is about the partner).
NAMES_THERAPY = compile_any([r"sessions?|therapy|counsell?ing|(?:coming|come|came) (?:in )?here|homework|exercises?|in here|"
                             r"(?:this|a) room|fees?|paying|no offen[cs]e|with (?:all due )?respect|can i (?:say|be honest|be straight)"])
#: The same, without the bare pronoun: the marker reads "it" through
#: :data:`alliance.annotators._rupturepatterns.TASK_VERDICT`.
THERAPY_COMPLAINT_NAMED = compile_any(_COMPLAINT_THERAPY)
#: Rejecting what the therapist said ("no, that's not it", "that's rubbish").
REJECT = compile_any([
    r"^ (?:(?:no|look|um|well) )*(?:no|nope) (?:no |that is not |it is not |not at all|you are wrong|that is wrong)",
    r"that is (?:really |just |simply )?not (?:it|true|right|what i (?:said|meant|mean|do|did|am|was|feel|felt|think|thought|want)|what (?:happened|is going on|i am saying|it was)|how it (?:is|was|happened))",
    r"(?:that is |what )?(?:rubbish|nonsense|bollocks|codswallop|utter rubbish)|come off it|(?:do not|do not) be (?:ridiculous|silly|daft)|i am nothing like (?:her|him|them|that)",
    r"(?:you are|that is|you have got it|you got it) (?:completely |totally |all |just )?wrong|you (?:have )?got (?:that|this|me|it all) (?:completely |totally |all |so |just )?wrong",
    r"(?:that|this) (?:is|sounds) (?:ridiculous|nonsense|silly|absurd|crazy)",
    r"(?:that|this) (?:does not|will not|would not|is not going to) (?:make sense|work|help)",
    r"i (?:do not|did not) (?:buy|agree)",
    r"i (?:already|have already) tried (?:that|it)",
    r"not at all\b",
    # "That's not the same thing at all": the comparison the therapist drew, refused.
    r"that is not (?:really )?the same (?:thing|at all)\b",
    # A suggestion dismissed as trite or as already tried ("sounds like something off a fridge magnet").
    r"(?:that|this|it) sounds like (?:something|one of those|a thing) (?:off|out of|from|on) (?:a|an|the)\b",
    r"we (?:already )?(?:did|tried|have tried|have done) (?:the|that|this) \w+(?: \w+)? (?:thing|before|already)",
])
#: Strain that turns a decline or a rejection into a rupture.
STRAIN = compile_any([
    r"i (?:have|had) (?:already )?(?:told|said)|i (?:already|just) (?:told|said)|i said (?:it is|i am|that)",
    r"how many times|why do you keep|stop asking|(?:can|could) we (?:just )?(?:drop|leave|stop|move on)",
    r"\btwice\b|\bagain\b|(?:third|fourth|fifth|umpteenth) time|^ look\b|seriously|enough|pointless|drop it|leave it|for the last time|ridiculous|no no|rubbish|nonsense",
    r"reading (?:far |way )?too much|twisting|not it at all|really not it|can we not|you are wrong|words in my mouth|can we just\b",
    r"i do not want to (?:talk|go|keep)",
    r"i (?:did not|do not) come (?:here|in) to (?:be|get)",
    r"no offen[cs]e|with (?:all )?(?:due )?respect",
    # The therapist's reading called glib ("you're making it sound easy").
    r"you (?:are|keep) making (?:it|this|that|me) (?:sound|seem|look) (?:so |too |really |very )?(?:simple|easy|easier|simpler|straightforward|trivial)",
    # Counting the therapist's returns, or asking why the talk keeps going back.
    r"(?:two|three|four|five|several|so many|a few|a hundred|a million) times (?:now|already|today|this session)|"
    r"why (?:do|are|must) (?:we|you) (?:keep|always|still) (?:going|coming|bringing|asking|getting)|(?:keep|keeps) (?:going|coming) back (?:to|there|over)",
])
#: Denying a feeling outright ("I'm not upset", "it doesn't bother me").
DENY_FEELING = compile_any([
    r"i am not (?:\w+ )?(?:upset|angry|mad|sad|hurt|bothered|annoyed|worried|jealous|crying|anxious|scared|irritated|frustrated|offended)",
    r"(?:it|that) does not (?:bother|upset|hurt|affect) me",
    r"nothing is wrong|there is nothing wrong|i am fine really",
    # Insisting on being fine ("I'm perfectly all right", "I've said it's fine").
    r"i am (?:perfectly|absolutely|completely|quite|totally) (?:fine|all right|alright|okay)|i (?:have|already|have already) (?:said|told you) (?:it is|i am) (?:fine|okay|all right)",
])
#: The therapist remarking on the patient's state ("you seem upset", "I notice").
OBSERVED_FEELING = compile_any([
    r"you (?:seem|sound|look|looked|seemed|sounded|are|were|got|get|feel|felt) (?:\w+ )?(?:upset|angry|mad|sad|hurt|annoyed|tearful|irritated|frustrated|tense|quiet|teary|shaken|bothered|worried)",
    r"i (?:notice|noticed|see|can see)\b",
    r"(?:your|you) (?:voice|eyes|face|fists?|jaw)",
])
#: The therapist naming an emotion the patient shows now (tears, tension, anger).
OBSERVED_EMOTION = compile_any([
    r"you (?:seem|sound|look|looked|seemed|sounded|are|were|got|get)\b(?:\s+\w+){0,2}\s+(?:upset|angry|mad|sad|hurt|annoyed|tearful|"
    r"irritated|frustrated|tense|teary|shaken|shaky|bothered|worried|anxious|scared|cross|low|down|red|flushed|close to tears)",
    r"(?:your|you) (?:voice|eyes|face|fists?|jaw|hands?) (?:is|are|went|got|were|was|look|looks|filling|shaking|welling)",
    r"(?:clenched|shaking|trembling|tears|teary|crying|flinched|filling up|welling up|went red|went pale)",
    # Tissues offered answer tears the transcript does not describe.
    r"\b(?:tissues?|hanky|hankie|kleenex)\b",
])
#: "I'm not X": the adjective a denial echoes.
NOT_ADJ = compile_any([r"i am not (\w+)"])
#: Handing the decision to the therapist ("whatever you think", "you're the expert").
DEFER = compile_any([
    r"whatever you (?:think|say|want|suggest)(?! (?:is|was|will be|gets) (?:wrong|never|ignored|twisted|used|held)\b| do\b| goes\b)",
    r"you are the (?:expert|doctor|professional|therapist)|whatever you (?:thinks|reckons|says) (?:is )?(?:best|right)",
    r"you know (?:best|better)",
    r"if you say so|if you think so|if that is what you (?:want|think)",
    r"i (?:will|would|can) do whatever you",
    r"whatever (?:works|is (?:easiest|best)) for you|(?:it is )?up to you|your call",
    r"i guess you are right|i suppose you are right|sure whatever|okay whatever",
    # "You decide" hands the choice over; "when you decide and then tell me" complains.
    r"(?<!when )(?<!if )(?<!because )you (?:decide|choose|pick)\b",
])
#: Changing the subject ("anyway", "can we talk about something else").
SHIFT = compile_any([
    r"^ (?:(?:okay|so|well|um|uh|yeah|no|whatever|mm|hmm|oh|right) )*(?:anyway|anyways|so anyway|moving (?:swiftly |right )?on|on another note|by the way|changing the subject)\b",
    r"(?:can|could) we (?:talk about|move on to|change|get back to) (?:something else|the subject|another|other)",
    r"(?:let us|let s) (?:talk about|move on to) (?:something else|another)",
    r"i do not (?:want|wanna) to (?:talk|get into|go into) (?:about )?(?:this|that|it)",
    r"(?:can|could) we (?:talk about|do|discuss|go back to)\b(?:\s+\w+){1,4}\s+instead|i would (?:rather|prefer to) (?:talk about|discuss|not (?:talk|go into|get into|discuss))",
    r"before i forget|^ (?:(?:oh|um|well) )*never mind (?:that|all that|about that)",
    r"^ (?:(?:whatever|anyway|fine|ugh|meh) )+(?:can|could) we (?:just )?(?:talk about|move on|do|go back to)\b",
    r"^ (?:(?:oh|um|well|so|anyway|whatever|okay) )*(?:did i (?:tell|mention to) you|have i told you|guess what|you will never guess)\b",
])
#: A short non-answer as the whole reply ("maybe", "dunno", "fine").
MINIMAL = compile_any([
    r"^ (?:(?:um|uh|well|oh|i mean) )*(?:maybe|i do not know|dunno|i dunno|do not know|can not remember|nothing much|i guess|not really|fine|nothing|not much|whatever|sure|okay|"
    r"i do not remember|no idea|i suppose|hard to say|i am not sure|same as usual|the usual|it was okay|it is okay|not sure|"
    r"mm|yeah|no|good|alright|all right|same|(?:it )?does not matter|forget it)(?: (?:i guess|really|i suppose|maybe|i do not know))? $",
])
#: A therapist turn inviting the patient to say more (open question, prompt).
INVITATION = compile_any([
    r"^ (?:(?:so|and|okay|well|now|hmm) )*(?:what|how|why|tell me|say more|can you (?:say|tell|describe|talk)|could you (?:say|tell|describe|talk)|talk about|describe)",
    r"(?:tell me|say) (?:a bit |a little |some )?more|what (?:else|comes to mind|was that like|is that like|do you make)|how (?:come|so)|what do you mean|help me understand",
    r"(?:walk|talk|take) me through|put (?:it |that |this )?into words|(?:can|could) you (?:explain|share|put)\b",
    r"what (?:did|do) you (?:feel|think|make of)\b|take a guess",
    r"i am (?:really )?curious (?:what|how|about)|i would (?:love|like|really like) to (?:hear|know) (?:what|how|about|more)|"
    r"i (?:wonder|am wondering) what (?:\w+ ){1,6}?(?:was|is|felt|feels|has been) like|where do you (?:feel|notice|sense)",
])
#: The start of a short non-answer ("dunno, it just happened").
MINIMAL_HEAD = compile_any([
    r"^ (?:(?:um|uh|well|oh) )*(?:dunno|i dunno|i do not know|do not know|no idea|not sure|can not remember|i do not remember|nothing)\b",
])
