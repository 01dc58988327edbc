using Lishui.Contracts.Membership;
using Lishui.Membership.Domain;
using Lishui.Membership.Domain.Organisations;

namespace Lishui.Membership.Tests.Domain;

/// <summary>The aggregates record the events their changes publish, numbered by the aggregate's version.</summary>
[Trait("Category", "Unit")]
public sealed class RecordedEventsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static readonly Organisation Town = Organisation.Create(new OrganisationId(Guid.CreateVersion7()), "里水镇党委", OrganisationKind.PartyCommittee, null, null, Now);

    private static readonly Organisation Hefeng =
        Organisation.Create(new OrganisationId(Guid.CreateVersion7()), "鹤峰村党委", OrganisationKind.PartyCommittee, Town, null, Now, OrganisationSector.Village);

    private static Member Full() =>
        Member.Register(new MemberId(Guid.CreateVersion7()), "张建国", Gender.Male, new DateOnly(1958, 3, 12), new DateOnly(1982, 7, 1), new DateOnly(1983, 7, 1), Hefeng.Id.Value, Now);

    [Fact]
    public void A_registered_member_records_its_registration_about_itself_in_its_organisation()
    {
        var member = Full();

        var registered = Assert.IsType<MemberRegistered>(Assert.Single(member.DomainEvents));
        Assert.Equal((member.Id.Value, Hefeng.Id.Value, 1L, Now), (registered.AggregateId, registered.OrganisationId, registered.Sequence, registered.OccurredAt));
        Assert.Equal(("张建国", MemberStatus.Full), (registered.Name, registered.Status));
    }

    [Fact]
    public void A_member_removed_from_the_roll_leaves_every_office_first_each_change_with_its_own_number()
    {
        var member = Full();
        member.ClearDomainEvents();
        var secretary = member.AssignRole(MemberRole.Secretary, Hefeng, Hefeng.Path, [], null, new DateOnly(2021, 5, 1), "镇党委", Now);
        var committee = member.AssignRole(MemberRole.CommitteeMember, Hefeng, Hefeng.Path, [secretary], null, new DateOnly(2021, 5, 1), "镇党委", Now);
        member.ClearDomainEvents();

        member.ChangeStatus(MemberStatus.RemovedFromRoll, new DateOnly(2026, 11, 1), "连续两年不合格", "鹤峰村党委", [secretary, committee], Now);

        var revoked = member.DomainEvents.Take(2).Select(Assert.IsType<MemberRoleRevoked>).ToList();
        Assert.Equal(["CommitteeMember", "Secretary"], revoked.Select(e => e.Role).Order());
        Assert.Equal([4L, 5L], revoked.Select(e => e.Sequence));
        var changed = Assert.IsType<MemberStatusChanged>(member.DomainEvents[2]);
        Assert.Equal((MemberStatus.RemovedFromRoll, false, 6L), (changed.Status, changed.OnRoll, changed.Sequence));
        Assert.Equal(3, member.DomainEvents.Count);
        Assert.False(secretary.IsActive || committee.IsActive);
    }

    [Fact]
    public void A_member_who_becomes_full_keeps_the_offices_held()
    {
        var member = Member.Register(new MemberId(Guid.CreateVersion7()), "陈小红", Gender.Female, new DateOnly(1998, 3, 1), new DateOnly(2025, 7, 1), null, Hefeng.Id.Value, Now);
        var leader = new RoleAssignment(Guid.CreateVersion7(), member.Id, Hefeng.Id.Value, MemberRole.GroupLeader, new DateOnly(2025, 8, 1), "鹤峰村党委", Now);
        member.ClearDomainEvents();

        member.ChangeStatus(MemberStatus.Full, new DateOnly(2026, 7, 1), "支部大会决议", "鹤峰村党委", [leader], Now);

        Assert.IsType<MemberStatusChanged>(Assert.Single(member.DomainEvents));
        Assert.True(leader.IsActive);
    }

    [Fact]
    public void A_refused_change_records_nothing()
    {
        var member = Full();
        member.ClearDomainEvents();

        Assert.ThrowsAny<Exception>(() => member.ChangeStatus(MemberStatus.Probationary, new DateOnly(2026, 1, 1), "错误", "鹤峰村党委", [], Now));

        Assert.Empty(member.DomainEvents);
    }

    [Fact]
    public void An_organisations_events_are_about_itself_and_belong_to_it()
    {
        var branch = Organisation.Create(new OrganisationId(Guid.CreateVersion7()), "第一党支部", OrganisationKind.Branch, Hefeng, null, Now);
        branch.Rename("第二党支部", Now);

        Assert.Equal([typeof(OrganisationCreated), typeof(OrganisationRenamed)], branch.DomainEvents.Select(e => e.GetType()));
        Assert.All(branch.DomainEvents, e => Assert.Equal((branch.Id.Value, branch.Id.Value), (e.AggregateId, e.OrganisationId)));
        Assert.Equal([1L, 2L], branch.DomainEvents.Select(e => e.Sequence));
    }
}
