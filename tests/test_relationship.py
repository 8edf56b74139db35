"""Relationship talk and episodes: specifications on short synthetic dialogues."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from alliance.annotators.relational import relational_annotators
from alliance.metrics.relational import relational_metrics
from alliance.pipeline import Pipeline
from conftest import make_session

PIPE = Pipeline(relational_annotators())


def run(turns, **kw):
    """Annotate a dialogue given as [(role letter, text), ...] with the relational annotators."""
    names = {"t": ("Dr. Vale", "therapist"), "p": ("Robin", "patient"), "q": ("Alex", "patient"),
             "o": ("Mum", "other")}
    return PIPE(make_session([(*names[r], text) for r, text in turns], **kw))


def rel(session):
    return session.labels("relationship")


def episodes(session):
    return [(e.first, e.last, e.attrs["initiator"], e.attrs["patient_stance"], e.attrs["after_decline"])
            for e in session.spans_of("episode")]


def returns(session):
    return next(f.value for f in relational_metrics(session) if f.name == "therapist_returns_after_decline")


def lower_no_punct(turns):
    """The same dialogue as a speech recogniser writes it: lower case, no punctuation."""
    return [(r, "".join(c for c in t.lower() if c.isalnum() or c in " '")) for r, t in turns]


VACATION = [
    ("t", "How was the week?"),
    ("p", "Long. My manager kept changing the deadline."),
    ("t", "I'll be away for two weeks in August, so we won't meet on the 10th or the 17th."),
    ("p", "Okay, I'll note it."),
    ("t", "Do you feel a bit abandoned when I go on vacation?"),
    ("p", "No, it's fine. I understand you have a life."),
    ("t", "Okay."),
    ("p", "So the deadline moved again on Thursday."),
    ("t", "What did you do when it moved?"),
    ("p", "I stayed late and finished it. Nobody thanked me."),
    ("t", "Nobody noticed how much you carried."),
    ("p", "Right. It's always like that there."),
]
RETURN_1 = [
    ("t", "I wonder whether my being away stirs up something like that, being left to carry it."),
    ("p", "No, really, it's two weeks. Everyone needs a holiday."),
    ("t", "Mm-hmm."),
    ("p", "Anyway, my sister is visiting on Saturday."),
    ("t", "How do you feel about her visit?"),
    ("p", "Nervous. She always criticises the flat."),
    ("t", "That sounds tiring."),
    ("p", "It is."),
]
RETURN_2 = [
    ("t", "Before we stop, I want to come back once more to the break. How is it for you, thinking about those weeks without our sessions?"),
    ("p", "It's fine, honestly. You deserve the time off."),
]


@pytest.mark.parametrize("n_returns", [0, 1, 2])
def test_the_seed_vacation_pattern_counts_every_return_after_a_decline(n_returns):
    turns = VACATION + RETURN_1 * (n_returns >= 1) + RETURN_2 * (n_returns >= 2)
    s = run(turns)
    eps = episodes(s)
    assert len(eps) == 1 + n_returns
    assert all(e[2] == "therapist" and e[3] == "declined" for e in eps)
    assert [e[4] for e in eps] == [False] + [True] * n_returns
    assert returns(s) == n_returns


@pytest.mark.parametrize("n_returns", [0, 1, 2])
def test_the_seed_pattern_survives_speech_recognition_text(n_returns):
    turns = VACATION + RETURN_1 * (n_returns >= 1) + RETURN_2 * (n_returns >= 2)
    assert returns(run(lower_no_punct(turns))) == n_returns


def test_the_decline_after_a_relationship_question_is_relationship_talk_but_no_rupture():
    s = run(VACATION)
    assert rel(s)[4] == "frame_feelings" and rel(s)[5] == "frame_feelings"
    assert s.labels("rupture")[5] is None


def test_announcing_a_break_is_logistics_not_relationship_talk():
    s = run(VACATION[:4])
    assert rel(s) == [None] * 4
    assert s.labels("focus")[2] == "logistics"


@pytest.mark.parametrize("turns", [
    [("t", "Can we move Tuesday to three?"), ("p", "Three works."), ("t", "Great, Tuesday at three then."),
     ("p", "And the invoice went to my old address."), ("t", "I'll tell the office.")],
    [("t", "Hi, come on in. How are you?"), ("p", "Fine, thanks, and you?"), ("t", "Very well, thank you.")],
    [("p", "My husband never listens to me. He says I'm impossible."), ("t", "What happens when he says that?"),
     ("p", "I feel small. My boss does the same, and my mother always left when things got hard."),
     ("t", "So with him and at work you swallow it."), ("p", "No. I mean yes, I swallow it.")],
    [("p", "Did you have a nice holiday?"), ("t", "I did, thank you."), ("p", "Where did you go?"),
     ("t", "Somewhere with a lot of rain. How was your week?"), ("p", "Quiet.")],
], ids=["logistics", "social", "spouse-boss-mother", "asks-about-therapist"])
def test_controls_have_no_relationship_talk_and_no_episode(turns):
    s = run(turns)
    assert rel(s) == [None] * len(turns)
    assert episodes(s) == []


@pytest.mark.parametrize("role,text,subtype", [
    ("t", "What's it like, telling me this?", "here_and_now"),
    ("p", "Sometimes I think you're bored with me.", "feelings_about_therapist"),
    ("t", "Did my being away for two weeks stir anything up for you?", "frame_feelings"),
    ("t", "You expect me to leave, the way your mother did.", "transference_link"),
    ("t", "I notice I feel protective of you when you say that.", "immediacy"),
    ("p", "You sound just like my father.", "transference_link"),
    ("p", "do you even like seeing me", "feelings_about_therapist"),
])
def test_each_subtype_is_recognised(role, text, subtype):
    s = run([("p" if role == "t" else "t", "Go on."), (role, text)])
    assert rel(s)[1] == subtype


def test_transference_link_takes_precedence_over_feelings_about_the_therapist():
    s = run([("p", "It's hard."), ("t", "I wonder if you feel I'm angry with you, just like your father was.")])
    assert rel(s)[1] == "transference_link"


def test_a_reflection_of_feelings_about_the_therapist_continues_the_episode():
    s = run([
        ("p", "Last week you looked at the clock twice. It felt like you wanted me gone."),
        ("t", "Caught taking up too much room."),
        ("p", "Yes, exactly. Embarrassed, mostly."),
        ("t", "Let's talk about your job interview."),
        ("p", "It's on Monday."),
    ])
    assert [x is not None for x in rel(s)] == [True, True, True, False, False]
    assert episodes(s) == [(0, 2, "patient", "engaged", False)]


def test_bare_acknowledgements_are_gaps_not_relationship_talk():
    s = run([("t", "How is it for you to tell me this, right now?"), ("p", "Scary, but good."),
             ("t", "Mm-hmm."), ("p", "Yeah.")])
    assert rel(s)[2] is None and rel(s)[3] is None


def test_a_patient_who_adds_feeling_after_minimising_is_mixed():
    s = run([("t", "How are you feeling about ending in four sessions?"),
             ("p", "Still ready. But I suppose a bit sadder than I let on at first.")])
    assert episodes(s)[0][3] == "mixed"


def test_an_engaged_episode_between_does_not_reset_the_return_count():
    s = run([
        ("t", "How do you feel about my vacation next month?"), ("p", "No, it's fine."),
        ("t", "Tell me about the move."), ("p", "The boxes are everywhere."), ("t", "Sounds chaotic."),
        ("p", "I think I'm going to miss coming here while you're away. It feels like losing a place."),
        ("t", "What would you miss most?"), ("p", "Being listened to."),
        ("t", "Okay. And the new flat?"), ("p", "Small but fine."), ("t", "Good."),
        ("t", "Coming back to my vacation, I wonder if it stirs up anything about being left."),
        ("p", "No, honestly."),
    ])
    eps = episodes(s)
    assert [e[3] for e in eps] == ["declined", "engaged", "declined"]
    assert [e[4] for e in eps] == [False, False, True]


def test_couples_talking_to_each_other_is_not_relationship_talk():
    s = run([("t", "Alex, what do you need from Robin?"), ("q", "You never listen to me."),
             ("p", "You don't let me finish!"), ("q", "You always do this.")])
    assert rel(s) == [None] * 4


def test_the_annotators_do_not_change_their_input_session():
    session = make_session([("T", "therapist", "How is it to tell me this?"), ("P", "patient", "Hard.")])
    before = session
    PIPE(session)
    assert session == before and session.annotations == ()


def test_the_learned_scorer_gates_rule_labels_and_adds_only_next_to_them():
    import numpy as np
    from alliance.annotators._relmodel import combine
    rules = ["frame_feelings", "frame_feelings", None, None, None, "here_and_now"]
    p = np.array([0.05, 0.02, 0.9, 0.9, 0.9, 0.5])
    subs = ["here_and_now"] * 6
    # The first rule label is dropped (p < gate), so its continuation goes too;
    # additions need a rule label within one utterance.
    assert combine(rules, p, subs, gate=0.1, add=0.7) == [None, None, "here_and_now", None, "here_and_now",
                                                          "here_and_now"]


def test_a_confident_model_starts_an_episode_the_rules_missed():
    import numpy as np
    from alliance.annotators._relmodel import combine
    rules = ["here_and_now"] + [None] * 7
    p = np.array([0.5, 0.3, 0.55, 0.2, 0.2, 0.8, 0.2, 0.7])
    subs = ["frame_feelings"] * 8
    # 0.55 >= add two turns from a rule label; 0.8 >= start opens an episode on
    # its own; 0.7 is below start and only near a model-only hit, so it stays out.
    assert combine(rules, p, subs, gate=0.1, add=0.5, start=0.75) == [
        "here_and_now", None, "frame_feelings", None, None, "frame_feelings", None, None]
    # Without a start threshold the model only adds right next to rule labels.
    assert combine(rules, p, subs, gate=0.1, add=0.5) == ["here_and_now"] + [None] * 7


def test_rules_alone_when_the_model_is_switched_off():
    from alliance.annotators.relationship import RelationshipTalk
    from conftest import make_session
    s = make_session([("Dr. Vale", "therapist", "Do you feel a bit abandoned when I go on vacation?"),
                      ("Robin", "patient", "No, it's fine.")])
    labels = [a.value for a in RelationshipTalk(use_model=False).annotate(s).annotations]
    assert labels == ["frame_feelings", "frame_feelings"]


# -- dialogue state: announcements, reaction questions, returns (fourth round) ------

ROOM_MOVE = [
    ("t", "One bit of news first: the clinic is moving across town at the end of next month."),
    ("p", "Oh. Across town. Okay."),
    ("t", "We'll be on the third floor, there's a lift."),
    ("p", "Right."),
    ("t", "How is it hearing that we're moving, after all this time?"),
    ("p", "It's fine, really, I'll sort out a train."),
    ("t", "Okay. How did the interview go?"),
    ("p", "Better than I expected. They asked about my gap year."),
]


def test_announcing_a_change_of_room_is_logistics_but_asking_about_it_is_frame_talk():
    labels = rel(run(ROOM_MOVE))
    assert labels[0] is None and labels[2] is None
    assert labels[4] == "frame_feelings" and labels[5] == "frame_feelings"
    assert labels[6] is None and labels[7] is None


@pytest.mark.parametrize("question", [
    "I wonder how it was, not coming here for a few weeks.",
    "What will it be like, with three weeks between sessions?",
    "What was it like, missing last week's session?",
])
def test_reaction_questions_that_name_the_frame_indirectly(question):
    s = run([("t", "How are things?"), ("p", "Busy with the move."), ("t", question),
             ("p", "Honestly it was okay, I kept busy.")])
    assert rel(s)[2] == "frame_feelings" and rel(s)[3] == "frame_feelings"


def test_a_plain_fine_ends_the_episode_and_the_follow_up_about_events_is_not_relationship_talk():
    s = run([("t", "I'm sorry I had to cancel our last two sessions."), ("p", "No problem."),
             ("t", "How was it for you, having that gap with no sessions?"), ("p", "Fine. Kept busy."),
             ("t", "Busy with what?"), ("p", "The garden, mostly. And the grandchildren.")])
    assert rel(s)[2] == "frame_feelings" and rel(s)[3] == "frame_feelings"
    assert rel(s)[4] is None and rel(s)[5] is None


@pytest.mark.parametrize("text", [
    "I did wonder whether you'd come back at all, after the third week.",
    "I see you scribble something and I think, she's writing that I'm hopeless.",
    "When you bring up my dad I feel like a file being read out.",
])
def test_patient_feelings_about_the_therapist_in_new_words(text):
    assert rel(run([("t", "What's on your mind today?"), ("p", text)]))[1] == "feelings_about_therapist"


@pytest.mark.parametrize("text", [
    "You told me people who leave should just go. I wonder if that's a bit what I did, going off for a month.",
    "It's striking that your friend moving away came up just after I mentioned my leave.",
])
def test_transference_links_from_the_therapist_side(text):
    assert rel(run([("p", "Anyway, that's the week."), ("t", text)]))[1] == "transference_link"


def test_arranging_the_next_meeting_closes_an_episode():
    s = run([("t", "I'm aware I'll be away for three weeks. How is that for you?"),
             ("p", "I'll miss this, to be honest."), ("t", "Thank you for saying so."),
             ("t", "Let's meet again on the ninth, when I'm back.")])
    assert rel(s)[1] is not None and rel(s)[3] is None


def test_reported_speech_with_words_in_between_is_not_about_the_therapist():
    s = run([("p", "My brother walked in and said, you never listen to anyone, you're always on that laptop."),
             ("t", "What happened for you when he said that?"), ("p", "I felt tiny and furious at once.")])
    assert rel(s) == [None, None, None]
    assert s.labels("rupture") == [None, None, None]


# -- episode stance after a complaint (codebook decision 10) --------------------------------

def _stance_of_first_episode(turns):
    return episodes(run(turns))[0][3]


def test_a_patient_asking_to_go_back_to_what_the_therapist_announced_starts_the_episode():
    s = run([("t", "I'll be at a conference next month, so we'll miss two weeks."), ("p", "Okay."),
             ("t", "So, where shall we start today?"),
             ("p", "Can I go back to what you said at the start? About the conference.")])
    assert episodes(s)[0][:3] == (3, 3, "patient")


def test_a_complaint_the_patient_then_explores_is_an_engaged_episode():
    assert _stance_of_first_episode([
        ("t", "I think the anger at your boss is really about your father."),
        ("p", "No. That's not what I said. You're twisting it round again."),
        ("t", "Okay. What was it like, hearing that from me just now?"),
        ("p", "Like being caught out. Like you'd already decided what I felt before I'd said a word."),
    ]) == "engaged"


def test_a_complaint_followed_only_by_shutting_down_is_a_mixed_episode():
    assert _stance_of_first_episode([
        ("p", "You always do this. You make everything about my brother."),
        ("t", "It sounds like I got that wrong. What would you rather we looked at?"),
        ("p", "Fine."),
    ]) == "mixed"


def test_quoting_an_earlier_decline_while_owning_the_feeling_is_engaged():
    assert _stance_of_first_episode([
        ("t", "I'll be at a conference next month, so we'll miss two weeks."), ("p", "Okay."),
        ("t", "So, where shall we start today?"),
        ("p", "Can I go back to what you said at the start? About the conference."),
        ("t", "Please, go on."),
        ("p", "I said it was fine, and mostly it is. But sitting here I noticed I felt a bit left behind."),
    ]) == "engaged"


def test_coping_assurances_are_declines_even_after_yes():
    assert _stance_of_first_episode([
        ("t", "I'll be away for the two weeks of half term. How is that for the two of you?"),
        ("p", "It's fine, honestly. You're entitled to a break."),
        ("q", "Yeah, we're grown-ups. We can manage a couple of weeks."),
    ]) == "declined"


# -- sixth round: frame announcements and returns in other authors' words -----------------

def test_being_out_for_weeks_is_a_frame_announcement_and_the_month_names_it():
    s = run([("t", "Before I forget: I'll be out for three weeks in November, for a family matter."),
             ("p", "Okay, I'll put it in my diary."),
             ("t", "And what is it like for you, hearing that?"),
             ("p", "It's fine, honestly. These things happen."),
             ("t", "How's the new job going?"),
             ("p", "Busy. My manager keeps changing the rota."),
             ("t", "Can we come back to November for a moment? Three weeks is a long time."),
             ("p", "I've told you, it's fine.")])
    assert rel(s)[2] is not None and rel(s)[6] is not None


def test_sessions_moving_to_the_phone_is_a_frame_announcement():
    s = run([("t", "Something practical: the clinic is being painted, so for a month our sessions will be on the phone."),
             ("p", "oh right"),
             ("t", "How do you feel about doing them by phone for a while?")])
    assert rel(s)[2] == "frame_feelings"


@pytest.mark.parametrize("question", [
    "Does that land anywhere for you?",
    "How is it to hear that?",
    "I wonder who holds things for you while I'm away.",
])
def test_a_reaction_to_an_announced_break_in_new_words_is_frame_talk(question):
    s = run([("t", "I'll be away for three weeks in June."), ("p", "Okay."), ("t", question)])
    assert rel(s)[2] == "frame_feelings"


@pytest.mark.parametrize("line", [
    "I came in too strongly there. Tell me about the recital.",
    "I jumped in with my own read there, and I'd rather hear yours.",
    "That was a big question to throw at you straight away.",
])
def test_the_therapist_owning_the_move_just_made_is_relationship_talk(line):
    s = run([("p", "I didn't go to the party in the end."), ("t", line)])
    assert rel(s)[1] is not None


def test_a_therapist_setting_their_own_act_beside_the_patient_story_is_a_link():
    s = run([("p", "My brother always picked his friends over me."),
             ("t", "I wonder if my cancelling was a little like that too, me choosing something else over you.")])
    assert rel(s)[1] == "transference_link"


def test_someone_else_jumping_in_is_not_relationship_talk():
    s = run([("t", "What happened at the meeting?"),
             ("p", "My manager jumped in with his own plan and nobody else spoke.")])
    assert rel(s) == [None, None]


def test_the_scorer_alone_opens_an_episode_only_where_the_turn_may_start_one():
    from alliance.annotators._relmodel import combine
    import numpy as np

    rules = [None, None, None, None, None, None, None]
    proba = np.array([0.1, 0.1, 0.1, 0.95, 0.1, 0.1, 0.1])
    subtypes = ["here_and_now"] * 7
    assert combine(rules, proba, subtypes, 0.5, 0.6, 0.75)[3] == "here_and_now"
    assert combine(rules, proba, subtypes, 0.5, 0.6, 0.75, may_start=[True] * 3 + [False] + [True] * 3)[3] is None


def test_a_reflection_of_ambivalence_that_names_neither_of_them_is_not_relationship_talk():
    s = run([("t", "Last time you mentioned the drinking. Where are you with it?"),
             ("p", "Honestly, I don't know. I like it. It's the one thing that helps me switch off after a shift."),
             ("t", "It does something for you, and at the same time you brought it up, so part of you is wondering about it."),
             ("p", "Yeah. My sister keeps saying I smell like a brewery.")])
    assert rel(s) == [None] * 4
    assert episodes(s) == []


@pytest.mark.parametrize("text,asks", [
    ("I do not think so", False),
    ("I have a plan for the weekend", False),
    ("I was going to say the same", False),
    ("I wonder what that was like", True),
    ("I just wonder if it matters", True),
    ("so do you want to start there", True),
])
def test_a_statement_opening_with_i_and_an_auxiliary_is_not_a_question(text, asks):
    from alliance.annotators._lexicon import is_question, normalize

    assert is_question(text, normalize(text)) is asks


def test_asking_what_it_is_like_having_the_therapist_there_is_here_and_now():
    s = run([("p", "I can't do it with someone looking."),
             ("t", "What's it like, having me sit here while you try?")])
    assert rel(s)[1] is not None


# -- several clients in the room ------------------------------------------------------------

def test_a_relative_voicing_the_patients_feelings_about_the_therapist_starts_an_episode():
    s = run([("t", "How have the evenings been this week?"),
             ("p", "Same as always."),
             ("o", "Can I just say, she actually looks forward to coming here, she'd never tell you to your face."),
             ("p", "Mum, seriously."),
             ("t", "Robin, how is it hearing that said out loud?"),
             ("p", "It's fine. You're alright, I guess.")])
    assert rel(s)[2] == "feelings_about_therapist"
    assert rel(s)[4] is not None and rel(s)[5] is not None
    assert episodes(s)[0][:2] == (2, 5)
    assert episodes(s)[0][3] == "mixed"  # a refusal that ends in grudging praise


def test_a_relative_reporting_what_the_patient_said_about_the_therapist_is_relationship_talk():
    s = run([("t", "What would you like to start with tonight?"),
             ("q", "Go on, Robin."),
             ("o", "He told me on the bus home that you ask good questions, even if he won't admit it.")])
    assert rel(s)[2] == "feelings_about_therapist"


@pytest.mark.parametrize("turn", [
    "Robin, can you say to Alex what you heard him say just now, rather than to me?",
    "Could you two turn to each other and say that directly to each other?",
])
def test_asking_one_partner_to_speak_to_the_other_is_not_relationship_talk(turn):
    # An enactment: the therapist steps out so the couple talk to each other (codebook, couples).
    s = run([("p", "You never listen. I was on my own all night at your mother's."),
             ("q", "That's not fair, I was looking after the kids."),
             ("t", turn),
             ("p", "You felt on your own. At your mother's.")])
    assert rel(s) == [None, None, None, None]


def test_an_idiom_about_the_clock_is_not_the_sessions_clock():
    s = run([("t", "What did the timer do for you?"),
             ("p", "Made it feel like a match. You play the clock, not the ref.")])
    assert rel(s) == [None, None]


def test_a_partner_saying_the_therapist_sides_with_the_other_is_relationship_talk():
    s = run([("t", "Alex, what happened on Saturday?"),
             ("q", "Robin booked a holiday without asking me, again."),
             ("p", "Here we go. Alex complains, you nod along, and I'm the villain every week.")])
    assert rel(s)[2] == "feelings_about_therapist"


def test_the_therapist_owning_a_lean_toward_one_partner_is_relationship_talk():
    s = run([("q", "It feels a bit like both of you against me."),
             ("t", "Thank you for saying it. I may have been taking Robin's side, and I'd like to hear how that has been.")])
    assert rel(s)[1] is not None


def test_comparing_the_therapist_with_an_earlier_counsellor_links_the_relationship():
    s = run([("o", "She won't say so, but she doesn't mind these sessions."),
             ("p", "Ugh. Fine. It's better than the old counsellor, he lectured me the whole time."),
             ("t", "And how is it with me, next to him?")])
    assert rel(s)[1] == "transference_link"
    assert rel(s)[2] is not None


def test_partners_quarrelling_with_each_other_stay_outside_relationship_talk():
    s = run([("t", "What's been happening at home?"),
             ("p", "Alex never tells me anything, and then I find out from the neighbours."),
             ("q", "Because you'd only shout. You always take over."),
             ("p", "I don't shout. You just don't like hearing no.")])
    assert rel(s) == [None, None, None, None]



def test_question_about_hearing_news_reaches_back_to_the_announcement():
    """'How is it for you to hear this?' asks about the therapist's announcement a few
    turns earlier, after the patient's questions about it: the therapist opens the episode."""
    from alliance.annotators._lexicon import Dialogue
    from alliance.annotators.relationship import relationship_labels

    session = make_session([
        ("T", "therapist", "Before we finish, I need to let you know I'll be off work for three weeks from the tenth."),
        ("P", "patient", "Oh. Is everything all right?"),
        ("T", "therapist", "Yes, a planned operation, nothing to worry about."),
        ("P", "patient", "Okay. Good luck with it."),
        ("T", "therapist", "Thank you. And how is it for you to hear this today?"),
        ("P", "patient", "Honestly, a bit wobbly. Three weeks feels long."),
    ])
    labels = relationship_labels(Dialogue(session))
    assert labels[4] == "frame_feelings"


