using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PracticalProjects.Features.EchoWall;

/// <summary>GET /public/echo-wall: the visible posts and their answers, for anyone.</summary>
public static class PublicEchoWall
{
    public static IEndpointRouteBuilder MapPublicEchoWall(this IEndpointRouteBuilder api)
    {
        api.MapGet("/public/echo-wall", PublicListAsync).RequireAccess(PracticalProjectsAccess.Anyone).WithName("PublicEchoWall").WithSummary("回音壁（公开）/ The public echo wall");
        return api;
    }

    private static async Task<Page<PublicPostResponse>> PublicListAsync(ProjectsDbContext db, Guid? organisationId, int? page, int? pageSize, CancellationToken ct)
    {
        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.EchoPosts.AsNoTracking().Where(p => !p.Hidden);
        query = organisationId is { } org ? query.Where(p => p.OrganisationId == org) : query;
        var total = await query.CountAsync(ct);
        var posts = await query.OrderByDescending(p => p.PostedAt).Skip(skip).Take(size).AsSplitQuery().ToListAsync(ct);
        return new Page<PublicPostResponse>(posts.Select(p => new PublicPostResponse(
            p.Id.Value, p.Text, p.DisplayName ?? "匿名", p.DisplayName is null, p.PostedAt, p.LinkedRequestId, p.LinkedProjectId,
            p.Answers.Select(a => new EchoAnswerResponse(a.Text, a.AnsweredBy, a.AnsweredAt)).ToList())).ToList(), number, size, total);
    }
}
