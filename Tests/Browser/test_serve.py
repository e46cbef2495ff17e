"""Checks `briefing serve` the way an editor uses it: a browser open, files edited on disk.

Usage: python3 Tests/Browser/test_serve.py BRIEFING_EXECUTABLE

Copies the repository's Content/, Templates/ and briefing.yml into a scratch folder, starts
the preview there on a free port, and drives headless Chromium: edits show up without a
manual reload, the scroll position survives the reload, a broken file brings up the error
overlay and fixing it takes it away. Also checks the static server over plain HTTP (status
codes, headers, traversal) and that Ctrl-C stops it cleanly.
"""

import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

EXECUTABLE = os.path.abspath(sys.argv.pop(1) if len(sys.argv) > 1 else ".build/debug/briefing")
REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHOTS = os.environ.get("SCREENSHOT_DIR") or tempfile.mkdtemp(prefix="briefing-screenshots-")
os.makedirs(SHOTS, exist_ok=True)


class Preview:
    """A `briefing serve` process in a scratch copy of the site."""

    def __init__(self, *arguments):
        self.root = tempfile.mkdtemp(prefix="briefing-serve-")
        for name in ["Content", "Templates"]:
            shutil.copytree(os.path.join(REPOSITORY, name), os.path.join(self.root, name))
        shutil.copy(os.path.join(REPOSITORY, "briefing.yml"), self.root)
        self.process = subprocess.Popen(
            [EXECUTABLE, "serve", "--port", "0", *arguments], cwd=self.root,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines = []
        self.ready = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()
        if not self.ready.wait(60):
            raise RuntimeError("preview did not start:\n" + "\n".join(self.lines))
        port = int(re.search(r"http://[^:]+:(\d+)/", self.serving_line).group(1))
        self.port = port
        self.url = f"http://127.0.0.1:{port}/"

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))
            if line.startswith("Serving at "):
                self.serving_line = line
                self.ready.set()

    def path(self, relative):
        return os.path.join(self.root, relative)

    def edit(self, relative, old, new):
        with open(self.path(relative), encoding="utf-8") as handle:
            text = handle.read()
        assert old in text, f"{old!r} not in {relative}"
        with open(self.path(relative), "w", encoding="utf-8") as handle:
            handle.write(text.replace(old, new))

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                raise
        shutil.rmtree(self.root, ignore_errors=True)
        return self.process.returncode


