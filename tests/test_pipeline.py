"""The pipeline checks its order when built and never mutates its input."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliance.errors import PipelineError
from alliance.model import Annotation
from alliance.pipeline import Annotator, AnnotatorOutput, Pipeline, default_pipeline
from conftest import make_session


@dataclass
class Tagger:
    """A toy annotator that labels every utterance with one value."""

    name: str
    produces: tuple[str, ...]
    requires: tuple[str, ...] = ()
    version: str = "1"

    def annotate(self, session):
        layer = self.produces[0]
        return AnnotatorOutput(tuple(
            Annotation(u.index, layer, "x", self.name, self.version) for u in session.utterances
        ))


def test_a_requirement_must_be_produced_earlier():
    with pytest.raises(PipelineError, match="requires focus"):
        Pipeline([Tagger("b", ("b",), requires=("focus",)), Tagger("f", ("focus",))])


def test_names_must_be_unique():
    with pytest.raises(PipelineError, match="twice"):
        Pipeline([Tagger("a", ("a",)), Tagger("a", ("b",))])


def test_running_attaches_output_with_provenance_and_leaves_input_alone(short_session):
    pipe = Pipeline([Tagger("f", ("toy",)), Tagger("b", ("b",), requires=("toy",))])
    out = pipe(short_session)
    assert short_session.annotations == ()
    assert out.labels("toy") == ["x"] * 4
    assert {a.annotator for a in out.annotations} == {"f", "b"}
    assert pipe.describe() == [{"name": "f", "version": "1"}, {"name": "b", "version": "1"}]


def test_pipe_streams_every_session_in_order(short_session):
    pipe = Pipeline([Tagger("f", ("toy",))])
    sessions = [short_session] * 5
    out = list(pipe.pipe(iter(sessions), batch_size=2))
    assert len(out) == 5 and all(s.labels("toy")[0] == "x" for s in out)


@settings(max_examples=30, deadline=None)
@given(n=st.integers(0, 9), batch_size=st.integers(1, 5))
def test_pipe_gives_what_one_call_per_session_gives(n, batch_size):
    pipe = Pipeline([Tagger("f", ("toy",))])
    sessions = [make_session([("T", "therapist", "Hello."), ("P", "patient", f"Turn {k}.")],
                             session_id=f"s{k}") for k in range(n)]
    assert list(pipe.pipe(sessions, batch_size=batch_size)) == [pipe(s) for s in sessions]


@pytest.mark.parametrize("batch_size", [1, 2, 3, 16])
def test_pipe_holds_at_most_batch_size_sessions_read_ahead(short_session, batch_size):
    """batch_size bounds memory: the stream is read in chunks, never further ahead."""
    pulled = 0

    def stream():
        nonlocal pulled
        for _ in range(7):
            pulled += 1
            yield short_session

    out = Pipeline([Tagger("f", ("toy",))]).pipe(stream(), batch_size=batch_size)
    assert pulled == 0  # nothing is read before the first result is asked for
    for consumed, _ in enumerate(out, start=1):
        assert consumed <= pulled < consumed + batch_size
    assert consumed == pulled == 7


@pytest.mark.parametrize("batch_size", [0, -1])
def test_pipe_refuses_a_batch_size_below_one_at_once(short_session, batch_size):
    with pytest.raises(ValueError, match="batch_size"):
        Pipeline([]).pipe([short_session], batch_size=batch_size)


def test_default_pipeline_builds_and_every_component_is_an_annotator():
    pipe = default_pipeline()
    assert all(isinstance(a, Annotator) for a in pipe.annotators)


def test_a_label_outside_the_codebook_is_refused(short_session):
    with pytest.raises(PipelineError, match="not a codebook label"):
        Pipeline([Tagger("bad", ("move",))])(short_session)