def session_bank(filename: str = "relationship_sessions.txt"):
    """(turns, expected episodes) for each session in a whole-session bank under ``data/``."""
    path = Path(__file__).parent / "data" / filename
    cases, name, expected, turns = [], None, None, []
    for line in path.read_text(encoding="utf-8").splitlines() + ["## end | none"]:
        if line.startswith("## "):
            if name is not None:
                cases.append(pytest.param(turns, expected, id=name))
            name, _, spec = line[3:].partition(" | ")
            expected = [] if spec.strip() == "none" else [
                (e.split()[0], e.split()[1], e.endswith("+return")) for e in spec.split(", ")]
            turns = []
        elif line and not line.startswith("#"):
            who, _, text = line.partition(": ")
            turns.append((who.lower(), text))
    return cases


@pytest.mark.parametrize("turns,expected", session_bank())
def test_whole_sessions_in_new_words_give_the_expected_episodes(turns, expected):
    # Initiator, stance and return flag of every episode, in order: seed-pattern sessions
    # with indirect returns and new declines, a patient-raised complaint, a relative
    # starting the episode, speech-recognition text, and a control with none.
    s = run(turns)
    assert [(e.attrs["initiator"], e.attrs["patient_stance"], e.attrs["after_decline"])
            for e in s.spans_of("episode")] == expected


#: Replies to a question about an announced break, in words the decline and engagement lists
#: were not written from (issue 4), with the stance each gives a one-reply episode.
NEW_REPLIES = [
    ("No, not really. I've got a lot on anyway.", 'declined'),
    ("Doc, I did two deployments without anyone holding my hand. I think I'll live through three weeks.", 'declined'),
    ("Honest, I'm sound. It's been good, like.", 'declined'),
    ("Ha, I'll miss you terribly. Nah, I'm playing. It'll be fine.", 'declined'),
    ("Okay lah. Fine.", 'declined'),
    ("Same as I said. It don't bother me. I got plenty to keep me busy.", 'declined'),
    ("Och, it's silly, forget I said it.", 'declined'),
    ("I don't have no feelings about that. It's between you and the boss.", 'declined'),
    ("Honestly? It's fine. You're allowed a life.", 'declined'),
    ("I hadn't really thought about it.", 'declined'),
    ('Not especially.', 'declined'),
    ('It is what it is.', 'declined'),
    ("I'll be grand.", 'declined'),
    ('Can we not do this right now?', 'declined'),
    ("I don't really see what that has to do with anything.", 'declined'),
    ("I'd rather talk about my sister, if that's okay.", 'declined'),
    ("Meh. Doesn't bother me either way.", 'declined'),
    ('No. Why would it?', 'declined'),
    ('i mean its only two weeks', 'declined'),
    ('nah im good', 'declined'),
    ('Not a lot, to be honest.', 'declined'),
    ('Sure, whatever. People go on holiday.', 'declined'),
    ('Yes, actually. I was more upset than I let on.', 'engaged'),
    ('A bit, yeah. It felt like being left again.', 'engaged'),
    ("I think it scares me, if I'm honest.", 'engaged'),
    ('Yeah, I noticed I was dreading it.', 'engaged'),
    ("Now you mention it, I've been sleeping badly since you told me.", 'engaged'),
    ('Honestly, I was gutted.', 'engaged'),
    ("It made me feel like I wasn't important.", 'engaged'),
    ('i guess i was a bit thrown', 'engaged'),
    ("I'll miss it. I'll miss you, actually.", 'engaged'),
    ('Part of me is relieved, and part of me is sad.', 'engaged'),
    ("It's fine. Well, no, it's not fine. I hate it.", 'mixed'),
    ("No, it's fine. Though I did cry in the car after.", 'mixed'),
    ('Not really. Maybe a little lonely.', 'mixed'),
    ("I'm fine with it, I suppose, but it does feel a bit like being dropped.", 'mixed'),
    # Round ten: dialect refusals, a turn opened by "hmm", calling one's own feeling silly.
    ("Yeah, no, it's grand. Go and enjoy yourself.", 'declined'),
    ("Hmm. A wee bit, maybe. Three weeks is long.", 'engaged'),
    ("I'll miss it, I think. I know that's daft.", 'engaged'),
    ("Don't go worrying about me. I'll be right.", 'declined'),
    ("Three weeks is three weeks, that's all it is.", 'declined'),
    # Round on test12: waving it away with a question, hardly noticing, and felt reactions
    # in words the engagement list did not hold (written before the rules changed).
    ("Three weeks? I'll hardly notice, to be honest.", 'declined'),
    ("Why would it matter to me?", 'declined'),
    ("It's your job, you do what you need to.", 'declined'),
    ("I was dreading you'd say something like that.", 'engaged'),
    ("Part of me is a bit panicky about it.", 'engaged'),
    ("Honestly? It makes my stomach drop a little.", 'engaged'),
    ("No bother. Although, weirdly, I felt a bit wobbly when you said it.", 'mixed'),
    # A feeling taken back as a joke is not said; "do we have to ...?" refuses, though it asks.
    ("Oh stop, I'll be lost without you. Joking! I'll be grand.", 'declined'),
    ("Do we have to talk about this now?", 'declined'),
    ("Weird. I keep counting the weeks in my head.", 'engaged'),
    ("It feels a bit like being pushed out of the nest.", 'engaged'),
]


@pytest.mark.parametrize("reply", ["Na, dinna fash yersel.", "Ha, no. Different thing altogether.",
                                   "Och no, away you go.", "Naw, I'm grand with it."])
def test_a_refusal_after_a_laugh_or_in_dialect_reads_as_a_refusal(reply):
    # What the paired reading (a frame turn refused at once) needs to hear as a refusal.
    from alliance.annotators.episodes import DECLINE
    from alliance.annotators._lexicon import normalize
    assert DECLINE.search(normalize(reply))


@pytest.mark.parametrize("reply", ["Ah, it's well, you have your own work to do.", "Honestly, you're busy people.",
                                   "It's your job, I'm not bothered.", "You've got loads of clients, don't worry.",
                                   "Fine, honestly. You had to go. Anyone would."])
def test_excusing_the_therapist_reads_as_a_refusal(reply):
    # The seed pattern's "I understand you have a life" in other words.
    from alliance.annotators.episodes import DECLINE
    from alliance.annotators._lexicon import normalize
    assert DECLINE.search(normalize(reply))


def test_saying_the_therapist_had_to_go_but_it_hurt_is_no_refusal():
    from alliance.annotators.episodes import DECLINE
    from alliance.annotators._lexicon import normalize
    assert not DECLINE.search(normalize("I know you had to go and it still hurt."))


def test_wondering_whether_it_is_only_the_therapists_job_is_no_refusal():
    from alliance.annotators.episodes import utterance_stance
    from alliance.annotators._lexicon import normalize
    declines, engages = utterance_stance(normalize("It made me wonder if you only ask because it's your job."))
    assert not declines


def test_a_brush_off_then_a_feeling_is_a_mixed_episode():
    # "Fine, it's been fine with you" first, then "actually, a bit exposing": both, so mixed.
    s = run([("t", "We've got ten minutes left. How has it been, doing this with me today?"),
             ("p", "Fine. Good, yeah, it's been fine with you."), ("t", "Mm."),
             ("p", "Actually, I felt a bit exposed with you watching me. I don't like being watched, even by you.")])
    assert [e[3] for e in episodes(s)] == ["mixed"]


@pytest.mark.parametrize("reply,stance", NEW_REPLIES)
def test_the_stance_of_replies_in_new_words(reply, stance):
    turns = [("t", "I'll be away for three weeks from the first."), ("p", "Okay."),
             ("t", "I wonder how that is for you."), ("p", reply), ("t", "Okay."),
             ("p", "My sister is visiting on Saturday."), ("t", "How do you feel about her visit?"),
             ("p", "Nervous. She always criticises the flat.")]
    eps = episodes(run(turns))
    assert [(e[0], e[1], e[3]) for e in eps] == [(2, 3, stance)]


# -- Structure rather than phrasing (round ten) ------------------------------------------

def test_a_reaction_question_about_the_therapists_own_act_is_frame_talk():
    s = run([("t", "Before we start: from March I'm going part time, so Thursdays stop."),
             ("p", "Oh, right. Okay."),
             ("t", "And how does it land, me going part time like that?")])
    assert rel(s)[2] == "frame_feelings"


def test_a_reaction_question_a_few_turns_after_an_announcement_in_plain_words_is_frame_talk():
    s = run([("t", "There's one thing I need to tell you about the diary."),
             ("p", "Go on."),
             ("t", "From next month I can only offer you Wednesdays at two."),
             ("p", "Wednesdays. I'll have to ask work."),
             ("t", "How is it sitting with you?")])
    assert rel(s)[4] == "frame_feelings"


def test_a_return_that_names_only_the_date_of_the_announced_absence_is_frame_talk():
    s = run([("t", "I need to let you know I'll be away on the fourteenth, so no session that week."),
             ("p", "Fine."),
             ("t", "What's that like to hear?"),
             ("p", "It's fine, honestly."),
             ("t", "Okay."),
             ("p", "The course is going well."),
             ("t", "Good to hear."),
             ("p", "I passed the first module."),
             ("t", "I keep circling back to the fourteenth, though.")])
    assert rel(s)[8] == "frame_feelings"
    assert episodes(s)[-1][0] == 8 and episodes(s)[-1][4] is True  # a return after the decline


def test_an_opening_about_nearly_not_coming_taken_up_by_the_therapist_makes_the_patient_initiator():
    s = run([("t", "Hello, come in."),
             ("p", "Thanks. I very nearly cancelled today."),
             ("t", "Well, I'm glad you came. What nearly stopped you cancelling?"),
             ("p", "I thought you'd be fed up with me after last week.")])
    assert episodes(s)[0][:3] == (1, 3, "patient")


def test_nearly_not_coming_without_the_therapist_taking_it_up_is_not_relationship_talk():
    s = run([("t", "Hello, come in."),
             ("p", "Thanks. I very nearly cancelled today."),
             ("t", "What happened?"),
             ("p", "The bus was late and it was pouring.")])
    assert rel(s) == [None] * 4


def test_the_warmth_of_the_room_and_the_small_talk_after_it_are_not_relationship_talk():
    s = run([("t", "Don't mind the radiator, it's warm in here at least."),
             ("p", "It is, yeah. Lovely."),
             ("t", "Did you see the match on Saturday?"),
             ("p", "Don't. We lost in the last minute.")])
    assert episodes(s) == []



@pytest.mark.parametrize("remark", [
    "Hiya. God, it's roasting in here.",
    "Oh, it's toasty in here. It's minus twelve out there.",
    "I'm not upset. It's the heat in here, my eyes get dry.",
    "In here is a bit chilly today.",
])
def test_the_weather_of_the_room_is_a_place_not_the_two_of_them(remark):
    s = run([("t", "Come in, have a seat."),
             ("p", remark),
             ("t", "Sorry, the heating's stuck. I'll open the window."),
             ("p", "Thanks. Did you have a good weekend?")])
    assert rel(s) == [None] * 4


def test_feeling_safe_in_here_is_still_about_the_room_between_them():
    s = run([("t", "How has it been, coming in these last weeks?"),
             ("p", "Honestly, I feel safe in here. More than anywhere else.")])
    assert rel(s)[1] is not None


def _dialogue(turns):
    from alliance.annotators._lexicon import Dialogue
    names = {"t": ("Dr. Vale", "therapist"), "p": ("Robin", "patient"), "o": ("Mum", "other")}
    return Dialogue.of(make_session([(*names[r], text) for r, text in turns]))


def test_a_patient_turn_just_before_an_episode_opens_it_when_the_scorer_leans_that_way():
    from alliance.annotators._relopeners import LEAD_IN, with_openings as _with_openings
    d = _dialogue([
        ("t", "Where shall we begin this morning?"),
        ("p", "Before anything else, can I tell you our last meeting stayed with me all week?"),
        ("t", "I'm touched to hear that. Something moved between us last time."),
        ("p", "My sister is visiting on Friday, so I might be late next time."),
    ])
    labels = [None, None, "here_and_now", None]
    proba = np.array([0.1, LEAD_IN + 0.05, 0.95, 0.9])
    out = _with_openings(d, labels, proba, ["here_and_now"] * 4, [True] * 4)
    # The opening joins; the turn after the episode is not an opening and stays out.
    assert out == [None, "here_and_now", "here_and_now", None]
    # Below the bar, the opening stays out.
    assert _with_openings(d, labels, np.array([0.1, LEAD_IN - 0.05, 0.95, 0.9]), ["here_and_now"] * 4,
                          [True] * 4)[1] is None


