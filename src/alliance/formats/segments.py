"""JSON from diarised speech recognition: segments with a speaker, text, start and end.

Accepted shapes::

    [{"speaker": "Dr. Alvarez", "text": "...", "start": 0.0, "end": 4.2}, ...]
    {"segments": [ ...the same... ]}

Common synonyms are accepted (``speaker_label``, ``start_time``, ``end_time``,
``transcript``...); times may be seconds or clock strings. A segment without
a speaker continues the previous speaker's turn.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any, Sequence

from alliance.errors import InputError
from alliance.formats.build import Draft, Turn
from alliance.formats.source import parse_timestamp

__all__ = ["read_json", "SPEAKER_KEYS", "TEXT_KEYS", "START_KEYS", "END_KEYS"]

SPEAKER_KEYS = ("speaker", "speaker_label", "speaker_name", "speakerName", "name", "spk")
TEXT_KEYS = ("text", "transcript", "utterance", "content", "utterance_text")
START_KEYS = ("start", "start_s", "start_time", "startTime", "begin", "from")
END_KEYS = ("end", "end_s", "end_time", "endTime", "stop", "to")
_WRAPPERS = ("segments", "utterances", "monologues")
_SHAPE = "a list of segments {speaker, text, start, end} or {\"segments\": [...]}"


def _first(seg: dict[str, Any], keys: Sequence[str]) -> Any:
    for k in keys:
        if k in seg:
            return seg[k]
    return None


def _segment_lines(text: str, data: Any, key: str | None) -> list[int] | None:
    """The 1-based line where each segment starts, when it can be found cheaply."""
    if key is None:
        pos = text.find("[")
    else:
        m = re.search(r'"%s"\s*:\s*\[' % re.escape(key), text)
        pos = m.end() - 1 if m else -1
    if pos < 0:
        return None
    decoder = json.JSONDecoder()
    lines: list[int] = []
    i = pos + 1
    items = data if key is None else data[key]
    ws = " \t\n\r,"
    line, counted = 1, 0
    try:
        for _ in items:
            while text[i] in ws:
                i += 1
            line += text.count("\n", counted, i)
            counted = i
            lines.append(line)
            _, i = decoder.raw_decode(text, i)
    except (ValueError, IndexError):
        return None
    return lines


def _time(value: Any, path: str, line: int | None, where: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, (int, float)):
        if value < 0 or not math.isfinite(value):
            raise InputError(f"{where}: malformed time", path=path, line=line,
                             expected="seconds or hh:mm:ss")
        return float(value)
    if isinstance(value, str):
        return parse_timestamp(value, path=path, line=line)
    raise InputError(f"{where}: malformed time", path=path, line=line, expected="seconds or hh:mm:ss")


def read_json(text: str, *, path: str, session_id: str, known: Sequence[str] = (),
              notes: Sequence[str] = ()) -> Draft:
    """The draft session of a JSON segment list."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError("not valid JSON", path=path, line=e.lineno, expected=_SHAPE) from None
    key = None
    if isinstance(data, dict):
        key = next((k for k in _WRAPPERS if isinstance(data.get(k), list)), None)
        if key is None:
            raise InputError("no segment list found", path=path, expected=_SHAPE)
        segments = data[key]
    elif isinstance(data, list):
        segments = data
    else:
        raise InputError("no segment list found", path=path, expected=_SHAPE)
    lines = _segment_lines(text, data, key) or [None] * len(segments)
    turns: list[Turn] = []
    for i, seg in enumerate(segments):
        line = lines[i]
        where = f"segment {i + 1}"
        if not isinstance(seg, dict):
            raise InputError(f"{where} is not an object", path=path, line=line, expected=_SHAPE)
        raw_text = _first(seg, TEXT_KEYS)
        if raw_text is None:
            raise InputError(f"{where} has no text", path=path, line=line,
                             expected="a 'text' field")
        if not isinstance(raw_text, str):
            raise InputError(f"{where}: text is not a string", path=path, line=line)
        speaker = _first(seg, SPEAKER_KEYS)
        if speaker is None or str(speaker).strip() == "":
            if not turns:
                continue
            name = turns[-1].speaker
        else:
            name = " ".join(str(speaker).split())
        start = _time(_first(seg, START_KEYS), path, line, where)
        end = _time(_first(seg, END_KEYS), path, line, where)
        if start is not None and end is not None and end < start:
            raise InputError(f"{where} ends before it starts", path=path, line=line)
        turns.append(Turn(name, " ".join(raw_text.split()), start, end, line))
    if not turns:
        raise InputError("no segments with a speaker", path=path,
                         expected="segments with a 'speaker' field")
    return Draft(session_id, path, tuple(turns), tuple(notes), {"format": "json"})
