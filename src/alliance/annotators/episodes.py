"""Relationship episodes (codebook section 2): runs of relationship talk, who starts them,
how the patient takes them up, and whether the therapist came back after a "no".

An episode joins relationship-talk utterances separated by at most
:data:`EPISODE_GAP` others. Its ``initiator`` is the role of its first
utterance. Its ``patient_stance`` reads the patient's turns inside it (and the
patient's answer right after it, when the episode ends on the therapist's
question): ``engaged`` when they add feelings or material and never refuse,
``declined`` when they only refuse or minimise or do not take it up at all,
``mixed`` when both; volunteered relationship talk in the patient's own words
counts as taking it up. ``after_decline`` marks a therapist-initiated episode that
starts after any earlier declined one; an engaged episode in between does not
reset it (codebook decision rule), so the session's
``therapist_returns_after_decline`` is simply how many are marked.
"""

from __future__ import annotations

import re

from alliance.annotators._lexicon import KIN, Dialogue, compile_any, normalize
from alliance.annotators._stancemodel import reread
from alliance.model import Role, Session, Span
from alliance.pipeline import AnnotatorOutput

__all__ = ["Episodes", "EPISODE_GAP", "REFUSAL_TURNS", "patient_stance_of", "DECLINE", "ENGAGE", "APOLOGY", "HANDS_TOPIC_BACK"]

#: Relationship utterances separated by at most this many others form one episode.
EPISODE_GAP = 2

