using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Lishui.Platform.EndToEndTests;

[Collection(PlatformCollection.Name)]
public sealed class WalkingSkeletonTests(PlatformFixture platform)
{
    [Fact]
    public async Task Every_service_is_healthy_alive_and_documents_its_api()
    {
        foreach (var service in PlatformFixture.Services)
        {
            using var client = platform.App.CreateHttpClient(service);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
        }
    }

    [Fact]
    public async Task A_registered_member_gets_a_chinese_welcome_in_one_trace_across_the_services()
    {
        using var membership = platform.Client("membership");
        using var notification = platform.Client("notification");
        var town = await CreateTownCommitteeAsync(membership);
        var traceId = ActivityTraceId.CreateRandom();
        var request = new HttpRequestMessage(HttpMethod.Post, "/members")
        {
            Content = JsonContent.Create(new
            {
                name = "何丽萍",
                gender = "Female",
                birthDate = "1975-03-08",
                idNumber = SyntheticIdNumber(new DateOnly(1975, 3, 8), female: true),
                joinedOn = "1998-07-01",
                fullMemberOn = "1999-07-01",
                organisationId = town,
            }),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var response = await membership.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var memberId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var inbox = await EventuallyAsync(
            () => notification.GetFromJsonAsync<JsonElement>($"/members/{memberId}/notifications"),
            page => page.GetProperty("total").GetInt32() > 0);
        var welcome = inbox.GetProperty("items")[0];
        Assert.Equal("Welcome", welcome.GetProperty("kind").GetString());
        Assert.Contains("何丽萍同志", welcome.GetProperty("body").GetString());
        Assert.Equal("欢迎加入党员名册", welcome.GetProperty("title").GetString());

        // The HTTP request, the outbox publish and the consumer belong to one trace.
        Assert.Equal(traceId.ToString(), welcome.GetProperty("traceId").GetString());

        // Every other service learnt of the member from the same event.
        foreach (var service in new[] { "assessment", "pairing", "projects" })
        {
            using var client = platform.Client(service);
            await EventuallyAsync(
                () => client.GetFromJsonAsync<JsonElement>("/local-members?pageSize=200"),
                page => page.GetProperty("items").EnumerateArray().Any(m => m.GetProperty("memberId").GetGuid() == memberId));
        }
    }

    internal static async Task<Guid> CreateTownCommitteeAsync(HttpClient membership)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/organisations")
        {
            Content = JsonContent.Create(new { name = "里水镇党委", kind = "PartyCommittee" }),
        };
        request.Headers.Add("Idempotency-Key", "e2e-town-committee");
        var response = await membership.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    internal static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var value = await probe();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                Assert.True(done(value), $"Condition not met within 60 s; last value: {value}");
                return value;
            }

            await Task.Delay(200);
        }
    }

    /// <summary>
    /// A synthetic resident ID number (Nanhai district, 440605) for the birth date, with a random sequence
    /// so re-runs against a kept database never collide, and a valid ISO 7064 MOD 11-2 check digit.
    /// </summary>
    internal static string SyntheticIdNumber(DateOnly birth, bool female)
    {
        // The 17th digit is even for women, odd for men.
        var body = $"440605{birth:yyyyMMdd}{Random.Shared.Next(0, 100):D2}{(2 * Random.Shared.Next(0, 5)) + (female ? 0 : 1)}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }
}
