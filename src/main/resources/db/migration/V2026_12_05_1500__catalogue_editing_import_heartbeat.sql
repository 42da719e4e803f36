-- A running import writes a heartbeat with its progress; a job whose node stopped is found by its
-- silence and marked as failed, so that nobody waits for it forever.
ALTER TABLE import_job ADD COLUMN heartbeat_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX import_job_running_idx ON import_job (heartbeat_at) WHERE status = 'RUNNING';
