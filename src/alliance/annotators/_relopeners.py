"""Patient turns that open a relationship topic the therapist's talk takes up.

The cues label what names the relationship in its own words; two readings here
move an episode's start back to the patient's turn the therapist answered: a
therapist's reflection of the patient's feelings about them ("so you felt I
wasn't listening") presupposes that the patient said it, and relationship talk
that picks up the patient's own words about coming here ("what was behind almost
cancelling?") shows that the patient opened it.
"""

from __future__ import annotations

import re

from alliance.annotators import _cues as cu
from alliance.annotators import _framerefs as fr
from alliance.annotators import _relpatterns as rp
from alliance.annotators._flagpatterns import ASKS_THERAPIST_LIFE
from alliance.annotators._framereturns import brings_frame_news, frame_return, mentions, names_frame, topics_of
from alliance.annotators.episodes import ASSENTS, ENGAGE, EPISODE_GAP, EXCUSES, REFUSAL_TURNS, utterance_stance
from alliance.annotators._lexicon import OTHERS, Dialogue, compile_any, normalize
from alliance.annotators._rupturecomplaints import complains
from alliance.annotators._rellinks import SECOND_PERSON
from alliance.annotators._rupturelexicon import REJECT, SHIFT
from alliance.annotators._stancemodel import STANCES, episode_view, load_stance_model

__all__ = ["refusals_answering", "reader_returns", "ASKS_SOFTLY", "news_pairs", "hears_report", "HEDGE", "NEWS_CONTEXT", "P_NAMES_PAIR", "FRAME_WORDS", "inherited", "reflected",
           "content_stems", "patient_may_open", "rejects_reading",
           "near_absence", "addresses_therapist", "ADDRESSED_LEAD_IN", "with_openings", "LEAD_IN",
           "answered_pairs", "declined_pairs", "DECLINED_PAIR", "READER_DECLINES", "READER_REPLY", "declined_by_reader",
           "reader_pairs", "asks_or_names_us", "about_someone_else", "READER_FRAME", "READER_SURE", "asked_openings", "ASKED_LEAD_IN", "revised_declines"]

_OTHERS = compile_any([OTHERS])
#: Words naming the room or the work, whoever says them.
FRAME_WORDS = r"\b(?:here|room|session|sessions|therapy|today)\b"
#: The patient naming the therapist or the pair.
P_NAMES_PAIR = compile_any([r"\b(?:you|your|yours|we|us|our)\b|" + FRAME_WORDS])
#: The therapist naming themselves, the pair or the work.
_T_NAMES_PAIR = compile_any([r"\b(?:i|me|my|mine|myself|we|us|our|ourselves)\b|" + FRAME_WORDS])


def about_someone_else(t: str) -> bool:
    """Whether a therapist's turn asks about someone in the patient's life and names neither
    themselves, the pair nor the work ("what is it like for you, thinking about her coming?",
    "have you told her how it is for you?")."""
    return bool(_OTHERS.search(t)) and not _T_NAMES_PAIR.search(t)


#: The therapist's "I" of a hedge ("I wonder what it's like for you ... with your father") names
#: no one in the room; right after an announcement, though, the hedge asks about the news.
HEDGE = compile_any([r"i (?:wonder|am wondering|was wondering|think|guess|suppose|imagine|am curious|would like to know|want to ask)"])
#: "How was that to hear?": asking how someone's words landed.
_HEAR_REACTION = compile_any([r"(?:to hear|hearing)(?: (?:that|this|it|him|her|them))?|(?:like|feel) to hear|(?:was|is) (?:that|it) to hear"])
#: Hearing someone say something ("hearing Lee say that").
_HEARS_SAY = compile_any([r"(?:hear|hearing) \w+(?: \w+)? (?:say|saying|said|talk|talking)"])
#: Someone else's words reported ("my son said ...", 'she said, "Mam, ..."').
_QUOTES = re.compile(r"[\"\u201c]")


def hears_report(d: Dialogue, i: int) -> bool:
    """Whether therapist turn ``i`` only asks how someone else's reported words landed.

    "I'm curious, how was that to hear?" right after 'our Debbie said, "Mam, you never
    listen"' asks about the daughter, however recently the sessions were rearranged. In the
    opened gold splits none of the 52 such turns was relationship talk; the questions about
    someone's words that were carried words of their own about the two of them ("I came in
    hard there"), or more than twelve words.
    In joint work, so does a question about hearing the other client ("Donna, what's it like
    hearing Lee say sometimes?") that names neither the therapist nor the work. Such a turn
    may not open an episode; it still joins one that the words it asks about belong to.
    """
    if i == 0 or not d.is_therapist(i) or not d.is_patient(i - 1) or d.words[i] > 12:
        return False
    if not _HEAR_REACTION.search(d.norms[i]):
        return False
    if d.client_names is not None and not _T_NAMES_PAIR.search(HEDGE.sub(" ", d.norms[i])) and any(
            m.start() > 1 for m in d.client_names.finditer(d.norms[i])) and _HEARS_SAY.search(d.norms[i]):
        return True  # "Donna, what's it like hearing Lee say sometimes?": the other client's words
    return bool(cu.REPORTED.search(d.norms[i - 1]) or _QUOTES.search(d.texts[i - 1]))


def inherited(subtype: str) -> str:
    """The subtype a turn takes over from the relationship talk it answers or continues."""
    # Immediacy is the therapist telling their own feeling; what follows it (the
    # patient's answer, the therapist's next line) is about feelings between them.
    return "feelings_about_therapist" if subtype == "immediacy" else subtype


#: A therapist turn that reflects what the patient just said ("so you felt I wasn't
#: listening", "it sounds like part of you ...").
_REFLECTS = compile_any([
    r"^ (?:(?:so|and|mm|okay|right|yeah) )*(?:you|part of you|it sounds like|sounds like|it seems like|it sounds as if|what i am hearing|"
    r"you are saying|you are telling me|so it felt|it felt|there is a part of you)\b",
])


