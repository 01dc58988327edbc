using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lishui.Membership.Features;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Tests.Api;

public sealed class RegisterMemberApiTests(MembershipApiFactory api) : IClassFixture<MembershipApiFactory>, IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
    private Guid organisation;

    public async Task InitializeAsync() => organisation = await api.NewBranchAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private object ValidBody(string name = "张三", string? idNumber = null) => new
    {
        name,
        gender = "Male",
        birthDate = "1980-05-01",
        joinedOn = "2005-07-01",
        fullMemberOn = "2006-07-01",
        organisationId = organisation,
        idNumber = idNumber ?? TestIdNumbers.For("1980-05-01"),
    };

    [Fact]
    public async Task A_registered_member_can_be_read_back_and_its_event_leaves_through_the_outbox()
    {
        using var client = api.CreateClient();
        var response = await client.PostAsJsonAsync("/members", ValidBody("李四"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<MemberResponse>(Json))!;
        Assert.Equal($"/members/{created.Id}", response.Headers.Location?.ToString());
        var read = await client.GetFromJsonAsync<MemberResponse>($"/members/{created.Id}", Json);
        Assert.Equal("李四", read!.Name);
        Assert.Equal("Full", read.Status.ToString());

        // The relay publishes and then removes the outbox row: nothing is left waiting.
        await Lishui.Testing.Eventually.MatchAsync(() => api.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync()), n => n == 0,
            because: "the outbox relay should publish MemberRegistered");
    }

    [Fact]
    public async Task A_retried_request_with_the_same_idempotency_key_registers_the_member_once()
    {
        using var client = api.CreateClient();
        var key = Guid.NewGuid().ToString();
        var idNumber = TestIdNumbers.For("1980-05-01");
        var first = await PostAsync(client, ValidBody("王五", idNumber), key);
        var retry = await PostAsync(client, ValidBody("王五", idNumber), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        var a = await first.Content.ReadFromJsonAsync<MemberResponse>(Json);
        var b = await retry.Content.ReadFromJsonAsync<MemberResponse>(Json);
        Assert.Equal(a!.Id, b!.Id);
        Assert.Equal(1, await CountMembersAsync());
    }

    [Fact]
    public async Task The_same_idempotency_key_with_another_body_is_refused()
    {
        using var client = api.CreateClient();
        var key = Guid.NewGuid().ToString();
        await PostAsync(client, ValidBody("赵六"), key);
        var other = await PostAsync(client, ValidBody("钱七"), key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("idempotency-key.reused", (await ProblemAsync(other)).GetProperty("code").GetString());
        Assert.Equal(1, await CountMembersAsync());
    }

    [Fact]
    public async Task Malformed_json_is_a_bad_request_and_writes_nothing()
    {
        using var client = api.CreateClient();
        var response = await client.PostAsync("/members", new StringContent("{\"name\": \"张三\",", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ProblemAsync(response);
        Assert.Equal("urn:lishui:problem:validation", problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("$", out _));
        Assert.Equal(0, await CountMembersAsync());
    }

    [Fact]
    public async Task Every_missing_or_mistyped_field_is_listed_in_one_answer()
    {
        using var client = api.CreateClient();
        var response = await client.PostAsJsonAsync("/members", new { gender = "Unknown", birthDate = 1980, joinedOn = "2005-07-01", organisationId = "not-a-uuid" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ProblemAsync(response)).GetProperty("errors");
        Assert.Equal(["birthDate", "gender", "name", "organisationId"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Contains("必填", errors.GetProperty("name")[0].GetString());
        Assert.Equal(0, await CountMembersAsync());
    }

    [Fact]
    public async Task A_broken_domain_rule_names_its_field_in_chinese_and_english()
    {
        using var client = api.CreateClient();
        var response = await client.PostAsJsonAsync("/members", new
        {
            name = "小明", gender = "Male", birthDate = "2010-01-01", joinedOn = "2020-01-01", organisationId = organisation,
            idNumber = TestIdNumbers.For("2010-01-01"),
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("member.too-young", problem.GetProperty("code").GetString());
        Assert.Contains("18", problem.GetProperty("errors").GetProperty("joinedOn")[0].GetString());
        Assert.Equal(0, await CountMembersAsync());
    }

    [Fact]
    public async Task The_roll_is_listed_page_by_page()
    {
        using var client = api.CreateClient();
        foreach (var name in new[] { "甲", "乙", "丙" })
        {
            (await client.PostAsJsonAsync("/members", ValidBody(name))).EnsureSuccessStatusCode();
        }

        var page = await client.GetFromJsonAsync<JsonElement>($"/members?organisationId={organisation}&page=2&pageSize=2");

        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal(1, page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_member_is_registered_only_in_an_existing_open_organisation()
    {
        using var client = api.CreateClient();
        var body = new { name = "张三", gender = "Male", birthDate = "1980-05-01", joinedOn = "2005-07-01", organisationId = Guid.CreateVersion7(), idNumber = TestIdNumbers.For("1980-05-01") };

        var response = await client.PostAsJsonAsync("/members", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ProblemAsync(response)).GetProperty("errors").TryGetProperty("organisationId", out _));
    }

    [Fact]
    public async Task An_unknown_member_is_a_not_found_problem()
    {
        using var client = api.CreateClient();
        var response = await client.GetAsync($"/members/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not-found", (await ProblemAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Readiness_covers_the_database_and_the_broker_and_liveness_answers()
    {
        using var client = api.CreateClient();
        var ready = await Lishui.Testing.Eventually.MatchAsync(() => client.GetAsync("/health"), r => r.IsSuccessStatusCode, because: "database and broker are up");

        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/members") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    private Task<int> CountMembersAsync() =>
        api.WithDbAsync(db => db.Members.CountAsync(m => m.OrganisationId == organisation));
}
