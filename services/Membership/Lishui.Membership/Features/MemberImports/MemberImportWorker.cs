using Lishui.Membership.Data;
using Lishui.Membership.Domain.MemberImports;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Features.MemberImports;

/// <summary>Wakes the worker when an import is queued, instead of waiting for its next poll.</summary>
public sealed class MemberImportSignal
{
    private readonly SemaphoreSlim signal = new(0);

    public void Queued() => signal.Release();

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => signal.WaitAsync(timeout, ct);
}

/// <summary>
/// Runs queued imports one at a time. Claiming uses FOR UPDATE SKIP LOCKED, so with several replicas
/// each import runs once; one whose runner died (its heartbeat stopped) is taken up again, which is
/// safe because nothing of it was committed.
/// </summary>
public sealed partial class MemberImportWorker(IServiceScopeFactory scopes, MemberImportSignal signal, TimeProvider time, ILogger<MemberImportWorker> log)
    : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Stale = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            Guid? claimed = null;
            try
            {
                claimed = await ClaimAsync(stoppingToken);
                if (claimed is { } id)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<MemberImportRunner>().RunAsync(id, stoppingToken);
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(e, claimed);
                if (claimed is { } failed)
                {
                    await MarkFailedAsync(failed, stoppingToken);
                }
            }

            try
            {
                await signal.WaitAsync(Poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<Guid?> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var now = time.GetUtcNow();
        var staleBefore = now - Stale;
        var ids = await db.Database.SqlQuery<Guid>($"""
            UPDATE member_imports SET status = 'Running', started_at = {now}, heartbeat_at = {now}, rows_processed = 0, imported = 0
            WHERE id = (SELECT id FROM member_imports
                        WHERE status = 'Queued' OR (status = 'Running' AND heartbeat_at < {staleBefore})
                        ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
            RETURNING id AS "Value"
            """).ToListAsync(ct);
        return ids.Count == 0 ? null : ids[0];
    }

    private async Task MarkFailedAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await MemberImportRunner.SetFinishedAsync(scope.ServiceProvider.GetRequiredService<MembershipDbContext>(), id, MemberImportStatus.Failed, 0,
                [new ImportRowError(0, string.Empty, "server.error", "导入时发生内部错误，未写入任何数据，请稍后重新导入。",
                    "An internal error stopped the import; nothing was imported. Please try again later.")],
                time.GetUtcNow(), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(e, id);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Member import {ImportId} failed")]
    private partial void LogFailed(Exception e, Guid? importId);
}