def reflected(d: Dialogue, cues: list[str | None], labels: list[str | None]) -> set[int]:
    """Label the patient turn a therapist's relationship reflection mirrors.

    The codebook's "a therapist's reflection of the patient's feelings about the
    therapist" presupposes that the patient said it: when the therapist's reflection
    is relationship talk in its own words and the patient's turn just before names
    the two of them, that turn opened the topic, in words the cues did not list.
    Returns the turns so labelled: each opens its own chain.
    """
    opened: set[int] = set()
    for i in range(1, d.n):
        p = i - 1
        if cues[i] not in ("feelings_about_therapist", "here_and_now", "transference_link") \
                or not d.is_therapist(i) or d.questions[i] or labels[p] is not None:
            continue
        if not d.is_patient(p) or d.acks[p] or d.words[p] < 4 or not _REFLECTS.search(d.norms[i]):
            continue
        if P_NAMES_PAIR.search(d.norms[p]) and not cu.REPORTED.search(d.norms[p]):
            labels[p] = cues[i]
            opened.add(p)
    return opened | _taken_up(d, cues, labels)


#: Words too common to show that the therapist took up the patient's turn.
_COMMON = frozenset("about after again always before being could doing going really right should something "
                    "there their these thing things think those today where which would yeah little maybe".split())


def _taken_up(d: Dialogue, cues: list[str | None], labels: list[str | None]) -> set[int]:
    """Label the patient turn the therapist's relationship talk takes up, and return them.

    When the patient's first words about coming here or the frame ("I almost
    cancelled today") are answered by the therapist's relationship talk that picks up
    their words ("I'm glad you came. What was behind almost cancelling?"), the patient
    opened the topic: the episode, and its initiator, start with the patient's turn.
    """
    opened: set[int] = set()
    for i in range(1, d.n):
        p = i - 1
        if cues[i] is None or not d.is_therapist(i) or labels[p] is not None or not d.is_patient(p):
            continue
        if d.acks[p] or d.words[p] < 4 or cu.REPORTED.search(d.norms[p]) or _OTHERS.search(d.norms[p]):
            continue
        if d.questions[p] or not (fr.P_NEAR_ABSENCE.search(d.norms[p]) or cu.FRAME_P_WIDE.search(d.norms[p])
                                  or rp.FRAME_P.search(d.norms[p])):
            continue  # only coming here, or the frame, named without feeling: the taking up gives it
        if content_stems(d.norms[p]) & content_stems(d.norms[i]):
            labels[p] = inherited(cues[i])
            opened.add(p)
    return opened


def content_stems(t: str, shortest: int = 5) -> set[str]:
    """Five-letter stems of the uncommon words of normalised text ``t`` at least ``shortest`` long."""
    return {w[:5] for w in t.split() if len(w) >= shortest and w not in _COMMON}


#: "You" as a filler ("you know", "you see"), which names no one.
_FILLER_YOU = compile_any([r"\byou (?:know|see)\b|\bmind you\b"])
#: The end of the work, named without "you" or "here" ("thinking about ending scares me").
_ENDING = compile_any([r"\b(?:ending|endings|finishing|stopping) (?:therapy|this|these|soon|and|scares|worries)\b|"
                       r"\b(?:thinking|thought|worried|worry) about (?:ending|finishing|stopping)\b"])


def patient_may_open(d: Dialogue, i: int, proba, add: float, surer: float) -> bool:
    """Whether the learned scorer may open an episode on patient (or relative) turn ``i``.

    A patient's turn the scorer is sure of is often feeling talk about their own
    life ("it makes me feel like I count, you know"), which opened false episodes on
    real sessions. So it must be at least ``surer`` sure and the turn must name the
    therapist, the pair, the work or its ending (a filler "you know" names no one),
    or answer a therapist turn the scorer reads as relationship talk (at least ``add``).
    """
    if proba[i] < surer:
        return False
    t = d.norms[i]
    if P_NAMES_PAIR.search(_FILLER_YOU.sub(" ", t)) or _ENDING.search(t):
        return True
    return i > 0 and d.is_therapist(i - 1) and proba[i - 1] >= add


def near_absence(d: Dialogue, labels: list[str | None], proba, add: float) -> None:
    """Label a patient's "I nearly didn't come today" the scorer reads as relationship talk.

    Saying they almost stayed away is talk about coming here (``here_and_now``), but
    alone it is less sure to the scorer than its ``start``. The rules' own reading of
    it (:data:`alliance.annotators._framerefs.P_NEAR_ABSENCE`) lets it stand when the
    scorer is at least ``add`` sure, or when the therapist's next turn takes up its
    words ("what made you nearly turn round?"). ``labels`` is updated in place.
    """
    for i in range(d.n):
        if labels[i] is not None or not d.is_patient(i) or not fr.P_NEAR_ABSENCE.search(d.norms[i]):
            continue
        taken_up = i + 1 < d.n and d.is_therapist(i + 1) and bool(
            content_stems(d.norms[i]) & content_stems(d.norms[i + 1]))
        if proba[i] >= add or taken_up:
            labels[i] = "here_and_now"


#: How sure the scorer must be of a patient's turn that speaks to the therapist about
#: them ("every week you end up on her side") for it to open the episode the
#: therapist's reply starts (see :func:`addresses_therapist`).
ADDRESSED_LEAD_IN = 0.2
#: "You" as the therapist doing, thinking or being something.
_YOU_DO = compile_any([
    r"\byou (?:are|were|always|never|keep|just|probably|do not|did not|did|do|even|must|seem|sound|look|think|"
    r"reckon|get|end up|turn|cut|let|nod|ask|make|made|said|told|took|talk|talked|only|will not|would not|"
    r"could|can not|have|had|have only|twist\w*|sound|sounded|looked|looking|read|write|writing|wrote|pushed|"
    r"pushing|jumped|jumping|put|putting|will|would)\b|\byour\b",
])
#: "You" that names no one, or thanks; and deference ("whatever you think is best"), which
#: hands the therapist the decision rather than saying anything about them.
_NOT_ADDRESS = compile_any([
    r"\byou (?:know|see)\b|\bmind you\b|\bthank you\b|\bsee you\b|\bare you (?:okay|ok|well)\b|\bto your face\b|"
    r"\bwhatever you (?:think|say|want|decide|feel)\b|\byou (?:know|would know) (?:best|better)\b|\bif you (?:think|say) so\b",
])
#: A therapist's turn that brings up a topic of its own rather than answering the one before.
_RAISES = compile_any([
    r"^ (?:(?:okay|right|so|well|now|and|good|thanks|thank you) )*(?:before (?:we|i|you)|i want(?:ed)? to "
    r"(?:start|ask|mention|bring|check|come back|go back|say something)|can i (?:ask|bring|come back|check|"
    r"go back|say)|could i (?:ask|bring|check)|there is something|one (?:more|other) thing|i (?:have|need) to "
    r"(?:tell|let you know|mention)|i wonder(?:ed)? if we could|changing (?:the )?subject|on another note)",
])


