"""Checks a built briefing against the standards a newsroom's web desk holds a site to.

Usage: python3 Tests/Browser/test_standards.py PUBLIC_DIR

Serves PUBLIC_DIR with nginx under a sub-path (its folder name) behind a strict
Content-Security-Policy (nothing inline, nothing from elsewhere), and checks in headless
Chromium: axe-core finds nothing on any page template in light and dark; no page breaks
the policy or logs an error; the JSON-LD, the Atom feed and the sitemap parse and point at
real files; party and term previews work with the pointer and the keyboard; search finds
paragraphs, events and parties, over HTTP and from file://; every page reads without
JavaScript; nothing scrolls sideways at 360 and 1280 px; the article prints black on white.
Build the site with `--base-url http://localhost/<folder name>/`.

Each group ends with a count, printed as a summary after the run.
"""

import collections
import glob
import html
import html.parser
import json
import os
import re
import sys
import time
import unittest
import urllib.error
import urllib.request
import xml.etree.ElementTree as ElementTree

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from harness import STRICT_CSP, base_url, make_driver, page_file, site_pages, start_nginx, stop

PUBLIC = os.path.abspath(sys.argv.pop(1) if len(sys.argv) > 1 else "Public")
SEARCH = "search/index.html"
# The repository's sample briefing; the search checks ask it questions with known answers.
SEED_ARTICLE = "articles/putin-trump-call/index.html"
SEED = os.path.isfile(page_file(PUBLIC, SEED_ARTICLE))


def first_link(page, pattern):
    """The first address in a built page matching `pattern`, relative to the site root."""
    with open(page_file(PUBLIC, page), encoding="utf-8") as handle:
        found = re.search(r'href="(?:\.\./)*(' + pattern + ')"', handle.read())
    if not found:
        raise AssertionError(f"no link matching {pattern} in {page}")
    return found.group(1)


# One page of each template, as readers reach them (the search page showing results). Any built
# briefing will do: the pages are the first article, party and term its own lists lead to.
ARTICLE = SEED_ARTICLE if SEED else first_link("index.html", r"articles/[^/\"]+/index\.html")
TERM = first_link("terms/index.html", r"terms/[^/\"]+/index\.html")
TEMPLATES = {
    "home": "index.html",
    "article": ARTICLE,
    "timeline": "timeline/index.html",
    "parties": "parties/index.html",
    "party": first_link("index.html", r"parties/[^/\"]+/index\.html"),
    "terms": "terms/index.html",
    "term": TERM,
    "search": SEARCH + "?q=" + ("Jeddah" if SEED else TERM.split("/")[1].split("-")[0]),
    "404": "no/such/page/",
}
MENTION = ".paragraph p a[href*='parties/']"


class Tally:
    """What each group checked and what it found, for the summary after the run."""

    def __init__(self):
        self.counts = collections.OrderedDict()

    def add(self, group, unit, problems, checked):
        entry = self.counts.setdefault(group, [unit, 0, 0])
        entry[1] += checked
        entry[2] += len(problems)

    def lines(self):
        return [f"{group}: {checked} {unit}, {problems} problem{'' if problems == 1 else 's'}"
                for group, (unit, checked, problems) in self.counts.items()]


TALLY = Tally()


def axe_source():
    """The newest axe-core installed: selenium-axe-python ships 4.x, axe-selenium-python 3.x."""
    for module, relative in [("selenium_axe_python", "axe-core/axe.min.js"),
                             ("axe_selenium_python", "node_modules/axe-core/axe.min.js")]:
        try:
            package = __import__(module)
        except ImportError:
            continue
        with open(os.path.join(os.path.dirname(package.__file__), relative), encoding="utf-8") as handle:
            return handle.read()
    raise RuntimeError("no axe-core: pip install selenium-axe-python")


def luminance(css_colour):
    red, green, blue = [float(part) / 255 for part in re.findall(r"[\d.]+", css_colour)[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def emulate(driver, media="", scheme="light"):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "media": media, "features": [{"name": "prefers-color-scheme", "value": scheme}]})


