"""Lexicon of relationship talk (codebook section 2), one compiled pattern per cue.

Every pattern is written against :func:`alliance.annotators._lexicon.normalize`
output: lower case, contractions expanded ("do not", "it is"), no punctuation.
Patterns are grouped by *who speaks*, because the pronouns flip: in a
therapist's mouth "me" is the therapist and "you" the patient; in a patient's
mouth "you" is (usually) the therapist, which is why patient patterns demand a
relational predicate next to the "you" rather than any "you" at all (generic
"you know", "you never know", reported speech).
"""

from __future__ import annotations

from alliance.annotators._lexicon import compile_any
from alliance.annotators._lexicon import KIN as _KIN

# Kin words, with the plural or possessive ("mothers", "dads") normalisation leaves.
KIN = f"(?:{_KIN})s?"

__all__ = [
    "T_TRANSFERENCE", "P_TRANSFERENCE", "T_IMMEDIACY", "FRAME_T", "FRAME_P", "FRAME_ANY",
    "T_LIKE_YOUR_KIN", "T_FRAME_REACTION", "P_FRAME_REACTION", "T_FEELINGS", "P_FEELINGS", "T_HERE_NOW", "P_HERE_NOW",
    "T_REACTION_Q", "SHIFT", "T_REDIRECT", "LOGISTICS_ONLY", "P_TRANSFERENCE_WEAK", "KIN",
]

_ADV = r"(?:really |very |so |a bit |a little |quite |kind of |sort of |just |still |even |probably |always |never )?"
_NEG_T = (r"bored|tired|sick|fed up|annoyed|irritated|frustrated|disappointed|angry|mad|upset|"
          r"impatient|disgusted|done|finished|through")

# -- transference_link: the therapist relationship tied to another one ---------
#: The therapist likening the patient with them to the patient with someone at home, in so many
#: words: "saying no to me would be like saying no to the doctor back home, or to your husband".
T_LIKE_YOUR_KIN = compile_any([
    rf"\bme (?:would be|is|was|might be|feels|felt|could be) (?:\w+ )?like\b(?:\s+\w+){{0,10}}\s+your (?:{KIN})\b",
])
T_TRANSFERENCE = compile_any([
    rf"(?:me|i(?! hear| remember| am thinking| was thinking| know))\b(?:\s+\w+){{0,10}}\s+(?:the way|like|just like|the same way|as|as if) (?:with )?your (?:{KIN})",
    rf"your (?:{KIN})\b(?:\s+\w+){{0,12}}\s+(?:with me|about me|toward me|towards me|here with me|in here|when i|me too|with me too)",
    rf"(?:as if|like) (?:i am|i was|i were) your (?:{KIN})",
    r"(?:some of|any of|part of) (?:that|this|those feelings|what you felt)\b(?:\s+\w+){0,4}\s+(?:comes up|come up|happens|happening|gets stirred|is here|is in here|shows up)"
    r"(?:\s+\w+){0,4}\s+(?:with me|here|in here|between us|when i)",
    r"(?:same|similar|familiar) (?:thing|feeling|pattern|dynamic)\b(?:\s+\w+){0,4}\s+(?:with me|here with me|between us|in here)",
    rf"(?:remind|reminds|reminded) (?:you|me) of (?:your|my) (?:{KIN})",
    rf"your (?:{KIN})\b(?:\s+\w+){{0,30}}\s+(?:my|me)\b(?:\s+\w+){{0,5}}\s+(?:a bit |a little |something )?(?:like that|like it|like him|like her|like then|the same|similar)",
    r"(?:when i|me)\b(?:\s+\w+){0,5}\s+(?:it is as if|as if)\b(?:\s+\w+){0,5}\s+(?:again|all over again)",
    r"(?:here|in here|with me)\b(?:\s+\w+){0,10}\s+(?:the way|just as|like) (?:you felt |it was |it felt |you were )?(?:with |at )?(?:your (?:" + KIN + r")|home)",
    r"(?:feels|felt) like being \w+ at home",
    rf"(?:i|me)\b(?:\s+\w+){{0,3}}\s+(?:another|one more|yet another|just another) (?:grown up|adult|person|parent|teacher|authority|professional)\b(?:\s+\w+){{0,10}}\s+(?:like|as|the way) (?:with )?your (?:{KIN})",
])
P_TRANSFERENCE = compile_any([
    rf"you (?:are|were|sound|sounded|seem|act|acted|look) {_ADV}(?:just |exactly )?like (?:my|her|his) (?:{KIN})",
    rf"you remind me (?:so much )?of (?:my|her|his) (?:{KIN})",
    rf"(?:like|as) (?:my|her|his) (?:{KIN}) (?:did|does|used to|always did|would)\b(?:\s+\w+){{0,8}}\s+(?:you(?! know| see| mean)|with you|here)",
    rf"(?:you|with you)\b(?:\s+\w+){{0,10}}\s+(?:the way|just like|the same as|same as) (?:with )?my (?:{KIN})",
    r"(?:that is|it is|this is) (?:exactly |just )?(?:how|what) it (?:used to be|was) (?:with|at|when)",
    r"you (?:sound|sounded|are|seem|act) (?:just |exactly )?like (?:her|him|them)\b",
    r"you remind me of (?:her|him|them|someone)",
])
#: A weaker link, enough to turn inherited relationship talk into a transference link.
P_TRANSFERENCE_WEAK = compile_any([
    rf"(?:it is|that is|this is|it was) (?:just |exactly )?(?:like|how it was) (?:with |at )?(?:my|home)\b",
    rf"(?:like|just like|the way|same as) (?:with )?my (?:{KIN})",
    r"remind\w* me of (?:when|how|the way|what|the time) (?:my|i)\b",
    # "It's how I was with Mum when ...", "it reminds me of school reports, my mum ...".
    rf"(?:it is|that is|this is|it was|that was) (?:just |exactly )?(?:how|what) (?:i was|it was|i felt|i am|i used to be|i did) (?:with|at|around|for) (?:my )?(?:{KIN}|home|school)\b",
    rf"remind\w* me of\b(?:\s+\w+){{0,8}}\s+(?:my (?:{KIN})|when i was|at school|as a (?:kid|child)|growing up)\b",
])

