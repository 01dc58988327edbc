using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.PublicEvents.Tests.Infrastructure;
using Lishui.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PublicEvents.Tests;

/// <summary>
/// Access to the open event interface: the town manages the subscriber registry; another government
/// system, recognised by the client id registered with its subscriber, reaches only its own subscription.
/// </summary>
[Collection(PublicEventsCollection.Name)]
public sealed class SubscriberAccessTests(PublicEventsFactory platform)
{
    private const string ProjectApproved = "cn.gov.lishui.projects.project-approved.v1";

    [Fact]
    public async Task An_external_system_reads_and_replays_its_own_subscription_and_not_another_systems()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var ours = await RegisterAsync($"planning-{suffix}", $"planning-office-{suffix}");
        var theirs = await RegisterAsync($"archive-{suffix}", $"archive-office-{suffix}");
        using var planning = platform.ClientWith(TestTokens.ExternalSystem($"planning-office-{suffix}"));

        Assert.Equal(HttpStatusCode.OK, (await planning.GetAsync($"/public-events/subscribers/{ours}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await planning.GetAsync($"/public-events/subscribers/{ours}/deliveries")).StatusCode);
        foreach (var path in new[] { "", "/deliveries", "/attempts", "/notices", "/replays" })
        {
            var refused = await planning.GetAsync($"/public-events/subscribers/{theirs}{path}");
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"GET {path} of another system's subscriber: {(int)refused.StatusCode}");
        }

        var replay = new { from = "2026-03-01T00:00:00Z", to = "2026-03-02T00:00:00Z", types = new[] { ProjectApproved } };
        var own = await planning.PostAsJsonAsync($"/public-events/subscribers/{ours}/replays", replay);
        Assert.True(own.StatusCode == HttpStatusCode.Created, await own.Content.ReadAsStringAsync());
        Assert.Equal($"planning-office-{suffix}", (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestedBy").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await planning.PostAsJsonAsync($"/public-events/subscribers/{theirs}/replays", replay)).StatusCode);
        Assert.Equal(0, await platform.WithDbAsync(db => db.Replays.CountAsync(r => r.SubscriberId == theirs)));

        // The registry itself is the town's.
        Assert.Equal(HttpStatusCode.Forbidden, (await planning.GetAsync("/public-events/subscribers")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await planning.PostAsync($"/public-events/subscribers/{ours}/credentials", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await planning.PostAsJsonAsync("/public-events/subscribers", new { name = $"sneaky-{suffix}" })).StatusCode);
    }

    [Fact]
    public async Task The_catalogue_is_public_and_the_registry_is_not()
    {
        using var anonymous = platform.ClientWith(null);

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/public-events/types")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/public-events/schemas/{ProjectApproved}.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/public-events/asyncapi.json")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/public-events/subscribers")).StatusCode);
        using var auditor = platform.ClientWith(TestTokens.Auditor());
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/public-events/subscribers")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync("/public-events/subscribers", new { name = "auditor-try" })).StatusCode);
    }

    [Fact]
    public async Task Registering_is_on_the_modules_audit_trail_under_the_tokens_caller()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        using var admin = platform.ClientWith(TestTokens.TownAdministrator($"admin-{suffix}"));
        var response = await admin.PostAsJsonAsync("/public-events/subscribers", new
        {
            name = $"audited-{suffix}", contact = "x", delivery = "Amqp", allowedTypes = new[] { ProjectApproved }, registeredBy = "someone-else",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        Assert.Equal($"admin-{suffix}", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subscriber").GetProperty("registeredBy").GetString());

        var trail = await admin.GetFromJsonAsync<JsonElement>($"/public-events/audit-trail?actor=admin-{suffix}");
        var entry = Assert.Single(trail.GetProperty("items").EnumerateArray());
        Assert.Equal(("POST", "/public-events/subscribers"), (entry.GetProperty("method").GetString(), entry.GetProperty("path").GetString()));
    }

    [Fact]
    public async Task A_client_id_names_one_subscriber_only()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await RegisterAsync($"first-{suffix}", $"office-{suffix}");
        using var admin = platform.CreateClient();

        var second = await admin.PostAsJsonAsync("/public-events/subscribers", new
        {
            name = $"second-{suffix}", contact = "x", delivery = "Amqp", allowedTypes = new[] { ProjectApproved }, clientId = $"office-{suffix}",
        });

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    private async Task<Guid> RegisterAsync(string name, string clientId) =>
        (await platform.RegisterAsync(new { name, contact = "信息中心", delivery = "Amqp", allowedTypes = new[] { ProjectApproved }, clientId }))
            .GetProperty("subscriber").GetProperty("id").GetGuid();
}
