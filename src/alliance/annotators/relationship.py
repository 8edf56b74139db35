"""Relationship talk (codebook section 2): which utterances are about the two people in the room.

Two passes over the dialogue:

1. **Cues.** An utterance whose own words are about the therapist and patient
   themselves (lexicon in :mod:`alliance.annotators._relpatterns`) gets a
   subtype, by the codebook's precedence ``transference_link`` >
   ``immediacy`` > ``frame_feelings`` > ``feelings_about_therapist`` >
   ``here_and_now``. Frame talk counts only with feeling or meaning attached
   ("did my being away stir anything up?"), never as bare logistics ("can we
   move Tuesday to three?"), and a reaction question ("how is it for you to
   hear that?") counts as frame talk only right after a frame announcement.
   Beside the listed phrasings, the compositional cues of
   :mod:`alliance.annotators._cues` (a referent combined with feeling,
   meaning or process) carry phrasings nobody listed.
2. **Dialogue.** A reply carries the topic it answers: the patient's "no, it's
   fine" to a question about the therapist's vacation is still about the
   vacation, and the therapist's "caught at taking up too much room" after
   "it felt like you wanted me gone" is still about the two of them. So an
   utterance that answers relationship talk inherits its subtype unless it
   is a bare acknowledgement, shifts topic, redirects to the patient's life,
   or turns to the therapist's own life. Inheritance fades after a few
   turns without a fresh cue, so one question cannot colour a whole session.
3. **Returns** (:mod:`alliance.annotators._framereturns`). Frame topics raised so
   far ("the fortnight", "Easter", "the phone", a date) are remembered; a later
   therapist turn that refers back to one with feeling, wondering or a return
   phrase ("once more", "before we finish") is
   frame talk again, though it repeats none of the original words; so is one
   that doubts the earlier "it's fine" ("harder than you're letting on"), and a
   patient turn that goes back to the topic with feeling.
4. **Reflections.** A therapist's reflection of relationship talk ("so part of
   you didn't want to face me") marks the patient turn it mirrors as the opening.
   So does the therapist's relationship talk that takes up the patient's words
   about coming here or the frame ("I almost cancelled" / "what nearly stopped you
   cancelling?"): the patient opened the episode.

The learned scorer (:func:`checked_labels`) may veto a rule label; it reads one
turn of context, so labels whose meaning lies further back (a reaction question
to the therapist's own announcement, a shrug at the news, a relative's report)
are not its to veto.
"""

from __future__ import annotations

import re

import numpy as np

from alliance.annotators import _cues as cu
from alliance.annotators import _frameacts as fa
from alliance.annotators import _relconduct as cx
from alliance.annotators import _framerefs as fr
from alliance.annotators._framereturns import (
    ANNOUNCEMENT_CONTEXT, FRAME_CONTEXT, frame_return as _frame_return, names_frame as _names_frame,
    late_returns, mentions as _mentions, patient_return as _patient_return, topics_of as _topics,
)
from alliance.annotators import _relpatterns as rp
from alliance.annotators import _whoseyou as wy
from alliance.annotators import _rellinks as lk
from alliance.annotators import _relopenraise as orz

from alliance.annotators._flagpatterns import ASKS_THERAPIST_LIFE
from alliance.annotators._lexicon import OTHERS, Dialogue, compile_any
from alliance.annotators._relopeners import (
    ASKS_SOFTLY, FRAME_WORDS, HEDGE, P_NAMES_PAIR, TAKES_REMARK, answered_pairs, asked_openings, content_stems, declined_pairs, hears_report, inherited,
    near_absence, news_pairs, patient_may_open, reader_pairs, reader_returns, reflected, refusals_answering, rejects_reading, revised_declines,
    with_openings,
)
from alliance.annotators._relchecks import (
    asks_about_named_change, asks_back_about_news, asks_reaction, plainly_ours, short_frame_question,
    with_sure_neighbours, without_doubted_tails, without_lone_doubts, without_reactions_to_news,
    without_replies_before_asking, without_story_after_refusal, without_thanks_for_openness,
)
from alliance.annotators._relmodel import (
    RelationalModel, combine, dense_features, load_relational_model, needed, session_rows,
)
from alliance.annotators.episodes import APOLOGY, HANDS_TOPIC_BACK, episode_runs, utterance_stance
from alliance.annotators.ruptures import COMPLAINT_THERAPIST, COMPLAINT_THERAPY, MINIMAL
from alliance.annotators._rupturelexicon import NAMES_THERAPY
from alliance.model import Annotation, Role, Session
from alliance.pipeline import AnnotatorOutput

__all__ = ["RelationshipTalk", "SUBTYPES", "detect_cue", "relationship_labels", "checked_labels"]

#: Subtypes, highest precedence first (codebook section 6).
SUBTYPES = ("transference_link", "immediacy", "frame_feelings", "feelings_about_therapist", "here_and_now")

#: A reaction question that points back at news just given ("to hear", "to take in").
_ABOUT_NEWS = compile_any([r"to hear|hearing (?:this|that|it)|to take in|take (?:it|this|that) in|(?:being|be) told"])
#: The therapist announcing an absence or a change to the sessions in their own words
#: ("I need to let you know I'll be off work for four weeks").
_ANNOUNCES = compile_any([
    r"(?:need|want|have|got) to (?:let you know|tell you)\b(?:\s+\w+){0,12}\s+(?:i will be (?:out|off|away)|leave|off work|"
    r"our (?:schedule|sessions|time)|i will not be (?:working|here|around|able to))",
])
#: A feeling or meaning word: with the frame in a question ("I wonder if the gap might
#: feel long") it asks what the frame is like for the patient.
_FEELING_WORD = compile_any([r"feel|feels|feeling|felt|miss|mean|means|matter|matters|stir\w*|bother\w*|affect\w*"])
#: How many inherited utterances in a row before a run of relationship talk needs a fresh cue.
MAX_INHERITED = 6

