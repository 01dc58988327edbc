using Lishui.Assessment.Data;
using Lishui.Assessment.Domain;
using Lishui.Assessment.Security;
using Lishui.Shared.Domain;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Features.Notices;

/// <summary>
/// One notice on the public notice board. <c>State</c> is the code (<c>open</c>, <c>closed</c>, <c>final</c>),
/// <c>StateLabel</c> the words a resident reads; <c>OrganisationName</c> is null until the organisation
/// has arrived in this service's view of the tree.
/// </summary>
public sealed record PublicNoticeListItem(
    Guid Id, int Year, Guid OrganisationId, string? OrganisationName, SchemeTopic Topic, string TopicLabel,
    DateOnly WindowOpensOn, DateOnly WindowClosesOn, string State, string StateLabel,
    int SubjectCount, int ObjectionCount, int AnsweredObjectionCount);

/// <summary>
/// GET /public/notices?year=&amp;organisationId=&amp;state=&amp;page=&amp;pageSize=: every published notice,
/// newest first, for the public portal (no login). <c>organisationId</c> takes that organisation and
/// every one below it, so a village's page also lists its branches' and groups' notices. The state is
/// decided on the town's date, as filing an objection and finalising are.
/// </summary>
public static class ListPublicNotices
{
    private static readonly string[] StateCodes = [.. Enum.GetValues<NoticeState>().Select(NoticeStates.Code)];

    public static RouteHandlerBuilder MapListPublicNotices(this IEndpointRouteBuilder api) =>
        api.MapGet("/public/notices", HandleAsync).RequireAccess(AssessmentAccess.Anyone)
            .WithName("ListPublicNotices")
            .WithSummary("公示列表 / Published notices, newest first")
            .ProducesValidationProblem();

    private static async Task<Results<Ok<Page<PublicNoticeListItem>>, ProblemHttpResult>> HandleAsync(
        string? year, string? organisationId, string? state, string? page, string? pageSize,
        AssessmentDbContext db, TimeProvider time, CancellationToken ct)
    {
        var query = new QueryValues();
        var yearFilter = query.Int("year", year, 2000, 2100, "年度");
        var organisationFilter = query.Id("organisationId", organisationId, "党组织");
        var stateFilter = query.OneOf("state", state, NoticeStates.FromCode, StateCodes, "公示状态");
        var (number, size, skip) = query.Paging(page, pageSize);
        if (query.Problem() is { } problem)
        {
            return problem;
        }

        var today = time.Today();
        var notices = db.Notices.AsNoTracking();
        if (yearFilter is { } y)
        {
            notices = notices.Where(n => n.Year == y);
        }

        if (organisationFilter is { } org)
        {
            var subtree = (await db.SubtreeAsync(org, ct)).ToArray();
            notices = notices.Where(n => subtree.Contains(n.OrganisationId));
        }

        // The same decision as NoticeStates.Of, as SQL.
        notices = stateFilter switch
        {
            NoticeState.Final => notices.Where(n => n.FinalisedAt != null),
            NoticeState.Closed => notices.Where(n => n.FinalisedAt == null && n.WindowClosesOn < today),
            NoticeState.Open => notices.Where(n => n.FinalisedAt == null && n.WindowClosesOn >= today),
            _ => notices,
        };

        var total = await notices.CountAsync(ct);
        var rows = await (
                from n in notices
                join s in db.Schemes on n.SchemeId equals s.Id
                join o in db.Organisations on n.OrganisationId equals o.OrganisationId into named
                from o in named.DefaultIfEmpty()
                orderby n.PublishedAt descending, n.Id descending
                select new
                {
                    n.Id, n.Year, n.OrganisationId, OrganisationName = o == null ? null : o.Name, s.Topic,
                    n.WindowOpensOn, n.WindowClosesOn, n.FinalisedAt, n.SubjectCount,
                    Objections = db.Objections.Count(x => x.NoticeId == n.Id),
                    Answered = db.Objections.Count(x => x.NoticeId == n.Id && x.AnsweredAt != null),
                })
            .Skip(skip).Take(size)
            .ToListAsync(ct);
        var items = rows.Select(r =>
        {
            var noticeState = NoticeStates.Of(r.FinalisedAt is not null, r.WindowClosesOn, today);
            return new PublicNoticeListItem(r.Id, r.Year, r.OrganisationId, r.OrganisationName, r.Topic, SchemeTopics.Zh(r.Topic),
                r.WindowOpensOn, r.WindowClosesOn, NoticeStates.Code(noticeState), NoticeStates.Zh(noticeState),
                r.SubjectCount, r.Objections, r.Answered);
        }).ToList();
        return TypedResults.Ok(new Page<PublicNoticeListItem>(items, number, size, total));
    }
}
