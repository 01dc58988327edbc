namespace Lishui.Membership.Domain.Commendations;

/// <summary>
/// A member commended (表彰) for a year, after being graded Excellent (优秀) in Assessment's final results.
/// One per member and year, however often the news is delivered.
/// </summary>
public sealed class Commendation
{
    private Commendation()
    {
    }

    public Guid Id { get; private set; }

    public MemberId MemberId { get; private set; }

    /// <summary>The member's organisation when commended: lists per organisation stay as they were that year.</summary>
    public Guid OrganisationId { get; private set; }

    public int Year { get; private set; }

    public Guid SchemeId { get; private set; }

    public Guid NoticeId { get; private set; }

    /// <summary>The Assessment event it was recorded from.</summary>
    public Guid SourceEventId { get; private set; }

    public DateTimeOffset CommendedAt { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public static Commendation Record(
        Guid id, MemberId memberId, Guid organisationId, int year, Guid schemeId, Guid noticeId, Guid sourceEventId, DateTimeOffset commendedAt, DateTimeOffset now) =>
        new()
        {
            Id = id,
            MemberId = memberId,
            OrganisationId = organisationId,
            Year = year,
            SchemeId = schemeId,
            NoticeId = noticeId,
            SourceEventId = sourceEventId,
            CommendedAt = commendedAt,
            RecordedAt = now,
        };
}
