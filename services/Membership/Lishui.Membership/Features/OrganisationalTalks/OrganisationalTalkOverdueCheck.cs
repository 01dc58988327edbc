using Lishui.Membership.Data;
using Lishui.Membership.Domain.OrganisationalTalks;
using Lishui.Shared.Domain;
using Lishui.Shared.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lishui.Membership.Features.OrganisationalTalks;

/// <summary>
/// Finds open talks past their due date and publishes OrganisationalTalkOverdue once for each. The talk
/// remembers that its reminder went out, so a second run (or a replica) sends nothing twice; a concurrent
/// run loses on the talk's version and the next run finds nothing left to do.
/// </summary>
public sealed class OrganisationalTalkOverdueCheck(MembershipDbContext db, TimeProvider time)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = TownCalendar.DateOf(now);
        var overdue = await db.OrganisationalTalks
            .Where(t => t.Status == OrganisationalTalkStatus.Open && t.DueOn < today && t.ReminderSentAt == null)
            .OrderBy(t => t.DueOn).Take(500).ToListAsync(ct);
        foreach (var talk in overdue)
        {
            talk.MarkReminded(today, now);
        }

        await db.SaveChangesAsync(ct);
        return overdue.Count;
    }
}

/// <summary>Runs <see cref="OrganisationalTalkOverdueCheck"/> at start and then every interval.</summary>
public sealed partial class OrganisationalTalkOverdueWorker(
    IServiceScopeFactory scopes, IOptions<OrganisationalTalkOptions> options, TimeProvider time, ILogger<OrganisationalTalkOverdueWorker> log)
    : PeriodicWorker(scopes, time, log)
{
    protected override bool Enabled => options.Value.OverdueCheckEnabled;

    protected override TimeSpan Interval => options.Value.OverdueCheckInterval;

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        LogChecked(Log, await services.GetRequiredService<OrganisationalTalkOverdueCheck>().RunAsync(ct));

    [LoggerMessage(Level = LogLevel.Information, Message = "Organisational talk check published {Count} OrganisationalTalkOverdue events")]
    private static partial void LogChecked(ILogger logger, int count);
}
