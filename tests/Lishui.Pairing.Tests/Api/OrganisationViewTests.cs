using Lishui.Shared.Messaging;
using Lishui.Contracts;
using Lishui.Contracts.Membership;
using Lishui.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Tests.Api;

/// <summary>Membership's organisation events, through the real broker, into Pairing's local organisation view.</summary>
public sealed class OrganisationViewTests(PairingApiFactory api) : IClassFixture<PairingApiFactory>
{
    private static T At<T>(T e, Guid id, long sequence)
        where T : IntegrationEvent => e.About(id, id, sequence, DateTimeOffset.UtcNow);

    private Task<LocalOrganisation?> ViewAsync(Guid id) =>
        api.WithDbAsync(db => db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.OrganisationId == id));

    [Fact]
    public async Task Created_renamed_moved_and_closed_organisations_reach_the_local_view()
    {
        await api.StartedAsync(); // the service and its consumers, listening
        var town = Guid.CreateVersion7();
        var village = Guid.CreateVersion7();
        var otherParent = Guid.CreateVersion7();
        await api.PublishAsync(At(new OrganisationCreated { ParentId = town, Name = "鹤峰村党委", Kind = OrganisationKind.PartyCommittee, EconomicCooperative = null }, village, 1));
        await Eventually.MatchAsync(() => ViewAsync(village), o => o is not null, because: "OrganisationCreated should be applied");

        await api.PublishAsync(At(new OrganisationRenamed { Name = "鹤峰村党委（新）" }, village, 2));
        await api.PublishAsync(At(new OrganisationMoved { PreviousParentId = town, ParentId = otherParent }, village, 3));
        await api.PublishAsync(At(new OrganisationClosed(), village, 4));

        var view = await Eventually.MatchAsync(() => ViewAsync(village), o => o!.Sequence == 4, because: "all three changes should be applied");
        Assert.Equal("鹤峰村党委（新）", view!.Name);
        Assert.Equal(otherParent, view.ParentId);
        Assert.True(view.Closed);
    }

    [Fact]
    public async Task A_stale_rename_is_ignored()
    {
        await api.StartedAsync();
        var id = Guid.CreateVersion7();
        await api.PublishAsync(At(new OrganisationCreated { ParentId = null, Name = "旧名", Kind = OrganisationKind.Branch, EconomicCooperative = null }, id, 1));
        await Eventually.MatchAsync(() => ViewAsync(id), o => o is not null);
        await api.PublishAsync(At(new OrganisationRenamed { Name = "最新名称" }, id, 3));
        await Eventually.MatchAsync(() => ViewAsync(id), o => o!.Sequence == 3);

        var stale = At(new OrganisationRenamed { Name = "过时名称" }, id, 2);
        await api.PublishAsync(stale);
        await Eventually.MatchAsync(
            () => api.WithDbAsync(db => db.Set<Lishui.Shared.Messaging.InboxMessage>().AnyAsync(m => m.MessageId == stale.EventId)),
            seen => seen, because: "the stale event should be consumed");

        Assert.Equal("最新名称", (await ViewAsync(id))!.Name);
    }

    [Fact]
    public async Task A_rename_arriving_before_the_creation_is_retried_not_dropped()
    {
        await api.StartedAsync();
        var id = Guid.CreateVersion7();
        await api.PublishAsync(At(new OrganisationRenamed { Name = "更名后" }, id, 2));
        await Task.Delay(300); // the rename is now failing and being retried

        await api.PublishAsync(At(new OrganisationCreated { ParentId = null, Name = "原名", Kind = OrganisationKind.Branch, EconomicCooperative = null }, id, 1));

        var view = await Eventually.MatchAsync(() => ViewAsync(id), o => o?.Sequence == 2, because: "the retried rename should apply once the creation is in");
        Assert.Equal("更名后", view!.Name);
    }
}