_OTHERS = compile_any([OTHERS])
#: Someone in the patient's life named by relation ("my boss", "her sister").
_PEOPLE_NAMED = compile_any([r"(?:my|his|her|their|our) (?:\w+ )?(?:" + rp.KIN + r"|boss|manager|colleagues?|friends?|partner|"
                             r"neighbou?rs?|teacher|coach|landlord|flatmates?|roommates?|doctor|gp)"])
#: A patient asking after the therapist's time off ("did you have a nice holiday?", "did you enjoy?").
_ASKS_TIME_OFF = compile_any([
    r"did you (?:enjoy|have a (?:good|nice|lovely|great|restful)|get (?:some|any) (?:sun|rest))|"
    r"how was (?:your|the) (?:holiday|trip|break|leave|time off|vacation|conference|course)|(?:hope|trust) you (?:had|have) a (?:good|nice|lovely)"])
_BETWEEN_US = compile_any([r"between us"])
#: In joint work, the clients' relationship named by the therapist ("between the two of you").
_BETWEEN_YOU = compile_any([r"between (?:the two of you|you two|you both|both of you|the pair of you|you)\b(?! and me)"])
#: The therapist naming themselves or the three of them.
_T_SELF = compile_any([r"\b(?:i|me|my|we|us|our)\b"])
#: Another helper in the patient's life ("I saw a counsellor at the time", "my last psychologist").
_OTHER_HELPER = compile_any([r"\b(?:a|my|the|that|this|our|her|his) (?:last |old |previous |other |first |school |university |uni |private )?"
                             r"(?:counsell?or|therapist|psychologist|psychiatrist|shrink)\b"])
#: "For both of you", which asks a couple how something is for them.
_FOR_BOTH = compile_any([r"for (?:the two of you|you two|you both|both of you)"])
#: "Them" as the sessions ("doing them by phone"), not other people.
_THINGS = compile_any([r"(?:doing|having|do|have|holding|hold) them\b"])
_PEOPLE = compile_any([rp.KIN + r"|neighbou?rs?|colleagues?|manager|landlord|flatmates?|roommates?|nephew|niece|cousins?"])


#: A short question is about arrangements when it names a day, a date or money ("Fortnightly. Is
#: that on Tuesdays still?", "is it per person or per couple, the fee?").
ARRANGEMENT_QUESTION_WORDS = 20


def _asks_arrangement(d: Dialogue, i: int) -> bool:
    """Whether patient question ``i`` asks about the arrangements, not how they are for the patient."""
    t = d.norms[i]
    return d.words[i] <= ARRANGEMENT_QUESTION_WORDS and bool(fr.DATE_WORDS.search(t) or fr.PAYING.search(t)
                                                            or re.search(r"\bsame time\b", t))


def _recent_frame(d: Dialogue, i: int) -> bool:
    """Whether a frame announcement or frame talk comes just before utterance ``i``."""
    reach = ANNOUNCEMENT_CONTEXT if d.roles[i] is Role.THERAPIST and _ABOUT_NEWS.search(d.norms[i]) else FRAME_CONTEXT
    for j in range(max(0, i - ANNOUNCEMENT_CONTEXT), i):
        if d.roles[j] is Role.THERAPIST:
            # An announcement of a change ("one thing I need to tell you about the schedule")
            # gives a reaction question its meaning a few turns on, whatever its words.
            hit = fr.ANNOUNCE_WIDE.search(d.norms[j]) or j >= i - reach and (
                rp.FRAME_T.search(d.norms[j]) or cu.FRAME_T_WIDE.search(d.norms[j])
                or reach > FRAME_CONTEXT and _ANNOUNCES.search(d.norms[j]))
        elif j < i - FRAME_CONTEXT:
            continue
        else:
            hit = rp.FRAME_P.search(d.norms[j]) or cu.FRAME_P_WIDE.search(d.norms[j])
        if hit:
            return True
    return False


def _t_frame(d: Dialogue, i: int, t: str) -> bool:
    """A therapist's frame talk with feeling or meaning attached (never bare logistics)."""
    if rp.LOGISTICS_ONLY.search(t):
        return False
    t = cu.NOT_REACTION.sub(" ", t)  # "I'm afraid", "nothing to do with you": manners, not meaning
    # The therapist's own act ("me cutting back", "when my office called to cancel") names
    # the frame as well as a topic word does.
    frame = rp.FRAME_T.search(t) or cu.FRAME_T_WIDE.search(t) or fr.T_ACT_FRAME.search(t) \
        or fa.T_CHANGES_ARRANGEMENT.search(t)
    if frame and (rp.T_FRAME_REACTION.search(t) or cu.T_REACTION_WIDE.search(t) or fr.T_REACTION_MORE.search(t)
                  or (d.questions[i] and (cu.T_OPEN_Q.search(t) or _FEELING_WORD.search(t)))
                  or d.questions[i] and cu.T_COME_BACK.search(t) or cx.T_READS_RELUCTANCE.search(t)
                  or fa.T_ASKS_IMPACT.search(t)):
        return True
    # "What's that like to hear?" right after the announcement; not right after the patient
    # reported someone's words ("How was that, hearing it in front of the team?"): that asks
    # about them, however recently the sessions were rearranged.
    return bool((rp.T_REACTION_Q.search(t) or cu.T_REACTION_WIDE.search(t) or fr.T_REACTION_MORE.search(t))
                and _recent_frame(d, i) and not _OTHERS.search(_THINGS.sub(" ", t)) and not hears_report(d, i))


