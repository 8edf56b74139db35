"""Plain-text transcripts with speaker prefixes (also the core of the Word reader).

Recognised turn starts, each optionally with a clock time::

    T: ...                         Therapist: ...           Dr. Alvarez: ...
    [00:12:03] Client: ...         00:12:03 P: ...          Sam: [00:12:03] ...
    Speaker 1 (00:00:00): ...      (Rev; the text may start on the next line)
    Jane Doe  0:03                 (Otter: a header line, the text on the next lines)

Lines without a prefix continue the previous turn; a line holding only a time
sets the start of the next turn.

**What counts as a speaker.** A colon at the start of a line is not always a
speaker ("Note: she paused", "And I said: no"). A prefix is a speaker when its
name is short (at most four words, forty characters) and either

* a role word or a tool's label (``Therapist``, ``Client``, ``T``, ``P``,
  ``Dr. ...``, ``Speaker 1``, ``SPEAKER_00``; any case), or named in an
  override (``--therapist``/``--role``), or
* written like a name (every word capitalised, except particles such as
  ``de`` or ``van``), not a heading word (``Note``, ``Date``...), and used as a
  prefix at least twice in the file.

Anything else is text. The cost: a person who speaks exactly once under an
unrecognisable name is read as part of the previous turn; naming them with
``--role NAME=other`` makes them count.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from alliance.errors import InputError
from alliance.formats.build import Draft, Turn
from alliance.formats.source import TIMESTAMP, parse_timestamp
from alliance.roles import is_speaker_label

__all__ = ["SpeakerRule", "split_prefix", "parse_lines", "read_text"]

# Up to four words, and an optional short parenthetical ("Jane Doe (she/her)").
_NAME = re.compile(r"[^\W\d_][\w.'’\-]*(?:[ \t]+[\w.'’\-]+){0,3}(?:[ \t]*\([^()\n]{1,24}\))?")
_MAX_NAME = 40
# How far into a line a speaker's colon may be.
_PREFIX_REACH = 64
# Words that head a line with a colon but are not people.
_NOT_SPEAKERS = frozenset({
    "note", "notes", "nb", "ps", "p.s", "date", "time", "duration", "location", "place",
    "session", "transcript", "title", "subject", "re", "summary", "comment", "comments",
    "edit", "edited", "recorded", "recording", "file", "source", "audio", "video",
    "attendees", "participants", "present", "keywords", "tags", "topic", "agenda",
    "warning", "disclaimer", "update", "example", "answer", "question",
})
_PARTICLES = frozenset({"de", "da", "del", "della", "der", "den", "van", "von", "la", "le",
                        "du", "di", "bin", "al", "el", "y", "st."})


def _capitalised(name: str) -> bool:
    words = name.split("(", 1)[0].split()
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _PARTICLES for w in words)


class SpeakerRule:
    """Decides which prefix names are speakers (see the module docstring).

    ``counts`` maps each candidate name to how often it starts a line;
    ``known`` are names the user gave in overrides.
    """

    def __init__(self, counts: dict[str, int], known: Iterable[str] = ()) -> None:
        self.counts = counts
        self.known = {k.strip().lower() for k in known}
        self._cache: dict[str, bool] = {}

    def __call__(self, name: str) -> bool:
        """True when ``name`` is accepted as a speaker."""
        ok = self._cache.get(name)
        if ok is None:
            ok = (
                is_speaker_label(name)
                or name.lower() in self.known
                or (
                    self.counts.get(name, 0) >= 2
                    and _capitalised(name)
                    and name.lower().rstrip(".") not in _NOT_SPEAKERS
                )
            )
            self._cache[name] = ok
        return ok


def _bracketed_time(s: str, path: str | None, line: int | None) -> tuple[float, str] | None:
    """A leading ``[hh:mm:ss]`` or ``(hh:mm:ss)``: its seconds and the rest of ``s``.

    Bracketed digits with a colon are meant as a time, so a bad one is an error.
    """
    if not s or s[0] not in "[(":
        return None
    close = s.find("]" if s[0] == "[" else ")", 1, 32)
    if close < 0:
        return None
    inner = s[1:close].strip()
    if not (inner[:1].isdigit() and ":" in inner):
        return None
    return parse_timestamp(inner, path=path, line=line), s[close + 1:].lstrip()


def _bare_time(s: str, *, clock_only: bool = False) -> tuple[float, str] | None:
    """A leading bare ``hh:mm:ss`` (or ``mm:ss`` unless ``clock_only``), if well formed."""
    m = TIMESTAMP.match(s)
    if m is None or (m.end() < len(s) and not s[m.end()].isspace()):
        return None
    if clock_only and m.group().count(":") < 2:
        return None
    try:
        return parse_timestamp(m.group()), s[m.end():].lstrip()
    except InputError:  # a bare number that is not a time: leave it to the text
        return None


def split_prefix(
    s: str, *, path: str | None = None, line: int | None = None
) -> tuple[str, float | None, str] | None:
    """``(name, time, rest)`` when ``s`` starts with ``Name:`` (times around it allowed), else None.

    ``s`` must already be stripped. The time is the one before the name, in
    Rev's parentheses after it, or in brackets right after the colon.
    """
    ts: float | None = None
    c = s[:1]
    if c == "[" or c == "(" or c.isdigit():  # cheap test first: most lines start with a name
        lead = _bracketed_time(s, path, line) or _bare_time(s)
        if lead is not None:
            ts, s = lead
    colon = s.find(":", 1, _PREFIX_REACH)
    if colon < 0:
        return None
    for opener, closer in (("(", ")"), ("[", "]")):
        # Rev's "Speaker 1 (00:00:00):" - the speaker's colon follows the bracket.
        o = s.find(opener, 1, colon)
        if o > 0:
            c = s.find(closer, o, _PREFIX_REACH)
            if c > 0:
                colon = s.find(":", c, _PREFIX_REACH)
            break
    if colon < 0 or (colon + 1 < len(s) and s[colon + 1] not in " \t"):
        return None
    head = s[:colon].rstrip()
    if head and head[-1] in ")]":
        opener = head.rfind("(" if head[-1] == ")" else "[")
        inner = head[opener + 1:-1].strip() if opener > 0 else ""
        if inner[:1].isdigit() and ":" in inner:
            rev = parse_timestamp(inner, path=path, line=line)
            ts = rev if ts is None else ts
            head = head[:opener].rstrip()
    if len(head) > _MAX_NAME or not _NAME.fullmatch(head):
        return None
    rest = s[colon + 1:].strip()
    c = rest[:1]
    if c == "[" or c == "(" or c.isdigit():
        after = _bracketed_time(rest, path, line) or _bare_time(rest, clock_only=True)
        if after is not None:
            ts = after[0] if ts is None else ts
            rest = after[1]
    return " ".join(head.split()), ts, rest


def _otter_header(s: str) -> tuple[str, float] | None:
    """``(name, time)`` for an Otter header line ``Jane Doe  0:03``, else None."""
    parts = s.rsplit(None, 1)
    if len(parts) != 2 or not TIMESTAMP.fullmatch(parts[1]):
        return None
    head = parts[0].strip()
    if len(head) > _MAX_NAME or not _NAME.fullmatch(head):
        return None
    try:
        return " ".join(head.split()), parse_timestamp(parts[1])
    except InputError:
        return None


_TEXT, _PREFIX, _HEADER, _TIME = 0, 1, 2, 3


def parse_lines(
    lines: Iterable[tuple[int, str]], *, path: str | None = None, known: Sequence[str] = ()
) -> tuple[list[Turn], tuple[str, ...]]:
    """Turns from ``(line number, line)`` pairs, and notes about what was skipped."""
    # (kind, line number, name, time, rest, the stripped line)
    parsed: list[tuple[int, int, str, float | None, str, str]] = []
    counts: dict[str, int] = {}
    for n, raw in lines:
        s = raw.strip()
        if not s:
            continue
        hit = split_prefix(s, path=path, line=n)
        if hit is not None:
            name, ts, rest = hit
            parsed.append((_PREFIX, n, name, ts, rest, s))
            counts[name] = counts.get(name, 0) + 1
            continue
        only_time = _bracketed_time(s, path, n) or _bare_time(s)
        if only_time is not None and not only_time[1]:
            parsed.append((_TIME, n, "", only_time[0], "", s))
            continue
        header = _otter_header(s)
        if header is not None:
            parsed.append((_HEADER, n, header[0], header[1], "", s))
            counts[header[0]] = counts.get(header[0], 0) + 1
            continue
        parsed.append((_TEXT, n, "", None, s, s))

    rule = SpeakerRule(counts, known)
    turns: list[Turn] = []
    parts: list[str] = []
    current: tuple[str, float | None, int] | None = None
    pending: float | None = None
    preamble = 0

    def close() -> None:
        if current is not None:
            turns.append(Turn(current[0], " ".join(parts), current[1], None, current[2]))

    for kind, n, name, ts, rest, line in parsed:
        if kind in (_PREFIX, _HEADER) and rule(name):
            close()
            current = (name, ts if ts is not None else pending, n)
            parts = [rest] if rest else []
            pending = None
        elif kind == _TIME:
            pending = ts
        elif current is None:
            preamble += 1
        else:
            # Text, or a prefix that is not a speaker: keep the line as written.
            parts.append(line)
    close()
    notes = (f"ignored {preamble} line(s) before the first speaker turn",) if preamble and turns else ()
    return turns, notes


def read_text(text: str, *, path: str, session_id: str, known: Sequence[str] = (),
              notes: Sequence[str] = ()) -> Draft:
    """The draft session of a plain-text transcript."""
    turns, found = parse_lines(enumerate(text.split("\n"), 1), path=path, known=known)
    if not turns:
        raise InputError(
            "no speaker turns found", path=path,
            expected="lines starting with a speaker and a colon, e.g. 'Therapist: ...' or 'T: ...'",
            hint="A name that is not a role word must start at least two lines",
        )
    return Draft(session_id, path, tuple(turns), tuple(notes) + found, {"format": "txt"})
