using Lishui.Assessment.Data;
using Lishui.Contracts.Pairing;

namespace Lishui.Assessment.Messaging;

/// <summary>
/// Party Building Tuesday attendance (Pairing) scores through the rules of the member's own
/// organisation's schemes; only presence scores, an excused or missed session gives nothing here.
/// </summary>
public sealed class AttendanceRecordedConsumer(AssessmentDbContext db, TimeProvider time) : PointsFromEventConsumer<AttendanceRecorded>(db, time)
{
    public const string Present = "Present";

    protected override (Guid SubjectId, DateOnly OccurredOn)? SubjectOf(AttendanceRecorded message) =>
        message.Attendance == Present ? (message.MemberId, message.HeldOn) : null;

    protected override Guid OrganisationOf(AttendanceRecorded message) => message.MemberOrganisationId;
}
