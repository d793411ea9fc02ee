#!/usr/bin/env python3
"""Crash safety (issue 8): SIGKILL `verder` at random moments during large imports and ingests,
and check after every kill that the store holds exactly the committed batches, and after every
restart that the search index agrees with the store.

What a committed batch is, from the code:
  * first start (`verder serve` on an empty store, app/catalog_setup.cpp): the reference data in
    one transaction, the DUO providers, the DUO courses in batches of 2,000 (LoadCatalog), the
    meta row "open data done", then the demo providers, the demo courses in batches of 5,000
    and "demo done". Each is one SQLite transaction, and a restart starts the import over
    (unchanged records are not rewritten), so the store must always equal the end state of a
    reference import cut after one of those transactions: same rows, same ids, same audit rows.
  * a provider feed POSTed to /api/v1/providers/{id}/courses: one SyncProviderCourses, one
    transaction for the whole feed: every course of it new, or none.
  * `verder ingest FILE --provider ID`: SyncProviderCourses per 2,000 records in file order:
    the first k*2,000 records new, the rest as before.
Every round of feeds renames every course ("... (ronde N)"), so each record's state tells
which batch reached the store. The expected content comes from a reference run without kills.

Usage: crash_safety.py --binary build/release/src/app/verder [--kills 100] [--demo-courses N]
                       [--feed-courses N] [--source REPO] [--data SHARED_DATA]
Prints one line per kill and a summary: kills, batches verified, index checks.
"""

import bisect
import hashlib
import json
import os
import random
import re
import shutil
import sys
import tempfile
import threading
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import check, log  # noqa: E402

DUO_BATCH = 2000  # app/catalog_setup.cpp: LoadOptions for DUO
DEMO_BATCH = 5000  # app/catalog_setup.cpp: LoadOptions for the demo catalogue
INGEST_BATCH = 2000  # app/ingest_command.h: IngestOptions::batch
REFERENCE_TABLES = ["regions", "municipalities", "postcodes", "vocabulary"]
NOT_HIDDEN = ("NOT EXISTS (SELECT 1 FROM holds h WHERE h.lifted_at IS NULL AND ((h.entity = "
              "'course' AND h.entity_id = c.id) OR (h.entity = 'provider' AND h.entity_id = "
              "c.provider_id)))")


def digest(row):
    return hashlib.sha1(repr(row).encode()).digest()


def rows(conn, sql, args=()):
    return conn.execute(sql, args).fetchall()


# ---------------------------------------------------------------------------------------------
# First-start import: the store is a prefix of the reference, cut at a transaction boundary.

class ImportSnapshot:
    """Row digests of a store after (part of) the first-start import, in id order."""

    def __init__(self, conn):
        have = harness.tables(conn)
        self.empty = "courses" not in have
        if self.empty:
            return
        self.providers = [digest(r) for r in rows(
            conn, "SELECT id, key, is_demo, doc, change_seq FROM providers ORDER BY id")]
        self.courses = [digest(r) for r in rows(
            conn, "SELECT id, provider_id, external_id, status, is_demo, doc, change_seq "
                  "FROM courses ORDER BY id")]
        self.offerings = [digest(r) for r in rows(
            conn, "SELECT id, course_id, external_id, status, doc FROM offerings ORDER BY id")]
        self.offering_course = [r[0] for r in rows(
            conn, "SELECT course_id FROM offerings ORDER BY id")]
        self.audit = [digest(r) for r in rows(
            conn, "SELECT seq, actor, entity, entity_id, action, diff FROM audit ORDER BY seq")]
        self.audit_entities = [r[0] for r in rows(conn, "SELECT entity FROM audit ORDER BY seq")]
        self.reference = {}
        for t in REFERENCE_TABLES:
            h = hashlib.sha1()
            count = 0
            for r in conn.execute("SELECT * FROM %s ORDER BY 1, 2" % t):
                h.update(repr(r).encode())
                count += 1
            self.reference[t] = (count, h.hexdigest())
        self.meta = dict(rows(conn, "SELECT key, value FROM meta"))
        self.integrity = rows(conn, "PRAGMA integrity_check")[0][0]
        self.foreign_keys = rows(conn, "PRAGMA foreign_key_check")


