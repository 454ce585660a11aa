-- Phrasings editors added through any replica, merged into every replica's corpus like a phrasings file's lines.
CREATE TABLE phrasings (
  id BIGSERIAL PRIMARY KEY,
  entry_id TEXT NOT NULL,
  phrasing TEXT NOT NULL,
  added_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
