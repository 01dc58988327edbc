using System.Net;
using System.Security.Cryptography;
using Lishui.Contracts.Public;
using Lishui.Notification.PublicEvents.Broker;
using Lishui.Notification.PublicEvents.Data;
using Lishui.Notification.PublicEvents.Domain;
using Lishui.Notification.PublicEvents.Webhooks;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lishui.Notification.PublicEvents.Features;

public sealed record RegisterSubscriber(
    string Name, string Contact, DeliveryMode Delivery, IReadOnlyList<string> AllowedTypes, string? RegisteredBy = null,
    DataClassification? Clearance = null, string? WebhookUrl = null, string? ClientId = null) : IValidatableRequest
{
    public IEnumerable<FieldError> Validate()
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(Name, "^[a-z][a-z0-9-]{2,39}$"))
        {
            yield return new FieldError("name", "subscriber.name-invalid", "名称须为 3–40 个小写字母、数字或连字符，以字母开头。", "The name must be 3–40 lower-case letters, digits or hyphens, starting with a letter.");
        }

        if (string.IsNullOrWhiteSpace(Contact) || Contact.Length > 200)
        {
            yield return new FieldError("contact", "subscriber.contact-invalid", "请填写联系人（不超过 200 个字符）。", "A contact (at most 200 characters) is required.");
        }

        // registeredBy is accepted for older clients but not used: who registers is the token's caller.
        if (ClientId is not null && !System.Text.RegularExpressions.Regex.IsMatch(ClientId, "^[A-Za-z0-9][A-Za-z0-9._:@-]{0,199}$"))
        {
            yield return new FieldError("clientId", "subscriber.client-id-invalid", "客户端标识须为 1–200 个字母、数字或 . _ : @ -。", "The client id must be 1–200 letters, digits or . _ : @ -.");
        }

        if (AllowedTypes.Count == 0)
        {
            yield return new FieldError("allowedTypes", "subscriber.types-empty", "请至少选择一种公开事件类型。", "Choose at least one public event type.");
        }

        for (var i = 0; i < AllowedTypes.Count; i++)
        {
            if (!PublicEventCatalog.TryGet(AllowedTypes[i], out _))
            {
                yield return new FieldError($"allowedTypes[{i}]", "public-event.type-unknown", $"未知的公开事件类型“{AllowedTypes[i]}”。", $"Unknown public event type '{AllowedTypes[i]}'.");
            }
        }

        if (Delivery == DeliveryMode.Webhook && string.IsNullOrWhiteSpace(WebhookUrl))
        {
            yield return new FieldError("webhookUrl", "field.required", "Webhook 订阅须填写推送地址。", "A webhook subscriber needs a webhook URL.");
        }

        if (Delivery == DeliveryMode.Amqp && WebhookUrl is not null)
        {
            yield return new FieldError("webhookUrl", "subscriber.webhook-url-unexpected", "AMQP 订阅不使用推送地址。", "An AMQP subscriber has no webhook URL.");
        }
    }
}

public sealed record SubscriberResponse(
    Guid Id, string Name, string Contact, string? ClientId, DeliveryMode Delivery, DataClassification Clearance, IReadOnlyList<string> AllowedTypes,
    string? WebhookUrl, string? AmqpQueue, string? AmqpUser, SubscriberStatus Status, DateTimeOffset? SuspendedAt, string? SuspensionReason,
    string RegisteredBy, DateTimeOffset RegisteredAt)
{
    public static SubscriberResponse Of(Subscriber s) => new(
        s.Id, s.Name, s.Contact, s.ClientId, s.Delivery, s.Clearance, s.AllowedTypes, s.WebhookUrl, s.AmqpQueue, s.AmqpUser, s.Status, s.SuspendedAt, s.SuspensionReason,
        s.RegisteredBy, s.RegisteredAt);
}

/// <summary>Shown once: the broker is told only a hash, and the webhook secret is not shown again.</summary>
public sealed record SubscriberCredentials(string? AmqpUri, string? AmqpUser, string? AmqpPassword, string? AmqpQueue, string? Exchange, string? WebhookSecret);

public sealed record RegisteredSubscriber(SubscriberResponse Subscriber, SubscriberCredentials Credentials);

/// <summary><c>reactivatedBy</c> is accepted for older clients but not used: who reactivates is the token's caller.</summary>
public sealed record Reactivate(string? ReactivatedBy = null) : IValidatableRequest
{
    public IEnumerable<FieldError> Validate() => [];
}

public sealed record DeliveryLogEntry(long Id, Guid EventId, string Type, WebhookDeliveryStatus Status, int Attempts, DateTimeOffset NextAttemptAt, int? LastStatusCode, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt, Guid? ReplayId);

