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
column public.channel_deliveries.attempts integer not null
column public.channel_deliveries.body character varying(8000) not null
column public.channel_deliveries.channel character varying(20) not null
column public.channel_deliveries.contact_held_by character varying(30)
column public.channel_deliveries.contact_request_id uuid
column public.channel_deliveries.dispatch_id uuid not null
column public.channel_deliveries.id uuid not null
column public.channel_deliveries.kind character varying(50) not null
column public.channel_deliveries.last_error character varying(1000)
column public.channel_deliveries.next_attempt_at timestamp with time zone not null
column public.channel_deliveries.notification_id uuid
column public.channel_deliveries.recipient_id uuid
column public.channel_deliveries.status character varying(20) not null
column public.channel_deliveries.title character varying(200) not null
column public.channel_deliveries.updated_at timestamp with time zone not null
column public.delivery_log.at timestamp with time zone not null
column public.delivery_log.attempt integer not null
column public.delivery_log.channel character varying(20)
column public.delivery_log.detail character varying(1000)
column public.delivery_log.dispatch_id uuid not null
column public.delivery_log.id uuid not null
column public.delivery_log.kind character varying(50) not null
column public.delivery_log.outcome character varying(30) not null
column public.delivery_log.recipient_id uuid
column public.delivery_log.source_event_id uuid not null
column public.dispatches.attempts integer not null
column public.dispatches.audience character varying(30) not null
column public.dispatches.audience_organisation_id uuid
column public.dispatches.combined_into uuid
column public.dispatches.contact_held_by character varying(30)
column public.dispatches.contact_request_id uuid
column public.dispatches.created_at timestamp with time zone not null
column public.dispatches.delivered_at timestamp with time zone
column public.dispatches.digestible boolean not null
column public.dispatches.due_at timestamp with time zone not null
column public.dispatches.id uuid not null
column public.dispatches.kind character varying(50) not null
column public.dispatches.last_error character varying(1000)
column public.dispatches.name_refs jsonb not null
column public.dispatches.notification_id uuid
column public.dispatches.recipient_id uuid
column public.dispatches.source_event_id uuid not null
column public.dispatches.status character varying(20) not null
column public.dispatches.subject_member_id uuid
column public.dispatches.trace_id character varying(32)
column public.dispatches.urgent boolean not null
column public.dispatches.values jsonb not null
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
column public.local_member_roles.active boolean not null
column public.local_member_roles.member_id uuid not null
column public.local_member_roles.organisation_id uuid not null
column public.local_member_roles.role character varying(30) not null
column public.local_member_roles.sequence bigint not null
column public.local_member_roles.updated_at timestamp with time zone not null
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
column public.message_templates.body character varying(2000) not null
column public.message_templates.changed_at timestamp with time zone not null
column public.message_templates.changed_by character varying(100) not null
column public.message_templates.key character varying(50) not null
column public.message_templates.locale character varying(10) not null
column public.message_templates.title character varying(200) not null
column public.message_templates.version integer not null
column public.notifications.body character varying(4000) not null
column public.notifications.created_at timestamp with time zone not null
column public.notifications.fallback_from character varying(100)
column public.notifications.id uuid not null
column public.notifications.kind character varying(50) not null
column public.notifications.read_at timestamp with time zone
column public.notifications.recipient_id uuid not null
column public.notifications.source_event_id uuid not null
column public.notifications.title character varying(200) not null
column public.notifications.trace_id character varying(32)
column public.outbox_messages.aggregate_id uuid not null
column public.outbox_messages.attempts integer not null
column public.outbox_messages.created_at timestamp with time zone not null
column public.outbox_messages.event_id uuid not null
column public.outbox_messages.id bigint not null identity a
column public.outbox_messages.last_error text
column public.outbox_messages.message_urn character varying(200) not null
column public.outbox_messages.payload jsonb not null
column public.outbox_messages.trace_parent character varying(100)
column public.recipient_preferences.channels text[] not null default ARRAY['Email'::text]
column public.recipient_preferences.locale character varying(10) not null
column public.recipient_preferences.member_id uuid not null
column public.recipient_preferences.quiet_hours_end time without time zone not null
column public.recipient_preferences.quiet_hours_start time without time zone not null
column public.recipient_preferences.updated_at timestamp with time zone not null
column public_events.__EFMigrationsHistory.MigrationId character varying(150) not null
column public_events.__EFMigrationsHistory.ProductVersion character varying(32) not null
column public_events.amqp_outbox.attempts integer not null
column public_events.amqp_outbox.created_at timestamp with time zone not null
column public_events.amqp_outbox.event_id uuid not null
column public_events.amqp_outbox.id bigint not null identity a
column public_events.amqp_outbox.last_error character varying(2000)
column public_events.amqp_outbox.payload text not null
column public_events.amqp_outbox.type character varying(200) not null
column public_events.archive.archived_at timestamp with time zone not null default now()
column public_events.archive.classification text not null
column public_events.archive.id uuid not null
column public_events.archive.payload text not null
column public_events.archive.seq bigint not null default nextval('public_events.archive_seq_seq'::regclass)
column public_events.archive.source text not null
column public_events.archive.source_event_id uuid not null
column public_events.archive.subject text not null
column public_events.archive.time timestamp with time zone not null
column public_events.archive.type text not null
column public_events.audit_entries.actor character varying(200) not null
column public_events.audit_entries.actor_organisation_id uuid
column public_events.audit_entries.actor_roles text[] not null
column public_events.audit_entries.event_ids uuid[] not null
column public_events.audit_entries.event_types text[] not null
column public_events.audit_entries.id bigint not null identity a
column public_events.audit_entries.method character varying(10) not null
column public_events.audit_entries.occurred_at timestamp with time zone not null
column public_events.audit_entries.path character varying(500) not null
column public_events.audit_entries.remote_address character varying(64)
column public_events.audit_entries.route character varying(300) not null
column public_events.audit_entries.trace_id character varying(32)
column public_events.delivery_attempts.attempt integer not null
column public_events.delivery_attempts.attempted_at timestamp with time zone not null
column public_events.delivery_attempts.delivery_id bigint not null
column public_events.delivery_attempts.duration_ms integer not null
column public_events.delivery_attempts.error character varying(2000)
column public_events.delivery_attempts.event_id uuid not null
column public_events.delivery_attempts.id bigint not null identity a
column public_events.delivery_attempts.status_code integer
column public_events.delivery_attempts.subscriber_id uuid not null
column public_events.idempotency_records.created_at timestamp with time zone not null
column public_events.idempotency_records.key character varying(200) not null
column public_events.idempotency_records.location character varying(500)
column public_events.idempotency_records.request_hash character varying(64) not null
column public_events.idempotency_records.response_body jsonb not null
column public_events.idempotency_records.scope character varying(100) not null
column public_events.idempotency_records.status_code integer not null
column public_events.inbox_messages.consumer character varying(200) not null
column public_events.inbox_messages.message_id uuid not null
column public_events.inbox_messages.processed_at timestamp with time zone not null
column public_events.replays.completed_at timestamp with time zone
column public_events.replays.cursor_seq bigint
column public_events.replays.cursor_time timestamp with time zone
column public_events.replays.error character varying(2000)
column public_events.replays.from_time timestamp with time zone not null
column public_events.replays.id uuid not null
column public_events.replays.locked_until timestamp with time zone
column public_events.replays.processed bigint not null
column public_events.replays.requested_at timestamp with time zone not null
column public_events.replays.requested_by character varying(100) not null
column public_events.replays.started_at timestamp with time zone
column public_events.replays.status character varying(20) not null
column public_events.replays.subscriber_id uuid not null
column public_events.replays.to_time timestamp with time zone not null
column public_events.replays.total bigint not null
column public_events.replays.types text[] not null
column public_events.subscriber_notices.created_at timestamp with time zone not null
column public_events.subscriber_notices.id uuid not null
column public_events.subscriber_notices.kind character varying(50) not null
column public_events.subscriber_notices.message_en character varying(2000) not null
column public_events.subscriber_notices.message_zh character varying(2000) not null
column public_events.subscriber_notices.subscriber_id uuid not null
column public_events.subscribers.allowed_types text[] not null
column public_events.subscribers.amqp_queue character varying(200)
column public_events.subscribers.amqp_user character varying(100)
column public_events.subscribers.changed_at timestamp with time zone
column public_events.subscribers.changed_by character varying(100)
column public_events.subscribers.clearance character varying(20) not null
column public_events.subscribers.client_id character varying(200)
column public_events.subscribers.contact character varying(200) not null
column public_events.subscribers.delivery character varying(20) not null
column public_events.subscribers.id uuid not null
column public_events.subscribers.name character varying(40) not null
column public_events.subscribers.registered_at timestamp with time zone not null
column public_events.subscribers.registered_by character varying(100) not null
column public_events.subscribers.status character varying(20) not null
column public_events.subscribers.suspended_at timestamp with time zone
column public_events.subscribers.suspension_reason character varying(1000)
column public_events.subscribers.webhook_secret character varying(100)
column public_events.subscribers.webhook_url character varying(2000)
column public_events.webhook_deliveries.attempts integer not null
column public_events.webhook_deliveries.created_at timestamp with time zone not null
column public_events.webhook_deliveries.delivered_at timestamp with time zone
column public_events.webhook_deliveries.event_id uuid not null
column public_events.webhook_deliveries.id bigint not null identity a
column public_events.webhook_deliveries.last_error character varying(2000)
column public_events.webhook_deliveries.last_status_code integer
column public_events.webhook_deliveries.locked_until timestamp with time zone
column public_events.webhook_deliveries.next_attempt_at timestamp with time zone not null
column public_events.webhook_deliveries.payload text not null
column public_events.webhook_deliveries.replay_id uuid
column public_events.webhook_deliveries.status character varying(20) not null
column public_events.webhook_deliveries.subscriber_id uuid not null
column public_events.webhook_deliveries.type character varying(200) not null
constraint public.__EFMigrationsHistory PK___EFMigrationsHistory PRIMARY KEY ("MigrationId")
constraint public.audit_entries PK_audit_entries PRIMARY KEY (id)
constraint public.channel_deliveries PK_channel_deliveries PRIMARY KEY (id)
constraint public.delivery_log PK_delivery_log PRIMARY KEY (id)
constraint public.dispatches PK_dispatches PRIMARY KEY (id)
constraint public.idempotency_records PK_idempotency_records PRIMARY KEY (scope, key)
constraint public.inbox_messages PK_inbox_messages PRIMARY KEY (message_id, consumer)
constraint public.local_member_roles PK_local_member_roles PRIMARY KEY (member_id, organisation_id, role)
constraint public.local_members PK_local_members PRIMARY KEY (member_id)
constraint public.local_organisations PK_local_organisations PRIMARY KEY (organisation_id)
constraint public.message_templates PK_message_templates PRIMARY KEY (key, locale, version)
constraint public.notifications PK_notifications PRIMARY KEY (id)
constraint public.outbox_messages PK_outbox_messages PRIMARY KEY (id)
constraint public.recipient_preferences PK_recipient_preferences PRIMARY KEY (member_id)
constraint public_events.__EFMigrationsHistory PK___EFMigrationsHistory PRIMARY KEY ("MigrationId")
constraint public_events.amqp_outbox PK_amqp_outbox PRIMARY KEY (id)
constraint public_events.archive archive_pkey PRIMARY KEY ("time", seq)
constraint public_events.audit_entries PK_audit_entries PRIMARY KEY (id)
constraint public_events.delivery_attempts PK_delivery_attempts PRIMARY KEY (id)
constraint public_events.idempotency_records PK_idempotency_records PRIMARY KEY (scope, key)
constraint public_events.inbox_messages PK_inbox_messages PRIMARY KEY (message_id, consumer)
constraint public_events.replays PK_replays PRIMARY KEY (id)
constraint public_events.subscriber_notices PK_subscriber_notices PRIMARY KEY (id)
constraint public_events.subscribers PK_subscribers PRIMARY KEY (id)
constraint public_events.webhook_deliveries PK_webhook_deliveries PRIMARY KEY (id)
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
function CREATE OR REPLACE FUNCTION public_events.archive_append_only()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  RAISE EXCEPTION 'public_events.archive is append-only (% refused)', TG_OP;
END $function$
function CREATE OR REPLACE FUNCTION public_events.ensure_archive_partition(at timestamp with time zone)
 RETURNS text
 LANGUAGE plpgsql
