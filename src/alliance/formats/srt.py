"""SubRip subtitles (``.srt``): numbered cues, commas in times, ``Name: text`` in the cue.

The cue grammar is WebVTT's without the header, so the parsing is shared with
:mod:`alliance.formats.vtt`; voice tags are honoured too when a tool writes them.
"""

from __future__ import annotations

from typing import Sequence

from alliance.formats.build import Draft
from alliance.formats.vtt import read_captions

__all__ = ["read_srt"]


def read_srt(text: str, *, path: str, session_id: str, known: Sequence[str] = (),
             notes: Sequence[str] = ()) -> Draft:
    """The draft session of a SubRip file."""
    return read_captions(text, kind="srt", path=path, session_id=session_id, known=known,
                         notes=notes)
