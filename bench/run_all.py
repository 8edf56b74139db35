"""Run every benchmark in this folder, one after another, and print their figures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent

if __name__ == "__main__":
    code = 0
    for script in sorted(HERE.glob("bench_*.py")):
        print(f"== {script.name}", flush=True)
        code |= subprocess.call([sys.executable, str(script)])
    sys.exit(code)
