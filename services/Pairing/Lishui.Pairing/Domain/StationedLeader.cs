using Lishui.Contracts.Membership;

namespace Lishui.Pairing.Domain;

/// <summary>What stationing needs to know of a member from the local roll (null name = unknown).</summary>
public sealed record StationedLeader(Guid MemberId, string? Name, MemberStatus? Status)
{
    public bool IsKnown => Name is not null;

    public bool IsEligible => Status is { } status && new PairingCandidate(MemberId, status).IsEligible;
}
