"""WebVTT captions (Zoom, Teams, most recorders) and the cue parsing SubRip shares.

Zoom writes the speaker as a prefix in the cue text (``Dr. Alvarez: ...``);
Teams writes voice tags (``<v Dr. Alvarez>...</v>``, the closing tag sometimes
missing). Cue identifiers are optional; ``NOTE``, ``STYLE`` and ``REGION``
blocks are skipped. A cue without a speaker continues the previous speaker's
turn, and consecutive cues of one speaker become one utterance (the reader
does not merge; :mod:`alliance.formats.build` does).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Sequence

from alliance.errors import InputError
from alliance.formats.build import Draft, Turn
from alliance.formats.source import parse_timestamp
from alliance.formats.text import SpeakerRule, split_prefix

__all__ = ["Cue", "parse_cues", "cue_turns", "read_captions", "read_vtt"]

_VOICE = re.compile(r"<v(?:\.[^\s>]*)?[ \t]+([^>]*)>")
_TAG = re.compile(r"</?[^>]*>")
_SKIPPED_BLOCKS = ("NOTE", "STYLE", "REGION")


@dataclass(frozen=True, slots=True)
class Cue:
    """A timed caption: start and end in seconds, its text, and the line of its timing."""

    start_s: float
    end_s: float
    text: str
    line: int


_BLOCK = re.compile(r"(?m)^[ \t]*\S.*(?:\n[ \t]*\S.*)*")
# The usual timing line, read in one go; anything else goes through parse_timestamp.
_TIMING = re.compile(
    r"(?:(\d+):)?(\d\d):(\d\d)[.,](\d{3})[ \t]+-->[ \t]+(?:(\d+):)?(\d\d):(\d\d)[.,](\d{3})(?:[ \t].*)?",
    re.ASCII,
)


def _blocks(text: str, first: int) -> list[tuple[int, list[str]]]:
    """Runs of non-blank lines as ``(1-based line of the first, stripped lines)``.

    Starts at character offset ``first``.
    """
    out: list[tuple[int, list[str]]] = []
    line, counted = 1, 0
    for m in _BLOCK.finditer(text, first):
        line += text.count("\n", counted, m.start())
        counted = m.start()
        out.append((line, [s.strip() for s in m.group().split("\n")]))
    return out


def _fast_timing(s: str) -> tuple[float, float] | None:
    m = _TIMING.fullmatch(s)
    if m is None:
        return None
    h1, m1, s1, f1, h2, m2, s2, f2 = m.groups()
    if m1 > "59" or s1 > "59" or m2 > "59" or s2 > "59":
        return None  # let parse_timestamp report it
    return _seconds(h1, m1, s1, f1), _seconds(h2, m2, s2, f2)


def _seconds(h: str | None, m: str, s: str, ms: str) -> float:
    """Seconds from the digit groups of a ``[h:]mm:ss.mmm`` time matched by the regexes here."""
    return (int(h) * 3600 if h else 0) + int(m) * 60 + int(s) + int(ms) / 1000


# A whole well-formed cue (identifier, timing, text lines) in one match: the fast path.
_CUE = re.compile(
    r"(?:^[^\n]*\S[^\n]*\n)?"
    r"^[ \t]*(?:(\d+):)?(\d\d):(\d\d)[.,](\d{3})[ \t]+-->[ \t]+"
    r"(?:(\d+):)?(\d\d):(\d\d)[.,](\d{3})(?:[ \t][^\n]*)?(?:\n|\Z)"
    r"((?:[ \t]*\S[^\n]*(?:\n|\Z))*)",
    re.MULTILINE | re.ASCII,
)


def _fast_cues(text: str, first: int) -> list[Cue] | None:
    """The cues when every block after ``first`` is a well-formed cue, else None.

    Nearly all machine-written files take this path; anything unusual (NOTE
    blocks, odd times, damage) returns None and goes through the careful path,
    which also reports errors with their line.
    """
    cues: list[Cue] = []
    line, counted, pos = 1, 0, first
    for m in _CUE.finditer(text, first):
        if m.start() != pos and text[pos:m.start()].strip():
            return None  # something between cues that is not a cue
        h1, m1, s1, f1, h2, m2, s2, f2, body = m.groups()
        if m1 > "59" or s1 > "59" or m2 > "59" or s2 > "59":
            return None
        begin, end = _seconds(h1, m1, s1, f1), _seconds(h2, m2, s2, f2)
        if end < begin:
            return None
        at = m.start(2)
        line += text.count("\n", counted, at)
        counted = at
        body = body.strip()
        if "\n" in body:
            body = "\n".join(part.strip() for part in body.split("\n"))
        cues.append(Cue(begin, end, body, line))
        pos = m.end()
    if text[pos:].strip() or text.count("-->", first) != len(cues):
        return None
    return cues


def parse_cues(text: str, *, path: str, kind: str = "vtt") -> list[Cue]:
    """The cues of a WebVTT (``kind="vtt"``) or SubRip (``kind="srt"``) text.

    Raises :class:`InputError` at the line of a missing or malformed timing line.
    """
    first = 0
    if kind == "vtt":
        if not text.lstrip("\ufeff").startswith("WEBVTT"):
            raise InputError("not a WebVTT file", path=path, line=1, expected="a first line 'WEBVTT'")
        # The header is the first block.
        header = _BLOCK.match(text)
        first = header.end() if header else 0
    fast = _fast_cues(text, first)
    return fast if fast is not None else _careful_cues(text, first, path=path, kind=kind)


def _careful_cues(text: str, first: int, *, path: str, kind: str) -> list[Cue]:
    """Block by block: skips NOTE/STYLE/REGION, reads any time format, reports errors."""
    example = "00:01:02.500 --> 00:01:05.000" if kind == "vtt" else "00:01:02,500 --> 00:01:05,000"
    cues: list[Cue] = []
    for start, block in _blocks(text, first):
        head = block[0]
        if kind == "vtt" and head.startswith(_SKIPPED_BLOCKS) and (
            head.split(None, 1)[0] in _SKIPPED_BLOCKS
        ):
            continue
        if "-->" in head:
            at = 0
        elif len(block) > 1 and "-->" in block[1]:
            at = 1  # a cue identifier (a number in SRT, any text in VTT) comes first
        else:
            raise InputError("cue without a timing line", path=path, line=start,
                             expected=f"a timing line like '{example}'")
        n = start + at
        times = _fast_timing(block[at])
        if times is None:
            left, _, right = block[at].partition("-->")
            fields = right.split()
            if not fields:
                raise InputError("cue timing has no end time", path=path, line=n, expected=example)
            times = (parse_timestamp(left, path=path, line=n),
                     parse_timestamp(fields[0], path=path, line=n))
        begin, end = times
        if end < begin:
            raise InputError("cue ends before it starts", path=path, line=n, expected=example)
        cues.append(Cue(begin, end, "\n".join(block[at + 1:]), n))
    return cues


def _clean(text: str) -> str:
    if "<" in text:
        text = _TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    if "\n" in text or "  " in text or "\t" in text:
        text = " ".join(text.split())
    return text.strip()


def cue_turns(cues: Sequence[Cue], *, path: str, known: Sequence[str] = ()) -> list[Turn]:
    """Turns from cues: voice tags, else a ``Name:`` prefix, else the previous speaker."""
    # (name or None, text, cue); names from prefixes are checked once all are counted.
    pieces: list[tuple[str | None, bool, str, Cue]] = []
    counts: dict[str, int] = {}
    for cue in cues:
        text = cue.text
        if "<v" in text and _VOICE.search(text):
            tags = list(_VOICE.finditer(text))
            lead = _clean(text[:tags[0].start()])
            if lead:
                pieces.append((None, False, lead, cue))
            for i, m in enumerate(tags):
                stop = tags[i + 1].start() if i + 1 < len(tags) else len(text)
                pieces.append((" ".join(m.group(1).split()), True, _clean(text[m.end():stop]), cue))
            continue
        text = _clean(text)
        hit = split_prefix(text, path=path, line=cue.line)
        if hit is not None:
            name, _, rest = hit
            counts[name] = counts.get(name, 0) + 1
            pieces.append((name, False, rest, cue))
        else:
            pieces.append((None, False, text, cue))

    rule = SpeakerRule(counts, known)
    turns: list[Turn] = []
    for name, tagged, text, cue in pieces:
        if name is not None and not tagged and not rule(name):
            name, text = None, (cue.text and _clean(cue.text))
        if name is None:
            if not turns:
                continue  # text before anyone speaks: nothing to attribute it to
            name = turns[-1].speaker
        turns.append(Turn(name, text, cue.start_s, cue.end_s, cue.line))
    return turns


# What a caption file without any speaker names was expected to hold, per kind.
_NO_SPEAKERS = {
    "vtt": ("no speaker names found in the cues",
            "cues starting with 'Name: ' (Zoom) or voice tags '<v Name>' (Teams)"),
    "srt": ("no speaker names found in the subtitles", "cues whose text starts with 'Name: '"),
}


def read_captions(text: str, *, kind: str, path: str, session_id: str,
                  known: Sequence[str] = (), notes: Sequence[str] = ()) -> Draft:
    """The draft session of a WebVTT (``kind="vtt"``) or SubRip (``kind="srt"``) text.

    Raises :class:`InputError` when no cue names a speaker.
    """
    turns = cue_turns(parse_cues(text, path=path, kind=kind), path=path, known=known)
    if not turns:
        message, expected = _NO_SPEAKERS[kind]
        raise InputError(message, path=path, expected=expected)
    return Draft(session_id, path, tuple(turns), tuple(notes), {"format": kind})


def read_vtt(text: str, *, path: str, session_id: str, known: Sequence[str] = (),
             notes: Sequence[str] = ()) -> Draft:
    """The draft session of a WebVTT file."""
    return read_captions(text, kind="vtt", path=path, session_id=session_id, known=known,
                         notes=notes)