def computed(driver, selector, property_name):
    return driver.execute_script(
        "var e = document.querySelector(arguments[0]);"
        "return e ? getComputedStyle(e).getPropertyValue(arguments[1]) : null;", selector, property_name)


def wait(driver, condition, message, seconds=10):
    # A page that redraws while the condition reads it (search results as the reader types) is
    # read again on the next poll.
    return WebDriverWait(driver, seconds, ignored_exceptions=[StaleElementReferenceException]).until(
        lambda d: condition(d), message)


def search_ready(driver):
    status = driver.find_element(By.ID, "search-status").text
    return status and "Loading" not in status


def report(test, problems):
    """Fails with every problem on a line of its own."""
    if problems:
        test.fail(f"{len(problems)} problem(s):\n  " + "\n  ".join(problems))


class Markup(html.parser.HTMLParser):
    """Scripts, event handler attributes, inline styles and the addresses a page loads."""

    RESOURCE_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts = []  # (attributes, text)
        self.handlers = []
        self.inline_styles = []
        self.loads = []  # addresses the browser fetches on its own
        self.links = []  # every href, for javascript: addresses
        self._script = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}=\"{value}\">")
        if "style" in attributes:
            self.inline_styles.append(f"<{tag} style=\"{attributes['style']}\">")
        if tag == "style":
            self.inline_styles.append("<style> element")
        if tag == "script":
            self._script = [attributes, ""]
            if attributes.get("src"):
                self.loads.append(attributes["src"])
        if tag == "link" and self.RESOURCE_RELS & set((attributes.get("rel") or "").split()):
            self.loads.append(attributes.get("href") or "")
        if tag in ("img", "source", "iframe", "embed", "video", "audio", "track", "input") and attributes.get("src"):
            self.loads.append(attributes["src"])
        if tag == "object" and attributes.get("data"):
            self.loads.append(attributes["data"])
        for candidate in (attributes.get("srcset") or "").split(","):
            if candidate.strip():
                self.loads.append(candidate.split()[0])
        if "href" in attributes:
            self.links.append(attributes["href"] or "")

    def handle_data(self, data):
        if self._script is not None:
            self._script[1] += data

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append(tuple(self._script))
            self._script = None


def parse_page(path):
    markup = Markup()
    with open(path, encoding="utf-8") as handle:
        markup.feed(handle.read())
    return markup


def html_files():
    return sorted(glob.glob(os.path.join(PUBLIC, "**", "*.html"), recursive=True))


