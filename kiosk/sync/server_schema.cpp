#include "kiosk/sync/server_schema.h"

namespace kiosk::sync {

namespace {

// Version 1, as `clinic init` first wrote it (servers made then are upgraded by step 2). Only what
// a kiosk's SQLite holds: plain columns to list and filter, the sealed payload as the kiosk sealed
// it (sealed to the clinic key: an epoch box or, for old records, a sealed box; the server cannot open it), the kiosk's chain place.
// Status marks live apart so that the kiosk role needs no UPDATE on records.
const char* const kStep1 = R"sql(
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

// Version 2: each kiosk role is bound to one kiosk id, and row-level security lets it insert only
// records of that kiosk. It reads no record back at all: a retry compares through
// ik_pushed_hash(), which answers only about the caller's own kiosk. Forms published by the admin.
const char* const kStep2 = R"sql(
-- Which kiosk a login role pushes as. Bound at the role's first join or push (or by the admin
-- beforehand: INSERT INTO ik_kiosks VALUES ('kiosk1', 'waiting-room-1')); never rebound by a kiosk.
CREATE TABLE ik_kiosks (
    role_name name PRIMARY KEY,
    kiosk_id  text NOT NULL UNIQUE,
    bound_at  timestamptz NOT NULL DEFAULT now()
);

-- True when the session's login role is a kiosk (a member of intake_kiosk, not a superuser).
CREATE FUNCTION ik_session_is_kiosk() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public AS $$
    SELECT pg_has_role(session_user, 'intake_kiosk', 'MEMBER')
       AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)
$$;

-- The kiosk id the session's role is bound to (NULL if none).
CREATE FUNCTION ik_session_kiosk() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public AS $$
    SELECT kiosk_id FROM public.ik_kiosks WHERE role_name = session_user
$$;

