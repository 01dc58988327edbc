using System.Diagnostics;
using Lishui.Contracts;
using Lishui.Contracts.PracticalProjects;
using Lishui.Notification.PublicEvents.Domain;
using Lishui.PublicEvents.Tests.Infrastructure;
using Lishui.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Lishui.PublicEvents.Tests;

/// <summary>
/// Measures (does not assert) how many events per second reach 10 webhook subscribers on local
/// listeners: from publishing the internal events to the last signed POST answered.
/// </summary>
[Collection(PublicEventsCollection.Name)]
public sealed class WebhookThroughputTests(PublicEventsFactory platform, ITestOutputHelper output)
{
    private const string Type = "cn.gov.lishui.projects.opinion-collection-completed.v1";

    [Fact]
    public async Task Events_per_second_delivered_to_ten_webhook_subscribers()
    {
        var events = int.TryParse(Environment.GetEnvironmentVariable("LISHUI_PUBLIC_EVENTS_BENCH_EVENTS"), out var n) ? n : 300;
        await using var listener = await WebhookListener.StartAsync();
        var subscribers = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            var registered = await platform.RegisterAsync(new
            {
                name = $"bench-{i:00}", contact = "bench", delivery = "Webhook", allowedTypes = new[] { Type }, registeredBy = "bench", webhookUrl = listener.UrlOf($"bench-{i:00}"),
            });
            subscribers.Add(registered.GetProperty("subscriber").GetProperty("id").GetGuid());
        }

        // All internal events go out at once (as a busy outbox relay would send them); the clock runs until the last POST.
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, events).Select(_ =>
        {
            var collection = Guid.CreateVersion7();
            return platform.PublishAsync(new OpinionCollectionCompleted
            {
                CollectionId = collection, ProjectId = null, AffectedHouseholds = 48, Agree = 44, Disagree = 2, Abstain = 1, NotVisited = 1,
                AgreeShare = 91.7m, ThresholdPercent = 90, Passed = true,
            }.About(collection, Events.Hefeng, 1, DateTimeOffset.UtcNow));
        }));

        var published = clock.Elapsed;

        // A POST the loaded machine answers too late is retried on the (fake) clock: let it move.
        await Eventually.MatchAsync(
            () =>
            {
                platform.Clock.Advance(TimeSpan.FromSeconds(1));
                return Task.FromResult(Enumerable.Range(0, 10).Sum(i => listener.Received($"bench-{i:00}").Select(r => r.Id).Distinct().Count()));
            },
            received => received >= events * 10, TimeSpan.FromMinutes(5), "every subscriber got every event");
        var elapsed = clock.Elapsed;

        var retried = await platform.WithDbAsync(db => db.WebhookDeliveries.CountAsync(d => subscribers.Contains(d.SubscriberId) && d.Attempts > 1));
        var line = $"Webhook throughput: {events} events x 10 subscribers = {events * 10} signed POSTs in {elapsed.TotalSeconds:0.0} s " +
            $"(publishing took {published.TotalSeconds:0.0} s): {events / elapsed.TotalSeconds:0.0} events/s, {events * 10 / elapsed.TotalSeconds:0} deliveries/s; {retried} POSTs needed a retry";
        output.WriteLine(line);
        Console.WriteLine(line);
        await Eventually.MatchAsync(
            () => platform.WithDbAsync(db => db.WebhookDeliveries.CountAsync(d => subscribers.Contains(d.SubscriberId) && d.Status == WebhookDeliveryStatus.Delivered)),
            delivered => delivered == events * 10, because: "every delivery is recorded as delivered");
    }
}
