using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lishui.PublicEvents.Tests.Infrastructure;
using Lishui.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RabbitMQ.Client;

namespace Lishui.PublicEvents.Tests;

/// <summary>Every public event is archived append-only by month; a subscriber that joins late can backfill a range.</summary>
[Collection(PublicEventsCollection.Name)]
public sealed class ReplayAndArchiveTests(PublicEventsFactory platform)
{
    private const string ProjectApproved = "cn.gov.lishui.projects.project-approved.v1";
    private const string ProjectCompleted = "cn.gov.lishui.projects.project-completed.v1";

    [Fact]
    public async Task A_late_subscriber_backfills_a_range_into_its_queue_with_progress()
    {
        // Approvals in March and May 2026, published before the subscriber existed.
        var march = new DateTimeOffset(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);
        var inRange = Enumerable.Range(0, 3).Select(i => Events.ProjectStatus(march.AddDays(i), "Approved")).ToList();
        var outOfRange = Events.ProjectStatus(new DateTimeOffset(2026, 5, 4, 2, 0, 0, TimeSpan.Zero), "Approved");
        var completed = Events.ProjectStatus(march.AddDays(5), "Completed");
        foreach (var e in inRange.Append(outOfRange).Append(completed))
        {
            await platform.PublishAsync(e);
        }

        var projects = inRange.Select(e => e.ProjectId.ToString()).ToHashSet();
        await Eventually.MatchAsync(() => platform.WithDbAsync(db => db.Archive.CountAsync(a => a.Time >= march && a.Time < march.AddMonths(3))), n => n >= 5);
        await Eventually.MatchAsync(() => platform.WithDbAsync(db => db.AmqpOutbox.CountAsync()), n => n == 0, because: "they went out live before the subscriber existed");

        var registered = await platform.RegisterAsync(new
        {
            name = "late-joiner", contact = "镇规划办", delivery = "Amqp", allowedTypes = new[] { ProjectApproved, ProjectCompleted }, registeredBy = "党建工作办",
        });
        var id = registered.GetProperty("subscriber").GetProperty("id").GetGuid();
        var queue = registered.GetProperty("credentials").GetProperty("amqpQueue").GetString()!;
        using var client = platform.CreateClient();

        var request = new { from = "2026-03-01T00:00:00Z", to = "2026-04-01T00:00:00Z", types = new[] { ProjectApproved }, requestedBy = "镇规划办 李工" };
        var accepted = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/public-events/subscribers/{id}/replays")
        {
            Content = JsonContent.Create(request),
            Headers = { { "Idempotency-Key", "late-joiner-march" } },
        });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var progress = await Eventually.MatchAsync(() => client.GetFromJsonAsync<JsonElement>(accepted.Headers.Location!),
            r => r.GetProperty("status").GetString() == "Completed", because: "the replay finishes");

        // Other tests' March approvals may be in the archive too: at least ours, and processed == total.
        Assert.True(progress.GetProperty("total").GetInt64() >= 3);
        Assert.Equal(progress.GetProperty("total").GetInt64(), progress.GetProperty("processed").GetInt64());
        var replayed = await DrainAsync(registered.GetProperty("credentials").GetProperty("amqpUri").GetString()!, queue);
        Assert.Superset(projects, replayed.Where(e => e.GetProperty("type").GetString() == ProjectApproved).Select(e => e.GetProperty("subject").GetString()!).ToHashSet());
        Assert.DoesNotContain(outOfRange.ProjectId.ToString(), replayed.Select(e => e.GetProperty("subject").GetString()));
        Assert.DoesNotContain(replayed, e => e.GetProperty("type").GetString() == ProjectCompleted);

        // The same request again (same key) is the same replay, not a second one.
        var again = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/public-events/subscribers/{id}/replays")
        {
            Content = JsonContent.Create(request),
            Headers = { { "Idempotency-Key", "late-joiner-march" } },
        });
        Assert.Equal(accepted.Headers.Location, again.Headers.Location);
    }

    [Fact]
    public async Task A_replay_longer_than_the_limit_or_of_types_not_allowed_is_refused()
    {
        var registered = await platform.RegisterAsync(new
        {
            name = "limited-system", contact = "x", delivery = "Amqp", allowedTypes = new[] { ProjectApproved }, registeredBy = "admin",
        });
        var id = registered.GetProperty("subscriber").GetProperty("id").GetGuid();
        using var client = platform.CreateClient();

        var tooLong = await client.PostAsJsonAsync($"/public-events/subscribers/{id}/replays",
            new { from = "2024-01-01T00:00:00Z", to = "2026-01-02T00:00:00Z", types = new[] { ProjectApproved }, requestedBy = "admin" });
        var notAllowed = await client.PostAsJsonAsync($"/public-events/subscribers/{id}/replays",
            new { from = "2026-01-01T00:00:00Z", to = "2026-02-01T00:00:00Z", types = new[] { ProjectCompleted }, requestedBy = "admin" });

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("replay.range-too-long", await tooLong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notAllowed.StatusCode);
        Assert.Contains("types[0]", await notAllowed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_archive_is_partitioned_by_month_append_only_and_a_redelivered_event_is_archived_once()
    {
        var old = new DateTimeOffset(2025, 8, 15, 8, 0, 0, TimeSpan.Zero);
        var member = Events.MemberRegistered(old);
        await platform.PublishAsync(member);
        await platform.PublishAsync(member); // the broker may deliver an event twice

        var archived = await Eventually.MatchAsync(() => platform.WithDbAsync(db => db.Archive.Where(a => a.SourceEventId == member.EventId).ToListAsync()), a => a.Count >= 1);
        await Task.Delay(1000);
        Assert.Single(await platform.WithDbAsync(db => db.Archive.Where(a => a.SourceEventId == member.EventId).ToListAsync()));
        Assert.DoesNotContain("陈丽华", archived[0].Payload);

        await using var connection = new NpgsqlConnection(platform.Database);
        await connection.OpenAsync();
        await using (var partitions = new NpgsqlCommand(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'public_events.archive'::regclass", connection))
        await using (var reader = await partitions.ExecuteReaderAsync())
        {
            var names = new List<string>();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }

            Assert.Contains("archive_2025_08", names);
            Assert.Contains($"archive_{DateTime.UtcNow:yyyy_MM}", names);
            Assert.Contains($"archive_{DateTime.UtcNow.AddMonths(3):yyyy_MM}", names);
        }

        await using var update = new NpgsqlCommand($"UPDATE public_events.archive SET payload = '{{}}' WHERE source_event_id = '{member.EventId}'", connection);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
        Assert.Contains("append-only", refused.MessageText);
        await using var delete = new NpgsqlCommand($"DELETE FROM public_events.archive WHERE source_event_id = '{member.EventId}'", connection);
        await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync());
    }

    private static async Task<List<JsonElement>> DrainAsync(string amqpUri, string queue)
    {
        var events = new List<JsonElement>();
        await using var connection = await new ConnectionFactory { Uri = new Uri(amqpUri) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } message)
        {
            events.Add(JsonDocument.Parse(Encoding.UTF8.GetString(message.Body.Span)).RootElement.Clone());
        }

        return events;
    }
}