#: Refusing or minimising what the therapist raised about the relationship.
#: The seed pattern's own refusal: the patient excusing the therapist or the service ("you have
#: a life", "you're only human", "everyone forgets", "it's not your decision").
_EXCUSE_PATTERNS = (
    r"(?:you|people|everyone|everybody|therapists) (?:have|has|have got|deserve|deserves|need|needs|are entitled to|is entitled to|get|gets|are allowed|is allowed) "
    r"(?:a |your own |their own |to have a |to take a )?(?:life|lives|holiday|holidays|vacation|break|rest|time off)",
    r"(?:you are|you were|we are all|we are) (?:only |just |all )?human|every(?:one|body) forgets|"
    r"(?:it is|that is|it was) (?:not|no) (?:like it is |like it was )?(?:your|you) (?:decision|choice|doing|fault)|"
    r"(?:it is|that is) (?:just )?the (?:service|system|rules|nhs)",
)
#: :data:`DECLINE`'s excuses for the therapist alone (``declined_pairs`` trusts them further).
EXCUSES = compile_any(_EXCUSE_PATTERNS)
DECLINE = compile_any([
    # "Yeah, no" is a refusal in many dialects; "hmm" and "ah" only open the turn.
    r"^ (?:(?:well|um|uh|oh|ah|hmm|mm|honestly|look|i mean|really|still|so|yeah|yes|ha|haha|och|ach|aw|naw|na) )*(?:no|nope|nah|naw|na|not really|not at all|"
    r"i do not think so|i am fine|it is fine|it was fine|that is fine|it is okay|it was okay|that is okay|"
    r"it is alright|it was alright|ready|still ready|i am ready|it is time|not much|nothing|no worries|all good|fine(?=(?: \w+){0,3} $))\b(?! actually)(?!(?: \w+)? (?:less|better|easier|nicer) )",
    # Not "it was alright, less awkward than last time": a verdict that goes on to compare evaluates.
    r"(?:it is|it was|that is|i am|i was|we are|we were|we will be|everything is|it will be|it is going to be|it has been|it is been) (?:really |totally |honestly |completely |perfectly |absolutely )?(?:fine|okay|alright|all right|grand|sound)\b"
    r"(?!(?: \w+)? (?:less|better|easier|nicer) )",
    *_EXCUSE_PATTERNS,
    r"(?:you|people) (?:get|got|were) sick(?! of)|people get sick(?! of)",
    # Excusing the therapist, the seed pattern's own refusal in other words ("you're busy
    # people", "you have your own work", "you've got loads of clients", "it's your job").
    r"(?:you|doctors|therapists|you lot|you people|you are all) (?:are|were|is) (?:so |very |really |always |all )?busy\b|"
    r"you (?:have|have got|got) (?:your own|other|loads of|plenty of|lots of|so many|many|a lot of) (?:work|job|jobs|things|people|clients|patients|folk|folks|ones)\b|"
    r"^ (?:(?:well|oh|ah|och|look|honestly|no|sure) )*(?:it is|that is) (?:just )?your job\b|"
    r"\byou (?:had|have|needed|need) to (?:go|be away|be off|take (?:the|that|some) time)\b(?! (?:and|but) )",
    # Coping assurances and "it's not the same" minimise what the therapist raised.
    r"(?<!if )(?<!whether )(?<!how )(?<!not sure )(?:we|i) (?:can|will|could) (?:manage|cope|survive|muddle through)\b(?! without)",
    r"(?<!if )(?<!whether )(?<!not sure )i (?:think i )?(?:will|can|could) (?:live|survive|get) through (?:a |two |three |four |six |the |a few |\w+ )?(?:weeks?|months?|it|that|this)\b",
    r"(?:it is|that is|it was) not (?:really )?the same(?: thing)?\b",
    # Not "I know that's silly": calling one's own feeling silly still voices it.
    r"i (?:understand|get it|get that|know that)\b(?! sort of| kind of| in my head| but| now| from| a lot| all the time| every (?:time|day|week)| is (?:silly|stupid|daft|ridiculous|irrational|childish|dumb|mad|weird))",
    r"(?:not|no) (?:a |that )?big deal|not an issue|not a problem",
    # With the dialect "it don't" ("it don't bother me", "that don't matter") as well.
    r"(?:it|that) (?:does not|did not|would not|do not) (?:really )?(?:bother|matter|affect)",
    r"i (?:do not|did not) (?:really )?(?:think about it|mind|notice|care|miss)",
    # "I'm not bothered", "I ain't bothered by it", "why would I be upset?", "nothing to do with you
    # going", "that's not on you": not minding, said outright.
    r"\bi (?:am not|ai n t|ain t|am not really|was not|was not really) (?:bothered|fussed|upset about (?:it|that|the \w+))\b|"
    r"\bwhy (?:would|should) i be (?:upset|bothered|angry|cross|sad|mad)\b|\bnothing to do with (?:you|it|that|the \w+|me being)\b|"
    r"\b(?:that is|it is) not on you\b|\byou can not help (?:it|that)\b",
    r"(?:just|only) (?:one|a) session|it is (?:only|just) (?:three|two|a few) weeks",
    # Shrugging it off as a fact of life ("I mean, it is what it is, insurance, right?").
    r"\b(?:it|that) is what it is\b",
    # Handing it back as no concern of the patient's ("do what you like, love, it's all the same to me").
    r"\b(?:it is|it will be|it would be|that is|it is all) (?:all )?(?:the )?same to me\b|\bdo (?:what|whatever) you (?:like|want)\b|"
    r"\b(?:makes|make|made) no (?:odds|difference)\b",
    # "It's whatever, miss": a shrug; not deference ("whatever you reckon, you're the expert").
    r"\b(?:it is|that is|it was) (?:just )?whatever\b|^ (?:(?:um|uh|well|oh|eh|meh) )*whatever\b(?! you| u\b)",
    # Business as usual ("It's business, innit. Don't need a song and dance about it"; "It ain't
    # like that here. I pay, you listen, I go home").
    r"^ (?:(?:what is it like|well|look|oh|ah|honestly) )*(?:it is|that is) (?:just |only )?business\b|\bsong and dance\b|"
    r"\b(?:it is|it was) not like that (?:here|in here|with you|with us|at all)\b|\b(?:a|it is a) straight (?:deal|swap|exchange)\b",
    # Ceding the therapist to others ("I reckon Charleston needs you worse than we do").
    r"\bneeds? you (?:worse|more|most|more than|far more) (?:than )?(?:we|i|me|us)(?: do)?\b",
    # The place made small ("honestly, it's just bricks", "it's only a building", "bricks and mortar").
    r"\b(?:it is|it was|that is|they are) (?:just|only|simply) (?:a |an |some )?(?:bricks|building|room|place|office|hall|address)\b|\bbricks and mortar\b|"
    r"\bit is a building\b(?! (?:site|society|project|where|that|i|we))|"
    r"\bi do not (?:need|have) to (?:have )?(?:feelings|feel anything) about\b|\bcan we (?:just )?(?:carry on|move on|get on|keep going|get back to)\b",
    r"i do not think (?:so|that is it|it is about)",
    # "I'll hardly notice", "why would it matter to me?", "so what?": waving it away.
    r"(?:i will|i would|i|you will|you would) (?:hardly|barely|not even|never) (?:notice|miss)|why (?:would|should) (?:it|that|i|this) (?:matter|bother|mind|care)|^ so what\b",
    # Disputing the therapist's word for it ("I don't know that it's a loss exactly", "I
    # wouldn't call it missing"): the reading is refused, whatever the word was.
    r"i (?:do not know|am not sure|would not say|do not think) (?:that|if) (?:it is|it was|that is|that was|i would call it) "
    r"(?:really |exactly |quite |so much |actually )?(?:a|an|about|what)\b|i would not (?:call it|say it was|say it is|go that far)",
    r"i have (?:already )?(?:told|said) (?:you|that|it|this)|i (?:already|just) (?:told|said)",
    # Said again, and said to be again ("I told you already, it's not about you. Really no need
    # to keep asking"): the earlier refusal repeated.
    r"\bi (?:told|said to) you (?:already|before|twice|two times|three times)\b|"
    r"\b(?:it is|that is|this is|it was) not about you\b|\bno need to keep (?:asking|on|going on|bringing)\b",
    r"(?:i will|i would|i am going to|i will be) (?:be )?(?:okay|fine|alright|all right)(?! and then| until| but)|you should enjoy|(?:great|good) (?:news )?for you",
    r"why do you keep|you always do this|can we not|i do not want to talk about",
    r"do we (?:have|need|really need|really have) to (?:talk about|go into|get into|do|go over|discuss) (?:this|that|it)\b|"
    r"i do not (?:really )?want to (?:get into|go into|go there|discuss|talk about)\b|(?:can|could) we (?:just )?(?:stick with|stick to|get back to)\b",
    # Minimising by tautology or a shrug ("the schedule is just the schedule", "that's all it
    # is"), the Australian "I'll be right", and waving the concern away ("don't go worrying").
    r"\bthe (\w+) is (?:just|only) the \1\b|that is all (?:it is|it was)\b|i will be right(?! back| there| with| over| in| out| now)\b|"
    r"(?:do not|no need to) (?:go )?(?:worry|worrying|fret|fretting) about me",
    # The shrug in idiom: "don't worry", "don't sweat it", "no problem", "these things happen".
    r"^ (?:(?:ha|ah|oh|och|well|honestly|no|aw) )*(?:do not (?:worry|sweat it)|no problem|no bother)\b|\bthese things happen\b|"
    r"\b(?:do not|no need to) (?:worry|sweat it)(?: about it)? $|\bno problem $",
    r"^ (?:(?:um|uh|well|oh) )*(?:i do not know|i dunno|dunno|i guess|maybe|not sure|i am not sure|whatever|i suppose)(?: really)? $",
    # Turning the question away: "I'd rather not get into that", "that's your business",
    # "doesn't bother me", "I don't see why it would matter".
    r"(?:i would|i had) rather (?:just )?(?:not|move on|leave it|drop it|talk about something else)\b|(?:can|could) we (?:talk about something else|move on|change the subject)|"
    r"(?:that is|it is) (?:your|up to you|none of my) (?:business|call|life|choice)|(?:do not|did not|can not) see why (?:it|that|i) (?:would|should|will)",
    # A rhetorical counter-question ("is it a crime to be quiet?"), or the refusal said again
    # with irritation ("that's twice I've said it", "I'm not angry with you"): the question is shut.
    r"is (?:it|that) a crime\b|am i not allowed to\b|what is wrong with (?:being|that|it)\b|so what if\b|"
    r"(?:that is|this is) (?:twice|three times|the \w+ time) i have (?:said|told you)|i have (?:said|told you) (?:it |that |this |so )?(?:twice|three times)|"
    r"i am not (?:angry|upset|cross|annoyed|mad|hurt) (?:with|at) you\b(?! i am| just| but| though)|you keep asking\b",
    r"^ (?:(?:well|um|uh|oh|honestly|no) )*(?:does not|did not|would not) (?:really )?(?:bother|matter to|affect|worry) me",
    # A brush-off: "okay lah, fine", "forget I said it", "I don't have no feelings about that".
    r"^ (?:(?:okay|ok|lah|sure|good|yeah|och|oh) )+(?:fine|okay|ok|good)(?: lah)? $|forget i (?:said|mentioned) (?:it|that|anything)\b|"
    r"(?:do not|did not) (?:have|got) (?:no |any )?(?:feelings?|opinion|views?) (?:about|bout|on) (?:that|it|this)\b",
])
#: Decline phrases that only refuse when they answer the therapist's relationship question;
#: volunteered, "it's okay" is reassurance, not refusal.
ANSWER_ONLY = compile_any([
    r"(?:it is|it was|that is|i am|i was|everything is|it will be|it is going to be|it has been|it is been) (?:really |totally |honestly |completely |perfectly |absolutely )?(?:fine|okay|alright|all right|grand|sound)\b",
    r"^ (?:(?:well|um|uh|oh|honestly|look|i mean|really|still|so) )*(?:it is fine|it was fine|that is fine|it is okay|it was okay|that is okay|it is alright|it was alright)",
])
#: Taking it up: feelings, assent, or new material about the relationship.
ENGAGE = compile_any([
    # (Not "Miss" opening the turn: a form of address, "Miss, honestly, I'm not bothered".)
    r"(?<!not )(?<!never )(?<!no )(?:(?<!^ )miss|missed|sad|sadder|angry|hurt|lonely|alone|abandoned|scared|scary|afraid|"
    r"embarrass\w*|ashamed|glad|lost|bored|boring|nervous|worried|jealous|relieved|annoyed|annoying|upset|"
    r"strange|weird|hard|difficult|painful|disappointed|frustrated|guilty|exposed|safe|trust|nice to hear|"
    r"caught|small|shrink|stupid|burden|unimportant|forgotten|let down|anxious|uneasy|wobbly|exposed|dropped|"
    r"(?:scares|scared|bothers|bothered|bothering|gets to|got to|worries|upsets|upset) me|"
    r"gutted|thrown|devastated|crushed|cried|cry|crying|tears|hate|hated|"
    r"(?:made|makes|make) me (?:feel|think|wonder)|(?:since|after|when) you (?:told me|said|mentioned|announced)|"
    r"sleep\w* badly|not sleeping|can not sleep|"
    # More words for the felt reaction ("dreading that", "panicky", "a blow", "rattled"); not a
    # bare "dreading", which is as often about someone else ("dreading seeing my stepfather").
    r"dreading (?:you|this|that|it)|panicky|a blow|wrench|unsettl\w*|rattled|knot in my|my stomach)\b",
    r"^ (?:(?:well|um|uh|oh|ah|hmm|mm|honestly|actually|i mean|okay) )*(?:yes|yeah|a little|a bit|a wee bit|a tad|kind of|sort of|i guess (?:i|it) did|maybe a|actually|i suppose)\b(?! no\b)",
    # It helping, said of the talk about the two of them, takes it up.
    r"(?:it|that|this) (?:\w+ )?(?:helps|helped)\b|in a good way",
    r"no actually|but yes|i did (?:feel|miss|think)|it did (?:stir|bother|hurt)|i have been thinking|i hadn t|i had not (?:put|thought)|"
    r"i think i|i want to|i could try|i would (?:actually |really )?like|i (?:just |really |kind of |sort of |actually |still |also |did |do )?(?:feel|felt)|it feels|it felt|on my mind|been thinking about",
    r"\bit (?:\w+ ){0,2}(?:feel|feels|felt) like\b",
    # Assent to what was said about the two of them ("it's true though", "she's right").
    # Not "it's your right", which excuses the therapist (the seed pattern's refusal).
    # Not a question tag ("it is what it is, insurance, right?"): only a degree word between.
    r"(?:it is|that is|that was|it was) (?:(?:so|quite|very|really|probably|absolutely|totally|just|pretty|dead|all|only|fair) )?(?:true|right|fair)\b|(?:he|she|you) (?:is|are) (?:(?!not\b|never\b)\w+ )?right\b",
    r"i (?:do |really |actually )?(?:like|love|enjoy|look forward to) (?:coming|seeing you|talking to you|it here|these sessions|our sessions)",
    r"(?:seeing|hearing|having|talking to) (?:you|your)\b(?! (?:holiday|break|time off|life))",
])
#: Grudging praise of the therapist ("you're alright, I suppose"): taking it up, however cool.
PRAISE = compile_any([
    r"(?<!if )(?<!not sure )you are (?:okay|alright|all right|decent|not bad|nice|good at this)\b|you do not (?:talk down|judge|lecture|preach)",
])
#: A feeling the patient says they do not have ("I'm not gonna cry about it", "I'm not hurt",
#: "I'm not a small girl"): the feeling word names what is refused, so it takes nothing up.
#: Only with the patient as the subject: "I couldn't stop crying" has the feeling.
NEGATED_FEELING = compile_any([
    r"i (?:am|was|will|would|will be|would be|have been) (?:not|never|no) (?:\w+ ){0,2}?"
    r"(?:going to |gonna |be |feeling |that )?(?:miss\w*|sad|angry|hurt|lonely|abandoned|scared|afraid|lost|"
    r"upset|annoyed|bothered|jealous|worried|disappointed|cry|crying|small|a small \w+|a child|a baby)",
    r"i do not (?:feel|get) (?:\w+ )?(?:sad|angry|hurt|lonely|abandoned|scared|lost|upset|annoyed|jealous|small)",
    # The feeling the patient says they did not have, or that the therapist imagines ("I didn't
    # sit by the phone crying", "you think I was here crying?").
    r"i did not (?:\w+ ){0,5}?(?:crying|cry|pining|moping|sulking|missing you)\b|you (?:think|thought) i (?:was|would be|am) (?:\w+ ){0,2}?(?:crying|upset|lost|sad|pining|moping)\b",
    # The feeling the patient says the therapist is after ("you want me to cry? I will not cry").
    r"(?:you|doctor) (?:want|wants|wanted|expect|expects|expected) me to (?:cry|be (?:sad|upset|angry|hurt|lonely|abandoned)"
    r"|say (?:that )?i (?:cried|was (?:sad|upset|angry|hurt|lonely|crying)|missed you))\b",
])
#: Saying the refusal again, not reporting it ("I told you it's fine, how many times?").
INSISTS = compile_any([r"how many times|for the last time|i (?:already|have already) (?:said|told you)|"
                       r"i told you already|like i (?:said|told you)|"
                       r"i (?:said|told you|said to you|have said|have told you) (?:it |that |so )?(?:twice|two times|three times)"])