def detect_cue(d: Dialogue, i: int) -> str | None:
    """The subtype the words of utterance ``i`` carry on their own, or None."""
    t = fr.THIRD_SIDING.sub(" ", fr.ROOM_THINGS.sub(" ", d.norms[i]))  # a warm room, someone else's side
    if d.acks[i]:
        return None
    if d.roles[i] is Role.THERAPIST:
        if d.client_names is not None and lk.T_ENACTS.search(t):
            return None  # "say it to her, rather than to me": partners talking to each other (codebook)
        if d.client_names is not None and _BETWEEN_YOU.search(t) and not _T_SELF.search(t):
            return None  # "What's happening between the two of you just now?": the partners, not the therapist
        if d.client_names is None:
            # With one client, "both of you" is the patient and someone at home ("that must be
            # frightening for both of you"), never a reaction to the two of them and the frame.
            t = _FOR_BOTH.sub(" ", t)
        t = fr.GROUNDING.sub(" ", t)
        frame = _t_frame(d, i, t)
        if i > 0 and d.is_patient(i - 1) and cu.answers_own_life(d.norms[i - 1], t):
            return None  # answering "did you also take these?" tells the therapist's life (decision 24)
        if rp.T_TRANSFERENCE.search(t) or rp.T_LIKE_YOUR_KIN.search(t) or cu.T_LINK.search(t) or fr.T_LINK_SERIES.search(t) \
                or fr.LOSSES_THEN_US.search(t):
            # A link sets the two of them beside another relationship, even when it names
            # the therapist's own life ("someone new arriving in my life").
            return "transference_link"
        if fr.T_OWNS_ERROR.search(t):
            return "here_and_now"  # "that was my mistake": the therapist's part between the two of them
        if cu.T_IMMEDIACY_WIDE.search(t) or fr.T_MISS.search(t) or cx.T_FEELS_NOW.search(t):
            return "immediacy"  # "I'm finding myself feeling ...": the session now, not a life outside it
        if fa.T_AS_FIGURE.search(t):
            # "I wonder whether the shop in the dream is me": the patient's material read as
            # about the therapist; about the frame when it names a change to the sessions.
            return "frame_feelings" if frame or _names_frame(d, i) else "feelings_about_therapist"
        if cu.own_life(t) and not (frame and (fa.T_CHANGES_ARRANGEMENT.search(t) or asks_reaction(t))):
            # The therapist's "me" is their own life here, not the two of them; but the reason
            # for a change to the sessions ("I'll be teaching on Wednesdays") is the frame, and
            # so is news of their life that ends in asking how the change is for the patient
            # ("I'm pregnant, and I'll be on maternity leave from March. How is that to hear?").
            return None
        if rp.T_IMMEDIACY.search(t) or cu.T_IMMEDIACY_WIDE.search(t):
            return "immediacy"
        if frame:
            return "frame_feelings"
        if rp.T_FEELINGS.search(t) or cu.T_FEEL_P.search(t) or cu.T_SIDING.search(t) or cu.T_WITH_ME.search(t) \
                or fr.T_FEEL_BY_ME.search(t):
            return "feelings_about_therapist"
        if rp.T_HERE_NOW.search(t) or cu.T_PROCESS.search(t):
            return "here_and_now"
        if cx.T_READS_RELUCTANCE.search(t) or cx.T_OBSERVES_NOW.search(t) or cx.T_PAIR.search(t):
            return "here_and_now"  # "part of you is hesitant about coming", "you looked away just then"
        if fr.T_NOTICES.search(t) or fr.T_ACT_PROCESS.search(t) and (
                cu.T_REACTION_WIDE.search(t) or fr.T_REACTION_MORE.search(t)):
            return "here_and_now"  # "how is it for you when I push on something?"
        return None
    if _ASKS_TIME_OFF.search(t) and not (cu.P_REACTION_WIDE.search(t) or rp.P_FRAME_REACTION.search(t)):
        return None  # "You were away last week, did you enjoy?": small talk about the therapist's life (decision 24)
    if d.client_names is not None:
        # Several clients: a relative voicing the patient's feelings about the therapist,
        # a client saying the therapist sides with the other, or comparing the therapist
        # with an earlier helper, needs no "you" that could only mean the therapist.
        if cu.P_PREVIOUS_HELPER.search(t):
            return "transference_link"
        # A client named where a pronoun could stand ("Maya told me she ...") reads as the pronoun.
        proxy = d.client_names.sub("she", t)
        if cu.P_PROXY.search(proxy) or cu.P_SIDING.search(t) or fr.P_PROXY_MORE.search(proxy) or lk.P_SIDES.search(proxy) \
                or d.roles[i] is Role.OTHER and cx.P_PROXY_TRUST.search(proxy):
            return "feelings_about_therapist"
    if d.client_names is not None:
        # With several clients in the room, "between us" is between the clients ("it's always
        # something between us", said of a brother), not between a client and the therapist.
        t = _BETWEEN_US.sub(" ", t)
    # Reported speech ("my husband said you never listen") and idioms ("you'd think
    # I'd be used to it") are about someone else's "you".
    # A comparison that comes back to the present ("... he said he'd call, and now you're
    # closing a day") is read whole: its "and now you" leaves the reported words behind.
    linked = bool(lk.P_LINK_ACT.search(t))
    # Reported speech, and speech in quotation marks, carry someone else's "you".
    t = cu.GENERIC_YOU.sub(" ", cu.REPORTED.sub(" ", cx.REPORTED_MORE.sub(" ", wy.unquoted(d.texts[i], t))))
    # "you ... in here" and "take his side in here" cannot mean the partner.
    you_ok = d.you_is_therapist(i) or " in here " in t or d.client_names is not None and bool(cu.SIDES.search(t))
    if you_ok and lk.in_role(d, i):
        you_ok = False  # "you don't get to decide" said to the critic in the empty chair
    if you_ok and (rp.P_TRANSFERENCE.search(t) or cu.P_LINK.search(t) or linked):
        return "transference_link"
    if you_ok and rp.P_TRANSFERENCE_WEAK.search(t) and (rp.FRAME_P.search(t) or cu.FRAME_P_WIDE.search(t)):
        return "transference_link"  # "when you left it was like with my dad": the link outranks the frame
    # "I saw a counsellor through the university; I felt she was waiting for the clock": the
    # clock and the sessions were that helper's, and the turn names no "you".
    other_helper = bool(_OTHER_HELPER.search(t)) and not re.search(r"\byou\b", t)
    frame = None if other_helper else rp.FRAME_P.search(t)
    # "Our last session" names the two of them as "you" does: a feeling about it is frame talk.
    if frame and (you_ok or not frame.group().startswith("you")) and (
            rp.P_FRAME_REACTION.search(t) or COMPLAINT_THERAPY.search(t)
            or (you_ok or frame.group().split()[0] == "our") and cu.P_REACTION_WIDE.search(t)):
        return "frame_feelings"
    wide = None if other_helper else cu.FRAME_P_WIDE.search(t)
    if wide and (you_ok or "you" not in wide.group().split()) and (
            cu.P_REACTION_WIDE.search(t) or d.questions[i] and not _asks_arrangement(d, i)
            or COMPLAINT_THERAPY.search(t)):
        return "frame_feelings"
    if cu.P_STRUNG.search(t) and any(d.is_patient(j) and cu.FRAME_P_WIDE.search(d.norms[j])
                                     for j in range(max(0, i - FRAME_CONTEXT), i)):
        return "frame_feelings"  # "it stung" right after the patient raised the fee
    if you_ok and (wy.feels_about_you(rp.P_FEELINGS, t, d.client_names is not None)
                   or COMPLAINT_THERAPIST.search(t) or cu.P_FEEL_T.search(t)
                   or fr.P_WHAT_I_AM.search(t) or cx.P_OBJECTS_NOW.search(t) or cx.P_OTHER_CLIENTS.search(t)
                   or cx.P_SEEKS_THERAPIST.search(t) or cx.P_TELLS_YOU_MORE.search(t)):
        # "... like with my dad": a weaker link still outranks the feeling (codebook precedence).
        return "transference_link" if rp.P_TRANSFERENCE_WEAK.search(t) else "feelings_about_therapist"
    # A complaint about the therapy names the therapy, not "you": it counts in couples work too.
    # But said to the partner, a complaint that does not name the therapy is about the partner
    # ("see, this is what I mean, you never listen", "this is pointless, arguing about your mum").
    complains = COMPLAINT_THERAPY.search(t) and (you_ok or d.client_names is None or bool(NAMES_THERAPY.search(t)))
    if complains or fr.P_WORK_DOUBT.search(t) or cx.P_TASK_DOUBT.search(t) or cx.P_ATTENDS.search(t) \
            or you_ok and (
            rp.P_HERE_NOW.search(t) or cu.P_PROCESS.search(t)
            or cx.P_POINT_OF_THEM.search(t) and re.search(r"\byou\b", t)):
        return "here_and_now"
    if cu.P_COPING.search(t) and any(d.is_therapist(j) and _names_frame(d, j) for j in range(max(0, i - 2), i)):
        return "frame_feelings"  # "I'm a big girl, I'll survive" to news of a break: it minimises the break
    if you_ok and cu.P_ENDING.search(t) and (cu.P_REACTION_WIDE.search(t) or d.questions[i]):
        return "frame_feelings"  # "I'm scared about when we finish": the ending, named loosely
    if you_ok and cu.P_RAISES.search(t):
        # Raising something the therapist said or did: the frame when the therapist
        # announced one earlier in the session, else the work between them.
        return "frame_feelings" if any(
            d.is_therapist(j) and (rp.FRAME_T.search(d.norms[j]) or cu.FRAME_T_WIDE.search(d.norms[j]))
            for j in range(i)) else "here_and_now"
    return None


