using System.Collections.Concurrent;
using System.Text.Json;
using Lishui.Contracts;
using Lishui.Contracts.PracticalProjects;
using Lishui.Notification.Domain.Delivery;
using Lishui.Shared.Security;
using Lishui.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MassTransit;
using Microsoft.Extensions.Time.Testing;
using static Lishui.Notification.Tests.DeliveryScenario;

namespace Lishui.Notification.Tests;

/// <summary>
/// A resident who left a contact hears the answer to their request by SMS: the number is fetched from
/// the service holding it when the message goes out. Real PostgreSQL and RabbitMQ; Pairing's contact
/// endpoint and the Dapr sidecar are stand-ins (see the classes), the clock is the test's (daytime).
/// </summary>
public sealed class ResidentNotificationTests
{
    [Fact]
    public async Task A_requester_who_left_a_contact_is_told_the_answer_by_sms_and_one_who_did_not_is_not()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));
        await using var pairing = await PairingContactStandIn.StartAsync(clock);
        await using var sidecar = await DaprSidecarStandIn.StartAsync();
        await using var host = await NotificationHost.StartAsync(new Dictionary<string, string?>
        {
            ["services:pairing:http:0"] = pairing.Url,
            ["Notification:Sms:Binding"] = "notification-sms",
            ["Notification:Dapr:GrpcEndpoint"] = sidecar.Url,
        }, clock);
        var consumed = new ConsumedCounter();
        host.Services.GetRequiredService<IBus>().ConnectConsumeObserver(consumed);
        var contactRequest = Guid.CreateVersion7();
        pairing.Phones[contactRequest] = "13900139000";

        var answered = Answered("LS-2026-0042", "pairing", contactRequest, clock.GetUtcNow());
        var anonymous = Answered("LS-2026-0043", null, null, clock.GetUtcNow());
        await host.PublishAsync(answered);
        await host.PublishAsync(anonymous);
        await DispatchesAsync(host, answered.EventId);
        await host.DispatchAsync();

        await Eventually.MatchAsync(() => Task.FromResult(sidecar.Bindings.Count), n => n > 0, because: "the SMS binding was invoked");
        var sms = JsonDocument.Parse(Assert.Single(sidecar.Bindings).Data.ToByteArray()).RootElement;
        Assert.Equal("13900139000", sms.GetProperty("phoneNumber").GetString());
        Assert.Equal("【您反映的诉求已答复】您反映的诉求（编号LS-2026-0042）已有答复：已在接送点加装雨棚。", sms.GetProperty("text").GetString());
        Assert.Equal((contactRequest, "notification", "notification:sms:resident-request-answered"), Assert.Single(pairing.Requests));
        var token = Assert.Single(pairing.Tokens); // Notification's own identity, not a user's token
        Assert.Equal((null, "notification", PlatformScopes.ContactsRead), (token.RefusedWith, token.ClientId, token.Scope));
        Assert.Contains(await LogAsync(host, answered.EventId), e => e is { Channel: DeliveryChannel.Sms, Outcome: "Sent" });
        await Eventually.MatchAsync(() => Task.FromResult(consumed.Count(anonymous.EventId)), n => n == 1, because: "the answer without a contact was consumed");
        Assert.Empty(await host.WithDbAsync(db => db.Dispatches.Where(d => d.SourceEventId == anonymous.EventId).ToListAsync()));
    }

    private static ResidentRequestAnswered Answered(string reference, string? heldBy, Guid? contactRequest, DateTimeOffset at) =>
        new ResidentRequestAnswered
        {
            RequestId = Guid.CreateVersion7(), ReferenceNumber = reference, Origin = "StationingVisit", Reply = "已在接送点加装雨棚。",
            ReceivedOn = new DateOnly(2026, 11, 3), AnsweredOn = new DateOnly(2026, 11, 24), ContactHeldBy = heldBy, ContactRequestId = contactRequest,
        }.About(Guid.CreateVersion7(), Hefeng, 1, at);
}

/// <summary>
/// STAND-IN, not Pairing: answers <c>GET /resident-requests/{id}/contact</c> as Pairing's endpoint is
/// specified (<c>{ requestId, name, phone }</c>, for a service identity whose bearer token carries
/// <c>lishui.contacts.read</c>, checked as <see cref="ServiceTokenCheck"/> describes, naming itself and a purpose).
/// </summary>
public sealed class PairingContactStandIn : IAsyncDisposable
{
    private readonly WebApplication app;

    private PairingContactStandIn(WebApplication app, string url)
    {
        this.app = app;
        Url = url;
    }

    public string Url { get; }

    public ConcurrentDictionary<Guid, string> Phones { get; } = new();

    public ConcurrentQueue<(Guid RequestId, string RequestedBy, string Purpose)> Requests { get; } = new();

    public ConcurrentQueue<ServiceTokenCheck.Outcome> Tokens { get; } = new();

    /// <param name="clock">The fake clock of the service under test (its tokens are signed with it).</param>
    public static async Task<PairingContactStandIn> StartAsync(TimeProvider? clock = null)
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        var standIn = new PairingContactStandIn(app, url);
        app.MapGet("/resident-requests/{id:guid}/contact", async (Guid id, HttpRequest request) =>
        {
            var requestedBy = request.Headers["X-Requested-By"].ToString();
            var purpose = request.Query["purpose"].ToString();
            var token = await ServiceTokenCheck.CheckAsync(request, clock);
            standIn.Tokens.Enqueue(token);
            if (token.RefusedWith is { } refused)
            {
                return Results.StatusCode(refused);
            }

            standIn.Requests.Enqueue((id, requestedBy, purpose));
            if (requestedBy.Length == 0 || purpose.Length == 0)
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            return standIn.Phones.TryGetValue(id, out var phone) ? Results.Json(new { requestId = id, name = "李女士", phone }) : Results.NotFound();
        });
        await app.StartAsync();
        return standIn;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
