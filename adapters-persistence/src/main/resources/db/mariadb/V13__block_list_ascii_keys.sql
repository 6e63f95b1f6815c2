-- On MariaDB, the block-list entry's identifiers and hashes are ASCII compared byte by byte: with
-- the default utf8mb4_general_ci every comparison in the two unique indexes went through the
-- collation, and a million-row import spent about a third of MariaDB's time there. The value's
-- prefix is written and searched for in lower case already (as on the embedded database, whose
-- comparisons are binary), so its index compares bytes too.
ALTER TABLE block_list_entry
    MODIFY id           CHAR(36)     CHARACTER SET ascii   COLLATE ascii_bin   NOT NULL,
    MODIFY tenant_id    CHAR(36)     CHARACTER SET ascii   COLLATE ascii_bin   NULL,
    MODIFY list_key     VARCHAR(36)  CHARACTER SET ascii   COLLATE ascii_bin   NOT NULL,
    MODIFY entry_type   VARCHAR(8)   CHARACTER SET ascii   COLLATE ascii_bin   NOT NULL,
    MODIFY value_hash   CHAR(64)     CHARACTER SET ascii   COLLATE ascii_bin   NOT NULL,
    MODIFY value_prefix VARCHAR(190) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
