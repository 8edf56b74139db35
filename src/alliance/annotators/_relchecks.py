"""Last checks on the relationship labels, once every reading has been made.

Readings that looked like relationship talk and, on the gold sessions, mostly were
not: the therapist's thanks for the patient's openness about their own life, an
episode that is one utterance the learned scorer hardly believes (or several it
doubts throughout), the end of a chain of replies the scorer reads as the talk moving
on, and the patient's answer to the therapist's news just before the therapist raises
the frame. Readings the scorer alone would lose: a short frame question it has no
context for, the sure neighbours of an episode opened after its pass, and a frame
episode the stance reader is sure the patient refused.
"""

from __future__ import annotations

from alliance.annotators import _cues as cu
from alliance.annotators import _frameanchor as fa
from alliance.annotators import _framerefs as fr
from alliance.annotators import _relpatterns as rp
from alliance.annotators._framereturns import brings_frame_news, names_frame
from alliance.annotators._lexicon import Dialogue, compile_any
from alliance.annotators._rellinks import SECOND_PERSON
from alliance.annotators._relmodel import NEAR_REACH
from alliance.annotators._relopeners import READER_DECLINES, TAKES_REMARK, content_stems, declined_by_reader
from alliance.annotators.episodes import ENGAGE, EPISODE_GAP, NEGATED_FEELING, episode_runs, utterance_stance

__all__ = ["without_story_after_refusal", "LONE_GATE", "asks_about_named_change", "asks_back_about_news", "plainly_ours", "DOUBTED_EPISODE",
           "asks_reaction", "SHORT_FRAME_QUESTION", "short_frame_question",
           "with_sure_neighbours", "without_lone_doubts", "TAIL_GATE", "without_doubted_tails", "without_reactions_to_news",
           "without_replies_before_asking", "without_thanks_for_openness"]

#: The therapist thanking the patient for being open ("thank you for being honest with me",
#: "thanks for telling me that").
_THANKS_OPENNESS = compile_any([
    r"\b(?:thank you|thanks) for (?:being (?:so )?(?:honest|open|straight)|trusting me|telling me|sharing|saying)",
])


def without_thanks_for_openness(d: Dialogue, labels: list[str | None], cues: list[str | None]) -> list[str | None]:
    """Unlabel the therapist's thanks for the patient's openness ("thank you for being honest
    with me") after a turn about the patient's own life: it is not talk about the two of them,
    however the scorer reads it (in gold, 1 of 15 such turns is). A cue of its own keeps it."""
    return [None if label is not None and cues[i] is None and d.is_therapist(i) and i > 0 and labels[i - 1] is None
            and _THANKS_OPENNESS.search(d.norms[i]) else label for i, label in enumerate(labels)]


#: How sure the scorer must be of an episode's only labelled utterance for the episode to stand.
LONE_GATE = 0.2
#: How sure the scorer must be of at least one labelled utterance of a longer episode for it to
#: stand. Chosen on test99..test114 held out of both scorers (9 false episodes below it, no true
#: one) and checked on test115..test122 before they were read (2 false, no true); model card.
DOUBTED_EPISODE = 0.3


#: Where the talk happens ("in here", "this room"), which is as often a place in the patient's life.
_PLACE = compile_any([r"\b(?:in here|in this room|this room|here|this place|your office|the office)\b"])


def _self_evident(d: Dialogue, i: int) -> bool:
    """A turn whose words are relationship talk whatever the scorer reads: the patient going
    back to what the therapist said ("can I go back to what you said at the start?") or naming
    an act before the therapist ("I've never cried in front of anyone") without a place word;
    the therapist naming their own move just made ("I came in too strongly there"), or
    asking how a change to the sessions they name is for the patient ("so I'm off on leave
    from next month, how are you feeling about that?": the seed pattern's own question)."""
    t = d.norms[i]
    if d.is_therapist(i):
        return bool(cu.T_PROCESS.search(t)) or names_frame(d, i) and asks_reaction(t)
    return bool(cu.P_RAISES.search(t) or rp.P_HERE_NOW.search(_PLACE.sub(" ", t))) or plainly_ours(d, i)


