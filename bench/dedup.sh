#!/usr/bin/env bash
# The dedup benchmark in one command: makes .venv-bench (the peers from
# bench/requirements.txt, and copydesk built in release mode from this checkout), then runs
# bench/dedup.py, which writes bench/results/dedup.md. Arguments go to bench/dedup.py
# (e.g. --sizes 10,100 --cores 1).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.venv-bench
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check --upgrade pip
"$venv/bin/pip" install --quiet --disable-pip-version-check -r bench/requirements.txt
"$venv/bin/pip" install --quiet --disable-pip-version-check --force-reinstall --no-deps .
exec "$venv/bin/python" bench/dedup.py "$@"
