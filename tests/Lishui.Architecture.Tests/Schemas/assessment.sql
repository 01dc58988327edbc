column public.__EFMigrationsHistory.MigrationId character varying(150) not null
column public.__EFMigrationsHistory.ProductVersion character varying(32) not null
column public.assessment_results.grade character varying(30) not null
column public.assessment_results.name character varying(50) not null
column public.assessment_results.rank integer not null
column public.assessment_results.scheme_id uuid not null
column public.assessment_results.scores jsonb not null
column public.assessment_results.subject_id uuid not null
column public.assessment_results.total numeric(7,2) not null
column public.assessment_subject_names.name text
column public.assessment_subject_names.subject_id uuid
column public.audit_entries.actor character varying(200) not null
column public.audit_entries.actor_organisation_id uuid
column public.audit_entries.actor_roles text[] not null
column public.audit_entries.event_ids uuid[] not null
column public.audit_entries.event_types text[] not null
column public.audit_entries.id bigint not null identity a
column public.audit_entries.method character varying(10) not null
column public.audit_entries.occurred_at timestamp with time zone not null
column public.audit_entries.path character varying(500) not null
column public.audit_entries.remote_address character varying(64)
column public.audit_entries.route character varying(300) not null
column public.audit_entries.trace_id character varying(32)
column public.governance_facts.event_id uuid not null
column public.governance_facts.kind character varying(30) not null
column public.governance_facts.occurred_on date not null
column public.governance_facts.organisation_id uuid not null
column public.governance_facts.subject_id uuid not null
column public.governance_facts.value character varying(30)
column public.idempotency_records.created_at timestamp with time zone not null
column public.idempotency_records.key character varying(200) not null
column public.idempotency_records.location character varying(500)
column public.idempotency_records.request_hash character varying(64) not null
column public.idempotency_records.response_body jsonb not null
column public.idempotency_records.scope character varying(100) not null
column public.idempotency_records.status_code integer not null
column public.imported_results.grade character varying(30) not null
column public.imported_results.id uuid not null
column public.imported_results.imported_at timestamp with time zone not null
column public.imported_results.imported_by character varying(200) not null
column public.imported_results.member_id uuid not null
column public.imported_results.name character varying(50) not null
column public.imported_results.organisation_id uuid not null
column public.imported_results.source character varying(200) not null
column public.imported_results.total numeric(7,2) not null
column public.imported_results.year integer not null
column public.inbox_messages.consumer character varying(200) not null
column public.inbox_messages.message_id uuid not null
column public.inbox_messages.processed_at timestamp with time zone not null
column public.ledger_entries.dimension character varying(50) not null
column public.ledger_entries.entered_by character varying(100)
column public.ledger_entries.evidence character varying(1000)
column public.ledger_entries.id uuid not null
column public.ledger_entries.occurred_on date not null
column public.ledger_entries.points numeric(7,2) not null
column public.ledger_entries.reason character varying(500) not null
column public.ledger_entries.recorded_at timestamp with time zone not null
column public.ledger_entries.reverses_entry_id uuid
column public.ledger_entries.rule_code character varying(100)
column public.ledger_entries.scheme_id uuid not null
column public.ledger_entries.sequence bigint not null
column public.ledger_entries.source character varying(20) not null
column public.ledger_entries.source_event_id uuid
column public.ledger_entries.subject_id uuid not null
column public.local_households.economic_cooperative character varying(100) not null
column public.local_households.head_name character varying(50) not null
column public.local_households.household_id uuid not null
column public.local_households.members_count integer not null
column public.local_households.organisation_id uuid not null
column public.local_households.sequence bigint not null
column public.local_households.updated_at timestamp with time zone not null
column public.local_members.member_id uuid not null
column public.local_members.name character varying(50) not null
column public.local_members.organisation_id uuid not null
column public.local_members.organisation_sequence bigint not null default 0
column public.local_members.sequence bigint not null
column public.local_members.status character varying(30) not null
column public.local_members.updated_at timestamp with time zone not null
column public.local_organisations.closed boolean not null
column public.local_organisations.economic_cooperative character varying(100)
column public.local_organisations.kind character varying(30) not null
column public.local_organisations.name character varying(100) not null
column public.local_organisations.organisation_id uuid not null
column public.local_organisations.parent_id uuid
column public.local_organisations.sequence bigint not null
column public.local_organisations.updated_at timestamp with time zone not null
column public.notices.finalised_at timestamp with time zone
column public.notices.id uuid not null
column public.notices.organisation_id uuid not null
column public.notices.published_at timestamp with time zone not null
column public.notices.scheme_id uuid not null
column public.notices.subject_count integer not null
column public.notices.version bigint not null default 0
column public.notices.window_closes_on date not null
column public.notices.window_opens_on date not null
column public.notices.year integer not null
column public.objections.answer character varying(1000)
column public.objections.answered_at timestamp with time zone
column public.objections.answered_by character varying(100)
column public.objections.concerning character varying(50)
column public.objections.contact character varying(100)
column public.objections.correction_entry_id uuid
column public.objections.filed_at timestamp with time zone not null
column public.objections.filed_by character varying(50)
column public.objections.id uuid not null
column public.objections.notice_id uuid not null
column public.objections.text character varying(1000) not null
column public.objections.upheld boolean
column public.outbox_messages.aggregate_id uuid not null
column public.outbox_messages.attempts integer not null
column public.outbox_messages.created_at timestamp with time zone not null
column public.outbox_messages.event_id uuid not null
column public.outbox_messages.id bigint not null identity a
column public.outbox_messages.last_error text
column public.outbox_messages.message_urn character varying(200) not null
column public.outbox_messages.payload jsonb not null
column public.outbox_messages.trace_parent character varying(100)
column public.scheme_versions.content jsonb not null
column public.scheme_versions.effective_from date
column public.scheme_versions.reason character varying(500)
column public.scheme_versions.recorded_at timestamp with time zone not null
column public.scheme_versions.revision integer not null
column public.scheme_versions.scheme_id uuid not null
column public.schemes.basically_qualified_from numeric(7,2) not null
column public.schemes.closed_at timestamp with time zone
column public.schemes.created_at timestamp with time zone not null
column public.schemes.dimensions jsonb not null
column public.schemes.excellent_from numeric(7,2) not null
column public.schemes.excellent_share_cap numeric(5,4)
column public.schemes.id uuid not null
column public.schemes.organisation_id uuid not null
column public.schemes.qualified_from numeric(7,2) not null
column public.schemes.revision integer not null
column public.schemes.rules jsonb not null
column public.schemes.subject_type character varying(30) not null
column public.schemes.topic character varying(30) not null default 'MemberPoints'::character varying
column public.schemes.total numeric(7,2) not null
column public.schemes.version bigint not null
column public.schemes.year integer not null
constraint public.__EFMigrationsHistory PK___EFMigrationsHistory PRIMARY KEY ("MigrationId")
constraint public.assessment_results FK_assessment_results_schemes_scheme_id FOREIGN KEY (scheme_id) REFERENCES schemes(id) ON DELETE CASCADE
constraint public.assessment_results PK_assessment_results PRIMARY KEY (scheme_id, subject_id)
constraint public.audit_entries PK_audit_entries PRIMARY KEY (id)
constraint public.governance_facts PK_governance_facts PRIMARY KEY (event_id)
constraint public.idempotency_records PK_idempotency_records PRIMARY KEY (scope, key)
constraint public.imported_results PK_imported_results PRIMARY KEY (id)
constraint public.inbox_messages PK_inbox_messages PRIMARY KEY (message_id, consumer)
constraint public.ledger_entries FK_ledger_entries_schemes_scheme_id FOREIGN KEY (scheme_id) REFERENCES schemes(id) ON DELETE CASCADE
constraint public.ledger_entries PK_ledger_entries PRIMARY KEY (id)
constraint public.local_households PK_local_households PRIMARY KEY (household_id)
constraint public.local_members PK_local_members PRIMARY KEY (member_id)
constraint public.local_organisations PK_local_organisations PRIMARY KEY (organisation_id)
constraint public.notices FK_notices_schemes_scheme_id FOREIGN KEY (scheme_id) REFERENCES schemes(id) ON DELETE CASCADE
constraint public.notices PK_notices PRIMARY KEY (id)
constraint public.objections FK_objections_notices_notice_id FOREIGN KEY (notice_id) REFERENCES notices(id) ON DELETE CASCADE
constraint public.objections PK_objections PRIMARY KEY (id)
constraint public.outbox_messages PK_outbox_messages PRIMARY KEY (id)
constraint public.scheme_versions FK_scheme_versions_schemes_scheme_id FOREIGN KEY (scheme_id) REFERENCES schemes(id) ON DELETE CASCADE
constraint public.scheme_versions PK_scheme_versions PRIMARY KEY (scheme_id, revision)
constraint public.schemes PK_schemes PRIMARY KEY (id)
extension plpgsql
function CREATE OR REPLACE FUNCTION public.assessment_roll(root uuid, subject_type text)
 RETURNS TABLE(subject_id uuid, name text)
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
    SELECT m.member_id, m.name::text FROM local_members m
    WHERE subject_type = 'Member' AND m.organisation_id IN (SELECT organisation_id FROM organisation_subtree(root))
    UNION ALL
    SELECT h.household_id, h.head_name::text FROM local_households h
    WHERE subject_type = 'Household' AND h.organisation_id IN (SELECT organisation_id FROM organisation_subtree(root))
    UNION ALL
    SELECT o.organisation_id, COALESCE(o.economic_cooperative, o.name)::text FROM local_organisations o
    WHERE subject_type = 'EconomicCooperative' AND o.kind = 'PartyMassGroup' AND NOT o.closed
      AND o.organisation_id IN (SELECT organisation_id FROM organisation_subtree(root))
    UNION ALL
    SELECT o.organisation_id, o.name::text FROM local_organisations o
    WHERE subject_type = 'Village' AND o.kind = 'PartyCommittee' AND o.parent_id IS NOT NULL AND NOT o.closed
      AND o.organisation_id IN (SELECT organisation_id FROM organisation_subtree(root))