def _asks_in_words(t: str) -> bool:
    """Whether text ``t`` asks how something is for the patient in so many words: not the looser
    reaction words ("for both of you") that an announcement of fees or dates carries too."""
    return bool(fa.FEELING_Q.search(t) or rp.T_REACTION_Q.search(t) or fr.T_REACTION_MORE.search(t))


def asks_about_named_change(d: Dialogue, i: int) -> bool:
    """The therapist asking how a change to the sessions they name in the same turn is for the
    patient ("so I'm off on leave from next month, how are you feeling about that?"): the
    seed pattern's own question, whatever the scorer reads."""
    return d.is_therapist(i) and names_frame(d, i) and _asks_in_words(d.norms[i])


#: The patient putting the therapist's judgement of them in so many words ("who are you to
#: tell me", "I reckon you'd hate me if you knew"); "they'd judge me" is about others.
_YOUR_JUDGEMENT = compile_any([
    r"\bwho are you to (?:tell|judge|say|lecture|decide)\b",
    r"\byou (?:would|might|will|could|are going to|are gonna|gonna) (?:\w+ )?(?:hate|judge|despise|give up on|look down on|think less of|be disgusted by) me\b",
    # The therapist's notes read as a verdict ("I see you scribble something and I think, she's
    # writing that I'm hopeless").
    r"\byou (?:scribbl|writ|jott|not)\w*\b(?:\s+\w+){0,8}?\s+(?:writing|noting|putting|thinking) (?:down )?(?:that )?i am\b",
    # Setting the therapist apart from someone at home, or naming their habit ("you're not my
    # father, you know"; "you always do this, you make everything about my brother").
    rf"\byou are not my (?:{rp.KIN})\b|\byou always do this\b|\byou (?:always )?make (?:everything|it all) about\b",
])
#: People leaving as a rule of the patient's life ("yeah whatever, people always go"), said to
#: the therapist's news of going.
_PEOPLE_GO = compile_any([r"\b(?:people|everyone|everybody) (?:always |just |all )?(?:go|goes|leave|leaves|walk out)\b"])


def asks_back_about_news(d: Dialogue, i: int) -> bool:
    """The therapist asking, in so many words, how the news they told earlier is for the patient,
    naming something the news named ("my last week is the ninth, then you'll be with Priya" ...
    "what comes up when you think about starting with Priya?"). Without a shared word the
    question may be about anything ("so what's on your mind this week?" after a fee
    reminder), which is why the scorer decides those."""
    if not d.is_therapist(i):
        return False
    t = d.norms[i]
    if not _asks_in_words(t):
        return False
    asked = content_stems(t)
    return any(d.is_therapist(k) and brings_frame_news(d, k) and asked & content_stems(d.norms[k]) for k in range(i))


def plainly_ours(d: Dialogue, i: int) -> bool:
    """A patient's turn that names the two of them in so many words: a feeling about "our" sessions
    ("a bit sad that today's our last session") or an act done before the therapist for the first
    time ("I've never cried in front of anyone before"), the therapist's judgement of them ("who
    are you to tell me ...", "you'd hate me if you knew"), or people always leaving, said to the
    therapist's news of going. The scorer, which reads most such lone turns as the patient's
    life, may not veto it."""
    if d.is_therapist(i):
        return False
    t = d.norms[i]
    ours = rp.FRAME_P.search(t)
    return bool(cu.P_NEVER_BEFORE.search(t)
                or ours is not None and ours.group().split()[0] == "our" and cu.P_REACTION_WIDE.search(t)
                or d.you_is_therapist(i) and _YOUR_JUDGEMENT.search(t)
                or i > 0 and d.is_therapist(i - 1) and brings_frame_news(d, i - 1) and _PEOPLE_GO.search(t))


def asks_reaction(t: str) -> bool:
    """Whether therapist text ``t`` asks how something is for the patient ("what comes up when ...")."""
    return bool(rp.T_REACTION_Q.search(t) or cu.T_REACTION_WIDE.search(t) or fr.T_REACTION_MORE.search(t))


