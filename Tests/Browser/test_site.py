"""Checks a built briefing the way readers see it: in headless Chromium.

Usage: python3 Tests/Browser/test_site.py PUBLIC_DIR

Serves PUBLIC_DIR with nginx under a sub-path (its folder name), as a newsroom would host
it, opens every page of its sitemap, follows links by clicking them, runs the axe
accessibility checker, and repeats the navigation from file://. Build the site with
`--base-url http://localhost/<folder name>/` so its 404 page knows the sub-path.
Screenshots go to $SCREENSHOT_DIR (default: a temp folder).
"""

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import unittest
from urllib.parse import urlparse

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

PUBLIC = os.path.abspath(sys.argv.pop(1) if len(sys.argv) > 1 else "Public")
SHOTS = os.environ.get("SCREENSHOT_DIR") or tempfile.mkdtemp(prefix="briefing-screenshots-")
os.makedirs(SHOTS, exist_ok=True)
SUBPATH = "/" + os.path.basename(PUBLIC) + "/"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_nginx():
    """nginx on a free loopback port serving the folder above PUBLIC, with the site's 404 page."""
    prefix = tempfile.mkdtemp(prefix="briefing-nginx-")
    port = free_port()
    config = os.path.join(prefix, "nginx.conf")
    with open(config, "w", encoding="utf-8") as handle:
        handle.write(f"""
daemon off;
worker_processes auto;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {os.path.dirname(PUBLIC)};
        location {SUBPATH} {{
            error_page 404 {SUBPATH}404.html;
        }}
    }}
}}
""")
    process = subprocess.Popen(["nginx", "-c", config, "-p", prefix])
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return process, port
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError("nginx did not start: " + open(os.path.join(prefix, "error.log")).read())


def make_driver(width=1280, height=900):
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--window-size={width},{height}"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def site_pages():
    """Pages listed in the sitemap, as paths relative to the site root."""
    with open(os.path.join(PUBLIC, "sitemap.xml"), encoding="utf-8") as handle:
        locations = re.findall(r"<loc>([^<]+)</loc>", handle.read())
    base = os.path.commonprefix(locations)
    base = base[: base.rfind("/") + 1]
    return [location[len(base):] for location in locations]


class BriefingInBrowser(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server, port = start_nginx()
        cls.root = f"http://127.0.0.1:{port}{SUBPATH}"
        cls.driver = make_driver()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.server.terminate()
        cls.server.wait()

    def open(self, path):
        self.driver.get(self.root + path)
        return self.driver

    def test_every_page_loads_styled_with_no_errors_or_outside_requests(self):
        pages = site_pages()
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

    def test_pages_pass_the_axe_accessibility_checker(self):
        for page in ["index.html", "articles/putin-trump-call/index.html", "timeline/index.html",
                     "parties/index.html", "parties/vladimir-putin/index.html", "terms/index.html",
                     "terms/ceasefire/index.html"]:
            with self.subTest(page=page):
                driver = self.open(page)
                axe = Axe(driver)
                axe.inject()
                results = axe.run()
                serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
                self.assertEqual(serious, [], axe.report(serious))

    def test_phone_width_has_no_horizontal_scrolling(self):
        phone = make_driver(390, 844)
        try:
            for page in ["index.html", "articles/putin-trump-call/index.html", "timeline/index.html"]:
                phone.get(self.root + page)
                overflow = phone.execute_script(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
                self.assertLessEqual(overflow, 0, page)
            phone.save_screenshot(os.path.join(SHOTS, "timeline-phone.png"))
        finally:
            phone.quit()

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
