namespace Lishui.Pairing.Features.PairingLists;

public sealed record PairingListEntry(
    Guid MemberPairId,
    Guid OrganMemberId,
    string OrganMemberName,
    Guid VillageMemberId,
    string VillageMemberName,
    bool Pinned,
    DateOnly Since,
    DateOnly? LastContactedOn);

/// <summary>结对清单: the active pairs of a pairing, grouped by nothing (clients group by organ member).</summary>
public sealed record PairingListResponse(Guid PairingId, int Revision, int Moved, IReadOnlyList<PairingListEntry> Pairs);