#: The patient quoting an earlier decline ("I said it was fine", "there, I've said it"):
#: a report of the past refusal or an admission, not a refusal now.
REPORTED_DECLINE = compile_any([
    r"i (?:said|told you)\b(?:\s+\w+){0,9}?\s+(?:fine|okay|alright|all right)\b|there i have said it|(?<!twice )(?<!times )i have said it now",
    r"i (?:said|told you|made out) (?:that )?(?:it|that|this) (?:did not|does not|would not|was not) (?:really )?(?:matter|bother me|a big deal|an issue)",
    # A refusal told to someone else ("the same way I told my mother I didn't care"): a report.
    r"(?:said|told|tell|telling) (?:\w+ ){0,3}(?:that )?i (?:did not|do not|was not|am not) (?:really )?(?:care|mind|bothered|miss\w*|upset|angry)\b",
])
#: Rupture markers that voice a complaint or reject the therapist's reading (codebook decision 10).
COMPLAINTS = frozenset({"complaint_about_therapist", "complaint_about_therapy", "rejects_intervention"})
#: Taking back what was just said as a joke ("joking!", "only kidding", "I'm messing").
JOKING = compile_any([r"(?:i am |i was |only |just |am )?(?:joking|kidding|messing|having you on)\b|\b(?:i am|only|just) playing\b"])
#: Going along with what the therapist proposes after a complaint ("go on then", "let's do
#: that", "that would help"): working with it, not shutting down (decision 10).
ASSENTS = compile_any([
    r"^ (?:(?:oh|well|okay|ok|alright|right|yes|yeah|aye|sure|thank you|thanks) )*(?:go on(?: then)?|let us (?:do|try|look|see)\b|"
    r"go for it|why not|sounds good|that would (?:help|be good|be nice)|yes please|i would like that)\b",
])
#: A question that proposes something else to do ("can we just do the speech?"): turning away.
TURNS_AWAY = compile_any([
    r"(?:can|could|shall|should) we (?:just |please )?(?:do|get|go|move|talk about|look at|start|carry on|crack on|stick)|"
    r"let us (?:just )?(?:do|get|go|move)|anyway|something else|(?:can|could|may) i (?:just |quickly )?(?:tell|show|ask) you\b",
    # Someone else in the patient's life ("what my sister said"): another topic. Named by
    # relation, not by pronoun: "it wouldn't go back to her?" still asks about the two of them.
    r"(?:my|your|our|his|her) (?:\w+ )?(?:" + KIN + r"|neighbou?rs?|colleagues?|manager|boss|landlord|flatmates?|roommates?|"
    r"friends?|teacher|coach|doctor|nephew|niece|cousins?)",
])
#: The patient making the link themselves ("it's what my father used to do", "my mum always did
#: that"); a refusal of it ("you're not my mother", "not the way I manage my mom") is no link.
AFFIRMS_LINK = compile_any([
    r"(?:it is|that is|this is|just|exactly) (?:\w+ )?(?:what|how|like) (?:my|our) (?:" + KIN + r")\b(?:\s+\w+){0,2}?\s+(?:used to|would|always|did|does)\b",
    r"(?:my|our) (?:" + KIN + r") (?:used to|would always|always) (?:do|did|say|said) (?:that|this|the same|exactly)\b",
])
_BUT = compile_any([r"but|though|although|except|actually|if i am honest|to be honest|well no|no wait|"
                    r"(?:it is|that is) not (?:really )?fine|that said|then again|mind you|maybe|perhaps"])
