"""Therapist flags read from the shape of the exchange rather than from stock phrases.

Kept apart from :mod:`alliance.annotators.flags` so that module stays small. Each
reader here names one reading of the dialogue (codebook section 1 and the gold
README's decisions), written against :func:`alliance.annotators._lexicon.normalize`
output:

- confrontation: a feeling about the therapist or the therapy asserted to lie under
  what the patient shows ("under the politeness you were angry with me"); more felt
  than the patient lets themselves feel; the patient's words set against what their
  body is doing now ("you're saying you don't care, but your voice is shaking"); a defence
  read into what the patient does about the sessions. Confrontations that answer a claim
  the patient has just made about themselves are read in
  :mod:`alliance.annotators._flagclaims`.
- repair: a strain about the therapist or the therapy voiced in the patient's own
  words, with or without a rupture marker (a task "I can't see the point of", a wish
  that the therapist had acted otherwise, "you've never been there"), met by welcome,
  validation, owning one's part or inviting the patient's view of the therapist; and
  owning that one's own question was too much, right after a minimal reply.
- backs_down: allowing that one is making too much of one's own challenge.
- self_disclosure: likening one's own thing to the patient's ("mine does that too"),
  one's own home habits, and confirming the patient's remark about a disclosure just made.
"""

from __future__ import annotations

import re

from alliance.annotators import _flagpatterns as fp
from alliance.annotators._lexicon import Dialogue, compile_any, normalize
from alliance.annotators.episodes import DECLINE

__all__ = [
    "presses_hidden_feeling", "words_against_body", "strain_voiced", "meets_strain", "welcomes_said", "owns_hard_question",
    "makes_too_much", "leaves_subject", "denies_reading", "owns_load", "likens_own", "own_habit", "discloses_on",
    "reads_against_decline",
]

# -- confrontation ------------------------------------------------------------------------------
#: An assertion (not a question) that something lies under, behind or in part of the patient.
_HIDDEN = compile_any([
    r"(?:i wonder (?:if|whether)|i think|i suspect|i reckon|my guess is|my sense is|i have a feeling|it may be that)\b(?:\s+\w+){0,4}?\s+"
    r"(?:part of you|underneath\b|under (?:the|all|that|this)\b|beneath\b|behind (?:the|all|that|this)\b)",
])
#: A feeling displaced from the therapist ("the anger at your manager is really anger at me").
_DISPLACED = compile_any([r"\b(?:is|was|might be|could be|may be) (?:really|actually|partly|also) (?:\w+ )?(?:about|at|with|towards?|directed at|aimed at) (?:me|my|us|our|coming here|the sessions|the break)\b"])
#: What the hidden feeling is about: the therapist or the therapy (decision 12's class of returns).
_ABOUT_US = compile_any([r"\b(?:me|my|i told you|i said|i cancelled|i am going|i will be|i raised|being here|coming here|to be here|come here|"
                         r"come in|these sessions|our sessions|the sessions|the fee|the break|in here)\b"])
#: A meaning offered as the therapist's own musing ("I wonder whether", "maybe it's", "I can't
#: help thinking") that likens or ties it to someone or something ("a bit like your sister",
#: "about me", "easier than", "part of why"): an interpretation, not a question asked again.
_MUSES_MEANING = compile_any([
    r"(?:i wonder (?:if|whether)|i am wondering (?:if|whether)|i was wondering (?:if|whether)|maybe it is|maybe it was|"
    r"perhaps|i can not help (?:thinking|wondering)|i keep thinking|i think (?:it|this|that|the|part|some))\b(?:\s+\w+){0,14}?\s+"
    r"(?:(?:a bit |a little |just |rather )?like (?:your|my|when|the way|how|being|someone|all)|the way (?:your|you)|"
    r"about (?:me|us|my)|is me|was me|that is me|easier (?:than|to)|harder than|part of (?:why|what|the same)|"
    r"really about|the same (?:kind|as|thing|feeling|movement))\b",
])


def reads_against_decline(d: Dialogue, rel: list[str | None], i: int, t: str) -> bool:
    """A therapist's interpretation of the relationship or the frame, after the patient has
    refused talk about it in this session (decision 12): "I wonder if me moving online is a
    bit like your sister moving away", two returns after "honestly, it's fine"."""
    if rel[i] not in ("transference_link", "frame_feelings") or not _MUSES_MEANING.search(t):
        return False
    return any(rel[j] is not None and d.is_patient(j) and d.is_therapist(j - 1) and rel[j - 1] is not None
               and DECLINE.search(d.norms[j]) for j in range(1, i - 1))