def test_a_therapist_turn_or_a_turn_naming_no_pair_never_becomes_an_opening():
    from alliance.annotators._relopeners import with_openings as _with_openings
    d = _dialogue([
        ("p", "Honestly it's all right, I'm used to being the one who copes."),
        ("t", "I'm wondering how it's been for you to sit across from me today."),
        ("p", "Strange, if I'm truthful. I keep checking your face."),
    ])
    proba = np.array([0.9, 0.9, 0.95])
    subs = ["here_and_now"] * 3
    assert _with_openings(d, [None, None, "here_and_now"], proba, subs, [True] * 3)[1] is None
    assert _with_openings(d, [None, "here_and_now", "here_and_now"], proba, subs, [True] * 3)[0] is None


def test_an_opening_that_would_reach_back_into_an_earlier_episode_stays_out():
    from alliance.annotators._relopeners import with_openings as _with_openings
    d = _dialogue([
        ("p", "You were late again and it stung."),
        ("t", "Mm."),
        ("p", "The bus was packed."),
        ("p", "Can I ask whether you still want to work with me?"),
        ("t", "I do, very much. I'm glad you asked me straight."),
    ])
    labels = ["feelings_about_therapist", None, None, None, "here_and_now"]
    out = _with_openings(d, labels, np.array([0.9, 0.1, 0.1, 0.9, 0.95]), ["here_and_now"] * 5, [True] * 5)
    assert out[3] is None  # within reach of the first episode: adding it would merge the two


def test_the_patient_turn_that_opens_an_episode_takes_it_up_even_without_feeling_words():
    from alliance.annotators.episodes import patient_stance_of
    d = _dialogue([
        ("p", "Can I mention something before we wrap up? Thanks for this hour with you."),
        ("t", "I'm glad. It seemed like we did real work together."),
    ])
    rel = ["feelings_about_therapist", "here_and_now"]
    assert patient_stance_of(d, 0, 1, rel) == "engaged"


AFTER_APOLOGY = [
    ("t", "I'd like to return to my change of days once more. How does it sit with you?"),
    ("p", "I've said already, it's fine. I don't see why you keep going back there."),
    ("t", "You're right, I kept pressing on it and that wasn't fair of me. I'm sorry, I'll leave it."),
    ("p", "Thanks. What's weighing on me more is my brother moving back home, I'm anxious about it."),
]


def test_after_the_therapist_apologises_and_lets_it_go_a_reply_about_someone_else_leaves_the_topic():
    from alliance.annotators.relationship import _blocks_inheritance
    d = _dialogue(AFTER_APOLOGY)
    assert _blocks_inheritance(d, 3, 2, True, None)
    # Without the apology the same reply still answers the therapist's remark.
    plain = _dialogue(AFTER_APOLOGY[:2] + [("t", "I kept pressing on it, and I notice that's how we left it.")]
                      + AFTER_APOLOGY[3:])
    assert not _blocks_inheritance(plain, 3, 2, True, None)


def test_the_reply_to_an_apology_that_closes_an_episode_does_not_count_towards_its_stance():
    from alliance.annotators.episodes import patient_stance_of
    d = _dialogue(AFTER_APOLOGY)
    rel = ["frame_feelings", "frame_feelings", "feelings_about_therapist", None]
    assert patient_stance_of(d, 0, 2, rel) == "declined"


@pytest.mark.parametrize("words", [
    "Before we start, Robin said to me in the car she thinks you never really listen to her in here.",
    "Robin told me last night that you are the first adult who hasn't lectured her.",
    "On the drive over Robin said she feels like you side with me in these sessions.",
])
def test_a_relative_naming_the_client_can_voice_the_clients_feelings_about_the_therapist(words):
    from alliance.annotators._lexicon import Dialogue
    from alliance.annotators.relationship import detect_cue
    d = Dialogue.of(make_session([("Dr. Vale", "therapist", "Where would you both like to begin?"),
                                  ("Robin", "patient", "Don't mind."), ("Mum", "other", words)]))
    assert detect_cue(d, 2) == "feelings_about_therapist"


def test_a_relative_naming_the_client_about_life_outside_is_not_relationship_talk():
    from alliance.annotators._lexicon import Dialogue
    from alliance.annotators.relationship import detect_cue
    d = Dialogue.of(make_session([("Dr. Vale", "therapist", "Where would you both like to begin?"),
                                  ("Mum", "other", "Robin told me she thinks you should know about the party."),
                                  ("Robin", "patient", "Mum, that's not fair.")]))
    assert detect_cue(d, 1) is None


# -- Returns after a decline, in new words (round on test12, written before the rules changed) --

_AUGUST = [("t", "I need to tell you that I'll be away for the whole of August."), ("p", "Right."),
           ("t", "How is that for you to hear?"), ("p", "It's fine. Everyone needs a holiday."),
           ("t", "Okay."), ("p", "Work has been mad this week."), ("t", "Mad how?"),
           ("p", "Two people off sick and I'm covering both desks."), ("t", "That sounds like a lot to carry.")]


@pytest.mark.parametrize("reply,turn,expected", [
    ("It is. Nobody even noticed I stayed late every night.",
     "I wonder if August is a bit like that too, you carrying on and nobody noticing what it costs you.", 1),
    ("It is. I'm knackered.", "Can I bring us back to August for a moment? You said it was fine, and I wonder if there's more to it.", 1),
    ("It is. I'm knackered.", "I keep thinking about what you said about the summer, that everyone needs a holiday. "
                              "I'm not sure it's quite that simple for you.", 1),
    ("It is. Nobody covers for me.", "Nobody covers for you. And in August, I won't be here either.", 1),
    ("It is. My boss is off in August too.", "So your boss and I will both be away at once. What's that like to think about?", 1),
    ("It is. I'm knackered.", "I notice you changed the subject quite quickly after I mentioned the summer.", 1),
    # Near misses: booking the first session back, the patient's own week, someone else away.
    ("It is. I'm knackered.", "Can we book the session after I'm back now? The first of September?", 0),
    ("It is. I'm knackered.", "What would help you get through the week?", 0),
    ("It is. My boss is off in August.", "How will the office manage with him away?", 0),
])
@pytest.mark.parametrize("asr", [False, True])
def test_a_return_after_a_decline_is_counted_however_it_is_worded(reply, turn, expected, asr):
    turns = _AUGUST + [("p", reply), ("t", turn), ("p", "Maybe. I don't know." if expected else "Sure.")]
    assert returns(run(lower_no_punct(turns) if asr else turns)) == expected


def test_news_after_a_relationship_question_is_a_change_of_subject_not_an_answer():
    # Codebook: a topic shift after relationship talk is a withdrawal; the news and the
    # talk about it are the patient's life, even though they follow a direct question.
    s = run([("t", "Before we finish, how are you feeling about my three weeks away in June?"),
             ("p", "Anyway, did I tell you my sister is moving to Perth?"),
             ("t", "No. When is she going?"),
             ("p", "March. Mum's in bits about it.")])
    assert rel(s) == ["frame_feelings", None, None, None]


def test_answering_the_patients_question_about_the_therapists_life_is_not_relationship_talk():
    # Decision 24: "did you also take these?" / "I did, for two years; I slept like that too"
    # tells the therapist's own life, however much "like that too" sounds like a link.
    s = run([("p", "Can I ask you something, did you also take these tablets?"),
             ("t", "I did, for almost two years. I slept like that too, I used to miss the whole morning."),
             ("p", "And then it stopped?")])
    assert rel(s) == [None, None, None]


@pytest.mark.parametrize("turns", [
    [("t", "So you're stuck waiting on other people again."), ("p", "Story of my life in here."),
     ("t", "Where are we with the traffic-light sheet?")],
    [("t", "Three messages and nothing, that's frustrating."),
     ("t", "I can ask the employment worker. The drop-in here on Thursdays knows the scheme."),
     ("p", "That would be good. Here in the city everything is a list.")],
    [("p", "Like talk more in the meeting. You get to a point where you stop caring what they think."),
     ("t", "How many people are in that meeting?")],
])
def test_here_as_an_institution_and_anyones_you_are_not_relationship_talk(turns):
    assert rel(run(turns)) == [None] * len(turns)


@pytest.mark.parametrize("turns", [
    # A filler "you know" after "I hate" is not "I hate you".
    [("t", "More visible, what did you take that to mean?"),
     ("p", "Like talk more in the eleven o'clock meeting which I hate, you know, you get to a point where you stop "
           "caring what they think.")],
    # Sessions counted ("you'd have three left") are logistics, not being left.
    [("p", "Tuesday's fine. And that's still within the six, yeah?"),
     ("t", "Yes, this is your third, so you'd have three left including Tuesday.")],
])
def test_filler_you_know_and_sessions_counted_are_not_relationship_talk(turns):
    assert rel(run(turns)) == [None] * len(turns)


def test_a_feeling_about_the_therapist_survives_a_filler_you_know():
    s = run([("t", "How has the week been?"), ("p", "Honestly? I hate you, you know. For going away.")])
    assert rel(s)[1] is not None


@pytest.mark.parametrize("text,topics,returns", [
    # The therapist's thoughts staying with the frame, or checking back on it, name the return.
    ("I kept thinking this week about the twice a week going to once.", {"<frame>", "twice a week"}, True),
    ("I want to check back on the Fridays thing. It's quite a change, after a year of Mondays.",
     {"<frame>", "frida", "monda"}, True),
    # Doubting the "fine" the patient gave about the frame.
    ("Are you sure the video thing is no bother to you? I know it's a change.", {"<frame>", "video"}, True),
    ("You sure you're alright about the six weeks?", {"<frame>", "six weeks"}, True),
    # Leaving the door open to what the patient waved away, after frame talk.
    ("A lot of people say the breaks are fine and then find they're not quite. I just want to leave the door "
     "open for that.", {"<frame>", "break"}, True),
    # The "fine" set against what followed, about the frame topic; about school it is a challenge.
    ("You've said the six weeks weren't a big deal, and yet that's when the sleep went.", {"<frame>", "six weeks"}, True),
    ("You've told me school is fine, but Denise has had three calls this week.", {"<frame>", "six weeks"}, False),
    # Arranging the next slot goes back to no feeling.
    ("Is Friday at four still good for you?", {"<frame>", "frida"}, False),
])
def test_a_return_to_the_frame_in_the_therapists_own_words(text, topics, returns):
    from alliance.annotators._framereturns import frame_return
    from alliance.annotators._lexicon import Dialogue
    from conftest import make_session

    d = Dialogue(make_session([("Robin", "patient", "It's fine, honestly."), ("Dr. Vale", "therapist", text)]))
    assert frame_return(d, 1, topics) is returns


def test_a_return_is_read_again_once_the_scorer_has_found_the_frame_episode():
    from alliance.annotators._framereturns import late_returns
    from alliance.annotators._lexicon import Dialogue
    from conftest import make_session

    d = Dialogue(make_session([
        ("Dr. Vale", "therapist", "The two cancelled Thursdays, with the lockdown. What was that like?"),
        ("Robin", "patient", "Nothing. Two Thursdays is nothing."),
        ("Dr. Vale", "therapist", "How's the gym been?"),
        ("Robin", "patient", "Shut, with the lockdown."),
        ("Dr. Vale", "therapist", "Folk often say it was nothing when a session gets cancelled. I just want to leave "
                                  "the door open, in case the Thursdays did bother you."),
        ("Robin", "patient", "It's fine, honestly. It didn't bother me."),
    ]))
    # The first pair came from the scorer, not a cue: the return to its topic is read here.
    labels = late_returns(d, ["frame_feelings", "frame_feelings", None, None, None, None])
    assert labels[4:] == ["frame_feelings", "frame_feelings"]
    assert labels[2:4] == [None, None]


@pytest.mark.parametrize("question", [
    "What was it like for you, sitting out there waiting for me?",
    "You've been waiting twenty minutes. How was that, sitting out there?",
    "After that you won't be seeing me. How is that for you?",
    "How is it for you that our time got cut in half this week?",
])
def test_lateness_the_ending_and_a_shorter_hour_are_frame_talk(question):
    # The codebook lists lateness, session length and ending among the frame's parts.
    s = run([("t", question), ("p", "It's fine, honestly. These things happen.")])
    assert rel(s) == ["frame_feelings", "frame_feelings"]


@pytest.mark.parametrize("question", [
    "What was it like sitting out there in the traffic?",
    "How was it waiting for the bus in the rain?",
])
def test_waiting_for_someone_else_is_no_lateness(question):
    s = run([("t", question), ("p", "Fine. Cold.")])
    assert rel(s) == [None, None]


@pytest.mark.parametrize("turns", [
    [("t", "Have you had any thoughts of harming yourself?"), ("p", "No. Only tired."),
     ("t", "Thank you for being honest with me."), ("p", "Okay.")],
    [("p", "I drank most nights last week, if I'm honest. More than I said on the form."),
     ("t", "Thank you for being honest with me. How many nights, roughly?"), ("p", "Five, maybe six.")],
])
def test_thanks_for_honesty_about_the_patients_own_life_is_not_relationship_talk(turns):
    assert rel(run(turns)) == [None] * len(turns)


def test_thanks_for_saying_something_about_the_two_of_them_is_relationship_talk():
    s = run([("t", "How has it been coming here lately?"),
             ("p", "Honestly, I've felt you were a bit distant with me the last few weeks."),
             ("t", "Thank you for being honest with me about that. I'd like to hear more.")])
    assert rel(s)[2] is not None


def test_a_lone_reading_the_scorer_hardly_believes_is_no_episode():
    import numpy as np
    from alliance.annotators._lexicon import Dialogue
    from alliance.annotators._relchecks import without_lone_doubts
    from conftest import make_session

    d = Dialogue(make_session([
        ("Dr. Vale", "therapist", "Come in, sit wherever you like."),
        ("Robin", "patient", "Your office always looks like a library exploded in here."),
        ("Dr. Vale", "therapist", "It does. How was the drive?"),
        ("Robin", "patient", "I've never cried in front of anyone before."),
    ]))
    labels = [None, "here_and_now", None, None]
    # A place word is all the evidence there is: the scorer's doubt ends the episode.
    assert without_lone_doubts(d, labels, np.array([0.0, 0.1, 0.0, 0.0]), set()) == [None] * 4
    # Believed, held from context, or self-evident, it stands.
    assert without_lone_doubts(d, labels, np.array([0.0, 0.5, 0.0, 0.0]), set()) == labels
    assert without_lone_doubts(d, labels, np.array([0.0, 0.1, 0.0, 0.0]), {1}) == labels
    act = [None, None, None, "here_and_now"]
    assert without_lone_doubts(d, act, np.array([0.0, 0.0, 0.0, 0.1]), set()) == act


def test_the_seed_question_stands_alone_whatever_the_scorer_reads():
    import numpy as np
    from alliance.annotators._lexicon import Dialogue
    from alliance.annotators._relchecks import without_lone_doubts
    from conftest import make_session

    d = Dialogue(make_session([
        ("Dr. Vale", "therapist", "i gotta let you know my last week here is the ninth then youll be with priya"),
        ("Robin", "patient", "ok"),
        ("Dr. Vale", "therapist", "so im off on leave from next month how are you feeling about that"),
        ("Robin", "patient", "fine"),
        ("Dr. Vale", "therapist", "what comes up when you think about starting with priya"),
    ]))
    # Asking how a change the therapist names is for the patient, or asking it again after
    # announcing the change, is the seed pattern's own question: the scorer's doubt is not enough.
    for i in (2, 4):
        labels = [None] * 5
        labels[i] = "frame_feelings"
        assert without_lone_doubts(d, labels, np.zeros(5), set()) == labels
    chat = Dialogue(make_session([("Dr. Vale", "therapist", "how are you feeling about that")]))
    assert without_lone_doubts(chat, ["frame_feelings"], np.zeros(1), set()) == [None]


def test_a_longer_episode_the_scorer_doubts_throughout_is_no_episode():
    import numpy as np
    from alliance.annotators._lexicon import Dialogue
    from alliance.annotators._relchecks import DOUBTED_EPISODE, without_lone_doubts
    from conftest import make_session

    d = Dialogue(make_session([
        ("Dr. Vale", "therapist", "How was that for you, hearing her say it?"),
        ("Robin", "patient", "I went out to the shed. I couldn't be in the room."),
        ("Dr. Vale", "therapist", "What did you do out there?"),
        ("Robin", "patient", "Mended nets that didn't need mending."),
    ]))
    chain = [None, "here_and_now", "here_and_now", "here_and_now"]
    # A place word started the chain; the scorer reads none of it as relationship talk.
    assert without_lone_doubts(d, chain, np.array([0.1, 0.21, 0.01, 0.01]), set()) == [None] * 4
    # Held or not, one turn the scorer believes keeps the whole episode.
    assert without_lone_doubts(d, chain, np.array([0.1, DOUBTED_EPISODE, 0.01, 0.01]), set()) == chain
    assert without_lone_doubts(d, chain, np.array([0.1, 0.21, 0.01, 0.01]), {1}) == [None] * 4


@pytest.mark.parametrize("reply", ["It kind of felt like you were checking up on me. Like Mum does at tea.",
                                   "Honest? It feel like you have a script and I have to fit in it."])
def test_saying_what_it_felt_like_takes_the_talk_up(reply):
    from alliance.annotators.episodes import utterance_stance
    from alliance.annotators._lexicon import normalize
    assert utterance_stance(normalize(reply), True) == (False, True)


@pytest.mark.parametrize("reply", [
    "Miss, honestly, I'm not bothered. You're allowed to be poorly, you're a person.",
    "I have told you. I am not upset. Why would I be upset? You are having a baby.",
    "Flare-ups. Nothing to do with you going. I'd have cancelled anyhow.",
    "Sure that's not on you, 'tis the screws. You can't help it if there's no one to open the doors.",
])
def test_not_minding_said_outright_refuses(reply):
    # "Miss" opening the turn is a form of address, not missing anyone.
    from alliance.annotators.episodes import utterance_stance
    from alliance.annotators._lexicon import normalize
    assert utterance_stance(normalize(reply), True) == (True, False)


