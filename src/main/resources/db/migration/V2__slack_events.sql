-- Slack's event ids seen in the last half hour, so that an event delivered again (Slack's retries, sent to any
-- replica) is answered once.
CREATE TABLE slack_events (
  event_id TEXT PRIMARY KEY,
  seen_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX slack_events_seen_at ON slack_events (seen_at);
