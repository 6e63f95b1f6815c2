-- One index finds a value in its list both by its prefix and by its hash: the unique key over the
-- list and the hash, and the index over the list and the prefix, become one unique key over the
-- list, the prefix and the hash (the prefix follows from the value as the hash does, so the key is
-- as unique as before). An import sorted that way grows the one index in a single sweep; with
-- two, the rows came in the order of one and landed at random places in the other: a million rows
-- into a list already holding some took 23.3 s with both, 20.2 s without the prefix index.
ALTER TABLE block_list_entry DROP CONSTRAINT uq_block_list_entry_value;
ALTER TABLE block_list_entry DROP INDEX ix_block_list_entry_prefix;
ALTER TABLE block_list_entry ADD CONSTRAINT uq_block_list_entry_value UNIQUE (list_key, value_prefix, value_hash);
