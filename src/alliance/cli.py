"""The ``alliance`` command: a thin shell over the library.

Each subcommand parses its arguments, calls one library function and renders
the result. Domain errors (:class:`alliance.errors.AllianceError`) become a
one-line message on standard error and exit code 2 here, and only here.
Messages name files, lines and utterance indices, never transcript text.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from alliance._io import write_atomic
from alliance.errors import AllianceError
from alliance.model import Role

__all__ = ["main", "build_parser"]

EXIT_OK = 0
EXIT_INPUT = 2

DESCRIPTION = """\
alliance makes the therapeutic relationship visible in session transcripts:
who talks and whose life is the topic, the therapist's moves, talk about the
relationship itself, ruptures and their repair. Everything runs locally and
offline; transcripts never leave this machine.
"""

EPILOG = """\
examples:
  alliance analyze session.vtt                      short summary on the terminal
  alliance analyze session.vtt --format json | jq .metrics
  alliance analyze session.txt --format html --out report.html
  alliance analyze call.vtt --therapist "Dr. Alvarez" --role "Sam=patient"
  alliance report s1.vtt s2.vtt s3.vtt --out reports/
  alliance evaluate annomi AnnoMI-simple.csv
  alliance evaluate gold tests/gold/
  alliance evaluate agreement gold/second gold/test17 gold/test18

