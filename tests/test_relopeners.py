"""Who opens an episode: a relative's report, or the patient asking where they stand.

Specifications for :mod:`alliance.annotators._relopenraise`, as whole sessions in
``data/relationship_openers.txt`` (the format of ``relationship_sessions.txt``), and
as single readings of the two openings and their near misses.
"""

from __future__ import annotations


import numpy as np
import pytest

from alliance.annotators._relopenraise import O_SPEAKS_FOR, P_WHERE_I_STAND, P_WILL_YOU_STAY, T_ANSWERS_AS_I
from alliance.annotators._lexicon import normalize

from test_relationship import run, session_bank


@pytest.mark.parametrize("turns,expected", session_bank("relationship_openers.txt"))
def test_the_turn_that_raises_the_relationship_gives_the_episode_its_initiator(turns, expected):
    s = run(turns)
    assert [(e.attrs["initiator"], e.attrs["patient_stance"], e.attrs["after_decline"])
            for e in s.spans_of("episode")] == expected


@pytest.mark.parametrize("text,expected", [
    ("When she found out you're retiring she went very quiet.", True),
    ("He keeps asking me whether you are angry with him.", True),
    ("She thinks you don't believe her about the pain.", True),
    ("Honestly? Daddy talks to you more than he ever talked to any of us.", True),
    ("I reckon he says more to you than he ever does to us.", True),
    ("Mia only really opens up to you, not to me.", True),
    ("He's been dreading you retiring, he won't say it.", True),
    ("She talks to her sister more than to me.", False),
    ("He asked me if you could sign his form.", False),
    ("When he heard his sister is leaving he cried.", False),
])
def test_a_relative_speaks_for_the_patient_about_the_therapist(text, expected):
    assert bool(O_SPEAKS_FOR.search(normalize(text))) is expected


@pytest.mark.parametrize("text,expected", [
    ("You probably think I'm making it all up.", True),
    ("Are you getting sick of me yet?", True),
    ("Do you reckon my boss thinks I'm lazy?", False),
    ("You think it's going to rain later?", False),
    ("Where do you think I should start?", False),  # asking for advice, not a verdict
])
def test_the_patient_asks_the_therapists_verdict(text, expected):
    assert bool(P_WHERE_I_STAND.search(normalize(text))) is expected


@pytest.mark.parametrize("text,expected", [
    ("Will you still be here after the summer?", True),
    ("Are you even going to be around next year?", True),
    ("Will you be at the conference?", False),
])
def test_the_patient_asks_whether_the_therapist_will_stay(text, expected):
    assert bool(P_WILL_YOU_STAY.search(normalize(text))) is expected


@pytest.mark.parametrize("text,expected", [
    ("No. I think you're doing well.", True),
    ("Honestly, I'm not going anywhere.", True),
    ("What makes you ask?", False),
])
def test_the_therapist_answers_in_the_first_person(text, expected):
    assert bool(T_ANSWERS_AS_I.search(normalize(text))) is expected


@pytest.mark.parametrize("turns,expected", [
    # Never having told "anybody" is the patient's history of telling, not the room.
    ([("t", "What did your father say to you back then?"),
      ("p", "That I would never amount to much. I have never told anybody that.")], None),
    ([("t", "And then what happened at school?"),
      ("p", "They picked on me for years. I never said a word about it to anyone.")], None),
    # In front of the therapist, or to them, it is the act in the room.
    ([("t", "Take your time."), ("p", "Sorry. I've never cried in front of anyone before.")], "any"),
    ([("t", "What's on your mind?"), ("p", "I've never said this to you, but I nearly didn't come back after the first week.")], "any"),
    # The sessions themselves as what the therapist asks about.
    ([("p", "We managed Sunday lunch without a row."),
      ("t", "What's it been like for the two of you, coming here these last few weeks?")], "here_and_now"),
    ([("p", "Dad drove me again."), ("t", "How has it been, coming to these sessions with your dad?")], "here_and_now"),
    # Coming somewhere else is not the sessions.
    ([("p", "The flat's very quiet now."), ("t", "What's it like coming home to an empty house?")], None),
    ([("p", "The traffic was awful."), ("t", "How was the drive, coming in this morning?")], None),
])
def test_what_names_the_room_and_what_names_a_life(turns, expected):
    label = run(turns).labels("relationship")[-1]
    assert (label is not None if expected == "any" else label == expected)


