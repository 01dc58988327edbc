using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.PublicEvents.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;
using Xunit.Abstractions;

namespace Lishui.PublicEvents.Tests;

/// <summary>Another government system on the real broker: its own user, its own queue, nothing else.</summary>
[Collection(PublicEventsCollection.Name)]
public sealed class ExternalSubscriberTests(PublicEventsFactory platform, ITestOutputHelper output)
{
    private const string MemberRegistered = "cn.gov.lishui.membership.member-registered.v1";
    private const string NoticePublished = "cn.gov.lishui.assessment.notice-published.v1";
    private const string ProjectApproved = "cn.gov.lishui.projects.project-approved.v1";

    [Fact]
    public async Task An_amqplib_subscriber_receives_valid_cloudevents_for_registration_notice_and_approval_and_rejects_nothing()
    {
        var registered = await platform.RegisterAsync(new
        {
            name = "district-data-bureau",
            contact = "南海区政务服务数据管理局 0757-0000000",
            delivery = "Amqp",
            clearance = "Internal",
            allowedTypes = new[] { MemberRegistered, NoticePublished, ProjectApproved },
            registeredBy = "党建工作办",
        });
        var credentials = registered.GetProperty("credentials");
        var now = DateTimeOffset.UtcNow;

        await platform.PublishAsync(Events.MemberRegistered(now));
        await platform.PublishAsync(Events.NoticePublished(now));
        await platform.PublishAsync(Events.ProjectStatus(now, "InProgress")); // not a public event
        await platform.PublishAsync(Events.ProjectStatus(now, "Approved"));

        var folder = Node.Folder("subscriber");
        await Node.EnsureInstalledAsync(folder);
        var (code, log) = await Node.RunAsync("node", ["subscriber.mjs"], folder, new Dictionary<string, string>
        {
            ["AMQP_URL"] = credentials.GetProperty("amqpUri").GetString()!,
            ["QUEUE"] = credentials.GetProperty("amqpQueue").GetString()!,
            ["EXPECT"] = string.Join(',', MemberRegistered, NoticePublished, ProjectApproved),
            ["TIMEOUT_MS"] = "60000",
        }, TimeSpan.FromSeconds(90));
        output.WriteLine(log);

        Assert.True(code == 0, $"the external subscriber did not get every type or rejected one (exit {code}):\n{log}");
        var summary = JsonDocument.Parse(log.Split('\n').Single(l => l.Contains("\"summary\""))).RootElement;
        Assert.Equal(0, summary.GetProperty("rejected").GetInt32());
        Assert.DoesNotContain("陈丽华", log); // the member's name stays inside the platform
    }

    [Fact]
    public async Task A_subscriber_can_read_neither_another_subscribers_queue_nor_bind_itself_more_types()
    {
        var first = (await platform.RegisterAsync(Amqp("village-archive", ProjectApproved))).GetProperty("credentials");
        var second = (await platform.RegisterAsync(Amqp("county-statistics", NoticePublished))).GetProperty("credentials");
        var factory = new ConnectionFactory { Uri = new Uri(first.GetProperty("amqpUri").GetString()!) };
        await using var connection = await factory.CreateConnectionAsync();

        var ownQueue = first.GetProperty("amqpQueue").GetString()!;
        var othersQueue = second.GetProperty("amqpQueue").GetString()!;
        await using (var own = await connection.CreateChannelAsync())
        {
            await own.BasicGetAsync(ownQueue, autoAck: false); // its own queue: allowed
        }

        await AssertRefusedAsync(connection, ch => ch.BasicGetAsync(othersQueue, autoAck: true));
        await AssertRefusedAsync(connection, ch => ch.BasicConsumeAsync(othersQueue, autoAck: true, new AsyncEventingBasicConsumer(ch)));
        await AssertRefusedAsync(connection, ch => ch.QueueBindAsync(ownQueue, platform.Exchange, MemberRegistered));
        await AssertRefusedAsync(connection, ch => ch.QueueDeclareAsync("sneaky-" + Guid.NewGuid().ToString("N"), durable: false, exclusive: true, autoDelete: true));
    }

    [Fact]
    public async Task Registration_refuses_unknown_types_types_above_clearance_and_plain_http_webhooks()
    {
        using var client = platform.CreateClient();

        var unknown = await client.PostAsJsonAsync("/public-events/subscribers", Amqp("bad-type", "cn.gov.lishui.membership.member-phone-changed.v1"));
        var aboveClearance = await client.PostAsJsonAsync("/public-events/subscribers", Amqp("low-clearance", MemberRegistered, clearance: "Public"));
        var plainHttp = await client.PostAsJsonAsync("/public-events/subscribers", new
        {
            name = "plain-http", contact = "x", delivery = "Webhook", allowedTypes = new[] { ProjectApproved }, registeredBy = "admin", webhookUrl = "http://example.org/hook",
        });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("allowedTypes[0]", out _));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, aboveClearance.StatusCode);
        Assert.Equal("subscriber.type-not-allowed", (await aboveClearance.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, plainHttp.StatusCode);
        Assert.Contains("subscriber.webhook-url-not-https", await plainHttp.Content.ReadAsStringAsync());
        Assert.Equal(0, await platform.WithDbAsync(db => db.Subscribers.CountAsync(s => s.Name == "bad-type" || s.Name == "low-clearance" || s.Name == "plain-http")));
    }

    private static object Amqp(string name, string type, string clearance = "Internal") => new
    {
        name, contact = "联系人 0757-0000000", delivery = "Amqp", clearance, allowedTypes = new[] { type }, registeredBy = "党建工作办",
    };

    private static async Task AssertRefusedAsync(IConnection connection, Func<IChannel, Task> action)
    {
        await using var channel = await connection.CreateChannelAsync();
        var refused = await Assert.ThrowsAnyAsync<OperationInterruptedException>(() => action(channel));
        Assert.Equal<int?>(403, refused.ShutdownReason?.ReplyCode);
    }
}
