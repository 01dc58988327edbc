using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Contracts;
using Lishui.Contracts.Assessment;
using Lishui.Contracts.Membership;
using Lishui.Shared.Domain;
using Lishui.Shared.Messaging;
using Lishui.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Tests.Api;

/// <summary>Assessment's "unqualified two years in a row" arrives over the real broker and opens a case the committee decides.</summary>
public sealed class WithdrawalAdviceApiTests(MembershipApiFactory api) : IClassFixture<MembershipApiFactory>, IAsyncLifetime
{
    private IBusControl assessment = null!;

    public async Task InitializeAsync()
    {
        // Assessment, as far as the broker can tell: publishes on the contract's exchange.
        assessment = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(api.Infrastructure.RabbitMq);
            cfg.MessageTopology.SetEntityNameFormatter(new ContractEntityNameFormatter(cfg.MessageTopology.EntityNameFormatter));
        });
        await assessment.StartAsync();
    }

    public async Task DisposeAsync() => await assessment.StopAsync();

    /// <summary>A village committee with a branch and a party–mass group; the member sits in the group.</summary>
    private async Task<(Guid Village, Guid Member)> VillageMemberAsync(string name)
    {
        var village = await api.CreateOrganisationAsync(new { name = $"{name}村党委", kind = "PartyCommittee", parentId = await api.TownAsync() });
        var branch = await api.CreateOrganisationAsync(new { name = $"{name}村党支部", kind = "Branch", parentId = village });
        var group = await api.CreateOrganisationAsync(new { name = $"{name}党群小组", kind = "PartyMassGroup", parentId = branch, economicCooperative = $"{name}经济社" });
        return (village, await api.RegisterMemberAsync(group, $"{name}党员"));
    }

    private static MemberUnqualifiedConsecutively Unqualified(Guid member, Guid organisation, int year = 2025) =>
        new MemberUnqualifiedConsecutively { MemberId = member, SchemeId = Guid.CreateVersion7(), PreviousYear = year - 1, Year = year }
            .About(member, organisation, 1, DateTimeOffset.UtcNow);

    /// <summary>Publishes (again, until it arrives: the service's queue is bound once its bus has started) and waits for the case.</summary>
    private async Task<JsonElement> CaseOpenedAsync(HttpClient client, Guid member, MemberUnqualifiedConsecutively message)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await assessment.PublishWithinDeadlineAsync(message);
            var cases = await client.GetFromJsonAsync<JsonElement>($"/withdrawal-advice-cases?memberId={member}");
            if (cases.GetProperty("total").GetInt32() > 0)
            {
                return cases.GetProperty("items")[0];
            }

            Assert.True(DateTime.UtcNow < deadline, "no withdrawal-advice case was opened");
            await Task.Delay(500);
        }
    }

    [Fact]
    public async Task Two_unqualified_years_open_one_case_for_the_nearest_party_committee_however_often_the_news_arrives()
    {
        var (village, member) = await VillageMemberAsync("上村");
        await using var opened = await EventListener<WithdrawalAdviceCaseOpened>.StartAsync(api.Infrastructure);
        using var client = api.CreateClient();
        var message = Unqualified(member, village);

        var @case = await CaseOpenedAsync(client, member, message);
        await assessment.PublishWithinDeadlineAsync(message); // redelivered
        await assessment.PublishWithinDeadlineAsync(Unqualified(member, village)); // the same finding, published again as a new event

        Assert.Equal(village, @case.GetProperty("partyCommitteeId").GetGuid());
        Assert.Equal("Open", @case.GetProperty("status").GetString());
        Assert.Equal([2024, 2025], @case.GetProperty("unqualifiedYears").EnumerateArray().Select(y => y.GetInt32()));
        var published = await opened.ReceivedAsync(e => e.MemberId == member, because: "WithdrawalAdviceCaseOpened should reach a subscriber");
        Assert.Equal((village, village, @case.GetProperty("id").GetGuid()), (published.PartyCommitteeId, published.OrganisationId, published.CaseId));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await api.WithDbAsync(db => db.WithdrawalAdviceCases.CountAsync(c => c.MemberId == new Lishui.Membership.Domain.MemberId(member))));
        Assert.Equal("Full", (await client.GetFromJsonAsync<JsonElement>($"/members/{member}")).GetProperty("status").GetString());
        Assert.Single(opened.Received, e => e.MemberId == member);
    }

    [Theory]
    [InlineData("AdviseWithdrawal", "WithdrawalAdvised")]
    [InlineData("RemoveFromRoll", "RemovedFromRoll")]
    public async Task The_committees_decision_moves_the_member_through_the_lifecycle_with_its_event(string decision, string status)
    {
        var (village, member) = await VillageMemberAsync(decision == "AdviseWithdrawal" ? "中村" : "下村");
        await using var changed = await EventListener<MemberStatusChanged>.StartAsync(api.Infrastructure);
        using var client = api.CreateClient();
        var @case = await CaseOpenedAsync(client, member, Unqualified(member, village));
        var today = TownCalendar.DateOf(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd");

        var response = await client.PostAsJsonAsync($"/withdrawal-advice-cases/{@case.GetProperty("id").GetGuid()}/decision",
            new { decision, decidedOn = today, decidedBy = "上村党委会议" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var decided = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Closed", decision, "上村党委会议"), (decided.GetProperty("status").GetString(), decided.GetProperty("decision").GetString(), decided.GetProperty("decidedBy").GetString()));
        Assert.Equal(status, (await client.GetFromJsonAsync<JsonElement>($"/members/{member}")).GetProperty("status").GetString());
        var published = await changed.ReceivedAsync(e => e.MemberId == member, because: "MemberStatusChanged should reach a subscriber");
        Assert.Equal((MemberStatus.Full, Enum.Parse<MemberStatus>(status)), (published.PreviousStatus, published.Status));
        var history = await client.GetFromJsonAsync<JsonElement>($"/members/{member}/status-changes");
        Assert.Equal("上村党委会议", history[0].GetProperty("decidedBy").GetString());

        var again = await client.PostAsJsonAsync($"/withdrawal-advice-cases/{@case.GetProperty("id").GetGuid()}/decision",
            new { decision = "Keep", decidedOn = today, decidedBy = "上村党委会议", reason = "改正" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Equal("withdrawal-advice-case.closed", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Keeping_the_member_needs_a_reason_and_leaves_the_status_as_it_was()
    {
        var (village, member) = await VillageMemberAsync("东村");
        using var client = api.CreateClient();
        var @case = await CaseOpenedAsync(client, member, Unqualified(member, village));
        var url = $"/withdrawal-advice-cases/{@case.GetProperty("id").GetGuid()}/decision";
        var today = TownCalendar.DateOf(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd");

        var withoutReason = await client.PostAsJsonAsync(url, new { decision = "Keep", decidedOn = today, decidedBy = "东村党委" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, withoutReason.StatusCode);
        Assert.True((await withoutReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));

        var kept = await client.PostAsJsonAsync(url, new { decision = "Keep", decidedOn = today, decidedBy = "东村党委", reason = "经组织谈话已认识错误，本年度表现好转" });
        Assert.Equal(HttpStatusCode.Created, kept.StatusCode);
        Assert.Equal("Full", (await client.GetFromJsonAsync<JsonElement>($"/members/{member}")).GetProperty("status").GetString());
        var closed = await client.GetFromJsonAsync<JsonElement>($"/withdrawal-advice-cases?status=Closed&memberId={member}");
        Assert.Equal("经组织谈话已认识错误，本年度表现好转", closed.GetProperty("items")[0].GetProperty("reason").GetString());
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"/withdrawal-advice-cases?status=Open&memberId={member}")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/withdrawal-advice-cases?status=Pending")).StatusCode);
    }
}