def addresses_therapist(d: Dialogue, i: int) -> bool:
    """Whether patient (or relative) turn ``i`` speaks to the therapist about the therapist,
    and the therapist's next turn answers it rather than raising a topic of its own.

    The opening of a patient-initiated episode is often a remark about what the
    therapist does or is ("why do you always ask Mum first?", "you probably reckon
    I'm a lost cause"), in words no cue lists, which the therapist's reply then
    takes up as relationship talk. Questions about the therapist's life, thanks
    and filler "you"s do not count.
    """
    if d.is_therapist(i) or i + 1 >= d.n or not d.is_therapist(i + 1) or not d.you_is_therapist(i):
        return False
    t = _NOT_ADDRESS.sub(" ", d.norms[i])
    if not _YOU_DO.search(t) or ASKS_THERAPIST_LIFE.search(t) or cu.REPORTED.search(d.norms[i]):
        return False
    return not _RAISES.search(d.norms[i + 1])


#: How sure the scorer must be of the turn just before an episode for it to be the opening.
LEAD_IN = 0.65
#: ... when the therapist's turn that starts the episode takes that turn up as said to them
#: ("that's a fair thing to say", "you're right", "I'm glad you asked me straight out").
ACKED_LEAD_IN = 0.1
TAKES_REMARK = compile_any([
    r"^ (?:(?:okay|mm|yeah|well|honestly) )*(?:that is (?:a |really |very |such a )*(?:fair|useful|helpful|important|good)\b|"
    r"you are (?:right|absolutely right|quite right)\b|i am glad you (?:said|asked|told|raised|brought)\b|"
    r"thank you for (?:saying|telling|asking|raising|being straight)\b|it does not sound (?:stupid|silly|daft|weird)\b|"
    r"fair (?:enough|point|question)\b|i hear (?:that|you)\b|"
    # An apology at once ("I'm sorry, that came out harder than I meant", "that's on me"): the
    # remark before it was about what the therapist did.
    r"(?:i did )?i am (?:so |really |very )?sorry\b(?! to hear| for your| about your| that you| you)|that is on me\b)",
])


#: ... when the patient's turn first asks leave to speak plainly or announces it ("can I be
#: honest?", "can I ask you something?", "I'm just going to say it"; not a bare "honestly",
#: which as often only stresses the patient's own story): what follows is said to the
#: therapist, and their answering relationship talk takes it up. A complaint about the
#: therapist or the therapy (:func:`~alliance.annotators._rupturecomplaints.complains`: "why do you keep
#: bringing it back to my mother?") is said to them in the same way: the patient raised it.
CANDID_LEAD_IN = 0.1
#: ... when both hold: the patient asks leave to speak and the therapist thanks them for what they
#: said. Two independent signs that the turn was said to the therapist; the scorer, reading a
#: story about the week in it ("some of the money was from my brother's till"), may give it little.
CANDID_ACKED_LEAD_IN = 0.02
_CANDID = compile_any([
    # A form of address may come first ("Hocam, can I say something?").
    r"^ (?:(?:okay|ok|right|so|well|look|um|uh|and|but|yeah|actually|honestly) )*(?:[a-z]+ )?(?:"
    r"can i (?:be (?:honest|straight|blunt|frank)|ask you something|say something|tell you something|just say)|"
    r"i am (?:just )?going to say it|i will just say it|(?:me )?gon just say it|i need to say something|"
    r"there is something i (?:need|want) to (?:say|tell you|ask))\b",
])


#: How sure the scorer must be of a patient's turn just before the therapist comes back to the
#: frame, for the turn to open that episode (:func:`with_openings`): a return is the therapist's
#: own move, and on the gold splits the turns before one that the scorer gave less were not
#: relationship talk (3 of 3; the two it gave 0.6 or more were).
RETURN_LEAD_IN = 0.6


#: What a therapist's turn coming back to an earlier frame topic is labelled: the question itself,
#: or the pattern noticed in the answers ("I notice you make a joke each time I bring up the move").
_RETURNS_AS = frozenset({"frame_feelings", "here_and_now"})


def with_openings(d: Dialogue, labels: list[str | None], proba, subtypes: list[str],
                  may_start: list[bool]) -> list[str | None]:
    """Add the turn that opens an episode when only the turn answering it was labelled.

    The first utterance of an episode is where it gets its initiator, and it is
    the one most often missed: a patient's opening in new words ("can I say
    something before I go?") reads as less sure than the therapist's reply that
    picks it up. A patient's (or relative's) turn just before an episode's first
    utterance joins it when the scorer is at least :data:`LEAD_IN` sure of it and
    it names the therapist or the pair, so a missed opening no longer hands the
    episode to the therapist who answered.
    """
    out = list(labels)
    for i in range(d.n - 1):
        nxt = i + 1
        candid = d.is_therapist(nxt) and not d.is_therapist(i) and bool(_CANDID.search(d.norms[i]) or complains(d, i))
        acked = d.is_therapist(nxt) and bool(TAKES_REMARK.search(d.norms[nxt]))
        lead_in = CANDID_ACKED_LEAD_IN if candid and acked else ACKED_LEAD_IN if acked else (
            CANDID_LEAD_IN if candid else ADDRESSED_LEAD_IN if addresses_therapist(d, i) else LEAD_IN)
        # Said plainly to the therapist and taken up as relationship talk, a candid turn or a complaint
        # opens the episode whatever it names ("can I be straight? This homework feels like health class").
        # In joint work "you" may be the partner, so a turn may not open on its own; the therapist
        # answering "you're right that I let him go first" says it was said to them.
        if out[i] is not None or out[nxt] is None or d.acks[i] or not (may_start[i] or candid or acked) \
                or proba[i] < lead_in:
            continue
        if d.is_therapist(i) or not (candid or P_NAMES_PAIR.search(d.norms[i])):
            # A therapist's turn before the patient's opening is usually the question the patient
            # answered in new words, not an opening; "it's fine, I'm used to it" names no pair.
            continue
        if any(out[j] is not None for j in range(max(0, i - EPISODE_GAP - 1), i)):
            continue  # not an opening: the turn would join (or already sits in) an earlier episode
        if out[nxt] in _RETURNS_AS and d.is_therapist(nxt) and "frame_feelings" in out[:i] \
                and proba[i] < RETURN_LEAD_IN and not acked:
            # The therapist coming back to the frame opens the return themselves; not when
            # their turn takes the patient's up ("I'm glad you said that").
            continue
        out[i] = subtypes[i]
    return out


