#!/usr/bin/env python3
"""Build speed and memory against Hugo, on the same corpus, in the same run.

Usage: python3 Benchmarks/build.py [--runs R] [--edits E] [--work DIR] [N ...]    (default: 1 run, 100 1000 10000)

For each N, the corpus generator beside the repository (../shared/bench/make-corpus.py) writes
N articles as raw text for Briefing and as an equivalent Hugo site (kept in DIR, default
/tmp/briefing-bench). Then, each into a freshly removed folder, it times:

- `briefing build` (the release binary, built first) over the raw articles;
- `hugo --quiet` over the Hugo site (Debian's hugo; `apt-get install hugo`);
- the floor: libcmark's `cmark` over all article bodies in one file, plus `cp -r` of
  Briefing's output folder to a new folder.

Each timed command runs under /usr/bin/time for its peak RSS and CPU time; wall time is the best
of R runs. Then each tool builds again over its last output, as a user rebuilding does (one build
unmeasured, then the best of R): Hugo writes over the files of its last build, Briefing over the
spare it keeps beside the output (the site before the last). It prints, per N: our wall time, Hugo's, their ratio, peak RSS of each and their ratio,
pages written by each, our time against the floor, and the CPU time (user and system) of each
and their ratio, which moves less than wall time when the machine is busy. At N = 1,000 it also times a rebuild
in `briefing serve` (keeping what the last build computed) after each of five kinds of edit to
one article, each made --edits times (default 5; 0 skips the servers): the file saved unchanged, a word changed, an
event's opening words changed, a new person named, a copy of the article added. For each it prints the median time from the
write to the server's "Built" line and of the rebuild's own time as the server reports it, and
the slowest of those rebuilds (the article is put back afterwards); then `hugo server` on a copy of the Hugo site after the same edit
of an event's opening and the same article added, by Hugo's own "Total in" line, once in its
default fast render mode (which renders again only the pages a browser has open, the others when
they are asked for) and once with --disableFastRender (every page the edit touches, as ours
does); and the peak RSS of both servers after their first build and after the edits.
"""

import argparse
import glob
import os
import re
import shutil
import signal
import socket
import statistics
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
    """Best wall time, with the peak RSS and CPU time of that run, each run into a removed output folder
    (with the spare a build keeps beside it)."""
    results = []
    for _ in range(runs):
        if output:
            shutil.rmtree(output, ignore_errors=True)
            spare = os.path.join(os.path.dirname(output), "." + os.path.basename(output) + ".spare")
            shutil.rmtree(spare, ignore_errors=True)
        results.append(timed(command))
    return min(results)


def best_rebuild(command, runs):
    """Best wall time of a build over the output of the last, after one such build unmeasured, so that
    each tool is as it is from then on: Hugo writes over its files, Briefing over its spare's."""
    timed(command)
    return min(timed(command) for _ in range(runs))[0]


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


# The edits the served rebuild is timed after, each made to the first article several times
# over (a different word each time, so that every one changes the text), with what it changes.
EDITS = [
    ("saved unchanged", "the file written again as it was: nothing to rebuild"),
    ("a word", "a word in the middle of the last paragraph, as a typo is fixed"),
    ("an event's opening", "the first 'the' of the last paragraph: an event's first words, so its name"),
    ("a new person", "a sentence naming a person no article named: a new party"),
    ("an article added", "a copy of the first article under a new name: its events join the timeline's pages"),
]


def added_path(article, number):
    """Where the `number`th article added is written, beside the edited one."""
    return os.path.join(os.path.dirname(article), f"zz-added-{number}.txt")


def edited(original, kind, number):
    """The article's text after the `number`th edit of `kind`."""
    head, _, last = original.rpartition("\n")
    if kind == "saved unchanged":
        return original
    if kind == "a word":
        words = last.split(" ")
        index = len(words) // 2
        while index < len(words) - 1 and not (words[index].isalpha() and words[index].islower()
                                              and len(words[index]) > 4):
            index += 1
        words[index] += "x" * (number + 1)
        return head + "\n" + " ".join(words)
    if kind == "an event's opening":
        return head + "\n" + (last.replace(" the ", f" this{number} ", 1) if " the " in last
                               else last + f" Edited {number}.")
    return head + "\n" + last + f" Deputy Minister Tomas Kerrow{'abcdefghij'[number]} declined to comment."


def peak_mib(pid):
    """The peak resident memory of a running process, in MiB."""
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) / 1024 for line in status if line.startswith("VmHWM:"))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


HUGO_EDITS = ("an event's opening", "an article added")


