#!/usr/bin/env bash
# Installs everything the tests need on a fresh machine, then runs ruff and pytest headless.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet -e '.[test]'
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy PYGAME_HIDE_SUPPORT_PROMPT=1
python3 -m ruff check game tests bench main.py
python3 -m pytest -p no:cacheprovider
