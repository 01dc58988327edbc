using Lishui.Assessment.Data;
using Lishui.Assessment.Domain;
using Lishui.Assessment.Security;
using Lishui.Shared.Domain;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Features.Schemes;

public sealed record ReviseSchemeRequest(
    decimal Total,
    IReadOnlyList<Dimension> Dimensions,
    GradeThresholds? GradeThresholds,
    decimal? ExcellentShareCap,
    IReadOnlyList<PointsRule>? Rules,
    string? Reason,
    DateOnly? EffectiveFrom) : IValidatableRequest
{
    public IEnumerable<FieldError> Validate() => PointsRuleChecks.Check(Rules);

    public SchemeContent Content() =>
        new(Total, Dimensions, GradeThresholds ?? Domain.GradeThresholds.Default, ExcellentShareCap, Rules ?? []);
}

/// <summary>PUT /schemes/{id}: a new version; after the year has started it needs a reason and an effective date.</summary>
public static class ReviseScheme
{
    public static RouteHandlerBuilder MapReviseScheme(this IEndpointRouteBuilder api) =>
        api.MapPut("/schemes/{id:guid}", HandleAsync).RequireAccess(AssessmentAccess.SubtreeChange, AssessmentAccess.Scheme)
            .WithName("ReviseScheme")
            .WithSummary("修订考核方案 / Revise a scheme")
            .Accepts<ReviseSchemeRequest>("application/json");

    private static async Task<Results<Ok<SchemeResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, ValidatedBody<ReviseSchemeRequest> body, AssessmentDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await db.Schemes.FirstOrDefaultAsync(s => s.Id == id, ct) is not { } scheme)
        {
            return Problems.NotFound("考核方案", "scheme");
        }

        var request = body.Value;
        var now = time.GetUtcNow();
        scheme.Revise(request.Content(), request.Reason, request.EffectiveFrom, TownCalendar.DateOf(now));
        db.SchemeVersions.Add(SchemeVersion.Of(scheme, request.EffectiveFrom, request.Reason, now));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(SchemeResponse.From(scheme));
    }
}
