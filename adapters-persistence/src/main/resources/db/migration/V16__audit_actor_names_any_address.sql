-- The delist portal's audit records name the address that asked ("portal:" and up to 254
-- characters), which did not fit the 128 characters an actor had.
ALTER TABLE audit_record MODIFY actor VARCHAR(300) NOT NULL;
