using MassTransit;

namespace Lishui.Contracts.Pairing;

/// <summary>An organ branch was paired with a village party committee (组织结对). Aggregate: the pairing; organisation: the organ branch.</summary>
[MessageUrn("lishui:pairing:organisations-paired:v1")]
public sealed record OrganisationsPaired : IntegrationEvent
{
    public required Guid PairingId { get; init; }

    public required Guid OrganBranchId { get; init; }

    public required Guid VillageCommitteeId { get; init; }

    public required DateOnly StartsOn { get; init; }

    public required DateOnly? EndsOn { get; init; }

    /// <summary>Paired members must contact each other at least this often.</summary>
    public required int ContactEveryDays { get; init; }
}

[MessageUrn("lishui:pairing:organisation-pairing-ended:v1")]
public sealed record OrganisationPairingEnded : IntegrationEvent
{
    public required Guid PairingId { get; init; }

    public required Guid OrganBranchId { get; init; }

    public required Guid VillageCommitteeId { get; init; }

    public required DateOnly EndedOn { get; init; }
}

/// <summary>A member pair on a published list: ids only.</summary>
public sealed record PublishedMemberPair
{
    public required Guid MemberPairId { get; init; }

    public required Guid OrganMemberId { get; init; }

    public required Guid VillageMemberId { get; init; }
}

/// <summary>A (new revision of the) pairing list (结对清单) was published: the full list of active pairs.</summary>
[MessageUrn("lishui:pairing:pairing-list-published:v1")]
public sealed record PairingListPublished : IntegrationEvent
{
    public required Guid PairingId { get; init; }

    public required Guid OrganBranchId { get; init; }

    public required Guid VillageCommitteeId { get; init; }

    public required int Revision { get; init; }

    public required IReadOnlyList<PublishedMemberPair> Pairs { get; init; }
}
