using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lishui.PublicEvents.Tests.Infrastructure;

/// <summary>One webhook request as the receiver saw it.</summary>
public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string ContentType, byte[] Body);

/// <summary>A real HTTP listener on a loopback port: <c>POST /{name}</c> records the request and answers with that name's status code.</summary>
public sealed class WebhookListener : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ReceivedWebhook>> received = new();
    private readonly ConcurrentDictionary<string, int> statusCodes = new();

    private WebhookListener(WebApplication app) => this.app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<WebhookListener> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var listener = new WebhookListener(app);
        app.MapPost("/{name}", async (string name, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            listener.received.GetOrAdd(name, _ => new ConcurrentQueue<ReceivedWebhook>()).Enqueue(new ReceivedWebhook(
                request.Headers["webhook-id"].ToString(), request.Headers["webhook-timestamp"].ToString(), request.Headers["webhook-signature"].ToString(),
                request.ContentType ?? string.Empty, body.ToArray()));
            return Results.StatusCode(listener.statusCodes.GetValueOrDefault(name, StatusCodes.Status204NoContent));
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        listener.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return listener;
    }

    public string UrlOf(string name) => new Uri(BaseAddress, name).ToString();

    public void Answer(string name, int statusCode) => statusCodes[name] = statusCode;

    public IReadOnlyList<ReceivedWebhook> Received(string name) => received.TryGetValue(name, out var queue) ? [.. queue] : [];

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
