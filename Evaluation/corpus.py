#!/usr/bin/env python3
"""How well the extraction finds a corpus's key terms and parties, against its ground truth.

Usage: python3 Evaluation/corpus.py [--work DIR] [N]    (default: 1000 articles, corpora kept in /tmp/briefing-bench)

The corpus generator beside the repository (../shared/bench/make-corpus.py) writes, with the
articles, the world they are about (`world.json`: its parties and key terms) and what each
article names (`articles.jsonl`). This builds the articles with the release binary and
compares the site's `briefing.json` with both:

- over the whole site: how many of the terms (and parties) found are the world's (precision),
  and how many of the world's that the articles name were found (recall);
- per article: the same, over the terms each article page lists against those it names;
- the terms found that are not the world's, grouped by how they differ from one that is (a
  word before or after it), with the commonest examples.

Names are compared in lowercase with a final plural "s" set aside. The world's terms are what
its generator meant; a term found beyond them ("sanctions", "trade agreement") may still be a
fair one, so precision here is a lower bound, read with the examples it prints.
"""

import argparse
import collections
import json
import os
import subprocess
import sys

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GENERATOR = os.path.join(os.path.dirname(REPOSITORY), "shared", "bench", "make-corpus.py")


def key(name):
    name = name.lower().replace("-", " ")
    return name[:-1] if name.endswith("s") and not name.endswith("ss") else name


def ratio(part, whole):
    return part / whole if whole else 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("size", nargs="?", type=int, default=1000)
    parser.add_argument("--work", default="/tmp/briefing-bench")
    parser.add_argument("--binary", help="the briefing binary (default: the release build, built first)")
    options = parser.parse_args()
    folder = os.path.join(options.work, f"c{options.size}")
    if not os.path.isdir(os.path.join(folder, "briefing", "Content")):
        os.makedirs(options.work, exist_ok=True)
        subprocess.run([sys.executable, GENERATOR, str(options.size), folder], check=True, stdout=subprocess.DEVNULL)
    binary = options.binary
    if not binary:
        subprocess.run(["swift", "build", "-c", "release", "--product", "briefing"], cwd=REPOSITORY, check=True,
                       stdout=subprocess.DEVNULL)
        binary = os.path.join(subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"],
                                             cwd=REPOSITORY, check=True, capture_output=True,
                                             text=True).stdout.strip(), "briefing")
    output = os.path.join(options.work, f"extraction{options.size}")
    no_config = os.path.join(options.work, "none.yml")
    with open(no_config, "w") as empty:
        empty.write("{}\n")
    subprocess.run([binary, "build", "--content", os.path.join(folder, "briefing", "Content"), "--output", output,
                    "--templates", os.path.join(REPOSITORY, "Templates"), "--config", no_config],
                   check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(output, "briefing.json")) as site_file:
        site = json.load(site_file)
    with open(os.path.join(folder, "world.json")) as world_file:
        world = json.load(world_file)
    with open(os.path.join(folder, "articles.jsonl")) as lines:
        truth_articles = {entry["file"]: entry for entry in map(json.loads, lines)}

    print(f"{options.size} articles")
    for kind in ("terms", "parties"):
        world_keys = {key(entry if isinstance(entry, str) else entry["name"]) for entry in world[kind]}
        named = {key(name) for entry in truth_articles.values() for name in entry[kind]}
        found = [entry["name"] for entry in site[kind]]
        found_keys = {key(name) for name in found}
        right = found_keys & world_keys
        by_slug = {entry["slug"]: key(entry["name"]) for entry in site[kind]}
        hits = listed = expected = 0
        for article in site["articles"]:
            truth = truth_articles.get(article["slug"])
            if truth is None:
                continue
            ours = {by_slug[slug] for slug in article[kind] if slug in by_slug}
            theirs = {key(name) for name in truth[kind]}
            hits += len(ours & theirs)
            listed += len(ours)
            expected += len(theirs)
        print(f"  {kind:8} found {len(found):5}, of the world's {len(right):5}: precision {ratio(len(right), len(found)):.2f},"
              f" recall {ratio(len(right & named), len(named)):.2f} of the {len(named)} named;"
              f" per article precision {ratio(hits, listed):.2f}, recall {ratio(hits, expected):.2f}")
        if kind != "terms":
            continue
        before = collections.Counter()
        after = collections.Counter()
        other = []
        for name in found:
            words = name.lower().split()
            if key(name) in world_keys:
                continue
            split = next((i for i in range(1, len(words)) if key(" ".join(words[i:])) in world_keys), None)
            if split is not None:
                before[" ".join(words[:split])] += 1
                continue
            split = next((i for i in range(len(words) - 1, 0, -1) if key(" ".join(words[:i])) in world_keys), None)
            if split is not None:
                after[" ".join(words[split:])] += 1
                continue
            other.append(name)
        print(f"    a word before a world's term: {sum(before.values())}, commonest:",
              ", ".join(f"{word} ({count})" for word, count in before.most_common(8)))
        print(f"    a word after a world's term: {sum(after.values())}, commonest:",
              ", ".join(f"{word} ({count})" for word, count in after.most_common(8)))
        print(f"    others: {len(other)}, for example:", ", ".join(other[:: max(1, len(other) // 20)][:20]))


if __name__ == "__main__":
    main()