public sealed record AttemptLogEntry(long DeliveryId, Guid EventId, int Attempt, DateTimeOffset AttemptedAt, int? StatusCode, string? Error, int DurationMs);

public static class Subscribers
{
    public static RouteGroupBuilder MapSubscribers(this RouteGroupBuilder group)
    {
        group.MapPost("/subscribers", RegisterAsync).WithName("RegisterSubscriber")
            .WithSummary("登记订阅方 / Register a subscribing system (returns its credentials once)")
            .WithDescription("登记一个外部政务系统及其可接收的事件类型（不得高于其数据授权级别），通过 AMQP 队列或签名 Webhook 接收；凭据只在此返回一次。/ " +
                "Registers another government system and the event types it may receive (none above its clearance), by AMQP queue or signed webhook; its credentials are returned here only.")
            .Produces<RegisteredSubscriber>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/subscribers", ListAsync).WithName("ListSubscribers")
            .WithSummary("订阅方列表 / The registered subscribers")
            .WithDescription("按名称排序的全部订阅方及其状态，不含凭据。/ Every subscriber by name with its status, without credentials.");
        group.MapGet("/subscribers/{id:guid}", GetAsync).WithName("GetSubscriber")
            .WithSummary("订阅方详情 / A subscriber")
            .WithDescription("订阅方的投递方式、可接收的事件类型和状态（含暂停原因）。/ The subscriber's delivery, allowed event types and status (with why it was suspended).");
        group.MapPost("/subscribers/{id:guid}/credentials", RotateCredentialsAsync).WithName("RotateSubscriberCredentials")
            .WithSummary("重新签发凭据 / Issue new credentials (the old ones stop working)")
            .WithDescription("凭据丢失或泄露时使用：签发新的 AMQP 密码或 Webhook 签名密钥，旧凭据立即失效。/ For lost or leaked credentials: a new AMQP password or webhook signing secret; the old one stops working at once.")
            .Produces<SubscriberCredentials>();
        group.MapPost("/subscribers/{id:guid}/reactivate", ReactivateAsync).WithName("ReactivateSubscriber")
            .WithSummary("恢复已暂停的订阅方 / Reactivate a suspended subscriber")
            .WithDescription("Webhook 持续失败而暂停的订阅方恢复后，暂停期间未送达的事件会重新投递。/ After a subscriber suspended for a failing webhook is reactivated, what was not delivered meanwhile is sent again.")
            .Produces<SubscriberResponse>();
        group.MapGet("/subscribers/{id:guid}/deliveries", DeliveriesAsync).WithName("ListSubscriberDeliveries")
            .WithSummary("Webhook 投递记录 / Webhook delivery log")
            .WithDescription("每个事件向该订阅方的投递状态、尝试次数和最近的错误，最新在前，可按状态筛选。/ Each event's delivery to this subscriber, its attempts and last error, newest first, optionally by status.")
            .Produces<Page<DeliveryLogEntry>>();
        group.MapGet("/subscribers/{id:guid}/attempts", AttemptsAsync).WithName("ListSubscriberAttempts")
            .WithSummary("Webhook 请求记录 / Every HTTP attempt, newest first")
            .WithDescription("每一次 HTTP 推送请求的状态码、错误和耗时，便于对方排查接收端。/ Every webhook HTTP request with its status code, error and duration, so the receiving side can be diagnosed.")
            .Produces<Page<AttemptLogEntry>>();
        group.MapGet("/subscribers/{id:guid}/notices", NoticesAsync).WithName("ListSubscriberNotices")
            .WithSummary("给订阅方的通知 / Notices to the subscriber")
            .WithDescription("平台发给该订阅方的通知，例如事件类型即将停用或订阅被暂停。/ What the platform told this subscriber, such as an event type being deprecated or the subscription being suspended.")
            .Produces<Page<SubscriberNotice>>();
        return group;
    }

