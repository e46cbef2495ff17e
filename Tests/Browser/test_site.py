"""Checks a built briefing the way readers see it: in headless Chromium.

Usage: python3 Tests/Browser/test_site.py PUBLIC_DIR

Serves PUBLIC_DIR with nginx under a sub-path (its folder name), as a newsroom would host
it, opens every page of its sitemap, follows links by clicking them, and repeats the
navigation from file://. Build the site with `--base-url http://localhost/<folder name>/`
so its 404 page knows the sub-path. Accessibility, the content security policy, feeds,
page widths and print are checked in test_standards.py.
Screenshots go to $SCREENSHOT_DIR (default: a temp folder).
"""

import os
import sys
import tempfile
import unittest
from urllib.parse import urlparse

from selenium.webdriver.common.by import By

from harness import make_driver, site_pages, start_nginx, stop

PUBLIC = os.path.abspath(sys.argv.pop(1) if len(sys.argv) > 1 else "Public")
SHOTS = os.environ.get("SCREENSHOT_DIR") or tempfile.mkdtemp(prefix="briefing-screenshots-")
os.makedirs(SHOTS, exist_ok=True)
SUBPATH = "/" + os.path.basename(PUBLIC) + "/"


class BriefingInBrowser(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server, cls.root = start_nginx(PUBLIC)
        cls.driver = make_driver()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        stop(cls.server)

    def open(self, path):
        self.driver.get(self.root + path)
        return self.driver

    def test_every_page_loads_styled_with_no_errors_or_outside_requests(self):
        pages = site_pages(PUBLIC)
        self.assertGreaterEqual(len(pages), 25)
        for page in pages:
            with self.subTest(page=page):
                driver = self.open(page)
                self.assertTrue(driver.title.strip())
                self.assertEqual(len(driver.find_elements(By.TAG_NAME, "h1")), 1)
                header = driver.find_element(By.CSS_SELECTOR, ".site-header")
                self.assertEqual(header.value_of_css_property("display"), "flex", "stylesheet not applied")
                resources = driver.execute_script(
                    "return performance.getEntriesByType('resource').map(e => e.name)")
                outside = [r for r in resources if urlparse(r).netloc != urlparse(self.root).netloc]
                self.assertEqual(outside, [])
                errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
                self.assertEqual(errors, [])

    def test_reader_goes_from_a_mention_to_the_party_and_back_to_the_paragraph(self):
        driver = self.open("articles/putin-trump-call/index.html")
        paragraphs = driver.find_elements(By.CSS_SELECTOR, "section.paragraph")
        self.assertEqual([p.get_attribute("id") for p in paragraphs], [f"p{n}" for n in range(1, 8)])
        texts = [p.find_element(By.TAG_NAME, "p").text for p in paragraphs]
        self.assertEqual(len(set(texts)), 7, "a paragraph is repeated")
        driver.save_screenshot(os.path.join(SHOTS, "article-desktop.png"))

        driver.find_element(By.LINK_TEXT, "Secretary of State Marco Rubio").click()
        self.assertTrue(driver.current_url.endswith("parties/marco-rubio/index.html"))
        self.assertEqual(driver.find_element(By.TAG_NAME, "h1").text, "Marco Rubio")
        self.assertIn("Secretary of State Marco Rubio", driver.find_element(By.CSS_SELECTOR, ".quotes mark").text)

        driver.find_element(By.CSS_SELECTOR, ".quotes .cite a").click()
        self.assertTrue(driver.current_url.endswith("articles/putin-trump-call/index.html#p5"))
        target = driver.find_element(By.CSS_SELECTOR, ":target")
        self.assertEqual(target.get_attribute("id"), "p5")
        top = driver.execute_script("return arguments[0].getBoundingClientRect().top", target)
        self.assertLess(abs(top), 50, "the cited paragraph is not scrolled into view")

    def test_timeline_events_link_to_their_source_paragraph(self):
        driver = self.open("timeline/index.html")
        events = driver.find_elements(By.CSS_SELECTOR, "ol.timeline > li")
        self.assertGreaterEqual(len(events), 8)
        planned = driver.find_elements(By.CSS_SELECTOR, "ol.timeline > li.planned")
        self.assertGreaterEqual(len(planned), 1)
        driver.save_screenshot(os.path.join(SHOTS, "timeline-desktop.png"))
        events[0].find_element(By.CSS_SELECTOR, ".sources a").click()
        self.assertRegex(driver.current_url, r"articles/putin-trump-call/index\.html#p\d$")

    def test_missing_page_gets_the_sites_404_page_with_working_links(self):
        driver = self.open("no/such/page/")
        self.assertEqual(driver.find_element(By.TAG_NAME, "h1").text, "Page not found")
        header = driver.find_element(By.CSS_SELECTOR, ".site-header")
        self.assertEqual(header.value_of_css_property("display"), "flex", "404 page lost its stylesheet")
        driver.find_element(By.LINK_TEXT, "the briefing").click()
        self.assertTrue(driver.current_url.endswith(SUBPATH + "index.html"))
        self.assertEqual(driver.find_element(By.CSS_SELECTOR, ".kicker").text.lower(), "briefing")


class BriefingFromDisk(unittest.TestCase):
    """The same folder opened straight from disk, with no server at all."""

    def test_navigation_works_from_file_urls(self):
        driver = make_driver()
        try:
            driver.get("file://" + os.path.join(PUBLIC, "index.html"))
            driver.save_screenshot(os.path.join(SHOTS, "home-file.png"))
            driver.find_element(By.LINK_TEXT, "Timeline").click()
            self.assertEqual(driver.find_element(By.TAG_NAME, "h1").text, "Timeline")
            driver.find_element(By.LINK_TEXT, "Parties").click()
            self.assertEqual(driver.find_element(By.TAG_NAME, "h1").text, "Parties")
            driver.find_element(By.LINK_TEXT, "Vladimir Putin").click()
            self.assertEqual(driver.find_element(By.TAG_NAME, "h1").text, "Vladimir Putin")
            header = driver.find_element(By.CSS_SELECTOR, ".site-header")
            self.assertEqual(header.value_of_css_property("display"), "flex")
        finally:
            driver.quit()


if __name__ == "__main__":
    print(f"screenshots: {SHOTS}", file=sys.stderr)
    unittest.main(verbosity=2)