class FilesOnDisk(unittest.TestCase):
    """What can be judged from the built files alone."""

    def test_pages_have_no_inline_code_and_load_nothing_from_elsewhere(self):
        base = base_url(PUBLIC)
        problems = []
        files = html_files()
        for path in files:
            name = os.path.relpath(path, PUBLIC)
            markup = parse_page(path)
            for attributes, text in markup.scripts:
                if attributes.get("type") == "application/ld+json":
                    continue
                if not attributes.get("src"):
                    problems.append(f"{name}: inline <script> without src: {text.strip()[:60]!r}")
                elif attributes.get("type") not in (None, "", "text/javascript", "module"):
                    problems.append(f"{name}: <script type={attributes['type']!r}>")
            problems += [f"{name}: event handler attribute {h}" for h in markup.handlers]
            problems += [f"{name}: inline style, blocked by style-src 'self': {s}" for s in markup.inline_styles]
            for address in markup.loads:
                outside = re.match(r"^(https?:)?//", address, re.I) and not address.startswith(base)
                if outside or re.match(r"^(javascript|data):", address, re.I):
                    problems.append(f"{name}: loads {address}")
            problems += [f"{name}: javascript: link {href}" for href in markup.links
                         if href.strip().lower().startswith("javascript:")]
        TALLY.add("markup", "HTML files read for inline code and outside loads", problems, len(files))
        self.assertGreaterEqual(len(files), 20)
        report(self, problems)

    def test_json_ld_parses_and_names_its_context_and_type(self):
        problems = []
        blocks = 0
        pages_with = []
        for path in html_files():
            name = os.path.relpath(path, PUBLIC)
            for attributes, text in parse_page(path).scripts:
                if attributes.get("type") != "application/ld+json":
                    continue
                blocks += 1
                try:
                    data = json.loads(text)
                except json.JSONDecodeError as error:
                    problems.append(f"{name}: JSON-LD does not parse: {error}")
                    continue
                for item in data if isinstance(data, list) else [data]:
                    if not isinstance(item, dict) or "@context" not in item:
                        problems.append(f"{name}: JSON-LD without @context")
                    elif "@type" not in item and not all("@type" in node for node in item.get("@graph", [{}])):
                        problems.append(f"{name}: JSON-LD without @type")
                pages_with.append(name)
        for required in (ARTICLE, "index.html"):
            if required not in pages_with:
                problems.append(f"{required}: no JSON-LD")
        TALLY.add("json-ld", f"blocks in {len(set(pages_with))} pages parsed", problems, blocks)
        report(self, problems)

    def test_feed_and_sitemap_are_well_formed_and_point_at_files(self):
        base = base_url(PUBLIC)
        atom = "{http://www.w3.org/2005/Atom}"
        problems = []
        checked = 0

        def resolves(address, where):
            nonlocal checked
            checked += 1
            if not address.startswith(base):
                problems.append(f"{where}: {address} is not under {base}")
            elif not os.path.isfile(page_file(PUBLIC, address[len(base):])):
                problems.append(f"{where}: {address} has no file in the site")

        feed = ElementTree.parse(os.path.join(PUBLIC, "feed.xml")).getroot()
        self.assertEqual(feed.tag, atom + "feed", "feed.xml is not an Atom feed")
        for element in ("id", "title", "updated"):
            self.assertIsNotNone(feed.find(atom + element), f"feed.xml has no <{element}>")
        entries = feed.findall(atom + "entry")
        self.assertGreaterEqual(len(entries), 1, "feed.xml has no entries")
        for entry in entries:
            title = entry.findtext(atom + "title") or "(untitled)"
            for element in ("id", "title", "updated"):
                if entry.find(atom + element) is None:
                    problems.append(f"feed.xml entry {title!r}: no <{element}>")
            links = [link for link in entry.findall(atom + "link") if link.get("rel", "alternate") == "alternate"]
            if not links:
                problems.append(f"feed.xml entry {title!r}: no alternate link")
            for link in links:
                resolves(link.get("href", ""), f"feed.xml entry {title!r}")

        sitemap = ElementTree.parse(os.path.join(PUBLIC, "sitemap.xml")).getroot()
        self.assertEqual(sitemap.tag, "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset")
        for location in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):
            resolves(location.text.strip(), "sitemap.xml")
        TALLY.add("feed and sitemap", f"addresses resolved ({len(entries)} feed entries)", problems, checked)
        report(self, problems)


