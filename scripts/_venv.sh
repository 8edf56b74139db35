# Sourced by the other scripts: make .venv with Python 3.11+ and install alliance into it.
# Usage: . scripts/_venv.sh [extras]   (extras like "[dev]")
set -eu
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-$(command -v python3.11 || command -v python3)}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
  .venv/bin/python -m pip install --quiet --upgrade pip
fi
.venv/bin/python -m pip install --quiet -e ".${1:-}"
