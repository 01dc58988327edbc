using Lishui.Contracts.Membership;
using Lishui.Contracts.Pairing;
using Lishui.Shared.Domain;

namespace Lishui.Pairing.Domain;

/// <summary>What a discussion needs to know of the organisation it is recorded for (null name = unknown).</summary>
public sealed record DiscussionGroup(Guid Id, string? Name, OrganisationKind? Kind, bool IsClosed)
{
    public bool IsKnown => Name is not null;

    public bool IsPartyMassGroup => Kind == OrganisationKind.PartyMassGroup;
}

/// <summary>
/// 党群小组每月讨论: a party–mass group's meeting of the month, with its topic, place, attendance of the
/// group's members and minutes. One per group and month; it counts as organisational life (参加组织生活).
/// </summary>
public sealed class PartyMassDiscussion : AttendedMeeting
{
    public const int MaxTopicLength = 200;
    public const int MaxPlaceLength = 200;
    public const int MaxMinutesLength = 4000;

    private PartyMassDiscussion()
    {
        Topic = Place = Minutes = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid GroupId { get; private set; }

    /// <summary>The month it is the discussion of, as its first day.</summary>
    public DateOnly Month { get; private set; }

    public DateOnly HeldOn { get; private set; }

    public string Topic { get; private set; }

    public string Place { get; private set; }

    public Guid? ServicePositionId { get; private set; }

    public string Minutes { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    public static PartyMassDiscussion Hold(
        Guid id,
        DiscussionGroup group,
        DateOnly heldOn,
        DateOnly today,
        string topic,
        string place,
        Guid? servicePositionId,
        string minutes,
        IReadOnlyList<AttendanceEntry> attendance,
        IReadOnlySet<Guid> groupMembers,
        DateTimeOffset now)
    {
        CheckRule(new DiscussionIsOfAnOpenPartyMassGroupRule(group));
        CheckRule(new DiscussionCannotBeInTheFutureRule(heldOn, today));
        CheckAttendance(attendance, (entry, i) => new DiscussionAttendeeMustBeInTheGroupRule(entry.MemberId, groupMembers, i));
        var discussion = new PartyMassDiscussion
        {
            Id = id,
            GroupId = group.Id,
            Month = MonthOf(heldOn),
            HeldOn = heldOn,
            Topic = topic.Trim(),
            Place = place.Trim(),
            ServicePositionId = servicePositionId,
            Minutes = minutes.Trim(),
            RecordedAt = now,
        };
        var count = AttendanceCount.Of(attendance);
        var held = new PartyMassDiscussionHeld
        {
            DiscussionId = id,
            GroupId = group.Id,
            Month = discussion.Month,
            HeldOn = heldOn,
            Present = count.Present,
            Excused = count.Excused,
            Absent = count.Absent,
        };
        discussion.RecordHeld(held, attendance, entry => new PartyMassDiscussionAttendanceRecorded
        {
            DiscussionId = id,
            GroupId = group.Id,
            MemberId = entry.MemberId,
            MemberOrganisationId = group.Id,
            HeldOn = heldOn,
            Attendance = entry.Status.ToString(),
        }, id, group.Id, now);
        return discussion;
    }
}

/// <summary>A row of a discussion's attendance sheet.</summary>
public sealed class DiscussionAttendance
{
    public Guid DiscussionId { get; init; }

    public Guid MemberId { get; init; }

    public AttendanceStatus Status { get; init; }

    public string? Reason { get; init; }
}

public sealed record DiscussionIsOfAnOpenPartyMassGroupRule(DiscussionGroup Group) : IBusinessRule
{
    public bool IsBroken() => !Group.IsKnown || !Group.IsPartyMassGroup || Group.IsClosed;

    public string Code => !Group.IsKnown || !Group.IsPartyMassGroup ? "party-mass-discussion.not-a-group" : "party-mass-discussion.group-closed";

    public string MessageZh => !Group.IsKnown || !Group.IsPartyMassGroup ? "该组织不是党群小组。" : $"党群小组“{Group.Name}”已撤销。";

    public string MessageEn => !Group.IsKnown || !Group.IsPartyMassGroup ? "This organisation is not a party–mass group." : $"The party–mass group '{Group.Name}' is closed.";
}

public sealed record DiscussionCannotBeInTheFutureRule(DateOnly HeldOn, DateOnly Today) : IBusinessRule
{
    public bool IsBroken() => HeldOn > Today;

    public string Code => "party-mass-discussion.in-future";

    public string Field => "heldOn";

    public string MessageZh => "只能记录已召开的讨论（日期不能晚于今天）。";

    public string MessageEn => "Only a discussion already held can be recorded (the date cannot be in the future).";
}

public sealed record DiscussionAttendeeMustBeInTheGroupRule(Guid MemberId, IReadOnlySet<Guid> GroupMembers, int Index) : IBusinessRule
{
    public bool IsBroken() => !GroupMembers.Contains(MemberId);

    public string Code => "party-mass-discussion.not-in-group";

    public string Field => $"attendance[{Index}].memberId";

    public string MessageZh => "该党员不属于本党群小组。";

    public string MessageEn => "This member is not in the party–mass group.";
}

public sealed record OneDiscussionPerGroupAndMonthRule(DateOnly Month) : IBusinessRule
{
    public bool IsBroken() => true;

    public string Code => "party-mass-discussion.month-taken";

    public string Field => "heldOn";

    public string MessageZh => $"本党群小组 {Month:yyyy 年 M 月} 的讨论已经记录。";

    public string MessageEn => $"This group's discussion of {Month:yyyy-MM} is already recorded.";
}
