"""Transcript readers: one conversation in every format reads the same; each format's quirks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from alliance.errors import UnknownFormatError
from alliance.formats import FORMATS, detect_format, read_sessions
from alliance.model import Role

DATA = Path(__file__).parent / "data" / "formats"
ANNOMI = Path("/work/shared/data/annomi")

THERAPIST, PATIENT = Role.THERAPIST, Role.PATIENT

# The synthetic conversation of tests/data/formats/, as every reader must see it.
EXPECTED = [
    ("Dr. Alvarez", 0.0, 4.5, "Welcome back. How have the last two weeks been?"),
    ("Sam", 5.0, 12.0, "Mixed, honestly. The new job is fine, but I keep waking up at four."),
    ("Dr. Alvarez", 12.5, 16.0, "Waking at four. What goes through your mind then?"),
    ("Sam", 16.5, 25.25, "Mostly lists: things I forgot to do, people I should call back."),
    ("Dr. Alvarez", 26.0, 31.5, "So the nights fill up with everything the days did not finish."),
    ("Sam", 32.0, 38.0, "Yes. Then I'm tired, and the lists get longer. Honestly: it never ends."),
    ("Dr. Alvarez", 38.5, 44.0,
     "I noticed you looked at the clock when you sat down. Is coming here another item on the list?"),
    ("Sam", 45.0, 52.5, "Maybe a little. I'm sorry, that sounds rude."),
]


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def read_one(path: Path, **kw):
    sessions = read_sessions(path, **kw)
    assert len(sessions) == 1
    return sessions[0]


def turns(session):
    """(speaker, text) per utterance."""
    return [(u.speaker, u.text) for u in session.utterances]


def projection(session):
    """What every format must agree on: speakers with roles, and who said what."""
    return (
        [(s.id, s.name, s.role) for s in session.speakers],
        turns(session),
    )


def make_docx(path: Path, paragraphs: list[str]) -> Path:
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    d.save(str(path))
    return path


# -- one conversation, every format ---------------------------------------------


CROSS_FORMAT = [
    "session.txt", "session-zoom.vtt", "session-teams.vtt", "session.srt", "session-list.json",
    "session-segments.json", "session.jsonl", "session.csv", "session.tsv",
]


@pytest.fixture(scope="module")
def docx_copy(tmp_path_factory) -> Path:
    """The text transcript as a Word document, one paragraph per line."""
    lines = (DATA / "session.txt").read_text(encoding="utf-8").split("\n")
    return make_docx(tmp_path_factory.mktemp("docx") / "session.docx", lines)


@pytest.mark.parametrize("name", CROSS_FORMAT + ["docx"])
def test_every_format_reads_the_same_conversation(name, docx_copy):
    path = docx_copy if name == "docx" else DATA / name
    s = read_one(path)
    assert projection(s) == (
        [("Dr. Alvarez", "Dr. Alvarez", THERAPIST), ("Sam", "Sam", PATIENT)],
        [(who, text) for who, _, _, text in EXPECTED],
    )
    starts = [u.start_s for u in s.utterances]
    ends = [u.end_s for u in s.utterances]
    if name in ("session.txt", "docx"):  # text transcripts carry start times only
        assert starts == [start for _, start, _, _ in EXPECTED]
        assert ends == [None] * len(EXPECTED)
    else:
        assert starts == [start for _, start, _, _ in EXPECTED]
        assert ends == [end for _, _, end, _ in EXPECTED]
    assert all(u.line is not None and u.line >= 1 for u in s.utterances)


def test_session_id_is_the_file_stem_and_source_the_path():
    s = read_one(DATA / "session-zoom.vtt")
    assert s.id == "session-zoom"
    assert s.source == str(DATA / "session-zoom.vtt")


def test_lines_point_at_the_start_of_each_turn():
    s = read_one(DATA / "session.txt")
    lines = (DATA / "session.txt").read_text().split("\n")
    for u in s.utterances:
        assert lines[u.line - 1].split("] ", 1)[1].startswith(u.speaker + ":")


def test_format_is_chosen_from_content_without_an_extension(tmp_path):
    for name in CROSS_FORMAT:
        copy = tmp_path / (Path(name).stem + "-noext")
        copy.write_bytes((DATA / name).read_bytes())
        fmt = detect_format(copy)
        assert fmt in FORMATS
        assert turns(read_one(copy)) == turns(read_one(DATA / name)), name


def test_a_forced_format_wins_over_the_extension(tmp_path):
    p = tmp_path / "captions.dat"
    p.write_bytes((DATA / "session.srt").read_bytes())
    assert turns(read_one(p, format="srt")) == [(w, t) for w, _, _, t in EXPECTED]


def test_a_txt_file_holding_captions_is_read_as_captions(tmp_path):
    p = tmp_path / "export.txt"
    p.write_bytes((DATA / "session-zoom.vtt").read_bytes())
    assert read_one(p).utterances[0].end_s == 4.5


def test_an_unknown_forced_format_is_refused():
    with pytest.raises(UnknownFormatError, match="unknown format 'pdf'"):
        read_sessions(DATA / "session.txt", format="pdf")


# -- plain text -----------------------------------------------------------------


def test_short_role_prefixes(tmp_path):
    p = write(tmp_path, "s.txt", "T: How are you?\nP: Fine.\nT: Fine?\nP: Mostly.\n")
    s = read_one(p)
    assert [sp.role for sp in s.speakers] == [THERAPIST, PATIENT]
    assert turns(s)[1] == ("P", "Fine.")


def test_therapist_client_prefixes_and_continuation_lines(tmp_path):
    p = write(tmp_path, "s.txt",
              "Therapist: Where shall we start?\n\nClient: With the dream.\nIt was long.\n")
    s = read_one(p)
    assert turns(s) == [("Therapist", "Where shall we start?"),
                        ("Client", "With the dream. It was long.")]


def test_colons_in_speech_are_not_speakers(tmp_path):
    p = write(tmp_path, "s.txt", (
        "Dr. Lee: What happened?\n"
        "Ana: My boss said one thing.\n"
        "Note: he never says that.\n"
        "And I told him: no.\n"
        "Dr. Lee: That took courage.\n"
        "Ana: Maybe.\n"
    ))
    s = read_one(p)
    assert [sp.id for sp in s.speakers] == ["Dr. Lee", "Ana"]
    assert turns(s)[1] == ("Ana", "My boss said one thing. Note: he never says that. "
                                  "And I told him: no.")


def test_a_recurring_heading_word_is_still_not_a_speaker(tmp_path):
    p = write(tmp_path, "s.txt",
              "T: Hello.\nNote: late start.\nP: Hi.\nNote: phone rang.\nT: Go on.\nP: Well.\n")
    assert [sp.id for sp in read_one(p).speakers] == ["T", "P"]


def test_a_name_used_once_needs_an_override_to_count(tmp_path):
    text = "Mia: Hello.\nJo: Hi there.\nMia: How are you?\nJo: Fine.\nGrandma: Hello both.\n"
    p = write(tmp_path, "s.txt", text)
    assert [sp.id for sp in read_one(p).speakers] == ["Mia", "Jo"]
    s = read_one(p, roles={"Grandma": Role.OTHER})
    assert [(sp.id, sp.role) for sp in s.speakers][-1] == ("Grandma", Role.OTHER)


@pytest.mark.parametrize("line, start", [
    ("[00:12:03] T: Hello.", 723.0),
    ("00:12:03 T: Hello.", 723.0),
    ("12:03 T: Hello.", 723.0),
    ("T: [00:12:03] Hello.", 723.0),
    ("T: 00:12:03 Hello.", 723.0),
    ("T (00:12:03): Hello.", 723.0),
    ("[1:02:03.5] T: Hello.", 3723.5),
])
def test_timestamps_before_or_after_the_prefix(tmp_path, line, start):
    p = write(tmp_path, "s.txt", line + "\nP: Hi.\n")
    s = read_one(p)
    assert turns(s)[0] == ("T", "Hello.")
    assert s.utterances[0].start_s == start


def test_a_clock_time_in_speech_is_not_a_timestamp(tmp_path):
    s = read_one(write(tmp_path, "s.txt", "T: 10:30 works for me?\nP: Yes.\n"))
    assert turns(s)[0] == ("T", "10:30 works for me?")
    assert s.utterances[0].start_s is None


def test_rev_style_with_text_on_the_next_line(tmp_path):
    p = write(tmp_path, "s.txt", (
        "Speaker 1 (00:00:00):\nHow are things?\n\n"
        "Speaker 2 (00:00:04):\nOkay I guess.\n"
    ))
    s = read_one(p)
    assert turns(s) == [("Speaker 1", "How are things?"), ("Speaker 2", "Okay I guess.")]
    assert [u.start_s for u in s.utterances] == [0.0, 4.0]


def test_otter_style_headers(tmp_path):
    p = write(tmp_path, "s.txt", (
        "Jane Doe  0:03\nWhat brings you here today?\n\n"
        "Speaker 2  0:09\nMy sister made me come.\nShe worries.\n\n"
        "Jane Doe  1:15\nWhat does she worry about?\n"
    ))
    s = read_one(p)
    assert turns(s) == [("Jane Doe", "What brings you here today?"),
                        ("Speaker 2", "My sister made me come. She worries."),
                        ("Jane Doe", "What does she worry about?")]
    assert [u.start_s for u in s.utterances] == [3.0, 9.0, 75.0]
    assert s.speaker("Jane Doe").role is THERAPIST


def test_a_line_holding_only_a_time_starts_the_next_turn(tmp_path):
    s = read_one(write(tmp_path, "s.txt", "[00:00:07]\nT: Hello.\n00:00:09\nP: Hi.\n"))
    assert [u.start_s for u in s.utterances] == [7.0, 9.0]


def test_lower_case_asr_text_reads(tmp_path):
    p = write(tmp_path, "s.txt", (
        "speaker 1: so how was the week\n"
        "speaker 2: it was okay i guess work was a lot\n"
        "speaker 1: what made it a lot\n"
        "speaker 2: my manager keeps adding things\n"
    ))
    s = read_one(p)
    assert len(s.utterances) == 4
    assert s.speaker("speaker 1").role is THERAPIST


def test_consecutive_lines_of_one_speaker_merge(tmp_path):
    s = read_one(write(tmp_path, "s.txt", "T: One.\nT: Two.\nP: Three.\n"))
    assert turns(s) == [("T", "One. Two."), ("P", "Three.")]


def test_preamble_lines_are_skipped_with_a_note(tmp_path):
    s = read_one(write(tmp_path, "s.txt", "Session 4\nRecorded in the clinic\nT: Hi.\nP: Hi.\n"))
    assert len(s.utterances) == 2
    assert any("2 line(s) before the first speaker" in n for n in s.meta["notes"])


# -- captions -------------------------------------------------------------------


def test_vtt_cue_ids_are_optional_and_blocks_are_skipped(tmp_path):
    p = write(tmp_path, "s.vtt", (
        "WEBVTT - exported\nKind: captions\n\n"
        "STYLE\n::cue { color: red }\n\n"
        "NOTE a comment\nspanning lines\n\n"
        "00:01.000 --> 00:02.000 align:start\nT: Hello.\n\n"
        "intro-2\n00:02.500 --> 00:04.000\nP: Hi &amp; welcome.\n"
    ))
    s = read_one(p)
    assert turns(s) == [("T", "Hello."), ("P", "Hi & welcome.")]
    assert (s.utterances[0].start_s, s.utterances[0].end_s) == (1.0, 2.0)


def test_zoom_names_may_carry_pronouns(tmp_path):
    p = write(tmp_path, "s.vtt", (
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nJane Doe (she/her): How are you?\n\n"
        "2\n00:00:02.000 --> 00:00:03.000\nLee: Fine.\n\n"
        "3\n00:00:03.000 --> 00:00:04.000\nJane Doe (she/her): Fine?\n\n"
        "4\n00:00:04.000 --> 00:00:05.000\nLee: Yes.\n"
    ))
    s = read_one(p)
    assert [sp.id for sp in s.speakers] == ["Jane Doe (she/her)", "Lee"]
    assert s.speaker("Jane Doe (she/her)").role is THERAPIST


def test_teams_voice_tags_several_in_one_cue(tmp_path):
    p = write(tmp_path, "s.vtt", (
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n"
        "<v.loud Dr. Kim>How are you?</v>\n<v Lee>Tired.</v>\n"
    ))
    assert turns(read_one(p)) == [("Dr. Kim", "How are you?"), ("Lee", "Tired.")]


def test_a_cue_without_a_speaker_continues_the_previous_one(tmp_path):
    p = write(tmp_path, "s.vtt", (
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nT: Hello\n\n"
        "00:00:02.000 --> 00:00:03.000\nthere.\n\n"
        "00:00:03.000 --> 00:00:05.000\nP: Hi.\n"
    ))
    s = read_one(p)
    assert turns(s) == [("T", "Hello there."), ("P", "Hi.")]
    assert (s.utterances[0].start_s, s.utterances[0].end_s) == (1.0, 3.0)


def test_srt_reads_commas_and_tolerates_crlf(tmp_path):
    p = tmp_path / "s.srt"
    p.write_bytes(b"1\r\n00:00:01,000 --> 00:00:02,500\r\nT: Hi.\r\n\r\n"
                  b"2\r\n00:00:03,000 --> 00:00:04,000\r\nP: Hello.\r\n")
    s = read_one(p)
    assert turns(s) == [("T", "Hi."), ("P", "Hello.")]
    assert s.utterances[0].end_s == 2.5


def test_the_fast_cue_path_agrees_with_the_careful_one():
    from alliance.formats.vtt import _careful_cues, _fast_cues

    srt = (DATA / "session.srt").read_text()
    vtt = (DATA / "session-zoom.vtt").read_text().replace(
        "NOTE\nSynthetic session written for the alliance tests.\n\n", "")
    vtt = vtt.replace("00:00:12.500 --> 00:00:16.000", "00:12.500 --> 00:16.000 align:start")
    for text, kind, first in ((srt, "srt", 0), (vtt, "vtt", len("WEBVTT\n"))):
        fast = _fast_cues(text, first)
        assert fast is not None
        assert fast == _careful_cues(text, first, path="x", kind=kind)
    noted = (DATA / "session-zoom.vtt").read_text()
    assert _fast_cues(noted, len("WEBVTT\n")) is None  # NOTE blocks take the careful path


# -- JSON -----------------------------------------------------------------------


def test_json_segments_merge_and_carry_lines():
    s = read_one(DATA / "session-list.json")
    assert s.utterances[1].line == 3  # the first of Sam's two segments


def test_json_speakers_may_be_numbers_and_times_strings(tmp_path):
    p = write(tmp_path, "s.json", json.dumps({"segments": [
        {"speaker": 0, "start": "00:00:01", "end": "00:00:02", "text": "How are you?"},
        {"speaker": 1, "start": 2, "end": 3, "text": "fine"},
        {"start": 3, "end": 4, "text": "thanks"},
    ]}))
    s = read_one(p)
    assert turns(s) == [("0", "How are you?"), ("1", "fine thanks")]
    assert s.utterances[1].end_s == 4.0


# -- tables ---------------------------------------------------------------------


def test_csv_with_several_sessions_and_unmerged_rows(tmp_path):
    p = write(tmp_path, "corpus.csv", (
        "session,speaker,text\n"
        "a,therapist,How are you?\na,client,Fine.\na,client,Really.\n"
        "b,therapist,Welcome.\nb,client,Thanks.\n"
    ))
    a, b = read_sessions(p)
    assert (a.id, b.id) == ("corpus-a", "corpus-b")
    assert turns(a) == [("therapist", "How are you?"), ("client", "Fine."), ("client", "Really.")]
    assert [u.line for u in a.utterances] == [2, 3, 4]
    assert a.meta["transcript_id"] == "a"


def test_csv_line_numbers_count_multiline_fields(tmp_path):
    p = write(tmp_path, "s.csv", 'speaker,text\nT,"two\nlines"\nP,one\n')
    s = read_one(p)
    assert [u.line for u in s.utterances] == [2, 4]
    assert s.utterances[0].text == "two lines"


@pytest.mark.skipif(not (ANNOMI / "AnnoMI-simple.csv").exists(), reason="AnnoMI not available")
def test_annomi_simple_reads_directly():
    sessions = read_sessions(ANNOMI / "AnnoMI-simple.csv")
    assert len(sessions) == 100
    s = sessions[0]
    assert s.id == "AnnoMI-simple-0"
    assert {sp.id: sp.role for sp in s.speakers} == {"therapist": THERAPIST, "client": PATIENT}
    assert s.utterances[0].start_s == 13.0


@pytest.mark.skipif(not (ANNOMI / "AnnoMI-full.csv").exists(), reason="AnnoMI not available")
def test_annomi_full_keeps_the_first_annotator():
    full = {s.meta["transcript_id"]: len(s.utterances)
            for s in read_sessions(ANNOMI / "AnnoMI-full.csv")}
    simple = {s.meta["transcript_id"]: len(s.utterances)
              for s in read_sessions(ANNOMI / "AnnoMI-simple.csv")}
    assert full == simple


# -- Word -----------------------------------------------------------------------


def test_docx_lines_are_paragraph_numbers(tmp_path):
    p = make_docx(tmp_path / "s.docx", ["Intake, page 1", "T: Hello.", "P: Hi.", "More.", "T: So."])
    s = read_one(p)
    assert turns(s) == [("T", "Hello."), ("P", "Hi. More."), ("T", "So.")]
    assert [u.line for u in s.utterances] == [2, 3, 5]


def test_docx_speaker_tables(tmp_path):
    import docx

    d = docx.Document()
    table = d.add_table(rows=0, cols=2)
    for who, text in [("Therapist", "How was it?"), ("Client", "Hard.")]:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = who, text
    d.save(str(tmp_path / "t.docx"))
    assert turns(read_one(tmp_path / "t.docx")) == [("Therapist", "How was it?"), ("Client", "Hard.")]


def test_pathological_lines_read_in_linear_time(tmp_path):
    import time

    evil = "\n".join([
        "T: Hi.", "P: Hi.",
        "a " * 50_000 + ":",            # a very long almost-prefix
        "[" * 50_000,                    # unclosed brackets
        "Aa." * 20_000 + ": x",          # a name-like run without spaces
        "0:" * 50_000,                   # colons and digits
    ]) + "\n"
    p = write(tmp_path, "evil.txt", evil)
    t = time.perf_counter()
    s = read_one(p)
    assert time.perf_counter() - t < 1.0
    assert [sp.id for sp in s.speakers] == ["T", "P"]