class InBrowser(unittest.TestCase):
    """The site served over HTTP behind the strict policy, in one Chromium."""

    @classmethod
    def setUpClass(cls):
        cls.server, cls.root = start_nginx(PUBLIC, {"Content-Security-Policy": STRICT_CSP})
        cls.driver = make_driver()
        cls.driver.set_script_timeout(60)
        # Recorded from the first line of every page on, before the page's own scripts run.
        cls.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": """
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', function (e) {
              window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') +
                ' at ' + (e.sourceFile || '?') + ':' + e.lineNumber);
            });"""})

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        stop(cls.server)

    def setUp(self):
        emulate(self.driver)
        self.driver.set_window_size(1280, 900)

    def open(self, path):
        self.driver.get(self.root + path)
        if path.startswith(SEARCH):
            wait(self.driver, search_ready, f"{path}: search did not finish")
        return self.driver

    def severe_log(self, expected_404=False):
        entries = [e["message"] for e in self.driver.get_log("browser") if e["level"] == "SEVERE"]
        if expected_404:
            entries = [e for e in entries if "status of 404" not in e]
        return entries

    # ---- axe ----

    def axe(self):
        driver = self.driver
        if not driver.execute_script("return !!window.axe"):
            driver.execute_script(self.axe_script)
        result = driver.execute_async_script("""
            var done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']})
              .then(function (r) { done({version: axe.version, violations: r.violations}); })
              .catch(function (e) { done({error: String(e)}); });""")
        self.assertNotIn("error", result, result.get("error"))
        InBrowser.axe_version = result["version"]
        return result["violations"]

    axe_script = None
    axe_version = "?"

    def test_axe_finds_nothing_on_any_template_in_light_and_dark(self):
        InBrowser.axe_script = axe_source()
        problems = []
        combinations = 0
        states = list(TEMPLATES.items()) + [("article with a preview card", ARTICLE)]
        backgrounds = {}
        for scheme in ("light", "dark"):
            emulate(self.driver, scheme=scheme)
            for label, path in states:
                driver = self.open(path)
                background = computed(driver, "body", "background-color")
                backgrounds.setdefault(scheme, set()).add(background)
                if label == "article with a preview card":
                    self.hover(driver.find_element(By.CSS_SELECTOR, MENTION))
                    wait(driver, lambda d: d.find_element(By.ID, "preview-card").is_displayed(), "no card to check")
                combinations += 1
                for violation in self.axe():
                    nodes = "; ".join(" ".join(node["target"]) if isinstance(node["target"], list) else str(node["target"])
                                      for node in violation["nodes"][:4])
                    summary = (violation["nodes"][0].get("failureSummary") or "").replace("\n", " ")
                    problems.append(f"{label} ({scheme}): {violation['impact']} {violation['id']}: "
                                    f"{violation['help']} [{len(violation['nodes'])}x: {nodes}] {summary[:200]}")
        # The dark run must really be dark: otherwise it only checked light twice.
        for background in backgrounds["light"]:
            self.assertGreater(luminance(background), 0.8, f"light background is {background}")
        for background in backgrounds["dark"]:
            self.assertLess(luminance(background), 0.05, f"dark emulation did not switch: background {background}")
        TALLY.add(f"axe {InBrowser.axe_version}", "page/scheme combinations", problems, combinations)
        report(self, problems)

    # ---- the strict content security policy ----

    def test_no_page_breaks_the_content_security_policy_or_logs_an_error(self):
        with urllib.request.urlopen(self.root + "index.html") as response:
            self.assertEqual(response.headers.get("Content-Security-Policy"), STRICT_CSP, "nginx sent no policy")
        try:
            urllib.request.urlopen(self.root + "no/such/page/")
        except urllib.error.HTTPError as error:
            self.assertEqual(error.code, 404)
            self.assertEqual(error.headers.get("Content-Security-Policy"), STRICT_CSP, "404 sent no policy")

        # The probe must see a violation when there is one, or its silence proves nothing.
        driver = self.open("index.html")
        driver.get_log("browser")
        driver.execute_script("var s = document.createElement('script'); s.textContent = 'window.__ran = 1';"
                              "document.head.appendChild(s);")
        wait(driver, lambda d: d.execute_script("return window.__cspViolations.length"), "policy not enforced")
        self.assertIsNone(driver.execute_script("return window.__ran"), "inline script ran despite the policy")
        driver.get_log("browser")

        problems = []
        pages = site_pages(PUBLIC) + [TEMPLATES["search"], "no/such/page/"]
        for page in pages:
            driver = self.open(page)
            if page_file(PUBLIC, page) == page_file(PUBLIC, ARTICLE):
                self.hover(driver.find_element(By.CSS_SELECTOR, MENTION))
                wait(driver, lambda d: d.find_element(By.ID, "preview-card").is_displayed(), "card under CSP")
            time.sleep(0.1)
            violations = driver.execute_script("return window.__cspViolations")
            problems += [f"{page or 'index'}: CSP {v}" for v in violations]
            problems += [f"{page or 'index'}: console: {m}" for m in self.severe_log(page.startswith("no/such"))]
        TALLY.add("csp", "pages under a strict policy", problems, len(pages))
        report(self, problems)

    # ---- previews ----

    def hover(self, element):
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        ActionChains(self.driver).move_to_element(element).perform()

    def card(self):
        cards = self.driver.find_elements(By.ID, "preview-card")
        return cards[0] if cards and cards[0].is_displayed() else None

    def misplaced(self, link):
        """How the open card fails its link: covering one of its lines, or leaving the window."""
        return self.driver.execute_script("""
            var link = arguments[0], problems = [];
            var card = document.getElementById('preview-card').getBoundingClientRect();
            [].forEach.call(link.getClientRects(), function (line) {
              if (card.left < line.right && line.left < card.right && card.top < line.bottom && line.top < card.bottom)
                problems.push('the card covers its link ' + JSON.stringify(link.textContent));
            });
            if (card.left < 0 || card.right > document.documentElement.clientWidth)
              problems.push('the card leaves the window: ' + card.left + '..' + card.right);
            return problems;""", link)

    def test_previews_open_on_hover_and_focus_and_close_on_escape(self):
        driver = self.open(ARTICLE)
        checks = 0
        # A mention's title, as built, is "Name, detail"; the card shows the detail in its place.
        with open(page_file(PUBLIC, ARTICLE), encoding="utf-8") as handle:
            titles = [html.unescape(title) for title in
                      re.findall(r'<a href="[^"]*parties/[^"]*" title="([^"]*)"', handle.read())]
        self.assertEqual(len(titles), len(driver.find_elements(By.CSS_SELECTOR, MENTION)))
        index = next((i for i, title in enumerate(titles) if title and ", " in title), None)
        self.assertIsNotNone(index, "no party mention with a title like 'Name, detail' to preview")
        detail = titles[index].split(", ", 1)[1]
        if SEED:
            self.assertEqual(detail, "President of Russia")
        mention = driver.find_elements(By.CSS_SELECTOR, MENTION)[index]
        wait(driver, lambda d: mention.get_attribute("data-preview"), "briefing.js did not prepare the mentions")
        self.assertFalse(mention.get_attribute("title"), "the native tooltip would show beside the card")

        self.hover(mention)
        card = wait(driver, lambda d: self.card(), "hovering a party mention shows no card")
        self.assertEqual(card.get_attribute("role"), "tooltip")
        self.assertIn(detail, card.text, "the card does not show the party's text")
        self.assertIn("PARTY", card.text.upper())
        self.assertEqual(self.misplaced(mention), [])
        checks += 3

        # On a phone, long mentions wrap; the card must cover no line of its link either.
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": 360, "height": 640, "deviceScaleFactor": 1, "mobile": True})
        try:
            driver = self.open(ARTICLE)
            wrapped = driver.execute_script(
                "return [].filter.call(document.querySelectorAll(arguments[0]),"
                " function (a) { return a.getClientRects().length > 1; })", MENTION)
            self.assertTrue(wrapped, "no wrapped mention at 360 px to check the card against")
            for link in wrapped[:3]:
                self.hover(link)
                wait(driver, lambda d: self.card(), "hovering a wrapped mention shows no card")
                self.assertEqual(self.misplaced(link), [])
                checks += 1
        finally:
            driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        driver = self.open(ARTICLE)
        mention = driver.find_elements(By.CSS_SELECTOR, MENTION)[index]
        self.hover(mention)
        card = wait(driver, lambda d: self.card(), "hovering a party mention shows no card")

        ActionChains(driver).move_to_element(card).perform()
        time.sleep(0.6)
        self.assertIsNotNone(self.card(), "the card vanished when the pointer moved onto it")
        ActionChains(driver).move_to_element(driver.find_element(By.TAG_NAME, "h1")).perform()
        wait(driver, lambda d: self.card() is None, "the card stays after the pointer leaves")
        checks += 2

        term = driver.find_element(By.CSS_SELECTOR, ".paragraph p a[href*='terms/'][data-preview]")
        definition = term.get_attribute("data-preview")
        self.hover(term)
        card = wait(driver, lambda d: self.card(), "hovering a term shows no card")
        self.assertIn("KEY TERM", card.text.upper())
        self.assertIn(definition, card.text, "the card does not show the term's definition")
        ActionChains(driver).move_to_element(driver.find_element(By.TAG_NAME, "h1")).perform()
        wait(driver, lambda d: self.card() is None, "the term card stays")
        checks += 1

        driver = self.open(ARTICLE)
        driver.find_element(By.TAG_NAME, "body").click()
        for _ in range(40):
            ActionChains(driver).send_keys(Keys.TAB).perform()
            focused = driver.switch_to.active_element
            if re.search(r"parties/[^/]+/index\.html$", focused.get_attribute("href") or "") \
                    and driver.execute_script("return !!arguments[0].closest('main')", focused):
                break
        else:
            self.fail("Tab never reached a party link in main")
        card = wait(driver, lambda d: self.card(), "keyboard focus on a party link shows no card")
        self.assertEqual(focused.get_attribute("aria-describedby"), "preview-card",
                         "the focused link is not described by the card")
        self.assertTrue(card.text.strip())
        ActionChains(driver).send_keys(Keys.ESCAPE).perform()
        wait(driver, lambda d: self.card() is None, "Esc does not hide the card")
        self.assertFalse(focused.get_attribute("aria-describedby"), "aria-describedby left on the link")
        self.assertEqual(driver.switch_to.active_element, focused, "Esc moved the focus")
        checks += 3
        TALLY.add("previews", "pointer and keyboard checks", [], checks)

    # ---- search ----

    def results(self):
        # Read in one script: the list is redrawn as the reader types, and elements looked up one
        # call at a time can be replaced between two calls.
        return [tuple(pair) for pair in self.driver.execute_script(
            "return Array.from(document.querySelectorAll('#search-results a'), a => [a.innerText, a.href]);")]

    def check_jeddah(self, where):
        results = self.results()
        self.assertTrue(any(href.endswith("#p3") for _, href in results),
                        f"{where}: no paragraph result ending #p3 in {results}")
        self.assertTrue(any(re.search(r"timeline/index\.html#event-", href) for _, href in results),
                        f"{where}: no event result in {results}")
        for _, href in results:
            if href.startswith("http"):
                self.assertTrue(href.startswith(self.root), f"{where}: result leaves the site: {href}")

    def check_excerpts_cut_between_words(self, where):
        """A long paragraph's excerpt starts and ends on whole words of the paragraph's text."""
        with open(os.path.join(PUBLIC, "briefing.json"), encoding="utf-8") as handle:
            texts = [p["text"] for a in json.load(handle)["articles"] for p in a["paragraphs"]]
        excerpts = self.driver.execute_script(
            "return Array.from(document.querySelectorAll('.search-excerpt'), e => e.innerText);")
        cut = [e for e in excerpts if "\u2026" in e]
        self.assertTrue(cut, f"{where}: no shortened excerpt to check among {excerpts}")
        for excerpt in cut:
            core = excerpt.strip("\u2026").strip()
            source = next((t for t in texts if core in t), None)
            self.assertIsNotNone(source, f"{where}: excerpt not found in any paragraph: {excerpt!r}")
            start = source.index(core)
            end = start + len(core)
            self.assertTrue(start == 0 or not source[start - 1].isalnum(), f"{where}: starts mid-word: {excerpt!r}")
            self.assertTrue(end == len(source) or not source[end].isalnum(), f"{where}: ends mid-word: {excerpt!r}")

    @unittest.skipUnless(SEED, "the search questions have known answers in the sample briefing only")
    def test_search_finds_paragraphs_events_and_parties(self):
        driver = self.open(SEARCH + "?q=Jeddah")
        self.check_jeddah("?q=Jeddah")
        self.check_excerpts_cut_between_words("?q=Jeddah")
        field = driver.find_element(By.ID, "search-query")
        self.assertEqual(field.get_attribute("value"), "Jeddah")

        field.clear()
        field.send_keys("putin")
        wait(driver, lambda d: ("Vladimir Putin", self.root + "parties/vladimir-putin/index.html") in self.results(),
             f"typing 'putin' shows no party result 'Vladimir Putin': {self.results()}")
        self.check_excerpts_cut_between_words("typing 'putin'")

        # A word's beginning finds it, accents or not, and the page loads only the index's
        # shards the query needs: the small manifest, one shard of words, the rows it shows.
        field.clear()
        field.send_keys("Zélensk")
        wait(driver, lambda d: ("Volodymyr Zelensky", self.root + "parties/volodymyr-zelensky/index.html")
             in self.results(), f"typing 'Zélensk' shows no party result 'Volodymyr Zelensky': {self.results()}")
        loaded = driver.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/search/'));")
        words = [name for name in loaded if "/search/words/" in name]
        rows = [name for name in loaded if "/search/rows/" in name]
        with open(os.path.join(PUBLIC, "search", "index.js"), encoding="utf-8") as handle:
            shard_count = json.loads(handle.read().split("=", 1)[1].strip().rstrip(";"))["wordShards"]
        self.assertTrue(1 <= len(words) < shard_count, f"word shards loaded for three queries: {words}")
        self.assertTrue(rows, f"no rows loaded: {loaded}")

        # "truc" finds "truce" and marks it, not the "truc" inside "infrastructure".
        field.clear()
        field.send_keys("truc")
        wait(driver, lambda d: "result" in d.find_element(By.ID, "search-status").text, "typing 'truc' found nothing")
        marks = driver.execute_script(
            "return Array.from(document.querySelectorAll('#search-results mark'), m => {"
            " const before = m.previousSibling;"
            " return [m.textContent, before && before.nodeType === 3 ? before.textContent.slice(-1) : ''];"
            "});")
        self.assertTrue(marks, "no word marked for 'truc'")
        inside = [pair for pair in marks if re.match(r"\w", pair[1])]
        self.assertEqual(inside, [], f"marks inside words: {inside}")

        field.clear()
        field.send_keys("qzxwvj")
        wait(driver, lambda d: "Nothing found" in d.find_element(By.ID, "search-status").text,
             "a nonsense query does not say nothing was found")
        self.assertEqual(self.results(), [])

        # From the header of another page, as a reader starts a search.
        driver = self.open(ARTICLE)
        box = driver.find_element(By.CSS_SELECTOR, ".site-search input")
        box.send_keys("Jeddah", Keys.ENTER)
        wait(driver, lambda d: "search/index.html" in d.current_url and search_ready(d), "header search")
        self.check_jeddah("header search")

        disk = make_driver()
        try:
            disk.get("file://" + os.path.join(PUBLIC, SEARCH) + "?q=Jeddah")
            wait(disk, search_ready, "search from file:// did not finish")
            self.driver, saved = disk, self.driver
            try:
                results = self.results()
                self.assertTrue(any(href.endswith("#p3") for _, href in results), f"file://: {results}")
                self.assertTrue(any("#event-" in href for _, href in results), f"file://: {results}")
            finally:
                self.driver = saved
        finally:
            disk.quit()
        TALLY.add("search", "queries (HTTP, header form, file://)", [], 8)

    # ---- widths ----

    def test_nothing_scrolls_sideways_at_phone_and_desktop_widths(self):
        problems = []
        pages = site_pages(PUBLIC) + [TEMPLATES["search"], "no/such/page/"]
        combinations = 0
        for width, mobile in ((360, True), (1280, False)):
            self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                "width": width, "height": 800, "deviceScaleFactor": 1, "mobile": mobile})
            try:
                for page in pages:
                    driver = self.open(page)
                    self.assertEqual(driver.execute_script("return innerWidth"), width)
                    combinations += 1
                    overflow = driver.execute_script("""
                        var width = innerWidth, wide = [];
                        document.querySelectorAll('body *').forEach(function (e) {
                          if (e.closest('.map-scroll') || e.closest('.skip') || e.closest('[hidden]')) return;
                          var box = e.getBoundingClientRect();
                          if (box.width && box.height && (box.right > width + 0.5 || box.left < -0.5))
                            wide.push(e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : '')
                                      + ' ' + Math.round(box.left) + '..' + Math.round(box.right));
                        });
                        return {scroll: document.documentElement.scrollWidth, wide: wide.slice(0, 5)};""")
                    if overflow["scroll"] > width or overflow["wide"]:
                        problems.append(f"{page or 'index'} at {width}px: page is {overflow['scroll']}px wide; "
                                        f"sticking out: {overflow['wide']}")
            finally:
                self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        TALLY.add("widths", "page/width combinations (360 and 1280 px)", problems, combinations)
        report(self, problems)

    # ---- print ----

    def test_article_prints_black_on_white_without_navigation(self):
        problems = []
        checks = 0
        for scheme in ("light", "dark"):
            driver = self.open(ARTICLE)
            emulate(driver, media="print", scheme=scheme)
            expectations = [
                (".site-header nav", "display", "none"),
                (".site-search", "display", "none"),
                ("body", "color", "rgb(0, 0, 0)"),
                ("body", "background-color", "rgb(255, 255, 255)"),
                (".paragraph p", "color", "rgb(0, 0, 0)"),
                (".paragraph a[href*='parties/']", "color", "rgb(0, 0, 0)"),
                (".article h1", "color", "rgb(0, 0, 0)"),
                (".dek", "color", None),
            ]
            for selector, name, expected in expectations:
                value = computed(driver, selector, name)
                checks += 1
                if value is None:
                    problems.append(f"print ({scheme}): {selector} not on the page")
                elif expected is None:
                    if luminance(value) > 0.2:
                        problems.append(f"print ({scheme}): {selector} {name} is {value}, too light for paper")
                elif value != expected:
                    problems.append(f"print ({scheme}): {selector} {name} is {value}, want {expected}")
            if not driver.find_element(By.CSS_SELECTOR, ".paragraph").is_displayed():
                problems.append(f"print ({scheme}): the article text is hidden")
            checks += 1
            emulate(driver)
        TALLY.add("print", "style checks on the printed article (light and dark)", problems, checks)
        report(self, problems)


class WithoutJavaScript(unittest.TestCase):
    """JavaScript switched off in the browser: every page still reads and links."""

    def test_every_page_shows_its_content_and_links(self):
        server, root = start_nginx(PUBLIC, {"Content-Security-Policy": STRICT_CSP})
        driver = make_driver(javascript=False)
        problems = []
        pages = site_pages(PUBLIC) + [SEARCH, "no/such/page/"]
        try:
            for page in pages:
                driver.get(root + page)
                main = driver.find_element(By.TAG_NAME, "main")
                links = [a for a in main.find_elements(By.CSS_SELECTOR, "a[href]") if a.is_displayed()]
                if not main.is_displayed() or len(main.text) < 40:
                    problems.append(f"{page or 'index'}: main content missing ({len(main.text)} characters)")
                if not links:
                    problems.append(f"{page or 'index'}: no links in main")
                if not driver.find_element(By.TAG_NAME, "h1").is_displayed():
                    problems.append(f"{page or 'index'}: no visible heading")
            driver.get(root + TEMPLATES["search"])
            status = driver.find_element(By.ID, "search-status").text
            self.assertEqual(status, "", "JavaScript ran: the search status was filled in")
            notice = [p for p in driver.find_elements(By.CSS_SELECTOR, "main p") if "needs JavaScript" in p.text]
            if not notice or not notice[0].is_displayed():
                problems.append("search: the <noscript> message is not shown")
            driver.get(root + ARTICLE)
            mention = driver.find_element(By.CSS_SELECTOR, MENTION)
            self.assertTrue(mention.get_attribute("title"), "JavaScript ran: the mention lost its title")
        finally:
            driver.quit()
            stop(server)
        TALLY.add("no javascript", "pages read with JavaScript off", problems, len(pages) + 1)
        report(self, problems)


if __name__ == "__main__":
    program = unittest.main(verbosity=2, exit=False)
    print("\n".join(TALLY.lines()))
    sys.exit(not program.result.wasSuccessful())
