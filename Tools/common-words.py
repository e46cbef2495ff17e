"""Writes Sources/BriefingKit/Extract/CommonWords.swift: how common each of the 30,000 most
frequent English words is, and which part of speech it mostly is, which term extraction uses to
tell a story's own words from everyday ones and a noun phrase from a clause.

Usage: apt-get install wordnet-base && pip install wordfreq==3.1.1 && python3 Tools/common-words.py

Frequencies are Zipf values (log10 of occurrences per billion words) from wordfreq 3.1.1, whose
word lists are published under CC BY-SA 4.0 (https://github.com/rspeer/wordfreq). Parts of speech
come from WordNet 3.0 (Princeton University, WordNet 3.0 license): a word form is reduced to its
lemmas with WordNet's exception lists and detachment rules, and each part of speech scores by the
number of its senses tagged in WordNet's semantic concordance. A form is marked a verb (v),
adjective (a) or adverb (r) when that part of speech clearly outscores the noun reading or
WordNet has no noun reading; otherwise it is a noun (n) when WordNet has it as one, or unmarked
(-) when WordNet does not list it at all; a noun whose commonest sense is a person (WordNet's
noun.person: "minister", "editor") is marked p, as function words and new words ("ceasefire"). A
second letter n marks a verb or adjective that WordNet also lists as a noun ("sharing": vn).
"""

import os
import re

from wordfreq import top_n_list, zipf_frequency

WORDNET = "/usr/share/wordnet"
OUTPUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                      "Sources", "BriefingKit", "Extract", "CommonWords.swift")

RULES = {
    "noun": [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
             ("men", "man"), ("ies", "y")],
    "verb": [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"),
             ("ing", "")],
    "adj": [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
    "adv": [],
}


def load_person_nouns():
    """Noun lemmas whose commonest sense is a person (WordNet lexicographer file 18, noun.person)."""
    lexfile = {}
    with open(os.path.join(WORDNET, "data.noun"), encoding="latin-1") as handle:
        for line in handle:
            if not line.startswith(" "):
                fields = line.split(" ", 2)
                lexfile[fields[0]] = fields[1]
    people = set()
    with open(os.path.join(WORDNET, "index.noun"), encoding="latin-1") as handle:
        for line in handle:
            if line.startswith(" "):
                continue
            fields = line.split()
            pointers = int(fields[3])
            first_synset = fields[4 + pointers + 2]
            if lexfile.get(first_synset) == "18":
                people.add(fields[0])
    return people


def load(pos):
    counts = {}
    with open(os.path.join(WORDNET, "index." + pos), encoding="latin-1") as handle:
        for line in handle:
            if line.startswith(" "):
                continue
            fields = line.split()
            pointers = int(fields[3])
            tagged = int(fields[4 + pointers + 1])
            counts[fields[0]] = tagged
    exceptions = {}
    with open(os.path.join(WORDNET, pos + ".exc"), encoding="latin-1") as handle:
        for line in handle:
            fields = line.split()
            exceptions.setdefault(fields[0], []).extend(fields[1:])
    return counts, exceptions


def score(word, pos, counts, exceptions):
    """Tagged senses (plus one for being listed at all) of the best lemma of `word` as `pos`."""
    lemmas = {word} | set(exceptions.get(word, []))
    for suffix, ending in RULES[pos]:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: len(word) - len(suffix)] + ending
            lemmas.add(stem)
            if ending == "" and len(stem) > 2 and stem[-1] == stem[-2]:
                lemmas.add(stem[:-1])  # stopped -> stop
    return max((counts[lemma] + 1 for lemma in lemmas if lemma in counts), default=0)


def noun_lemma(word, counts, exceptions):
    lemmas = [word] + exceptions.get(word, [])
    for suffix, ending in RULES["noun"]:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            lemmas.append(word[: len(word) - len(suffix)] + ending)
    return next((lemma for lemma in lemmas if lemma in counts), None)


def classify(word, tables, people):
    scores = {pos: score(word, pos, *tables[pos]) for pos in tables}
    noun = scores["noun"]
    best = max(("verb", "adj", "adv"), key=lambda pos: scores[pos])
    if scores[best] > 2 * noun and (scores[best] >= 2 or noun == 0):
        # A verb or adjective that can also be a noun says so ("sharing": vn).
        return {"verb": "v", "adj": "a", "adv": "r"}[best] + ("n" if noun else "")
    if not noun:
        return "-"
    return "p" if noun_lemma(word, *tables["noun"]) in people else "n"


def main():
    tables = {pos: load(pos) for pos in ("noun", "verb", "adj", "adv")}
    people = load_person_nouns()
    lines = []
    for word in top_n_list("en", 33000):
        if re.fullmatch(r"[a-z][a-z'-]*", word):
            lines.append(f"{word} {round(zipf_frequency(word, 'en') * 10)} {classify(word, tables, people)}")
        if len(lines) == 30000:
            break
    with open(OUTPUT, "w", encoding="utf-8") as handle:
        handle.write("// Generated by Tools/common-words.py; do not edit.\n")
        handle.write("// Each line: a word, its Zipf frequency times ten, and its usual part of speech.\n")
        handle.write("// Frequencies: wordfreq 3.1.1 (https://github.com/rspeer/wordfreq), CC BY-SA 4.0.\n")
        handle.write("// Parts of speech: WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.\n")
        handle.write("// WordNet is used under its license, reproduced in Tools/WORDNET-LICENSE.\n")
        handle.write("// swift-format-ignore-file\n\n")
        handle.write("extension CommonWords {\n    static let table = \"\"\"\n")
        for line in lines:
            handle.write(line + "\n")
        handle.write("\"\"\"\n}\n")
    print(f"{OUTPUT}: {len(lines)} words")


if __name__ == "__main__":
    main()
