using Lishui.Contracts.Membership;
using Lishui.Notification.Data;
using Lishui.Notification.Domain.Delivery;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.Messaging;

/// <summary>
/// Makes due again only the parked dispatches the new directory fact can unblock. Waking every parked
/// dispatch on every registration (as before) re-ran unrelated messages, each parking again with one
/// more attempt: in the town a storm of retries per registration, and in the tests a dispatch parked
/// twice at the same instant when a test alongside published a registration on the shared exchange.
/// </summary>
internal static class ParkedDispatches
{
    /// <summary>
    /// A member became known: messages to them, about them or naming them, and messages to the members
    /// of their organisation or of one above it.
    /// </summary>
    public static Task WakeForMemberAsync(NotificationDbContext db, Guid memberId, Guid organisationId, DateTimeOffset now, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE dispatches SET due_at = {now}
            WHERE status = 'Parked' AND (
              recipient_id = {memberId} OR subject_member_id = {memberId}
              OR EXISTS (SELECT 1 FROM jsonb_each_text(name_refs) r WHERE r.value = {memberId.ToString()})
              OR (audience = 'OrganisationMembers' AND audience_organisation_id IN (SELECT organisation_id FROM organisation_ancestors({organisationId}))))
            """, ct);

    /// <summary>
    /// Someone took an office in an organisation: messages to that organisation's committee, and to the
    /// secretary of it or of any organisation below it (a secretary answers for those without one).
    /// </summary>
    public static Task WakeForOfficeAsync(NotificationDbContext db, Guid organisationId, DateTimeOffset now, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            WITH down AS (SELECT organisation_id AS id FROM organisation_subtree({organisationId}))
            UPDATE dispatches SET due_at = {now}
            WHERE status = 'Parked' AND (
              (audience = 'Committee' AND (audience_organisation_id = {organisationId}
                OR (audience_organisation_id IS NULL AND subject_member_id IN (SELECT member_id FROM local_members WHERE organisation_id = {organisationId}))))
              OR (audience = 'Secretary' AND (audience_organisation_id IN (SELECT id FROM down)
                OR (audience_organisation_id IS NULL AND subject_member_id IN (SELECT member_id FROM local_members WHERE organisation_id IN (SELECT id FROM down))))))
            """, ct);
}

/// <summary>Keeps the local view of offices (secretaries, committees) current.</summary>
public sealed class MemberRoleAssignedConsumer(NotificationDbContext db, TimeProvider time)
    : IdempotentConsumer<MemberRoleAssigned, NotificationDbContext>(db)
{
    protected override async Task HandleAsync(MemberRoleAssigned message, CancellationToken ct)
    {
        await Db.ApplyAsync(message.MemberId, message.OrganisationId, message.Role, true, message.Sequence, message.OccurredAt, ct);
        await ParkedDispatches.WakeForOfficeAsync(Db, message.OrganisationId, time.GetUtcNow(), ct);
    }
}

public sealed class MemberRoleRevokedConsumer(NotificationDbContext db)
    : IdempotentConsumer<MemberRoleRevoked, NotificationDbContext>(db)
{
    protected override Task HandleAsync(MemberRoleRevoked message, CancellationToken ct) =>
        Db.ApplyAsync(message.MemberId, message.OrganisationId, message.Role, false, message.Sequence, message.OccurredAt, ct);
}
