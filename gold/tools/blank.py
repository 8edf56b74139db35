"""Blank copies of gold session sources, for a second coder to label independently.

A blank copy keeps what a coder needs to read the session (its id, speakers,
times setting and the utterance text) and drops everything that carries the
first coder's judgement: the style and notes headers, the episode stances and
every label after `` | ``. The second coder fills these in by the codebook,
``gold/tools/derive.py``'s rules validate the result, and
``alliance evaluate agreement`` scores the two codings against each other.

The sample is drawn at random, a fixed number of sessions per split, with a
fixed seed, so the choice of sessions is not the coordinator's. Session ids
carry the first coder's summary ("...-two-returns", "...-control"), so the
blank copies are renamed ``blind-01``, ``blind-02``, ... and a key file, kept
away from the coder, maps them back once the coding is done.

Usage::

    python gold/tools/blank.py draw OUT_DIR KEY.tsv --splits test17 test18 --per-split 2 --seed 6
    python gold/tools/blank.py restore CODED_DIR KEY.tsv gold/tools/second
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

SOURCES = Path(__file__).resolve().parent / "sessions"
#: Header keys a second coder sees; the rest hold the first coder's judgement.
KEPT_HEADERS = ("id", "speakers", "times")


def blank(text: str, new_id: str) -> str:
    """The source ``text`` renamed ``new_id``, with its judgements removed (header and labels)."""
    head, sep, body = text.partition("\n---\n")
    if not sep:
        raise ValueError("no '---' line between header and utterances")
    kept = [line for line in head.splitlines()
            if line.partition(":")[0].strip() in KEPT_HEADERS and not line.startswith("id:")]
    header = [f"id: {new_id}"] + kept + ["style: ", "notes: ", "stances: "]
    lines = []
    for line in body.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, _, rest = line.partition(":")
        utterance, bar, _labels = rest.rpartition(" | ")
        lines.append(f"{key}:{utterance if bar else rest}")
    return "\n".join(header) + "\n---\n" + "\n".join(lines) + "\n"


def sample(splits: list[str], per_split: int, seed: int) -> list[Path]:
    """``per_split`` source files drawn at random from each split, in split order."""
    rng = random.Random(seed)
    chosen = []
    for split in splits:
        paths = sorted((SOURCES / split).glob("*.txt"))
        if len(paths) < per_split:
            raise ValueError(f"split {split!r} has {len(paths)} sources, fewer than {per_split}")
        chosen.extend(sorted(rng.sample(paths, per_split)))
    return chosen


def restore(text: str, original_id: str) -> str:
    """A coded blank copy given back its original session id."""
    lines = text.splitlines()
    for n, line in enumerate(lines):
        if line.startswith("id:"):
            lines[n] = f"id: {original_id}"
            return "\n".join(lines) + "\n"
    raise ValueError("no 'id:' header line")


def main(argv: list[str] | None = None) -> int:
    """Draw blank copies into a folder, or give coded copies back their ids."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    draw = sub.add_parser("draw", help="write blank copies of a random sample of sources")
    draw.add_argument("out", type=Path, help="folder for the blank copies (given to the coder)")
    draw.add_argument("key", type=Path, help="file mapping blank ids to sessions (kept from the coder)")
    draw.add_argument("--splits", nargs="+", required=True, help="splits to sample from")
    draw.add_argument("--per-split", type=int, default=2, help="sessions drawn per split (default 2)")
    draw.add_argument("--seed", type=int, default=0, help="random seed of the draw (default 0)")
    back = sub.add_parser("restore", help="copy coded blanks under their original ids")
    back.add_argument("coded", type=Path, help="folder of coded blank copies")
    back.add_argument("key", type=Path, help="the key file written by draw")
    back.add_argument("dest", type=Path, help="folder for the restored sources")
    args = parser.parse_args(argv)
    try:
        if args.command == "draw":
            paths = sample(args.splits, args.per_split, args.seed)
            # Shuffle so that blind-01, blind-02, ... do not follow the splits' order.
            random.Random(args.seed).shuffle(paths)
            args.out.mkdir(parents=True, exist_ok=True)
            rows = []
            for n, path in enumerate(paths, 1):
                new_id = f"blind-{n:02d}"
                (args.out / f"{new_id}.txt").write_text(
                    blank(path.read_text(encoding="utf-8"), new_id), encoding="utf-8")
                rows.append(f"{new_id}\t{path.stem}")
            args.key.write_text("\n".join(rows) + "\n", encoding="utf-8")
            print(f"{len(rows)} blank copies in {args.out}; key in {args.key}")
        else:
            key = dict(line.split("\t") for line in args.key.read_text(encoding="utf-8").splitlines() if line)
            args.dest.mkdir(parents=True, exist_ok=True)
            for path in sorted(args.coded.glob("*.txt")):
                original = key[path.stem]
                (args.dest / f"{original}.txt").write_text(
                    restore(path.read_text(encoding="utf-8"), original), encoding="utf-8")
            print(f"restored into {args.dest}")
    except (ValueError, KeyError, OSError) as exc:
        print(f"error: {exc.__class__.__name__}: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
