#!/usr/bin/env python3
"""Builds the same corpus with vernetzt and with Hugo, alternately, and prints medians and the
ratios vernetzt/Hugo for wall time and peak memory, plus vernetzt's time per stage.

    bench.py [--sizes 1000 10000] [--runs 3] [--small-runs 9] [--corpus named own] [--work .build/bench] [--vernetzt PATH]

Two corpora: `named`, the shared generator `../shared/bench/make_corpus.py N DIR --vernetzt`
(the speed issue's corpus: longer posts, more tables and lists), and `own`
(`Benchmarks/corpus.py`). Four conditions for each: a clean build into a new folder, with no
state of an earlier build (`.cache/vernetzt/` moved aside too); a build again into the same
output right after (what an editor meets building twice; Hugo too builds again into its
`public/`); and a build right after one post was changed — a post from the middle of the
archive, and the newest post (on the home page, in the feeds and the first list pages) — for
which Hugo, with no incremental build, builds everything again. No waiting between them beyond
what Hugo gets.

Each run is a clean build: the previous output is moved aside first (not timed) and deleted only
at the end. Deleting it between runs would slow the next run's file creation: ext4 without a
journal (as on these machines) skips inodes freed in the last 30 seconds — 5.5 minutes while
their inode-table block is dirty, which it stays as long as new files go into it — one
inode-table lookup per skipped inode. So: start it at least 6 minutes after deleting big
folders. It waits by itself for the last benchmark's deletion (`last-clear` in the work
folder) and for an interrupted run's outputs. Wall time and peak resident memory come from
/usr/bin/time. Nothing here asserts anything: it measures.
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
    # vernetzt's stage names in English, as this script and the README name them.
    # Wall time from this process's clock (/usr/bin/time prints hundredths of a second: at 1,000
    # posts a tenth of the ratio); /usr/bin/time for the peak memory, and its start for both tools.
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "TIME %e %M"] + command, cwd=cwd,
                            capture_output=True, text=True, env=dict(os.environ, VERNETZT_LANG="en"))
    wall = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit("failed: %s\n%s" % (" ".join(command), result.stderr[-2000:]))
    match = re.search(r"TIME ([\d.]+) (\d+)", result.stderr)
    return wall, int(match.group(2)) / 1024, result.stdout


class Aside:
    """Where previous outputs go until the benchmark ends."""

    # When the last benchmark finished deleting its outputs.
    STAMP = "last-clear"

    def __init__(self, work):
        self.root = os.path.join(work, "aside")
        self.stamp = os.path.join(work, self.STAMP)
        self.count = 0
        wait = 31
        if os.path.exists(self.root):  # outputs of a benchmark that was interrupted
            shutil.rmtree(self.root)
            os.sync()
            wait = 330
        elif os.path.exists(self.stamp):  # the last benchmark's outputs, deleted at its end
            wait = max(wait, 330 - (time.time() - os.path.getmtime(self.stamp)))
        # Whatever was deleted last must not slow this run (see above).
        print("waiting %d s, until files deleted before now no longer slow file creation" % wait, flush=True)
        time.sleep(wait)
        os.makedirs(self.root)

    def move(self, path):
        if os.path.exists(path):
            self.count += 1
            os.rename(path, os.path.join(self.root, str(self.count)))

    def clear(self):
        print("removing the %d outputs moved aside (%s)" % (self.count, self.root), flush=True)
        shutil.rmtree(self.root)
        os.sync()
        with open(self.stamp, "w") as stamp:  # the next run waits until this deletion no longer counts
            stamp.write("%d\n" % time.time())


def serve_reload(vernetzt, site, layouts, changes=5):
    """Median milliseconds from saving a post to the reload event of `vernetzt serve`."""
    import socket
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([vernetzt, "serve", "--root", site, "--layouts", layouts, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 600
        while True:  # the first build
            try:
                events = socket.create_connection(("127.0.0.1", port), timeout=600)
                break
            except OSError:
                if time.time() > deadline or server.poll() is not None:
                    sys.exit("serve did not start")
                time.sleep(0.2)
        events.sendall(b"GET /__vernetzt/events HTTP/1.1\r\nHost: localhost\r\n\r\n")
        events.recv(4096)  # the response head
        posts = os.path.join(site, "content", "blog")
        post = os.path.join(posts, sorted(os.listdir(posts))[len(os.listdir(posts)) // 2])
        original = open(post, encoding="utf-8").read()
        times = []
        try:
            for n in range(changes):
                time.sleep(1.0)
                started = time.time()
                with open(post, "w", encoding="utf-8") as f:
                    f.write(original + "\nGeändert %d.\n" % n)
                received = b""
                while b"event: reload" not in received:
                    received += events.recv(4096)
                times.append((time.time() - started) * 1000)
        finally:
            with open(post, "w", encoding="utf-8") as f:
                f.write(original)
        events.close()
        return statistics.median(times)
    finally:
        server.terminate()
        server.wait()


def stages(text):
    return {m.group(1): float(m.group(2)) for m in re.finditer(r"^\s+(\w+)\s+([\d.]+) ms\b", text, re.M)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--small-runs", type=int, default=9,
                        help="runs at 1,000 posts or fewer: a build there takes a fifth of a second, and the "
                             "machine's noise of a tenth to a quarter decides a median of three")
    parser.add_argument("--work", default=os.path.join(REPO, ".build", "bench"))
    parser.add_argument("--vernetzt", default=os.path.join(REPO, ".build", "release", "vernetzt"))
    parser.add_argument("--hugo-max", type=int, default=10000,
                        help="largest size Hugo is built at (at 100,000 posts it needs more memory than these machines have)")
    parser.add_argument("--serve-max", type=int, default=10000,
                        help="largest size the serve reload is measured at")
    parser.add_argument("--corpus", nargs="+", choices=["named", "own"], default=["named", "own"])
    args = parser.parse_args()
    if "named" in args.corpus and not os.path.exists(NAMED_GENERATOR):
        print("the named corpus's generator is not at %s: measuring the own corpus only" % NAMED_GENERATOR)
        args.corpus = [c for c in args.corpus if c != "named"] or ["own"]
    layouts = os.path.join(REPO, "layouts")
    print_memory_reporting()

    aside = Aside(args.work)
    own = content_row(args, aside)
    print("content/: vernetzt %.0f ms (%.0f ms with the Pagefind index), %.0f MiB" % (
        own["plain"] * 1000, own["search"] * 1000, own["rss"]), flush=True)
    # Markdown first: after the builds, the kernel writes their gigabytes back for minutes,
    # on the same two cores.
    markdown_rows = [markdown_row(args, layouts, kind, n) for kind in args.corpus for n in args.sizes if n == 10000]
    rows = []
    for kind in args.corpus:
        for n in args.sizes:
            row = measure(args, aside, layouts, kind, n)
            rows.append(row)
            print_row(row)
    print_table(rows, own)
    print_markdown(markdown_rows)
    aside.clear()


NAMED_GENERATOR = os.path.join(os.path.dirname(REPO), "shared", "bench", "make_corpus.py")

REPORTING = "/sys/module/page_reporting/parameters"


def print_memory_reporting():
    """Whether the virtual machine hands free memory back to its host (virtio-balloon free page
    reporting): then memory not used for a while costs a host fault per page when it is touched
    again, and the gigabytes a 100,000-post build writes into the page cache cost about three
    times as much as memory just freed (README, 100,000 posts)."""
    try:
        with open(os.path.join(REPORTING, "reported_kib")) as f:
            reported = int(f.read())
    except (OSError, ValueError):
        print("free page reporting: none seen (%s)" % REPORTING)
        return
    print("free page reporting: on, %.0f GiB handed back to the host since boot" % (reported / 1024 / 1024), flush=True)


def corpus_sites(args, kind, n):
    """(vernetzt site, Hugo site) of the corpus, generated once into the work folder."""
    corpus = os.path.join(args.work, "%s-%d" % ("named" if kind == "named" else "corpus", n))
    if kind == "named":
        if not os.path.isdir(os.path.join(corpus, "vernetzt")):
            subprocess.run([sys.executable, NAMED_GENERATOR, str(n), corpus, "--vernetzt"], check=True)
        return os.path.join(corpus, "vernetzt"), corpus
    if not os.path.isdir(os.path.join(corpus, "vernetzt")):
        subprocess.run([sys.executable, os.path.join(HERE, "corpus.py"), str(n), corpus], check=True)
    return os.path.join(corpus, "vernetzt"), os.path.join(corpus, "hugo")


def post_pair(v_site, h_site, which):
    """The same post in the vernetzt and the Hugo site: the middle one of the archive, or the newest."""
    posts = os.path.join(v_site, "content", "blog")
    names = sorted(os.listdir(posts))
    name = names[len(names) // 2] if which == "middle" else max(names, key=lambda f: post_date(os.path.join(posts, f)))
    hugo = next((os.path.join(folder, name) for folder, _, files in os.walk(os.path.join(h_site, "content")) if name in files), None)
    return os.path.join(posts, name), hugo


def post_date(path):
    match = re.search(r"^date: *\"?([^\"\n]*)", open(path, encoding="utf-8").read(), re.M)
    return match.group(1) if match else ""


class Changed:
    """Appends a sentence to the posts for one build and puts them back afterwards."""

    def __init__(self, paths, run):
        self.paths = [p for p in paths if p]
        self.run = run

    def __enter__(self):
        self.originals = [open(p, encoding="utf-8").read() for p in self.paths]
        for path, text in zip(self.paths, self.originals):
            with open(path, "w", encoding="utf-8") as f:
                f.write(text + "\nEin Satz mehr, Lauf %d.\n" % self.run)

    def __exit__(self, *exc):
        for path, text in zip(self.paths, self.originals):
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)


def measure(args, aside, layouts, kind, n):
    v_site, h_site = corpus_sites(args, kind, n)
    v_out, h_out = v_site + "-output", os.path.join(h_site, "public")
    with_hugo = n <= args.hugo_max
    results = {"vernetzt": [], "hugo": []}
    again = {"vernetzt": [], "hugo": []}
    changed = {(tool, which): [] for tool in ("vernetzt", "hugo") for which in ("middle", "newest")}
    split = {}
    changed_split = {}
    # --future: the named corpus puts a post every 7 hours from 2015, so at 100,000 posts most
    # lie ahead of today; all are built (at 1,000 and 10,000 none does).
    v_build = [args.vernetzt, "build", "--root", v_site, "--layouts", layouts, "--output", v_out, "--verbose", "--future"]
    for run in range(args.small_runs if n <= 1000 else args.runs):
        aside.move(v_out)
        aside.move(os.path.join(v_site, ".cache", "vernetzt"))  # a clean build has no state of an earlier one
        os.sync()  # the previous run's writes must not be paid for by this one
        wall, rss, out = timed(v_build, REPO)
        results["vernetzt"].append((wall, rss))
        for stage, ms in stages(out).items():
            split.setdefault(stage, []).append(ms)
        # At once again into the same output, as an editor building twice does.
        wall, _, _ = timed(v_build, REPO)
        again["vernetzt"].append(wall)
        for which in ("middle", "newest"):
            v_post, _ = post_pair(v_site, h_site, which)
            with Changed([v_post], run):
                wall, _, out = timed(v_build, REPO)
            changed[("vernetzt", which)].append(wall)
            if which == "middle":
                for stage, ms in stages(out).items():
                    changed_split.setdefault(stage, []).append(ms)
            # The post back as it was: built too, so that the next change starts from it.
            timed(v_build, REPO)
        if with_hugo:
            aside.move(h_out)
            aside.move(os.path.join(h_site, "resources"))
            os.sync()
            wall, rss, _ = timed(["hugo", "--quiet"], h_site)
            results["hugo"].append((wall, rss))
            wall, _, _ = timed(["hugo", "--quiet"], h_site)
            again["hugo"].append(wall)
            for which in ("middle", "newest"):
                _, h_post = post_pair(v_site, h_site, which)
                with Changed([h_post], run):
                    wall, _, _ = timed(["hugo", "--quiet"], h_site)
                changed[("hugo", which)].append(wall)
    row = {"corpus": kind, "n": n, "files": sum(len(f) for _, _, f in os.walk(v_out)),
           "hugo_files": sum(len(f) for _, _, f in os.walk(h_out)) if with_hugo else 0}
    for tool, values in results.items():
        row[tool] = (statistics.median(v[0] for v in values), max(v[1] for v in values)) if values else None
        row[tool + "_again"] = (min(again[tool]), max(again[tool])) if again[tool] else None
        row[tool + "_range"] = (min(v[0] for v in values), max(v[0] for v in values)) if values else None
    row["stages"] = {stage: statistics.median(ms) for stage, ms in split.items()}
    row["changed_stages"] = {stage: statistics.median(ms) for stage, ms in changed_split.items()}
    for (tool, which), values in changed.items():
        row["%s_changed_%s" % (tool, which)] = (min(values), max(values)) if values else None
    row["reload"] = serve_reload(args.vernetzt, v_site, layouts) if n <= args.serve_max else None
    return row


CMARK_LOOP = os.path.join(os.path.dirname(REPO), "shared", "bench", "cmark_loop.c")


def cmark_loops(work):
    """cmark_loop.c as given (cmark-gfm's default options, four extensions, glibc's malloc); a
    copy with vernetzt's options (footnotes, `~~` strikethrough only, the task-list extension
    too), so that both parse the same Markdown into the same kind of HTML; and that copy with
    the allocator vernetzt links (mimalloc: cmark-gfm allocates a node at a time, and glibc's
    malloc is a fifth of its time). {name: (binary, environment)}; None without a C compiler."""
    if not os.path.exists(CMARK_LOOP) or not shutil.which("cc"):
        return None
    source = open(CMARK_LOOP).read()
    options = "CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE"
    ours = source.replace("cmark_parser_new(CMARK_OPT_DEFAULT)", "cmark_parser_new(%s)" % options) \
                 .replace("cmark_render_html(doc, CMARK_OPT_DEFAULT", "cmark_render_html(doc, %s" % options) \
                 .replace('"tagfilter"}', '"tagfilter", "tasklist"}')
    if ours.count(options) != 2 or '"tasklist"' not in ours:
        sys.exit("cmark_loop.c changed: its options could not be set to vernetzt's")
    binaries = []
    for n, text in enumerate((source, ours)):
        c_file = os.path.join(work, "cmark_loop-%d.c" % n)
        with open(c_file, "w") as f:
            f.write(text)
        compiled = subprocess.run(["cc", "-O2", "-o", c_file[:-2], c_file, "-lcmark-gfm-extensions", "-lcmark-gfm"],
                                  capture_output=True, text=True)
        if compiled.returncode != 0:  # no libcmark-gfm-dev, say
            print("cmark_loop.c does not compile here, the Markdown comparison is left out:\n" + compiled.stderr[-500:])
            return None
        binaries.append(c_file[:-2])
    loops = {"as given": (binaries[0], {}), "vernetzt's options": (binaries[1], {})}
    mimalloc = "/usr/lib/x86_64-linux-gnu/libmimalloc.so.2"
    if os.path.exists(mimalloc):
        loops["vernetzt's options and allocator"] = (binaries[1], {"LD_PRELOAD": mimalloc})
    return loops


def cpu_seconds(command, cwd, environment=None):
    """User plus system CPU seconds of one run."""
    result = subprocess.run(["/usr/bin/time", "-f", "CPU %U %S"] + command, cwd=cwd, capture_output=True, text=True,
                            env=dict(os.environ, **(environment or {})))
    if result.returncode != 0:
        sys.exit("failed: %s\n%s" % (" ".join(command), result.stderr[-2000:]))
    user, system = re.search(r"CPU ([\d.]+) ([\d.]+)", result.stderr).groups()
    return float(user) + float(system)


def markdown_row(args, layouts, kind, n):
    """The parse stage's CPU time (`check --no-cache --verbose`: every file read, split, its
    front matter read and its Markdown parsed and rendered) against libcmark-gfm alone reading,
    parsing and rendering the same files (cmark_loop over each folder of content/), alternating."""
    loops = cmark_loops(args.work)
    if loops is None:
        return None
    v_site, _ = corpus_sites(args, kind, n)
    content = os.path.join(v_site, "content")
    folders = [os.path.join(content, f) for f in sorted(os.listdir(content)) if os.path.isdir(os.path.join(content, f))]
    check = [args.vernetzt, "check", "--root", v_site, "--layouts", layouts, "--no-cache", "--verbose", "--future"]
    parse, cmark = [], {name: [] for name in loops}
    for _ in range(max(args.runs, 5)):
        _, _, out = timed(check, REPO)
        parse.append(float(re.search(r"^\s+parse\s+[\d.]+ ms\s+\(CPU ([\d.]+) ms\)", out, re.M).group(1)) / 1000)
        for name, (binary, environment) in loops.items():
            cmark[name].append(sum(cpu_seconds([binary, folder], REPO, environment) for folder in folders))
    return {"corpus": kind, "n": n, "parse": parse, "cmark": cmark}


def print_markdown(rows):
    rows = [row for row in rows if row]
    if not rows:
        return
    print("\n| corpus | posts | parse stage CPU s | libcmark-gfm alone, CPU s | ratio (medians) |")
    print("|---|---|---|---|---|")
    for row in rows:
        p = row["parse"]
        for name, times in row["cmark"].items():
            print("| %s | %d | %.2f (%.2f–%.2f) | %.2f (%.2f–%.2f), %s | %.2f |" % (
                row["corpus"], row["n"], statistics.median(p), min(p), max(p), statistics.median(times), min(times),
                max(times), name, statistics.median(p) / statistics.median(times)))


def content_row(args, aside):
    """The repository's own site, start to finish (no output, no state of an earlier build;
    the pictures' cache kept, as in the corpora): without and with the search index."""
    out = os.path.join(args.work, "content-output")
    plain, search, rss = [], [], 0
    for run in range(max(args.runs, 5)):
        for flags, times in (["--no-search"], plain), ([], search):
            aside.move(out)
            aside.move(os.path.join(REPO, ".cache", "vernetzt"))  # from nothing, as the corpora's clean builds
            wall, peak, _ = timed([args.vernetzt, "build", "--root", REPO, "--output", out, "--quiet"] + flags, REPO)
            times.append(wall)
            rss = max(rss, peak)
    return {"plain": statistics.median(plain), "search": statistics.median(search), "rss": rss}


