#!/usr/bin/env python3
"""Writes a larger knowledge base made from the bundled one, for whole-process benchmarks:
SCALE copies of every record, the first the original, the others with suffixed ids ("art29-ab")
and perturbed prose (about one word in ten respelled, so the vocabulary grows as a real larger
base's would). Deterministic. Links still point at original records.

    scripts/synthetic-kb.py SCALE OUT.json [SOURCE.json]
"""
import json, random, re, sys

SYLLABLES = ["ka", "ro", "mi", "te", "lu", "sa", "no", "vi", "de", "po", "ga", "ze"]

def letters(n):
    out = ""
    while True:
        out = chr(97 + n % 26) + out
        n //= 26
        if n == 0:
            break
    return "a" + out if len(out) == 1 else out

def prose(rng, text):
    words = text.split(" ")
    in_link = False
    for i, w in enumerate(words):
        opens, closes = "[[" in w, "]]" in w
        if not in_link and not opens and w.isalpha() and len(w) > 3 and rng.random() < 0.1:
            words[i] = w[:-2] + rng.choice(SYLLABLES)
        if opens and not closes:
            in_link = True
        elif closes:
            in_link = False
    return " ".join(words)

TEXT_FIELDS = ("summary", "definition", "text")

def perturb(rng, value):
    if isinstance(value, dict):
        return {k: (prose(rng, v) if k in TEXT_FIELDS and isinstance(v, str) else perturb(rng, v)) for k, v in value.items()}
    if isinstance(value, list):
        return [perturb(rng, v) for v in value]
    return value

TREATY_IDS = {}
FREE_CODES = []

def treaty_copy(treaty_id, copy):
    """Treaty ids are ets or cets and at most three digits: copies are numbered cets300, cets301 …"""
    key = (treaty_id, copy)
    if key not in TREATY_IDS:
        TREATY_IDS[key] = f"cets{300 + len(TREATY_IDS)}"
    return TREATY_IDS[key]

def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    scale, out = int(sys.argv[1]), sys.argv[2]
    source = sys.argv[3] if len(sys.argv) > 3 else "Resources/octopus-kb.json"
    kb = json.load(open(source, encoding="utf-8"))
    rng = random.Random(0x0C702010)
    copies = {key: [] for key in ("treaties", "articles", "sessions", "countries", "organisations", "glossary")}
    # Ids are matched without case, so a code may not spell another record's id ("EU", "UN").
    used = {r["id"].lower() for key in copies for r in kb[key]}
    FREE_CODES.extend(a + b for a in map(chr, range(65, 91)) for b in map(chr, range(65, 91)) if (a + b).lower() not in used)
    for copy in range(1, scale):
        suffix = "-" + letters(copy)
        for key, originals in kb.items():
            if key not in copies:
                continue
            for record in originals:
                r = perturb(rng, record)
                r["id"] = record["id"] + suffix
                if key == "treaties":
                    r["id"] = treaty_copy(record["id"], copy)
                    # A copy of a treaty is a "related" one: only the originals are the Convention and
                    # its Protocol, and a related treaty's articles are named after it.
                    r["role"] = "related"
                    r.pop("reservationsArticle", None)
                    r.pop("declarationsArticle", None)
                    r.pop("publishedCounts", None)
                    r["aliases"] = []
                if key == "countries":
                    # Country ids are ISO codes: copies take the codes no real record uses, as long
                    # as there are any (about six copies' worth); past that, countries stay as they are.
                    if not FREE_CODES:
                        continue
                    r["id"] = FREE_CODES.pop(0)
                    r["name"] = record["name"] + " " + suffix[1:].upper()
                    for field in ("formerNames", "partOf"):
                        r.pop(field, None)
                if key == "articles":
                    r["treaty"] = treaty_copy(record["treaty"], copy)
                    r["id"] = f'{r["treaty"]}-art{record["number"]}'
                if "aliases" in r and key != "treaties":
                    r["aliases"] = []
                copies[key].append(r)
    for key, extra in copies.items():
        kb[key].extend(extra)
    kb["title"] = kb["title"] + f" ×{scale}"
    with open(out, "w", encoding="utf-8") as f:
        json.dump(kb, f, ensure_ascii=False)
    print(f"{out}: {scale}× the base")

if __name__ == "__main__":
    main()