@pytest.mark.parametrize("reply,stance", [
    # A feeling the patient says they do not have names what is refused.
    ("Honestly, I'm not gonna cry about it. It's a room with nicer chairs.", (True, False)),
    ("Don't mind me, I'm not a small boy. I'm happy for you, truly.", (True, False)),
    ("I wasn't hurt exactly, more thrown by it.", (True, True)),
    # With the feeling had, it takes the talk up.
    ("I couldn't stop crying after you told me.", (False, True)),
    # Saying the refusal again is a refusal now, not a report of the old one.
    ("look i told you its fine how many times are we gonna do this", (True, False)),
    ("I said it was fine, but I did feel a bit lost.", (False, True)),
    # The feeling the patient did not have, or that they say the therapist imagines.
    ("Ha, you're allowed a life. I didn't sit by the phone crying, don't worry.", (True, False)),
    ("You went to Spain and you think I was here crying? No no. I am a big man.", (True, False)),
    # The shrug in idiom.
    ("Don't sweat it. I had a magazine and caught up on the prices.", (True, False)),
    ("Och, it's no your fault, you're just doing your job.", (True, False)),
    ("Fine, honestly. These things happen.", (True, False)),
    # A couple answering for the two of them.
    ("Honestly, we're fine. It's not like you did it at us.", (True, False)),
    # Still a feeling had: "don't worry" does not take it back.
    ("Don't worry, but I did cry in the car after.", (True, True)),
])
def test_a_feeling_refused_in_so_many_words_is_a_decline(reply, stance):
    from alliance.annotators.episodes import utterance_stance
    from alliance.annotators._lexicon import normalize
    assert utterance_stance(normalize(reply), True) == stance


def test_moving_off_the_therapists_question_is_not_taking_it_up():
    # A topic shift (a withdrawal marker) answers the question by leaving it, however much
    # feeling its news has ("I was gutted when they dropped him").
    from alliance.annotators._lexicon import Dialogue
    from alliance.annotators.episodes import patient_stance_of
    from conftest import make_session

    d = Dialogue(make_session([
        ("Dr. Vale", "therapist", "Before we start, I'll be away for two weeks. How is that for you to hear?"),
        ("Robin", "patient", "Anyway, did you see the match? I was gutted when they dropped him.")]))
    rel = ["frame_feelings", "frame_feelings"]
    assert patient_stance_of(d, 0, 1, rel, [None, "topic_shift"]) == "declined"
    assert patient_stance_of(d, 0, 1, rel, [None, None]) == "engaged"  # without the marker, the feeling counts


def test_the_relationship_scorer_trains_on_no_blind_split():
    # The blind splits (gold README, "Blind measurements") are scored, never trained on;
    # the guards train3 .. train5 stay out too.
    from alliance.training import relational as training
    from alliance.training.splits import BLIND
    assert set(BLIND) == {f"test{k}" for k in (*range(59, 77), *range(93, 99))}
    assert not set(training.GOLD_SPLITS) & set(BLIND)
    assert not set(training.GOLD_SPLITS) & {"train3", "train4", "train5"}
    assert {f"test{k}" for k in (*range(17, 59), *range(77, 93), *range(99, 131))} <= set(training.GOLD_SPLITS)


def test_in_joint_work_a_remark_the_therapist_takes_up_as_said_to_them_opens_the_episode():
    # "You" in a couple session may be the partner; the therapist's "you're right that I ..."
    # says the remark before it was said to the therapist, so the patient opened the episode.
    s = run([("t", "Who'd like to start this week?"),
             ("q", "The car broke down again, so I was late for work twice."),
             ("p", "You always let him go first and you nod at everything he says. I've been sat here twenty minutes."),
             ("t", "You're right that I let Alex start both times. What's it been like, sitting there waiting?"),
             ("p", "Like being the spare part. Same as at home.")])
    first, _, initiator, *_ = episodes(s)[0]
    assert (first, initiator) == (2, "patient")



def test_an_answer_that_goes_on_about_the_two_of_them_takes_the_talk_up():
    # No feeling word the rules know and no refusal, but twelve words and more of material
    # about the therapist: the patient explores (codebook, engaged).
    from alliance.annotators.episodes import patient_stance_of
    d = _dialogue([("t", "I bumped into your sister at a party on Saturday and wanted you to hear it from me."),
                   ("p", "It's like you've been in my house without asking. This is meant to be my bit, nobody else's.")])
    assert patient_stance_of(d, 0, 1, ["here_and_now", "feelings_about_therapist"]) == "engaged"


def test_a_short_answer_that_neither_refuses_nor_feels_does_not_take_the_link_up():
    from alliance.annotators.episodes import patient_stance_of
    d = _dialogue([("t", "I wonder if you expect me to leave the way your father did."),
                   ("p", "You're not my father.")])
    assert patient_stance_of(d, 0, 1, ["transference_link", "transference_link"]) == "declined"


# -- Twenty-second round: chains that outlive the talk, and plain first questions ---------

def test_a_chain_ends_when_the_scorer_reads_the_talk_moving_on():
    # After a refusal the patient moves on to the week; the label the cue gave does not
    # follow them there, so the refusal stays a refusal and the episode is declined.
    s = run([("t", "I'll be away for three weeks from the first. I wonder how that is for you."),
             ("p", "Ah, you want me to cry? I will not cry. Three weeks is three weeks."),
             ("t", "That's true, it is."),
             ("p", "So, this week. The new rota came out and they have put me on the ward alone four nights."),
             ("t", "Alone as the nurse in charge?"),
             ("p", "In charge, and two agency staff who do not know where anything is kept."),
             ("t", "Is it the rota or the people that's worst?"),
             ("p", "The matron. She makes the rota.")])
    assert [x is not None for x in rel(s)][3:] == [False] * 5
    # "You want me to cry? I will not cry" refuses the feeling it names, so the therapist's
    # "that's true" accepts a refusal and is not relationship talk itself (as in gold test127-06).
    assert [(e[0], e[1], e[3]) for e in episodes(s)] == [(0, 1, "declined")]


def test_news_the_patient_brings_after_a_refusal_is_no_second_thought():
    s = run([("t", "From next week the service is moving you to fortnightly sessions. How is that for you to hear?"),
             ("p", "Eh, it's fine. You people are overloaded, I can see the queue outside."),
             ("t", "Okay."),
             ("p", "Actually, can I tell you about the reading? I finished the whole chapter.")])
    assert rel(s)[3] is None
    assert [e[3] for e in episodes(s)] == ["declined"]


def test_a_feeling_word_that_belongs_to_someone_else_does_not_hold_the_stance():
    from alliance.annotators.episodes import _voices_feeling
    d = _dialogue([("t", "I'll be away for three weeks. How is that for you?"),
                   ("p", "Ah, you'll be glad of the peace. My mum cried enough for both of us.")])
    assert not _voices_feeling(d, 0, 1)
    d = _dialogue([("t", "I'll be away for three weeks. How is that for you?"),
                   ("p", "Honestly, I was gutted.")])
    assert _voices_feeling(d, 0, 1)


def test_only_the_first_answer_can_hold_the_stance_against_the_reader():
    from alliance.annotators.episodes import _voices_feeling
    d = _dialogue([("t", "How was it, the group being called off?"),
                   ("p", "It's fine, I've said it's fine."), ("t", "Okay."),
                   ("p", "Actually, the wedding. I'm scared my voice will go in the speech.")])
    assert not _voices_feeling(d, 0, 3)


@pytest.mark.parametrize("question", ["What was it like for you, the group being called off those two weeks?",
                                      "How was it for you when those calls did not happen?"])
def test_a_plain_question_and_a_refusal_in_the_patients_own_words_open_the_seed_episode(question):
    # The scorer half believes the plain question; the stance reader is sure of the refusal.
    s = run([("t", "How's the week been?"),
             ("p", "Busy. Work's been mad and the calls were off twice."),
             ("t", question),
             ("p", "Och, no bother at all. The ferry's never on time either, I'm used to waiting on folk."),
             ("t", "Okay."),
             ("p", "So my brother moved back in on Sunday.")])
    assert [(e[0], e[1], e[2], e[3]) for e in episodes(s)] == [(2, 3, "therapist", "declined")]


def test_a_bare_no_opens_no_episode_on_the_readers_word():
    from alliance.annotators._relopeners import READER_WORDS
    d = _dialogue([("t", "I'm wondering if she knows that."), ("p", "No, not really.")])
    assert d.words[1] < READER_WORDS


def test_a_doubted_frame_episode_the_reader_reads_as_refused_stands():
    # The scorer doubts both turns of the seed pattern's plain first pair; the stance reader
    # is all but sure the patient refused it, and it is frame talk: the episode stands.
    import numpy as np
    from alliance.annotators._relchecks import without_lone_doubts
    d = _dialogue([("t", "How are you feeling about that, swapping over to Shaz this late on?"),
                   ("p", "It's alright, you've got to go where they put you. Shaz is sound."),
                   ("t", "Okay."), ("p", "My sister's coming up on Sunday with the kids.")])
    doubted = np.array([0.12, 0.04, 0.0, 0.0])
    frame = ["frame_feelings", "frame_feelings", None, None]
    assert without_lone_doubts(d, frame, doubted, set()) == frame
    # The same words read as feelings about the therapist are not the seed pattern: dropped.
    other = ["feelings_about_therapist", "feelings_about_therapist", None, None]
    assert without_lone_doubts(d, other, doubted, set()) == [None] * 4


def test_a_refused_feeling_and_a_youre_all_right_do_not_hold_the_stance():
    from alliance.annotators.episodes import _voices_feeling
    d = _dialogue([("t", "How do you feel about that, seeing me less?"),
                   ("p", "Nay, you're all right, love. You've got your job to do. I'm not going to cry over it.")])
    assert not _voices_feeling(d, 0, 1)


def test_a_refused_question_about_someone_else_opens_no_episode():
    # "Her coming" is the patient's sister: a refusal of it refuses nothing about the two of them.
    s = run([("p", "My sister is flying in from Freetown next month."),
             ("t", "Ten years since your mother died."),
             ("p", "Ten years. Aminata and I have not seen each other for six."),
             ("t", "What's it like for you, thinking about her coming?"),
             ("p", "It's okay."),
             ("t", "Where will she stay?"),
             ("p", "With me. Where else.")])
    assert episodes(s) == []


def test_you_in_dialect_owns_the_feeling_and_scots_no_refuses_it():
    from alliance.annotators.episodes import _voices_feeling
    d = _dialogue([("t", "how is that for you with everything thats happening just now me being away"),
                   ("p", "ach du'll be glad o da peace fae me i'm no bothered lass")])
    assert not _voices_feeling(d, 0, 1)


def test_a_return_to_the_frame_is_the_therapists_own_opening():
    # After a declined frame episode, the patient's remark just before the therapist comes
    # back does not take the return over unless the scorer is sure of it on its own.
    import numpy as np
    from alliance.annotators._relopeners import with_openings
    d = _dialogue([("t", "How are you feeling about going down to once a week?"),
                   ("p", "It don't bother me."), ("t", "Okay."),
                   ("p", "The foreman had a go at me again on Friday."), ("t", "And inside?"),
                   ("p", "Inside I was livid, but you don't make a fuss, do you, not with your own."),
                   ("t", "As the Thursdays-only start gets closer, how are you thinking about it?"),
                   ("p", "Same as I said. It don't bother me.")])
    labels = ["frame_feelings", "frame_feelings", None, None, None, None, "frame_feelings", "frame_feelings"]
    subtypes = ["frame_feelings"] * 8
    may_start = [True] * 8
    unsure = np.array([0.9, 0.9, 0.0, 0.0, 0.0, 0.3, 0.9, 0.9])
    assert with_openings(d, labels, unsure, subtypes, may_start)[5] is None
    sure = unsure.copy()
    sure[5] = 0.7
    assert with_openings(d, labels, sure, subtypes, may_start)[5] == "frame_feelings"


def test_the_patients_answer_to_the_news_does_not_open_the_therapists_frame_episode():
    # "Oh, that'll be a relief for you" answers the news; the therapist's question opens
    # the episode, which stays the therapist's (so a return after it counts).
    from alliance.annotators._relchecks import without_reactions_to_news
    d = _dialogue([("t", "It's my knee. I've been hobbling on it for a year and it's finally getting sorted."),
                   ("p", "Oh, that'll be a relief for you."),
                   ("t", "How is it for you, knowing I'll not be here for a fortnight?"),
                   ("p", "Och, it's fine. You need your knee.")])
    labels = [None, "frame_feelings", "frame_feelings", "frame_feelings"]
    cues = [None, None, "frame_feelings", None]
    rules = [None, None, "frame_feelings", "frame_feelings"]
    assert without_reactions_to_news(d, labels, cues, rules)[1] is None
    # Raised after the patient's own turn, it is an opening and stays.
    d = _dialogue([("p", "I can ask."), ("p", "Doctor, one thing I want to say. After you go, who will I tell?"),
                   ("t", "It sounds as though my going touches the same place as losing her.")])
    assert without_reactions_to_news(d, [None, "frame_feelings", "frame_feelings"], [None, None, "frame_feelings"],
                                     [None, None, "frame_feelings"])[1] == "frame_feelings"


# -- Twenty-third round: the talk between the news and the question ------------------------

def test_asking_after_the_therapists_news_does_not_open_the_frame_episode():
    # "Is it a holiday you're going on?" asks after the therapist's life (codebook decision
    # 24); the therapist's question about the month opens the episode, so the patient's
    # "it'll be fine" declines it.
    from alliance.annotators._relchecks import without_replies_before_asking
    d = _dialogue([("t", "Before we start, I'll be away for four weeks from the third of next month."),
                   ("p", "Four weeks. Is it a holiday you're going on?"),
                   ("t", "No, I'm getting my knee seen to at last."),
                   ("p", "Och, I noticed you limping on the stairs."),
                   ("t", "I wonder what the month will be like for you, with our Tuesdays stopping?"),
                   ("p", "It'll be fine. You'll need the rest.")])
    labels = [None, "frame_feelings", None, "feelings_about_therapist", "frame_feelings", "frame_feelings"]
    cues = [None, None, None, None, "frame_feelings", None]
    assert without_replies_before_asking(d, labels, cues) == [None, None, None, None, "frame_feelings", "frame_feelings"]


def test_a_feeling_voiced_before_the_therapist_asks_is_the_patients_opening():
    from alliance.annotators._relchecks import without_replies_before_asking
    d = _dialogue([("t", "Before we start, I'll be away for four weeks from the third of next month."),
                   ("p", "Oh no. I'll miss coming here, honestly."),
                   ("t", "How is that for you, the month without our Tuesdays?"),
                   ("p", "Like I said, I'll miss it.")])
    labels = [None, "frame_feelings", "frame_feelings", "frame_feelings"]
    assert without_replies_before_asking(d, labels, [None, "frame_feelings", "frame_feelings", None])[1] == "frame_feelings"
    # So is a link the patient draws, whatever the therapist asks next.
    d = _dialogue([("t", "You did it Monday and Tuesday and then stopped for the rest of the fortnight, so I'm not sure."),
                   ("p", "Eish, now you sound exactly like my father."),
                   ("t", "That's fair. What was it like, hearing me say that?"),
                   ("p", "It made me want to shut up.")])
    labels = [None, "transference_link", "frame_feelings", "frame_feelings"]
    assert without_replies_before_asking(d, labels, [None, "transference_link", "frame_feelings", None])[1] == "transference_link"


def test_the_seed_pattern_after_the_patient_asks_about_the_therapists_trip():
    session = run([("t", "Murdo, I mentioned a while back that I'm taking a month's sabbatical from the first of April."),
                   ("p", "Where is it you're off to, if you don't mind me asking?"),
                   ("t", "I'm going to walk part of the Camino with my sister."),
                   ("p", "Good for you. Better weather than here anyway."),
                   ("t", "How does it sit with you, me being away for the month?"),
                   ("p", "Och, it's fine, honestly. A month is nothing."),
                   ("t", "Okay. So, your mother. Has anyone from the community team been out?"),
                   ("p", "Not yet. They said Thursday."),
                   ("t", "And the nights, are you sleeping?"),
                   ("p", "Four hours, maybe five."),
                   ("t", "I'm thinking again about April, and you on your own with all this while I'm away."),
                   ("p", "I told you, it's fine. I'll manage.")])
    assert episodes(session)[0][2:4] == ("therapist", "declined")
    assert returns(session) == 1


def test_a_plain_question_about_the_therapists_news_opens_the_seed_episode():
    # The frame is named in the news, not in the question; the refusal declines it, so the
    # return later counts.
    turns = [("p", "Morning, Doctor. Mud season's come early."),
             ("t", "It has. As the letter said, the clinic has cut our visits to twenty-five minutes starting today."),
             ("p", "I got the letter, yes."),
             ("t", "How is that for you?"),
             ("p", "Oh, twenty-five is plenty. I don't have that much to say at my age anyhow."),
             ("t", "All right. How's the sleep been on the lower dose?"),
             ("p", "Better. I'm up once, maybe twice."),
             ("t", "And the walking?"),
             ("p", "Round the block when it's dry."),
             ("t", "Can I come back to the shorter visits? I wonder if having less time with me feels like being hurried out."),
             ("p", "I told you, it's plenty. Don't fuss.")]
    session = run(turns)
    assert episodes(session)[0][:4] == (3, 4, "therapist", "declined")
    assert returns(session) == 1


def test_news_pairs_need_news_and_a_question_that_points_back_to_it():
    from alliance.annotators._lexicon import Dialogue
    from alliance.annotators._relopeners import news_pairs
    # No news before the question: "how is that for you" asks about the patient's own week.
    d = _dialogue([("p", "My sister moved in with the kids on Saturday."),
                   ("t", "How is that for you?"),
                   ("p", "Oh, it's fine, honestly. It's only for a month or so.")])
    assert news_pairs(d, [None] * 3, ["frame_feelings"] * 3) == [None] * 3
    # News, but a question about the patient's week does not point back to it.
    d = _dialogue([("t", "I'm away the week of the fourteenth, so no session that week."),
                   ("p", "Right, okay."),
                   ("t", "So how has your week been?"),
                   ("p", "Oh, fine, honestly. Nothing much to report, same as ever.")])
    assert news_pairs(d, [None] * 4, ["frame_feelings"] * 4) == [None] * 4


def test_a_refused_question_about_the_therapists_news_is_the_seed_episode():
    from alliance.annotators._relopeners import news_pairs
    d = _dialogue([("t", "Before we start, I had to cancel our last two appointments because I was off sick, and I'm sorry."),
                   ("p", "Aye, they rang me."),
                   ("t", "How was it, having the two appointments go?"),
                   ("p", "Nay, it's nowt. There's folk on that ward a lot worse off than me, they need you more."),
                   ("t", "Okay.")])
    assert news_pairs(d, [None] * 5, ["here_and_now"] * 5) == [None, None, "frame_feelings", "frame_feelings", None]


