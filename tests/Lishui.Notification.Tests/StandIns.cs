using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Dapr.Client.Autogen.Grpc.v1;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Lishui.Shared.Security;
using Lishui.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Lishui.Notification.Tests;

public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// A real SMTP server (the SmtpServer library from NuGet) listening on a free local port; what it
/// receives is parsed back with MimeKit, so a test reads subject and body as a mail client would.
/// With <c>reject</c> it refuses every message (554), like a mail server that is failing.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;

    private TestSmtpServer(int port, bool reject)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this, reject));
        running = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
    }

    public int Port { get; }

    public ConcurrentQueue<(byte[] Raw, MimeMessage Message)> Received { get; } = new();

    public int Refused;

    public static TestSmtpServer Start(bool reject = false) => new(FreePort.Next(), reject);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    private sealed class Store(TestSmtpServer server, bool reject) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (reject)
            {
                Interlocked.Increment(ref server.Refused);
                return new SmtpResponse(SmtpReplyCode.TransactionFailed, "mailbox unavailable (test server refuses everything)");
            }

            var raw = buffer.ToArray();
            using var stream = new MemoryStream(raw);
            server.Received.Enqueue((raw, await MimeMessage.LoadAsync(stream, cancellationToken)));
            return SmtpResponse.Ok;
        }
    }
}

/// <summary>
/// STAND-IN, not Membership: a small HTTP listener that answers <c>GET /members/{id}/contact</c> the
/// way Membership's contact endpoint is specified (<c>{ memberId, idNumber, phone, email }</c>, only
/// for a service identity whose bearer token carries <c>lishui.contacts.read</c>, checked as
/// <see cref="ServiceTokenCheck"/> describes (401 without a valid token, 403 without the scope), and
/// only for a caller naming itself in <c>X-Requested-By</c> and giving a purpose). It lets the delivery
/// tests give a member an address; it records every request (with the token's client id and scope)
/// so tests can check what was asked and by whom.
/// </summary>
public sealed class MembershipContactStandIn : IAsyncDisposable
{
    private readonly WebApplication app;

    private MembershipContactStandIn(WebApplication app, string url)
    {
        this.app = app;
        Url = url;
    }

    public string Url { get; }

    public ConcurrentDictionary<Guid, (string? Phone, string? Email)> Contacts { get; } = new();

    public ConcurrentQueue<(Guid MemberId, string? RequestedBy, string? Purpose, string? Fields, ServiceTokenCheck.Outcome Token)> Requests { get; } = new();