#: Where a refusal turns to something else ("it's fine, but ..."), for other modules.
REFUSAL_TURNS = _BUT


#: The therapist apologising ("I'm sorry", "that was my mistake").
APOLOGY = compile_any([r"i am (?:so |really |very )?sorry|i apologi[sz]e|my (?:mistake|fault|bad)|that was (?:on me|not fair of me)"])


#: The therapist letting the relationship go and handing the choice of topic back ("I think I
#: pushed that on you. Let's leave it. Tell me about the letter", "I'll leave it. What would
#: be most use to you today?"): the turn is relationship talk, the reply answers the new topic,
#: and is no answer to the episode.
HANDS_TOPIC_BACK = compile_any([
    r"\b(?:let us|i will|i am going to|we can|happy to) (?:leave|drop|park|let go of|change to|switch to|move on|go with)\b"
    r".*\b(?:tell me about|what would be (?:most |more )?(?:useful|helpful|use)|what would you (?:like|rather|want) to|where would you like)\b",
])


#: "Miss" as a form of address inside or at the end of a turn ("I don't know, miss", "is alright
#: miss, everybody doing Zoom now", "I said it's fine, Miss Carol"), not missing anyone.
_ADDRESS_MISS = re.compile(
    r"\b(know|alright|all right|okay|fine|yes|no|yeah|sorry|thanks|thank you|please|true|right|good|now|real|sure) miss\b"
    r"(?! (?:you|the|our|it|them|him|her|this|that|coming|seeing|talking|my|us|having|being|those|these|here)\b)")
