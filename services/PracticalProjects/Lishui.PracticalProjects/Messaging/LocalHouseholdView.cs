using Lishui.Contracts.Membership;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PracticalProjects.Messaging;

/// <summary>
/// The households of each economic cooperative as Membership's register has them (head's name, size
/// and party–mass group only; the address stays in Membership): the households an opinion collection asks.
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
