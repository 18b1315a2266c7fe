-- why: the web app's audit page (Nhật ký) lists entries newest first, filtered by kind of record, by account or by date
-- (AuditLog.search); without these every filtered page scanned the log from its newest row.
CREATE INDEX audit_log_entity_seq_idx ON audit_log (entity, seq);
CREATE INDEX audit_log_actor_seq_idx ON audit_log (actor_account_id, seq);
CREATE INDEX audit_log_at_idx ON audit_log (at);
