using Lishui.Contracts.PracticalProjects;
using Lishui.PracticalProjects.Domain;
using Lishui.PracticalProjects.Domain.EchoWall;
using Lishui.PracticalProjects.Domain.Projects;
using Lishui.PracticalProjects.Domain.Requests;
using Lishui.Shared.Domain;

namespace Lishui.PracticalProjects.Tests;

[Trait("Category", "Unit")]
public sealed class RequestRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 6, 10);

    private static ResidentRequest Shelter(bool contactHeld = true) => ResidentRequest.FromStationingVisit(
        new ResidentRequestId(Guid.CreateVersion7()), Guid.CreateVersion7(), "ZD2026-00001", Guid.CreateVersion7(), Guid.CreateVersion7(), null,
        "学生接送点遮风挡雨", "鹤峰村学生接送点", ProjectDomain.Education, new DateOnly(2026, 6, 9), contactHeld, Now);

    private static string Broken(Action act) => Assert.Throws<BusinessRuleViolation>(act).Rule.Code;

    [Fact]
    public void Each_step_of_a_request_records_its_event_numbered_in_order()
    {
        var request = Shelter();
        var project = Guid.CreateVersion7();

        request.Accept("余海生", null, Today, Now);
        request.TurnIntoProject(project, "护苗长廊", "鹤峰村党委", null, Today, Now);

        Assert.Equal([typeof(ResidentRequestReceived), typeof(ResidentRequestAccepted), typeof(ResidentRequestTurnedIntoProject)],
            request.DomainEvents.Select(e => e.GetType()));
        Assert.Equal([1L, 2L, 3L], request.DomainEvents.Select(e => e.Sequence));
        Assert.All(request.DomainEvents, e => Assert.Equal((request.Id.Value, request.OrganisationId), (e.AggregateId, e.OrganisationId)));
        Assert.Equal((project, "护苗长廊"), (((ResidentRequestTurnedIntoProject)request.DomainEvents[2]).ProjectId, ((ResidentRequestTurnedIntoProject)request.DomainEvents[2]).ProjectTitle));
    }

    [Fact]
    public void A_request_goes_from_received_to_accepted_to_a_project_and_no_further()
    {
        var request = Shelter();
        var project = Guid.CreateVersion7();

        request.Accept("余海生", null, Today, Now);
        request.TurnIntoProject(project, "护苗长廊", "鹤峰村党委", "护苗长廊", Today, Now);

        Assert.Equal(RequestStatus.TurnedIntoProject, request.Status);
        Assert.Equal([RequestStatus.Accepted, RequestStatus.TurnedIntoProject], request.History.Select(h => h.To));
        Assert.Equal("request.transition-illegal", Broken(() => request.Answer("答复", "x", Today, Now)));
        Assert.Equal("request.transition-illegal", Broken(() => request.Accept("x", null, Today, Now)));
        Assert.Equal(3, request.Version);
    }

    [Fact]
    public void The_contact_is_held_by_pairing_for_a_stationing_visit_only_when_the_resident_left_one()
    {
        var held = Shelter(contactHeld: true);
        var none = Shelter(contactHeld: false);

        Assert.Equal(("pairing", held.PairingRequestId), (held.ContactHeldBy, held.ContactRequestId));
        Assert.Equal((null, null), (none.ContactHeldBy, none.ContactRequestId));
    }

    [Theory]
    [InlineData(15, null)]
    [InlineData(16, 1)]
    [InlineData(30, 1)]
    [InlineData(31, 2)]
    public void A_request_is_overdue_the_day_after_fifteen_days_and_again_every_fifteen(int daysAfterReceipt, int? period)
    {
        Assert.Equal(period, OverduePeriods.Current(new DateOnly(2026, 6, 1), 15, new DateOnly(2026, 6, 1).AddDays(daysAfterReceipt)));
    }

    [Fact]
    public void An_overdue_request_is_marked_once_per_period_and_an_answered_one_never()
    {
        var request = Shelter();
        var received = request.ReceivedOn;

        var first = request.MarkOverdue(15, received.AddDays(16), Now);
        var sameDay = request.MarkOverdue(15, received.AddDays(16), Now);
        var samePeriod = request.MarkOverdue(15, received.AddDays(29), Now);
        var next = request.MarkOverdue(15, received.AddDays(31), Now);
        request.Answer("已答复", "鹤峰村", Today, Now);

        Assert.Equal((1, received.AddDays(15)), (first!.Value.Period, first.Value.DueOn));
        Assert.Null(sameDay);
        Assert.Null(samePeriod);
        Assert.Equal((2, received.AddDays(30)), (next!.Value.Period, next.Value.DueOn));
        Assert.Null(request.MarkOverdue(15, received.AddDays(100), Now));
    }

    [Fact]
    public void A_grant_beyond_the_budget_needs_an_override_reason()
    {
        var project = PracticalProject.Propose(
            new ProjectId(Guid.CreateVersion7()), "护苗长廊", ProjectLevel.Village, "2026年第一批", ProjectDomain.Education, Guid.CreateVersion7(),
            "何书记", "鹤峰村", new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), 100_000m, "党群共建专项资金", null, 1, Now);

        project.Grant(Guid.CreateVersion7(), 100_000m, "党群共建专项资金", Today, "镇财政所", null, Today, Now);

        Assert.Equal("grant.over-budget", Broken(() => project.Grant(Guid.CreateVersion7(), 0.01m, "x", Today, "镇财政所", " ", Today, Now)));
        Assert.Equal("grant.amount-invalid", Broken(() => project.Grant(Guid.CreateVersion7(), 0m, "x", Today, "镇财政所", null, Today, Now)));
        project.Grant(Guid.CreateVersion7(), 5_000m, "村集体资金", Today, "鹤峰村", "材料涨价", Today, Now);
        Assert.Equal(105_000m, project.Granted);
    }

    [Theory]
    [InlineData("13800138000", true)]
    [InlineData("+86 138-0013-8000", true)]
    [InlineData("0757-85600000", true)]
    [InlineData("12345", false)]
    [InlineData("1380013800a", false)]
    public void A_contact_is_a_name_and_a_real_phone_number(string phone, bool valid)
    {
        Assert.Equal(valid, !new ContactMustBeCompleteRule("陈阿婆", phone).IsBroken());
    }

    [Fact]
    public void An_echo_post_is_hidden_with_a_reason_and_kept()
    {
        var post = EchoPost.Post(new EchoPostId(Guid.CreateVersion7()), "建议增加路灯", null, null, null, null, Now);

        Assert.Equal("echo.reason-required", Broken(() => post.Hide("  ", "宣传委员", Now)));
        post.Hide("重复留言", "宣传委员", Now);
        post.Restore("经核实非重复", "宣传委员", Now);

        Assert.False(post.Hidden);
        Assert.Equal([true, false], post.Moderation.Select(m => m.Hidden));
        Assert.Equal("echo.text-too-long", Broken(() => EchoPost.Post(new EchoPostId(Guid.CreateVersion7()), new string('字', 501), null, null, null, null, Now)));
    }
}
