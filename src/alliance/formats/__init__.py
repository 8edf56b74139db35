"""Transcript readers: one module per format, one entry point.

::

    from alliance.formats import read_sessions, write_jsonl
    [session] = read_sessions("session.vtt", therapists=["Dr. Alvarez"])

Formats: plain text with speaker prefixes (:mod:`.text`), WebVTT (:mod:`.vtt`),
SubRip (:mod:`.srt`), JSON segments (:mod:`.segments`), the lossless JSON
Lines form (:mod:`.jsonl`), CSV/TSV (:mod:`.table`) and Word (:mod:`.word`).
The format comes from ``format=``, else the extension, else the content.

Every reader goes through :mod:`.source` (size limit, binary check,
encodings) and, except JSON Lines, through :mod:`.build` (merging a speaker's
consecutive cues, roles, the one-speaker check). Problems are
:class:`~alliance.errors.InputError` naming the file and line, never the text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping, Sequence

from alliance.errors import InputError, UnknownFormatError
from alliance.formats import source
from alliance.formats.build import Draft, build_session, check_overrides
from alliance.formats.jsonl import is_jsonl, read_jsonl, write_jsonl
from alliance.formats.segments import read_json
from alliance.formats.srt import read_srt
from alliance.formats.table import Columns, read_table
from alliance.formats.text import parse_lines, read_text
from alliance.formats.vtt import read_vtt
from alliance.formats.word import is_docx, read_docx
from alliance.model import Role, Session

__all__ = ["FORMATS", "read_sessions", "write_jsonl", "detect_format", "sniff"]

#: The formats ``read_sessions(format=...)`` accepts.
FORMATS = ("txt", "vtt", "srt", "json", "jsonl", "csv", "tsv", "docx")

_EXTENSIONS = {
    ".txt": "txt", ".text": "txt", ".vtt": "vtt", ".webvtt": "vtt", ".srt": "srt",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "tsv",
    ".tab": "tsv", ".docx": "docx",
}
_LISTED = "one of " + ", ".join(FORMATS)


def _unknown(path: str, why: str = "unrecognised transcript format") -> UnknownFormatError:
    return UnknownFormatError(why, path=path, expected=_LISTED,
                              hint="Force a format with --input-format FMT")


def sniff(text: str) -> str | None:
    """The format a decoded text looks like, or None."""
    found = _sniff_head(text)
    if found is not None:
        return found
    head = text.lstrip()
    if head[:1] in ("[", "{"):
        return "json"
    header = head.split("\n", 1)[0]
    if Columns().recognises(header, "\t"):
        return "tsv"
    if Columns().recognises(header, ","):
        return "csv"
    sample = list(enumerate(text[:200_000].split("\n"), 1))
    try:
        turns, _ = parse_lines(sample)
    except InputError:
        return None
    return "txt" if len({t.speaker for t in turns}) >= 2 else None


def detect_format(path: str | Path, data: bytes | None = None) -> str:
    """The format of ``path`` from its extension, else from its content (``data`` if given)."""
    p = Path(path)
    fmt = _EXTENSIONS.get(p.suffix.lower())
    if fmt is not None:
        return fmt
    where = str(p)
    if p.suffix.lower() == ".doc":
        raise UnknownFormatError("old Word .doc files are not read", path=where,
                                 expected="a .docx file", hint="Save it as .docx in Word")
    raw = data if data is not None else source.read_bytes(p)
    if is_docx(raw):
        return "docx"
    try:
        text = source.decode(raw, where).text
    except InputError:
        raise _unknown(where) from None
    found = sniff(text)
    if found is None:
        raise _unknown(where)
    return found


def read_sessions(
    path: str | Path,
    *,
    format: str | None = None,
    therapists: Sequence[str] = (),
    roles: Mapping[str, Role] | None = None,
) -> list[Session]:
    """Read the sessions in ``path`` (a CSV may hold several; other formats hold one).

    ``format`` forces a reader (one of :data:`FORMATS`). ``therapists`` names
    the therapist(s) and ``roles`` maps speaker names, as written in the file,
    to roles; both win over inference, and naming an unknown speaker is an
    error. Raises :class:`~alliance.errors.InputError` for unreadable input.
    """
    p = Path(path)
    where = str(p)
    fmt = None
    if format:
        fmt = format.lower().lstrip(".")
        if fmt not in FORMATS:
            raise UnknownFormatError(f"unknown format {format!r}", path=where, expected=_LISTED)
    data = source.read_bytes(p)
    if fmt is None:
        fmt = detect_format(p, data)
    if fmt == "docx":
        drafts = [read_docx(data, path=where, session_id=p.stem, known=_names(therapists, roles))]
    else:
        decoded = source.decode(data, where)
        if format is None and fmt == "txt":
            # A .txt export of captions or of our own JSON Lines: let the content decide.
            fmt = {"vtt": "vtt", "srt": "srt", "jsonl": "jsonl"}.get(_sniff_head(decoded.text), fmt)
        if fmt == "jsonl":
            return read_jsonl(decoded.text, path=where, therapists=therapists, roles=roles)
        drafts = _read_text_format(fmt, decoded, where, p.stem, _names(therapists, roles))
    check_overrides(drafts, therapists, roles, where)
    return [build_session(d, therapists=therapists, roles=roles) for d in drafts]


def _sniff_head(text: str) -> str | None:
    """The format the first lines alone identify (captions, JSON Lines), or None."""
    head = text.lstrip()
    if head.startswith("WEBVTT"):
        return "vtt"
    if is_jsonl(head):  # checks for the leading "{" itself before any parsing
        return "jsonl"
    lines = head.split("\n", 2)
    if len(lines) > 1 and lines[0].strip().isdigit() and "-->" in lines[1]:
        return "srt"
    return None


def _names(therapists: Sequence[str], roles: Mapping[str, Role] | None) -> tuple[str, ...]:
    return tuple(therapists) + tuple(roles or ())


def _read_text_format(fmt: str, decoded: source.Decoded, where: str, stem: str,
                      known: Sequence[str]) -> list[Draft]:
    text, notes = decoded.text, decoded.notes
    if fmt == "txt":
        return [read_text(text, path=where, session_id=stem, known=known, notes=notes)]
    if fmt == "vtt":
        return [read_vtt(text, path=where, session_id=stem, known=known, notes=notes)]
    if fmt == "srt":
        return [read_srt(text, path=where, session_id=stem, known=known, notes=notes)]
    if fmt == "json":
        return [read_json(text, path=where, session_id=stem, known=known, notes=notes)]
    if fmt in ("csv", "tsv"):
        return read_table(text, path=where, stem=stem, delimiter="\t" if fmt == "tsv" else ",",
                          notes=notes)
    raise _unknown(where)  # pragma: no cover - FORMATS and this list agree