#: A defence read into what the patient does ("a way of not feeling how much you'll miss coming here").
_DEFENCE_READ = compile_any([r"(?:is|as|be) (?:also |partly |maybe |perhaps |just )?a way (?:of|to) (?:not|avoid\w*|keep\w*|stop\w*|never)\b"])
#: More felt than the patient allows themselves ("more grief in this than you're letting yourself feel").
_MORE_THAN_LET = compile_any([
    r"\bmore\b(?:\s+\w+){0,8}?\s+than you (?:are |have been )?(?:letting yourself|allowing yourself to|willing to|ready to) (?:feel|see|say|admit|know|show)\b",
    r"\b(?:more|harder|bigger|deeper|worse|heavier|angrier|sadder)\b(?:\s+\w+){0,8}?\s+than you (?:are |have been )?(?:telling me|saying|showing (?:me|us)|letting me see)\b",
])
#: The patient's words set against what their body shows now ("... but your voice is shaking").
_BODY_BELIES = compile_any([
    r"\b(?:you (?:say|are saying|said|have said|tell me|are telling me|keep saying|keep telling me)|(?:i )?hear you (?:say|saying))\b(?:\s+\w+){0,10}?\s+but "
    r"(?:your (?:voice|face|hands?|eyes|fists?|jaw|body|legs?|knees?|foot|feet|lip|chin|shoulders) (?:is|are|has|have|was|were|went|keep|keeps|look|looks|fell|dropped|changed|tightened|shook)\b|"
    r"you (?:are|were|have been) (?:shaking|trembling|crying|clenching|gripping|tearing up|welling up|close to tears|blushing|white)\b)",
])


def presses_hidden_feeling(t: str) -> bool:
    """Whether the therapist asserts a feeling the patient has not owned: one about the
    therapist or the therapy lying under what they show, or more felt than they allow."""
    if _DISPLACED.search(t):
        return True
    hidden = _HIDDEN.search(t) or _DEFENCE_READ.search(t)
    if hidden is not None and _ABOUT_US.search(t[hidden.start():]):
        return True
    return _MORE_THAN_LET.search(t) is not None


def words_against_body(t: str) -> bool:
    """Whether the therapist sets the patient's words against what their body is doing now."""
    return _BODY_BELIES.search(t) is not None


# -- repair -------------------------------------------------------------------------------------
#: A strain about the therapist or the therapy that carries its own address ("you've never been there").
_STRAIN_AT_YOU = compile_any([
    r"\byou (?:have never|have not ever|never) (?:been|had|lived|done|gone)\b|"
    r"\byou (?:do not|can not|could not|will never|would never|would not) (?:know|understand|get) (?:what|how) (?:it|that|this) (?:is|was|feels|felt)\b|"
    r"\b(?:read|learned|learnt|got) (?:it|that|all that|all this|about it) (?:in|from|out of) (?:a|your|some) (?:book|course|textbook|training|lecture)\b|what would you know\b",
    # A wish that the therapist had acted otherwise ("I'd rather you'd asked me first").
    r"\b(?:would|d) rather you (?:would|had|did|asked|told|said)\b|\bwish you (?:had|would|did|asked|told)\b|"
    r"\byou (?:should|could) have (?:asked|told|said|checked|warned|mentioned)\b",
    # Feeling reduced to a number by the therapist; disliking how the therapist spoke or acted.
    r"(?:just|only) (?:another|a) (?:client|patient|number|case|job|appointment|slot)\b(?:\s+\w+){0,2}?\s+(?:to you|for you)\b|"
    r"\b(?:that|it) was a (?:stupid|pointless|silly|weird|rubbish|daft|strange|loaded) question\b|"
    r"\byou make (?:it|this|that|everything) (?:sound|seem|look) (?:so |really |very )?(?:easy|simple|straightforward)\b|"
    r"\bi (?:did not|do not) (?:like|appreciate|enjoy) (?:how|the way|what|when|it when) you\b|\bi hate (?:it )?(?:when|how|the way) you\b|"
    r"(?:do not|does not) (?:think|feel like) you (?:really )?(?:like|care about|want|respect|believe|trust|listen to) me\b",
])
#: "You never fix it", "you always run over": a complaint at whoever the turn answers. In joint
#: sessions partners say it to each other, so it counts only straight after a therapist turn.
_YOU_ALWAYS = compile_any([r"\byou (?:never|always) (?:fix|remember|listen|let|ask|call|start|finish|run|get|bring|take|interrupt|forget|cancel|change)\b"])
#: A strain word that needs the therapist or the therapy named alongside it.
_STRAIN_WORD = compile_any([
    r"\bannoy\w*|\birritat\w*|\bfrustrat\w*|\bdisappoint\w*|\bresent\w*",
    r"(?:do not|can not|could not) see the point|\bpointless\b|\bno point\b|\ba chore\b|waste of (?:time|money)|going nowhere|"
    r"(?:is|are|it is|this is) not (?:helping|working)|(?:the )?same (?:boxes|questions|forms|thing) every (?:week|time|session)|every (?:week|time|session) (?:it is|its|we do|you ask) the same\b",
])
#: Refusing the therapy's own task ("I don't want to do the chair thing again"): a strain about the therapy as it stands.
_REFUSES_TASK = compile_any([r"i (?:do not|really do not) want to (?:do|try) (?:the|that|this|another) \w+(?: \w+)? (?:again|thing|exercise)\b"])
#: The therapist or the therapy named in a patient turn ("you", "these sessions"), not a filler "you know".
_NAMES_US = compile_any([r"\byou (?!know\b|see\b|mean\b|get me\b)\w+|\byour\b|in here|these sessions|the sessions|our sessions|coming here|"
                         r"the (?:fee|fees|questionnaires?|forms?|ratings?|worksheets?|homework|exercises?|diary|diaries|same questions)\b"])