#: A question put as a musing ("I'm wondering how the month between my visits will be for you").
ASKS_SOFTLY = compile_any([r"\bi (?:wonder|am wondering|was wondering|would like to know|am curious)\b"])
#: An answer this long is the patient telling their story, which the scorer reads as feeling
#: talk wherever it goes; a reply to a relationship question is shorter.
PAIR_REPLY_WORDS = 30
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")


def answer_words(d: Dialogue, j: int) -> int:
    """How many words of patient turn ``j`` answer the turn before it: the whole turn, or the
    words before a sentence that changes the subject ("Can we not go round that again? I said
    it's fine. Anyway, I wanted to ask you about the tablets ..."). The seed pattern's refusal
    often ends in its own topic shift, which is no story told in answer. Hesitations
    ("um", "uh") are not counted."""
    sentences = _SENTENCE_END.split(d.texts[j].strip())
    for k in range(1, len(sentences)):
        if SHIFT.search(normalize(sentences[k])):
            return _spoken_words(normalize(" ".join(sentences[:k])))
    # A speech recogniser's run-on turn has no sentences: "... i said that um anyway the bank".
    turn = _TURNS_TO.search(d.norms[j])
    if turn and _spoken_words(d.norms[j][:turn.start()]) >= 3:
        return _spoken_words(d.norms[j][:turn.start()])
    return _spoken_words(d.norms[j])


#: Words that change the subject inside a turn.
_TURNS_TO = compile_any([r"\b(?:anyway|anyways|anyhow|on another note|changing the subject|by the way)\b"])


#: Hesitations a speech recogniser writes out ("uh it was um it was fine"), which make no answer longer.
_FILLERS = frozenset({"um", "uh", "er", "erm", "uhm", "hmm", "mm", "ah"})


def _spoken_words(norm: str) -> int:
    return sum(w not in _FILLERS for w in norm.split())


def answered_pairs(d: Dialogue, labels: list[str | None], proba, subtypes: list[str], may_start: list[bool],
                   sure: float) -> list[str | None]:
    """Open an episode on a therapist's turn and the patient's answer when the scorer is fairly sure of both.

    A therapist's question about a frame event in new words ("how was it, having
    someone else cover that week?") and the patient's answer ("it was fine, it's
    not like you died") may each fall short of the scorer's ``start``; both at
    least ``sure`` is stronger evidence than either alone, since a false alarm
    rarely comes in a matched pair. The therapist's turn must ask (a question or a
    musing) and be one that may open an episode (``may_start``: it names the pair or
    the work); the answer must be short of a story (:data:`PAIR_REPLY_WORDS`).
    """
    out = list(labels)
    for i in range(d.n - 1):
        j = i + 1
        if out[i] is not None or out[j] is not None or not d.is_therapist(i) or not d.is_patient(j):
            continue
        if not may_start[i] or not (d.questions[i] or ASKS_SOFTLY.search(d.norms[i])):
            continue  # "you said you wanted to come back to the fee" arranges; it does not ask
        if _rejects_content(d, i, j) or about_someone_else(d.norms[i]) or hears_report(d, i):
            continue
        if proba[i] >= sure and proba[j] >= sure and not d.acks[j] and answer_words(d, j) < PAIR_REPLY_WORDS:
            out[i], out[j] = subtypes[i], subtypes[j]
    return out


def rejects_reading(d: Dialogue, j: int) -> bool:
    """Patient turn ``j`` refuses what the therapist said ("no, that's just wrong, I'm scared of
    failing") with no clause about the therapist: a rejected intervention, which is relationship
    talk only when it says something about the therapist (codebook, decision 5). The scorer
    alone may not open an episode on it."""
    return bool(REJECT.search(d.norms[j])) and not SECOND_PERSON.search(_INSISTS.sub(" ", d.norms[j]))


#: Insisting on what the patient already said ("it's the weather, I told you"): the "you" says
#: nothing about the therapist.
_INSISTS = compile_any([r"(?:i|i have|i have already|i already) (?:told|tell) you|i am telling you|like i said to you"])


def _rejects_content(d: Dialogue, i: int, j: int) -> bool:
    """The answer ``j`` refuses the reading ``i``, and the reading names no frame (a refused frame
    question is the seed pattern's decline: :func:`declined_pairs`)."""
    t = d.norms[i]
    return rejects_reading(d, j) and not (rp.FRAME_T.search(t) or cu.FRAME_T_WIDE.search(t) or fr.ANNOUNCE_WIDE.search(t))


#: How sure the stance reader must be that a frame turn and its answer, read as an episode, are a
#: refusal, when the refusal's words are in no phrase list (see :func:`declined_pairs`). Chosen on
#: splits held out of both scorers (test77..test92, where 0.90 already opened a control); checked on
#: new authors' splits before they were trained on (model card).
READER_DECLINES = 0.95
#: How sure the scorer must be of the answer for the stance reader to be asked (the gate:
#: the scorer does not rule the answer out as relationship talk).
READER_REPLY = 0.1


