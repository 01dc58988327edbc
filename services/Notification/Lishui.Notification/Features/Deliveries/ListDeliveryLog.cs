using Lishui.Notification.Data;
using Lishui.Notification.Domain;
using Lishui.Notification.Domain.Delivery;
using Lishui.Notification.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.Features.Deliveries;

/// <summary>Delivery log.</summary>
public static class ListDeliveryLog
{
    // Delivery log and dispatches name recipients across the town: administrators and auditors.
    public static RouteHandlerBuilder MapListDeliveryLog(this IEndpointRouteBuilder api) =>
        api.MapGet("/deliveries", LogAsync).RequireAccess(NotificationAccess.TownAndAuditors).WithTags("Deliveries").WithName("ListDeliveryLog").WithSummary("投递记录 / Delivery log");

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
}
