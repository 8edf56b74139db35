"""Sessions for the report tests and benchmark: the demo transcript, hand-annotated.

The demo transcript (``demo/alvarez-sam-week-12.txt``) is read here with a tiny parser of
its ``[hh:mm:ss] Name: text`` lines, so the report tests do not depend on the
readers or the annotators; the labels below are ours, following the codebook.
"""

from __future__ import annotations

import re
from pathlib import Path

from alliance.analysis import Analysis
from alliance.metrics import compute_metrics
from alliance.model import Annotation, Role, Session, Speaker, Span, Utterance

DEMO = Path(__file__).resolve().parents[1] / "demo" / "alvarez-sam-week-12.txt"

_LINE = re.compile(r"^\[(\d+):(\d\d):(\d\d)\] ([^:]+): (.*)$")

# index: (move, sub-type, flags, focus) for therapist turns; patient turns get focus only.
_THERAPIST = {
    0: ("other", None, (), "social"), 2: ("other", None, (), "social"),
    4: ("question", "open", (), "patient_life"), 6: ("reflection", "simple", (), "patient_life"),
    8: ("question", "open", (), "patient_life"), 10: ("reflection", "complex", (), "patient_life"),
    12: ("question", "open", (), "relationship"), 14: ("other", None, (), "patient_life"),
    16: ("question", "open", (), "patient_life"), 18: ("reflection", "complex", (), "patient_life"),
    20: ("reflection", "complex", (), "patient_life"), 22: ("question", "open", (), "patient_life"),
    24: ("other", None, ("self_disclosure",), "therapist_life"),
    26: ("question", "open", (), "patient_life"),
    28: ("input", None, ("confrontation",), "patient_life"),
    30: ("question", "open", ("repair", "backs_down"), "relationship"),
    32: ("reflection", "complex", ("repair",), "relationship"),
    34: ("reflection", "complex", (), "patient_life"), 36: ("question", "open", (), "patient_life"),
    38: ("reflection", "complex", (), "patient_life"), 40: ("question", "closed", (), "patient_life"),
    42: ("reflection", "complex", (), "patient_life"), 44: ("question", "open", (), "relationship"),
    46: ("reflection", "complex", (), "relationship"), 48: ("reflection", "complex", (), "relationship"),
    50: ("other", None, (), "relationship"), 52: ("other", None, (), "logistics"),
    54: ("other", None, (), "social"),
}
_PATIENT_FOCUS = {1: "social", 3: "social", 13: "relationship", 25: "therapist_life",
                  29: "relationship", 31: "relationship", 45: "relationship", 47: "relationship",
                  49: "relationship", 51: "relationship", 53: "logistics"}
_RELATIONSHIP = {12: "frame_feelings", 13: "frame_feelings", 29: "feelings_about_therapist",
                 30: "here_and_now", 31: "feelings_about_therapist", 32: "feelings_about_therapist",
                 44: "frame_feelings", 45: "frame_feelings", 46: "frame_feelings",
                 47: "feelings_about_therapist", 48: "transference_link", 50: "here_and_now"}


def read_demo(path: Path = DEMO) -> Session:
    """The demo transcript as an unannotated session, times from its timestamps."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _LINE.match(line)
        if m:
            h, mi, s, name, text = m.groups()
            rows.append((int(h) * 3600 + int(mi) * 60 + int(s), name, text))
    utts = []
    for i, (start, name, text) in enumerate(rows):
        end = rows[i + 1][0] if i + 1 < len(rows) else start + 4
        utts.append(Utterance(i, name, text, float(start), float(end), line=i + 1))
    speakers = (Speaker("Dr. Alvarez", "Dr. Alvarez", Role.THERAPIST), Speaker("Sam", "Sam", Role.PATIENT))
    return Session("session", speakers, tuple(utts), source=str(path))


def annotate_demo(session: Session) -> Session:
    """``session`` (the demo) with our hand labels: moves, flags, relationship, episodes, rupture."""
    a: list[Annotation] = []
    by = "hand"
    for i in range(len(session.utterances)):
        if i in _THERAPIST:
            move, sub, flags, focus = _THERAPIST[i]
            a.append(Annotation(i, "move", move, by))
            if sub:
                a.append(Annotation(i, move, sub, by))
            a += [Annotation(i, "flag", f, by) for f in flags]
        else:
            focus = _PATIENT_FOCUS.get(i, "patient_life")
            a.append(Annotation(i, "client_talk", "change" if i in (41, 43) else "neutral", by))
        a.append(Annotation(i, "focus", focus, by))
        if i in _RELATIONSHIP:
            a.append(Annotation(i, "relationship", _RELATIONSHIP[i], by))
    a.append(Annotation(29, "rupture", "complaint_about_therapist", by))
    spans = [
        Span("episode", 12, 13, {"initiator": "therapist", "patient_stance": "declined",
                                 "after_decline": False}, by),
        Span("episode", 29, 32, {"initiator": "patient", "patient_stance": "engaged",
                                 "after_decline": False}, by),
        Span("episode", 44, 50, {"initiator": "therapist", "patient_stance": "mixed",
                                 "after_decline": True}, by),
        Span("rupture", 29, 29, {"family": "confrontation", "marker": "complaint_about_therapist",
                                 "repaired": True, "repair_index": 30}, by),
    ]
    return session.with_annotations(a, spans)


def analysis_of(session: Session) -> Analysis:
    """An Analysis of an already annotated session (no pipeline run)."""
    return Analysis(session, compute_metrics(session), ({"name": "hand", "version": "1"},))


def demo_analysis() -> Analysis:
    """The hand-annotated demo session, analysed."""
    return analysis_of(annotate_demo(read_demo()))


def long_session(n: int = 600) -> Analysis:
    """A synthetic ~one-hour session of ``n`` utterances: the demo's labelled pattern repeated."""
    demo = annotate_demo(read_demo())
    k = len(demo.utterances)
    utts, annotations, spans = [], [], []
    for i in range(n):
        src = demo.utterances[i % k]
        start = 6.0 * i
        utts.append(Utterance(i, src.speaker, src.text, start, start + 5.5))
    for rep in range(n // k + 1):
        off = rep * k
        annotations += [Annotation(x.index + off, x.layer, x.value, x.annotator)
                        for x in demo.annotations if x.index + off < n]
        spans += [Span(s.layer, s.first + off, s.last + off, dict(s.attrs), s.annotator)
                  for s in demo.spans if s.last + off < n]
    spans = [Span(s.layer, s.first, s.last, {**s.attrs, "repair_index": s.attrs["repair_index"] + s.first - 29}
                  if "repair_index" in s.attrs else dict(s.attrs), s.annotator) for s in spans]
    session = Session("long", demo.speakers, tuple(utts), annotations=tuple(annotations), spans=tuple(spans))
    return analysis_of(session)
