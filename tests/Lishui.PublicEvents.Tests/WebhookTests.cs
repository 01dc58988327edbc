using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Lishui.Notification.PublicEvents.Domain;
using Lishui.PublicEvents.Tests.Infrastructure;
using Lishui.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PublicEvents.Tests;

/// <summary>Webhook subscribers on real HTTP listeners: signed POSTs, retries over hours, suspension.</summary>
[Collection(PublicEventsCollection.Name)]
public sealed class WebhookTests(PublicEventsFactory platform)
{
    private const string OrganisationCreated = "cn.gov.lishui.membership.organisation-created.v1";

    [Fact]
    public async Task A_webhook_receives_cloudevents_whose_signature_verifies_with_the_standard_webhooks_recipe()
    {
        await using var listener = await WebhookListener.StartAsync();
        var registered = await platform.RegisterAsync(Webhook("town-portal", listener.UrlOf("portal")));
        var secret = registered.GetProperty("credentials").GetProperty("webhookSecret").GetString()!;

        await platform.PublishAsync(Events.OrganisationCreated(DateTimeOffset.UtcNow, "高边经济社党群小组"));

        var request = (await Eventually.MatchAsync(() => Task.FromResult(listener.Received("portal")), r => r.Count >= 1)).First();
        var cloudEvent = JsonDocument.Parse(request.Body).RootElement;
        Assert.StartsWith("application/cloudevents+json", request.ContentType);
        Assert.Equal(OrganisationCreated, cloudEvent.GetProperty("type").GetString());
        Assert.Equal(cloudEvent.GetProperty("id").GetString(), request.Id);
        Assert.Equal("public", cloudEvent.GetProperty("dataclassification").GetString());

        // Verified the way the subscriber guide tells a receiver to, not with the platform's own code.
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var signed = Encoding.UTF8.GetBytes($"{request.Id}.{request.Timestamp}.").Concat(request.Body).ToArray();
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
        Assert.Contains(expected, request.Signature.Split(' '));
        var age = platform.Clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(long.Parse(request.Timestamp, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(age.Duration() < TimeSpan.FromMinutes(5));

        // A tampered body or a stale timestamp does not verify.
        Assert.False(Notification.PublicEvents.Webhooks.WebhookSignature.Verify(secret, request.Id, request.Timestamp, request.Signature,
            [.. request.Body, (byte)' '], platform.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
        Assert.False(Notification.PublicEvents.Webhooks.WebhookSignature.Verify(secret, request.Id, request.Timestamp, request.Signature,
            request.Body, platform.Clock.GetUtcNow().AddMinutes(10), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task A_webhook_answering_500_is_retried_over_hours_then_suspended_while_another_subscriber_gets_everything()
    {
        await using var listener = await WebhookListener.StartAsync();
        listener.Answer("broken", 500);
        var broken = (await platform.RegisterAsync(Webhook("broken-system", listener.UrlOf("broken")))).GetProperty("subscriber").GetProperty("id").GetGuid();
        await platform.RegisterAsync(Webhook("healthy-system", listener.UrlOf("healthy")));

        var names = Enumerable.Range(1, 5).Select(i => $"第{i}党群小组-{Guid.NewGuid():N}"[..20]).ToList();
        foreach (var name in names)
        {
            await platform.PublishAsync(Events.OrganisationCreated(DateTimeOffset.UtcNow, name));
        }

        // The healthy one gets all five at once, while the broken one is failing.
        await Eventually.MatchAsync(() => Task.FromResult(listener.Received("healthy").Count), n => n >= 5, because: "the healthy subscriber is not held up");
        await Eventually.MatchAsync(() => Attempts(broken), n => n >= 5, because: "the broken subscriber got its first attempts");

        // Walk the clock through the retry schedule: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h.
        foreach (var (wait, attemptsSoFar) in RetrySchedule.Default.Select((d, i) => (d, i + 1)))
        {
            await Eventually.MatchAsync(() => MinAttempts(broken), n => n >= attemptsSoFar);
            platform.Clock.Advance(wait);
        }

        var subscriber = await Eventually.MatchAsync(() => platform.WithDbAsync(db => db.Subscribers.AsNoTracking().FirstAsync(s => s.Id == broken)),
            s => s.Status == SubscriberStatus.Suspended, because: "the broken subscriber is suspended after the last retry");
        Assert.Contains("8 attempts", subscriber.SuspensionReason);
        Assert.Equal(8, listener.Received("broken").Count(r => r.Id == listener.Received("broken")[0].Id));
        using var client = platform.CreateClient();
        var notices = await client.GetFromJsonAsync<JsonElement>($"/public-events/subscribers/{broken}/notices");
        Assert.Equal("Suspended", notices.GetProperty("items")[0].GetProperty("kind").GetString());
        var failed = await client.GetFromJsonAsync<JsonElement>($"/public-events/subscribers/{broken}/deliveries?status=Failed");
        Assert.True(failed.GetProperty("total").GetInt32() >= 1);

        // Fixed and reactivated: everything it missed is delivered, nothing was lost.
        listener.Answer("broken", 200);
        (await client.PostAsJsonAsync($"/public-events/subscribers/{broken}/reactivate", new { reactivatedBy = "区数据局运维" })).EnsureSuccessStatusCode();
        await Eventually.MatchAsync(() => platform.WithDbAsync(db => db.WebhookDeliveries.CountAsync(d => d.SubscriberId == broken && d.Status != WebhookDeliveryStatus.Delivered)),
            n => n == 0, because: "after reactivation every kept event is delivered");
        Assert.Equal(5, listener.Received("healthy").Select(r => r.Id).Distinct().Count());
    }

    private Task<int> Attempts(Guid subscriber) =>
        platform.WithDbAsync(db => db.DeliveryAttempts.CountAsync(a => a.SubscriberId == subscriber));

    private Task<int> MinAttempts(Guid subscriber) =>
        platform.WithDbAsync(async db => await db.WebhookDeliveries.Where(d => d.SubscriberId == subscriber).MinAsync(d => (int?)d.Attempts) ?? 0);

    public static object Webhook(string name, string url) => new
    {
        name, contact = "信息中心 0757-0000000", delivery = "Webhook", allowedTypes = new[] { OrganisationCreated }, registeredBy = "党建工作办", webhookUrl = url,
    };
}
