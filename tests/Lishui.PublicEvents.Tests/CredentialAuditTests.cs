using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.PublicEvents.Tests.Infrastructure;
using Lishui.Testing;
using RabbitMQ.Client;

namespace Lishui.PublicEvents.Tests;

/// <summary>Issuing a subscribing system new credentials is a change like any other: it is on the audit trail.</summary>
[Collection(PublicEventsCollection.Name)]
public sealed class CredentialAuditTests(PublicEventsFactory platform)
{
    [Fact]
    public async Task New_broker_credentials_for_an_amqp_subscriber_are_on_the_audit_trail_under_the_administrator()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        using var admin = platform.ClientWith(TestTokens.TownAdministrator($"admin-rotating-{suffix}"));
        var registered = await admin.PostAsJsonAsync("/public-events/subscribers", new
        {
            name = $"county-archive-{suffix}", contact = "县档案馆 0757-0000000", delivery = "Amqp", clearance = "Internal",
            allowedTypes = new[] { "cn.gov.lishui.projects.project-approved.v1" },
        });
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var id = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subscriber").GetProperty("id").GetGuid();

        var rotated = await admin.PostAsync($"/public-events/subscribers/{id}/credentials", null);

        Assert.True(rotated.IsSuccessStatusCode, await rotated.Content.ReadAsStringAsync());
        var uri = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("amqpUri").GetString()!;
        await using (await new ConnectionFactory { Uri = new Uri(uri) }.CreateConnectionAsync())
        {
            // the new password is the broker's now
        }

        using var auditor = platform.ClientWith(TestTokens.Auditor());
        var trail = await auditor.GetFromJsonAsync<JsonElement>($"/public-events/audit-trail?actor=admin-rotating-{suffix}");
        var entries = trail.GetProperty("items").EnumerateArray().Select(e => (e.GetProperty("method").GetString(), e.GetProperty("path").GetString())).ToList();
        Assert.Contains(("POST", $"/public-events/subscribers/{id}/credentials"), entries);
        Assert.Contains(("POST", "/public-events/subscribers"), entries);
    }
}
