"""Analyse many transcripts, optionally in worker processes.

On two cores a chunked process pool beats heavier schedulers for local
batches. Each worker loads the models once. A bad file yields an error
result and the batch goes on; results come back in input order, and do not
depend on the number of workers.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from alliance.analysis import Analysis, ReadOptions, analyze_file
from alliance.errors import AllianceError

__all__ = ["FileResult", "analyze_paths"]


@dataclass(frozen=True)
class FileResult:
    """The outcome of one file: its analyses, or the error message that stopped it."""

    path: str
    analyses: tuple[Analysis, ...] = ()
    error: str | None = None

    @property
    def ok(self) -> bool:
        """True when the file was read and analysed."""
        return self.error is None


def _one(path: str, options: ReadOptions) -> FileResult:
    try:
        return FileResult(path, tuple(analyze_file(path, options)))
    except AllianceError as e:
        return FileResult(path, error=str(e))
    except OSError as e:
        return FileResult(path, error=f"{path}: cannot read ({e.strerror or e.__class__.__name__})")


def analyze_paths(
    paths: Sequence[str | Path], options: ReadOptions | None = None, workers: int = 1
) -> Iterator[FileResult]:
    """Analyse every path, in order; with ``workers`` > 1, in that many processes."""
    opts = options or ReadOptions()
    names = [str(p) for p in paths]
    if workers <= 1 or len(names) <= 1:
        yield from (_one(p, opts) for p in names)
        return
    chunk = max(1, len(names) // (workers * 4))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_one, names, [opts] * len(names), chunksize=chunk)


def successful(results: Iterable[FileResult]) -> list[Analysis]:
    """Every analysis from the files that worked."""
    return [a for r in results if r.ok for a in r.analyses]