#: Welcoming the strain being said ("I'm glad it's said").
_WELCOMES_SAID = compile_any([r"glad (?:that )?(?:it is|it has been|it was|that is|that has been) (?:been )?(?:said|out|in the open|on the table)\b"])
#: Owning one's part or committing to act differently; inviting the patient's view of the therapist.
_OWNS_PART = compile_any([
    r"(?:it|that) was my (?:decision|choice|doing|call|idea)\b|(?:my|the) decision not yours|(?:useful|helpful|important|good) for me to (?:know|hear)\b",
    r"next time\b(?:\s+\w+){0,8}?\s+i (?:will|am going to|would)\b|i will (?:raise|mention|bring|tell you|flag|check|ask)\b(?:\s+\w+){0,6}?\s+(?:first|earlier|at the start|sooner|in advance|beforehand)\b",
    r"what (?:is|was|has been) it like (?:for you )?(?:to hear|hearing|sitting|having|being|telling|coming)\b(?:\s+\w+){0,6}?\s+(?:me|from me|somebody|someone|here|in here)\b",
    r"(?:can|could|shall) we\b(?:\s+\w+){0,6}?\s+(?:take (?:it|this|that|\w+) |go )(?:slower|more slowly|more gently|gently|slowly)\b",
    r"(?:shall|can|could|should) we (?:look for|find|try|think about) (?:something|another|a different|other)\b|let us (?:do|try) something (?:different|else)\b",
    r"^ (?:(?:okay|ok|fine|sure|of course|right|no) )+we (?:will not|won t|do not have to|can leave it|can skip it)\b|\bwe can (?:just )?talk (?:today|instead)\b",
    r"let me (?:ask|put|say) (?:it|that|this) (?:better|differently|another way|again)\b|\bit probably was\b|\byou are probably right\b",
])


def _patient_turns_back(d: Dialogue, i: int, therapist_turns: int, limit: int) -> list[int]:
    """Patient turns before ``i`` back to the ``therapist_turns``-th previous therapist turn, nearest first."""
    out, seen = [], 0
    for j in range(i - 1, -1, -1):
        if d.is_therapist(j):
            seen += 1
            if seen >= therapist_turns:
                break
        elif d.is_patient(j):
            out.append(j)
            if len(out) >= limit:
                break
    return out