def print_table(rows, own):
    print("\n| corpus | posts | vernetzt s (clean, range) | Hugo s | time ratio | again: vernetzt s | again: Hugo s | again ratio | vernetzt MiB | Hugo MiB | memory ratio | ms/post | reload ms | files (vernetzt / Hugo) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        v, h = row["vernetzt"], row["hugo"]
        vr, hr, va, ha = row["vernetzt_range"], row["hugo_range"], row["vernetzt_again"], row["hugo_again"]
        reload = "%.0f" % row["reload"] if row["reload"] is not None else "–"
        if h:
            print("| %s | %d | %.3f (%.3f–%.3f) | %.3f (%.3f–%.3f) | %.3f | %.2f–%.2f | %.2f–%.2f | %.2f–%.2f | %.0f | %.0f | %.2f | %.2f | %s | %d / %d |" % (
                row["corpus"], row["n"], v[0], vr[0], vr[1], h[0], hr[0], hr[1], v[0] / h[0], va[0], va[1], ha[0], ha[1],
                va[0] / ha[1], va[1] / ha[0], v[1], h[1], v[1] / h[1], v[0] * 1000 / row["n"], reload,
                row["files"], row["hugo_files"]))
        else:
            print("| %s | %d | %.2f (%.2f–%.2f) | – | – | %.2f–%.2f | – | – | %.0f | – | – | %.2f | %s | %d / – |" % (
                row["corpus"], row["n"], v[0], vr[0], vr[1], va[0], va[1], v[1], v[0] * 1000 / row["n"], reload, row["files"]))
    print("| content/ | %.3f (%.3f with search) | | | %.0f | | | | | |" % (own["plain"], own["search"], own["rss"]))
    for base, row in zip(rows, rows[1:]):
        if base["corpus"] != row["corpus"]:
            continue
        per = (row["vernetzt"][0] / row["n"]) / (base["vernetzt"][0] / base["n"])
        print("time per post, %s corpus, %d vs %d posts: %.2f×" % (row["corpus"], row["n"], base["n"], per))
    print("\n| corpus | posts | one post changed: vernetzt s (middle / newest) | Hugo s (middle / newest) |")
    print("|---|---|---|---|")
    for row in rows:
        cells = []
        for tool in ("vernetzt", "hugo"):
            m, w = row[tool + "_changed_middle"], row[tool + "_changed_newest"]
            cells.append("%.2f–%.2f / %.2f–%.2f" % (m[0], m[1], w[0], w[1]) if m else "–")
        print("| %s | %d | %s | %s |" % (row["corpus"], row["n"], cells[0], cells[1]))
    print("stages after one changed post (ms): " + "; ".join("%s %d posts: %s" % (row["corpus"], row["n"], ", ".join(
        "%s %.0f" % kv for kv in row["changed_stages"].items())) for row in rows))
    print("stages (ms): " + "; ".join("%s %d posts: %s" % (row["corpus"], row["n"], ", ".join("%s %.0f" % kv for kv in row["stages"].items()))
                                      for row in rows))


def print_row(row):
    v, h = row["vernetzt"], row["hugo"]
    split = ", ".join("%s %.0f ms" % (s, ms) for s, ms in row["stages"].items())
    hugo = "Hugo %.3f s %.0f MiB · ratio time %.3f, memory %.2f" % (h[0], h[1], v[0] / h[0], v[1] / h[1]) if h else "Hugo not run"
    va, ha = row["vernetzt_again"], row["hugo_again"]
    again = " · again: vernetzt %.2f–%.2f s" % va + (", Hugo %.2f–%.2f s" % ha if ha else "")
    reload = " · serve reload %.0f ms" % row["reload"] if row["reload"] is not None else ""
    again += " · one post changed: vernetzt %.2f–%.2f s (middle), %.2f–%.2f s (newest)" % (
        row["vernetzt_changed_middle"] + row["vernetzt_changed_newest"])
    if row["hugo_changed_middle"]:
        again += ", Hugo %.2f–%.2f s / %.2f–%.2f s" % (row["hugo_changed_middle"] + row["hugo_changed_newest"])
    print("%s, %6d posts: vernetzt %.3f s %.0f MiB · %s%s%s · stages: %s" % (row["corpus"], row["n"], v[0], v[1], hugo, again, reload, split),
          flush=True)


if __name__ == "__main__":
    main()