#: "Miss" closing the turn with nobody missed before it ("I don't know, miss"), not "I'll miss".
_FINAL_MISS = re.compile(r"(?<!\bi )(?<!will )(?<!would )(?<!to )(?<!gonna )(?<!really )(?<!not )(?<!do )(?<!did )\bmiss\s*$")


def without_address(norm: str) -> str:
    """Normalised text with "miss" as a form of address taken out (:data:`_ADDRESS_MISS`,
    :data:`_FINAL_MISS`)."""
    return _FINAL_MISS.sub(" ", _ADDRESS_MISS.sub(r"\1", norm))


def utterance_stance(norm: str, answering: bool = True) -> tuple[bool, bool]:
    """(declines, engages) for one patient utterance inside an episode.

    A refusal that turns ("no, it's fine ... but I did feel a bit lost") does
    both. ``answering`` says whether it answers the therapist's relationship
    talk; volunteered, "it's okay" is reassurance rather than refusal.
    """
    norm = without_address(norm)
    if not INSISTS.search(norm):
        norm = REPORTED_DECLINE.sub(" ", norm)
    negated = bool(NEGATED_FEELING.search(norm))
    if negated:
        norm = NEGATED_FEELING.sub(" ", norm)  # the refused feeling is not a feeling voiced
    joke = None
    for joke in JOKING.finditer(norm):
        pass
    if joke is not None:
        # "I'll be lost without you. Joking! I'll be grand": what the joke takes back is not said.
        norm = " " + norm[joke.end():]
    m = DECLINE.search(norm)
    if negated and m is None:
        # Only the refused feeling says no: "I was not sad exactly, more lost" owns another.
        return True, bool(ENGAGE.search(norm) or PRAISE.search(norm))
    if m and not answering and ANSWER_ONLY.search(norm) and not DECLINE.search(ANSWER_ONLY.sub(" ", norm)):
        m = None
    declines = bool(m)
    if not declines:
        return False, bool(ENGAGE.search(norm) or PRAISE.search(norm))
    # A refusal that turns ("no ... but I did feel lost") or ends in grudging praise of the
    # therapist ("it's fine ... you're alright, I suppose") takes it up too.
    turn = _BUT.search(norm)
    engages = bool(turn and ENGAGE.search(norm, turn.end())) or bool(PRAISE.search(norm, m.end()))
    return True, engages


