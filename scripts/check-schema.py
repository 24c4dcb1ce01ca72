#!/usr/bin/env python3
"""Checks Resources/octopus-kb.json against Resources/octopus-kb.schema.json (JSON Schema 2020-12).
`octopus validate` checks more (links, ids across kinds, event order); this keeps the schema honest."""
import json, pathlib, sys
try:
    import jsonschema
except ImportError:
    print("check-schema: python jsonschema not installed; skipped")
    sys.exit(0)
root = pathlib.Path(__file__).resolve().parent.parent
schema = json.loads((root / "Resources/octopus-kb.schema.json").read_text())
kb = json.loads((root / "Resources/octopus-kb.json").read_text())
errors = list(jsonschema.Draft202012Validator(schema).iter_errors(kb))
for e in errors[:20]:
    print("check-schema: " + "/".join(map(str, e.path)) + ": " + e.message[:200])
print(f"check-schema: {len(errors)} problem(s)")
sys.exit(1 if errors else 0)
