#!/usr/bin/env python3
"""Rewrites the parts of rules/schema/*.json that repeat the catalogues: every power-id enum (from
rules/powers.json), every force enum (from rules/forces.json) and, in cases.schema.json, the query's fact
properties and the missing-facts enums (from rules/facts.json). Run it after adding a power, a force or a fact;
RuleFileSchemaTests fails until the schemas agree.
Usage: python3 .ci/sync-schemas.py [RULES_DIR]"""
import json
import sys
from collections import OrderedDict
from pathlib import Path

rules = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "rules")
load = lambda p: json.loads(p.read_text(encoding="utf-8"), object_pairs_hook=OrderedDict)
power_ids = [p["id"] for p in load(rules / "powers.json")["powers"]]
force_ids = [f["id"] for f in load(rules / "forces.json")["forces"]]
facts = load(rules / "facts.json")["facts"]


def fact_schema(fact):
    t = fact["type"]
    if t == "bool":
        out = OrderedDict([("type", "boolean")])
    elif t == "int":
        out = OrderedDict([("type", "integer")])
        if "min" in fact:
            out["minimum"] = fact["min"]
    else:
        out = OrderedDict([("enum", list(fact["values"]))])
    out["description"] = fact["text"]
    return out


def is_power_enum(values):
    # A list of strings of which most are power ids (an old copy of the catalogue) is a power-id enum.
    return isinstance(values, list) and len(values) >= 5 and all(isinstance(v, str) for v in values) \
        and sum(v in power_ids for v in values) >= len(values) - 2 and "inUniform" not in values


def is_force_enum(values):
    # As for powers: most of the values are force ids (RuleFileSchemaTests finds them by "kent").
    return isinstance(values, list) and len(values) >= 5 and all(isinstance(v, str) for v in values) \
        and sum(v in force_ids for v in values) >= len(values) - 2


def is_fact_enum(values):
    return isinstance(values, list) and "inUniform" in values and all(isinstance(v, str) for v in values)


def walk(node, path):
    if isinstance(node, dict):
        for key, value in list(node.items()):
            if key == "enum" and is_power_enum(value):
                node[key] = list(power_ids)
            elif key == "enum" and is_force_enum(value):
                node[key] = list(force_ids)
            elif key == "enum" and is_fact_enum(value):
                node[key] = list(facts.keys())
            elif key == "facts" and isinstance(value, dict) and isinstance(value.get("properties"), dict) \
                    and "inUniform" in value["properties"]:
                value["properties"] = OrderedDict((name, fact_schema(f)) for name, f in facts.items())
            else:
                walk(value, path + [key])
    elif isinstance(node, list):
        for item in node:
            walk(item, path)


for path in sorted((rules / "schema").glob("*.json")):
    before = path.read_text(encoding="utf-8")
    document = json.loads(before, object_pairs_hook=OrderedDict)
    walk(document, [])
    if document != json.loads(before, object_pairs_hook=OrderedDict):
        path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print("updated", path.relative_to(rules.parent))