def test_a_refusal_after_frame_talk_hands_the_return_to_the_therapists_plain_question():
    # "For the last time, it's fine" says the turn before it went back to the frame, however
    # plainly it was put, so the return is the therapist's and counts.
    import numpy as np
    from alliance.annotators._relopeners import asked_openings
    d = _dialogue([("t", "How are you with the sessions stopping at twelve?"),
                   ("p", "It's fine, honestly."),
                   ("t", "Okay."),
                   ("p", "My daughter's wedding is on the twenty-first."),
                   ("t", "And after that there'd only be two left. I wanted to check once more how that is."),
                   ("p", "I already said three times. It is okay.")])
    labels = ["frame_feelings", "frame_feelings", None, None, None, "frame_feelings"]
    proba = np.array([0.9, 0.9, 0.0, 0.0, 0.17, 0.8])
    subtypes = ["frame_feelings"] * 6
    assert asked_openings(d, labels, proba, subtypes, [True] * 6)[4] == "frame_feelings"
    # Without frame talk before it, a refusal is the patient's own opening.
    first = [None, None, None, None, None, "frame_feelings"]
    assert asked_openings(d, first, proba, subtypes, [False] * 6)[4] is None
    # Nor does a refusal that takes something up ("it's fine, but I will miss it") say so.
    d2 = _dialogue([*[(r, t) for r, t in [("t", "How are you with the sessions stopping at twelve?"),
                                          ("p", "It's fine, honestly."), ("t", "Okay."), ("p", "Work is busy.")]],
                    ("t", "And after that there'd only be two left."),
                    ("p", "It's fine, but I will miss coming, if I'm honest.")])
    assert asked_openings(d2, labels, proba, subtypes, [False] * 6)[4] is None
    # Nor a refusal that turns to something of the patient's own.
    d3 = _dialogue([*[(r, t) for r, t in [("t", "How are you with the sessions stopping at twelve?"),
                                          ("p", "It's fine, honestly."), ("t", "Okay."), ("p", "Work is busy.")]],
                    ("t", "Oh, and I've just moved us to ten o'clock on a Wednesday."),
                    ("p", "I said it was grand and it is grand, but I'd rather not be here at that hour.")])
    assert asked_openings(d3, labels, proba, subtypes, [False] * 6)[4] is None


def test_a_return_in_plain_words_is_read_by_its_refusal():
    # "How do you think those ten days might go?" names the Easter closure raised before;
    # the stance reader reads it and "I get through it" as a refusal, so it is a return.
    from alliance.annotators._relopeners import reader_returns
    d = _dialogue([("t", "The clinic closes for ten days over Easter. How is that for you?"),
                   ("p", "It's fine. You lot need a break too."),
                   ("t", "Okay."),
                   ("p", "My brother's anniversary is in April."),
                   ("t", "In April. The anniversary falls right in the Easter closure, then. How do you think those ten days might go?"),
                   ("p", "It's the same every year, I get through it."),
                   ("t", "Mm."),
                   ("p", "Anyway, the new job starts on Monday.")])
    labels = ["frame_feelings", "frame_feelings", None, None, None, None, None, None]
    assert reader_returns(d, labels)[4:6] == ["frame_feelings", "frame_feelings"]
    # With no frame talk before it, the same pair is no return.
    assert reader_returns(d, [None] * 8) == [None] * 8


def test_a_complaint_answering_a_return_that_names_the_frame_leaves_the_return_the_therapists():
    import numpy as np
    from alliance.annotators._relopeners import asked_openings
    d = _dialogue([("t", "How are you with going fortnightly from next month?"),
                   ("p", "It's fine, it's only a week extra."),
                   ("t", "Okay."),
                   ("p", "The lambing starts soon."),
                   ("t", "I think the fortnightly change is more of a loss than you're letting yourself say."),
                   ("p", "It was your lot that changed it, not me, and now I'm to be sad about it as well?")])
    labels = ["frame_feelings", "frame_feelings", None, None, None, "frame_feelings"]
    proba = np.array([0.9, 0.9, 0.0, 0.0, 0.3, 0.7])
    assert asked_openings(d, labels, proba, ["frame_feelings"] * 6, [True] * 6)[4] == "frame_feelings"


@pytest.mark.parametrize("turns", [
    [("t", "Right, morning, come on through, sorry it's a bit cramped in here today."),
     ("p", "Morning."),
     ("t", "So where would you like to start?"),
     ("p", "The sleep, I think. I'm up at four every night.")],
])
def test_here_as_a_place_opens_no_episode(turns):
    assert episodes(run(turns)) == []


def test_a_here_cue_the_scorer_doubts_is_the_place():
    from alliance.annotators.relationship import PLACE_GATE, doubted_place
    d = _dialogue([("p", "Morning. Boy, it's warmer in here than out at the yard."),
                   ("o", "He tells you the good bits in here, all smiles."),
                   ("t", "I notice I've been doing most of the deciding in here.")])
    assert doubted_place(d, 0, "here_and_now", 0, PLACE_GATE - 0.1)
    assert not doubted_place(d, 0, "here_and_now", 0, PLACE_GATE + 0.1)  # the scorer believes it
    assert not doubted_place(d, 1, "here_and_now", 1, 0.05)  # a relative's, not judged so
    assert not doubted_place(d, 2, "here_and_now", 0, 0.05)  # inside a chain, not its opening


def test_a_question_about_the_news_needs_no_question_mark():
    # Speech recognition writes no punctuation, and an indirect question has none either.
    from alliance.annotators._relopeners import news_pairs
    d = _dialogue([("t", "Declan, before anything, I'm sorry I had to cancel last Thursday. I will be away again next week."),
                   ("p", "Ah no, don't be apologising."),
                   ("t", "It's been three cancellations out of five now, and I'd like to know how that's been for you."),
                   ("p", "Sure you've your own troubles. That comes first, of course it does."),
                   ("t", "Okay.")])
    assert news_pairs(d, [None] * 5, ["here_and_now"] * 5)[2:4] == ["frame_feelings", "frame_feelings"]


# -- Twenty-fourth round: partners talking to each other ----------------------------------

@pytest.mark.parametrize("turns", [
    # A complaint said to the partner, in words that would be a complaint about the therapy
    # if said to the therapist.
    [("t", "What happened on Sunday?"),
     ("p", "Honestly, the thing with his mum on Sunday."),
     ("q", "Here we go."),
     ("p", "See, this is what I mean. You never listen to me, you just roll your eyes."),
     ("q", "I wasn't rolling my eyes, we talked about it for three hours in the car.")],
    [("t", "Where does Christmas stand?"),
     ("q", "Four days at her mum's, same as every year."),
     ("p", "This is pointless, arguing about your mum. We do it every year.")],
])
def test_a_complaint_said_to_the_partner_is_not_about_the_therapy(turns):
    assert episodes(run(turns)) == []


def test_a_complaint_to_the_partner_that_names_the_therapy_still_counts():
    session = run([("t", "What would you like to start with today?"),
                   ("q", "The same thing as always, probably."),
                   ("p", "Honestly? These sessions are pointless. We just sit and talk and nothing changes at home.")])
    assert rel(session)[2] == "here_and_now"


def test_asking_one_partner_what_they_heard_the_other_say_is_the_couples_exchange():
    # Mirroring: its "just now" is between the partners, not with the therapist.
    session = run([("p", "You could have said something. Anything. You never listen to me."),
                   ("q", "I do listen. You always make it sound like I'm on her side."),
                   ("t", "Can we slow down? Robin, what did you hear Alex say just now, underneath the turkey?"),
                   ("p", "That he felt alone. That I left him out there.")])
    assert rel(session)[2:] == [None, None]
    # Said to one client about the two of them and the therapist, it is still here-and-now.
    session = run([("q", "Sometimes I think you're on her side."),
                   ("t", "Robin, what's it like to hear Alex say that about me?"),
                   ("p", "Awkward, honestly.")])
    assert episodes(session) != []


def test_telling_a_couple_they_agree_draws_no_link():
    from alliance.annotators._cues import T_LINK
    from alliance.annotators._lexicon import normalize
    for said in ("I think you're both saying the same thing from opposite ends.",
                 "You're both telling me the same thing in different words.",
                 "My own lawyer told me the same thing, word for word nearly."):
        assert not T_LINK.search(f" {normalize(said)} ")
    assert T_LINK.search(f" {normalize('And I think you do the same with me.')} ")


def test_school_fees_are_not_the_therapys_fee():
    from alliance.annotators._rupturelexicon import COMPLAINT_THERAPY
    from alliance.annotators._lexicon import normalize
    assert not COMPLAINT_THERAPY.search(f" {normalize('It made me angry. Her daughter needs school fees.')} ")
    assert COMPLAINT_THERAPY.search(f" {normalize('It made me angry, the fees going up again.')} ")


def test_with_one_client_both_of_you_is_the_patient_and_someone_at_home():
    # "The gap" reads as frame talk just before, so "for both of you" would read as asking
    # how the gap is for the two of them.
    from alliance.annotators.relationship import detect_cue
    turns = [("t", "Has the sleep been any better?"),
             ("p", "Not really. I keep seeing the fist come through the gap in the screen."),
             ("t", "That's very common after an assault, the mind replays it."),
             ("p", "Me wife says I shout in me sleep now."),
             ("t", "That must be frightening for both of you."),
             ("p", "It is. She's started sleeping in the back room.")]
    assert detect_cue(_dialogue(turns), 4) is None


def test_a_welcome_that_goes_on_to_the_week_is_not_immediacy():
    from alliance.annotators._cues import T_IMMEDIACY_WIDE
    from alliance.annotators._lexicon import normalize
    for said in ("I'm glad you came. How has the week been?", "well im glad you came so hows the week been",
                 "I'm glad you came. How are you?"):
        assert not T_IMMEDIACY_WIDE.search(f" {normalize(said)} ")
    for said in ("I'm glad you came.", "I'm glad you came back. How did it feel to walk out?",
                 "I'm really glad you came back and told me."):
        assert T_IMMEDIACY_WIDE.search(f" {normalize(said)} ")


def test_recalling_an_earlier_counsellor_with_a_hedge_draws_no_link():
    from alliance.annotators._cues import T_LINK
    from alliance.annotators._lexicon import normalize
    assert not T_LINK.search(f" {normalize('Your last counsellor, Moira, I think you said, gave you something like that?')} ")
    assert T_LINK.search(f" {normalize('Your last therapist left suddenly, and now I am going too.')} ")


def test_asking_how_someone_elses_words_landed_is_about_them():
    # The sessions were rearranged just before, but "how was that to hear?" asks about the daughter.
    from alliance.annotators.relationship import hears_report
    turns = [("t", "Can we move you to Wednesdays from next month?"),
             ("p", "Wednesdays are fine."),
             ("t", "Good. How have things been with your daughter?"),
             ("p", 'She said, "Mam, you never listen to me, you just talk about Dad."'),
             ("t", "I'm curious, how was that to hear?"),
             ("p", "It stung. Because she's right, I do.")]
    assert hears_report(_dialogue(turns), 4)
    assert episodes(run(turns)) == []
    # The therapist's own words about the two of them are not a bare question about a report.
    assert not hears_report(_dialogue([("p", 'My dad used to say, "just try harder."'),
                                       ("t", "That's fair. I came in hard there. How was it to hear that from me, just now?")]), 1)


def test_a_turn_that_goes_back_after_frame_talk_opens_the_return_its_answer_takes_up():
    # "I want to check again about the screen" goes back to the move to video, whatever it
    # names; the patient's labelled answer no longer hands the return to the patient.
    import numpy as np
    from alliance.annotators._relopeners import asked_openings
    d = _dialogue([("t", "From next month we'll meet by video rather than here. How is that for you?"),
                   ("p", "Whatever works, honestly."),
                   ("t", "Okay."),
                   ("p", "We could walk by the lake at the weekend."),
                   ("t", "I want to check again about the screen. Some people find it harder to talk over a video call."),
                   ("p", "Honestly? I'll miss the room. It's the only place I sit still.")])
    labels = ["frame_feelings", "frame_feelings", None, None, None, "frame_feelings"]
    proba = np.array([0.9, 0.9, 0.0, 0.0, 0.2, 0.7])
    assert asked_openings(d, labels, proba, ["frame_feelings"] * 6, [True] * 6)[4] == "frame_feelings"
    # "Before we stop" is the session's end, not a return to the frame.
    d2 = _dialogue([*[(r, t) for r, t in [("t", "From next month we'll meet by video rather than here. How is that for you?"),
                                          ("p", "Whatever works, honestly."), ("t", "Okay."), ("p", "Work is busy.")]],
                    ("t", "Anything else before we stop?"),
                    ("p", "Just that I'll miss the room, I suppose.")])
    assert asked_openings(d2, labels, proba, ["frame_feelings"] * 6, [True] * 6)[4] is None


def test_the_therapists_own_life_answered_with_reassurance_opens_no_pair():
    # "You'll be fine" to the therapist's nerves about jury service reassures them (codebook
    # decision 24); it refuses nothing about the two of them.
    from alliance.annotators._relopeners import _unopened_pair
    d = _dialogue([("p", "Are you nervous about it, the jury?"),
                   ("t", "Honestly, I've never been on a jury and I'm kind of nervous about it myself. My wife keeps teasing me."),
                   ("p", "Ha, you'll be fine, just don't fall asleep in there.")])
    assert not _unopened_pair(d, [None] * 3, 1)
    d2 = _dialogue([("p", "So, the jury."),
                    ("t", "Yes, two weeks with no sessions. How might that gap be for you?"),
                    ("p", "Ha, I'll be fine, don't worry about me.")])
    assert _unopened_pair(d2, [None] * 3, 1)


def test_news_from_the_other_client_said_back_to_them_is_partner_talk():
    from alliance.annotators._lexicon import Dialogue
    session = run([("t", "That sounds important, Alex. You carried that alone for a while."),
                   ("q", "Yes."),
                   ("p", "I didn't know you felt ashamed. I thought you were hiding it because you did not trust me.")])
    assert Dialogue.of(session).you_is_therapist(2) is False
    assert episodes(session) == []


def test_asking_after_the_therapists_holiday_is_small_talk():
    # Codebook decision 24: the therapist's life is not the relationship, even when the
    # question names the week they were away.
    from alliance.annotators.relationship import detect_cue
    d = _dialogue([("t", "Morning. Come on in."),
                   ("p", "You were away last week, ehn? Did you enjoy?"),
                   ("p", "You were away last week and honestly I was a bit lost without our session.")])
    assert detect_cue(d, 1) is None
    assert detect_cue(d, 2) is not None


def test_between_us_said_by_one_client_of_another_is_between_the_clients():
    from alliance.annotators.relationship import detect_cue
    d = _two_client_dialogue([("t", "It sounds like the visiting has already become something between you."),
                     ("p", "It's always something between us."),
                     ("q", "Since Dad died, yes.")])
    assert detect_cue(d, 1) is None
    # With one client, "between us" is the patient and the therapist.
    single = _dialogue([("t", "What's it like to talk about this today?"), ("p", "Strange. Like something's shifted between us.")])
    assert detect_cue(single, 1) == "here_and_now"


def test_asking_one_client_how_the_others_words_landed_opens_nothing():
    from alliance.annotators._relopeners import hears_report
    turns = [("t", "How often does the phone come out at tea time?"),
             ("p", "Sometimes."),
             ("q", "Four times a week."),
             ("t", "Robin, what's it like for you, hearing Alex say four times?"),
             ("p", "Dunno. Embarrassing.")]
    assert hears_report(_two_client_dialogue(turns), 3)
    assert episodes(run(turns)) == []
    # A question about hearing the other client speak of the therapist names the therapist.
    assert not hears_report(_two_client_dialogue([("q", "Honestly, he talks to you more than to me."), ("p", "Mum."),
                                         ("t", "Robin, how is it hearing Alex say that about you and me?")]), 2)


def _two_client_dialogue(turns):
    """The dialogue view of a session with two clients (Robin and Alex) and the therapist."""
    from alliance.annotators._lexicon import Dialogue
    names = {"t": ("Dr. Vale", "therapist"), "p": ("Robin", "patient"), "q": ("Alex", "patient"), "o": ("Mum", "other")}
    return Dialogue.of(make_session([(*names[r], text) for r, text in turns]))


@pytest.mark.parametrize("question,reply", [
    # Echoing the therapist's word as a question refuses it.
    ("Coming back and finding I wasn't here, twice, I wondered if that left you feeling let down.",
     "Let down? I'm not a bairn. You had a job on. I had a pint instead."),
    ("Were you annoyed, waiting all that time?", "Annoyed? No! Maybe a little hungry, ha ha. But no."),
    # Goodwill to the therapist and relief at something practical name no feeling about the two of them.
    ("I'm wondering what it's like to hear we'll meet half as often.",
     "Don't even worry about me. Your health comes first. I'm just glad you're back."),
    ("How was it, starting twenty minutes late?", "Honestly, I was glad of the sit down. Best twenty minutes of my week."),
    # A feeling someone else wants the patient to have.
    ("How is it, me going away again?", "For the last time, I am not sad about your trip. Why do you want me to be sad?"),
    # A title and a childhood.
    ("Did the nap bother you?", "i said its fine miss vale for real it was like a minute"),
    ("How is it, the Saturday clinic closing?", "long time madam since i was small in baroda"),
])
def test_words_that_refuse_or_name_no_feeling_do_not_hold_the_stance_against_the_reader(question, reply):
    from alliance.annotators.episodes import _voices_feeling
    assert not _voices_feeling(_dialogue([("t", question), ("p", reply)]), 0, 1)


def test_an_echo_that_goes_on_to_own_the_feeling_still_voices_it():
    from alliance.annotators.episodes import _voices_feeling
    assert _voices_feeling(_dialogue([("t", "Were you let down?"), ("p", "Let down? Yes. I was gutted, honestly.")]), 0, 1)


def test_its_your_right_excuses_the_therapist():
    from alliance.annotators.episodes import ENGAGE
    from alliance.annotators._lexicon import normalize
    assert not ENGAGE.search(f" {normalize('It is your right. You have worked many years. You should rest.')} ")
    assert ENGAGE.search(f" {normalize('It was true, what you said.')} ")


def test_insisting_i_told_you_is_still_a_refused_reading():
    # "I told you" insists; it says nothing about the therapist (codebook decision 5).
    from alliance.annotators._relopeners import rejects_reading
    d = _dialogue([("t", "I wonder if the pain is still deciding where you go."),
                   ("p", "No. That's not it. It's the weather, I told you."),
                   ("p", "No. That's not it. You always twist what I say.")])
    assert rejects_reading(d, 1)
    assert not rejects_reading(d, 2)


