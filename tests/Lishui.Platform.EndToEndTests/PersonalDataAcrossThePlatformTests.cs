using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lishui.Shared.Security;
using Xunit.Abstractions;

namespace Lishui.Platform.EndToEndTests;

/// <summary>
/// Security across the running platform: the services accept only tokens of the configured issuer,
/// and clear ID-card and phone numbers never leave Membership in a log line or an event.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed partial class PersonalDataAcrossThePlatformTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_service_refuses_anonymous_and_foreign_tokens_and_accepts_its_issuers()
    {
        var foreign = Lishui.Testing.TestTokens.For("intruder", [PlatformRoles.TownAdministrator]); // the test key, not this platform's
        foreach (var (service, path) in new[] { ("membership", "/members"), ("assessment", "/local-members"), ("pairing", "/local-members"), ("projects", "/local-members"), ("notification", "/deliveries") })
        {
            using var anonymous = platform.Client(service, token: "");
            using var intruder = platform.Client(service, foreign);
            using var admin = platform.Client(service);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await intruder.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task No_clear_id_card_or_phone_number_appears_in_any_service_log_or_event()
    {
        using var membership = platform.Client("membership");
        using var notification = platform.Client("notification");
        var town = await WalkingSkeletonTests.CreateTownCommitteeAsync(membership);
        var idNumber = WalkingSkeletonTests.SyntheticIdNumber(new DateOnly(1968, 5, 12), female: false);
        var phone = $"139{Random.Shared.Next(10_000_000, 99_999_999)}";
        using var register = new HttpRequestMessage(HttpMethod.Post, "/members")
        {
            Content = JsonContent.Create(new
            {
                name = "梁国栋", gender = "Male", birthDate = "1968-05-12", joinedOn = "1990-07-01", fullMemberOn = "1991-07-01",
                organisationId = town, idNumber, phone,
            }),
        };
        register.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var created = await membership.SendAsync(register);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var memberId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // The clear values exist and are served to an allowed caller (a town administrator, logged) ...
        var contact = await membership.GetFromJsonAsync<JsonElement>($"/members/{memberId}/contact?purpose=e2e-check");
        Assert.Equal(phone, contact.GetProperty("phone").GetString());

        // ... while the events about the member have reached the other services.
        await WalkingSkeletonTests.EventuallyAsync(
            () => notification.GetFromJsonAsync<JsonElement>($"/members/{memberId}/notifications"),
            page => page.GetProperty("total").GetInt32() > 0);
        await Task.Delay(TimeSpan.FromSeconds(2)); // the last log lines and tapped events

        var logs = platform.ServiceLogs;
        var events = platform.Events.Bodies.ToArray();
        output.WriteLine($"scanned {logs.Count} console lines of the app host's resources and {events.Length} events");
        Assert.NotEmpty(logs);
        Assert.NotEmpty(events);
        Assert.Contains(events, e => e.Contains(memberId.ToString(), StringComparison.Ordinal));
        var found = logs.Concat(events).SelectMany(ClearPersonalNumbers).Distinct().ToList();
        Assert.True(found.Count == 0, "clear personal numbers found: " + string.Join(", ", found.Take(5)));
        Assert.DoesNotContain(logs.Concat(events), l => l.Contains(idNumber, StringComparison.Ordinal) || l.Contains(phone, StringComparison.Ordinal));
    }

    /// <summary>Mainland mobile numbers, and 18-character resident ID numbers whose check digit is valid.</summary>
    private static IEnumerable<string> ClearPersonalNumbers(string text) =>
        MobileNumber().Matches(text).Select(m => m.Value)
            .Concat(IdNumber().Matches(text).Select(m => m.Value).Where(HasValidCheckDigit));

    private static bool HasValidCheckDigit(string id)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = id[..17].Select((c, i) => (c - '0') * weights[i]).Sum();
        return char.ToUpperInvariant(id[17]) == "10X98765432"[sum % 11];
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z])1[3-9][0-9]{9}(?![0-9A-Za-z])")]
    private static partial Regex MobileNumber();

    [GeneratedRegex(@"(?<![0-9A-Za-z])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])")]
    private static partial Regex IdNumber();
}