def strain_voiced(d: Dialogue, rel: list[str | None], i: int, markers: list[str | None] | None = None) -> str | None:
    """How a patient, since the therapist's last turn, voiced strain about the therapist or the therapy.

    ``"direct"`` for a complaint at the therapist ("you've never been there", "I'd rather you'd
    asked"), ``"named"`` for a strain word with the therapist or the therapy named ("I can't see
    the point of them; you look at them and we move on"), else None. The strain may carry no
    rupture marker: the codebook's repair addresses a strain between them, however it was put.
    """
    kind = None
    for j in _patient_turns_back(d, i, 1, 3):
        p = d.norms[j]
        if _STRAIN_AT_YOU.search(p) or (markers is not None and markers[j] in _COMPLAINTS) or (
                _YOU_ALWAYS.search(p) and j >= 1 and d.is_therapist(j - 1)):
            return "direct"
        if (_STRAIN_WORD.search(p) and (rel[j] is not None or _NAMES_US.search(p))) or _REFUSES_TASK.search(p):
            kind = "named"
    return kind


#: Rupture markers that are complaints made at the therapist or the therapy.
_COMPLAINTS = frozenset({"complaint_about_therapist", "complaint_about_therapy"})


def welcomes_said(d: Dialogue, i: int, t: str) -> bool:
    """Whether the therapist welcomes a strain being out in the open ("I'm glad it's said"), voiced
    by a patient within the therapist's last two turns."""
    if not _WELCOMES_SAID.search(t):
        return False
    return any(fp.STRAIN_AT_T.search(d.norms[j]) or _STRAIN_AT_YOU.search(d.norms[j]) for j in _patient_turns_back(d, i, 2, 4))


def meets_strain(t: str, kind: str | None) -> bool:
    """Whether a therapist turn meets a strain voiced in the ``kind`` way (see :func:`strain_voiced`).

    Welcome, validation, a change of frame, owning one's part or inviting the patient's view of
    the therapist meet any strain; the softer cues after a marker ("you're right", "tell me
    more") meet only a complaint made at the therapist directly.
    """
    if kind is None:
        return False
    if kind == "direct" and fp.REPAIR_IN_STRAIN.search(t):
        return True
    return bool(fp.REPAIR_WELCOMES.search(t) or fp.VALIDATES.search(t) or fp.CHANGES_FRAME.search(t) or _OWNS_PART.search(t))


#: Naming one's own question as too much ("That's a lot to ask", "that was a big question").
_HARD_QUESTION = compile_any([
    r"^ (?:(?:okay|ok|well|right|mm|hmm|sure) )*(?:that is|that was|it is|it was|this is) (?:a lot|too much|a big ask|a lot to ask|a big question|"
    r"a hard question|a tough question|a hard one|a tough one|hard to answer|a lot to answer)\b",
])
#: A minimal reply: a handful of words.
_MINIMAL_WORDS = 4


#: Owning one's own pressure in so many words ("I've just thrown a lot at you", "I think I've pushed you").
_OWNS_LOAD = compile_any([
    r"\bi (?:have |ve )?(?:just )?(?:thrown|put|piled|dumped|asked) (?:a lot|too much|loads|quite a lot|so much) (?:at|on|of) you\b",
    r"\bi (?:think i |may |might |can see i )?(?:have |ve )(?:pushed|pressed|steamrolled|rushed|cornered) you\b",
])


def owns_load(t: str) -> bool:
    """Whether the therapist owns the pressure of their own move ("I've just thrown a lot at you"):
    acknowledging their own part in a strain, a repair wherever it comes."""
    return _OWNS_LOAD.search(t) is not None


def owns_hard_question(d: Dialogue, i: int, t: str) -> bool:
    """Whether the therapist names their own question as too much, right after a minimal reply to it."""
    if i < 2 or not d.is_patient(i - 1) or d.words[i - 1] > _MINIMAL_WORDS or not _HARD_QUESTION.search(t):
        return False
    return any(d.is_therapist(j) and "?" in d.texts[j] for j in range(i - 2, max(-1, i - 4), -1))


# -- backs_down ---------------------------------------------------------------------------------
_TOO_MUCH = compile_any([r"(?:maybe|perhaps|probably) i am (?:making|reading) (?:too much|a lot|more) (?:of|into) (?:it|that|this|them)\b|"
                         r"i (?:will not|won t|shall not) (?:read|make) (?:anything|too much|more|something) (?:into|of) (?:it|that|this)\b|"
                         r"^ (?:(?:sorry|okay|ok|yes|right|fair enough|all right|alright|of course|ha|fair) )*i will (?:just )?(?:listen|stop|back off|leave it|drop it)\b|"
                         r"(?:maybe|perhaps) i am (?:overthinking|over thinking|reading into|over reading) (?:it|that|this|things)\b|"
                         r"\bi (?:may|might|could) (?:well )?have (?:got|read|misread|misjudged|gotten) (?:that|it|this|you) wrong\b|\bi (?:may|might) be wrong (?:about that|there|on that)\b|"
                         r"(?:maybe|perhaps) (?:that is|it is|i am being|i was being) (?:a bit |rather )?too (?:neat|simple|quick|tidy|much|strong|clever)\b|let us go with what you (?:know|said|think|feel)\b"])
