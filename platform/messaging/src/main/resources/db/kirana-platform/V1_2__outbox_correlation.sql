-- The trace an outbox row belongs to (the CloudEvents distributed-tracing extension): the W3C traceparent
-- (its column was there from the start) and tracestate current when the row was written, both NULL outside a
-- trace. The relay sends them as the ce_traceparent / ce_tracestate headers; a consumer's span is their child.
ALTER TABLE kirana_outbox ADD COLUMN tracestate TEXT;
-- and the X-Request-Id of the request that made the change (sent as ce_requestid), so the log lines of every
-- handler down the saga carry the id the caller was given
ALTER TABLE kirana_outbox ADD COLUMN request_id TEXT;