def _frame_return(d: Dialogue, labels: list[str | None], i: int, first: int) -> bool:
    """A therapist's lone frame turn after frame talk earlier in the session: a return to a
    topic already raised (the seed pattern's "so your boss and I will both be away"), whose
    meaning the earlier episode holds and the scorer's one turn of context does not; or a
    reaction question after the therapist announced the change ("my last week is the ninth,
    then you'll be with Priya" ... "what comes up when you think about starting with Priya?")."""
    if not d.is_therapist(i) or labels[i] != "frame_feelings":
        return False
    return "frame_feelings" in labels[:first] or asks_reaction(d.norms[i]) and any(
        d.is_therapist(k) and names_frame(d, k) for k in range(i))


def without_lone_doubts(d: Dialogue, labels: list[str | None], believed, held: set[int]) -> list[str | None]:
    """Drop an episode that is a single labelled utterance the scorer hardly believes, or a
    longer one the scorer doubts throughout.

    A run of relationship talk made of one utterance rests on one reading; when the
    scorer gives it less than :data:`LONE_GATE`, a cue's words are the only evidence,
    and on the gold sessions such lone episodes were mostly false (a "here" that was a
    place, a remark about someone else). A link to another relationship ("you sound
    just like my father") and a self-evident turn (:func:`_self_evident`) are their own
    evidence, and a reading the rules hold from context (``held``: a return to an
    announcement the scorer cannot see) is not the scorer's to veto.

    A longer episode stands when the scorer gives at least one of its labelled utterances
    :data:`DOUBTED_EPISODE`. Below that, whatever held it, it was a chain of cue words the
    scorer read as nothing: a family member talking to another ("I'm frightened you'll just
    stop"), "I couldn't be in the room" about a shed, sessions counted for the insurer. Unless
    it is frame talk throughout and the stance reader is all but sure it was refused
    (:func:`_refused_frame_talk`).
    """
    out = list(labels)
    for first, last in episode_runs(labels):
        labelled = [i for i in range(first, last + 1) if labels[i] is not None]
        if len(labelled) == 1 and believed[labelled[0]] < LONE_GATE and labelled[0] not in held \
                and labels[labelled[0]] != "transference_link" and not _self_evident(d, labelled[0]) \
                and not _frame_return(d, labels, labelled[0], first):
            out[labelled[0]] = None
        elif len(labelled) > 1 and max(believed[i] for i in labelled) < DOUBTED_EPISODE \
                and not _refused_frame_talk(d, labels, labelled, first, last) \
                and not (labels[labelled[0]] == "frame_feelings" and d.is_therapist(labelled[0])
                         and _self_evident(d, labelled[0])) \
                and not (labels[labelled[0]] == "transference_link" and labelled[0] in held) \
                and not plainly_ours(d, labelled[0]):
            for i in labelled:
                out[i] = None
    return out


#: Below this the scorer reads an inherited turn as nothing: a run of such turns in a chain
#: is the talk moving on (:func:`without_doubted_tails`).
TAIL_GATE = 0.08
#: How many such turns in a row make a tail to cut.
TAIL_RUN = 2


