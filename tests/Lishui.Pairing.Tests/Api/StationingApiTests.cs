using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lishui.Contracts.Pairing;
using Lishui.Pairing.Domain;
using Lishui.Pairing.Features;
using Lishui.Shared.Domain;
using Lishui.Shared.Security;
using Lishui.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Tests.Api;

/// <summary>Pairing with its outbox relay running, so its events really reach the broker.</summary>
public sealed class RelayingPairingApiFactory : PairingApiFactory
{
    protected override bool WithOutboxRelay => true;
}

/// <summary>A village committee, a town leader stationed there on Tuesday afternoons, and a visit made last Tuesday.</summary>
public sealed record StationingScenario(Guid Village, Guid Leader, Guid ScheduleId, Guid VisitId, DateOnly VisitOn)
{
    public static async Task<StationingScenario> CreateAsync(PairingApiFactory api)
    {
        var town = await api.OrganisationAsync("里水镇党委", "PartyCommittee");
        var village = await api.OrganisationAsync("鹤峰村党委", "PartyCommittee", town);
        var leader = (await api.MembersAsync(town, 1, "驻点领导"))[0];
        var today = TimeProvider.System.Today();
        var lastTuesday = today.AddDays(-(((int)today.DayOfWeek - (int)DayOfWeek.Tuesday + 7) % 7));
        using var client = api.CreateClient();
        var schedule = await client.PostAsJsonAsync("/stationing-schedules", new
        {
            leaderMemberId = leader,
            villageCommitteeId = village,
            startsOn = lastTuesday.AddDays(-28).ToString("yyyy-MM-dd"),
            startTime = "14:30",
            place = "鹤峰村党群服务中心",
            createdBy = "镇党委办公室",
        });
        Assert.Equal(HttpStatusCode.Created, schedule.StatusCode);
        var scheduleId = (await schedule.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var visit = await client.PostAsJsonAsync($"/stationing-schedules/{scheduleId}/visits", new
        {
            on = lastTuesday.ToString("yyyy-MM-dd"),
            notes = "听取村民关于学生接送点的意见，随即带村干部到现场查看。",
            recordedBy = "鹤峰村党委 高书记",
        });
        Assert.Equal(HttpStatusCode.Created, visit.StatusCode);
        var visitId = (await visit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return new StationingScenario(village, leader, scheduleId, visitId, lastTuesday);
    }

    public static object PickUpShelter(string? phone = "13812345678") => new
    {
        residentName = "邹润好",
        contactPhone = phone,
        subject = "学生接送点没有遮风挡雨的设施，希望改善接送点环境",
        location = "鹤峰村文化驿站旁学生接送点",
        category = "Education",
        recordedBy = "驻点领导 余海生",
    };
}

public sealed partial class StationingApiTests(RelayingPairingApiFactory api) : IClassFixture<RelayingPairingApiFactory>
{
    [GeneratedRegex(@"^ZD\d{4}-\d{5}$")]
    private static partial Regex ReferenceFormat();

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task A_request_raised_at_a_stationing_visit_reaches_the_broker_with_its_reference_number_and_without_the_phone()
    {
        await using var listener = await EventListener<ResidentRequestRaised>.StartAsync(api.Infrastructure);
        var scenario = await StationingScenario.CreateAsync(api);
        using var client = api.CreateClient();

        var response = await client.PostAsJsonAsync($"/stationing-visits/{scenario.VisitId}/resident-requests", StationingScenario.PickUpShelter());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await JsonAsync(response);
        var id = created.GetProperty("id").GetGuid();
        var reference = created.GetProperty("referenceNumber").GetString()!;
        Assert.Matches(ReferenceFormat(), reference);
        Assert.StartsWith($"ZD{scenario.VisitOn.Year}-", reference, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var (raised, body) = await listener.ReceivedAsync(e => e.RequestId == id, "the request should be published to subscribers");
        Assert.Equal(reference, raised.ReferenceNumber);
        Assert.Equal(scenario.VisitId, raised.StationingVisitId);
        Assert.Equal(scenario.Village, raised.VillageCommitteeId);
        Assert.Equal(scenario.Village, raised.OrganisationId);
        Assert.Equal(scenario.Leader, raised.StationedLeaderMemberId);
        Assert.Equal(scenario.VisitOn, raised.RaisedOn);
        Assert.Equal("邹润好", raised.RaisedByName);
        Assert.Equal("Education", raised.Category);
        Assert.True(raised.ContactHeld);
        Assert.DoesNotContain("13812345678", body, StringComparison.Ordinal);
        Assert.DoesNotContain("phone", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_contact_is_handed_out_only_with_who_and_why_and_every_read_is_logged()
    {
        var scenario = await StationingScenario.CreateAsync(api);
        using var client = api.CreateClient();
        var created = await JsonAsync(await client.PostAsJsonAsync($"/stationing-visits/{scenario.VisitId}/resident-requests", StationingScenario.PickUpShelter("138-1234-5678")));
        var id = created.GetProperty("id").GetGuid();
        Assert.True(created.GetProperty("contactHeld").GetBoolean());

        var withoutPurpose = await client.GetAsync($"/resident-requests/{id}/contact");
        using var notification = api.ClientWith(TestTokens.Service("notification", PlatformScopes.ContactsRead));
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/resident-requests/{id}/contact?purpose=告知诉求办理结果");
        read.Headers.Add("X-Requested-By", "someone-else"); // ignored: who reads comes from the token
        var answer = await notification.SendAsync(read);
        var request = await client.GetStringAsync($"/resident-requests/{id}");

        Assert.Equal(HttpStatusCode.BadRequest, withoutPurpose.StatusCode);
        var errors = (await JsonAsync(withoutPurpose)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("purpose", out _));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var contact = await JsonAsync(answer);
        Assert.Equal(id, contact.GetProperty("requestId").GetGuid());
        Assert.Equal("邹润好", contact.GetProperty("name").GetString());
        Assert.Equal("13812345678", contact.GetProperty("phone").GetString());
        Assert.Equal(3, contact.EnumerateObject().Count());
        Assert.Equal("no-store", answer.Headers.CacheControl?.ToString());
        Assert.DoesNotContain("13812345678", request, StringComparison.Ordinal);

        var log = await api.WithDbAsync(db => db.ResidentContactReads.Where(r => r.RequestId == id).ToListAsync());
        var entry = Assert.Single(log);
        Assert.Equal("notification", entry.RequestedBy);
        Assert.Equal("告知诉求办理结果", entry.Purpose);
        Assert.True(entry.ContactHeld);
        var listed = await client.GetFromJsonAsync<JsonElement>($"/resident-requests/{id}/contact-reads");
        Assert.Equal(1, listed.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Reference_numbers_run_on_without_gaps_or_repeats_under_concurrent_requests()
    {
        var scenario = await StationingScenario.CreateAsync(api);

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(async i =>
        {
            using var client = api.CreateClient();
            return await client.PostAsJsonAsync($"/stationing-visits/{scenario.VisitId}/resident-requests", new
            {
                householdId = Guid.CreateVersion7(),
                subject = $"诉求 {i}",
                location = "鹤峰村",
                category = "Other",
                recordedBy = "驻点领导",
            });
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var numbers = new List<int>();
        foreach (var r in responses)
        {
            numbers.Add(int.Parse((await JsonAsync(r)).GetProperty("referenceNumber").GetString()![7..], System.Globalization.CultureInfo.InvariantCulture));
        }

        numbers.Sort();
        Assert.Equal(Enumerable.Range(numbers[0], 12), numbers);
    }

    [Fact]
    public async Task A_bad_phone_or_nobody_named_is_refused_and_nothing_is_written_nor_numbered()
    {
        var scenario = await StationingScenario.CreateAsync(api);
        using var client = api.CreateClient();

        var badPhone = await client.PostAsJsonAsync($"/stationing-visits/{scenario.VisitId}/resident-requests", StationingScenario.PickUpShelter("12812345678"));
        var nobody = await client.PostAsJsonAsync($"/stationing-visits/{scenario.VisitId}/resident-requests",
            new { subject = "路灯不亮", location = "岑岗", category = "PublicSecurity", recordedBy = "驻点领导" });
        var badCategory = await client.PostAsJsonAsync($"/stationing-visits/{scenario.VisitId}/resident-requests",
            new { residentName = "某村民", subject = "路灯不亮", location = "岑岗", category = "Roads", recordedBy = "驻点领导" });

        Assert.Equal(HttpStatusCode.BadRequest, badPhone.StatusCode);
        Assert.True((await JsonAsync(badPhone)).GetProperty("errors").TryGetProperty("contactPhone", out _));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nobody.StatusCode);
        Assert.Equal("resident-request.requester-required", (await JsonAsync(nobody)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badCategory.StatusCode);
        Assert.False(await api.WithDbAsync(db => db.ResidentRequests.AnyAsync(r => r.StationingVisitId == scenario.VisitId)));

        // The refused attempts took no number: the next request gets the one after the last given.
        var before = await api.WithDbAsync(db => db.ResidentRequests.Where(r => r.Year == scenario.VisitOn.Year).Select(r => (int?)r.Number).MaxAsync()) ?? 0;
        var next = await JsonAsync(await client.PostAsJsonAsync($"/stationing-visits/{scenario.VisitId}/resident-requests", StationingScenario.PickUpShelter(null)));
        Assert.Equal(ResidentRequest.FormatReference(scenario.VisitOn.Year, before + 1), next.GetProperty("referenceNumber").GetString());
        Assert.False(next.GetProperty("contactHeld").GetBoolean());
    }

    [Fact]
    public async Task A_leader_is_stationed_in_one_village_at_a_time_on_Tuesday_afternoons()
    {
        var scenario = await StationingScenario.CreateAsync(api);
        var otherVillage = await api.OrganisationAsync("洲村党委", "PartyCommittee");
        using var client = api.CreateClient();

        var overlapping = await client.PostAsJsonAsync("/stationing-schedules", new
        {
            leaderMemberId = scenario.Leader, villageCommitteeId = otherVillage, startsOn = "2026-01-01", startTime = "15:00", place = "洲村", createdBy = "镇党委办公室",
        });
        var morning = await client.PostAsJsonAsync("/stationing-schedules", new
        {
            leaderMemberId = (await api.MembersAsync(otherVillage, 1, "领导"))[0], villageCommitteeId = otherVillage, startsOn = "2026-01-01", startTime = "09:00", place = "洲村", createdBy = "镇党委办公室",
        });
        var unknownLeader = await client.PostAsJsonAsync("/stationing-schedules", new
        {
            leaderMemberId = Guid.CreateVersion7(), villageCommitteeId = otherVillage, startsOn = "2026-01-01", startTime = "14:30", place = "洲村", createdBy = "镇党委办公室",
        });
        var notATuesday = await client.PostAsJsonAsync($"/stationing-schedules/{scenario.ScheduleId}/visits",
            new { on = scenario.VisitOn.AddDays(1).ToString("yyyy-MM-dd"), recordedBy = "驻点领导" });
        var twice = await client.PostAsJsonAsync($"/stationing-schedules/{scenario.ScheduleId}/visits",
            new { on = scenario.VisitOn.ToString("yyyy-MM-dd"), recordedBy = "驻点领导" });

        Assert.Equal("stationing.leader-already-stationed", (await JsonAsync(overlapping)).GetProperty("code").GetString());
        Assert.Equal("stationing.not-afternoon", (await JsonAsync(morning)).GetProperty("code").GetString());
        Assert.Equal("stationing.leader-unknown", (await JsonAsync(unknownLeader)).GetProperty("code").GetString());
        Assert.Equal("stationing-visit.not-scheduled", (await JsonAsync(notATuesday)).GetProperty("code").GetString());
        Assert.Equal("stationing-visit.already-recorded", (await JsonAsync(twice)).GetProperty("code").GetString());
        Assert.Equal(1, await api.WithDbAsync(db => db.StationingSchedules.CountAsync(s => s.LeaderMemberId == scenario.Leader)));
    }
}
