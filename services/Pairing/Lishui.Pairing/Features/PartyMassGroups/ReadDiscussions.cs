using Lishui.Contracts.Membership;
using Lishui.Pairing.Data;
using Lishui.Pairing.Domain;
using Lishui.Pairing.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Features.PartyMassGroups;

public sealed record DiscussionAttendee(Guid MemberId, string? Name, AttendanceStatus Status, string? Reason);

public sealed record DiscussionDetailResponse(
    Guid Id,
    Guid GroupId,
    string? GroupName,
    string Month,
    DateOnly HeldOn,
    string Topic,
    string Place,
    Guid? ServicePositionId,
    string Minutes,
    IReadOnlyList<DiscussionAttendee> Attendance);

/// <summary>
/// GET /party-mass-groups/{id}/discussions: a group's monthly discussions, newest month first (optionally
/// of one year), with attendance totals; GET /party-mass-discussions/{id}: one with its minutes and sheet.
/// </summary>
public static class ReadDiscussions
{
    public static IEndpointRouteBuilder MapReadDiscussions(this IEndpointRouteBuilder api)
    {
        api.MapGet("/party-mass-groups/{id:guid}/discussions", ListAsync).RequireAccess(PairingAccess.SubtreeRead, PairingAccess.Group)
            .WithName("ListPartyMassDiscussions").WithSummary("党群小组每月讨论记录 / A party–mass group's monthly discussions");
        api.MapGet("/party-mass-discussions/{id:guid}", GetAsync).RequireAccess(PairingAccess.SubtreeRead, ScopeRef.Route("id", PairingScopes.PartyMassDiscussion))
            .WithName("GetPartyMassDiscussion").WithSummary("党群小组讨论详情（含会议记录与出席）/ A monthly discussion with its minutes and attendance");
        return api;
    }

    private static async Task<Results<Ok<Page<DiscussionResponse>>, ProblemHttpResult>> ListAsync(
        Guid id, int? year, int? page, int? pageSize, PairingDbContext db, CancellationToken ct)
    {
        var (number, size, skip) = Paging.Normalise(page, pageSize);
        if (await db.Organisations.AsNoTracking().Where(o => o.OrganisationId == id && o.Kind == OrganisationKind.PartyMassGroup)
                .Select(o => o.Name).FirstOrDefaultAsync(ct) is not { } groupName)
        {
            return Problems.NotFound("党群小组", "party–mass group");
        }

        var query = db.Discussions.AsNoTracking().Where(d => d.GroupId == id);
        if (year is { } y)
        {
            if (y is < 2000 or > 2099)
            {
                throw new RequestValidationException([new FieldError("year", "year.out-of-range", "年份应在 2000 至 2099 之间。", "The year must be 2000 to 2099.")]);
            }

            query = query.Where(d => d.Month >= new DateOnly(y, 1, 1) && d.Month <= new DateOnly(y, 12, 1));
        }

        var total = await query.CountAsync(ct);
        var discussions = await query.OrderByDescending(d => d.Month).Skip(skip).Take(size).ToListAsync(ct);
        var ids = discussions.Select(d => d.Id).ToList();
        var counts = await db.DiscussionAttendance.AsNoTracking().Where(a => ids.Contains(a.DiscussionId))
            .GroupBy(a => new { a.DiscussionId, a.Status }).Select(g => new { g.Key.DiscussionId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        int Count(Guid discussion, AttendanceStatus status) => counts.FirstOrDefault(c => c.DiscussionId == discussion && c.Status == status)?.Count ?? 0;
        return TypedResults.Ok(new Page<DiscussionResponse>(
            discussions.Select(d => new DiscussionResponse(d.Id, d.GroupId, groupName, d.Month.ToString("yyyy-MM"), d.HeldOn, d.Topic, d.Place, d.ServicePositionId,
                Count(d.Id, AttendanceStatus.Present), Count(d.Id, AttendanceStatus.Excused), Count(d.Id, AttendanceStatus.Absent))).ToList(),
            number, size, total));
    }

    private static async Task<Results<Ok<DiscussionDetailResponse>, ProblemHttpResult>> GetAsync(Guid id, PairingDbContext db, CancellationToken ct)
    {
        if (await db.Discussions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) is not { } d)
        {
            return Problems.NotFound("党群小组讨论", "party–mass group discussion");
        }

        var groupName = await db.Organisations.AsNoTracking().Where(o => o.OrganisationId == d.GroupId).Select(o => o.Name).FirstOrDefaultAsync(ct);
        var sheet = await db.DiscussionAttendance.AsNoTracking().Where(a => a.DiscussionId == id).ToListAsync(ct);
        var memberIds = sheet.Select(a => a.MemberId).ToList();
        var names = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.MemberId)).ToDictionaryAsync(m => m.MemberId, m => m.Name, ct);
        var attendance = sheet
            .Select(a => new DiscussionAttendee(a.MemberId, names.GetValueOrDefault(a.MemberId), a.Status, a.Reason))
            .OrderBy(a => a.Status).ThenBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.MemberId)
            .ToList();
        return TypedResults.Ok(new DiscussionDetailResponse(d.Id, d.GroupId, groupName, d.Month.ToString("yyyy-MM"), d.HeldOn, d.Topic, d.Place,
            d.ServicePositionId, d.Minutes, attendance));
    }
}
