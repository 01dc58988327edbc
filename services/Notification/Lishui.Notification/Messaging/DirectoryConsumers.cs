using Lishui.Contracts.Membership;
using Lishui.Notification.Data;
using Lishui.Notification.Domain.Delivery;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.Messaging;

/// <summary>Something a parked message may have waited for arrived: make every parked message due again.</summary>
internal static class ParkedDispatches
{
    public static Task WakeAsync(NotificationDbContext db, DateTimeOffset now, CancellationToken ct) =>
        db.Dispatches.Where(d => d.Status == DispatchStatus.Parked).ExecuteUpdateAsync(s => s.SetProperty(d => d.DueAt, now), ct);
}

/// <summary>Keeps the local view of offices (secretaries, committees) current.</summary>
public sealed class MemberRoleAssignedConsumer(NotificationDbContext db, TimeProvider time)
    : IdempotentConsumer<MemberRoleAssigned, NotificationDbContext>(db)
{
    protected override async Task HandleAsync(MemberRoleAssigned message, CancellationToken ct)
    {
        await Db.ApplyAsync(message.MemberId, message.OrganisationId, message.Role, true, message.Sequence, message.OccurredAt, ct);
        await ParkedDispatches.WakeAsync(Db, time.GetUtcNow(), ct);
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
