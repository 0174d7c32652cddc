"""Reads Stryker.NET's JSON reports for bench/mutation.sh.

  python3 bench/mutation_report.py summary DIR...      the score per report, per folder and in total, then every
                                                        survived or uncovered mutant
  python3 bench/mutation_report.py spans ROOT DIR...    the mutate patterns of a recheck: the lines of the survived,
                                                        uncovered and timed-out mutants of those reports, found in
                                                        the sources under ROOT/src/Powers as they are now

A mutant is known by its file, the text of its line (and which occurrence of that text in the file it is), its
columns, mutator and replacement, so that it is the same mutant after lines above it moved (a test-only commit, a
disabling comment added). Reports are read in the order given and a later report's status replaces an earlier one:
a recheck of survivors on a newer commit, or a re-run of a piece. A mutant whose line no longer exists in the newest
report of its file is dropped (its code changed; the newer report has the mutants of the new code).
"""
import collections
import json
import os
import sys


def reports(path):
    if os.path.isfile(os.path.join(path, "reports", "mutation-report.json")):
        yield os.path.basename(os.path.normpath(path)), os.path.join(path, "reports", "mutation-report.json")
        return
    for name in sorted(os.listdir(path)):
        report = os.path.join(path, name, "reports", "mutation-report.json")
        if os.path.isfile(report):
            yield name, report
        elif os.path.isdir(os.path.join(path, name)):
            print(f"{name}: no report (stopped, or still running)")


def line_keys(source):
    """For each line (1-based), its text and which occurrence of that text in the file it is."""
    seen, keys = collections.Counter(), [None]
    for text in source.split("\n"):
        seen[text] += 1
        keys.append((text, seen[text]))
    return keys


def mutated_files(report):
    for file, data in json.load(open(report))["files"].items():
        # Only files the run mutated: Stryker also lists the others, their mutants ignored by the mutate filter.
        if all(m["status"] in ("Ignored", "CompileError") for m in data["mutants"]):
            continue
        yield file.split("src/Powers/", 1)[-1], data


def counted(m):
    if m["status"] == "CompileError":
        return False
    # Stryker lists as Ignored the mutants outside the run's mutate filter and those inside a block mutant already
    # tested ("... filter"): only those a comment disabled count, as ignored (outside the score, as in Stryker's).
    return not (m["status"] == "Ignored" and "filter" in (m.get("statusReason") or ""))


def key(rel, keys, m):
    loc = m["location"]
    start, end = loc["start"], loc["end"]
    return (rel, keys[start["line"]], start["column"], end["line"] - start["line"], end["column"],
            m["mutatorName"], m.get("replacement", ""))


def row(label, c):
    detected = c["Killed"] + c["Timeout"]
    valid = detected + c["Survived"] + c["NoCoverage"]
    score = f"{100 * detected / valid:.2f}%" if valid else "-"
    return (f"| {label} | {valid} | {c['Killed']} | {c['Survived']} | {c['NoCoverage']} | {c['Timeout']} "
            f"| {c['Ignored']} | {score} |")


def summary(paths):
    status, where, pieces, lines_now = {}, {}, {}, {}
    for path in paths:
        for name, report in reports(path):
            counts = collections.Counter()
            for rel, data in mutated_files(report):
                keys = line_keys(data["source"].lstrip("\ufeff"))
                lines_now[rel] = set(keys[1:])
                for m in data["mutants"]:
                    if not counted(m):
                        continue
                    k = key(rel, keys, m)
                    status[k] = m["status"]
                    where[k] = f"{rel}:{m['location']['start']['line']} {m['mutatorName']}: {m.get('replacement', '')!r}"
                    counts[m["status"]] += 1
            pieces[name] = counts

    folders, total = collections.defaultdict(collections.Counter), collections.Counter()
    for k in [k for k in status if k[1] not in lines_now[k[0]]]:
        del status[k]
    for k, st in status.items():
        folders[k[0].split("/", 1)[0]][st] += 1
        total[st] += 1

    print("| scope | mutants tested | killed | survived | no coverage | timeout | ignored (disabled by comment) | score |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, c in pieces.items():
        print(row(f"report {name} (as run)", c))
    for name, c in sorted(folders.items()):
        print(row(f"folder {name}", c))
    print(row("**total**", total))
    print()
    print("Survived and not covered (file:line in the report that gave the status, mutator: replacement):")
    left = sorted(f"{st:10} {where[k]}" for k, st in status.items() if st in ("Survived", "NoCoverage"))
    print("\n".join(left) if left else "none")


def spans(root, paths):
    wanted = collections.defaultdict(set)
    for path in paths:
        for _, report in reports(path):
            for rel, data in mutated_files(report):
                keys = line_keys(data["source"].lstrip("\ufeff"))
                for m in data["mutants"]:
                    # Timeouts too: on a loaded machine a mutant whose tests were merely slow times out, and Stryker
                    # counts a timeout as detected.
                    if m["status"] in ("Survived", "NoCoverage", "Timeout"):
                        loc = m["location"]
                        for n in range(loc["start"]["line"], loc["end"]["line"] + 1):
                            wanted[rel].add(keys[n])
    for rel, texts in sorted(wanted.items()):
        # Stryker's spans count characters of the text as Roslyn reads it (no byte order mark).
        text = open(os.path.join(root, "src/Powers", rel), encoding="utf-8-sig").read()
        ranges, offset = [], 0
        for k in line_keys(text)[1:]:
            length = len(k[0]) + 1
            if k in texts:
                # Adjacent lines make one span: a mutant of several lines must lie inside one span whole.
                if ranges and ranges[-1][1] == offset:
                    ranges[-1][1] = offset + length
                else:
                    ranges.append([offset, offset + length])
            offset += length
        if ranges:
            print(rel + "".join(f"{{{a}..{min(b, len(text))}}}" for a, b in ranges))


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "summary":
        summary(sys.argv[2:])
    elif len(sys.argv) >= 4 and sys.argv[1] == "spans":
        spans(sys.argv[2], sys.argv[3:])
    else:
        sys.exit(__doc__)
