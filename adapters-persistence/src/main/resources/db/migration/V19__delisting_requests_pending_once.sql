-- A tenant's request to one list about one value is pending once: pending_key (the SHA-256 of
-- tenant, list and value) is set while the request is pending and cleared when it is resolved, so
-- that racing requests cannot both be stored. Requests pending from before stay without a key;
-- the application still finds them before it stores a new one.
ALTER TABLE delisting_request ADD COLUMN pending_key CHAR(64) NULL;
CREATE UNIQUE INDEX uq_delisting_request_pending ON delisting_request (pending_key);
