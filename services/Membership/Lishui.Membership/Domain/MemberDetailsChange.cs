namespace Lishui.Membership.Domain;

/// <summary>Who corrected which of a member's details, and when; the values themselves are not kept here.</summary>
public sealed class MemberDetailsChange(Guid id, MemberId memberId, string[] changedFields, string changedBy, DateTimeOffset recordedAt)
{
    public Guid Id { get; private set; } = id;

    public MemberId MemberId { get; private set; } = memberId;

    public string[] ChangedFields { get; private set; } = changedFields;

    public string ChangedBy { get; private set; } = changedBy;

    public DateTimeOffset RecordedAt { get; private set; } = recordedAt;
}