def test_a_refused_reading_of_the_patients_life_opens_no_declined_pair_after_frame_talk():
    import numpy as np
    from alliance.annotators._relopeners import declined_pairs
    d = _dialogue([("t", "I'll be away for two weeks from Monday. How is that for you?"),
                   ("p", "It's fine. You need a break."),
                   ("t", "Okay. How's the pacing been?"),
                   ("p", "Grand. All going grand."),
                   ("t", "You're telling me the pacing is grand, and yet you've not been to the allotment since March. "
                         "I wonder if the pain is still deciding where you go."),
                   ("p", "No. That's not it. It's the weather, I told you.")])
    labels = ["frame_feelings", "frame_feelings", None, None, None, None]
    proba = np.array([0.9, 0.9, 0.0, 0.0, 0.7, 0.7])
    out = declined_pairs(d, labels, proba, ["frame_feelings"] * 6, [True] * 6)
    assert out[4:] == [None, None]


def test_backing_down_after_frame_talk_accepted_with_its_okay_is_no_declined_pair():
    # The therapist asks nothing; "it's okay" accepts the correction, it refuses no question.
    import numpy as np
    from alliance.annotators._relopeners import declined_pairs
    d = _dialogue([("t", "My last day is the eighteenth of July. How do you feel about my retiring?"),
                   ("p", "It is your right. You have worked many years."),
                   ("t", "So it's the way he did it, in front of family, that hurt."),
                   ("p", "Yes. It is shame, a little. Not the college."),
                   ("t", "Thank you for putting me right. That's different from what I was saying."),
                   ("p", "It is okay. Maybe I did not explain before.")])
    labels = ["frame_feelings", "frame_feelings", None, None, None, None]
    proba = np.array([0.9, 0.9, 0.0, 0.0, 0.5, 0.5])
    assert declined_pairs(d, labels, proba, ["here_and_now"] * 6, [True] * 6)[4:] == [None, None]


def test_the_sessions_end_is_no_return_to_the_frame():
    # "Before we finish" announces a new arrangement; it goes back to nothing.
    from alliance.annotators._framereturns import late_returns
    d = _dialogue([("t", "I'll be away for two weeks in May. How is that for you?"),
                   ("p", "It's fine. You need your holidays."),
                   ("t", "Okay. How's the sleep?"),
                   ("p", "Better, mostly."),
                   ("t", "That's a real step. Before we stop, a reminder that my fee goes up to ninety-five from May."),
                   ("p", "Right, fine.")])
    labels = ["frame_feelings", "frame_feelings", None, None, None, None]
    assert late_returns(d, labels)[4:] == [None, None]


def test_a_day_in_common_with_the_frame_is_no_return():
    from alliance.annotators._framereturns import late_returns
    d = _dialogue([("t", "From next month we'll meet on Tuesdays instead of Thursdays. How is that for you?"),
                   ("p", "It's fine, honestly."),
                   ("t", "Okay. How are the nights with the baby?"),
                   ("p", "Dean does Fridays. I do the rest."),
                   ("t", "What would it be like to ask Dean to do Tuesdays as well?"),
                   ("p", "No, he'd never go for it.")])
    labels = ["frame_feelings", "frame_feelings", None, None, None, None]
    assert late_returns(d, labels)[4:] == [None, None]
    # Going back to the day itself is still a return.
    d2 = _dialogue([*[(r, t) for r, t in [("t", "From next month we'll meet on Tuesdays instead of Thursdays. How is that for you?"),
                                          ("p", "It's fine, honestly."), ("t", "Okay. How are the nights?"), ("p", "Long.")]],
                    ("t", "Can I just check back on the Tuesday thing? Sometimes a change like that sits differently after a while."),
                    ("p", "No, honestly, it's fine.")])
    assert late_returns(d2, labels)[4:] == ["frame_feelings", "frame_feelings"]


def test_the_working_we_of_a_plan_does_not_name_the_pair():
    # "We could find a way of pacing" is the task they share; a confident scorer may not open
    # an episode on it alone.
    from alliance.annotators.relationship import _NAMES_PAIR, _PLANS_TOGETHER
    from alliance.annotators._relopeners import HEDGE
    from alliance.annotators._lexicon import normalize

    def names_pair(said):
        return bool(_NAMES_PAIR.search(_PLANS_TOGETHER.sub(" ", HEDGE.sub(" ", f" {normalize(said)} "))))
    assert not names_pair("I wonder whether we could find a way of pacing that doesn't feel like surrender.")
    assert names_pair("I wonder whether we could talk about how it is between us.")


def test_a_you_the_patient_quotes_does_not_let_the_scorer_open_on_the_reply():
    from alliance.annotators.relationship import _own_voice
    d = _dialogue([("p", 'Yesterday my mentor told me, "You are not listening to me, Comfort, you need to slow down."'),
                   ("p", "Honestly, you are not listening to me today.")])
    assert " you " not in _own_voice(d, 0)
    assert " you " in _own_voice(d, 1)


@pytest.mark.parametrize("said", [
    "I'm wondering whether going monthly feels like being let go of before you're ready.",
    "how will it be for you having the calls monthly through the dark months",
    "Can I ask once more about last week? How was it, not having this hour?",
    "So, as the letter said, the clinic has cut our visits to twenty-five minutes. How is that for you?",
    "What was it like for you when the group was called off?",
    "Before we get going, what was it like out there, waiting on me for twenty minutes?",
    "how is it for you that we wont be in the same room anymore after nearly two years",
    "and from next month the waiting room will also move, it will be in the main corridor",
    "We'll still finish at ten past. How was the wait?",
    "I think you're angrier about being moved than you let yourself say.",
    "i was wondering um whether the booking thing feels a bit like being passed along",
    "The row blew up in the very week there was no session here to bring it to.",
    "And now I'm the one going under the knife. Does that touch anything for you?",
    "How's the shorter visit feeling so far?",
    "When I texted to cancel, what did you imagine was going on for me?",
    "before you go ill say it once more i forgot you and i dont want to just brush past it",
    "if it ever happens again that i get called out you can always tell me how it was",
    "if the gaps between sessions feel long you can ring the service line any time",
])
def test_changes_to_the_frame_in_everyday_words_name_it(said):
    from alliance.annotators._cues import FRAME_T_WIDE
    from alliance.annotators._lexicon import normalize
    assert FRAME_T_WIDE.search(f" {normalize(said)} ")


def test_monthly_in_the_patients_life_is_not_the_frame():
    from alliance.annotators._cues import FRAME_T_WIDE
    from alliance.annotators._lexicon import normalize
    assert not FRAME_T_WIDE.search(f" {normalize('The rent goes out monthly and the injection is every month.')} ")


def test_what_you_make_of_the_news_asks_for_a_reaction():
    from alliance.annotators.relationship import detect_cue
    d = _dialogue([("t", "A reminder that my sabbatical starts on the first of March, and I'm away until the end of April."),
                   ("p", "Yes, I've got it written down."),
                   ("t", "I wonder what you make of it, now that it's getting closer.")])
    assert detect_cue(d, 2) == "frame_feelings"


def test_a_doubted_pair_opened_by_the_seed_patterns_own_question_stands():
    # "The clinic has cut our visits to twenty-five minutes. How is that for you?" names the
    # change and asks how it is: its own evidence, however little the scorer believes it.
    import numpy as np
    from alliance.annotators._relchecks import without_lone_doubts
    d = _dialogue([("t", "So, as the letter said, the clinic has cut our visits to twenty-five minutes. How is that for you?"),
                   ("p", "Honestly, it's a shame. I'll miss the longer chats, they were the best bit of my week."),
                   ("t", "All right. How's the sleep been?"), ("p", "Better.")])
    frame = ["frame_feelings", "frame_feelings", None, None]
    assert without_lone_doubts(d, frame, np.array([0.19, 0.08, 0.0, 0.0]), set()) == frame


@pytest.mark.parametrize("said", [
    "Before we get going, what was it like out there, waiting on me for twenty minutes?",
    "When I texted to cancel, what did you imagine was going on for me?",
])
def test_reaction_questions_in_other_words_about_a_named_change_are_frame_talk(said):
    from alliance.annotators.relationship import detect_cue
    assert detect_cue(_dialogue([("p", "Hello."), ("t", said)]), 1) == "frame_feelings"


def test_a_musing_that_the_therapist_cannot_help_is_a_return():
    from alliance.annotators._framereturns import late_returns
    d = _dialogue([("t", "I was off sick last week, so we missed our session. How was that for you?"),
                   ("p", "It was fine. People get ill."),
                   ("t", "Okay. And the row on Sunday?"),
                   ("p", "His mother again."),
                   ("t", "I can't help thinking the row blew up in the very week there was no session here to bring it to."),
                   ("p", "It would have blown up anyway. It always does.")])
    labels = ["frame_feelings", "frame_feelings", None, None, None, None]
    assert late_returns(d, labels)[4] == "frame_feelings"


def test_leaving_the_door_open_in_plain_words_is_a_return():
    from alliance.annotators._framereturns import late_returns
    d = _dialogue([("t", "Sorry, I got called out in the middle of our session. How was that for you?"),
                   ("p", "It was fine, no need."),
                   ("t", "Okay. And the job hunt?"),
                   ("p", "Two interviews."),
                   ("t", "Before you go, if it ever happens again that I get called out, you can always tell me how it was."),
                   ("p", "Ya ya, no need, it's really fine.")])
    labels = ["frame_feelings", "frame_feelings", None, None, None, None]
    assert late_returns(d, labels)[4:] == ["frame_feelings", "frame_feelings"]


# -- Twenty-fifth round: chains that run through doubted turns, refusals that change the subject --

def _chain(d, believed, root, members):
    """Labels of one frame chain from ``root`` over ``members``, with the scorer's beliefs."""
    from alliance.annotators._relchecks import without_doubted_tails
    labels = [None] * d.n
    cues = [None] * d.n
    roots = [None] * d.n
    labels[root] = cues[root] = "frame_feelings"
    roots[root] = root
    for i in members:
        labels[i], roots[i] = "frame_feelings", root
    return without_doubted_tails(d, labels, cues, roots, labels, np.array(believed))


def test_a_chain_is_cut_where_a_run_of_doubted_turns_moves_the_talk_on():
    # The patient's refusal, the therapist's "fair enough", then the patient's fishing trip:
    # the last turns sound like the two of them ("out there", "nobody needs anything from me")
    # but took their label only through the week in between.
    d = _dialogue([("t", "Will you miss coming here once we move?"),
                   ("p", "I reckon I'll miss the vending machine, that's about it."),
                   ("t", "Okay, fair enough."),
                   ("p", "I've been going fishing some with my buddy out at the lake."),
                   ("t", "How's that been?"),
                   ("p", "Good. About the only time my head gets quiet."),
                   ("t", "What is it about being out there?"),
                   ("p", "Nobody needs nothing from me out there.")])
    out = _chain(d, [0.9, 0.95, 0.01, 0.03, 0.01, 0.05, 0.24, 0.27], 0, range(1, 8))
    assert out[:2] == ["frame_feelings"] * 2
    assert out[2:] == [None] * 6


def test_a_chain_is_not_cut_where_the_patient_answers_a_question_inside_it():
    # "Who else used to read things and go 'hmm'?" asks on: the patient's answer about Dad,
    # which the scorer doubts, is the link the question asked for.
    d = _dialogue([("p", "I rewrote the diary three times because I didn't want you to think I was slack."),
                   ("t", "You rewrote it for me."),
                   ("p", "For you, yeah. I could picture you reading it and going 'hmm'."),
                   ("t", "Who else used to read things and go 'hmm'?"),
                   ("p", "Dad. School reports. He'd read the whole thing in silence and stick it on the fridge."),
                   ("t", "So I can end up in Dad's chair, reading your diary in silence."),
                   ("p", "Yeah. Pretty much.")])
    out = _chain(d, [0.9, 0.6, 0.5, 0.3, 0.02, 0.05, 0.2], 0, range(1, 7))
    assert out == ["frame_feelings"] * 7


def test_a_refusal_that_changes_the_subject_is_as_short_as_the_refusal():
    from alliance.annotators._relopeners import answer_words
    d = _dialogue([("t", "With Priya starting, you'll be doing it with two of us knowing. How's that sitting with you?"),
                   ("p", "Can we not go round that again? I said it's fine. Anyway, I wanted to ask you about the "
                         "tablets, the GP wants me to go up to fifty.")])
    assert answer_words(d, 1) == 12  # "can we not go round that again i said it is fine"
    # A story has no such sentence: all of it answers.
    d = _dialogue([("t", "How was the week?"), ("p", "Long. My manager kept changing the deadline, twice.")])
    assert answer_words(d, 1) == d.words[1]


def test_a_complaint_the_therapist_takes_up_opens_its_episode_even_after_frame_talk():
    # "I'm glad you said that" takes the patient's complaint up as said to the therapist: the
    # patient opened the episode, and it is no return to the holiday.
    session = run([
        ("t", "Before we start, I'll be away for the two weeks after Easter. How is that for you?"),
        ("p", "It's fine, honestly. Everyone needs a holiday."),
        ("t", "Okay. How were the night shifts?"),
        ("p", "Double shifts again. Sister Grace asked and I said yes."),
        ("t", "Shall we try putting her voice in the other chair again, like before?"),
        ("p", "Honestly, this chair thing, I find it quite silly. Six months already and I'm still doing the same "
              "double shifts. I don't know what we are doing in these sessions."),
        ("t", "I'm glad you said that. It sounds like the chair work feels pointless to you, and six months without "
              "the change you came for is a long time. What would feel more useful?"),
        ("p", "Maybe something practical. Like how to say no to her without feeling like I will die."),
        ("t", "We can do that. We could rehearse it here, with me as Sister Grace."),
        ("p", "Okay, that one I can try.")])
    assert episodes(session)[1][:3] == (5, 9, "patient")
    assert returns(session) == 0


def test_recalling_what_the_patient_said_of_their_own_life_is_no_return():
    from alliance.annotators._framereturns import frame_return
    d = _dialogue([("t", "I'm sorry again about last week, my train was held and I was twenty minutes late. "
                         "What was it like, waiting for me?"),
                   ("p", "Ha. I had the paper, I was quite happy."),
                   ("t", "Mm."),
                   ("p", "At my age, doctor, nothing happening is a victory."),
                   ("t", "And the retirement? Last time you said the days felt very long."),
                   ("p", "They're still long."),
                   ("t", "Last time you said the wait was nothing. How was it really, sitting there waiting for me?")])
    assert not frame_return(d, 4, {"<frame>"})
    assert frame_return(d, 6, {"<frame>"})  # it names the therapist's lateness in its own words


@pytest.mark.parametrize("reply", [
    "Aiya, I told you already, it's not about you. Really no need to keep asking.",
    "I said to you twice, it's fine.",
    "That's not about you, Ellen.",
])
def test_a_refusal_said_again_declines(reply):
    from alliance.annotators.episodes import utterance_stance
    from alliance.annotators._lexicon import normalize
    assert utterance_stance(normalize(reply), True)[0]


def test_a_story_about_someone_else_is_not_a_refusal_said_again():
    from alliance.annotators.episodes import utterance_stance
    from alliance.annotators._lexicon import normalize
    assert not utterance_stance(normalize("My sister told me it was all about her, as usual."), True)[0]


def test_hesitations_make_no_answer_longer():
    from alliance.annotators._relopeners import answer_words
    d = _dialogue([("t", "i wondered what it was like getting that call when you were already on your way"),
                   ("p", "uh it was um it was fine i just went up to the ward instead so um no is fine")])
    assert answer_words(d, 1) == d.words[1] - 3


def test_here_she_goes_again_is_no_link_to_the_room():
    from alliance.annotators.relationship import detect_cue
    d = _dialogue([("t", "that fear of being seen as the mad one"),
                   ("p", "aye like with my mum shes always like oh here she goes again when i say im struggling")])
    assert detect_cue(d, 1) is None
    d = _dialogue([("t", "What's that like?"),
                   ("p", "It's like with my mum, she never listens, and here it's the same.")])
    assert detect_cue(d, 1) == "transference_link"


def test_the_same_words_said_to_someone_at_home_and_to_the_therapist_draw_a_link():
    from alliance.annotators.relationship import detect_cue
    d = _dialogue([("p", "Yes now. You know our people, you endure."),
                   ("t", "I'm struck that you told your mother-in-law to go and rest, and a few minutes ago you "
                         "told me it's my time to rest.")])
    assert detect_cue(d, 1) == "transference_link"
    d = _dialogue([("p", "She never listens."), ("t", "You told your sister to leave it, and then you told me about the fight.")])
    assert detect_cue(d, 1) != "transference_link"


def test_a_run_on_refusal_that_turns_away_is_as_short_as_the_refusal():
    from alliance.annotators._relopeners import answer_words
    d = _dialogue([("t", "and now me ringing instead of turning up i wonder what thats like"),
                   ("p", "yeah look the phones fine lynette i said that um anyway the bank i meant to ask you do you "
                         "know anyone who can help with one of them cash throw things")])
    assert answer_words(d, 1) == 9  # "yeah look the phones fine lynette i said that"


def test_ringing_instead_of_turning_up_names_the_changed_format():
    from alliance.annotators._cues import FRAME_T_WIDE
    from alliance.annotators._lexicon import normalize
    assert FRAME_T_WIDE.search(normalize("and now me ringing instead of turning up, I wonder what that's like"))
    assert not FRAME_T_WIDE.search(normalize("your brother ringing instead of turning up, what's that like?"))


@pytest.mark.parametrize("said", [
    "How was it for you, those two visits not happening?",
    "um before we get going how was that for you talking into a screen that wasnt answering",
])
def test_sessions_that_did_not_happen_name_the_frame_in_everyday_words(said):
    from alliance.annotators._cues import FRAME_T_WIDE
    from alliance.annotators._lexicon import normalize
    assert FRAME_T_WIDE.search(normalize(said))


def test_a_screen_and_visits_in_the_patients_life_do_not():
    from alliance.annotators._cues import FRAME_T_WIDE
    from alliance.annotators._lexicon import normalize
    assert not FRAME_T_WIDE.search(normalize("How much time does he spend on a screen each day?"))
    assert not FRAME_T_WIDE.search(normalize("And your mum's visits to the day centre, how are they going?"))