@pytest.mark.parametrize("turns,expected", [
    # The patient opens on the work ending: this being the last one, with a feeling.
    ([("t", "Morning, come on in."), ("p", "Hi. Honestly a bit sad that today's our last session.")], "frame_feelings"),
    ([("t", "Have a seat."), ("p", "Weird to think this is the last one. I'm a bit gutted.")], "frame_feelings"),
    # The patient doubting why they keep coming: the frame, in couples work too.
    ([("t", "What's been happening this week?"), ("p", "Honestly I don't know why we keep coming here. Nothing changes.")],
     "frame_feelings"),
    ([("t", "How are things?"), ("p", "Same. I don't even see why I bother coming, if I'm honest.")], "frame_feelings"),
    # Near misses: the last of something else, and why they keep going somewhere else.
    ([("t", "How was the course?"), ("p", "Good. Sad that today was the last class, I'll miss the group.")], None),
    ([("t", "And the gym?"), ("p", "I don't know why I keep going to the gym. I hate it.")], None),
])
def test_the_patient_raises_the_frame_in_their_own_words(turns, expected):
    assert run(turns).labels("relationship")[-1] == expected


@pytest.mark.parametrize("turns,expected", [
    # A judgement other people would pass is about them; the therapist's is "you would".
    ([("t", "And if you took the job?"), ("p", "Scary. The new team would hate me, I'm far too blunt.")], None),
    ([("t", "What stops you going to the reunion?"), ("p", "They'd judge me for dropping out, all of them.")], None),
    ([("t", "You went quiet there."), ("p", "I reckon you'd hate me if you knew the whole story.")], "feelings_about_therapist"),
    ([("t", "What's it like telling me?"), ("p", "I keep thinking you might judge me for it.")], "feelings_about_therapist"),
])
def test_whose_judgement_the_patient_fears(turns, expected):
    assert run(turns).labels("relationship")[-1] == expected


class _Sure:
    """A stand-in for the scorer's probabilities: every turn as sure as given."""

    def __init__(self, p: float) -> None:
        self.p = p

    def __getitem__(self, i: int) -> float:
        return self.p


def _dialogue(*turns: tuple[str, str]):
    from alliance.annotators._lexicon import Dialogue
    from alliance.model import Role, Session, Speaker, Utterance
    speakers = (Speaker("T", "T", Role.THERAPIST), Speaker("P", "P", Role.PATIENT))
    return Dialogue(Session("s", speakers, tuple(Utterance(i, w, t) for i, (w, t) in enumerate(turns))))


@pytest.mark.parametrize("text,expected", [
    ("I feel a bit silly telling you this.", True),             # names the therapist
    ("I've been thinking about ending, and it scares me.", True),  # names the work's end
    ("It makes me feel like I count, you know, like I matter.", False),  # "you know" names no one
    ("It's just weird for me. I don't like thinking about that stuff.", False),
])
def test_the_scorer_opens_a_patients_episode_only_when_the_turn_names_the_work(text, expected):
    from alliance.annotators._relopeners import patient_may_open
    d = _dialogue(("T", "Mm."), ("P", text))
    assert patient_may_open(d, 1, [0.1, 0.95], add=0.6, surer=0.85) is expected
    assert patient_may_open(d, 1, [0.1, 0.80], add=0.6, surer=0.85) is False  # not sure enough
    # An answer to a therapist turn the scorer reads as relationship talk may open one.
    assert patient_may_open(d, 1, [0.7, 0.95], add=0.6, surer=0.85) is True


def test_nearly_not_coming_is_relationship_talk_when_the_therapist_takes_it_up():
    from alliance.annotators._relopeners import near_absence
    d = _dialogue(("P", "I nearly turned round in the car park today."),
                  ("T", "I'm glad you didn't. What made you nearly turn round?"))
    labels: list[str | None] = [None, None]
    near_absence(d, labels, _Sure(0.1), add=0.6)
    assert labels == ["here_and_now", None]
    unanswered = _dialogue(("P", "I nearly turned round in the car park today."), ("T", "How was the traffic?"))
    labels = [None, None]
    near_absence(unanswered, labels, _Sure(0.1), add=0.6)
    assert labels == [None, None]


