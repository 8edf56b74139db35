"""Getting a transcript file's text safely: size limit, binary check, encodings, timestamps.

Every reader starts here. Problems become :class:`~alliance.errors.InputError`
naming the file (and the line when known) and what was expected, never the
transcript's text.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from alliance.errors import InputError

__all__ = ["MAX_BYTES", "Decoded", "read_bytes", "decode", "parse_timestamp", "TIMESTAMP"]

#: Files larger than this are refused before they are read (a one-hour
#: transcript is about 60 KB; 100 MB is a wrong file, not a long session).
MAX_BYTES = 100 * 1024 * 1024

#: A clock time as transcripts write it: ``12:03``, ``0:12:03``, ``00:12:03.500``, ``00:12:03,5``.
TIMESTAMP = re.compile(r"\d{1,3}(?::\d{1,3}){1,2}(?:[.,]\d{1,3})?", re.ASCII)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 control characters that never occur in text files (tab, newlines, form feed excepted).
_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 12, 13))


@dataclass(frozen=True)
class Decoded:
    """A file's text with newlines normalised to ``\\n``, and notes about how it was decoded."""

    text: str
    encoding: str
    notes: tuple[str, ...] = ()


def read_bytes(path: Path) -> bytes:
    """The file's bytes; refuses missing files, folders, empty files and files over :data:`MAX_BYTES`."""
    where = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError("file not found", path=where) from None
    if path.is_dir():
        raise InputError("is a folder, not a transcript file", path=where)
    limit = MAX_BYTES
    if size > limit:
        raise InputError(
            f"file is {size / 2**20:.1f} MB, over the {limit / 2**20:g} MB limit",
            path=where,
            hint="Split it into one file per session",
        )
    if size == 0:
        raise InputError("file is empty", path=where, expected="a transcript")
    with path.open("rb") as f:
        # Ask for one byte more than stat() said (read(n) allocates n bytes up front);
        # if the file grew meanwhile, read on, but never past the limit.
        want = size + 1
        data = f.read(want)
        if len(data) == want:
            data += f.read(limit + 1 - want)
    if len(data) > limit:
        raise InputError(f"file is over the {limit / 2**20:g} MB limit", path=where)
    return data


def _looks_utf16(head: bytes) -> str | None:
    """``utf-16-le``/``-be`` when NULs sit at every other byte (UTF-16 without a BOM)."""
    if len(head) < 4:
        return None
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    half = len(head) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def decode(data: bytes, path: str) -> Decoded:
    """Text from bytes: BOMs honoured, UTF-8 first, then Windows-1252/Latin-1 with a note.

    Raises :class:`InputError` for binary data (NUL bytes or many control characters).
    """
    notes: list[str] = []
    encoding = None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            encoding = enc
            break
    if encoding is None and b"\x00" in data[:4096]:
        encoding = _looks_utf16(data[:4096])
        if encoding is None:
            raise InputError("binary file", path=path, expected="a text transcript")
        notes.append(f"read as {encoding.upper()} without a byte-order mark")
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise InputError(f"cannot be decoded as {encoding.upper()}", path=path) from None
    else:
        sample = data[:65536]
        if len(sample) - len(sample.translate(None, _CONTROL)) > max(8, len(sample) // 100):
            raise InputError("binary file", path=path, expected="a text transcript")
        try:
            text = data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            try:
                text, encoding = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                text, encoding = data.decode("latin-1"), "latin-1"
            label = "Windows-1252" if encoding == "cp1252" else "Latin-1"
            notes.append(f"file is not UTF-8; read it as {label}")
    text = text.lstrip("\ufeff")
    if "\x00" in text:
        raise InputError("binary file", path=path, expected="a text transcript")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("file has no text", path=path, expected="a transcript")
    return Decoded(text, encoding, tuple(notes))


_CLOCK = re.compile(r"(?:(\d{1,3}):)?(\d{1,3}):(\d{1,3})(?:[.,](\d{1,9}))?", re.ASCII)
_SECONDS = re.compile(r"\d+(?:[.,]\d*)?", re.ASCII)


def parse_timestamp(value: str, *, path: str | None = None, line: int | None = None) -> float:
    """Seconds from ``ss``, ``mm:ss``, ``hh:mm:ss`` with optional ``.fff``/``,fff``, or a plain number.

    Minutes and seconds must be under 60 (the leading field may be larger).
    Raises :class:`InputError` at ``path``/``line`` otherwise.
    """
    s = value.strip()
    m = _CLOCK.fullmatch(s)
    if m is not None:
        h, mi, sec, frac = m.groups()
        minutes, seconds = int(mi), int(sec)
        if seconds < 60 and (h is None or minutes < 60):
            total = (int(h) * 3600 if h else 0) + minutes * 60 + seconds
            return total + (int(frac) / 10 ** len(frac) if frac else 0.0)
    elif _SECONDS.fullmatch(s):
        return float(s.replace(",", "."))
    raise InputError(
        "malformed timestamp", path=path, line=line, expected="hh:mm:ss, mm:ss or seconds"
    )
