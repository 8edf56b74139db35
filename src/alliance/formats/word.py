"""Word (``.docx``) transcripts: paragraphs read like the lines of a text transcript.

Paragraph ``n`` (1-based, in body order) plays the part of line ``n``; a soft
line break inside a paragraph splits it into lines that share its number.
Tables of two or more columns are read as ``speaker | text`` rows, after the
paragraphs, when the paragraphs hold no speaker turns.
"""

from __future__ import annotations

import io
import zipfile
from typing import Sequence

from alliance.errors import InputError
from alliance.formats.build import Draft
from alliance.formats.text import parse_lines

__all__ = ["read_docx", "is_docx"]


def is_docx(data: bytes) -> bool:
    """Whether ``data`` is a zip archive holding a Word document."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "word/document.xml" in z.namelist()
    except zipfile.BadZipFile:
        return False


def read_docx(data: bytes, *, path: str, session_id: str, known: Sequence[str] = ()) -> Draft:
    """The draft session of a Word document's bytes."""
    try:
        import docx  # python-docx
    except ImportError:  # pragma: no cover - a declared dependency
        raise InputError("reading Word files needs python-docx", path=path,
                         hint="pip install python-docx") from None
    if not is_docx(data):
        raise InputError("not a Word document", path=path, expected="a .docx file (Word 2007 or later)")
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:  # python-docx raises many kinds on a damaged package
        raise InputError("damaged Word document", path=path, expected="a .docx file") from None
    lines = [(n, part) for n, p in enumerate(document.paragraphs, 1) for part in p.text.split("\n")]
    turns, notes = parse_lines(lines, path=path, known=known)
    if not turns and document.tables:
        rows = []
        for table in document.tables:
            for row in table.rows:
                cells = [c.text.strip() for c in row.cells]
                if len(cells) >= 2 and cells[0] and cells[-1]:
                    rows.append((len(rows) + 1, f"{cells[0]}: {cells[-1]}"))
        turns, notes = parse_lines(rows, path=path, known=known)
    if not turns:
        raise InputError(
            "no speaker turns found", path=path,
            expected="paragraphs starting with a speaker and a colon, e.g. 'Therapist: ...'",
        )
    return Draft(session_id, path, tuple(turns), notes, {"format": "docx"})
