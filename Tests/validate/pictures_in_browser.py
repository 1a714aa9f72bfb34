#!/usr/bin/env python3
"""Pictures and embeds as a reader's browser meets them, in headless Chromium:

  - image bytes: a post with a 12-megapixel photo, loaded with an empty cache and scrolled to
    its end, transfers at most 300 KB of pictures on a phone (390×844, device pixel ratio 3)
    and at most 250 KB on a laptop (1280×900, ratio 1);
  - pictures reserve their space: with every request for a picture blocked, each picture's box
    and the page's height are what they are with the pictures loaded, to the hundredth of a
    pixel;
  - no visible layout shift: the page's layout-shift entries sum to at most 0.01, a tenth of
    what Core Web Vitals call good (Chromium on a slow machine has reported 0.0006 for a page
    whose boxes are all fixed; a picture without its size shifts the text below by its height,
    far above it, and the check above catches even a pixel);
  - two-click embeds: every network request the page makes before the click goes to the site
    itself; a click on „Video laden“ puts in the provider's frame (youtube-nocookie.com).

Usage: pictures_in_browser.py OUTPUT_DIR --photo PAGE --embeds PAGE
Prints one line per check and ends with 'N passed, M failed'; exit status 1 on failure.
"""

import argparse
import json
import sys
import time
import urllib.parse

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from validate_site import browser_on  # noqa: E402

VIEWPORTS = [("phone 390×844 @3", 390, 844, 3, True, 300_000), ("laptop 1280×900 @1", 1280, 900, 1, False, 250_000)]


def open_page(driver, url, width, height, ratio, mobile):
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": ratio, "mobile": mobile})
    driver.get(url)
    # Down to the end and back, slowly enough for lazy pictures to load.
    height = driver.execute_script("return document.documentElement.scrollHeight")
    for y in range(0, height + 400, 400):
        driver.execute_script("window.scrollTo(0, arguments[0])", y)
        time.sleep(0.15)
    time.sleep(1.0)


def picture_boxes(driver):
    """The page's height and every picture's box [x, y, width, height], in CSS pixels rounded
    to the hundredth."""
    return driver.execute_script(
        "const r = v => Math.round(v * 100) / 100;"
        "return {page: r(document.documentElement.scrollHeight), pictures: Array.from(document.images, i => {"
        " const b = i.getBoundingClientRect(); return [r(b.x + scrollX), r(b.y + scrollY), r(b.width), r(b.height)]; })};")


def boxes_without_pictures(driver, url, width, height, ratio, mobile):
    """The boxes as they are before any picture arrives: every request for one is blocked."""
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/bilder/*", "*.jpg", "*.png", "*.webp", "*.avif", "*.svg"]})
    open_page(driver, url, width, height, ratio, mobile)
    return picture_boxes(driver)


def picture_bytes(driver):
    return driver.execute_script(
        "return performance.getEntriesByType('resource')"
        ".filter(e => e.initiatorType === 'img' || /\\/bilder\\//.test(e.name))"
        ".map(e => [e.name, e.transferSize, e.encodedBodySize])")


def layout_shifts(driver):
    """The page's layout-shift entries: [value, [what moved, …]] each."""
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1]; const shifts = [];"
        "const name = n => n ? n.nodeName.toLowerCase() + (n.className ? '.' + String(n.className).split(' ')[0] : '') : '?';"
        "new PerformanceObserver(list => { for (const e of list.getEntries())"
        " shifts.push([e.value, e.sources.map(s => name(s.node))]); })"
        ".observe({type: 'layout-shift', buffered: true});"
        "setTimeout(() => done(shifts), 500);")


def requested_hosts(driver):
    hosts = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            if url.startswith("http"):
                hosts.append(urllib.parse.urlparse(url).hostname)
    return hosts


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output")
    parser.add_argument("--photo", required=True, help="the page with a 12-megapixel photo, e.g. blog/x/")
    parser.add_argument("--embeds", required=True, help="a page with a video embed")
    args = parser.parse_args()
    passed = failed = 0

    def report(ok, line):
        nonlocal passed, failed
        print(("[PASS] " if ok else "[FAIL] ") + line)
        passed, failed = passed + ok, failed + (not ok)

    for name, width, height, ratio, mobile, budget in VIEWPORTS:
        with browser_on(args.output) as (driver, base):
            open_page(driver, f"{base}/{args.photo}", width, height, ratio, mobile)
            pictures = picture_bytes(driver)
            total = sum(size for _, size, _ in pictures)
            names = ", ".join(f"{url.rsplit('/', 1)[-1]} {size // 1000} KB" for url, size, _ in pictures)
            report(0 < total <= budget, f"image bytes {name}: {total // 1000} KB of at most {budget // 1000} KB ({names})")
            loaded = picture_boxes(driver)
            shifts = layout_shifts(driver)
            shift = sum(value for value, _ in shifts)
            moved = "; ".join(f"{value:.4f} {', '.join(nodes)}" for value, nodes in shifts) or "none"
            report(shift <= 0.01, f"layout shift {name}: {shift:.4f} ({moved})")
        with browser_on(args.output) as (driver, base):
            blocked = boxes_without_pictures(driver, f"{base}/{args.photo}", width, height, ratio, mobile)
            same = blocked == loaded
            report(bool(loaded["pictures"]) and same,
                   f"space reserved {name}: page {loaded['page']} px high, pictures {loaded['pictures']}"
                   + ("" if same else f"; without them: page {blocked['page']} px, {blocked['pictures']}"))

    with browser_on(args.output, performance_log=True) as (driver, base):
        driver.get(f"{base}/{args.embeds}")
        time.sleep(1.0)
        before = requested_hosts(driver)
        outside = sorted({h for h in before if h not in ("127.0.0.1", "localhost")})
        report(bool(before) and not outside, f"embeds, before the click: {len(before)} requests, to other hosts: {outside or 'none'}")
        driver.execute_script("document.querySelector('.embed-load').click()")
        time.sleep(1.0)
        frame = driver.execute_script("const f = document.querySelector('figure.embed iframe'); return f && [f.src, f.title]")
        after = requested_hosts(driver)
        report(bool(frame) and frame[0].startswith("https://www.youtube-nocookie.com/embed/") and bool(frame[1])
               and "www.youtube-nocookie.com" in after,
               f"embeds, after the click: frame {frame}, requests to {sorted(set(after))}")

    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
