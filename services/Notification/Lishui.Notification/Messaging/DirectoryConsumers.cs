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
            WITH RECURSIVE up AS (
              SELECT organisation_id AS id, parent_id AS parent, 0 AS depth FROM local_organisations WHERE organisation_id = {organisationId}
              UNION ALL
              SELECT o.organisation_id, o.parent_id, up.depth + 1 FROM local_organisations o JOIN up ON o.organisation_id = up.parent WHERE up.depth < 50)
            UPDATE dispatches SET due_at = {now}
            WHERE status = 'Parked' AND (
              recipient_id = {memberId} OR subject_member_id = {memberId}
              OR EXISTS (SELECT 1 FROM jsonb_each_text(name_refs) r WHERE r.value = {memberId.ToString()})
              OR (audience = 'OrganisationMembers' AND (audience_organisation_id = {organisationId} OR audience_organisation_id IN (SELECT id FROM up))))
            """, ct);

    /// <summary>
    /// Someone took an office in an organisation: messages to that organisation's committee, and to the
    /// secretary of it or of any organisation below it (a secretary answers for those without one).
    /// </summary>
    public static Task WakeForOfficeAsync(NotificationDbContext db, Guid organisationId, DateTimeOffset now, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            WITH RECURSIVE down(id, depth) AS (
              SELECT {organisationId}::uuid, 0
              UNION ALL
              SELECT o.organisation_id, down.depth + 1 FROM local_organisations o JOIN down ON o.parent_id = down.id WHERE down.depth < 50)
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

/// <summary>Keeps the local organisation tree current (to reach every member under an organisation).</summary>
public sealed class OrganisationCreatedConsumer(NotificationDbContext db)
    : IdempotentConsumer<OrganisationCreated, NotificationDbContext>(db)
{
    protected override Task HandleAsync(OrganisationCreated message, CancellationToken ct) => Db.ApplyAsync(message, ct);
}

public sealed class OrganisationMovedConsumer(NotificationDbContext db)
    : IdempotentConsumer<OrganisationMoved, NotificationDbContext>(db)
{
    protected override Task HandleAsync(OrganisationMoved message, CancellationToken ct) => Db.ApplyAsync(message, ct);
}