def make_driver():
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,900"]:
        options.add_argument(argument)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def raw_get(port, target, method="GET", headers=None):
    """A request whose path is sent exactly as given, with no client-side normalising."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.putrequest(method, target, skip_accept_encoding=True)
    for name, value in (headers or {}).items():
        connection.putheader(name, value)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, dict(response.getheaders()), body


class PreviewInBrowser(unittest.TestCase):
    def setUp(self):
        self.preview = Preview()
        self.driver = make_driver()

    def tearDown(self):
        self.driver.quit()
        self.assertEqual(self.preview.stop(), 0, "\n".join(self.preview.lines))

    def wait_for(self, condition, message, timeout=10):
        # The page reloads under the wait, so an element can go stale between two looks at it.
        WebDriverWait(self.driver, timeout, poll_frequency=0.05, ignored_exceptions=(WebDriverException,)).until(
            lambda d: condition(d), message)

    def wait_for_listening(self):
        self.wait_for(lambda d: d.execute_script("return window.briefingPreview !== undefined"),
                      "the page did not connect to the event stream")

    def test_edit_reloads_the_page_and_keeps_the_scroll_position(self):
        driver = self.driver
        driver.get(self.preview.url + "articles/putin-trump-call/index.html")
        self.wait_for_listening()
        driver.execute_script("document.getElementById('p5').scrollIntoView()")
        scrolled = driver.execute_script("return window.scrollY")
        self.assertGreater(scrolled, 300)
        driver.execute_script("window.__notReloaded = true")

        self.preview.edit("Content/putin-trump-call.txt", "In a significant diplomatic interaction",
                          "In a closely watched diplomatic exchange")
        self.wait_for(lambda d: "closely watched diplomatic exchange" in d.find_element(By.ID, "p1").text,
                      "the edit did not appear without a manual reload")
        self.assertIsNone(driver.execute_script("return window.__notReloaded"))
        self.wait_for(lambda d: abs(d.execute_script("return window.scrollY") - scrolled) < 5,
                      "the scroll position was not kept")

    def test_a_broken_file_shows_the_overlay_until_it_is_fixed(self):
        driver = self.driver
        driver.get(self.preview.url + "parties/marco-rubio/")
        self.assertEqual(driver.find_element(By.TAG_NAME, "h1").text, "Marco Rubio")
        self.wait_for_listening()

        self.preview.edit("Content/parties/marco-rubio.md", "kind: person", "kind: [person")
        self.wait_for(lambda d: d.find_elements(By.ID, "briefing-errors"), "no error overlay")
        overlay = driver.find_element(By.ID, "briefing-errors").text
        self.assertIn("Content/parties/marco-rubio.md:", overlay)
        self.assertIn("error: invalid front matter", overlay)
        self.assertEqual(driver.find_element(By.TAG_NAME, "h1").text, "Marco Rubio")
        driver.save_screenshot(os.path.join(SHOTS, "serve-error-overlay.png"))
        self.assertTrue(any("still serving the last good build" in line for line in self.preview.lines))

        self.preview.edit("Content/parties/marco-rubio.md", "kind: [person", "kind: person")
        self.wait_for(lambda d: not d.find_elements(By.ID, "briefing-errors"), "the overlay did not go away")

    def test_search_reads_the_index_of_the_build_it_is_served_with(self):
        # The preview makes the search index when it is first asked for, after each rebuild.
        driver = self.driver

        def results():
            return driver.execute_script(
                "return Array.from(document.querySelectorAll('#search-results a'), a => a.innerText);")

        def searched(d):
            status = d.find_element(By.ID, "search-status").text
            return status and "Loading" not in status

        driver.get(self.preview.url + "search/index.html?q=Jeddah")
        self.wait_for(searched, "the search did not finish")
        self.assertTrue(results(), "searching 'Jeddah' found nothing")
        self.wait_for_listening()
        self.preview.edit("Content/putin-trump-call.txt", "In a significant diplomatic interaction",
                          "In a quixotically diplomatic interaction")
        self.wait_for(lambda d: d.execute_script("return window.briefingPreview.generation") > 1,
                      "the search page did not reload after the edit")
        driver.get(self.preview.url + "search/index.html?q=quixotically")
        self.wait_for(searched, "the search after the edit did not finish")
        self.assertTrue(results(), "the word added by the edit is not found")

    def test_template_edits_are_picked_up(self):
        driver = self.driver
        driver.get(self.preview.url)
        self.wait_for_listening()
        self.preview.edit("Templates/footer.mustache", "Every fact links", "Each fact links")
        self.wait_for(lambda d: "Each fact links" in d.find_element(By.CSS_SELECTOR, ".site-footer").text,
                      "the template edit did not appear")


class PreviewOverHTTP(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.preview = Preview()
        cls.port = cls.preview.port

    @classmethod
    def tearDownClass(cls):
        cls.preview.stop()

    def test_static_server_answers_like_a_static_server(self):
        status, headers, body = raw_get(self.port, "/")
        self.assertEqual(status, 200)
        self.assertEqual(headers["Content-Type"], "text/html; charset=utf-8")
        self.assertIn(b'<script src="/__briefing/reload.js" defer></script>', body)
        etag = headers["ETag"]
        self.assertEqual(raw_get(self.port, "/", headers={"If-None-Match": etag})[0], 304)
        status, head_headers, head_body = raw_get(self.port, "/", method="HEAD")
        self.assertEqual((status, head_body), (200, b""))
        self.assertEqual(head_headers["Content-Length"], str(len(body)))
        for path, media_type in [("/assets/style.css", "text/css; charset=utf-8"),
                                 ("/assets/favicon.svg", "image/svg+xml; charset=utf-8"),
                                 ("/briefing.json", "application/json; charset=utf-8"),
                                 ("/sitemap.xml", "application/xml; charset=utf-8"),
                                 ("/robots.txt", "text/plain; charset=utf-8")]:
            self.assertEqual(raw_get(self.port, path)[1]["Content-Type"], media_type, path)
        status, headers, _ = raw_get(self.port, "/parties")
        self.assertEqual((status, headers["Location"]), (301, "/parties/"))
        status, _, body = raw_get(self.port, "/no/such/page")
        self.assertEqual(status, 404)
        self.assertIn(b"Page not found", body)
        self.assertEqual(raw_get(self.port, "/assets/")[0], 404, "a folder must not be listed")
        self.assertEqual(raw_get(self.port, "/", method="POST")[0], 405)

    def test_oversized_requests_are_refused(self):
        with socket.create_connection(("127.0.0.1", self.port), timeout=10) as connection:
            connection.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 20000 + b"\r\n\r\n")
            try:
                reply = connection.recv(4096)
            except ConnectionResetError:
                reply = b""
        self.assertFalse(reply.startswith(b"HTTP/1.1 200"), reply[:80])
        self.assertEqual(raw_get(self.port, "/" + "a" * 3000)[0], 414)

    def test_slow_and_half_open_connections_are_closed(self):
        started = time.time()
        slow = socket.create_connection(("127.0.0.1", self.port))
        idle = socket.create_connection(("127.0.0.1", self.port))
        slow.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        for connection in (slow, idle):
            connection.settimeout(30)
            self.assertEqual(connection.recv(4096), b"", "the server sent something instead of closing")
            connection.close()
        self.assertLess(time.time() - started, 25)

    def test_no_way_out_of_the_site(self):
        for target in ["/../briefing.yml", "/%2e%2e/briefing.yml", "/%2E%2E/%2E%2E/etc/passwd",
                       "/assets/..%2f..%2fbriefing.yml", "/..%5c..%5cbriefing.yml", "/.%2e/Content/",
                       "/%c0%ae%c0%ae/etc/passwd", "/index.html%00.css"]:
            status, _, body = raw_get(self.port, target)
            self.assertEqual(status, 403, target)
            self.assertNotIn(b"root:", body)


class PreviewProcess(unittest.TestCase):
    def test_busy_port_is_a_clear_error(self):
        first = Preview()
        try:
            second = subprocess.run([EXECUTABLE, "serve", "--port", str(first.port)], cwd=first.root,
                                    capture_output=True, text=True, timeout=60)
            self.assertEqual(second.returncode, 1)
            self.assertIn(f"port {first.port} on 127.0.0.1 is already in use", second.stderr)
        finally:
            self.assertEqual(first.stop(), 0)

    def test_ctrl_c_stops_cleanly_with_a_page_listening(self):
        preview = Preview()
        connection = socket.create_connection(("127.0.0.1", preview.port))
        connection.sendall(b"GET /__briefing/events HTTP/1.1\r\nHost: x\r\n\r\n")
        received = b""
        while b"event: build" not in received:
            chunk = connection.recv(4096)
            self.assertTrue(chunk, "the event stream closed")
            received += chunk
        started = time.time()
        self.assertEqual(preview.stop(), 0)
        self.assertLess(time.time() - started, 5)
        self.assertEqual(preview.lines[-1], "Stopped.")
        connection.close()

    def test_other_addresses_only_with_a_warning(self):
        preview = Preview("--host", "0.0.0.0")
        try:
            self.assertTrue(any(line.startswith("warning: serving on 0.0.0.0") for line in preview.lines))
        finally:
            preview.stop()


if __name__ == "__main__":
    print(f"screenshots: {SHOTS}", file=sys.stderr)
    unittest.main(verbosity=2)
