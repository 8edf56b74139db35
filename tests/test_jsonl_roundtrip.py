"""JSON Lines is the lossless form of a Session: reading what was written gives an equal Session."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliance.errors import InputError
from alliance.formats import read_sessions, write_jsonl
from alliance.formats.jsonl import read_jsonl
from alliance.model import Annotation, Role, Session, Span, Speaker, Utterance

times = st.none() | st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False)
# JSON values as Session data holds them: arrays are tuples.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text()
    | st.floats(allow_nan=False, allow_infinity=False),
    lambda inner: st.lists(inner, max_size=3).map(tuple)
    | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)
mappings = st.dictionaries(st.text(max_size=8), json_values, max_size=4)


@st.composite
def sessions(draw) -> Session:
    """Any valid session: unicode everywhere, times or None, annotations and spans."""
    ids = draw(st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=4, unique=True))
    speakers = tuple(
        Speaker(i, draw(st.none() | st.text(max_size=12)), draw(st.sampled_from(list(Role))))
        for i in ids
    )
    n = draw(st.integers(0, 8))
    utterances = tuple(
        Utterance(k, draw(st.sampled_from(ids)), draw(st.text(max_size=40)), draw(times),
                  draw(times), draw(st.none() | st.integers(1, 10**6)))
        for k in range(n)
    )
    annotations: tuple[Annotation, ...] = ()
    spans: tuple[Span, ...] = ()
    if n:
        annotations = tuple(
            Annotation(draw(st.integers(0, n - 1)), draw(st.text(min_size=1, max_size=10)),
                       draw(st.text(max_size=10)), draw(st.text(max_size=10)),
                       draw(st.text(max_size=3)),
                       draw(st.none() | st.floats(0, 1, allow_nan=False)))
            for _ in range(draw(st.integers(0, 5)))
        )
        spans = tuple(
            Span(draw(st.text(min_size=1, max_size=10)), first, draw(st.integers(first, n - 1)),
                 draw(mappings), draw(st.text(max_size=10)), draw(st.text(max_size=3)))
            for first in draw(st.lists(st.integers(0, n - 1), max_size=3))
        )
    return Session(
        draw(st.text(max_size=12)), speakers, utterances, draw(st.text(max_size=20)),
        annotations, spans, draw(mappings),
    )


@given(sessions())
@settings(max_examples=200, deadline=None)
def test_read_of_write_is_the_same_session(session):
    assert read_jsonl(write_jsonl(session), path="mem.jsonl") == [session]


@given(st.lists(sessions(), min_size=1, max_size=3))
@settings(max_examples=30, deadline=None)
def test_sessions_written_one_after_another_read_back_in_order(batch):
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "batch.jsonl"
        p.write_text("".join(write_jsonl(s) for s in batch), encoding="utf-8")
        assert read_sessions(p) == batch


def test_every_line_is_one_json_object_even_with_line_separators_in_text():
    s = Session("s", (Speaker("a", "A", Role.THERAPIST),),
                (Utterance(0, "a", "one\u2028two\nthree\r\x85four"),))
    text = write_jsonl(s)
    assert len(text.split("\n")) == 3  # header, utterance, final newline
    assert all(isinstance(json.loads(line), dict) for line in text.split("\n") if line)
    assert read_jsonl(text, path="x") == [s]


def test_the_header_comes_first_and_names_the_version():
    s = Session("s1", (Speaker("T", "T", Role.THERAPIST), Speaker("P", None, Role.PATIENT)),
                (Utterance(0, "T", "Hi.", 0.0, 1.5, 3),), meta={"notes": ("a note",)})
    head = json.loads(write_jsonl(s).split("\n")[0])
    assert head == {"alliance": "session/1", "id": "s1", "source": "",
                    "speakers": [{"id": "T", "name": "T", "role": "therapist"},
                                 {"id": "P", "name": None, "role": "patient"}],
                    "meta": {"notes": ["a note"]}}


def test_role_overrides_apply_to_jsonl_by_speaker_name(tmp_path):
    s = Session("s", (Speaker("spk0", "Dana", Role.PATIENT), Speaker("spk1", "Eli", Role.THERAPIST)),
                (Utterance(0, "spk0", "Hi?"), Utterance(1, "spk1", "Hi.")))
    p = tmp_path / "s.jsonl"
    p.write_text(write_jsonl(s), encoding="utf-8")
    [read] = read_sessions(p, roles={"Dana": Role.THERAPIST, "Eli": Role.PATIENT})
    assert [sp.role for sp in read.speakers] == [Role.THERAPIST, Role.PATIENT]


@pytest.mark.parametrize("text, line", [
    ('{"type": "utterance", "index": 0}\n', 1),
    ('{"alliance": "session/9", "id": "s", "speakers": []}\n', 1),
    ('{"alliance": "session/1", "id": "s", "speakers": []}\n{"type": "utterance"}\n', 2),
    ('{"alliance": "session/1", "id": "s", "speakers": []}\nnot json\n', 2),
])
def test_broken_jsonl_names_the_line(text, line):
    with pytest.raises(InputError) as e:
        read_jsonl(text, path="b.jsonl")
    assert e.value.line == line
