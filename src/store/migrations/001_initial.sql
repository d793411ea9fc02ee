-- The catalogue, its change log (which is also the audit trail) and reference data.
-- Courses and offerings keep their full content as a JSON document (the catalog's JSON shape);
-- the columns beside it are what lookups and joins need.

CREATE TABLE providers (
  id          INTEGER PRIMARY KEY,
  key         TEXT NOT NULL UNIQUE,
  is_demo     INTEGER NOT NULL DEFAULT 0,
  doc         TEXT NOT NULL,
  updated_at  INTEGER NOT NULL,
  change_seq  INTEGER NOT NULL
);

CREATE TABLE courses (
  id           INTEGER PRIMARY KEY,
  provider_id  INTEGER NOT NULL REFERENCES providers(id),
  external_id  TEXT NOT NULL,
  status       TEXT NOT NULL,
  is_demo      INTEGER NOT NULL DEFAULT 0,
  doc          TEXT NOT NULL,
  updated_at   INTEGER NOT NULL,
  change_seq   INTEGER NOT NULL,
  UNIQUE (provider_id, external_id)
);
CREATE INDEX courses_by_change ON courses(change_seq);

CREATE TABLE offerings (
  id           INTEGER PRIMARY KEY,
  course_id    INTEGER NOT NULL REFERENCES courses(id),
  external_id  TEXT NOT NULL,
  status       TEXT NOT NULL,
  doc          TEXT NOT NULL,
  UNIQUE (course_id, external_id)
);

-- One row per change: who, when, what, old -> new. seq is the change sequence.
CREATE TABLE audit (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  at         INTEGER NOT NULL,
  actor      TEXT NOT NULL,
  entity     TEXT NOT NULL CHECK (entity IN ('provider', 'course')),
  entity_id  INTEGER NOT NULL,
  action     TEXT NOT NULL CHECK (action IN ('create', 'update', 'withdraw')),
  diff       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_by_entity ON audit(entity, entity_id, seq);

CREATE TABLE regions (
  id    INTEGER PRIMARY KEY,
  name  TEXT NOT NULL UNIQUE
);

CREATE TABLE municipalities (
  code       TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  province   TEXT NOT NULL,
  region_id  INTEGER NOT NULL REFERENCES regions(id)
);

CREATE TABLE postcodes (
  pc4                TEXT PRIMARY KEY,
  lat                REAL NOT NULL,
  lon                REAL NOT NULL,
  place              TEXT NOT NULL,
  municipality_code  TEXT NOT NULL
);

CREATE TABLE vocabulary (
  kind        TEXT NOT NULL CHECK (kind IN ('occupation', 'skill')),
  source      TEXT NOT NULL,
  uri         TEXT NOT NULL,
  label       TEXT NOT NULL,
  alt_labels  TEXT NOT NULL,
  isco_code   TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (kind, uri)
);

CREATE TABLE meta (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
);