class ImportReference:
    """The import without kills, and where its transactions end."""

    def __init__(self, db, log_text, demo_courses):
        with harness.read_only(db) as conn:
            self.snap = ImportSnapshot(conn)
            duo_providers = rows(conn, "SELECT COUNT(*) FROM providers WHERE is_demo = 0")[0][0]
            duo_courses = rows(conn, "SELECT COUNT(*) FROM courses WHERE is_demo = 0")[0][0]
        m = re.search(r"duo → store \(.*?\): (\d+) rows, (\d+) kept, (\d+) skipped", log_text)
        check(m is not None, "reference import: no 'duo → store' line in its log")
        rows_in, kept = int(m.group(1)), int(m.group(2))
        # Batches are counted in input rows; with none skipped they end every 2,000 courses.
        check(rows_in == kept == duo_courses,
              "reference import skipped DUO rows (%s): batch ends are no longer every %d courses"
              % (m.group(0), DUO_BATCH))
        self.duo_providers = duo_providers
        self.duo_courses = duo_courses
        self.demo_courses = demo_courses
        self.demo_providers = len(self.snap.providers) - duo_providers
        check(len(self.snap.courses) == duo_courses + demo_courses,
              "reference holds %d courses, expected %d DUO + %d demo"
              % (len(self.snap.courses), duo_courses, demo_courses))
        self.course_ends = sorted(set(
            [min(n, duo_courses) for n in range(0, duo_courses + DUO_BATCH, DUO_BATCH)] +
            [duo_courses + min(n, demo_courses)
             for n in range(0, demo_courses + DEMO_BATCH, DEMO_BATCH)]))
        self.provider_ends = {0, duo_providers, duo_providers + self.demo_providers}

    def verify(self, snap):
        """Checks a store left by a kill; returns (providers, courses) it holds."""
        if snap.empty:
            return 0, 0
        ref = self.snap
        check(snap.integrity == "ok", "integrity_check: %s" % snap.integrity)
        check(not snap.foreign_keys, "foreign_key_check: %s" % snap.foreign_keys[:5])
        n_p, n_c = len(snap.providers), len(snap.courses)
        check(n_p in self.provider_ends,
              "%d providers: not the end of a provider batch %s" % (n_p, sorted(self.provider_ends)))
        check(n_c in self.course_ends,
              "%d courses: a batch was cut (batches end at %s...)" % (n_c, self.course_ends[:12]))
        check(snap.providers == ref.providers[:n_p], "providers differ from the reference")
        check(snap.courses == ref.courses[:n_c], "courses differ from the reference (content)")
        # Course ids are 1..n (checked above: a rolled-back batch takes no id), and offerings are
        # stored in course order: those of the first n_c courses come first.
        n_o = bisect.bisect_right(ref.offering_course, n_c)
        check(snap.offerings == ref.offerings[:n_o],
              "offerings: %d stored, %d expected or different content" % (len(snap.offerings), n_o))
        n_a = n_p + n_c
        check(snap.audit == ref.audit[:n_a], "audit rows differ from the reference prefix")
        check(ref.audit_entities[:n_a].count("provider") == n_p,
              "audit and providers disagree about what was committed")
        # Order: reference data, DUO providers, DUO courses, "open data done", demo.
        if n_p > 0:
            check(snap.reference == ref.reference, "reference data incomplete: %s" % snap.reference)
        else:
            for t, (count, h) in snap.reference.items():
                check(count == 0 or (count, h) == ref.reference[t], "reference table %s cut" % t)
        if n_c > 0:
            check(n_p >= self.duo_providers, "courses stored before their providers")
        done = "import.open_data.done" in snap.meta
        if done:
            check(n_c >= self.duo_courses, "open data marked done with %d courses" % n_c)
        if n_p > self.duo_providers:
            check(done, "demo providers stored before the open data was marked done")
            check(n_c >= self.duo_courses, "demo providers before every DUO course")
        if "import.demo.done" in snap.meta:
            check(n_c == self.duo_courses + self.demo_courses, "demo marked done with %d" % n_c)
        return n_p, n_c


