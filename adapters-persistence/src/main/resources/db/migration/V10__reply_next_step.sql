-- A remembered rejection keeps its one-line next step too, which MTA adapters add to the reply.
ALTER TABLE processed_message ADD COLUMN ndr_next_step VARCHAR(255) NULL;
