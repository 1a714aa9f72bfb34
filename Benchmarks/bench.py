#!/usr/bin/env python3
"""Builds the same corpus with vernetzt and with Hugo, alternately, and prints medians and the
ratios vernetzt/Hugo for wall time and peak memory, plus vernetzt's time per stage.

    bench.py [--sizes 1000 10000] [--runs 3] [--work .build/bench] [--vernetzt PATH]

Each run is a clean build: the previous output is moved aside first (not timed) and deleted only
at the end. Deleting it between runs would slow the next run's file creation: ext4 without a
journal (as on these machines) skips inodes freed in the last 30 seconds, one inode-table
lookup at a time. Wall time and peak resident memory come from /usr/bin/time. Nothing here
asserts anything: it measures.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def timed(command, cwd):
    """(wall seconds, peak RSS in MiB, stdout) of one run."""
    result = subprocess.run(["/usr/bin/time", "-f", "TIME %e %M"] + command, cwd=cwd,
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit("failed: %s\n%s" % (" ".join(command), result.stderr[-2000:]))
    match = re.search(r"TIME ([\d.]+) (\d+)", result.stderr)
    return float(match.group(1)), int(match.group(2)) / 1024, result.stdout


class Aside:
    """Where previous outputs go until the benchmark ends."""

    def __init__(self, work):
        self.root = os.path.join(work, "aside")
        self.count = 0
        if os.path.exists(self.root):
            shutil.rmtree(self.root)
            print("removed old outputs; waiting 31 s until ext4 reuses their inodes", flush=True)
            time.sleep(31)
        os.makedirs(self.root)

    def move(self, path):
        if os.path.exists(path):
            self.count += 1
            os.rename(path, os.path.join(self.root, str(self.count)))

    def clear(self):
        shutil.rmtree(self.root)


def stages(text):
    return {m.group(1): float(m.group(2)) for m in re.finditer(r"^\s+(\w+)\s+([\d.]+) ms$", text, re.M)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default=os.path.join(REPO, ".build", "bench"))
    parser.add_argument("--vernetzt", default=os.path.join(REPO, ".build", "release", "vernetzt"))
    args = parser.parse_args()

    rows = []
    aside = Aside(args.work)
    for n in args.sizes:
        corpus = os.path.join(args.work, "corpus-%d" % n)
        if not os.path.isdir(os.path.join(corpus, "vernetzt")):
            subprocess.run([sys.executable, os.path.join(HERE, "corpus.py"), str(n), corpus], check=True)
        v_site, h_site = os.path.join(corpus, "vernetzt"), os.path.join(corpus, "hugo")
        v_out, h_out = os.path.join(corpus, "vernetzt-output"), os.path.join(h_site, "public")
        results = {"vernetzt": [], "hugo": []}
        split = {}
        for run in range(args.runs):
            aside.move(v_out)
            os.sync()  # the previous run's writes must not be paid for by this one
            wall, rss, out = timed([args.vernetzt, "build", "--root", v_site, "--layouts", os.path.join(REPO, "layouts"),
                                    "--output", v_out, "--verbose"], REPO)
            results["vernetzt"].append((wall, rss))
            for stage, ms in stages(out).items():
                split.setdefault(stage, []).append(ms)
            aside.move(h_out)
            aside.move(os.path.join(h_site, "resources"))
            os.sync()
            wall, rss, _ = timed(["hugo", "--quiet"], h_site)
            results["hugo"].append((wall, rss))
        files = sum(len(f) for _, _, f in os.walk(v_out))
        hugo_files = sum(len(f) for _, _, f in os.walk(h_out))
        row = {"n": n, "files": files, "hugo_files": hugo_files}
        for tool, values in results.items():
            row[tool] = (statistics.median(v[0] for v in values), max(v[1] for v in values))
        row["stages"] = {stage: statistics.median(ms) for stage, ms in split.items()}
        rows.append(row)
        print_row(row)
    aside.clear()

    print("\n| posts | vernetzt s | Hugo s | time ratio | vernetzt MiB | Hugo MiB | memory ratio | files (vernetzt / Hugo) |")
    print("|---|---|---|---|---|---|---|---|")
    for row in rows:
        v, h = row["vernetzt"], row["hugo"]
        print("| %d | %.2f | %.2f | %.2f | %.0f | %.0f | %.2f | %d / %d |" % (
            row["n"], v[0], h[0], v[0] / h[0], v[1], h[1], v[1] / h[1], row["files"], row["hugo_files"]))
    if len(rows) > 1:
        base = rows[0]
        for row in rows[1:]:
            per = (row["vernetzt"][0] / row["n"]) / (base["vernetzt"][0] / base["n"])
            print("time per post, %d vs %d posts: %.2f×" % (row["n"], base["n"], per))


def print_row(row):
    v, h = row["vernetzt"], row["hugo"]
    split = ", ".join("%s %.0f ms" % (s, ms) for s, ms in row["stages"].items())
    print("%6d posts: vernetzt %.2f s %.0f MiB · Hugo %.2f s %.0f MiB · ratio time %.2f, memory %.2f · stages: %s" % (
        row["n"], v[0], v[1], h[0], h[1], v[0] / h[0], v[1] / h[1], split), flush=True)


if __name__ == "__main__":
    main()
