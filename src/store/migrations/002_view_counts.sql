-- Aggregated, anonymous course views (see insight/view_stats.h): counters only — no person,
-- address, session or time. A pair counts how often two courses were looked at together.
CREATE TABLE course_views (
  course_id INTEGER PRIMARY KEY,
  views INTEGER NOT NULL CHECK (views >= 0)
);

CREATE TABLE course_pairs (
  a INTEGER NOT NULL,
  b INTEGER NOT NULL,
  together INTEGER NOT NULL CHECK (together >= 0),
  PRIMARY KEY (a, b),
  CHECK (a < b)
) WITHOUT ROWID;