@pytest.mark.parametrize("patient,therapist,expected", [
    ("You always let her tell it first.", "What's that like for you?", True),
    ("You must think I'm a write-off by now.", "No. I feel hopeful when you come in.", True),
    ("Why do you keep asking me about my dad?", "Say more about what that's like.", True),
    ("Thank you, see you next week.", "Take care.", False),                       # thanks, not address
    ("It was good, you know, quiet.", "Glad to hear it.", False),                # filler "you know"
    ("Did you have a good weekend?", "I did, thanks.", False),                   # the therapist's life
    ("You always let her tell it first.", "Before we start, I wanted to ask about my leave.", False),
    ("My sister said you were all the same.", "What did you make of that?", False),  # reported speech
    ("That's not how it was. You've only read the nurses' side.", "That's fair. Tell me your side.", True),
    ("You're twisting it up just like my probation officer.", "You're right, I jumped on that.", True),
    # Deference hands the therapist the decision; an idiom's "your face" names no one.
    ("Whatever you think is best, madam.", "I notice you agreed very quickly there.", False),
    ("Nobody will say it to your face, that's how it works.", "And here, with me?", False),
])
def test_a_remark_to_the_therapist_about_them_is_an_opening_when_the_reply_answers_it(patient, therapist, expected):
    from alliance.annotators._relopeners import addresses_therapist
    assert addresses_therapist(_dialogue(("P", patient), ("T", therapist)), 0) is expected


_COVER = ("T", "It's been two weeks since I saw you, and Sam covered. How was it, having someone else?")


@pytest.mark.parametrize("turns,proba,expected", [
    # Both fairly sure, the therapist asks, the answer is short: an episode on the pair.
    ([_COVER, ("P", "It was fine. You were away, not gone for good.")], [0.62, 0.7], True),
    # Either one short of sure: nothing.
    ([_COVER, ("P", "It was fine. You were away, not gone for good.")], [0.62, 0.5], False),
    ([_COVER, ("P", "It was fine. You were away, not gone for good.")], [0.5, 0.9], False),
    # The therapist arranges rather than asks.
    ([("T", "We've got five minutes. You said you wanted to come back to the fee."),
      ("P", "Yes. Could we go fortnightly from April?")], [0.7, 0.7], False),
    # A long answer is the patient's story, which the scorer reads as feeling talk anywhere.
    ([_COVER, ("P", " ".join(["and then my brother said we should all go to the coast"] * 3))], [0.7, 0.7], False),
])
def test_a_fairly_sure_question_and_answer_open_an_episode_together(turns, proba, expected):
    from alliance.annotators._relopeners import answered_pairs
    d = _dialogue(*turns)
    out = answered_pairs(d, [None, None], proba, ["frame_feelings"] * 2, [True, True], sure=0.6)
    assert (out == ["frame_feelings", "frame_feelings"]) is expected
    assert out in (["frame_feelings", "frame_feelings"], [None, None])


def _declined_pair(therapist: str, patient: str, sure: float = 0.4, earlier_frame: bool = False,
                   names_pair: bool = True):
    """The labels :func:`declined_pairs` gives a therapist turn and the reply, the scorer ``sure`` of both."""
    from alliance.annotators._lexicon import Dialogue
    from alliance.annotators._relopeners import declined_pairs
    from conftest import make_session

    turns = [("Dr. Vale", "therapist", therapist), ("Robin", "patient", patient)]
    labels: list[str | None] = [None, None]
    if earlier_frame:  # an earlier episode about the break, already labelled
        turns = [("Dr. Vale", "therapist", "How is it, hearing I'll be away?"), ("Robin", "patient", "Fine.")] + turns
        labels = ["frame_feelings", None, None, None]
    d = Dialogue(make_session(turns))
    n = len(turns)
    out = declined_pairs(d, labels, np.full(n, sure), ["frame_feelings"] * n, [names_pair] * n)
    return out[-2:]


