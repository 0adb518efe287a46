"""Measure the app under gunicorn with wrk, beside a minimal Flask "hello" route, and print the figures.

Run with `make bench`. Needs wrk (Debian package `wrk`). Not part of `make test`: figures are
reported, not asserted.
"""

from __future__ import annotations

import gzip
import http.cookiejar
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
WORKERS = 2
DURATION = os.environ.get("BENCH_DURATION", "10s")
SOAK = os.environ.get("BENCH_SOAK", "30s")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port: int) -> None:
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on port {port}")


def serve(app: str, env: dict, cwd: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
    process = subprocess.Popen(
        # --preload, as the README deploys it: the workers share the imported code.
        [str(BIN / "gunicorn"), "--no-control-socket", "--preload", "-w", str(WORKERS), "-b", f"127.0.0.1:{port}", app],
        env=env,
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    wait_for(port)
    return process, port


def completed_session(base: str) -> str:
    """Answer the whole checklist over HTTP, everything lowest (the longest results page, with
    every area to develop); return the session cookie of the finished round."""
    sys.path.insert(0, str(ROOT / "tests"))
    from helpers import AREA_IDS, area_answers

    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def token(path: str) -> str:
        html = opener.open(base + path).read().decode()
        return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)

    def post(path: str, data: dict) -> None:
        body = urllib.parse.urlencode({"csrf_token": token("/fi/"), **data}).encode()
        opener.open(base + path, body)

    post("/fi/start", {})
    for area_id in AREA_IDS:
        post(f"/fi/area/{area_id}", {**area_answers(area_id, 0), "action": "next"})
    return next(c.value for c in jar if c.name == "session")


def wrk(url: str, cookie: str | None, connections: int, duration: str) -> dict:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}", "--latency", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: session={cookie}"]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = re.search(r"50%\s+([\d.]+\w+)", out).group(1)
    p99 = re.search(r"99%\s+([\d.]+\w+)", out).group(1)
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    return {
        "rps": rps,
        "p50": p50,
        "p99": p99,
        "requests": requests,
        "errors": (int(bad.group(1)) if bad else 0),
        "socket_errors": socket_errors.group(1) if socket_errors else "none",
    }


def fetch(url: str, cookie: str | None) -> bytes:
    request = urllib.request.Request(url, headers={"Cookie": f"session={cookie}"} if cookie else {})
    return urllib.request.urlopen(request).read()


def worker_memory_kib(process: subprocess.Popen) -> tuple[int, int]:
    """Return the largest peak resident size (VmHWM) among the gunicorn workers, and the largest
    proportional size (PSS: pages shared with the other workers and the master count in part)."""
    children = subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True, text=True).stdout.split()
    peaks, shares = [], []
    for pid in children:
        peaks.append(int(re.search(r"VmHWM:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text()).group(1)))
        shares.append(int(re.search(r"Pss:\s+(\d+) kB", Path(f"/proc/{pid}/smaps_rollup").read_text()).group(1)))
    return max(peaks), max(shares)


def chart_times() -> tuple[float, float]:
    """Return the cold (first, uncached) and warm (cached) time to draw a chart, in ms."""
    code = (
        "import time; t=time.perf_counter(); from checklist.chart import radar_svg; "
        "i=time.perf_counter(); radar_svg(('a','b','c','d','e','f'), (10,20,30,40,50,60)); "
        "c=time.perf_counter(); radar_svg(('a','b','c','d','e','f'), (10,20,30,40,50,60)); "
        "w=time.perf_counter(); print((c-i)*1000, (w-c)*1000, (i-t)*1000)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    cold, warm, _import = (float(x) for x in out.split())
    return cold, warm


def main() -> None:
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (Debian package 'wrk')")
    workdir = Path(tempfile.mkdtemp(prefix="checklist-bench-"))
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.db'}",
        "SECRET_KEY": secrets.token_hex(32),
        "FLASK_APP": "checklist",
    }
    subprocess.run([str(BIN / "flask"), "db", "upgrade"], env=env, cwd=ROOT, check=True, capture_output=True)
    app, app_port = serve("checklist:create_app()", env, ROOT)
    hello, hello_port = serve("hello:app", env, ROOT / "tests" / "benchmarks")
    try:
        base = f"http://127.0.0.1:{app_port}"
        cookie = completed_session(base)
        pages = {
            "landing /fi/": (f"{base}/fi/", None),
            "area /fi/area/tools": (f"{base}/fi/area/tools", cookie),
            "results /fi/results": (f"{base}/fi/results", cookie),
        }
        css = fetch(f"{base}/static/style.css", None)
        print(f"gunicorn, {WORKERS} workers, wrk -t2 -c10 -d{DURATION}; SQLite\n")
        hello_run = wrk(f"http://127.0.0.1:{hello_port}/", None, 10, DURATION)
        print(f"{'page':24} {'req/s':>8} {'ratio':>6} {'p50':>8} {'p99':>8} {'HTML+CSS':>9} {'gzip':>7}")
        print(
            f"{'hello (minimal Flask)':24} {hello_run['rps']:8.0f} {1:6.2f} {hello_run['p50']:>8} {hello_run['p99']:>8}"
        )
        for name, (url, page_cookie) in pages.items():
            run = wrk(url, page_cookie, 10, DURATION)
            html = fetch(url, page_cookie)
            size = len(html) + len(css)
            zipped = len(gzip.compress(html)) + len(gzip.compress(css))
            print(
                f"{name:24} {run['rps']:8.0f} {run['rps'] / hello_run['rps']:6.2f} {run['p50']:>8} {run['p99']:>8}"
                f" {size / 1024:8.1f}K {zipped / 1024:6.1f}K"
            )
        soak = wrk(pages["results /fi/results"][0], cookie, 100, SOAK)
        print(
            f"\nresults page, 100 connections for {SOAK}: {soak['requests']} requests, {soak['rps']:.0f} req/s, "
            f"p99 {soak['p99']}, non-2xx/3xx: {soak['errors']}, socket errors: {soak['socket_errors']}"
        )
        cold, warm = chart_times()
        print(f"chart: cold {cold:.1f} ms, warm (cached) {warm:.3f} ms")
        peak, share = worker_memory_kib(app)
        print(f"memory of a worker: peak resident {peak / 1024:.0f} MiB, proportional share {share / 1024:.0f} MiB")
    finally:
        for process in (app, hello):
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(10)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
