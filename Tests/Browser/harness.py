"""What the browser checks share: nginx serving a built site under a sub-path, and headless Chromium.

A newsroom hosts the briefing in a folder of a larger site, so the site is served from the folder
above it and reached at /<folder name>/; build it with `--base-url http://localhost/<folder name>/`.
"""

import os
import re
import socket
import subprocess
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

# The policy a careful host would send: everything from the site itself, nothing inline.
STRICT_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_nginx(public, headers=None):
    """nginx on a free loopback port serving the folder above `public`, with the site's 404 page.

    `headers` (name to value) are sent with every response, error pages included.
    Returns the process and the URL of the site's root, ending in a slash.
    """
    prefix = tempfile.mkdtemp(prefix="briefing-nginx-")
    port = free_port()
    subpath = "/" + os.path.basename(public) + "/"
    extra = "".join(f"        add_header {name} \"{value}\" always;\n" for name, value in (headers or {}).items())
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
        root {os.path.dirname(public)};
        location {subpath} {{
            error_page 404 {subpath}404.html;
{extra}        }}
    }}
}}
""")
    process = subprocess.Popen(["nginx", "-c", config, "-p", prefix])
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return process, f"http://127.0.0.1:{port}{subpath}"
        except OSError:
            time.sleep(0.05)
    process.kill()
    with open(os.path.join(prefix, "error.log"), encoding="utf-8") as log:
        raise RuntimeError("nginx did not start: " + log.read())


def stop(process):
    process.terminate()
    process.wait()


def make_driver(width=1280, height=900, javascript=True):
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--window-size={width},{height}"]:
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def sitemap_locations(public):
    with open(os.path.join(public, "sitemap.xml"), encoding="utf-8") as handle:
        return re.findall(r"<loc>([^<]+)</loc>", handle.read())


def base_url(public):
    """The site's own absolute address, as the build wrote it into the sitemap."""
    locations = sitemap_locations(public)
    base = os.path.commonprefix(locations)
    return base[: base.rfind("/") + 1]


def site_pages(public):
    """Pages listed in the sitemap, as paths relative to the site root."""
    base = base_url(public)
    return [location[len(base):] for location in sitemap_locations(public)]


def page_file(public, relative):
    """The file a server hands out for a site-relative path: a folder means its index.html."""
    relative = relative.split("#")[0].split("?")[0]
    if relative == "" or relative.endswith("/"):
        relative += "index.html"
    return os.path.join(public, relative)
