using Lishui.Notification.Data;
using Lishui.Notification.Domain;
using Lishui.Notification.Domain.Delivery;
using Lishui.Notification.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.Features.Deliveries;

/// <summary>Messages on their way or parked.</summary>
public static class ListDispatches
{
    public static RouteHandlerBuilder MapListDispatches(this IEndpointRouteBuilder api) =>
        api.MapGet("/dispatches", DispatchesAsync).RequireAccess(NotificationAccess.TownAndAuditors).WithTags("Deliveries").WithName("ListDispatches").WithSummary("待发与暂存消息 / Messages on their way or parked");

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
}