def without_doubted_tails(d: Dialogue, labels: list[str | None], cues: list[str | None], roots: list[int | None],
                          rule_labels: list[str | None], believed) -> list[str | None]:
    """Cut the end of a chain the scorer reads as nothing.

    The rules carry a label from a cue to the turns that answer it, up to six of them, so
    that "Yes, exactly. Embarrassed, mostly." keeps the label its question gave it. After a
    refusal the talk usually moves on ("That's true, we did." / "So, this week. The new rota
    came out ..."), and the chain carried the label into the patient's week, which made a
    declined episode read as mixed and hid the returns after it. A chain is cut at its first
    run of :data:`TAIL_RUN` or more inherited turns, past the turn right after the cue, that
    the scorer gives less than :data:`TAIL_GATE` each: the run and everything after it go.
    Until the twenty-fifth round only a trailing run was cut; on splits held out of the
    scorer, such turns were relationship talk in 11 of 153 cases (model card). Cutting at a
    run inside the chain too added four seed-pattern sessions' exact returns on
    test131..194, which no scorer was trained on, and lost none.
    """
    out = list(labels)
    members: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        if label is not None and cues[i] is None and rule_labels[i] is not None and roots[i] is not None \
                and roots[i] != i:
            members.setdefault(roots[i], []).append(i)
    for root, chain in members.items():
        trailing = set()
        for k in range(len(chain) - 1, -1, -1):
            if chain[k] - root <= 1 or believed[chain[k]] >= TAIL_GATE:
                break
            trailing.add(k)
        # One such turn is often the answer to a reflection inside the chain ("Caught taking
        # up too much room." / "Yes, exactly. Embarrassed, mostly."); a run of them is the week,
        # and whatever follows the run took the label only through it ("okay, fair enough" /
        # "I've been fishing with Ray" / "how's that been?" / ... "nobody needs anything from
        # me out there", where the last turns only sound like the two of them).
        run: list[int] = []
        for k, i in enumerate(chain):
            if i - root <= 1:
                continue
            if believed[i] >= TAIL_GATE:
                run = []
            elif run or k in trailing or not (d.is_patient(i) and d.questions[i - 1] and i - 1 in (root, *chain)):
                run.append(k)
            if len(run) >= TAIL_RUN:
                for j in chain[run[0]:]:
                    out[j] = None
                break
    return out


def _refused_frame_talk(d: Dialogue, labels: list[str | None], labelled: list[int], first: int, last: int) -> bool:
    """Whether the run is frame talk throughout that the stance reader is all but sure
    (:data:`READER_DECLINES`) the patient refused.

    The seed pattern's plain first question and its "it's alright, you've got to go where
    they put you" are what the scorer, which learned from MI sessions, doubts most. On splits
    held out of both scorers every doubted episode the reader read so was relationship talk
    (4 of 4), and none it read below 0.9 was (0 of 10). Frame talk only: on AnnoMI the reader
    also reads "is there anything else you'd like to talk about?" / "no, I think I'm good" as
    a refusal (model card).
    """
    return all(labels[i] == "frame_feelings" for i in labelled) \
        and declined_by_reader(d, labels, labels, first, last) >= READER_DECLINES


def without_reactions_to_news(d: Dialogue, labels: list[str | None], cues: list[str | None],
                              rule_labels: list[str | None]) -> list[str | None]:
    """Unlabel a patient's turn the scorer alone added just before the therapist raises the
    frame in words of their own.

    "Oh, that'll be a relief for you." / "How is it for you, knowing I'll not be here for a
    fortnight?": the patient answered the news, and the therapist's question that follows
    opens the episode. Held as an opening, the reaction made the episode the patient's, so a
    seed-pattern episode counted for no return. On the gold splits every such turn was not
    relationship talk (6 of 6; model card).
    """
    out = list(labels)
    for i in range(d.n - 1):
        if out[i] is None or cues[i] is not None or rule_labels[i] is not None or d.is_therapist(i):
            continue
        # Only an answer to the therapist's turn before it, opening nothing before it; a patient
        # raising it after their own turn ("Doctor, one thing I want to say. After you go ...")
        # is an opening.
        answers = i > 0 and d.is_therapist(i - 1) and out[i - 1] is None and (i < 2 or out[i - 2] is None)
        # A therapist who takes the turn up as said to them ("I'm glad you said that") answers
        # it: it was no reaction to news.
        if answers and d.is_therapist(i + 1) and cues[i + 1] == "frame_feelings" \
                and not TAKES_REMARK.search(d.norms[i + 1]):
            out[i] = None
    return out


def _voices_feeling(t: str) -> bool:
    """Whether normalised patient text voices a feeling of its own ("oh no, I'll miss this")."""
    return utterance_stance(t, False)[1] or bool(ENGAGE.search(NEGATED_FEELING.sub(" ", t)))


