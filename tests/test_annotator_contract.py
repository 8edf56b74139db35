"""Every shipped annotator honours the component contract.

Builds with defaults, declares what it requires and produces, labels only
with codebook labels, is deterministic, never mutates its input, and copes
with an empty session and a one-speaker session.
"""

from __future__ import annotations

import pytest

from alliance.annotators import default_annotators
from alliance.codebook import LAYERS
from alliance.model import Role, Session, Speaker
from alliance.pipeline import Pipeline, default_pipeline
from conftest import make_session

ANNOTATORS = default_annotators()
IDS = [a.name for a in ANNOTATORS]

DIALOGUE = make_session([
    ("Dr. Kim", "therapist", "Hi, how are you today?"),
    ("Ana", "patient", "Fine, thanks. Tired."),
    ("Dr. Kim", "therapist", "What has been tiring you out?"),
    ("Ana", "patient", "Work, and I keep drinking to fall asleep. I want to stop."),
    ("Dr. Kim", "therapist", "So the drinking helps you sleep, and you hate needing it."),
    ("Ana", "patient", "Yes. But I don't think I can quit right now."),
    ("Dr. Kim", "therapist", "I'll be away next week. Does that stir anything up for you?"),
    ("Ana", "patient", "No, it's fine, you have a life."),
], times=True)


@pytest.mark.parametrize("annotator", ANNOTATORS, ids=IDS)
def test_declares_its_layers(annotator):
    assert annotator.name and annotator.version
    assert isinstance(annotator.requires, tuple) and isinstance(annotator.produces, tuple)
    assert annotator.produces


def test_the_default_order_satisfies_every_requirement():
    Pipeline(ANNOTATORS)  # raises PipelineError otherwise


def test_pipeline_output_is_deterministic_and_input_is_untouched():
    pipe = default_pipeline()
    before = DIALOGUE.annotations
    first, second = pipe(DIALOGUE), pipe(DIALOGUE)
    assert DIALOGUE.annotations == before == ()
    assert first.annotations == second.annotations
    assert first.spans == second.spans


def test_labels_are_codebook_labels_with_provenance():
    out = default_pipeline()(DIALOGUE)
    names = set(IDS)
    for a in out.annotations:
        assert a.annotator in names
        if a.layer in LAYERS:
            assert a.value in LAYERS[a.layer]


@pytest.mark.parametrize("turns", [
    [],
    [("Dr. Kim", "therapist", "Hello?")],
    [("Ana", "patient", "I talk alone."), ("Ana", "patient", "Still me.")],
], ids=["empty", "one-therapist-turn", "one-speaker"])
def test_copes_with_degenerate_sessions(turns):
    s = make_session(turns) if turns else Session("e", (Speaker("x", "X", Role.PATIENT),), ())
    out = default_pipeline()(s)
    assert len(out.utterances) == len(s.utterances)