# ---------------------------------------------------------------------------------------------
# Provider feeds: every record of a round renamed, so its state says whether its batch landed.

def feed_records(example, copies, round_no):
    """NDJSON of `copies` times the example courses, each copy with its own ids, every Dutch
    name carrying the round."""
    out = []
    for i in range(copies):
        for c in example:
            c = json.loads(json.dumps(c))
            c["courseId"] = "%s-%d" % (c["courseId"], i)
            for o in c.get("offerings", []):
                o["offeringId"] = "%s-%d" % (o["offeringId"], i)
            for n in c["name"]:
                if n["language"].startswith("nl"):
                    n["value"] = "%s (ronde %d)" % (n["value"], round_no)
            out.append(c)
    return out


def write_ndjson(path, records):
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def provider_state(conn, provider):
    """external_id -> (status, doc as JSON, offerings, id, change_seq)."""
    offerings = {}
    for course_id, ext, status, doc in rows(
            conn, "SELECT o.course_id, o.external_id, o.status, o.doc FROM offerings o JOIN "
                  "courses c ON c.id = o.course_id WHERE c.provider_id = ?", (provider,)):
        offerings.setdefault(course_id, []).append((ext, status, json.loads(doc)))
    state = {}
    for cid, ext, status, doc, seq in rows(
            conn, "SELECT id, external_id, status, doc, change_seq FROM courses "
                  "WHERE provider_id = ?", (provider,)):
        state[ext] = (status, json.loads(doc), sorted(offerings.get(cid, []),
                                                      key=lambda o: o[0]), cid, seq)
    return state


def content(entry):
    return None if entry is None else entry[:3]


def renamed(entry, title):
    """The reference content of a record with its Dutch title for another round."""
    status, doc, offerings = entry[:3]
    doc = json.loads(json.dumps(doc))
    doc["title"]["nl"] = title
    return status, doc, offerings


class FeedReference:
    """Content of every feed record as the server stores it (from a run without kills)."""

    def __init__(self, state_round0, base_titles):
        self.state = state_round0
        self.base_titles = base_titles  # external_id -> Dutch name without the round

    def expected(self, ext, round_no):
        return renamed(self.state[ext], "%s (ronde %d)" % (self.base_titles[ext], round_no))


def verify_feed(conn, provider, order, before, expected, batch, audit_before, actor_prefix):
    """The provider's records (in file `order`) are new for whole batches and as `before` for
    the rest; one audit row per changed record. Returns how many batches landed."""
    after = provider_state(conn, provider)
    check(rows(conn, "PRAGMA integrity_check")[0][0] == "ok", "integrity_check failed")
    check(set(after) <= set(order) | set(before), "records appeared that nobody sent")
    is_new = []
    for ext in order:
        now = content(after.get(ext))
        new, old = expected(ext), content(before.get(ext))
        check(now in (new, old), "record %s is neither as sent nor as before: %s"
              % (ext, json.dumps(now, ensure_ascii=False)[:400]))
        is_new.append(now == new and now != old)
    landed = len(is_new) if all(is_new) else is_new.index(False)
    # Whole batches: nothing new after the first record that is not.
    check(not any(is_new[landed:]), "new records after an old one: a batch was cut")
    check(landed % batch == 0 or landed == len(order),
          "%d of %d records new: not a whole number of batches of %d" % (landed, len(order), batch))
    changed = {after[ext][3] for ext, new in zip(order, is_new) if new}
    audit = rows(conn, "SELECT seq, actor, entity, entity_id FROM audit WHERE seq > ?",
                 (audit_before,))
    check(len(audit) == len(changed) and {a[3] for a in audit} == changed,
          "audit: %d rows for %d changed records" % (len(audit), len(changed)))
    for seq, actor, entity, entity_id in audit:
        check(entity == "course" and actor.startswith(actor_prefix), "audit row %s" % actor)
    seq_of = {a[3]: a[0] for a in audit}
    for ext, new in zip(order, is_new):
        if new:
            check(after[ext][4] == seq_of[after[ext][3]], "change_seq of %s" % ext)
    return landed // batch if landed < len(order) else (len(order) + batch - 1) // batch, landed


