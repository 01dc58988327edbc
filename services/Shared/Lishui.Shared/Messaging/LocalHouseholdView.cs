using Lishui.Contracts.Membership;
using Lishui.Shared.Data.Configurations;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Shared.Messaging;

/// <summary>
/// A service's copy of the household register, built from Membership's household events: head's name,
/// size and party–mass group only (the address stays in Membership). Assessment scores five-good
/// households from it; PracticalProjects asks its households in an opinion collection.
/// </summary>
public sealed class LocalHousehold
{
    public const int MaxHeadNameLength = 50;

    public Guid HouseholdId { get; init; }

    /// <summary>The party–mass group of the household's economic cooperative.</summary>
    public Guid OrganisationId { get; init; }

    public required string HeadName { get; set; }

    public int MembersCount { get; set; }

    public required string EconomicCooperative { get; init; }

    public long Sequence { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class HouseholdNotYetKnownException(Guid householdId)
    : Exception($"Household {householdId} is not known yet; its HouseholdRegistered has not arrived.");

public static class LocalHouseholdView
{
    public static ModelBuilder AddLocalHouseholdView(this ModelBuilder model) => model.ApplyConfiguration(new LocalHouseholdConfiguration());

    /// <summary>A registration; a repeated one leaves the view as it is.</summary>
    public static async Task ApplyAsync(this DbContext db, HouseholdRegistered e, CancellationToken ct)
    {
        if (await db.Set<LocalHousehold>().FindAsync([e.HouseholdId], ct) is null)
        {
            db.Set<LocalHousehold>().Add(new LocalHousehold
            {
                HouseholdId = e.HouseholdId,
                OrganisationId = e.OrganisationId,
                HeadName = e.HeadName,
                MembersCount = e.MembersCount,
                EconomicCooperative = e.EconomicCooperative,
                Sequence = e.Sequence,
                UpdatedAt = e.OccurredAt,
            });
        }
    }

    /// <summary>
    /// A change of head or size; a stale one changes nothing. One about a household whose registration has
    /// not arrived fails and is retried, then parked in the _error queue: never dropped.
    /// </summary>
    public static async Task ApplyAsync(this DbContext db, HouseholdChanged e, CancellationToken ct)
    {
        var household = await db.Set<LocalHousehold>().FindAsync([e.HouseholdId], ct) ?? throw new HouseholdNotYetKnownException(e.HouseholdId);
        if (household.Sequence >= e.Sequence)
        {
            return;
        }

        household.HeadName = e.HeadName;
        household.MembersCount = e.MembersCount;
        household.Sequence = e.Sequence;
        household.UpdatedAt = e.OccurredAt;
    }
}

/// <summary>Keeps a service's local household view current with registrations (one class for every service).</summary>
public sealed class HouseholdRegisteredProjection<TDbContext>(TDbContext db) : IdempotentConsumer<HouseholdRegistered, TDbContext>(db)
    where TDbContext : DbContext
{
    protected override string ConsumerName => "local-household-view:household-registered";

    protected override Task HandleAsync(HouseholdRegistered message, CancellationToken ct) => Db.ApplyAsync(message, ct);
}

/// <summary>Keeps a service's local household view current with a new head or size.</summary>
public sealed class HouseholdChangedProjection<TDbContext>(TDbContext db) : IdempotentConsumer<HouseholdChanged, TDbContext>(db)
    where TDbContext : DbContext
{
    protected override string ConsumerName => "local-household-view:household-changed";

    protected override Task HandleAsync(HouseholdChanged message, CancellationToken ct) => Db.ApplyAsync(message, ct);
}
