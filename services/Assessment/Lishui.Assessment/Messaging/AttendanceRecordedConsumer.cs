using Lishui.Assessment.Data;
using Lishui.Contracts.Pairing;

namespace Lishui.Assessment.Messaging;

/// <summary>
/// Party Building Tuesday attendance (Pairing) scores through the rules of the schemes covering the
/// member's own organisation: presence through the rules for Present, a session missed without leave
/// through the rules for Absent (a deduction); an excused absence scores nothing.
/// </summary>
public sealed class AttendanceRecordedConsumer(AssessmentDbContext db, TimeProvider time) : PointsFromEventConsumer<AttendanceRecorded>(db, time)
{
    public const string Present = "Present";

    /// <summary>Missed without leave (Pairing's Excused is the absence with leave).</summary>
    public const string Absent = "Absent";

    protected override IEnumerable<ScoredMember> MembersOf(AttendanceRecorded message) =>
        message.Attendance is Present or Absent ? [new ScoredMember(message.MemberId, message.HeldOn, message.MemberOrganisationId, message.Attendance)] : [];
}