@pytest.mark.parametrize("turns, expected", [
    ([("p", "I really value how honest you are with me.")], "feelings_about_therapist"),
    ([("t", "Morning, come on in."), ("p", "Hi. Honestly a bit sad that today's our last session.")], "frame_feelings"),
    ([("t", "I wonder if part of you is testing whether I'll stick around.")], "here_and_now"),
])
def test_words_that_name_the_two_of_them_are_cues_of_their_own(turns, expected):
    from alliance.annotators.relationship import detect_cue
    d = _dialogue(turns)
    assert detect_cue(d, d.n - 1) == expected


def test_plain_words_about_the_two_of_them_are_not_the_scorers_to_veto():
    from alliance.annotators._relchecks import plainly_ours
    assert plainly_ours(_dialogue([("p", "Sorry. I've never cried in front of anyone before.")]), 0)
    assert plainly_ours(_dialogue([("p", "Honestly a bit sad that today's our last session.")]), 0)
    # A feeling about someone else's last session, or saying it out loud, is not so plain.
    assert not plainly_ours(_dialogue([("p", "She was sad it was her last session with the physio.")]), 0)
    assert not plainly_ours(_dialogue([("p", "Saying it out loud, it sounds a bit daft.")]), 0)


def test_arranging_the_new_format_is_no_return_however_the_patient_answers():
    from alliance.annotators._relopeners import reader_returns
    d = _dialogue([("t", "From next month we'll meet by video every other week. How do you feel about that?"),
                   ("p", "It's fine, honestly. Saves me the bus."),
                   ("t", "Okay. How was the week?"),
                   ("p", "Long."),
                   ("t", "Good. I'll send you the video link by email on Monday."),
                   ("p", "Okay. Which email, the work one or the Gmail?")])
    labels = ["frame_feelings", "frame_feelings", None, None, None, None]
    assert reader_returns(d, labels)[4:] == [None, None]


@pytest.mark.parametrize("asked, expected", [
    ("Right. Fortnightly. Is that on Tuesdays still?", None),
    ("Is it per person or per couple, the fee, by the way? Only Jodie's been paying it all.", None),
    ("Will you still be here after the break?", "frame_feelings"),
])
def test_a_question_about_the_arrangements_is_not_relationship_talk(asked, expected):
    from alliance.annotators.relationship import detect_cue
    d = _dialogue([("t", "From March we'll meet every other week, the same slot."), ("p", asked)])
    assert detect_cue(d, 1) == expected


def test_news_told_before_any_frame_talk_is_no_episode_of_its_own():
    from alliance.annotators.relationship import without_bare_news
    d = _dialogue([("t", "I've something to tell you first. I'm moving back home to Barra in the new year, so our "
                         "sessions will finish in five weeks."),
                   ("p", "Barra. That's the island with the beach for a runway, isn't it?"),
                   ("t", "It is. My father isn't keeping well."),
                   ("p", "Sorry to hear that."),
                   ("t", "Thank you. I wondered what it's like for you, hearing that we'll be ending."),
                   ("p", "You've got to go where your family is. Don't you worry about me.")])
    labels = ["frame_feelings", None, None, None, "frame_feelings", "frame_feelings"]
    cues = [None, None, None, None, "frame_feelings", None]
    assert without_bare_news(d, labels, cues) == [None, None, None, None, "frame_feelings", "frame_feelings"]
    # After frame talk, the same kind of turn is a return in its own words.
    later = ["frame_feelings", "frame_feelings", None, None, "frame_feelings"]
    d = _dialogue([("t", "How is it, hearing I'll be away in August?"), ("p", "Fine."), ("t", "Okay."), ("p", "Yeah."),
                   ("t", "You've been late twice since I told you about August.")])
    assert without_bare_news(d, later, [None] * 5) == later


def test_a_scene_told_in_the_past_is_not_the_room():
    from alliance.annotators._relpatterns import T_HERE_NOW
    from alliance.annotators._lexicon import normalize
    assert not T_HERE_NOW.search(normalize("Like you weren't even in the room."))
    assert T_HERE_NOW.search(normalize("What's it like for you, saying that in the room with me?"))


def test_asking_how_the_patient_is_with_their_own_news_is_no_return():
    from alliance.annotators._relopeners import _asks_about_news
    d = _dialogue([("t", "I wanted to ask how the month without our sessions was for you."),
                   ("p", "You were ill. I was fine."),
                   ("t", "Okay."),
                   ("p", "Anyway, the big news is the wedding is definitely happening. June."),
                   ("t", "Can I ask, how are you with it?")])
    labels = ["frame_feelings", "frame_feelings", None, None, None]
    assert _asks_about_news(d, labels, 4)
    assert not _asks_about_news(_dialogue([("p", "Fine."), ("t", "Can I ask how you are with me being away?")]),
                                [None, None], 1)


# -- Twenty-sixth round: what a rebuilt scorer may not veto -----------------------------------
# The scorers were rebuilt with every opened split. These readings keep the seed pattern's
# own words standing whatever the new scorer's calibration reads of them.


@pytest.mark.parametrize("text,expected", [
    ("so im off on leave from next month how are you feeling about that", True),
    ("I'm away for two weeks in August. How is that for you?", True),
    # Announcing fees and dates carries reaction-like words ("for both of you") but asks nothing.
    ("Per session, so for both of you together. And I'm at a conference in Leeds on the third, "
     "so we'd skip that week.", False),
    ("How are you feeling about the test itself?", False),
])
def test_the_therapist_asking_how_a_named_change_is_for_the_patient(text, expected):
    from alliance.annotators._relchecks import asks_about_named_change
    assert asks_about_named_change(_dialogue([("t", text)]), 0) is expected


def test_a_question_back_about_earlier_news_must_name_what_the_news_named():
    from alliance.annotators._relchecks import asks_back_about_news
    news = ("t", "i gotta let you know my last week here is the ninth and then youll be with priya on fridays")
    d = _dialogue([news, ("p", "ok"), ("t", "what comes up when you think about starting with priya")])
    assert asks_back_about_news(d, 2)
    # "What comes up" about something the news never named asks about that, not the news.
    d = _dialogue([news, ("p", "ok"), ("t", "what comes up when you think about your brother's wedding")])
    assert not asks_back_about_news(d, 2)
    # And without any news before, there is nothing to ask back about.
    assert not asks_back_about_news(_dialogue([("t", "what comes up when you think about starting with priya")]), 0)


@pytest.mark.parametrize("turns,expected", [
    ([("p", "Who are you to tell me I should forgive him?")], True),
    ([("t", "You went quiet there."), ("p", "I reckon you'd hate me if you knew the whole story.")], True),
    ([("t", "What stops you going to the reunion?"), ("p", "They'd judge me for dropping out, all of them.")], False),
    # People leaving as a rule of life, said to the therapist's news of going.
    ([("t", "I'm away next month."), ("p", "yeah whatever people always go")], True),
    ([("t", "How was the party?"), ("p", "Dull. People always go early round here.")], False),
])
def test_words_that_are_about_the_two_of_them_whatever_the_scorer_reads(turns, expected):
    from alliance.annotators._relchecks import plainly_ours
    d = _dialogue(turns)
    assert plainly_ours(d, d.n - 1) is expected


@pytest.mark.parametrize("text,expected", [
    ("so the first three week gap will be over christmas how do you think that one will go for you", True),
    ("I wonder if it feels like one more thing being taken away.", True),
    ("Do you think the shorter sessions might feel like one more thing getting taken away?", True),
    # A remark that neither asks nor names the two of them gives the patient nothing to refuse.
    ("Six weeks is a long time to look after someone.", False),
    ("Rich is not how it feels.", False),
])
def test_a_pair_the_stance_reader_opens_starts_on_a_question_or_on_the_two_of_them(text, expected):
    from alliance.annotators._relopeners import asks_or_names_us
    assert asks_or_names_us(_dialogue([("t", text)]), 0) is expected


def test_wondering_whether_the_change_itself_will_be_hard_asks_about_it():
    assert rel(run([("t", "I wonder if the fortnight apart might be hard.")]))[0] == "frame_feelings"
    assert rel(run([("t", "I wonder if the new job might be hard.")]))[0] is None


def test_a_reminder_about_the_fee_is_no_question_to_refuse():
    from alliance.annotators._relopeners import asks_or_names_us
    d = _dialogue([("t", "and just a reminder that if you need to cancel its forty eight hours notice "
                         "otherwise i do have to charge")])
    assert not asks_or_names_us(d, 0)
    assert asks_or_names_us(_dialogue([("t", "How do you feel about paying for the missed session?")]), 0)


def test_aint_goes_with_its_person():
    from alliance.annotators._lexicon import normalize
    from alliance.annotators.episodes import utterance_stance
    assert normalize("I ain't gonna cry about it.").strip() == "i am not going to cry about it"
    assert normalize("Y'all ain't fooling me").strip() == "y all are not fooling me"
    assert normalize("That ain't the same thing").strip() == "that is not the same thing"
    # Minimising in the patient's own dialect declines.
    assert utterance_stance(normalize("Shoot. I ain't gonna cry about it."))[0]


def test_if_you_dont_care_me_asking_is_manners_not_a_feeling():
    from alliance.annotators._relpatterns import P_FEELINGS
    from alliance.annotators._lexicon import normalize
    assert not P_FEELINGS.search(normalize("What's taking you up there, if you don't care me asking?"))
    assert P_FEELINGS.search(normalize("You don't care about me."))


def test_hearing_someone_elses_words_is_about_them_however_recent_the_news():
    turns = [("t", "One more thing: I'm on leave the week of the fourteenth, so let's book your next one for the twenty-first."),
             ("p", "The twenty-first's fine."),
             ("t", "How did the first week back at work go?"),
             ("p", "My supervisor met me at the door and said, \"Take it easy, we don't want you going off again.\""),
             ("t", "How was that, hearing it in front of the team?")]
    assert rel(run(turns))[4] is None
    # Right after the news itself, the same question asks about the news.
    assert rel(run(turns[:1] + [("t", "How is that, hearing it?")]))[1] == "frame_feelings"


def test_youd_think_after_so_long_is_anyones_you():
    assert rel(run([("t", "How are you sleeping?"), ("p", "Aye. You'd think after three months you'd be over it.")]))[1] is None


def test_a_room_full_of_other_people_is_not_the_room():
    from alliance.annotators._relpatterns import T_HERE_NOW
    from alliance.annotators._lexicon import normalize
    assert not T_HERE_NOW.search(normalize("so part of it is comparing yourself with everyone else in the room"))
    assert T_HERE_NOW.search(normalize("What's it like, saying that to me in the room?"))


def test_taking_back_an_earlier_fine_raises_the_topic_it_refuses_nothing():
    from alliance.annotators._relopeners import declined_pairs
    turns = [("t", "From next month our sessions will be on video, not here. How is that for you?"),
             ("p", "It's fine."),
             ("t", "Okay. How's the sleep been?"),
             ("p", "Better, some nights."),
             ("t", "We have about ten minutes. Anything else on your mind before we stop?"),
             ("p", "Can I say something about the video sessions? I said it was fine, but I was thinking. "
                   "The truth is I don't like it.")]
    labels = ["frame_feelings", "frame_feelings", None, None, None, "frame_feelings"]
    proba = [0.6, 0.98, 0.01, 0.0, 0.39, 0.99]
    subtypes = ["frame_feelings"] * 6
    # The patient opens the episode: the time check before it asked nothing they refused.
    assert declined_pairs(_dialogue(turns), labels, proba, subtypes, [True] * 6) == labels
    # "I said it's fine" standing alone is still the refusal said again.
    again = turns[:5] + [("p", "I said it's fine. Honestly.")]
    assert declined_pairs(_dialogue(again), labels, proba, subtypes, [True] * 6)[4] == "frame_feelings"


def test_the_feeling_the_patient_says_the_therapist_is_after_is_refused():
    from alliance.annotators._lexicon import normalize
    from alliance.annotators.episodes import utterance_stance
    assert utterance_stance(normalize("Ah, doctor, you want me to cry? I will not cry. Sixteen is sixteen.")) == (True, False)
    assert utterance_stance(normalize("I cried all the way home."))[1]


@pytest.mark.parametrize("text,engages", [
    ("I don't know, miss.", False),
    ("i said its fine miss carol for real it was like a minute", False),
    ("Yes miss, I will miss coming here.", True),
    ("I'll miss it, yes.", True),
])
def test_miss_as_a_form_of_address_misses_no_one(text, engages):
    from alliance.annotators._lexicon import normalize
    from alliance.annotators.episodes import utterance_stance
    assert utterance_stance(normalize(text))[1] is engages


@pytest.mark.parametrize("text,expected", [
    ("I mean, it is what it is. Insurance, right? Everybody's doing it.", (True, False)),
    ("Haha, you want me to say I cried in the waiting room ah? I didn't. I read the magazines.", (True, False)),
    # Assent to what was said about the two of them still takes it up.
    ("It's true, I did miss it.", (False, True)),
])
def test_shrugs_and_question_tags(text, expected):
    from alliance.annotators._lexicon import normalize
    from alliance.annotators.episodes import utterance_stance
    assert utterance_stance(normalize(text)) == expected


@pytest.mark.parametrize("text,expected", [
    ("Ah'm no bothered. Ah didnae want tae bother ye wi it.", " i am not bothered ah did not want to bother you with it "),
    ("I'm no expert, but", " i am no expert but "),
    ("Ye just sent me oot the door.", " you just sent me out the door "),
])
def test_scots_spellings_read_as_the_cues_are_written(text, expected):
    from alliance.annotators._lexicon import normalize
    assert normalize(text) == expected


def test_a_scots_refusal_declines():
    from alliance.annotators._lexicon import normalize
    from alliance.annotators.episodes import utterance_stance
    assert utterance_stance(normalize("Ach, ah'm no bothered aboot it."))[0]


# -- Twenty-seventh round: test207..test210, opened after two blind scores -------------------


def test_a_grounding_instruction_in_the_room_asks_nothing_about_the_move():
    turns = [("t", "Before we start: from March the service moves to the new centre on Bedford Street."),
             ("p", "Right you are."),
             ("t", "How is it for you, hearing we're moving?"),
             ("p", "Ach, I'll be grand."),
             ("t", "Okay. Go back to the bar, you're standing with your cousin."),
             ("p", "Then the roof's on top of me."),
             ("t", "You're doing well. Feel your feet on the floor, here in this room. Where's the distress now, out of ten?")]
    assert rel(run(turns))[6] is None
    from alliance.annotators._framerefs import GROUNDING
    from alliance.annotators._lexicon import normalize
    assert GROUNDING.search(normalize("Notice the chair under you, right now."))
    assert not GROUNDING.search(normalize("How do you feel about the room we'll be in?"))


@pytest.mark.parametrize("text,expected", [
    ("hows that for you", " how is that for you "),
    ("theres no way whos gonna know", " there is no way who is going to know "),
    ("dunno wheres it now", " dunno where is it now "),
])
def test_speech_recognition_drops_more_apostrophes(text, expected):
    from alliance.annotators._lexicon import normalize
    assert normalize(text) == expected


def test_an_asr_question_about_the_move_to_the_phone_is_asked():
    turns = [("t", "ok um one thing i have to tell you the office at the hall is closing at the end of the month "
                   "so from now on well do our sessions on the phone like this"),
             ("p", "oh ok yeah"),
             ("t", "hows that for you that were not gonna be sitting in the same room anymore"),
             ("p", "uh its uh whatever i mean phones phone you know")]
    assert rel(run(turns))[2] == "frame_feelings"


@pytest.mark.parametrize("text,declines", [
    ("um do what you like love its all the same to me", True),
    ("Makes no odds to me, honestly.", True),
    # Receiving the same thing from everyone is no understanding of the therapist's reasons.
    ("Okay. It's just, I get that from everybody, and when you also said it, I felt like giving up.", False),
    ("I get that, you have a life.", True),
])
def test_shrugging_it_back_declines_and_getting_it_from_everyone_does_not(text, declines):
    from alliance.annotators._lexicon import normalize
    from alliance.annotators.episodes import utterance_stance
    assert utterance_stance(normalize(text))[0] is declines


def test_asking_whether_it_makes_any_difference_is_a_reaction_question():
    from alliance.annotators._cues import T_REACTION_WIDE
    from alliance.annotators._lexicon import normalize
    assert T_REACTION_WIDE.search(normalize("would it make any difference to you knowing that or not really"))
    assert not T_REACTION_WIDE.search(normalize("That made a difference to the bill."))


def test_the_room_you_meet_in_next_week_is_a_place():
    turns = [("p", "Next week is on Teams. And the week after, we are back here in the room?"),
             ("t", "Yes, back in this room."), ("p", "Good.")]
    assert episodes(run(turns)) == []
    from alliance.annotators._relpatterns import T_HERE_NOW
    from alliance.annotators._lexicon import normalize
    assert T_HERE_NOW.search(normalize("What's it like, saying it here in this room?"))


def test_a_patient_who_asks_leave_to_speak_and_is_thanked_opens_the_episode():
    turns = [("t", "We've got about ten minutes left. What would you like to take away this week?"),
             ("p", "Mute my cousin on match days."),
             ("t", "That's a clear plan."),
             ("p", "Hocam, can I say something? Today, with Priya here, I didn't tell everything. Some of the money "
                   "was from my brother's till. It was hard to say in front of two people."),
             ("t", "Thank you for telling me, and for telling both of us. It sounds like having an extra person here "
                   "made it harder to be straight today."),
             ("p", "Yes. With you alone I am used to it now.")]
    eps = episodes(run(turns))
    assert eps and eps[0][0] == 3 and eps[0][2] == "patient"


def test_noticing_the_jokes_about_the_move_is_the_therapists_return():
    from alliance.annotators._relopeners import with_openings
    turns = [("t", "How do you feel about us moving out of this building?"),
             ("p", "As long as the kettle comes, I'm not bothered."),
             ("t", "An exit plan, with a mate who gets it."),
             ("p", "Aye. Like having someone on your six."),
             ("t", "I notice you make a joke each time I bring up the move.")]
    labels = ["frame_feelings", "frame_feelings", None, None, "here_and_now"]
    proba = [0.9, 0.9, 0.01, 0.28, 1.0]
    out = with_openings(_dialogue(turns), labels, proba, ["transference_link"] * 5, [True] * 5)
    assert out[3] is None


