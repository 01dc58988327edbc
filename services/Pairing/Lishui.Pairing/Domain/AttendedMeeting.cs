using Lishui.Contracts;
using Lishui.Shared.Domain;

namespace Lishui.Pairing.Domain;

/// <summary>How many of a meeting's members were present, excused and absent.</summary>
public sealed record AttendanceCount(int Present, int Excused, int Absent)
{
    public static AttendanceCount Of(IReadOnlyList<AttendanceEntry> attendance)
    {
        var count = attendance.CountBy(a => a.Status).ToDictionary();
        return new AttendanceCount(
            count.GetValueOrDefault(AttendanceStatus.Present),
            count.GetValueOrDefault(AttendanceStatus.Excused),
            count.GetValueOrDefault(AttendanceStatus.Absent));
    }
}

/// <summary>
/// A meeting with an attendance sheet: a Party Building Tuesday study session or a party–mass group's
/// monthly discussion. Both check the sheet alike and publish alike: the meeting's "held" event, then
/// one attendance event per member, numbered after it.
/// </summary>
public abstract class AttendedMeeting : AggregateRoot
{
    /// <summary>Every attendee is of the group (<paramref name="inTheGroup"/> says it in the meeting's words), recorded once, and excused with a reason.</summary>
    protected static void CheckAttendance(IReadOnlyList<AttendanceEntry> attendance, Func<AttendanceEntry, int, IBusinessRule> inTheGroup)
    {
        for (var i = 0; i < attendance.Count; i++)
        {
            CheckRule(inTheGroup(attendance[i], i));
            CheckRule(new ExcusedAbsenceNeedsAReasonRule(attendance[i], i));
        }

        CheckRule(new EachMemberIsRecordedOnceRule(attendance));
    }

    /// <summary>Records <paramref name="held"/>, then each member's attendance event, all about this meeting in <paramref name="organisationId"/>.</summary>
    protected void RecordHeld<THeld, TAttended>(
        THeld held, IReadOnlyList<AttendanceEntry> attendance, Func<AttendanceEntry, TAttended> attended, Guid meetingId, Guid organisationId, DateTimeOffset now)
        where THeld : IntegrationEvent
        where TAttended : IntegrationEvent
    {
        Record(held, meetingId, organisationId, now);
        foreach (var entry in attendance)
        {
            Record(attended(entry), meetingId, organisationId, now);
        }
    }
}