# -- immediacy: the therapist's own feeling toward the patient, now ----------------
T_IMMEDIACY = compile_any([
    r"i (?:notice|noticed|am noticing|find|found|can feel) (?:that )?(?:i|myself) (?:feel|feeling|am feeling|getting|get|am getting|wanting|want)",
    r"(?:right now|as you say that|as you (?:say|said|tell|told|talk about) (?:this|that|it)|listening to you|hearing you|hearing that|hearing this|sitting here|sitting with you)\b(?:\s+\w+){0,3}\s+i (?:feel|am feeling|notice|find myself)",
    r"i (?:feel|am feeling) " + _ADV + r"(?:protective|close|moved|touched|sad|worried|concerned|stuck|pushed away|shut out|"
    r"warm|fond|helpless|tender|hopeful|tense|uneasy|distant|connected|grateful|honou?red|privileged|"
    r"drawn|pulled|tearful|emotional|engaged|affection|(?:a |such a )?(?:real |lot of |great )?(?:warmth|tenderness|fondness)|proud|impressed|admiration|respect|a lot of (?:warmth|respect|affection|care)|"
    r"frustrated|irritated|impatient|bored|confused|lost) (?:toward|towards|for|of|with|by|about|to you|when you|as you|hearing|listening|right now|in this|here|that you)",
    r"i (?:really )?(?:care about|like working with|enjoy working with|am glad to be working with) you",
    r"i (?:do |really )?(?:like|enjoy) (?:seeing|working with) you(?! (?:next|on|then|again|soon))",
    r"i (?:feel|am) (?:glad|happy|pleased) (?:when i see|to see) (?:you|your)",
    r"i (?:am|was|feel) (?:really |very |so )?(?:moved|touched) (?:by what you|hearing|that you|as you|listening)",
    r"(?:how it is|how it feels|what it is like) (?:on|from) my (?:side|end)",
])