def declined_by_reader(d: Dialogue, labels: list[str | None], subtypes: list[str], i: int, j: int) -> float:
    """The stance reader's probability that the pair ``i``, ``j``, read as one episode, is declined.

    0 when the reader's artifacts are absent (the rules then decide alone).
    """
    reader = load_stance_model()
    if reader is None:
        return 0.0
    rel = list(labels)
    rel[i], rel[j] = rel[i] or subtypes[i], rel[j] or subtypes[j]
    return float(reader.proba([episode_view(d, i, j, rel, None)])[0][STANCES.index("declined")])


#: A question whose only object is "it" or "that" ("can I ask, how are you with it?"), which
#: refers to what was said just before.
_ASKS_ABOUT_IT = compile_any([r"^ (?:(?:so|and|okay|can i ask|may i ask|mm|right) )*(?:how are you|how do you feel|how is it|"
                              r"what is it like|how does it feel) (?:with|about|for you with) (?:it|that|all that)(?: now)? $"])


def _asks_about_news(d: Dialogue, labels: list[str | None], i: int) -> bool:
    """Therapist turn ``i`` asks only how the patient is with "it", right after the patient's own
    news ("the wedding is definitely happening" / "can I ask, how are you with it?")."""
    return bool(_ASKS_ABOUT_IT.search(d.norms[i])) and i > 0 and d.is_patient(i - 1) and labels[i - 1] is None


#: How sure the scorer must be of each turn of a therapist's frame turn and the patient's
#: refusal of it to open an episode on the two (see :func:`declined_pairs`).
DECLINED_PAIR = 0.3
#: How sure the scorer must be of the therapist's question when the refusal excuses the
#: therapist (:data:`alliance.annotators.episodes.EXCUSES`): the gate.
EXCUSED_PAIR = 0.1
#: How sure the scorer must be that a therapist's turn is about the frame, when no frame word
#: or earlier frame talk says so (see :func:`declined_pairs`).
SURE_FRAME = 0.4
#: How sure it must be for the patient's refusal alone to confirm the pair.
SUREST_FRAME = 0.6
#: "I said it's fine", said again in answer: a refusal now, however it reads as a report.
_SAID_FINE = compile_any([r"\bi (?:said|told you|have said|have told you)\b(?:\s+\w+){0,6}?\s+(?:fine|okay|ok|alright|all right|grand)\b(?! but\b)"])


#: A reply that starts by refusing ("No, is only manners", "nah, that's not it").
_STARTS_NO = compile_any([r"^ (?:(?:oh|well|um|uh|ah|och|ach|look|honestly) )*(?:no|nope|nah|naw)\b"])


def refusals_answering(d: Dialogue, labels: list[str | None], proba, subtypes: list[str]) -> list[str | None]:
    """Add the patient's plain refusal of a therapist's turn the scorer labelled.

    The rules carry a cue's label to its answer, but a therapist's turn only the scorer
    read as relationship talk ("I notice you're looking after me quite carefully, just
    before I go away") passes nothing on, and the refusal after it ("No, is only manners")
    is seldom sure on its own. A "no" right after relationship talk is the patient's
    decline (codebook): it joins the episode when it is short of a story and the scorer
    gives it at least :data:`READER_REPLY`.
    """
    out = list(labels)
    for i in range(d.n - 1):
        j = i + 1
        if labels[i] is None or labels[j] is not None or not d.is_therapist(i) or not d.is_patient(j):
            continue
        if d.acks[j] or proba[j] < READER_REPLY or answer_words(d, j) >= PAIR_REPLY_WORDS or not _STARTS_NO.search(d.norms[j]):
            continue
        if utterance_stance(d.norms[j], True) == (True, False):
            out[j] = "frame_feelings" if labels[i] == "frame_feelings" else subtypes[j]
    return out


