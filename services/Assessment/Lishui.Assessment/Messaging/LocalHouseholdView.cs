using Lishui.Contracts.Membership;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Messaging;

/// <summary>
/// The households five-good household schemes score, from Membership's household events: head's
/// name, size and party–mass group only (the address stays in Membership).
/// </summary>
public sealed class LocalHousehold
{
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
