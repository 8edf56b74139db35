"""The rules as they stood before a gold split was written, run over that split.

The rules were tuned on every gold split, so scoring them on a split they were
tuned on overstates what they do for a new author. The honest figure is what
the rules did *before* the split existed: for each split this runs the
pipeline of the parent of the commit that added ``gold/<split>`` (in a
temporary ``git worktree``) over the split's current gold sessions and writes
the rules' flags and markers as JSON, which :mod:`alliance.training.flags`
reads with ``--rules-before``. Run from the repository root::

    python -m alliance.training.rules_history --out /tmp/rules_before.json

Splits added in one commit share a parent and one run (test12 and test14;
test15 and test16; test17 .. test20; test21 and test22; test23 and test24;
test25 .. test32). A split that was added but kept unread while the rules moved
on is pinned in :data:`BLIND_TO` to the last rules it is blind to instead:
test33 .. test40 were committed at 0f55a40 but nobody read them until the
seventeenth round, so their rules of before are those of 89d7fd4 (today's flag
and rupture rules when they were opened), not the parent of 0f55a40; test41 ..
test46, committed unread at 76d9ffb and scored blind at 95aec70 (the tree
they were opened at), run at 95aec70. The rules moved on after that (the lead
added rupture-complaint readings partly fitted on test17 .. test46), so for
them the rules of before are those of 95aec70, not today's. The 40 splits
test7 .. test46 take under a minute; cache the output under ``/tmp``. The child process checks that the old tree's code is the
one imported, and switches off the flags scorer an old tree ships (from 68dae5b
on), so that what it reports is the rules alone. Outputs name sessions and
carry labels only, never transcript text.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

__all__ = ["main", "rules_before", "BLIND_TO"]

#: Splits committed blind and opened later: the commit whose rules they are blind to (the
#: tree as it stood when they were opened for development), used instead of the parent of
#: the commit that added them.
BLIND_TO: dict[str, str] = {f"test{k}": "89d7fd45533fa71632ec42429373da2066f612ab" for k in range(33, 41)} | {
    f"test{k}": "95aec70fa30bd40f0ac0c3d2c293d12a7be0242d" for k in range(41, 47)}

_RUN = r"""
import json, sys
from pathlib import Path
import alliance
from alliance.analysis import analyze_session
from alliance.evaluate.gold import _session_from
splits, root, tree = sys.argv[1].split(","), Path(sys.argv[2]), Path(sys.argv[3]).resolve()
# The old tree's code, not the installed package's, must be what runs.
assert Path(alliance.__file__).resolve().is_relative_to(tree), alliance.__file__
# The rules alone: an old tree that ships a flags model would otherwise combine it with them.
try:
    import alliance.annotators._flagmodel as flagmodel
    flagmodel.load_flag_model = lambda *args, **kwargs: None
except ImportError:
    pass
res = {}
for split in splits:
    for p in sorted((root / "gold" / split).glob("*.json")):
        s = analyze_session(_session_from(json.loads(p.read_text(encoding="utf-8")), p)).session
        res[f"{split}/{p.stem}"] = {"flags": [list(s.all_labels("flag", i)) for i in range(len(s.utterances))],
                                    "markers": s.labels("rupture")}
print(json.dumps(res))
"""


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True).stdout.strip()


def rules_before(root: Path, splits: tuple[str, ...]) -> dict:
    """``{"<split>/<session>": {"flags": [...], "markers": [...]}}`` from the rules before each split.

    The rules of before are those of the parent of the commit that added the
    split, or of the commit :data:`BLIND_TO` pins it to.
    """
    out: dict = {}
    # Splits blind to the same rules share one old tree: one run covers them all.
    by_commit: dict[str, list[str]] = {}
    for split in splits:
        if split in BLIND_TO:
            tree_at = BLIND_TO[split]
        else:
            added = _git(root, "log", "--diff-filter=A", "--format=%H", "--", f"gold/{split}").splitlines()[-1]
            tree_at = f"{added}^"
        by_commit.setdefault(tree_at, []).append(split)
    for tree_at, group in by_commit.items():
        with tempfile.TemporaryDirectory() as tmp:
            tree = Path(tmp) / "tree"
            _git(root, "worktree", "add", "--detach", str(tree), tree_at)
            try:
                res = subprocess.run([sys.executable, "-c", _RUN, ",".join(group), str(root.resolve()), str(tree)],
                                     check=True, capture_output=True, text=True,
                                     env={**os.environ, "PYTHONPATH": str(tree / "src")})
                out.update(json.loads(res.stdout))
            finally:
                _git(root, "worktree", "remove", "--force", str(tree))
    return out


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m alliance.training.rules_history --out JSON [--splits ...]``."""
    from alliance.training.flags import LOSO_SPLITS
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", type=Path, default=Path("."))
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--splits", nargs="*", default=list(LOSO_SPLITS))
    args = ap.parse_args(argv)
    args.out.write_text(json.dumps(rules_before(args.root, tuple(args.splits))), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
