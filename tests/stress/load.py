#!/usr/bin/env python3
"""Sustained load (issue 8): wrk against `verder serve` on loopback for STRESS_MINUTES at 70% of
the capacity measured in the same run: 0 errors, p99 reported, resident memory growth < 5%.

  1. The server: open data + a 200,000-course demo catalogue, in the same store bench/http/run
     uses (build/bench/http-200000.db; made on first use), all rate limits off.
  2. The URL mix: the results page for every golden query crossed with the filters people use
     (the bench/http approach), the same through /api/v1/search, course pages in Dutch and
     English, /api/v1/courses, suggestions, funding, compare, help, OOAPI pages, /health and the
     CSS. Every distinct URL is fetched once first (must be 200): wrk's error count then
     measures the server, not the list.
  3. Capacity: wrk without pacing, 2 threads x 64 connections, after a warm-up.
  4. Steady phase: tests/stress/load.lua (bench/http/results.lua plus a per-thread schedule on
     a monotonic clock) at 70% of that capacity; the server's VmRSS is read from
     /proc/PID/status at the start of the steady phase, every 10 s, and at the end.

Usage: load.py --binary build/release/src/app/verder [--minutes 10] [--courses 200000]
"""

import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import check, log  # noqa: E402

RESULT_RE = re.compile(r"RESULT requests=(\d+) seconds=([\d.]+) rps=(\d+) p50_ms=([\d.]+) "
                       r"p90_ms=([\d.]+) p99_ms=([\d.]+) max_ms=([\d.]+) errors=(\d+) non2xx=(\d+)")
FILTERS = ["", "&mode=classroom", "&level=mbo-4", "&region=19", "&near=3511&radius_km=25",
           "&sort=price", "&page=2", "&lang=nl&mode=online"]
PEOPLE = ["age=34&education=mbo2&work=employee-permanent&sector=care-welfare",
          "age=52&education=havo&work=unemployed", "age=23&education=vmbo&work=student"]


def url_mix(source, db, rng, size=4000):
    """A weighted list of different URLs, one per line of the paths file."""
    queries = []
    with open(os.path.join(source, "tests", "golden", "search", "queries.jsonl"),
              encoding="utf-8") as f:
        for line in f:
            if line.strip():
                queries.append(json.loads(line)["query"])
    with sqlite3.connect("file:%s?mode=ro" % db, uri=True) as conn:
        ids = [r[0] for r in conn.execute(
            "SELECT id FROM courses WHERE status = 'active' ORDER BY random() LIMIT 3000")]
    q = lambda: urllib.parse.quote_plus(rng.choice(queries))  # noqa: E731
    kinds = [
        (30, lambda: "/zoeken?q=%s%s" % (q(), rng.choice(FILTERS))),
        (8, lambda: "/en/search?q=%s%s" % (q(), rng.choice(FILTERS))),
        (15, lambda: "/api/v1/search?q=%s%s&per_page=20" % (q(), rng.choice(FILTERS))),
        (10, lambda: "/opleiding/%d" % rng.choice(ids)),
        (3, lambda: "/en/course/%d" % rng.choice(ids)),
        (10, lambda: "/api/v1/courses/%d" % rng.choice(ids)),
        (6, lambda: "/api/v1/suggest?q=%s" % urllib.parse.quote_plus(
            rng.choice(queries)[:rng.randint(2, 6)])),
        (3, lambda: "/api/v1/funding/check?%s" % rng.choice(PEOPLE)),
        (2, lambda: "/betalen?%s" % rng.choice(PEOPLE)),
        (2, lambda: "/vergelijken?id=%d&id=%d" % (rng.choice(ids), rng.choice(ids))),
        (2, lambda: "/hulp?postcode=%d" % rng.choice([1012, 3511, 9711, 6211, 5611])),
        (2, lambda: "/ooapi/v5/courses?pageSize=10&pageNumber=%d" % rng.randint(1, 500)),
        (3, lambda: rng.choice(["/", "/en/", "/health", "/static/verder.css", "/over"])),
        (4, lambda: "/zoeken?%s&sort=net&net_max=1000" % rng.choice(PEOPLE)),
    ]
    weights = [k[0] for k in kinds]
    paths = set()
    while len(paths) < size:
        paths.add(rng.choices(kinds, weights)[0][1]())
    return sorted(paths)


def check_urls(port, paths):
    """Every URL once, in parallel (also the warm-up): all must be 200."""
    bad = []
    lock = threading.Lock()
    todo = list(paths)

    def worker():
        while True:
            with lock:
                if not todo:
                    return
                path = todo.pop()
            status, _, body = harness.http_request(port, "GET", path, timeout=30)
            if status != 200:
                with lock:
                    bad.append("%s: %d %s" % (path, status, body[:120]))

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    check(not bad, "URLs of the mix that are not 200: %s" % bad[:5])


