using Lishui.Contracts.Membership;
using Lishui.Shared.Data.Configurations;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Shared.Messaging;

/// <summary>
/// A service's own copy of who is on the member roll, built from Membership's events, so it can
/// resolve names and organisations without calling Membership. Holds no contact details.
/// </summary>
public sealed class LocalMember
{
    public Guid MemberId { get; init; }

    public Guid OrganisationId { get; set; }

    public required string Name { get; set; }

    public required MemberStatus Status { get; set; }

    /// <summary>Sequence of the last registration or status change applied to name and status; older ones are ignored.</summary>
    public long Sequence { get; set; }

    /// <summary>
    /// Sequence of the last event applied to the organisation. Kept apart from <see cref="Sequence"/>
    /// because status changes and transfers arrive on different queues, in any order.
    /// </summary>
    public long OrganisationSequence { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

public static class LocalMemberView
{
    public static ModelBuilder AddLocalMemberView(this ModelBuilder model) => model.ApplyConfiguration(new LocalMemberConfiguration());

    /// <summary>Applies a registration to the view; a stale or repeated event leaves it as it is.</summary>
    public static async Task<LocalMember> ApplyAsync(this DbContext db, MemberRegistered e, CancellationToken ct)
    {
        var member = await db.Set<LocalMember>().FindAsync([e.MemberId], ct);
        if (member is null)
        {
            member = new LocalMember { MemberId = e.MemberId, Name = e.Name, Status = e.Status };
            db.Set<LocalMember>().Add(member);
        }
        else if (member.Sequence >= e.Sequence)
        {
            return member;
        }

        member.Name = e.Name;
        member.Status = e.Status;
        member.Sequence = e.Sequence;
        if (member.OrganisationSequence < e.Sequence)
        {
            member.OrganisationId = e.OrganisationId;
            member.OrganisationSequence = e.Sequence;
        }

        member.UpdatedAt = e.OccurredAt;
        return member;
    }

    /// <summary>A status change (e.g. to Withdrawn) for a member this view knows; a stale one changes nothing.</summary>
    public static async Task ApplyAsync(this DbContext db, MemberStatusChanged e, CancellationToken ct)
    {
        var member = await KnownAsync(db, e.MemberId, ct);
        if (member.Sequence < e.Sequence)
        {
            member.Status = e.Status;
            member.Sequence = e.Sequence;
            member.UpdatedAt = e.OccurredAt;
        }
    }

    /// <summary>
    /// A corrected name (MemberDetailsChanged carries the name only when it changed; other details are
    /// not kept here). Names come only from the registration (always sequence 1) and from corrections,
    /// so a correction always wins over the registration; it is not compared with
    /// <see cref="LocalMember.Sequence"/>, which status changes move on their own queue. Two corrections
    /// delivered out of order would leave the older name: telling them apart needs a name sequence of its own.
    /// </summary>
    public static async Task ApplyAsync(this DbContext db, MemberDetailsChanged e, CancellationToken ct)
    {
        if (e.Name is not { } name)
        {
            return;
        }

        var member = await KnownAsync(db, e.MemberId, ct);
        member.Name = name;
        member.UpdatedAt = e.OccurredAt;
    }

    /// <summary>A transfer to another organisation; a stale one changes nothing.</summary>
    public static async Task ApplyAsync(this DbContext db, MemberTransferred e, CancellationToken ct)
    {
        var member = await KnownAsync(db, e.MemberId, ct);
        if (member.OrganisationSequence < e.Sequence)
        {
            member.OrganisationId = e.ToOrganisationId;
            member.OrganisationSequence = e.Sequence;
            member.UpdatedAt = e.OccurredAt;
        }
    }

    // An event about a member whose registration has not arrived yet fails and is retried, then
    // parked in the _error queue: never dropped.
    private static async Task<LocalMember> KnownAsync(DbContext db, Guid memberId, CancellationToken ct) =>
        await db.Set<LocalMember>().FindAsync([memberId], ct)
        ?? throw new InvalidOperationException($"Member {memberId} is not in this service's view yet (MemberRegistered not received).");
}

/// <summary>Keeps a service's local member view current with status changes (one class for every service).</summary>
public sealed class MemberStatusChangedProjection<TDbContext>(TDbContext db) : IdempotentConsumer<MemberStatusChanged, TDbContext>(db)
    where TDbContext : DbContext
{
    protected override string ConsumerName => "local-member-view:member-status-changed";

    protected override Task HandleAsync(MemberStatusChanged message, CancellationToken ct) => Db.ApplyAsync(message, ct);
}

/// <summary>Keeps a service's local member view current with transfers.</summary>
public sealed class MemberTransferredProjection<TDbContext>(TDbContext db) : IdempotentConsumer<MemberTransferred, TDbContext>(db)
    where TDbContext : DbContext
{
    protected override string ConsumerName => "local-member-view:member-transferred";

    protected override Task HandleAsync(MemberTransferred message, CancellationToken ct) => Db.ApplyAsync(message, ct);
}

/// <summary>Keeps a service's local member view current with name corrections.</summary>
public sealed class MemberDetailsChangedProjection<TDbContext>(TDbContext db) : IdempotentConsumer<MemberDetailsChanged, TDbContext>(db)
    where TDbContext : DbContext
{
    protected override string ConsumerName => "local-member-view:member-details-changed";

    protected override Task HandleAsync(MemberDetailsChanged message, CancellationToken ct) => Db.ApplyAsync(message, ct);
}