def test_a_frame_turn_refused_at_once_opens_an_episode_on_the_pair():
    assert _declined_pair("Can I come back to the fortnightly sessions? How is that gap going to be?",
                          "Honestly, it's fine. You've got other folk to see.") == ["frame_feelings"] * 2
    # A return in the session's own words ("those Thursdays") after earlier talk about the break.
    assert _declined_pair("I wanted to ask again about those Thursdays with no visits.",
                          "I said it's fine. I'm not upset about it.", earlier_frame=True) == ["frame_feelings"] * 2
    # A reaction question names no pair once its hedge is set aside, and no frame word; the
    # scorer's own reading of it as frame talk (at least SURE_FRAME) stands in for them.
    assert _declined_pair("I'm wondering how that news sat with you, with your dad so unwell.",
                          "Oh gosh no, it's totally fine, you've got tons of people to see.", sure=0.45,
                          names_pair=False) == ["frame_feelings"] * 2
    # Very sure of the therapist's frame turn (SUREST_FRAME), the plain refusal alone confirms it...
    assert _declined_pair("I wonder does it feel a bit like a punishment, being seen on your own now?",
                          "Nah nah, I never thought that, it's just the staffing.", sure=0.65,
                          names_pair=False) == ["frame_feelings"] * 2
    # ... but not an assent that happens to say "it's fine".
    assert _declined_pair("I'd like to hear how the plan worked out, if you come back in four weeks.",
                          "Uh, yeah, yeah. It's fine. Let's do that.", sure=0.65, names_pair=False) == [None, None]


@pytest.mark.parametrize("therapist,patient,sure,earlier", [
    # The reply takes it up: no refusal, so nothing for this reading to add.
    ("Can I come back to the fortnightly sessions? How is that gap going to be?", "Long, to be honest.", 0.4, False),
    # The scorer is unsure of both turns.
    ("Can I come back to the fortnightly sessions? How is that gap going to be?", "No, it's fine.", 0.2, False),
    # Not about the frame, no frame talk before it, and the scorer not sure it is frame talk.
    ("What did you do with the hours?", "Nothing much, it's fine.", 0.35, False),
])
def test_a_refusal_opens_nothing_without_a_frame_turn_the_scorer_believes(therapist, patient, sure, earlier):
    assert _declined_pair(therapist, patient, sure, earlier) == [None, None]


def test_the_therapists_question_opens_the_episode_its_answer_would_otherwise_open():
    from alliance.annotators._lexicon import Dialogue
    from alliance.annotators._relopeners import asked_openings
    from conftest import make_session

    d = Dialogue(make_session([
        ("Dr. Vale", "therapist", "You've been ten minutes late the last three weeks. I wonder what that is about for us."),
        ("Robin", "patient", "Bus. Honestly, the 515 never comes on time."),
    ]))
    subtypes = ["frame_feelings", "frame_feelings"]
    # The scorer reads the therapist's turn as relationship talk: it opens the episode.
    assert asked_openings(d, [None, "frame_feelings"], np.array([0.7, 0.8]), subtypes, [True, True])[0] == "frame_feelings"
    # A question the scorer does not read as relationship talk ("how was the week?") stays out.
    assert asked_openings(d, [None, "frame_feelings"], np.array([0.2, 0.8]), subtypes, [True, True])[0] is None


def test_a_remark_the_therapist_takes_up_as_said_to_them_opens_the_episode():
    from alliance.annotators._lexicon import Dialogue
    from alliance.annotators._relopeners import with_openings
    from conftest import make_session

    def opening(reply: str) -> str | None:
        d = Dialogue(make_session([
            ("Robin", "patient", "I don't see what talking does. We sit here every week and she's still gone."),
            ("Dr. Vale", "therapist", reply)]))
        return with_openings(d, [None, "here_and_now"], np.array([0.15, 0.9]), ["here_and_now"] * 2, [True, True])[0]

    # "That's a fair thing to say" answers the remark as said to the therapist: it opened the episode.
    assert opening("That's a fair thing to say, and I'd rather you said it. What would you want these hours to do?") \
        == "here_and_now"
    # A therapist's turn that does not take the remark up leaves a scorer this unsure out.
    assert opening("What would you want these hours to do for you?") is None


