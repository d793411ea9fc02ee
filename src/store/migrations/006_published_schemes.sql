-- Funding schemes published through the API (issue 7): funders and the operator keep the rules
-- current without a release. The files in data/schemes/ are the base; the latest version here of
-- a scheme id is in force over its file. Every version is kept, with who published it and when,
-- so anyone can see how a scheme's rules changed.
CREATE TABLE scheme_versions (
  id            INTEGER PRIMARY KEY,
  scheme_id     TEXT NOT NULL,
  version       INTEGER NOT NULL,   -- 1, 2, ... per scheme id
  definition    TEXT NOT NULL,      -- the scheme file's JSON, keys sorted
  published_at  INTEGER NOT NULL,
  published_by  TEXT NOT NULL,
  UNIQUE (scheme_id, version)
);

-- A funder's key may publish only the schemes named here (comma-separated ids); empty for the
-- keys of providers and of the operator.
ALTER TABLE api_keys ADD COLUMN schemes TEXT NOT NULL DEFAULT '';
