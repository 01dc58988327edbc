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
column public.contact_access_log.at timestamp with time zone not null
column public.contact_access_log.id bigint not null identity a
column public.contact_access_log.purpose character varying(200) not null
column public.contact_access_log.request_id uuid not null
column public.contact_access_log.requested_by character varying(100) not null
column public.echo_answers.answered_at timestamp with time zone not null
column public.echo_answers.answered_by character varying(100) not null
column public.echo_answers.id uuid not null
column public.echo_answers.post_id uuid not null
column public.echo_answers.text character varying(2000) not null
column public.echo_moderation.at timestamp with time zone not null
column public.echo_moderation.hidden boolean not null
column public.echo_moderation.id integer not null identity d
column public.echo_moderation.moderated_by character varying(100) not null
column public.echo_moderation.post_id uuid not null
column public.echo_moderation.reason character varying(500) not null
column public.echo_posts.display_name character varying(50)
column public.echo_posts.hidden boolean not null
column public.echo_posts.id uuid not null
column public.echo_posts.linked_project_id uuid
column public.echo_posts.linked_request_id uuid
column public.echo_posts.organisation_id uuid
column public.echo_posts.posted_at timestamp with time zone not null
column public.echo_posts.text character varying(500) not null
column public.echo_posts.version bigint not null
column public.household_positions.collection_id uuid not null
column public.household_positions.household_id uuid not null
column public.household_positions.id integer not null identity d
column public.household_positions.position character varying(20) not null
column public.household_positions.recorded_at timestamp with time zone
column public.household_positions.revision integer not null
column public.household_positions.signature_confirmed boolean not null default false
column public.household_positions.signature_image_id uuid
column public.household_positions.signature_reference character varying(100)
column public.household_positions.signed_name character varying(50)
column public.household_positions.visited_by uuid not null
column public.household_positions.visited_on date not null
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
column public.opinion_collections.affected_households integer not null
column public.opinion_collections.completed_at timestamp with time zone
column public.opinion_collections.economic_cooperative character varying(100) not null
column public.opinion_collections.id uuid not null
column public.opinion_collections.organisation_id uuid not null
column public.opinion_collections.passed boolean
column public.opinion_collections.project_id uuid
column public.opinion_collections.subject character varying(200) not null
column public.opinion_collections.threshold_percent integer not null
column public.opinion_collections.version bigint not null
column public.outbox_messages.aggregate_id uuid not null
column public.outbox_messages.attempts integer not null
column public.outbox_messages.created_at timestamp with time zone not null
column public.outbox_messages.event_id uuid not null
column public.outbox_messages.id bigint not null identity a
column public.outbox_messages.last_error text
column public.outbox_messages.message_urn character varying(200) not null
column public.outbox_messages.payload jsonb not null
column public.outbox_messages.trace_parent character varying(100)
column public.project_batches.created_at timestamp with time zone not null
column public.project_batches.id uuid not null
column public.project_batches.name character varying(100) not null
column public.project_batches.number integer not null
column public.project_batches.year integer not null
column public.project_grants.amount numeric(14,2) not null
column public.project_grants.funding_source character varying(100) not null
column public.project_grants.granted_by character varying(100) not null
column public.project_grants.granted_on date not null
column public.project_grants.id uuid not null
column public.project_grants.override_reason character varying(500)
column public.project_grants.project_id uuid not null
column public.project_grants.recorded_at timestamp with time zone not null
column public.project_milestones.id uuid not null
column public.project_milestones.name character varying(200) not null
column public.project_milestones.planned_on date not null
column public.project_milestones.project_id uuid not null
column public.project_milestones.reached_on date
column public.project_milestones.recorded_by character varying(100)
column public.project_progress_reports.from_progress integer not null
column public.project_progress_reports.id integer not null identity d
column public.project_progress_reports.project_id uuid not null
column public.project_progress_reports.reason character varying(500)
column public.project_progress_reports.recorded_at timestamp with time zone not null
column public.project_progress_reports.reported_by character varying(100)
column public.project_progress_reports.to_progress integer not null
column public.project_status_changes.decided_by character varying(100) not null
column public.project_status_changes.effective_on date not null
column public.project_status_changes.from_status character varying(20) not null
column public.project_status_changes.id integer not null identity d
column public.project_status_changes.project_id uuid not null
column public.project_status_changes.reason character varying(500)
column public.project_status_changes.recorded_at timestamp with time zone not null
column public.project_status_changes.to_status character varying(20) not null
column public.project_updates.id uuid not null
column public.project_updates.project_id uuid not null
column public.project_updates.published_by character varying(100) not null
column public.project_updates.published_on date not null
column public.project_updates.recorded_at timestamp with time zone not null
column public.project_updates.text character varying(2000) not null
column public.projects.batch character varying(100) not null
column public.projects.budget numeric(14,2) not null
column public.projects.domain character varying(40) not null
column public.projects.funding_source character varying(100) not null
column public.projects.id uuid not null
column public.projects.level character varying(20) not null
column public.projects.location character varying(200) not null
column public.projects.origin_request_ids uuid[] not null default '{}'::uuid[]
column public.projects.overdue_period_reported integer not null default 0
column public.projects.parent_id uuid
column public.projects.planned_end date not null
column public.projects.planned_start date not null
column public.projects.progress integer not null
column public.projects.requires_consultation boolean not null default false
column public.projects.responsible_cadre character varying(100) not null
column public.projects.responsible_cadre_member_id uuid
column public.projects.responsible_organisation_id uuid not null
column public.projects.status character varying(20) not null
column public.projects.suspended_from character varying(20)
column public.projects.title character varying(200) not null
column public.projects.version bigint not null
column public.projects.village character varying(50)
column public.projects.weight integer not null
column public.reference_counters.last integer not null
column public.reference_counters.year integer not null
column public.requester_contacts.echo_post_id uuid
column public.requester_contacts.id uuid not null
column public.requester_contacts.name character varying(50) not null
column public.requester_contacts.phone character varying(30) not null
column public.requester_contacts.recorded_at timestamp with time zone not null
column public.requester_contacts.request_id uuid
column public.resident_request_status_changes.decided_by character varying(100) not null
column public.resident_request_status_changes.from_status character varying(30) not null
column public.resident_request_status_changes.id integer not null identity d
column public.resident_request_status_changes.note character varying(500)
column public.resident_request_status_changes.recorded_at timestamp with time zone not null
column public.resident_request_status_changes.request_id uuid not null
column public.resident_request_status_changes.to_status character varying(30) not null
column public.resident_requests.accepted_on date
column public.resident_requests.answered_on date
column public.resident_requests.category character varying(40) not null
column public.resident_requests.contact_held_by character varying(20)
column public.resident_requests.decided_on date
column public.resident_requests.echo_post_id uuid
column public.resident_requests.id uuid not null
column public.resident_requests.location character varying(200) not null
column public.resident_requests.merged_into uuid
column public.resident_requests.organisation_id uuid not null
column public.resident_requests.origin character varying(20) not null
column public.resident_requests.overdue_period_reported integer not null
column public.resident_requests.pairing_request_id uuid
column public.resident_requests.project_id uuid
column public.resident_requests.raised_by_household_id uuid
column public.resident_requests.received_on date not null
column public.resident_requests.recorded_by character varying(100) not null
column public.resident_requests.reference_number character varying(40) not null
column public.resident_requests.reply character varying(2000)
column public.resident_requests.stationing_visit_id uuid
column public.resident_requests.status character varying(30) not null
column public.resident_requests.subject character varying(500) not null
column public.resident_requests.version bigint not null
column public.satisfaction_ratings.comment character varying(500)
column public.satisfaction_ratings.household_id uuid
column public.satisfaction_ratings.id uuid not null
column public.satisfaction_ratings.project_id uuid not null
column public.satisfaction_ratings.rated_at timestamp with time zone not null
column public.satisfaction_ratings.score integer not null
column public.signature_images.collection_id uuid not null
column public.signature_images.content bytea not null
column public.signature_images.id uuid not null
column public.signature_images.sha256 character varying(64) not null
column public.signature_images.uploaded_at timestamp with time zone not null
column public.signature_images.uploaded_by character varying(100) not null
column public.special_funds.budget numeric(16,2) not null
column public.special_funds.drawn numeric(16,2) not null
column public.special_funds.grants integer not null
column public.special_funds.updated_at timestamp with time zone not null
column public.special_funds.version bigint not null
column public.special_funds.year integer not null
constraint public.__EFMigrationsHistory PK___EFMigrationsHistory PRIMARY KEY ("MigrationId")
constraint public.audit_entries PK_audit_entries PRIMARY KEY (id)
constraint public.contact_access_log PK_contact_access_log PRIMARY KEY (id)
constraint public.echo_answers FK_echo_answers_echo_posts_post_id FOREIGN KEY (post_id) REFERENCES echo_posts(id) ON DELETE CASCADE
constraint public.echo_answers PK_echo_answers PRIMARY KEY (id)
constraint public.echo_moderation FK_echo_moderation_echo_posts_post_id FOREIGN KEY (post_id) REFERENCES echo_posts(id) ON DELETE CASCADE
constraint public.echo_moderation PK_echo_moderation PRIMARY KEY (id)
constraint public.echo_posts PK_echo_posts PRIMARY KEY (id)
constraint public.household_positions FK_household_positions_opinion_collections_collection_id FOREIGN KEY (collection_id) REFERENCES opinion_collections(id) ON DELETE CASCADE
constraint public.household_positions PK_household_positions PRIMARY KEY (id)
constraint public.idempotency_records PK_idempotency_records PRIMARY KEY (scope, key)
constraint public.inbox_messages PK_inbox_messages PRIMARY KEY (message_id, consumer)
constraint public.local_households PK_local_households PRIMARY KEY (household_id)
constraint public.local_members PK_local_members PRIMARY KEY (member_id)
constraint public.local_organisations PK_local_organisations PRIMARY KEY (organisation_id)
constraint public.opinion_collections PK_opinion_collections PRIMARY KEY (id)
constraint public.outbox_messages PK_outbox_messages PRIMARY KEY (id)
constraint public.project_batches PK_project_batches PRIMARY KEY (id)
constraint public.project_grants FK_project_grants_projects_project_id FOREIGN KEY (project_id) REFERENCES projects(id) ON DELETE CASCADE
constraint public.project_grants PK_project_grants PRIMARY KEY (id)
constraint public.project_milestones FK_project_milestones_projects_project_id FOREIGN KEY (project_id) REFERENCES projects(id) ON DELETE CASCADE
constraint public.project_milestones PK_project_milestones PRIMARY KEY (id)
constraint public.project_progress_reports FK_project_progress_reports_projects_project_id FOREIGN KEY (project_id) REFERENCES projects(id) ON DELETE CASCADE
constraint public.project_progress_reports PK_project_progress_reports PRIMARY KEY (id)
constraint public.project_status_changes FK_project_status_changes_projects_project_id FOREIGN KEY (project_id) REFERENCES projects(id) ON DELETE CASCADE
constraint public.project_status_changes PK_project_status_changes PRIMARY KEY (id)
constraint public.project_updates FK_project_updates_projects_project_id FOREIGN KEY (project_id) REFERENCES projects(id) ON DELETE CASCADE
constraint public.project_updates PK_project_updates PRIMARY KEY (id)
constraint public.projects PK_projects PRIMARY KEY (id)
constraint public.reference_counters PK_reference_counters PRIMARY KEY (year)
constraint public.requester_contacts PK_requester_contacts PRIMARY KEY (id)
constraint public.resident_request_status_changes FK_resident_request_status_changes_resident_requests_request_id FOREIGN KEY (request_id) REFERENCES resident_requests(id) ON DELETE CASCADE
constraint public.resident_request_status_changes PK_resident_request_status_changes PRIMARY KEY (id)
constraint public.resident_requests PK_resident_requests PRIMARY KEY (id)
constraint public.satisfaction_ratings PK_satisfaction_ratings PRIMARY KEY (id)
constraint public.signature_images PK_signature_images PRIMARY KEY (id)
constraint public.special_funds PK_special_funds PRIMARY KEY (year)
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
index CREATE INDEX "IX_contact_access_log_request_id" ON public.contact_access_log USING btree (request_id)
index CREATE INDEX "IX_echo_answers_post_id" ON public.echo_answers USING btree (post_id)
index CREATE INDEX "IX_echo_moderation_post_id" ON public.echo_moderation USING btree (post_id)
index CREATE INDEX "IX_echo_posts_hidden_posted_at" ON public.echo_posts USING btree (hidden, posted_at)
index CREATE INDEX "IX_local_households_organisation_id" ON public.local_households USING btree (organisation_id)
index CREATE INDEX "IX_local_members_organisation_id" ON public.local_members USING btree (organisation_id)
index CREATE INDEX "IX_local_organisations_parent_id" ON public.local_organisations USING btree (parent_id)
index CREATE INDEX "IX_project_grants_project_id" ON public.project_grants USING btree (project_id)
index CREATE INDEX "IX_project_milestones_project_id" ON public.project_milestones USING btree (project_id)
index CREATE INDEX "IX_project_progress_reports_project_id" ON public.project_progress_reports USING btree (project_id)
index CREATE INDEX "IX_project_status_changes_project_id" ON public.project_status_changes USING btree (project_id)
index CREATE INDEX "IX_project_updates_project_id" ON public.project_updates USING btree (project_id)
index CREATE INDEX "IX_projects_batch_level_status" ON public.projects USING btree (batch, level, status)
index CREATE INDEX "IX_projects_parent_id" ON public.projects USING btree (parent_id)
index CREATE INDEX "IX_projects_responsible_organisation_id" ON public.projects USING btree (responsible_organisation_id)
index CREATE INDEX "IX_projects_village" ON public.projects USING btree (village)
index CREATE INDEX "IX_resident_request_status_changes_request_id" ON public.resident_request_status_changes USING btree (request_id)
index CREATE INDEX "IX_resident_requests_status_received_on" ON public.resident_requests USING btree (status, received_on)
index CREATE INDEX "IX_satisfaction_ratings_project_id" ON public.satisfaction_ratings USING btree (project_id)
index CREATE INDEX "IX_signature_images_collection_id" ON public.signature_images USING btree (collection_id)
index CREATE UNIQUE INDEX "IX_household_positions_collection_id_household_id_revision" ON public.household_positions USING btree (collection_id, household_id, revision)
index CREATE UNIQUE INDEX "IX_outbox_messages_event_id" ON public.outbox_messages USING btree (event_id)
index CREATE UNIQUE INDEX "IX_project_batches_name" ON public.project_batches USING btree (name)
index CREATE UNIQUE INDEX "IX_project_batches_year_number" ON public.project_batches USING btree (year, number)
index CREATE UNIQUE INDEX "IX_requester_contacts_echo_post_id" ON public.requester_contacts USING btree (echo_post_id)
index CREATE UNIQUE INDEX "IX_requester_contacts_request_id" ON public.requester_contacts USING btree (request_id)
index CREATE UNIQUE INDEX "IX_resident_requests_pairing_request_id" ON public.resident_requests USING btree (pairing_request_id)
index CREATE UNIQUE INDEX "IX_resident_requests_reference_number" ON public.resident_requests USING btree (reference_number)
index CREATE UNIQUE INDEX "IX_satisfaction_ratings_project_id_household_id" ON public.satisfaction_ratings USING btree (project_id, household_id)
index CREATE UNIQUE INDEX "PK___EFMigrationsHistory" ON public."__EFMigrationsHistory" USING btree ("MigrationId")
index CREATE UNIQUE INDEX "PK_audit_entries" ON public.audit_entries USING btree (id)
index CREATE UNIQUE INDEX "PK_contact_access_log" ON public.contact_access_log USING btree (id)
index CREATE UNIQUE INDEX "PK_echo_answers" ON public.echo_answers USING btree (id)
index CREATE UNIQUE INDEX "PK_echo_moderation" ON public.echo_moderation USING btree (id)
index CREATE UNIQUE INDEX "PK_echo_posts" ON public.echo_posts USING btree (id)
index CREATE UNIQUE INDEX "PK_household_positions" ON public.household_positions USING btree (id)
index CREATE UNIQUE INDEX "PK_idempotency_records" ON public.idempotency_records USING btree (scope, key)
index CREATE UNIQUE INDEX "PK_inbox_messages" ON public.inbox_messages USING btree (message_id, consumer)
index CREATE UNIQUE INDEX "PK_local_households" ON public.local_households USING btree (household_id)
index CREATE UNIQUE INDEX "PK_local_members" ON public.local_members USING btree (member_id)
index CREATE UNIQUE INDEX "PK_local_organisations" ON public.local_organisations USING btree (organisation_id)
index CREATE UNIQUE INDEX "PK_opinion_collections" ON public.opinion_collections USING btree (id)
index CREATE UNIQUE INDEX "PK_outbox_messages" ON public.outbox_messages USING btree (id)
index CREATE UNIQUE INDEX "PK_project_batches" ON public.project_batches USING btree (id)
index CREATE UNIQUE INDEX "PK_project_grants" ON public.project_grants USING btree (id)
index CREATE UNIQUE INDEX "PK_project_milestones" ON public.project_milestones USING btree (id)
index CREATE UNIQUE INDEX "PK_project_progress_reports" ON public.project_progress_reports USING btree (id)
index CREATE UNIQUE INDEX "PK_project_status_changes" ON public.project_status_changes USING btree (id)
index CREATE UNIQUE INDEX "PK_project_updates" ON public.project_updates USING btree (id)
index CREATE UNIQUE INDEX "PK_projects" ON public.projects USING btree (id)
index CREATE UNIQUE INDEX "PK_reference_counters" ON public.reference_counters USING btree (year)
index CREATE UNIQUE INDEX "PK_requester_contacts" ON public.requester_contacts USING btree (id)
index CREATE UNIQUE INDEX "PK_resident_request_status_changes" ON public.resident_request_status_changes USING btree (id)
index CREATE UNIQUE INDEX "PK_resident_requests" ON public.resident_requests USING btree (id)
index CREATE UNIQUE INDEX "PK_satisfaction_ratings" ON public.satisfaction_ratings USING btree (id)
index CREATE UNIQUE INDEX "PK_signature_images" ON public.signature_images USING btree (id)
index CREATE UNIQUE INDEX "PK_special_funds" ON public.special_funds USING btree (year)
relation public.__EFMigrationsHistory kind r
relation public.audit_entries kind r
relation public.audit_entries_id_seq kind S
relation public.contact_access_log kind r
relation public.contact_access_log_id_seq kind S
relation public.echo_answers kind r
relation public.echo_moderation kind r
relation public.echo_moderation_id_seq kind S
relation public.echo_posts kind r
relation public.household_positions kind r
relation public.household_positions_id_seq kind S
relation public.idempotency_records kind r
relation public.inbox_messages kind r
relation public.local_households kind r
relation public.local_members kind r
relation public.local_organisations kind r
relation public.opinion_collections kind r
relation public.outbox_messages kind r
relation public.outbox_messages_id_seq kind S
relation public.project_batches kind r
relation public.project_grants kind r
relation public.project_milestones kind r
relation public.project_progress_reports kind r
relation public.project_progress_reports_id_seq kind S
relation public.project_status_changes kind r
relation public.project_status_changes_id_seq kind S
relation public.project_updates kind r
relation public.projects kind r
relation public.reference_counters kind r
relation public.requester_contacts kind r
relation public.resident_request_status_changes kind r
relation public.resident_request_status_changes_id_seq kind S
relation public.resident_requests kind r
relation public.satisfaction_ratings kind r
relation public.signature_images kind r
relation public.special_funds kind r
schema public
trigger CREATE TRIGGER audit_entries_append_only BEFORE DELETE OR UPDATE ON public.audit_entries FOR EACH ROW EXECUTE FUNCTION lishui_audit_append_only()
trigger CREATE TRIGGER outbox_messages_notify AFTER INSERT ON public.outbox_messages FOR EACH STATEMENT EXECUTE FUNCTION lishui_outbox_notify()
