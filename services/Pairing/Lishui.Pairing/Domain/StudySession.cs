using Lishui.Contracts.Pairing;
using Lishui.Shared.Domain;

namespace Lishui.Pairing.Domain;

public enum AttendanceStatus
{
    Present,
    Excused,
    Absent,
}

/// <summary>One member's attendance as recorded by the secretary; the reason stays in this service.</summary>
public sealed record AttendanceEntry(Guid MemberId, AttendanceStatus Status, string? Reason);

/// <summary>
/// 第一议题 学习: a held Party Building Tuesday study session of a paired organisation group.
/// Normally on a Tuesday; a session moved to another day (a holiday) says why.
/// </summary>
public sealed class StudySession : AttendedMeeting
{
    public const int MaxTopicLength = 200;
    public const int MaxTextLength = 2000;

    private StudySession()
    {
        Topic = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid PairingId { get; private set; }

    public DateOnly HeldOn { get; private set; }

    public string Topic { get; private set; }

    public string? Material { get; private set; }

    public string? Notes { get; private set; }

    public string? MovedReason { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The service position (党群服务阵地) it was held at, when the record names one; the place text stays on the calendar.</summary>
    public Guid? ServicePositionId { get; private set; }

    public static StudySession Hold(
        Guid id,
        OrganisationPairing pairing,
        DateOnly heldOn,
        DateOnly today,
        string topic,
        string? material,
        string? notes,
        string? movedReason,
        IReadOnlyList<AttendanceEntry> attendance,
        IReadOnlyDictionary<Guid, Guid> groupMembers,
        DateTimeOffset now,
        long continuesSequence = 0)
    {
        var members = groupMembers.Keys.ToHashSet();
        CheckRule(new PairingMustBeActiveRule(pairing));
        CheckRule(new StudySessionCannotBeInTheFutureRule(heldOn, today));
        CheckRule(new StudySessionOnATuesdayOrMovedWithAReasonRule(heldOn, movedReason));
        CheckAttendance(attendance, (entry, i) => new AttendeeMustBeInTheGroupRule(entry.MemberId, members, i));
        var session = new StudySession
        {
            Id = id,
            PairingId = pairing.Id,
            HeldOn = heldOn,
            Topic = topic.Trim(),
            Material = string.IsNullOrWhiteSpace(material) ? null : material.Trim(),
            Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim(),
            MovedReason = string.IsNullOrWhiteSpace(movedReason) ? null : movedReason.Trim(),
            RecordedAt = now,
        };
        // A session on the calendar keeps its id: its events continue the reminders' sequence.
        session.Version = continuesSequence;
        var count = AttendanceCount.Of(attendance);
        var held = new StudySessionHeld
        {
            SessionId = id,
            PairingId = pairing.Id,
            VillageCommitteeId = pairing.VillageCommitteeId,
            HeldOn = heldOn,
            Present = count.Present,
            Excused = count.Excused,
            Absent = count.Absent,
        };
        // Each attendance event names the member's own organisation, where the member's points count.
        session.RecordHeld(held, attendance, entry => new AttendanceRecorded
        {
            SessionId = id,
            PairingId = pairing.Id,
            MemberId = entry.MemberId,
            MemberOrganisationId = groupMembers[entry.MemberId],
            HeldOn = heldOn,
            Attendance = entry.Status.ToString(),
        }, id, pairing.OrganBranchId, now);
        return session;
    }

    public void HeldAt(Guid? servicePositionId) => ServicePositionId = servicePositionId;
}

public sealed record StudySessionCannotBeInTheFutureRule(DateOnly HeldOn, DateOnly Today) : IBusinessRule
{
    public bool IsBroken() => HeldOn > Today;

    public string Code => "study-session.in-future";

    public string Field => "heldOn";

    public string MessageZh => "只能记录已举行的学习（日期不能晚于今天）。";

    public string MessageEn => "Only a session already held can be recorded (the date cannot be in the future).";
}

public sealed record StudySessionOnATuesdayOrMovedWithAReasonRule(DateOnly HeldOn, string? MovedReason) : IBusinessRule
{
    public bool IsBroken() => HeldOn.DayOfWeek != DayOfWeek.Tuesday && string.IsNullOrWhiteSpace(MovedReason);

    public string Code => "study-session.not-tuesday";

    public string Field => "movedReason";

    public string MessageZh => "党建星期二学习应在星期二举行；调整到其他日期须说明原因。";

    public string MessageEn => "Party Building Tuesday study is held on Tuesdays; a session moved to another day needs a reason.";
}

public sealed record AttendeeMustBeInTheGroupRule(Guid MemberId, IReadOnlySet<Guid> GroupMembers, int Index) : IBusinessRule
{
    public bool IsBroken() => !GroupMembers.Contains(MemberId);

    public string Code => "attendance.not-in-group";

    public string Field => $"attendance[{Index}].memberId";

    public string MessageZh => "该党员不属于本结对学习小组。";

    public string MessageEn => "This member is not in the paired study group.";
}

public sealed record ExcusedAbsenceNeedsAReasonRule(AttendanceEntry Entry, int Index) : IBusinessRule
{
    public bool IsBroken() => Entry.Status == AttendanceStatus.Excused && string.IsNullOrWhiteSpace(Entry.Reason);

    public string Code => "attendance.reason-required";

    public string Field => $"attendance[{Index}].reason";

    public string MessageZh => "请假须注明原因。";

    public string MessageEn => "An excused absence needs a reason.";
}

public sealed record EachMemberIsRecordedOnceRule(IReadOnlyList<AttendanceEntry> Attendance) : IBusinessRule
{
    public bool IsBroken() => Attendance.Select(a => a.MemberId).Distinct().Count() != Attendance.Count;

    public string Code => "attendance.duplicate";

    public string Field => "attendance";

    public string MessageZh => "同一党员只能记录一次考勤。";

    public string MessageEn => "Each member's attendance is recorded once.";
}

/// <summary>A row of a session's attendance sheet.</summary>
public sealed class StudyAttendance
{
    public Guid SessionId { get; init; }

    public Guid MemberId { get; init; }

    public AttendanceStatus Status { get; init; }

    public string? Reason { get; init; }
}
