"""Wording of the therapist's self-disclosure (codebook section 1) and of its look-alikes.

Re-exported by :mod:`alliance.annotators._flagpatterns`, the lexicon of the
therapist's flags, which grew past a readable size with it. Written against
:func:`alliance.annotators._lexicon.normalize` output.
"""

from __future__ import annotations

from alliance.annotators._lexicon import KIN, compile_any

__all__ = ["SELF_DISCLOSURE", "NOT_SELF_DISCLOSURE"]

#: The therapist's own life, experiences or feelings outside the session.
SELF_DISCLOSURE = compile_any([
    # Life events and the therapist's own past in plain words ("I'm pregnant", "I got married in the
    # summer", "I was off with my back", "I did a PhD too", "when I was a ward nurse").
    r"\bi am (?:pregnant|expecting a baby|engaged)\b|\bi (?:got|just got|recently got) (?:married|engaged|divorced)\b|"
    r"\bi was (?:off|out) (?:sick |poorly |ill )?with my (?:back|knee|hip|neck|shoulder|heart|chest)\b|"
    r"\bi did (?:a|my) (?:phd|degree|masters|doctorate)\b|\bwhen i was a (?:\w+ ){0,2}(?:nurse|teacher|student|soldier|medic|paramedic)\b",
    rf"my (?:own )?(?:(?:{KIN})s?|dog|cat|kids|children|wedding|divorce|childhood|therapist|own therapy|analyst|father s|mother s|son s|daughter s)\b",
    # "My own worries", "my own reasons" own a part in the room; they tell nothing of a life outside it.
    r"my own\b(?! (?:thread|agenda|idea|ideas|view|views|thinking|interpretation|theory|hunch|assumptions?|reading|read|sense|stuff|take|spin|words|question|story|stories|"
    r"worries|worry|anxiety|anxieties|reasons?|needs?|discomfort|feelings?|wish|wishes|hopes?|impatience|pace|preoccupations?|curiosity|concerns?|issues|bias|biases|reactions?))",
    # Childhood as a time of the therapist's own life ("since I was a kid in Sydney").
    r"since i was (?:a kid|a child|little|young|small|a teenager|a boy|a girl|a teen|\w+ years old|\w+)\b(?! (?:minutes|seconds))|(?:as a|when i was a) (?:kid|child|teenager|boy|girl|teen) i\b|i (?:\w+ ){1,5}as a (?:kid|child|teenager|boy|girl|teen)\b",
    r"our (?:kids|children|son|daughter|family|dog|cat|house|garden|wedding)\b|we (?:took|had|spent|visited) (?:our|the kids|my)",
    r"i (?:had|have had|used to have|suffered from|suffered with|struggled with|went through|lived with) (?:\w+ ){0,2}"
    r"(?:panic|depression|anxiety|attacks|a breakdown|a divorce|cancer|an eating|grief|a miscarriage|insomnia|burnout|a drinking)",
    # "Myself" as "too" ("a worrier myself"), not the object of something done now ("notes to myself").
    r"i am (?:\w+ ){1,7}(?<!to )(?<!for )(?<!with )(?<!at )myself\b|i am (?:\w+ )?recovering from (?:a|an|my)\b|i (?:was|used to be) (?:\w+ ){0,3}(?:at|in) (?:university|uni|college|school) (?:too|myself)",
    r"when i was (?:young|younger|a kid|a child|a teenager|little|growing up|your age|in (?:school|college|university|my twenties|training))",
    r"i (?:also|too|myself) (?:struggled|went through|have been through|had|lost|was|felt|know what it is like)",
    r"i (?:went|have gone|have been) through (?:a|the|something|that|this|my own)",
    r"i (?:remember|recall) (?:when i|finishing|being|my|how i|feeling)",
    r"(?:in my (?:own )?(?:life|family|personal life)|in my own experience|personally i|speaking personally|me personally)",
    r"i (?:have|had) (?:two|three|four|a|my own) (?:kids|children|sons?|daughters?|dog|cat|husband|wife|partner)\b",
    r"(?:i|we) (?:went|are going|am going|go|will go|had been) (?:to|on) (?:\w+ )?(?:for )?(?:my|our) (?:vacation|holiday|honeymoon|trip)",
    r"i (?:grew up|was raised|lived in|used to live)\b",
    r"(?:i|me) (?:too|as well)\b(?:\s+\w+){0,3}$",
    r"i have been there|been there myself|happened to me|same thing happened to me",
    r"i (?:am|was) (?:married|divorced|a (?:mother|father|parent)|an only child)",
    r"i (?:did|do|had|have)\b(?:\s+\w+){0,2}\s+(?:two|three) (?:girls|boys|kids)",
    r"^ (?:yes |yeah |i do |i did )?(?:two|three|a) (?:girls|boys|kids|daughters|sons)\b",
    r"it got easier (?:for me|over time)",
    # Family in everyday words ("with my lad", "up half the night with my youngest").
    r"my (?:lad|lads|boy|boys|youngest|eldest|oldest|little one|little ones|missus|hubby|other half|nan|gran|granny)\b",
    # A time of the therapist's own life told as a story ("when I started at the bank, my
    # first job", "when I got back from my second deployment"), not a time in the sessions.
    r"\bwhen i (?:first )?(?:started (?:at|out|my|a|an|in|coming|going)|got back from|came back from|moved (?:to|here|out)|left (?:school|home|the)|"
    r"lost my|had my|became a)\b(?! (?:seeing|working with|with) you)",
    # A habit of the therapist's own past ("I used to go to the washroom before and breathe").
    r"\bi used to (?:go|get|have|do|live|play|feel|hate|love|dread|lie|sleep|drink|smoke|cry|panic|freeze|shake|be (?:so|really|terrified|scared|shy))\b",
    # The therapist's body, health and doctors ("after my gallbladder surgery").
    r"my (?:own )?(?:doctor|gp|surgeon|surgery|operation|gallbladder|knee|hip|diagnosis|illness|back pain|pregnancy|miscarriage|chemo)\b",
    r"i did (?:this|that|the) (?:exact |same |very )*(?:same )?thing (?:once|myself|too|when)",
    # The therapist's own moves and school days ("we're shifting house", "a D in art in year nine").
    r"(?:we are|i am|were) (?:shifting|moving) (?:house|home|flat|countries|cities|abroad)\b",
    r"i (?:\w+ ){1,6}in (?:year|grade|form) (?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|\d+)\b",
    r"we have been (?:together|married)\b",
    r"i am (?:getting|going to get|about to get|recently) (?:married|divorced|engaged)|(?:my|our) (?:honeymoon|engagement|fianc\w*)\b",
    r"we (?:have had|had|have) our own (?:share|battles|rows|ups)",
    r"i (?:used to|was|have been|had)\b(?:\s+\w+){0,6}\s+myself\b|until my (?:twenties|thirties|teens)|in my (?:twenties|thirties|teens|youth)",
    r"i (?:did|went|had|spent|saw|visited|watched|read|played|cooked)\b(?:\s+\w+){0,4}\s+(?:gardening|garden|hiking|walk|trip|holiday|vacation|film|movie|match|beach|concert|barbecue)",
    # By structure: the therapist's own family members with an ordinal or age ("after my second child
    # was born"), their own past self ("at your age", "I used to be terrified of ..."), work before
    # training, their own operation, being a parent themselves.
    r"my (?:first|second|third|eldest|oldest|youngest|little|older|younger|late|baby|big|two|three) (?:child|kids?|sons?|daughters?|baby|boys?|girls?|brothers?|sisters?|husband|wife)\b",
    r"(?:at|when i was) your age|i used to be (?:\w+ ){0,2}(?:terrified|scared|afraid|frightened|anxious|shy|nervous|awful|terrible|hopeless|a |an )|"
    r"i used to (?:drink|smoke|get (?:panic|anxious|so|really)|have (?:panic|terrible|awful|nightmares))",
    r"before i (?:trained|qualified|became a|retrained)\b|i (?:worked|used to work) (?:in|at) (?:a|an) (?:bank|shop|factory|restaurant|pub|office|call centre|warehouse|school|kitchen|bar)\b",
    r"i am (?:having|going in for|booked in for|about to have) (?:an? |my )?(?:operation|surgery|treatment|procedure|baby|op)\b",
    r"my (?:shoulder|wrist|ankle|neck|heart|teeth|tooth|eye|eyes|hip|knee|back) (?:operation|surgery|op|injury|problem)|"
    r"(?:(?<=operation )|(?<=surgery ))on my (?:shoulder|wrist|ankle|neck|heart|eyes?|hip|knee|back|foot|hand|spine)\b",
    r"i (?:struggled|suffered|battled|wrestled) with my\b|i was (?:made redundant|fired|sacked|laid off|bullied|adopted|burgled|mugged|divorced)\b|"
    r"i (?:had|was in|went through|survived) (?:a|an) (?:\w+ ){0,2}(?:accident|crash|operation|illness|breakdown|miscarriage|bereavement|diagnosis|injury|scare|divorce)\b",
    r"i am (?:a|an) (?:dad|mum|mom|stepmum|stepmom|stepdad|stepmother|stepfather|grandparent|grandmother|grandfather|granny|grandad|single parent|twin)\b",
    # Wider family ("my granddad ran cattle", "my niece's outdooring"), and a child's birth told as
    # the therapist's own time ("when my first was born I didn't sleep for a year").
    r"my (?:granddad|grandad|grandpa s|grandad s|granddad s|niece|nieces|nephew|nephews|cousin|cousins|in laws|mother in law|"
    r"father in law|stepson|stepdaughter|grandkids|grandchildren|grandson|granddaughter|great aunt|great uncle)\b",
    r"\bwhen my (?:first|eldest|oldest|youngest|son|daughter|baby|kids?|children|boy|girl|twins) (?:was|were) (?:born|little|small|young|tiny)\b",
    # "Myself" as "too" after what the therapist has, does or follows ("two teenagers myself",
    # "a men's group myself"), and their own past troubles ("me own bother with the bookies").
    r"\bi (?:also |still |too )?(?:have|have got|go|went|support|barrack|follow|play|played|keep|kept)\b(?:\s+\w+){1,6}?\s+myself\b",
    r"\bi (?:also|too) (?:grew up|was raised|lived)\b",
    r"\bi had (?:me|my) own (?:bother|trouble|troubles|battles?|struggles?|problems?|issues?|run ins?)\b",
    r"\bi used to (?:throw up|be sick|vomit|stammer|stutter|gamble|bet)\b",
])
#: Professional logistics and general beliefs that look like self-disclosure.
NOT_SELF_DISCLOSURE = compile_any([
    r"my (?:previous|last|next|earlier|other) (?:call|client|appointment|patient|session|meeting)",
    r"(?:out of|away from) the office|my (?:schedule|calendar|diary|office|practice|colleague|supervisor|secretary|voicemail)",
    r"i (?:believe|think) (?:that )?(?:everyone|people|we all)",
    r"(?<!trained )(?<!became )(?<!qualified )(?:as a|as your) (?:therapist|clinician|counsell?or|psychologist|doctor)|in my (?:clinical |professional )?(?:work|practice)",
    # Declining to disclose names one's life only to keep it out.
    r"(?:rather|prefer to|prefer|like to) (?:not (?:to )?(?:talk about|bring|share|go into)|keep)\b(?:\s+\w+){0,3}\s+(?:my|out of|private|to myself)|keep my (?:own )?(?:\w+ )?(?:life )?out of",
])
