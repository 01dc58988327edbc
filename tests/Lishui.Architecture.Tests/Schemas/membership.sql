column public.__EFMigrationsHistory.MigrationId character varying(150) not null
column public.__EFMigrationsHistory.ProductVersion character varying(32) not null
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
column public.commendations.commended_at timestamp with time zone not null
column public.commendations.id uuid not null
column public.commendations.member_id uuid not null
column public.commendations.notice_id uuid not null
column public.commendations.organisation_id uuid not null
column public.commendations.recorded_at timestamp with time zone not null
column public.commendations.scheme_id uuid not null
column public.commendations.source_event_id uuid not null
column public.commendations.year integer not null
column public.households.address character varying(200) not null
column public.households.economic_cooperative character varying(100) not null
column public.households.head_name character varying(50) not null
column public.households.id uuid not null
column public.households.members_count integer not null
column public.households.organisation_id uuid not null
column public.households.registered_at timestamp with time zone not null
column public.households.version bigint not null
column public.idempotency_records.created_at timestamp with time zone not null
column public.idempotency_records.key character varying(200) not null
column public.idempotency_records.location character varying(500)
column public.idempotency_records.request_hash character varying(64) not null
column public.idempotency_records.response_body jsonb not null
column public.idempotency_records.scope character varying(100) not null
column public.idempotency_records.status_code integer not null
column public.inbox_messages.consumer character varying(200) not null
column public.inbox_messages.message_id uuid not null
column public.inbox_messages.processed_at timestamp with time zone not null
column public.member_details_changes.changed_by character varying(100) not null
column public.member_details_changes.changed_fields text[] not null
column public.member_details_changes.id uuid not null
column public.member_details_changes.member_id uuid not null
column public.member_details_changes.recorded_at timestamp with time zone not null
column public.member_imports.created_at timestamp with time zone not null
column public.member_imports.encoding character varying(20) not null
column public.member_imports.error_count integer not null
column public.member_imports.errors jsonb not null
column public.member_imports.finished_at timestamp with time zone
column public.member_imports.heartbeat_at timestamp with time zone
column public.member_imports.id uuid not null
column public.member_imports.imported integer not null
column public.member_imports.mode character varying(20) not null
column public.member_imports.organisation_id uuid
column public.member_imports.payload_cipher bytea
column public.member_imports.requested_by character varying(100)
column public.member_imports.rows_processed integer not null
column public.member_imports.rows_total integer not null
column public.member_imports.started_at timestamp with time zone
column public.member_imports.status character varying(20) not null
column public.member_roles.assigned_by character varying(100) not null
column public.member_roles.assigned_on date not null
column public.member_roles.id uuid not null
column public.member_roles.member_id uuid not null
column public.member_roles.organisation_id uuid not null
column public.member_roles.recorded_at timestamp with time zone not null
column public.member_roles.revoked_by character varying(100)
column public.member_roles.revoked_on date
column public.member_roles.role character varying(30) not null
column public.member_status_changes.decided_by character varying(100) not null
column public.member_status_changes.effective_on date not null
column public.member_status_changes.from_status character varying(30) not null
column public.member_status_changes.id uuid not null
column public.member_status_changes.member_id uuid not null
column public.member_status_changes.reason character varying(500) not null
column public.member_status_changes.recorded_at timestamp with time zone not null
column public.member_status_changes.to_status character varying(30) not null
column public.member_transfers.decided_by character varying(100)
column public.member_transfers.effective_on date not null
column public.member_transfers.from_organisation_id uuid not null
column public.member_transfers.id uuid not null
column public.member_transfers.member_id uuid not null
column public.member_transfers.reason character varying(500) not null
column public.member_transfers.recorded_at timestamp with time zone not null
column public.member_transfers.to_organisation_id uuid not null
column public.members.birth_date date not null
column public.members.email_cipher bytea
column public.members.full_member_on date
column public.members.gender character varying(10) not null
column public.members.id uuid not null
column public.members.id_number_cipher bytea
column public.members.id_number_hash bytea
column public.members.joined_on date not null
column public.members.name character varying(50) not null
column public.members.organisation_id uuid not null
column public.members.organisation_since date not null default '-infinity'::date
column public.members.phone_cipher bytea
column public.members.registered_at timestamp with time zone not null
column public.members.status character varying(30) not null
column public.members.status_since date not null default '-infinity'::date
column public.members.version bigint not null
column public.organisational_talks.due_on date not null
column public.organisational_talks.held_on date
column public.organisational_talks.id uuid not null
column public.organisational_talks.member_id uuid not null
column public.organisational_talks.notice_id uuid not null
column public.organisational_talks.opened_at timestamp with time zone not null
column public.organisational_talks.opened_on date not null
column public.organisational_talks.organisation_id uuid not null
column public.organisational_talks.outcome character varying(1000)
column public.organisational_talks.recorded_at timestamp with time zone
column public.organisational_talks.recorded_by character varying(200)
column public.organisational_talks.reminder_sent_at timestamp with time zone
column public.organisational_talks.scheme_id uuid not null
column public.organisational_talks.source_event_id uuid not null
column public.organisational_talks.status character varying(20) not null
column public.organisational_talks.talked_by character varying(200)
column public.organisational_talks.version bigint not null
column public.organisational_talks.year integer not null
column public.organisations.closed_at timestamp with time zone
column public.organisations.created_at timestamp with time zone not null
column public.organisations.economic_cooperative character varying(100)
column public.organisations.id uuid not null
column public.organisations.kind character varying(30) not null
column public.organisations.name character varying(100) not null
column public.organisations.parent_id uuid
column public.organisations.path character varying(1000) not null collate C
column public.organisations.sector character varying(30)
column public.organisations.version bigint not null
column public.outbox_messages.aggregate_id uuid not null
column public.outbox_messages.attempts integer not null
column public.outbox_messages.created_at timestamp with time zone not null
column public.outbox_messages.event_id uuid not null
column public.outbox_messages.id bigint not null identity a
column public.outbox_messages.last_error text
column public.outbox_messages.message_urn character varying(200) not null
column public.outbox_messages.payload jsonb not null
column public.outbox_messages.trace_parent character varying(100)
column public.personal_data_access_log.accessed_at timestamp with time zone not null
column public.personal_data_access_log.fields text[] not null
column public.personal_data_access_log.id uuid not null
column public.personal_data_access_log.member_id uuid not null
column public.personal_data_access_log.purpose character varying(200) not null
column public.personal_data_access_log.requested_by character varying(100) not null
column public.withdrawal_advice_cases.decided_at timestamp with time zone
column public.withdrawal_advice_cases.decided_by character varying(100)
column public.withdrawal_advice_cases.decided_on date
column public.withdrawal_advice_cases.decision character varying(30)
column public.withdrawal_advice_cases.id uuid not null
column public.withdrawal_advice_cases.member_id uuid not null
column public.withdrawal_advice_cases.opened_at timestamp with time zone not null
column public.withdrawal_advice_cases.opened_on date not null
column public.withdrawal_advice_cases.organisation_id uuid not null
column public.withdrawal_advice_cases.party_committee_id uuid not null
column public.withdrawal_advice_cases.reason character varying(500)
column public.withdrawal_advice_cases.scheme_id uuid not null
column public.withdrawal_advice_cases.source_event_id uuid not null
column public.withdrawal_advice_cases.status character varying(20) not null
column public.withdrawal_advice_cases.unqualified_years integer[] not null
column public.withdrawal_advice_cases.version bigint not null
column public.withdrawal_advice_cases.year integer not null
constraint public.__EFMigrationsHistory PK___EFMigrationsHistory PRIMARY KEY ("MigrationId")
constraint public.audit_entries PK_audit_entries PRIMARY KEY (id)
constraint public.commendations FK_commendations_members_member_id FOREIGN KEY (member_id) REFERENCES members(id) ON DELETE RESTRICT
constraint public.commendations PK_commendations PRIMARY KEY (id)
constraint public.households PK_households PRIMARY KEY (id)
constraint public.idempotency_records PK_idempotency_records PRIMARY KEY (scope, key)
constraint public.inbox_messages PK_inbox_messages PRIMARY KEY (message_id, consumer)
constraint public.member_details_changes FK_member_details_changes_members_member_id FOREIGN KEY (member_id) REFERENCES members(id) ON DELETE RESTRICT
constraint public.member_details_changes PK_member_details_changes PRIMARY KEY (id)
constraint public.member_imports PK_member_imports PRIMARY KEY (id)
constraint public.member_roles FK_member_roles_members_member_id FOREIGN KEY (member_id) REFERENCES members(id) ON DELETE RESTRICT
constraint public.member_roles PK_member_roles PRIMARY KEY (id)
constraint public.member_status_changes FK_member_status_changes_members_member_id FOREIGN KEY (member_id) REFERENCES members(id) ON DELETE RESTRICT
constraint public.member_status_changes PK_member_status_changes PRIMARY KEY (id)
constraint public.member_transfers FK_member_transfers_members_member_id FOREIGN KEY (member_id) REFERENCES members(id) ON DELETE RESTRICT
constraint public.member_transfers PK_member_transfers PRIMARY KEY (id)
constraint public.members PK_members PRIMARY KEY (id)
constraint public.organisational_talks FK_organisational_talks_members_member_id FOREIGN KEY (member_id) REFERENCES members(id) ON DELETE RESTRICT
constraint public.organisational_talks PK_organisational_talks PRIMARY KEY (id)
constraint public.organisations PK_organisations PRIMARY KEY (id)
constraint public.outbox_messages PK_outbox_messages PRIMARY KEY (id)
constraint public.personal_data_access_log PK_personal_data_access_log PRIMARY KEY (id)
constraint public.withdrawal_advice_cases FK_withdrawal_advice_cases_members_member_id FOREIGN KEY (member_id) REFERENCES members(id) ON DELETE RESTRICT
constraint public.withdrawal_advice_cases PK_withdrawal_advice_cases PRIMARY KEY (id)
extension plpgsql
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
function CREATE OR REPLACE FUNCTION public.personal_data_access_log_append_only()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  RAISE EXCEPTION 'personal_data_access_log is append-only (%)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $function$
index CREATE INDEX "IX_audit_entries_actor" ON public.audit_entries USING btree (actor)
index CREATE INDEX "IX_audit_entries_occurred_at" ON public.audit_entries USING btree (occurred_at)
index CREATE INDEX "IX_commendations_organisation_id_year" ON public.commendations USING btree (organisation_id, year)
index CREATE INDEX "IX_households_organisation_id" ON public.households USING btree (organisation_id)
index CREATE INDEX "IX_member_details_changes_member_id_recorded_at" ON public.member_details_changes USING btree (member_id, recorded_at)
index CREATE INDEX "IX_member_imports_status_created_at" ON public.member_imports USING btree (status, created_at)
index CREATE INDEX "IX_member_status_changes_member_id_recorded_at" ON public.member_status_changes USING btree (member_id, recorded_at)
index CREATE INDEX "IX_member_transfers_member_id_recorded_at" ON public.member_transfers USING btree (member_id, recorded_at)
index CREATE INDEX "IX_members_organisation_id" ON public.members USING btree (organisation_id)
index CREATE INDEX "IX_members_status" ON public.members USING btree (status)
index CREATE INDEX "IX_organisational_talks_organisation_id" ON public.organisational_talks USING btree (organisation_id)
index CREATE INDEX "IX_organisational_talks_status_due_on" ON public.organisational_talks USING btree (status, due_on)
index CREATE INDEX "IX_organisations_parent_id" ON public.organisations USING btree (parent_id)
index CREATE INDEX "IX_organisations_path" ON public.organisations USING btree (path)
index CREATE INDEX "IX_organisations_sector_kind" ON public.organisations USING btree (sector, kind)
index CREATE INDEX "IX_personal_data_access_log_accessed_at" ON public.personal_data_access_log USING btree (accessed_at)
index CREATE INDEX "IX_personal_data_access_log_member_id_accessed_at" ON public.personal_data_access_log USING btree (member_id, accessed_at)
index CREATE INDEX "IX_personal_data_access_log_requested_by_accessed_at" ON public.personal_data_access_log USING btree (requested_by, accessed_at)
index CREATE INDEX "IX_withdrawal_advice_cases_party_committee_id" ON public.withdrawal_advice_cases USING btree (party_committee_id)
index CREATE INDEX "IX_withdrawal_advice_cases_status_opened_at" ON public.withdrawal_advice_cases USING btree (status, opened_at)
index CREATE UNIQUE INDEX "IX_commendations_member_id_year" ON public.commendations USING btree (member_id, year)
index CREATE UNIQUE INDEX "IX_organisational_talks_member_id_year" ON public.organisational_talks USING btree (member_id, year)
index CREATE UNIQUE INDEX "IX_outbox_messages_event_id" ON public.outbox_messages USING btree (event_id)
index CREATE UNIQUE INDEX "IX_withdrawal_advice_cases_member_id_year" ON public.withdrawal_advice_cases USING btree (member_id, year)
index CREATE UNIQUE INDEX "PK___EFMigrationsHistory" ON public."__EFMigrationsHistory" USING btree ("MigrationId")
index CREATE UNIQUE INDEX "PK_audit_entries" ON public.audit_entries USING btree (id)
index CREATE UNIQUE INDEX "PK_commendations" ON public.commendations USING btree (id)
index CREATE UNIQUE INDEX "PK_households" ON public.households USING btree (id)
index CREATE UNIQUE INDEX "PK_idempotency_records" ON public.idempotency_records USING btree (scope, key)
index CREATE UNIQUE INDEX "PK_inbox_messages" ON public.inbox_messages USING btree (message_id, consumer)
index CREATE UNIQUE INDEX "PK_member_details_changes" ON public.member_details_changes USING btree (id)
index CREATE UNIQUE INDEX "PK_member_imports" ON public.member_imports USING btree (id)
index CREATE UNIQUE INDEX "PK_member_roles" ON public.member_roles USING btree (id)
index CREATE UNIQUE INDEX "PK_member_status_changes" ON public.member_status_changes USING btree (id)
index CREATE UNIQUE INDEX "PK_member_transfers" ON public.member_transfers USING btree (id)
index CREATE UNIQUE INDEX "PK_members" ON public.members USING btree (id)
index CREATE UNIQUE INDEX "PK_organisational_talks" ON public.organisational_talks USING btree (id)
index CREATE UNIQUE INDEX "PK_organisations" ON public.organisations USING btree (id)
index CREATE UNIQUE INDEX "PK_outbox_messages" ON public.outbox_messages USING btree (id)
index CREATE UNIQUE INDEX "PK_personal_data_access_log" ON public.personal_data_access_log USING btree (id)
index CREATE UNIQUE INDEX "PK_withdrawal_advice_cases" ON public.withdrawal_advice_cases USING btree (id)
index CREATE UNIQUE INDEX ix_member_roles_active ON public.member_roles USING btree (member_id, role) WHERE (revoked_on IS NULL)
index CREATE UNIQUE INDEX ix_member_roles_one_secretary ON public.member_roles USING btree (organisation_id) WHERE (((role)::text = 'Secretary'::text) AND (revoked_on IS NULL))
index CREATE UNIQUE INDEX ix_members_id_number_hash ON public.members USING btree (id_number_hash)
relation public.__EFMigrationsHistory kind r
relation public.audit_entries kind r
relation public.audit_entries_id_seq kind S
relation public.commendations kind r
relation public.households kind r
relation public.idempotency_records kind r
relation public.inbox_messages kind r
relation public.member_details_changes kind r
relation public.member_imports kind r
relation public.member_roles kind r
relation public.member_status_changes kind r
relation public.member_transfers kind r
relation public.members kind r
relation public.organisational_talks kind r
relation public.organisations kind r
relation public.outbox_messages kind r
relation public.outbox_messages_id_seq kind S
relation public.personal_data_access_log kind r
relation public.withdrawal_advice_cases kind r
schema public
trigger CREATE TRIGGER audit_entries_append_only BEFORE DELETE OR UPDATE ON public.audit_entries FOR EACH ROW EXECUTE FUNCTION lishui_audit_append_only()
trigger CREATE TRIGGER outbox_messages_notify AFTER INSERT ON public.outbox_messages FOR EACH STATEMENT EXECUTE FUNCTION lishui_outbox_notify()
trigger CREATE TRIGGER personal_data_access_log_append_only BEFORE DELETE OR UPDATE ON public.personal_data_access_log FOR EACH ROW EXECUTE FUNCTION personal_data_access_log_append_only()
trigger CREATE TRIGGER personal_data_access_log_no_truncate BEFORE TRUNCATE ON public.personal_data_access_log FOR EACH STATEMENT EXECUTE FUNCTION personal_data_access_log_append_only()
