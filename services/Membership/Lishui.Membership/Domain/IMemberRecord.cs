namespace Lishui.Membership.Domain;

/// <summary>An entry in a member's history (a status change, a transfer, an office held), listed oldest first.</summary>
public interface IMemberRecord
{
    Guid Id { get; }

    MemberId MemberId { get; }

    DateTimeOffset RecordedAt { get; }
}