    /// <param name="clock">The fake clock of the service under test, if it has one (its tokens are signed with it).</param>
    public static async Task<MembershipContactStandIn> StartAsync(TimeProvider? clock = null)
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        var standIn = new MembershipContactStandIn(app, url);
        app.MapGet("/members/{id:guid}/contact", async (Guid id, HttpRequest request) =>
        {
            var requestedBy = request.Headers["X-Requested-By"].ToString();
            var purpose = request.Query["purpose"].ToString();
            var fields = request.Query["fields"].ToString();
            var token = await ServiceTokenCheck.CheckAsync(request, clock);
            standIn.Requests.Enqueue((id, requestedBy, purpose, fields, token));
            if (token.RefusedWith is { } refused)
            {
                return Results.StatusCode(refused);
            }

            if (string.IsNullOrEmpty(requestedBy) || string.IsNullOrEmpty(purpose))
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            return standIn.Contacts.TryGetValue(id, out var c)
                ? Results.Json(new
                {
                    memberId = id,
                    idNumber = Asked(fields, "idNumber") ? "440605199001010011" : null,
                    phone = Asked(fields, "phone") ? c.Phone : null,
                    email = Asked(fields, "email") ? c.Email : null,
                })
                : Results.NotFound();
        });
        await app.StartAsync();
        return standIn;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private static bool Asked(string fields, string field) =>
        string.IsNullOrEmpty(fields) || fields.Split(',').Contains(field, StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// STAND-IN FOR THE DAPR SIDECAR, NOT DAPR: no daprd can be installed here. A small HTTP/2 listener
/// that speaks the part of the sidecar's API <c>DaprClient.InvokeBindingAsync</c> uses: the gRPC
/// method <c>dapr.proto.runtime.v1.Dapr/InvokeBinding</c> (the .NET SDK talks gRPC to the sidecar,
/// not the HTTP <c>/v1.0/bindings/{name}</c> route), with Dapr's own protobuf messages. It records
/// each binding request; with <c>failWith</c> it answers every call with that gRPC status instead.
/// </summary>
public sealed class DaprSidecarStandIn : IAsyncDisposable
{
    private readonly WebApplication app;

    private DaprSidecarStandIn(WebApplication app, string url)
    {
        this.app = app;
        Url = url;
    }

    public string Url { get; }

    public ConcurrentQueue<InvokeBindingRequest> Bindings { get; } = new();

    public ConcurrentQueue<string> OtherCalls { get; } = new();

    public static async Task<DaprSidecarStandIn> StartAsync(int? failWith = null)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        var standIn = new DaprSidecarStandIn(app, $"http://127.0.0.1:{port}");
        app.MapPost("/dapr.proto.runtime.v1.Dapr/InvokeBinding", async (HttpContext context) =>
        {
            var request = InvokeBindingRequest.Parser.ParseFrom(await ReadFrameAsync(context.Request));
            if (failWith is { } status)
            {
                await ReplyAsync(context, null, status, "binding failed (stand-in told to fail)");
                return;
            }

            standIn.Bindings.Enqueue(request);
            await ReplyAsync(context, new InvokeBindingResponse(), 0, null);
        });
        app.MapPost("/dapr.proto.runtime.v1.Dapr/{method}", async (string method, HttpContext context) =>
        {
            standIn.OtherCalls.Enqueue(method);
            await ReplyAsync(context, null, 12, $"{method} is not part of this stand-in");
        });
        await app.StartAsync();
        return standIn;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    // gRPC over HTTP/2: each message is a 1-byte compression flag, a 4-byte big-endian length, the protobuf bytes.
    private static async Task<byte[]> ReadFrameAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1, 4));
        return bytes.AsSpan(5, length).ToArray();
    }

    private static async Task ReplyAsync(HttpContext context, IMessage? message, int status, string? error)
    {
        context.Response.ContentType = "application/grpc";
        if (message is not null)
        {
            var payload = message.ToByteArray();
            var frame = new byte[5 + payload.Length];
            BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(1, 4), payload.Length);
            payload.CopyTo(frame, 5);
            await context.Response.Body.WriteAsync(frame);
        }

        context.Response.AppendTrailer("grpc-status", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (error is not null)
        {
            context.Response.AppendTrailer("grpc-message", error);
        }
    }
}

/// <summary>
/// How the stand-ins check the caller the way the real contact endpoints do: a bearer token
/// signed with this test run's key, from the test issuer, for the platform audience, within its lifetime,
/// carrying <c>lishui.contacts.read</c>. The service under test signs its token with its own clock, which
/// may be the test's fake one, so the lifetime is checked against that clock too.
/// </summary>
public static class ServiceTokenCheck
{
    public sealed record Outcome(int? RefusedWith, string? ClientId, string? Scope, string? Error);

    public static async Task<Outcome> CheckAsync(HttpRequest request, TimeProvider? clock)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return new Outcome(StatusCodes.Status401Unauthorized, null, null, "no bearer token");
        }

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(header["Bearer ".Length..], new TokenValidationParameters
        {
            ValidIssuer = TestTokens.Issuer,
            ValidAudience = TestTokens.Audience,
            IssuerSigningKey = new SymmetricSecurityKey(Convert.FromBase64String(TestTokens.Key)),
            ValidateLifetime = false, // below, against the right clock
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken token)
        {
            return new Outcome(StatusCodes.Status401Unauthorized, null, null, result.Exception?.Message ?? "invalid token");
        }

        // Service tokens are cached per process (ServiceTokenHandler), so one signed by a host on real time
        // may reach a test on a fake clock: valid at the test's clock or at real time.
        var skew = TimeSpan.FromSeconds(30);
        var instants = new[] { (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime, DateTime.UtcNow };
        if (!instants.Any(now => token.ValidFrom - skew <= now && now <= token.ValidTo + skew))
        {
            return new Outcome(StatusCodes.Status401Unauthorized, null, null, $"token valid {token.ValidFrom:O}..{token.ValidTo:O}, not now");
        }

        var clientId = token.TryGetPayloadValue<string>(PlatformClaims.ClientId, out var c) ? c : null;
        var scope = token.TryGetPayloadValue<string>(PlatformClaims.Scope, out var s) ? s : null;
        var scopes = scope?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return scopes.Contains(PlatformScopes.ContactsRead, StringComparer.Ordinal)
            ? new Outcome(null, clientId, scope, null)
            : new Outcome(StatusCodes.Status403Forbidden, clientId, scope, $"scope '{scope}' lacks {PlatformScopes.ContactsRead}");
    }
}
