#!/bin/sh
# Set up .venv and run the main job on the bundled demo transcript.
. "$(dirname "$0")/_venv.sh"
.venv/bin/alliance analyze demo/alvarez-sam-week-12.txt
.venv/bin/alliance analyze demo/alvarez-sam-week-12.txt --format json --out out/demo-analysis.json
.venv/bin/alliance analyze demo/alvarez-sam-week-12.txt --format html --out out/demo-report.html
echo "Open out/demo-report.html in a browser (it works offline)."
