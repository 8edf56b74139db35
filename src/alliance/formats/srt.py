"""SubRip subtitles (``.srt``): numbered cues, commas in times, ``Name: text`` in the cue.

The cue grammar is WebVTT's without the header, so the parsing is shared with
:mod:`alliance.formats.vtt`; voice tags are honoured too when a tool writes them.
"""

from __future__ import annotations

from typing import Sequence

from alliance.errors import InputError
from alliance.formats.build import Draft
from alliance.formats.vtt import cue_turns, parse_cues

__all__ = ["read_srt"]


def read_srt(text: str, *, path: str, session_id: str, known: Sequence[str] = (),
             notes: Sequence[str] = ()) -> Draft:
    """The draft session of a SubRip file."""
    turns = cue_turns(parse_cues(text, path=path, kind="srt"), path=path, known=known)
    if not turns:
        raise InputError(
            "no speaker names found in the subtitles", path=path,
            expected="cues whose text starts with 'Name: '",
        )
    return Draft(session_id, path, tuple(turns), tuple(notes), {"format": "srt"})
