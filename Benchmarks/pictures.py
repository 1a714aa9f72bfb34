#!/usr/bin/env python3
"""The picture benchmark: the same photo-like 12-megapixel JPEGs (scripts/make-photos), one per
post, made into the same sizes by vernetzt and by Hugo's image processing, alternately, and by
`vipsthumbnail` as the floor (one call per size, all cores busy).

The sizes are vernetzt's for a page's photo: WebP 480, 800, 1200 and 1600 wide, a JPEG of
800, and the 1200×630 card cut around what draws the eye (Hugo: `Resize`, `Fill … smart`).

    pictures.py [--photos 200] [--runs 3] [--work .build/bench-pictures] [--vernetzt PATH]

Prints medians and ranges of: clean builds (no cache) of vernetzt and Hugo, the floor, a
vernetzt build right after one (cache warm) against the same posts without pictures, and peak
memory. Nothing here asserts anything: it measures.
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
WIDTHS = [480, 800, 1200, 1600]
QUALITY = 75


def timed(command, cwd=None):
    """(wall seconds, peak RSS in MiB) of one run."""
    result = subprocess.run(["/usr/bin/time", "-f", "TIME %e %M"] + command, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit("failed: %s\n%s" % (" ".join(command), result.stderr[-2000:]))
    match = re.search(r"TIME ([\d.]+) (\d+)", result.stderr)
    return float(match.group(1)), int(match.group(2)) / 1024


def post(title, date, image):
    front = f"---\ntitle: \"{title}\"\ndate: {date}\n"
    if image:
        front += "image: foto.jpg\nimage_alt: Ein Foto\n"
    return front + "---\nText des Beitrags.\n"


HUGO_SINGLE = """<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><main>
{{ with .Resources.GetMatch "foto.jpg" }}
{{ $photo := . }}
<picture><source type="image/webp" srcset="{{ range $i, $w := slice %WIDTHS% }}{{ if $i }}, {{ end }}{{ ($photo.Resize (printf "%dx webp q%QUALITY%" $w)).RelPermalink }} {{ $w }}w{{ end }}">
<img src="{{ ($photo.Resize "800x jpg q%QUALITY%").RelPermalink }}" alt="Ein Foto"></picture>
<meta property="og:image" content="{{ ($photo.Fill "1200x630 smart jpg q%QUALITY%").Permalink }}">
{{ end }}
{{ .Content }}</main></body></html>
""".replace("%WIDTHS%", " ".join(map(str, WIDTHS))).replace("%QUALITY%", str(QUALITY))


def make_sites(work, photos, count):
    names = sorted(n for n in os.listdir(photos) if n.endswith(".jpg"))[:count]
    for kind in ("vernetzt", "plain", "hugo"):
        shutil.rmtree(os.path.join(work, kind), ignore_errors=True)
    for kind in ("vernetzt", "plain"):
        root = os.path.join(work, kind)
        os.makedirs(os.path.join(root, "content", "blog"))
        shutil.copytree(os.path.join(REPO, "layouts"), os.path.join(root, "layouts"))
        with open(os.path.join(root, "site.yml"), "w") as f:
            f.write(f"title: Bilder\nurl: https://example.org/\npicture_quality: {QUALITY}\n")
    hugo = os.path.join(work, "hugo")
    os.makedirs(os.path.join(hugo, "layouts", "_default"))
    with open(os.path.join(hugo, "hugo.toml"), "w") as f:
        f.write('baseURL = "https://example.org/"\ntitle = "Bilder"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n'
                '[imaging]\nquality = %d\nresampleFilter = "Lanczos"\n' % QUALITY)
    for kind, body in (("single", HUGO_SINGLE), ("list", "<!DOCTYPE html><title>{{ .Title }}</title>")):
        with open(os.path.join(hugo, "layouts", "_default", kind + ".html"), "w") as f:
            f.write(body)
    for k, name in enumerate(names):
        date = "2022-%02d-%02d" % (1 + k % 12, 1 + k % 28)
        for kind, folder, image in (("vernetzt", "content/blog", True), ("plain", "content/blog", False),
                                    ("hugo", "content/posts", True)):
            bundle = os.path.join(work, kind, folder, "foto-%04d" % k)
            os.makedirs(bundle)
            with open(os.path.join(bundle, "index.md"), "w") as f:
                f.write(post(f"Foto {k}", date, image))
            if image:
                os.link(os.path.join(photos, name), os.path.join(bundle, "foto.jpg"))
    return names


def floor(photos, names, work):
    """vipsthumbnail, one call per size, as many at once as there are cores."""
    out = os.path.join(work, "floor")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    calls = []
    for name in names:
        source = os.path.join(photos, name)
        stem = os.path.join(out, name[:-4])
        for w in WIDTHS:
            calls.append(f"vipsthumbnail {source} --size {w}x -o {stem}-{w}.webp[Q={QUALITY},strip]")
        calls.append(f"vipsthumbnail {source} --size 800x -o {stem}-800.jpg[Q={QUALITY},strip,optimize_coding]")
        calls.append(f"vipsthumbnail {source} --size 1200x630 --smartcrop attention -o {stem}-karte.jpg[Q={QUALITY},strip]")
    script = os.path.join(work, "floor.sh")
    with open(script, "w") as f:
        f.write("\n".join(calls) + "\n")
    return timed(["bash", "-c", f"xargs -P {os.cpu_count()} -I{{}} sh -c '{{}}' < {script}"])


def summary(label, values, unit="s"):
    low, high, mid = min(values), max(values), statistics.median(values)
    fmt = "%.2f" if unit == "s" else "%.0f"
    return f"{label:44s} median {fmt % mid} {unit}  (range {fmt % low}–{fmt % high})"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default=os.path.join(REPO, ".build", "bench-pictures"))
    parser.add_argument("--vernetzt", default=os.path.join(REPO, ".build", "release", "vernetzt"))
    args = parser.parse_args()
    work = os.path.abspath(args.work)
    photos = os.path.join(work, "photos")
    have = len([n for n in os.listdir(photos) if n.endswith(".jpg")]) if os.path.isdir(photos) else 0
    if have < args.photos:
        shutil.rmtree(photos, ignore_errors=True)
        print(f"making {args.photos} photos of 12 megapixels …", flush=True)
        subprocess.run([os.path.join(REPO, "scripts", "make-photos"), str(args.photos), photos], check=True)
    names = make_sites(work, photos, args.photos)
    megabytes = sum(os.path.getsize(os.path.join(photos, n)) for n in names) / 1e6
    print(f"{len(names)} photos, 4000×3000, {megabytes:.0f} MB; sizes: WebP {WIDTHS}, JPEG 800, card 1200×630")

    vernetzt = os.path.join(work, "vernetzt")
    results = {key: [] for key in ("vernetzt", "hugo", "floor", "warm", "plain", "vernetzt_mem", "hugo_mem", "warm_mem")}
    for run in range(args.runs):
        shutil.rmtree(os.path.join(vernetzt, ".cache"), ignore_errors=True)
        shutil.rmtree(os.path.join(vernetzt, "output"), ignore_errors=True)
        seconds, memory = timed([args.vernetzt, "build", "--quiet", "--root", vernetzt])
        results["vernetzt"].append(seconds)
        results["vernetzt_mem"].append(memory)
        hugo = os.path.join(work, "hugo")
        shutil.rmtree(os.path.join(hugo, "resources"), ignore_errors=True)
        shutil.rmtree(os.path.join(hugo, "public"), ignore_errors=True)
        seconds, memory = timed(["hugo", "--quiet", "--source", hugo])
        results["hugo"].append(seconds)
        results["hugo_mem"].append(memory)
        results["floor"].append(floor(photos, names, work)[0])
        for _ in range(2):  # the build right after one, and the same posts without pictures
            seconds, memory = timed([args.vernetzt, "build", "--quiet", "--root", vernetzt])
            results["warm"].append(seconds)
            results["warm_mem"].append(memory)
            results["plain"].append(timed([args.vernetzt, "build", "--quiet", "--root", os.path.join(work, "plain")])[0])
        print(f"run {run + 1}: vernetzt {results['vernetzt'][-1]:.2f} s, Hugo {results['hugo'][-1]:.2f} s, "
              f"vipsthumbnail {results['floor'][-1]:.2f} s", flush=True)

    print(summary("vernetzt, clean (no cache)", results["vernetzt"]))
    print(summary("Hugo, clean (no resources/_gen)", results["hugo"]))
    print(summary("vipsthumbnail floor", results["floor"]))
    print(summary("vernetzt, next build (cache warm)", results["warm"]))
    print(summary("the same posts without pictures", results["plain"]))
    print(summary("vernetzt peak memory, clean", results["vernetzt_mem"], "MiB"))
    print(summary("vernetzt peak memory, cache warm", results["warm_mem"], "MiB"))
    print(summary("Hugo peak memory", results["hugo_mem"], "MiB"))
    ratio_hugo = [v / h for v, h in zip(results["vernetzt"], results["hugo"])]
    ratio_floor = [v / f for v, f in zip(results["vernetzt"], results["floor"])]
    added = [(w - p) * 1000 for w, p in zip(results["warm"], results["plain"])]
    print(f"vernetzt / Hugo: median {statistics.median(ratio_hugo):.2f} (range {min(ratio_hugo):.2f}–{max(ratio_hugo):.2f})")
    print(f"vernetzt / floor: median {statistics.median(ratio_floor):.2f} (range {min(ratio_floor):.2f}–{max(ratio_floor):.2f})")
    print(f"pictures add to a warm build: median {statistics.median(added):.0f} ms (range {min(added):.0f}–{max(added):.0f})")


if __name__ == "__main__":
    main()
