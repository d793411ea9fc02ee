-- Funding answers a person chose to save (auth/answer_vault.h). Nothing here can be read
-- without the code the person was given: `lookup` is a hash of the code, `sealed` the answers
-- encrypted with a key derived from it. No time of saving, no address, no link to anything
-- else; rows are deleted when they expire, or earlier when the person asks.
CREATE TABLE saved_answers (
  lookup      TEXT PRIMARY KEY,
  sealed      TEXT NOT NULL,
  expires_at  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX saved_answers_by_expiry ON saved_answers(expires_at);
