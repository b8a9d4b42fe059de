#include "kiosk/sync/server_schema.h"

namespace kiosk::sync {

const char* serverSchemaSql() {
    // Only what a kiosk's SQLite holds: plain columns to list and filter, the sealed payload as the
    // kiosk sealed it (crypto_box_seal to the clinic key; the server cannot open it), the kiosk's
    // chain place. Status marks live apart so that the kiosk role needs no UPDATE on records.
    return R"sql(
CREATE TABLE ik_schema (version integer NOT NULL);
INSERT INTO ik_schema (version) VALUES (1);

CREATE TABLE ik_clinic (
    id                 integer PRIMARY KEY CHECK (id = 1),
    public_key         bytea   NOT NULL,
    fingerprint        text    NOT NULL,
    secret_box         bytea   NOT NULL,
    secret_nonce       bytea   NOT NULL,
    kdf_salt           bytea   NOT NULL,
    kdf_opslimit       bigint  NOT NULL,
    kdf_memlimit       bigint  NOT NULL,
    default_passphrase boolean NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ik_records (
    id                text PRIMARY KEY,
    kiosk_id          text    NOT NULL,
    form_id           text    NOT NULL,
    form_version      integer NOT NULL,
    content_hash      text    NOT NULL,
    lang              text    NOT NULL,
    started_at        text    NOT NULL,
    submitted_at      text    NOT NULL,
    sealed            bytea,                 -- NULL once deleted (the tombstone stays)
    sealed_hash       bytea   NOT NULL,
    kiosk_seq         bigint  NOT NULL,      -- the record's place in its kiosk's record chain
    kiosk_chain_hash  bytea   NOT NULL,
    received_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ik_records_submitted ON ik_records (submitted_at);
CREATE UNIQUE INDEX ik_records_kiosk_seq ON ik_records (kiosk_id, kiosk_seq);

CREATE TABLE ik_marks (
    record_id text PRIMARY KEY REFERENCES ik_records (id),
    status    text NOT NULL CHECK (status IN ('reviewed', 'exported', 'deleted')),
    status_at text NOT NULL
);

CREATE TABLE ik_audit (
    seq       bigint PRIMARY KEY,
    at        text  NOT NULL,
    actor     text  NOT NULL DEFAULT current_user,
    action    text  NOT NULL,
    detail    text  NOT NULL,
    prev_hash bytea NOT NULL,
    hash      bytea NOT NULL
);
CREATE FUNCTION ik_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS
    $$ BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
CREATE TRIGGER ik_audit_no_change BEFORE UPDATE OR DELETE ON ik_audit
    FOR EACH ROW EXECUTE FUNCTION ik_audit_append_only();

DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'intake_kiosk') THEN CREATE ROLE intake_kiosk NOLOGIN; END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'intake_staff') THEN CREATE ROLE intake_staff NOLOGIN; END IF;
END $$;

REVOKE ALL ON ik_schema, ik_clinic, ik_records, ik_marks, ik_audit FROM PUBLIC;
-- A kiosk: read the schema version and the clinic key (the secret half is wrapped), insert its
-- records, and see of any record only what a retry compares. No UPDATE, no DELETE, no payloads.
GRANT SELECT ON ik_schema, ik_clinic TO intake_kiosk;
GRANT INSERT ON ik_records TO intake_kiosk;
GRANT SELECT (id, kiosk_id, sealed_hash) ON ik_records TO intake_kiosk;
-- Staff: read everything, mark records, drop a deleted record's payload, append to the audit log.
GRANT SELECT ON ik_schema, ik_clinic, ik_records, ik_marks, ik_audit TO intake_staff;
GRANT UPDATE (sealed) ON ik_records TO intake_staff;
GRANT INSERT, UPDATE ON ik_marks TO intake_staff;
GRANT INSERT ON ik_audit TO intake_staff;
)sql";
}

}  // namespace kiosk::sync