@pytest.mark.parametrize("patient,opens", [
    ("Can I be straight with you? This homework feels like being back at school. I don't see the point.", True),
    ("Can I ask you something? Will you still be here after the summer?", True),
    ("Okay, I'm just going to say it. Why didn't you answer my message?", True),
    # A bare "honestly" only stresses the story: the reply's relationship talk does not reach back.
    ("Honestly it felt like being traded, like a baseball card.", False),
])
def test_a_turn_that_asks_leave_to_speak_plainly_opens_the_episode_its_answer_takes_up(patient, opens):
    # The scorer hardly believes the patient's turn; what it asks leave to say is the opening.
    assert _opens_before(patient, "I notice that's when the work starts to feel pointless to you.") is opens


def _opens_before(patient: str, reply: str) -> bool:
    """Whether a patient turn the scorer hardly believes (0.15), not free to open an episode on
    its own, joins the episode the therapist's relationship-talk reply (0.9) starts."""
    from alliance.annotators._lexicon import Dialogue
    from alliance.annotators._relopeners import with_openings
    from conftest import make_session

    d = Dialogue(make_session([("Robin", "patient", patient), ("Dr. Vale", "therapist", reply)]))
    label = with_openings(d, [None, "here_and_now"], np.array([0.15, 0.9]), ["here_and_now"] * 2, [False, True])[0]
    return label == "here_and_now"


@pytest.mark.parametrize("patient,opens", [
    ("Why do you keep bringing everything back to my mother?", True),
    ("You looked at the clock twice while I was talking.", True),
    ("Honestly, these sessions aren't helping. I don't see the point of coming any more.", True),
    # Reported speech and a complaint about someone else are not said against the therapist.
    ("My husband says you never listen to me either.", False),
    ("The GP never listens. He just keeps pushing tablets at me.", False),
])
def test_a_complaint_about_the_therapist_or_the_therapy_opens_the_episode_its_answer_takes_up(patient, opens):
    # The complaint names the therapist or the work in words the scorer hardly believes; the
    # therapist answering it as relationship talk makes it the opening, and the patient the initiator.
    assert _opens_before(patient, "I wonder what it's like, here with me, when that happens.") is opens


@pytest.mark.parametrize("second,kept", [
    ("But truly, I miss the small room. You used to give me tea in the blue cup.", True),
    ("Well. Not fine. I was angry, a bit, and then I felt awful about it.", True),
    ("Actually this week was not good. The voices were loud again on Wednesday.", False),  # moves on
    # A feeling owned as a second thought goes back on the refusal, whatever it names.
    ("Though, to be honest, I'll miss having somewhere I don't have to explain myself.", True),
    ("Actually the thing I wanted to ask is about sleeping. I feel awful most nights.", False),  # moves on
])
def test_a_second_thought_after_a_refusal_stays_in_the_episode(second, kept):
    from alliance.annotators._lexicon import Dialogue
    from alliance.annotators._relopeners import revised_declines
    from conftest import make_session

    d = Dialogue(make_session([
        ("Dr. Vale", "therapist", "Can I ask what it's been like doing this by video, rather than in the room?"),
        ("Robin", "patient", "It is fine, don't worry. I know I am the one who moved."),
        ("Dr. Vale", "therapist", "Mm."),
        ("Robin", "patient", second)]))
    out = revised_declines(d, ["frame_feelings", "frame_feelings", None, None])
    assert (out[3] == "frame_feelings") is kept


def test_a_complaint_about_the_challenge_just_made_opens_the_episode_itself():
    from alliance.annotators._lexicon import Dialogue
    from alliance.annotators._relopeners import asked_openings
    from conftest import make_session

    def opening(reply: str) -> str | None:
        d = Dialogue(make_session([
            ("Dr. Vale", "therapist", "You're telling me Saturday was fine, but you woke up on a mate's couch "
                                      "not knowing how you got there."),
            ("Robin", "patient", reply)]))
        return asked_openings(d, [None, "feelings_about_therapist"], np.array([0.5, 0.6]),
                              ["here_and_now", "feelings_about_therapist"], [True, True])[0]

    # The challenge is about the patient's weekend; the complaint about the therapist raised the two of them.
    assert opening("Don't start. Why do you always have to make everything about my drinking?") is None
    # An answer that takes the therapist's turn up as about the two of them leaves it the opening.
    assert opening("I know. I didn't want you to think less of me, so I said it was fine.") == "here_and_now"