formats: .txt .vtt .srt .json .jsonl .csv .tsv .docx (chosen by extension or content)
"""


def _err(message: str) -> None:
    print(f"alliance: error: {message}", file=sys.stderr)


def _info(message: str) -> None:
    print(message, file=sys.stderr)


def _parse_role(text: str) -> tuple[str, Role]:
    name, sep, role = text.rpartition("=")
    if not sep or not name:
        # The value is not echoed: a speaker label is often a real name.
        raise argparse.ArgumentTypeError('expected "<speaker label>=<role>", e.g. --role "<speaker label>=patient"')
    try:
        return name.strip(), Role(role.strip().lower())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"role must be one of therapist, patient, other (got {role!r})"
        ) from None


def _add_read_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("reading transcripts")
    g.add_argument("--input-format", metavar="FMT", default=None,
                   help="force the transcript format (txt, vtt, srt, json, jsonl, csv, tsv, docx) "
                        "instead of guessing from extension and content")
    g.add_argument("--therapist", metavar="NAME", action="append", default=[],
                   help="the speaker NAME is the therapist (repeatable)")
    g.add_argument("--role", metavar="NAME=ROLE", action="append", default=[], type=_parse_role,
                   help="set a speaker's role: therapist, patient or other (repeatable)")
    g.add_argument("--workers", metavar="N", type=int, default=1,
                   help="analyse files in N processes (default 1; results do not depend on N)")


def _read_options(args: argparse.Namespace):
    from alliance.analysis import ReadOptions

    return ReadOptions(format=args.input_format, therapists=tuple(args.therapist),
                       roles=dict(args.role))


def _progress(items: Iterable[Any], label: str, total: int):
    """Iterate with a progress bar on an interactive terminal when there is more than one item."""
    if total > 1 and sys.stderr.isatty():
        try:
            from tqdm import tqdm

            return tqdm(items, desc=label, unit="file", total=total, file=sys.stderr)
        except ImportError:  # tqdm is optional
            pass
    return items


def _analyze_files(args: argparse.Namespace) -> tuple[list[Any], int]:
    """Analyse every file; report bad ones and carry on. Returns analyses and the exit code."""
    from alliance.batch import analyze_paths

    analyses: list[Any] = []
    code = EXIT_OK
    results = analyze_paths(args.files, _read_options(args), workers=args.workers)
    for result in _progress(results, "analysing", total=len(args.files)):
        if result.ok:
            analyses.extend(result.analyses)
        else:
            _err(result.error)
            code = EXIT_INPUT
    return analyses, code


def _render(analysis: Any, fmt: str) -> str:
    if fmt == "json":
        from alliance.report import analysis_document

        return json.dumps(analysis_document(analysis), indent=2, ensure_ascii=False) + "\n"
    if fmt == "md":
        from alliance.report.markdown import render_markdown

        return render_markdown(analysis)
    if fmt == "html":
        from alliance.report.html import render_html

        return render_html(analysis)
    from alliance.report.summary import render_summary

    return render_summary(analysis)


def cmd_analyze(args: argparse.Namespace) -> int:
    """``alliance analyze``: one analysis per session, rendered as asked."""
    fmt = args.format or "summary"
    if fmt == "html" and not args.out and sys.stdout.isatty():
        # Refuse before analysing: the answer does not depend on the files.
        _err("HTML goes to a file: add --out report.html")
        return EXIT_INPUT
    analyses, code = _analyze_files(args)
    if not analyses:
        return code or EXIT_INPUT
    ext = {"json": "json", "md": "md", "html": "html", "summary": "txt"}[fmt]
    if args.out:
        out = Path(args.out)
        if len(analyses) == 1 and not out.is_dir():
            write_atomic(out, _render(analyses[0], fmt))
            _info(f"wrote {out}")
        else:
            out.mkdir(parents=True, exist_ok=True)
            for a in analyses:
                target = out / f"{a.session.id}.{ext}"
                write_atomic(target, _render(a, fmt))
                _info(f"wrote {target}")
        return code
    if fmt == "json" and len(analyses) > 1:
        # Several documents on standard output: one per line (JSON Lines), for jq -c.
        from alliance.report import analysis_document

        for a in analyses:
            sys.stdout.write(json.dumps(analysis_document(a), ensure_ascii=False) + "\n")
        return code
    for a in analyses:
        sys.stdout.write(_render(a, fmt))
    return code


def cmd_report(args: argparse.Namespace) -> int:
    """``alliance report``: one HTML page per session plus an index page."""
    from alliance.report.html import write_reports

    analyses, code = _analyze_files(args)
    if not analyses:
        return code or EXIT_INPUT
    written = write_reports(analyses, Path(args.out))
    for p in written:
        _info(f"wrote {p}")
    return code


def cmd_evaluate_annomi(args: argparse.Namespace) -> int:
    """``alliance evaluate annomi``: score the shipped models on an AnnoMI CSV."""
    from alliance.evaluate.annomi import evaluate_annomi

    result = evaluate_annomi(Path(args.csv))
    sys.stdout.write(json.dumps(result, indent=2) + "\n")
    return EXIT_OK


def cmd_evaluate_gold(args: argparse.Namespace) -> int:
    """``alliance evaluate gold``: score the pipeline against a hand-labelled folder."""
    from alliance.evaluate.gold import evaluate_gold

    result = evaluate_gold([Path(d) for d in args.dirs], resamples=args.resamples)
    sys.stdout.write(json.dumps(result, indent=2) + "\n")
    return EXIT_OK


def cmd_evaluate_agreement(args: argparse.Namespace) -> int:
    """``alliance evaluate agreement``: score a second coder's labels against the first's."""
    from alliance.evaluate.gold import evaluate_agreement

    result = evaluate_agreement(Path(args.second), [Path(d) for d in args.first], resamples=args.resamples)
    sys.stdout.write(json.dumps(result, indent=2) + "\n")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``alliance`` command."""
    from alliance import __version__

    parser = argparse.ArgumentParser(
        prog="alliance", description=DESCRIPTION, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"alliance {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "analyze", help="analyse transcripts: summary, JSON, Markdown or HTML",
        description="Analyse one or more transcripts. By default prints a short summary; "
                    "--format json writes the analysis document (to standard output unless "
                    "--out is given, so it pipes into jq). A bad file is reported and skipped; "
                    "the exit code is then 2.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="transcript files")
    p.add_argument("--format", choices=["json", "md", "html"], default=None,
                   help="output format (default: a short summary on the terminal)")
    p.add_argument("--out", metavar="PATH",
                   help="write here instead of standard output (a directory when several sessions)")
    _add_read_options(p)
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser(
        "report", help="write HTML reports for sessions, with an index of trends",
        description="Write one self-contained HTML report per session and an index page "
                    "with trends across the sessions. Works offline and from file://.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="transcript files, in session order")
    p.add_argument("--out", metavar="DIR", required=True, help="folder for the reports")
    _add_read_options(p)
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("evaluate", help="measure accuracy against expert or gold labels",
                       description="Measure the shipped annotators against labelled data.")
    esub = p.add_subparsers(dest="target", metavar="TARGET", required=True)
    e = esub.add_parser("annomi", help="score the shipped move and client-talk models on an AnnoMI CSV",
                        description="Score the shipped models (no training) on every session of an "
                                    "AnnoMI-format CSV (AnnoMI-simple.csv or AnnoMI-full.csv; "
                                    "multiply-coded sessions are de-duplicated). Prints JSON.")
    e.add_argument("csv", metavar="PATH.csv")
    e.set_defaults(func=cmd_evaluate_annomi)
    e = esub.add_parser("gold", help="score the pipeline against a folder of hand-labelled sessions",
                        description="Score episodes, ruptures, flags, relationship talk, initiator, "
                                    "stance, returns and the one-way index against one or more "
                                    "folders of gold analysis documents (several folders are "
                                    "pooled into one set). Prints JSON, with session-bootstrap "
                                    "95% intervals for the headline figures.")
    e.add_argument("dirs", nargs="+", metavar="DIR", help="folders of gold *.json documents")
    e.add_argument("--resamples", type=int, default=1000, metavar="N",
                   help="session-bootstrap resamples for the intervals (0: none; default 1000)")
    e.set_defaults(func=cmd_evaluate_gold)
    e = esub.add_parser("agreement", help="score a second coder's labels against the first coder's",
                        description="Inter-rater agreement: score a folder of sessions coded a second "
                                    "time, independently (from blank copies), against their first "
                                    "coding in the FIRST folders, by the same rules as 'evaluate "
                                    "gold'. The first coding plays gold; F1 and accuracies do not "
                                    "depend on which coder does. Prints JSON.")
    e.add_argument("second", metavar="SECOND", help="folder of second-coded gold *.json documents")
    e.add_argument("first", nargs="+", metavar="FIRST", help="folders holding the first codings")
    e.add_argument("--resamples", type=int, default=1000, metavar="N",
                   help="session-bootstrap resamples for the intervals (0: none; default 1000)")
    e.set_defaults(func=cmd_evaluate_agreement)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``alliance`` command; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_OK
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except AllianceError as e:
        _err(str(e))
        return EXIT_INPUT
    except BrokenPipeError:  # e.g. piped into head
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
