"""Shared helpers of the stress programs (tests/stress): start `verder`, talk HTTP to it, read its
SQLite store from the outside, read a process's resident memory. Python 3 standard library only.
"""

import argparse
import contextlib
import fcntl
import http.client
import json
import os
import resource
import signal
import socket
import sqlite3
import struct
import subprocess
import sys
import time


def argument_parser(doc):
    """The options every stress program takes: the `verder` binary, the repository (default: the
    one this file is in) and the open data (default: $VERDER_DATA or ../shared/data)."""
    source = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    p = argparse.ArgumentParser(description=doc.split("\n")[0])
    p.add_argument("--binary", required=True)
    p.add_argument("--source", default=source)
    p.add_argument("--data", default=os.environ.get("VERDER_DATA") or
                   os.path.join(source, "..", "shared", "data"))
    return p


class StressFailure(Exception):
    """A check failed: the message says what was expected and what was found."""


def check(condition, message):
    if not condition:
        raise StressFailure(message)


_START = time.monotonic()


def log(message):
    print("%6.1f  %s" % (time.monotonic() - _START, message), flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def raise_open_file_limit(wanted=20000):
    """The slow-client programs hold thousands of sockets themselves."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))


class Verder:
    """Runs the `verder` binary with one store; each call is one process."""

    def __init__(self, binary, source, data, db, work):
        self.binary = binary
        self.source = source  # the repository: data/ (resources) and data/feeds
        self.data = data  # the shared open data
        self.db = db
        self.work = work
        self.runs = 0

    def base(self):
        return [self.binary, "--db", self.db, "--data", self.data]

    def log_path(self, name):
        self.runs += 1
        return os.path.join(self.work, "%s-%d.log" % (name, self.runs))

    def spawn(self, args, name, open_files=None):
        """Starts a process with stdout and stderr to a log; returns (process, log path).
        open_files: an RLIMIT_NOFILE (soft = hard) for the child."""
        path = self.log_path(name)
        out = open(path, "wb")

        def limit():
            if open_files is not None:
                resource.setrlimit(resource.RLIMIT_NOFILE, (open_files, open_files))

        proc = subprocess.Popen(self.base() + args, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, preexec_fn=limit)
        out.close()
        return proc, path

    def run(self, args, name, timeout=600):
        proc, path = self.spawn(args, name)
        code = proc.wait(timeout=timeout)
        return code, read_text(path)

    def serve_args(self, port, demo_courses=0, threads=2, extra=()):
        return ["serve", "--host", "127.0.0.1", "--port", str(port), "--threads", str(threads),
                "--demo-courses", str(demo_courses), "--resources",
                os.path.join(self.source, "data"), "--feed-writes-per-minute", "0",
                "--suggestions-per-minute", "0"] + list(extra)

    def serve(self, demo_courses=0, threads=2, extra=(), open_files=None):
        """Starts `verder serve` on a free port; returns a Server (not yet ready)."""
        port = free_port()
        proc, path = self.spawn(self.serve_args(port, demo_courses, threads, extra), "serve",
                                open_files)
        return Server(proc, port, path)

    def admin(self, args):
        code, out = self.run(["admin"] + args, "admin")
        check(code == 0, "verder admin %s failed (%d): %s" % (" ".join(args), code, out))
        return out


class Server:
    def __init__(self, proc, port, log_path):
        self.proc = proc
        self.port = port
        self.log_path = log_path

    def wait_ready(self, seconds=600):
        """True once the server answers /health; False when it exited first."""
        until = time.monotonic() + seconds
        while time.monotonic() < until:
            if self.proc.poll() is not None:
                return False
            if "ready on http" in read_text(self.log_path):
                return True
            time.sleep(0.05)
        raise StressFailure("server not ready in %d s: %s" % (seconds, read_text(self.log_path)[-2000:]))

    def kill(self, sig=signal.SIGKILL):
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        return self.proc.wait(timeout=120)

    def stop(self):
        code = self.kill(signal.SIGTERM)
        check(code == 0, "graceful stop ended with %s: %s" % (code, read_text(self.log_path)[-2000:]))

    def rss_kib(self):
        return rss_kib(self.proc.pid)


def read_text(path):
    with open(path, "rb") as f:
        return f.read().decode("utf-8", "replace")


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def open_fds(pid):
    return len(os.listdir("/proc/%d/fd" % pid))


def http_request(port, method, target, body=None, headers=None, timeout=60):
    """(status, headers dict with lower-case names, body bytes)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, target, body=body, headers=headers or {})
        resp = conn.getresponse()
        data = resp.read()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, data
    finally:
        conn.close()


def get_json(port, target, timeout=60):
    status, _, body = http_request(port, "GET", target, timeout=timeout)
    check(status == 200, "GET %s: %d %s" % (target, status, body[:300]))
    return json.loads(body)


@contextlib.contextmanager
def read_only(db):
    """A read-only connection that neither recovers nor checkpoints the WAL file: what the
    next `verder` start finds is exactly what the killed process left."""
    conn = sqlite3.connect("file:%s?mode=ro" % db, uri=True, timeout=30)
    try:
        yield conn
    finally:
        conn.close()


def write_transaction_open(db):
    """Whether another process holds SQLite's WAL write lock on `db` (a write transaction is
    open), asked without taking any lock: F_GETLK on byte 120 of the -shm file, where the
    unix VFS places WAL_WRITE_LOCK (sqlite3.c: UNIX_SHM_BASE + WAL_WRITE_LOCK)."""
    try:
        fd = os.open(db + "-shm", os.O_RDWR)
    except OSError:
        return False
    try:
        # struct flock on Linux x86-64: l_type, l_whence, (pad), l_start, l_len, l_pid, (pad)
        query = struct.pack("hhxxxxqqixxxx", fcntl.F_WRLCK, os.SEEK_SET, 120, 1, 0)
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, query)
        return struct.unpack("hhxxxxqqixxxx", answer)[0] != fcntl.F_UNLCK
    finally:
        os.close(fd)


def tables(conn):
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def die(message):
    print("FAIL: " + message, file=sys.stderr, flush=True)
    sys.exit(1)