def declined_pairs(d: Dialogue, labels: list[str | None], proba, subtypes: list[str], may_start: list[bool],
                   sure: float = DECLINED_PAIR) -> list[str | None]:
    """Open an episode on a therapist's frame turn and the patient's refusal of it.

    The seed pattern's returns are short: the therapist comes back to the break
    ("what was it like not having this on a Thursday?") and the patient waves it
    away ("honestly, it's fine, you've got other folk to see"). Each turn alone is
    often less sure to the scorer than its ``start``, but a frame turn answered at
    once by a refusal in the decline wording of
    :data:`alliance.annotators.episodes.DECLINE` is the pattern itself.

    - The therapist's turn must be at least ``sure`` to the scorer, name the pair or
      the work (``may_start``) or ask for a reaction, and be about the frame: named in
      the frame lexicons, after earlier frame talk in the session (a return names the
      break in its own words: "those two weeks with no visits"), or read as frame talk
      by the scorer at :data:`SURE_FRAME`.
    - The refusal must be short of a story and at least ``sure`` to the scorer, unless
      the scorer reads the therapist's turn as frame talk at :data:`SUREST_FRAME`;
      resting on the scorer's word alone, it must be a plain refusal.
    - A refusal already labelled, opening its own episode, gets its question the same
      way: the therapist, not the patient, opened the episode.
    - When the answer's words are in no decline list (and voice no feeling), or the scorer
      doubts the answer, a therapist's question the scorer reads as frame talk
      (:data:`SURE_FRAME`) still opens the pair if the scorer gives the answer at least
      :data:`READER_REPLY` and the learned stance reader
      (:mod:`alliance.annotators._stancemodel`) reads the two turns as a declined episode
      at :data:`READER_DECLINES`.
    """
    out = list(labels)
    frame_seen = False
    for i in range(d.n - 1):
        frame_seen = frame_seen or out[i] == "frame_feelings"
        j = i + 1
        if out[i] is not None or not d.is_therapist(i) or not d.is_patient(j):
            continue
        if out[j] is not None and any(out[k] is not None for k in range(max(0, i - EPISODE_GAP), i)):
            continue  # the reply sits inside an episode already: not an opening
        t = d.norms[i]
        if about_someone_else(t) or hears_report(d, i) or _rejects_content(d, i, j):
            continue  # a refusal of a question about her visit refuses nothing about the two of them
        asks = cu.T_REACTION_WIDE.search(t) or cu.T_OPEN_Q.search(t) or fr.T_REACTION_MORE.search(t)
        sure_frame = subtypes[i] == "frame_feelings" and proba[i] >= SURE_FRAME
        # The scorer very sure the therapist's turn is about the frame: the refusal alone confirms it.
        surest = subtypes[i] == "frame_feelings" and proba[i] >= SUREST_FRAME
        # The seed pattern's own refusal ("it's not your decision, you lot have waiting lists")
        # says what the therapist's turn was about: the scorer need only not rule it out.
        sure_asked = EXCUSED_PAIR if EXCUSES.search(d.norms[j]) and (asks or d.questions[i]) else sure
        if not (may_start[i] or asks or surest) or d.acks[j] or answer_words(d, j) >= PAIR_REPLY_WORDS or proba[i] < sure_asked:
            continue
        own_frame = sure_frame or out[j] is not None and "frame_feelings" in (subtypes[i], out[j]) \
            or rp.FRAME_T.search(t) or cu.FRAME_T_WIDE.search(t) or fr.ANNOUNCE_WIDE.search(t)
        if not (frame_seen or own_frame):
            continue
        if not own_frame and not (asks or d.questions[i] or ASKS_SOFTLY.search(t)):
            continue  # "thank you for putting me right" after frame talk asks nothing: "it's okay" accepts it
        if not own_frame and _asks_about_news(d, out, i):
            continue  # "how are you with it?" right after "the wedding is happening": the patient's news
        declines, engages = utterance_stance(d.norms[j], True)
        if surest and (not (may_start[i] or asks) or out[j] is None and proba[j] < sure):
            # On the scorer's word alone, a plain refusal only: not "yeah, it's fine, let's do that".
            declines = declines and not (ENGAGE.search(d.norms[j]) or ASSENTS.search(d.norms[j]))
        read = not (out[j] is None and proba[j] < sure and not surest) and bool(declines or _SAID_FINE.search(d.norms[j]))
        if not read and not engages and sure_frame and proba[j] >= READER_REPLY and (asks or d.questions[i] or surest):
            # A refusal in words no phrase list has ("ah go on, get the hip seen to, I'll be
            # grand"): the scorer reads the therapist's turn as frame talk and does not rule
            # the answer out, and the stance reader, reading the pair as an episode, is all but
            # sure it is declined. The reader judges stance, not whether a turn is relationship
            # talk: on AnnoMI, without the scorer's two conditions, it read six MI exchanges
            # ("how would it be for your mum?" / "I think she'd be proud of me") as refusals.
            # Nor is it asked about an answer the rules read as voicing a feeling ("I felt safer
            # up there"): a "fair enough" after it sways the reader, not the answer.
            read = declined_by_reader(d, out, subtypes, i, j) >= READER_DECLINES
        if read:
            out[i], out[j] = subtypes[i], out[j] or subtypes[j]
    return out


#: How sure the scorer must be that a therapist's turn is frame talk for :func:`reader_pairs`.
READER_FRAME = 0.15
#: How sure the stance reader must be that the pair is a declined episode, there.
READER_SURE = 0.97
#: The fewest words of an answer the reader reads for :func:`reader_pairs`.
READER_WORDS = 5


def _unopened_pair(d: Dialogue, labels: list[str | None], i: int) -> bool:
    """Whether therapist turn ``i`` and the patient's answer could open an episode as a pair.

    Both unlabelled, nothing labelled just before (inside or right after an episode is not an
    opening), and an answer of :data:`READER_WORDS` words or more but short of a story: a bare
    "no, not really" gives the stance reader nothing to read. Not a therapist's turn about
    their own life ("I've never been on a jury, I'm nervous myself"): answered "you'll be
    fine", it is the patient reassuring them (codebook decision 24), not a refusal.
    """
    j = i + 1
    return j < d.n and labels[i] is None and labels[j] is None and d.is_therapist(i) and d.is_patient(j) \
        and not any(labels[k] is not None for k in range(max(0, i - EPISODE_GAP), i)) \
        and READER_WORDS <= d.words[j] and answer_words(d, j) < PAIR_REPLY_WORDS and not cu.own_life(d.norms[i]) \
        and not hears_report(d, i)


def _refused_frame_pair(d: Dialogue, labels: list[str | None], subtypes: list[str | None], i: int) -> bool:
    """Whether the stance reader, reading therapist turn ``i`` and its answer as frame talk over
    ``subtypes``, is :data:`READER_SURE` the pair is a declined episode."""
    rel = list(subtypes)
    rel[i] = rel[i + 1] = "frame_feelings"
    return declined_by_reader(d, labels, rel, i, i + 1) >= READER_SURE


#: A question put without a question mark or a question word first, as speech recognition
#: writes it ("so the three week gap ... how do you think that one will go for you").
_HOW_FOR_YOU = compile_any([r"\bhow (?:do|did|does|are|is|was|will|would|have|has) (?:you|it|that|this)\b|\bhow you\b"])


def asks_or_names_us(d: Dialogue, i: int) -> bool:
    """Whether therapist turn ``i`` asks something or names the pair or the work: a remark that
    does neither ("six weeks is a long time to look after someone", "it doesn't affect anything
    for you") is no question the patient could refuse, nor is a reminder about money that asks
    no feeling."""
    t = d.norms[i]
    if fr.PAYING.search(t) and not fr.FEELING_ASKED.search(t):
        return False  # "just a reminder, it's forty-eight hours' notice or I do have to charge"
    return d.questions[i] or bool(ASKS_SOFTLY.search(t) or _HOW_FOR_YOU.search(t) or _T_NAMES_PAIR.search(t)
                                  or rp.T_REACTION_Q.search(t) or fr.T_REACTION_MORE.search(t))