def utc_day():
    return time.strftime("%Y-%m-%d", time.gmtime())


def seconds_to_utc_midnight():
    return 86400 - time.time() % 86400


def copy_store(db, to):
    """Copies a store no process has open (its WAL file too, if one was left)."""
    for suffix in ("", "-wal"):
        if os.path.exists(db + suffix):
            shutil.copy(db + suffix, to + suffix)


def max_audit(conn):
    return rows(conn, "SELECT COALESCE(MAX(seq), 0) FROM audit")[0][0]


# ---------------------------------------------------------------------------------------------
# The index agrees with the store.

def search_ids(port, query):
    """(id, title) of every hit, paging through the API (at most 10,000 hits)."""
    found = {}
    page = 1
    while True:
        j = harness.get_json(port, "/api/v1/search?per_page=100&page=%d&%s" % (page, query))
        for item in j["items"]:
            found[item["id"]] = item["title"]
        if page * 100 >= j["total"] or not j["items"]:
            check(len(found) == min(j["total"], 10000), "paging lost hits for %s" % query)
            return found, j["total"]
        page += 1


def index_agrees(port, db, providers, rng, sample=5, wait=0.0):
    """Total hits equal the store's public courses; for the given providers and a sample of
    others, the exact ids and titles. With wait > 0, the index may take that long to follow."""
    until = time.monotonic() + wait
    while True:
        try:
            return _index_agrees(port, db, providers, rng, sample)
        except harness.StressFailure:
            if time.monotonic() >= until:
                raise
            time.sleep(0.2)


def _index_agrees(port, db, providers, rng, sample):
    with harness.read_only(db) as conn:
        public = rows(conn, "SELECT COUNT(*) FROM courses c WHERE status = 'active' AND " +
                      NOT_HIDDEN)[0][0]
        all_providers = [r[0] for r in rows(conn, "SELECT id FROM providers")]
        chosen = list(providers) + rng.sample(all_providers, min(sample, len(all_providers)))
        expected = {}
        for p in chosen:
            expected[p] = {cid: json.loads(doc)["title"] for cid, doc in rows(
                conn, "SELECT id, doc FROM courses c WHERE provider_id = ? AND status = 'active' "
                      "AND " + NOT_HIDDEN, (p,))}
    total = harness.get_json(port, "/api/v1/search?per_page=1")["total"]
    check(total == public, "index holds %d courses, the store %d" % (total, public))
    for p in chosen:
        found, _ = search_ids(port, "provider=%d" % p)
        want = expected[p]
        if len(want) <= 10000:
            check(set(found) == set(want), "provider %d: index %d ids, store %d (%d missing, %d "
                  "extra)" % (p, len(found), len(want), len(set(want) - set(found)),
                              len(set(found) - set(want))))
        for cid, title in found.items():
            check(title in want.get(cid, {}).values(),
                  "course %d: index title %r, store %r" % (cid, title, want.get(cid)))
    return len(chosen)


# ---------------------------------------------------------------------------------------------

