#!/usr/bin/env python3
"""Writes seed inputs for the fuzz targets from the project's own files, into OUT/<target>/.

Run by scripts/fuzz before each campaign (the output is git-ignored); the small hand-made seeds
committed under Fuzz/Seeds/ are read by libFuzzer directly. Usage: make-seeds.py ROOT OUT [OCTOPUS]
where OCTOPUS, when given, is a built octopus binary used for `octopus walk --new SESSION`.
"""
import hashlib, json, os, re, subprocess, sys, textwrap

root, out = sys.argv[1], sys.argv[2]
octopus = sys.argv[3] if len(sys.argv) > 3 else None
counts = {}

def seed(target, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "seed-" + hashlib.sha1(data).hexdigest()[:16]), "wb") as f:
        f.write(data)
    counts[target] = counts.get(target, 0) + 1

def read(rel):
    with open(os.path.join(root, rel), encoding="utf-8") as f:
        return f.read()

def literals(rel):
    """Swift multi-line string literals of a test file, dedented as Swift does."""
    for m in re.finditer(r'#?"""\n(.*?)\n([ \t]*)"""#?', read(rel), re.S):
        indent = m.group(2)
        yield "\n".join(l[len(indent):] if l.startswith(indent) else l for l in m.group(1).split("\n")) + "\n"

def oneline_json(rel):
    """One-line JSON objects written as Swift string literals ("{\\"format\\": …}")."""
    for m in re.finditer(r'"(\{(?:[^"\\]|\\.)*\})"', read(rel)):
        try:
            yield json.loads('"' + m.group(1) + '"')
        except ValueError:
            pass

# Knowledge base: the bundled file, minified, the tests' hand-made base, and small slices of the
# bundled one (one kind of record each: their links dangle, which exercises the reference checks).
kb_text = read("Resources/octopus-kb.json")
kb = json.loads(kb_text)
seed("fuzz-kb", kb_text)
seed("fuzz-kb", json.dumps(kb, ensure_ascii=False, separators=(",", ":")))
for text in literals("Tests/OctopusKitTests/Fixtures.swift"):
    seed("fuzz-kb", text)
kinds = [k for k, v in kb.items() if isinstance(v, list)]
for kind in kinds:
    for start in (0, 3):
        part = {k: v for k, v in kb.items() if not isinstance(v, list)}
        for k in kinds:
            part[k] = kb[k][start:start + 3] if k == kind else []
        seed("fuzz-kb", json.dumps(part, ensure_ascii=False, indent=1))
for rel in ("Resources/octopus-kb.schema.json",):
    seed("fuzz-kb", read(rel))

# Tours: the tests' YAML and JSON tours, one per session from its agenda (YAML and JSON), and what
# `octopus walk --new` writes when a built binary is at hand.
for text in literals("Tests/OctopusKitTests/TourTests.swift"):
    seed("fuzz-tour", text)
for s in kb["sessions"]:
    steps = [{"address": f'{s["id"]}/{t["id"]}', "minutes": t.get("minutes", 10)} for t in s.get("topics", [])]
    steps += [{"address": l, "notes": ["Ask the room"]} for l in s.get("links", [])[:3]]
    if not steps:
        continue
    seed("fuzz-tour", json.dumps({"title": s["title"], "steps": steps}, ensure_ascii=False, indent=2))
    yaml = [f'title: "{s["title"]}"', "steps:"]
    for st in steps:
        yaml.append(f'  - address: {st["address"]}')
        if "minutes" in st:
            yaml.append(f'    minutes: {st["minutes"]}')
        if "notes" in st:
            yaml.append("    notes: |\n      Ask the room.\n      Then move on.")
    seed("fuzz-tour", "\n".join(yaml) + "\n")
if octopus:
    for s in kb["sessions"]:
        r = subprocess.run([octopus, "walk", "--new", s["id"]], capture_output=True)
        if r.returncode == 0:
            seed("fuzz-tour", r.stdout)

# Notes import: the exports and broken exports of the notebook tests.
for rel in ("Tests/OctopusNotebookTests/TransferTests.swift", "Tests/OctopusNotebookTests/CommandLineTests.swift"):
    for text in oneline_json(rel):
        seed("fuzz-notes-import", text)
    for text in literals(rel):
        seed("fuzz-notes-import", text)

# Editor: real text from the knowledge base typed as keys (a newline is Enter, byte 0x08).
for rec in (kb["articles"][:4] + kb["countries"][:4] + kb["sessions"][:2]):
    text = rec.get("summary", rec.get("title", ""))[:300]
    seed("fuzz-editor", text.replace("\n", "\x08"))

for target, n in sorted(counts.items()):
    print(f"  {target}: {n} generated seeds")
