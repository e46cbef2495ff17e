#!/usr/bin/env python3
"""Screenshots of a built briefing, to review the theme by eye and to illustrate the README.

Usage: python3 Tools/screenshots.py SITE_DIR OUT_DIR [--readme]

Opens SITE_DIR from disk (file://) in headless Chromium and saves, at 375 and 1280 px wide and
in light and dark: the home page, an article, the timeline, the parties page with its map, the
most mentioned party, the most mentioned term, search with results, and the article with a
preview card open. Each is the full page, cut at 3000 px. Files are named PAGE-WIDTH-SCHEME.png.

With --readme, saves only the four pictures the README shows, 1280 px wide in light, cut at
1600 px: home.png, article-preview.png, timeline.png and party.png.

Needs chromium, chromium-driver and the Python selenium package.
"""

import argparse
import os
import re
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def first_link(site, page, pattern):
    """The first address in `page` that matches `pattern`, relative to the site root."""
    with open(os.path.join(site, page), encoding="utf-8") as handle:
        found = re.search(r'href="(?:\.\./)*(' + pattern + ')"', handle.read())
    if not found:
        sys.exit(f"no link matching {pattern} in {page}")
    return found.group(1)


def pages(site):
    """Each picture's name and the page it shows; the home page lists parties by mentions."""
    article = first_link(site, "index.html", r"articles/[^/\"]+/index\.html")
    party = first_link(site, "index.html", r"parties/[^/\"]+/index\.html")
    term = first_link(site, "terms/index.html", r"terms/[^/\"]+/index\.html")
    with open(os.path.join(site, term), encoding="utf-8") as handle:
        query = re.search(r"<h1>([^<]+)</h1>", handle.read()).group(1).split()[0]
    return {
        "home": "index.html",
        "article": article,
        "timeline": "timeline/index.html",
        "parties": "parties/index.html",
        "party": party,
        "term": term,
        "search": "search/index.html?q=" + query,
        "article-preview": article,
    }


def make_driver():
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--hide-scrollbars"]:
        options.add_argument(argument)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def viewport(driver, width, height):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def shoot(driver, url, name, width, scheme, cap, path):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "media": "", "features": [{"name": "prefers-color-scheme", "value": scheme}]})
    viewport(driver, width, 800)
    driver.get(url)
    if "search/" in url:
        WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results a"))
    height = driver.execute_script("return document.documentElement.scrollHeight")
    viewport(driver, width, min(height, cap))
    driver.execute_script("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur()")
    if name == "article-preview":
        mention = driver.find_element(By.CSS_SELECTOR, ".paragraph p a[href*='parties/']")
        ActionChains(driver).move_to_element(mention).perform()
        WebDriverWait(driver, 5).until(lambda d: d.find_element(By.ID, "preview-card").is_displayed())
    else:
        # Park the pointer in a corner, so that no hover state shows.
        ActionChains(driver).move_by_offset(1, 1).perform()
        ActionChains(driver).move_by_offset(-1, -1).perform()
    driver.save_screenshot(path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site")
    parser.add_argument("out")
    parser.add_argument("--readme", action="store_true", help="only the README's four pictures")
    arguments = parser.parse_args()
    site = os.path.abspath(arguments.site)
    os.makedirs(arguments.out, exist_ok=True)
    shots = pages(site)
    if arguments.readme:
        plan = [(name, 1280, "light", 1600, name + ".png")
                for name in ("home", "article-preview", "timeline", "party")]
    else:
        plan = [(name, width, scheme, 3000, f"{name}-{width}-{scheme}.png")
                for name in shots for width in (375, 1280) for scheme in ("light", "dark")]
    driver = make_driver()
    try:
        for name, width, scheme, cap, file_name in plan:
            path = os.path.join(arguments.out, file_name)
            shoot(driver, "file://" + os.path.join(site, shots[name]), name, width, scheme, cap, path)
            print(path)
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
