using Lishui.Assessment.Data;
using Lishui.Contracts.Pairing;

namespace Lishui.Assessment.Messaging;

/// <summary>
/// Party Building Tuesday attendance (Pairing) scores through the rules of the schemes covering the
/// member's own organisation; only presence scores, an excused or missed session gives nothing here.
/// </summary>
public sealed class AttendanceRecordedConsumer(AssessmentDbContext db, TimeProvider time) : PointsFromEventConsumer<AttendanceRecorded>(db, time)
{
    public const string Present = "Present";

    protected override IEnumerable<ScoredMember> MembersOf(AttendanceRecorded message) =>
        message.Attendance == Present ? [new ScoredMember(message.MemberId, message.HeldOn, message.MemberOrganisationId)] : [];
}