def without_replies_before_asking(d: Dialogue, labels: list[str | None], cues: list[str | None]) -> list[str | None]:
    """Unlabel the talk between the therapist's news and their question about it.

    "I'll be away for four weeks from the third." / "Is it a holiday you're going on?" /
    "No, it's my knee." / "Och, I noticed you limping." / "I wonder what the month will be
    like for you, with our Tuesdays stopping.": the patient asked after the therapist's
    life (codebook decision 24) and had not yet been asked about the two of them. The
    question opens the episode, so a patient who then waves it away has declined it.
    A reply that voices a feeling of its own ("oh no, I'll miss this") stays: the patient
    opened it first.
    """
    out = list(labels)
    for q in range(d.n):
        if not (d.is_therapist(q) and out[q] is not None and cues[q] == "frame_feelings" and d.questions[q]):
            continue
        first, gap, j = q, 0, q - 1
        while j >= 0 and gap <= EPISODE_GAP:
            if out[j] is not None:
                first, gap = j, 0
            else:
                gap += 1
            j -= 1
        news = first - 1
        if first == q or d.is_therapist(first) or news < 0 or not d.is_therapist(news) or out[news] is not None \
                or not brings_frame_news(d, news):
            continue
        between = [k for k in range(first, q) if out[k] is not None]
        # A link or a complaint in between ("now you sound exactly like my father") is the
        # patient's own opening, whatever the therapist asks next.
        if any(d.is_therapist(k) and cues[k] is not None for k in between) \
                or any(not d.is_therapist(k) and (cues[k] not in (None, "frame_feelings") or _voices_feeling(d.norms[k]))
                       for k in between):
            continue
        for k in between:
            out[k] = None
    return out


#: A frame question this short carries no context for the scorer to read ("how are you with the
#: break?"): when it names the frame itself, the rules' reading stands.
SHORT_FRAME_QUESTION = 10


def short_frame_question(d: Dialogue, i: int, label: str | None) -> bool:
    """A therapist's short question that names the frame itself ("how did you find the break?")."""
    return label == "frame_feelings" and d.is_therapist(i) and d.questions[i] \
        and len(d.norms[i].split()) <= SHORT_FRAME_QUESTION and bool(rp.FRAME_T.search(d.norms[i]))


def with_sure_neighbours(d: Dialogue, labels: list[str | None], proba, subtypes: list[str], add: float) -> list[str | None]:
    """Episodes opened after the scorer's pass take in their sure neighbours too.

    The scorer adds a turn it is at least ``add`` sure of next to a label (``combine``),
    but the openings read afterwards (a patient's complaint, a refused reading) were not
    there yet: "I was real vex" after "you're right, I did cut you off" stayed out.
    Not the therapist's news before the session's first relationship talk, asking nothing
    ("if you take the group place, our one-to-one meetings would finish then"): telling it is
    frame logistics, and the question about it opens the episode (see ``without_bare_news``).
    """
    out = list(labels)
    for i in range(d.n):
        if out[i] is None and proba[i] >= add and not d.acks[i] \
                and any(labels[j] is not None for j in range(max(0, i - NEAR_REACH), min(d.n, i + NEAR_REACH + 1))):
            if d.is_therapist(i) and all(label is None for label in labels[:i]) \
                    and not (d.questions[i] or fr.FEELING_ASKED.search(d.norms[i])):
                continue
            out[i] = subtypes[i]
    return out


def without_story_after_refusal(d: Dialogue, labels: list[str | None], rule_labels: list[str | None]) -> list[str | None]:
    """Drop a patient's turn only the scorer labelled that goes on with their story after they
    refused and the therapist let it go.

    "It's a building. Can we just carry on?" / "Sure. Somebody to nobody, you were saying." /
    "At the works I was a leading hand ... some young fulla at WINZ talks to me like I'm dumb":
    the scorer, sure of talk about being treated badly, adds the story next to the refusal. A
    turn that names no "you" after the therapist moved on is the patient's life.
    """
    out = list(labels)
    for i in range(2, d.n):
        if labels[i] is None or rule_labels[i] is not None or not d.is_patient(i):
            continue
        if labels[i - 1] is not None or not d.is_therapist(i - 1) or d.acks[i - 1] or labels[i - 2] is None \
                or not d.is_patient(i - 2) or fr.P_REVISES_DECLINE.search(d.norms[i]):
            continue  # "Mm." lets the patient go on: "Well. Not fine. I was angry, a bit."
        if utterance_stance(d.norms[i - 2]) == (True, False) and not SECOND_PERSON.search(d.norms[i]):
            out[i] = None
    return out