AS $function$
DECLARE
  month_start timestamptz := date_trunc('month', at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
  name text := 'archive_' || to_char(at AT TIME ZONE 'UTC', 'YYYY_MM');
BEGIN
  IF to_regclass('public_events.' || quote_ident(name)) IS NULL THEN
    BEGIN
      EXECUTE format('CREATE TABLE IF NOT EXISTS public_events.%I PARTITION OF public_events.archive FOR VALUES FROM (%L) TO (%L)',
        name, month_start, month_start + interval '1 month');
    EXCEPTION WHEN duplicate_table OR unique_violation THEN
      NULL; -- another transaction made it first
    END;
  END IF;
  RETURN name;
END $function$
index CREATE INDEX "IX_audit_entries_actor" ON public.audit_entries USING btree (actor)
index CREATE INDEX "IX_audit_entries_actor" ON public_events.audit_entries USING btree (actor)
index CREATE INDEX "IX_audit_entries_occurred_at" ON public.audit_entries USING btree (occurred_at)
index CREATE INDEX "IX_audit_entries_occurred_at" ON public_events.audit_entries USING btree (occurred_at)
index CREATE INDEX "IX_channel_deliveries_status_next_attempt_at" ON public.channel_deliveries USING btree (status, next_attempt_at)
index CREATE INDEX "IX_delivery_attempts_subscriber_id_id" ON public_events.delivery_attempts USING btree (subscriber_id, id)
index CREATE INDEX "IX_delivery_log_at" ON public.delivery_log USING btree (at)
index CREATE INDEX "IX_delivery_log_dispatch_id" ON public.delivery_log USING btree (dispatch_id)
index CREATE INDEX "IX_delivery_log_recipient_id_at" ON public.delivery_log USING btree (recipient_id, at)
index CREATE INDEX "IX_dispatches_recipient_id_status" ON public.dispatches USING btree (recipient_id, status)
index CREATE INDEX "IX_dispatches_status_due_at" ON public.dispatches USING btree (status, due_at)
index CREATE INDEX "IX_local_member_roles_organisation_id_role" ON public.local_member_roles USING btree (organisation_id, role)
index CREATE INDEX "IX_local_members_organisation_id" ON public.local_members USING btree (organisation_id)
index CREATE INDEX "IX_local_organisations_parent_id" ON public.local_organisations USING btree (parent_id)
index CREATE INDEX "IX_notifications_recipient_id_created_at" ON public.notifications USING btree (recipient_id, created_at)
index CREATE INDEX "IX_replays_subscriber_id_requested_at" ON public_events.replays USING btree (subscriber_id, requested_at)
index CREATE INDEX "IX_subscriber_notices_subscriber_id_created_at" ON public_events.subscriber_notices USING btree (subscriber_id, created_at)
index CREATE INDEX "IX_webhook_deliveries_subscriber_id_id" ON public_events.webhook_deliveries USING btree (subscriber_id, id)
index CREATE INDEX ix_archive_source_event ON ONLY public_events.archive USING btree (source_event_id)
index CREATE INDEX ix_archive_type_time ON ONLY public_events.archive USING btree (type, "time")
index CREATE INDEX ix_webhook_deliveries_due ON public_events.webhook_deliveries USING btree (next_attempt_at) WHERE ((status)::text = 'Pending'::text)
index CREATE UNIQUE INDEX "IX_channel_deliveries_dispatch_id_channel" ON public.channel_deliveries USING btree (dispatch_id, channel)
index CREATE UNIQUE INDEX "IX_dispatches_source_event_id_kind_audience_recipient_id_audie~" ON public.dispatches USING btree (source_event_id, kind, audience, recipient_id, audience_organisation_id, subject_member_id) NULLS NOT DISTINCT
index CREATE UNIQUE INDEX "IX_notifications_source_event_id_kind_recipient_id" ON public.notifications USING btree (source_event_id, kind, recipient_id)
index CREATE UNIQUE INDEX "IX_outbox_messages_event_id" ON public.outbox_messages USING btree (event_id)
index CREATE UNIQUE INDEX "IX_subscribers_client_id" ON public_events.subscribers USING btree (client_id) WHERE (client_id IS NOT NULL)
index CREATE UNIQUE INDEX "IX_subscribers_name" ON public_events.subscribers USING btree (name)
index CREATE UNIQUE INDEX "PK___EFMigrationsHistory" ON public."__EFMigrationsHistory" USING btree ("MigrationId")
index CREATE UNIQUE INDEX "PK___EFMigrationsHistory" ON public_events."__EFMigrationsHistory" USING btree ("MigrationId")
index CREATE UNIQUE INDEX "PK_amqp_outbox" ON public_events.amqp_outbox USING btree (id)
index CREATE UNIQUE INDEX "PK_audit_entries" ON public.audit_entries USING btree (id)
index CREATE UNIQUE INDEX "PK_audit_entries" ON public_events.audit_entries USING btree (id)
index CREATE UNIQUE INDEX "PK_channel_deliveries" ON public.channel_deliveries USING btree (id)
index CREATE UNIQUE INDEX "PK_delivery_attempts" ON public_events.delivery_attempts USING btree (id)
index CREATE UNIQUE INDEX "PK_delivery_log" ON public.delivery_log USING btree (id)
index CREATE UNIQUE INDEX "PK_dispatches" ON public.dispatches USING btree (id)
index CREATE UNIQUE INDEX "PK_idempotency_records" ON public.idempotency_records USING btree (scope, key)
index CREATE UNIQUE INDEX "PK_idempotency_records" ON public_events.idempotency_records USING btree (scope, key)
index CREATE UNIQUE INDEX "PK_inbox_messages" ON public.inbox_messages USING btree (message_id, consumer)
index CREATE UNIQUE INDEX "PK_inbox_messages" ON public_events.inbox_messages USING btree (message_id, consumer)
index CREATE UNIQUE INDEX "PK_local_member_roles" ON public.local_member_roles USING btree (member_id, organisation_id, role)
index CREATE UNIQUE INDEX "PK_local_members" ON public.local_members USING btree (member_id)
index CREATE UNIQUE INDEX "PK_local_organisations" ON public.local_organisations USING btree (organisation_id)
index CREATE UNIQUE INDEX "PK_message_templates" ON public.message_templates USING btree (key, locale, version)
index CREATE UNIQUE INDEX "PK_notifications" ON public.notifications USING btree (id)
index CREATE UNIQUE INDEX "PK_outbox_messages" ON public.outbox_messages USING btree (id)
index CREATE UNIQUE INDEX "PK_recipient_preferences" ON public.recipient_preferences USING btree (member_id)
index CREATE UNIQUE INDEX "PK_replays" ON public_events.replays USING btree (id)
index CREATE UNIQUE INDEX "PK_subscriber_notices" ON public_events.subscriber_notices USING btree (id)
index CREATE UNIQUE INDEX "PK_subscribers" ON public_events.subscribers USING btree (id)
index CREATE UNIQUE INDEX "PK_webhook_deliveries" ON public_events.webhook_deliveries USING btree (id)
index CREATE UNIQUE INDEX archive_pkey ON ONLY public_events.archive USING btree ("time", seq)
index CREATE UNIQUE INDEX ix_archive_id ON ONLY public_events.archive USING btree (id, "time")
relation public.__EFMigrationsHistory kind r
relation public.audit_entries kind r
relation public.audit_entries_id_seq kind S
relation public.channel_deliveries kind r
relation public.delivery_log kind r
relation public.dispatches kind r
relation public.idempotency_records kind r
relation public.inbox_messages kind r
relation public.local_member_roles kind r
relation public.local_members kind r
relation public.local_organisations kind r
relation public.message_templates kind r
relation public.notifications kind r
relation public.outbox_messages kind r
relation public.outbox_messages_id_seq kind S
relation public.recipient_preferences kind r
relation public_events.__EFMigrationsHistory kind r
relation public_events.amqp_outbox kind r
relation public_events.amqp_outbox_id_seq kind S
relation public_events.archive kind p partition by RANGE ("time")
relation public_events.archive_seq_seq kind S
relation public_events.audit_entries kind r
relation public_events.audit_entries_id_seq kind S
relation public_events.delivery_attempts kind r
relation public_events.delivery_attempts_id_seq kind S
relation public_events.idempotency_records kind r
relation public_events.inbox_messages kind r
relation public_events.replays kind r
relation public_events.subscriber_notices kind r
relation public_events.subscribers kind r
relation public_events.webhook_deliveries kind r
relation public_events.webhook_deliveries_id_seq kind S
schema public
schema public_events
trigger CREATE TRIGGER archive_append_only BEFORE DELETE OR UPDATE ON public_events.archive FOR EACH ROW EXECUTE FUNCTION public_events.archive_append_only()
trigger CREATE TRIGGER archive_no_truncate BEFORE TRUNCATE ON public_events.archive FOR EACH STATEMENT EXECUTE FUNCTION public_events.archive_append_only()
trigger CREATE TRIGGER audit_entries_append_only BEFORE DELETE OR UPDATE ON public.audit_entries FOR EACH ROW EXECUTE FUNCTION lishui_audit_append_only()
trigger CREATE TRIGGER audit_entries_append_only BEFORE DELETE OR UPDATE ON public_events.audit_entries FOR EACH ROW EXECUTE FUNCTION lishui_audit_append_only()
trigger CREATE TRIGGER outbox_messages_notify AFTER INSERT ON public.outbox_messages FOR EACH STATEMENT EXECUTE FUNCTION lishui_outbox_notify()
