using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Domain;
using Lishui.PracticalProjects.Domain.Projects;
using Lishui.PracticalProjects.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lishui.PracticalProjects.Features.Overdue;

/// <summary>
/// Publishes ProjectOverdue for projects past their planned end and not finished, and ResidentRequestOverdue
/// for requests unanswered past N days; each remembers the period it reported, so a second run (or a
/// replica's) reports nothing twice; a concurrent run loses on the version and the next run catches up.
/// </summary>
public sealed class OverdueCheck(ProjectsDbContext db, TimeProvider time, IOptions<OverdueOptions> options)
{
    public async Task<(int Projects, int Requests)> RunAsync(DateOnly today, CancellationToken ct)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var projects = await db.Projects
            .Where(p => p.PlannedEnd < today && p.Status != ProjectStatus.Completed && p.Status != ProjectStatus.Evaluated && p.Status != ProjectStatus.Cancelled)
            .AsSplitQuery().ToListAsync(ct);
        var projectEvents = 0;
        foreach (var project in projects)
        {
            if (project.MarkOverdue(o.ProjectPeriodDays, today, now) is null)
            {
                continue;
            }

            projectEvents++;
        }

        var receivedBefore = today.AddDays(-o.RequestAnswerDays);
        var requests = await db.ResidentRequests
            .Where(r => (r.Status == RequestStatus.Received || r.Status == RequestStatus.Accepted) && r.ReceivedOn < receivedBefore)
            .ToListAsync(ct);
        var requestEvents = 0;
        foreach (var request in requests)
        {
            if (request.MarkOverdue(o.RequestAnswerDays, today, now) is null)
            {
                continue;
            }

            requestEvents++;
        }

        await db.SaveChangesAsync(ct);
        return (projectEvents, requestEvents);
    }
}
