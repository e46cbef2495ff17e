#!/usr/bin/env python3
"""Build speed and memory against Hugo, on the same corpus, in the same run.

Usage: python3 Benchmarks/build.py [--runs R] [--work DIR] [N ...]    (default: 1 run, 100 1000 10000)

For each N, the corpus generator beside the repository (../shared/bench/make-corpus.py) writes
N articles as raw text for Briefing and as an equivalent Hugo site (kept in DIR, default
/tmp/briefing-bench). Then, each into a freshly removed folder, it times:

- `briefing build` (the release binary, built first) over the raw articles;
- `hugo --quiet` over the Hugo site (Debian's hugo; `apt-get install hugo`);
- the floor: libcmark's `cmark` over all article bodies in one file, plus `cp -r` of
  Briefing's output folder to a new folder.

Each timed command runs under /usr/bin/time for its peak RSS; wall time is the best of R runs.
It prints, per N: our wall time, Hugo's, their ratio, peak RSS of each and their ratio,
pages written by each, and our time against the floor. At N = 1,000 it also times a rebuild
after one article is edited (the edit is undone afterwards).
"""

import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GENERATOR = os.path.join(os.path.dirname(REPOSITORY), "shared", "bench", "make-corpus.py")


def timed(command, cwd=None):
    """Runs `command` under /usr/bin/time: (wall seconds, peak RSS in MiB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        start = time.perf_counter()
        result = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", report.name] + command, cwd=cwd,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        wall = time.perf_counter() - start
        if result.returncode != 0:
            sys.exit(f"failed: {' '.join(command)}\n{result.stderr[-2000:]}")
        rss_kib = int(report.read().split()[-1])
    return wall, rss_kib / 1024


def best(command, runs, output=None):
    """Best wall time and the peak RSS of that run, each run into a removed output folder."""
    results = []
    for _ in range(runs):
        if output:
            shutil.rmtree(output, ignore_errors=True)
        results.append(timed(command))
    return min(results)


def pages(folder):
    return sum(1 for _ in glob.iglob(os.path.join(folder, "**", "*.html"), recursive=True))


def corpus(work, n):
    folder = os.path.join(work, f"c{n}")
    if not os.path.isdir(os.path.join(folder, "briefing", "Content")):
        if not os.path.exists(GENERATOR):
            sys.exit(f"no corpus generator at {GENERATOR}")
        subprocess.run([sys.executable, GENERATOR, str(n), folder], check=True, stdout=subprocess.DEVNULL)
    return folder


def markdown_bodies(folder, into):
    """All Hugo article bodies (front matter removed) in one file, for the cmark floor."""
    with open(into, "w", encoding="utf-8") as out:
        for path in sorted(glob.glob(os.path.join(folder, "hugo", "content", "articles", "*.md"))):
            text = open(path, encoding="utf-8").read()
            parts = re.split(r"^(?:---|\+\+\+)\s*$", text, maxsplit=2, flags=re.M)
            out.write((parts[2] if len(parts) == 3 else text) + "\n\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000, 10000])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--work", default="/tmp/briefing-bench")
    options = parser.parse_args()
    for tool in ("hugo", "cmark"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is not installed (apt-get install -y hugo cmark)")
    os.makedirs(options.work, exist_ok=True)
    subprocess.run(["swift", "build", "-c", "release", "--product", "briefing"], cwd=REPOSITORY, check=True,
                   stdout=subprocess.DEVNULL)
    binary = os.path.join(subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=REPOSITORY,
                                         check=True, capture_output=True, text=True).stdout.strip(), "briefing")
    templates = os.path.join(REPOSITORY, "Templates")
    no_config = os.path.join(options.work, "none.yml")

    rows = []
    incremental = None
    for n in options.sizes:
        folder = corpus(options.work, n)
        ours_out = os.path.join(options.work, f"ours{n}")
        hugo_out = os.path.join(options.work, f"hugo{n}")
        build = [binary, "build", "--content", os.path.join(folder, "briefing", "Content"), "--output", ours_out,
                 "--templates", templates, "--config", no_config]
        ours_wall, ours_rss = best(build, options.runs, ours_out)
        hugo_wall, hugo_rss = best(["hugo", "--quiet", "-s", os.path.join(folder, "hugo"), "-d", hugo_out],
                                   options.runs, hugo_out)
        bodies = os.path.join(options.work, f"bodies{n}.md")
        markdown_bodies(folder, bodies)
        cmark_wall = min(timed(["cmark", bodies])[0] for _ in range(options.runs))
        copy = os.path.join(options.work, f"copy{n}")
        copy_wall = best(["cp", "-r", ours_out, copy], options.runs, copy)[0]
        rows.append((n, ours_wall, hugo_wall, ours_rss, hugo_rss, pages(ours_out), pages(hugo_out),
                     cmark_wall + copy_wall))
        if n == 1000:
            article = sorted(glob.glob(os.path.join(folder, "briefing", "Content", "*.txt")))[0]
            original = open(article, encoding="utf-8").read()
            try:
                with open(article, "w", encoding="utf-8") as handle:
                    handle.write(original.replace(" the ", " this ", 1))
                incremental = timed(build)[0]
            finally:
                with open(article, "w", encoding="utf-8") as handle:
                    handle.write(original)

    print(f"{'N':>6} {'ours s':>8} {'Hugo s':>8} {'ratio':>6} {'ours MiB':>9} {'Hugo MiB':>9} {'ratio':>6} "
          f"{'our pages':>10} {'Hugo pages':>11} {'floor s':>8} {'ours/floor':>11}")
    for n, ours_wall, hugo_wall, ours_rss, hugo_rss, ours_pages, hugo_pages, floor in rows:
        print(f"{n:>6} {ours_wall:8.2f} {hugo_wall:8.2f} {ours_wall / hugo_wall:6.2f} {ours_rss:9.0f} "
              f"{hugo_rss:9.0f} {ours_rss / hugo_rss:6.2f} {ours_pages:>10} {hugo_pages:>11} {floor:8.2f} "
              f"{ours_wall / floor:11.1f}")
    if incremental is not None:
        print(f"rebuild after editing one article at N = 1,000: {incremental:.2f} s (a full rebuild)")
    print(f"best of {options.runs} run(s); corpora and outputs in {options.work}")


if __name__ == "__main__":
    main()
