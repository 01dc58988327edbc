using Lishui.Contracts;
using Lishui.Contracts.Membership;
using Lishui.Notification.Domain;
using Lishui.Notification.Domain.Delivery;
using Lishui.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Lishui.Notification.Tests.DeliveryScenario;

namespace Lishui.Notification.Tests;

/// <summary>
/// Who "the secretary" and "the committee" are, from Membership's organisation and role events sent over
/// the broker: the nearest secretary at or above an organisation, and a village committee's office holders
/// wherever they are registered.
/// </summary>
public sealed class RoutingTests
{
    // Tuesday 24 November 2026, 10:00 in Lishui: outside quiet hours.
    private static readonly DateTimeOffset TuesdayMorning = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);

    private sealed record Tree(Guid Town, Guid Village, Guid Branch, Guid Group);

    private static async Task<Tree> TreeAsync(NotificationHost host, DateTimeOffset at)
    {
        var tree = new Tree(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await host.PublishAsync(Organisation(tree.Town, null, "里水镇党委", "PartyCommittee", at));
        await host.PublishAsync(Organisation(tree.Village, tree.Town, "鹤峰村党委", "PartyCommittee", at));
        await host.PublishAsync(Organisation(tree.Branch, tree.Village, "鹤峰村党支部", "Branch", at));
        await host.PublishAsync(Organisation(tree.Group, tree.Branch, "高边党群小组", "PartyMassGroup", at));
        await Eventually.MatchAsync(() => host.WithDbAsync(db => db.Organisations.CountAsync(o => o.OrganisationId == tree.Town || o.OrganisationId == tree.Village
            || o.OrganisationId == tree.Branch || o.OrganisationId == tree.Group)), n => n == 4, because: "the tree is known");
        return tree;
    }

    private static OrganisationCreated Organisation(Guid id, Guid? parent, string name, string kind, DateTimeOffset at) =>
        new OrganisationCreated { ParentId = parent, Name = name, Kind = Enum.Parse<OrganisationKind>(kind), EconomicCooperative = kind == "PartyMassGroup" ? "高边经济社" : null }.About(id, id, 1, at);

    private static async Task<Guid> MemberAsync(NotificationHost host, string name, Guid organisation, DateTimeOffset at)
    {
        var member = Guid.CreateVersion7();
        await host.PublishAsync(new MemberRegistered { MemberId = member, Name = name, Status = MemberStatus.Full, JoinedOn = new DateOnly(2010, 7, 1) }.About(member, organisation, 1, at));
        await MemberKnownAsync(host, member);
        return member;
    }

    private static async Task OfficeAsync(NotificationHost host, Guid member, string role, Guid office, DateTimeOffset at, bool wait = true)
    {
        await host.PublishAsync(new MemberRoleAssigned { MemberId = member, Role = role, AssignedOn = new DateOnly(2026, 1, 5) }.About(member, office, 2, at));
        if (wait)
        {
            await Eventually.MatchAsync(() => host.WithDbAsync(db => db.Roles.AnyAsync(r => r.MemberId == member && r.OrganisationId == office && r.Active)), known => known,
                because: "MemberRoleAssigned consumed");
        }
    }

    private static Task<List<Domain.Notification>> InboxAsync(NotificationHost host, Guid member, NotificationKind kind) =>
        host.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.RecipientId == member && n.Kind == kind).ToListAsync());

    private static async Task<List<Domain.Notification>> DeliveredAsync(NotificationHost host, Guid member, NotificationKind kind) =>
        await Eventually.MatchAsync(async () =>
        {
            await host.DispatchAsync();
            return await InboxAsync(host, member, kind);
        }, inbox => inbox.Count > 0, because: $"{kind} delivered to {member}");

    [Fact]
    public async Task A_talk_about_a_group_member_goes_to_the_branch_secretary_when_the_group_has_none()
    {
        var clock = new FakeTimeProvider(TuesdayMorning);
        await using var host = await NotificationHost.StartAsync(new Dictionary<string, string?> { ["Notification:Delivery:DigestWindow"] = "00:00:00" }, clock);
        var tree = await TreeAsync(host, clock.GetUtcNow());
        var branchSecretary = await MemberAsync(host, "陈志明", tree.Branch, clock.GetUtcNow());
        var villageSecretary = await MemberAsync(host, "黄德胜", tree.Village, clock.GetUtcNow());
        var member = await MemberAsync(host, "梁文辉", tree.Group, clock.GetUtcNow());
        await OfficeAsync(host, branchSecretary, "Secretary", tree.Branch, clock.GetUtcNow());
        await OfficeAsync(host, villageSecretary, "Secretary", tree.Village, clock.GetUtcNow());

        var talk = TalkRequired(member, clock.GetUtcNow()) with { OrganisationId = tree.Group };
        await host.PublishAsync(talk);

        var delivered = Assert.Single(await DeliveredAsync(host, branchSecretary, NotificationKind.OrganisationalTalkRequiredSecretary));
        Assert.Contains("梁文辉同志", delivered.Body);
        Assert.Contains("陈志明同志", delivered.Body);
        await host.DispatchAsync();
        Assert.Empty(await InboxAsync(host, villageSecretary, NotificationKind.OrganisationalTalkRequiredSecretary)); // the nearest answers, not every one above
        var log = await LogAsync(host, talk.EventId);
        Assert.Contains(log, e => e.Outcome == "Expanded" && e.Detail!.Contains("the nearest above", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_withdrawal_advice_case_reaches_a_branch_member_on_the_village_committee_but_not_the_branch_secretary()
    {
        var clock = new FakeTimeProvider(TuesdayMorning);
        await using var host = await NotificationHost.StartAsync(new Dictionary<string, string?> { ["Notification:Delivery:DigestWindow"] = "00:00:00" }, clock);
        var tree = await TreeAsync(host, clock.GetUtcNow());
        var committeeMember = await MemberAsync(host, "何丽娟", tree.Branch, clock.GetUtcNow());
        var branchSecretary = await MemberAsync(host, "陈志明", tree.Branch, clock.GetUtcNow());
        var subject = await MemberAsync(host, "梁文辉", tree.Group, clock.GetUtcNow());
        await OfficeAsync(host, committeeMember, "CommitteeMember", tree.Village, clock.GetUtcNow());
        await OfficeAsync(host, branchSecretary, "Secretary", tree.Branch, clock.GetUtcNow());

        var caseId = Guid.CreateVersion7();
        await host.PublishAsync(new WithdrawalAdviceCaseOpened
        {
            CaseId = caseId, MemberId = subject, PartyCommitteeId = tree.Village, UnqualifiedYears = [2024, 2025], OpenedOn = new DateOnly(2026, 11, 24),
        }.About(caseId, tree.Village, 1, clock.GetUtcNow()));

        var delivered = Assert.Single(await DeliveredAsync(host, committeeMember, NotificationKind.WithdrawalAdviceCaseOpened));
        Assert.Contains("何丽娟同志", delivered.Body);
        Assert.Contains("梁文辉同志", delivered.Body);
        await host.DispatchAsync();
        Assert.Empty(await InboxAsync(host, branchSecretary, NotificationKind.WithdrawalAdviceCaseOpened));
    }

    [Fact]
    public async Task A_message_parked_for_want_of_any_secretary_goes_out_when_one_is_assigned_above()
    {
        var clock = new FakeTimeProvider(TuesdayMorning);
        await using var host = await NotificationHost.StartAsync(new Dictionary<string, string?> { ["Notification:Delivery:DigestWindow"] = "00:00:00" }, clock);
        var tree = await TreeAsync(host, clock.GetUtcNow());
        var member = await MemberAsync(host, "梁文辉", tree.Group, clock.GetUtcNow());
        var talk = TalkRequired(member, clock.GetUtcNow()) with { OrganisationId = tree.Group };
        await host.PublishAsync(talk);
        await Eventually.MatchAsync(async () =>
        {
            await host.DispatchAsync();
            return await host.WithDbAsync(db => db.Dispatches.AnyAsync(d => d.SourceEventId == talk.EventId && d.Audience == Audience.Secretary && d.Status == DispatchStatus.Parked));
        }, parked => parked, because: "no secretary anywhere above the group yet");

        var villageSecretary = await MemberAsync(host, "黄德胜", tree.Village, clock.GetUtcNow());
        await OfficeAsync(host, villageSecretary, "Secretary", tree.Village, clock.GetUtcNow());

        Assert.Single(await DeliveredAsync(host, villageSecretary, NotificationKind.OrganisationalTalkRequiredSecretary));
    }

    [Fact]
    public async Task An_overdue_talk_reminds_the_secretary_who_holds_it_once()
    {
        var clock = new FakeTimeProvider(TuesdayMorning);
        await using var host = await NotificationHost.StartAsync(new Dictionary<string, string?> { ["Notification:Delivery:DigestWindow"] = "00:00:00" }, clock);
        var tree = await TreeAsync(host, clock.GetUtcNow());
        var branchSecretary = await MemberAsync(host, "陈志明", tree.Branch, clock.GetUtcNow());
        var member = await MemberAsync(host, "黄德胜", tree.Group, clock.GetUtcNow());
        await OfficeAsync(host, branchSecretary, "Secretary", tree.Branch, clock.GetUtcNow());

        var talk = Guid.CreateVersion7();
        var overdue = new OrganisationalTalkOverdue { TalkId = talk, MemberId = member, Year = 2025, DueOn = new DateOnly(2026, 11, 20) }.About(talk, tree.Group, 2, clock.GetUtcNow());
        await host.PublishAsync(overdue);
        await host.PublishAsync(overdue);

        var delivered = Assert.Single(await DeliveredAsync(host, branchSecretary, NotificationKind.OrganisationalTalkOverdue));
        Assert.Equal("组织谈话已逾期", delivered.Title);
        Assert.Contains("黄德胜同志2025年度考核不合格", delivered.Body);
        Assert.Contains("2026-11-20", delivered.Body);
        await host.DispatchAsync();
        Assert.Single(await InboxAsync(host, branchSecretary, NotificationKind.OrganisationalTalkOverdue));
    }
}