# -- frame: breaks, cancellations, lateness, fees, length, ending ---------------------
_FRAME_CORE = (
    # Not the patient's own ("I need a break but I ain't earned one", "you can't even take a break").
    r"(?<!need )(?<!needs )(?<!needed )(?<!needing )(?<!take )(?<!took )(?<!taking )(?<!deserve )(?<!earned )(?<!want )(?<!wanted )"
    r"(?:the|our|this|that|a|next|coming|upcoming|summer|winter|christmas|august|easter) (?:break(?! up| from| in\b| ins\b| into\b)|gap|time apart)|breaks like this|these breaks|"
    r"missed (?:our|the|last|a) session|missing (?:our|the|last) session|(?:our|the|last) session (?:was |got )?cancel\w*|"
    r"(?:end|ending|finish|finishing|stop|stopping|terminat\w*) (?:of )?(?:therapy|treatment|our work|our sessions|the sessions|these sessions|coming here|seeing me|seeing you|the therapy)|"
    r"sessions left|sessions to go|(?:ending|finishing|stopping|end|finish|stop) in (?:\w+ )?(?:sessions?|weeks?|months?)|our last session|the ending|our ending|(?:our|the) last (?:few )?sessions|"
    r"session length|fifty minutes|(?:end|ending) of our (?:time|work|sessions)\b|our time together"
)
#: Frame cue in a therapist's mouth (my absence, our sessions, the ending).
FRAME_T = compile_any([
    r"(?:my|me) (?:being away|going away|vacation|holiday|break|absence|time off|leave|trip|"
    r"cancel\w*|reschedul\w*|being late|lateness|leaving|being sick|illness|fee|fees|moving|changing)",
    r"(?:move|moved|moving|change|changed|changing|cancel\w*) (?:our|the) (?:sessions?|appointments?|times?)",
    r"(?:paying|pay) me|the fee|fee (?:increase|going up|rise)|without our sessions|before i break|i break for",
    r"i (?:was|am|will be|have been|had been) (?:away|gone|on vacation|on holiday|off|sick|late|ill)",
    r"i (?:have had to |will have to |had to |have to |needed to |need to )?(?:cancel\w*|reschedul\w*|go away|went away|leave|left|am leaving|am going away|take time off|took time off)",
    r"when i (?:go|went|am|was) (?:away|off)|while i was (?:away|gone|off)",
    # "And in the middle of Shauna going, I'm going too."
    r"\bi am (?:going|leaving|off) (?:too|as well|also)\b",
    # The therapist's own absence owned ("I was the one who didn't show up", "and I wasn't there").
    r"i (?:was|am) the one who (?:did not|never) (?:show up|turn up|come)\b|\bi (?:did not|never) (?:show up|turn up) for you\b",
    r"i (?:go|went|am going|will go|will be going|was|am|will be|have been) (?:away |off )?(?:on )?(?:vacation|holiday|leave|a break|my break|maternity leave)",
    _FRAME_CORE,
])
#: Frame cue in a patient's mouth (your absence, our sessions, the ending).
FRAME_P = compile_any([
    r"(?:your|you) (?:vacation|holiday|break|being away|time off|trip|absence|leave|"
    r"cancel\w*|reschedul\w*|were away|are away|went away|go away|going away|were gone|left|were late|are late|are always late|leaving|were sick|fee|fees)",
    r"(?:miss|missed|missing) (?:coming here|you|our sessions|the sessions|these sessions|having sessions|talking to you|this)\b",
    r"without (?:you|our sessions|sessions|therapy|coming here)\b",
    r"(?:quit|quitting|stop|stopping) (?:therapy|seeing you|coming)",
    r"(?:keep|continue|carry on) (?:coming|seeing you|therapy)",
    # The work ending named as this one being the last ("gutted this is the last one").
    r"(?:this|today|that) (?:is|was|will be) (?:our|the|my) (?:very )?(?:last|final) (?:one|session|appointment|time here)\b",
    # Wondering why one keeps coming at all ("I don't even know why we keep coming here").
    r"(?:do not|cannot) (?:even |really )?(?:know|see|get) why (?:we|i) (?:even |still )?(?:keep|bother) coming\b",
    r"(?:another|a) bill|paying you|pay you|the (?:fee|fees|price)|fee (?:increase|going up|rise)",
    _FRAME_CORE,
])
FRAME_ANY = compile_any([_FRAME_CORE])
#: A therapist asking or saying what the frame means or stirs for the patient.
T_FRAME_REACTION = compile_any([
    # "Left" as a count ("you'd have three left") is logistics, not being left.
    r"you\b(?:\s+\w+){0,6}\s+(?:feel(?! your (?:feet|body|breath|hands|back|seat)\b| the (?:chair|floor|ground|seat)\b)|felt|feeling|abandoned|let down|dropped|forgotten|(?<!one )(?<!two )(?<!three )(?<!four )(?<!five )(?<!six )(?<!seven )(?<!eight )(?<!nine )(?<!ten )(?<!few )(?<!of )(?<!sessions )(?<!session )(?<!weeks )(?<!appointments )left|alone|on your own|"
    r"upset|angry|annoyed|relieved|disappointed|hurt|miss|missed|sad|lonely|anxious|worried|resent\w*|bothered|react\w*)",
    r"how (?:is|was|has|will) (?:it|that|this)\b(?:\s+\w+){0,2}\s+(?:for|with) you",
    r"what (?:is|was|will) (?:it|that|this) (?:be )?like (?:for you|to|when)",
    r"what it is like (?:for you |to )",
    r"stir\w* (?:anything|something|up|things)",
    r"(?:thoughts|feelings|reactions?|feeling) (?:about|to|around|on)",
    r"what (?:does|did|might|would) (?:it|that|this) mean (?:to|for) you",
    r"(?:land|lands|landed|landing|sit|sits|sat) (?:for|with) you",
    r"than you let on|left you|more on your own|what comes up|comes up for you|came up for you",
    r"(?:how|what) do you (?:feel|think) about (?:it|that|this|the|my|our|finishing|ending|stopping)",
    r"matters to me how",
    r"how it (?:is|was|will be|would be|has been) for you",
    r"(?:is|was) (?:really |partly |also )?about (?:my|me|the break|our|this break)",
    r"(?:brings?|bring|brought) up (?:for you|anything|something)",
    r"(?:adds? to|touches|connects? to|plays into|has to do with|is connected|part of why)",
])
#: A patient voicing what the frame means or stirs for them.
P_FRAME_REACTION = compile_any([
    r"i (?:was|am|felt|feel|get|got) " + _ADV + r"(?:abandoned|let down|dropped|forgotten|alone|lonely|lost|angry|mad|annoyed|"
    r"upset|hurt|relieved|disappointed|sad|anxious|scared|jealous|resent\w*|rejected|unimportant)",
    r"i (?:miss|missed|will miss|am going to miss|would miss) ",
    r"(?:it|that) (?:felt|feels) like (?:you|i)",
    r"(?:annoyed|angry|mad|upset|hurt|bothered) (?:that|when) you",
    r"(?:it|that) (?:hurt|bothered|upset|annoyed|stung)",
    r"(?:hard|difficult|scary|sad|strange|weird) (?:without|to (?:think about|imagine) (?:not|ending|stopping|finishing))",
    r"losing (?:a|this|the|my) (?:place|space|you)",
    r"i (?:do |really )?(?:want|wanted|would like) to (?:keep|stop|continue|carry on)",
    r"(?:angry|annoyed|resent\w*|upset)",
    r"(?:do not|cannot) (?:even |really )?(?:know|see|get) why (?:we|i) (?:even |still )?(?:keep|bother) coming\b",
])

