namespace Lishui.Portal.Clients;

public sealed record PublicEventType(string Type, int Version, string Classification, string SummaryZh);

public sealed record Subscriber(
    Guid Id, string Name, string Contact, string? ClientId, string Delivery, string Clearance, IReadOnlyList<string> AllowedTypes,
    string? WebhookUrl, string? AmqpQueue, string? AmqpUser, string Status, DateTimeOffset? SuspendedAt, string? SuspensionReason,
    string RegisteredBy, DateTimeOffset RegisteredAt);

/// <summary>Shown once, right after registering or rotating: the service keeps only what it needs to check them.</summary>
public sealed record SubscriberCredentials(string? AmqpUri, string? AmqpUser, string? AmqpPassword, string? AmqpQueue, string? Exchange, string? WebhookSecret);

public sealed record RegisteredSubscriber(Subscriber Subscriber, SubscriberCredentials Credentials);

public sealed record Replay(
    Guid Id, Guid SubscriberId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<string> Types, string Status, long Total, long Processed,
    string RequestedBy, DateTimeOffset RequestedAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, string? Error)
{
    public int Percent => Status == "Completed" ? 100 : Total == 0 ? 0 : (int)Math.Min(100, Processed * 100 / Total);
}

public sealed record DeliveryLogRow(
    Guid Id, Guid DispatchId, Guid SourceEventId, string Kind, Guid? RecipientId, string? Channel, string Outcome, int Attempt, DateTimeOffset At, string? Detail);

/// <summary>Notification as the town runs it (subscribing systems, the delivery log), with the signed-in person's token.</summary>
public sealed class TownNotificationApi(HttpClient http)
{
    public Task<MyRead<Page<Subscriber>>> SubscribersAsync(int page, CancellationToken ct) =>
        http.ReadAsAsync<Page<Subscriber>>($"/public-events/subscribers?page={page}&pageSize=20", ct);

    public Task<MyRead<Subscriber>> SubscriberAsync(Guid id, CancellationToken ct) =>
        http.ReadOrMissingAsync<Subscriber>($"/public-events/subscribers/{id}", ct);

    public Task<MyRead<List<PublicEventType>>> TypesAsync(CancellationToken ct) =>
        http.ReadAsAsync<List<PublicEventType>>("/public-events/types", ct);

    public Task<ApiResult<RegisteredSubscriber>> RegisterAsync(object subscriber, string key, CancellationToken ct) =>
        http.PostOnceAsync<RegisteredSubscriber>("/public-events/subscribers", subscriber, key, ct);

    public Task<ApiResult<SubscriberCredentials>> RotateAsync(Guid id, string key, CancellationToken ct) =>
        http.PostOnceAsync<SubscriberCredentials>($"/public-events/subscribers/{id}/credentials", new { }, key, ct);

    public Task<MyRead<Page<Replay>>> ReplaysAsync(Guid id, CancellationToken ct) =>
        http.ReadAsAsync<Page<Replay>>($"/public-events/subscribers/{id}/replays?pageSize=10", ct);

    public Task<ApiResult<Replay>> ReplayAsync(Guid id, object replay, string key, CancellationToken ct) =>
        http.PostOnceAsync<Replay>($"/public-events/subscribers/{id}/replays", replay, key, ct);

    public Task<MyRead<Page<DeliveryLogRow>>> DeliveriesAsync(string? outcome, int page, CancellationToken ct) =>
        http.ReadAsAsync<Page<DeliveryLogRow>>($"/deliveries?page={page}&pageSize=50" + (string.IsNullOrEmpty(outcome) ? "" : $"&outcome={Uri.EscapeDataString(outcome)}"), ct);
}
