"""Score the pipeline against hand-labelled sessions (``alliance evaluate gold DIR``).

A gold folder holds analysis documents (``*.json``, schema
``alliance.session/1``) whose labels were set by hand: per utterance
``relationship``, ``rupture``, ``flags`` and ``focus``, and the ``episodes``
and ``ruptures`` lists. Each document's speakers (with the roles as given)
and utterances become a :class:`~alliance.model.Session`, the default
pipeline annotates it, and the two are compared.

Matching rules (documented because figures depend on them):

- **Episodes**: a predicted episode matches a gold one when their spans
  overlap; one-to-one and greedy, each gold episode (in order) taking the
  still-free predicted episode it overlaps most. Initiator, stance and
  ``after_decline`` accuracy are over matched pairs.
- **Ruptures**: a predicted rupture matches a gold one when their indices
  differ by at most :data:`RUPTURE_TOLERANCE` (one utterance: a marker may
  land on either half of a patient turn split in two), one-to-one, nearest
  first. Marker and family agreement are reported over matched pairs.
- **Flags** and **relationship talk**: per utterance. Relationship talk is
  scored as present or absent; subtype agreement is over utterances both call
  relationship talk.
- **Session figures**: mean absolute error of
  ``therapist_returns_after_decline`` and ``one_way_index``, and how many
  sessions get the returns exactly.
- **Controls**: sessions with no gold episode; every predicted episode there
  is a false episode.
- **Seed pattern**: sessions whose gold has a therapist-raised episode the
  patient declined; the returns count is reported exact or not on them apart.
- **Intervals**: 95% percentile intervals from resampling whole sessions with
  replacement (seeded), since labels within a session are not independent.

The JSON holds totals plus a ``sessions`` list of per-session error counts.
Nothing here prints transcript text.

``alliance evaluate agreement SECOND FIRST...`` applies the same rules to two
independent codings of the same sessions (a second coder working from blank
copies), which gives the figures a ceiling to be read against.
"""

from __future__ import annotations

import json
import random
import time
from pathlib import Path
from typing import Any, Iterable

from alliance.errors import InputError
from alliance.model import Role, Session, Speaker, Utterance

__all__ = ["evaluate_agreement", "evaluate_gold", "is_seed_pattern", "load_gold", "match_spans", "match_indices", "prf",
           "RUPTURE_TOLERANCE", "FLAGS"]

#: Predicted and gold rupture indices this far apart still match.
RUPTURE_TOLERANCE = 1
#: Flags scored, in report order.
FLAGS = ("self_disclosure", "confrontation", "backs_down", "repair", "affirmation")


def prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    """Precision, recall and F1 with their counts; None where undefined."""
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f = None if tp + fp + fn == 0 else (2 * p * r / (p + r) if p and r else 0.0)
    return {"precision": _round(p), "recall": _round(r), "f1": _round(f), "tp": tp, "fp": fp, "fn": fn}


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def match_spans(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of overlapping spans: pairs of (gold, predicted) positions."""
    free = set(range(len(pred)))
    pairs = []
    for gi, (a, b) in enumerate(gold):
        best, best_overlap = None, 0
        for pi in sorted(free):
            c, d = pred[pi]
            overlap = min(b, d) - max(a, c) + 1
            if overlap > best_overlap:
                best, best_overlap = pi, overlap
        if best is not None:
            free.discard(best)
            pairs.append((gi, best))
    return pairs


def match_indices(gold: list[int], pred: list[int], tolerance: int) -> list[tuple[int, int]]:
    """One-to-one matching of indices within ``tolerance``, nearest pairs first."""
    candidates = sorted((abs(g - p), gi, pi) for gi, g in enumerate(gold)
                        for pi, p in enumerate(pred) if abs(g - p) <= tolerance)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def _session_from(doc: dict[str, Any], path: Path) -> Session:
    try:
        speakers = tuple(Speaker(str(s["id"]), s.get("name"), Role(s["role"])) for s in doc["speakers"])
        utterances = tuple(
            Utterance(i, str(u["speaker"]), str(u["text"]), u.get("start_s"), u.get("end_s"))
            for i, u in enumerate(doc["utterances"]))
        sid = str(doc.get("session", {}).get("id") or path.stem)
    except (KeyError, TypeError, ValueError) as e:
        raise InputError(f"not a gold analysis document ({e.__class__.__name__})", path=str(path),
                         expected="an alliance.session/1 document with speakers and utterances") from None
    return Session(sid, speakers, utterances, source=str(path))


def load_gold(directory: str | Path) -> list[tuple[Path, dict[str, Any]]]:
    """The gold documents in ``directory`` (``*.json``, sorted by name)."""
    root = Path(directory)
    if not root.is_dir():
        raise InputError("not a folder", path=str(root), expected="a folder of gold *.json documents")
    docs = []
    for p in sorted(root.glob("*.json")):
        try:
            docs.append((p, json.loads(p.read_text(encoding="utf-8"))))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            raise InputError(f"cannot read gold document ({e.__class__.__name__})", path=str(p)) from None
    if not docs:
        raise InputError("no gold documents", path=str(root), expected="*.json analysis documents",
                         hint="run gold/tools/derive.py or point at the folder holding the JSON files")
    return docs


class _Tally:
    """Counts and per-session errors; one per session, summed for totals."""

    def __init__(self) -> None:
        self.c: dict[str, int] = {}
        self.errors: dict[str, list[float]] = {"returns": [], "one_way": [], "seed_returns": []}

    def add(self, key: str, n: int = 1) -> None:
        self.c[key] = self.c.get(key, 0) + n

    def get(self, key: str) -> int:
        return self.c.get(key, 0)

    def acc(self, key: str) -> float | None:
        total = self.get(key + "_n")
        return _round(self.get(key + "_ok") / total) if total else None

    @classmethod
    def total(cls, parts: Iterable["_Tally"]) -> "_Tally":
        """The sum of several tallies (sessions pooled)."""
        out = cls()
        for part in parts:
            for key, n in part.c.items():
                out.add(key, n)
            for key, xs in part.errors.items():
                out.errors[key].extend(xs)
        return out


def _flags(utts: list[dict[str, Any]]) -> list[set[str]]:
    return [set(u.get("flags") or ()) for u in utts]


def _predict(doc: dict[str, Any], path: Path) -> dict[str, Any]:
    """The default pipeline's analysis document for a gold document's transcript."""
    from alliance.analysis import analyze_session
    from alliance.report import analysis_document

    return analysis_document(analyze_session(_session_from(doc, path)))


def _score_session(doc: dict[str, Any], path: Path, pred: dict[str, Any]) -> tuple[dict[str, Any], _Tally]:
    """Score ``pred`` (the pipeline's or a second coder's document) against gold ``doc``."""
    g_utts, p_utts = doc["utterances"], pred["utterances"]
    row: dict[str, Any] = {"id": _session_from(doc, path).id, "utterances": len(g_utts)}
    tally = _Tally()

    # Episodes.
    g_eps = doc.get("episodes") or []
    p_eps = pred["episodes"]
    pairs = match_spans([(e["first"], e["last"]) for e in g_eps], [(e["first"], e["last"]) for e in p_eps])
    tally.add("ep_tp", len(pairs))
    tally.add("ep_fp", len(p_eps) - len(pairs))
    tally.add("ep_fn", len(g_eps) - len(pairs))
    wrong_init = wrong_stance = 0
    for gi, pi in pairs:
        for key, field in (("initiator", "initiator"), ("stance", "patient_stance"), ("after_decline", "after_decline")):
            ok = g_eps[gi][field] == p_eps[pi][field]
            tally.add(key + "_n")
            tally.add(key + "_ok", ok)
            wrong_init += key == "initiator" and not ok
            wrong_stance += key == "stance" and not ok
    if not g_eps:
        tally.add("control_sessions")
        tally.add("control_false_episodes", len(p_eps))
    row.update(episodes_gold=len(g_eps), episodes_predicted=len(p_eps),
               episodes_missed=len(g_eps) - len(pairs), episodes_false=len(p_eps) - len(pairs),
               initiator_wrong=wrong_init, stance_wrong=wrong_stance)

    # Ruptures.
    g_r = doc.get("ruptures") or []
    p_r = pred["ruptures"]
    rpairs = match_indices([r["index"] for r in g_r], [r["index"] for r in p_r], RUPTURE_TOLERANCE)
    tally.add("ru_tp", len(rpairs))
    tally.add("ru_fp", len(p_r) - len(rpairs))
    tally.add("ru_fn", len(g_r) - len(rpairs))
    for gi, pi in rpairs:
        for key in ("marker", "family", "repaired"):
            tally.add(f"rupture_{key}_n")
            tally.add(f"rupture_{key}_ok", g_r[gi][key] == p_r[pi][key])
    row.update(ruptures_gold=len(g_r), ruptures_predicted=len(p_r),
               ruptures_missed=len(g_r) - len(rpairs), ruptures_false=len(p_r) - len(rpairs))

    # Flags, relationship talk, focus: per utterance.
    gf, pf = _flags(g_utts), _flags(p_utts)
    flag_errors = 0
    for flag in FLAGS:
        for g, p in zip(gf, pf):
            tp, fp, fn = flag in g and flag in p, flag in p and flag not in g, flag in g and flag not in p
            tally.add(f"{flag}_tp", tp)
            tally.add(f"{flag}_fp", fp)
            tally.add(f"{flag}_fn", fn)
            flag_errors += (fp or fn) and flag != "affirmation"
    rel_errors = focus_errors = 0
    for g, p in zip(g_utts, p_utts):
        gr, pr = g.get("relationship"), p.get("relationship")
        tally.add("rel_tp", bool(gr and pr))
        tally.add("rel_fp", bool(pr and not gr))
        tally.add("rel_fn", bool(gr and not pr))
        rel_errors += bool(gr) != bool(pr)
        if gr and pr:
            tally.add("subtype_n")
            tally.add("subtype_ok", gr == pr)
        if g.get("focus"):
            tally.add("focus_n")
            tally.add("focus_ok", g["focus"] == p.get("focus"))
            focus_errors += g["focus"] != p.get("focus")
    row.update(flag_errors=flag_errors, relationship_errors=rel_errors, focus_errors=focus_errors)

    # Session figures.
    gm, pm = doc.get("metrics") or {}, pred["metrics"]
    g_ret = gm.get("therapist_returns_after_decline")
    if g_ret is None:
        g_ret = sum(bool(e.get("after_decline")) for e in g_eps)
    p_ret = pm.get("therapist_returns_after_decline") or 0
    tally.errors["returns"].append(abs(g_ret - p_ret))
    if is_seed_pattern(g_eps):
        tally.errors["seed_returns"].append(abs(g_ret - p_ret))
    row.update(returns_gold=g_ret, returns_predicted=p_ret)
    g_ow, p_ow = gm.get("one_way_index"), pm.get("one_way_index")
    if g_ow is not None and p_ow is not None:
        tally.errors["one_way"].append(abs(g_ow - p_ow))
        row["one_way_error"] = round(abs(g_ow - p_ow), 4)
    return row, tally


def is_seed_pattern(episodes: list[dict[str, Any]]) -> bool:
    """Whether gold episodes show the seed pattern: a therapist-raised episode the patient declined.

    These are the sessions where "returns after a decline" can be non-zero by
    the therapist's choice; the issue's bar asks for the exact count on them.
    """
    return any(e.get("initiator") == "therapist" and e.get("patient_stance") == "declined"
               for e in episodes)


def _mean(xs: Iterable[float]) -> float | None:
    xs = list(xs)
    return round(sum(xs) / len(xs), 4) if xs else None


def _figures(t: _Tally) -> dict[str, Any]:
    """The headline figures of a tally (what the bootstrap resamples)."""
    out = {"episodes_f1": prf(t.get("ep_tp"), t.get("ep_fp"), t.get("ep_fn"))["f1"],
           "initiator_accuracy": t.acc("initiator"), "stance_accuracy": t.acc("stance"),
           "ruptures_f1": prf(t.get("ru_tp"), t.get("ru_fp"), t.get("ru_fn"))["f1"]}
    for f in FLAGS[:-1]:
        out[f"{f}_f1"] = prf(t.get(f"{f}_tp"), t.get(f"{f}_fp"), t.get(f"{f}_fn"))["f1"]
    return out


def _intervals(tallies: list[_Tally], resamples: int, seed: int) -> dict[str, Any]:
    """Session-bootstrap 95% percentile intervals of the headline figures.

    Sessions, not utterances, are resampled: labels within a session are not
    independent, and the splits are small (10 to 30 sessions), so these
    intervals are wide and that is the honest reading.
    """
    if not tallies or resamples <= 0:
        return {}
    rng = random.Random(seed)
    draws: dict[str, list[float]] = {}
    for _ in range(resamples):
        sample = _Tally.total(rng.choice(tallies) for _ in tallies)
        for key, value in _figures(sample).items():
            if value is not None:
                draws.setdefault(key, []).append(value)
    out: dict[str, Any] = {"method": f"percentile, {resamples} session resamples, seed {seed}",
                           "level": 0.95}
    for key, xs in draws.items():
        xs.sort()
        lo, hi = xs[int(0.025 * (len(xs) - 1))], xs[int(0.975 * (len(xs) - 1))]
        out[key] = [_round(lo), _round(hi)]
    return out


def _folders(directories: str | Path | Iterable[str | Path]) -> list[str | Path]:
    folders = [directories] if isinstance(directories, (str, Path)) else list(directories)
    if not folders:
        raise InputError("no gold folder given", expected="one or more folders of gold *.json documents")
    return folders


def evaluate_gold(directories: str | Path | Iterable[str | Path], *, resamples: int = 1000,
                  seed: int = 0) -> dict[str, Any]:
    """Score the default pipeline on every gold document in one or more folders.

    Several folders are pooled: their sessions are scored together as one set.
    Returns totals (precision/recall/F1, accuracies, mean absolute errors),
    session-bootstrap ``intervals`` for the headline figures (``resamples=0``
    leaves them out) and a ``sessions`` list of per-session error counts.
    """
    folders = _folders(directories)
    docs = [item for folder in folders for item in load_gold(folder)]
    started = time.perf_counter()
    scored = [_score_session(doc, path, _predict(doc, path)) for path, doc in docs]
    return _report(folders, scored, time.perf_counter() - started, resamples, seed)


def evaluate_agreement(second: str | Path, first: str | Path | Iterable[str | Path], *,
                       resamples: int = 1000, seed: int = 0) -> dict[str, Any]:
    """Score a second coder's labels against the first coder's, by the same rules.

    ``second`` is a folder of gold documents coded independently from blank
    copies of sessions in the ``first`` folders (``gold/tools/blank.py``).
    Each second-coded session is paired with the first coding of the same
    session id; the first coding plays the part of gold, so precision and
    recall swap if the coders do, and F1 and accuracies do not. The figures
    are the agreement of two coders: the ceiling the pipeline's own figures
    can be read against.
    """
    folders = _folders(first)
    firsts = {str(doc.get("session", {}).get("id") or path.stem): (path, doc)
              for folder in folders for path, doc in load_gold(folder)}
    started = time.perf_counter()
    scored = []
    for path, doc in load_gold(second):
        sid = str(doc.get("session", {}).get("id") or path.stem)
        if sid not in firsts:
            raise InputError(f"session {sid!r} has no first coding in the folders given", path=str(path),
                             expected="a second coding of a session in one of the first folders")
        first_path, first_doc = firsts[sid]
        texts = [u.get("text") for u in doc.get("utterances", [])]
        if texts != [u.get("text") for u in first_doc.get("utterances", [])]:
            raise InputError(f"session {sid!r}: the two codings' utterances differ", path=str(path),
                             expected="the same utterances, in the same order, in both codings")
        scored.append(_score_session(first_doc, first_path, doc))
    result = _report(folders, scored, time.perf_counter() - started, resamples, seed)
    result["second_coder"] = str(second)
    return result


def _report(folders: list[str | Path], scored: list[tuple[dict[str, Any], _Tally]], seconds: float,
            resamples: int, seed: int) -> dict[str, Any]:
    """The pooled figures of scored sessions."""
    rows = [row for row, _ in scored]
    t = _Tally.total(tally for _, tally in scored)
    return {
        "folder": str(folders[0]) if len(folders) == 1 else [str(f) for f in folders],
        "sessions_scored": len(rows),
        "utterances": sum(r["utterances"] for r in rows),
        "seconds": round(seconds, 3),
        "episodes": {**prf(t.get("ep_tp"), t.get("ep_fp"), t.get("ep_fn")),
                     "match": "spans overlap, one-to-one greedy"},
        "initiator_accuracy": t.acc("initiator"),
        "stance_accuracy": t.acc("stance"),
        "after_decline_accuracy": t.acc("after_decline"),
        "therapist_returns_after_decline": {
            "mean_abs_error": _mean(t.errors["returns"]),
            "sessions_exact": sum(e == 0 for e in t.errors["returns"]),
            # Sessions whose gold has a therapist-raised episode the patient declined.
            "seed_pattern_sessions": len(t.errors["seed_returns"]),
            "seed_pattern_sessions_exact": sum(e == 0 for e in t.errors["seed_returns"]),
        },
        "one_way_index_mean_abs_error": _mean(t.errors["one_way"]),
        "ruptures": {**prf(t.get("ru_tp"), t.get("ru_fp"), t.get("ru_fn")),
                     "tolerance": RUPTURE_TOLERANCE,
                     "marker_agreement": t.acc("rupture_marker"),
                     "family_agreement": t.acc("rupture_family"),
                     "repaired_agreement": t.acc("rupture_repaired")},
        "flags": {f: prf(t.get(f"{f}_tp"), t.get(f"{f}_fp"), t.get(f"{f}_fn")) for f in FLAGS},
        # The gold guide labels affirmation only where it clearly occurs, not
        # exhaustively, so its recall here understates the annotator.
        "flags_not_exhaustively_labelled": ["affirmation"],
        "relationship_talk": {**prf(t.get("rel_tp"), t.get("rel_fp"), t.get("rel_fn")),
                              "subtype_agreement": t.acc("subtype")},
        "focus_accuracy": t.acc("focus"),
        "controls": {"sessions": t.get("control_sessions"),
                     "false_episodes": t.get("control_false_episodes")},
        "intervals": _intervals([tally for _, tally in scored], resamples, seed),
        "sessions": rows,
    }