def hugo_served_rebuilds(folder, work, times, full):
    """The peer's figures for the same edits: `hugo server` (rendering to memory, as ours does) on a
    copy of the Hugo site, the first article's event opening edited `times` times, then a copy of
    it added `times` times. By default `hugo server` renders again only the pages a browser has
    open and leaves the others until they are asked for; `full` (`--disableFastRender`) renders
    every page an edit touches, as `briefing serve` does. Returns the median of Hugo's own "Total
    in N ms" for each kind of edit, and the server's peak RSS in MiB after its first build and
    after the edits."""
    site = os.path.join(work, "hugo-served")
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(os.path.join(folder, "hugo"), site)
    article = sorted(glob.glob(os.path.join(site, "content", "articles", "*.md")))[0]
    server = subprocess.Popen(["hugo", "server", "--source", site, "--bind", "127.0.0.1", "--port",
                               str(free_port()), "--disableLiveReload"] + (["--disableFastRender"] if full else []),
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    totals = []
    ready = threading.Event()
    rebuilt = threading.Event()

    def read():
        for line in server.stdout:
            if "Web Server is available" in line:
                ready.set()
            found = re.search(r"Total in (\d+) ms", line)
            if found and ready.is_set():
                totals.append(float(found.group(1)))
                rebuilt.set()
    threading.Thread(target=read, daemon=True).start()
    try:
        if not ready.wait(600):
            sys.exit("hugo server did not start")
        time.sleep(1)
        first_peak = peak_mib(server.pid)
        original = open(article, encoding="utf-8").read()
        medians = {}
        for kind in HUGO_EDITS:
            totals.clear()
            for number in range(times):
                rebuilt.clear()
                if kind == "an article added":
                    # A page of its own: the title, and so the address, differ from the original's.
                    path = os.path.join(os.path.dirname(article), f"zz-added-{number}.md")
                    text = original.replace('title: "', f'title: "Added report {number}: ', 1)
                else:
                    path, text = article, edited(original, kind, number)
                with open(path, "w", encoding="utf-8") as handle:
                    handle.write(text)
                if not rebuilt.wait(600):
                    sys.exit(f"hugo server did not rebuild after {kind}")
                time.sleep(0.5)
            medians[kind] = statistics.median(totals)
        return medians, (first_peak, peak_mib(server.pid))
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(60)
        shutil.rmtree(site, ignore_errors=True)


def served_rebuilds(binary, content, templates, no_config, article, times):
    """Starts `briefing serve` on the corpus and, once the first build is served, makes each kind
    of edit `times` times, waiting for the rebuild after each. Returns, per kind, the medians of
    the time from the write to the server's "Built" line and of the rebuild's own time as the
    server reports it, the slowest of those rebuilds, and the stage lines of its last rebuild.
    The article is put back and the server stopped before returning."""
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
            if line.startswith("Built ") or line.startswith("Build failed"):
                built.set()
    threading.Thread(target=read, daemon=True).start()
    original = open(article, encoding="utf-8").read()
    results = []
    try:
        if not ready.wait(1200):
            sys.exit("briefing serve did not start")
        time.sleep(1)
        first_peak = peak_mib(server.pid)
        for kind, _ in EDITS:
            walls, owns, stages = [], [], []
            for number in range(times):
                built.clear()
                start_line = len(lines)
                written = time.perf_counter()
                if kind == "an article added":
                    with open(added_path(article, number), "w", encoding="utf-8") as handle:
                        handle.write(f"Added report {number}: " + original)
                else:
                    with open(article, "w", encoding="utf-8") as handle:
                        handle.write(edited(original, kind, number))
                if not built.wait(600):
                    sys.exit(f"briefing serve did not rebuild after the edit ({kind})")
                when, line = next((t, text) for t, text in lines[start_line:]
                                  if text.startswith("Built ") or text.startswith("Build failed"))
                if not line.startswith("Built "):
                    sys.exit(f"the rebuild after the edit ({kind}) failed:\n" +
                             "\n".join(text for _, text in lines[start_line:]))
                walls.append(when - written)
                owns.append(float(re.search(r" in (\d+) ms", line).group(1)))
                stages = [text for _, text in lines[start_line:] if not text.startswith("Built ")]
                # Past the watcher's burst window, so that the next write is a rebuild of its own.
                time.sleep(0.5)
            results.append((kind, statistics.median(walls), statistics.median(owns), max(owns), stages))
            built.clear()
            if kind == "an article added":
                for number in range(times):
                    os.remove(added_path(article, number))
            else:
                with open(article, "w", encoding="utf-8") as handle:
                    handle.write(original)
            built.wait(600)
            time.sleep(0.5)
        return results, (first_peak, peak_mib(server.pid))
    finally:
        with open(article, "w", encoding="utf-8") as handle:
            handle.write(original)
        for number in range(times):
            if os.path.exists(added_path(article, number)):
                os.remove(added_path(article, number))
        server.send_signal(signal.SIGINT)
        server.wait(60)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000, 10000])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--edits", type=int, default=5, help="edits of each kind timed in briefing serve (0: none)")
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
        hugo_build = ["hugo", "--quiet", "-s", os.path.join(folder, "hugo"), "-d", hugo_out]
        hugo_wall, hugo_rss, hugo_cpu = best(hugo_build, options.runs, hugo_out)
        ours_again = best_rebuild(build, options.runs)
        hugo_again = best_rebuild(hugo_build, options.runs)
        bodies = os.path.join(options.work, f"bodies{n}.md")
        markdown_bodies(folder, bodies)
        cmark_wall = min(timed(["cmark", bodies])[0] for _ in range(options.runs))
        copy = os.path.join(options.work, f"copy{n}")
        copy_wall = best(["cp", "-r", ours_out, copy], options.runs, copy)[0]
        rows.append((n, ours_wall, hugo_wall, ours_rss, hugo_rss, pages(ours_out), pages(hugo_out),
                     cmark_wall + copy_wall, ours_cpu, hugo_cpu, ours_again, hugo_again))
        if n == 1000 and options.edits > 0:
            content = os.path.join(folder, "briefing", "Content")
            article = sorted(glob.glob(os.path.join(content, "*.txt")))[0]
            incremental, served_peak = served_rebuilds(binary, content, templates, no_config, article, options.edits)
            hugo_fast, hugo_served_peak = hugo_served_rebuilds(folder, options.work, options.edits, full=False)
            hugo_full, _ = hugo_served_rebuilds(folder, options.work, options.edits, full=True)

    print(f"{'N':>6} {'ours s':>8} {'Hugo s':>8} {'ratio':>6} {'ours MiB':>9} {'Hugo MiB':>9} {'ratio':>6} "
          f"{'our pages':>10} {'Hugo pages':>11} {'floor s':>8} {'ours/floor':>11} {'ours CPU s':>11} {'Hugo CPU s':>11} "
          f"{'ratio':>6} {'rebuild: ours s':>16} {'Hugo s':>7} {'ratio':>6}")
    for (n, ours_wall, hugo_wall, ours_rss, hugo_rss, ours_pages, hugo_pages, floor, ours_cpu, hugo_cpu, ours_again,
         hugo_again) in rows:
        print(f"{n:>6} {ours_wall:8.2f} {hugo_wall:8.2f} {ours_wall / hugo_wall:6.2f} {ours_rss:9.0f} "
              f"{hugo_rss:9.0f} {ours_rss / hugo_rss:6.2f} {ours_pages:>10} {hugo_pages:>11} {floor:8.2f} "
              f"{ours_wall / floor:11.1f} {ours_cpu:11.2f} {hugo_cpu:11.2f} {ours_cpu / hugo_cpu:6.2f} "
              f"{ours_again:16.2f} {hugo_again:7.2f} {ours_again / hugo_again:6.2f}")
    if incremental is not None:
        print(f"rebuild in briefing serve at N = 1,000 after an edit of one article, median of {options.edits} "
              "edits of each kind:")
        print(f"    {'edit':<20} {'write to site ms':>16} {'rebuild ms':>11} {'slowest':>8}  what it changes")
        for (kind, wall, own, slowest, _), (_, what) in zip(incremental, EDITS):
            print(f"    {kind:<20} {wall * 1000:16.0f} {own:11.0f} {slowest:8.0f}  {what}")
        print("    hugo server after the same edits, by its own 'Total in' (ms), in its default fast render mode (the pages a")
        print("    browser has open; others when asked for) and with --disableFastRender (every page the edit touches):")
        for kind in HUGO_EDITS:
            print(f"    {kind:<20} {'fast render':>16} {hugo_fast[kind]:6.0f}  {'full render':>11} {hugo_full[kind]:6.0f}")
        print(f"  peak memory of the server after its first build / after the edits: briefing serve "
              f"{served_peak[0]:.0f} / {served_peak[1]:.0f} MiB, hugo server {hugo_served_peak[0]:.0f} / "
              f"{hugo_served_peak[1]:.0f} MiB")
        print("  stages of the last rebuild after the edit of an event's opening:")
        for line in next(stages for kind, _, _, _, stages in incremental if kind == "an event's opening"):
            print("    " + line[:110])
    print(f"best of {options.runs} run(s); corpora and outputs in {options.work}")


if __name__ == "__main__":
    main()
