"""Transcript readers (minimal first version: plain text with speaker prefixes)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Mapping, Sequence

from alliance.errors import InputError
from alliance.model import Role, Session, Speaker, Utterance

__all__ = ["read_sessions"]

_PREFIX = re.compile(r"^\s*([A-Z][\w.\- ]{0,40}?):\s*(.*)$")


def read_sessions(
    path: str | Path,
    *,
    format: str | None = None,
    therapists: Sequence[str] = (),
    roles: Mapping[str, Role] | None = None,
) -> list[Session]:
    """Read the sessions in ``path``."""
    p = Path(path)
    text = p.read_text(encoding="utf-8")
    turns: list[tuple[str, str, int]] = []
    for n, line in enumerate(text.splitlines(), 1):
        m = _PREFIX.match(line)
        if m:
            turns.append((m.group(1).strip(), m.group(2).strip(), n))
        elif line.strip() and turns:
            name, t, ln = turns[-1]
            turns[-1] = (name, t + " " + line.strip(), ln)
    if not turns:
        raise InputError("no speaker turns found", path=str(p), expected="lines like 'Therapist: ...'")
    names = list(dict.fromkeys(t[0] for t in turns))
    role_map = dict(roles or {})
    for name in names:
        if name not in role_map:
            is_t = name in therapists or name.lower().startswith(("t", "dr", "therapist", "counselor"))
            role_map[name] = Role.THERAPIST if is_t else Role.PATIENT
    speakers = tuple(Speaker(n, n, role_map[n]) for n in names)
    utts = tuple(Utterance(i, name, t, line=ln) for i, (name, t, ln) in enumerate(turns))
    return [Session(p.stem, speakers, utts, source=str(p))]
