using Lishui.Contracts.Pairing;
using Lishui.Shared.Domain;

namespace Lishui.Pairing.Domain;

public enum ContactChannel
{
    Visit,
    Phone,
    Meeting,
}

/// <summary>
/// 党员结对: one organ member and one village member on a pairing list. A pair that a regeneration
/// moves is ended and a new one begins, so contacts always belong to the pair that made them.
/// </summary>
public sealed class MemberPair : AggregateRoot
{
    private MemberPair()
    {
    }

    public Guid Id { get; private set; }

    public Guid PairingId { get; private set; }

    public Guid OrganMemberId { get; private set; }

    public Guid VillageMemberId { get; private set; }

    public bool Pinned { get; private set; }

    public DateOnly Since { get; private set; }

    public DateOnly? EndedOn { get; private set; }

    public DateOnly? LastContactedOn { get; private set; }

    /// <summary>The missed due date last reported as overdue, so each overdue period is reported once.</summary>
    public DateOnly? OverdueNotifiedFor { get; private set; }

    public bool IsActive => EndedOn is null;

    public static MemberPair Begin(Guid id, Guid pairingId, PlannedPair planned, DateOnly since) => new()
    {
        Id = id,
        PairingId = pairingId,
        OrganMemberId = planned.OrganMemberId,
        VillageMemberId = planned.VillageMemberId,
        Pinned = planned.Pinned,
        Since = since,
    };

    public void Repin(bool pinned) => Pinned = pinned;

    public void End(DateOnly on) => EndedOn ??= on;

    /// <summary>Records a contact; its event belongs to the pairing's organ branch.</summary>
    public void LogContact(DateOnly contactedOn, ContactChannel channel, DateOnly today, Guid organBranchId, DateTimeOffset now)
    {
        CheckRule(new ContactCannotBeInTheFutureRule(contactedOn, today));
        CheckRule(new MemberPairMustBeActiveRule(this));
        if (LastContactedOn is null || contactedOn > LastContactedOn)
        {
            LastContactedOn = contactedOn;
        }

        Record(new ContactLogged
        {
            MemberPairId = Id,
            PairingId = PairingId,
            OrganMemberId = OrganMemberId,
            VillageMemberId = VillageMemberId,
            ContactedOn = contactedOn,
            Channel = channel.ToString(),
        }, Id, organBranchId, now);
    }

    /// <summary>The due date missed as of <paramref name="today"/>, or null when the pair is in compliance.</summary>
    public DateOnly? MissedDueDate(int contactEveryDays, DateOnly today) =>
        ContactSchedule.MissedDueDate(LastContactedOn ?? Since, contactEveryDays, today);

    /// <summary>
    /// Marks the pair overdue for <paramref name="today"/>'s period; false when it is not overdue or this
    /// period was already reported. The event belongs to the pairing's organ branch.
    /// </summary>
    public bool MarkOverdue(int contactEveryDays, DateOnly today, Guid organBranchId, DateTimeOffset now)
    {
        if (!IsActive || MissedDueDate(contactEveryDays, today) is not { } due || OverdueNotifiedFor == due)
        {
            return false;
        }

        OverdueNotifiedFor = due;
        Record(new ContactOverdue
        {
            MemberPairId = Id,
            PairingId = PairingId,
            OrganMemberId = OrganMemberId,
            VillageMemberId = VillageMemberId,
            DueOn = due,
            LastContactedOn = LastContactedOn,
        }, Id, organBranchId, now);
        return true;
    }
}

/// <summary>When a pair that must be in contact every N days is overdue.</summary>
public static class ContactSchedule
{
    /// <summary>
    /// Contact is due N days after the last one (or the pair's start); from the day after, the pair
    /// is overdue. Each further N days without contact is a new overdue period with its own due date.
    /// </summary>
    public static DateOnly? MissedDueDate(DateOnly anchor, int everyDays, DateOnly today)
    {
        var days = today.DayNumber - anchor.DayNumber;
        if (days <= everyDays)
        {
            return null;
        }

        var periods = (days - 1) / everyDays; // 1 from day N+1 to day 2N, 2 from 2N+1, …
        return anchor.AddDays(periods * everyDays);
    }
}

public sealed record ContactCannotBeInTheFutureRule(DateOnly ContactedOn, DateOnly Today) : IBusinessRule
{
    public bool IsBroken() => ContactedOn > Today;

    public string Code => "contact.in-future";

    public string Field => "contactedOn";

    public string MessageZh => "联系日期不能晚于今天。";

    public string MessageEn => "The contact date cannot be in the future.";
}

public sealed record MemberPairMustBeActiveRule(MemberPair Pair) : IBusinessRule
{
    public bool IsBroken() => !Pair.IsActive;

    public string Code => "member-pair.ended";

    public string MessageZh => "该党员结对已结束。";

    public string MessageEn => "This member pair has ended.";
}