    private static async Task<IResult> RegisterAsync(
        ValidatedBody<RegisterSubscriber> body, HttpContext http, PublicEventsDb db, PublicBroker broker, RabbitMqManagement management,
        IOptions<PublicEventsOptions> options, IHostEnvironment env, [FromKeyedServices(PublicEventsModule.Clock)] TimeProvider time, CancellationToken ct)
    {
        var request = body.Value;
        var settings = options.Value;
        var clearance = request.Clearance ?? DataClassification.Public;
        var refused = request.AllowedTypes
            .Select((type, i) => (Type: PublicEventCatalog.TryGet(type, out var t) ? t : null, Index: i))
            .Where(x => x.Type is not null && x.Type.Classification > clearance)
            .Select(x => new FieldError($"allowedTypes[{x.Index}]", "subscriber.type-not-allowed",
                $"“{x.Type!.Type}”的数据分级为 {PublicEventsModule.Zh(x.Type.Classification)}，高于该订阅方的授权级别 {PublicEventsModule.Zh(clearance)}。",
                $"'{x.Type!.Type}' is classified {x.Type.Classification}, above this subscriber's clearance {clearance}."))
            .ToList();
        if (refused.Count > 0)
        {
            var problem = Problems.Validation(refused);
            problem.Status = StatusCodes.Status422UnprocessableEntity;
            problem.Type = "urn:lishui:problem:subscriber.type-not-allowed";
            problem.Extensions["code"] = "subscriber.type-not-allowed";
            return Problems.Result(problem);
        }

        if (request.Delivery == DeliveryMode.Webhook && WebhookUrlProblem(request.WebhookUrl!, settings.AllowLoopbackHttpWebhooks ?? env.IsDevelopment()) is { } urlError)
        {
            return Problems.Result(Problems.Validation([urlError]));
        }

        if (request.Delivery == DeliveryMode.Amqp && !management.IsConfigured)
        {
            return Problems.Result(Problems.Create(StatusCodes.Status503ServiceUnavailable, "public-events.amqp-unavailable",
                "未配置消息代理管理接口，暂不能登记 AMQP 订阅方。", "The broker's management API is not configured (PublicEvents:RabbitMqManagement); AMQP subscribers cannot be registered."));
        }

        if (request.ClientId is { } clientId && await db.Subscribers.AnyAsync(s => s.ClientId == clientId, ct))
        {
            return Problems.Result(Problems.Create(StatusCodes.Status409Conflict, "subscriber.client-id-taken",
                $"客户端标识“{clientId}”已属于另一订阅方。", $"The client id '{clientId}' already belongs to another subscriber."));
        }

        if (await db.Subscribers.AnyAsync(s => s.Name == request.Name, ct))
        {
            return Problems.Result(Problems.Create(StatusCodes.Status409Conflict, "subscriber.name-taken",
                $"名称“{request.Name}”已被登记。如丢失了凭据，请申请新凭据（POST …/credentials）。",
                $"The name '{request.Name}' is already registered. If the credentials were lost, issue new ones (POST …/credentials)."));
        }

        var now = time.GetUtcNow();
        var subscriber = Subscriber.Register(Guid.CreateVersion7(now), request.Name, request.Contact.Trim(), request.Delivery, clearance, request.AllowedTypes,
            request.WebhookUrl, Actor(http), now, settings.QueuePrefix, settings.UserPrefix, request.ClientId);
        var credentials = await IssueCredentialsAsync(subscriber, broker, management, settings, newQueue: true, ct);
        db.Subscribers.Add(subscriber);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/public-events/subscribers/{subscriber.Id}", new RegisteredSubscriber(SubscriberResponse.Of(subscriber), credentials));
    }

    private static async Task<SubscriberCredentials> IssueCredentialsAsync(
        Subscriber subscriber, PublicBroker broker, RabbitMqManagement management, PublicEventsOptions settings, bool newQueue, CancellationToken ct)
    {
        if (subscriber.Delivery == DeliveryMode.Webhook)
        {
            var secret = WebhookSignature.NewSecret();
            subscriber.UseWebhookSecret(secret);
            return new SubscriberCredentials(null, null, null, null, null, secret);
        }

        // Queue and bindings first (as the platform), then the user that may only read that queue.
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        if (newQueue)
        {
            await broker.DeclareSubscriberQueueAsync(subscriber.AmqpQueue!, subscriber.AllowedTypes, ct);
            await management.CreateSubscriberUserAsync(subscriber.AmqpUser!, password, subscriber.AmqpQueue!, ct);
        }
        else
        {
            await management.SetPasswordAsync(subscriber.AmqpUser!, password, ct);
        }

        var host = settings.AmqpPublicHost ?? broker.Factory.HostName;
        var vhost = broker.Factory.VirtualHost == "/" ? string.Empty : Uri.EscapeDataString(broker.Factory.VirtualHost);
        var uri = $"amqp://{Uri.EscapeDataString(subscriber.AmqpUser!)}:{password}@{host}:{broker.Factory.Port}/{vhost}";
        return new SubscriberCredentials(uri, subscriber.AmqpUser, password, subscriber.AmqpQueue, settings.Exchange, null);
    }

