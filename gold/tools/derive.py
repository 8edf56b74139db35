"""Build the gold analysis documents from hand-written session sources.

Each source file under ``gold/tools/sessions/<split>/`` holds one session in a
compact line format (see ``gold/README.md``): a header, ``---``, then one line per
utterance ``KEY: text | labels``. Per-utterance labels (relationship subtype,
rupture marker, flags, focus) and the episode stances are the hand judgements;
everything the codebook defines by rule (episodes from the gap rule, initiator,
``after_decline``, rupture family and repair index, metrics) is derived here so
the gold files are consistent with their own labels.

Usage::

    python gold/tools/derive.py            # rebuild gold/dev, gold/heldout, gold/test, gold/train2, gold/test2, gold/test3 and gold/test4
    python gold/tools/derive.py --counts   # print phenomenon counts per split
    python gold/tools/derive.py --readme   # also rewrite the counts table in gold/README.md
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["SourceError", "SourceSession", "parse_source", "derive", "build_all", "build_folder", "counts",
           "counts_table", "update_readme"]

GOLD = Path(__file__).resolve().parent.parent
SOURCES = GOLD / "tools" / "sessions"
#: Second codings of sessions from the splits (``gold/tools/blank.py``), derived into ``gold/second``.
SECOND_SOURCES = GOLD / "tools" / "second"
SPLITS = ("dev", "heldout", "test", "train2", "test2", "test3", "test4", "test5", "test6", "test7", "test8", "test9", "test10", "test11", "test12", "test13", "test14", "test15", "test16", "test17", "test18", "test19", "test20", "test21", "test22", "train3", "train4", "train5", "test23", "test24", "test25", "test26", "test27", "test28", "test29", "test30", "test31", "test32", "test33", "test34", "test35", "test36", "test37", "test38", "test39", "test40", "test41", "test42", "test43", "test44", "test45", "test46", "test47", "test48", "test49", "test50", "test51", "test52", "test53", "test54", "test55", "test56", "test57", "test58", "test59", "test60", "test61", "test62", "test63", "test64", "test65", "test66", "test67", "test68", "test69", "test70", "test71", "test72", "test73", "test74", "test75", "test76", "test77", "test78", "test79", "test80", "test81", "test82", "test83", "test84", "test85", "test86", "test87", "test88", "test89", "test90", "test91", "test92", "test93", "test94", "test95", "test96", "test97", "test98", "test99", "test100", "test101", "test102", "test103", "test104", "test105", "test106", "test107", "test108", "test109", "test110", "test111", "test112", "test113", "test114", "test115", "test116", "test117", "test118", "test119", "test120", "test121", "test122", "test123", "test124", "test125", "test126", "test127", "test128", "test129", "test130", "test131", "test132", "test133", "test134", "test135", "test136", "test137", "test138", "test139", "test140", "test141", "test142", "test143", "test144", "test145", "test146", "test147", "test148", "test149", "test150", "test151", "test152", "test153", "test154", "test155", "test156", "test157", "test158", "test159", "test160", "test161", "test162", "test163", "test164", "test165", "test166", "test167", "test168", "test169", "test170", "test171", "test172", "test173", "test174", "test175", "test176", "test177", "test178", "test179", "test180", "test181", "test182", "test183", "test184", "test185", "test186", "test187", "test188", "test189", "test190", "test191", "test192", "test193", "test194", "test195", "test196", "test197", "test198", "test199", "test200", "test201", "test202", "test203", "test204", "test205", "test206", "test207", "test208", "test209", "test210", "test211", "test212", "test213", "test214", "test215", "test216", "test217", "test218", "test219", "test220", "test221", "test222", "test223", "test224", "test225", "test226", "test227", "test228", "test229", "test230", "test231", "test232", "test233", "test234")

#: Short label tokens used in the sources, and the codebook labels they stand for.
FOCUS = {"pl": "patient_life", "tl": "therapist_life", "rel": "relationship",
         "log": "logistics", "soc": "social"}
RELATIONSHIP = {"hn": "here_and_now", "fat": "feelings_about_therapist", "ff": "frame_feelings",
                "tr": "transference_link", "im": "immediacy"}
FLAGS = {"+sd": "self_disclosure", "+conf": "confrontation", "+bd": "backs_down",
         "+rep": "repair", "+aff": "affirmation"}
MARKERS = {"den": "denial", "min": "minimal_response", "shift": "topic_shift",
           "defer": "deferential", "ct": "complaint_about_therapist",
           "cy": "complaint_about_therapy", "rej": "rejects_intervention"}
FAMILY = {"denial": "withdrawal", "minimal_response": "withdrawal", "topic_shift": "withdrawal",
          "deferential": "withdrawal", "complaint_about_therapist": "confrontation",
          "complaint_about_therapy": "confrontation", "rejects_intervention": "confrontation"}
STANCES = ("engaged", "declined", "mixed")

#: Episodes join relationship utterances separated by at most this many others.
EPISODE_GAP = 2
#: A repair counts when it comes within this many therapist turns of the rupture,
#: and the patient must re-engage within this many patient turns after it.
REPAIR_WINDOW = 3
#: Same window as ``alliance.metrics.relational.BACKS_DOWN_WINDOW``.
BACKS_DOWN_WINDOW = 3


class SourceError(ValueError):
    """A session source that cannot be parsed or breaks a codebook rule."""


@dataclass
class SourceSession:
    """One parsed source: header fields, speakers and labelled utterances."""

    path: Path
    header: dict[str, str]
    speakers: list[dict] = field(default_factory=list)
    utterances: list[dict] = field(default_factory=list)
    # Per rupture utterance index: whether the hand judgement says repaired.
    repaired: dict[int, bool] = field(default_factory=dict)


def _fail(path: Path, line: int, message: str) -> SourceError:
    return SourceError(f"{path.name}:{line}: {message}")


def parse_source(path: Path) -> SourceSession:
    """Parse one session source file."""
    text = path.read_text(encoding="utf-8")
    head, sep, body = text.partition("\n---\n")
    if not sep:
        raise _fail(path, 1, "no '---' line between header and utterances")
    header: dict[str, str] = {}
    for n, line in enumerate(head.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        key, colon, value = line.partition(":")
        if not colon:
            raise _fail(path, n, "header lines are 'key: value'")
        header[key.strip()] = (header.get(key.strip(), "") + " " + value.strip()).strip()
    for key in ("id", "style", "notes", "speakers", "stances"):
        if key not in header:
            raise _fail(path, 1, f"header lacks {key!r}")
    src = SourceSession(path, header)
    roles = {}
    for item in header["speakers"].split(";"):
        key, _, rest = item.strip().partition("=")
        name, _, role = rest.rpartition("/")
        if role not in ("therapist", "patient", "other"):
            raise _fail(path, 1, f"speaker {key!r} has no valid role")
        roles[key.strip()] = role
        src.speakers.append({"id": key.strip(), "name": name.strip() or None, "role": role})
    offset = head.count("\n") + 2
    for n, line in enumerate(body.splitlines(), offset + 1):
        if not line.strip() or line.startswith("#"):
            continue
        key, colon, rest = line.partition(":")
        if not colon or key.strip() not in roles:
            raise _fail(path, n, "utterance lines are 'KEY: text | labels' with a known KEY")
        utt_text, bar, labels = rest.rpartition(" | ")
        if not bar:
            utt_text, labels = rest, ""
        src.utterances.append(_utterance(src, n, key.strip(), roles[key.strip()],
                                         utt_text.strip(), labels.split()))
    return src


def _utterance(src: SourceSession, n: int, speaker: str, role: str, text: str,
               tokens: list[str]) -> dict:
    index = len(src.utterances)
    rel = focus = rupture = None
    flags: list[str] = []
    for tok in tokens:
        if tok in FOCUS:
            focus = FOCUS[tok]
        elif tok in RELATIONSHIP:
            rel = RELATIONSHIP[tok]
        elif tok in FLAGS:
            flags.append(FLAGS[tok])
        elif tok.startswith("!"):
            marker, _, done = tok[1:].partition("/")
            if marker not in MARKERS or done not in ("y", "n"):
                raise _fail(src.path, n, f"rupture token {tok!r} is '!marker/y' or '!marker/n'")
            rupture = MARKERS[marker]
            src.repaired[index] = done == "y"
        else:
            raise _fail(src.path, n, f"unknown label token {tok!r}")
    if flags and role != "therapist":
        raise _fail(src.path, n, "flags belong on therapist utterances")
    if rupture and role != "patient":
        raise _fail(src.path, n, "rupture markers belong on patient utterances")
    if focus is None:
        focus = "relationship" if rel else "patient_life"
    return {
        "index": index, "speaker": speaker, "role": role, "text": text,
        "start_s": None, "end_s": None, "move": None, "question": None, "reflection": None,
        "flags": flags, "client_talk": None, "relationship": rel, "rupture": rupture,
        "focus": focus,
    }


def episodes_from_labels(utts: list[dict]) -> list[tuple[int, int]]:
    """Runs of relationship talk, joined across gaps of at most ``EPISODE_GAP`` utterances."""
    runs: list[list[int]] = []
    for u in utts:
        if u["relationship"] is None:
            continue
        if runs and u["index"] - runs[-1][1] - 1 <= EPISODE_GAP:
            runs[-1][1] = u["index"]
        else:
            runs.append([u["index"], u["index"]])
    return [(a, b) for a, b in runs]


def _add_times(utts: list[dict]) -> float:
    """Plausible times: about 2.6 words a second, with a short pause between turns."""
    t = 0.0
    for u in utts:
        t += 0.6
        u["start_s"] = round(t, 1)
        t += 0.8 + len(u["text"].split()) / 2.6
        u["end_s"] = round(t, 1)
    return utts[-1]["end_s"]


def _repair_of(utts: list[dict], index: int) -> int | None:
    later = [u["index"] for u in utts[index + 1:] if u["role"] == "therapist"][:REPAIR_WINDOW]
    return next((i for i in later if "repair" in utts[i]["flags"]), None)


def _reengages(utts: list[dict], repair: int) -> bool:
    """Some patient turn among the next three after the repair carries no marker."""
    later = [u for u in utts[repair + 1:] if u["role"] == "patient"][:REPAIR_WINDOW]
    return any(u["rupture"] is None for u in later)


def derive(src: SourceSession) -> dict:
    """The analysis document for one parsed source."""
    utts = src.utterances
    path = src.path
    duration = _add_times(utts) if src.header.get("times", "none") == "auto" else None
    spans = episodes_from_labels(utts)
    stances = src.header["stances"].split()
    if len(stances) != len(spans) or any(s not in STANCES for s in stances):
        raise _fail(path, 1, f"{len(spans)} episodes {spans} need as many stances, got {stances}")
    episodes = []
    declined_seen = False
    for (first, last), stance in zip(spans, stances):
        initiator = utts[first]["role"]
        episodes.append({"first": first, "last": last, "initiator": initiator,
                         "patient_stance": stance,
                         "after_decline": initiator == "therapist" and declined_seen})
        declined_seen = declined_seen or stance == "declined"
        patient_rel = any(u["relationship"] and u["role"] == "patient"
                          for u in utts[first:last + 1])
        if stance != "declined" and not patient_rel:
            raise _fail(path, 1, f"episode {first}..{last} is {stance} without patient relationship talk")
    ruptures = []
    for u in utts:
        if u["rupture"] is None:
            continue
        repair = _repair_of(utts, u["index"])
        repaired = src.repaired[u["index"]]
        if repaired and (repair is None or not _reengages(utts, repair)):
            raise _fail(path, 1, f"rupture at {u['index']} marked repaired without repair + re-engagement")
        ruptures.append({"index": u["index"], "family": FAMILY[u["rupture"]],
                         "marker": u["rupture"], "repaired": repaired,
                         "repair_index": repair if repaired else None})
    return {
        "schema": "alliance.session/1",
        "session": {"id": src.header["id"], "source": "gold", "duration_s": duration},
        "speakers": src.speakers,
        "utterances": utts,
        "episodes": episodes,
        "ruptures": ruptures,
        "metrics": metrics(utts, episodes, ruptures),
        "gold": {"style": src.header["style"], "notes": src.header["notes"]},
    }


def _shares(weights: Counter) -> dict[str, float]:
    total = sum(weights.values())
    return {k: round(v / total, 4) for k, v in sorted(weights.items())} if total else {}


def metrics(utts: list[dict], episodes: list[dict], ruptures: list[dict]) -> dict:
    """The metrics the gold set scores, computed from the labels."""
    words = [len(u["text"].split()) for u in utts]
    total = sum(words)
    by_role_words: Counter = Counter()
    by_role_secs: Counter = Counter()
    turns: Counter = Counter()
    for u, w in zip(utts, words):
        by_role_words[u["role"]] += w
        turns[u["role"]] += 1
        if u["start_s"] is not None:
            by_role_secs[u["role"]] += u["end_s"] - u["start_s"]
    one_way = sum(w for u, w in zip(utts, words) if u["focus"] in ("patient_life", "relationship"))
    in_episodes = {i for e in episodes for i in range(e["first"], e["last"] + 1)}
    flagged = {f: [u["index"] for u in utts if f in u["flags"]]
               for f in ("self_disclosure", "confrontation", "backs_down")}
    therapist_turns = [u["index"] for u in utts if u["role"] == "therapist"]
    backed = [c for c in flagged["confrontation"]
              if any(i in flagged["backs_down"]
                     for i in [t for t in therapist_turns if t > c][:BACKS_DOWN_WINDOW])]
    return {
        "talk_share_words": _shares(by_role_words),
        "talk_share_seconds": _shares(by_role_secs) if by_role_secs else None,
        "turns": dict(sorted(turns.items())),
        "one_way_index": round(one_way / total, 4),
        "self_disclosures": len(flagged["self_disclosure"]),
        "reflection_to_question": None,
        "percent_complex_reflections": None,
        "percent_open_questions": None,
        "relationship_share": round(sum(words[i] for i in in_episodes) / total, 4),
        "episodes_by_initiator": dict(sorted(Counter(e["initiator"] for e in episodes).items())),
        "therapist_returns_after_decline": sum(e["after_decline"] for e in episodes),
        "ruptures": len(ruptures),
        "ruptures_repaired": sum(r["repaired"] for r in ruptures),
        "confrontations": len(flagged["confrontation"]),
        "confrontations_backed_down": len(backed),
    }


def build_folder(sources: Path, target: Path) -> list[dict]:
    """Derive every source in ``sources`` into ``target`` (stale JSON removed); return the documents."""
    target.mkdir(exist_ok=True)
    docs = []
    for path in sorted(sources.glob("*.txt")):
        doc = derive(parse_source(path))
        if doc["session"]["id"] != path.stem:
            raise _fail(path, 1, "session id must equal the file name")
        (target / f"{path.stem}.json").write_text(
            json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        docs.append(doc)
    stale = {p.stem for p in target.glob("*.json")} - {d["session"]["id"] for d in docs}
    for stem in stale:
        (target / f"{stem}.json").unlink()
    return docs


def build_all() -> dict[str, list[dict]]:
    """Rebuild every split's JSON files from the sources; return the documents by split.

    The second coding (``gold/tools/second`` -> ``gold/second``: sessions of
    the splits labelled again by another coder, for ``alliance evaluate
    agreement``) is rebuilt too, but is not a split and is not returned.
    """
    out = {split: build_folder(SOURCES / split, GOLD / split) for split in SPLITS}
    if SECOND_SOURCES.is_dir():
        build_folder(SECOND_SOURCES, GOLD / "second")
    return out


def counts(docs: list[dict]) -> Counter:
    """How often each scored phenomenon occurs in a list of gold documents."""
    c: Counter = Counter()
    for d in docs:
        c["sessions"] += 1
        c["utterances"] += len(d["utterances"])
        if not d["episodes"]:
            c["sessions without relationship episode"] += 1
        if sum(s["role"] == "patient" for s in d["speakers"]) > 1:
            c["sessions with two or more patients"] += 1
        if d["session"]["duration_s"] is not None:
            c["sessions with times"] += 1
        for u in d["utterances"]:
            if u["relationship"]:
                c[f"relationship: {u['relationship']}"] += 1
            for f in u["flags"]:
                c[f"flag: {f}"] += 1
            c[f"focus: {u['focus']}"] += 1
        for e in d["episodes"]:
            c[f"episodes initiated by {e['initiator']}"] += 1
            c[f"episodes {e['patient_stance']}"] += 1
            c["episodes after decline (therapist returns)"] += e["after_decline"]
        for r in d["ruptures"]:
            c[f"rupture: {r['marker']}"] += 1
            c["ruptures repaired"] += r["repaired"]
    return c


README = GOLD / "README.md"
COUNTS_BEGIN = "<!-- counts:begin (generated by gold/tools/derive.py --readme) -->"
COUNTS_END = "<!-- counts:end -->"


def counts_table(docs: dict[str, list[dict]]) -> str:
    """A Markdown table of phenomenon counts, one column per split."""
    per = {s: counts(d) for s, d in docs.items()}
    keys = sorted(set().union(*per.values()))
    lines = ["| phenomenon | " + " | ".join(SPLITS) + " |", "|---|" + "---:|" * len(SPLITS)]
    lines += [f"| {k} | " + " | ".join(str(per[s][k]) for s in SPLITS) + " |" for k in keys]
    return "\n".join(lines)


def update_readme(table: str) -> None:
    """Replace the generated counts section of ``gold/README.md``."""
    text = README.read_text(encoding="utf-8")
    head, _, rest = text.partition(COUNTS_BEGIN)
    _, _, tail = rest.partition(COUNTS_END)
    README.write_text(f"{head}{COUNTS_BEGIN}\n{table}\n{COUNTS_END}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Command line: rebuild the gold files, or print counts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", action="store_true", help="print a Markdown table of counts")
    parser.add_argument("--readme", action="store_true", help="rewrite the counts in gold/README.md")
    args = parser.parse_args(argv)
    try:
        docs = build_all()
    except SourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.readme:
        update_readme(counts_table(docs))
    if args.counts:
        print(counts_table(docs))
    else:
        print(", ".join(f"{s}: {len(d)} sessions" for s, d in docs.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