#: Opening a piece of news ("did I tell you ...", "guess what"), which after a change of
#: subject leaves the question unanswered (codebook: a topic shift is a withdrawal).
_TELLS_NEWS = compile_any([r"\b(?:did i tell you|have i told you|guess what|you will never guess|i forgot to (?:tell|say)|"
                           r"i meant to (?:tell|say)|i have to tell you about)\b"])


#: At most this many words, a therapist's turn naming a day or a time and asking nothing only
#: confirms the arrangement.
CONFIRMS_WORDS = 6
#: ... or one that starts by booking the next session ("So next Tuesday at ten, and ...").
_BOOKS_NEXT = compile_any([r"^ (?:(?:so|okay|right|good|great|and|then|well) )*(?:next |same time |see you )?(?:on )?"
                           r"(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?) (?:at|then|same)\b"])


#: A turn that opens with news of its own ("Did I tell you Kasia's car failed its MOT?"): after a
#: question about the two of them it changes the subject, whatever follows.
_OPENS_NEWS = compile_any([r"^ (?:(?:oh|so|um|uh|well|hey|anyway|and) )*(?:did i tell you|have i told you|guess what|you will never guess)\b"])


def _blocks_inheritance(d: Dialogue, i: int, src: int, src_is_cue: bool, names: re.Pattern[str] | None,
                        topics: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether utterance ``i`` leaves the relationship topic despite answering ``src``
    (``topics``: the frame topics raised so far, which keep a comment on the topic)."""
    t = d.norms[i]
    if d.acks[i] or MINIMAL.search(t) or cu.CLOSING.search(t) or lk.SILENCE_ONLY.search(t):
        return True  # a silence is a gap in the talk, not an answer to it
    direct_reply = src_is_cue and d.questions[src] and d.roles[src] is Role.THERAPIST
    if rp.SHIFT.search(t) and (not direct_reply or _TELLS_NEWS.search(t)) or _OPENS_NEWS.search(t):
        return True  # "anyway, did I tell you the dog got out?" answers nothing it was asked
    if d.roles[i] is Role.THERAPIST:
        if rp.T_REDIRECT.search(t) or cx.T_ENDS_SESSION.search(t) and not d.questions[i]:
            return True
        if cu.own_life(t):
            return True
        if not d.questions[i] and (d.words[i] <= CONFIRMS_WORDS and fr.DATE_WORDS.search(t) or _BOOKS_NEXT.search(t)) \
                and not fr.FEELING_ASKED.search(t):
            return True  # "Okay. Thursday at eleven, then.": the arrangement confirmed, the topic closed
        if d.roles[src] is not Role.THERAPIST and utterance_stance(d.norms[src]) == (True, False) \
                and not (src_is_cue and detect_cue(d, src) == "transference_link"):
            # After a plain "no", the therapist's next line is not an answer to it; a link the
            # patient made ("I told you I didn't care, the way I told my mother") is no plain "no".
            return True
        if not src_is_cue and _OTHERS.search(t):
            return True  # moving on to someone in the patient's life
        if not src_is_cue and not d.questions[i] and not cu.T_ANCHOR.search(t) and not _echoes(d, i, src) \
                and not _mentions(t, topics):
            return True  # a comment on events ("that sounds busy"), not on the two of them
        if names is not None and not fr.ABOUT_THAT.search(t) and not lk.T_ASKS_OTHER_ABOUT_IT.search(t) and any(
                m.start() > 1 and m.group() != _first_name(d, src) for m in names.finditer(t)):
            return True  # in couples work, directing one client to the other
    else:
        if ASKS_THERAPIST_LIFE.search(t) or cu.P_APOLOGY.search(t) or fr.P_PROPOSES.search(t):
            return True
        if not src_is_cue and not d.questions[src] and _PEOPLE.search(t) \
                and not rp.P_TRANSFERENCE_WEAK.search(t) and not fr.P_LINK_THAT.search(t):
            return True
        if src_is_cue and d.is_therapist(src) and HANDS_TOPIC_BACK.search(d.norms[src]):
            return True  # "let's leave it; tell me about the letter": the reply takes up the new topic
        if src_is_cue and d.is_therapist(src) and not d.questions[src] and APOLOGY.search(d.norms[src]) \
                and _PEOPLE.search(t) and not P_NAMES_PAIR.search(t) and not rp.P_TRANSFERENCE_WEAK.search(t):
            return True  # the therapist apologised and let it go; the reply accepts and turns to someone else
    return False


def _first_name(d: Dialogue, i: int) -> str | None:
    """The lower-cased first name of the speaker of utterance ``i``, if known."""
    speaker = d.utterances[i].speaker
    name = next((s.name for s in d.speakers if s.id == speaker and s.name), None)
    return name.lower().split()[0] if name and name.strip() else None


def _echoes(d: Dialogue, i: int, src: int) -> bool:
    """A short therapist turn that repeats words of the turn it answers ("Sort of.")."""
    words = d.norms[i].split()
    if len(words) <= 5:
        return bool(set(words) & set(d.norms[src].split()))
    # A longer reflection picks up at least two of the patient's own words ("the one hour
    # where nobody is asking" after "the only hour of the week nobody wants anything").
    return len(words) <= 12 and len(content_stems(d.norms[i], 4) & content_stems(d.norms[src], 4)) >= 2


def relationship_labels(d: Dialogue) -> list[str | None]:
    """The relationship subtype of every utterance (None where it is not relationship talk)."""
    return _label_pass(d)[1]


def _label_pass(d: Dialogue) -> tuple[list[str | None], list[str | None]]:
    """(cues, labels): the subtypes utterances carry in their own words (or as a return
    to a frame topic), and those labels extended to the replies that answer them."""
    cues, labels, _ = _label_roots(d)
    return cues, labels


def _label_roots(d: Dialogue) -> tuple[list[str | None], list[str | None], list[int | None]]:
    """(cues, labels, roots): as :func:`_label_pass`, with the utterance each label's chain
    started from (its own index for a cue or an opening the therapist took up)."""
    cues = [orz.opening(d, i, detect_cue(d, i)) for i in range(d.n)]
    names = d.client_names
    labels: list[str | None] = list(cues)
    topics: set[str] = set()  # frame topics raised so far, for returns that refer back
    run = 0  # inherited utterances since the last cue
    for i in range(d.n):
        # A return to a frame topic outranks process talk ("I keep coming back to the
        # conference week"): frame_feelings comes first in the codebook's precedence.
        if d.is_therapist(i) and (cues[i] in (None, "here_and_now") or cues[i] == "feelings_about_therapist"
                                  and _names_frame(d, i)) and (_frame_return(d, i, topics) or "frame_feelings" in labels[:i]
                                                               and cu.DOUBTS_DECLINE.search(d.norms[i])
                                                               and not _OTHERS.search(d.norms[i])):
            # Doubting the earlier "it's fine" ("you said it's whatever, but ...") goes back to the
            # frame talk it refused, whatever words that talk was in.
            cues[i] = labels[i] = "frame_feelings"
        elif cues[i] is None and d.is_patient(i) and (_patient_return(d, i, topics) or "frame_feelings" in labels[:i]
                                                     and fr.P_REVISES_DECLINE.search(d.norms[i])):
            # "Actually, about the twelve sessions. I said it is fine. But ...": taking back the
            # refusal of earlier frame talk, whatever words that talk was in.
            cues[i] = labels[i] = "frame_feelings"
        if cues[i] == "frame_feelings" and d.is_patient(i) and i > 0 and d.is_therapist(i - 1) \
                and labels[i - 1] == "transference_link":
            # Answering the therapist's link in frame words ("when you went away I ...")
            # takes up the link itself (gold decision 1).
            cues[i] = labels[i] = "transference_link"
        if cues[i] is not None:
            if cues[i] in ("frame_feelings", "transference_link"):
                topics |= _topics(d, i, i)
            run = 0
            continue
        # The turn answered: the previous utterance, or the one before a bare
        # acknowledgement of the other side ("mm-hmm") that keeps the floor.
        src = i - 1
        if src >= 0 and d.acks[src] and labels[src] is None and src - 1 >= 0 \
                and d.roles[src - 1] is d.roles[i]:
            src -= 1
        if src < 0 or labels[src] is None or run >= MAX_INHERITED:
            continue
        if _blocks_inheritance(d, i, src, cues[src] is not None, names, topics):
            run = MAX_INHERITED  # the topic has moved on: stop the chain
            continue
        labels[i] = inherited(labels[src])
        if not d.is_therapist(i) and (rp.P_TRANSFERENCE_WEAK.search(d.norms[i]) or fr.P_LINK_THAT.search(d.norms[i])):
            labels[i] = "transference_link"
        if d.is_therapist(i) and cu.T_LINK_WEAK.search(d.norms[i]):
            labels[i] = "transference_link"
        if labels[i] == "frame_feelings":
            topics |= _topics(d, i, i)
        run += 1
    opened = reflected(d, cues, labels)
    roots: list[int | None] = [None] * d.n
    root = None
    for i in range(d.n):
        if cues[i] is not None or i in opened:
            root = i
        if labels[i] is not None:
            roots[i] = root
    return cues, labels, roots


#: A therapist turn that can open an episode on the scorer's word alone names the
#: pair or the work, or answers a patient turn that does ("we have seven left" /
#: "you've been counting"): "you brought it up, so part of you is wondering" (an MI
#: reflection of the patient's ambivalence) does neither, however sure the scorer is.
_NAMES_PAIR = compile_any([r"\b(?:i|me|my|mine|myself|we|us|our|ourselves)\b|" + FRAME_WORDS])
#: The working "we" of a plan ("I wonder whether we could find a way of pacing"), which names the
#: task the two of them share, not the two of them.
_PLANS_TOGETHER = compile_any([r"(?:we could|we can|we might|we will|we would|shall we|let us|could we|can we|maybe we) "
                               r"(?:\w+ )?(?:find|try|work out|look at|look|think about|plan|practise|practice|start|use|"
                               r"go through|come up with|write|make|break|build)\b"])



#: Below this the scorer vetoes a frame cue that only pays for or counts the sessions
#: (:data:`alliance.annotators._framerefs.PAYING`).
LOGISTICS_GATE = 0.3
#: Below this the scorer vetoes a here-and-now cue that opens a chain on "here" or "in the
#: room" alone: the place, not the two of them ("it's warmer in here than out").
PLACE_GATE = 0.3
_HERE_WORDS = compile_any([r"\b(?:in here|in the room|here)\b"])


def _names_pair_in_quotes_only(d: Dialogue, i: int) -> bool:
    """Whether utterance ``i`` names the pair only inside words it quotes."""
    return bool(P_NAMES_PAIR.search(d.norms[i])) and not P_NAMES_PAIR.search(wy.unquoted(d.texts[i], d.norms[i]))


def _own_voice(d: Dialogue, i: int) -> str:
    """Utterance ``i`` without speech in quotation marks, reported speech or anyone's "you": the "you" of
    'she said, "you are not listening to me"' is the speaker's, not the therapist's."""
    return cu.GENERIC_YOU.sub(" ", cu.REPORTED.sub(" ", wy.unquoted(d.texts[i], d.norms[i])))


def doubted_place(d: Dialogue, i: int, cue: str | None, root: int | None, believed: float) -> bool:
    """Whether a here-and-now cue opening a chain at ``i`` names only the place, by the scorer's doubt.

    "It's warmer in here than out" says "here" and means the room; the scorer, which reads
    the whole turn, gives such a turn less than :data:`PLACE_GATE`. A relative's "he tells
    you the good bits in here" is not judged so: the scorer learned on two-person sessions.
    Nor a question the therapist takes up as put to them ("that's a fair thing to ask").
    """
    if i + 1 < d.n and d.questions[i] and d.is_therapist(i + 1) and TAKES_REMARK.search(d.norms[i + 1]):
        return False  # "are you going to tell the gaffer what I say in here?" / "That's a fair thing to ask"
    return cue == "here_and_now" and root == i and believed < PLACE_GATE and d.roles[i] is not Role.OTHER \
        and bool(_HERE_WORDS.search(d.norms[i]))


#: How sure the scorer must be of both a therapist's turn and the patient's answer to open
#: an episode on the pair (see ``answered_pairs``).
PAIR_START = 0.6
#: How sure the scorer must be to open an episode on a patient's or relative's turn
#: (a therapist's turn needs the model's own ``start``; see ``patient_may_open``).
OTHER_START = 0.85


def checked_labels(d: Dialogue, model: RelationalModel | None) -> list[str | None]:
    """The rule labels, checked and extended by the learned scorer when one is given.

    A rule label stands only when the model gives it at least its ``gate``
    probability; an utterance the rules missed is added when the model is at
    least ``add`` sure and it sits next to a label, or at least ``start`` sure
    anywhere (see :mod:`alliance.annotators._relmodel`).
    """
    cues, labels, roots = _label_roots(d)
    rule_labels = labels
    if model is None or d.n == 0:
        return labels
    select = needed(labels) if model.start > 1.0 else None  # a start threshold reads every utterance
    proba, subtypes = model.scores(session_rows(d, model.vectorizer, select), dense_features(d))
    # A frame cue whose frame lies only in the therapist's earlier turns ("any feelings about
    # that?" after an announcement) was held here until the twenty-first round: the scorer
    # reads one turn of context. On splits held out of the scorer it was right on every such
    # cue it gave 0.14 or more and wrong on 8 of the 9 it gave less ("so what's on your mind
    # this week?" after a fee reminder), which opened false episodes in controls; the gate
    # now decides (model card).
    # Labels the scorer may not veto: a relative's talk about the patient and the therapist
    # ("she says coming here helps"), since the scorer learned on two-person sessions.
    # Nor a patient's opening the therapist's next turn took up: its meaning is in
    # that answer, which the scorer does not read.
    held = [i for i in range(d.n)
            if cues[i] is not None and (d.roles[i] is Role.OTHER or orz.raised(d, i) is not None)
            or cues[i] is None and roots[i] == i
            or d.is_patient(i) and cues[i] is not None and i + 1 < d.n and d.is_therapist(i + 1)
            and cues[i + 1] is not None and proba[i + 1] >= model.gate
            # Nor the therapist's observation of what the patient just did in the room ("you
            # looked at the floor the whole time ... what was going on right then?"): its
            # words are about a body, and the scorer learned few of them.
            or cues[i] is not None and d.is_therapist(i) and bool(cx.T_OBSERVES_NOW.search(d.norms[i]))
            or short_frame_question(d, i, cues[i])
            # Nor a patient's words that are relationship talk whatever the scorer reads ("I've
            # never cried in front of anyone", "a bit sad that today's our last session").
            # Nor the therapist's question about a change to the sessions, named in the question
            # or in their earlier news: the seed pattern's own question.
            or cues[i] is not None and (plainly_ours(d, i) or asks_about_named_change(d, i)
                                        or asks_back_about_news(d, i))
            # Nor the therapist setting the sessions' change at the end of the patient's losses, or
            # likening themselves to someone in the patient's family in so many words ("saying no
            # to me would be like saying no to your husband"): a link the scorer has seen few of.
            or cues[i] == "transference_link" and d.is_therapist(i)
            and bool(fr.LOSSES_THEN_US.search(d.norms[i]) or rp.T_LIKE_YOUR_KIN.search(d.norms[i]))]
    believed = proba  # the scorer's own reading, before the rules' holds below
    proba = proba.copy()
    if held:
        proba[held] = np.maximum(proba[held], model.gate)
    # A frame cue about money or the count of sessions, with no feeling asked or voiced
    # ("the missed session is charged under the cancellation policy", "you have four
    # sessions left on the plan"), is frame logistics unless the scorer disagrees.
    for i in range(d.n):
        if cues[i] == "frame_feelings" and proba[i] < LOGISTICS_GATE and fr.PAYING.search(d.norms[i]) \
                and not fr.FEELING_ASKED.search(d.norms[i]):
            proba[i] = 0.0
    # A here-and-now cue that opens a chain on "here" or "in the room" ("warmer in here than
    # out", "without him in the room", "I always end up greeting in here"), which the scorer
    # doubts, is the place, not the two of them. Not a relative's ("he tells you the good bits
    # in here"): the scorer learned on two-person sessions.
    for i in range(d.n):
        if doubted_place(d, i, cues[i], roots[i], believed[i]):
            proba[i] = 0.0
    # A chain lives or dies with the cue it started from: replies that only inherited a
    # label the scorer vetoed ("it's warm in here" ... "did you catch the game?") go too.
    labels = [None if label is not None and roots[i] is not None and roots[i] != i
              and proba[roots[i]] < model.gate else label for i, label in enumerate(labels)]
    # A client speaking to the other client ("Robin, I keep expecting you to ...") names
    # no one in the room with the therapist, so it may not start one either.
    # A patient's turn about someone in their life that names neither the therapist nor the
    # work ("whether my boss likes me") is the patient's life, however much it sounds like
    # "whether you like me". Nor a turn whose only "you" is in words it quotes ('Like what? "I was
    # scared you weren't coming back"?', a sentence for the patient's husband).
    may_start = [d.you_is_therapist(i) and (bool(P_NAMES_PAIR.search(_own_voice(d, i))) or not _PEOPLE_NAMED.search(d.norms[i])
                                            and not _names_pair_in_quotes_only(d, i))
                 and not rejects_reading(d, i) if not d.is_therapist(i)
                 else not hears_report(d, i) and (bool(_NAMES_PAIR.search(_PLANS_TOGETHER.sub(" ", HEDGE.sub(" ", d.norms[i]))))
                                                  or _recent_frame(d, i) or (
        # The client's "you" must be able to mean the therapist: "I hear you. I'ma do better",
        # said to the partner, names no pair with the therapist.
        i > 0 and d.is_patient(i - 1) and d.you_is_therapist(i - 1) and bool(P_NAMES_PAIR.search(_own_voice(d, i - 1))))) for i in range(d.n)]
    may_open = [ok and (d.is_therapist(i) or patient_may_open(d, i, proba, model.add, OTHER_START))
                for i, ok in enumerate(may_start)]
    near_absence(d, labels, proba, model.add)
    combined = combine(labels, proba, subtypes, model.gate, model.add, model.start, may_open)
    combined = answered_pairs(d, combined, proba, subtypes, may_open, PAIR_START)
    combined = declined_pairs(d, combined, proba, subtypes, may_open)
    combined = reader_pairs(d, combined, proba, subtypes)
    combined = refusals_answering(d, news_pairs(d, combined, subtypes), proba, subtypes)
    # A client talking to the other client ("I don't want you to be scared of me") is about
    # the couple, not the therapist (codebook, joint work): the scorer may not add it.
    combined = [None if label is not None and labels[i] is None and lk.to_partner(d, i) else label
                for i, label in enumerate(combined)]
    opened = asked_openings(d, with_openings(d, combined, proba, subtypes, may_start), proba, subtypes, may_start)
    # The question the patient's answer took up may itself have an opening before it: read again.
    opened = with_openings(d, opened, proba, subtypes, may_start)
    opened = with_sure_neighbours(d, opened, proba, subtypes, model.add)
    opened = without_thanks_for_openness(d, opened, cues)
    revised = revised_declines(d, reader_returns(d, late_returns(d, opened)))
    trimmed = without_reactions_to_news(d, without_doubted_tails(d, revised, cues, roots, rule_labels, believed),
                                        cues, rule_labels)
    trimmed = without_story_after_refusal(d, without_replies_before_asking(d, trimmed, cues), rule_labels)
    return without_bare_news(d, without_lone_doubts(d, trimmed, believed, set(held)), cues)


def without_bare_news(d: Dialogue, labels: list[str | None], cues: list[str | None]) -> list[str | None]:
    """Unlabel a lone therapist turn that only the scorer read, that asks nothing, before any
    frame talk in the session: the news itself ("I'm moving back home to Barra in the new year,
    so our sessions will finish in five weeks"). Telling it is frame logistics (codebook); the
    question about it that follows opens the episode. Held as a lone episode the patient
    "declined", it made the real first exchange count as a return. Later in the session such a
    turn is a return in its own words ("you've been late twice since I told you about the
    move") and stays.
    """
    out = list(labels)
    for first, last in episode_runs(labels):
        labelled = [i for i in range(first, last + 1) if labels[i] is not None]
        if len(labelled) != 1 or not d.is_therapist(labelled[0]) or cues[labelled[0]] is not None:
            continue
        i = labelled[0]
        t = d.norms[i]
        if d.questions[i] or ASKS_SOFTLY.search(t) or asks_reaction(t) or fr.FEELING_ASKED.search(t):
            continue
        if any(label is not None for label in labels[:first]):
            continue  # after relationship talk: a return in its own words
        out[i] = None
    return out


class RelationshipTalk:
    """Labels relationship talk and its subtype (layer ``relationship``).

    Parameters
    ----------
    use_model:
        Check the rules with the shipped learned scorer (``models/relational.*``)
        when it is present; False runs the rules alone.
    """

    name = "relationship"
    version = "3"
    requires: tuple[str, ...] = ()
    produces = ("relationship",)

    def __init__(self, use_model: bool = True) -> None:
        self.use_model = use_model

    def annotate(self, session: Session) -> AnnotatorOutput:
        """One ``relationship`` annotation per utterance that is relationship talk."""
        d = Dialogue.of(session)
        model = load_relational_model() if self.use_model else None
        return AnnotatorOutput(annotations=tuple(
            Annotation(i, "relationship", label, self.name, self.version)
            for i, label in enumerate(checked_labels(d, model)) if label is not None
        ))
