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

Each timed command runs under /usr/bin/time for its peak RSS and CPU time; wall time is the best
of R runs. It prints, per N: our wall time, Hugo's, their ratio, peak RSS of each and their ratio,
pages written by each, our time against the floor, and the CPU time (user and system) of each
and their ratio, which moves less than wall time when the machine is busy. At N = 1,000 it also times a rebuild
after a word of one article's last paragraph is edited, as `briefing serve` does it (keeping
what the last build computed):
from the write to the server's "Built" line, and the rebuild's own time as the server reports it
(the edit is undone afterwards).
"""

import argparse
import glob
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GENERATOR = os.path.join(os.path.dirname(REPOSITORY), "shared", "bench", "make-corpus.py")


def timed(command, cwd=None):
    """Runs `command` under /usr/bin/time: (wall seconds, peak RSS in MiB, CPU seconds, user and system)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        start = time.perf_counter()
        result = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", "-o", report.name] + command, cwd=cwd,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        wall = time.perf_counter() - start
        if result.returncode != 0:
            sys.exit(f"failed: {' '.join(command)}\n{result.stderr[-2000:]}")
        rss_kib, user, system = report.read().split()[-3:]
    return wall, int(rss_kib) / 1024, float(user) + float(system)


def best(command, runs, output=None):
    """Best wall time, with the peak RSS and CPU time of that run, each run into a removed output folder."""
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


def served_rebuild(binary, content, templates, no_config, article):
    """Starts `briefing serve` on the corpus, edits `article` once the first build is served, and
    returns (seconds from the write to the server's next "Built" line, the rebuild's own ms, its
    stage lines). The edit is undone and the server stopped before returning."""
    server = subprocess.Popen([binary, "serve", "--timings", "--port", "0", "--content", content, "--templates",
                               templates, "--config", no_config], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True)
    lines = []
    built = threading.Event()
    ready = threading.Event()

    def read():
        for line in server.stdout:
            lines.append((time.perf_counter(), line.rstrip("\n")))
            if line.startswith("Serving at"):
                ready.set()
            if line.startswith("Built "):
                built.set()
    threading.Thread(target=read, daemon=True).start()
    original = open(article, encoding="utf-8").read()
    try:
        if not ready.wait(600):
            sys.exit("briefing serve did not start")
        time.sleep(1)
        built.clear()
        start_line = len(lines)
        written = time.perf_counter()
        # A word of the last paragraph, as an editor fixing the text would change it.
        head, _, last = original.rpartition("\n")
        edited = last.replace(" the ", " this ", 1) if " the " in last else last + " Edited."
        with open(article, "w", encoding="utf-8") as handle:
            handle.write(head + "\n" + edited)
        if not built.wait(600):
            sys.exit("briefing serve did not rebuild after the edit")
        when, line = next((t, text) for t, text in lines[start_line:] if text.startswith("Built "))
        stages = [text for _, text in lines[start_line:] if not text.startswith("Built ")]
        own = float(re.search(r" in (\d+) ms", line).group(1))
        return when - written, own, stages
    finally:
        with open(article, "w", encoding="utf-8") as handle:
            handle.write(original)
        server.send_signal(signal.SIGINT)
        server.wait(60)


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
        ours_wall, ours_rss, ours_cpu = best(build, options.runs, ours_out)
        hugo_wall, hugo_rss, hugo_cpu = best(["hugo", "--quiet", "-s", os.path.join(folder, "hugo"), "-d", hugo_out],
                                   options.runs, hugo_out)
        bodies = os.path.join(options.work, f"bodies{n}.md")
        markdown_bodies(folder, bodies)
        cmark_wall = min(timed(["cmark", bodies])[0] for _ in range(options.runs))
        copy = os.path.join(options.work, f"copy{n}")
        copy_wall = best(["cp", "-r", ours_out, copy], options.runs, copy)[0]
        rows.append((n, ours_wall, hugo_wall, ours_rss, hugo_rss, pages(ours_out), pages(hugo_out),
                     cmark_wall + copy_wall, ours_cpu, hugo_cpu))
        if n == 1000:
            content = os.path.join(folder, "briefing", "Content")
            article = sorted(glob.glob(os.path.join(content, "*.txt")))[0]
            incremental = served_rebuild(binary, content, templates, no_config, article)

    print(f"{'N':>6} {'ours s':>8} {'Hugo s':>8} {'ratio':>6} {'ours MiB':>9} {'Hugo MiB':>9} {'ratio':>6} "
          f"{'our pages':>10} {'Hugo pages':>11} {'floor s':>8} {'ours/floor':>11} {'ours CPU s':>11} {'Hugo CPU s':>11} "
          f"{'ratio':>6}")
    for n, ours_wall, hugo_wall, ours_rss, hugo_rss, ours_pages, hugo_pages, floor, ours_cpu, hugo_cpu in rows:
        print(f"{n:>6} {ours_wall:8.2f} {hugo_wall:8.2f} {ours_wall / hugo_wall:6.2f} {ours_rss:9.0f} "
              f"{hugo_rss:9.0f} {ours_rss / hugo_rss:6.2f} {ours_pages:>10} {hugo_pages:>11} {floor:8.2f} "
              f"{ours_wall / floor:11.1f} {ours_cpu:11.2f} {hugo_cpu:11.2f} {ours_cpu / hugo_cpu:6.2f}")
    if incremental is not None:
        wall, own, stages = incremental
        print(f"rebuild after editing one article at N = 1,000 in briefing serve: {wall * 1000:.0f} ms from the "
              f"write to the new site, {own:.0f} ms of it rebuilding")
        for line in stages:
            print("    " + line[:110])
    print(f"best of {options.runs} run(s); corpora and outputs in {options.work}")


if __name__ == "__main__":
    main()