-- Binds the session's kiosk role to p_kiosk on first use; refuses another kiosk's id. A no-op for
-- staff and the admin.
CREATE FUNCTION ik_claim_kiosk(p_kiosk text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public AS $$
DECLARE bound text; holder name;
BEGIN
    IF NOT public.ik_session_is_kiosk() THEN RETURN; END IF;
    PERFORM pg_advisory_xact_lock(7160018);
    SELECT kiosk_id INTO bound FROM public.ik_kiosks WHERE role_name = session_user;
    IF bound IS NOT NULL THEN
        IF bound <> p_kiosk THEN
            RAISE EXCEPTION 'permission denied: database role % pushes as kiosk %, not as kiosk %', session_user, bound, p_kiosk
                USING ERRCODE = '42501';
        END IF;
        RETURN;
    END IF;
    SELECT role_name INTO holder FROM public.ik_kiosks WHERE kiosk_id = p_kiosk;
    IF holder IS NOT NULL THEN
        RAISE EXCEPTION 'permission denied: kiosk % pushes as database role %, not as %', p_kiosk, holder, session_user
            USING ERRCODE = '42501';
    END IF;
    INSERT INTO public.ik_kiosks (role_name, kiosk_id) VALUES (session_user, p_kiosk);
END $$;

-- A pushed record's sealed hash, for the retry's comparison: only of the caller's own kiosk
-- (staff and the admin may ask about any). NULL when there is no such record of that kiosk.
CREATE FUNCTION ik_pushed_hash(p_id text, p_kiosk text) RETURNS bytea LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public AS $$
    SELECT sealed_hash FROM public.ik_records
     WHERE id = p_id AND kiosk_id = p_kiosk
       AND (NOT public.ik_session_is_kiosk() OR p_kiosk = public.ik_session_kiosk())
$$;

REVOKE SELECT (id, kiosk_id, sealed_hash) ON ik_records FROM intake_kiosk;
-- A kiosk sees its own binding only. The records' policy reads it by a subquery, planned once with
-- the prepared INSERT (a SECURITY DEFINER function there would be planned again for every row).
ALTER TABLE ik_kiosks ENABLE ROW LEVEL SECURITY;
CREATE POLICY ik_kiosk_sees_itself ON ik_kiosks FOR SELECT TO intake_kiosk USING (role_name = session_user);
CREATE POLICY ik_staff_sees_kiosks ON ik_kiosks FOR SELECT TO intake_staff USING (true);
ALTER TABLE ik_records ENABLE ROW LEVEL SECURITY;
CREATE POLICY ik_kiosk_inserts_its_own ON ik_records FOR INSERT TO intake_kiosk
    WITH CHECK (kiosk_id = (SELECT k.kiosk_id FROM ik_kiosks k WHERE k.role_name = session_user));
CREATE POLICY ik_staff_reads_all ON ik_records TO intake_staff USING (true) WITH CHECK (true);

-- Questionnaires the admin published (`forms publish`): kiosks read the active one of each form.
CREATE TABLE ik_forms (
    form_id      text    NOT NULL,
    version      integer NOT NULL,
    content_hash text    NOT NULL,
    file_name    text    NOT NULL,
    source       text    NOT NULL,
    active       boolean NOT NULL DEFAULT false,
    published_at timestamptz NOT NULL DEFAULT now(),
    published_by text    NOT NULL DEFAULT current_user,
    PRIMARY KEY (form_id, version, content_hash)
);
CREATE UNIQUE INDEX ik_forms_one_active ON ik_forms (form_id) WHERE active;

REVOKE ALL ON ik_kiosks, ik_forms FROM PUBLIC;
REVOKE ALL ON FUNCTION ik_session_is_kiosk(), ik_session_kiosk(), ik_claim_kiosk(text), ik_pushed_hash(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ik_session_is_kiosk(), ik_session_kiosk(), ik_claim_kiosk(text), ik_pushed_hash(text, text)
    TO intake_kiosk, intake_staff;
GRANT SELECT ON ik_forms TO intake_kiosk, intake_staff;
GRANT SELECT ON ik_kiosks TO intake_kiosk, intake_staff;

UPDATE ik_schema SET version = 2;
)sql";

// Version 3: marks flow back to the kiosk whose records they are. Each mark notes the transaction
// that last wrote it; a kiosk reads the marks of its own records only, through ik_kiosk_marks(),
// from the transaction horizon of its previous pull (no SELECT on ik_marks or ik_records).
const char* const kStep3 = R"sql(
ALTER TABLE ik_marks ADD COLUMN changed_xid xid8;
CREATE INDEX ik_marks_changed ON ik_marks (changed_xid);
CREATE FUNCTION ik_marks_stamp() RETURNS trigger LANGUAGE plpgsql AS
    $$ BEGIN NEW.changed_xid := pg_current_xact_id(); RETURN NEW; END $$;
CREATE TRIGGER ik_marks_stamp BEFORE INSERT OR UPDATE ON ik_marks
    FOR EACH ROW EXECUTE FUNCTION ik_marks_stamp();

-- The marks of kiosk p_kiosk's records written by transactions from p_after on (NULL: all), for
-- the caller's own kiosk only (staff and the admin may ask about any). A pull first reads
-- ik_pull_horizon() in the same snapshot: every transaction before it is visible or gone, so the
-- next pull from there misses nothing (a mark seen twice is applied once).
CREATE FUNCTION ik_kiosk_marks(p_kiosk text, p_after xid8)
    RETURNS TABLE (record_id text, status text, status_at text) LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public AS $$
    SELECT m.record_id, m.status, m.status_at FROM public.ik_marks m JOIN public.ik_records r ON r.id = m.record_id
     WHERE r.kiosk_id = p_kiosk
       AND (NOT public.ik_session_is_kiosk() OR p_kiosk = public.ik_session_kiosk())
       AND (p_after IS NULL OR m.changed_xid >= p_after)
$$;
CREATE FUNCTION ik_pull_horizon() RETURNS xid8 LANGUAGE sql STABLE
    SET search_path = pg_catalog AS $$ SELECT pg_snapshot_xmin(pg_current_snapshot()) $$;

REVOKE ALL ON FUNCTION ik_kiosk_marks(text, xid8), ik_pull_horizon() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ik_kiosk_marks(text, xid8), ik_pull_horizon() TO intake_kiosk, intake_staff;

UPDATE ik_schema SET version = 3;
)sql";