def _own_cue(d: Dialogue, j: int) -> bool:
    """Whether a patient turn is relationship talk in its own words, not only as a reply."""
    # Imported here: the relationship annotator imports this module for its stance reading.
    from alliance.annotators.relationship import detect_cue
    # A question ("should I still do the homework while you're off?") asks rather than adds.
    return not d.questions[j] and detect_cue(d, j) is not None


#: Words in an answer that is itself relationship talk, refuses nothing and voices no feeling the
#: rules know, from which it counts as adding material (codebook: engaged). Shorter, such an
#: answer ("you're not my father") is read as not taking the talk up.
SAYS_MORE_WORDS = 12


def patient_stance_of(d: Dialogue, first: int, last: int, rel: list[str | None],
                      markers: list[str | None] | None = None) -> str:
    """The patient's stance over utterances ``first..last`` (codebook decision rule).

    A complaint adds feeling about the relationship (codebook decision 10): the
    episode is ``engaged`` when the patient then goes on to say more, ``mixed``
    when nothing but refusals or bare words follow, or when refusals come both before the
    complaint and as the patient's last word. Inside a frame episode the
    therapist opened, a complaint about being asked ("why do you keep asking?")
    is a refusal like any other.
    """
    span = list(range(first, last + 1))
    if d.roles[last] is Role.THERAPIST and not APOLOGY.search(d.norms[last]) and not HANDS_TOPIC_BACK.search(d.norms[last]):
        # The answer to the episode's last therapist turn belongs to the episode, unless that
        # turn apologised and let it go ("I'll take you at your word") or handed the choice of
        # topic back ("I'll leave it. What would be most useful today?"): the reply moves on.
        nxt = next((j for j in range(last + 1, min(d.n, last + 1 + EPISODE_GAP)) if d.is_patient(j)), None)
        if nxt is not None:
            span.append(nxt)
    declined = engaged = complained = said_more = closes_refusing = refused_first = False
    frame_asked = d.is_therapist(first) and rel[first] == "frame_feelings"
    therapist_opened = d.is_therapist(first)
    patient_opened = d.is_patient(first)
    for j in span:
        if not d.is_patient(j) or d.acks[j] and "no" not in d.norms[j].split():
            continue
        t = d.previous(j, Role.THERAPIST)
        answering = t is not None and t >= first and rel[t] is not None
        # "It's alright" to the therapist's apology accepts it; it refuses nothing.
        dec, eng = utterance_stance(d.norms[j], answering and not APOLOGY.search(d.norms[t]))
        if markers is not None and markers[j] == "minimal_response" and not eng:
            dec = True  # "dunno" to the therapist's question about the two of them: not taken up
        if markers is not None and markers[j] == "topic_shift" and therapist_opened:
            # "Anyway, did you see the trailer? It dropped last night": moving off the
            # therapist's question withdraws from it, whatever feeling words the news has.
            dec, eng = True, False
        if not dec and not eng and answering and d.texts[j].rstrip().endswith("?") and rel[j] is not None \
                and not TURNS_AWAY.search(d.norms[j]):
            eng = True  # asking on about it ("so what I say stays here?"): taking it up
        link = AFFIRMS_LINK.search(d.norms[j])
        if not dec and not eng and link and not re.search(r"\b(?:not|never|no)\b", d.norms[j][:link.start()]):
            eng = True  # "it's what my father used to do": making the link takes the talk up
        if not dec and not eng and answering and rel[j] is not None and d.words[j] >= SAYS_MORE_WORDS:
            # An answer that is itself relationship talk and goes on ("it's like you've been in my
            # house without asking, this is meant to be my bit") adds material: taking it up.
            eng = True
        if markers is not None and markers[j] == "rejects_intervention" and therapist_opened and not eng:
            # Rejecting the reading the therapist opened with ("not everything is about you")
            # refuses it; it is a complaint only where the patient raised the topic.
            dec = True
        if not dec and not eng and not answering and (j == first or _own_cue(d, j)):
            # Volunteered material about the two of them in the patient's own words (the
            # patient's turn that opens the episode is volunteered by definition); an
            # answer to the therapist's question that neither refuses nor feels is read
            # as not taking it up ("you're not my father" declines the link).
            eng = True
        if markers is not None and markers[j] in COMPLAINTS and not ((frame_asked or therapist_opened
                                                                      and markers[j] == "rejects_intervention") and dec):
            refused_first = refused_first or (declined and not complained)
            complained = True
            continue
        if complained and not dec and (eng or d.words[j] >= 6 or patient_opened and ASSENTS.search(d.norms[j])):
            said_more = True
        # Refused before the complaint and again at the close: the complaint did not open it up.
        closes_refusing = complained and refused_first and dec and not eng
        declined |= dec
        engaged |= eng
    if complained:
        # Saying more after the complaint takes it up, unless the patient refused before it and
        # the last word shuts it again ("I'd rather leave it there"): that is mixed.
        return "engaged" if said_more and not closes_refusing else "mixed"
    if engaged and declined:
        return "mixed"
    return "engaged" if engaged else "declined"


