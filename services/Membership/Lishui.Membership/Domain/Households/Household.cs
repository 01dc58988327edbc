using Lishui.Contracts.Membership;
using Lishui.Membership.Domain.Organisations;
using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain.Households;

public readonly record struct HouseholdId(Guid Value);

/// <summary>
/// A household (户) of an economic cooperative, recorded under the cooperative's party–mass group.
/// Residents who are not members appear only here, as the head of their household.
/// </summary>
public sealed class Household : AggregateRoot
{
    public const int MaxHeadNameLength = 50;
    public const int MaxAddressLength = 200;
    public const int MaxMembersCount = 50;

    private Household()
    {
        HeadName = Address = EconomicCooperative = string.Empty;
    }

    public HouseholdId Id { get; private set; }

    /// <summary>The party–mass group of the household's economic cooperative.</summary>
    public Guid OrganisationId { get; private set; }

    public string EconomicCooperative { get; private set; }

    public string HeadName { get; private set; }

    /// <summary>Personal data: stays in Membership, never in an event.</summary>
    public string Address { get; private set; }

    public int MembersCount { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public static Household Register(HouseholdId id, Organisation group, string headName, string address, int membersCount, DateTimeOffset now)
    {
        CheckRule(new OrganisationMustBeOpenRule(group, "organisationId"));
        CheckRule(new HouseholdBelongsToAPartyMassGroupRule(group.Kind));
        CheckDetails(headName, address, membersCount);
        var household = new Household
        {
            Id = id,
            OrganisationId = group.Id.Value,
            EconomicCooperative = group.EconomicCooperative ?? group.Name,
            HeadName = headName.Trim(),
            Address = address.Trim(),
            MembersCount = membersCount,
            RegisteredAt = now,
        };
        household.Record(new HouseholdRegistered
        {
            HouseholdId = household.Id.Value,
            HeadName = household.HeadName,
            MembersCount = household.MembersCount,
            EconomicCooperative = household.EconomicCooperative,
        }, household.Id.Value, household.OrganisationId, now);
        return household;
    }

    /// <summary>Returns false (and changes nothing) when the details are the same as before.</summary>
    public bool Change(string headName, string address, int membersCount, DateTimeOffset now)
    {
        CheckDetails(headName, address, membersCount);
        if (HeadName == headName.Trim() && Address == address.Trim() && MembersCount == membersCount)
        {
            return false;
        }

        HeadName = headName.Trim();
        Address = address.Trim();
        MembersCount = membersCount;
        Record(new HouseholdChanged { HouseholdId = Id.Value, HeadName = HeadName, MembersCount = MembersCount }, Id.Value, OrganisationId, now);
        return true;
    }

    private static void CheckDetails(string headName, string address, int membersCount)
    {
        CheckRule(new TextMustBeGivenRule("headName", "户主姓名", "head of household's name", headName, MaxHeadNameLength));
        CheckRule(new TextMustBeGivenRule("address", "住址", "address", address, MaxAddressLength));
        CheckRule(new HouseholdSizeMustBePlausibleRule(membersCount));
    }
}

public sealed record HouseholdBelongsToAPartyMassGroupRule(OrganisationKind Kind) : IBusinessRule
{
    public bool IsBroken() => Kind != OrganisationKind.PartyMassGroup;

    public string Code => "household.organisation-not-a-group";

    public string Field => "organisationId";

    public string MessageZh => "农户须登记在经济社对应的党群小组下。";

    public string MessageEn => "A household is recorded under the party–mass group of its economic cooperative.";
}

public sealed record HouseholdSizeMustBePlausibleRule(int MembersCount) : IBusinessRule
{
    public bool IsBroken() => MembersCount is < 1 or > Household.MaxMembersCount;

    public string Code => "household.members-count-invalid";

    public string Field => "membersCount";

    public string MessageZh => $"家庭人口数应在 1 到 {Household.MaxMembersCount} 之间。";

    public string MessageEn => $"The number of household members must be between 1 and {Household.MaxMembersCount}.";
}
