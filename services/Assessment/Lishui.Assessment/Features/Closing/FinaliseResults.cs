using Lishui.Assessment.Data;
using Lishui.Assessment.Domain;
using Lishui.Assessment.Security;
using Lishui.Contracts.Assessment;
using Lishui.Shared.Domain;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Features.Closing;

public sealed record FinalisedResponse(Guid NoticeId, DateTimeOffset FinalisedAt, int Commended, int TalksRequired, int UnqualifiedConsecutively);

/// <summary>
/// POST /notices/{id}/finalise: after the window, with every objection answered, the results are
/// final and their consequences go out through the outbox in the same transaction: MemberCommended,
/// OrganisationalTalkRequired and, against the member's final result of the previous year (assessed
/// here in any organisation, or imported), MemberUnqualifiedConsecutively.
/// </summary>
public static class FinaliseResults
{
    public static RouteHandlerBuilder MapFinaliseResults(this IEndpointRouteBuilder api) =>
        api.MapPost("/notices/{id:guid}/finalise", HandleAsync).RequireAccess(AssessmentAccess.SubtreeChange, AssessmentAccess.Notice)
            .WithName("FinaliseResults")
            .WithSummary("确定考核结果 / Make the results final");

    private static async Task<Results<Ok<FinalisedResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, AssessmentDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await db.Notices.FirstOrDefaultAsync(n => n.Id == id, ct) is not { } notice)
        {
            return Problems.NotFound("公示", "notice");
        }

        var now = time.GetUtcNow();
        var today = TownCalendar.DateOf(now);
        var unanswered = await db.Objections.CountAsync(o => o.NoticeId == id && o.AnsweredAt == null, ct);
        notice.Finalise(unanswered, today, now);

        var scheme = await db.Schemes.FirstAsync(s => s.Id == notice.SchemeId, ct);
        // Commendations, talks and withdrawal advice are about members; a household or village result is final and that is all.
        var consequential = scheme.SubjectType == SubjectType.Member;
        var results = await db.Results.AsNoTracking()
            .Where(r => consequential && r.SchemeId == scheme.Id && (r.Grade == Grade.Excellent || r.Grade == Grade.Unqualified))
            .Select(r => new { r.SubjectId, r.Grade })
            .ToListAsync(ct);
        var previouslyUnqualified = await PreviouslyUnqualifiedAsync(db, scheme, results.Where(r => r.Grade == Grade.Unqualified).Select(r => r.SubjectId).ToList(), ct);
        foreach (var result in results)
        {
            scheme.RecordConsequences(notice, result.SubjectId, result.Grade, previouslyUnqualified.Contains(result.SubjectId) ? Grade.Unqualified : null, now);
        }

        // The response counts what the scheme recorded; saving moves the events to the outbox.
        var recorded = scheme.DomainEvents;
        var response = new FinalisedResponse(notice.Id, now, recorded.OfType<MemberCommended>().Count(),
            recorded.OfType<OrganisationalTalkRequired>().Count(), recorded.OfType<MemberUnqualifiedConsecutively>().Count());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(response);
    }

    /// <summary>
    /// Members Unqualified in a final result of the year before, found by member wherever they were
    /// assessed then (a member transferred since keeps their record): a finalised scheme of the same
    /// topic in any organisation, or a result the town imported for that year.
    /// </summary>
    private static async Task<HashSet<Guid>> PreviouslyUnqualifiedAsync(AssessmentDbContext db, Scheme scheme, IReadOnlyCollection<Guid> unqualifiedNow, CancellationToken ct)
    {
        if (unqualifiedNow.Count == 0)
        {
            return [];
        }

        var previousYear = scheme.Year - 1;
        var finalSchemes = db.Schemes
            .Where(s => s.Year == previousYear && s.SubjectType == scheme.SubjectType && s.Topic == scheme.Topic)
            .Where(s => db.Notices.Any(n => n.SchemeId == s.Id && n.FinalisedAt != null))
            .Select(s => s.Id);
        var assessed = await db.Results
            .Where(r => finalSchemes.Contains(r.SchemeId) && r.Grade == Grade.Unqualified && unqualifiedNow.Contains(r.SubjectId))
            .Select(r => r.SubjectId).ToListAsync(ct);
        var imported = scheme.Topic == SchemeTopic.MemberPoints
            ? await db.ImportedResults.Where(r => r.Year == previousYear && r.Grade == Grade.Unqualified && unqualifiedNow.Contains(r.MemberId)).Select(r => r.MemberId).ToListAsync(ct)
            : [];
        return [.. assessed, .. imported];
    }
}
