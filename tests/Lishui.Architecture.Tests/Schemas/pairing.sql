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
column public.contact_logs.channel character varying(20) not null
column public.contact_logs.contacted_on date not null
column public.contact_logs.id uuid not null
column public.contact_logs.logged_at timestamp with time zone not null
column public.contact_logs.member_pair_id uuid not null
column public.contact_logs.summary character varying(1000) not null
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
column public.member_pairs.ended_on date
column public.member_pairs.id uuid not null
column public.member_pairs.last_contacted_on date
column public.member_pairs.organ_member_id uuid not null
column public.member_pairs.overdue_notified_for date
column public.member_pairs.pairing_id uuid not null
column public.member_pairs.pinned boolean not null
column public.member_pairs.since date not null
column public.member_pairs.version bigint not null
column public.member_pairs.village_member_id uuid not null
column public.organisation_pairings.contact_every_days integer not null
column public.organisation_pairings.created_at timestamp with time zone not null
column public.organisation_pairings.ended_at timestamp with time zone
column public.organisation_pairings.ends_on date
column public.organisation_pairings.id uuid not null
column public.organisation_pairings.list_revision integer not null
column public.organisation_pairings.organ_branch_id uuid not null
column public.organisation_pairings.purpose character varying(500) not null
column public.organisation_pairings.starts_on date not null
column public.organisation_pairings.study_duration_minutes integer
column public.organisation_pairings.study_from date
column public.organisation_pairings.study_place character varying(200)
column public.organisation_pairings.study_time time without time zone
column public.organisation_pairings.version bigint not null
column public.organisation_pairings.village_committee_id uuid not null
column public.outbox_messages.aggregate_id uuid not null
column public.outbox_messages.attempts integer not null
column public.outbox_messages.created_at timestamp with time zone not null
column public.outbox_messages.event_id uuid not null
column public.outbox_messages.id bigint not null identity a
column public.outbox_messages.last_error text
column public.outbox_messages.message_urn character varying(200) not null
column public.outbox_messages.payload jsonb not null
column public.outbox_messages.trace_parent character varying(100)
column public.pairing_pins.organ_member_id uuid not null
column public.pairing_pins.pairing_id uuid not null
column public.pairing_pins.village_member_id uuid not null
column public.party_mass_discussion_attendance.discussion_id uuid not null
column public.party_mass_discussion_attendance.member_id uuid not null
column public.party_mass_discussion_attendance.reason character varying(200)
column public.party_mass_discussion_attendance.status character varying(20) not null
column public.party_mass_discussions.group_id uuid not null
column public.party_mass_discussions.held_on date not null
column public.party_mass_discussions.id uuid not null
column public.party_mass_discussions.minutes character varying(4000) not null
column public.party_mass_discussions.month date not null
column public.party_mass_discussions.place character varying(200) not null
column public.party_mass_discussions.recorded_at timestamp with time zone not null
column public.party_mass_discussions.service_position_id uuid
column public.party_mass_discussions.topic character varying(200) not null
column public.party_mass_discussions.version bigint not null
column public.resident_contact_reads.contact_held boolean not null
column public.resident_contact_reads.id uuid not null
column public.resident_contact_reads.purpose character varying(200) not null
column public.resident_contact_reads.read_at timestamp with time zone not null
column public.resident_contact_reads.request_id uuid not null
column public.resident_contact_reads.requested_by character varying(100) not null
column public.resident_request_contacts.name character varying(50)
column public.resident_request_contacts.phone character varying(20) not null
column public.resident_request_contacts.request_id uuid not null
column public.resident_request_counters.last_number integer not null
column public.resident_request_counters.year integer not null
column public.resident_requests.category character varying(30) not null
column public.resident_requests.contact_held boolean not null
column public.resident_requests.id uuid not null
column public.resident_requests.location character varying(200) not null
column public.resident_requests.number integer not null
column public.resident_requests.raised_by_household_id uuid
column public.resident_requests.raised_by_name character varying(50)
column public.resident_requests.raised_on date not null
column public.resident_requests.recorded_at timestamp with time zone not null
column public.resident_requests.recorded_by character varying(100) not null
column public.resident_requests.reference_number character varying(20) not null
column public.resident_requests.stationed_leader_member_id uuid not null
column public.resident_requests.stationing_visit_id uuid not null
column public.resident_requests.subject character varying(500) not null
column public.resident_requests.version bigint not null
column public.resident_requests.village_committee_id uuid not null
column public.resident_requests.year integer not null
column public.scheduled_study_sessions.change_reason character varying(200)
column public.scheduled_study_sessions.changed_at timestamp with time zone
column public.scheduled_study_sessions.changed_by character varying(100)
column public.scheduled_study_sessions.ends_at timestamp with time zone not null
column public.scheduled_study_sessions.evening_reminder_sent_at timestamp with time zone
column public.scheduled_study_sessions.held_session_id uuid
column public.scheduled_study_sessions.hour_reminder_sent_at timestamp with time zone
column public.scheduled_study_sessions.id uuid not null
column public.scheduled_study_sessions.moved boolean not null
column public.scheduled_study_sessions.on_date date not null
column public.scheduled_study_sessions.pairing_id uuid not null
column public.scheduled_study_sessions.place character varying(200) not null
column public.scheduled_study_sessions.skipped boolean not null
column public.scheduled_study_sessions.starts_at timestamp with time zone not null
column public.scheduled_study_sessions.topic character varying(200)
column public.scheduled_study_sessions.version bigint not null
column public.scheduled_study_sessions.week_of date not null
column public.service_positions.address character varying(200) not null
column public.service_positions.created_at timestamp with time zone not null
column public.service_positions.description character varying(1000)
column public.service_positions.id uuid not null
column public.service_positions.kind character varying(30) not null
column public.service_positions.name character varying(100) not null
column public.service_positions.organisation_id uuid not null
column public.service_positions.removed_at timestamp with time zone
column public.service_positions.updated_at timestamp with time zone not null
column public.service_positions.version bigint not null
column public.stationing_schedules.created_at timestamp with time zone not null
column public.stationing_schedules.created_by character varying(100) not null
column public.stationing_schedules.end_time time without time zone not null
column public.stationing_schedules.ends_on date
column public.stationing_schedules.id uuid not null
column public.stationing_schedules.leader_member_id uuid not null
column public.stationing_schedules.place character varying(200) not null
column public.stationing_schedules.service_position_id uuid
column public.stationing_schedules.start_time time without time zone not null
column public.stationing_schedules.starts_on date not null
column public.stationing_schedules.village_committee_id uuid not null
column public.stationing_visits.ends_at timestamp with time zone not null
column public.stationing_visits.evening_reminder_sent_at timestamp with time zone
column public.stationing_visits.held_on date
column public.stationing_visits.hour_reminder_sent_at timestamp with time zone
column public.stationing_visits.id uuid not null
column public.stationing_visits.leader_member_id uuid not null
column public.stationing_visits.notes character varying(2000)
column public.stationing_visits.on_date date not null
column public.stationing_visits.place character varying(200) not null
column public.stationing_visits.recorded_at timestamp with time zone
column public.stationing_visits.recorded_by character varying(100)
column public.stationing_visits.schedule_id uuid not null
column public.stationing_visits.service_position_id uuid
column public.stationing_visits.starts_at timestamp with time zone not null
column public.stationing_visits.version bigint not null
column public.stationing_visits.village_committee_id uuid not null
column public.study_attendance.member_id uuid not null
column public.study_attendance.reason character varying(200)
column public.study_attendance.session_id uuid not null
column public.study_attendance.status character varying(20) not null
column public.study_sessions.held_on date not null
column public.study_sessions.id uuid not null
column public.study_sessions.material character varying(2000)
column public.study_sessions.moved_reason character varying(200)
column public.study_sessions.notes character varying(2000)
column public.study_sessions.pairing_id uuid not null
column public.study_sessions.recorded_at timestamp with time zone not null
column public.study_sessions.service_position_id uuid
column public.study_sessions.topic character varying(200) not null
column public.study_sessions.version bigint not null
constraint public.__EFMigrationsHistory PK___EFMigrationsHistory PRIMARY KEY ("MigrationId")
constraint public.audit_entries PK_audit_entries PRIMARY KEY (id)
constraint public.contact_logs PK_contact_logs PRIMARY KEY (id)
constraint public.idempotency_records PK_idempotency_records PRIMARY KEY (scope, key)
constraint public.inbox_messages PK_inbox_messages PRIMARY KEY (message_id, consumer)
constraint public.local_members PK_local_members PRIMARY KEY (member_id)
constraint public.local_organisations PK_local_organisations PRIMARY KEY (organisation_id)
constraint public.member_pairs PK_member_pairs PRIMARY KEY (id)
constraint public.organisation_pairings PK_organisation_pairings PRIMARY KEY (id)
constraint public.organisation_pairings ex_organisation_pairings_no_overlap EXCLUDE USING gist (organ_branch_id WITH =, village_committee_id WITH =, daterange(starts_on, ends_on, '[]'::text) WITH &&)
constraint public.outbox_messages PK_outbox_messages PRIMARY KEY (id)
constraint public.pairing_pins PK_pairing_pins PRIMARY KEY (pairing_id, village_member_id)
constraint public.party_mass_discussion_attendance PK_party_mass_discussion_attendance PRIMARY KEY (discussion_id, member_id)
constraint public.party_mass_discussions PK_party_mass_discussions PRIMARY KEY (id)
constraint public.resident_contact_reads PK_resident_contact_reads PRIMARY KEY (id)
constraint public.resident_request_contacts FK_resident_request_contacts_resident_requests_request_id FOREIGN KEY (request_id) REFERENCES resident_requests(id) ON DELETE CASCADE
constraint public.resident_request_contacts PK_resident_request_contacts PRIMARY KEY (request_id)
constraint public.resident_request_counters PK_resident_request_counters PRIMARY KEY (year)
constraint public.resident_requests PK_resident_requests PRIMARY KEY (id)
constraint public.scheduled_study_sessions PK_scheduled_study_sessions PRIMARY KEY (id)
constraint public.service_positions PK_service_positions PRIMARY KEY (id)
constraint public.stationing_schedules PK_stationing_schedules PRIMARY KEY (id)
constraint public.stationing_visits PK_stationing_visits PRIMARY KEY (id)
constraint public.study_attendance PK_study_attendance PRIMARY KEY (session_id, member_id)
constraint public.study_sessions PK_study_sessions PRIMARY KEY (id)
extension btree_gist
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
index CREATE INDEX "IX_audit_entries_actor" ON public.audit_entries USING btree (actor)
index CREATE INDEX "IX_audit_entries_occurred_at" ON public.audit_entries USING btree (occurred_at)
index CREATE INDEX "IX_contact_logs_member_pair_id_contacted_on" ON public.contact_logs USING btree (member_pair_id, contacted_on)
index CREATE INDEX "IX_local_members_organisation_id" ON public.local_members USING btree (organisation_id)
index CREATE INDEX "IX_local_organisations_parent_id" ON public.local_organisations USING btree (parent_id)
index CREATE INDEX "IX_member_pairs_organ_member_id" ON public.member_pairs USING btree (organ_member_id)
index CREATE INDEX "IX_member_pairs_pairing_id_ended_on" ON public.member_pairs USING btree (pairing_id, ended_on)
index CREATE INDEX "IX_member_pairs_village_member_id" ON public.member_pairs USING btree (village_member_id)
index CREATE INDEX "IX_organisation_pairings_organ_branch_id_village_committee_id" ON public.organisation_pairings USING btree (organ_branch_id, village_committee_id)
index CREATE INDEX "IX_organisation_pairings_village_committee_id" ON public.organisation_pairings USING btree (village_committee_id)
index CREATE INDEX "IX_party_mass_discussion_attendance_member_id" ON public.party_mass_discussion_attendance USING btree (member_id)
index CREATE INDEX "IX_resident_contact_reads_request_id_read_at" ON public.resident_contact_reads USING btree (request_id, read_at)
index CREATE INDEX "IX_resident_requests_stationing_visit_id" ON public.resident_requests USING btree (stationing_visit_id)
index CREATE INDEX "IX_resident_requests_village_committee_id_raised_on" ON public.resident_requests USING btree (village_committee_id, raised_on)
index CREATE INDEX "IX_scheduled_study_sessions_on_date" ON public.scheduled_study_sessions USING btree (on_date)
index CREATE INDEX "IX_scheduled_study_sessions_starts_at" ON public.scheduled_study_sessions USING btree (starts_at)
index CREATE INDEX "IX_service_positions_organisation_id" ON public.service_positions USING btree (organisation_id)
index CREATE INDEX "IX_stationing_schedules_leader_member_id" ON public.stationing_schedules USING btree (leader_member_id)
index CREATE INDEX "IX_stationing_schedules_village_committee_id" ON public.stationing_schedules USING btree (village_committee_id)
index CREATE INDEX "IX_stationing_visits_on_date" ON public.stationing_visits USING btree (on_date)
index CREATE INDEX "IX_stationing_visits_starts_at" ON public.stationing_visits USING btree (starts_at)
index CREATE INDEX "IX_study_attendance_member_id" ON public.study_attendance USING btree (member_id)
index CREATE INDEX ex_organisation_pairings_no_overlap ON public.organisation_pairings USING gist (organ_branch_id, village_committee_id, daterange(starts_on, ends_on, '[]'::text))
index CREATE UNIQUE INDEX "IX_outbox_messages_event_id" ON public.outbox_messages USING btree (event_id)
index CREATE UNIQUE INDEX "IX_party_mass_discussions_group_id_month" ON public.party_mass_discussions USING btree (group_id, month)
index CREATE UNIQUE INDEX "IX_resident_requests_reference_number" ON public.resident_requests USING btree (reference_number)
index CREATE UNIQUE INDEX "IX_resident_requests_year_number" ON public.resident_requests USING btree (year, number)
index CREATE UNIQUE INDEX "IX_scheduled_study_sessions_pairing_id_week_of" ON public.scheduled_study_sessions USING btree (pairing_id, week_of)
index CREATE UNIQUE INDEX "IX_service_positions_organisation_id_name" ON public.service_positions USING btree (organisation_id, name) WHERE (removed_at IS NULL)
index CREATE UNIQUE INDEX "IX_stationing_visits_schedule_id_on_date" ON public.stationing_visits USING btree (schedule_id, on_date)
index CREATE UNIQUE INDEX "IX_study_sessions_pairing_id_held_on" ON public.study_sessions USING btree (pairing_id, held_on)
index CREATE UNIQUE INDEX "PK___EFMigrationsHistory" ON public."__EFMigrationsHistory" USING btree ("MigrationId")
index CREATE UNIQUE INDEX "PK_audit_entries" ON public.audit_entries USING btree (id)
index CREATE UNIQUE INDEX "PK_contact_logs" ON public.contact_logs USING btree (id)
index CREATE UNIQUE INDEX "PK_idempotency_records" ON public.idempotency_records USING btree (scope, key)
index CREATE UNIQUE INDEX "PK_inbox_messages" ON public.inbox_messages USING btree (message_id, consumer)
index CREATE UNIQUE INDEX "PK_local_members" ON public.local_members USING btree (member_id)
index CREATE UNIQUE INDEX "PK_local_organisations" ON public.local_organisations USING btree (organisation_id)
index CREATE UNIQUE INDEX "PK_member_pairs" ON public.member_pairs USING btree (id)
index CREATE UNIQUE INDEX "PK_organisation_pairings" ON public.organisation_pairings USING btree (id)
index CREATE UNIQUE INDEX "PK_outbox_messages" ON public.outbox_messages USING btree (id)
index CREATE UNIQUE INDEX "PK_pairing_pins" ON public.pairing_pins USING btree (pairing_id, village_member_id)
index CREATE UNIQUE INDEX "PK_party_mass_discussion_attendance" ON public.party_mass_discussion_attendance USING btree (discussion_id, member_id)
index CREATE UNIQUE INDEX "PK_party_mass_discussions" ON public.party_mass_discussions USING btree (id)
index CREATE UNIQUE INDEX "PK_resident_contact_reads" ON public.resident_contact_reads USING btree (id)
index CREATE UNIQUE INDEX "PK_resident_request_contacts" ON public.resident_request_contacts USING btree (request_id)
index CREATE UNIQUE INDEX "PK_resident_request_counters" ON public.resident_request_counters USING btree (year)
index CREATE UNIQUE INDEX "PK_resident_requests" ON public.resident_requests USING btree (id)
index CREATE UNIQUE INDEX "PK_scheduled_study_sessions" ON public.scheduled_study_sessions USING btree (id)
index CREATE UNIQUE INDEX "PK_service_positions" ON public.service_positions USING btree (id)
index CREATE UNIQUE INDEX "PK_stationing_schedules" ON public.stationing_schedules USING btree (id)
index CREATE UNIQUE INDEX "PK_stationing_visits" ON public.stationing_visits USING btree (id)
index CREATE UNIQUE INDEX "PK_study_attendance" ON public.study_attendance USING btree (session_id, member_id)
index CREATE UNIQUE INDEX "PK_study_sessions" ON public.study_sessions USING btree (id)
relation public.__EFMigrationsHistory kind r
relation public.audit_entries kind r
relation public.audit_entries_id_seq kind S
relation public.contact_logs kind r
relation public.idempotency_records kind r
relation public.inbox_messages kind r
relation public.local_members kind r
relation public.local_organisations kind r
relation public.member_pairs kind r
relation public.organisation_pairings kind r
relation public.outbox_messages kind r
relation public.outbox_messages_id_seq kind S
relation public.pairing_pins kind r
relation public.party_mass_discussion_attendance kind r
relation public.party_mass_discussions kind r
relation public.resident_contact_reads kind r
relation public.resident_request_contacts kind r
relation public.resident_request_counters kind r
relation public.resident_requests kind r
relation public.scheduled_study_sessions kind r
relation public.service_positions kind r
relation public.stationing_schedules kind r
relation public.stationing_visits kind r
relation public.study_attendance kind r
relation public.study_sessions kind r
schema public
trigger CREATE TRIGGER audit_entries_append_only BEFORE DELETE OR UPDATE ON public.audit_entries FOR EACH ROW EXECUTE FUNCTION lishui_audit_append_only()
trigger CREATE TRIGGER outbox_messages_notify AFTER INSERT ON public.outbox_messages FOR EACH STATEMENT EXECUTE FUNCTION lishui_outbox_notify()
