-- Addresses are stored in their canonical form (lower case, and for a local part beyond ASCII,
-- RFC 6531, in normalisation form C), so that the same mailbox is always the same text. The
-- database's default utf8mb4_unicode_ci would go further and take jörg@ and jorg@ for one key:
-- one sender's restriction, tallies, unblocks or portal rate would be another's. They now compare
-- byte by byte, as on the embedded database. Every stored address is lower-case ASCII, so no two
-- rows that were distinct become equal, and none that were equal become distinct.
ALTER TABLE sender_status MODIFY address VARCHAR(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE restriction MODIFY address VARCHAR(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE unblock MODIFY address VARCHAR(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE alert MODIFY address VARCHAR(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE spam_url_sighting MODIFY address VARCHAR(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE portal_request MODIFY address VARCHAR(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE rate_counter MODIFY rate_key VARCHAR(300) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
