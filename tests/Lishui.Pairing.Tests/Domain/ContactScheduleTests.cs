using Lishui.Pairing.Domain;
using Lishui.Shared.Domain;

namespace Lishui.Pairing.Tests.Domain;

[Trait("Category", "Unit")]
public sealed class ContactScheduleTests
{
    private static readonly DateOnly Start = new(2026, 3, 1);
    private static readonly DateTimeOffset Now = new(2026, 5, 20, 1, 0, 0, TimeSpan.Zero);
    private static readonly Guid Organ = Guid.NewGuid();

    private static MemberPair NewPair() =>
        MemberPair.Begin(Guid.NewGuid(), Guid.NewGuid(), new PlannedPair(Guid.NewGuid(), Guid.NewGuid(), false), Start);

    [Fact]
    public void A_pair_is_in_compliance_up_to_and_including_the_due_day()
    {
        Assert.Null(ContactSchedule.MissedDueDate(Start, 30, Start.AddDays(30)));
        Assert.Equal(Start.AddDays(30), ContactSchedule.MissedDueDate(Start, 30, Start.AddDays(31)));
    }

    [Fact]
    public void Each_further_interval_without_contact_is_a_new_overdue_period()
    {
        Assert.Equal(Start.AddDays(30), ContactSchedule.MissedDueDate(Start, 30, Start.AddDays(60)));
        Assert.Equal(Start.AddDays(60), ContactSchedule.MissedDueDate(Start, 30, Start.AddDays(61)));
    }

    [Fact]
    public void Overdue_is_reported_once_per_period_not_every_day()
    {
        var pair = NewPair();

        var reported = Enumerable.Range(0, 70)
            .Count(day => pair.MarkOverdue(30, Start.AddDays(day), Organ, Now));

        Assert.Equal(2, reported); // day 31 (first period) and day 61 (second)
    }

    [Fact]
    public void A_contact_restarts_the_clock()
    {
        var pair = NewPair();
        pair.LogContact(Start.AddDays(25), ContactChannel.Visit, Start.AddDays(25), Organ, Now);

        Assert.False(pair.MarkOverdue(30, Start.AddDays(40), Organ, Now));
        Assert.True(pair.MarkOverdue(30, Start.AddDays(56), Organ, Now));
    }

    [Fact]
    public void A_contact_in_the_future_is_refused()
    {
        var pair = NewPair();

        var refused = Assert.Throws<BusinessRuleViolation>(() => pair.LogContact(Start.AddDays(2), ContactChannel.Visit, Start.AddDays(1), Organ, Now));

        Assert.Equal("contact.in-future", refused.Rule.Code);
        Assert.Null(pair.LastContactedOn);
    }
}
