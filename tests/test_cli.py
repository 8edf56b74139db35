"""The command line: a thin shell that parses, calls the library, and renders."""

from __future__ import annotations

import json

import pytest

from alliance.cli import main
from alliance.report.analysis_json import CONTRACT_METRICS

TRANSCRIPT = """\
Therapist: Hello, good to see you. How has the week been?
Client: Hard. I argued with my sister again.
Therapist: What happened with her?
Client: She says I never call. I do call, just not every day.
Therapist: So you feel blamed for something you are actually doing.
Client: Yes, exactly.
"""


@pytest.fixture
def transcript(tmp_path):
    p = tmp_path / "week.txt"
    p.write_text(TRANSCRIPT, encoding="utf-8")
    return p


def test_help_explains_every_subcommand(capsys):
    with pytest.raises(SystemExit) as e:
        main(["--help"])
    assert e.value.code == 0
    out = capsys.readouterr().out
    for word in ("analyze", "report", "evaluate", "examples"):
        assert word in out


def test_default_output_is_a_short_summary(transcript, capsys):
    assert main(["analyze", str(transcript)]) == 0
    out = capsys.readouterr().out
    assert "week: 6 utterances" in out and "talk (words)" in out


def test_json_goes_alone_to_stdout_and_follows_the_contract(transcript, capsys):
    assert main(["analyze", str(transcript), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["schema"] == "alliance.session/1"
    assert set(doc) >= {"session", "speakers", "utterances", "episodes", "ruptures", "metrics"}
    assert set(doc["metrics"]) >= set(CONTRACT_METRICS)
    u = doc["utterances"][0]
    assert set(u) >= {"index", "speaker", "role", "text", "start_s", "end_s", "move", "question",
                      "reflection", "flags", "client_talk", "relationship", "rupture", "focus"}
    roles = {s["name"]: s["role"] for s in doc["speakers"]}
    assert roles == {"Therapist": "therapist", "Client": "patient"}


def test_out_writes_the_file_and_messages_go_to_stderr(transcript, tmp_path, capsys):
    out = tmp_path / "a.json"
    assert main(["analyze", str(transcript), "--format", "json", "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "wrote" in captured.err
    assert json.loads(out.read_text())["session"]["id"] == "week"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_role_override_wins(transcript, capsys):
    assert main(["analyze", str(transcript), "--format", "json", "--role", "Client=other"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert {s["name"]: s["role"] for s in doc["speakers"]}["Client"] == "other"


def test_bad_role_value_is_a_usage_error(transcript, capsys):
    with pytest.raises(SystemExit) as e:
        main(["analyze", str(transcript), "--role", "Client=friend"])
    assert e.value.code == 2
    assert "therapist, patient, other" in capsys.readouterr().err


def test_a_role_without_a_role_is_a_usage_error_that_does_not_echo_the_label(transcript, capsys):
    with pytest.raises(SystemExit) as e:
        main(["analyze", str(transcript), "--role", "Anya Quistgaard"])
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert '"<speaker label>=<role>"' in err and "Quistgaard" not in err


def test_a_missing_file_is_reported_and_the_exit_code_is_two(tmp_path, capsys):
    assert main(["analyze", str(tmp_path / "nope.txt")]) == 2
    assert "nope.txt" in capsys.readouterr().err


def test_several_files_give_json_lines(transcript, tmp_path, capsys):
    other = tmp_path / "other.txt"
    other.write_text(TRANSCRIPT, encoding="utf-8")
    assert main(["analyze", str(transcript), str(other), "--format", "json"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert [json.loads(line)["session"]["id"] for line in lines] == ["week", "other"]


def test_written_files_get_ordinary_permissions(transcript, tmp_path):
    out = tmp_path / "a.json"
    assert main(["analyze", str(transcript), "--format", "json", "--out", str(out)]) == 0
    assert out.stat().st_mode & 0o044 == 0o044  # readable by group and others under umask 022


def test_html_to_a_terminal_is_refused_before_any_file_is_read(tmp_path, capsys, monkeypatch):
    import sys

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["analyze", str(tmp_path / "nope.txt"), "--format", "html"]) == 2
    err = capsys.readouterr().err
    assert "--out report.html" in err
    assert "nope.txt" not in err  # refused up front: the missing file was never opened
