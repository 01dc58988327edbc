using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Contracts.Pairing;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Tests.Api;

public sealed class OrganisationPairingApiTests(PairingApiFactory api) : IClassFixture<PairingApiFactory>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static string FirstFieldError(JsonElement problem, out string code)
    {
        var error = problem.GetProperty("fieldErrors")[0];
        code = error.GetProperty("code").GetString()!;
        return error.GetProperty("field").GetString()!;
    }

    [Fact]
    public async Task An_organ_branch_is_paired_with_a_village_committee_and_the_event_is_written_with_it()
    {
        var office = await api.OrganisationAsync("党建工作办党支部");
        var hefeng = await api.OrganisationAsync("鹤峰村党委", "PartyCommittee");
        using var client = api.CreateClient();

        var response = await client.PostAsJsonAsync("/organisation-pairings",
            new { organBranchId = office, villageCommitteeId = hefeng, startsOn = "2026-01-01", purpose = "党建引领结对共建" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(30, body.GetProperty("contactEveryDays").GetInt32());
        var id = body.GetProperty("id").GetGuid();
        var paired = Assert.Single(await api.OutboxAsync<OrganisationsPaired>(), e => e.PairingId == id);
        Assert.Equal(office, paired.OrganBranchId);
        Assert.Equal(hefeng, paired.VillageCommitteeId);
        Assert.Equal(office, paired.OrganisationId);
        Assert.Equal(1, paired.Sequence);
    }

    [Fact]
    public async Task Pairing_an_organisation_with_itself_is_refused_naming_the_field_and_nothing_is_written()
    {
        var office = await api.OrganisationAsync("自我结对党支部");
        using var client = api.CreateClient();

        var response = await client.PostAsJsonAsync("/organisation-pairings",
            new { organBranchId = office, villageCommitteeId = office, startsOn = "2026-01-01", purpose = "x" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("villageCommitteeId", FirstFieldError(await JsonAsync(response), out var code));
        Assert.Equal("pairing.same-organisation", code);
        Assert.False(await api.WithDbAsync(db => db.OrganisationPairings.AnyAsync(p => p.OrganBranchId == office)));
    }

    [Fact]
    public async Task Unknown_and_closed_organisations_cannot_be_paired()
    {
        var office = await api.OrganisationAsync("某党支部");
        var closed = await api.OrganisationAsync("已撤销村党委", "PartyCommittee");
        await api.WithDbAsync(async db =>
        {
            (await db.Organisations.FirstAsync(o => o.OrganisationId == closed)).Closed = true;
            return await db.SaveChangesAsync();
        });
        using var client = api.CreateClient();

        var unknown = await client.PostAsJsonAsync("/organisation-pairings",
            new { organBranchId = Guid.NewGuid(), villageCommitteeId = closed, startsOn = "2026-01-01", purpose = "x" });
        var toClosed = await client.PostAsJsonAsync("/organisation-pairings",
            new { organBranchId = office, villageCommitteeId = closed, startsOn = "2026-01-01", purpose = "x" });

        Assert.Equal("organBranchId", FirstFieldError(await JsonAsync(unknown), out var unknownCode));
        Assert.Equal("pairing.organisation-unknown", unknownCode);
        Assert.Equal("villageCommitteeId", FirstFieldError(await JsonAsync(toClosed), out var closedCode));
        Assert.Equal("pairing.organisation-closed", closedCode);
    }

    [Fact]
    public async Task An_overlapping_duplicate_pairing_is_refused_but_a_later_one_is_accepted()
    {
        var office = await api.OrganisationAsync("重复结对党支部");
        var village = await api.OrganisationAsync("重复结对村党委", "PartyCommittee");
        using var client = api.CreateClient();
        (await client.PostAsJsonAsync("/organisation-pairings",
            new { organBranchId = office, villageCommitteeId = village, startsOn = "2026-01-01", endsOn = "2026-12-31", purpose = "第一期" })).EnsureSuccessStatusCode();

        var overlapping = await client.PostAsJsonAsync("/organisation-pairings",
            new { organBranchId = office, villageCommitteeId = village, startsOn = "2026-06-01", purpose = "重复" });
        var later = await client.PostAsJsonAsync("/organisation-pairings",
            new { organBranchId = office, villageCommitteeId = village, startsOn = "2027-01-01", purpose = "第二期" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, overlapping.StatusCode);
        Assert.Equal("startsOn", FirstFieldError(await JsonAsync(overlapping), out var code));
        Assert.Equal("pairing.overlapping", code);
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
    }

    [Fact]
    public async Task The_database_refuses_an_overlap_even_when_the_handler_check_is_raced()
    {
        var office = await api.OrganisationAsync("并发党支部");
        var village = await api.OrganisationAsync("并发村党委", "PartyCommittee");
        using var client = api.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => client.PostAsJsonAsync("/organisation-pairings",
            new { organBranchId = office, villageCommitteeId = village, startsOn = "2026-01-01", purpose = $"并发{i}" })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode));
        Assert.Equal(1, await api.WithDbAsync(db => db.OrganisationPairings.CountAsync(p => p.OrganBranchId == office)));
    }

    [Fact]
    public async Task A_retried_creation_with_the_same_idempotency_key_pairs_once()
    {
        var office = await api.OrganisationAsync("幂等党支部");
        var village = await api.OrganisationAsync("幂等村党委", "PartyCommittee");
        using var client = api.CreateClient();
        var body = new { organBranchId = office, villageCommitteeId = village, startsOn = "2026-01-01", purpose = "幂等" };

        Task<HttpResponseMessage> SendAsync()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/organisation-pairings") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "pair-office-village-1");
            return client.SendAsync(request);
        }

        var first = await SendAsync();
        var retry = await SendAsync();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal((await JsonAsync(first)).GetProperty("id").GetGuid(), (await JsonAsync(retry)).GetProperty("id").GetGuid());
        Assert.Equal(1, await api.WithDbAsync(db => db.OrganisationPairings.CountAsync(p => p.OrganBranchId == office)));
    }

    [Fact]
    public async Task Missing_and_invalid_fields_are_all_listed()
    {
        using var client = api.CreateClient();

        var response = await client.PostAsJsonAsync("/organisation-pairings", new { organBranchId = "not-a-uuid", startsOn = "2026-01-01", purpose = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("organBranchId", out _));
        Assert.True(errors.TryGetProperty("villageCommitteeId", out _));
    }

    [Fact]
    public async Task Ending_a_pairing_publishes_the_end_and_a_second_end_is_refused()
    {
        var office = await api.OrganisationAsync("结束结对党支部");
        var village = await api.OrganisationAsync("结束结对村党委", "PartyCommittee");
        using var client = api.CreateClient();
        var created = await JsonAsync(await client.PostAsJsonAsync("/organisation-pairings",
            new { organBranchId = office, villageCommitteeId = village, startsOn = "2026-01-01", purpose = "将结束" }));
        var id = created.GetProperty("id").GetGuid();

        var ended = await client.PostAsJsonAsync($"/organisation-pairings/{id}/end", new { endedOn = "2026-06-30" });
        var again = await client.PostAsJsonAsync($"/organisation-pairings/{id}/end", new { endedOn = "2026-07-30" });

        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.True((await JsonAsync(ended)).GetProperty("ended").GetBoolean());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        var end = Assert.Single(await api.OutboxAsync<OrganisationPairingEnded>(), e => e.PairingId == id);
        Assert.Equal(new DateOnly(2026, 6, 30), end.EndedOn);
        Assert.Equal(2, end.Sequence);
    }
}
