namespace Lishui.Membership.Domain;

/// <summary>One move of a member between organisations inside the town: the membership history.</summary>
public sealed class MemberTransfer(
    Guid id, MemberId memberId, Guid fromOrganisationId, Guid toOrganisationId, DateOnly effectiveOn, string reason, string? decidedBy, DateTimeOffset recordedAt) : IMemberRecord
{
    public const int MaxReasonLength = 500;

    public Guid Id { get; private set; } = id;

    public MemberId MemberId { get; private set; } = memberId;

    public Guid FromOrganisationId { get; private set; } = fromOrganisationId;

    public Guid ToOrganisationId { get; private set; } = toOrganisationId;

    public DateOnly EffectiveOn { get; private set; } = effectiveOn;

    public string Reason { get; private set; } = reason;

    public string? DecidedBy { get; private set; } = decidedBy;

    public DateTimeOffset RecordedAt { get; private set; } = recordedAt;
}