def episode_runs(labels: list[str | None]) -> list[tuple[int, int]]:
    """Runs of labelled utterances joined across gaps of at most :data:`EPISODE_GAP`."""
    runs: list[list[int]] = []
    for i, label in enumerate(labels):
        if label is None:
            continue
        if runs and i - runs[-1][1] - 1 <= EPISODE_GAP:
            runs[-1][1] = i
        else:
            runs.append([i, i])
    return [(a, b) for a, b in runs]


#: Someone other than the patient a feeling word belongs to ("you'll be glad of the peace",
#: "my mum cried enough for both of us", "you want me to cry?"), "you" in dialect spellings too
#: ("du'll be glad o da peace").
_OTHER_OWNER = compile_any([r"\b(?:you|your|ye|yous|youse|ya|du|thee|thou|he|she|they|his|her|their|" + KIN + r")\b"])
#: A match that is said of the therapist ("you're all right, love"), not a feeling.
_SAID_OF_YOU = compile_any([r"^ ?(?:you|your)\b"])


def _voices_feeling(d: Dialogue, first: int, last: int) -> bool:
    """Whether the patient's first answer in ``first..last`` voices a feeling of their own in
    words the rules read.

    Only the first answer: a later turn has often moved on ("Actually, the wedding. I'm
    scared my voice will go"), and a feeling there is about the new subject. Of their own:
    a feeling word with someone else named just before it is that person's, and "you're
    all right" is said of the therapist; a refused feeling is not voiced.
    """
    j = next((j for j in range(first, last + 1) if d.is_patient(j)), None)
    if j is None or not utterance_stance(d.norms[j])[1]:
        return False
    t = NEGATED_FEELING.sub(" ", without_address(d.norms[j]))  # "I'm not going to cry over it" voices no feeling
    t = _NOT_A_FEELING.sub(" ", _without_echo(d, j, t))
    therapists = {w for s in d.speakers if s.role is Role.THERAPIST and s.name for w in normalize(s.name).split()}
    return any(not _OTHER_OWNER.search(" ".join(t[:m.start()].split()[-4:])) and not _SAID_OF_YOU.match(m.group())
               and not _WISHED_ON_ME.search(" ".join(t[:m.start()].split()[-4:]))
               and not (m.group() == "miss" and t[m.end():].split()[:1] and t[m.end():].split()[0] in therapists)
               for m in ENGAGE.finditer(t))


