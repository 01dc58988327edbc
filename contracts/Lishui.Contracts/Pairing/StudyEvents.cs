using MassTransit;

namespace Lishui.Contracts.Pairing;

/// <summary>A Party Building Tuesday study session (第一议题) was held. Aggregate: the session; organisation: the organ branch.</summary>
[MessageUrn("lishui:pairing:study-session-held:v1")]
public sealed record StudySessionHeld : IntegrationEvent
{
    public required Guid SessionId { get; init; }

    public required Guid PairingId { get; init; }

    public required Guid VillageCommitteeId { get; init; }

    public required DateOnly HeldOn { get; init; }

    public required int Present { get; init; }

    public required int Excused { get; init; }

    public required int Absent { get; init; }
}

/// <summary>One member's attendance at a study session (Assessment scores it). The excuse reason is not carried.</summary>
[MessageUrn("lishui:pairing:attendance-recorded:v1")]
public sealed record AttendanceRecorded : IntegrationEvent
{
    public required Guid SessionId { get; init; }

    public required Guid PairingId { get; init; }

    public required Guid MemberId { get; init; }

    /// <summary>The member's own organisation (from Pairing's view of the roll).</summary>
    public required Guid MemberOrganisationId { get; init; }

    public required DateOnly HeldOn { get; init; }

    /// <summary>Present, Excused or Absent.</summary>
    public required string Attendance { get; init; }
}

/// <summary>
/// A Tuesday study session starts soon: Notification reminds everyone expected. Published the evening
/// before and an hour before (<see cref="Lead"/>), once each. Aggregate: the session.
/// </summary>
[MessageUrn("lishui:pairing:study-session-reminder-due:v1")]
public sealed record StudySessionReminderDue : IntegrationEvent
{
    public required Guid SessionId { get; init; }

    public required Guid PairingId { get; init; }

    public required Guid OrganBranchId { get; init; }

    public required Guid VillageCommitteeId { get; init; }

    public required DateTimeOffset StartsAt { get; init; }

    public required string Place { get; init; }

    public required string? Topic { get; init; }

    /// <summary>EveningBefore or HourBefore.</summary>
    public required string Lead { get; init; }

    public required IReadOnlyList<Guid> ExpectedMemberIds { get; init; }
}
