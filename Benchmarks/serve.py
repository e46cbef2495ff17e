"""Benchmark of `briefing serve`: edit-to-reload latency in a browser, and throughput beside nginx.

Usage: python3 Benchmarks/serve.py [BRIEFING_EXECUTABLE]   (default: a release build, built first)

1. Latency: the preview runs on a scratch copy of the seed; headless Chromium has the article
   open. 20 times, the first paragraph is edited on disk; the latency is from just before the
   write to the moment the reloaded page finished parsing (the new document's
   domContentLoadedEventEnd on the shared clock). Prints p50 and p95.
2. Throughput: `wrk` against the preview and against nginx serving `briefing build`'s output of
   the same site, one after the other, same page, same settings. Prints requests/s, errors and
   the ratio.

Needs chromium, chromium-driver, nginx, wrk and selenium (what Tests/run-all.sh installs, plus wrk).
"""

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Browser"))

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAGE = "articles/putin-trump-call/index.html"
EDITS = 20
WRK = ["wrk", "-t2", "-c64", "-d10s"]


def executable():
    if len(sys.argv) > 1:
        return os.path.abspath(sys.argv[1])
    subprocess.run(["swift", "build", "-c", "release", "--product", "briefing"], cwd=REPOSITORY, check=True)
    path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=REPOSITORY, check=True,
                          capture_output=True, text=True).stdout.strip()
    return os.path.join(path, "briefing")


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def measure_latency(preview, make_driver):
    driver = make_driver()
    latencies = []
    try:
        driver.get(preview.url + PAGE)
        for attempt in range(EDITS):
            wait_listening(driver)
            marker = f"benchmark edit {attempt}"
            with open(preview.path("Content/putin-trump-call.txt"), encoding="utf-8") as handle:
                text = handle.read()
            text = re.sub(r"In a (significant diplomatic interaction|benchmark edit \d+)", "In a " + marker, text, count=1)
            start = time.time() * 1000
            with open(preview.path("Content/putin-trump-call.txt"), "w", encoding="utf-8") as handle:
                handle.write(text)
            deadline = time.time() + 10
            while time.time() < deadline:
                try:
                    if marker in driver.find_element("id", "p1").text:
                        break
                except Exception:
                    pass
                time.sleep(0.005)
            else:
                raise RuntimeError(f"edit {attempt} never appeared")
            loaded = driver.execute_script(
                "const n = performance.getEntriesByType('navigation')[0];"
                "return performance.timeOrigin + n.domContentLoadedEventEnd;")
            latencies.append(loaded - start)
            time.sleep(0.3)
    finally:
        driver.quit()
    return latencies


def wait_listening(driver):
    deadline = time.time() + 10
    while time.time() < deadline:
        if driver.execute_script("return window.briefingPreview !== undefined"):
            return
        time.sleep(0.01)
    raise RuntimeError("page is not listening to the preview")


def run_wrk(url):
    output = subprocess.run(WRK + [url], capture_output=True, text=True, check=True).stdout
    requests = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = 0
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    if socket_errors:
        errors += sum(int(group) for group in socket_errors.groups())
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if non_2xx:
        errors += int(non_2xx.group(1))
    return requests, errors


def main():
    binary = executable()
    sys.argv = sys.argv[:1]
    from test_serve import Preview, make_driver  # noqa: E402  (shares the test's process handling)
    import test_serve
    test_serve.EXECUTABLE = binary
    import harness

    preview = Preview()
    try:
        latencies = measure_latency(preview, make_driver)
        rebuilds = [int(m.group(1)) for line in preview.lines if (m := re.match(r"Built \d+ pages in (\d+) ms", line))]
        print(f"edit-to-reload over {len(latencies)} edits: p50 {statistics.median(latencies):.0f} ms, "
              f"p95 {percentile(latencies, 0.95):.0f} ms (min {min(latencies):.0f}, max {max(latencies):.0f}); "
              f"rebuild alone: p50 {statistics.median(rebuilds[1:]):.0f} ms")

        preview_rps, preview_errors = run_wrk(preview.url + PAGE)
    finally:
        preview.stop()

    scratch = tempfile.mkdtemp(prefix="briefing-bench-")
    os.chmod(scratch, 0o755)
    try:
        public = os.path.join(scratch, "Public")
        subprocess.run([binary, "build", "--output", public, "--base-url", "http://localhost/Public/"],
                       cwd=REPOSITORY, check=True, capture_output=True)
        nginx, root = harness.start_nginx(public)
        try:
            nginx_rps, nginx_errors = run_wrk(root + PAGE)
        finally:
            nginx.terminate()
            nginx.wait()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    print(f"throughput ({' '.join(WRK)}, {PAGE}): preview {preview_rps:.0f} req/s ({preview_errors} errors), "
          f"nginx {nginx_rps:.0f} req/s ({nginx_errors} errors), ratio {preview_rps / nginx_rps:.2f}x")


if __name__ == "__main__":
    main()
