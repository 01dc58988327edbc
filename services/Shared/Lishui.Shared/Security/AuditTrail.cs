using Lishui.Shared.Data.Configurations;
using Lishui.Shared.Messaging;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lishui.Shared.Security;

/// <summary>
/// Who changed what, when, from where, and which events it produced. Append-only: written in the same
/// transaction as the change (so a change never lacks its entry and a failed request leaves none).
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }

    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>The token's subject (or the client id of a service identity); "anonymous" for public posts.</summary>
    public required string Actor { get; init; }

    public required string[] ActorRoles { get; init; }

    public Guid? ActorOrganisationId { get; init; }

    public required string Method { get; init; }

    /// <summary>The route template, e.g. <c>/members/{id}/status</c>.</summary>
    public required string Route { get; init; }

    public required string Path { get; init; }

    public string? RemoteAddress { get; init; }

    public string? TraceId { get; init; }

    /// <summary>The integration events the change put in the outbox.</summary>
    public required Guid[] EventIds { get; init; }

    public required string[] EventTypes { get; init; }
}

public sealed record AuditEntryResponse(
    long Id, DateTimeOffset OccurredAt, string Actor, string[] ActorRoles, Guid? ActorOrganisationId,
    string Method, string Route, string Path, string? RemoteAddress, string? TraceId, Guid[] EventIds, string[] EventTypes);

public static class AuditTrail
{
    public const string Table = "audit_entries";

    public static ModelBuilder AddAuditTable(this ModelBuilder model) => model.ApplyConfiguration(new AuditEntryConfiguration());

    /// <summary>SQL for a migration: the table refuses UPDATE and DELETE, whoever asks.</summary>
    public const string AppendOnlySql = $"""
        CREATE OR REPLACE FUNCTION lishui_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'audit entries are append-only';
        END $$;
        DROP TRIGGER IF EXISTS audit_entries_append_only ON {Table};
        CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON {Table}
          FOR EACH ROW EXECUTE FUNCTION lishui_audit_append_only();
        """;

    /// <summary>
    /// For a change the tracked rows do not show (a bulk <c>ExecuteUpdate</c>, a password set at the
    /// broker): the request's next SaveChanges records its audit entry even with nothing else to save.
    /// </summary>
    public static void AuditWithoutTrackedChanges(this HttpContext http) => http.Items[AuditInterceptor.Requested] = true;

    /// <summary>GET /audit-trail: town administrators and auditors; newest first, filters by actor, route and time.</summary>
    public static RouteHandlerBuilder MapAuditTrail<TDbContext>(this IEndpointRouteBuilder api)
        where TDbContext : DbContext
    {
        Func<TDbContext, string?, string?, DateTimeOffset?, DateTimeOffset?, int?, int?, CancellationToken, Task<Page<AuditEntryResponse>>> handler = ListAsync;
        return api.MapGet("/audit-trail", handler)
            .WithName("ListAuditTrail")
            .WithSummary("操作审计记录 / Audit trail of changes")
            .RequireAccess(AccessRule.Of(Grant.Town, Grant.AuditorRead));
    }

    private static async Task<Page<AuditEntryResponse>> ListAsync<TDbContext>(
        TDbContext db, string? actor, string? route, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize, CancellationToken ct)
        where TDbContext : DbContext
    {
        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.Set<AuditEntry>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(actor))
        {
            query = query.Where(a => a.Actor == actor);
        }

        if (!string.IsNullOrWhiteSpace(route))
        {
            query = query.Where(a => a.Route == route);
        }

        if (from is { } f)
        {
            query = query.Where(a => a.OccurredAt >= f);
        }

        if (to is { } t)
        {
            query = query.Where(a => a.OccurredAt < t);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.Id).Skip(skip).Take(size)
            .Select(a => new AuditEntryResponse(a.Id, a.OccurredAt, a.Actor, a.ActorRoles, a.ActorOrganisationId,
                a.Method, a.Route, a.Path, a.RemoteAddress, a.TraceId, a.EventIds, a.EventTypes))
            .ToListAsync(ct);
        return new Page<AuditEntryResponse>(items, number, size, total);
    }
}

/// <summary>
/// Adds an <see cref="AuditEntry"/> to every SaveChanges made while handling a state-changing HTTP
/// request, naming the outbox events that SaveChanges carries. It sees only what the change tracker
/// holds: a handler whose change bypasses it calls <see cref="AuditTrail.AuditWithoutTrackedChanges"/>.
/// Work outside requests (consumers, workers) is audited by its events and inbox instead.
/// </summary>
public sealed class AuditInterceptor(IHttpContextAccessor http, TimeProvider time) : SaveChangesInterceptor
{
    internal static readonly object Requested = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    private void Record(DbContext? db)
    {
        var request = http.HttpContext;
        if (db is null || request is null || HttpMethods.IsGet(request.Request.Method) || HttpMethods.IsHead(request.Request.Method)
            || db.Model.FindEntityType(typeof(AuditEntry)) is null)
        {
            return;
        }

        var changes = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not AuditEntry)
            .ToList();
        // Asked for once: a later SaveChanges of the same request (its idempotency record) adds no second entry.
        var requested = request.Items.Remove(Requested);
        if (!requested && (changes.Count == 0 || changes.All(e => e.Entity is IdempotencyRecord)))
        {
            return;
        }

        var events = changes.Select(e => e.Entity).OfType<OutboxMessage>().ToList();
        var caller = Caller.From(request.User);
        db.Add(new AuditEntry
        {
            OccurredAt = time.GetUtcNow(),
            Actor = caller.Name,
            ActorRoles = [.. caller.Roles.Order(StringComparer.Ordinal)],
            ActorOrganisationId = caller.OrganisationId,
            Method = request.Request.Method,
            Route = (request.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? request.Request.Path.Value ?? "",
            Path = request.Request.Path.Value ?? "",
            RemoteAddress = request.Connection.RemoteIpAddress?.ToString(),
            TraceId = System.Diagnostics.Activity.Current?.TraceId.ToString(),
            EventIds = [.. events.Select(e => e.EventId)],
            EventTypes = [.. events.Select(e => e.MessageUrn)],
        });
    }
}
