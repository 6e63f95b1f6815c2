-- What a server needs to trust a snapshot of the block lists it wrote to its data directory:
-- which database it came from (a random identity given once), and up to which version removals
-- have been forgotten by housekeeping (a snapshot older than that cannot be caught up from the feed).
ALTER TABLE block_list_version ADD COLUMN database_id CHAR(36) NULL;
ALTER TABLE block_list_version ADD COLUMN pruned_through BIGINT NOT NULL DEFAULT 0;
UPDATE block_list_version SET database_id = UUID() WHERE id = 1;
