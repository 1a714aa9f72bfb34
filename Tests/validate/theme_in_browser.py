#!/usr/bin/env python3
"""The default theme as readers meet it, in headless Chromium, on the built content/:

  - a long post's table of contents sits beside the text at 1280 px and above it at 390 px;
  - a short page's footer reaches the bottom of the window;
  - the home page's four formats are one row at 1280 px, two by two at 700 px, one column at
    390 px: never a card left alone in its row;
  - on a phone the search filters wait behind „Filter“: the first result is on the first
    screen, and the button shows them; results use the site's font; the search box's focus
    ring is the site's;
  - printed, the post leaves out navigation, table of contents, related and backlink lists.

Usage: theme_in_browser.py OUTPUT_DIR
Prints one line per check and ends with 'N passed, M failed'; exit status 1 on failure.
"""

import sys
import time

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from validate_site import browser_on  # noqa: E402

POST = "/blog/wirkungen-der-angebote/"
SHORT = "/404.html"


def rect(driver, selector):
    return driver.execute_script(
        "const e = document.querySelector(arguments[0]); if (!e) return null;"
        "const r = e.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top + scrollY, bottom: r.bottom + scrollY};",
        selector)


def size(driver, width, height):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def main():
    output = sys.argv[1]
    results = []

    def check(name, ok, detail=""):
        results.append(ok)
        print(f"[{'PASS' if ok else 'FAIL'}] {name}" + ("" if ok else f": {detail}"))

    with browser_on(output) as (driver, base):
        size(driver, 1280, 900)
        driver.get(base + POST)
        toc, prose = rect(driver, ".toc"), rect(driver, ".prose")
        check("1280 px: the table of contents stands beside the text", toc and prose and toc["left"] >= prose["right"], f"{toc} {prose}")
        size(driver, 390, 844)
        driver.get(base + POST)
        toc, prose = rect(driver, ".toc"), rect(driver, ".prose")
        check("390 px: the table of contents comes before the text", toc and prose and toc["bottom"] <= prose["top"] + 1, f"{toc} {prose}")

        for width, height in ((1280, 900), (390, 1400)):
            size(driver, width, height)
            driver.get(base + SHORT)
            bottom = driver.execute_script("return document.querySelector('.site-footer').getBoundingClientRect().bottom")
            gap = driver.execute_script("return document.querySelector('.site-footer').getBoundingClientRect().top"
                                        " - document.querySelector('main').lastElementChild.getBoundingClientRect().bottom")
            # A page shorter than the window (room to spare above the footer), whose footer
            # still ends where the window does.
            check(f"{width} px: the footer of a short page reaches the window's bottom",
                  gap > 100 and abs(bottom - height) < 2, f"footer ends at {bottom} of {height}, {gap} px above it")

        for width, rows in ((1280, [4]), (700, [2, 2]), (390, [1, 1, 1, 1])):
            size(driver, width, 900)
            driver.get(base + "/")
            tops = driver.execute_script("return [...document.querySelectorAll('.cards-4 > .card')].map(e => Math.round(e.getBoundingClientRect().top))")
            found = [tops.count(top) for top in sorted(set(tops))]
            check(f"{width} px: the four formats stand in rows of {rows}", found == rows, f"{found}")

        size(driver, 390, 844)
        driver.get(base + "/suche/")
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import WebDriverWait
        box = WebDriverWait(driver, 15).until(lambda d: d.find_element(By.CSS_SELECTOR, ".pagefind-ui__search-input"))
        box.click()
        ring = driver.execute_script("const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineColor]")
        link = driver.execute_script("return getComputedStyle(document.querySelector('a') || document.body).color")
        check("the search box's focus ring is the site's", ring[0] == "solid" and ring[1] == link, f"{ring} vs link {link}")
        box.send_keys("Konvoi")
        WebDriverWait(driver, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result"))
        time.sleep(0.5)
        hidden = driver.execute_script("const p = document.querySelector('.pagefind-ui__filter-panel'); return !p || getComputedStyle(p).display === 'none'")
        first = driver.execute_script("return document.querySelector('.pagefind-ui__result').getBoundingClientRect().top")
        check("390 px: the filters wait behind a button, the first result is on the first screen", hidden and first < 844, f"hidden={hidden}, top={first}")
        fonts = driver.execute_script("return [getComputedStyle(document.querySelector('.pagefind-ui__result-title')).fontFamily, getComputedStyle(document.body).fontFamily]")
        check("search results use the site's font", fonts[0] == fonts[1], f"{fonts}")
        driver.find_element(By.CSS_SELECTOR, ".search-filters-toggle > summary").click()
        shown = driver.execute_script("const p = document.querySelector('.pagefind-ui__filter-panel'); return !!p && getComputedStyle(p).display !== 'none'")
        check("390 px: „Filter“ shows the filters", shown)

        size(driver, 1280, 900)
        driver.get(base + POST)
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        hidden = driver.execute_script(
            "return ['.site-header nav', '.toc', '.group', '.related', '.context'].filter(s => document.querySelector(s))"
            ".map(s => [s, getComputedStyle(document.querySelector(s)).display])")
        check("printed, the post leaves out menu, contents and lists", all(d == "none" for _, d in hidden) and len(hidden) >= 3, f"{hidden}")
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

    passed = sum(results)
    print(f"{passed} passed, {len(results) - passed} failed")
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