# -- feelings_about_therapist ---------------------------------------------------------
T_FEELINGS = compile_any([
    r"(?:not sure|unsure|doubt\w*|wonder\w*|worried|afraid|scared) (?:whether |if |that )?i (?:would|will|could|might) (?:believe|understand|judge|get it|take it|listen|hear|be there)",
    r"(?:feel|felt|feeling|feelings|thoughts|angry|mad|annoyed|irritated|frustrated|upset|disappointed|hurt|"
    r"let down|critici[sz]ed|judged|dismissed|safe|comfortable|uncomfortable|close|trust\w*|scared|afraid|"
    r"nervous|worried|ashamed|embarrassed|resent\w*|cross|pissed off) (?:about|toward|towards|with|at|by|of|around|in) me",
    r"(?:about|toward|towards) (?:me|us|our relationship|our work together|working with me)\b",
    r"(?<!tell you )(?<!telling you )(?<!tell them )(?<!telling them )what (?:i|i might|i would|i will|i must|i may) (?:think|thought|say|feel|make of)(?! is\b)(?! (?:they|you|he|she|we|people|patients) (?:should|need|ought|must|have to|can))",
    r"(?:do|did|does) (?:you|part of you) (?:feel|think|worry|expect|imagine|wonder|fear|sense|suspect) (?:that )?i (?:am|was|will|would|might|do|did|have|had|am not|was not|do not|did not|could|can|must)",
    r"(?<!would you )(?<!do you )(?<!someone )(?<!somebody )(?<!people )(?<!anyone )(?<!not )(?:like|trust|hate|need|miss|missed|resent|rely on) me\b(?! to\b)",
    r"(?:you|part of you)\b(?:\s+\w+){0,3}\s+(?:angry|annoyed|disappointed|frustrated|upset|mad|irritated|cross|hurt) (?:with|at|by) me",
    r"(?:let|letting) you down",
    r"what i said (?:earlier|last week|last time|before|just now)|when i said that|what i just said",
    r"your (?:feelings|reaction|thoughts|feeling) (?:about|to|toward|towards) (?:me|what i|my)",
    r"(?:i|me) (?:judging|criticizing|criticising|rejecting|leaving|getting tired of|giving up on) you",
    r"(?:rely|depend|count) on (?:me|someone like me|someone you rely)|someone they rely on",
    r"(?:i|me) (?:was |am )?(?:bored|tired|fed up|annoyed|impatient) with you",
    r"(?:you|part of you) (?:discount|doubt|dismiss)\w*\b(?:\s+\w+){0,4}\s+(?:it|me|what i)",
    r"even when i tell you",
    r"(?:when i|that i|i did) (?:look|looked) at the clock",
    r"(?:hiding|hide|hid|keep|keeping) \w+(?: \w+)? from me|to keep me (?:pleased|happy)",
    r"this is your (?:hour|time|session)|(?:was not|is not) fair (?:on|to) you",
    r"careful with me|(?<!to be )(?<!for being )(?<!thanks )(?:honest|open) with me",
])
P_FEELINGS = compile_any([
    rf"you (?:are|were|seem|seemed|look|looked|sound|sounded|get|got|must be|might be|would be|will be|must get|must have been|were getting|are getting) {_ADV}(?:getting )?(?:{_NEG_T})(?: with| of| by| at| in)? me",
    rf"you\b(?:\s+\w+){{0,4}}\s+(?:{_NEG_T}) (?:with|of|at|in) me",
    # A judgement someone "would" pass ("the students would hate me") is a guess about
    # other people; about the therapist it says "you would" ("you'd hate me if you knew").
    r"(?<!would )(?<!will )(?<!might )(?<!could )(?:judging|judge|judged|criticizing|criticising|hate|hates) me",
    r"you (?:would|will|might|could|must|probably) (?:\w+ )?(?:judge|hate|criticise|criticize) me",
    r"you (?:must|probably|will|would|might|are going to|secretly) (?:think|thought|see me as|find me|be thinking)(?= )",
    r"what you (?:must |really |actually )?(?:think|thought|make) of me",
    r"(?:do|did|would|will|can) you (?:even |still |really |actually |ever )?(?:like|care about|hate|remember|trust|want to see|respect|think about) me",
    # Liking or not liking how the therapist did something ("I didn't like the way you looked at me").
    r"i (?:did not|do not|really did not|really do not) (?:like|love|enjoy) (?:the way|how|it when) you\b",
    # Not "if you don't care me asking" (Appalachian "if you don't mind me asking").
    r"you (?:do not|did not|never|are not|were not) (?:really |even |actually )?(?:like|care about|care(?! me asking| my asking| if i ask)|listen to|listen|listening|understand|get it|believe|hear|remember) ?(?:me|what i|anything)?",
    r"i (?:really |kind of |sort of |actually |still )?(?:like|trust|hate|miss|missed|appreciate|resent|am grateful to|"
    r"am angry at|am angry with|am mad at|was angry with|was angry at|was mad at|am afraid of|am scared of|was hurt by|am annoyed with|was annoyed with) you\b",
    r"(?:let|letting) you down|disappoint(?:ing|ed)? you|(?:a|being a) burden (?:to|on) you|(?:taking|take) up (?:too much of )?your time|wast\w* your time",
    r"you (?:will|would|might|are going to|are gonna|could) (?:leave|give up on|get rid of|get tired of|stop seeing|drop|abandon|kick|send) me",
    r"i (?:worry|worried|am worried|was worried|am afraid|was afraid|fear|get the feeling|sense|suspect|imagine|thought|think|feel|felt) (?:that )?you\b(?!(?:\s+\w+){0,2}\s+(?:answered|explained|said))(?:\s+\w+){0,6}\s+(?:me|bored|judg\w*|annoyed|tired|waiting for|want me|wanted me|do not like|hate|care|gone)",
    r"(?:it|that) (?:felt|feels) like you\b",
    r"(?:you looked|you look|you were looking) at (?:the|your) (?:clock|watch|phone)",
    r"you are the only (?:person|one)",
    r"(?:when|what) you said (?:last|the other|in our|earlier)|you said last (?:week|time)",
    r"i (?:did not|do not) like (?:it )?(?:when|what|how) you",
    r"(?:hurt|bothered|upset|annoyed|stung|embarrassed) (?:me )?when you",
    r"if you say you are not|you are just being (?:polite|nice|kind)",
    r"you (?:wanted|want) me (?:gone|to leave|out)",
    r"(?:can|could) (?:i|we) (?:really )?trust you",
    r"trust (?:people like )?you\b|(?<!to be )(?<!just be )(?<!will be )(?<!me be )(?<!going to be )(?<!i will )(?<!i am )(?<!i have to be )(?:honest|open) with you|(?<!to )(?:tell|telling) you (?:the truth|everything)",
    r"you (?:seem|seemed|are|were|look|looked) (?:so |really )?(?:pleased|happy|proud)\b",
    r"you are (?:twisting|putting words|reading (?:far |way )?too much|catching me)|catching me out",
    r"i feel\b(?:\s+\w+){0,4}\s+with you\b|(?:helps|nice|good) to know you",
    r"you always (?:do this|take (?:his|her|their) side)|take (?:his|her) side|you make everything about",
    r"(?:do|did) you (?:even |still |really )?(?:like|enjoy) (?:seeing|working with|having) me",
    r"(?:i am|being) your therapist|your (?:only |favou?rite |worst )?(?:patient|client)",
    r"(?:take|takes|taking|took) (?:his|her|their) side\b(?:\s+\w+){0,2}\s+(?:in here|here)",
    r"you (?:are|were) (?:holding back|hiding|keeping back) (?:what you (?:really )?(?:think|feel)|something|things)",
    # Compositional: "you" as subject, a relational verb within a few words, "me" as its object
    # ("you'd get bored of me", "you still care about me", "you might give up on me").
    r"you\b(?:\s+(?!know\b|see\b|mean\b|told\b|tell\b|asked\b|said\b)\w+){0,4}?\s+(?:trust|care about|cared about|judge|judging|judged|"
    r"understand|understood|believe|believed|notice|noticed|forget|forgot|give up on|gave up on|bored of|bored with|fed up with|sick of|tired of|"
    r"annoyed with|angry with|angry at|cross with|disappointed in|disappointed with|proud of|pleased with|laughing at|laugh at|laughed at|think of|thinking of|"
    r"thought of|think about|thinking about|miss|missed|hate|hated|dismiss\w*|rushing|rushed|ignor\w*|blam\w*|put up with|get rid of) me\b",
    r"(?:not sure|unsure|doubt\w*|wonder\w*|worried|afraid|scared) (?:whether |if |that )?you (?:would|will|might|could|still) (?:\w+ )?(?:want|like|be willing) to (?:see|keep seeing|work with|have) me",
    r"(?:are you|you are) (?:just )?being (?:polite|nice|kind)|(?:get|getting|got) (?:anything|nothing|something) past you|see (?:right )?through me",
    r"(?:annoys|bothers|irritates|frustrates|upsets|hurts|annoyed|bothered|irritated|frustrated|upset|hurt) me (?:that|how) you\b",
    r"you (?:kept|keep|were|are|have been) (?:\w+ )?(?:pushing|pressing|going on at|nagging|lecturing|interrupting|rushing|pressuring) me\b",
    r"(?:scared|afraid|worried|terrified|frightened) (?:that )?you (?:will|would|might|are going to) (?:\w+ ){0,5}(?:leave|go|give up|stop|judge|hate|drop|run)\b",
    r"(?:nice|good|lovely|means a lot|helps|strange|weird) (?:that|when|how) you (?:remember|notice|listen|ask|get|understand|care)\b",
])