@pytest.mark.parametrize("reply,opens", [
    ("No. It's got nothing to do with you, the sheets are just pointless.", True),
    ("why do you keep on about it its a building", True),
    ("It's not about you. I was tired, that's all.", True),
    # Refusing a challenge about the patient's own life is a complaint; it opens the episode itself.
    ("That's not it at all. You're twisting what I said.", False),
])
def test_a_refusal_of_the_therapists_reading_leaves_the_therapist_the_opening(reply, opens):
    # A scorer unsure of the therapist's turn (0.15, under the usual lead-in) still gives it the
    # episode when the answer refuses it as being about the two of them: a refusal answers.
    from alliance.annotators._lexicon import Dialogue
    from alliance.annotators._relopeners import asked_openings
    from conftest import make_session

    d = Dialogue(make_session([
        ("Ms Okafor", "therapist", "I wonder if calling the sheets pointless today was a way of saying no to me."),
        ("Jo", "patient", reply)]))
    opening = asked_openings(d, [None, "feelings_about_therapist"], np.array([0.15, 0.9]),
                             ["here_and_now", "feelings_about_therapist"], [True, True])[0]
    assert (opening == "here_and_now") is opens


def test_an_episode_opened_late_takes_in_the_turns_the_scorer_is_sure_of():
    # The scorer's additions come before the openings are read; an episode a complaint
    # opened afterwards still takes the sure answer after it ("I was real vex").
    from alliance.annotators._lexicon import Dialogue
    from alliance.annotators._relchecks import with_sure_neighbours
    from conftest import make_session

    d = Dialogue(make_session([
        ("Sam", "patient", "Thursday in group you cut me off in front of everybody."),
        ("Dr. Vale", "therapist", "You're right, I did cut you off. Tell me what that was like."),
        ("Sam", "patient", "I was real vex. First time I ever talked about my father in front of people."),
        ("Dr. Vale", "therapist", "Mm."),
        ("Sam", "patient", "Anyway. The job centre rang on Monday.")]))
    opened = ["feelings_about_therapist", "feelings_about_therapist", None, None, None]
    proba = np.array([0.6, 0.9, 0.7, 0.0, 0.65])
    subtypes = ["feelings_about_therapist"] * 5
    grown = with_sure_neighbours(d, opened, proba, subtypes, 0.6)
    assert grown[2] == "feelings_about_therapist"  # sure, and next to the episode
    assert grown[3] is None  # a bare acknowledgement never joins on the scorer's word
    assert grown[4] is None  # sure, but out of reach of the episode as it was opened


@pytest.mark.parametrize("reply,opens", [
    ("um its the service innit, you lot have got waiting lists, its not like its your decision", True),
    ("Ah stop, you're grand, sure everyone forgets things.", True),
    ("We went to my nan's for tea.", False),  # no refusal: nothing says the question was about the frame
])
def test_a_refusal_that_excuses_the_therapist_opens_the_episode_on_an_unsure_question(reply, opens):
    # The seed pattern's own refusal says what the question before it was about, even when
    # the scorer gives the question little (0.15, under the usual 0.3 for a declined pair).
    from alliance.annotators._lexicon import Dialogue
    from alliance.annotators._relopeners import declined_pairs
    from conftest import make_session

    d = Dialogue(make_session([
        ("Dr. Vale", "therapist", "And how is it, hearing that we're going fortnightly from next month?"),
        ("Robin", "patient", reply)]))
    labels = declined_pairs(d, [None, None], np.array([0.15, 0.5]), ["frame_feelings", "frame_feelings"], [True, True])
    assert (labels[0] == "frame_feelings") is opens


