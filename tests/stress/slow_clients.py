#!/usr/bin/env python3
"""Slow and hostile clients (issue 8): a thousand idle or byte-at-a-time (slowloris) connections
must not stop other clients from being served; oversized headers, bodies and addresses get
431/413/414; a client that reads slowly (or not at all) cannot pin memory or the server.

Starts `verder serve` on loopback over the open data and a small demo catalogue, then:
  1. slowloris: N connections, half silent, half sending an endless header one byte per second
     each (reconnecting when the server drops them), while a normal client asks for pages and
     API answers; every answer must be 200 and quick.
  2. the same against a server whose open-file limit is below N (as with a default
     `ulimit -n 1024` and more clients): the connection cap must make room.
  3. limits: 431, 413 (declared and chunked bodies, a large upload without a key), 414.
  4. slow readers: clients that ask for the export (~30 MB) and read nothing or a trickle;
     the normal client is still served, extra exports get 503, the server's memory stays
     bounded, and (long run) the server drops the non-readers after its write timeout.

Usage: slow_clients.py --binary build/release/src/app/verder [--connections 1000] [--seconds 60]
"""

import os
import select
import shutil
import socket
import sys
import tempfile
import threading
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import check, log  # noqa: E402

NORMAL_TARGETS = ["/health", "/zoeken?q=verpleegkundige", "/api/v1/search?q=zorg&per_page=20",
                  "/api/v1/courses/1", "/opleiding/2", "/en/", "/static/verder.css",
                  "/api/v1/suggest?q=verpl"]


class NormalClient(threading.Thread):
    """Asks for a page every `interval` seconds on a fresh connection; keeps every latency."""

    def __init__(self, port, interval=0.1):
        super().__init__(daemon=True)
        self.port = port
        self.interval = interval
        self.latencies = []
        self.failures = []
        self.stopping = threading.Event()

    def run(self):
        i = 0
        while not self.stopping.is_set():
            target = NORMAL_TARGETS[i % len(NORMAL_TARGETS)]
            i += 1
            start = time.monotonic()
            try:
                status, _, _ = harness.http_request(self.port, "GET", target, timeout=10)
                if status != 200:
                    self.failures.append("%s: %d" % (target, status))
            except OSError as e:
                self.failures.append("%s: %s" % (target, e))
            self.latencies.append(time.monotonic() - start)
            self.stopping.wait(self.interval)

    def stop(self):
        self.stopping.set()
        self.join()

    def summary(self):
        lat = sorted(self.latencies)
        if not lat:
            return 0, 0.0, 0.0
        p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))]
        return len(lat), p99, lat[-1]


class Slowloris:
    """`count` connections: even ones silent, odd ones sending an endless header a byte at a
    time (one byte per connection per second). A connection the server closes is replaced."""

    HEADER = b"GET / HTTP/1.1\r\nHost: stress\r\n" + b"X-Slow: a\r\n" * 2000

    def __init__(self, port, count):
        self.port = port
        self.count = count
        self.socks = {}  # socket -> (index, bytes sent)
        self.dropped = 0  # closed by the server
        self.connect_failures = 0
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def open(self, index):
        s = socket.socket()
        s.setblocking(False)
        try:
            s.connect(("127.0.0.1", self.port))
        except BlockingIOError:
            pass
        except OSError:
            self.connect_failures += 1
            s.close()
            return
        self.socks[s] = (index, 0)

    def start(self):
        for i in range(self.count):
            self.open(i)
        self.thread.start()

    def run(self):
        while not self.stopping.is_set():
            tick = time.monotonic()
            # Closed by the server? (readable with nothing to read, or an error)
            for chunk_start in range(0, len(self.socks), 500):
                socks = list(self.socks)[chunk_start:chunk_start + 500]
                readable, _, _ = select.select(socks, [], [], 0)
                for s in readable:
                    try:
                        data = s.recv(4096)
                    except OSError:
                        data = b""
                    if not data:
                        self.replace(s)
            for s, (index, sent) in list(self.socks.items()):
                if index % 2 == 1:
                    try:
                        s.send(self.HEADER[sent % len(self.HEADER):][:1])
                        self.socks[s] = (index, sent + 1)
                    except (BlockingIOError, InterruptedError):
                        pass
                    except OSError:
                        self.replace(s)
            self.stopping.wait(max(0.0, 1.0 - (time.monotonic() - tick)))

    def replace(self, s):
        index, _ = self.socks.pop(s)
        s.close()
        self.dropped += 1
        if not self.stopping.is_set():
            self.open(index)

    def stop(self):
        self.stopping.set()
        self.thread.join()
        for s in self.socks:
            s.close()


