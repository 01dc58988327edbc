using Lishui.Contracts.Membership;

namespace Lishui.Contracts.Public;

/// <summary>
/// A person joined the party roll of an organisation. Personal data is reduced: no name, and only the
/// year of joining; other systems that need more ask Membership, with permission.
/// </summary>
[PublicEvent("cn.gov.lishui.membership.member-registered.v1", DataClassification.Internal, "/lishui/membership",
    Summary = "A member was entered on the party roll (pseudonymous: no name, year of joining only).",
    SummaryZh = "党员名册新增一名党员（匿名化：不含姓名，仅含入党年份）。")]
public sealed record MemberRegisteredV1
{
    public required Guid MemberId { get; init; }

    public required Guid OrganisationId { get; init; }

    /// <summary>Probationary or Full.</summary>
    public required MemberStatus Status { get; init; }

    public required int JoinedYear { get; init; }
}

/// <summary>A party organisation was set up in the town's tree.</summary>
[PublicEvent("cn.gov.lishui.membership.organisation-created.v1", DataClassification.Public, "/lishui/membership",
    Summary = "A party organisation was set up in the town's organisation tree.",
    SummaryZh = "镇党组织架构中新设立一个党组织。")]
public sealed record OrganisationCreatedV1
{
    public required Guid OrganisationId { get; init; }

    /// <summary>Null only for the town party committee, the root.</summary>
    public required Guid? ParentId { get; init; }

    public required string Name { get; init; }

    /// <summary>PartyCommittee, GeneralBranch, Branch or PartyMassGroup.</summary>
    public required OrganisationKind Kind { get; init; }

    public required string? EconomicCooperative { get; init; }
}
