# Sourced by the other scripts: make .venv with Python 3.11+ and install alliance into it.
# Set EXTRAS (e.g. "[dev]") before sourcing to install optional dependencies too.
set -eu
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-$(command -v python3.11 || command -v python3)}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
  .venv/bin/python -m pip install --quiet --upgrade pip
fi
.venv/bin/python -m pip install --quiet -e ".${EXTRAS:-}"
