namespace Lishui.Membership.Domain.PersonalData;

/// <summary>
/// One read of a member's personal data in the clear (PIPL): who, when, whose, why and which fields.
/// Rows are only ever added; the database refuses updates and deletes.
/// </summary>
public sealed class PersonalDataAccess
{
    public const int MaxRequestedByLength = 100;
    public const int MaxPurposeLength = 200;

    public PersonalDataAccess(Guid id, Guid memberId, string requestedBy, string purpose, string[] fields, DateTimeOffset accessedAt)
    {
        Id = id;
        MemberId = memberId;
        RequestedBy = requestedBy;
        Purpose = purpose;
        Fields = fields;
        AccessedAt = accessedAt;
    }

    public Guid Id { get; private set; }

    public Guid MemberId { get; private set; }

    public string RequestedBy { get; private set; }

    public string Purpose { get; private set; }

    /// <summary>idNumber, phone, email: the fields that were disclosed.</summary>
    public string[] Fields { get; private set; }

    public DateTimeOffset AccessedAt { get; private set; }
}