// Version 4: marks travel up as well. What staff do at a kiosk's own desk (review, export, delete)
// reaches the server through ik_kiosk_mark(), which marks only a record of the caller's own kiosk,
// forward only (submitted < reviewed < exported < deleted), drops a deleted record's payload, and
// appends an audit row naming the kiosk. The server cannot compute the chain's hash (BLAKE2b), so
// the kiosk does (marks_up.cpp): ik_kiosk_audit_head() takes the batch's records' and the audit
// log's locks for the transaction and says where the chain stands; each mark brings the hash of the row it appends,
// and is refused if the chain has moved. A wrong hash shows in `audit verify --pg`, at that row.
// The kiosk role still has no SELECT, INSERT or UPDATE on ik_marks, ik_records or ik_audit.
const char* const kStep4 = R"sql(
-- Locks the records of the batch (the caller's kiosk's, in id order) and then the audit log, the
-- order a staff mark takes them in (row, then log), so a kiosk and a desk never wait on each other.
CREATE FUNCTION ik_kiosk_audit_head(p_kiosk text, p_records text[], OUT head_seq bigint, OUT head_hash bytea, OUT actor text)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    PERFORM 1 FROM public.ik_records r WHERE r.kiosk_id = p_kiosk AND r.id = ANY (p_records)
        AND (NOT public.ik_session_is_kiosk() OR p_kiosk = public.ik_session_kiosk()) ORDER BY r.id FOR UPDATE;
    PERFORM pg_advisory_xact_lock(7160017);  -- appendServerAudit's: one writer of the log at a time
    SELECT a.seq, a.hash INTO head_seq, head_hash FROM public.ik_audit a ORDER BY a.seq DESC LIMIT 1;
    IF head_seq IS NULL THEN head_seq := 0; head_hash := decode(repeat('00', 32), 'hex'); END IF;
    actor := session_user;
END $$;

-- Applies a mark made at kiosk p_kiosk's desk to its record p_record: NULL when the server has no
-- such record of that kiosk (not pushed yet), false when the server's mark is as far or further,
-- true when applied (and audited with p_audit_at, p_audit_hash chained on p_audit_prev).
CREATE FUNCTION ik_kiosk_mark(p_kiosk text, p_record text, p_status text, p_at text,
                              p_audit_at text, p_audit_prev bytea, p_audit_hash bytea)
    RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    ranks constant text[] := ARRAY['submitted', 'reviewed', 'exported', 'deleted'];
    was text; last_seq bigint; last_hash bytea;
BEGIN
    IF public.ik_session_is_kiosk() AND p_kiosk IS DISTINCT FROM public.ik_session_kiosk() THEN
        RAISE EXCEPTION 'permission denied: database role % marks records of kiosk %, not of kiosk %',
            session_user, public.ik_session_kiosk(), p_kiosk USING ERRCODE = '42501';
    END IF;
    IF p_status IS NULL OR array_position(ranks, p_status) IS NULL OR p_status = 'submitted' THEN
        RAISE EXCEPTION 'no such mark: %', p_status USING ERRCODE = '22023';
    END IF;
    PERFORM 1 FROM public.ik_records r WHERE r.id = p_record AND r.kiosk_id = p_kiosk FOR UPDATE;
    IF NOT FOUND THEN RETURN NULL; END IF;
    SELECT m.status INTO was FROM public.ik_marks m WHERE m.record_id = p_record;
    IF array_position(ranks, p_status) <= array_position(ranks, coalesce(was, 'submitted')) THEN RETURN false; END IF;
    INSERT INTO public.ik_marks (record_id, status, status_at) VALUES (p_record, p_status, p_at)
        ON CONFLICT (record_id) DO UPDATE SET status = excluded.status, status_at = excluded.status_at;
    IF p_status = 'deleted' THEN UPDATE public.ik_records SET sealed = NULL WHERE id = p_record; END IF;
    PERFORM pg_advisory_xact_lock(7160017);
    SELECT a.seq, a.hash INTO last_seq, last_hash FROM public.ik_audit a ORDER BY a.seq DESC LIMIT 1;
    IF last_seq IS NULL THEN last_seq := 0; last_hash := decode(repeat('00', 32), 'hex'); END IF;
    IF p_audit_prev IS DISTINCT FROM last_hash THEN
        RAISE EXCEPTION 'the audit log moved on: read its head again (ik_kiosk_audit_head)' USING ERRCODE = '40001';
    END IF;
    INSERT INTO public.ik_audit (seq, at, actor, action, detail, prev_hash, hash)
        VALUES (last_seq + 1, p_audit_at, session_user,
                CASE p_status WHEN 'reviewed' THEN 'review' WHEN 'exported' THEN 'export' ELSE 'delete' END,
                'record=' || p_record || ' by=kiosk:' || p_kiosk, last_hash, p_audit_hash);
    RETURN true;
END $$;

REVOKE ALL ON FUNCTION ik_kiosk_audit_head(text, text[]), ik_kiosk_mark(text, text, text, text, text, bytea, bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ik_kiosk_audit_head(text, text[]), ik_kiosk_mark(text, text, text, text, text, bytea, bytea)
    TO intake_kiosk, intake_staff;

UPDATE ik_schema SET version = 4;
)sql";

}  // namespace

std::vector<const char*> serverSchemaSteps() { return {kStep1, kStep2, kStep3, kStep4}; }

}  // namespace kiosk::sync
