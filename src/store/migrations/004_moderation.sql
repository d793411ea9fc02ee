-- Moderation (issue 6): the operator can take a course or a whole provider off the site, with a
-- reason the provider sees, and people can complain about a course without an account.
--
-- A hold is never deleted: lifting it sets lifted_at, so the operator's decisions stay on record.
CREATE TABLE holds (
  id          INTEGER PRIMARY KEY,
  entity      TEXT NOT NULL CHECK (entity IN ('provider', 'course')),
  entity_id   INTEGER NOT NULL,
  reason      TEXT NOT NULL,
  hidden_at   INTEGER NOT NULL,
  hidden_by   TEXT NOT NULL,
  lifted_at   INTEGER,            -- NULL while the hold stands
  lifted_by   TEXT
);
CREATE INDEX holds_standing ON holds(entity, entity_id) WHERE lifted_at IS NULL;

-- What a person reported about a course. No name, address or other personal data is asked for
-- or kept; the message is the person's own words, shown only to the operator.
CREATE TABLE complaints (
  id          INTEGER PRIMARY KEY,
  course_id   INTEGER NOT NULL REFERENCES courses(id),
  category    TEXT NOT NULL,
  message     TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'handled', 'dismissed')),
  handled_at  INTEGER,
  handled_by  TEXT,
  note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX complaints_by_status ON complaints(status, id);
