-- API keys of providers and of the operator (auth/api_keys.h). A key is shown once, when it is
-- made; only a hash of its secret is kept, so a copy of this database lets nobody call the API.
--
-- Making and revoking keys is not written to the audit table: that table is also the change
-- sequence the search index and other nodes follow, and it speaks only of catalogue entities.
-- Instead each row says itself who made it and who revoked it, and when; rows are never deleted.
CREATE TABLE api_keys (
  id           INTEGER PRIMARY KEY,
  provider_id  INTEGER REFERENCES providers(id),  -- NULL: an operator key, which may touch any
  key_id       TEXT NOT NULL UNIQUE,              -- the public part of the key; UNIQUE indexes it
  secret_hash  TEXT NOT NULL,
  label        TEXT NOT NULL DEFAULT '',
  created_at   INTEGER NOT NULL,
  created_by   TEXT NOT NULL,
  revoked_at   INTEGER,                           -- NULL while the key is valid
  revoked_by   TEXT
);
CREATE INDEX api_keys_by_provider ON api_keys(provider_id, id);
