"""Stress of the preview server on loopback: many connections, slow and half-open ones, oversized requests.

Usage: python3 Benchmarks/stress.py [BRIEFING_EXECUTABLE]   (default: a release build, built first)

Prints requests served and errors for two `wrk -c1000 -d30s` runs, the server's resident memory
before, between and after them, and how the server treats slow, half-open and oversized requests.
"""

import os
import re
import resource
import socket
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Browser"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve import executable  # noqa: E402

ARGUMENTS = list(sys.argv)
import test_serve  # noqa: E402  (reads its own argument at import)

sys.argv = ARGUMENTS


def raise_file_limit():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(65536, hard), hard))


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        kib = int(re.search(r"VmRSS:\s+(\d+)", status.read()).group(1))
    return kib / 1024


def wrk(url):
    output = subprocess.run(["wrk", "-t2", "-c1000", "-d30s", "--timeout", "10s", url], capture_output=True,
                            text=True, check=True, preexec_fn=raise_file_limit).stdout
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = 0
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    if socket_errors:
        errors += sum(int(group) for group in socket_errors.groups())
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if non_2xx:
        errors += int(non_2xx.group(1))
    return requests, rate, errors


def closed_after(port, payload, limit=30):
    """Seconds until the server closes a connection that sent `payload` and then nothing."""
    started = time.time()
    with socket.create_connection(("127.0.0.1", port)) as connection:
        connection.settimeout(limit)
        if payload:
            connection.sendall(payload)
        try:
            while connection.recv(4096):
                pass
        except socket.timeout:
            return None
    return time.time() - started


def status_of(port, request):
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(request)
        try:
            reply = connection.recv(4096)
        except ConnectionResetError:
            return "connection reset"
    return reply.split(b"\r\n", 1)[0].decode() if reply else "connection closed"


def main():
    binary = executable()
    test_serve.EXECUTABLE = binary
    raise_file_limit()
    preview = test_serve.Preview()
    try:
        pid = preview.process.pid
        url = preview.url + "articles/putin-trump-call/index.html"
        before = rss_mib(pid)
        first = wrk(url)
        middle = rss_mib(pid)
        second = wrk(url)
        after = rss_mib(pid)
        for label, (requests, rate, errors) in [("run 1", first), ("run 2", second)]:
            print(f"wrk -t2 -c1000 -d30s {label}: {requests} requests, {rate:.0f} req/s, {errors} errors")
        print(f"resident memory: {before:.1f} MiB before, {middle:.1f} MiB after run 1, {after:.1f} MiB after run 2")
        slow = closed_after(preview.port, b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        idle = closed_after(preview.port, b"")
        print(f"slow request (headers never finished): closed after {slow:.1f} s" if slow else "slow request: NOT closed")
        print(f"half-open connection (nothing sent): closed after {idle:.1f} s" if idle else "half-open: NOT closed")
        big_header = b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 20000 + b"\r\n\r\n"
        print(f"20 KB header: {status_of(preview.port, big_header)}")
        long_path = b"GET /" + b"a" * 3000 + b" HTTP/1.1\r\nHost: x\r\n\r\n"
        print(f"3000-byte path: {status_of(preview.port, long_path)}")
        for target in [b"/../briefing.yml", b"/%2e%2e/briefing.yml", b"/..%2fbriefing.yml"]:
            request = b"GET " + target + b" HTTP/1.1\r\nHost: x\r\n\r\n"
            print(f"GET {target.decode()}: {status_of(preview.port, request)}")
    finally:
        preview.stop()


if __name__ == "__main__":
    main()