#: Feeling words that name no feeling about the two of them: relief at something practical or
#: goodwill towards the therapist ("glad of the sit down", "glad you're back"), and a
#: childhood ("since I was small").
_NOT_A_FEELING = compile_any([r"glad (?:of|you are|for you|that you)\b(?:\s+\w+)?|(?:since|when) (?:i|we) (?:was|were) (?:small|little)"])
#: A feeling someone wants the patient to have ("why do you want me to be sad?").
_WISHED_ON_ME = compile_any([r"(?:want|wants|expect|expects|need|needs) me to (?:be|feel)(?: \w+)?$|supposed to (?:be|feel)(?: \w+)?$"])


def _without_echo(d: Dialogue, j: int, t: str) -> str:
    """``t`` without a feeling word the patient echoes back as a question ("Let down? I'm not a
    bairn", "Annoyed? No!"): repeating the therapist's word to refuse it voices nothing."""
    head, mark, _ = d.texts[j].partition("?")
    words = normalize(head).split()
    asked = d.answered_turn(j)
    if not mark or not 0 < len(words) <= 3 or asked is None or not set(words) <= set(d.norms[asked].split()):
        return t
    return t.replace(" " + " ".join(words) + " ", " ", 1)


class Episodes:
    """Builds relationship episodes (span layer ``episode``) from the ``relationship`` layer."""

    name = "episodes"
    version = "3"
    requires = ("relationship", "rupture")
    produces = ("episode",)

    def __init__(self, use_model: bool = True) -> None:
        self.use_model = use_model

    def annotate(self, session: Session) -> AnnotatorOutput:
        """One ``episode`` span per run, with initiator, patient stance and after_decline.

        The rules read the stance (:func:`patient_stance_of`); the shipped stance reader
        (``models/stance.*``) changes one only when it is confident and the change is one
        it may make (:mod:`alliance.annotators._stancemodel`). ``use_model`` False: rules alone.
        """
        d = Dialogue.of(session)
        spans = []
        declined_seen = False
        rel = session.labels("relationship")
        markers = session.labels("rupture")
        runs = episode_runs(rel)
        rules = [patient_stance_of(d, first, last, rel, markers) for first, last in runs]
        read = reread(d, runs, rel, markers, rules, None if self.use_model else False)
        # A feeling the patient voices in words the rules read ("I was gutted") is the
        # stance's own evidence: the reader, which learned what usually follows such a
        # reply, may not talk it away (the stance specifications in new words). Only a feeling
        # of the patient's own in their first answer: read over every turn and every feeling
        # word ("you'll be glad of the peace", "actually, the wedding, I'm scared ..."), this
        # overrode the reader 27 times on splits held out of it, wrongly 25 times.
        stances = [rule if rule != new and rule in ("engaged", "mixed") and _voices_feeling(d, first, last)
                   else new for (first, last), rule, new in zip(runs, rules, read)]
        for (first, last), stance in zip(runs, stances):
            initiator = d.roles[first]
            spans.append(Span("episode", first, last, {
                "initiator": initiator.value,
                "patient_stance": stance,
                "after_decline": initiator is Role.THERAPIST and declined_seen,
            }, self.name, self.version))
            declined_seen = declined_seen or stance == "declined"
        return AnnotatorOutput(spans=tuple(spans))
