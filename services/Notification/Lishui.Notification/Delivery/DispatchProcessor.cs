using Lishui.Notification.Data;
using Lishui.Notification.Domain.Delivery;
using Lishui.Notification.Domain.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lishui.Notification.Delivery;

/// <summary>
/// One pass of the dispatcher. Due dispatches become inbox messages and channel deliveries (after
/// quiet hours and digest windows); due channel deliveries are attempted (<see cref="ChannelAttempts"/>).
/// Each row is claimed with <c>FOR UPDATE SKIP LOCKED</c>, so replicas share the work without sending
/// anything twice.
/// </summary>
public sealed class DispatchProcessor(
    NotificationDbContext db,
    AudienceExpansion expansion,
    MemberDelivery members,
    ResidentDelivery residents,
    ChannelAttempts channelAttempts,
    DispatchSteps steps,
    TimeProvider time,
    IOptions<DeliveryOptions> options,
    ILogger<DispatchProcessor> log)
{
    private readonly HashSet<Guid> leftToOthers = [];

    private DeliveryOptions Options => options.Value;

    /// <summary>Handles what is due now; returns how many rows it handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var handled = 0;
        while (handled < Options.BatchSize && await NextDispatchAsync(ct))
        {
            handled++;
        }

        var attempts = 0;
        while (attempts < Options.BatchSize && await channelAttempts.NextAsync(ct))
        {
            attempts++;
        }

        return handled + attempts;
    }

    private async Task<bool> NextDispatchAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow();
        var leftForOthers = leftToOthers.ToArray();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var dispatch = (await db.Dispatches
            .FromSql($"SELECT * FROM dispatches WHERE status IN ('Pending', 'Parked') AND due_at <= {now} AND id <> ALL({leftForOthers}) ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED")
            .ToListAsync(ct)).SingleOrDefault();
        if (dispatch is null)
        {
            return false;
        }

        try
        {
            if (!await HandleAsync(dispatch, now, ct))
            {
                // Another worker is putting this person's digest together: it takes this one too.
                leftToOthers.Add(dispatch.Id);
                await tx.RollbackAsync(ct);
                return true;
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await tx.RollbackAsync(ct);
            await ParkAfterFailureAsync(dispatch.Id, e, ct);
        }

        return true;
    }

    /// <summary>False when the dispatch must be left to another worker.</summary>
    private async Task<bool> HandleAsync(Dispatch dispatch, DateTimeOffset now, CancellationToken ct)
    {
        switch (dispatch.Audience)
        {
            case Audience.Member:
                return await members.DeliverAsync(dispatch, now, ct);
            case Audience.Resident:
                await residents.DeliverAsync(dispatch, now, ct);
                return true;
            default:
                await expansion.ExpandAsync(dispatch, now, ct);
                return true;
        }
    }

    private async Task ParkAfterFailureAsync(Guid dispatchId, Exception error, CancellationToken ct)
    {
        log.LogWarning(error, "Dispatch {DispatchId} failed; parked for a later attempt", dispatchId);
        db.ChangeTracker.Clear();
        var dispatch = await db.Dispatches.FirstAsync(d => d.Id == dispatchId, ct);
        var reason = error is TemplateRenderException ? $"template-render-failed: {error.Message}" : $"failed: {error.GetType().Name}: {error.Message}";
        steps.Park(dispatch, reason, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }
}