    /// <summary>HTTPS only; plain HTTP just to a loopback address, and only where allowed (Development).</summary>
    public static FieldError? WebhookUrlProblem(string url, bool allowLoopbackHttp)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.UserInfo.Length > 0)
        {
            return new FieldError("webhookUrl", "subscriber.webhook-url-invalid", "推送地址须为完整的 HTTPS 网址（不含用户名密码）。", "The webhook URL must be an absolute HTTPS URL without credentials.");
        }

        var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip));
        if (uri.Scheme == Uri.UriSchemeHttp && !(loopback && allowLoopbackHttp))
        {
            return new FieldError("webhookUrl", "subscriber.webhook-url-not-https", "推送地址必须使用 HTTPS。", "The webhook URL must use HTTPS.");
        }

        return null;
    }

    private static async Task<Ok<Page<SubscriberResponse>>> ListAsync(PublicEventsDb db, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.Subscribers.AsNoTracking().OrderBy(s => s.Name);
        var items = await query.Skip(skip).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new Page<SubscriberResponse>([.. items.Select(SubscriberResponse.Of)], p, size, await query.CountAsync(ct)));
    }

    private static async Task<Results<Ok<SubscriberResponse>, ProblemHttpResult>> GetAsync(Guid id, PublicEventsDb db, CancellationToken ct) =>
        await db.Subscribers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } s
            ? TypedResults.Ok(SubscriberResponse.Of(s))
            : NotFound();

    private static async Task<IResult> RotateCredentialsAsync(
        Guid id, HttpContext http, PublicEventsDb db, PublicBroker broker, RabbitMqManagement management, IOptions<PublicEventsOptions> options, CancellationToken ct)
    {
        if (await db.Subscribers.FirstOrDefaultAsync(s => s.Id == id, ct) is not { } subscriber)
        {
            return NotFound();
        }

        var credentials = await IssueCredentialsAsync(subscriber, broker, management, options.Value, newQueue: false, ct);
        // An AMQP subscriber's new password lives in the broker only, so no row changes: the entry is asked for.
        http.AuditWithoutTrackedChanges();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(credentials);
    }

    private static async Task<IResult> ReactivateAsync(
        Guid id, ValidatedBody<Reactivate> body, HttpContext http, PublicEventsDb db, [FromKeyedServices(PublicEventsModule.Clock)] TimeProvider time, CancellationToken ct)
    {
        if (await db.Subscribers.FirstOrDefaultAsync(s => s.Id == id, ct) is not { } subscriber)
        {
            return NotFound();
        }

        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        subscriber.Reactivate(Actor(http), now);
        // What gave up while it was failing is sent again: a suspension never loses an event.
        await db.WebhookDeliveries.Where(d => d.SubscriberId == id && d.Status == WebhookDeliveryStatus.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, WebhookDeliveryStatus.Pending).SetProperty(d => d.Attempts, 0).SetProperty(d => d.NextAttemptAt, now), ct);
        await db.WebhookDeliveries.Where(d => d.SubscriberId == id && d.Status == WebhookDeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, now), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(SubscriberResponse.Of(subscriber));
    }

    private static async Task<IResult> DeliveriesAsync(Guid id, PublicEventsDb db, int? page, int? pageSize, WebhookDeliveryStatus? status, CancellationToken ct)
    {
        if (!await db.Subscribers.AnyAsync(s => s.Id == id, ct))
        {
            return NotFound();
        }

        var (p, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriberId == id && (status == null || d.Status == status));
        var items = await query.OrderByDescending(d => d.Id).Skip(skip).Take(size)
            .Select(d => new DeliveryLogEntry(d.Id, d.EventId, d.Type, d.Status, d.Attempts, d.NextAttemptAt, d.LastStatusCode, d.LastError, d.CreatedAt, d.DeliveredAt, d.ReplayId))
            .ToListAsync(ct);
        return TypedResults.Ok(new Page<DeliveryLogEntry>(items, p, size, await query.CountAsync(ct)));
    }

    private static async Task<IResult> AttemptsAsync(Guid id, PublicEventsDb db, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.DeliveryAttempts.AsNoTracking().Where(a => a.SubscriberId == id);
        var items = await query.OrderByDescending(a => a.Id).Skip(skip).Take(size)
            .Select(a => new AttemptLogEntry(a.DeliveryId, a.EventId, a.Attempt, a.AttemptedAt, a.StatusCode, a.Error, a.DurationMs))
            .ToListAsync(ct);
        return TypedResults.Ok(new Page<AttemptLogEntry>(items, p, size, await query.CountAsync(ct)));
    }

    private static async Task<IResult> NoticesAsync(Guid id, PublicEventsDb db, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.Notices.AsNoTracking().Where(n => n.SubscriberId == id);
        var items = await query.OrderByDescending(n => n.CreatedAt).Skip(skip).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new Page<SubscriberNotice>(items, p, size, await query.CountAsync(ct)));
    }

    /// <summary>Who did it, from the token (the column holds 100 characters).</summary>
    internal static string Actor(HttpContext http)
    {
        var name = Caller.From(http.User).Name;
        return name.Length > 100 ? name[..100] : name;
    }

    internal static ProblemHttpResult NotFound() => Problems.NotFound("订阅方", "subscriber");
}
