using Lishui.Notification.Data;
using Lishui.Notification.Domain;
using Lishui.Notification.Domain.Delivery;
using Lishui.Notification.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.Features.Deliveries;

/// <summary>Retry a parked message now.</summary>
public static class RetryDispatch
{
    public static RouteHandlerBuilder MapRetryDispatch(this IEndpointRouteBuilder api) =>
        api.MapPost("/dispatches/{id:guid}/retry", RetryAsync).RequireAccess(NotificationAccess.TownOnly).WithTags("Deliveries").WithName("RetryDispatch").WithSummary("立即重试暂存消息 / Retry a parked message now");

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