def slowloris_round(server, connections, seconds, label):
    attack = Slowloris(server.port, connections)
    attack.start()
    time.sleep(1.0)
    fds = harness.open_fds(server.proc.pid)
    client = NormalClient(server.port)
    client.start()
    time.sleep(seconds)
    client.stop()
    attack.stop()
    served, p99, worst = client.summary()
    log("slowloris %-22s %d connections (server held %d fds), %.0f s: normal client %d answers, "
        "%d failed, p99 %.0f ms, max %.0f ms; server closed %d slow connections"
        % (label, connections, fds, seconds, served, len(client.failures), p99 * 1000,
           worst * 1000, attack.dropped))
    check(not client.failures, "normal client failed: %s" % client.failures[:5])
    check(served >= seconds * 3, "only %d answers in %.0f s" % (served, seconds))
    check(worst < 2.0, "a normal request took %.1f s" % worst)
    return served, p99, attack.dropped


def raw_status(port, data, read_timeout=15):
    """Sends raw bytes (ignoring a reset once the server has answered); the status code."""
    s = socket.create_connection(("127.0.0.1", port), timeout=read_timeout)
    try:
        try:
            s.sendall(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered and closed before taking everything
        got = b""
        try:
            while b"\r\n\r\n" not in got:
                chunk = s.recv(4096)
                if not chunk:
                    break
                got += chunk
        except (ConnectionResetError, socket.timeout):
            pass
        return int(got[9:12]) if got.startswith(b"HTTP/1.1 ") else 0
    finally:
        s.close()


def limits(port):
    cases = [
        ("header of 20 KB", b"GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 20000 +
         b"\r\n\r\n", 431),
        ("400 header fields", b"GET /health HTTP/1.1\r\nHost: x\r\n" +
         b"".join(b"X-%d: %s\r\n" % (i, b"b" * 40) for i in range(400)) + b"\r\n", 431),
        ("address of 5,000 bytes", b"GET /" + b"a" * 5000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
        ("address of 20,000 bytes", b"GET /zoeken?q=" + b"a" * 20000 +
         b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
        ("body of 9 MB", b"POST /zoeken HTTP/1.1\r\nHost: x\r\nContent-Length: 9000000\r\n\r\n" +
         b"x" * 9000000, 413),
        ("9 MB declared, not sent", b"POST /api/v1/moderation/complaints HTTP/1.1\r\nHost: x\r\n"
         b"Content-Length: 9000000\r\n\r\n", 413),
        ("chunked body over 8 MB", b"POST /zoeken HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: "
         b"chunked\r\n\r\n" + (b"100000\r\n" + b"x" * 0x100000 + b"\r\n") * 9 + b"0\r\n\r\n", 413),
        ("100 MB feed without a key", b"POST /api/v1/providers/1/courses HTTP/1.1\r\nHost: x\r\n"
         b"Content-Type: application/json\r\nContent-Length: 100000000\r\n\r\n", 413),
        ("600 MB feed (over any limit)", b"POST /api/v1/providers/1/courses HTTP/1.1\r\nHost: "
         b"x\r\nAuthorization: Bearer vk_x_y\r\nContent-Length: 600000000\r\n\r\n", 413),
    ]
    for name, data, want in cases:
        got = raw_status(port, data)
        check(got == want, "%s: %d, expected %d" % (name, got, want))
    status, _, _ = harness.http_request(port, "GET", "/health")
    check(status == 200, "not serving after the oversized requests")
    log("limits: %s" % ", ".join("%s → %d" % (name, want) for name, _, want in cases))
    return len(cases)


def slow_readers(server, non_readers, tricklers, seconds, expect_timeout):
    """Export clients that read nothing or 1 KB/s; returns (rss growth MiB, 503s)."""
    rss_before = server.rss_kib()
    fds_before = harness.open_fds(server.proc.pid)
    socks = []
    refused = 0
    for i in range(non_readers + tricklers):
        s = socket.create_connection(("127.0.0.1", server.port), timeout=30)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        s.sendall(b"GET /api/v1/export HTTP/1.1\r\nHost: x\r\n\r\n")
        socks.append((s, i >= non_readers))
    client = NormalClient(server.port)
    client.start()
    started = time.monotonic()
    statuses = {}
    closed = set()
    peak = rss_before
    while time.monotonic() - started < seconds:
        for s, trickles in socks:
            if s in closed:
                continue
            if s not in statuses or trickles:
                r, _, _ = select.select([s], [], [], 0)
                if r:
                    try:
                        data = s.recv(1024 if trickles or s not in statuses else 0)
                    except OSError:
                        data = b""
                    if s not in statuses and data.startswith(b"HTTP/1.1 "):
                        statuses[s] = int(data[9:12])
                    elif not data:
                        closed.add(s)
        peak = max(peak, server.rss_kib())
        time.sleep(1.0)
    client.stop()
    # Past the write timeout the server has closed every stream (its kernel may still hold the
    # unread rest for the client, behind TCP's zero-window probes): its open files tell.
    fds_after = harness.open_fds(server.proc.pid)
    for s, _ in socks:
        s.close()
    refused = sum(1 for st in statuses.values() if st == 503)
    streaming = sum(1 for st in statuses.values() if st == 200)
    growth = (peak - rss_before) / 1024
    served, p99, worst = client.summary()
    log("slow readers: %d export clients (%d read nothing, %d read 1 KB/s): %d streamed, %d got "
        "503; server RSS %.0f → peak %.0f MiB (+%.1f); normal client %d answers, p99 %.0f ms, max "
        "%.0f ms; server files %d before, %d after %.0f s" % (
            non_readers + tricklers, non_readers, tricklers, streaming, refused,
            rss_before / 1024, peak / 1024, growth, served, p99 * 1000, worst * 1000,
            fds_before, fds_after, seconds))
    check(not client.failures, "normal client failed during slow reads: %s" % client.failures[:5])
    check(worst < 2.0, "a normal request took %.1f s while exports stalled" % worst)
    check(refused > 0, "no export was turned away: the stream cap is missing")
    check(growth < 64, "server memory grew %.0f MiB with %d slow readers" % (growth, len(socks)))
    if expect_timeout:
        check(fds_after <= fds_before + 1,
              "the server still holds %d slow export connections after its write timeout"
              % (fds_after - fds_before))
    return growth, refused


def main():
    p = harness.argument_parser(__doc__)
    p.add_argument("--connections", type=int, default=1000)
    p.add_argument("--seconds", type=float, default=60, help="each slowloris round")
    p.add_argument("--reader-seconds", type=float, default=25, help="the slow-reader round")
    p.add_argument("--demo-courses", type=int, default=2000)
    a = p.parse_args()
    harness.raise_open_file_limit(3 * a.connections + 1000)
    work = tempfile.mkdtemp(prefix="verder-slow.")
    v = harness.Verder(os.path.abspath(a.binary), a.source, a.data, os.path.join(work, "v.db"),
                       work)
    servers = []
    try:
        server = v.serve(demo_courses=a.demo_courses)
        servers.append(server)
        check(server.wait_ready(), "server did not start: " + harness.read_text(server.log_path))
        served, p99, dropped = slowloris_round(server, a.connections, a.seconds, "(default)")
        limits(server.port)
        growth, refused = slow_readers(server, 20, 10, a.reader_seconds,
                                       expect_timeout=a.reader_seconds > 20)
        server.stop()
        # A server with fewer files than there are slow connections.
        files = max(256, a.connections // 2)
        low = v.serve(open_files=files)
        servers.append(low)
        check(low.wait_ready(), "server did not start: " + harness.read_text(low.log_path))
        served2, p99_2, dropped2 = slowloris_round(low, a.connections, min(a.seconds, 20),
                                                   "(ulimit -n %d)" % files)
        check(dropped2 > 0, "nothing was evicted at the cap")
        low.stop()
        log("RESULT slowloris_connections=%d normal_answers=%d p99_ms=%.0f dropped=%d "
            "low_limit_answers=%d low_limit_p99_ms=%.0f evicted=%d reader_rss_growth_mib=%.1f "
            "exports_refused=%d" % (a.connections, served, p99 * 1000, dropped, served2,
                                    p99_2 * 1000, dropped2, growth, refused))
    except harness.StressFailure as e:
        print("FAIL: %s (work %s)" % (e, work), file=sys.stderr, flush=True)
        for s in servers:
            if s.proc.poll() is None:
                s.kill()
        sys.exit(1)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
