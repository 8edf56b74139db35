"""Focus of every utterance and the one-way index."""

from __future__ import annotations

from alliance.metrics.relational import relational_metrics
from test_relationship import run


def focus(session):
    return session.labels("focus")


def test_every_utterance_gets_a_focus():
    s = run([("t", "Hello, come on in."), ("p", "Hi. Sorry I'm late, the traffic."),
             ("t", "How has the week been?"), ("p", "Hard. My sister moved out.")])
    assert focus(s) == ["social", "social", "patient_life", "patient_life"]


def test_scheduling_and_its_short_answers_are_logistics():
    s = run([("t", "Could we move Friday to Thursday at three?"), ("p", "Three works."),
             ("t", "Great."), ("p", "Okay.")])
    assert focus(s) == ["logistics"] * 4


def test_a_patient_asking_about_the_therapists_life_is_therapist_life():
    s = run([("p", "Do you have kids?"), ("t", "I do, two girls."), ("p", "My son is ten.")])
    assert focus(s)[0] == "therapist_life"
    assert focus(s)[1] == "therapist_life"
    assert focus(s)[2] == "patient_life"


def test_do_you_even_like_me_is_relationship_not_therapist_life():
    s = run([("t", "Go on."), ("p", "Do you even like seeing me?")])
    assert focus(s)[1] == "relationship"


def test_acknowledgements_inside_an_episode_take_the_episodes_focus():
    s = run([("t", "What's it like, telling me this?"), ("p", "Scary. I've never said it out loud to you."),
             ("t", "Mm-hmm.")])
    assert focus(s) == ["relationship"] * 3


def test_the_one_way_index_counts_patient_life_and_relationship_words():
    s = run([("p", "Did you have a nice holiday?"), ("t", "I did, thank you, we went to the beach."),
             ("t", "How was your week?"), ("p", "Awful, my boss yelled at me all week.")])
    one_way = next(f for f in relational_metrics(s) if f.name == "one_way_index")
    words = [len(u.text.split()) for u in s.utterances]
    assert one_way.value == (words[2] + words[3]) / sum(words)
    assert set(one_way.evidence) == {0, 1}


def test_relational_annotation_of_a_long_session_is_fast():
    import time

    turns = [("t", "How was that for you, telling me this right now?"),
             ("p", "Hard. My husband never listens and my boss is the same, you know."),
             ("t", "Could we move Tuesday to three?"), ("p", "Sure.")] * 150
    started = time.perf_counter()
    run(turns)
    assert time.perf_counter() - started < 1.0  # 600 utterances; typically well under 0.1 s
