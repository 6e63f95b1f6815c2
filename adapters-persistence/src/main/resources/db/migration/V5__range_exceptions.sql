-- Single addresses that an IP range entry no longer lists (added by the delist portal): canonical,
-- separated by a space; NULL when the entry has none.
ALTER TABLE block_list_entry ADD COLUMN ip_exceptions TEXT NULL;
