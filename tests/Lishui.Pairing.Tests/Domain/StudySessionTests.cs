using Lishui.Contracts.Pairing;
using Lishui.Pairing.Domain;
using Lishui.Shared.Domain;

namespace Lishui.Pairing.Tests.Domain;

[Trait("Category", "Unit")]
public sealed class StudySessionTests
{
    private static readonly DateOnly Tuesday = new(2026, 11, 24);
    private static readonly Guid Member = Guid.NewGuid();
    private static readonly Guid Village = Guid.NewGuid();

    private static OrganisationPairing Pairing() => OrganisationPairing.Create(
        Guid.NewGuid(), new PairedOrganisation(Guid.NewGuid(), "党建工作办党支部", false), new PairedOrganisation(Guid.NewGuid(), "鹤峰村党委", false),
        new DateOnly(2026, 1, 1), null, "结对共建", 30, [], DateTimeOffset.UtcNow);

    private static StudySession Hold(DateOnly heldOn, string? movedReason, params AttendanceEntry[] attendance) =>
        StudySession.Hold(Guid.NewGuid(), Pairing(), heldOn, Tuesday, "第一议题", null, null, movedReason, attendance, new Dictionary<Guid, Guid> { [Member] = Village }, DateTimeOffset.UtcNow);

    [Fact]
    public void An_excused_absence_needs_a_reason()
    {
        var refused = Assert.Throws<BusinessRuleViolation>(() => Hold(Tuesday, null, new AttendanceEntry(Member, AttendanceStatus.Excused, " ")));

        Assert.Equal("attendance.reason-required", refused.Rule.Code);
        Assert.Equal("attendance[0].reason", refused.Rule.Field);
    }

    [Fact]
    public void A_member_is_recorded_once_per_session()
    {
        var refused = Assert.Throws<BusinessRuleViolation>(() => Hold(Tuesday, null,
            new AttendanceEntry(Member, AttendanceStatus.Present, null), new AttendanceEntry(Member, AttendanceStatus.Absent, null)));

        Assert.Equal("attendance.duplicate", refused.Rule.Code);
    }

    [Fact]
    public void A_session_cannot_be_recorded_before_it_is_held()
    {
        var refused = Assert.Throws<BusinessRuleViolation>(() => Hold(Tuesday.AddDays(7), null, new AttendanceEntry(Member, AttendanceStatus.Present, null)));

        Assert.Equal("study-session.in-future", refused.Rule.Code);
    }

    [Fact]
    public void Each_attendance_gets_its_own_sequence_after_the_session()
    {
        var session = Hold(Tuesday, null, new AttendanceEntry(Member, AttendanceStatus.Present, null));

        Assert.Equal(2, session.Version);
        Assert.Equal([1L, 2L], session.DomainEvents.Select(e => e.Sequence));
        var attended = Assert.IsType<AttendanceRecorded>(session.DomainEvents[1]);
        Assert.Equal((Member, Village, "Present"), (attended.MemberId, attended.MemberOrganisationId, attended.Attendance));
    }
}