# -- here_and_now ---------------------------------------------------------------------
#: The room as a place to be warm or cold in ("it's roasting in here", "the heat in here"): the
#: weather of the room, not what happens between the two people in it.
_ROOM_WEATHER = ("cold", "hot", "warm", "stuffy", "dark", "loud", "roasting", "boiling", "freezing", "toasty", "chilly",
                 "baking", "sweltering", "humid", "draughty", "drafty", "muggy", "cosy", "cozy", "bright", "noisy", "heat",
                 "heating", "damp", "smell", "smells")
_NOT_WEATHER = "".join(f"(?<!{w} )" for w in _ROOM_WEATHER) + r"\bin here\b(?! is (?:so |really |a bit |very )?(?:" + \
    "|".join(_ROOM_WEATHER) + r"))"
T_HERE_NOW = compile_any([
    r"(?:what is it like|what it is like|how is it|how does it feel|what was it like|how was it|how does that feel|"
    r"how was that|what is that like|how has it been|how has that been)\b(?:\s+\w+){0,4}\s+(?:tell|telling|say|saying|share|sharing|talk|talking|"
    r"be here|being here|to hear|hear|hearing|see|seeing|said)\b(?:\s+\w+){0,4}\s+(?:me|here|today|with me|in here|right now|just now)",
    r"(?:what is happening|what just happened|what happened just now|what is going on)\b(?:\s+\w+){0,2}\s+(?:right now|between us|in here|here|just now)",
    # Asking what the patient's picture of the therapist is like ("What's it like, having me watch?").
    r"(?:what is it like|what it is like|how is it|how does it feel|what was it like)\b(?:\s+\w+){0,1}\s+(?:having|imagining|picturing|seeing|knowing|thinking of) me\b",
    r"between (?:us|you and me|the two of us)",
    # Naming what makes it hard to speak to the therapist ("it might be hard to talk with Tina right
    # there and me only on this little screen").
    r"(?:hard|difficult|strange|awkward|odd) to (?:talk|say it|open up)\b(?:\s+\w+){0,6}?\s+(?:me|in here|(?:this|the) (?:little |small )?screen)\b",
    # Checking the relationship itself ("are we okay, you and me?"); not "are we okay for time".
    r"\bare (?:we|you and me|you and i) (?:okay|alright|all right|good)\b(?! (?:for|to|on|with|if)\b)",
    # Not a scene told in the past ("like you weren't even in the room", of a ward round), nor
    # a room full of other people ("comparing yourself with everyone else in the room", an
    # exam hall).
    r"(?<!were not even )(?<!was not even )(?<!were not )(?<!was not )(?<!everyone else )(?<!everybody else )(?<!anyone else )"
    # Nor where the next session is held ("back in this room next week").
    r"(?<!everyone )(?<!everybody )(?<!other people )(?<!the others )(?<!back )(?<!back here )(?:in|here in) (?:this|the) room",
    # "In here" as where something is brought or carried ("a lot to be carrying in here") is a place.
    r"(?<!walked )(?<!came )(?<!come )(?<!walk )(?<!coming )(?<!made it )(?<!brought you )(?<!brings you )(?<!bring you )(?<!get you )(?<!carrying )(?<!carry )(?<!carried )(?<!lugging )(?<!hauling )" + _NOT_WEATHER,
    r"here with me",
    r"(?:what is it like|what it is like|how is it|how does it feel|what was it like) (?:\w+ )?(?:sitting|being|talking|working) (?:here )?with me",
    # The sessions themselves as the experience asked about ("what's it been like, the three of you coming here?").
    r"(?:what is it like|what is it been like|what has it been like|how has it been|how is it been)\b(?:\s+\w+){0,5}\s+(?:coming here|coming in here|coming to (?:these|our|the) sessions)\b",
    r"right now with me|with me right now",
    r"(?:notice|noticed|noticing) (?:that )?you (?:just |suddenly )?(?:looked|look|went|go|got|get|changed|laughed|smiled|pulled|turned|bring|brought|move|moved|change|steer|stopped|stop)",
    r"(?:every time|each time|every single time|whenever) i (?:mention|bring up|ask|raise|say)",
    r"how (?:are you|you are) finding (?:it|this|the sessions|our sessions|talking|working|coming|being here)\b(?:\s+\w+){0,4}\s+(?:me|here|today|sessions|together)\b",
    r"how (?:are|is) (?:this|the session|our work|the work|today|this conversation|what we are doing|this process|it going) (?:going|landing|feeling|working)",
    r"how (?:was|is) (?:that|this|it) for you\b(?:\s+\w+){0,3}\s+(?:just now|today|to hear|when i|right now)",
    r"(?:real|good|hard|important|difficult) work (?:today|together|here|in here)",
    r"we (?:did|have done|are doing|have been doing) (?:some )?(?:real|good|hard|important) work",
    r"how we (?:are|have been) (?:working|doing) together|(?:our|the) work together",
    r"(?:room|space) for (?:that|this|it|all of it) (?:here|in here)",
    r"(?:say|notice) it (?:out loud )?(?:here|in here|when it happens)",
    r"how was (?:it|that) to talk about",
    r"you (?:bring|brought|take|took|steer|steered|move|moved) (?:us|me|the conversation)\b",
    r"you (?:went|go|got|get|seem|seemed|are|were) (?:\w+ )?(?:quiet|silent|still|tense|far away|distant)\b(?:\s+\w+){0,3}\s+(?:just now|right now|when i|as i)",
    r"when i (?:mentioned|said|brought up|asked|raised)\b|\bjust now\b",
    r"(?:have|having) me (?:notice|say|ask|push)|me (?:pushing|pressing|noticing|challenging|arguing|asking) (?:back|you|like that|that)",
    r"(?:today|just now|this time) you (?:said|told|did|were able)",
    r"(?:talked|talking|talk) about me\b",
    r"i (?:notice|realize|realise) i (?:have been|was|am) (?:doing|talking|deciding|pushing|leading)",
])
P_HERE_NOW = compile_any([
    r"(?:hard|difficult|scary|embarrassing|strange|weird|awkward) to (?:say|tell you|talk about (?:this|it)|admit|bring) (?:this|that|it)? ?(?:up )?(?:to you|here|in here|right now)",
    r"i (?:feel|am|felt) " + _ADV + r"(?:nervous|embarrassed|ashamed|awkward|uncomfortable|exposed|scared|anxious|safe|vulnerable|judged|stupid) "
    r"(?:telling you|saying this|saying that|talking about this|here|right now|in here|with you)",
    r"(?<!came )(?<!come )(?<!coming )(?<!made it )(?<!brought me )(?<!brings me )" + _NOT_WEATHER,
    r"between (?:us|the two of us)|(?<!just )(?<!but )between you and me",
    r"(?<!back )(?<!back here )(?:in|here in) (?:this|the) room(?! full)",
    r"(?:talking|coming) here (?:helps|is|feels|has been|makes)",
    r"(?:why|what) (?:are|do) you (?:keep )?(?:asking|looking at) me",
    r"(?:this|it|that) (?:feels|is|felt|is getting) (?:\w+ )?(?:awkward|weird|strange|uncomfortable|odd|embarrassing|intense|tense) (?:right now|just now|in here|saying this|talking about this|talking to you)",
    r"(?:do not know|not sure|no idea) what you (?:want|expect|are expecting|are looking for) (?:me to|from me)|what do you want (?:me to say|from me)",
    # Never having told "anybody" is the patient's history of telling; in front of the therapist
    # ("never cried in front of anyone") or to them is the act in the room.
    r"(?:never|not) (?:cried|shown)\b(?:\s+\w+){0,4}\s+in front of (?:anyone|anybody|someone|a stranger|you)\b",
    r"(?:never|not) (?:cried|said|told|shown|admitted|shared)\b(?:\s+\w+){0,4}\s+(?:in front of|to) (?:a stranger|you)\b",
    r"(?:do not know|no idea) why i am (?:telling you|saying|talking about|crying|sharing)|why am i telling you",
    r"(?:this|the) (?:bit|part|point|stage) of (?:the|our) session|(?:the|this|our) sessions? (?:always )?(?:makes?|made) me\b",
    r"(?:saying|said|telling|told) (?:this|that|it) (?:out loud|aloud)",
    r"(?:not sure|do not think|doubt) (?:this|therapy|these sessions|coming here|talking) (?:is|are) (?:really )?(?:helping|working|doing anything)|we (?:just )?(?:talk and talk|go round in circles|keep going over)",
    r"(?:first time|never before|only time) (?:i have |i am |i )?(?:ever )?(?:said|told|say|tell|admitted|admit|spoken|speaking) (?:this|that|it|about this|about that)? ?(?:out loud|to anyone|to anybody|to someone|aloud)",
])
#: A therapist question about the patient's reaction, meaningful only in a frame or
#: relationship context ("how is it for you to hear that?").
T_REACTION_Q = compile_any([
    r"how (?:is|was) (?:it|that) for you",
    r"how (?:did|do) you find (?:it|that|this|the|our|my|being|having|not having|coming)\b",
    r"how it (?:is|was|will be) for you",
    r"what (?:is|was) (?:it|that) like for you",
    r"(?:did|do) you feel (?:a bit |at all |a little |kind of )?(?:abandoned|let down|dropped|forgotten|left|rejected|hurt)",
    r"how do you feel about (?:that|it|this)",
    r"what comes up (?:for you )?(?:when|as|hearing)",
])

