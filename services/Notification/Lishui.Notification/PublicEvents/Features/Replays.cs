using Lishui.Notification.PublicEvents.Data;
using Lishui.Notification.PublicEvents.Domain;
using Lishui.Notification.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lishui.Notification.PublicEvents.Features;

/// <summary><c>requestedBy</c> is accepted for older clients but not used: who requests is the token's caller.</summary>
public sealed record RequestReplay(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<string> Types, string? RequestedBy = null) : IValidatableRequest
{
    public IEnumerable<FieldError> Validate()
    {
        if (To <= From)
        {
            yield return new FieldError("to", "replay.range-empty", "结束时间须晚于开始时间。", "'to' must be after 'from'.");
        }

        if (Types.Count == 0)
        {
            yield return new FieldError("types", "replay.types-empty", "请至少选择一种事件类型。", "Choose at least one event type.");
        }
    }
}

public sealed record ReplayResponse(
    Guid Id, Guid SubscriberId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<string> Types, ReplayStatus Status, long Total, long Processed,
    string RequestedBy, DateTimeOffset RequestedAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, string? Error)
{
    public static ReplayResponse Of(Replay r) => new(
        r.Id, r.SubscriberId, r.From, r.To, r.Types, r.Status, r.Total, r.Processed, r.RequestedBy, r.RequestedAt, r.StartedAt, r.CompletedAt, r.Error);
}

public static class Replays
{
    public static RouteGroupBuilder MapReplays(this RouteGroupBuilder group)
    {
        group.MapPost("/subscribers/{id:guid}/replays", RequestAsync).RequireAccess(NotificationAccess.OwnSubscription).WithName("RequestReplay")
            .WithSummary("申请重放 / Replay archived events of a time range into the subscriber's queue or webhook")
            .WithDescription("把存档中某一时间段、该订阅方可接收的事件再投递一次，在后台进行；同一 Idempotency-Key 的重试得到同一个重放。/ " +
                "Sends the archived events of a time range the subscriber may receive once more, in the background; a retry with the same Idempotency-Key gets the same replay.")
            .Produces<ReplayResponse>(StatusCodes.Status201Created);
        group.MapGet("/subscribers/{id:guid}/replays", ListAsync).RequireAccess(NotificationAccess.OwnSubscription).WithName("ListReplays")
            .WithSummary("重放记录 / The subscriber's replays")
            .WithDescription("该订阅方申请过的重放，最新在前。/ The replays requested for this subscriber, newest first.")
            .Produces<Page<ReplayResponse>>();
        group.MapGet("/subscribers/{id:guid}/replays/{replayId:guid}", GetAsync).RequireAccess(NotificationAccess.OwnSubscription).WithName("GetReplay")
            .WithSummary("重放进度 / Progress: processed of total")
            .WithDescription("重放的状态和已处理/总数，失败时附错误。/ The replay's status and processed of total, with the error when it failed.")
            .Produces<ReplayResponse>();
        return group;
    }

    private static async Task<Results<Created<ReplayResponse>, IdempotentReplay, ProblemHttpResult>> RequestAsync(
        Guid id, ValidatedBody<RequestReplay> body, HttpContext http, PublicEventsDb db, IOptions<PublicEventsOptions> options,
        [FromKeyedServices(PublicEventsModule.Clock)] TimeProvider time)
    {
        var request = body.Value;
        if (await db.Subscribers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, http.RequestAborted) is not { } subscriber)
        {
            return Subscribers.NotFound();
        }

        var maxDays = options.Value.MaxReplayDays;
        if (request.To - request.From > TimeSpan.FromDays(maxDays))
        {
            return Problems.Result(Problems.Validation([new FieldError("to", "replay.range-too-long",
                $"一次重放的时间范围不能超过 {maxDays} 天，请分段申请。", $"One replay may cover at most {maxDays} days; request it in parts.")]));
        }

        var notAllowed = request.Types
            .Select((type, i) => (type, i))
            .Where(x => !subscriber.AllowedTypes.Contains(x.type, StringComparer.Ordinal))
            .Select(x => new FieldError($"types[{x.i}]", "subscriber.type-not-allowed",
                $"该订阅方无权接收“{x.type}”。", $"This subscriber is not allowed '{x.type}'."))
            .ToList();
        if (notAllowed.Count > 0)
        {
            var problem = Problems.Validation(notAllowed);
            problem.Status = StatusCodes.Status422UnprocessableEntity;
            problem.Type = "urn:lishui:problem:subscriber.type-not-allowed";
            problem.Extensions["code"] = "subscriber.type-not-allowed";
            return Problems.Result(problem);
        }

        return await db.CreateOnceAsync(http, $"public-events-replay:{id}", request, _ =>
        {
            var now = time.GetUtcNow();
            var replay = new Replay
            {
                Id = Guid.CreateVersion7(now), SubscriberId = id, From = request.From.ToUniversalTime(), To = request.To.ToUniversalTime(),
                Types = [.. request.Types.Distinct(StringComparer.Ordinal)], Status = ReplayStatus.Pending, RequestedBy = Subscribers.Actor(http), RequestedAt = now,
            };
            db.Replays.Add(replay);
            return Task.FromResult((ReplayResponse.Of(replay), $"/public-events/subscribers/{id}/replays/{replay.Id}"));
        }, time);
    }

    private static async Task<Ok<Page<ReplayResponse>>> ListAsync(Guid id, PublicEventsDb db, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.Replays.AsNoTracking().Where(r => r.SubscriberId == id);
        var items = await query.OrderByDescending(r => r.RequestedAt).Skip(skip).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new Page<ReplayResponse>([.. items.Select(ReplayResponse.Of)], p, size, await query.CountAsync(ct)));
    }

    private static async Task<Results<Ok<ReplayResponse>, ProblemHttpResult>> GetAsync(Guid id, Guid replayId, PublicEventsDb db, CancellationToken ct) =>
        await db.Replays.AsNoTracking().FirstOrDefaultAsync(r => r.Id == replayId && r.SubscriberId == id, ct) is { } replay
            ? TypedResults.Ok(ReplayResponse.Of(replay))
            : Problems.NotFound("重放请求", "replay");
}