def wrk(port, paths_file, results_lua, seconds, connections, threads=2, rate=0):
    env = dict(os.environ, VERDER_HTTP_PATHS=paths_file, VERDER_RESULTS_LUA=results_lua,
               VERDER_STRESS_RATE=str(rate), VERDER_STRESS_THREADS=str(threads))
    here = os.path.dirname(os.path.abspath(__file__))
    cmd = ["wrk", "-t%d" % threads, "-c%d" % connections, "-d%ds" % seconds, "--latency",
           "--timeout", "5s", "-s", os.path.join(here, "load.lua"), "http://127.0.0.1:%d" % port]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=seconds + 120)
    check(out.returncode == 0, "wrk failed: %s %s" % (out.stdout, out.stderr))
    m = RESULT_RE.search(out.stdout)
    check(m is not None, "no RESULT line from wrk: " + out.stdout)
    keys = ["requests", "seconds", "rps", "p50_ms", "p90_ms", "p99_ms", "max_ms", "errors",
            "non2xx"]
    r = {k: float(v) for k, v in zip(keys, m.groups())}
    socket_errors = re.search(r"Socket errors: (.*)", out.stdout)
    r["socket_errors"] = socket_errors.group(1) if socket_errors else "none"
    return r, out.stdout


def main():
    p = harness.argument_parser(__doc__)
    p.add_argument("--minutes", type=float, default=10)
    p.add_argument("--courses", type=int, default=200000)
    p.add_argument("--db", help="default: build/bench/http-COURSES.db (shared with bench/http)")
    p.add_argument("--capacity-seconds", type=int, default=30)
    p.add_argument("--connections", type=int, default=64)
    p.add_argument("--load", type=float, default=0.70, help="share of capacity")
    p.add_argument("--max-growth", type=float, default=0.05)
    a = p.parse_args()
    check(shutil.which("wrk") is not None, "wrk is not installed (scripts/install-deps bench)")
    db = a.db or os.path.join(a.source, "build", "bench", "http-%d.db" % a.courses)
    os.makedirs(os.path.dirname(db), exist_ok=True)
    work = tempfile.mkdtemp(prefix="verder-load.")
    v = harness.Verder(os.path.abspath(a.binary), a.source, a.data, db, work)
    threads = os.cpu_count() or 2
    server = v.serve(demo_courses=a.courses, threads=threads)
    try:
        log("server: %s, %d threads, store %s (first start imports; later starts load it)"
            % (a.binary, threads, db))
        check(server.wait_ready(3600), "server did not start: " +
              harness.read_text(server.log_path)[-3000:])
        rng = random.Random(8)
        paths = url_mix(a.source, db, rng)
        paths_file = os.path.join(work, "paths.txt")
        with open(paths_file, "w") as f:
            f.write("\n".join(paths) + "\n")
        start = time.monotonic()
        check_urls(server.port, paths)
        log("URL mix: %d different URLs, all 200 (checked in %.0f s)"
            % (len(paths), time.monotonic() - start))
        results_lua = os.path.join(a.source, "bench", "http", "results.lua")
        wrk(server.port, paths_file, results_lua, 10, a.connections)  # warm-up
        cap, _ = wrk(server.port, paths_file, results_lua, a.capacity_seconds, a.connections)
        log("capacity: %.0f requests/s (wrk 2 threads x %d connections, %d s, unpaced; p99 %.1f "
            "ms, errors %d)" % (cap["rps"], a.connections, a.capacity_seconds, cap["p99_ms"],
                                cap["errors"]))
        target = cap["rps"] * a.load
        seconds = int(a.minutes * 60)
        samples = []
        sampling = threading.Event()

        def sample():
            while not sampling.wait(10):
                samples.append(server.rss_kib())

        rss_start = server.rss_kib()
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        steady, text = wrk(server.port, paths_file, results_lua, seconds, a.connections,
                           rate=target)
        rss_end = server.rss_kib()
        sampling.set()
        sampler.join()
        growth = (rss_end - rss_start) / rss_start
        log("steady: %.1f min at %.0f requests/s (%.0f%% of capacity; target %.0f): %d "
            "requests, %d errors (%d non-2xx; socket errors: %s), p50 %.2f ms, p90 %.2f ms, p99 "
            "%.2f ms, max %.1f ms" % (steady["seconds"] / 60, steady["rps"],
                                      100 * steady["rps"] / cap["rps"], target,
                                      steady["requests"], steady["errors"], steady["non2xx"],
                                      steady["socket_errors"], steady["p50_ms"],
                                      steady["p90_ms"], steady["p99_ms"], steady["max_ms"]))
        log("memory: VmRSS %.1f MiB at the start of the steady phase, %.1f MiB at its end "
            "(%+.2f%%); min/max of %d samples: %.1f / %.1f MiB"
            % (rss_start / 1024, rss_end / 1024, 100 * growth, len(samples),
               min(samples + [rss_end]) / 1024, max(samples + [rss_end]) / 1024))
        server.stop()
        log("RESULT capacity_rps=%.0f steady_rps=%.0f load=%.2f requests=%d errors=%d "
            "p99_ms=%.2f rss_start_mib=%.1f rss_end_mib=%.1f rss_growth_pct=%.2f minutes=%.1f"
            % (cap["rps"], steady["rps"], steady["rps"] / cap["rps"], steady["requests"],
               steady["errors"], steady["p99_ms"], rss_start / 1024, rss_end / 1024,
               100 * growth, steady["seconds"] / 60))
        check(steady["errors"] == 0, "%d errors under load:\n%s" % (steady["errors"], text))
        check(steady["rps"] >= 0.9 * target, "the pacing did not reach the target rate")
        check(growth < a.max_growth, "resident memory grew %.1f%%" % (100 * growth))
    except harness.StressFailure as e:
        print("FAIL: %s" % e, file=sys.stderr, flush=True)
        if server.proc.poll() is None:
            server.kill()
        sys.exit(1)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