def test_how_do_you_reckon_it_will_feel_refers_back_to_the_move():
    turns = [("t", "Something I need to tell you. The charity's moving to the Pilgrim Street offices, "
                   "so our sessions will be in town from next month."),
             ("p", "Is there parking?"),
             ("t", "How do you feel about us moving?"),
             ("p", "I'm not bothered."),
             ("t", "Tell me about the parade."),
             ("p", "Micky will stand with me at the back."),
             ("t", "Good. Let's write that plan down."),
             ("p", "Back, Micky on my left, leave before the bugle."),
             ("t", "And our first one at Pilgrim Street is the week after next. How do you reckon it'll feel, "
                   "walking in there that first time?"),
             ("p", "Same as here. It'll be fine.")]
    assert rel(run(turns))[8] == "frame_feelings"


@pytest.mark.parametrize("text,expected", [
    ("The mess went, the marriage went, the lads are scattered. And now even this old place is being packed up.", True),
    ("When Paul was taken, the people you counted on disappeared overnight. And now here I am packing a suitcase.", True),
    # The patient's own move after a loss, or the therapist's next question, is no link.
    ("Your dad left, and now you're moving to Leeds.", False),
    ("The job went, and now I'm going to ask about the money.", False),
])
def test_a_run_of_losses_ending_in_the_sessions_own_change_is_a_link(text, expected):
    from alliance.annotators._framerefs import LOSSES_THEN_US
    from alliance.annotators._lexicon import normalize
    assert bool(LOSSES_THEN_US.search(normalize(text))) is expected


def test_the_place_made_small_declines():
    from alliance.annotators._lexicon import normalize
    from alliance.annotators.episodes import utterance_stance
    assert utterance_stance(normalize("Aye, and the pigeons'll be gutted. Honestly, Alan, it's just bricks."))[0]
    assert utterance_stance(normalize("No, you're reaching there. It's only a building."))[0]


def test_confirming_the_time_closes_the_topic():
    turns = [("t", "With me over at Dewsbury the rest of the week, how do you think it'll be not having me round on a Monday?"),
             ("p", "It's a day of the week, Jo. I'll be here Thursday."),
             ("t", "Okay. Thursday at eleven, then."),
             ("p", "See you Thursday.")]
    assert rel(run(turns))[2] is None


def test_asking_how_it_was_talking_with_the_camera_refers_back_to_the_recording():
    turns = [("t", "Before we start, a reminder about the form you signed last week. The clinic records sessions with "
                   "trainees now, so the camera in the corner is on, and my supervisor watches parts of it with me."),
             ("p", "Yeah, I signed it."),
             ("t", "How is it for you, having the camera in here with us?"),
             ("p", "Man, I don't care. Can we just go?"),
             ("t", "Sure. Where do you want to start?"),
             ("p", "Orgo. I made a fifty-eight."),
             ("t", "What does choking look like for you?"),
             ("p", "Blanking. My chest gets tight."),
             ("t", "Fair point. We've got about five minutes. How was it today, talking with the camera running?"),
             ("p", "I dunno.")]
    assert rel(run(turns))[8] == "frame_feelings"


def test_news_of_ones_own_after_a_question_about_the_two_of_them_changes_the_subject():
    turns = [("t", "We've got a trainee, Rhodri, and I'd like him to sit in on our sessions for a couple of months."),
             ("p", "Ok. What do I have to sign?"),
             ("t", "How would it be for you, having somebody else in the room with us?"),
             ("p", "Did I tell you Kasia's car failed MOT? Two hundred forty pounds, for brakes."),
             ("t", "No, you didn't. That's a lot on top of everything.")]
    assert rel(run(turns))[3] is None


def test_a_plain_no_to_what_the_scorer_read_as_relationship_talk_joins_it():
    from alliance.annotators._relopeners import refusals_answering
    turns = [("t", "I notice you're looking after me quite carefully, just before I go away."),
             ("p", "No, is only manners. How my mother raised me."),
             ("t", "Mm-hmm.")]
    d = _dialogue(turns)
    out = refusals_answering(d, ["frame_feelings", None, None], [0.9, 0.31, 0.0], ["here_and_now"] * 3)
    assert out[1] == "frame_feelings"
    # Not a story, nor a reply the scorer rules out.
    assert refusals_answering(d, ["frame_feelings", None, None], [0.9, 0.05, 0.0], ["here_and_now"] * 3)[1] is None


@pytest.mark.parametrize("text,declines", [
    ("It's a building, Hemi. I don't need to have feelings about a building, eh. Can we just carry on?", True),
    ("Well, I reckon Charleston needs you worse than we do.", True),
    ("It is a building where I always felt safe.", False),
])
def test_more_ways_of_waving_it_away(text, declines):
    from alliance.annotators._lexicon import normalize
    from alliance.annotators.episodes import utterance_stance
    assert utterance_stance(normalize(text))[0] is declines


def test_asking_about_the_therapists_reason_to_move_is_their_life():
    from alliance.annotators._flagpatterns import ASKS_THERAPIST_LIFE
    from alliance.annotators._lexicon import normalize
    assert ASKS_THERAPIST_LIFE.search(normalize("What's taking you up there, if you don't care me asking?"))


def test_booking_the_next_session_closes_the_topic():
    turns = [("t", "Before you go. We've got three more Tuesdays. However my leaving sits with you, there's room for it in here."),
             ("p", "I know it. I appreciate you saying so."),
             ("t", "So next Tuesday at ten, and I'll see if Mr. Cline can stop in and say hello before the end of the month."),
             ("p", "That'd be all right. Tuesday at ten.")]
    assert rel(run(turns))[2] is None


@pytest.mark.parametrize("text,expected", [
    ("can i just check with you about last week are we okay you and me", True),
    ("Are we okay for time?", False),
])
def test_checking_the_two_of_them_are_okay(text, expected):
    from alliance.annotators._relpatterns import T_HERE_NOW
    from alliance.annotators._lexicon import normalize
    assert bool(T_HERE_NOW.search(normalize(text))) is expected


def test_the_story_after_a_refusal_the_therapist_let_go_is_the_patients_life():
    from alliance.annotators._relchecks import without_story_after_refusal
    turns = [("t", "What's it like for you, knowing our sessions will be up there instead of here?"),
             ("p", "It's a building. I don't need to have feelings about a building. Can we just carry on?"),
             ("t", "Sure. Somebody to nobody, you were saying."),
             ("p", "At the works I was a leading hand. Now some young fulla at WINZ talks to me like I'm dumb.")]
    labels = ["frame_feelings", "frame_feelings", None, "feelings_about_therapist"]
    assert without_story_after_refusal(_dialogue(turns), labels, ["frame_feelings", "frame_feelings", None, None])[3] is None
    # Said to the therapist, it stays.
    turns[3] = ("p", "You talk to me like I'm dumb sometimes, you know.")
    assert without_story_after_refusal(_dialogue(turns), labels, ["frame_feelings", "frame_feelings", None, None])[3]


def test_anyones_you_with_a_tag_opens_nothing():
    turns = [("p", "Dr Price sat with me and cried when I told her about Nan."),
             ("t", "It mattered that she was moved by it."),
             ("p", "It did. You want somebody to feel it with you, don't you. Not just nod."),
             ("t", "Who does that for you now?")]
    assert episodes(run(turns)) == []


def test_another_helpers_clock_is_not_ours():
    turns = [("t", "Did you ever talk to anyone about it?"),
             ("p", "Yes. I saw a counsellor at the time, through the university. Honestly, she just nodded. "
                   "I felt she was waiting for the clock. I stopped after three sessions."),
             ("t", "So back then you reached out, and it didn't land.")]
    assert episodes(run(turns)) == []


def test_a_question_the_therapist_takes_up_as_put_to_them_opens_the_episode():
    turns = [("t", "Fine-ish. What's the -ish?"),
             ("p", "Before I say anything, can I ask you something? Whatever I tell you in here, are you going to tell the gaffer?"),
             ("t", "That's a fair thing to ask, with me being club staff. What you say stays with me."),
             ("p", "Last season I told the physio and the next day the coach dropped me.")]
    eps = episodes(run(turns))
    assert eps and eps[0][0] == 1 and eps[0][2] == "patient"


def test_the_patient_going_back_to_what_the_therapist_said_before_raises_it():
    from alliance.annotators._cues import P_RAISES
    from alliance.annotators._lexicon import normalize
    assert P_RAISES.search(normalize("Carl, that thing you said before, about your knee and your mum. It did help, like."))


@pytest.mark.parametrize("text", [
    "Tenerife's the first holiday I've had in six years. I feel guilty even going. Like I need a break but I ain't earned one.",
    "You can't even take a break in that place without somebody making you feel like a traitor.",
])
def test_the_patients_own_break_is_not_the_therapys(text):
    assert episodes(run([("t", "How has the week been?"), ("p", text), ("t", "Say more.")])) == []


def test_the_therapists_break_still_is():
    assert rel(run([("t", "How are you feeling about the break?"), ("p", "I'll miss coming, if I'm honest.")]))[0] == "frame_feelings"


def test_a_partners_words_after_his_own_need_for_a_break_leave_the_feeling_his():
    turns = [("p", "He said he needs a break, that he's not in a place for a relationship."),
             ("t", "That's a lot to take in all at once."),
             ("p", "I just felt so abandoned. You give someone two years and they just walk."),
             ("t", "You felt dropped, after all that time together.")]
    assert episodes(run(turns)) == []


def test_youd_think_a_man_of_god_would_know_better_is_about_him():
    from alliance.annotators._cues import GENERIC_YOU
    from alliance.annotators._lexicon import normalize
    assert GENERIC_YOU.search(normalize("You'd think a man of God would know better."))


def test_a_partners_you_names_no_pair_with_the_therapist():
    turns = [("t", "So what Keisha needs is a sign that she's on your mind when you're away."),
             ("p", "Exactly. Just let me know I ain't forgotten."),
             ("q", "I hear you. I'ma do better."),
             ("t", "When you two turn toward each other like this instead of away, how does it feel?"),
             ("p", "Different. Good different.")]
    assert episodes(run(turns)) == []


@pytest.mark.parametrize("text", [
    "What's it like? It's business, innit. Everything's gone up. Don't need a song and dance about it.",
    "It ain't like that here. I pay, you listen, I go home. It's a straight deal.",
])
def test_business_as_usual_declines(text):
    from alliance.annotators._lexicon import normalize
    from alliance.annotators.episodes import utterance_stance
    assert utterance_stance(normalize(text)) == (True, False)


def test_the_therapist_owning_that_they_did_not_show_up_names_the_frame():
    from alliance.annotators._relpatterns import FRAME_T
    from alliance.annotators._lexicon import normalize
    assert FRAME_T.search(normalize("i was thinking farai last thursday you came all that way and i was the one who didnt show up"))
    assert not FRAME_T.search(normalize("He was the one who didn't show up."))


def test_always_on_about_it_complains_about_the_therapist():
    from alliance.annotators._rupturelexicon import COMPLAINT_THERAPIST
    from alliance.annotators._lexicon import normalize
    assert COMPLAINT_THERAPIST.search(normalize("heather my dear you're always on about that legion every call"))


def test_naming_what_makes_it_hard_to_talk_to_the_therapist_is_here_and_now():
    from alliance.annotators._relpatterns import T_HERE_NOW
    from alliance.annotators._lexicon import normalize
    assert T_HERE_NOW.search(normalize("it might be hard to talk with tina right there and me only on this little screen"))
    assert not T_HERE_NOW.search(normalize("It's hard to talk to your dad about money."))


@pytest.mark.parametrize("text,expected", [
    ("How would you feel about her sitting in on ours?", True),
    ("Part of her training is sitting in on sessions, just watching.", True),
    ("My sister keeps sitting in on my driving lessons.", False),
])
def test_someone_sitting_in_on_the_sessions_names_the_frame(text, expected):
    from alliance.annotators._cues import FRAME_T_WIDE
    from alliance.annotators._lexicon import normalize
    assert bool(FRAME_T_WIDE.search(normalize(text))) is expected


@pytest.mark.parametrize("text", [
    "before we go further i wanted to check in about this being on the phone now since the union closed the office "
    "we switched to calls how is that for you",
    "before we go on davey i wanted to say sorry again for last tuesday having to cancel on the morning um how was "
    "that for you when the call didn't come",
])
def test_the_medium_changed_or_the_therapists_cancellation_asked_about(text):
    assert rel(run([("t", "so a lot is riding on the weather"), ("p", "it is"), ("t", text)]))[2] == "frame_feelings"


def test_a_new_subject_after_a_refusal_is_no_second_thought():
    from alliance.annotators._relopeners import revised_declines
    turns = [("t", "I'm curious how that lands for you, knowing we won't be meeting after December."),
             ("p", "It's okay, teacher, really. School needs you there, so you must go."),
             ("t", "All right."),
             ("p", "Actually, about mock exam, my homeroom teacher said I can take the history one in the small room.")]
    labels = ["frame_feelings", "frame_feelings", None, None]
    assert revised_declines(_dialogue(turns), labels)[3] is None
    turns[3] = ("p", "Actually, about what you said. I said it's okay, but honestly I'll miss you.")
    assert revised_declines(_dialogue(turns), labels)[3] == "frame_feelings"


def test_taking_back_the_refusal_of_earlier_frame_talk_raises_it_again():
    turns = [("t", "The union covers twelve sessions, and today is our ninth."),
             ("p", "Yes, the lady told me."),
             ("t", "I'm wondering how it sits with you, that we're getting close to the end of our time together."),
             ("p", "No, no, it is fine. The union is paying, it is their rule."),
             ("t", "Okay."),
             ("p", "My cousin says take the sleeping pills."),
             ("t", "What do you think about that?"),
             ("p", "Actually, about the twelve sessions. I said it is fine. But Tuesday, it is the only hour I am not "
                   "in the car."),
             ("t", "So this hour has been a place outside the car.")]
    eps = episodes(run(turns))
    assert eps[-1][0] == 7 and eps[-1][2] == "patient"


def test_the_night_of_the_break_in_is_no_break():
    from alliance.annotators._relpatterns import FRAME_T
    from alliance.annotators._lexicon import normalize
    assert not FRAME_T.search(normalize("Last time we stopped at the night of the break-in."))
    assert FRAME_T.search(normalize("How was the break for you?"))


def test_likening_a_no_to_the_therapist_to_one_at_home_is_a_link():
    from alliance.annotators._relpatterns import T_LIKE_YOUR_KIN
    from alliance.annotators._lexicon import normalize
    assert T_LIKE_YOUR_KIN.search(normalize("So saying no to me would be like saying no to the doctor back home, "
                                            "or to your husband."))
    assert not T_LIKE_YOUR_KIN.search(normalize("Each time your mother comes up in here, your eyes fill."))


def test_a_you_only_inside_a_quoted_sentence_opens_nothing():
    turns = [("t", "Two koesisters and a wall."),
             ("p", "Ha. Ja. That's me."),
             ("t", "I wonder what it would be like to say one sentence to him from behind the wall."),
             ("p", "Like what? \"I was scared you weren't coming back\"?"),
             ("t", "That sounds like the sentence.")]
    assert episodes(run(turns)) == []


def test_everyone_pulling_out_and_here_i_am_telling_you_the_program_is_too():
    from alliance.annotators._framerefs import LOSSES_THEN_US
    from alliance.annotators._lexicon import normalize
    assert LOSSES_THEN_US.search(normalize("Jody went to Texas, the Naquins haven't come back. Everybody's pulling out, "
                                          "and here I am telling you this program is pulling out too."))


def test_noting_the_patients_repeated_reassurance_doubts_the_decline():
    from alliance.annotators._cues import DOUBTS_DECLINE
    from alliance.annotators._lexicon import normalize
    assert DOUBTS_DECLINE.search(normalize("You've told me twice now that the phone will do fine. You're quick to make "
                                           "sure I'm not worrying about it."))
    assert not DOUBTS_DECLINE.search(normalize("You told me your sister is fine."))


def test_between_the_two_of_you_in_joint_work_is_the_partners():
    turns = [("p", "It's the first time we've sat in the same room in weeks."),
             ("q", "Aye."),
             ("t", "What's happening between the two of you just now, as you say that?"),
             ("p", "I don't know. It's the first time in months we've talked.")]
    assert episodes(run(turns)) == []


def test_how_does_it_land_after_a_telling_of_the_therapists_leave_refers_back():
    turns = [("t", "Before we start, I've some news. My doctor wants me off my feet, so I'm finishing on Friday week "
                   "instead of the end of next month."),
             ("p", "Ach, sorry to hear that. Are you keeping alright?"),
             ("t", "I'm fine. It does mean we've this session and one more, and then Dr. Agnew picks up with you."),
             ("p", "Right. Is that the fella with the beard?"),
             ("t", "That's him. It's a lot sooner than we planned. How does it land, hearing it today?"),
             ("p", "Sure what can you do? I'm not going to hold it against a baby.")]
    assert rel(run(turns))[4] == "frame_feelings"


@pytest.mark.parametrize("text,expected", [
    ("And in the middle of Shauna going, I'm going too. Where does that leave you?", True),
    ("I'm going to the shop after this.", False),
])
def test_the_therapist_going_too(text, expected):
    from alliance.annotators._relpatterns import FRAME_T
    from alliance.annotators._lexicon import normalize
    assert bool(FRAME_T.search(normalize(text))) is expected


def test_its_whatever_shrugs_it_off():
    from alliance.annotators._lexicon import normalize
    from alliance.annotators.episodes import utterance_stance
    assert utterance_stance(normalize("It's whatever, miss. Lunch is long anyway."))[0]


def test_doubting_the_earlier_whatever_goes_back_to_the_moved_slot():
    turns = [("t", "One bit of news. From next week I'm only in school Monday to Thursday, so our Friday slot has to "
                   "move to Tuesday lunch. How do you feel about that?"),
             ("p", "It's whatever, miss. Lunch is long anyway."),
             ("t", "Okay. So, the mocks."),
             ("p", "Maths was bare long."),
             ("t", "Can I check back about Fridays? You said it's whatever, but Friday was the day you told me you "
                   "could breathe in here."),
             ("p", "Why you making it a big ting, miss? It's just lunch.")]
    labels = rel(run(turns))
    assert labels[0] == "frame_feelings" and labels[4] == "frame_feelings"


def test_whatever_you_reckon_defers_it_does_not_shrug():
    from alliance.annotators._lexicon import normalize
    from alliance.annotators.episodes import DECLINE
    assert not DECLINE.search(normalize("Well, whatever you reckon. You're the expert."))
    assert not DECLINE.search(normalize("Whatever you decide, madam. You know best."))
    assert DECLINE.search(normalize("Whatever. It's only a week."))
