using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Contracts.Pairing;
using Lishui.Pairing.Features;
using Lishui.Pairing.Features.Contacts;
using Lishui.Shared.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lishui.Pairing.Tests.Api;

public sealed class ContactApiTests(PairingApiFactory api) : IClassFixture<PairingApiFactory>
{
    private DateOnly Today => TimeProvider.System.Today();

    private async Task<List<Guid>> PairsAsync(PairingScenario scenario) =>
        (await scenario.GenerateListAsync(api)).GetProperty("pairs").EnumerateArray().Select(p => p.GetProperty("memberPairId").GetGuid()).ToList();

    /// <summary>As if the list had been published <paramref name="days"/> days ago.</summary>
    private Task<int> BackdateAsync(PairingScenario scenario, int days) =>
        api.WithDbAsync(db => db.MemberPairs.Where(p => p.PairingId == scenario.PairingId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Since, Today.AddDays(-days))));

    private Task<int> RunOverdueCheckAsync(DateOnly day) =>
        api.WithDbAsync(db => new ContactOverdueCheck(db, TimeProvider.System).RunAsync(day, CancellationToken.None));

    [Fact]
    public async Task A_logged_contact_is_kept_and_announced_without_its_summary()
    {
        var scenario = await PairingScenario.CreateAsync(api, organ: 1, village: 2);
        var pair = (await PairsAsync(scenario))[0];
        using var client = api.CreateClient();

        var response = await client.PostAsJsonAsync($"/member-pairs/{pair}/contacts",
            new { contactedOn = Today.ToString("yyyy-MM-dd"), channel = "Visit", summary = "入户走访，了解接送点避雨需求" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var logged = Assert.Single(await api.OutboxAsync<ContactLogged>(), e => e.MemberPairId == pair);
        Assert.Equal("Visit", logged.Channel);
        Assert.Equal(Today, logged.ContactedOn);
        Assert.Equal(scenario.Office, logged.OrganisationId);
        Assert.DoesNotContain(await api.OutboxPayloadsAsync<ContactLogged>(), payload => payload.Contains("接送点", StringComparison.Ordinal));
        Assert.Equal(Today, await api.WithDbAsync(db => db.MemberPairs.Where(p => p.Id == pair).Select(p => p.LastContactedOn).SingleAsync()));
    }

    [Fact]
    public async Task A_contact_dated_in_the_future_is_refused_and_nothing_is_written()
    {
        var scenario = await PairingScenario.CreateAsync(api, organ: 1, village: 1);
        var pair = (await PairsAsync(scenario))[0];
        using var client = api.CreateClient();

        var response = await client.PostAsJsonAsync($"/member-pairs/{pair}/contacts",
            new { contactedOn = Today.AddDays(1).ToString("yyyy-MM-dd"), channel = "Phone", summary = "明天的电话" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("contact.in-future", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("contactedOn", out _));
        Assert.False(await api.WithDbAsync(db => db.Contacts.AnyAsync(c => c.MemberPairId == pair)));
        Assert.DoesNotContain(await api.OutboxAsync<ContactLogged>(), e => e.MemberPairId == pair);
    }

    [Fact]
    public async Task An_unknown_channel_and_a_missing_summary_are_both_listed()
    {
        var scenario = await PairingScenario.CreateAsync(api, organ: 1, village: 1);
        var pair = (await PairsAsync(scenario))[0];
        using var client = api.CreateClient();

        var response = await client.PostAsJsonAsync($"/member-pairs/{pair}/contacts", new { contactedOn = Today.ToString("yyyy-MM-dd"), channel = "Telepathy" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("channel", out _));
        Assert.True(errors.TryGetProperty("summary", out _));
    }

    [Fact]
    public async Task Overdue_detection_fires_once_per_overdue_period()
    {
        var scenario = await PairingScenario.CreateAsync(api, organ: 1, village: 2, contactEveryDays: 30);
        var pairs = await PairsAsync(scenario);
        await BackdateAsync(scenario, 31);

        var firstRun = await RunOverdueCheckAsync(Today);
        var sameDay = await RunOverdueCheckAsync(Today);
        var nextWeek = await RunOverdueCheckAsync(Today.AddDays(7));
        var nextPeriod = await RunOverdueCheckAsync(Today.AddDays(30));

        Assert.Equal(2, firstRun);
        Assert.Equal(0, sameDay);
        Assert.Equal(0, nextWeek);
        Assert.Equal(2, nextPeriod);
        var events = (await api.OutboxAsync<ContactOverdue>()).Where(e => pairs.Contains(e.MemberPairId)).ToList();
        Assert.Equal(4, events.Count);
        Assert.Equal([Today.AddDays(-1), Today.AddDays(29)], events.Select(e => e.DueOn).Distinct().Order());
    }

    [Fact]
    public async Task Compliance_is_the_share_of_pairs_in_contact_on_time()
    {
        var scenario = await PairingScenario.CreateAsync(api, organ: 2, village: 4);
        var pairs = await PairsAsync(scenario);
        await BackdateAsync(scenario, 40);
        using var client = api.CreateClient();
        foreach (var pair in pairs.Take(3))
        {
            (await client.PostAsJsonAsync($"/member-pairs/{pair}/contacts",
                new { contactedOn = Today.AddDays(-5).ToString("yyyy-MM-dd"), channel = "Meeting", summary = "党建星期二会后交流" })).EnsureSuccessStatusCode();
        }

        var office = await client.GetFromJsonAsync<JsonElement>($"/organisations/{scenario.Office}/contact-compliance");
        var hefeng = await client.GetFromJsonAsync<JsonElement>($"/organisations/{scenario.Hefeng}/contact-compliance");

        Assert.Equal(4, office.GetProperty("pairs").GetInt32());
        Assert.Equal(3, office.GetProperty("compliant").GetInt32());
        Assert.Equal(0.75m, office.GetProperty("share").GetDecimal());
        Assert.Equal(office.GetProperty("share").GetDecimal(), hefeng.GetProperty("share").GetDecimal());
    }
}

/// <summary>The daily check as a background service, with its interval shortened by configuration.</summary>
public sealed class OverdueWorkerFactory : PairingApiFactory
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Pairing:ContactOverdue:Enabled", "true");
        builder.UseSetting("Pairing:ContactOverdue:Interval", "00:00:00.200");
    }
}

public sealed class ContactOverdueWorkerTests(OverdueWorkerFactory api) : IClassFixture<OverdueWorkerFactory>
{
    [Fact]
    public async Task The_background_check_reports_an_overdue_pair_once_however_often_it_runs()
    {
        var scenario = await PairingScenario.CreateAsync(api, organ: 1, village: 1);
        await scenario.GenerateListAsync(api);
        var today = TimeProvider.System.Today();
        await api.WithDbAsync(db => db.MemberPairs.Where(p => p.PairingId == scenario.PairingId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Since, today.AddDays(-45))));

        await Lishui.Testing.Eventually.MatchAsync(() => api.OutboxAsync<ContactOverdue>(), e => e.Count == 1, because: "the worker should report the overdue pair");
        await Task.Delay(1000); // several more runs

        Assert.Single(await api.OutboxAsync<ContactOverdue>());
    }
}
