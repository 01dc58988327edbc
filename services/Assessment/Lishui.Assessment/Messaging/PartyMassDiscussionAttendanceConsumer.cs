using Lishui.Assessment.Data;
using Lishui.Contracts.Pairing;

namespace Lishui.Assessment.Messaging;

/// <summary>
/// A party–mass group's monthly discussion counts for the "organisational life" dimension as the
/// Tuesday study does: presence through the rules for Present, a discussion missed without leave
/// through the rules for Absent; an excused absence scores nothing.
/// </summary>
public sealed class PartyMassDiscussionAttendanceConsumer(AssessmentDbContext db, TimeProvider time)
    : PointsFromEventConsumer<PartyMassDiscussionAttendanceRecorded>(db, time)
{
    protected override IEnumerable<ScoredMember> MembersOf(PartyMassDiscussionAttendanceRecorded message) =>
        message.Attendance is AttendanceRecordedConsumer.Present or AttendanceRecordedConsumer.Absent
            ? [new ScoredMember(message.MemberId, message.HeldOn, message.MemberOrganisationId, message.Attendance)]
            : [];
}
