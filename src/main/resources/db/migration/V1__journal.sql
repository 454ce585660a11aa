-- The journal every replica writes to: questions, verdicts and editors' decisions, one JSON record a row, in the
-- shape of a journal file's lines. Rows are only ever added; readers follow them by id.
CREATE TABLE journal (
  id BIGSERIAL PRIMARY KEY,
  written_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  record JSONB NOT NULL
);
