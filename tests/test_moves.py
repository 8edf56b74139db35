"""Specification of the therapist-move, affirmation and client-talk annotators."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliance.annotators._text import NgramVectorizer, normalize
from alliance.annotators._text_model import load_text_model
from alliance.annotators.moves import (
    MODEL_DIR,
    AffirmationAnnotator,
    ClientTalkAnnotator,
    MoveAnnotator,
    is_affirmation,
    move_annotators,
)
from alliance.pipeline import Pipeline
from conftest import make_session

CODEBOOK = {
    "move": {"question", "reflection", "input", "other"},
    "question": {"open", "closed"},
    "reflection": {"simple", "complex"},
    "flag": {"affirmation"},
    "client_talk": {"change", "neutral", "sustain"},
}

T, P = ("Dr. Lee", "therapist"), ("Sam", "patient")


def conversation():
    return make_session([
        (*T, "Hello, thanks for coming in today."),
        (*P, "Thanks. My doctor said I should talk to someone about my drinking."),
        (*T, "What do you make of what your doctor said?"),
        (*P, "I guess I drink more than I used to, mostly after work to unwind."),
        (*T, "So drinking has become your way of winding down after a long day."),
        (*P, "Yeah, but I really want to cut back. I know it's hurting my sleep."),
        (*T, "Do you drink every night?"),
        (*P, "Most nights, I suppose."),
        (*T, "Some people find it helps to set a limit of two drinks and keep a log."),
        (*P, "I'm not going to stop, I like my beer and I don't see a problem."),
        (*T, "It took courage to come here and talk about this."),
    ])


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(move_annotators())


def test_shipped_model_loads_with_all_heads():
    model = load_text_model(MODEL_DIR, "moves")
    assert set(model.heads) == {"move", "question", "reflection", "client_talk"}
    assert model.head("move").labels == ("question", "reflection", "input", "other")
    assert model.vectorizer.n_features > 1000


def test_labels_are_in_the_codebook(pipeline):
    out = pipeline(conversation())
    for a in out.annotations:
        assert a.value in CODEBOOK[a.layer], (a.layer, a.value)


def test_only_therapists_get_moves_and_only_patients_client_talk(pipeline):
    out = pipeline(conversation())
    for i, role in enumerate(out.roles):
        has_move = out.label("move", i) is not None
        has_talk = out.label("client_talk", i) is not None
        assert has_move == (role == "therapist")
        assert has_talk == (role == "patient")


def test_other_role_gets_no_labels(pipeline):
    s = make_session([
        (*T, "How are things at home?"),
        ("Interpreter", "other", "She says things are difficult."),
        (*P, "Very difficult."),
    ])
    out = pipeline(s)
    assert out.label("move", 1) is None and out.label("client_talk", 1) is None


def test_subtypes_follow_the_primary_move(pipeline):
    out = pipeline(conversation())
    for i in range(len(out.utterances)):
        if out.label("question", i) is not None:
            assert out.label("move", i) == "question"
        if out.label("reflection", i) is not None:
            assert out.label("move", i) == "reflection"
        if out.label("move", i) == "question":
            assert out.label("question", i) in {"open", "closed"}


def test_clear_questions_and_reflections_get_plausible_labels(pipeline):
    out = pipeline(conversation())
    assert out.label("move", 2) == "question"
    assert out.label("question", 2) == "open"
    assert out.label("move", 6) == "question"
    assert out.label("question", 6) == "closed"
    assert out.label("move", 4) == "reflection"
    assert out.label("move", 8) == "input"


def test_plausible_client_talk(pipeline):
    out = pipeline(conversation())
    assert out.label("client_talk", 5) == "change"
    assert out.label("client_talk", 9) == "sustain"


def test_affirmation_flag(pipeline):
    out = pipeline(conversation())
    assert out.all_labels("flag", 10) == ("affirmation",)
    assert out.all_labels("flag", 2) == ()
    assert is_affirmation("you should be really proud of that")
    assert not is_affirmation("what brings you here")


def test_deterministic(pipeline):
    a = pipeline(conversation()).annotations
    b = Pipeline(move_annotators())(conversation()).annotations
    assert a == b


def test_confidences_are_probabilities(pipeline):
    for a in pipeline(conversation()).annotations:
        if a.confidence is not None:
            assert 0.0 < a.confidence <= 1.0


def test_empty_and_one_speaker_sessions(pipeline):
    empty = make_session([])
    assert pipeline(empty).annotations == ()
    therapist_only = make_session([(*T, "What brings you here?"), (*T, "Take your time.")])
    out = pipeline(therapist_only)
    assert out.labels("client_talk") == [None, None]
    assert all(m in CODEBOOK["move"] for m in out.labels("move"))
    patient_only = make_session([(*P, "I want to quit smoking."), (*P, "It is hard.")])
    out = pipeline(patient_only)
    assert out.labels("move") == [None, None]
    assert all(m in CODEBOOK["client_talk"] for m in out.labels("client_talk"))


def test_annotators_declare_their_layers():
    for a, layers in ((MoveAnnotator(), {"move", "question", "reflection"}),
                      (AffirmationAnnotator(), {"flag"}), (ClientTalkAnnotator(), {"client_talk"})):
        assert set(a.produces) == layers
        assert a.name and a.version


def test_stripped_text_normalizes_like_the_original():
    assert normalize("So, you're worried - right?") == normalize("so youre worried right")


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.text(max_size=60)), max_size=8))
def test_never_fails_and_never_mutates(pipeline, turns):
    s = make_session([(*(T if t else P), text) for t, text in turns])
    before = s.annotations
    out = pipeline(s)
    assert s.annotations == before
    assert len([a for a in out.annotations if a.layer == "move"]) == sum(t for t, _ in turns)


def test_vectorizer_rows_are_unit_norm_per_block():
    vec = NgramVectorizer(min_df=1).fit(["so you feel stuck", "what do you want"])
    idx, val = vec.transform_one("so you feel stuck")
    blocks = vec.block_[idx]
    for b in (0, 1):
        assert np.isclose(np.sum(val[blocks == b] ** 2), 1.0, atol=1e-5)


def test_vocabulary_columns_are_unique_and_contiguous():
    texts = ["saw you there", "so you saw", "i know what you saw"]
    vec = NgramVectorizer(min_df=1).fit(texts)
    assert sorted(vec.vocab_.values()) == list(range(vec.n_features))
    assert len(vec.idf_) == vec.n_features
