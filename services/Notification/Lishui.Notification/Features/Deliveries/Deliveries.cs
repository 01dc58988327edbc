using Lishui.Notification.Data;
using Lishui.Notification.Domain;
using Lishui.Notification.Domain.Delivery;
using Lishui.Notification.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.Features.Deliveries;

public sealed record DeliveryLogResponse(
    Guid Id, Guid DispatchId, Guid SourceEventId, NotificationKind Kind, Guid? RecipientId, DeliveryChannel? Channel,
    string Outcome, int Attempt, DateTimeOffset At, string? Detail);

public sealed record DispatchResponse(
    Guid Id, Guid SourceEventId, NotificationKind Kind, Audience Audience, Guid? RecipientId, Guid? AudienceOrganisationId,
    DispatchStatus Status, bool Urgent, bool Digestible, DateTimeOffset DueAt, int Attempts, string? LastError,
    Guid? NotificationId, Guid? CombinedInto, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt)
{
    public static DispatchResponse From(Dispatch d) =>
        new(d.Id, d.SourceEventId, d.Kind, d.Audience, d.RecipientId, d.AudienceOrganisationId, d.Status, d.Urgent, d.Digestible,
            d.DueAt, d.Attempts, d.LastError, d.NotificationId, d.CombinedInto, d.CreatedAt, d.DeliveredAt);
}

public sealed record DeliveryLogQuery(
    Guid? RecipientId, Guid? DispatchId, Guid? SourceEventId, DeliveryChannel? Channel, string? Outcome, NotificationKind? Kind,
    DateTimeOffset? From, DateTimeOffset? To, int? Page, int? PageSize);

/// <summary>
/// For administrators: every step and attempt of every message (the delivery log), and the messages
/// still on their way or parked, with why. Neither holds an address or phone number.
/// </summary>
public static class Deliveries
{
    public static IEndpointRouteBuilder MapDeliveries(this IEndpointRouteBuilder api)
    {
        // Delivery log and dispatches name recipients across the town: administrators and auditors.
        api.MapGet("/deliveries", LogAsync).RequireAccess(NotificationAccess.TownAndAuditors).WithName("ListDeliveryLog").WithSummary("投递记录 / Delivery log");
        api.MapGet("/dispatches", DispatchesAsync).RequireAccess(NotificationAccess.TownAndAuditors).WithName("ListDispatches").WithSummary("待发与暂存消息 / Messages on their way or parked");
        api.MapPost("/dispatches/{id:guid}/retry", RetryAsync).RequireAccess(NotificationAccess.TownOnly).WithName("RetryDispatch").WithSummary("立即重试暂存消息 / Retry a parked message now");
        return api;
    }

    private static async Task<Page<DeliveryLogResponse>> LogAsync([AsParameters] DeliveryLogQuery q, NotificationDbContext db, CancellationToken ct)
    {
        var (number, size, skip) = Paging.Normalise(q.Page, q.PageSize);
        var query = db.DeliveryLog.AsNoTracking();
        if (q.RecipientId is { } recipient)
        {
            query = query.Where(e => e.RecipientId == recipient);
        }

        if (q.DispatchId is { } dispatch)
        {
            query = query.Where(e => e.DispatchId == dispatch);
        }

        if (q.SourceEventId is { } source)
        {
            query = query.Where(e => e.SourceEventId == source);
        }

        if (q.Channel is { } channel)
        {
            query = query.Where(e => e.Channel == channel);
        }

        if (!string.IsNullOrWhiteSpace(q.Outcome))
        {
            query = query.Where(e => e.Outcome == q.Outcome);
        }

        if (q.Kind is { } kind)
        {
            query = query.Where(e => e.Kind == kind);
        }

        if (q.From is { } from)
        {
            query = query.Where(e => e.At >= from);
        }

        if (q.To is { } to)
        {
            query = query.Where(e => e.At < to);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Skip(skip).Take(size)
            .Select(e => new DeliveryLogResponse(e.Id, e.DispatchId, e.SourceEventId, e.Kind, e.RecipientId, e.Channel, e.Outcome, e.Attempt, e.At, e.Detail))
            .ToListAsync(ct);
        return new Page<DeliveryLogResponse>(items, number, size, total);
    }

    private static async Task<Page<DispatchResponse>> DispatchesAsync(
        NotificationDbContext db, DispatchStatus? status, Guid? recipientId, Guid? sourceEventId, int? page, int? pageSize, CancellationToken ct)
    {
        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.Dispatches.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(d => d.Status == s);
        }

        if (recipientId is { } recipient)
        {
            query = query.Where(d => d.RecipientId == recipient);
        }

        if (sourceEventId is { } source)
        {
            query = query.Where(d => d.SourceEventId == source);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Skip(skip).Take(size).ToListAsync(ct);
        return new Page<DispatchResponse>(items.Select(DispatchResponse.From).ToList(), number, size, total);
    }

    private static async Task<Results<Ok<DispatchResponse>, ProblemHttpResult>> RetryAsync(Guid id, NotificationDbContext db, TimeProvider time, CancellationToken ct)
    {
        var dispatch = await db.Dispatches.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (dispatch is null)
        {
            return Problems.NotFound("消息", "dispatch");
        }

        if (dispatch.Status != DispatchStatus.Parked)
        {
            return Problems.Result(Problems.Create(StatusCodes.Status409Conflict, "dispatch.not-parked", "只有暂存的消息可以重试。", "Only a parked message can be retried."));
        }

        dispatch.Wake(time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(DispatchResponse.From(dispatch));
    }
}