$function$
function CREATE OR REPLACE FUNCTION public.lishui_audit_append_only()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  RAISE EXCEPTION 'audit entries are append-only';
END $function$
function CREATE OR REPLACE FUNCTION public.lishui_outbox_notify()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  PERFORM pg_notify('lishui_outbox', '');
  RETURN NULL;
END $function$
function CREATE OR REPLACE FUNCTION public.organisation_ancestors(start uuid)
 RETURNS TABLE(organisation_id uuid, depth integer)
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
    WITH RECURSIVE up(organisation_id, depth) AS (
        SELECT start, 0
        UNION ALL
        SELECT o.parent_id, up.depth + 1 FROM local_organisations o JOIN up ON o.organisation_id = up.organisation_id
        WHERE o.parent_id IS NOT NULL AND up.depth < 32)
    SELECT organisation_id, depth FROM up
$function$
function CREATE OR REPLACE FUNCTION public.organisation_subtree(root uuid)
 RETURNS TABLE(organisation_id uuid)
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
    WITH RECURSIVE tree(organisation_id) AS (
        SELECT root
        UNION
        SELECT o.organisation_id FROM local_organisations o JOIN tree t ON o.parent_id = t.organisation_id)
    SELECT organisation_id FROM tree
$function$
index CREATE INDEX "IX_assessment_results_scheme_id_rank" ON public.assessment_results USING btree (scheme_id, rank)
index CREATE INDEX "IX_audit_entries_actor" ON public.audit_entries USING btree (actor)
index CREATE INDEX "IX_audit_entries_occurred_at" ON public.audit_entries USING btree (occurred_at)
index CREATE INDEX "IX_governance_facts_kind_organisation_id_occurred_on" ON public.governance_facts USING btree (kind, organisation_id, occurred_on)
index CREATE INDEX "IX_imported_results_year_organisation_id" ON public.imported_results USING btree (year, organisation_id)
index CREATE INDEX "IX_ledger_entries_scheme_id_subject_id_dimension" ON public.ledger_entries USING btree (scheme_id, subject_id, dimension) INCLUDE (points)
index CREATE INDEX "IX_local_households_organisation_id" ON public.local_households USING btree (organisation_id)
index CREATE INDEX "IX_local_members_organisation_id" ON public.local_members USING btree (organisation_id)
index CREATE INDEX "IX_local_organisations_parent_id" ON public.local_organisations USING btree (parent_id)
index CREATE INDEX "IX_objections_notice_id" ON public.objections USING btree (notice_id)
index CREATE UNIQUE INDEX "IX_imported_results_member_id_year" ON public.imported_results USING btree (member_id, year)
index CREATE UNIQUE INDEX "IX_ledger_entries_reverses_entry_id" ON public.ledger_entries USING btree (reverses_entry_id) WHERE (reverses_entry_id IS NOT NULL)
index CREATE UNIQUE INDEX "IX_ledger_entries_scheme_id_source_event_id_rule_code_subject_~" ON public.ledger_entries USING btree (scheme_id, source_event_id, rule_code, subject_id) WHERE (source_event_id IS NOT NULL)
index CREATE UNIQUE INDEX "IX_notices_scheme_id" ON public.notices USING btree (scheme_id)
index CREATE UNIQUE INDEX "IX_outbox_messages_event_id" ON public.outbox_messages USING btree (event_id)
index CREATE UNIQUE INDEX "IX_schemes_organisation_id_year_subject_type_topic" ON public.schemes USING btree (organisation_id, year, subject_type, topic)
index CREATE UNIQUE INDEX "PK___EFMigrationsHistory" ON public."__EFMigrationsHistory" USING btree ("MigrationId")
index CREATE UNIQUE INDEX "PK_assessment_results" ON public.assessment_results USING btree (scheme_id, subject_id)
index CREATE UNIQUE INDEX "PK_audit_entries" ON public.audit_entries USING btree (id)
index CREATE UNIQUE INDEX "PK_governance_facts" ON public.governance_facts USING btree (event_id)
index CREATE UNIQUE INDEX "PK_idempotency_records" ON public.idempotency_records USING btree (scope, key)
index CREATE UNIQUE INDEX "PK_imported_results" ON public.imported_results USING btree (id)
index CREATE UNIQUE INDEX "PK_inbox_messages" ON public.inbox_messages USING btree (message_id, consumer)
index CREATE UNIQUE INDEX "PK_ledger_entries" ON public.ledger_entries USING btree (id)
index CREATE UNIQUE INDEX "PK_local_households" ON public.local_households USING btree (household_id)
index CREATE UNIQUE INDEX "PK_local_members" ON public.local_members USING btree (member_id)
index CREATE UNIQUE INDEX "PK_local_organisations" ON public.local_organisations USING btree (organisation_id)
index CREATE UNIQUE INDEX "PK_notices" ON public.notices USING btree (id)
index CREATE UNIQUE INDEX "PK_objections" ON public.objections USING btree (id)
index CREATE UNIQUE INDEX "PK_outbox_messages" ON public.outbox_messages USING btree (id)
index CREATE UNIQUE INDEX "PK_scheme_versions" ON public.scheme_versions USING btree (scheme_id, revision)
index CREATE UNIQUE INDEX "PK_schemes" ON public.schemes USING btree (id)
relation public.__EFMigrationsHistory kind r
relation public.assessment_results kind r
relation public.assessment_subject_names kind v
relation public.audit_entries kind r
relation public.audit_entries_id_seq kind S
relation public.governance_facts kind r
relation public.idempotency_records kind r
relation public.imported_results kind r
relation public.inbox_messages kind r
relation public.ledger_entries kind r
relation public.local_households kind r
relation public.local_members kind r
relation public.local_organisations kind r
relation public.notices kind r
relation public.objections kind r
relation public.outbox_messages kind r
relation public.outbox_messages_id_seq kind S
relation public.scheme_versions kind r
relation public.schemes kind r
schema public
trigger CREATE TRIGGER audit_entries_append_only BEFORE DELETE OR UPDATE ON public.audit_entries FOR EACH ROW EXECUTE FUNCTION lishui_audit_append_only()
trigger CREATE TRIGGER outbox_messages_notify AFTER INSERT ON public.outbox_messages FOR EACH STATEMENT EXECUTE FUNCTION lishui_outbox_notify()
view public.assessment_subject_names  SELECT local_members.member_id AS subject_id,
    (local_members.name)::text AS name
   FROM local_members
UNION ALL
 SELECT local_households.household_id AS subject_id,
    (local_households.head_name)::text AS name
   FROM local_households
UNION ALL
 SELECT local_organisations.organisation_id AS subject_id,
    (COALESCE(local_organisations.economic_cooperative, local_organisations.name))::text AS name
   FROM local_organisations;