class CrashLoop:
    def __init__(self, args):
        self.args = args
        self.rng = random.Random(args.seed)
        self.work = tempfile.mkdtemp(prefix="verder-crash.")
        self.kills = 0
        self.kills_by = {"import": 0, "feed POST": 0, "ingest CLI": 0}
        self.batches = 0
        self.kills_in_transaction = 0
        self.last_inside = False
        self.index_checks = 0
        self.restarts = 0
        example_path = os.path.join(args.source, "data", "feeds", "example.json")
        with open(example_path, encoding="utf-8") as f:
            self.example = json.load(f)
        self.copies = max(1, args.feed_courses // len(self.example))
        self.server = None

    def verder(self, name):
        return harness.Verder(self.args.binary, self.args.source, self.args.data,
                              os.path.join(self.work, name + ".db"), self.work)

    def kill_at_random(self, proc_alive, kill, longest, db):
        """Waits a random part of `longest`, then kills; every other time it waits on for a
        write transaction to be open first (most of an import is reading and validating, and
        the kills that matter most land inside a transaction). False when the process ended
        before; the kill is counted as inside a transaction when the write lock was held."""
        self.last_inside = False
        deadline = time.monotonic() + self.rng.uniform(0.0, longest)
        while time.monotonic() < deadline:
            if not proc_alive():
                return False
            time.sleep(0.005)
        if self.rng.random() < 0.5:
            give_up = time.monotonic() + longest
            while not harness.write_transaction_open(db) and time.monotonic() < give_up:
                if not proc_alive():
                    return False
                time.sleep(0.001)
            time.sleep(self.rng.uniform(0.0, 0.05))
        self.last_inside = harness.write_transaction_open(db)
        kill()
        self.kills_in_transaction += 1 if self.last_inside else 0
        return True

    # -- reference runs ------------------------------------------------------------------------

    def build_import_reference(self):
        """The first start without kills. The demo catalogue is generated for the day (its
        start dates follow it), so this is made again when the UTC day has changed."""
        a = self.args
        ref = self.verder("reference-import")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(ref.db + suffix):
                os.remove(ref.db + suffix)
        self.import_day = utc_day()
        start = time.monotonic()
        server = ref.serve(demo_courses=a.demo_courses)
        check(server.wait_ready(), "reference first start failed: " +
              harness.read_text(server.log_path)[-2000:])
        self.import_seconds = time.monotonic() - start
        server.stop()
        self.import_ref = ImportReference(ref.db, harness.read_text(server.log_path),
                                          a.demo_courses)
        log("reference import: %d providers, %d courses (%d DUO + %d demo), %d batch ends, "
            "%.1f s to ready" % (len(self.import_ref.snap.providers),
                                 len(self.import_ref.snap.courses), self.import_ref.duo_courses,
                                 a.demo_courses, len(self.import_ref.course_ends),
                                 self.import_seconds))
        return ref

    def build_references(self):
        a = self.args
        ref = self.build_import_reference()
        # Feeds start from the imported store: a provider for the API, one for the CLI.
        feed_ref = self.verder("reference-feed")
        copy_store(ref.db, feed_ref.db)
        self.key, self.api_provider, self.cli_provider = self.add_providers(feed_ref)
        key, api_provider, cli_provider = self.key, self.api_provider, self.cli_provider
        # The kill rounds start from here: the same providers and key, no feed yet.
        self.feeds_start = os.path.join(self.work, "feeds-start")
        copy_store(feed_ref.db, self.feeds_start)
        server = feed_ref.serve()
        check(server.wait_ready(), "reference feed server did not start")
        records0 = feed_records(self.example, self.copies, 0)
        self.order = [r["courseId"] for r in records0]
        base_titles = {}
        for r in feed_records(self.example, self.copies, 0):
            for n in r["name"]:
                if n["language"].startswith("nl"):
                    base_titles[r["courseId"]] = n["value"][:-len(" (ronde 0)")]
        self.post_seconds = 0.0
        for round_no in (0, 1):
            body = "".join(json.dumps(r, ensure_ascii=False) + "\n"
                           for r in feed_records(self.example, self.copies, round_no))
            start = time.monotonic()
            status, _, answer = harness.http_request(
                server.port, "POST", "/api/v1/providers/%d/courses" % api_provider,
                body.encode(), {"Authorization": "Bearer " + key,
                                "Content-Type": "application/x-ndjson"}, timeout=600)
            self.post_seconds = max(self.post_seconds, time.monotonic() - start)
            check(status == 200, "reference POST: %d %s" % (status, answer[:300]))
            check(json.loads(answer)["accepted"] == len(self.order), "reference POST rejected")
            with harness.read_only(feed_ref.db) as conn:
                state = provider_state(conn, api_provider)
            if round_no == 0:
                self.feed_ref = FeedReference(state, base_titles)
            else:
                # The model of a renamed round: only the Dutch title differs.
                for ext in self.order:
                    check(content(state[ext]) == self.feed_ref.expected(ext, 1),
                          "renaming a record changed more than its title: %s" % ext)
        server.stop()
        self.ingest_seconds = 0.0
        for round_no in (0, 1):
            path = os.path.join(self.work, "feed-%d.ndjson" % round_no)
            write_ndjson(path, feed_records(self.example, self.copies, round_no))
            start = time.monotonic()
            code, out = feed_ref.run(["ingest", path, "--provider", str(cli_provider)], "ingest")
            self.ingest_seconds = max(self.ingest_seconds, time.monotonic() - start)
            check(code == 0, "reference ingest failed (%d): %s" % (code, out[-2000:]))
            os.remove(path)
        with harness.read_only(feed_ref.db) as conn:
            state = provider_state(conn, cli_provider)
        for ext in self.order:
            check(content(state[ext]) == self.feed_ref.expected(ext, 1),
                  "the CLI stores %s differently from the API" % ext)
        log("reference feeds: %d courses per feed; POST %.1f s, CLI ingest %.1f s"
            % (len(self.order), self.post_seconds, self.ingest_seconds))

    def add_providers(self, verder):
        verder.admin(["provider-add", "--key", "kvk:90000001", "--name", "Stress API",
                      "--website", "https://example.nl"])
        verder.admin(["provider-add", "--key", "kvk:90000002", "--name", "Stress CLI",
                      "--website", "https://example.nl"])
        with harness.read_only(verder.db) as conn:
            ids = dict(rows(conn, "SELECT key, id FROM providers WHERE key LIKE 'kvk:9000000_'"))
        out = verder.admin(["key-create", "--provider", str(ids["kvk:90000001"])])
        key = re.search(r"vk_[a-z2-7]+_[a-z2-7]+", out)
        check(key is not None, "no key in: " + out)
        return key.group(0), ids["kvk:90000001"], ids["kvk:90000002"]

    # -- scenarios -------------------------------------------------------------------------------

    def note_kill(self, kind, what):
        self.kills += 1
        self.kills_by[kind] += 1
        log("kill %3d  %-10s  %s%s" % (self.kills, kind, what, "  [in a write transaction]"
                                       if self.last_inside else ""))

    def import_round(self, max_kills):
        """A first start on an empty store, killed up to max_kills times, then let finish."""
        # Not across UTC midnight: a restart after it would generate the demo for another day.
        margin = 10 * self.import_seconds + 120
        if seconds_to_utc_midnight() < margin:
            log("          waiting %.0f s for UTC midnight to pass" % seconds_to_utc_midnight())
            time.sleep(seconds_to_utc_midnight() + 5)
        if utc_day() != self.import_day:
            self.build_import_reference()
        v = self.verder("import")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(v.db + suffix):
                os.remove(v.db + suffix)
        kills = 0
        while True:
            server = v.serve(demo_courses=self.args.demo_courses)
            killed = False
            if kills < max_kills and self.kills < self.args.kills:
                ready = lambda: "ready on http" in harness.read_text(server.log_path)  # noqa: E731
                killed = self.kill_at_random(lambda: server.proc.poll() is None and not ready(),
                                             server.kill, self.import_seconds, v.db)
            if killed:
                kills += 1
                n_p, n_c = 0, 0
                if os.path.exists(v.db):  # else killed before the store was created
                    with harness.read_only(v.db) as conn:
                        n_p, n_c = self.import_ref.verify(ImportSnapshot(conn))
                self.batches += sum(1 for e in self.import_ref.course_ends if 0 < e <= n_c)
                self.note_kill("import", "%d providers, %d courses: whole batches, content as "
                               "the reference" % (n_p, n_c))
                self.restarts += 1
                continue
            check(server.wait_ready(), "first start failed: " +
                  harness.read_text(server.log_path)[-2000:])
            with harness.read_only(v.db) as conn:
                n_p, n_c = self.import_ref.verify(ImportSnapshot(conn))
            check(n_c == len(self.import_ref.snap.courses), "import ended with %d courses" % n_c)
            n = index_agrees(server.port, v.db, [], self.rng, sample=self.args.sample)
            self.index_checks += 1
            log("          import done after %d kill(s); index agrees (total, %d providers' ids "
                "and titles)" % (kills, n))
            server.stop()
            return

    def start_feed_server(self, v):
        self.server = v.serve()
        check(self.server.wait_ready(), "restart failed: " +
              harness.read_text(self.server.log_path)[-2000:])
        n = index_agrees(self.server.port, v.db, [self.api_provider, self.cli_provider], self.rng,
                         sample=self.args.sample)
        self.index_checks += 1
        return n

    def feed_round(self, v, round_no):
        """A feed POSTed to the API; the server is killed at a random moment."""
        if self.server is None or self.server.proc.poll() is not None:
            self.start_feed_server(v)
        server = self.server
        with harness.read_only(v.db) as conn:
            before = provider_state(conn, self.api_provider)
            audit_before = max_audit(conn)
        body = "".join(json.dumps(r, ensure_ascii=False) + "\n"
                       for r in feed_records(self.example, self.copies, round_no)).encode()
        answer = {}

        def send():
            try:
                answer["status"] = harness.http_request(
                    server.port, "POST", "/api/v1/providers/%d/courses" % self.api_provider, body,
                    {"Authorization": "Bearer " + self.key,
                     "Content-Type": "application/x-ndjson"}, timeout=600)[0]
            except OSError as e:  # the kill cuts the connection
                answer["error"] = type(e).__name__

        sender = threading.Thread(target=send)
        sender.start()
        self.kill_at_random(lambda: sender.is_alive(), server.kill, self.post_seconds * 1.1, v.db)
        server.kill()
        sender.join()
        self.server = None
        with harness.read_only(v.db) as conn:
            batches, landed = verify_feed(
                conn, self.api_provider, self.order, before,
                lambda ext: self.feed_ref.expected(ext, round_no), len(self.order), audit_before,
                "provider:")
        if answer.get("status") == 200:
            check(landed == len(self.order), "the API answered 200, yet the feed is not stored")
        self.batches += batches
        self.note_kill("feed POST", "%s; %s of %d courses renamed: all or nothing holds"
                       % ("killed after answering %d" % answer["status"] if "status" in answer
                          else "no answer (%s)" % answer.get("error"),
                          "all" if landed else "none", len(self.order)))
        self.restarts += 1
        n = self.start_feed_server(v)
        log("          restarted; index agrees (total, ids and titles of %d providers)" % n)

    def ingest_round(self, v, round_no, also_server):
        """`verder ingest` killed at a random moment while the server follows the store; with
        also_server the server is killed at the same moment."""
        if self.server is None or self.server.proc.poll() is not None:
            self.start_feed_server(v)
        path = os.path.join(self.work, "round-%d.ndjson" % round_no)
        write_ndjson(path, feed_records(self.example, self.copies, round_no))
        with harness.read_only(v.db) as conn:
            before = provider_state(conn, self.cli_provider)
            audit_before = max_audit(conn)
        proc, log_path = v.spawn(["ingest", path, "--provider", str(self.cli_provider)], "ingest")

        def kill_both():
            proc.kill()
            if also_server:
                self.server.kill()

        killed = self.kill_at_random(lambda: proc.poll() is None, kill_both,
                                     self.ingest_seconds * 1.1, v.db)
        code = proc.wait()
        os.remove(path)
        if not killed:
            check(code == 0, "ingest failed (%d): %s" % (code, harness.read_text(log_path)[-2000:]))
            if also_server:
                self.server.kill()
        with harness.read_only(v.db) as conn:
            batches, landed = verify_feed(
                conn, self.cli_provider, self.order, before,
                lambda ext: self.feed_ref.expected(ext, round_no), INGEST_BATCH, audit_before,
                "operator:ingest")
        self.batches += batches
        if killed:
            self.note_kill("ingest CLI", "%d of %d records renamed: %d whole batch(es) of %d"
                           % (landed, len(self.order), batches, INGEST_BATCH))
        if also_server:
            self.server = None
            self.restarts += 1
            n = self.start_feed_server(v)
            log("          server killed too; restarted, index agrees (%d providers)" % n)
        else:
            # The running server follows the store by itself.
            n = index_agrees(self.server.port, v.db, [self.api_provider, self.cli_provider],
                             self.rng, sample=self.args.sample, wait=10.0)
            self.index_checks += 1
            log("          the running server's index followed (%d providers agree)" % n)

    def run(self):
        start = time.monotonic()
        self.build_references()
        v = self.verder("feeds")
        copy_store(self.feeds_start, v.db)
        round_no = 2
        plan = ["import", "post", "ingest", "post", "ingest+server"]
        step = 0
        while self.kills < self.args.kills:
            kind = plan[step % len(plan)]
            step += 1
            if kind == "import":
                self.import_round(max_kills=self.rng.randint(1, 3))
                continue
            round_no += 1
            if kind == "post":
                self.feed_round(v, round_no)
            else:
                self.ingest_round(v, round_no, also_server=kind == "ingest+server")
        if self.server is not None:
            self.server.stop()
        seconds = time.monotonic() - start
        log("RESULT kills=%d import_kills=%d post_kills=%d ingest_kills=%d "
            "kills_in_write_transaction=%d restarts=%d batches_verified=%d index_checks=%d "
            "seconds=%.0f" % (self.kills, self.kills_by["import"], self.kills_by["feed POST"],
                              self.kills_by["ingest CLI"], self.kills_in_transaction,
                              self.restarts, self.batches, self.index_checks, seconds))


def main():
    p = harness.argument_parser(__doc__)
    p.add_argument("--kills", type=int, default=100)
    p.add_argument("--demo-courses", type=int, default=20000)
    p.add_argument("--feed-courses", type=int, default=9000)
    p.add_argument("--sample", type=int, default=5, help="providers sampled per index check")
    p.add_argument("--seed", type=int, default=int(time.time()))
    p.add_argument("--keep", action="store_true", help="keep the work folder")
    a = p.parse_args()
    a.binary = os.path.abspath(a.binary)
    log("crash safety: %d kills, seed %d, demo %d, feeds of %d courses"
        % (a.kills, a.seed, a.demo_courses, a.feed_courses))
    loop = CrashLoop(a)
    ok = False
    try:
        loop.run()
        ok = True
    except harness.StressFailure as e:
        print("FAIL: %s (seed %d, work %s)" % (e, a.seed, loop.work), file=sys.stderr, flush=True)
    finally:
        if loop.server is not None and loop.server.proc.poll() is None:
            loop.server.kill()
        if ok and not a.keep:
            shutil.rmtree(loop.work, ignore_errors=True)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
