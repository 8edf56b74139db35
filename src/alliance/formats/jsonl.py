"""The canonical, lossless form of a Session: JSON Lines.

One session is a header line followed by one line per utterance, annotation
and span::

    {"alliance": "session/1", "id": "s1", "source": "s1.vtt",
     "speakers": [{"id": "T", "name": "T", "role": "therapist"}, ...], "meta": {...}}
    {"type": "utterance", "index": 0, "speaker": "T", "text": "...", "start_s": 0.0, "end_s": 2.5, "line": 3}
    {"type": "annotation", "index": 0, "layer": "move", "value": "question",
     "annotator": "moves", "version": "1", "confidence": 0.91}
    {"type": "span", "layer": "episode", "first": 3, "last": 7, "attrs": {...},
     "annotator": "episodes", "version": "1"}

A file may hold several sessions one after another. ``read`` of ``write``
gives an equal Session. Arrays inside ``meta`` and span ``attrs`` come back
as tuples (Session data is immutable), so write tuples, not lists, there.
"""

from __future__ import annotations

import json
from typing import Any, Mapping, Sequence

from alliance.errors import InputError, SessionError
from alliance.model import Annotation, Role, Session, Span, Speaker, Utterance
from alliance.roles import resolve_overrides

__all__ = ["SCHEMA", "write_jsonl", "read_jsonl", "is_jsonl"]

SCHEMA = "session/1"


def _plain(value: Any, where: str) -> Any:
    """JSON-ready data from meta/attrs values (tuples become lists)."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v, where) for v in value]
    if isinstance(value, Mapping):
        if not all(isinstance(k, str) for k in value):
            raise SessionError(f"{where}: keys must be strings to be written as JSON")
        return {k: _plain(v, where) for k, v in value.items()}
    raise SessionError(f"{where}: a {type(value).__name__} cannot be written as JSON")


def _frozen(value: Any) -> Any:
    """Back from JSON: lists become tuples, recursively."""
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, dict):
        return {k: _frozen(v) for k, v in value.items()}
    return value


def _dump(obj: Mapping[str, Any]) -> str:
    # allow_nan=False: NaN is not JSON; a session with NaN times is a bug upstream.
    return json.dumps(obj, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def write_jsonl(session: Session) -> str:
    """The session as JSON Lines text (ending with a newline)."""
    header = {
        "alliance": SCHEMA,
        "id": session.id,
        "source": session.source,
        "speakers": [{"id": s.id, "name": s.name, "role": s.role.value} for s in session.speakers],
        "meta": _plain(dict(session.meta), "meta"),
    }
    out = [_dump(header)]
    for u in session.utterances:
        out.append(_dump({"type": "utterance", "index": u.index, "speaker": u.speaker,
                          "text": u.text, "start_s": u.start_s, "end_s": u.end_s, "line": u.line}))
    for a in session.annotations:
        out.append(_dump({"type": "annotation", "index": a.index, "layer": a.layer,
                          "value": a.value, "annotator": a.annotator, "version": a.version,
                          "confidence": a.confidence}))
    for s in session.spans:
        out.append(_dump({"type": "span", "layer": s.layer, "first": s.first, "last": s.last,
                          "attrs": _plain(dict(s.attrs), "span attrs"),
                          "annotator": s.annotator, "version": s.version}))
    return "\n".join(out) + "\n"


def is_jsonl(text: str) -> bool:
    """Whether ``text`` starts with an alliance session header."""
    first = text.lstrip().split("\n", 1)[0]
    if not first.startswith("{") or '"alliance"' not in first:
        return False
    try:
        head = json.loads(first)
    except ValueError:
        return False
    return isinstance(head, dict) and str(head.get("alliance", "")).startswith("session/")


class _Builder:
    """Collects one session's lines."""

    def __init__(self, head: dict[str, Any], line: int, path: str) -> None:
        if head.get("alliance") != SCHEMA:
            raise InputError("unsupported session version", path=path, line=line,
                             expected=f"'alliance': '{SCHEMA}'")
        self.line = line
        self.head = head
        self.utterances: list[Utterance] = []
        self.annotations: list[Annotation] = []
        self.spans: list[Span] = []

    def add(self, row: dict[str, Any]) -> None:
        kind = row.get("type")
        if kind == "utterance":
            self.utterances.append(Utterance(
                int(row["index"]), str(row["speaker"]), str(row["text"]),
                _num(row.get("start_s")), _num(row.get("end_s")),
                None if row.get("line") is None else int(row["line"])))
        elif kind == "annotation":
            conf = row.get("confidence")
            self.annotations.append(Annotation(
                int(row["index"]), str(row["layer"]), str(row["value"]), str(row["annotator"]),
                str(row.get("version", "1")), None if conf is None else float(conf)))
        elif kind == "span":
            self.spans.append(Span(
                str(row["layer"]), int(row["first"]), int(row["last"]),
                _frozen(row.get("attrs") or {}), str(row.get("annotator", "")),
                str(row.get("version", "1"))))
        else:
            raise KeyError("type")

    def session(self) -> Session:
        h = self.head
        speakers = tuple(Speaker(str(s["id"]), s.get("name"), Role(s["role"])) for s in h["speakers"])
        meta = _frozen(h.get("meta") or {})
        return Session(str(h["id"]), speakers, tuple(self.utterances), str(h.get("source", "")),
                       tuple(self.annotations), tuple(self.spans), meta)


def _num(v: Any) -> float | None:
    return None if v is None else float(v)


def read_jsonl(
    text: str,
    *,
    path: str,
    therapists: Sequence[str] = (),
    roles: Mapping[str, Role] | None = None,
) -> list[Session]:
    """The sessions of a JSON Lines text; role overrides (by speaker name) applied."""
    builders: list[_Builder] = []
    for n, raw in enumerate(text.split("\n"), 1):
        if not raw.strip():
            continue
        try:
            row = json.loads(raw)
        except ValueError:
            raise InputError("not valid JSON", path=path, line=n,
                             expected="one JSON object per line") from None
        if not isinstance(row, dict):
            raise InputError("not a JSON object", path=path, line=n, expected="one JSON object per line")
        try:
            if "alliance" in row:
                builders.append(_Builder(row, n, path))
            elif not builders:
                raise InputError("no session header before this line", path=path, line=n,
                                 expected=f"a first line {{\"alliance\": \"{SCHEMA}\", ...}}")
            else:
                builders[-1].add(row)
        except (KeyError, TypeError, ValueError):
            raise InputError("missing or malformed field", path=path, line=n,
                             expected="an utterance, annotation or span line") from None
    if not builders:
        raise InputError("no session found", path=path, expected=f"a header line with 'alliance': '{SCHEMA}'")
    sessions = []
    for b in builders:
        try:
            sessions.append(b.session())
        except (KeyError, TypeError, ValueError):
            raise InputError("malformed session header", path=path, line=b.line,
                             expected="id, speakers with id, name and role") from None
        except SessionError as e:
            raise InputError(f"inconsistent session ({e})", path=path, line=b.line) from None
    if therapists or roles:
        sessions = [_override(s, therapists, roles, path) for s in sessions]
    return sessions


def _override(session: Session, therapists: Sequence[str], roles: Mapping[str, Role] | None,
              path: str) -> Session:
    names = {(s.name or s.id): s.id for s in session.speakers}
    fixed = resolve_overrides(list(names), therapists, roles, path=path)
    return session.with_roles({names[n]: r for n, r in fixed.items()})
