using MassTransit;

namespace Lishui.Contracts.Pairing;

/// <summary>
/// A party–mass group's monthly discussion (党群小组每月讨论) was held. Aggregate: the discussion;
/// organisation: the party–mass group. Attendance as totals; each member's follows as
/// <see cref="PartyMassDiscussionAttendanceRecorded"/>. Topic and minutes stay in Pairing.
/// </summary>
[MessageUrn("lishui:pairing:party-mass-discussion-held:v1")]
public sealed record PartyMassDiscussionHeld : IntegrationEvent
{
    public required Guid DiscussionId { get; init; }

    public required Guid GroupId { get; init; }

    /// <summary>The month the discussion is for, as its first day.</summary>
    public required DateOnly Month { get; init; }

    public required DateOnly HeldOn { get; init; }

    public required int Present { get; init; }

    public required int Excused { get; init; }

    public required int Absent { get; init; }
}

/// <summary>
/// One member's attendance at a party–mass group's monthly discussion, for the "organisational life"
/// (参加组织生活) dimension, as <see cref="AttendanceRecorded"/> is for the Tuesday study. The excuse
/// reason is not carried.
/// </summary>
[MessageUrn("lishui:pairing:party-mass-discussion-attendance-recorded:v1")]
public sealed record PartyMassDiscussionAttendanceRecorded : IntegrationEvent
{
    public required Guid DiscussionId { get; init; }

    public required Guid GroupId { get; init; }

    public required Guid MemberId { get; init; }

    /// <summary>The member's own organisation (from Pairing's view of the roll): the group.</summary>
    public required Guid MemberOrganisationId { get; init; }

    public required DateOnly HeldOn { get; init; }

    /// <summary>Present, Excused or Absent.</summary>
    public required string Attendance { get; init; }
}