# -- shifts, redirects and pure logistics ---------------------------------------------
SHIFT = compile_any([
    r"^ (?:okay |so |well |um |uh |but |and |no |yeah |anyway )*(?:anyway|so anyway|anyways|moving on|on another note|by the way|"
    r"(?:the thing|what) i wanted to (?:talk about|ask|say|tell you)|can i ask (?:you )?(?:what|about|if|whether)|i wanted to ask|"
    r"speaking of|changing the subject|on a different note|something else)",
    r"\banyway\b(?! $)",  # "I'll be busy at work anyway": regardless, not a change of subject
    r"same time next week|see you next week|see you then|we are nearly at time|we are almost out of time|we have to stop",
])
T_REDIRECT = compile_any([
    r"tell me (?:more )?about (?:the|your|what|how|that|this) (?!feeling|with me|that is like|it is like|it was like|that was like)",
    r"let us (?:talk about|go back to|get back to|look at|turn to|stay with you|move on|come back to (?:your|the))",
    r"(?:leave|drop) (?:that|it|this)(?: there| for now)?\s*$|leave your \w+ out of it",
    r"^ (?:okay|alright|all right|right|good|fine|thanks|thank you)(?: so)?(?: and)? (?:what|how|tell|and|so|where|when|did|do|have)\b",
    r"^ (?:and|so) (?:what about|how about)\b|^ and (?:the|your)\b",
    r"but let us stay with you",
    r"(?:what|how) about your (?:week|work|job|" + KIN + r")",
    r"(?:we are nearly|we are almost|we have to stop|same time|next week)",
    r"(?:let us|we will|shall we) meet (?:again )?(?:on|next|in)\b|see you (?:on|in) (?:the|two|three)\b",
])
LOGISTICS_ONLY = compile_any([
    r"(?:can|could) (?:we|you|i) (?:move|change|switch|reschedule)\b",
    r"(?:feel|feels) (?:okay|ok|alright|all right|fine) (?:to|for|with) (?:moving|switching|changing)",
])
