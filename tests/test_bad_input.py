"""Bad input through the command line: a clear one-line message, exit code 2, nothing written.

Every transcript here holds the word ``Zanzibar``; it must never reach standard
error, because error messages end up in logs and transcripts are health data.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from alliance.cli import main
from alliance.formats import read_sessions, source

SECRET = "Zanzibar"
GOOD = f"T: How was the trip to {SECRET}?\nP: Long, but good.\nT: Good how?\nP: Quiet.\n"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    p = tmp_path / name
    if isinstance(data, str):
        p.write_text(data, encoding="utf-8")
    else:
        p.write_bytes(data)
    return p


def assert_refused(capsys, tmp_path: Path, path: Path, *expected: str, extra=()) -> str:
    """Run ``analyze PATH --out``: exit 2, the message names the file and says what is wrong."""
    out_file = tmp_path / "out" / "report.json"
    code, out, err = run(capsys, "analyze", str(path), "--format", "json", "--out", str(out_file),
                         *extra)
    assert code == 2
    assert err.startswith("alliance: error: ")
    assert str(path) in err
    for part in expected:
        assert part in err
    assert SECRET not in err and SECRET not in out
    assert not out_file.exists()
    assert not list(tmp_path.glob("out/*"))  # no temporary file left behind either
    return err


def test_empty_file(capsys, tmp_path):
    assert_refused(capsys, tmp_path, write(tmp_path, "empty.txt", b""), "file is empty")


def test_whitespace_only_file(capsys, tmp_path):
    assert_refused(capsys, tmp_path, write(tmp_path, "blank.txt", "\n \n\t\n"), "no text")


def test_binary_file(capsys, tmp_path):
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + SECRET.encode() + bytes(range(256))
    assert_refused(capsys, tmp_path, write(tmp_path, "image.txt", data), "binary file")


def test_unknown_format(capsys, tmp_path):
    p = write(tmp_path, "notes.xyz", f"Shopping list\n{SECRET} souvenirs\nmilk\n")
    err = assert_refused(capsys, tmp_path, p, "unrecognised transcript format", "--input-format")
    assert "txt, vtt, srt" in err


def test_old_word_files_get_a_hint(capsys, tmp_path):
    p = write(tmp_path, "session.doc", b"\xd0\xcf\x11\xe0" + SECRET.encode())
    assert_refused(capsys, tmp_path, p, "Save it as .docx")


def test_malformed_vtt_timestamp_names_the_line(capsys, tmp_path):
    p = write(tmp_path, "s.vtt", (
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nT: Hello.\n\n"
        f"00:00:02.000 --> 00:0x:03.000\nP: {SECRET}.\n"
    ))
    assert_refused(capsys, tmp_path, p, "line 6", "malformed timestamp", "hh:mm:ss")


def test_malformed_text_timestamp_names_the_line(capsys, tmp_path):
    p = write(tmp_path, "s.txt", f"[00:00:01] T: Hi.\n[00:75:02] P: {SECRET}.\n")
    assert_refused(capsys, tmp_path, p, "line 2", "malformed timestamp")


def test_malformed_csv_timestamp_names_the_line(capsys, tmp_path):
    p = write(tmp_path, "s.csv", f"speaker,start,text\nT,0:01,Hi.\nP,soon,{SECRET}\n")
    assert_refused(capsys, tmp_path, p, "line 3", "malformed timestamp")


def test_invalid_json_names_the_line(capsys, tmp_path):
    p = write(tmp_path, "s.json", f'[\n{{"speaker": "T", "text": "{SECRET}"}},\n{{oops}}\n]\n')
    assert_refused(capsys, tmp_path, p, "line 3", "not valid JSON")


def test_one_speaker_only(capsys, tmp_path):
    p = write(tmp_path, "mono.txt", f"Therapist: {SECRET} is far.\nTherapist: Very far.\n")
    err = assert_refused(capsys, tmp_path, p, "only one speaker", "speaker 1 (first speaks on line 1)",
                         "speaker prefixes")
    assert "'Therapist'" not in err


def test_no_speaker_prefixes(capsys, tmp_path):
    p = write(tmp_path, "prose.txt", f"We talked about {SECRET}.\nThen we stopped.\n")
    assert_refused(capsys, tmp_path, p, "no speaker turns found", "Therapist:")


def test_unknown_override_lists_the_speakers_by_position_and_line(capsys, tmp_path):
    p = write(tmp_path, "s.txt", GOOD)
    err = assert_refused(capsys, tmp_path, p, "1st --therapist override names no speaker",
                         "speaker 1 (first speaks on line 1), speaker 2 (first speaks on line 2)",
                         '--role "<speaker label>=patient"', extra=("--therapist", "Dr. Nobody"))
    assert "Nobody" not in err and "'T'" not in err and "'P'" not in err


# A speaker label is often a real name; in therapy, the patient's. Error messages
# end up in logs, so no role or speaker error may quote one, not even the one typed.
NAME = "Quistgaard"
NAMED = f"{NAME}: How was the week?\nAnya {NAME}: Long.\n{NAME}: Long how?\nAnya {NAME}: Quiet.\n"


@pytest.mark.parametrize("name, data, extra", [
    ("mono.txt", f"{NAME}: Hello?\n{NAME}: Anyone?\n", ()),
    ("mono.vtt", f"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v {NAME}>Hello?\n", ()),
    ("mono.csv", f"speaker,text\n{NAME},Hello?\n{NAME},Anyone?\n", ()),
    ("s.txt", NAMED, ("--therapist", f"Dr. {NAME}")),
    ("s.txt", NAMED, ("--role", f"{NAME}x=patient", "--role", f"{NAME}=therapist")),
    ("s.csv", f"session,speaker,text\na,{NAME},Hi?\na,Anya {NAME},Hi.\n", ("--role", f"Ms {NAME}=patient")),
])
def test_role_and_speaker_errors_never_name_a_speaker(capsys, tmp_path, name, data, extra):
    err = assert_refused(capsys, tmp_path, write(tmp_path, name, data), "speaker", extra=extra)
    assert NAME not in err


def test_an_unknown_override_in_a_jsonl_file_names_no_speaker(capsys, tmp_path):
    from alliance.formats import write_jsonl

    [session] = read_sessions(write(tmp_path, "s.txt", NAMED))
    p = write(tmp_path, "s.jsonl", write_jsonl(session))
    err = assert_refused(capsys, tmp_path, p, "1st --role", "speaker 2",
                         extra=("--role", f"Anya {NAME}s=patient"))
    assert NAME not in err


def test_missing_file(capsys, tmp_path):
    assert_refused(capsys, tmp_path, tmp_path / "nowhere.txt", "file not found")


def test_a_folder_is_not_a_transcript(capsys, tmp_path):
    d = tmp_path / "folder.txt"
    d.mkdir()
    assert_refused(capsys, tmp_path, d, "is a folder")


def test_file_over_the_size_limit_is_refused_before_reading(capsys, tmp_path):
    p = tmp_path / "huge.txt"
    with p.open("wb") as f:  # sparse: costs no disk and no time
        f.truncate(source.MAX_BYTES + 1)
    assert_refused(capsys, tmp_path, p, "over the 100 MB limit")


def test_the_size_limit_is_a_module_constant(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(source, "MAX_BYTES", 16)
    p = write(tmp_path, "s.txt", GOOD)
    assert_refused(capsys, tmp_path, p, "MB limit")


# -- encodings that must be read, not refused -----------------------------------


@pytest.mark.parametrize("encoding, bom", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8),
    ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
])
def test_unicode_encodings_are_read(tmp_path, encoding, bom):
    text = GOOD.replace("Quiet", "Ruhig, schön")
    p = write(tmp_path, "s.txt", bom + text.encode(encoding))
    [s] = read_sessions(p)
    assert s.utterances[-1].text == "Ruhig, schön."
    assert not s.meta.get("notes")


def test_utf16_without_a_bom_is_read_with_a_note(tmp_path):
    p = write(tmp_path, "s.txt", GOOD.encode("utf-16-le"))
    [s] = read_sessions(p)
    assert s.utterances[0].speaker == "T"
    assert any("UTF-16" in n for n in s.meta["notes"])


@pytest.mark.parametrize("encoding, label", [("cp1252", "Windows-1252"), ("latin-1", "Windows-1252")])
def test_legacy_encodings_are_read_with_a_note(capsys, tmp_path, encoding, label):
    text = GOOD.replace("Quiet", "Café, naïve")
    p = write(tmp_path, "s.txt", text.encode(encoding))
    [s] = read_sessions(p)
    assert s.utterances[-1].text == "Café, naïve."
    code, out, err = run(capsys, "analyze", str(p))
    assert code == 0
    assert f"not UTF-8; read it as {label}" in out


def test_cp1252_quotes_are_decoded(tmp_path):
    p = write(tmp_path, "s.txt", "T: It’s “fine”?\nP: Yes.\n".encode("cp1252"))
    [s] = read_sessions(p)
    assert s.utterances[0].text == "It’s “fine”?"


# -- several files: a bad one does not stop the good ones -----------------------


def test_a_multi_file_run_reports_the_bad_file_and_outputs_the_good(capsys, tmp_path):
    bad = write(tmp_path, "bad.txt", b"")
    good = write(tmp_path, "good.txt", GOOD)
    code, out, err = run(capsys, "analyze", str(bad), str(good))
    assert code == 2
    assert str(bad) in err and "file is empty" in err
    assert out.startswith("good: 4 utterances")
    assert SECRET not in err


def test_a_multi_file_run_writes_only_the_good_reports(capsys, tmp_path):
    bad = write(tmp_path, "bad.vtt", "WEBVTT\n\n00:00:01.000 --> nonsense\nT: Hi.\n")
    good = write(tmp_path, "good.txt", GOOD)
    out_dir = tmp_path / "reports"
    out_dir.mkdir()
    code, _, err = run(capsys, "analyze", str(bad), str(good), "--format", "json",
                       "--out", str(out_dir))
    assert code == 2
    assert "bad.vtt, line 3" in err
    assert sorted(p.name for p in out_dir.iterdir()) == ["good.json"]
