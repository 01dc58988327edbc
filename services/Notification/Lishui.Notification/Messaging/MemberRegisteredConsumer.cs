using System.Diagnostics;
using Lishui.Contracts.Membership;
using Lishui.Notification.Data;
using Lishui.Notification.Domain;
using Lishui.Notification.Domain.Templates;
using Lishui.Shared.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.Messaging;

/// <summary>
/// Records the new member in the local view and puts a welcome, in their language, in their inbox;
/// messages parked because this member was not known yet become due again.
/// </summary>
/// <remarks>
/// Every registration passes here, so the usual case is one SQL statement with no explicit
/// transaction (a single statement is atomic): the inbox row, the local member, the welcome and the
/// wake-up are data-modifying parts of one <c>WITH</c>, each done only when the inbox row was claimed.
/// The welcome is rendered beforehand in every supported language (the wording is cached) and the
/// statement picks the one the member's preference names. A member this view already knows as
/// registered, or a preference in a language not rendered, takes the general path of the base class.
/// </remarks>
public sealed class MemberRegisteredConsumer(NotificationDbContext db, ITemplateLibrary templates, TimeProvider time)
    : IdempotentConsumer<MemberRegistered, NotificationDbContext>(db), IConsumer<MemberRegistered>
{
    public new async Task Consume(ConsumeContext<MemberRegistered> context)
    {
        if (await TryWelcomeAtOnceAsync(context.Message, context.CancellationToken) == Outcome.General)
        {
            await base.Consume(context);
        }
    }

    protected override async Task HandleAsync(MemberRegistered message, CancellationToken ct)
    {
        var member = await Db.ApplyAsync(message, ct);
        var locale = await Db.Preferences.AsNoTracking().Where(p => p.MemberId == message.MemberId).Select(p => p.Locale).FirstOrDefaultAsync(ct)
            ?? RecipientPreference.DefaultLocale;
        var template = await templates.CurrentAsync(TemplateKind.Welcome, locale, ct);
        var now = time.GetUtcNow();
        Db.Notifications.Add(Domain.Notification.Create(
            Guid.CreateVersion7(now), message.MemberId, NotificationKind.Welcome, template.Render(Values(member.Name)),
            message.EventId, Activity.Current?.TraceId.ToString(), now));
        await ParkedDispatches.WakeForMemberAsync(Db, member.MemberId, member.OrganisationId, now, ct);
    }

    private enum Outcome
    {
        Done,
        Duplicate,
        General,
    }

    private async Task<Outcome> TryWelcomeAtOnceAsync(MemberRegistered e, CancellationToken ct)
    {
        string[] locales = LocaleMustBeSupportedRule.Supported;
        var titles = new string[locales.Length];
        var bodies = new string[locales.Length];
        for (var i = 0; i < locales.Length; i++)
        {
            var text = (await templates.CurrentAsync(TemplateKind.Welcome, locales[i], ct)).Render(Values(e.Name));
            (titles[i], bodies[i]) = (text.Title, text.Body);
        }

        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var trace = Activity.Current?.TraceId.ToString();
        var kind = NotificationKind.Welcome.ToString();
        var memberText = e.MemberId.ToString();
        // The same effects as HandleAsync; see the remarks. The organisation the wake-up starts from is
        // the one the view holds after the registration is applied, as there.
        var outcome = await Db.Database.SqlQuery<string>($"""
            WITH
            known AS (
              SELECT 1 FROM local_members WHERE member_id = {e.MemberId} AND sequence >= {e.Sequence}),
            chosen AS (
              SELECT l.i::int AS i
              FROM unnest({locales}::text[]) WITH ORDINALITY AS l(locale, i)
              WHERE l.locale = COALESCE((SELECT p.locale FROM recipient_preferences p WHERE p.member_id = {e.MemberId}), {RecipientPreference.DefaultLocale})
                AND NOT EXISTS (SELECT 1 FROM known)),
            inbox AS (
              INSERT INTO inbox_messages (message_id, consumer, processed_at)
              SELECT {e.EventId}, {ConsumerName}, now() FROM chosen
              ON CONFLICT DO NOTHING
              RETURNING message_id),
            member AS (
              INSERT INTO local_members (member_id, name, status, sequence, organisation_id, organisation_sequence, updated_at)
              SELECT {e.MemberId}, {e.Name}, {e.Status}, {e.Sequence}, {e.OrganisationId}, {e.Sequence}, {e.OccurredAt} FROM inbox
              ON CONFLICT (member_id) DO UPDATE SET
                name = excluded.name, status = excluded.status, sequence = excluded.sequence,
                organisation_id = CASE WHEN local_members.organisation_sequence < excluded.sequence THEN excluded.organisation_id ELSE local_members.organisation_id END,
                organisation_sequence = GREATEST(local_members.organisation_sequence, excluded.sequence),
                updated_at = excluded.updated_at
              WHERE local_members.sequence < excluded.sequence
              RETURNING organisation_id),
            welcome AS (
              INSERT INTO notifications (id, recipient_id, kind, title, body, source_event_id, trace_id, created_at)
              SELECT {id}, {e.MemberId}, {kind}, ({titles}::text[])[c.i], ({bodies}::text[])[c.i], {e.EventId}, {trace}, {now}
              FROM chosen c WHERE EXISTS (SELECT 1 FROM inbox)
              RETURNING id),
            organisation AS (
              SELECT COALESCE((SELECT organisation_id FROM member), {e.OrganisationId}) AS id),
            wake AS (
              UPDATE dispatches SET due_at = {now}
              WHERE EXISTS (SELECT 1 FROM inbox) AND status = 'Parked' AND (
                recipient_id = {e.MemberId} OR subject_member_id = {e.MemberId}
                OR EXISTS (SELECT 1 FROM jsonb_each_text(name_refs) r WHERE r.value = {memberText})
                OR (audience = 'OrganisationMembers' AND audience_organisation_id IN (SELECT organisation_id FROM organisation_ancestors((SELECT id FROM organisation)))))
              RETURNING 1)
            SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM chosen) THEN 'General'
                        WHEN EXISTS (SELECT 1 FROM welcome) THEN 'Done'
                        ELSE 'Duplicate' END AS "Value"
            """).ToListAsync(ct);
        return Enum.Parse<Outcome>(outcome.Single());
    }

    private static Dictionary<string, string> Values(string name) => new() { ["name"] = name };
}