#: Leaving the subject of a challenge for now ("we'll leave your dad for now").
_LEAVES = compile_any([r"\b(?:we will|we can|let us|i will) leave (?:it|that|this|your \w+|the \w+) (?:for now|there|alone|aside|for today)\b"])


#: The patient denying the therapist's reading of them in their own first words ("I really wasn't").
_DENIES_READING = compile_any([r"^ (?:(?:no|well|look|honestly) )*i (?:really |honestly |just |genuinely |certainly )?(?:was not|am not|did not|do not|have not)\b",
                               # Another account offered instead, or the reading waved away ("Or maybe I'm just funny. Lighten up.").
                               r"^ (?:or|or maybe|nah|no) (?:\w+ ){0,6}?(?:just|only)\b|\blighten up\b|not everything is about|\breading (?:too much |a lot )?into\b|\bover ?thinking\b"])


def denies_reading(p_norm: str) -> bool:
    """Whether the patient's turn opens by denying what the therapist has just read into them."""
    return _DENIES_READING.search(p_norm) is not None


def leaves_subject(t: str) -> bool:
    """Whether the therapist leaves a subject for now: backing down only once a reading or a
    challenge of theirs was pushed back on (the caller checks), not after a plain wish to move on."""
    return _LEAVES.search(t) is not None


def makes_too_much(t: str) -> bool:
    """Whether the therapist allows they are making too much of their own challenge."""
    return _TOO_MUCH.search(t) is not None


# -- self_disclosure ----------------------------------------------------------------------------
#: Likening one's own thing to the patient's ("Mine does that too", "So is mine").
_LIKENS = compile_any([r"^ (?:(?:oh|ha|yes|yeah|well|aw|god) )*(?:mine|mines)\b(?! (?:sorry|thanks|is (?:the|a) (?:blue|black|red)))|\bso (?:is|does|did|was) mine\b|\bmine (?:too|as well)\b"])
#: An object or time that makes a "mine" about the room, not a life ("is that pen yours or mine?").
_IN_ROOM = compile_any([r"\b(?:pen|pens|chair|cup|mug|paper|papers|sheet|form|copy|notes?|turn|fault|mistake|topic|go|call)\b"])
#: Asking whose something is.
_WHOSE = compile_any([r"whose|(?:yours|mine) or (?:yours|mine)|is (?:this|that|it) (?:yours|mine)"])
#: One's own habits at home ("I keep my phone in the kitchen overnight").
_OWN_KIND = compile_any([
    r"^ (?:(?:oh|well|honestly|actually) )*i am (?:a|an) (?!bit\b|little\b|lot\b)\w+(?: \w+)? (?:too|as well|myself)\b|"
    r"\bi am the (?:eldest|oldest|youngest|middle|only) (?:of|child|one|girl|boy|son|daughter)\b|"
    r"\bi (?:had|have|went to|grew up in|lived in|used) the same (?:\w+ )?(?:teacher|school|town|street|doctor|dog|car|problem|boss|course)\b|"
    r"\bi was (?:exactly |just )?the same (?:at|in|as|when) (?:school|university|uni|college|your age|a kid|a child|a teenager)\b|"
    r"\bi lost my (?:job|house|home|licence|license|mum|mom|dad|mother|father|brother|sister|husband|wife|partner|baby|son|daughter|best friend)\b|"
    r"\bi (?:trained|worked|used to work|qualified) as an? (?!\w*therap|counsel|psycholog|clinic|analyst|psychiatr|social worker)\w+\b(?:\s+\w+){0,3}?\s+(?:before|first|once|years ago)\b|\bi (?:have|ve) done (?:the same|that (?:too|myself|as well))\b|^ (?:(?:oh|yeah|honestly) )*i do the same\b|"
    r"(?:when i was a|\bi (?:(?!you\b|your\b|them\b|him\b|her\b)\w+ ){1,6}as a) (?:student|trainee|teenager|young (?:man|woman|mum|dad))\b(?!\s+(?:therapist|counsell?or|clinician))",
])
_HABIT = compile_any([
    r"\bi (?:still |always |usually |also |never |personally |myself |do )*(?:keep|leave|put|charge|switch off|turn off|sleep|go to bed|get up|wake up|drink|take)\b"
    r"(?:\s+\w+){0,5}?\s+(?:at home|overnight|at night|in (?:the|my) (?:kitchen|bedroom|house|garden|car|hall)|downstairs|before bed|in bed|every morning|on (?:the )?weekends?)\b",
])


