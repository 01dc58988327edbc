using Lishui.Contracts.Public;
using Lishui.Notification.PublicEvents.Broker;
using Lishui.Notification.PublicEvents.Data;
using Lishui.Notification.PublicEvents.Domain;
using Lishui.Notification.Security;
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

/// <summary>POST /public-events/subscribers: another government system is registered and gets its credentials once.</summary>
public static class SubscriberRegistration
{
    public static IEndpointRouteBuilder MapSubscriberRegistration(this IEndpointRouteBuilder api)
    {
        // The subscriber registry: the town manages it; a subscribing system reads and replays its own.
        api.MapPost("/subscribers", RegisterAsync).RequireAccess(NotificationAccess.TownOnly).WithName("RegisterSubscriber")
            .WithSummary("登记订阅方 / Register a subscribing system (returns its credentials once)")
            .WithDescription("登记一个外部政务系统及其可接收的事件类型（不得高于其数据授权级别），通过 AMQP 队列或签名 Webhook 接收；凭据只在此返回一次。/ " +
                "Registers another government system and the event types it may receive (none above its clearance), by AMQP queue or signed webhook; its credentials are returned here only.")
            .Produces<RegisteredSubscriber>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return api;
    }

    private static async Task<Results<Created<RegisteredSubscriber>, ProblemHttpResult>> RegisterAsync(
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

        if (request.Delivery == DeliveryMode.Webhook && Subscribers.WebhookUrlProblem(request.WebhookUrl!, settings.AllowLoopbackHttpWebhooks ?? env.IsDevelopment()) is { } urlError)
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
            request.WebhookUrl, Subscribers.Actor(http), now, settings.QueuePrefix, settings.UserPrefix, request.ClientId);
        var credentials = await Subscribers.IssueCredentialsAsync(subscriber, broker, management, settings, newQueue: true, ct);
        db.Subscribers.Add(subscriber);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/public-events/subscribers/{subscriber.Id}", new RegisteredSubscriber(SubscriberResponse.Of(subscriber), credentials));
    }
}
