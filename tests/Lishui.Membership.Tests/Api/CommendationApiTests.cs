using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Contracts;
using Lishui.Contracts.Assessment;
using Lishui.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Tests.Api;

/// <summary>MemberCommended from Assessment becomes a commendation on the member, listed per organisation and year.</summary>
public sealed class CommendationApiTests(MembershipApiFactory api) : IClassFixture<MembershipApiFactory>
{
    private static MemberCommended Commended(Guid member, int year, Guid organisation) =>
        new MemberCommended { MemberId = member, SchemeId = Guid.CreateVersion7(), NoticeId = Guid.CreateVersion7(), Year = year }
            .About(Guid.CreateVersion7(), organisation, 1, DateTimeOffset.UtcNow);

    [Fact]
    public async Task An_excellent_member_is_commended_once_a_year_and_listed_for_the_villages_secretary()
    {
        var village = await api.CreateOrganisationAsync(new { name = "鹤峰村党委", kind = "PartyCommittee", parentId = await api.TownAsync(), sector = "Village" });
        var branch = await api.CreateOrganisationAsync(new { name = "鹤峰村党支部", kind = "Branch", parentId = village });
        var other = await api.CreateOrganisationAsync(new { name = "洲村党委", kind = "PartyCommittee", parentId = await api.TownAsync(), sector = "Village" });
        var member = await api.RegisterMemberAsync(branch, "何丽娟");
        var colleague = await api.RegisterMemberAsync(branch, "陈志明");
        using var client = api.CreateClient();
        await using var assessment = await AssessmentNews.StartAsync(api.Infrastructure);

        var first = Commended(member, 2025, village);
        await assessment.PublishUntilAsync(first, () => api.WithDbAsync(db => db.Commendations.CountAsync(c => c.MemberId == new Lishui.Membership.Domain.MemberId(member))), n => n > 0,
            "the commendation should be recorded");
        await assessment.PublishAsync(first); // redelivered
        var again = Commended(member, 2025, village); // published again by a retried finalisation
        await assessment.PublishAsync(again);
        var earlier = Commended(member, 2024, village);
        await assessment.PublishUntilAsync(earlier, () => api.WithDbAsync(db => db.Commendations.CountAsync(c => c.MemberId == new Lishui.Membership.Domain.MemberId(member))), n => n == 2,
            "the 2024 commendation should be recorded");
        await Eventually.MatchAsync(() => api.WithDbAsync(db => db.Set<Lishui.Shared.Messaging.InboxMessage>().AnyAsync(m => m.MessageId == again.EventId)), seen => seen,
            because: "the second finding consumed");
        Assert.Equal(2, await api.WithDbAsync(db => db.Commendations.CountAsync(c => c.MemberId == new Lishui.Membership.Domain.MemberId(member))));

        var own = await api.ClientWith(TestTokens.Member(member, "heli")).GetFromJsonAsync<JsonElement>($"/members/{member}/commendations");
        Assert.Equal([2025, 2024], own.EnumerateArray().Select(c => c.GetProperty("year").GetInt32()).ToList());
        Assert.Equal(HttpStatusCode.Forbidden, (await api.ClientWith(TestTokens.Member(colleague, "chen")).GetAsync($"/members/{member}/commendations")).StatusCode);

        using var secretary = api.ClientWith(TestTokens.Secretary(village, "hefeng-secretary"));
        var list = await secretary.GetFromJsonAsync<JsonElement>($"/commendations?organisationId={village}&year=2025");
        var entry = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(("何丽娟", branch), (entry.GetProperty("memberName").GetString(), entry.GetProperty("organisationId").GetGuid()));
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync($"/commendations?organisationId={other}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/commendations?year=99")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/members/{Guid.NewGuid()}/commendations")).StatusCode);
    }
}