@pytest.mark.parametrize("answer,opens", [
    ("I'm sorry, that came out harder than I meant it. How did it feel to hear me say that?", True),
    ("I did. I'm sorry, that's on me. How was that, hearing it from me?", True),
    ("I'm sorry to hear that. How is your wife now?", False),  # sympathy about the patient's life
])
def test_an_apology_at_once_takes_the_remark_before_it_as_said_to_the_therapist(answer, opens):
    from alliance.annotators._lexicon import Dialogue
    from alliance.annotators._relopeners import with_openings
    from conftest import make_session

    d = Dialogue(make_session([
        ("Kofi", "patient", "Ei, so you are also calling me a drunkard, like my wife."),
        ("Dr. Vale", "therapist", answer)]))
    # The scorer unsure of the remark (0.15), sure of the answer.
    opened = with_openings(d, [None, "feelings_about_therapist"], np.array([0.15, 0.9]),
                           ["transference_link", "feelings_about_therapist"], [True, True])
    assert (opened[0] == "transference_link") is opens


@pytest.mark.parametrize("reply,opens", [
    ("A room's a room, mate, I've sat in worse.", True),
    ("Honestly a lie-in, I got my washing done for once.", True),
    ("It felt smaller, if I'm honest, like I'd been demoted.", False),  # takes it up: not this reading's
    ("Honestly, I liked the old room better, I felt safer up there.", False),
])
def test_a_refusal_in_words_no_list_has_opens_the_pair_when_the_stance_reader_is_all_but_sure(reply, opens):
    # The scorer doubts the answer (0.1) and no decline phrase matches it; the stance reader,
    # reading question and answer as one episode, must give "declined" READER_DECLINES.
    from alliance.annotators._lexicon import Dialogue
    from alliance.annotators._relopeners import declined_pairs
    from conftest import make_session

    d = Dialogue(make_session([
        ("Dr. Vale", "therapist", "How did it sit with you when I moved us to the smaller room downstairs?"),
        ("Robin", "patient", reply),
        ("Dr. Vale", "therapist", "Fair enough."),
        ("Robin", "patient", "So the court date came through.")]))
    labels = declined_pairs(d, [None] * 4, np.array([0.5, 0.1, 0.0, 0.0]), ["frame_feelings"] * 4, [True] * 4)
    assert labels[:2] == (["frame_feelings"] * 2 if opens else [None, None])


def test_without_the_stance_reader_an_unlisted_refusal_opens_nothing(monkeypatch):
    from alliance.annotators import _relopeners
    from alliance.annotators._lexicon import Dialogue
    from conftest import make_session

    monkeypatch.setattr(_relopeners, "load_stance_model", lambda: None)
    d = Dialogue(make_session([
        ("Dr. Vale", "therapist", "How did it sit with you when I moved us to the smaller room downstairs?"),
        ("Robin", "patient", "A room's a room, mate, I've sat in worse."),
        ("Dr. Vale", "therapist", "Fair enough."),
        ("Robin", "patient", "So the court date came through.")]))
    labels = _relopeners.declined_pairs(d, [None] * 4, np.array([0.5, 0.1, 0.0, 0.0]), ["frame_feelings"] * 4,
                                        [True] * 4)
    assert labels[:2] == [None, None]


@pytest.mark.parametrize("proba,subtype", [
    ([0.5, 0.05, 0.0, 0.0], "frame_feelings"),  # the scorer rules the answer out
    ([0.35, 0.5, 0.0, 0.0], "frame_feelings"),  # the scorer does not read the question as frame talk
    ([0.7, 0.5, 0.0, 0.0], "feelings_about_therapist"),  # ... nor as frame talk, however sure
])
def test_the_stance_reader_is_asked_only_about_a_frame_question_and_an_answer_the_scorer_allows(proba, subtype):
    # The reader judges stance, not whether two turns are relationship talk: asked about an MI
    # exchange ("how would it be for your mum?" / "I think she'd be proud of me") followed by
    # "Yeah.", it reads a refusal.
    from alliance.annotators._lexicon import Dialogue
    from alliance.annotators._relopeners import declined_pairs
    from conftest import make_session

    d = Dialogue(make_session([
        ("Dr. Vale", "therapist", "How did it sit with you when I moved us to the smaller room downstairs?"),
        ("Robin", "patient", "A room's a room, mate, I've sat in worse."),
        ("Dr. Vale", "therapist", "Fair enough."),
        ("Robin", "patient", "So the court date came through.")]))
    labels = declined_pairs(d, [None] * 4, np.array(proba), [subtype] * 4, [True] * 4)
    assert labels[:2] == [None, None]