def likens_own(t: str, p_norm: str = " ") -> bool:
    """Whether the therapist likens something of their own to the patient's ("Mine's the same").

    A "mine" that answers whose turn, pen or fault it is (in ``p_norm``, the patient's turn
    before, or in the answer itself) is about the room, not a life.
    """
    return _LIKENS.search(t) is not None and not (_IN_ROOM.search(t[:40]) or _IN_ROOM.search(p_norm) or _WHOSE.search(p_norm))


def own_habit(t: str) -> bool:
    """Whether the therapist tells a habit of their own life at home, not of the work, or what
    kind of person they are themselves ("I'm a runner too", "as a student I ...")."""
    if fp.NOT_SELF_DISCLOSURE.search(t):
        return False
    # A habit must keep off the work ("I keep the notes at the clinic"); what befell the
    # therapist ("I lost my job") may name the work and still be their own life.
    return (_HABIT.search(t) is not None and not fp.PROFESSIONAL.search(t)) or _OWN_KIND.search(t) is not None


#: A patient turn about what the therapist has just told ("What breed?", "You'll miss them").
_FOLLOW_UP_WORDS = 10
#: The answer opening the turn: not a question, not about the patient.
_HEAD_ABOUT_PATIENT = compile_any([r"^ (?:(?:so|and|but|okay|ok|right) )*(?:you|your|what|how|why|when|where|which|who|tell me|let us|can we|shall we)\b"])


def discloses_on(d: Dialogue, i: int, disclosed_before: bool) -> bool:
    """Whether the therapist answers the patient's short follow-up to a disclosure just made.

    "My boys are away now" / "You'll miss them" / "I do." goes on telling the therapist's own
    life: the patient's remark has the therapist as its subject. Saying the patient's words
    back ("It's not just us" / "It's not just you.") tells nothing new, and a follow-up that
    turns to the patient's own business ("about my forms?") is theirs.
    """
    if not disclosed_before or i < 2 or not d.is_patient(i - 1):
        return False
    p = d.norms[i - 1]
    if d.words[i - 1] > _FOLLOW_UP_WORDS or re.search(r"\b(?:i|my|me|mine|myself|us|we|our)\b", p):
        return False
    # A remark with the therapist as its subject ("You'll miss them"), not "see you". A question
    # answered in a few words ("How old are they?" / "Nine and twelve.") is not enough (dev gold).
    first = re.split(r"(?<=[.!?])\s+", d.texts[i].strip(), maxsplit=1)[0]
    if "?" in d.texts[i - 1] or _YOU_SUBJECT.search(p) is None or first.rstrip().endswith("?"):
        return False
    head = normalize(first)
    # Advice in the answer ("which is why I'd suggest ...") answers as a clinician, not about a life.
    if _HEAD_ABOUT_PATIENT.search(head) or fp.NOT_SELF_DISCLOSURE.search(head) or fp.PROFESSIONAL.search(head) or _ADVISES.search(head):
        return False
    new = [w for w in head.split() if len(w) >= 4 and w not in p.split()]
    return bool(new) or _OWN_ANSWER.search(head) is not None


#: Advice in an answer: the therapist speaking as a clinician.
_ADVISES = compile_any([r"(?:suggest|recommend|advise|i would|you should|you could|you might)"])
#: The therapist as the subject of the patient's remark ("you'll miss them"), not "see you" or "for you".
_YOU_SUBJECT = re.compile(r"(?<!for )(?<!see )(?<!thank )(?<!to )(?<!with )(?<!\w)you (?!know\b|see\b|mean\b)\w+")
#: A first-person answer ("I do", "we did").
_OWN_ANSWER = compile_any([r"^ (?:(?:yes|yeah|oh|well) )*(?:i|we) (?:do|did|am|was|will|have|had|would)"])
