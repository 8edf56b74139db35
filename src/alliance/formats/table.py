"""CSV and TSV transcripts: one row per utterance, columns found by name.

The defaults read AnnoMI's CSVs directly (``interlocutor``, ``utterance_text``,
``timestamp``, ``transcript_id``) as well as plain ``speaker,text,start,end``
tables. A file may hold several sessions (one per ``transcript_id``/``session``
value); their ids are ``{file stem}-{value}``. When a session is coded by
several annotators (an ``annotator_id`` column, as in AnnoMI-full.csv), only
the first annotator's rows are kept.

Rows are utterances already and often carry per-row labels, so consecutive
rows of one speaker are *not* merged: utterance ``i`` of a session is its
``i``-th row, which keeps indices aligned with the file.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Sequence

from alliance.errors import InputError
from alliance.formats.build import Draft, Turn
from alliance.formats.source import parse_timestamp

__all__ = ["Columns", "read_table"]

# AnnoMI rows hold long texts; the csv module's default field limit is 128 KiB.
_FIELD_LIMIT = 10 * 1024 * 1024


@dataclass(frozen=True)
class Columns:
    """Which header names (compared case-insensitively) hold each field; the first present wins."""

    speaker: tuple[str, ...] = ("speaker", "interlocutor", "speaker_label", "speaker_name", "name")
    text: tuple[str, ...] = ("text", "utterance_text", "utterance", "transcript", "content")
    start: tuple[str, ...] = ("start", "start_s", "start_time", "timestamp", "begin", "time")
    end: tuple[str, ...] = ("end", "end_s", "end_time", "stop")
    session: tuple[str, ...] = ("transcript_id", "session", "session_id", "conversation_id")
    annotator: tuple[str, ...] = ("annotator_id", "annotator", "coder")

    def resolve(self, header: Sequence[str]) -> dict[str, int]:
        """Column index of each field found in ``header``."""
        where = {h.strip().lower(): i for i, h in reversed(list(enumerate(header)))}
        out: dict[str, int] = {}
        for fld in ("speaker", "text", "start", "end", "session", "annotator"):
            for name in getattr(self, fld):
                if name in where:
                    out[fld] = where[name]
                    break
        return out

    def recognises(self, header_line: str, delimiter: str) -> bool:
        """Whether a header line has a speaker and a text column."""
        cells = {c.strip().strip('"').lower() for c in header_line.split(delimiter)}
        return bool(cells & set(self.speaker)) and bool(cells & set(self.text))


def read_table(
    text: str,
    *,
    path: str,
    stem: str,
    delimiter: str = ",",
    columns: Columns | None = None,
    notes: Sequence[str] = (),
) -> list[Draft]:
    """Draft sessions from a CSV (``delimiter=","``) or TSV (``"\\t"``) text."""
    cols = columns or Columns()
    csv.field_size_limit(max(csv.field_size_limit(), _FIELD_LIMIT))
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    kind = "tsv" if delimiter == "\t" else "csv"
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        raise InputError("no header row", path=path, line=1, expected="a header row") from None
    at = cols.resolve(header)
    if "speaker" not in at or "text" not in at:
        raise InputError(
            "no speaker or text column", path=path, line=1,
            expected=f"a header row naming a speaker column ({', '.join(cols.speaker[:2])}) "
                     f"and a text column ({', '.join(cols.text[:2])})",
        )
    width = max(at.values()) + 1
    groups: dict[str, list[Turn]] = {}
    first_annotator: dict[str, str] = {}
    dropped: dict[str, int] = {}
    line = reader.line_num
    try:
        for row in reader:
            n, line = line + 1, reader.line_num
            if not row or (len(row) == 1 and not row[0].strip()):
                continue
            if len(row) < width:
                raise InputError(f"row has {len(row)} fields", path=path, line=n,
                                 expected=f"at least {width} fields as in the header")
            key = row[at["session"]].strip() if "session" in at else ""
            if "annotator" in at:
                who = row[at["annotator"]].strip()
                if first_annotator.setdefault(key, who) != who:
                    dropped[key] = dropped.get(key, 0) + 1
                    continue
            speaker = " ".join(row[at["speaker"]].split())
            if not speaker:
                raise InputError("row has no speaker", path=path, line=n, expected="a speaker name")
            start = _time(row, at.get("start"), path, n)
            end = _time(row, at.get("end"), path, n)
            groups.setdefault(key, []).append(
                Turn(speaker, " ".join(row[at["text"]].split()), start, end, n))
    except csv.Error:
        raise InputError("malformed CSV row", path=path, line=line + 1,
                         expected="fields separated by the delimiter, quotes closed") from None
    if not groups:
        raise InputError("no rows after the header", path=path, expected="one row per utterance")
    drafts = []
    for key, turns in groups.items():
        extra = (f"kept the first annotator's rows; skipped {dropped[key]} rows coded by others",
                 ) if key in dropped else ()
        meta = {"format": kind}
        if "session" in at:
            meta["transcript_id"] = key
        sid = f"{stem}-{key}" if "session" in at else stem
        drafts.append(Draft(sid, path, tuple(turns), tuple(notes) + extra, meta, merge=False))
    return drafts


def _time(row: list[str], index: int | None, path: str, line: int) -> float | None:
    if index is None or index >= len(row):
        return None
    value = row[index].strip()
    if not value or value.lower() in ("nan", "n/a", "na", "none", "null", "-"):
        return None
    return parse_timestamp(value, path=path, line=line)
