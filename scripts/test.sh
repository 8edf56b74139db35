#!/bin/sh
# Set up .venv with the test tools and run the tests. Browser tests need /usr/bin/chromium
# (Debian: apt-get install chromium); without it they are skipped with a reason.
EXTRAS="[dev]"
. "$(dirname "$0")/_venv.sh"
.venv/bin/python -m pytest "$@"