def reader_pairs(d: Dialogue, labels: list[str | None], proba, subtypes: list[str]) -> list[str | None]:
    """Open an episode on a frame turn the scorer half believes and a refusal the reader is sure of.

    The seed pattern's first question is plain ("how are you feeling about that change?",
    "what was it like for you when the group was called off?") and its refusal is in the
    patient's own words ("it is whatever man, I get it, you got a waitlist"). The scorer,
    which reads one turn of context and learned from MI sessions full of "how do you feel
    about that", gives such a question as little as 0.15, and the pair then opens nowhere,
    so every return after it counts for nothing. When the scorer reads the therapist's turn
    as frame talk at :data:`READER_FRAME` at least, does not rule the short answer out
    (:data:`READER_REPLY`), and the stance reader reads the two as a declined episode at
    :data:`READER_SURE`, the pair is an episode. Chosen on splits held out of both scorers
    (test77 .. test92, test99 .. test114: 7 such pairs, all relationship talk in gold) and
    checked on test123 .. test130 and test131 .. test138 (5 of 5; model card). The answer
    must have :data:`READER_WORDS` words ("No, it's not." gives the reader nothing to read),
    and a question about someone else in the patient's life (:func:`about_someone_else`)
    opens nothing, nor does a remark that neither asks nor names the two of them
    (:func:`asks_or_names_us`; a rebuilt scorer half believed "six weeks is a long time to
    look after someone" in a dev control).
    """
    out = list(labels)
    for i in range(d.n - 1):
        j = i + 1
        if not _unopened_pair(d, out, i) or subtypes[i] != "frame_feelings" or proba[i] < READER_FRAME \
                or proba[j] < READER_REPLY or about_someone_else(d.norms[i]) or _asks_about_news(d, out, i) \
                or not asks_or_names_us(d, i):
            continue
        if declined_by_reader(d, out, subtypes, i, j) >= READER_SURE:
            out[i], out[j] = subtypes[i], subtypes[j]
    return out


#: How far back the therapist's news may lie for a question about "that" to ask about it.
NEWS_CONTEXT = 5
#: A question that points back at news ("how is that for you?", "how was the wait?",
#: "what goes on inside when you hear that?").
_ASKS_ABOUT_NEWS = compile_any([
    r"\bhow (?:is|was|does|did|would|will|has) (?:that|it|this)\b",
    r"\bwhat (?:is|was|would|has) (?:that|it|this) (?:been )?like\b",
    r"\bwhat (?:goes|went) on (?:inside|in you|for you)\b",
    r"\bhow (?:was|is) the (?:wait|waiting|gap|break|change|letter|news)\b",
    r"\bwhen you (?:heard|hear|got|saw|read|found out)\b",
    # The question put indirectly, as speech recognition writes it without a question mark
    # ("I'd like to know how that's been for you", "I wanted to ask how that is for you").
    r"\bhow (?:that|it|this) (?:is|was|has been|is been|would be|will be|feels|felt|sits|sat|lands|landed)\b",
])


def news_pairs(d: Dialogue, labels: list[str | None], subtypes: list[str]) -> list[str | None]:
    """Open an episode on a question about the therapist's frame news and a refusal the reader is sure of.

    "So, as the letter said, the clinic has cut our visits to twenty-five minutes. How is
    that for you?" / "Oh, twenty-five is plenty.": the seed pattern's first exchange, with
    the frame named in the news rather than in the question, which the scorer (one turn of
    context) then reads as an ordinary "how is that for you". When the therapist told of
    a change to the frame (:func:`brings_frame_news`) at most :data:`NEWS_CONTEXT` turns
    before (or in the question itself), asks about it in words that point back to it (with or
    without a question mark: speech recognition writes none, nor does "I'd like to know how
    that's been for you"), and the stance reader reads the question and the answer as a
    declined episode at :data:`READER_SURE`, the pair is an episode.
    """
    out = list(labels)
    for i in range(d.n - 1):
        j = i + 1
        if not _unopened_pair(d, out, i) or not _ASKS_ABOUT_NEWS.search(d.norms[i]) or about_someone_else(d.norms[i]):
            continue
        if not any(d.is_therapist(k) and brings_frame_news(d, k) for k in range(max(0, i - NEWS_CONTEXT), i + 1)):
            continue
        if _refused_frame_pair(d, out, subtypes, i):
            out[i] = out[j] = "frame_feelings"
    return out


def reader_returns(d: Dialogue, labels: list[str | None]) -> list[str | None]:
    """Read a return to the frame that neither the rules nor the scorer caught, by its refusal.

    After frame talk, a therapist's turn that names a frame topic raised before ("how's the
    shorter visit feeling so far?") or goes back to it (:func:`frame_return`), answered by
    the patient in a turn the stance reader reads, with it, as a declined episode at
    :data:`READER_SURE`, is a return and its refusal.
    """
    out = list(labels)
    topics: set[str] = set()
    for i in range(d.n - 1):
        if out[i] in ("frame_feelings", "transference_link"):
            topics |= topics_of(d, i, i)
            continue
        j = i + 1
        if not topics or not _unopened_pair(d, out, i) or d.acks[i] or d.acks[j] or about_someone_else(d.norms[i]):
            continue
        if not (frame_return(d, i, topics) or names_frame(d, i)) and not (
                mentions(d.norms[i], topics) and (d.questions[i] or ASKS_SOFTLY.search(d.norms[i])
                                                  or fr.FEELING_ASKED.search(d.norms[i]))):
            # Only a topic word in a turn that asks and feels nothing ("I'll send you the video
            # link by email on Monday"): arranging, whatever the answer.
            continue
        if _refused_frame_pair(d, out, out, i):
            out[i] = out[j] = "frame_feelings"
    return out


#: How sure the scorer must be of a therapist's turn just before a patient's opening for the
#: turn to be the episode's real opening (see :func:`asked_openings`).
ASKED_LEAD_IN = 0.4


def asked_openings(d: Dialogue, labels: list[str | None], proba, subtypes: list[str],
                   may_start: list[bool]) -> list[str | None]:
    """Give an episode the patient's answer opens the therapist's question just before it.

    When the patient's answer ("Bus. Honestly, it's the 515.") is labelled and the
    therapist's turn it answers ("you've been ten minutes late the last three weeks; I
    wonder what that might be about") is not, the episode starts with the patient and
    takes the patient as its initiator. If the scorer reads the therapist's turn as
    relationship talk (at least :data:`ASKED_LEAD_IN`) and it may open an episode (it
    names the pair or the work), the therapist opened it: the turn joins the episode.
    A question about the patient's life ("how was the week?") stays out, and so the
    patient's remark about the therapist that answers it still opens its own episode.
    """
    out = list(labels)
    for j in range(1, d.n):
        i = j - 1
        if out[j] is None or out[i] is not None or not d.is_patient(j) or not d.is_therapist(i) or d.acks[i]:
            continue
        if any(out[k] is not None for k in range(max(0, i - EPISODE_GAP), i)):
            continue  # the answer continues an episode already open: nothing to move
        if _REFUSES_READING.search(d.norms[j]) and proba[i] >= REFUSED_LEAD_IN and d.you_is_therapist(j):
            # "It's nothing to do with you" / "why do you keep on about it?": the answer says
            # the therapist's turn was about the two of them, which it refuses. Unlike a
            # complaint (below), a refusal answers; it does not raise the two of them itself.
            out[i] = subtypes[i]
            continue
        if "frame_feelings" in out[:i] and proba[i] >= REFUSED_LEAD_IN and not about_someone_else(d.norms[i]) \
                and (_waves_away(d, j) or names_frame(d, i) or _GOES_BACK.search(d.norms[i])):
            # "For the last time, it's fine" after frame talk earlier in the session: the turn it
            # answers went back to the frame, however plainly ("I wanted to check once more how
            # that is"), and the return is the therapist's. So is a turn that names the frame
            # again, whatever the answer ("it was your lot that changed it, not me").
            out[i] = "frame_feelings"
            continue
        if complains(d, j):
            # "You sound just like my mam" to "you're telling me Saturday was fine, but ...": the
            # therapist's challenge was about the patient's life; the complaint raised the two of them.
            continue
        if may_start[i] and proba[i] >= ASKED_LEAD_IN:
            out[i] = subtypes[i]
    return out


#: A patient's refusal of the therapist's reading itself, so the turn before it was about the
#: pair ("that's not it, you're twisting what I said" refuses a challenge about the patient's life).
_REFUSES_READING = compile_any([
    r"(?:not|nothing) (?:about|to do with) (?:you|us)",
    r"why do you keep (?:on about|going on about|coming back to|bringing up) (?:it|that|this)",
])
#: How sure the scorer must be of the therapist's turn such a refusal answers (the gate).
REFUSED_LEAD_IN = 0.1


#: The therapist going back to something said before ("I want to check again about the
#: screen", "can I come back to being narked with me?").
_GOES_BACK = compile_any([r"again|once more|one more time|(?:come|coming|go|going|get|getting|circle|circling|loop|looping) back\b(?:\s+\w+){0,4}\s+to|return to"])


def _waves_away(d: Dialogue, j: int) -> bool:
    """Whether patient turn ``j`` refuses and takes nothing up ("honestly, we're fine").

    Not a refusal that turns ("I said it was grand, but I'd rather not be here at that
    hour"): the patient is raising something of their own.
    """
    declines, engages = utterance_stance(d.norms[j], True)
    return declines and not engages and not REFUSAL_TURNS.search(d.norms[j])


#: A patient's turn that goes back on what they just said ("But truly, I miss the small room",
#: "Well. Not fine.", "Actually, it's the first time I've argued with you").
_LEAD = r"^ (?:(?:well|okay|ok|och|oh|and|so) )*"
_REVISES = compile_any([
    _LEAD + r"(?:but|actually|truly|to be honest|if i am honest|honestly though|not fine|not really fine|"
    r"mind you|though|then again|i suppose|the truth is|if i am truthful)\b",
])
#: A second thought owned as one ("though, to be honest, ...", "I suppose ...").
_REVISES_OWNED = compile_any([
    _LEAD + r"(?:truly|to be honest|if i am honest|honestly though|though|mind you|then again|i suppose|the truth is|if i am truthful)\b",
])
#: Taking back the "fine" itself ("Well. Not fine."), which needs no word for the two of them.
_TAKES_BACK_FINE = compile_any([_LEAD + r"not (?:really )?fine\b"])


#: Addressing the therapist to bring news ("Actually, can I tell you about the reading?",
#: "what I wanted to tell you is that I got my results"): the "you" there names the listener,
#: not the two of them as the topic.
_BRINGS_NEWS = compile_any([
    r"(?:(?:can|could|may) i|let me|i (?:wanted|meant|need|have|have got|had) to|what i (?:wanted|meant|was going|came) to) "
    r"(?:tell|ask|show) you(?: about| is| was| that| something)?\b",
])


#: Opening on a subject of its own ("Actually, about the mock exam, ...").
_TURNS_TO_TOPIC = compile_any([r"^ (?:(?:actually|oh|so|but|and|anyway|well|um|uh) )+about(?! (?:that|this|it|what you|you|us|before|earlier)\b)"])


def revised_declines(d: Dialogue, labels: list[str | None]) -> list[str | None]:
    """Keep in the episode a patient's second thought after their refusal.

    "It's fine, don't worry." / "Mm." / "But truly, I miss the small room." The
    second thought, after only a backchannel from the therapist, goes back on the
    refusal in words of its own; it belongs to the episode the refusal is in, which
    the patient has now taken up as well as refused.
    """
    out = list(labels)
    for j in range(d.n - 2):
        k = j + 2
        if out[j] is None or not d.is_patient(j) or not d.is_therapist(j + 1) or not d.acks[j + 1]:
            continue
        if out[k] is not None or not d.is_patient(k) or d.acks[k] or not utterance_stance(d.norms[j], True)[0]:
            continue
        t = _BRINGS_NEWS.sub(" ", d.norms[k])
        if _TURNS_TO_TOPIC.search(t):
            continue  # "Actually, about the mock exam, my teacher said ...": a new subject, not a second thought
        # The second thought names the two of them or the work, or takes back the "fine" itself:
        # "actually this week was not good" moves on to the week.
        # Or it voices a feeling as it goes back ("though, to be honest, I'll miss having somewhere
        # I don't have to explain myself"): the feeling is about what the refusal waved away.
        # ("Actually, this week was not good" and "but" turn as often to a new subject.)
        if _REVISES.search(t) and (ENGAGE.search(t) or d.words[k] >= 6) and (P_NAMES_PAIR.search(t) or _TAKES_BACK_FINE.search(t)) \
                or _REVISES_OWNED.search(t) and ENGAGE.search(t):
            out[k] = out[j]
    return out

